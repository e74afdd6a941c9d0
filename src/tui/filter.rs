//! Filtering the list by person or place: the live query box, its matches,
//! and the filters accepted so far (a person and a place narrow together).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::draw;
use super::library::Library;
use super::theme::Theme;
use crate::entities::Kind;
use crate::keys::{Action, Context, KeyMap};
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

/// The query being typed, and the names chosen among its matches.
#[derive(Debug, Clone, Default)]
pub struct Editing {
    /// The text typed so far.
    pub input: String,
    scope: Option<Scope>,
    /// Current matches, best first.
    pub hits: Vec<Hit>,
    /// The highlighted match, once the user moves into the matches; typing
    /// again leaves them.
    pub highlighted: Option<usize>,
    /// Entities marked, in the order marked; kept while the query changes,
    /// so that names found by different queries can be taken together.
    pub marked: Vec<usize>,
}

impl Editing {
    fn scope(&self) -> Scope {
        self.scope.unwrap_or(Scope::All)
    }

    /// The entities Enter takes: the marked ones, else the highlighted
    /// one, else every match (the close matches united, as `list
    /// --person` does).
    pub fn chosen(&self) -> Vec<usize> {
        if !self.marked.is_empty() {
            return self.marked.clone();
        }
        match self.highlighted.and_then(|k| self.hits.get(k)) {
            Some(hit) => vec![hit.entity],
            None => crate::search::united(&self.hits)
                .iter()
                .map(|h| h.entity)
                .collect(),
        }
    }

    /// Whether it filters the list: something typed, or names marked.
    fn live(&self) -> bool {
        !self.input.trim().is_empty() || !self.marked.is_empty()
    }

    /// Whether anything is chosen beyond the typed text's matches.
    fn choosing(&self) -> bool {
        !self.marked.is_empty() || self.highlighted.is_some()
    }

    fn search(&mut self, lib: &Library) {
        self.highlighted = None;
        self.hits = if self.input.trim().is_empty() {
            Vec::new()
        } else {
            lib.index().choices(&self.input, self.scope().kind())
        };
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
            e.search(lib);
        }
    }

    /// Deletes the last character.
    pub fn backspace(&mut self, lib: &Library) {
        if let Some(e) = &mut self.editing {
            e.input.pop();
            e.search(lib);
        }
    }

    /// Cycles all → person → place.
    pub fn cycle_scope(&mut self, lib: &Library) {
        if let Some(e) = &mut self.editing {
            e.scope = Some(e.scope().next());
            e.search(lib);
        }
    }

    /// Moves the highlight `by` matches (down when positive), from none to
    /// the first; moving up from the first leaves the matches.
    pub fn move_highlight(&mut self, by: isize) {
        let Some(e) = &mut self.editing else { return };
        let last = e.hits.len().checked_sub(1);
        e.highlighted = match (e.highlighted, last) {
            (_, None) => None,
            (None, Some(_)) if by > 0 => Some(0),
            (None, _) => None,
            (Some(k), Some(last)) => k.checked_add_signed(by).map(|k| k.min(last)),
        };
    }

    /// Marks the highlighted match (the first when none is), or unmarks it.
    pub fn toggle_mark(&mut self) {
        let Some(e) = &mut self.editing else { return };
        let k = e.highlighted.unwrap_or(0);
        let Some(hit) = e.hits.get(k) else { return };
        match e.marked.iter().position(|&m| m == hit.entity) {
            Some(i) => drop(e.marked.remove(i)),
            None => e.marked.push(hit.entity),
        }
        e.highlighted = Some(k);
    }

    /// Accepts what is chosen as a filter (replacing one of the same
    /// scope): the marked names, the highlighted one, or every match.
    pub fn accept(&mut self, lib: &Library) {
        let Some(e) = self.editing.take() else { return };
        if !e.live() {
            return;
        }
        let entities = e.chosen();
        let label = if e.choosing() {
            let names: Vec<String> = entities
                .iter()
                .filter_map(|&k| lib.found.entities.get(k))
                .map(|x| x.name.clone())
                .collect();
            names.join(" | ")
        } else {
            e.input.trim().to_owned()
        };
        self.add(Accepted {
            scope: e.scope(),
            label,
            entities,
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
        !self.accepted.is_empty() || self.editing.as_ref().is_some_and(Editing::live)
    }

    /// The articles that pass every filter, ascending; `None` when unfiltered.
    pub fn articles(&self, lib: &Library) -> Option<Vec<usize>> {
        let live = self.editing.as_ref().filter(|e| e.live()).map(|e| {
            e.chosen()
                .into_iter()
                .map(|entity| Hit { entity, score: 100 })
                .collect::<Vec<_>>()
        });
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
        let live = self.editing.iter().flat_map(Editing::chosen);
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

/// The query box and its matches, drawn over the bottom of the list: a
/// list of names to choose from, the highlighted one in the selection's
/// style, marked ones with a `+`.
pub struct FilterBox<'a> {
    /// The query being typed.
    pub editing: &'a Editing,
    /// Names and counts.
    pub library: &'a Library,
    /// Styles.
    pub theme: &'a Theme,
    /// The keys the title offers, as (key, what) pairs.
    pub hints: &'a [(String, &'static str)],
}

/// What the filter box's title offers, from the key map: (key, what).
pub fn hints(keys: &KeyMap) -> Vec<(String, &'static str)> {
    let key = |a| keys.key_for(Context::Query, a);
    let mut out = Vec::new();
    if let (Some(down), Some(up)) = (key(Action::Down), key(Action::Up)) {
        out.push((format!("{down}/{up}"), "pick"));
    }
    for (action, what) in [
        (Action::Mark, "mark"),
        (Action::Open, "take"),
        (Action::Scope, "scope"),
        (Action::Back, "back"),
    ] {
        out.extend(key(action).map(|k| (k, what)));
    }
    out
}

/// Width of the columns before a name: mark, count, "articles", kind.
const INFO: u16 = 23;

impl Widget for FilterBox<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let e = self.editing;
        let shown = e.hits.len().min(usize::from(area.height.saturating_sub(3)));
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
        let hints: Vec<String> = self
            .hints
            .iter()
            .map(|(key, what)| format!("{key} {what}"))
            .collect();
        let marked = if e.marked.is_empty() {
            String::new()
        } else {
            format!(" · {} marked", e.marked.len())
        };
        let title = format!(
            " filter [{}]{marked}  {} ",
            e.scope().label(),
            hints.join("  ")
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
        let prompt = format!("/ {}_", e.input);
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
        // The highlighted match stays in view.
        let first = e
            .highlighted
            .map_or(0, |k| (k + 1).saturating_sub(shown.max(1)));
        for (row, (k, hit)) in e
            .hits
            .iter()
            .enumerate()
            .skip(first)
            .take(shown)
            .enumerate()
        {
            let Some(x) = self.library.found.entities.get(hit.entity) else {
                continue;
            };
            let highlighted = e.highlighted == Some(k);
            let (style, dim) = if highlighted {
                (self.theme.selected, self.theme.selected)
            } else if x.kind == Kind::Person {
                (self.theme.person, self.theme.dim)
            } else {
                (self.theme.place, self.theme.dim)
            };
            let y = inner.y + 1 + row as u16;
            let line = Rect {
                y,
                height: 1,
                ..inner
            };
            if highlighted {
                buf.set_style(line, self.theme.selected);
            }
            let n = x.articles.len();
            let info = format!(
                "{}{n:>4} {:<8} {:<6}",
                if e.marked.contains(&hit.entity) {
                    "+"
                } else {
                    " "
                },
                if n == 1 { "article" } else { "articles" },
                if x.kind == Kind::Person {
                    "person"
                } else {
                    "place"
                }
            );
            buf.set_stringn(inner.x, y, &info, usize::from(inner.width), dim);
            let name_area = Rect {
                x: inner.x + INFO,
                width: inner.width.saturating_sub(INFO),
                ..line
            };
            draw::text_row(buf, name_area, &x.name, &opts, style);
        }
    }
}
