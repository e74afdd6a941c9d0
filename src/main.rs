//! The `sahifa` binary: everything lives in the library; this only reports errors.

use std::process::ExitCode;

fn main() -> ExitCode {
    match sahifa::cli::run() {
        Ok(code) => code,
        Err(e) => {
            eprintln!("sahifa: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
