//! Hostile corpora: escape sequences, C1 controls and line breaks in JSON
//! ids, titles, file and directory names, and in strings of a doctored index
//! cache, never reach the terminal; bidi controls cannot make three titles
//! look alike; FIFOs, endless files and deep nesting end quickly.

use std::path::Path;

mod common;

use common::{sahifa, sample_corpus};

const BODY: &str = "قال وزير الخارجية الروسي سيرغي لافروف في موسكو إن المحادثات مستمرة.";

/// Fails on ESC, any other C0 control but newline and tab, DEL, a C1
/// control or a bidi embedding, override or isolate control.
fn assert_clean(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    for (i, c) in text.char_indices() {
        let bad = (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        assert!(
            !bad,
            "{what}: {c:?} at byte {i}: {:?}",
            &text[i.saturating_sub(40)..(i + 40).min(text.len())]
        );
    }
}

/// A corpus whose names and records carry escapes.
fn hostile_corpus(root: &Path) {
    std::fs::write(
        root.join("a\u{1b}]2;pwned\u{7}.txt"),
        format!("عنوان الخبر\n{BODY}\n"),
    )
    .unwrap();
    std::fs::write(root.join("line\nbreak.txt"), format!("خبر آخر\n{BODY}\n")).unwrap();
    let dir = root.join("d\u{1b}[31m");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("b.txt"), format!("خبر ثالث\n{BODY}\n")).unwrap();
    let records = serde_json::json!([
        {"id": "x\u{1b}]2;owned\u{7}", "title": "t\u{9b}31mred", "body": BODY,
         "source": "s\u{1b}[2J", "url": "http://e/\u{1b}]8;;x\u{1b}\\"},
        {"id": "c1\u{9d}0;t\u{9c}", "title": "Putin wins election", "body": BODY},
        {"id": "rlo", "title": "\u{202e}noitcele sniw nituP", "body": BODY},
        {"id": "lri", "title": "\u{2066}\u{202e}noitcele sniw nituP\u{2069}", "body": BODY},
    ]);
    std::fs::write(root.join("records.json"), records.to_string()).unwrap();
    std::fs::write(root.join("bad\u{1b}[5m.csv"), "x").unwrap();
    std::fs::write(root.join("c1\u{9b}1m.txt"), format!("خبر رابع\n{BODY}\n")).unwrap();
}

fn run(home: &Path, corpus: &Path, args: &[&str]) -> (Vec<u8>, Vec<u8>) {
    let out = sahifa(home)
        .arg("--corpus")
        .arg(corpus)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.code().is_some_and(|c| c < 2),
        "{args:?}: {out:?}"
    );
    (out.stdout, out.stderr)
}

#[test]
fn no_escape_reaches_stdout_or_stderr() {
    let home = tempfile::tempdir().unwrap();
    let corpus = home.path().join("news");
    std::fs::create_dir(&corpus).unwrap();
    hostile_corpus(&corpus);
    let mut ids = Vec::new();
    for args in [
        &["index", "--full"][..],
        &["list"],
        &["list", "--bidi", "app"],
        &["list", "--json"],
        &["list", "--jsonl"],
        &["entities"],
        &["entities", "--json"],
        &["index"],
    ] {
        let (out, err) = run(home.path(), &corpus, args);
        assert_clean(&format!("{args:?} stdout"), &out);
        assert_clean(&format!("{args:?} stderr"), &err);
        if args == ["list"] {
            ids = String::from_utf8(out)
                .unwrap()
                .lines()
                .map(|l| l.split('\t').next().unwrap().to_owned())
                .collect();
        }
    }
    assert_eq!(ids.len(), 8, "{ids:?}");
    for id in &ids {
        let (out, err) = run(home.path(), &corpus, &["show", id]);
        assert_clean(&format!("show {id} stdout"), &out);
        assert_clean(&format!("show {id} stderr"), &err);
        assert!(
            String::from_utf8_lossy(&out).contains("لافروف"),
            "show {id} opens it"
        );
        let (json, _) = run(home.path(), &corpus, &["show", id, "--json"]);
        assert_clean(&format!("show {id} --json"), &json);
    }
}

#[test]
fn spoofed_titles_look_different() {
    let home = tempfile::tempdir().unwrap();
    let corpus = home.path().join("news");
    std::fs::create_dir(&corpus).unwrap();
    hostile_corpus(&corpus);
    let (out, _) = run(
        home.path(),
        &corpus,
        &["list", "--bidi", "app", "--width", "80"],
    );
    let text = String::from_utf8(out).unwrap();
    let titles: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("nituP") || l.contains("Putin"))
        .map(|l| l.split('\t').nth(1).unwrap())
        .collect();
    assert_eq!(titles.len(), 3, "{text}");
    assert_eq!(
        titles
            .iter()
            .filter(|t| **t == "Putin wins election")
            .count(),
        1,
        "only the real one reads as the title: {titles:?}"
    );
    assert!(titles[0] != titles[1] && titles[1] != titles[2] && titles[0] != titles[2]);
}

#[test]
fn a_doctored_cache_cannot_write_escapes() {
    let home = tempfile::tempdir().unwrap();
    let corpus = sample_corpus(home.path());
    run(home.path(), &corpus, &["index"]);
    let cache_dir = home.path().join("cache/sahifa");
    let file = std::fs::read_dir(&cache_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "idx"))
        .unwrap();
    let fingerprint = sahifa::entities::fingerprint();
    let cache = sahifa::index::cache::read(&file, fingerprint)
        .unwrap()
        .unwrap();
    let (names, detail) = cache.detail().unwrap();
    let mut head = cache.head.clone();
    let (map, range) = cache.listing_section();
    sahifa::index::listing::Listing::open(map, range, head.files.rels(), &corpus)
        .unwrap()
        .regroup(&mut head.files);
    drop(cache);
    let evil = "\u{1b}]2;owned\u{7}\u{9b}2J\u{202e}";
    head.files[0].articles[0].title = format!("{evil}title");
    head.files[0].articles[0].id = format!("{evil}id");
    head.files[1].warnings.push(format!("{evil}warning"));
    head.found.entities[0].name = format!("{evil}name");
    let listing = sahifa::index::listing::encode_files(&head.files);
    let bytes = sahifa::index::cache::encode(&head, &listing, &names, &detail, fingerprint);
    std::fs::write(&file, bytes).unwrap();
    for args in [
        &["list"][..],
        &["list", "--json"],
        &["entities"],
        &["index"],
    ] {
        let (out, err) = run(home.path(), &corpus, args);
        assert_clean(&format!("{args:?} stdout"), &out);
        assert_clean(&format!("{args:?} stderr"), &err);
    }
}

#[cfg(unix)]
#[test]
fn fifos_endless_files_and_deep_nesting_end_quickly() {
    let home = tempfile::tempdir().unwrap();
    let corpus = home.path().join("news");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(corpus.join("ok.txt"), format!("عنوان\n{BODY}\n")).unwrap();
    let fifo = std::ffi::CString::new(corpus.join("fifo.txt").to_str().unwrap()).unwrap();
    // SAFETY: a valid, NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
    if Path::new("/proc/self/pagemap").exists() {
        std::os::unix::fs::symlink("/proc/self/pagemap", corpus.join("pagemap.txt")).unwrap();
    }
    let mut deep = corpus.clone();
    for _ in 0..1000 {
        deep.push("d");
    }
    std::fs::create_dir_all(&deep).unwrap();
    std::fs::write(deep.join("deep.txt"), format!("عنوان\n{BODY}\n")).unwrap();
    // The timeout of `sahifa()` fails the test if any of these hangs.
    let (out, err) = run(home.path(), &corpus, &["index"]);
    let err = String::from_utf8_lossy(&err);
    assert!(String::from_utf8_lossy(&out).contains("1 article"), "{err}");
    assert!(err.contains("directories deep"), "{err}");
    assert!(err.lines().count() <= 3, "one line each: {err}");
}

/// File and directory names that are not UTF-8 (windows-1256, as archives
/// copied from Windows have them) are listed with their bytes escaped and
/// open by their real bytes, from the index too.
#[cfg(unix)]
#[test]
fn names_that_are_not_utf8_are_shown_escaped_and_open() {
    use std::os::unix::ffi::OsStrExt;
    let home = tempfile::tempdir().unwrap();
    let corpus = home.path().join("news");
    std::fs::create_dir(&corpus).unwrap();
    let name = std::ffi::OsStr::from_bytes(b"\xce\xc8\xd1.txt");
    std::fs::write(corpus.join(name), format!("عنوان الخبر\n{BODY}\n")).unwrap();
    let dir = corpus.join(std::ffi::OsStr::from_bytes(b"\xe3\xcc\xdc"));
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("a.txt"), format!("خبر آخر\n{BODY}\n")).unwrap();
    for _ in 0..2 {
        let (out, err) = run(home.path(), &corpus, &["list"]);
        assert_clean("list", &out);
        assert_clean("list stderr", &err);
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("\\xCE\\xC8\\xD1\t"), "{text}");
        assert!(text.contains("\\xE3\\xCC\\xDC/a\t"), "{text}");
        assert!(!text.contains('\u{fffd}'));
        for id in ["\\xCE\\xC8\\xD1", "\\xE3\\xCC\\xDC/a"] {
            let (shown, err) = run(home.path(), &corpus, &["show", id, "--logical"]);
            assert!(
                String::from_utf8_lossy(&shown).contains("لافروف"),
                "show {id}: {}",
                String::from_utf8_lossy(&err)
            );
        }
    }
}
