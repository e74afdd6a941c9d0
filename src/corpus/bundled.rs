//! The sample corpus compiled into the binary, so `sahifa` works anywhere.

use include_dir::{include_dir, Dir};

/// The name shown for the bundled corpus.
pub const BUNDLED_NAME: &str = "bundled samples";

static SAMPLES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/sample-data");

/// The bundled files as (relative path, bytes), sorted by path.
pub(crate) fn files() -> Vec<(String, &'static [u8])> {
    let mut files: Vec<(String, &'static [u8])> = SAMPLES
        .files()
        .map(|f| (f.path().to_string_lossy().into_owned(), f.contents()))
        .collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files
}
