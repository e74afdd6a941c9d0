//! The `sahifa` binary: everything lives in the library; this only reports errors.

use std::process::ExitCode;

/// mimalloc rather than glibc's allocator: indexing makes many short-lived
/// strings beside long-lived small ones, which left glibc's heap twice the
/// size of the live data and spent a seventh of the time in malloc.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
