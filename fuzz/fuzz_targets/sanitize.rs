//! Whatever the bytes, sanitized one-line text holds no control and no bidi
//! embedding, override or isolate control.
#![no_main]
use libfuzzer_sys::fuzz_target;
use sahifa::corpus::{is_bidi_control, one_line, shown_name, strip_controls};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for out in [one_line(&text), shown_name(&text)] {
        assert!(out.chars().all(|c| !c.is_control() && !is_bidi_control(c)));
    }
    let body = strip_controls(&text);
    assert!(body.chars().all(|c| !c.is_control() || c == '\n' || c == '\t'));
});
