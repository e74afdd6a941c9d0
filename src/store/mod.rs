//! What sahifa keeps between runs: where (paths via `directories`, XDG
//! honoured everywhere) and the user's settings (`config.toml`).

mod atomic;
mod config;
mod paths;
mod state;

pub use atomic::{write_atomic, write_atomic_with};
pub use config::{ColorMode, Config, ConfigError, Keys, DEFAULT_CONFIG};
pub use paths::Paths;
pub use state::{state_file, Position, ReadingState, StateFile};
