//! `config.toml`: the user's settings. Unknown keys and bad values are
//! errors naming the file, the line and the key, never silently ignored.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use thiserror::Error;

use crate::corpus::SortOrder;
use crate::keys::{Action, Context, Key, KeyMap};
use crate::layout::{BidiMode, ShapingMode};

/// When to use colour in the reader.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ColorMode {
    /// Colour unless `NO_COLOR` is set.
    #[default]
    Auto,
    /// Always colour.
    Always,
    /// Never colour: bold, underline and reverse video only.
    Never,
}

/// Key bindings per view: key (`ctrl-c`, `j`, `pgdn`) to action (`next_article`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Keys {
    /// Everywhere.
    #[serde(default)]
    pub global: BTreeMap<String, Action>,
    /// The article list.
    #[serde(default)]
    pub list: BTreeMap<String, Action>,
    /// The persons-and-places panel.
    #[serde(default)]
    pub facets: BTreeMap<String, Action>,
    /// An open article.
    #[serde(default)]
    pub reader: BTreeMap<String, Action>,
    /// The filter box (`/`).
    #[serde(default)]
    pub query: BTreeMap<String, Action>,
}

/// The settings; every key is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The corpus when neither `--corpus` nor `SAHIFA_CORPUS` names one.
    pub corpus: Option<PathBuf>,
    /// Who reorders right-to-left text.
    pub bidi: Option<BidiMode>,
    /// Who joins Arabic letters.
    pub shaping: Option<ShapingMode>,
    /// Colour in the reader.
    #[serde(default)]
    pub colors: ColorMode,
    /// The order of the article list.
    pub sort: Option<SortOrder>,
    /// Whether the reader takes the mouse (default: yes); `false` leaves
    /// selecting text with the mouse to the terminal.
    pub mouse: Option<bool>,
    /// Key bindings added to or replacing the defaults.
    #[serde(default)]
    pub keys: Keys,
}

/// A configuration file that cannot be used.
#[derive(Debug, Error)]
pub enum ConfigError {
    /// It exists but cannot be read.
    #[error("{path}: cannot read: {source}")]
    Unreadable {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// It is not valid TOML or has an unknown key or a bad value.
    #[error("{path}: line {line}: {message}")]
    Invalid {
        /// The file.
        path: String,
        /// 1-based line of the problem.
        line: usize,
        /// What is wrong, naming the key.
        message: String,
    },
    /// A key binding names no key.
    #[error("{path}: [keys.{view}]: `{key}` is not a key (write keys like ctrl-c, j, G, pgdn, space, enter)")]
    BadKey {
        /// The file.
        path: String,
        /// The view's table.
        view: &'static str,
        /// The key as written.
        key: String,
    },
}

/// A commented configuration with every key at its default.
pub const DEFAULT_CONFIG: &str = r#"# sahifa configuration. Every key is optional; these are the defaults.

# The corpus when neither --corpus nor SAHIFA_CORPUS names one (default: the
# bundled samples).
# corpus = "/srv/news"

# Who reorders right-to-left text: "app" (sahifa, telling bidi-capable
# terminals to stand back) or "terminal" (Konsole, mlterm, ...).
# bidi = "app"

# Who joins Arabic letters: "app" or "terminal".
# shaping = "app"

# Colour in the reader: "auto" (honours NO_COLOR), "always" or "never".
# colors = "auto"

# Whether the reader takes the mouse (wheel scrolls, click selects); false
# leaves the mouse to the terminal, for selecting text (y copies an article).
# mouse = true

# The order of the article list: "id" (paths), "date" (newest first) or
# "title".
# sort = "id"

# Key bindings per view (global, list, facets, reader): key = "action".
# Keys: ctrl-c, alt-x, j, G, ?, enter, esc, tab, space, up, down, pgup, pgdn,
# home, end. Actions: quit, force_quit, down, up, page_down, page_up, top,
# bottom, open, back, filter, clear_filters, facets, next_article,
# previous_article, next_mention, previous_mention, help, toggle_bookmark,
# bookmarked, find, copy, copy_paragraph, sort.
[keys.list]
# "x" = "quit"

[keys.reader]
# "l" = "next_article"
# "h" = "previous_article"
"#;

impl Config {
    /// Reads a configuration file; a missing file is the defaults.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let shown = path.display().to_string();
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
            Err(source) => {
                return Err(ConfigError::Unreadable {
                    path: shown,
                    source,
                })
            }
        };
        Config::parse(&text, &shown)
    }

    /// Parses configuration text; `path` names it in errors.
    pub fn parse(text: &str, path: &str) -> Result<Config, ConfigError> {
        let config: Config = toml::from_str(text).map_err(|e| {
            let line = e.span().map_or(1, |s| {
                text[..s.start.min(text.len())].matches('\n').count() + 1
            });
            ConfigError::Invalid {
                path: path.to_owned(),
                line,
                message: e.message().trim().to_owned(),
            }
        })?;
        config.key_map(path)?;
        Ok(config)
    }

    /// The default key map with this configuration's bindings applied.
    pub fn key_map(&self, path: &str) -> Result<KeyMap, ConfigError> {
        let mut map = KeyMap::default();
        let views: [(&'static str, Context, &BTreeMap<String, Action>); 5] = [
            ("global", Context::Global, &self.keys.global),
            ("list", Context::List, &self.keys.list),
            ("facets", Context::Facets, &self.keys.facets),
            ("reader", Context::Reader, &self.keys.reader),
            ("query", Context::Query, &self.keys.query),
        ];
        for (view, context, bindings) in views {
            for (key, action) in bindings {
                let k = Key::parse(key).ok_or_else(|| ConfigError::BadKey {
                    path: path.to_owned(),
                    view,
                    key: key.clone(),
                })?;
                map.bind(context, k, *action);
            }
        }
        Ok(map)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_file_is_the_defaults() {
        assert_eq!(
            Config::parse(DEFAULT_CONFIG, "config.toml").unwrap(),
            Config::default()
        );
    }

    #[test]
    fn values_and_bindings() {
        let c = Config::parse(
            "bidi = \"terminal\"\ncolors = \"never\"\nsort = \"date\"\n[keys.reader]\n\"l\" = \"next_article\"\n",
            "c",
        )
        .unwrap();
        assert_eq!(c.bidi, Some(BidiMode::Terminal));
        assert_eq!(c.colors, ColorMode::Never);
        assert_eq!(c.sort, Some(SortOrder::Date));
        let map = c.key_map("c").unwrap();
        let l = crossterm::event::KeyEvent::new(
            crossterm::event::KeyCode::Char('l'),
            crossterm::event::KeyModifiers::NONE,
        );
        assert_eq!(map.action(Context::Reader, &l), Some(Action::NextArticle));
    }

    #[test]
    fn errors_name_file_line_and_key() {
        let e = Config::parse(
            "bidi = \"app\"\ncolour = \"never\"\n",
            "/home/u/.config/sahifa/config.toml",
        )
        .unwrap_err()
        .to_string();
        assert!(
            e.starts_with("/home/u/.config/sahifa/config.toml: line 2:") && e.contains("colour"),
            "{e}"
        );
        let e = Config::parse("shaping = \"maybe\"\n", "config.toml")
            .unwrap_err()
            .to_string();
        assert!(e.contains("line 1") && e.contains("maybe"), "{e}");
        let e = Config::parse("[keys.list]\n\"x\" = \"fly\"\n", "config.toml")
            .unwrap_err()
            .to_string();
        assert!(e.contains("line 2") && e.contains("fly"), "{e}");
        let e = Config::parse("[keys.list]\n\"hyper-x\" = \"quit\"\n", "config.toml")
            .unwrap_err()
            .to_string();
        assert!(e.contains("[keys.list]") && e.contains("hyper-x"), "{e}");
        assert!(Config::parse("[[[", "config.toml").is_err());
    }
}
