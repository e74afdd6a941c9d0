//! Known places of several words, matched longest first over the tagger's
//! spans.
//!
//! The tagger sees one word at a time, so a place the gazetteer knows as a
//! whole comes out cut to a part (جنوب | أفريقيا), missed (لوس أنجلوس,
//! كوالا لمبور), or taken for a person's name (بوينس آيرس). A match of the
//! whole spelling, two to four words, settles it, unless the words belong
//! to something else the tagger found: an organisation's or a work's name,
//! a longer span, or a person Wikidata knows by these words.

use super::boundaries::binds;
use super::extract::Kind;
use super::features::TokenInfo;
use super::gazetteer::Gazetteer;
use super::organisations::inside_organisation;

/// Marks the tokens of places of several words the gazetteer knows, longest
/// first and left to right (see [`TokenInfo::place_span`]): the matches
/// [`multiword_places`] settles.
pub fn mark_places(info: &mut [TokenInfo], gaz: &Gazetteer) {
    let mut buf = String::new();
    let mut marks = vec!["-"; info.len()];
    let mut i = 0;
    while i + 1 < info.len() {
        let n = match_at(gaz, info, i, &mut buf);
        if n >= 2 {
            marks[i] = "B";
            marks[i + 1..i + n].iter_mut().for_each(|m| *m = "I");
            i += n;
        } else {
            i += 1;
        }
    }
    for (t, m) in info.iter_mut().zip(marks) {
        t.place_span = m;
    }
}

/// The places of several words marked in a sentence that may stand as
/// places: `a..b` token ranges.
pub(super) fn multiword_places(
    info: &[TokenInfo],
    kinds: &[Option<Kind>],
    begins: &[bool],
    blocked: &[bool],
    common: impl Fn(&TokenInfo) -> bool,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for a in (0..info.len()).filter(|&a| info[a].place_span == "B") {
        let b = a
            + 1
            + info[a + 1..]
                .iter()
                .take_while(|t| t.place_span == "I")
                .count();
        if may_stand(info, kinds, begins, blocked, a, b)
            // Words of running text alone, with nothing tagged (أمام صاحب
            // "before the owner" is also a town in Afghanistan).
            && !(kinds[a..b].iter().all(Option::is_none) && info[a..b].iter().all(&common))
        {
            out.push((a, b));
        }
    }
    out
}

/// How many words from token `i` a known place spans; the first word may
/// carry proclitics (والدار البيضاء, ببوينس آيرس). Tokens' words are
/// normalized with a final ى folded, as the gazetteer's spellings are.
fn match_at(gaz: &Gazetteer, info: &[TokenInfo], i: usize, buf: &mut String) -> usize {
    if !gaz.continues_place(&info[i + 1].norm) {
        return 0;
    }
    let t = &info[i];
    let rest: Vec<&str> = info[i + 1..].iter().take(3).map(|t| &*t.norm).collect();
    let mut best = 0;
    let mut last = "";
    for first in [&*t.norm, t.conj(), t.core()] {
        if first != last {
            best = best.max(gaz.place_at(first, &rest, buf));
            last = first;
        }
    }
    // بالدار البيضاء: the core lost the article the place is listed with.
    if t.clitic.len() > "ال".len() && t.clitic.ends_with("ال") {
        let with_article = format!("ال{}", t.core());
        best = best.max(gaz.place_at(&with_article, &rest, buf));
    }
    best
}

/// Whether tokens `a..b` may be marked as one place.
fn may_stand(
    info: &[TokenInfo],
    kinds: &[Option<Kind>],
    begins: &[bool],
    blocked: &[bool],
    a: usize,
    b: usize,
) -> bool {
    // A span the tagger found that runs into the match from outside it.
    let crosses = |at: usize| {
        at > 0
            && at < kinds.len()
            && kinds[at].is_some()
            && kinds[at] == kinds[at - 1]
            && !begins[at]
    };
    let person = kinds[a..b].contains(&Some(Kind::Person));
    let untagged = kinds[a..b].iter().all(Option::is_none);
    let near_person = |j: Option<usize>| {
        j.and_then(|j| kinds.get(j))
            .is_some_and(|k| *k == Some(Kind::Person))
    };
    // An organisation's or a work's name that is all or part of the match
    // is the tagger's guess at it (ANERcorp tags لوس أنجلوس as a work's
    // name where it opens one); one that runs on past it is a longer name.
    let blocked_out = |at: usize| at > 0 && at < blocked.len() && blocked[at] && blocked[at - 1];
    !blocked_out(a)
        && !blocked_out(b)
        && !crosses(a)
        && !crosses(b)
        && !inside_organisation(info, a, Kind::Place)
        && !info[a..b].iter().any(|t| t.quoted)
        // A person's name becomes a place only if it is the whole match
        // (not صالح in أن صالح), and Wikidata does not know a person by
        // these words, and it opens with no given name (صلاح الدين; the
        // connector of أبو ظبي is no given name).
        && !(person
            && (kinds[a..b].iter().any(|k| *k != Some(Kind::Person))
                || info[a].full_name == "B"
                || (info[a].given && !binds(info, a))))
        && !(untagged && (near_person(a.checked_sub(1)) || near_person(Some(b))))
}
