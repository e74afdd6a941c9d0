//! The reader's key vocabulary: the actions, the views they apply in, keys as
//! written in config.toml, and the default bindings. Below both the reader
//! and the configuration, which each use it.

mod action;
mod keymap;

pub use action::Action;
pub use keymap::{Context, Key, KeyMap};
