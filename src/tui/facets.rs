//! The persons-and-places panel: who and where the shown articles mention,
//! by frequency; choosing one filters by it.

use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Widget};

use super::draw;
use super::library::Library;
use super::theme::Theme;
use crate::entities::Kind;
use crate::keys::Action;

/// The panel's state.
pub struct FacetsView {
    lib: Arc<Library>,
    theme: Theme,
    /// (entity, number of shown articles mentioning it), most frequent first.
    pub rows: Vec<(usize, usize)>,
    /// The selected row.
    pub selected: usize,
}

impl FacetsView {
    /// An empty panel.
    pub fn new(lib: Arc<Library>, theme: Theme) -> FacetsView {
        FacetsView {
            lib,
            theme,
            rows: Vec::new(),
            selected: 0,
        }
    }

    /// Counts the entities of the shown articles.
    pub fn recount(&mut self, shown: &[usize]) {
        let mut counts = vec![0usize; self.lib.found.entities.len()];
        let mut seen: Vec<usize> = Vec::new();
        for &a in shown {
            seen.clear();
            for e in self.lib.found.mentioned(a).iter().map(|&e| e as usize) {
                if !seen.contains(&e) {
                    seen.push(e);
                    counts[e] += 1;
                }
            }
        }
        let mut rows: Vec<(usize, usize)> = counts
            .into_iter()
            .enumerate()
            .filter(|&(_, c)| c > 0)
            .collect();
        rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        self.rows = rows;
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
    }

    /// Moves the selection.
    pub fn update(&mut self, action: Action) {
        let last = self.rows.len().saturating_sub(1);
        self.selected = match action {
            Action::Down => (self.selected + 1).min(last),
            Action::Up => self.selected.saturating_sub(1),
            Action::Top => 0,
            Action::Bottom => last,
            _ => self.selected,
        };
    }

    /// The selected entity.
    pub fn current(&self) -> Option<usize> {
        self.rows.get(self.selected).map(|r| r.0)
    }
}

/// The panel as drawn: with or without the keyboard focus.
pub struct FacetsPanel<'a> {
    /// The state.
    pub view: &'a FacetsView,
    /// Whether keys go to the panel.
    pub focused: bool,
}

impl Widget for FacetsPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let v = self.view;
        let block = Block::default()
            .borders(Borders::LEFT)
            .border_style(v.theme.frame)
            .title(" persons · places ");
        let inner = block.inner(area);
        block.render(area, buf);
        let rows = usize::from(inner.height);
        if rows == 0 || inner.width < 8 {
            return;
        }
        let offset = v.selected.saturating_sub(rows.saturating_sub(1));
        for (row, &(entity, count)) in v.rows.iter().enumerate().skip(offset).take(rows) {
            // Named from the table, so that drawing decodes no entity.
            let entities = &v.lib.found.entities;
            let kind = entities.kind(entity).unwrap_or(Kind::Person);
            let name = entities.name(entity).unwrap_or_default();
            let y = inner.y + (row - offset) as u16;
            let mut style = if kind == Kind::Person {
                v.theme.person
            } else {
                v.theme.place
            };
            if self.focused && row == v.selected {
                style = style.patch(v.theme.selected);
            }
            // A letter as well as a colour tells persons from places, so
            // that they differ without colour too (NO_COLOR).
            let letter = if kind == Kind::Person { 'p' } else { 'l' };
            buf.set_stringn(inner.x, y, format!("{count:>4}{letter} "), 6, v.theme.dim);
            let opts = v.lib.layout_at(usize::from(inner.width.saturating_sub(6)));
            draw::text_row(
                buf,
                Rect {
                    x: inner.x + 6,
                    y,
                    width: inner.width.saturating_sub(6),
                    height: 1,
                },
                &name,
                &opts,
                style,
            );
        }
    }
}
