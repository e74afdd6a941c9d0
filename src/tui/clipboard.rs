//! Copying through the terminal: OSC 52 carries text to the clipboard of
//! the terminal the user sits at, over SSH and through tmux (with
//! `set-clipboard on`), with nothing installed on the server.

use base64::Engine;

/// The OSC 52 sequence that puts `text` on the clipboard.
pub fn osc52(text: &str) -> String {
    let payload = base64::engine::general_purpose::STANDARD.encode(text);
    format!("\x1b]52;c;{payload}\x07")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_payload_is_the_text() {
        let seq = osc52("نص عربي");
        let payload = seq
            .strip_prefix("\x1b]52;c;")
            .and_then(|s| s.strip_suffix('\x07'))
            .unwrap();
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(payload)
            .unwrap();
        assert_eq!(String::from_utf8(decoded).unwrap(), "نص عربي");
    }
}
