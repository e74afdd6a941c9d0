//! The layout checked against references: GNU FriBidi's visual output for every
//! sample paragraph and our own cases, and the Unicode conformance file
//! BidiCharacterTest.txt. `.ci/run` installs both; elsewhere a missing reference
//! is reported loudly, and under CI it fails the test.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use sahifa::layout::{visual_units, LayoutOptions};
use unicode_bidi::{BidiInfo, Level};

const CONFORMANCE: &str = "/usr/share/unicode/BidiCharacterTest.txt";

/// Says a reference is missing: fails under CI, warns elsewhere.
fn missing(what: &str) {
    let msg =
        format!("SKIPPED: {what} is not installed (apt-get install libfribidi-bin unicode-data)");
    assert!(std::env::var_os("CI").is_none(), "{msg}");
    eprintln!("{msg}");
}

fn fribidi(input: &str) -> Option<Vec<String>> {
    let mut child = Command::new("fribidi")
        .args(["--nopad", "--nobreak"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .ok()?;
    child.stdin.take()?.write_all(input.as_bytes()).ok()?;
    let out = child.wait_with_output().ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    Some(text.lines().map(|l| l.replace('\u{FEFF}', "")).collect())
}

fn ours(paragraph: &str) -> String {
    let lines = sahifa::layout::layout(paragraph, &LayoutOptions::new(100_000)).lines;
    assert_eq!(lines.len(), 1);
    lines.into_iter().next().unwrap().text
}

fn sample_paragraphs() -> Vec<String> {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/sample-data"));
    let mut paragraphs = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        let text = std::fs::read_to_string(path).unwrap();
        paragraphs.extend(
            text.lines()
                .map(|l| l.trim().to_owned())
                .filter(|l| !l.is_empty()),
        );
    }
    paragraphs
}

const OWN_CASES: &[&str] = &[
    "مُحَمَّدٌ رَسُولُ السَّلَامِ",
    "قال (في بيان) إن «الاتفاق» [نهائي] {تماما}",
    "وصل Sergey Lavrov إلى أنقرة يوم 2017/01/23 الساعة 10:30",
    "نسبة 45.5% من 1,200 ناخب في 23 يناير",
    "The talks in أستانا begin (on Monday) — says UN",
    "سعر البرميل $52.3 أو -4 نقاط",
    "لا لأن لإن لآن علاقة الله",
    "پچژگ فارسی کتاب",
    "«الجانب الروسي مطالب أكثر من أي وقت مضى» قال (روسيا اليوم): 3 > 2",
    "١٢٣ ٤٥ في عام ٢٠١٧م",
    "email: info@example.com أو www.example.org",
];

#[test]
fn samples_and_own_cases_match_fribidi() {
    let mut paragraphs = sample_paragraphs();
    paragraphs.extend(OWN_CASES.iter().map(|s| s.to_string()));
    let input = paragraphs.join("\n") + "\n";
    let Some(reference) = fribidi(&input) else {
        return missing("fribidi");
    };
    assert_eq!(reference.len(), paragraphs.len());
    let mut mismatches = Vec::new();
    for (p, want) in paragraphs.iter().zip(&reference) {
        let got = ours(p);
        if &got != want {
            mismatches.push(format!("logical: {p}\n   ours: {got}\nfribidi: {want}"));
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} of {} differ:\n{}",
        mismatches.len(),
        paragraphs.len(),
        mismatches.join("\n\n")
    );
}

#[test]
fn render_command_matches_fribidi_on_the_samples() {
    let input = sample_paragraphs().join("\n") + "\n";
    let Some(reference) = fribidi(&input) else {
        return missing("fribidi");
    };
    let out = assert_cmd::Command::cargo_bin("sahifa")
        .unwrap()
        .args(["render", "--width", "100000"])
        .write_stdin(input)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let ours: Vec<String> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    assert_eq!(ours, reference);
}

fn hex_chars(field: &str) -> String {
    field
        .split_whitespace()
        .map(|h| char::from_u32(u32::from_str_radix(h, 16).unwrap()).unwrap())
        .collect()
}

#[test]
fn bidi_character_test_conformance() {
    let Ok(data) = std::fs::read_to_string(CONFORMANCE) else {
        return missing(CONFORMANCE);
    };
    let (mut passed, mut failed) = (0usize, Vec::new());
    for (n, line) in data.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split(';').collect();
        let text = hex_chars(fields[0]);
        let level = match fields[1] {
            "0" => Some(Level::ltr()),
            "1" => Some(Level::rtl()),
            _ => None,
        };
        let want: Vec<usize> = fields[4]
            .split_whitespace()
            .map(|i| i.parse().unwrap())
            .collect();
        let info = BidiInfo::new(&text, level);
        let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        let mut got = Vec::new();
        for para in &info.paragraphs {
            for unit in visual_units(&info, para, para.range.clone(), None) {
                got.push(starts.binary_search(&unit.range.start).unwrap());
            }
        }
        if got == want {
            passed += 1;
        } else {
            failed.push(n + 1);
        }
    }
    eprintln!(
        "BidiCharacterTest.txt: {passed} passed, {} failed",
        failed.len()
    );
    assert!(passed > 90_000, "only {passed} cases passed");
    assert!(
        failed.is_empty(),
        "{} cases differ, first lines: {:?}",
        failed.len(),
        &failed[..failed.len().min(20)]
    );
}
