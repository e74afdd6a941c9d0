//! Standard output for the developer tools: a line at a time, and a reader
//! that stops reading (`| head`) ends the tool quietly instead of a panic,
//! as `println!` gives on a closed pipe.

/// Writes one line to standard output; on a closed pipe exits with success,
/// on any other failure with an error line.
pub fn line(args: std::fmt::Arguments<'_>) {
    use std::io::Write;
    if let Err(e) = writeln!(std::io::stdout().lock(), "{args}") {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("standard output: {e}");
        std::process::exit(1);
    }
}

/// `println!` through [`line`].
macro_rules! say {
    ($($arg:tt)*) => {
        crate::out::line(format_args!($($arg)*))
    };
}
