//! The key help overlay, generated from the key map.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::theme::Theme;
use crate::keys::{Context, KeyMap};

/// What the marks and counts of the list mean, below the keys.
const LEGEND: &[&str] = &[
    "list:  • unread   * bookmarked",
    "       9p 7l  persons (p) and places (l) named",
];

/// The help overlay for a context.
pub struct Help<'a> {
    /// The bindings.
    pub keymap: &'a KeyMap,
    /// Which view's bindings.
    pub context: Context,
    /// Styles.
    pub theme: &'a Theme,
}

impl Widget for Help<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let rows = self.keymap.describe(self.context);
        let width = area.width.min(56);
        let legend = if self.context == Context::List {
            LEGEND
        } else {
            &[]
        };
        let extra = if legend.is_empty() {
            0
        } else {
            legend.len() as u16 + 1
        };
        let height = (rows.len() as u16 + 3 + extra).min(area.height);
        if width < 20 || height < 4 {
            return;
        }
        let rect = Rect {
            x: area.x + (area.width - width) / 2,
            y: area.y + (area.height - height) / 2,
            width,
            height,
        };
        // Whole rows are cleared, not just the box: text cut at the box's
        // edges would leave Arabic words in half-joined pieces beside it.
        Clear.render(
            Rect {
                x: area.x,
                width: area.width,
                ..rect
            },
            buf,
        );
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(self.theme.frame)
            .title(" keys · ? closes ");
        let inner = block.inner(rect);
        block.render(rect, buf);
        let key_width = rows
            .iter()
            .map(|r| r.0.len())
            .max()
            .unwrap_or(0)
            .min(usize::from(inner.width / 2)) as u16;
        for (i, (keys, action)) in rows.iter().take(usize::from(inner.height)).enumerate() {
            let y = inner.y + i as u16;
            buf.set_stringn(
                inner.x + 1,
                y,
                keys,
                usize::from(key_width),
                self.theme.title,
            );
            buf.set_stringn(
                inner.x + key_width + 3,
                y,
                action.describe(),
                usize::from(inner.width.saturating_sub(key_width + 3)),
                ratatui::style::Style::new(),
            );
        }
        let below = inner.y + rows.len() as u16 + 1;
        for (i, line) in legend.iter().enumerate() {
            let y = below + i as u16;
            if y < inner.bottom() {
                buf.set_stringn(
                    inner.x + 1,
                    y,
                    line,
                    usize::from(inner.width.saturating_sub(1)),
                    self.theme.dim,
                );
            }
        }
    }
}
