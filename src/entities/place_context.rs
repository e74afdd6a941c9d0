//! Where the text says a place stands: after a word for a seat (محافظة
//! الطائف), a word or preposition that announces one (مدينة, إلى), beside a
//! coordinated place, or in a list of places a plural announces (محافظات
//! تبوك وضباء). Rules weigh a gazetteer name that is also a word by it.

use super::extract::Kind;
use super::features::TokenInfo;

/// Whether token `i` names the town a word for one is in construct with:
/// محافظة الطائف, مدينة الخبر, قرية, بلدة. There a town's name is one
/// even if running text mostly uses it as a word (ANERcorp has الطائف
/// only in اتفاق الطائف, tagged O; الخبر is "the news").
pub(super) fn seat_named(info: &[TokenInfo], i: usize) -> bool {
    i.checked_sub(1).is_some_and(|j| {
        matches!(info[j].conj(), "مدينه" | "محافظه" | "بلده" | "قريه")
            && matches!(info[i].clitic, "" | "ال")
    })
}

/// The plurals of the words for divisions and towns, normalized.
const DIVISION_PLURALS: &[&str] = &["مناطق", "محافظات", "مدن", "بلدات", "قري", "عواصم"];

/// Whether token `i` is a member of a list of places that the plural of a
/// division or town word announces (محافظات تبوك وضباء والوجه وأملج وحقل):
/// the earlier members are places, joined by و or a comma, back to the
/// plural. There a town that is also a word (الوجه "the face", حقل "field")
/// is the town, however often training saw the word.
pub(super) fn in_announced_list(info: &[TokenInfo], kinds: &[Option<Kind>], i: usize) -> bool {
    let is_place = |j: usize| kinds.get(j).copied().flatten() == Some(Kind::Place);
    let mut j = i;
    loop {
        let Some(before) = j.checked_sub(1) else {
            return false;
        };
        if DIVISION_PLURALS.contains(&info[before].conj()) {
            return true;
        }
        j = if info[j].has_conjunction() && is_place(before) {
            before
        } else if &*info[before].norm == "،" && before > 0 && is_place(before - 1) {
            before - 1
        } else {
            return false;
        };
    }
}

/// Whether token `i` stands where a place does: after a word that announces
/// one (مدينة, العاصمة) or a preposition of motion or position (إلى, نحو,
/// داخل), or coordinated with a place (طهران وكيف, كيف وموسكو).
pub(super) fn place_context(info: &[TokenInfo], kinds: &[Option<Kind>], i: usize) -> bool {
    let is_place = |j: usize| kinds.get(j).copied().flatten() == Some(Kind::Place);
    let before = i.checked_sub(1).map(|j| &info[j]);
    let announced = before.is_some_and(|b| {
        b.place_trigger
            // The plurals of the words for divisions and towns open a list
            // of them (مناطق جازان وعسير, مدن القصيم); they are no tagger
            // triggers, which would need retraining.
            || DIVISION_PLURALS.contains(&b.conj())
            || matches!(
                &*b.norm,
                "الي"
                    | "نحو"
                    | "داخل"
                    | "خارج"
                    | "قرب"
                    | "شمال"
                    | "جنوب"
                    | "شرق"
                    | "غرب"
            )
    });
    let coordinated = (info[i].has_conjunction() && i > 0 && is_place(i - 1))
        || info.get(i + 1).is_some_and(|n| n.has_conjunction()) && is_place(i + 1)
        || (i >= 2 && &*info[i - 1].norm == "،" && is_place(i - 2));
    announced || coordinated
}
