//! The `list` and `show` commands on the bundled samples and on hostile corpora.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

fn sahifa() -> Command {
    let mut cmd = Command::cargo_bin("sahifa").unwrap();
    cmd.env_remove("SAHIFA_CORPUS");
    isolate(&mut cmd);
    cmd
}

/// Keeps the tests' state and caches out of the user's home.
fn isolate(cmd: &mut Command) {
    let home = Path::new(env!("CARGO_TARGET_TMPDIR")).join("home-corpus_cli");
    cmd.env_remove("SAHIFA_CONFIG_DIR")
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CACHE_HOME", home.join("cache"));
}

fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8(out).unwrap()
}

fn sample_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/sample-data"))
}

#[test]
fn list_prints_the_five_headlines() {
    let out = stdout_of(sahifa().arg("list"));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 5, "{out}");
    assert!(lines[0].contains("بوتين يبحث مع مجلس الأمن الروسي التحضير لـ”مفاوضات أستانا”"));
    assert!(lines[3].contains("لافروف: نعمل على اتفاق سلام بين النظام والمعارضة في سوريا"));
}

#[test]
fn list_json_gives_real_headlines_and_sources() {
    let out = stdout_of(sahifa().args(["list", "--json"]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let arts = v.as_array().unwrap();
    assert_eq!(arts.len(), 5);
    let title = |i: usize| arts[i]["title"].as_str().unwrap().to_owned();
    assert_eq!(
        title(1),
        "دي ميستورا يعلن جولة تاسعة من محادثات جنيف ويشارك في آستانة"
    );
    assert_eq!(
        title(2),
        "للمرة الأولى في تاريخ المحادثات السورية.. عسكريون يشاركون في اجتماعات أستانة"
    );
    assert_eq!(
        title(4),
        "بوتين: محادثات بوساطة تركية لاجراء مفاوضات سورية في كازاخستان"
    );
    assert_eq!(arts[2]["source"], "إرم نيوز");
    assert_eq!(arts[4]["source"], "سيريانيوز");
    assert_eq!(arts[1]["source"], serde_json::Value::Null);
    assert_eq!(arts[0]["dateline"], "موسكو");
    for a in arts {
        for key in ["id", "title", "source", "path", "words"] {
            assert!(a.get(key).is_some(), "missing {key} in {a}");
        }
        assert!(a["words"].as_u64().unwrap() > 200);
    }
}

#[test]
fn show_keeps_every_paragraph_and_no_boilerplate() {
    let boilerplate = [
        "أخبار عاجلة",
        "تابع إحصائيات",
        "إشترك في خدمة",
        "اشترك فى النشرة",
        "تابعنا على",
        "السابق مناورات",
        "التالى انتخابات",
        "الأكثر قراءة",
        "No stories found",
        "logo",
        "www.",
        "Spread the love",
        "Optimized by",
        "سيريانيوز",
        "إرم نيوز",
    ];
    for entry in fs::read_dir(sample_dir()).unwrap() {
        let path = entry.unwrap().path();
        let id = path.file_stem().unwrap().to_str().unwrap().to_owned();
        let raw = fs::read_to_string(&path).unwrap();
        let shown = stdout_of(sahifa().args(["show", &id, "--logical"]));
        let title = shown.lines().next().unwrap();
        let paragraphs = raw
            .lines()
            .map(str::trim)
            .filter(|l| l.split_whitespace().count() >= 12 && !l.contains(title));
        for line in paragraphs {
            let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(shown.contains(&line), "{id} lost a paragraph: {line}");
        }
        for junk in boilerplate {
            assert!(
                !shown.contains(junk),
                "{id} kept boilerplate {junk:?}:\n{shown}"
            );
        }
        assert_eq!(
            shown.matches(title).count(),
            1,
            "{id}: headline printed more than once"
        );
    }
}

#[test]
fn bad_files_are_reported_and_the_rest_loads() {
    let dir = tempfile::tempdir().unwrap();
    for entry in fs::read_dir(sample_dir()).unwrap() {
        let p = entry.unwrap().path();
        fs::copy(&p, dir.path().join(p.file_name().unwrap())).unwrap();
    }
    fs::write(
        dir.path().join("image.txt"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0",
    )
    .unwrap();
    fs::write(dir.path().join("empty.txt"), b"").unwrap();
    let text = "خبر قديم من موقع عربي\n\nأعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية.\n";
    let (cp1256, _, _) = encoding_rs::WINDOWS_1256.encode(text);
    fs::write(dir.path().join("old.txt"), &cp1256).unwrap();

    let assert = sahifa()
        .args(["list", "--corpus"])
        .arg(dir.path())
        .assert()
        .success();
    let out = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert_eq!(out.lines().count(), 6, "{out}");
    assert!(out.contains("old\tخبر قديم من موقع عربي"), "{out}");
    let warnings: Vec<&str> = err.lines().filter(|l| l.contains("warning")).collect();
    assert_eq!(warnings.len(), 2, "{err}");
    assert!(err.contains("image.txt: binary file"), "{err}");
    assert!(err.contains("empty.txt: empty file"), "{err}");
}

#[test]
fn missing_corpus_is_one_clear_line_and_failure() {
    sahifa()
        .args(["list", "--corpus", "/no/such/corpus"])
        .assert()
        .failure()
        .stderr(
            predicate::str::contains("corpus not found: /no/such/corpus")
                .and(predicate::str::is_match("^[^\n]*\n$").unwrap()),
        );
}

#[test]
fn escape_sequences_never_reach_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let page = "عنوان \u{1b}]0;pwned\u{7}الخبر الخبيث هنا\n\n\
        نص \u{1b}[2Jالخبر يحتوي على تسلسلات تحكم خبيثة من \u{9b}31mموقع مخترق.\n";
    fs::write(dir.path().join("evil.txt"), page).unwrap();
    fs::write(
        dir.path().join("evil2.json"),
        serde_json::json!({"title": "x\u{1b}[2Jy", "body": "a\u{1b}]0;t\u{7}b"}).to_string(),
    )
    .unwrap();
    for args in [
        vec!["list"],
        vec!["list", "--json"],
        vec!["show", "evil", "--logical"],
        vec!["show", "evil2", "--json"],
    ] {
        let out = sahifa()
            .args(&args)
            .arg("--corpus")
            .arg(dir.path())
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        assert!(!out.contains(&0x1b), "{args:?} printed ESC");
        assert!(
            !String::from_utf8(out).unwrap().contains('\u{9b}'),
            "{args:?} printed CSI"
        );
    }
}

#[test]
fn formats_and_encodings() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("2017/01");
    fs::create_dir_all(&sub).unwrap();
    let mut utf16 = vec![0xff, 0xfe];
    for u in
        "عنوان بترميز يو تي اف ستة عشر\r\n\r\nفقرة أولى من الخبر بترميز مختلف تماما عن المعتاد.\r\n"
            .encode_utf16()
    {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    fs::write(sub.join("a.txt"), utf16).unwrap();
    fs::write(
        sub.join("b.md"),
        "\u{feff}# عنوان ماركداون\r\n\r\nنص الفقرة.\r\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("feed.jsonl"),
        "{\"title\":\"الأول\",\"text\":\"نص أول\",\"date\":\"2017-01-02\",\"url\":\"http://a\"}\nnot json\n{\"title\":\"الثاني\",\"content\":[\"ف1\",\"ف2\"],\"id\":\"x7\"}\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("one.json"),
        "{\"title\":\"وحيد\",\"body\":\"نص\",\"source\":\"الحياة\"}",
    )
    .unwrap();
    fs::write(dir.path().join("notes.pdf"), "%PDF").unwrap();

    let assert = sahifa()
        .args(["list", "--json", "--corpus"])
        .arg(dir.path())
        .assert()
        .success();
    let v: serde_json::Value = serde_json::from_slice(&assert.get_output().stdout).unwrap();
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    let ids: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["2017/01/a", "2017/01/b", "feed#1", "feed#x7", "one"]);
    let arts = v.as_array().unwrap();
    assert_eq!(arts[0]["title"], "عنوان بترميز يو تي اف ستة عشر");
    assert_eq!(arts[1]["title"], "عنوان ماركداون");
    assert_eq!(arts[2]["date"], "2017-01-02");
    assert_eq!(arts[4]["source"], "الحياة");
    assert!(err.contains("feed.jsonl: line 2: invalid JSON"), "{err}");
    assert!(err.contains("notes.pdf: not a supported format"), "{err}");
}

#[cfg(unix)]
#[test]
fn symlink_loop_is_reported_not_followed_forever() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        sample_dir().join("004_7704e7591b75eb53.txt"),
        dir.path().join("a.txt"),
    )
    .unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
    sahifa()
        .args(["list", "--corpus"])
        .arg(dir.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("بوتين: محادثات"))
        .stderr(predicate::str::contains("symbolic link loop"));
}

#[test]
fn corpus_from_environment_and_single_file() {
    let file = sample_dir().join("003_df439020103587ff.txt");
    let out = stdout_of(sahifa().arg("list").env("SAHIFA_CORPUS", &file));
    assert_eq!(out.lines().count(), 1);
    assert!(out.starts_with("003_df439020103587ff\tلافروف"));
}

#[test]
fn show_by_unique_prefix_and_unknown_id() {
    assert!(stdout_of(sahifa().args(["show", "003", "--logical"])).starts_with("لافروف:"));
    sahifa()
        .args(["show", "999"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("no article with id \"999\""));
    sahifa()
        .args(["show", "00"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("5 articles"));
}

/// One record of a large JSON array or JSON Lines file is shown without
/// cleaning the others, by its position or its own id, and is the same
/// article the whole file gives.
#[test]
fn one_record_of_a_large_file_is_read_alone() {
    let home = tempfile::tempdir().unwrap();
    let corpus = home.path().join("news");
    std::fs::create_dir(&corpus).unwrap();
    let body = "قال وزير الخارجية الروسي سيرغي لافروف إن المحادثات مستمرة.";
    let records: Vec<serde_json::Value> = (0..2000)
        .map(|i| {
            if i % 3 == 0 {
                serde_json::json!({"id": format!("own-{i}"), "title": format!("خبر {i}"), "body": body})
            } else {
                serde_json::json!({"title": format!("خبر {i}"), "body": format!("{body} {i}")})
            }
        })
        .collect();
    std::fs::write(
        corpus.join("a.json"),
        serde_json::to_string(&records).unwrap(),
    )
    .unwrap();
    let lines: Vec<String> = records.iter().map(|r| r.to_string()).collect();
    std::fs::write(corpus.join("b.jsonl"), lines.join("\n")).unwrap();
    let show = |id: &str| {
        let out = assert_cmd::Command::cargo_bin("sahifa")
            .unwrap()
            .env("XDG_CACHE_HOME", home.path().join("cache"))
            .env("XDG_STATE_HOME", home.path().join("state"))
            .env("XDG_CONFIG_HOME", home.path().join("config"))
            .args(["--corpus", corpus.to_str().unwrap(), "show", id, "--json"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{id}: {out:?}");
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
    };
    for (id, title, tail) in [
        ("a#1001", "خبر 1000", " 1000"),
        ("a#own-999", "خبر 999", "مستمرة."),
        ("b#1001", "خبر 1000", " 1000"),
        ("b#own-1500", "خبر 1500", "مستمرة."),
    ] {
        let a = show(id);
        assert_eq!(a["id"], id);
        assert_eq!(a["title"], title, "{id}");
        assert!(a["body"][0].as_str().unwrap().ends_with(tail), "{id}: {a}");
    }
}
