//! Latin queries with glued articles and compounds find their persons in a
//! corpus written for the test (`tests/data/compound-names`), and only them.

mod common;

use common::sahifa;

#[test]
fn glued_articles_and_compounds_find_their_persons() {
    let home = tempfile::tempdir().unwrap();
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/compound-names");
    for (query, want) in [
        ("abdelrahman", "a"),
        ("abdul rahman al-swehli", "a"),
        ("bin salman", "b"),
        ("binsalman", "b"),
        ("mohammed bin salman", "b"),
        ("al-sisi", "c"),
        ("alsisi", "c"),
        ("el-baradei", "d"),
        ("elbaradei", "d"),
        ("abu hamza", "e"),
        ("abuhamza", "e"),
    ] {
        let out = sahifa(home.path())
            .args(["--corpus", corpus, "list", "--person", query])
            .output()
            .unwrap();
        let ids: Vec<String> = String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| l.split('\t').next().unwrap().to_owned())
            .collect();
        assert_eq!(
            ids,
            [want],
            "{query}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
