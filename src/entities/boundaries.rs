//! Where a person's name starts and ends when the tagger cut it short or
//! ran it on: initials, surnames after given names, halves joined, stray
//! words trimmed.

use super::extract::{Extractor, Kind, Mention};
use super::features::TokenInfo;

/// Words inside compound names that bind to the word after them
/// (normalized).
const CONNECTORS: &[&str] = &[
    "عبد", "ابو", "ابا", "ابن", "بن", "بنت", "ال", "ام", "دي", "دو", "دا", "فان", "فون", "ولد",
];

/// Connectors that only ever bind a name to the word after it: after عبد,
/// ابو (and ابا, as أبو is written in the accusative and in families
/// such as أبا الخيل), ابن, بن or بنت comes the rest of the name, however
/// common that word is elsewhere (عبد | الواحد, ابو | بكر, سليمان أبا |
/// الخيل, فاطمة بنت | أسد).
/// (ابن is also "son" in running text: شومسكي، ابن | رجل.)
const STRONG_CONNECTORS: &[&str] = &["عبد", "ابو", "ابا", "بن", "بنت"];

/// Whether token `i` binds a name to the word after it: a connector, ابي
/// after بن/بنت (علي بن ابي | طالب; ابي is also a spelling of آبي, شينزو
/// آبي | في), or the article of a Romance particle (دو لا).
pub(super) fn binds(info: &[TokenInfo], i: usize) -> bool {
    let w = info[i].conj();
    let before = || i.checked_sub(1).map_or("", |j| info[j].conj());
    CONNECTORS.contains(&w)
        || (w == "ابي" && matches!(before(), "بن" | "ابن" | "بنت"))
        // de la, de las: جان مارك دو لا | سابليير
        || (matches!(w, "لا" | "لاس" | "لوس") && matches!(before(), "دي" | "دو" | "دا"))
}

/// Whether token `i` is a connector after which any word is the name's.
pub(super) fn binds_strongly(info: &[TokenInfo], i: usize) -> bool {
    STRONG_CONNECTORS.contains(&info[i].conj()) || (binds(info, i) && info[i].conj() == "ابي")
}

/// Regnal numbers after a given name (normalized): عباس الاول. From the
/// eleventh on they take عشر: لويس الثالث | عشر.
const ORDINALS: &[&str] = &[
    "الاول",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "السادس",
    "السابع",
    "الثامن",
    "التاسع",
    "العاشر",
    "الحادي",
];

/// How many words of a regnal number open at `b`: one (الثاني), two
/// (السادس عشر; الحادي only so), or none.
fn regnal_number(info: &[TokenInfo], b: usize) -> usize {
    let Some(t) = info.get(b).filter(|t| ORDINALS.contains(&&*t.norm)) else {
        return 0;
    };
    let teen = info.get(b + 1).is_some_and(|n| &*n.norm == "عشر") && &*t.norm != "العاشر";
    match (teen, &*t.norm) {
        (true, _) => 2,
        (false, "الحادي") => 0,
        (false, _) => 1,
    }
}

/// Whether a word ending a name of two words or more is a verb in the
/// imperfect that the name is the subject of (مدحت صالح | يغني): a word
/// opening with ي that is no given name and never part of a name in the
/// training text. Most names opening with ي are common given names
/// (يوسف, يحيى), which the list holds.
pub(super) fn imperfect_verb(t: &TokenInfo, in_names: u32) -> bool {
    let w = t.conj();
    t.shape == 'a'
        && w.starts_with('ي')
        && w.chars().count() >= 4
        && !t.given
        && !t.place
        && in_names == 0
}

/// The end of name `a..b` without the connectors it ends on, which
/// [`extend_name`] could not carry on from: a name is not "محمد عبد", nor
/// "ابو" alone (then `a`: no name).
pub(super) fn without_trailing_connectors(info: &[TokenInfo], a: usize, mut b: usize) -> usize {
    while b > a && binds(info, b - 1) {
        b -= 1;
    }
    b
}

/// Whether token `i` is a place or town without a proclitic, which the
/// noun before it is then in construct with: محافظ | جدة, سلطان | عمان.
pub(super) fn place_in_construct(info: &[TokenInfo], i: usize) -> bool {
    info.get(i)
        .is_some_and(|n| (n.place || n.town) && n.clitic.is_empty())
}

/// Carries a person's name on over what the tagger cut off: an initial and
/// its period (هشام ل.: news abbreviates surnames it withholds), and a
/// surname after a name that ends in a common given name (ادريس | جطو): a
/// word the training text hardly saw, no title, place, adjective of origin
/// or conjunction, nor a noun a place follows.
pub(super) fn extend_name(
    info: &[TokenInfo],
    covered: &[bool],
    mut b: usize,
    never_in_names: impl Fn(&TokenInfo) -> bool,
) -> usize {
    // A name never ends on a word that binds to the next: عبد | الرحمن,
    // ابو | مازن, بن | علي, دي | ميستورا. After the weaker connectors (دي,
    // ام, ولد are also words of running text) the next word must be one
    // that names hold.
    while b > 0
        && binds(info, b - 1)
        && info.get(b).is_some_and(|t| {
            t.shape == 'a' && (binds_strongly(info, b - 1) || binds(info, b) || !never_in_names(t))
        })
        && !covered[b]
    {
        b += 1;
    }
    // A connector after the name opens more of it: محمد لمين | ولد سلامة,
    // أحمد | أبو غزة, فرنانديس | دي لافيغا (not with و: محمد | وأبو علي is
    // two people; not ام, also "or").
    while info
        .get(b)
        .is_some_and(|t| !covered[b] && !t.has_conjunction() && t.conj() != "ام" && binds(info, b))
        && info.get(b + 1).is_some_and(|t| {
            t.shape == 'a' && !covered[b + 1] && (binds_strongly(info, b) || !never_in_names(t))
        })
    {
        b += 2;
    }
    // A regnal number after a given name: عباس | الأول, لويس | التاسع عشر.
    // Only after a given name: after a surname the ordinal is more often the
    // next noun's (هدف ميسي | الثاني).
    let regnal = regnal_number(info, b);
    if b > 0
        && (info[b - 1].given || info[b - 1].name_role == "g")
        && regnal > 0
        && (b..b + regnal).all(|k| !covered[k])
    {
        return b + regnal;
    }
    let Some(t) = info.get(b).filter(|t| t.shape == 'a' && !covered[b]) else {
        return b;
    };
    if t.norm.chars().count() == 1 && info.get(b + 1).is_some_and(|n| &*n.norm == ".") {
        return b + 2;
    }
    let after_given = b > 0 && info[b - 1].given;
    let surname = t.rare
        && t.clitic.is_empty()
        && !t.given
        && !t.has_conjunction()
        && !t.nisba
        && !t.place
        && !t.person_trigger
        && !t.place_trigger
        && !t.quoted
        && !imperfect_verb(t, 0)
        && t.norm.chars().count() >= 3
        // A noun in construct with a place is an office: محافظ جدة, not a
        // surname (مشعل بن ماجد | محافظ جدة).
        && !place_in_construct(info, b + 1);
    if after_given && surname {
        b + 1
    } else {
        b
    }
}

/// Joins person mentions that follow each other with only white space between
/// (a first name found by one rule, the surname by another), unless the second
/// opens with a conjunction: لافروف وسيرجي شويجو are two people.
pub(super) fn join_adjacent_persons<S: AsRef<str>>(paragraphs: &[S], mentions: &mut Vec<Mention>) {
    // A name the tagger broke at its بن or بنت, leaving the connector out
    // (نورة | بنت | محمد): the first half takes the connector, and the halves
    // are then side by side.
    for k in 1..mentions.len() {
        let (done, rest) = mentions.split_at_mut(k);
        let (prev, m) = (&mut done[k - 1], &rest[0]);
        if prev.kind != Kind::Person || m.kind != Kind::Person || prev.paragraph != m.paragraph {
            continue;
        }
        let text = paragraphs[m.paragraph].as_ref();
        let Some(between) = text.get(prev.range.end..m.range.start) else {
            continue;
        };
        let word = between.trim();
        let norm = super::features::tagger_word(word);
        if matches!(norm.as_str(), "بن" | "بنت") && !word.contains(char::is_whitespace) {
            let start = prev.range.end + between.len() - between.trim_start().len();
            prev.range.end = start + word.len();
            prev.words.push(word.to_owned());
            prev.norms.push(norm);
        }
    }
    join_adjacent(mentions, |prev, m| {
        let text = paragraphs[m.paragraph].as_ref();
        text.get(prev.range.end..m.range.start)
            .is_some_and(|between| between.trim().is_empty())
    });
}

/// [`join_adjacent_persons`] given whether only blanks stand between two
/// mentions of one paragraph.
pub(super) fn join_adjacent(
    mentions: &mut Vec<Mention>,
    blank_between: impl Fn(&Mention, &Mention) -> bool,
) {
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    for m in mentions.drain(..) {
        if let Some(prev) = out.last_mut() {
            // A conjunction or the preposition with the article (للخور: "to
            // al-Khor") opens another phrase, not the rest of a name.
            let conjunction = (m.norms[0].starts_with(['و', 'ف'])
                && super::features::core(&m.norms[0]) != m.norms[0])
                || m.norms[0].starts_with("لل");
            if prev.kind == Kind::Person
                && m.kind == Kind::Person
                && prev.paragraph == m.paragraph
                && !conjunction
                && blank_between(prev, &m)
            {
                prev.range.end = m.range.end;
                prev.words.extend(m.words);
                prev.norms.extend(m.norms);
                continue;
            }
        }
        out.push(m);
    }
    *mentions = out;
}

/// Whether the name's last word `norm`, with the text `after` it, opens
/// the title ولي العهد or ولي ولي العهد ("crown prince", "deputy crown
/// prince"): ولي is also a given name, so the tagger runs the prince's
/// name on into his title (محمد بن نايف | ولي ولي العهد).
fn opens_crown_prince(norm: &str, after: &str) -> bool {
    let mut next = after
        .split_whitespace()
        .map(|w| super::features::tagger_word(w.trim_matches(|c: char| !c.is_alphabetic())));
    norm == "ولي"
        && match next.next().as_deref() {
            Some("العهد") => true,
            Some("ولي") => next.next().as_deref() == Some("العهد"),
            _ => false,
        }
}

impl Extractor {
    /// Whether the training text saw `norm` at least `times` times and
    /// hardly ever in a name; annotated text has the odd stray tag, so not
    /// "never".
    fn running_text(&self, norm: &str, times: u32) -> bool {
        let seen = self.counts.get(norm).copied().unwrap_or(0);
        let named = self.person_counts.get(norm).copied().unwrap_or(0);
        seen >= times && named * 10 < seen
    }

    /// Whether `norm`, which no name list or training name holds, is a word
    /// of running text in an inflection the training text hardly saw: after
    /// the preposition ب or ل (بافتتاح, لسكان) or with the accusative's final
    /// alif (برنامجا, فجرا). A name is neither, so the tagger's run-on ends
    /// there (حجاج عبد العظيم | برنامجا). The stem must be plainly running
    /// text, for many foreign names look the same: بيكون is not ب + يكون
    /// (prepositions govern nouns, and a noun takes the article), nor ديارا
    /// an accusative of ديار, seen four times.
    fn inflected_running_text(&self, norm: &str) -> bool {
        let known_name = self.person_counts.contains_key(norm)
            || self.gazetteer.name_role(norm).is_some()
            || self.gazetteer.is_given_name(norm);
        if known_name {
            return false;
        }
        let plainly = |stem: &str| stem.chars().count() >= 3 && self.running_text(stem, 8);
        let after_preposition = norm
            .strip_prefix(['ب', 'ل'])
            .filter(|stem| stem.chars().count() >= 3 && !stem.starts_with('ي'))
            .is_some_and(|stem| plainly(stem) || self.running_text(&format!("ال{stem}"), 3));
        let accusative = norm.strip_suffix('ا').is_some_and(plainly);
        after_preposition || accusative
    }

    /// Whether `last`, a word with the article that the tagger or a rule
    /// kept in a name, is a family name there however common the word is
    /// in running text: after a word of a name list if Wikidata's people
    /// bear it as a surname (خالد | الشهري "monthly", بدران | العمر
    /// "age"), and after a common given name in any case (محمد | السلطان
    /// "the sultan"), the way most Gulf names are written. The tagger
    /// itself seldom runs a given name on into such a word (محمد | الثلاثاء
    /// it leaves), so a kept one is the name's.
    pub(super) fn family_name(&self, before: &str, last: &str) -> bool {
        // Any role of Wikidata's includes its given names (`given_name`).
        let listed = || {
            self.gazetteer.name_role(before).is_some()
                && self.gazetteer.name_role(last) == Some(super::gazetteer::NameRole::Surname)
        };
        last.starts_with("ال") && (self.gazetteer.is_given_name(before) || listed())
    }

    /// Whether a name list holds `norm` as a given name.
    fn given_name(&self, norm: &str) -> bool {
        self.gazetteer.is_given_name(norm)
            || self.gazetteer.name_role(norm) == Some(super::gazetteer::NameRole::Given)
    }

    /// Drops from the end of a person's name, whichever rule made it, words
    /// of running text (محمد سيد عدنان | لا), inflected ones included; and
    /// drops a "person" that is only the crown prince's title.
    pub(super) fn trim_person_tails<S: AsRef<str>>(
        &self,
        paragraphs: &[S],
        mentions: &mut Vec<Mention>,
    ) {
        // Nor is the title alone a person: يستقبل ولي العهد.
        mentions.retain(|m| {
            let after = paragraphs[m.paragraph]
                .as_ref()
                .get(m.range.end..)
                .unwrap_or("");
            !(m.kind == Kind::Person
                && m.norms.len() == 1
                && opens_crown_prince(&m.norms[0], after))
        });
        for m in mentions.iter_mut().filter(|m| m.kind == Kind::Person) {
            while m.norms.len() >= 2 {
                let last = &m.norms[m.norms.len() - 1];
                let common = self.running_text(last, 3) || self.inflected_running_text(last);
                let before = &m.norms[m.norms.len() - 2];
                // What the name's own rules put there stays: a word after
                // a connector (عبد | الواحد), an initial (هشام ل.), a
                // regnal number (عبد الله | الثاني).
                let bound = CONNECTORS.contains(&super::features::conj(before))
                    || self.family_name(super::features::conj(before), last)
                    || (last == "." && before.chars().count() == 1)
                    || (ORDINALS.contains(&last.as_str()) && self.given_name(before))
                    || (last == "عشر" && ORDINALS.contains(&before.as_str()));
                if bound {
                    break;
                }
                let text = paragraphs[m.paragraph].as_ref();
                let span = text.get(m.range.clone()).unwrap_or("");
                let word = &m.words[m.words.len() - 1];
                if !(common || opens_crown_prince(last, text.get(m.range.end..).unwrap_or("")))
                    || !span.ends_with(word.as_str())
                {
                    break;
                }
                let kept = span[..span.len() - word.len()].trim_end();
                m.range.end = m.range.start + kept.len();
                m.words.pop();
                m.norms.pop();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::features::{sentence_info, tagger_word, Counts};
    use crate::entities::gazetteer::Gazetteer;

    fn info(sentence: &str) -> Vec<TokenInfo> {
        let words: Vec<String> = sentence.split(' ').map(tagger_word).collect();
        sentence_info(&words, &Gazetteer::builtin(), &Counts::default())
    }

    #[test]
    fn connectors_carry_names_on() {
        let common = |t: &TokenInfo| matches!(&*t.norm, "الواحد" | "قال" | "الحكومه" | "لا");
        // (sentence, end of the name as tagged, end after extend_name)
        let cases = [
            // After عبد any word is the name's, however common elsewhere.
            ("محمد عبد الواحد قال", 2, 3),
            // After a weak connector (دي is also a word), only a name word.
            ("جان دي الحكومه", 2, 2),
            // The article of a Romance particle binds: دو لا | سابليير.
            ("جان مارك دو لا سابليير", 3, 5),
            // A connector after the name carries it on (ولد, ابو, بن).
            ("محمد لمين ولد سلامه ممثلا", 2, 4),
            ("احمد ابو غزه", 1, 3),
            // Not with و: a second person.
            ("احمد وابو علي", 1, 1),
            // A regnal number after a given name, from the eleventh on with
            // عشر; not after a surname, nor a lone الحادي.
            ("لويس التاسع قاد", 1, 2),
            ("لويس السادس عشر قاد", 1, 3),
            ("لويس العاشر عشر", 1, 2),
            ("لويس الحادي قاد", 1, 1),
            ("هدف ميسي الثاني", 2, 2),
        ];
        for (sentence, b, want) in cases {
            let info = info(sentence);
            let covered = vec![false; info.len()];
            assert_eq!(extend_name(&info, &covered, b, common), want, "{sentence}");
        }
    }

    #[test]
    fn inflected_running_text_ends_names() {
        let ext = Extractor::builtin().unwrap();
        let cases = [
            // A preposition on a noun of running text.
            ("بنادي", true),
            ("لسكان", true),
            // The accusative's alif on a noun of running text.
            ("برنامجا", true),
            ("فجرا", true),
            // Foreign names that look the same: ب + a verb, ك + إلا, an
            // accusative of a word seen four times, a name's accusative.
            ("بيكون", false),
            ("كالا", false),
            ("ديارا", false),
            ("محمدا", false),
            // A name Wikidata knows, whatever it looks like.
            ("بشاره", false),
        ];
        for (word, want) in cases {
            assert_eq!(ext.inflected_running_text(word), want, "{word}");
        }
    }

    #[test]
    fn names_lose_the_connectors_they_end_on() {
        assert_eq!(without_trailing_connectors(&info("محمد عبد ."), 0, 2), 1);
        assert_eq!(without_trailing_connectors(&info("ابو ."), 0, 1), 0);
        assert_eq!(
            without_trailing_connectors(&info("عايشه بنت ابي ."), 0, 3),
            1
        );
        assert_eq!(without_trailing_connectors(&info("شينزو ابي ."), 0, 2), 2);
    }
}
