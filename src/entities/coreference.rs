//! Short names in an article taken for the one full name they shorten.
//!
//! News names a person in full once and then by surname (محمد العمري, then
//! العمري) or, less often, by given name. Left alone, every such surname
//! became one corpus-wide "person": in a Gulf archive الشهري or العمري
//! gathers every article about anyone of the family, and led the list of
//! persons. Within one article the full name says who is meant, so the short
//! mention takes it before the corpus is clustered; where the article names
//! two people it may shorten (محمد العمري and سعيد العمري), the one named
//! last before it.
//! The short mention keeps its place in the text (what the reader
//! highlights) but takes the full name's words, so its entity's variants
//! are the full names' spellings.

use super::extract::{Kind, Mention};
use super::features::conj;

/// Words after which a name goes on with someone else's (a father's, a
/// child's, a family's): ابو (ابا), ام, ابن, بن, بنت, آل, ولد, and عبد, whose
/// next word is no name by itself. مشعل is not فيصل بن مشعل, nor محمد
/// أبو محمد.
pub(super) const KIN_CONNECTORS: &[&str] =
    &["ابو", "ابا", "ام", "ابن", "بن", "بنت", "ال", "ولد", "عبد"];

/// A mention's words without a leading conjunction و/ف, as compared.
fn bare(m: &Mention) -> Vec<&str> {
    m.norms.iter().map(|w| conj(w)).collect()
}

/// Whether `short` is how `long` is shortened: its last words (not after
/// a kin connector), or its first word alone.
fn shortens(short: &[&str], long: &[&str]) -> bool {
    if short.len() >= long.len() {
        return false;
    }
    let at = long.len() - short.len();
    let surname = long[at..] == *short && !KIN_CONNECTORS.contains(&long[at - 1]);
    let given = short.len() == 1 && long[0] == short[0] && !KIN_CONNECTORS.contains(&short[0]);
    surname || given
}

/// Gives each short person mention the words of the longer person name of
/// the article it shortens: the one there is, or, of several, the last
/// named before it (news goes on by surname with the person it named
/// last); none before it, it stays. Either way the article is listed only
/// under persons it names in full. Its place in the text stays.
pub(super) fn link_short_names(mentions: &mut [Mention]) {
    let persons: Vec<(usize, Vec<&str>)> = (0..mentions.len())
        .filter(|&i| mentions[i].kind == Kind::Person)
        .map(|i| (i, bare(&mentions[i])))
        .collect();
    let mut changes: Vec<(usize, usize)> = Vec::new();
    for (i, short) in &persons {
        let mut first: Option<(usize, &[&str])> = None;
        let mut several = false;
        let mut last_before: Option<usize> = None;
        for (j, long) in persons.iter().filter(|(_, long)| shortens(short, long)) {
            match first {
                Some((_, seen)) if seen != long.as_slice() => several = true,
                Some(_) => {}
                None => first = Some((*j, long)),
            }
            if j < i {
                last_before = Some(*j);
            }
        }
        let target = if several {
            last_before
        } else {
            first.map(|f| f.0)
        };
        if let Some(j) = target {
            changes.push((*i, j));
        }
    }
    for (i, j) in changes {
        let (words, norms) = (mentions[j].words.clone(), mentions[j].norms.clone());
        mentions[i].words = words;
        mentions[i].norms = norms;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(words: &str) -> Mention {
        let w: Vec<String> = words.split(' ').map(str::to_owned).collect();
        Mention {
            kind: Kind::Person,
            paragraph: 1,
            range: 0..words.len(),
            words: w.clone(),
            norms: w,
        }
    }

    fn linked(names: &[&str]) -> Vec<String> {
        let mut mentions: Vec<Mention> = names.iter().map(|n| person(n)).collect();
        link_short_names(&mut mentions);
        mentions.iter().map(|m| m.norms.join(" ")).collect()
    }

    #[test]
    fn a_short_name_takes_the_one_full_name_it_shortens() {
        let cases: &[(&[&str], &[&str])] = &[
            // A surname, and a given name, after the full name or before it.
            (
                &["محمد العمري", "العمري", "محمد"],
                &["محمد العمري", "محمد العمري", "محمد العمري"],
            ),
            (&["العمري", "محمد العمري"], &["محمد العمري", "محمد العمري"]),
            // With the conjunction: the same name.
            (&["محمد العمري", "والعمري"], &["محمد العمري", "محمد العمري"]),
            // Two people it may shorten: the last named before it; none
            // before it, it stays.
            (
                &["محمد العمري", "سعيد العمري", "العمري"],
                &["محمد العمري", "سعيد العمري", "سعيد العمري"],
            ),
            (
                &["العمري", "محمد العمري", "سعيد العمري"],
                &["العمري", "محمد العمري", "سعيد العمري"],
            ),
            // After بن, أبو the rest is another's name.
            (&["فيصل بن مشعل", "مشعل"], &["فيصل بن مشعل", "مشعل"]),
            (&["ابو محمد", "محمد"], &["ابو محمد", "محمد"]),
        ];
        for (names, want) in cases {
            assert_eq!(linked(names), *want, "{names:?}");
        }
    }
}
