//! Layout tests: visual strings compared as strings.

use super::*;

fn visual(text: &str, width: usize) -> Vec<String> {
    layout(text, &LayoutOptions::new(width))
        .lines
        .into_iter()
        .map(|l| l.text)
        .collect()
}

fn unshaped(text: &str, width: usize) -> Vec<String> {
    let opts = LayoutOptions {
        shaping: ShapingMode::Terminal,
        ..LayoutOptions::new(width)
    };
    layout(text, &opts)
        .lines
        .into_iter()
        .map(|l| l.text)
        .collect()
}

#[test]
fn rtl_words_read_right_to_left_and_lines_keep_logical_order() {
    assert_eq!(unshaped("أ ب ج د", 100), ["د ج ب أ"]);
    assert_eq!(
        unshaped("أب جد هو زح", 5),
        ["دج بأ", "حز وه"],
        "the first logical words are on the first line"
    );
}

#[test]
fn marks_stay_on_their_letters() {
    assert_eq!(unshaped("محمَّدٌ", 100), ["دٌمَّحم"]);
}

#[test]
fn brackets_mirror_in_rtl_runs_only() {
    assert_eq!(unshaped("(سلام) «نص»", 100), ["«صن» (مالس)"]);
    assert_eq!(unshaped("a (b) c", 100), ["a (b) c"]);
    assert_eq!(unshaped("قال (abc) ثم", 100), ["مث (abc) لاق"]);
}

#[test]
fn numbers_and_latin_keep_their_order_inside_rtl() {
    assert_eq!(
        unshaped("في 2017/01/23 مع Putin اليوم", 100),
        ["مويلا Putin عم 2017/01/23 يف"]
    );
}

#[test]
fn shaping_joins_and_ligates() {
    assert_eq!(visual("لا", 10), ["\u{FEFB}"]);
    assert_eq!(visual("بيت", 10), ["\u{FE96}\u{FEF4}\u{FE91}"]);
}

#[test]
fn rtl_paragraphs_are_right_aligned() {
    let p = layout("مرحبا بكم", &LayoutOptions::new(20));
    assert_eq!(p.direction, Direction::Rtl);
    assert_eq!(p.indent(&p.lines[0], 20), 20 - p.lines[0].width);
    let p = layout("hello", &LayoutOptions::new(20));
    assert_eq!(p.indent(&p.lines[0], 20), 0);
}

#[test]
fn cells_map_back_to_logical_bytes() {
    let text = "علاقة ab";
    let p = layout(text, &LayoutOptions::new(40));
    let line = &p.lines[0];
    let shown: Vec<&str> = line.cells.iter().map(|c| &text[c.logical()]).collect();
    assert_eq!(shown, ["a", "b", " ", "ة", "ق", "لا", "ع"]);
    assert_eq!(line.width, 7);
}

#[test]
fn terminal_bidi_mode_keeps_logical_order() {
    let opts = LayoutOptions {
        bidi: BidiMode::Terminal,
        shaping: ShapingMode::Terminal,
        ..LayoutOptions::new(100)
    };
    assert_eq!(layout("أب (جد)", &opts).lines[0].text, "أب (جد)");
}

#[test]
fn forced_direction() {
    let ltr = LayoutOptions {
        direction: Some(Direction::Ltr),
        shaping: ShapingMode::Terminal,
        ..LayoutOptions::new(100)
    };
    let rtl = LayoutOptions {
        direction: Some(Direction::Rtl),
        ..ltr
    };
    assert_eq!(layout("أب abc", &ltr).lines[0].text, "بأ abc");
    assert_eq!(layout("abc أب", &rtl).lines[0].text, "بأ abc");
    assert_eq!(layout("abc أب", &rtl).direction, Direction::Rtl);
}

#[test]
fn a_paragraph_longer_than_a_piece_is_laid_out_whole_in_pieces() {
    let word = "المحادثات ";
    let text: String = std::iter::repeat_n(word, PIECE * 3 / word.len()).collect();
    let text = format!("Putin {text}");
    let para = layout(&text, &LayoutOptions::new(80));
    assert_eq!(
        para.direction,
        Direction::Ltr,
        "the first strong letter decides"
    );
    // Every byte of the input shows up once, pieces one after the other.
    let mut covered = vec![0u8; text.len()];
    for line in &para.lines {
        assert!(line.width <= 80);
        for cell in &line.cells {
            for b in cell.logical() {
                covered[b] += 1;
            }
        }
    }
    let spaces_at_breaks = covered.iter().filter(|&&n| n == 0).count();
    assert!(covered.iter().all(|&n| n <= 1));
    assert!(
        spaces_at_breaks <= para.lines.len() * word.len(),
        "only the spaces where lines break"
    );
    let rtl = layout(&text[6..], &LayoutOptions::new(80));
    assert_eq!(rtl.direction, Direction::Rtl);
    assert!(rtl.lines.iter().all(|l| l.text.starts_with("ﺕﺎﺛﺩﺎﺤﻤﻟﺍ")
        || l.text.is_empty()
        || l.text.starts_with(' ')
        || l.text.contains("ﺕﺎﺛﺩﺎﺤﻤﻟﺍ")));
}
