//! Key bindings as data: defaults here, user overrides from the config file.

use std::collections::HashMap;
use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::{Deserialize, Serialize};

use super::Action;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Context {
    /// Everywhere, before the view's own bindings.
    Global,
    /// The article list.
    List,
    /// The persons-and-places panel.
    Facets,
    /// An open article.
    Reader,
    /// The filter box: printable keys type, so the global bindings do not
    /// apply there, only its own.
    Query,
}

/// A key with its modifiers, written like `ctrl-c`, `j`, `pgdn`, `space`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    code: KeyCode,
    ctrl: bool,
    alt: bool,
}

impl Key {
    /// The key of a terminal event (shift is part of the character: `G`).
    pub fn of(event: &KeyEvent) -> Key {
        Key {
            code: event.code,
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
            alt: event.modifiers.contains(KeyModifiers::ALT),
        }
    }

    /// Parses `ctrl-c`, `alt-x`, `G`, `?`, `enter`, `esc`, `up`, `pgdn` ...
    pub fn parse(text: &str) -> Option<Key> {
        let mut ctrl = false;
        let mut alt = false;
        let mut rest = text;
        loop {
            if let Some(r) = rest.strip_prefix("ctrl-") {
                ctrl = true;
                rest = r;
            } else if let Some(r) = rest.strip_prefix("alt-") {
                alt = true;
                rest = r;
            } else {
                break;
            }
        }
        let code = match rest {
            "enter" => KeyCode::Enter,
            "esc" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "backtab" => KeyCode::BackTab,
            "backspace" => KeyCode::Backspace,
            "space" => KeyCode::Char(' '),
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "pgup" | "pageup" => KeyCode::PageUp,
            "pgdn" | "pagedown" => KeyCode::PageDown,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            s if s.chars().count() == 1 => KeyCode::Char(s.chars().next()?),
            _ => return None,
        };
        Some(Key { code, ctrl, alt })
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            write!(f, "ctrl-")?;
        }
        if self.alt {
            write!(f, "alt-")?;
        }
        match self.code {
            KeyCode::Char(' ') => write!(f, "space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => write!(f, "enter"),
            KeyCode::Esc => write!(f, "esc"),
            KeyCode::Tab => write!(f, "tab"),
            KeyCode::Up => write!(f, "up"),
            KeyCode::Down => write!(f, "down"),
            KeyCode::Left => write!(f, "left"),
            KeyCode::Right => write!(f, "right"),
            KeyCode::PageUp => write!(f, "pgup"),
            KeyCode::PageDown => write!(f, "pgdn"),
            KeyCode::Home => write!(f, "home"),
            KeyCode::End => write!(f, "end"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// The default bindings: (context, key, action).
const DEFAULTS: &[(Context, &str, Action)] = &[
    (Context::Global, "ctrl-c", Action::ForceQuit),
    (Context::Global, "?", Action::Help),
    (Context::List, "q", Action::Quit),
    (Context::List, "j", Action::Down),
    (Context::List, "down", Action::Down),
    (Context::List, "k", Action::Up),
    (Context::List, "up", Action::Up),
    (Context::List, "pgdn", Action::PageDown),
    (Context::List, "space", Action::PageDown),
    (Context::List, "pgup", Action::PageUp),
    (Context::List, "g", Action::Top),
    (Context::List, "home", Action::Top),
    (Context::List, "G", Action::Bottom),
    (Context::List, "end", Action::Bottom),
    (Context::List, "enter", Action::Open),
    (Context::List, "/", Action::Filter),
    (Context::List, "esc", Action::ClearFilters),
    (Context::List, "f", Action::Facets),
    (Context::List, "b", Action::ToggleBookmark),
    (Context::List, "B", Action::Bookmarked),
    (Context::List, "s", Action::Sort),
    (Context::Facets, "q", Action::Back),
    (Context::Facets, "esc", Action::Back),
    (Context::Facets, "f", Action::Back),
    (Context::Facets, "j", Action::Down),
    (Context::Facets, "down", Action::Down),
    (Context::Facets, "k", Action::Up),
    (Context::Facets, "up", Action::Up),
    (Context::Facets, "g", Action::Top),
    (Context::Facets, "G", Action::Bottom),
    (Context::Facets, "enter", Action::Open),
    (Context::Reader, "q", Action::Back),
    (Context::Reader, "esc", Action::Back),
    (Context::Reader, "j", Action::Down),
    (Context::Reader, "down", Action::Down),
    (Context::Reader, "k", Action::Up),
    (Context::Reader, "up", Action::Up),
    (Context::Reader, "pgdn", Action::PageDown),
    (Context::Reader, "space", Action::PageDown),
    (Context::Reader, "pgup", Action::PageUp),
    (Context::Reader, "g", Action::Top),
    (Context::Reader, "G", Action::Bottom),
    (Context::Reader, "]", Action::NextArticle),
    (Context::Reader, "[", Action::PreviousArticle),
    (Context::Reader, "n", Action::NextMention),
    (Context::Reader, "N", Action::PreviousMention),
    (Context::Reader, "/", Action::Filter),
    (Context::Reader, "b", Action::ToggleBookmark),
    (Context::Reader, "ctrl-f", Action::Find),
    (Context::Reader, "y", Action::Copy),
    (Context::Reader, "Y", Action::CopyParagraph),
    (Context::Query, "ctrl-c", Action::ForceQuit),
    (Context::Query, "enter", Action::Open),
    (Context::Query, "esc", Action::Back),
    (Context::Query, "tab", Action::Scope),
    (Context::Query, "down", Action::Down),
    (Context::Query, "ctrl-n", Action::Down),
    (Context::Query, "up", Action::Up),
    (Context::Query, "ctrl-p", Action::Up),
    (Context::Query, "ctrl-t", Action::Mark),
    (Context::Query, "ctrl-space", Action::Mark),
];

/// Bindings per context.
#[derive(Debug, Clone)]
pub struct KeyMap {
    bindings: HashMap<(Context, Key), Action>,
}

impl Default for KeyMap {
    fn default() -> KeyMap {
        let mut map = KeyMap {
            bindings: HashMap::new(),
        };
        for &(context, key, action) in DEFAULTS {
            let key = Key::parse(key).expect("default keys parse");
            map.bindings.insert((context, key), action);
        }
        map
    }
}

impl KeyMap {
    /// Binds `key` to `action` in `context`, replacing what it did there.
    pub fn bind(&mut self, context: Context, key: Key, action: Action) {
        self.bindings.insert((context, key), action);
    }

    /// The action of a key in a context (global bindings first, except in
    /// the filter box, where a key without a binding of its own types).
    pub fn action(&self, context: Context, event: &KeyEvent) -> Option<Action> {
        let key = Key::of(event);
        let global = (context != Context::Query)
            .then(|| self.bindings.get(&(Context::Global, key)))
            .flatten();
        global
            .or_else(|| self.bindings.get(&(context, key)))
            .copied()
    }

    /// The first key bound to `action` in `context`, as the help names it:
    /// what the filter box's title offers.
    pub fn key_for(&self, context: Context, action: Action) -> Option<String> {
        let position = |k: &Key| {
            DEFAULTS
                .iter()
                .position(|d| d.0 == context && Key::parse(d.1) == Some(*k))
        };
        self.bindings
            .iter()
            .filter(|((c, _), a)| *c == context && **a == action)
            .map(|((_, k), _)| k)
            .min_by_key(|k| (position(k).unwrap_or(usize::MAX), k.to_string()))
            .map(Key::to_string)
    }

    /// The bindings of a context and the global ones, grouped by action, in
    /// the order of the actions' first default: what the help screen shows.
    pub fn describe(&self, context: Context) -> Vec<(String, Action)> {
        let mut rows: Vec<(Action, Vec<String>)> = Vec::new();
        let mut keys: Vec<(&(Context, Key), &Action)> = self
            .bindings
            .iter()
            .filter(|((c, _), _)| *c == context || *c == Context::Global)
            .collect();
        keys.sort_by_key(|((c, k), a)| {
            (
                *c != Context::Global,
                DEFAULTS.iter().position(|d| d.2 == **a),
                k.to_string(),
            )
        });
        for ((_, key), action) in keys {
            match rows.iter_mut().find(|r| r.0 == *action) {
                Some(r) => r.1.push(key.to_string()),
                None => rows.push((*action, vec![key.to_string()])),
            }
        }
        rows.into_iter().map(|(a, k)| (k.join(" "), a)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_lookup() {
        let m = KeyMap::default();
        let ev = |c, m| KeyEvent::new(c, m);
        assert_eq!(
            m.action(Context::List, &ev(KeyCode::Char('q'), KeyModifiers::NONE)),
            Some(Action::Quit)
        );
        assert_eq!(
            m.action(Context::Reader, &ev(KeyCode::Char('q'), KeyModifiers::NONE)),
            Some(Action::Back)
        );
        assert_eq!(
            m.action(
                Context::Reader,
                &ev(KeyCode::Char('c'), KeyModifiers::CONTROL)
            ),
            Some(Action::ForceQuit)
        );
        assert_eq!(
            m.action(Context::List, &ev(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
        assert_eq!(
            m.action(
                Context::Reader,
                &ev(KeyCode::Char('N'), KeyModifiers::SHIFT)
            ),
            Some(Action::PreviousMention)
        );
        assert_eq!(Key::parse("ctrl-c").unwrap().to_string(), "ctrl-c");
        assert!(Key::parse("nonsense").is_none());
        let help = m.describe(Context::Reader);
        assert!(help
            .iter()
            .any(|(k, a)| *a == Action::NextArticle && k == "]"));
    }
}
