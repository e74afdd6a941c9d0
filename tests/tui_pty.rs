//! The real binary in a pseudo-terminal, read back through a terminal
//! emulator (vt100): the first frame, a filter, the reader, and a clean exit
//! that leaves the alternate screen and restores implicit bidi (CSI 8 h).

use std::io::{Read, Write};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use portable_pty::{native_pty_system, CommandBuilder, PtySize};

/// Output read from the terminal so far, and a screen that follows it.
struct Screen {
    rx: mpsc::Receiver<Vec<u8>>,
    raw: Vec<u8>,
    parser: vt100::Parser,
}

impl Screen {
    /// Reads output until `done` holds for the screen text, or fails after a
    /// generous deadline (the wait ends as soon as the text is there).
    fn until(&mut self, what: &str, done: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let text = self.parser.screen().contents();
            if done(&text) {
                return text;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(
                !left.is_zero(),
                "timed out waiting for {what}; screen:\n{text}"
            );
            if let Ok(chunk) = self.rx.recv_timeout(left) {
                self.parser.process(&chunk);
                self.raw.extend_from_slice(&chunk);
            }
        }
    }

    /// Collects what is left after the program ended.
    fn drain(&mut self) -> String {
        while let Ok(chunk) = self.rx.recv_timeout(Duration::from_millis(500)) {
            self.raw.extend_from_slice(&chunk);
        }
        String::from_utf8_lossy(&self.raw).into_owned()
    }
}

type Child = Box<dyn portable_pty::Child + Send + Sync>;

/// What a running sahifa gives the test: the process, its keyboard, its
/// screen, and the terminal it owns.
type Running = (
    Child,
    Box<dyn Write + Send>,
    Screen,
    Box<dyn portable_pty::MasterPty + Send>,
);

/// Starts sahifa on the bundled samples in a 100×30 pseudo-terminal.
fn spawn() -> Running {
    spawn_with(&[])
}

/// Starts sahifa with arguments in a 100×30 pseudo-terminal.
fn spawn_with(args: &[&std::ffi::OsStr]) -> Running {
    spawn_env(args, &[])
}

/// Starts sahifa with arguments and environment variables (an empty value
/// removes one) in a 100×30 pseudo-terminal.
fn spawn_env(args: &[&std::ffi::OsStr], env: &[(&str, &str)]) -> Running {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_sahifa"));
    cmd.args(args);
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("SAHIFA_CORPUS");
    cmd.env_remove("SAHIFA_CONFIG_DIR");
    let home = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("home-pty");
    cmd.env("XDG_CONFIG_HOME", home.join("config"));
    cmd.env("XDG_STATE_HOME", home.join("state"));
    cmd.env("XDG_CACHE_HOME", home.join("cache"));
    cmd.env_remove("PAGER");
    cmd.env_remove("LESS");
    for (k, v) in env {
        if v.is_empty() {
            cmd.env_remove(k);
        } else {
            cmd.env(k, v);
        }
    }
    let child = pty.slave.spawn_command(cmd).unwrap();
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().unwrap();
    let writer = pty.master.take_writer().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    (
        child,
        writer,
        Screen {
            rx,
            raw: Vec::new(),
            parser: vt100::Parser::new(30, 100, 0),
        },
        pty.master,
    )
}

/// Asserts the terminal was given back: bidi restored after it was turned
/// off, and the alternate screen left.
fn assert_restored(raw: &str) {
    let on = raw.find("\x1b[8l").expect("CSI 8 l sent at start");
    let off = raw.rfind("\x1b[8h").expect("CSI 8 h sent at exit");
    assert!(on < off);
    assert!(
        raw.contains("\x1b]5379;use_ctl=false\x07") && raw.contains("\x1b]5379;use_ctl=true\x07")
    );
    assert!(raw.rfind("\x1b[?1049l").expect("alternate screen left") > on);
}

#[cfg(unix)]
#[test]
fn signals_restore_the_terminal() {
    for signal in ["-TERM", "-HUP"] {
        let (mut child, _writer, mut screen, _master) = spawn();
        screen.until("the first frame", |s| s.contains("5/5"));
        let pid = child.process_id().expect("a pid").to_string();
        assert!(std::process::Command::new("kill")
            .args([signal, &pid])
            .status()
            .unwrap()
            .success());
        child.wait().unwrap();
        assert_restored(&screen.drain());
    }
}

#[test]
fn real_binary_in_a_pty() {
    let (mut child, mut writer, mut screen, _master) = spawn();

    // The first frame: all five titles, reordered and joined (the visual
    // form of بوتين: is ":ﻦﻴﺗﻮﺑ"), in a terminal without bidi.
    let first = screen.until("five titles", |s| {
        s.contains("ﺕﺎﺛﺩﺎﺤﻣ :ﻦﻴﺗﻮﺑ") && s.contains("ﺍﺭﻮﺘﺴﻴﻣ ﻱﺩ") && s.contains("5/5")
    });
    assert!(first.contains(":ﻑﻭﺮﻓﻻ"), "{first}");

    writer.write_all(b"/halab").unwrap();
    writer.flush().unwrap();
    screen.until("the Aleppo filter", |s| s.contains("1/5"));
    writer.write_all(b"\r").unwrap();
    writer.flush().unwrap();
    screen.until("the accepted filter", |s| {
        !s.contains("filter [all]") && s.contains("1/5")
    });
    writer.write_all(b"\r").unwrap();
    writer.flush().unwrap();
    let article = screen.until("the reader", |s| s.contains("004_7704e7591b75eb53"));
    let body_line = article
        .lines()
        .find(|l| l.contains("ﺐﻠﺣ"))
        .expect("Aleppo in the body");
    assert!(
        body_line.trim_end().chars().count() >= 90,
        "RTL lines end at the right margin: {body_line:?}"
    );

    writer.write_all(b"q").unwrap();
    writer.flush().unwrap();
    screen.until("back in the list", |s| s.contains("sahifa ·"));
    writer.write_all(b"q").unwrap();
    writer.flush().unwrap();
    let status = child.wait().unwrap();
    assert!(status.success(), "exit status {status:?}");
    assert_restored(&screen.drain());
}

/// A corpus directory goes through its index: the first start builds it,
/// the second reads it, and an article's body is read from its file when it
/// is opened.
#[test]
fn a_corpus_directory_through_its_index() {
    let dir = tempfile::tempdir().unwrap();
    let samples = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/sample-data"));
    for e in std::fs::read_dir(samples).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, dir.path().join(p.file_name().unwrap())).unwrap();
    }
    for _ in 0..2 {
        let args = [std::ffi::OsStr::new("--corpus"), dir.path().as_os_str()];
        let (mut child, mut writer, mut screen, _master) = spawn_with(&args);
        screen.until("the list", |s| s.contains("5/5"));
        writer.write_all(b"/halab\r\r").unwrap();
        writer.flush().unwrap();
        let article = screen.until("the reader", |s| s.contains("004_7704e7591b75eb53"));
        assert!(
            article.contains("ﺐﻠﺣ"),
            "the body, read from its file: {article}"
        );
        writer.write_all(b"qq").unwrap();
        writer.flush().unwrap();
        assert!(child.wait().unwrap().success());
        assert_restored(&screen.drain());
    }
}

fn os(args: &[&'static str]) -> Vec<&'static std::ffi::OsStr> {
    args.iter().map(|a| std::ffi::OsStr::new(*a)).collect()
}

/// `show` on a terminal pages through less, with the terminal's bidi off
/// until less has left the alternate screen, then fully restored.
#[test]
fn show_pages_through_less() {
    let (mut child, mut writer, mut screen, _master) = spawn_with(&os(&["show", "003"]));
    let page = screen.until("the article in less", |s| {
        s.lines()
            .last()
            .is_some_and(|l| l.starts_with(':') || l.contains("(END)"))
            && s.contains("ﻑﻭﺮﻓﻻ")
    });
    assert!(
        page.lines()
            .filter(|l| l.contains("ﻑﻭﺮﻓﻻ"))
            .all(|l| l.trim_end().chars().count() > 60),
        "right-aligned lines: {page}"
    );
    writer.write_all(b"q").unwrap();
    writer.flush().unwrap();
    assert!(child.wait().unwrap().success());
    let raw = screen.drain();
    let on = raw
        .find("\x1b[8l\x1b]5379;use_ctl=false\x07")
        .expect("bidi off first");
    let alt = raw
        .find("\x1b[?1049h")
        .expect("less takes the alternate screen");
    let left = raw.rfind("\x1b[?1049l").expect("less leaves it");
    let off = raw
        .rfind("\x1b[8h\x1b]5379;use_ctl=true\x07")
        .expect("restored");
    assert!(on < alt && alt < left && left < off, "{raw:?}");
}

/// Without a pager the text stays on screen, so mlterm's bidi is left off
/// (turning it back on would reorder the lines again) while VTE's is reset.
#[test]
fn show_without_pager_leaves_visual_text_alone() {
    let (mut child, _writer, mut screen, _master) = spawn_with(&os(&["show", "003", "--no-pager"]));
    assert!(child.wait().unwrap().success());
    let raw = screen.drain();
    assert!(
        raw.starts_with("\x1b[8l\x1b]5379;use_ctl=false\x07"),
        "{raw:?}"
    );
    assert!(raw.trim_end().ends_with("\x1b[8h"), "{raw:?}");
    assert!(!raw.contains("use_ctl=true") && !raw.contains("\x1b[?1049h"));
    assert!(raw.contains("ﻑﻭﺮﻓﻻ"));
}

/// A terminal that cannot show the reader gets a clear line and the list.
#[test]
fn dumb_terminal_gets_the_plain_list() {
    for term in ["dumb", ""] {
        let (mut child, _writer, mut screen, _master) = spawn_env(&[], &[("TERM", term)]);
        let status = child.wait().unwrap();
        assert!(status.success(), "TERM={term:?}: {status:?}");
        let raw = screen.drain();
        assert!(
            raw.contains("cannot show the full-screen reader"),
            "{raw:?}"
        );
        assert!(raw.contains("000_9b96705385b0392a"), "{raw:?}");
        assert!(
            !raw.contains("\x1b[?1049h") && !raw.contains("\x1b[3"),
            "{raw:?}"
        );
    }
}

/// `--color` decides over NO_COLOR and the configuration.
#[test]
fn color_flag_decides() {
    for (flag, no_color, coloured) in [
        ("never", "", false),
        ("always", "1", true),
        ("auto", "1", false),
    ] {
        let args = os(&["--color", flag]);
        let (mut child, mut writer, mut screen, _master) =
            spawn_env(&args, &[("NO_COLOR", no_color)]);
        screen.until("the first frame", |s| s.contains("5/5"));
        writer.write_all(b"f").unwrap();
        writer.flush().unwrap();
        screen.until("the facets", |s| s.contains("persons · places"));
        writer.write_all(b"fq").unwrap();
        writer.flush().unwrap();
        assert!(child.wait().unwrap().success());
        let raw = screen.drain();
        // Persons are cyan (palette colour 6) in colour.
        assert_eq!(
            raw.contains("\x1b[38;5;6"),
            coloured,
            "--color {flag}, NO_COLOR={no_color:?}"
        );
    }
}

/// Escapes in file names and records never reach the terminal through the
/// reader, and bidi controls in titles are shown, not obeyed.
#[test]
fn the_reader_writes_no_escape_from_the_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let body = "قال وزير الخارجية الروسي سيرغي لافروف في موسكو إن المحادثات مستمرة.";
    std::fs::write(
        dir.path().join("a\u{1b}]2;pwned\u{7}.txt"),
        format!("عنوان\n{body}\n"),
    )
    .unwrap();
    let records = format!(
        "{{\"id\": \"x\\u001b]2;owned\\u0007\", \"title\": \"t\\u009b31mred \\u202eevil\", \"body\": \"{body}\"}}\n"
    );
    std::fs::write(dir.path().join("r.jsonl"), records).unwrap();
    let args = [std::ffi::OsStr::new("--corpus"), dir.path().as_os_str()];
    let (mut child, mut writer, mut screen, _master) = spawn_with(&args);
    screen.until("the list", |s| s.contains("2/2"));
    writer.write_all(b"\r").unwrap();
    writer.flush().unwrap();
    screen.until("an article", |s| s.contains("ﻑﻭﺮﻓﻻ"));
    writer.write_all(b"q]").unwrap();
    writer.write_all(b"G\r").unwrap();
    writer.flush().unwrap();
    screen.until("the other article", |s| s.contains("<U+202E>"));
    writer.write_all(b"qq").unwrap();
    writer.flush().unwrap();
    assert!(child.wait().unwrap().success());
    let raw = screen.drain();
    for bad in ["]2;pwned", "]2;owned", "\u{9b}", "\u{202e}"] {
        assert!(!raw.contains(bad), "{bad:?} reached the terminal");
    }
}

/// A reading state that cannot be saved (here its directory cannot be
/// made; a full disk fails the same way) is said after the terminal is
/// restored, and the exit status is not 0.
#[test]
fn a_state_that_cannot_be_saved_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("not-a-directory");
    std::fs::write(&blocker, b"").unwrap();
    let state = blocker.join("state");
    let (mut child, mut writer, mut screen, _master) =
        spawn_env(&[], &[("XDG_STATE_HOME", state.to_str().unwrap())]);
    screen.until("the list", |s| s.contains("5/5"));
    writer.write_all(b"\r").unwrap();
    writer.flush().unwrap();
    screen.until("the reader", |s| s.contains("000_9b96705385b0392a"));
    writer.write_all(b"qq").unwrap();
    writer.flush().unwrap();
    let status = child.wait().unwrap();
    assert!(!status.success());
    let raw = screen.drain();
    let restored = raw.rfind("\x1b[?1049l").expect("alternate screen left");
    let said = raw
        .rfind("cannot save the reading state")
        .expect("the failure is said");
    assert!(said > restored, "said on the restored terminal");
}

/// An article file swapped for a FIFO after indexing: opening it says why
/// at once, the reader goes on, and quits cleanly.
#[cfg(unix)]
#[test]
fn a_fifo_in_place_of_an_article_does_not_hang_the_reader() {
    let dir = tempfile::tempdir().unwrap();
    let samples = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/sample-data"));
    for e in std::fs::read_dir(samples).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, dir.path().join(p.file_name().unwrap())).unwrap();
    }
    let args = [std::ffi::OsStr::new("--corpus"), dir.path().as_os_str()];
    let (mut child, mut writer, mut screen, _master) = spawn_with(&args);
    screen.until("the list", |s| s.contains("5/5"));
    let first = dir.path().join("000_9b96705385b0392a.txt");
    std::fs::remove_file(&first).unwrap();
    let c = std::ffi::CString::new(first.to_str().unwrap()).unwrap();
    // SAFETY: a valid, NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    writer.write_all(b"\r").unwrap();
    writer.flush().unwrap();
    screen.until("the reason", |s| s.contains("FIFO"));
    writer.write_all(b"qj\r").unwrap();
    writer.flush().unwrap();
    screen.until("the next article", |s| s.contains("001_6054453d1942b8b0"));
    writer.write_all(b"qq").unwrap();
    writer.flush().unwrap();
    assert!(child.wait().unwrap().success());
    assert_restored(&screen.drain());
}

/// Ctrl-C halfway through a first index keeps what was read: the next
/// `sahifa index` goes on from there, taking those files from the cache.
#[test]
fn an_interrupted_first_index_continues() {
    let dir = tempfile::tempdir().unwrap();
    for (rel, text) in sahifa::corpus::synthetic_pages(800, 7) {
        let path = dir.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let args = [
        std::ffi::OsStr::new("--corpus"),
        dir.path().as_os_str(),
        std::ffi::OsStr::new("index"),
    ];
    let cache = dir.path().join("xdg-cache");
    let cache_env = cache.to_str().unwrap().to_owned();
    let (mut child, mut writer, mut screen, _master) =
        spawn_env(&args, &[("XDG_CACHE_HOME", cache_env.as_str())]);
    // The progress bar shows files being read.
    screen.until("the progress bar", |s| {
        s.contains("indexing") && s.contains("iB/")
    });
    writer.write_all(b"\x03").unwrap();
    writer.flush().unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.exit_code(), 130);
    let said = screen.drain();
    assert!(said.contains("interrupted"), "{said}");
    let out = assert_cmd::Command::cargo_bin("sahifa")
        .unwrap()
        .env("XDG_CACHE_HOME", &cache)
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success());
    let summary = String::from_utf8(out.stdout).unwrap();
    let reused: usize = summary
        .split(" from cache")
        .next()
        .and_then(|s| s.rsplit(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{summary}"));
    assert!(
        reused > 0 && reused < 800,
        "went on from the saved files: {summary}"
    );
}
