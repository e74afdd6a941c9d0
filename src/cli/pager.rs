//! Visual output on a terminal: through a pager, with the terminal's own bidi
//! turned off for as long as the text is on screen.
//!
//! `show` and `render` print lines already in visual order. A terminal that
//! reorders by itself (VTE, mlterm) must not do it again, neither while the
//! text is written nor after the command returns. Through a pager that keeps
//! to the alternate screen (`less -R`, as git and bat use), the text is gone
//! when the terminal is given back, so everything can be restored; printed
//! straight to the terminal, the text stays, so mlterm's whole-screen
//! `use_ctl` is left off (see [`escapes::APP_BIDI_OFF_KEEPING_SCREEN`]).

use std::io::{self, IsTerminal, Write};
use std::process::{Child, Command, Stdio};

use anyhow::{Context, Result};

use crate::layout::escapes;

/// Where visual lines go; [`Visual::finish`] gives the terminal back.
pub struct Visual {
    pager: Option<Child>,
    /// Whether the terminal's bidi was turned off (stdout is a terminal and
    /// sahifa reorders).
    guarded: bool,
}

impl Visual {
    /// Starts visual output: a pager when stdout is a terminal and `paged`,
    /// the bidi guard when `app_bidi` and stdout is a terminal.
    pub fn start(paged: bool, app_bidi: bool) -> Result<Visual> {
        let tty = io::stdout().is_terminal();
        let guarded = tty && app_bidi;
        if guarded {
            let mut out = io::stdout().lock();
            out.write_all(escapes::APP_BIDI_ON.as_bytes())?;
            out.flush()?;
        }
        let pager = if tty && paged { spawn_pager()? } else { None };
        Ok(Visual { pager, guarded })
    }

    /// The pager's input, if there is a pager.
    pub fn pager_input(&mut self) -> Option<&mut dyn Write> {
        self.pager
            .as_mut()
            .and_then(|c| c.stdin.as_mut())
            .map(|w| w as &mut dyn Write)
    }

    /// Whether output goes through a pager.
    pub fn is_paged(&self) -> bool {
        self.pager.is_some()
    }

    /// Waits for the pager, then restores what [`Visual::start`] changed.
    pub fn finish(mut self, out: &mut dyn Write) -> Result<()> {
        out.flush()?;
        let paged = self.pager.is_some();
        if let Some(mut child) = self.pager.take() {
            drop(child.stdin.take());
            child.wait().context("waiting for the pager")?;
        }
        if self.guarded {
            let restore = if paged {
                escapes::APP_BIDI_OFF
            } else {
                escapes::APP_BIDI_OFF_KEEPING_SCREEN
            };
            let mut out = io::stdout().lock();
            out.write_all(restore.as_bytes())?;
            out.flush()?;
        }
        Ok(())
    }
}

/// The pager: `$PAGER` (run by the shell, as git does), else `less -R`;
/// none when `$PAGER` is empty or `cat`, or when less is not installed.
fn spawn_pager() -> Result<Option<Child>> {
    let mut cmd = match std::env::var("PAGER") {
        Ok(p) if p.trim().is_empty() || p.trim() == "cat" => return Ok(None),
        Ok(p) => {
            let mut c = Command::new("sh");
            c.arg("-c").arg(p);
            c
        }
        Err(_) => {
            let mut c = Command::new("less");
            c.arg("-R");
            c
        }
    };
    cmd.stdin(Stdio::piped());
    // The text is UTF-8 whatever the locale (often C over SSH), and less
    // would otherwise show Arabic as <D8><B5> escapes.
    if std::env::var_os("LESSCHARSET").is_none() {
        cmd.env("LESSCHARSET", "utf-8");
    }
    match cmd.spawn() {
        Ok(child) => Ok(Some(child)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e).context("starting the pager"),
    }
}

/// Writes visual lines with `write`: through the pager when `paged` and
/// stdout is a terminal, the terminal's bidi off while they are on screen
/// when `app_bidi`. Quitting the pager before the end is no error.
pub fn write_visual(
    paged: bool,
    app_bidi: bool,
    out: &mut dyn Write,
    write: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    let mut visual = Visual::start(paged, app_bidi)?;
    let written = match visual.pager_input() {
        Some(pager) => write(pager),
        None => write(out),
    };
    let quit = |e: &anyhow::Error| {
        e.chain().any(|c| {
            c.downcast_ref::<io::Error>()
                .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
        })
    };
    match written {
        Err(e) if visual.is_paged() && quit(&e) => {}
        other => other?,
    }
    visual.finish(out)
}
