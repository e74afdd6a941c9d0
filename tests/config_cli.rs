//! config.toml through the CLI: paths, --init, settings applied, and errors
//! that name the file, the line and the key.

use assert_cmd::Command;
use predicates::prelude::*;

fn sahifa(config_home: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("sahifa").unwrap();
    cmd.env_remove("SAHIFA_CORPUS")
        .env_remove("SAHIFA_CONFIG_DIR")
        .env("XDG_CONFIG_HOME", config_home)
        .env("XDG_STATE_HOME", config_home.join("state"))
        .env("XDG_CACHE_HOME", config_home.join("cache"));
    cmd
}

#[test]
fn init_writes_a_commented_default_once() {
    let home = tempfile::tempdir().unwrap();
    sahifa(home.path())
        .args(["config", "--init"])
        .assert()
        .success();
    let file = home.path().join("sahifa/config.toml");
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .contains("# bidi = \"app\""));
    sahifa(home.path())
        .args(["config", "--init"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("not overwriting"));
    sahifa(home.path()).arg("list").assert().success();
    sahifa(home.path())
        .arg("config")
        .assert()
        .success()
        .stdout(predicate::str::contains(file.to_str().unwrap()));
}

#[test]
fn malformed_config_fails_naming_file_line_and_key() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("sahifa");
    std::fs::create_dir_all(&dir).unwrap();
    for (text, line, word) in [
        ("bidi = \"app\"\ncolour = \"never\"\n", "line 2", "colour"),
        ("shaping = \"sometimes\"\n", "line 1", "sometimes"),
        (
            "[keys.reader]\n\"l\" = \"teleport\"\n",
            "line 2",
            "teleport",
        ),
        ("not toml at all = = =\n", "line 1", ""),
    ] {
        std::fs::write(dir.join("config.toml"), text).unwrap();
        sahifa(home.path()).arg("list").assert().failure().stderr(
            predicate::str::contains("config.toml")
                .and(predicate::str::contains(line))
                .and(predicate::str::contains(word)),
        );
    }
    std::fs::write(dir.join("config.toml"), "\u{0}\u{ff}garbage").unwrap();
    sahifa(home.path())
        .arg("list")
        .assert()
        .failure()
        .stderr(predicate::str::contains("config.toml"));
}

#[test]
fn config_names_the_default_corpus_and_flags_win() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("sahifa");
    std::fs::create_dir_all(&dir).unwrap();
    let one = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sample-data/003_df439020103587ff.txt"
    );
    std::fs::write(dir.join("config.toml"), format!("corpus = {one:?}\n")).unwrap();
    let out = sahifa(home.path())
        .arg("list")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(String::from_utf8(out).unwrap().lines().count(), 1);
    let two = concat!(env!("CARGO_MANIFEST_DIR"), "/sample-data");
    let out = sahifa(home.path())
        .args(["list", "--corpus", two])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(String::from_utf8(out).unwrap().lines().count(), 5);
}

#[test]
fn reading_state_in_list_json_and_garbage_state() {
    let home = tempfile::tempdir().unwrap();
    let state_home = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        sahifa(home.path())
            .env("XDG_STATE_HOME", state_home.path())
            .args(args)
            .assert()
    };
    let v: serde_json::Value =
        serde_json::from_slice(&run(&["list", "--json"]).success().get_output().stdout).unwrap();
    assert!(v
        .as_array()
        .unwrap()
        .iter()
        .all(|a| a["read"] == false && a["bookmarked"] == false));
    let dir = state_home.path().join("sahifa");
    std::fs::create_dir_all(&dir).unwrap();
    // Garbage in every state file: list still works and says what it did.
    let state = sahifa::store::state_file(&dir, sahifa::corpus::BUNDLED_NAME);
    std::fs::write(&state, b"\xff\xfe garbage").unwrap();
    run(&["list", "--json"])
        .success()
        .stderr(predicate::str::contains("moved aside"));
    assert!(
        state.with_extension("json.corrupt").exists(),
        "the unreadable file is kept aside, not emptied"
    );
    run(&["list"]).success();
}

#[test]
fn sort_order_from_config_and_flag() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("sahifa");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), "sort = \"title\"\n").unwrap();
    let ids = |args: &[&str]| -> Vec<String> {
        let out = sahifa(home.path()).args(args).assert().success();
        String::from_utf8(out.get_output().stdout.clone())
            .unwrap()
            .lines()
            .map(|l| l[..3].to_owned())
            .collect()
    };
    assert_eq!(ids(&["list"]), ["000", "004", "001", "003", "002"]);
    assert_eq!(
        ids(&["list", "--sort", "id"]),
        ["000", "001", "002", "003", "004"]
    );
    std::fs::write(dir.join("config.toml"), "sort = \"newest\"\n").unwrap();
    sahifa(home.path())
        .arg("list")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("config.toml: line 1"));
}
