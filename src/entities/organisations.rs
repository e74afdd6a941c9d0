//! Organisations', buildings' and contests' names: the head words that open
//! them (نادي, مستشفى, كأس), and whether a person or place stands inside
//! one (نادي ريال مدريد, مسجد ابن طولون, كأس الخليج), where it is no
//! mention of itself.

use super::extract::Kind;
use super::features::TokenInfo;
use crate::text::bears_article;

/// Words that open an organisation's or a team's name, normalized, without
/// proclitics (نادي, لنادي, والفريق all count).
const ORGANISATION_HEADS: &[&str] = &[
    "نادي",
    "النادي",
    "فريق",
    "الفريق",
    "منتخب",
    "المنتخب",
    "شركه",
    "الشركه",
    "صحيفه",
    "الصحيفه",
    "جريده",
    "الجريده",
    "جامعه",
    "الجامعه",
    "بنك",
    "البنك",
    "مصرف",
    "مستشفي",
    "مطار",
    "قناه",
    "القناه",
    "وكاله",
    "الوكاله",
    "مجموعه",
    "مؤسسه",
    "موسسه",
    "حزب",
    "الحزب",
    "حركه",
    "الحركه",
];

/// Words that open the name of a building, a street, an institution, a
/// prize or a contest named for someone (مسجد ابن طولون, شارع الملك فهد,
/// مركز الملك عبدالعزيز, جائزة نجيب محفوظ, دوري عبداللطيف جميل): no
/// mention of the person. A place after one stays a place (جامع دمشق is
/// in Damascus). Not طريق ("by way of": عن طريق مروان الشماخ) nor بطولة
/// ("starring": بطولة نور الشريف) but before a title: see
/// [`TITLED_HEADS`]. Halls, parks, medals and chairs are named so in the
/// Gulf (قاعة الملك فيصل, وسام الملك عبدالعزيز, كرسي الأمير نايف).
const FACILITY_HEADS: &[&str] = &[
    "مسجد",
    "جامع",
    "مدرسه",
    "معهد",
    "كليه",
    "مركز",
    "مكتبه",
    "مجمع",
    "جمعيه",
    "هييه",
    "ملعب",
    "استاد",
    "ستاد",
    "قاعه",
    "صاله",
    "حديقه",
    "متحف",
    "وسام",
    "قلاده",
    "كرسي",
    "شارع",
    "جسر",
    "ميدان",
    "حي",
    "ميناء",
    "قاعده",
    "مدينه",
    "قصر",
    "برج",
    "جايزه",
    "كاس",
    "دوري",
    "مهرجان",
    "مسابقه",
];

/// The heads of sports contests, whose names hold places (see
/// [`inside_organisation_at`]).
const CONTEST_HEADS: &[&str] = &["كاس", "دوري", "بطوله", "رالي", "مسابقه"];

/// Heads that name something for someone only before a title: طريق
/// الملك عبدالعزيز is a road, عن طريق مروان الشماخ "by way of" him;
/// بطولة الأمير فيصل a cup, بطولة نور الشريف a film "starring" him.
const TITLED_HEADS: &[&str] = &["طريق", "بطوله"];

/// Whether a span of `kind` starting at token `a` is inside an
/// organisation's name: right after its head word (منتخب مصر), after the
/// head and a title (جامعة الملك سعود), for a person after a building's or a
/// street's head (مسجد ابن طولون), or, for a place, after the head and
/// one plain word (نادي ريال مدريد). A person after the head and a word is
/// the organisation's man: رئيس نادي الهلال محمد بن فيصل.
pub(super) fn inside_organisation(info: &[TokenInfo], a: usize, kind: Kind) -> bool {
    inside_organisation_at(|k| &info[k], a, kind)
}

/// [`inside_organisation`] over tokens `at` gives by index (the corpus-wide
/// pass keeps them in a cache, not a slice).
pub(super) fn inside_organisation_at<'a>(
    at: impl Fn(usize) -> &'a TokenInfo,
    a: usize,
    kind: Kind,
) -> bool {
    let head = |k: usize| a >= k && organisation_head(at(a - k));
    // A head with the article is in no construct with a name after it:
    // مدرب الفريق سامي الجابر is the team's coach, مدير الجامعة الدكتور
    // بدران العمر its head. Its own name is then an adjective, definite
    // like it (النادي الأهلي).
    let apposed = |k: usize| definite(at(a - k)) && !definite(at(a));
    let plain = |t: &TokenInfo| {
        t.shape == 'a' && t.clitic.is_empty() && !t.place && !t.person_trigger && !t.given
    };
    // A building's head is in the construct state, never with the article:
    // البطولة محمد is "the championship, Mohammed ...".
    let facility = |k: usize| {
        a >= k && {
            let t = at(a - k);
            is_head(FACILITY_HEADS, t) && !definite(t)
        }
    };
    let titled = a >= 2 && {
        let t = at(a - 2);
        is_head(TITLED_HEADS, t) && !definite(t) && at(a - 1).person_trigger
    };
    // A place in construct with a contest is part of its name, through
    // أبطال too: كأس الخليج, بطولة فرنسا المفتوحة, دوري أبطال آسيا, رالي
    // داكار; no mention of the region, country or city.
    let contest = |k: usize| {
        a >= k && {
            let t = at(a - k);
            is_head(CONTEST_HEADS, t) && !definite(t)
        }
    };
    let event = kind == Kind::Place && (contest(1) || (contest(2) && at(a - 1).conj() == "ابطال"));
    let person = kind == Kind::Person;
    event
        || (head(1) && !(person && apposed(1)))
        || (person && (facility(1) || (facility(2) && at(a - 1).person_trigger) || titled))
        || (head(2) && at(a - 1).person_trigger && !(person && definite(at(a - 2))))
        || (kind == Kind::Place && head(2) && plain(at(a - 1)))
}

/// Whether a word bears the article, after a conjunction or a preposition
/// or not (الفريق, والفريق, بالجامعة).
pub(super) fn definite(t: &TokenInfo) -> bool {
    t.conj().starts_with("ال") || bears_article(t.clitic)
}

/// Whether a token is an organisation's head word (نادي, وكالة, منتخب).
fn organisation_head(t: &TokenInfo) -> bool {
    is_head(ORGANISATION_HEADS, t)
}

/// Whether a word with the article (normalized) is the head of an
/// organisation's or a building's name: المسجد, المستشفي, النادي. Such a
/// word is no part of a person's name (سلمان بن سلطان | المسجد النبوي).
pub(super) fn definite_head(word: &str) -> bool {
    word.strip_prefix("ال")
        .is_some_and(|bare| ORGANISATION_HEADS.contains(&bare) || FACILITY_HEADS.contains(&bare))
}

/// Whether a token is one of `heads`, with or without its proclitics.
fn is_head(heads: &[&str], t: &TokenInfo) -> bool {
    heads.contains(&t.core()) || heads.contains(&&*t.norm)
}
