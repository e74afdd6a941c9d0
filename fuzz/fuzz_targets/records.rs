//! Any bytes as a reading-state file load as a state or as a warning.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    std::fs::write(&path, data).unwrap();
    let (state, warning) = sahifa::store::ReadingState::load(&path);
    assert!(warning.is_some() || state.read.len() < data.len() + 1);
});
