//! An open article: laid out right to left, mentions highlighted, scrolled by
//! line or page, and stepped from mention to mention.

use std::ops::Range;
use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::draw;
use super::library::Library;
use super::theme::Theme;
use crate::corpus::Article;
use crate::entities::{paragraphs, Kind};
use crate::keys::Action;
use crate::layout::{layout, Direction, VisualLine};
use crate::search::{find_all, TextHit};

/// Margin on each side of the text.
const MARGIN: u16 = 2;

/// One line of the laid-out article.
struct Row {
    /// Paragraph (0 is the title), or `None` for meta and blank lines.
    paragraph: Option<usize>,
    line: VisualLine,
    indent: u16,
    title: bool,
}

/// A mention in the article: paragraph, bytes, kind, entity.
struct Spot {
    paragraph: usize,
    range: Range<usize>,
    kind: Kind,
    entity: usize,
}

/// A search inside the article: the query, whether it is being typed, its
/// hits and the one last moved to.
#[derive(Debug, Clone, Default)]
pub struct Finding {
    /// What is looked for.
    pub query: String,
    /// Whether the query is being typed.
    pub editing: bool,
    /// Every hit, in reading order.
    pub hits: Vec<TextHit>,
    /// The hit last moved to.
    pub current: Option<usize>,
}

/// The reader's state.
pub struct ReaderView {
    lib: Arc<Library>,
    theme: Theme,
    /// The article shown.
    pub article: usize,
    /// Its title and body, read when it was opened.
    text: Article,
    rows: Vec<Row>,
    spots: Vec<Spot>,
    /// Entities to emphasize and step through.
    focus: Vec<usize>,
    /// First row shown.
    pub scroll: usize,
    /// Rows visible at once.
    page: usize,
    width: u16,
    /// A search in the article, while one is shown.
    pub finding: Option<Finding>,
}

impl ReaderView {
    /// Opens an article for a screen of `width` × `height`.
    pub fn new(
        lib: Arc<Library>,
        theme: Theme,
        article: usize,
        focus: Vec<usize>,
        width: u16,
        height: u16,
    ) -> ReaderView {
        // A lazy corpus reads the body now; if the file changed since it was
        // indexed, the reader says so rather than mark the wrong words.
        let (text, spots) = match lib.corpus.text(article) {
            Ok(text) => {
                let spots = lib
                    .found
                    .spots(article)
                    .iter()
                    .map(|s| Spot {
                        paragraph: s.paragraph as usize,
                        range: s.start as usize..s.end as usize,
                        kind: s.kind,
                        entity: s.entity as usize,
                    })
                    .collect();
                (text.into_owned(), spots)
            }
            Err(w) => {
                let mut a = lib.corpus.articles[article].clone();
                a.body = vec![format!("({w})")];
                (a, Vec::new())
            }
        };
        let mut view = ReaderView {
            lib,
            theme,
            article,
            text,
            rows: Vec::new(),
            spots,
            focus,
            scroll: 0,
            page: usize::from(height.max(1)),
            width: 0,
            finding: None,
        };
        view.resize(width, height);
        view
    }

    /// Lays the article out again for a new screen size.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.page = usize::from(height.max(1));
        if width == self.width && !self.rows.is_empty() {
            return;
        }
        self.width = width;
        let text_width = width.saturating_sub(2 * MARGIN).max(10);
        let opts = self.lib.layout_at(usize::from(text_width));
        let a = &self.text;
        let mut rows = Vec::new();
        for (i, p) in paragraphs(a).into_iter().enumerate() {
            if i == 1 {
                let meta: Vec<&str> = [
                    a.source.as_deref(),
                    a.dateline.as_deref(),
                    a.date.as_deref(),
                ]
                .into_iter()
                .flatten()
                .collect();
                if !meta.is_empty() {
                    let para = layout(&meta.join(" · "), &opts);
                    for line in para.lines {
                        let indent = para_indent(para.direction, &line, text_width);
                        rows.push(Row {
                            paragraph: None,
                            line,
                            indent,
                            title: false,
                        });
                    }
                }
            }
            if i > 0 || rows.is_empty() {
                rows.push(Row {
                    paragraph: None,
                    line: VisualLine {
                        text: String::new(),
                        width: 0,
                        cells: Vec::new(),
                    },
                    indent: 0,
                    title: false,
                });
            }
            let para = layout(p, &opts);
            for line in para.lines {
                let indent = para_indent(para.direction, &line, text_width);
                rows.push(Row {
                    paragraph: Some(i),
                    line,
                    indent,
                    title: i == 0,
                });
            }
        }
        if rows.first().is_some_and(|r| r.line.width == 0) {
            rows.remove(0);
        }
        self.rows = rows;
        self.scroll = self.scroll.min(self.max_scroll());
    }

    fn max_scroll(&self) -> usize {
        self.rows.len().saturating_sub(self.page)
    }

    /// Scrolls or steps through mentions.
    pub fn update(&mut self, action: Action) {
        let max = self.max_scroll();
        self.scroll = match action {
            Action::Down => (self.scroll + 1).min(max),
            Action::Up => self.scroll.saturating_sub(1),
            Action::PageDown => (self.scroll + self.page.saturating_sub(1).max(1)).min(max),
            Action::PageUp => self
                .scroll
                .saturating_sub(self.page.saturating_sub(1).max(1)),
            Action::Top => 0,
            Action::Bottom => max,
            Action::NextMention | Action::PreviousMention if self.has_hits() => {
                self.step_hit(action == Action::NextMention)
            }
            Action::NextMention => self.mention_row(true).unwrap_or(self.scroll),
            Action::PreviousMention => self.mention_row(false).unwrap_or(self.scroll),
            _ => self.scroll,
        };
    }

    /// The scroll position that brings the next (or previous) mention of the
    /// focused entities (or of any, without a filter) to the top third.
    fn mention_row(&self, forward: bool) -> Option<usize> {
        let wanted = |s: &Spot| self.focus.is_empty() || self.focus.contains(&s.entity);
        let mut rows: Vec<usize> = self
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| {
                r.paragraph.is_some_and(|p| {
                    self.spots.iter().any(|s| {
                        s.paragraph == p
                            && wanted(s)
                            && r.line
                                .cells
                                .iter()
                                .any(|c| overlaps(&c.logical(), &s.range))
                    })
                })
            })
            .map(|(i, _)| i)
            .collect();
        rows.dedup();
        let anchor = self.scroll + self.page / 3;
        let target = if forward {
            rows.into_iter().find(|&r| r > anchor)
        } else {
            rows.into_iter().rev().find(|&r| r < anchor)
        }?;
        Some(target.saturating_sub(self.page / 3).min(self.max_scroll()))
    }

    fn has_hits(&self) -> bool {
        self.finding.as_ref().is_some_and(|f| !f.hits.is_empty())
    }

    /// Starts typing a search (keeping the last query to edit).
    pub fn start_find(&mut self) {
        let mut f = self.finding.take().unwrap_or_default();
        f.editing = true;
        self.finding = Some(f);
    }

    /// Sets the query being typed, and moves to its first hit from the top
    /// of the view on.
    pub fn set_query(&mut self, query: String) {
        let hits = find_all(&paragraphs(&self.text), &query);
        let f = self.finding.get_or_insert_with(Finding::default);
        f.query = query;
        f.hits = hits;
        f.current = None;
        if self.has_hits() {
            let top = self.scroll;
            let first = (0..self.hits_len())
                .find(|&k| self.hit_row(k).is_some_and(|r| r >= top))
                .unwrap_or(0);
            self.move_to_hit(first);
        }
    }

    /// Ends typing: `keep` the search (Enter) or drop it (Esc).
    pub fn end_find(&mut self, keep: bool) {
        match &mut self.finding {
            Some(f) if keep && !f.query.is_empty() => f.editing = false,
            _ => self.finding = None,
        }
    }

    fn hits_len(&self) -> usize {
        self.finding.as_ref().map_or(0, |f| f.hits.len())
    }

    /// The row where hit `k` starts.
    fn hit_row(&self, k: usize) -> Option<usize> {
        let hit = &self.finding.as_ref()?.hits.get(k)?.clone();
        self.rows.iter().position(|r| {
            r.paragraph == Some(hit.paragraph)
                && r.line
                    .cells
                    .iter()
                    .any(|c| overlaps(&c.logical(), &hit.range))
        })
    }

    fn move_to_hit(&mut self, k: usize) {
        if let Some(row) = self.hit_row(k) {
            self.scroll = row.saturating_sub(self.page / 3).min(self.max_scroll());
        }
        if let Some(f) = &mut self.finding {
            f.current = Some(k);
        }
    }

    /// Moves to the next (or previous) hit, wrapping; gives the new scroll.
    fn step_hit(&mut self, forward: bool) -> usize {
        let n = self.hits_len();
        let current = self.finding.as_ref().and_then(|f| f.current);
        let k = match (current, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(k), true) => (k + 1) % n,
            (Some(k), false) => (k + n - 1) % n,
        };
        self.move_to_hit(k);
        self.scroll
    }

    /// The article in logical order: headline, then paragraphs, separated
    /// by blank lines.
    pub fn logical_text(&self) -> String {
        paragraphs(&self.text).join("\n\n")
    }

    /// The paragraph shown at the top of the view (the headline when the
    /// view begins above the first paragraph).
    pub fn paragraph_at_top(&self) -> String {
        let p = self.rows[self.scroll.min(self.rows.len().saturating_sub(1))..]
            .iter()
            .find_map(|r| r.paragraph)
            .unwrap_or(0);
        paragraphs(&self.text)
            .get(p)
            .map_or_else(String::new, |s| (*s).to_owned())
    }

    /// How far down the article the view is, in percent of the rows.
    pub fn percent(&self) -> usize {
        (self.scroll * 100)
            .checked_div(self.max_scroll())
            .unwrap_or(100)
    }

    /// Scrolls to a row (clamped to the article).
    pub fn scroll_to(&mut self, row: usize) {
        self.scroll = row.min(self.max_scroll());
    }

    /// The number of laid-out rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether the article laid out to nothing.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

fn para_indent(direction: Direction, line: &VisualLine, width: u16) -> u16 {
    match direction {
        Direction::Rtl => width.saturating_sub(line.width as u16),
        Direction::Ltr => 0,
    }
}

impl Widget for &ReaderView {
    fn render(self, area: Rect, buf: &mut Buffer) {
        for (row, r) in self
            .rows
            .iter()
            .skip(self.scroll)
            .take(usize::from(area.height))
            .enumerate()
        {
            let y = area.y + row as u16;
            let base = if r.title {
                self.theme.title
            } else if r.paragraph.is_none() {
                self.theme.dim
            } else {
                Default::default()
            };
            let x = area.x + MARGIN + r.indent;
            let style_of = |range: &Range<usize>| {
                let p = r.paragraph?;
                if let Some(f) = &self.finding {
                    if let Some(k) = f
                        .hits
                        .iter()
                        .position(|h| h.paragraph == p && overlaps(range, &h.range))
                    {
                        return Some(if f.current == Some(k) {
                            self.theme.hit_current
                        } else {
                            self.theme.hit
                        });
                    }
                }
                let s = self
                    .spots
                    .iter()
                    .find(|s| s.paragraph == p && overlaps(range, &s.range))?;
                Some(if self.focus.contains(&s.entity) {
                    self.theme.focus
                } else if s.kind == Kind::Person {
                    self.theme.person
                } else {
                    self.theme.place
                })
            };
            draw::line(
                buf,
                x,
                y,
                area.width.saturating_sub(MARGIN + r.indent),
                &r.line,
                base,
                &style_of,
            );
        }
    }
}
