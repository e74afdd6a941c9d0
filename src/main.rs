//! The `sahifa` binary: everything lives in the library; this only reports errors.

use std::process::ExitCode;

/// mimalloc rather than glibc's allocator: indexing makes many short-lived
/// strings beside long-lived small ones, which left glibc's heap twice the
/// size of the live data and spent a seventh of the time in malloc.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` of mimalloc.h (v2 and v3; libmimalloc-sys names
/// the options beside it, 14 and 16, but not it).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Milliseconds before freed memory goes back to the system. mimalloc's
/// 1,000 kept what each short phase at the end of a large cold index freed
/// (linking, the name index, the cache's sections): 466-478 MiB at 100,000
/// articles, 431-441 with 50, at the same speed; 0 gave 403 MiB but took a
/// sixth longer.
const PURGE_DELAY_MS: std::ffi::c_long = 50;

fn main() -> ExitCode {
    // SAFETY: an option set before any thread is started; mimalloc reads it
    // each time it schedules a purge.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, PURGE_DELAY_MS) };
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
