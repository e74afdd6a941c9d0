//! Colours: a 16-colour palette that reads on dark and light backgrounds, or
//! none at all (NO_COLOR), where emphasis falls back to underline and reverse.
//!
//! Never bold on text: terminals such as xterm draw bold Arabic by widening
//! or overstriking glyphs inside the same cells, and clip the dots at common
//! font sizes (a final ي then reads as ى).

use ratatui::style::{Color, Modifier, Style};

/// The styles the views use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// The selected row.
    pub selected: Style,
    /// A person's name.
    pub person: Style,
    /// A place's name.
    pub place: Style,
    /// A mention of what the list is filtered by.
    pub focus: Style,
    /// A hit of a search in the article.
    pub hit: Style,
    /// The hit last moved to.
    pub hit_current: Style,
    /// Titles.
    pub title: Style,
    /// Secondary text: sources, counts, hints.
    pub dim: Style,
    /// The status line.
    pub status: Style,
    /// Borders and headings.
    pub frame: Style,
}

impl Theme {
    /// The 16-colour palette: only the basic named colours, which every
    /// terminal maps to something readable on its own background.
    pub fn colour() -> Theme {
        Theme {
            selected: Style::new().add_modifier(Modifier::REVERSED),
            person: Style::new().fg(Color::Cyan),
            place: Style::new().fg(Color::Green),
            focus: Style::new()
                .fg(Color::Yellow)
                .add_modifier(Modifier::UNDERLINED),
            hit: Style::new().fg(Color::Black).bg(Color::Yellow),
            hit_current: Style::new().fg(Color::Black).bg(Color::Cyan),
            title: Style::new().fg(Color::Magenta),
            dim: Style::new().fg(Color::DarkGray),
            status: Style::new().add_modifier(Modifier::REVERSED),
            frame: Style::new().fg(Color::Blue),
        }
    }

    /// No colour: underline and reverse video only.
    pub fn plain() -> Theme {
        Theme {
            selected: Style::new().add_modifier(Modifier::REVERSED),
            person: Style::new().add_modifier(Modifier::UNDERLINED),
            place: Style::new().add_modifier(Modifier::UNDERLINED),
            focus: Style::new().add_modifier(Modifier::REVERSED),
            hit: Style::new().add_modifier(Modifier::REVERSED),
            hit_current: Style::new().add_modifier(Modifier::REVERSED | Modifier::UNDERLINED),
            title: Style::new().add_modifier(Modifier::UNDERLINED),
            dim: Style::new(),
            status: Style::new().add_modifier(Modifier::REVERSED),
            frame: Style::new(),
        }
    }

    /// Plain when `NO_COLOR` is set to anything non-empty (no-color.org).
    pub fn from_env() -> Theme {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => Theme::plain(),
            _ => Theme::colour(),
        }
    }
}
