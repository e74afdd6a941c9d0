//! The status line: corpus, how many articles are shown, filters, and where
//! the help is.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::draw;
use super::filter::Filters;
use super::library::Library;
use super::list::ListView;
use super::reader::ReaderView;
use super::theme::Theme;
use crate::layout::{Direction, LayoutOptions};

/// The status line as drawn.
pub struct StatusLine<'a> {
    /// Corpus name and size.
    pub library: &'a Library,
    /// What is shown.
    pub list: &'a ListView,
    /// What filters are in force.
    pub filters: &'a Filters,
    /// The open article, if any.
    pub reader: Option<&'a ReaderView>,
    /// Whether only bookmarked articles are listed.
    pub bookmarked_only: bool,
    /// A note that replaces the summary until the next key.
    pub message: Option<&'a str>,
    /// Styles.
    pub theme: &'a Theme,
}

impl Widget for StatusLine<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height == 0 {
            return;
        }
        buf.set_style(area, self.theme.status);
        let total = self.library.corpus.articles.len();
        let mut text = match self.reader {
            Some(r) => format!(
                " {} · {}/{} · {}% ",
                self.library.corpus.articles[r.article].id,
                self.list.selected + 1,
                self.list.shown.len(),
                r.percent()
            ),
            None => format!(
                " sahifa · {} · {}/{} ",
                self.library.corpus.name,
                self.list.shown.len(),
                total
            ),
        };
        if self.reader.is_none() {
            match self.list.order {
                crate::corpus::SortOrder::Id => {}
                crate::corpus::SortOrder::Date => text.push_str("· by date "),
                crate::corpus::SortOrder::Title => text.push_str("· by title "),
            }
        }
        if self.bookmarked_only {
            text.push_str("· bookmarks only ");
        }
        let filters = self.filters.summary();
        if !filters.is_empty() {
            text.push_str(&format!("· {filters} "));
        }
        if let Some(f) = self.reader.and_then(|r| r.finding.as_ref()) {
            if f.editing {
                // The terminal's cursor is hidden in the reader; an
                // underscore marks where typing goes.
                text = format!(" find: {}_ ", f.query);
            } else {
                // The count before the query: digits after Arabic letters
                // would be reordered into the Arabic run.
                let at = f.current.map_or(0, |k| k + 1);
                text.push_str(&format!("· find {at}/{} «{}» ", f.hits.len(), f.query));
            }
        }
        if let Some(m) = self.message {
            text = format!(" {m} ");
        }
        let hint = "? help ";
        let hint_width = if area.width > 30 {
            hint.len() as u16
        } else {
            0
        };
        let opts = LayoutOptions {
            direction: Some(Direction::Ltr),
            ..self.library.layout_at(usize::from(area.width))
        };
        draw::text_row(
            buf,
            Rect {
                width: area.width.saturating_sub(hint_width),
                ..area
            },
            &text,
            &opts,
            self.theme.status,
        );
        if hint_width > 0 {
            buf.set_stringn(
                area.right() - hint_width,
                area.y,
                hint,
                usize::from(hint_width),
                self.theme.status,
            );
        }
    }
}
