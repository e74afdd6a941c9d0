//! Entering and leaving the terminal's reader mode, on every exit path.
//!
//! Raw mode, the alternate screen, mouse and bracketed paste, and the bidi
//! escapes that make bidi-capable terminals leave ordering to us. [`Session`]
//! restores all of it when dropped; a panic hook does the same before the
//! panic message is printed, and the event loop stops on SIGTERM and SIGHUP.

use std::io::{self, Write};

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use crossterm::{cursor, execute};

use crate::layout::escapes;

/// An entered terminal; leaving happens on drop.
pub struct Session {
    app_bidi: bool,
}

impl Session {
    /// Enters raw mode and the alternate screen; with `app_bidi`, asks the
    /// terminal not to reorder; with `mouse`, takes the mouse (the wheel
    /// scrolls, a click selects; without it the terminal's own selection
    /// works).
    pub fn enter(app_bidi: bool, mouse: bool) -> io::Result<Session> {
        enable_raw_mode()?;
        let mut out = io::stdout();
        let entered = execute!(
            out,
            EnterAlternateScreen,
            EnableBracketedPaste,
            cursor::Hide
        )
        .and_then(|_| {
            if mouse {
                execute!(out, EnableMouseCapture)?;
            }
            Ok(())
        })
        .and_then(|_| {
            if app_bidi {
                out.write_all(escapes::APP_BIDI_ON.as_bytes())?;
            }
            out.flush()
        });
        if let Err(e) = entered {
            restore(app_bidi);
            return Err(e);
        }
        install_panic_hook(app_bidi);
        Ok(Session { app_bidi })
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        restore(self.app_bidi);
    }
}

/// Leaves everything [`Session::enter`] set; errors are ignored, since the
/// terminal may already be gone (a dropped SSH link).
pub fn restore(app_bidi: bool) {
    let mut out = io::stdout();
    if app_bidi {
        let _ = out.write_all(escapes::APP_BIDI_OFF.as_bytes());
    }
    let _ = execute!(
        out,
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = out.flush();
    let _ = disable_raw_mode();
}

/// Writes the sequences that undo [`Session::enter`] straight to file
/// descriptor 1, taking no lock (not stdout's, not crossterm's), for a
/// process that must leave while another thread is stuck. Raw mode is left
/// as it is: restoring it needs crossterm's lock, and a hung-up terminal has
/// no mode to restore.
pub fn restore_without_locks(app_bidi: bool) {
    let mut bytes = String::new();
    if app_bidi {
        bytes.push_str(escapes::APP_BIDI_OFF);
    }
    bytes.push_str(
        "\x1b[?2004l\x1b[?1006l\x1b[?1015l\x1b[?1003l\x1b[?1002l\x1b[?1000l\x1b[?1049l\x1b[?25h",
    );
    // SAFETY: writes a valid buffer to fd 1; a failed write (terminal gone)
    // is of no consequence.
    unsafe {
        libc::write(1, bytes.as_ptr().cast(), bytes.len());
    }
}

fn install_panic_hook(app_bidi: bool) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore(app_bidi);
        previous(info);
    }));
}
