//! The reader driven by key sequences, and whole screens drawn on ratatui's
//! TestBackend (snapshots in tests/snapshots) at 80×24 and 40×12.

use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use sahifa::corpus::{load, CorpusSource};
use sahifa::entities::Extractor;
use sahifa::layout::LayoutOptions;
use sahifa::tui::{App, Focus, KeyMap, Library, Theme};

fn library() -> Arc<Library> {
    let corpus = load(&CorpusSource::Bundled).unwrap();
    Arc::new(Library::new(
        corpus,
        &Extractor::builtin().unwrap(),
        LayoutOptions::new(80),
    ))
}

fn app(w: u16, h: u16) -> App {
    App::new(library(), KeyMap::default(), Theme::plain(), (w, h))
}

/// Presses keys: each char is a key; `\n` is Enter, `\x1b` Esc, `\t` Tab.
fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let code = match c {
            '\n' => KeyCode::Enter,
            '\x1b' => KeyCode::Esc,
            '\t' => KeyCode::Tab,
            c => KeyCode::Char(c),
        };
        let modifiers = if c.is_ascii_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        app.handle_key(KeyEvent::new(code, modifiers));
    }
}

fn screen(app: &App, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| app.render(f)).unwrap();
    let buf = term.backend().buffer();
    (0..h)
        .map(|y| {
            (0..w)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
                .trim_end()
                .to_owned()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn halab_filter_then_open_the_aleppo_article() {
    let mut a = app(100, 30);
    press(&mut a, "/halab");
    assert_eq!(
        a.list.shown.len(),
        1,
        "only the Aleppo article is left while typing"
    );
    press(&mut a, "\n");
    assert_eq!(a.focus, Focus::List);
    assert_eq!(a.filters.accepted.len(), 1);
    press(&mut a, "\n");
    assert_eq!(a.focus, Focus::Reader);
    assert_eq!(a.reader.as_ref().unwrap().article, 4);
    let s = screen(&a, 100, 30);
    let lines: Vec<&str> = s.lines().filter(|l| !l.trim().is_empty()).collect();
    assert!(
        lines
            .iter()
            .take(lines.len() - 1)
            .all(|l| l.chars().count() >= 90
                || l.trim_start() == *l
                || l.ends_with(|c: char| !c.is_whitespace())),
        "RTL lines flush right:\n{s}"
    );
    press(&mut a, "q");
    assert_eq!(a.focus, Focus::List);
    press(&mut a, "q");
    assert!(a.should_quit());
}

#[test]
fn esc_clears_and_filters_combine() {
    let mut a = app(80, 24);
    press(&mut a, "/\tlavrov\n");
    assert_eq!(a.list.shown.len(), 5);
    press(&mut a, "/\t\tطهران\n");
    assert_eq!(
        a.list.shown.len(),
        1,
        "a person and a place narrow together"
    );
    press(&mut a, "\x1b");
    assert_eq!(a.list.shown.len(), 5, "esc in the list clears the filters");
    press(&mut a, "/trump");
    assert!(a.list.shown.is_empty());
    press(&mut a, "\x1b");
    assert_eq!(a.list.shown.len(), 5, "esc in the query box cancels it");
}

#[test]
fn navigation_and_articles() {
    let mut a = app(80, 24);
    press(&mut a, "jjk");
    assert_eq!(a.list.selected, 1);
    press(&mut a, "G");
    assert_eq!(a.list.selected, 4);
    press(&mut a, "g\n");
    assert_eq!(a.reader.as_ref().unwrap().article, 0);
    press(&mut a, "]]");
    assert_eq!(
        a.reader.as_ref().unwrap().article,
        2,
        "] opens the next article"
    );
    press(&mut a, "[");
    assert_eq!(a.reader.as_ref().unwrap().article, 1);
    press(&mut a, " ");
    assert!(a.reader.as_ref().unwrap().scroll > 0, "space pages down");
    press(&mut a, "g");
    assert_eq!(a.reader.as_ref().unwrap().scroll, 0);
    a.handle_key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert!(a.should_quit(), "ctrl-c quits anywhere");
}

#[test]
fn mentions_are_stepped_through() {
    let mut a = app(60, 12);
    press(&mut a, "/\tlavrov\njjj\n");
    assert_eq!(
        a.reader.as_ref().unwrap().article,
        3,
        "003 mentions Lavrov again and again"
    );
    press(&mut a, "n");
    let first = a.reader.as_ref().unwrap().scroll;
    press(&mut a, "n");
    let second = a.reader.as_ref().unwrap().scroll;
    assert!(
        second > first,
        "n jumps forward to the next mention of Lavrov"
    );
    press(&mut a, "N");
    assert!(a.reader.as_ref().unwrap().scroll < second, "N jumps back");
}

#[test]
fn facets_filter_by_the_chosen_entity() {
    let mut a = app(100, 30);
    press(&mut a, "f");
    assert_eq!(a.focus, Focus::Facets);
    press(&mut a, "\n");
    assert_eq!(a.focus, Focus::List);
    assert_eq!(a.filters.accepted.len(), 1);
    assert!(!a.list.shown.is_empty());
}

#[test]
fn screens_80x24() {
    let mut a = app(80, 24);
    insta::assert_snapshot!("list_80x24", screen(&a, 80, 24));
    press(&mut a, "/لافر");
    insta::assert_snapshot!("filter_80x24", screen(&a, 80, 24));
    press(&mut a, "\n\n");
    insta::assert_snapshot!("reader_80x24", screen(&a, 80, 24));
    press(&mut a, "?");
    insta::assert_snapshot!("help_80x24", screen(&a, 80, 24));
}

#[test]
fn screens_40x12() {
    let mut a = app(40, 12);
    insta::assert_snapshot!("list_40x12", screen(&a, 40, 12));
    press(&mut a, "\n");
    insta::assert_snapshot!("reader_40x12", screen(&a, 40, 12));
    a.resize(50, 14);
    a.resize(40, 12);
    insta::assert_snapshot!("reader_40x12_after_resize", screen(&a, 40, 12));
}

#[test]
fn tiny_and_empty_screens_do_not_panic() {
    let mut a = app(1, 1);
    for (w, h) in [(1, 1), (0, 0), (5, 2), (12, 3)] {
        a.resize(w, h);
        let _ = screen(&a, w.max(1), h.max(1));
        press(&mut a, "\n/x\n?j");
    }
}

#[test]
fn reading_state_round_trip_and_bookmarks() {
    let mut a = app(80, 24);
    press(&mut a, "jj\n ");
    let scroll = a.reader.as_ref().unwrap().scroll;
    assert!(scroll > 0);
    press(&mut a, "bq");
    assert!(a.take_changed());
    let state = a.reading_state();
    assert_eq!(
        state.read.iter().map(|s| &s[..3]).collect::<Vec<_>>(),
        ["002"]
    );
    assert_eq!(
        state.bookmarks.iter().map(|s| &s[..3]).collect::<Vec<_>>(),
        ["002"]
    );
    assert_eq!(
        state.last.as_ref().map(|p| (&p.id[..3], p.scroll)),
        Some(("002", scroll))
    );

    let mut b = app(80, 24);
    b.restore(&state);
    assert_eq!(
        b.list.current(),
        Some(2),
        "the last article is selected at start"
    );
    press(&mut b, "\n");
    assert_eq!(
        b.reader.as_ref().unwrap().scroll,
        scroll,
        "and opens where it was left"
    );
    press(&mut b, "qB");
    assert_eq!(b.list.shown, [2], "B shows only bookmarked articles");
    press(&mut b, "bB");
    assert!(b.reading_state().bookmarks.is_empty());
    assert_eq!(b.list.shown.len(), 5);
}

fn ctrl(app: &mut App, c: char) {
    app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

/// The status line (last row) of the screen.
fn status(app: &App, w: u16, h: u16) -> String {
    screen(app, w, h).lines().last().unwrap_or("").to_owned()
}

#[test]
fn find_in_the_article_folds_and_steps_through_hits() {
    let mut a = app(80, 24);
    // 003 mentions أستانة in several spellings (أستانة, آستانة, استانة).
    press(&mut a, "jjj\n");
    assert_eq!(a.focus, Focus::Reader);
    ctrl(&mut a, 'f');
    press(&mut a, "استانه");
    let typing = status(&a, 80, 24);
    assert!(
        typing.starts_with(" find: ") && typing.contains('_'),
        "{typing}"
    );
    press(&mut a, "\n");
    // The search's "k/n" follows "find".
    let count = |a: &App| -> (usize, usize) {
        let s = status(a, 80, 24);
        let after = s.split("find ").nth(1).unwrap_or_else(|| panic!("{s}"));
        let kn = after.split_whitespace().next().unwrap();
        let (k, n) = kn.split_once('/').unwrap();
        (k.parse().unwrap(), n.parse().unwrap())
    };
    let (k, total) = count(&a);
    assert!(total >= 2, "أستانة, آستانة and استانة are one word here");
    assert_eq!(k, 1);
    press(&mut a, "n");
    assert_eq!(count(&a), (2, total));
    press(&mut a, "NN");
    assert_eq!(count(&a), (total, total), "wraps");
    // q ends the search first, then leaves the article.
    press(&mut a, "q");
    assert!(!status(&a, 80, 24).contains("find"));
    assert_eq!(a.focus, Focus::Reader);
    press(&mut a, "q");
    assert_eq!(a.focus, Focus::List);
}

#[test]
fn y_copies_the_article_in_logical_order_through_osc52() {
    use base64::Engine;
    let mut a = app(80, 24);
    press(&mut a, "\n");
    press(&mut a, "y");
    let text = a.take_clipboard().expect("copied");
    let lib = library();
    let article = &lib.corpus.articles[0];
    assert!(text.starts_with(&article.title), "{text}");
    assert!(
        !text.chars().any(|c| ('\u{FB50}'..='\u{FEFF}').contains(&c)),
        "no presentation forms"
    );
    let seq = sahifa::tui::osc52(&text);
    let payload = seq
        .strip_prefix("\x1b]52;c;")
        .unwrap()
        .strip_suffix('\x07')
        .unwrap();
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(payload)
        .unwrap();
    assert_eq!(String::from_utf8(decoded).unwrap(), text);
    assert!(status(&a, 80, 24).contains("copied"));
    press(&mut a, "Y");
    let paragraph = a.take_clipboard().unwrap();
    assert!(text.contains(&paragraph) && paragraph.len() < text.len());
}

#[test]
fn bookmarks_only_is_said_in_the_status_line() {
    let mut a = app(80, 24);
    press(&mut a, "b");
    assert!(!status(&a, 80, 24).contains("bookmarks only"));
    press(&mut a, "B");
    let s = status(&a, 80, 24);
    assert!(s.contains("bookmarks only") && s.contains("1/5"), "{s}");
}

#[test]
fn the_help_has_a_legend_of_the_list() {
    let mut a = app(80, 24);
    press(&mut a, "?");
    let s = screen(&a, 80, 24);
    for word in ["unread", "bookmarked", "persons", "places"] {
        assert!(s.contains(word), "{word} missing:\n{s}");
    }
}

#[test]
fn dated_corpora_get_a_date_column_and_s_sorts_by_date() {
    let dir = tempfile::tempdir().unwrap();
    let body = "قال وزير الخارجية الروسي سيرغي لافروف إن المحادثات مستمرة.";
    let records = serde_json::json!([
        {"id": "a", "title": "خبر قديم", "body": body, "date": "30/12/2016"},
        {"id": "b", "title": "خبر جديد", "body": body, "date": "2017-01-23"},
        {"id": "c", "title": "خبر بلا تاريخ", "body": body},
    ]);
    std::fs::write(dir.path().join("r.json"), records.to_string()).unwrap();
    let corpus = load(&CorpusSource::Path(dir.path().to_path_buf())).unwrap();
    let lib = Arc::new(Library::new(
        corpus,
        &Extractor::builtin().unwrap(),
        LayoutOptions::new(100),
    ));
    let mut a = App::new(lib, KeyMap::default(), Theme::plain(), (100, 10));
    let rows = screen(&a, 100, 10);
    let first = rows.lines().next().unwrap();
    assert!(first.contains("2016-12-30"), "by id, r#a first: {rows}");
    press(&mut a, "s");
    let rows = screen(&a, 100, 10);
    assert!(
        rows.lines().next().unwrap().contains("2017-01-23"),
        "newest first: {rows}"
    );
    assert!(rows.lines().last().unwrap().contains("by date"), "{rows}");
    // Without dates in the corpus, the column takes no room.
    let plain = screen(&app(100, 10), 100, 10);
    assert!(!plain.lines().next().unwrap().contains("20"), "{plain}");
}

/// The screen's text, then a map of its styles, one letter per cell: `.`
/// plain, `c` coloured, `u` underlined, `r` reversed, `d` dim colour (the
/// order of precedence). A snapshot of both shows what a reader without
/// colour (NO_COLOR) can still tell apart.
fn styled_screen(app: &App, w: u16, h: u16) -> String {
    use ratatui::style::{Color, Modifier};
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| app.render(f)).unwrap();
    let buf = term.backend().buffer();
    let mut map = Vec::new();
    for y in 0..h {
        let row: String = (0..w)
            .map(|x| {
                let c = &buf[(x, y)];
                if c.modifier.contains(Modifier::REVERSED) {
                    'r'
                } else if c.modifier.contains(Modifier::UNDERLINED) {
                    'u'
                } else if c.fg == Color::DarkGray {
                    'd'
                } else if c.fg != Color::Reset || c.bg != Color::Reset {
                    'c'
                } else {
                    '.'
                }
            })
            .collect();
        map.push(row.trim_end_matches('.').to_owned());
    }
    format!("{}\n--- styles\n{}", screen(app, w, h), map.join("\n"))
}

#[test]
fn list_and_facets_at_60_and_100_columns_with_and_without_colour() {
    for (theme, name) in [(Theme::colour(), "colour"), (Theme::plain(), "no_color")] {
        for w in [60u16, 100] {
            let mut a = App::new(library(), KeyMap::default(), theme, (w, 14));
            press(&mut a, "b");
            insta::assert_snapshot!(format!("list_{w}_{name}"), styled_screen(&a, w, 14));
            press(&mut a, "f");
            insta::assert_snapshot!(format!("facets_{w}_{name}"), styled_screen(&a, w, 14));
        }
    }
}

fn key(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

/// The names the filter box lists, top to bottom, as drawn.
fn choices(app: &App) -> Vec<String> {
    screen(app, 80, 24)
        .lines()
        .filter(|l| l.contains(" person ") || l.contains(" place "))
        .map(|l| l.trim_matches(|c| c == '│' || c == ' ').to_owned())
        .collect()
}

#[test]
fn the_filter_lists_its_matches_and_enter_takes_the_highlighted_one() {
    let mut a = app(80, 24);
    // سي begins two persons' names: Lavrov (5 articles) and Shoigu (1).
    press(&mut a, "/سي");
    assert_eq!(choices(&a).len(), 2, "{}", screen(&a, 80, 24));
    assert_eq!(a.list.shown.len(), 5, "both matches united while typing");
    key(&mut a, KeyCode::Down);
    key(&mut a, KeyCode::Down);
    assert_eq!(a.filters.editing.as_ref().unwrap().highlighted, Some(1));
    assert_eq!(a.list.shown.len(), 1, "the list follows the highlight");
    key(&mut a, KeyCode::Down);
    assert_eq!(
        a.filters.editing.as_ref().unwrap().highlighted,
        Some(1),
        "the highlight stops at the last match"
    );
    press(&mut a, "\n");
    assert_eq!(a.list.shown.len(), 1);
    assert_eq!(a.filters.accepted[0].label, "سيرجي شويجو");
    // Up from the first match leaves the matches: Enter unites them again.
    press(&mut a, "/سي");
    key(&mut a, KeyCode::Down);
    key(&mut a, KeyCode::Up);
    assert_eq!(a.filters.editing.as_ref().unwrap().highlighted, None);
    press(&mut a, "\n");
    assert_eq!(a.list.shown.len(), 5);
}

#[test]
fn marked_names_are_taken_together_across_queries() {
    let mut a = app(80, 24);
    press(&mut a, "/سي");
    key(&mut a, KeyCode::Down);
    key(&mut a, KeyCode::Down);
    ctrl(&mut a, 't');
    assert_eq!(a.list.shown.len(), 1, "only the marked name's article");
    // A new query keeps the marks; its own match is marked beside them.
    key(&mut a, KeyCode::Backspace);
    key(&mut a, KeyCode::Backspace);
    press(&mut a, "محمد علوش");
    assert_eq!(a.filters.editing.as_ref().unwrap().highlighted, None);
    ctrl(&mut a, ' ');
    let shown = screen(&a, 80, 24);
    assert!(shown.contains("2 marked"), "{shown}");
    assert!(choices(&a).iter().all(|c| c.starts_with('+')), "{shown}");
    press(&mut a, "\n");
    assert_eq!(a.filters.accepted[0].label, "سيرجي شويجو | محمد علوش");
    let both = a.list.shown.len();
    assert!((1..=2).contains(&both), "{both}");
    // Marking twice unmarks.
    press(&mut a, "/سي");
    ctrl(&mut a, 't');
    ctrl(&mut a, 't');
    assert!(a.filters.editing.as_ref().unwrap().marked.is_empty());
}

#[test]
fn the_choice_list_scrolls_to_the_highlight_and_shows_it_reversed() {
    // Five rows leave the box room for one match: the second is scrolled to.
    let lib = library();
    let mut a = App::new(lib.clone(), KeyMap::default(), Theme::colour(), (80, 5));
    press(&mut a, "/سي");
    key(&mut a, KeyCode::Down);
    key(&mut a, KeyCode::Down);
    let s = styled_screen(&a, 80, 5);
    insta::assert_snapshot!("filter_choice_80x5", s);
    assert_eq!(s.matches(" person ").count(), 1, "{s}");
    let e = a.filters.editing.as_ref().unwrap();
    assert_eq!(lib.found.entities[e.hits[1].entity].name, "سيرجي شويجو");
}
