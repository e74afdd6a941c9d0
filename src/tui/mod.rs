//! The interactive reader (ratatui + crossterm): a synchronous loop that
//! draws, reads one event, maps it to an [`Action`] and updates.

mod app;
mod clipboard;
mod draw;
mod facets;
mod filter;
mod help;
mod library;
mod list;
mod reader;
mod repaint;
mod status;
mod terminal;
mod theme;

use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use crossterm::event::{self, Event, KeyEventKind};
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;

pub use crate::keys::Action;
pub use crate::keys::{Context, Key, KeyMap};
pub use app::{App, Focus};
pub use clipboard::osc52;
pub use library::Library;
pub use theme::Theme;

use crate::layout::BidiMode;
use crate::store::ReadingState;

/// How long the loop waits for input before looking at the signal flag.
const SIGNAL_CHECK: Duration = Duration::from_millis(100);

/// How long the watchdog lets the loop leave by itself once a signal came
/// or the terminal went: with [`SIGNAL_CHECK`], a dropped SSH link ends the
/// process within about 0.6 s, inside the second users expect.
const GRACE: Duration = Duration::from_millis(500);

/// Ends the process when a signal asks to, or when the terminal is gone,
/// even if the event loop is blocked: crossterm's reader can spin on a
/// hung-up terminal (reads returning end of file) without ever returning, so
/// the loop alone cannot be relied on when an SSH link drops.
fn watchdog(stop: Arc<AtomicBool>, hangup: Arc<AtomicBool>, app_bidi: bool) {
    std::thread::spawn(move || loop {
        std::thread::sleep(SIGNAL_CHECK);
        let hung_up = hangup.load(Ordering::Relaxed) || crossterm::terminal::size().is_err();
        if hung_up || stop.load(Ordering::Relaxed) {
            // The loop normally leaves within one poll; if it has not after
            // five, it is stuck, and only a lock-free exit is safe.
            std::thread::sleep(GRACE);
            terminal::restore_without_locks(app_bidi);
            let signal = if hung_up {
                signal_hook::consts::SIGHUP
            } else {
                signal_hook::consts::SIGTERM
            };
            // SAFETY: _exit ends the process at once without running handlers
            // that could wait on locks the stuck thread holds.
            unsafe { libc::_exit(128 + signal) }
        }
    });
}

/// Runs the reader until the user quits or the terminal goes away.
pub fn run(
    lib: Library,
    keymap: KeyMap,
    theme: Theme,
    state: &ReadingState,
    mouse: bool,
    save: &mut dyn FnMut(&ReadingState),
) -> anyhow::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    let hangup = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGINT] {
        signal_hook::flag::register(signal, stop.clone())?;
    }
    signal_hook::flag::register(signal_hook::consts::SIGHUP, hangup.clone())?;
    let app_bidi = lib.layout.bidi == BidiMode::App;
    watchdog(stop.clone(), hangup.clone(), app_bidi);
    let size = crossterm::terminal::size().unwrap_or((80, 24));
    let lib = Arc::new(lib);
    // Decoded while the first frame is read, not before it is drawn (see
    // `Library::warm`).
    let mut warm = Some(lib.clone());
    let mut app = App::new(lib, keymap, theme, size);
    app.restore(state);
    let session = terminal::Session::enter(app_bidi, mouse)?;
    let mut term = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let result = (|| -> anyhow::Result<()> {
        term.clear()?;
        let mut drawn = app.screen();
        // Drawn only after an event: even an unchanged frame costs bytes
        // (style resets, cursor hiding), a steady trickle on a slow link.
        let mut dirty = true;
        while !app.should_quit() && !stop.load(Ordering::Relaxed) && !hangup.load(Ordering::Relaxed)
        {
            if dirty {
                let next = app.screen();
                if drawn.needs_full_repaint(&next) {
                    term.clear()?;
                }
                drawn = next;
                term.draw(|f| app.render(f))?;
                dirty = false;
                if let Some(lib) = warm.take() {
                    std::thread::spawn(move || lib.warm());
                }
            }
            if !event::poll(SIGNAL_CHECK)? {
                continue;
            }
            dirty = true;
            match event::read()? {
                Event::Key(k) if k.kind != KeyEventKind::Release => app.handle_key(k),
                Event::Paste(text) => app.handle_paste(&text),
                Event::Mouse(m) => app.handle_mouse(m),
                Event::Resize(w, h) => {
                    app.resize(w, h);
                    term.autoresize()?;
                }
                _ => {}
            }
            if let Some(text) = app.take_clipboard() {
                use std::io::Write;
                let mut out = io::stdout();
                out.write_all(clipboard::osc52(&text).as_bytes())?;
                out.flush()?;
            }
            if app.take_changed() {
                save(&app.reading_state());
            }
        }
        Ok(())
    })();
    save(&app.reading_state());
    drop(term);
    drop(session);
    result
}
