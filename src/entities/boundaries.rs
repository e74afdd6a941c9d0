//! Where a person's name starts and ends when the tagger cut it short or
//! ran it on: initials, surnames after given names, halves joined, stray
//! words trimmed.

use super::extract::{Extractor, Kind, Mention};
use super::features::TokenInfo;

/// Carries a person's name on over what the tagger cut off: an initial and
/// its period (هشام ل.: news abbreviates surnames it withholds), and a
/// surname after a name that ends in a common given name (ادريس | جطو): a
/// word the training text hardly saw, no title, place, adjective of origin
/// or conjunction.
pub(super) fn extend_name(info: &[TokenInfo], covered: &[bool], b: usize) -> usize {
    let Some(t) = info.get(b).filter(|t| t.shape == 'a' && !covered[b]) else {
        return b;
    };
    if t.norm.chars().count() == 1 && info.get(b + 1).is_some_and(|n| n.norm == ".") {
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
        && t.norm.chars().count() >= 3;
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
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    for m in mentions.drain(..) {
        if let Some(prev) = out.last_mut() {
            let text = paragraphs[m.paragraph].as_ref();
            let between = text.get(prev.range.end..m.range.start).unwrap_or("x");
            // A conjunction or the preposition with the article (للخور: "to
            // al-Khor") opens another phrase, not the rest of a name.
            let conjunction = (m.norms[0].starts_with(['و', 'ف'])
                && super::features::core(&m.norms[0]) != m.norms[0])
                || m.norms[0].starts_with("لل");
            if prev.kind == Kind::Person
                && m.kind == Kind::Person
                && prev.paragraph == m.paragraph
                && between.trim().is_empty()
                && !conjunction
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

impl Extractor {
    /// Drops from the end of a person's name, whichever rule made it, words
    /// the training text saw often and hardly ever in a name (محمد سيد عدنان
    /// | لا); annotated text has the odd stray tag, so not "never".
    pub(super) fn trim_person_tails<S: AsRef<str>>(
        &self,
        paragraphs: &[S],
        mentions: &mut [Mention],
    ) {
        for m in mentions.iter_mut().filter(|m| m.kind == Kind::Person) {
            while m.norms.len() >= 2 {
                let last = &m.norms[m.norms.len() - 1];
                let seen = self.counts.get(last).copied().unwrap_or(0);
                let named = self.person_counts.get(last).copied().unwrap_or(0);
                let common = seen >= 3 && named * 10 < seen;
                let text = paragraphs[m.paragraph].as_ref();
                let span = text.get(m.range.clone()).unwrap_or("");
                let word = &m.words[m.words.len() - 1];
                if !common || !span.ends_with(word.as_str()) {
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
