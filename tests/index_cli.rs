//! The index cache through the command line: `sahifa index`, file-by-file
//! updates, edits seen at once, and damaged caches rebuilt with a warning.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

/// A corpus copied from the samples, with its own config, state and cache.
struct Fixture {
    home: tempfile::TempDir,
    corpus: PathBuf,
}

impl Fixture {
    fn new() -> Fixture {
        let home = tempfile::tempdir().unwrap();
        let corpus = home.path().join("corpus");
        fs::create_dir(&corpus).unwrap();
        let samples = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/sample-data"));
        for entry in fs::read_dir(samples).unwrap() {
            let p = entry.unwrap().path();
            fs::copy(&p, corpus.join(p.file_name().unwrap())).unwrap();
        }
        Fixture { home, corpus }
    }

    fn sahifa(&self, args: &[&str]) -> assert_cmd::assert::Assert {
        let h = self.home.path();
        Command::cargo_bin("sahifa")
            .unwrap()
            .env_remove("SAHIFA_CONFIG_DIR")
            .env("XDG_CONFIG_HOME", h.join("config"))
            .env("XDG_STATE_HOME", h.join("state"))
            .env("XDG_CACHE_HOME", h.join("cache"))
            .env("SAHIFA_CORPUS", &self.corpus)
            .args(args)
            .assert()
    }

    fn stdout(&self, args: &[&str]) -> String {
        String::from_utf8(self.sahifa(args).success().get_output().stdout.clone()).unwrap()
    }

    fn sample(&self, prefix: &str) -> PathBuf {
        fs::read_dir(&self.corpus)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
            .unwrap()
    }

    fn cache_files(&self) -> Vec<PathBuf> {
        let dir = self.home.path().join("cache/sahifa");
        fs::read_dir(dir)
            .map(|d| d.map(|e| e.unwrap().path()).collect())
            .unwrap_or_default()
    }
}

#[test]
fn index_says_what_it_did_and_reuses_unchanged_files() {
    let f = Fixture::new();
    let first = f.stdout(&["index"]);
    assert!(
        first.starts_with("5 files (5 analyzed, 0 from cache, 0 removed), 5 articles,"),
        "{first}"
    );
    assert!(
        first.contains(" persons, ") && first.contains(" places in "),
        "{first}"
    );
    assert_eq!(f.cache_files().len(), 1);
    let second = f.stdout(&["index"]);
    assert!(
        second.starts_with("5 files (0 analyzed, 5 from cache"),
        "{second}"
    );

    // One file gone, one added: each handled alone.
    fs::remove_file(f.sample("004")).unwrap();
    fs::copy(f.sample("003"), f.corpus.join("new.txt")).unwrap();
    let third = f.stdout(&["index"]);
    assert!(
        third.starts_with("5 files (1 analyzed, 4 from cache, 1 removed)"),
        "{third}"
    );
    let full = f.stdout(&["index", "--full"]);
    assert!(
        full.starts_with("5 files (5 analyzed, 0 from cache"),
        "{full}"
    );
}

#[test]
fn an_edited_headline_shows_in_the_next_list() {
    let f = Fixture::new();
    f.stdout(&["index"]);
    let path = f.sample("000");
    let text = fs::read_to_string(&path).unwrap();
    let old = "بوتين يبحث مع مجلس الأمن الروسي";
    assert!(text.contains(old));
    fs::write(&path, text.replace(old, "بوتين يناقش مع مجلس الأمن الروسي")).unwrap();
    let list = f.stdout(&["list"]);
    assert!(list.contains("بوتين يناقش مع مجلس الأمن الروسي"), "{list}");
    assert!(!list.contains(old), "{list}");
    // And its body is read again when shown.
    let shown = f.stdout(&["show", "000", "--logical"]);
    assert!(shown.starts_with("بوتين يناقش"), "{shown}");
}

#[test]
fn garbage_in_every_state_and_cache_file_is_survived_and_told() {
    let f = Fixture::new();
    f.sahifa(&["list", "--json"]).success();
    let state_dir = f.home.path().join("state/sahifa");
    fs::create_dir_all(&state_dir).unwrap();
    let key = fs::canonicalize(&f.corpus).unwrap();
    let state = sahifa::store::state_file(&state_dir, &key.display().to_string());
    let mut damaged = f.cache_files();
    damaged.push(state.clone());
    assert_eq!(damaged.len(), 2, "{damaged:?}");
    for p in &damaged {
        fs::write(p, b"\x00\xffSAHIFA garbage \xd8").unwrap();
    }
    let out = f
        .sahifa(&["list", "--json"])
        .success()
        .stderr(predicate::str::contains("rebuilt the index"))
        .stderr(predicate::str::contains("moved aside"))
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 5);
    // Rebuilt and saved: the next run is quiet.
    f.sahifa(&["list"])
        .success()
        .stderr(predicate::str::is_empty());
}

#[test]
fn a_cache_from_another_version_is_rebuilt() {
    let f = Fixture::new();
    f.stdout(&["index"]);
    let cache = f.cache_files().pop().unwrap();
    let mut bytes = fs::read(&cache).unwrap();
    bytes[8] = bytes[8].wrapping_add(1);
    fs::write(&cache, bytes).unwrap();
    f.sahifa(&["list", "--place", "moscow"])
        .success()
        .stdout(predicate::str::contains("001"))
        .stderr(predicate::str::contains("another version of sahifa"));
}

#[test]
fn added_removed_and_edited_files_are_seen_without_a_walk_being_asked_for() {
    let f = Fixture::new();
    // A subdirectory: a file added there changes its time, not the root's.
    let sub = f.corpus.join("sub");
    fs::create_dir(&sub).unwrap();
    fs::rename(f.sample("001"), sub.join("001.txt")).unwrap();
    // Times an hour old, so that none is too recent to be trusted.
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    let age = |p: &Path| fs::File::open(p).unwrap().set_modified(hour_ago).unwrap();
    let age_all = || {
        for e in fs::read_dir(&f.corpus)
            .unwrap()
            .chain(fs::read_dir(&sub).unwrap())
        {
            age(&e.unwrap().path());
        }
        age(&f.corpus);
    };
    age_all();
    f.stdout(&["index"]);
    let listed = || f.stdout(&["list"]).lines().count();
    assert_eq!(listed(), 5);

    fs::copy(f.sample("003"), sub.join("new.txt")).unwrap();
    assert_eq!(listed(), 6, "a file added to a subdirectory");
    age_all();
    f.stdout(&["index"]);
    fs::remove_file(f.sample("004")).unwrap();
    assert_eq!(listed(), 5, "a file removed");
    age_all();
    f.stdout(&["index"]);

    // Rewritten in place: the directory's time stays, the file's does not.
    let path = f.sample("000");
    let text = fs::read_to_string(&path).unwrap();
    fs::OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(&path)
        .unwrap()
        .write_all(text.replace("بوتين يبحث", "بوتين يناقش").as_bytes())
        .unwrap();
    assert!(f.stdout(&["list"]).contains("بوتين يناقش"));
    f.sahifa(&["list", "--refresh"]).success();
}

#[test]
fn a_damaged_entity_table_or_listing_is_rebuilt_with_a_warning_and_a_damaged_name_index_is_made_again(
) {
    let f = Fixture::new();
    f.stdout(&["index"]);
    let cache = f.cache_files().pop().unwrap();
    let pristine = fs::read(&cache).unwrap();
    // The header gives the lengths of the head, the mentions, the entity
    // table, the listing and the name index (bytes 20 to 60); the head
    // starts at 68.
    let len = |at: usize| u64::from_le_bytes(pristine[at..at + 8].try_into().unwrap()) as usize;
    let entities_at = 68 + len(20) + len(28);
    let listing_at = entities_at + len(36);
    let lookup_at = listing_at + len(44);
    let lookup_len = len(52);
    let expected = f.stdout(&["names", "بوتين"]);
    assert!(!expected.is_empty());

    for at in [entities_at + len(36) / 2, listing_at - 1] {
        let mut bytes = pristine.clone();
        bytes[at] ^= 0x20; // inside the entity table
        fs::write(&cache, &bytes).unwrap();
        let out = f.sahifa(&["names", "بوتين"]).success();
        let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
        assert!(
            err.contains("damaged") && err.contains("rebuilt"),
            "{at}: {err}"
        );
        assert_eq!(String::from_utf8_lossy(&out.get_output().stdout), expected);
    }

    let mut bytes = pristine.clone();
    bytes[lookup_at - 3] ^= 0x20; // inside the last article's record
    fs::write(&cache, &bytes).unwrap();
    let out = f.sahifa(&["list"]).success();
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(err.contains("damaged") && err.contains("rebuilt"), "{err}");
    assert_eq!(
        String::from_utf8_lossy(&out.get_output().stdout)
            .lines()
            .count(),
        5
    );

    let mut bytes = pristine;
    bytes[lookup_at + lookup_len / 2] ^= 0x01; // inside the name index
    fs::write(&cache, &bytes).unwrap();
    assert_eq!(f.stdout(&["names", "بوتين"]), expected);
}
