//! Features of a token in its sentence, hashed for the perceptron.
//!
//! The same code serves training (ANERcorp tokens) and tagging (our
//! tokenizer's tokens): the word, its clitic-stripped core, affixes,
//! neighbours, gazetteer membership, title and place triggers, nisba shape,
//! quotation, and the tags already given to the previous tokens.

use super::gazetteer::{Gazetteer, NameRole};
use super::model::feature;
pub use super::multiword::mark_places;
use crate::text::PROCLITICS;

/// What is known of one token before tagging.
#[derive(Debug, Clone)]
pub struct TokenInfo {
    /// Normalized word (or the punctuation itself, or `0` for numbers).
    pub norm: std::sync::Arc<str>,
    /// Where in `norm` the word without a leading conjunction و/ف starts.
    conj_at: usize,
    /// Where in `norm` the word without its longest plausible proclitic
    /// sequence starts.
    core_at: usize,
    /// The proclitic sequence removed to get the core.
    pub clitic: &'static str,
    /// `a` Arabic, `l` Latin, `n` number, `p` punctuation, `m` mixed.
    pub shape: char,
    /// The word or its core names a known place.
    pub place: bool,
    /// The word introduces a person (الرئيس, وزير ...).
    pub person_trigger: bool,
    /// The word introduces a place (مدينة, العاصمة ...).
    pub place_trigger: bool,
    /// An adjective of origin from a known place (الروسي, الكازاخستانية).
    pub nisba: bool,
    /// Inside a short quotation (four words at most): a quoted name, like a
    /// channel's or a group's, rather than quoted speech.
    pub quoted: bool,
    /// Seen at most twice in the training text: how names unseen in training
    /// look to the tagger, so their features generalize.
    pub rare: bool,
    /// A common given name (the gazetteer's list): what opens most persons'
    /// names, including the ones no training text saw.
    pub given: bool,
    /// What Wikidata's people bear the word (or it without و/ف) as: `g`,
    /// `s`, `u`, or `-` for no one.
    pub name_role: &'static str,
    /// The word or its core names a town GeoNames knows.
    pub town: bool,
    /// The final ى or ئ the word was written with (see [`tagger_word`]),
    /// which `norm` folds into ي; empty for any other word.
    pub final_mark: &'static str,
    /// Where the token stands in a full name Wikidata knows: `-` outside,
    /// `B` first word, `I` after.
    pub full_name: &'static str,
    /// Where the token stands in a place of several words the gazetteer
    /// knows (see `multiword.rs`): `-` outside, `B` first word, `I` after.
    /// No tagger feature: as one, it lowered the folds' F1 (persons .783 to
    /// .775, places .856 to .854).
    pub place_span: &'static str,
    /// With the article its proclitic holds (بالرياض, للقاهرة), the word
    /// is a place the gazetteer names with the article, which `place`
    /// (looking at the bare core رياض) misses. No tagger feature: the rules
    /// use it, so the model needs no retraining for it.
    pub article_place: bool,
    /// The same for GeoNames' towns, and a town behind the conjunction
    /// (والباحة, بالقطيف), which `town` (word or bare core) misses; for the
    /// rules only, like `article_place`.
    pub article_town: bool,
    /// How the word stands in Ayaspell's dictionary of ordinary words (see
    /// `ordinary.rs`): `l` listed, `i` inflected, `-` not, or not Arabic.
    pub ordinary: &'static str,
}

impl TokenInfo {
    /// Whether the word opens with the conjunction و or ف.
    pub fn has_conjunction(&self) -> bool {
        self.conj_at > 0
    }
}

/// A word as the tagger sees it: normalized, except that a final ى or ئ
/// the writer wrote stays. Normalizing folds both into ي, and the tagger
/// then took على ("on") for the name علي and هادئ ("calm") for هادي: "على
/// سبيل المثال" was the second person of the scale corpus. Writers who
/// write ى or ئ keep the words apart.
pub fn tagger_word(written: &str) -> String {
    let norm = crate::text::normalize_str(written);
    match keep_final_maksura(written, &norm) {
        std::borrow::Cow::Owned(s) => s,
        std::borrow::Cow::Borrowed(_) => norm,
    }
}

/// `norm` (normalized from `written`, or a suffix of it) with its final ي
/// turned back into the ى or ئ that `written` ends with, if it does.
pub fn keep_final_maksura<'a>(written: &str, norm: &'a str) -> std::borrow::Cow<'a, str> {
    let last = written.chars().rev().find(|c| !crate::text::is_harakah(*c));
    match (last, norm.strip_suffix('ي')) {
        (Some(c @ ('ى' | 'ئ')), Some(stem)) => std::borrow::Cow::Owned(format!("{stem}{c}")),
        _ => std::borrow::Cow::Borrowed(norm),
    }
}

/// A tagger word with a final ى or ئ folded back into ي, as the lexicons
/// spell (they are normalized).
pub fn fold_final_maksura(word: &str) -> std::borrow::Cow<'_, str> {
    match word.strip_suffix(['ى', 'ئ']) {
        Some(stem) => std::borrow::Cow::Owned(format!("{stem}ي")),
        None => std::borrow::Cow::Borrowed(word),
    }
}

/// The final letter a tagger word keeps apart from ي, if any.
fn final_mark_of(word: &str) -> &'static str {
    match word.chars().last() {
        Some('ى') => "ى",
        Some('ئ') => "ئ",
        _ => "",
    }
}

/// How often each normalized word occurred in the training text.
pub type Counts = rustc_hash::FxHashMap<String, u32>;

impl TokenInfo {
    /// The word without a leading conjunction و/ف.
    pub fn conj(&self) -> &str {
        &self.norm[self.conj_at..]
    }

    /// The word without its longest plausible proclitic sequence.
    pub fn core(&self) -> &str {
        &self.norm[self.core_at..]
    }
}

/// The nisba suffixes, longest first (normalized: ة → ه).
const NISBA_SUFFIXES: &[&str] = &["يين", "يون", "يه", "ي"];

/// The place a nisba adjective derives from, if it is one: الروسي → روسيا.
/// With the article, a word is a nisba even if its bare form is also a place's
/// spelling (السورية is Syrian, سورية may be Syria), unless the gazetteer lists
/// the article form itself (السعودية).
pub fn nisba_base(norm: &str, gaz: &Gazetteer) -> Option<String> {
    let bare = match norm.strip_prefix("ال") {
        Some(bare) if !gaz.is_place(norm) || gaz.is_place(bare) => bare,
        Some(_) => return None,
        None if gaz.is_place(norm) => return None,
        None => norm,
    };
    for suffix in NISBA_SUFFIXES {
        if let Some(base) = bare.strip_suffix(suffix) {
            if base.chars().count() < 2 {
                continue;
            }
            let mut candidate = String::with_capacity(base.len() + 8);
            for ending in ["يا", "ا", "ستان", ""] {
                candidate.clear();
                candidate.push_str(base);
                candidate.push_str(ending);
                if gaz.is_place(&candidate) {
                    return Some(candidate);
                }
            }
            // A place named with the article: العراقي → العراق, اليمنية →
            // اليمن.
            candidate.clear();
            candidate.push_str("ال");
            candidate.push_str(base);
            if gaz.is_place(&candidate) {
                return Some(candidate);
            }
        }
    }
    None
}

fn shape_of(word: &str) -> char {
    let (mut arabic, mut latin, mut digit, mut other) = (false, false, false, false);
    for c in word.chars() {
        match c {
            '0'..='9' => digit = true,
            'a'..='z' | 'A'..='Z' => latin = true,
            '\u{0600}'..='\u{06FF}' => arabic = true,
            _ => other = true,
        }
    }
    match (arabic, latin, digit, other) {
        (true, false, false, _) => 'a',
        (false, true, false, _) => 'l',
        (false, false, true, _) => 'n',
        (false, false, false, _) => 'p',
        _ => 'm',
    }
}

/// A normalized word without a leading conjunction و/ف, if three letters or
/// more remain.
pub fn conj(norm: &str) -> &str {
    match norm.strip_prefix(['و', 'ف']) {
        Some(rest) if rest.chars().count() >= 3 => rest,
        _ => norm,
    }
}

/// A normalized word without its longest proclitic sequence that leaves three
/// letters or more.
pub fn core(norm: &str) -> &str {
    core_of(norm).1
}

fn core_of(norm: &str) -> (&'static str, &str) {
    for &p in PROCLITICS {
        if let Some(stem) = norm.strip_prefix(p) {
            if stem.chars().count() >= 3 {
                return (p, stem);
            }
        }
    }
    ("", norm)
}

fn is_quote(s: &str) -> bool {
    matches!(s, "\"" | "«" | "»" | "“" | "”" | "'" | "‘" | "’")
}

/// Marks the tokens inside short quotations: between two quote marks with
/// at most four words between them.
pub(super) fn short_quotes(norms: &[String]) -> Vec<bool> {
    let mut marks = vec![false; norms.len()];
    let mut open: Option<usize> = None;
    for (i, n) in norms.iter().enumerate() {
        if !is_quote(n) {
            continue;
        }
        match open {
            Some(o) => {
                let words = norms[o + 1..i]
                    .iter()
                    .filter(|w| shape_of(w) != 'p')
                    .count();
                if (1..=4).contains(&words) {
                    marks[o + 1..i].iter_mut().for_each(|m| *m = true);
                }
                open = None;
            }
            None => open = Some(i),
        }
    }
    marks
}

/// Computes token information for a sentence of normalized words.
pub fn sentence_info(norms: &[String], gaz: &Gazetteer, counts: &Counts) -> Vec<TokenInfo> {
    let mut info: Vec<TokenInfo> = norms.iter().map(|n| word_info(n, gaz, counts)).collect();
    mark_quoted(norms, &mut info);
    mark_full_names(&mut info, gaz);
    mark_places(&mut info, gaz);
    info
}

/// Marks the tokens inside short quotations (see [`TokenInfo::quoted`]).
pub fn mark_quoted(norms: &[String], info: &mut [TokenInfo]) {
    for (t, q) in info.iter_mut().zip(short_quotes(norms)) {
        t.quoted = q;
    }
}

/// Marks the tokens of full names Wikidata knows (see
/// [`TokenInfo::full_name`]); the first word may carry و or ف.
pub fn mark_full_names(info: &mut [TokenInfo], gaz: &Gazetteer) {
    let mut buf = String::new();
    let mut words: Vec<&str> = Vec::with_capacity(4);
    let mut marks = vec!["-"; info.len()];
    let mut i = 0;
    while i < info.len() {
        words.clear();
        words.push(info[i].conj());
        words.extend(info[i + 1..].iter().take(3).map(|t| &*t.norm));
        let n = gaz.full_name_at(&words, &mut buf);
        if n == 0 {
            i += 1;
            continue;
        }
        marks[i] = "B";
        marks[i + 1..i + n].iter_mut().for_each(|m| *m = "I");
        i += n;
    }
    for (t, m) in info.iter_mut().zip(marks) {
        t.full_name = m;
    }
}

/// What is known of one normalized word by itself: everything in
/// [`TokenInfo`] but `quoted`, which depends on the sentence.
pub fn word_info(word: &str, gaz: &Gazetteer, counts: &Counts) -> TokenInfo {
    // The given names know which of their spellings end in ى; every other
    // lookup and feature sees the folded word.
    let norm_folded = fold_final_maksura(word);
    let norm: &str = &norm_folded;
    let final_mark = final_mark_of(word);
    let shape = shape_of(norm);
    let norm_key: std::sync::Arc<str> = if shape == 'n' {
        "0".into()
    } else {
        norm.into()
    };
    let conj = conj(&norm_key);
    let (clitic, core) = core_of(&norm_key);
    let nisba = shape == 'a' && nisba_base(conj, gaz).is_some();
    let place = !nisba
        && shape == 'a'
        && (gaz.is_place(&norm_key) || gaz.is_place(core) || gaz.is_place(conj));
    let arabic = shape == 'a';
    let trig = |f: &dyn Fn(&str) -> bool| arabic && (f(&norm_key) || f(core) || f(conj));
    let written_conj = self::conj(word);
    let definite_core =
        (arabic && !nisba && crate::text::bears_article(clitic)).then(|| format!("ال{core}"));
    let article_place = !place && definite_core.as_deref().is_some_and(|w| gaz.is_place(w));
    let town = arabic && !nisba && (gaz.is_town(&norm_key) || gaz.is_town(core));
    let article_town = arabic
        && !nisba
        && !town
        && (gaz.is_town(conj) || definite_core.as_deref().is_some_and(|w| gaz.is_town(w)));
    let ordinary = if arabic {
        gaz.ordinary(&norm_key).code()
    } else {
        "-"
    };
    TokenInfo {
        rare: arabic && counts.get(norm).copied().unwrap_or(0) <= 2,
        given: arabic && (gaz.is_given_name(word) || gaz.is_given_name(written_conj)),
        name_role: match gaz.name_role(word).or_else(|| gaz.name_role(written_conj)) {
            _ if !arabic => "-",
            Some(NameRole::Given) => "g",
            Some(NameRole::Surname) => "s",
            Some(NameRole::Unknown) => "u",
            None => "-",
        },
        town,
        person_trigger: trig(&|w| gaz.is_person_trigger(w)),
        place_trigger: trig(&|w| gaz.is_place_trigger(w)),
        nisba,
        conj_at: norm_key.len() - conj.len(),
        core_at: norm_key.len() - core.len(),
        clitic,
        norm: norm_key,
        shape,
        place,
        quoted: false,
        final_mark: if arabic { final_mark } else { "" },
        full_name: "-",
        place_span: "-",
        ordinary,
        article_place,
        article_town,
    }
}

fn prefix(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or(s, |(i, _)| &s[..i])
}

fn suffix(s: &str, n: usize) -> &str {
    let count = s.chars().count();
    if count <= n {
        return s;
    }
    s.char_indices().nth(count - n).map_or(s, |(i, _)| &s[i..])
}

const NONE: &str = "<none>";

/// The features of token `i` that do not depend on tags: its own, its
/// neighbours', and those of its context. The split lets tagging add up
/// the first two kinds once per distinct word (see `scoring.rs`); weights
/// are multiples of a power of two, so the sums are exact in any order.
pub fn static_features(info: &[TokenInfo], i: usize, out: &mut Vec<u64>) {
    let t = &info[i];
    let at = |k: isize| nearby(info, i, k);
    own_features(t, out);
    for k in NEIGHBOURS {
        neighbour_features(at(k), k, out);
    }
    if t.rare {
        for k in RARE_NEIGHBOURS {
            rare_neighbour_features(at(k), k, out);
        }
    }
    context_features(info, i, out);
}

/// The token `k` places from token `i`, if the sentence has one there.
pub fn nearby(info: &[TokenInfo], i: usize, k: isize) -> Option<&TokenInfo> {
    i.checked_add_signed(k).and_then(|j| info.get(j))
}

/// The offsets of the neighbours whose words are features.
pub const NEIGHBOURS: [isize; 4] = [-2, -1, 1, 2];
/// The offsets of the neighbours whose words are features of a rare word.
pub const RARE_NEIGHBOURS: [isize; 2] = [-1, 1];

fn flag(b: bool) -> &'static str {
    if b {
        "1"
    } else {
        "0"
    }
}

/// The features that depend only on the token itself (not `quoted`).
pub fn own_features(t: &TokenInfo, out: &mut Vec<u64>) {
    out.push(feature(0, &[]));
    out.push(feature(1, &[&t.norm]));
    out.push(feature(2, &[t.core()]));
    out.push(feature(3, &[t.conj()]));
    out.push(feature(4, &[prefix(t.core(), 2)]));
    out.push(feature(5, &[prefix(t.core(), 3)]));
    out.push(feature(6, &[suffix(t.core(), 2)]));
    out.push(feature(7, &[suffix(t.core(), 3)]));
    out.push(feature(8, &[suffix(&t.norm, 1)]));
    out.push(feature(17, &[t.clitic]));
    out.push(feature(18, &[shape_name(Some(t))]));
    out.push(feature(20, &[flag(t.place)]));
    out.push(feature(25, &[flag(t.nisba)]));
    const LENGTHS: [&str; 9] = ["0", "1", "2", "3", "4", "5", "6", "7", "8"];
    out.push(feature(27, &[LENGTHS[t.core().chars().count().min(8)]]));
    out.push(feature(28, &[flag(t.person_trigger)]));
    out.push(feature(30, &[flag(t.place), t.clitic]));
    out.push(feature(38, &[flag(t.given)]));
    if !t.final_mark.is_empty() {
        // على and علي are one word to the features above.
        out.push(feature(52, &[&t.norm, t.final_mark]));
    }
    // Wikidata's names and GeoNames' towns, weighed by the model in context.
    out.push(feature(46, &[t.name_role]));
    out.push(feature(49, &[t.name_role, flag(t.rare)]));
    out.push(feature(50, &[flag(t.town), flag(t.place)]));
    out.push(feature(51, &[flag(t.town), t.clitic]));
    // A rare word the dictionary lacks is most often a name (a foreign one
    // above all); one it lists, a word of running text.
    out.push(feature(56, &[t.ordinary, flag(t.rare)]));
    if t.rare {
        out.push(feature(31, &[]));
        out.push(feature(34, &[suffix(t.core(), 2)]));
        // Letter trigrams: how a transliterated foreign name (داستين
        // هوفمان) looks, which no word list holds.
        let letters: Vec<char> = std::iter::once('^')
            .chain(t.core().chars())
            .chain(std::iter::once('$'))
            .collect();
        let mut buf = [0u8; 12];
        for w in letters.windows(3) {
            let mut n = 0;
            for c in w {
                n += c.encode_utf8(&mut buf[n..]).len();
            }
            out.push(feature(46, &[std::str::from_utf8(&buf[..n]).unwrap_or("")]));
        }
    }
}

/// The features that a neighbour at offset `k` (one of [`NEIGHBOURS`])
/// gives by its word alone; `None` past the sentence's ends.
pub fn neighbour_features(x: Option<&TokenInfo>, k: isize, out: &mut Vec<u64>) {
    let word = x.map_or(NONE, |x| &*x.norm);
    let core = x.map_or(NONE, |x| x.core());
    // A neighbour written with a final ى is another word than its folded
    // spelling: على | سبيل is no علي | سبيل.
    let m = maksura_mark(x);
    match k {
        -1 => {
            out.push(feature(9, &[word, m]));
            out.push(feature(13, &[core, m]));
        }
        1 => {
            out.push(feature(10, &[word, m]));
            out.push(feature(14, &[core, m]));
        }
        -2 => out.push(feature(11, &[word, m])),
        _ => out.push(feature(12, &[word, m])),
    }
}

/// What tells a word written with a final ى from its folded spelling in
/// the features that see it as a neighbour.
fn maksura_mark(x: Option<&TokenInfo>) -> &'static str {
    x.map_or("", |x| x.final_mark)
}

/// The features that a neighbour at offset `k` (one of
/// [`RARE_NEIGHBOURS`]) gives a rare word by its word alone.
pub fn rare_neighbour_features(x: Option<&TokenInfo>, k: isize, out: &mut Vec<u64>) {
    let word = x.map_or(NONE, |x| &*x.norm);
    let m = maksura_mark(x);
    if k < 0 {
        out.push(feature(32, &[word, m]));
        out.push(feature(36, &[x.map_or(NONE, |x| x.core()), m]));
    } else {
        out.push(feature(33, &[word, m]));
    }
}

fn shape_name(x: Option<&TokenInfo>) -> &'static str {
    match x.map_or('_', |x| x.shape) {
        'a' => "a",
        'l' => "l",
        'n' => "n",
        'p' => "p",
        'm' => "m",
        _ => "_",
    }
}

/// The features of token `i` that combine it with its neighbours, or
/// depend on the sentence.
pub fn context_features(info: &[TokenInfo], i: usize, out: &mut Vec<u64>) {
    let t = &info[i];
    let at = |k: isize| nearby(info, i, k);
    let word = |k: isize| at(k).map_or(NONE, |x| &*x.norm);
    let shape = |k: isize| shape_name(at(k));
    out.push(feature(54, &[t.full_name]));
    out.push(feature(55, &[t.full_name, flag(t.rare)]));
    let m = |k: isize| maksura_mark(at(k));
    out.push(feature(15, &[word(-1), m(-1), &t.norm, m(0)]));
    out.push(feature(16, &[&t.norm, m(0), word(1), m(1)]));
    out.push(feature(19, &[shape(-1), shape(0), shape(1)]));
    out.push(feature(
        21,
        &[
            flag(at(-1).is_some_and(|x| x.place)),
            flag(at(1).is_some_and(|x| x.place)),
        ],
    ));
    out.push(feature(
        22,
        &[flag(at(-1).is_some_and(|x| x.person_trigger))],
    ));
    out.push(feature(
        23,
        &[flag(at(-2).is_some_and(|x| x.person_trigger))],
    ));
    out.push(feature(
        24,
        &[flag(at(-1).is_some_and(|x| x.place_trigger))],
    ));
    out.push(feature(26, &[flag(t.quoted)]));
    out.push(feature(29, &[flag(at(1).is_some_and(|x| x.nisba))]));
    out.push(feature(
        37,
        &[
            flag(at(1).is_some_and(|x| x.person_trigger)),
            flag(at(2).is_some_and(|x| x.person_trigger)),
        ],
    ));
    out.push(feature(
        39,
        &[flag(at(-1).is_some_and(|x| x.given)), flag(t.rare)],
    ));
    out.push(feature(
        45,
        &[flag(t.given), flag(at(1).is_some_and(|x| x.rare))],
    ));
    let role = |k: isize| at(k).map_or("_", |x| x.name_role);
    out.push(feature(47, &[role(-1), role(0)]));
    out.push(feature(48, &[role(0), role(1)]));
    if t.rare {
        out.push(feature(
            35,
            &[
                flag(at(-1).is_some_and(|x| x.rare)),
                flag(at(1).is_some_and(|x| x.rare)),
            ],
        ));
    }
}

/// The features of token `i` that depend on the tags of the two before it.
pub fn tag_features(info: &[TokenInfo], i: usize, prev: &str, prev2: &str, out: &mut Vec<u64>) {
    history_features(prev, prev2, out);
    word_history_features(&info[i], prev, out);
}

/// The part of [`tag_features`] that depends on the previous tags alone.
pub fn history_features(prev: &str, prev2: &str, out: &mut Vec<u64>) {
    out.push(feature(40, &[prev]));
    out.push(feature(41, &[prev2, prev]));
}

/// The part of [`tag_features`] that combines the word with the previous tag.
pub fn word_history_features(t: &TokenInfo, prev: &str, out: &mut Vec<u64>) {
    out.push(feature(42, &[prev, &t.norm]));
    out.push(feature(43, &[prev, t.core()]));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_names_wikidata_knows() {
        let g = Gazetteer::builtin();
        let words: Vec<String> = "وقال بشار الأسد إن حسن نصر الله زار دمشق"
            .split(' ')
            .map(tagger_word)
            .collect();
        let info = sentence_info(&words, &g, &Counts::default());
        let marks: Vec<&str> = info.iter().map(|t| t.full_name).collect();
        assert_eq!(marks, ["-", "B", "I", "-", "B", "I", "I", "-", "-"]);
    }

    #[test]
    fn a_final_alef_maksura_is_not_a_name() {
        let g = Gazetteer::builtin();
        let of = |w: &str| word_info(&tagger_word(w), &g, &Counts::default());
        let (on, ali) = (of("على"), of("علي"));
        assert_eq!(&*on.norm, &*ali.norm, "one word to the other features");
        assert!(on.final_mark == "ى" && !on.given && on.name_role == "-");
        assert!(ali.final_mark.is_empty() && ali.given && ali.name_role == "g");
        let musa = of("موسى");
        assert!(musa.final_mark == "ى" && musa.given);
        let calm = of("هادئ");
        assert!(calm.final_mark == "ئ" && !calm.given && calm.name_role == "-");
        assert!(of("هادي").given);
    }

    #[test]
    fn nisba_adjectives() {
        let g = Gazetteer::builtin();
        for (adj, base) in [
            ("الروسي", "روسيا"),
            ("الكازاخستانيه", "كازاخستان"),
            ("ايراني", "ايران"),
            ("التركي", "تركيا"),
            ("السوريه", "سوريا"),
            // Places named with the article.
            ("العراقي", "العراق"),
            ("اليمنيه", "اليمن"),
            ("الاردني", "الاردن"),
            ("مغربي", "المغرب"),
        ] {
            assert_eq!(nisba_base(adj, &g).as_deref(), Some(base), "{adj}");
        }
        assert_eq!(nisba_base("الرييسي", &g), None);
        assert_eq!(
            nisba_base("السعوديه", &g),
            None,
            "a country written with the article"
        );
        assert_eq!(
            nisba_base("سوريه", &g),
            None,
            "the bare spelling is the country's"
        );
    }

    #[test]
    fn info() {
        let g = Gazetteer::builtin();
        let words: Vec<String> = [
            "قال",
            "الرييس",
            "بوتين",
            "في",
            "وموسكو",
            "\"",
            "روسيا",
            "اليوم",
            "\"",
            "«",
            "في",
            "جنيف",
            "بدات",
            "المحادثات",
            "امس",
            "»",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let info = sentence_info(&words, &g, &Counts::default());
        assert!(info[1].person_trigger);
        assert!(info[4].place && info[4].core() == "موسكو");
        assert!(info[6].quoted && info[7].quoted && !info[8].quoted);
        assert!(!info[11].quoted, "quoted speech is not a quoted name");
    }
}
