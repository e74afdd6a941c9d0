//! Arbitrary text never panics the pure text code: cleaning, layout,
//! extraction and lookup.

use proptest::prelude::*;
use sahifa::corpus::{clean_markdown, clean_page, strip_controls};
use sahifa::entities::{analyze, Extractor};
use sahifa::layout::{cell_width, layout, Direction, LayoutOptions};

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,200}",
        "[ \\n\\tا-ي\\u{064B}-\\u{0652}()«»\\[\\]0-9a-zA-Z.،؟!\\u{200C}\\u{200D}\\u{202B}\\u{202C}\\u{2067}\\u{2069}ﻻ]{0,120}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn cleaning_never_panics(s in text()) {
        let s = strip_controls(&s);
        let _ = clean_page(&s);
        let _ = clean_markdown(&s);
    }

    #[test]
    fn layout_fits_its_width(s in text(), width in 1usize..60, rtl in any::<bool>()) {
        let s = strip_controls(&s).replace('\n', " ");
        let opts = LayoutOptions { direction: Some(if rtl { Direction::Rtl } else { Direction::Ltr }), ..LayoutOptions::new(width) };
        // Only a grapheme wider than the line itself (a wide character in a
        // one-cell line) may overflow it.
        let widest = unicode_segmentation::UnicodeSegmentation::graphemes(s.as_str(), true).map(cell_width).max().unwrap_or(0);
        for line in layout(&s, &opts).lines {
            prop_assert_eq!(line.width, cell_width(&line.text));
            prop_assert!(line.width <= width.max(widest), "{} > {width}", line.width);
        }
    }
}

#[test]
fn extraction_and_lookup_never_panic() {
    let extractor = Extractor::builtin().unwrap();
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(64));
    runner
        .run(&proptest::collection::vec(text(), 1..4), |paragraphs| {
            let article = sahifa::corpus::Article {
                id: "x".into(),
                title: paragraphs[0].clone(),
                body: paragraphs[1..].to_vec(),
                source: None,
                dateline: None,
                date: None,
                url: None,
                path: "x".into(),
                record: 0,
                words: 0,
            };
            let found = analyze(std::slice::from_ref(&article), &extractor);
            let index = sahifa::search::NameIndex::build(&found.entities, &extractor.gazetteer);
            for q in paragraphs.iter().take(2) {
                let _ = index.search(q, None);
            }
            Ok(())
        })
        .unwrap();
}

/// A cache damaged anywhere (bytes flipped after a valid header, or cut
/// short) is refused or survives its checks; using what was read never
/// panics, and opening the corpus through it still lists every article.
#[test]
fn damaged_caches_are_refused_not_trusted() {
    use sahifa::index::{cache, open, LazyExtractor, Refresh};
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let samples = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/sample-data"));
    for e in std::fs::read_dir(samples).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, corpus.join(p.file_name().unwrap())).unwrap();
    }
    let path = dir.path().join("index.idx");
    let extractor = LazyExtractor::default();
    open(&corpus, Some(&path), &extractor, Refresh::Full).unwrap();
    let good = std::fs::read(&path).unwrap();
    let fingerprint = sahifa::entities::fingerprint();
    let mut rng = sahifa::random::Lcg::new(7);
    let mut next = |n: usize| rng.below(n);
    for round in 0..60 {
        let mut bad = good.clone();
        if round % 4 == 0 {
            bad.truncate(28 + next(good.len() - 28));
        } else {
            for _ in 0..1 + next(8) {
                let at = 28 + next(good.len() - 28);
                bad[at] ^= 1 << next(8);
            }
        }
        std::fs::write(&path, &bad).unwrap();
        if let Ok(Some(c)) = cache::read(&path, fingerprint) {
            let _ = c.detail();
            for a in 0..c.head.found.articles() {
                let _ = c.head.found.spots(a);
                let _ = c.head.found.of_article(a, sahifa::entities::Kind::Person);
            }
        }
        let (indexed, _) = open(&corpus, Some(&path), &extractor, Refresh::Incremental).unwrap();
        assert_eq!(indexed.corpus.articles.len(), 5, "round {round}");
    }
}
