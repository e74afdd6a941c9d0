//! Publication dates from records, page headers, datelines and front
//! matter: parsed into real days, sorted by time, filtered by --since and
//! --until, and shown in a date column of the reader.

mod common;

use std::path::Path;

use common::sahifa;

const BODY: &str =
    "قال وزير الخارجية الروسي سيرغي لافروف إن المحادثات بين الأطراف مستمرة في العاصمة.";

/// A corpus of dated articles in every form, written for the test.
fn dated_corpus(root: &Path) {
    let records = serde_json::json!([
        {"id": "r1", "title": "خبر أول", "body": BODY, "date": "30/12/2016"},
        {"id": "r2", "title": "خبر ثان", "body": BODY, "date": "2017-01-23T10:00:00Z"},
        {"id": "r3", "title": "خبر ثالث", "body": BODY, "published": "2015-7-3"},
        {"id": "r4", "title": "خبر رابع", "body": BODY, "time": 1485712800},
        {"id": "r5", "title": "خبر خامس", "body": BODY, "date": "2015-07-21"},
    ]);
    std::fs::write(root.join("records.json"), records.to_string()).unwrap();
    std::fs::write(
        root.join("header.txt"),
        format!("عنوان الخبر في الصفحة\nالاثنين 23-01-2017\n{BODY}\n"),
    )
    .unwrap();
    std::fs::write(
        root.join("dateline.txt"),
        format!("عنوان خبر الوكالة\nموسكو - 5 تشرين الأول 2016 (رويترز) - {BODY}\n"),
    )
    .unwrap();
    std::fs::write(
        root.join("front.md"),
        format!("---\ntitle: خبر بصيغة ماركداون\ndate: 12 أبريل 2016\n---\n\n{BODY}\n"),
    )
    .unwrap();
    std::fs::write(
        root.join("hijri.txt"),
        format!("عنوان خبر بتاريخ هجري\n25 ربيع الآخر 1438 هـ\n{BODY}\n"),
    )
    .unwrap();
    std::fs::write(
        root.join("undated.txt"),
        format!("عنوان خبر بلا تاريخ\n{BODY} وقع ذلك في 3 مارس 2014.\n"),
    )
    .unwrap();
}

fn list(home: &Path, corpus: &Path, args: &[&str]) -> Vec<serde_json::Value> {
    let out = sahifa(home)
        .arg("--corpus")
        .arg(corpus)
        .arg("list")
        .args(args)
        .arg("--jsonl")
        .output()
        .unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn dates_are_read_in_every_form_and_sorted_by_time() {
    let home = tempfile::tempdir().unwrap();
    let corpus = home.path().join("news");
    std::fs::create_dir(&corpus).unwrap();
    dated_corpus(&corpus);
    let all = list(home.path(), &corpus, &["--sort", "date"]);
    let got: Vec<(String, String)> = all
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap().to_owned(),
                r["date"].as_str().unwrap_or("-").to_owned(),
            )
        })
        .collect();
    let want = [
        ("records#r4", "2017-01-29"),
        ("header", "2017-01-23"),
        ("records#r2", "2017-01-23"),
        ("records#r1", "2016-12-30"),
        ("dateline", "2016-10-05"),
        ("front", "2016-04-12"),
        ("records#r5", "2015-07-21"),
        ("records#r3", "2015-07-03"),
        ("hijri", "1438-04-25 هـ"),
        ("undated", "-"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn since_and_until_keep_the_days_between() {
    let home = tempfile::tempdir().unwrap();
    let corpus = home.path().join("news");
    std::fs::create_dir(&corpus).unwrap();
    dated_corpus(&corpus);
    let ids = |args: &[&str]| -> Vec<String> {
        list(home.path(), &corpus, args)
            .iter()
            .map(|r| r["id"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        ids(&["--since", "2017-01-01"]),
        ["header", "records#r2", "records#r4"]
    );
    assert_eq!(
        ids(&["--since", "1/1/2016", "--until", "31 ديسمبر 2016"]),
        ["dateline", "front", "records#r1"]
    );
    assert_eq!(ids(&["--until", "2015-07-03"]), ["records#r3"]);
    sahifa(home.path())
        .args(["list", "--since", "someday"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("not a day"));
}
