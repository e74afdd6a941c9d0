//! Every sample paragraph laid out at 40 cells: nothing too wide, every word
//! shown once and whole, RTL paragraphs starting at the right end.

use sahifa::corpus::{load, CorpusSource};
use sahifa::layout::{cell_width, layout, Direction, LayoutOptions};

const WIDTH: usize = 40;

fn check(text: &str) {
    let para = layout(text, &LayoutOptions::new(WIDTH));
    let mut seen = vec![0u8; text.len()];
    let mut line_of = vec![usize::MAX; text.len()];
    for (n, line) in para.lines.iter().enumerate() {
        assert!(
            line.width <= WIDTH,
            "line wider than {WIDTH}: {}",
            line.text
        );
        assert_eq!(line.width, cell_width(&line.text), "width bookkeeping");
        for cell in &line.cells {
            for b in cell.logical() {
                seen[b] += 1;
                line_of[b] = n;
            }
        }
    }
    let mut at = 0;
    for word in text.split(' ') {
        let range = at..at + word.len();
        at += word.len() + 1;
        if word.is_empty() {
            continue;
        }
        assert!(
            seen[range.clone()].iter().all(|&s| s == 1),
            "word lost or duplicated: {word}"
        );
        if cell_width(word) <= WIDTH {
            let first = line_of[range.start];
            assert!(
                line_of[range].iter().all(|&l| l == first),
                "word split across lines: {word}"
            );
        }
    }
    if para.direction == Direction::Rtl {
        let first = &para.lines[0];
        let last_cell = first.cells.last().expect("a first line");
        assert_eq!(
            last_cell.logical().start,
            0,
            "RTL paragraph does not start at the right: {}",
            first.text
        );
        assert_eq!(para.indent(first, WIDTH) + first.width, WIDTH);
    }
}

#[test]
fn samples_at_width_40() {
    let corpus = load(&CorpusSource::Bundled).unwrap();
    let mut n = 0;
    for a in &corpus.articles {
        for p in std::iter::once(&a.title).chain(&a.body) {
            check(p);
            n += 1;
        }
    }
    assert!(n > 50);
}

#[test]
fn own_cases_at_width_40() {
    for text in [
        "كلمةطويلةجداجداجداجداجداجداجداجداجداجداجداجدا قصيرة",
        "مُحَمَّدٌ رَسُولُ السَّلَامِ في 2017/01/23 مع (Sergey Lavrov) «نص»",
        "English paragraph that is long enough to wrap at forty cells wide.",
    ] {
        check(text);
    }
}
