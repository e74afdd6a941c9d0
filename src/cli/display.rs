//! Choosing between visual and logical output, and the width to lay out to.

use std::io::IsTerminal;

use super::args::DisplayArgs;
use crate::layout::{LayoutOptions, ShapingMode};

/// The fallback width when stdout is not a terminal.
const DEFAULT_WIDTH: usize = 80;

impl DisplayArgs {
    /// Layout options, or `None` for logical order: when no mode is given and
    /// stdout is not a terminal, the consumer does its own bidi.
    pub fn visual(&self) -> Option<LayoutOptions> {
        if self.bidi.is_none() && self.shaping.is_none() && !std::io::stdout().is_terminal() {
            return None;
        }
        Some(self.options())
    }

    /// Layout options as given, defaults filled in.
    pub fn options(&self) -> LayoutOptions {
        LayoutOptions {
            width: self.width.unwrap_or_else(terminal_width).max(1),
            bidi: self.bidi.unwrap_or_default(),
            shaping: self.shaping.unwrap_or(ShapingMode::App),
            direction: None,
        }
    }
}

/// The terminal's width when stdout is one, else 80.
pub fn terminal_width() -> usize {
    if std::io::stdout().is_terminal() {
        if let Ok((w, _)) = crossterm::terminal::size() {
            if w > 0 {
                return usize::from(w);
            }
        }
    }
    DEFAULT_WIDTH
}
