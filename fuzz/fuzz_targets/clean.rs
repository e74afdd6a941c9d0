//! Decoding and cleaning any bytes as a scraped page, Markdown or records
//! never panics and yields text without controls.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    for name in ["a.txt", "a.md", "a.json", "a.jsonl"] {
        let read = sahifa::corpus::read_bytes(Path::new(name), name, data);
        for a in &read.articles {
            assert!(!a.title.chars().any(char::is_control));
            assert!(!a.id.chars().any(char::is_control));
        }
    }
});
