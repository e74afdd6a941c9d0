//! The article list: one row per article, the selection, and scrolling.

use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::draw;
use super::library::Library;
use super::theme::Theme;
use crate::corpus::SortOrder;
use crate::keys::Action;
use crate::layout::{Direction, LayoutOptions};

/// The list's state.
pub struct ListView {
    lib: Arc<Library>,
    theme: Theme,
    /// Article indices shown, in order.
    pub shown: Vec<usize>,
    /// Position of the selection in `shown`.
    pub selected: usize,
    offset: std::cell::Cell<usize>,
    /// Articles opened before (read marks).
    pub read: std::collections::HashSet<usize>,
    /// Bookmarked articles.
    pub bookmarks: std::collections::HashSet<usize>,
    /// The order of the list.
    pub order: SortOrder,
    /// Each article's place in that order (see [`SortOrder::ranks`]).
    ranks: Vec<u32>,
}

impl ListView {
    /// All articles, the first selected.
    pub fn new(lib: Arc<Library>, theme: Theme) -> ListView {
        let order = lib.order;
        let ranks = order.ranks(&lib.corpus.articles);
        let mut view = ListView {
            lib,
            theme,
            shown: Vec::new(),
            order,
            ranks,
            selected: 0,
            offset: std::cell::Cell::new(0),
            read: Default::default(),
            bookmarks: Default::default(),
        };
        view.show(None);
        view
    }

    /// Articles in list order.
    fn in_order(&self, mut articles: Vec<usize>) -> Vec<usize> {
        articles.sort_by_key(|&a| self.ranks.get(a).copied().unwrap_or(u32::MAX));
        articles
    }

    /// Lists by the next order: id, date, title (the selection is kept).
    pub fn cycle_order(&mut self) {
        self.order = match self.order {
            SortOrder::Id => SortOrder::Date,
            SortOrder::Date => SortOrder::Title,
            SortOrder::Title => SortOrder::Id,
        };
        self.ranks = self.order.ranks(&self.lib.corpus.articles);
        self.show(Some(self.shown.clone()));
    }

    /// Shows a subset (or all), keeping the selected article when it remains.
    pub fn show(&mut self, articles: Option<Vec<usize>>) {
        let current = self.current();
        self.shown = self
            .in_order(articles.unwrap_or_else(|| (0..self.lib.corpus.articles.len()).collect()));
        self.selected = current
            .and_then(|c| self.shown.iter().position(|&a| a == c))
            .unwrap_or(0);
    }

    /// The selected article.
    pub fn current(&self) -> Option<usize> {
        self.shown.get(self.selected).copied()
    }

    /// Selects an article if it is shown.
    pub fn select_article(&mut self, article: usize) {
        if let Some(p) = self.shown.iter().position(|&a| a == article) {
            self.selected = p;
        }
    }

    /// Moves the selection; `page` is the number of visible rows.
    pub fn update(&mut self, action: Action, page: usize) {
        let last = self.shown.len().saturating_sub(1);
        self.selected = match action {
            Action::Down => (self.selected + 1).min(last),
            Action::Up => self.selected.saturating_sub(1),
            Action::PageDown => (self.selected + page.max(1)).min(last),
            Action::PageUp => self.selected.saturating_sub(page.max(1)),
            Action::Top => 0,
            Action::Bottom => last,
            _ => self.selected,
        };
    }

    /// The first row the next frame of `rows` rows shows: the last one's,
    /// moved just enough to keep the selection in view.
    pub fn top(&self, rows: usize) -> usize {
        let mut offset = self.offset.get();
        if self.selected < offset {
            offset = self.selected;
        } else if self.selected >= offset + rows {
            offset = self.selected + 1 - rows;
        }
        offset
            .min(self.shown.len().saturating_sub(rows))
            .min(self.selected)
    }

    /// The article shown on a row of the last drawn frame (for mouse clicks).
    pub fn at_row(&self, row: usize) -> Option<usize> {
        self.shown.get(self.offset.get() + row).copied()
    }
}

impl Widget for &ListView {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let rows = usize::from(area.height);
        if rows == 0 || area.width < 8 {
            return;
        }
        let offset = self.top(rows);
        self.offset.set(offset);
        if self.shown.is_empty() {
            buf.set_stringn(
                area.x + 1,
                area.y,
                "no article matches",
                usize::from(area.width),
                self.theme.dim,
            );
            return;
        }
        let wide = area.width >= 60;
        let medium = area.width >= 45;
        for (row, &article) in self.shown.iter().skip(offset).take(rows).enumerate() {
            let y = area.y + row as u16;
            let a = &self.lib.corpus.articles[article];
            let selected = offset + row == self.selected;
            let base = if selected {
                self.theme.selected
            } else {
                Default::default()
            };
            buf.set_style(
                Rect {
                    x: area.x,
                    y,
                    width: area.width,
                    height: 1,
                },
                base,
            );
            let mut x = area.x;
            // Unread and bookmarked each have their own column, so that a
            // bookmarked article still shows whether it was read.
            let unread = if self.read.contains(&article) {
                ' '
            } else {
                '•'
            };
            let bookmark = if self.bookmarks.contains(&article) {
                '*'
            } else {
                ' '
            };
            buf.set_stringn(x, y, format!("{unread}{bookmark} "), 3, base);
            x += 3;
            if medium {
                let (persons, places) = self.lib.counts(article);
                buf.set_stringn(
                    x,
                    y,
                    format!("{persons:>2}p {places:>2}l "),
                    8,
                    base.patch(self.theme.dim),
                );
                x += 8;
            }
            let date_width = self.lib.date_width;
            if wide && date_width > 0 {
                let date = a.date.as_deref().unwrap_or("");
                let opts = LayoutOptions {
                    direction: Some(Direction::Ltr),
                    ..self.lib.layout_at(usize::from(date_width))
                };
                draw::text_row(
                    buf,
                    Rect {
                        x,
                        y,
                        width: date_width,
                        height: 1,
                    },
                    date,
                    &opts,
                    base.patch(self.theme.dim),
                );
                x += date_width + 1;
            }
            if wide && self.lib.has_sources {
                let source = a.source.as_deref().unwrap_or("");
                let opts = self.lib.layout_at(14);
                draw::text_row(
                    buf,
                    Rect {
                        x,
                        y,
                        width: 14,
                        height: 1,
                    },
                    source,
                    &opts,
                    base.patch(self.theme.dim),
                );
                x += 15;
            }
            let width = area.right().saturating_sub(x + 1);
            let opts = self.lib.layout_at(usize::from(width));
            draw::text_row(
                buf,
                Rect {
                    x,
                    y,
                    width,
                    height: 1,
                },
                &a.title,
                &opts,
                base,
            );
        }
    }
}
