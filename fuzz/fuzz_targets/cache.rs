//! Any bytes as an index cache are rejected or decoded, never a panic; a
//! decoded one holds no control character in what it would print.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.idx");
    std::fs::write(&path, data).unwrap();
    let fingerprint = sahifa::entities::fingerprint();
    if let Ok(Some(cache)) = sahifa::index::cache::read(&path, fingerprint) {
        let _ = cache.detail();
        for e in &cache.head.found.entities {
            assert!(!e.name.chars().any(char::is_control));
        }
    }
});
