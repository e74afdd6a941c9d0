//! Where names start and end in sentences written for the purpose: the
//! boundary rules around the tagger (compound names, coordinated names, a
//! verb after a name, a place before one), through the built-in extractor.

use sahifa::entities::{Extractor, Kind};

/// The persons and places found in one sentence, as written.
fn names(sentence: &str) -> (Vec<String>, Vec<String>) {
    let extractor = Extractor::builtin().unwrap();
    let found = extractor.article(&["", sentence]);
    let of = |kind: Kind| {
        found
            .mentions
            .iter()
            .filter(|m| m.kind == kind)
            .map(|m| sentence[m.range.clone()].to_owned())
            .collect()
    };
    (of(Kind::Person), of(Kind::Place))
}

#[test]
fn name_boundaries() {
    let cases: &[(&str, &[&str], &[&str])] = &[
        // A compound name does not stop on its connector.
        (
            "وقال الوزير محمد عبد الرحمن إن الاجتماع انتهى.",
            &["محمد عبد الرحمن"],
            &[],
        ),
        // Two names joined by و are two persons.
        (
            "وشارك في الندوة ماهر زغلول وبسام الحموري وعبير الخطيب.",
            &["ماهر زغلول", "وبسام الحموري", "وعبير الخطيب"],
            &[],
        ),
        // A verb after a name is not its surname.
        (
            "مدحت صالح يغني في القاهرة الليلة.",
            &["مدحت صالح"],
            &["القاهرة"],
        ),
        ("طلال سلمان يكتب عن الصحافة اللبنانية.", &["طلال سلمان"], &[]),
        // A withheld surname's initial stays with the name.
        ("وقال هشام ل. إنه لم يشاهد شيئا.", &["هشام ل."], &[]),
        // A place behind a preposition opens no name.
        (
            "وصل مبعوث الأمم المتحدة إلى سورية ستافان دي ميستورا أمس.",
            &["ستافان دي ميستورا"],
            &["سورية"],
        ),
        // آبي is a surname here, not the connector ابي.
        (
            "التقى رئيس الوزراء الياباني شينزو آبي في طوكيو.",
            &["شينزو آبي"],
            &["طوكيو"],
        ),
    ];
    let mut failures = Vec::new();
    for (sentence, persons, places) in cases {
        let (p, l) = names(sentence);
        if p != *persons || l != *places {
            failures.push(format!("{sentence}\n  persons {p:?}\n  places  {l:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
