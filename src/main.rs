//! The `sahifa` binary: everything lives in the library; this only reports errors.

use std::process::ExitCode;

fn main() -> ExitCode {
    match sahifa::cli::run() {
        Ok(code) => code,
        Err(e) => {
            // Errors name files, and a file name can hold anything.
            eprintln!(
                "sahifa: error: {}",
                sahifa::corpus::one_line(&format!("{e:#}"))
            );
            ExitCode::from(2)
        }
    }
}
