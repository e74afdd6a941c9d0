//! Filtering the list by person or place: the live query box, its matches,
//! and the filters accepted so far (a person and a place narrow together).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::draw;
use super::library::Library;
use super::theme::Theme;
use crate::entities::Kind;
use crate::search::{articles_of_all, Hit};

/// Which names a query looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Persons and places.
    All,
    /// Persons only.
    Person,
    /// Places only.
    Place,
}

impl Scope {
    fn kind(self) -> Option<Kind> {
        match self {
            Scope::All => None,
            Scope::Person => Some(Kind::Person),
            Scope::Place => Some(Kind::Place),
        }
    }

    fn next(self) -> Scope {
        match self {
            Scope::All => Scope::Person,
            Scope::Person => Scope::Place,
            Scope::Place => Scope::All,
        }
    }

    fn label(self) -> &'static str {
        match self {
            Scope::All => "all",
            Scope::Person => "person",
            Scope::Place => "place",
        }
    }
}

/// A filter in force: the entities it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accepted {
    /// What it filters on.
    pub scope: Scope,
    /// What the status line shows.
    pub label: String,
    /// The matching entities; an article passes if it mentions any.
    pub entities: Vec<usize>,
}

/// The query being typed.
#[derive(Debug, Clone, Default)]
pub struct Editing {
    /// The text typed so far.
    pub input: String,
    scope: Option<Scope>,
    /// Current matches, best first.
    pub hits: Vec<Hit>,
}

impl Editing {
    fn scope(&self) -> Scope {
        self.scope.unwrap_or(Scope::All)
    }
}

/// All filters: accepted ones and the one being typed.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    /// In force, at most one per scope.
    pub accepted: Vec<Accepted>,
    /// The open query box, if any.
    pub editing: Option<Editing>,
}

impl Filters {
    /// Opens the query box.
    pub fn start(&mut self) {
        self.editing = Some(Editing::default());
    }

    /// Types text into the box and updates the matches.
    pub fn type_text(&mut self, lib: &Library, text: &str) {
        if let Some(e) = &mut self.editing {
            e.input.push_str(text);
            e.hits = lib.index().search(&e.input, e.scope().kind());
        }
    }

    /// Deletes the last character.
    pub fn backspace(&mut self, lib: &Library) {
        if let Some(e) = &mut self.editing {
            e.input.pop();
            e.hits = if e.input.trim().is_empty() {
                Vec::new()
            } else {
                lib.index().search(&e.input, e.scope().kind())
            };
        }
    }

    /// Cycles all → person → place.
    pub fn cycle_scope(&mut self, lib: &Library) {
        if let Some(e) = &mut self.editing {
            e.scope = Some(e.scope().next());
            e.hits = if e.input.trim().is_empty() {
                Vec::new()
            } else {
                lib.index().search(&e.input, e.scope().kind())
            };
        }
    }

    /// Accepts the typed query as a filter (replacing one of the same scope).
    pub fn accept(&mut self) {
        let Some(e) = self.editing.take() else { return };
        if e.input.trim().is_empty() {
            return;
        }
        self.add(Accepted {
            scope: e.scope(),
            label: e.input.trim().to_owned(),
            entities: e.hits.iter().map(|h| h.entity).collect(),
        });
    }

    /// Adds a filter on one entity (from the facets panel).
    pub fn add(&mut self, filter: Accepted) {
        self.accepted.retain(|a| a.scope != filter.scope);
        self.accepted.push(filter);
    }

    /// Closes the box without filtering.
    pub fn cancel(&mut self) {
        self.editing = None;
    }

    /// Clears every filter.
    pub fn clear(&mut self) {
        self.accepted.clear();
        self.editing = None;
    }

    /// Whether any filter is in force or being typed.
    pub fn active(&self) -> bool {
        !self.accepted.is_empty()
            || self
                .editing
                .as_ref()
                .is_some_and(|e| !e.input.trim().is_empty())
    }

    /// The articles that pass every filter, ascending; `None` when unfiltered.
    pub fn articles(&self, lib: &Library) -> Option<Vec<usize>> {
        let live = self
            .editing
            .as_ref()
            .filter(|e| !e.input.trim().is_empty())
            .map(|e| e.hits.clone());
        let sets = self
            .accepted
            .iter()
            .map(|a| {
                a.entities
                    .iter()
                    .map(|&entity| Hit { entity, score: 100 })
                    .collect::<Vec<_>>()
            })
            .chain(live);
        articles_of_all(&lib.found, sets)
    }

    /// The entities the filters stand for: highlighted, and what n/N visit.
    pub fn focus(&self) -> Vec<usize> {
        let live = self
            .editing
            .iter()
            .flat_map(|e| e.hits.iter().map(|h| h.entity));
        self.accepted
            .iter()
            .flat_map(|a| a.entities.iter().copied())
            .chain(live)
            .collect()
    }

    /// What the status line says of the filters.
    pub fn summary(&self) -> String {
        self.accepted
            .iter()
            .map(|a| format!("{}: {}", a.scope.label(), a.label))
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

/// The query box and its matches, drawn over the bottom of the list.
pub struct FilterBox<'a> {
    /// The query being typed.
    pub editing: &'a Editing,
    /// Names and counts.
    pub library: &'a Library,
    /// Styles.
    pub theme: &'a Theme,
}

impl Widget for FilterBox<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let shown = self
            .editing
            .hits
            .len()
            .min(usize::from(area.height.saturating_sub(3)));
        let height = (shown as u16 + 3).min(area.height);
        if height < 3 || area.width < 10 {
            return;
        }
        let rect = Rect {
            x: area.x,
            y: area.bottom() - height,
            width: area.width,
            height,
        };
        Clear.render(rect, buf);
        let title = format!(
            " filter [{}] · tab: scope · enter: accept · esc: cancel ",
            self.editing.scope().label()
        );
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(self.theme.frame)
            .title(title);
        let inner = block.inner(rect);
        block.render(rect, buf);
        let opts = self.library.layout_at(usize::from(inner.width));
        // The terminal's cursor is hidden in the reader; an underscore
        // marks where typing goes.
        let prompt = format!("/ {}_", self.editing.input);
        draw::text_row(
            buf,
            Rect { height: 1, ..inner },
            &prompt,
            &crate::layout::LayoutOptions {
                direction: Some(crate::layout::Direction::Ltr),
                ..opts
            },
            self.theme.title,
        );
        for (row, hit) in self.editing.hits.iter().take(shown).enumerate() {
            let e = &self.library.found.entities[hit.entity];
            let style = if e.kind == Kind::Person {
                self.theme.person
            } else {
                self.theme.place
            };
            let y = inner.y + 1 + row as u16;
            let n = e.articles.len();
            let info = format!(
                "{n:>4} {:<8} {:<6}",
                if n == 1 { "article" } else { "articles" },
                if e.kind == Kind::Person {
                    "person"
                } else {
                    "place"
                }
            );
            buf.set_stringn(inner.x, y, &info, usize::from(inner.width), self.theme.dim);
            let name_area = Rect {
                x: inner.x + 21,
                y,
                width: inner.width.saturating_sub(21),
                height: 1,
            };
            draw::text_row(buf, name_area, &e.name, &opts, style);
        }
    }
}
