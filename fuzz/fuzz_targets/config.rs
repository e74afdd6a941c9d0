//! Any text as config.toml parses or fails with a message; key maps built
//! from it never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(config) = sahifa::store::Config::parse(text, "config.toml") {
        let _ = config.key_map("config.toml");
    }
});
