//! The reader's top level: which view has the keys, and routing actions,
//! keys, pastes and mouse events to it. Views own their state and drawing.

use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;
use ratatui::Frame;

use super::facets::{FacetsPanel, FacetsView};
use super::filter::{Accepted, FilterBox, Filters, Scope};
use super::help::Help;
use super::library::Library;
use super::list::ListView;
use super::reader::ReaderView;
use super::repaint::Screen;
use super::status::StatusLine;
use super::theme::Theme;
use crate::entities::Kind;
use crate::keys::Action;
use crate::keys::{Context, KeyMap};
use crate::store::{Position, ReadingState};

/// Where the keys go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The article list.
    List,
    /// The persons-and-places panel.
    Facets,
    /// An open article.
    Reader,
}

/// The whole reader.
pub struct App {
    lib: Arc<Library>,
    keymap: KeyMap,
    /// What the filter box's title offers, from `keymap`.
    query_hints: Vec<(String, &'static str)>,
    theme: Theme,
    /// The article list.
    pub list: ListView,
    facets: FacetsView,
    show_facets: bool,
    /// The filters.
    pub filters: Filters,
    /// The open article.
    pub reader: Option<ReaderView>,
    /// Where the keys go.
    pub focus: Focus,
    help: bool,
    quit: bool,
    size: (u16, u16),
    bookmarked_only: bool,
    /// Where the last article was left, to return to it when it is reopened.
    resume: Option<(usize, usize)>,
    /// Whether the reading state changed since [`App::take_changed`].
    changed: bool,
    /// Text to put on the terminal's clipboard, until the loop takes it.
    clipboard: Option<String>,
    /// A note for the status line, shown until the next key.
    message: Option<String>,
}

impl App {
    /// A reader on `lib` for a screen of `size` (columns, rows).
    pub fn new(lib: Arc<Library>, keymap: KeyMap, theme: Theme, size: (u16, u16)) -> App {
        App {
            list: ListView::new(lib.clone(), theme),
            facets: FacetsView::new(lib.clone(), theme),
            lib,
            query_hints: super::filter::hints(&keymap),
            keymap,
            theme,
            show_facets: false,
            filters: Filters::default(),
            reader: None,
            focus: Focus::List,
            help: false,
            quit: false,
            size,
            bookmarked_only: false,
            resume: None,
            changed: false,
            clipboard: None,
            message: None,
        }
    }

    /// Takes up a saved reading state: read marks, bookmarks, and the last
    /// article, which is selected (its scroll is restored when it is opened).
    pub fn restore(&mut self, state: &ReadingState) {
        let index: std::collections::HashMap<&str, usize> = self
            .lib
            .corpus
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect();
        self.list.read = state
            .read
            .iter()
            .filter_map(|id| index.get(id.as_str()).copied())
            .collect();
        self.list.bookmarks = state
            .bookmarks
            .iter()
            .filter_map(|id| index.get(id.as_str()).copied())
            .collect();
        if let Some(last) = &state.last {
            if let Some(&i) = index.get(last.id.as_str()) {
                self.list.select_article(i);
                self.resume = Some((i, last.scroll));
            }
        }
    }

    /// The reading state to save.
    pub fn reading_state(&self) -> ReadingState {
        let id = |i: &usize| self.lib.corpus.articles[*i].id.clone();
        let mut state = ReadingState::default();
        state.read = self.list.read.iter().map(id).collect();
        state.bookmarks = self.list.bookmarks.iter().map(id).collect();
        state.last = match (&self.reader, self.resume) {
            (Some(r), _) => Some(Position {
                id: id(&r.article),
                scroll: r.scroll,
            }),
            (None, Some((a, scroll))) => Some(Position { id: id(&a), scroll }),
            (None, None) => None,
        };
        state
    }

    /// Whether the reading state changed since the last call.
    pub fn take_changed(&mut self) -> bool {
        std::mem::take(&mut self.changed)
    }

    /// What is on screen, to tell when a frame must be drawn whole.
    pub fn screen(&self) -> Screen {
        Screen {
            layers: [
                self.reader.is_some(),
                self.show_facets,
                self.help,
                self.filters.editing.is_some(),
            ],
            article: self.reader.as_ref().map(|r| r.article),
            top: self
                .reader
                .as_ref()
                .map_or_else(|| self.list.top(self.body_height().into()), |r| r.scroll),
        }
    }

    /// Text the user copied, for the loop to send (OSC 52).
    pub fn take_clipboard(&mut self) -> Option<String> {
        self.clipboard.take()
    }

    /// Whether the user asked to leave.
    pub fn should_quit(&self) -> bool {
        self.quit
    }

    fn context(&self) -> Context {
        match self.focus {
            Focus::List => Context::List,
            Focus::Facets => Context::Facets,
            Focus::Reader => Context::Reader,
        }
    }

    /// Rows available to the list or the article.
    fn body_height(&self) -> u16 {
        self.size.1.saturating_sub(1)
    }

    /// Handles a key press.
    pub fn handle_key(&mut self, key: KeyEvent) {
        self.message = None;
        if self
            .reader
            .as_ref()
            .is_some_and(|r| r.finding.as_ref().is_some_and(|f| f.editing))
        {
            return self.edit_find(key);
        }
        if self.help {
            let action = self.keymap.action(self.context(), &key);
            self.help = false;
            if action == Some(Action::ForceQuit) {
                self.quit = true;
            }
            return;
        }
        if self.filters.editing.is_some() {
            return self.edit_query(key);
        }
        if let Some(action) = self.keymap.action(self.context(), &key) {
            self.update(action);
        }
    }

    fn edit_find(&mut self, key: KeyEvent) {
        let Some(r) = &mut self.reader else {
            return;
        };
        let query = r
            .finding
            .as_ref()
            .map_or_else(String::new, |f| f.query.clone());
        match key.code {
            KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => self.quit = true,
            KeyCode::Esc => r.end_find(false),
            KeyCode::Enter => r.end_find(true),
            KeyCode::Backspace => {
                let mut q = query;
                q.pop();
                r.set_query(q);
            }
            KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                r.set_query(query + &c.to_string());
            }
            _ => {}
        }
    }

    fn edit_query(&mut self, key: KeyEvent) {
        let lib = self.lib.clone();
        match self.keymap.action(Context::Query, &key) {
            Some(Action::ForceQuit) => self.quit = true,
            Some(Action::Back) => self.filters.cancel(),
            Some(Action::Open) => self.filters.accept(&lib),
            Some(Action::Scope) => self.filters.cycle_scope(&lib),
            Some(Action::Down) => self.filters.move_highlight(1),
            Some(Action::Up) => self.filters.move_highlight(-1),
            Some(Action::PageDown) => self.filters.move_highlight(10),
            Some(Action::PageUp) => self.filters.move_highlight(-10),
            Some(Action::Mark) => self.filters.toggle_mark(),
            Some(_) => {}
            None => match key.code {
                KeyCode::Backspace => self.filters.backspace(&lib),
                KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                    self.filters.type_text(&lib, &c.to_string())
                }
                _ => {}
            },
        }
        self.refilter();
    }

    /// Handles pasted text (bracketed paste): typed into the query box.
    pub fn handle_paste(&mut self, text: &str) {
        if let Some(r) = &mut self.reader {
            if let Some(f) = r.finding.as_ref().filter(|f| f.editing) {
                let q = f.query.clone() + &text.replace(['\n', '\r'], " ");
                r.set_query(q);
                return;
            }
        }
        if self.filters.editing.is_some() {
            let lib = self.lib.clone();
            self.filters
                .type_text(&lib, &text.replace(['\n', '\r'], " "));
            self.refilter();
        }
    }

    /// Handles the mouse: the wheel scrolls, a click selects a row.
    pub fn handle_mouse(&mut self, m: MouseEvent) {
        match m.kind {
            MouseEventKind::ScrollDown => self.update(Action::Down),
            MouseEventKind::ScrollUp => self.update(Action::Up),
            MouseEventKind::Down(_) if self.focus == Focus::List => {
                if let Some(article) = self.list.at_row(usize::from(m.row)) {
                    self.list.select_article(article);
                }
            }
            _ => {}
        }
    }

    /// Follows a new screen size.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        let h = self.body_height();
        if let Some(r) = &mut self.reader {
            r.resize(width, h);
        }
    }

    /// Carries out an action in the focused view.
    pub fn update(&mut self, action: Action) {
        let page = usize::from(self.body_height());
        match (self.focus, action) {
            (_, Action::ForceQuit) => self.quit = true,
            (_, Action::Help) => self.help = true,
            (_, Action::Filter) => {
                self.back_to_list();
                self.filters.start();
            }
            (Focus::List, Action::Quit) => self.quit = true,
            (Focus::List, Action::ToggleBookmark) => {
                if let Some(a) = self.list.current() {
                    self.toggle_bookmark(a);
                }
            }
            (Focus::List, Action::Bookmarked) => {
                self.bookmarked_only = !self.bookmarked_only;
                self.refilter();
            }
            (Focus::Reader, Action::ToggleBookmark) => {
                if let Some(a) = self.reader.as_ref().map(|r| r.article) {
                    self.toggle_bookmark(a);
                }
            }
            (Focus::List, Action::Open) => self.open_selected(),
            (Focus::List, Action::Sort) => self.list.cycle_order(),
            (Focus::List, Action::ClearFilters) => {
                self.filters.clear();
                self.refilter();
            }
            (Focus::List, Action::Facets) => {
                self.show_facets = true;
                self.facets.recount(&self.list.shown);
                self.focus = Focus::Facets;
            }
            (Focus::List, _) => self.list.update(action, page),
            (Focus::Facets, Action::Back) => {
                self.show_facets = false;
                self.focus = Focus::List;
            }
            (Focus::Facets, Action::Open) => self.apply_facet(),
            (Focus::Facets, _) => self.facets.update(action),
            (Focus::Reader, Action::Back | Action::Quit)
                if self.reader.as_ref().is_some_and(|r| r.finding.is_some()) =>
            {
                if let Some(r) = &mut self.reader {
                    r.end_find(false);
                }
            }
            (Focus::Reader, Action::Back | Action::Quit) => self.back_to_list(),
            (Focus::Reader, Action::Find) => {
                if let Some(r) = &mut self.reader {
                    r.start_find();
                }
            }
            (Focus::Reader, Action::Copy | Action::CopyParagraph) => {
                if let Some(r) = &self.reader {
                    let text = if action == Action::Copy {
                        r.logical_text()
                    } else {
                        r.paragraph_at_top()
                    };
                    self.message = Some(format!(
                        "copied {} characters to the clipboard",
                        text.chars().count()
                    ));
                    self.clipboard = Some(text);
                }
            }
            (Focus::Reader, Action::NextArticle | Action::PreviousArticle) => {
                self.list.update(
                    if action == Action::NextArticle {
                        Action::Down
                    } else {
                        Action::Up
                    },
                    page,
                );
                self.open_selected();
            }
            (Focus::Reader, _) => {
                if let Some(r) = &mut self.reader {
                    r.update(action);
                }
            }
        }
    }

    fn toggle_bookmark(&mut self, article: usize) {
        if !self.list.bookmarks.remove(&article) {
            self.list.bookmarks.insert(article);
        }
        self.changed = true;
    }

    fn back_to_list(&mut self) {
        if let Some(r) = &self.reader {
            self.resume = Some((r.article, r.scroll));
            self.changed = true;
        }
        self.reader = None;
        if self.focus == Focus::Reader {
            self.focus = Focus::List;
        }
    }

    fn open_selected(&mut self) {
        let Some(article) = self.list.current() else {
            return;
        };
        self.list.read.insert(article);
        let focus = self.filters.focus();
        let mut reader = ReaderView::new(
            self.lib.clone(),
            self.theme,
            article,
            focus,
            self.size.0,
            self.body_height(),
        );
        if let Some((a, scroll)) = self.resume {
            if a == article {
                reader.scroll_to(scroll);
            }
        }
        self.resume = Some((article, reader.scroll));
        self.reader = Some(reader);
        self.focus = Focus::Reader;
        self.changed = true;
    }

    fn apply_facet(&mut self) {
        let Some(entity) = self.facets.current() else {
            return;
        };
        let e = &self.lib.found.entities[entity];
        let scope = if e.kind == Kind::Person {
            Scope::Person
        } else {
            Scope::Place
        };
        self.filters.add(Accepted {
            scope,
            label: e.name.clone(),
            entities: vec![entity],
        });
        self.refilter();
        self.focus = Focus::List;
        self.show_facets = false;
    }

    fn refilter(&mut self) {
        let mut shown = self.filters.articles(&self.lib);
        if self.bookmarked_only {
            let all = shown.unwrap_or_else(|| (0..self.lib.corpus.articles.len()).collect());
            shown = Some(
                all.into_iter()
                    .filter(|a| self.list.bookmarks.contains(a))
                    .collect(),
            );
        }
        self.list.show(shown);
        if self.show_facets {
            self.facets.recount(&self.list.shown);
        }
    }

    /// Draws the screen.
    pub fn render(&self, frame: &mut Frame) {
        let area = frame.area();
        if area.width == 0 || area.height == 0 {
            return;
        }
        let body = Rect {
            height: area.height.saturating_sub(1),
            ..area
        };
        let status = Rect {
            y: area.bottom().saturating_sub(1),
            height: 1.min(area.height),
            ..area
        };
        let buf = frame.buffer_mut();
        match &self.reader {
            Some(r) => ratatui::widgets::Widget::render(r, body, buf),
            None => {
                let facets_width = if self.show_facets && body.width >= 60 {
                    body.width / 3
                } else {
                    0
                };
                let list_area = Rect {
                    width: body.width - facets_width,
                    ..body
                };
                ratatui::widgets::Widget::render(&self.list, list_area, buf);
                if facets_width > 0 {
                    let panel = Rect {
                        x: list_area.right(),
                        width: facets_width,
                        ..body
                    };
                    ratatui::widgets::Widget::render(
                        FacetsPanel {
                            view: &self.facets,
                            focused: self.focus == Focus::Facets,
                        },
                        panel,
                        buf,
                    );
                }
                if let Some(e) = &self.filters.editing {
                    ratatui::widgets::Widget::render(
                        FilterBox {
                            editing: e,
                            library: &self.lib,
                            theme: &self.theme,
                            hints: &self.query_hints,
                        },
                        body,
                        buf,
                    );
                }
            }
        }
        let status_line = StatusLine {
            library: &self.lib,
            list: &self.list,
            filters: &self.filters,
            reader: self.reader.as_ref(),
            bookmarked_only: self.bookmarked_only,
            message: self.message.as_deref(),
            theme: &self.theme,
        };
        ratatui::widgets::Widget::render(status_line, status, buf);
        if self.help {
            ratatui::widgets::Widget::render(
                Help {
                    keymap: &self.keymap,
                    context: self.context(),
                    theme: &self.theme,
                },
                body,
                buf,
            );
        }
    }
}
