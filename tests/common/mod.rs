//! What several integration tests share: sahifa with a private home, and a
//! corpus directory of the sample articles.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// sahifa with its configuration, state and cache under `home`, and no
/// corpus from the environment.
pub fn sahifa(home: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("sahifa").unwrap();
    cmd.env_remove("SAHIFA_CORPUS")
        .env_remove("SAHIFA_CONFIG_DIR")
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .timeout(std::time::Duration::from_secs(120));
    cmd
}

/// `home/news`, holding a copy of the five sample articles.
pub fn sample_corpus(home: &Path) -> PathBuf {
    let corpus = home.join("news");
    std::fs::create_dir_all(&corpus).unwrap();
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/sample-data")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), corpus.join(entry.file_name())).unwrap();
    }
    corpus
}
