//! Place names with their Arabic spellings and English names, and the title
//! and trigger words that announce persons and places.
//!
//! Sources (see `data/ATTRIBUTION.md`): Unicode CLDR territory names and
//! time-zone cities, a curated list of cities and regions in the news, and
//! GeoNames' towns named by several words.

use rustc_hash::{FxHashMap, FxHashSet};

use super::features::{fold_final_maksura as fold, tagger_word};
use super::ordinary::{Ordinary, OrdinaryWords};
use super::word_set::{WordMap, WordSet};
use crate::text::{normalize_into, normalize_str};

pub(crate) static CLDR: &str = include_str!("data/places-cldr.tsv");
pub(crate) static CURATED: &str = include_str!("data/places-curated.tsv");
pub(crate) static GIVEN_NAMES: &str = include_str!("data/given-names.txt");
/// Name units of people in Wikidata (CC0), built by `data/build-lexicons.py`.
pub(crate) static NAMES: &str = include_str!("data/names-wikidata.tsv");
/// Full names of people from Wikidata (CC0), built by `data/build-lexicons.py`.
pub(crate) static FULL_NAMES: &str = include_str!("data/names-full-wikidata.tsv");
/// Towns from GeoNames (CC BY 4.0), built by `data/build-lexicons.py`.
pub(crate) static TOWNS: &str = include_str!("data/places-geonames.tsv");

/// What Wikidata's people most often bear a name unit as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameRole {
    /// A given name.
    Given,
    /// A surname.
    Surname,
    /// A name of either kind.
    Unknown,
}

/// A known place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The first Arabic spelling listed.
    pub arabic: String,
    /// English names, lower case.
    pub english: Vec<String>,
    /// A country or a region (not a town): no person's name opens with one.
    pub country: bool,
}

/// Places by normalized Arabic spelling, and by English name.
///
/// A name listed without the article also answers with it (أستانة, الأستانة);
/// one listed with it does not answer without it (الرياض is not رياض).
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    places: Vec<Place>,
    by_spelling: FxHashMap<String, usize>,
    by_english: FxHashMap<String, usize>,
    person_triggers: FxHashSet<&'static str>,
    given_names: WordSet,
    place_triggers: FxHashSet<&'static str>,
    /// Wikidata's name units: evidence for the tagger, never a rule by
    /// itself (many are also common words: كبير, سعيد).
    name_roles: WordMap<NameRole>,
    /// GeoNames' one-word towns: evidence for the tagger, and a place only
    /// where the extractor finds nothing that makes it another word (see
    /// `Extractor::town_here`), since many towns are named by common words
    /// (النصر, السلام).
    towns: WordSet,
    /// Wikidata's full names of people, normalized: evidence for the
    /// tagger only (a few are also phrases of running text).
    full_names: WordSet,
    /// The first words of `full_names`.
    full_name_firsts: WordSet,
    /// The first words of the places named by several words.
    place_firsts: WordSet,
    /// Their second words: most words are none, so one lookup rules out a
    /// match at the word before.
    place_seconds: WordSet,
    /// Ayaspell's ordinary words: evidence for the tagger that a word is
    /// one of the language's (most foreign names are not listed).
    ordinary: OrdinaryWords,
}

/// A grouping key for place names the gazetteer does not know: normalized,
/// without a leading article, so الأستانة and أستانة share a key.
pub fn place_key(name: &str) -> String {
    let n = normalize_str(name);
    match n.strip_prefix("ال") {
        Some(rest) if rest.chars().count() >= 2 => rest.to_owned(),
        _ => n,
    }
}

impl Gazetteer {
    /// The compiled-in gazetteer.
    pub fn builtin() -> Gazetteer {
        let mut g = Gazetteer {
            person_triggers: PERSON_TRIGGERS.iter().copied().collect(),
            place_triggers: PLACE_TRIGGERS.iter().copied().collect(),
            ordinary: OrdinaryWords::builtin(),
            ..Gazetteer::default()
        };
        for line in GIVEN_NAMES.lines().map(str::trim) {
            if !line.is_empty() && !line.starts_with('#') {
                g.given_names.insert(&tagger_word(line));
            }
        }
        // One buffer for every normalized word: the sets keep hashes only.
        let mut buf = String::new();
        for mut cols in data_rows(NAMES) {
            let (Some(word), Some(role)) = (cols.next(), cols.next()) else {
                continue;
            };
            let role = match role {
                "g" => NameRole::Given,
                "s" => NameRole::Surname,
                _ => NameRole::Unknown,
            };
            // Wikidata's people include a Hu, a Li and an Anna: the
            // language's function words are no evidence of a name.
            let word = normalized(word, &mut buf);
            if !crate::text::is_function_word(word) {
                g.name_roles.insert(word, role);
            }
        }
        for mut row in data_rows(FULL_NAMES) {
            let name = normalized(row.next().unwrap_or_default(), &mut buf);
            if let Some((first, _)) = name.split_once(' ') {
                g.full_name_firsts.insert(first);
                g.full_names.insert(name);
            }
        }
        for line in CURATED.lines().chain(CLDR.lines()) {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(arabic), Some(english)) = (cols.next(), cols.next()) else {
                continue;
            };
            let kind = cols.next();
            // A region or town named by a common word is weighed in context,
            // as GeoNames' one-word towns are (see `towns`).
            if matches!(kind, Some("region-word" | "town-word")) {
                for a in arabic.split('|') {
                    g.towns.insert(normalized(a, &mut buf));
                }
                continue;
            }
            let country = matches!(kind, Some("country" | "region"));
            g.add(arabic.split('|'), english.split('|'), country);
        }
        // GeoNames' towns of several words are places by that very spelling
        // (لوس أنجلوس, ريو دي جانيرو); its one-word towns are not in the
        // gazetteer, as many are common words (النصر, السلام): the
        // extractor weighs them in context. But a one-word town of 300,000
        // people or more is a place by that spelling, as a city the curated
        // list names is (تبوك, بريدة, أسوان, كركوك), unless the dictionary
        // lists the spelling as a word (حائل "barrier", العين "the eye") or
        // people bear it as a name. Smaller towns are more often words: at
        // 100,000, AQMAR's places P fell from .810 to .792; at 300,000 the
        // folds' places F1 rose from .861 to .864 over three seeds and
        // AQMAR's from .647 to .659.
        // One pass over the towns; the large ones are added after every
        // town of several words, so that a place spelt both ways keeps the
        // spelling of several words as its name (ارض روم, not أرضروم).
        let mut large = Vec::new();
        for mut row in data_rows(TOWNS) {
            let Some(arabic) = row.next() else { continue };
            let one_word = !arabic.contains(' ');
            if one_word {
                g.towns.insert(normalized(arabic, &mut buf));
            }
            let Some(english) = row.next() else { continue };
            if !one_word {
                g.add(std::iter::once(arabic), std::iter::once(english), false);
            } else if row
                .next()
                .and_then(|p| p.parse::<u64>().ok())
                .is_some_and(|people| people >= BIG_TOWN)
            {
                let n = normalized(arabic, &mut buf);
                if !g.given_names.contains(n) && g.name_role(n).is_none() && !g.ordinary.listed(n) {
                    large.push((arabic, english));
                }
            }
        }
        for (arabic, english) in large {
            g.add(std::iter::once(arabic), std::iter::once(english), false);
        }
        g
    }

    /// Adds spellings and English names of one place; a row sharing a spelling
    /// or an English name with a known place adds to it (سورية and سوريا).
    fn add<'a>(
        &mut self,
        arabic: impl Iterator<Item = &'a str>,
        english: impl Iterator<Item = &'a str>,
        country: bool,
    ) {
        let arabic: Vec<&str> = arabic.map(str::trim).filter(|s| !s.is_empty()).collect();
        let english: Vec<String> = english
            .map(|e| e.trim().to_lowercase())
            .filter(|e| !e.is_empty())
            .collect();
        let Some(first) = arabic.first() else { return };
        let known = arabic
            .iter()
            .find_map(|a| self.by_spelling.get(&normalize_str(a)).copied())
            .or_else(|| english.iter().find_map(|e| self.by_english.get(e).copied()));
        let idx = match known {
            Some(i) => i,
            None => {
                self.places.push(Place {
                    arabic: (*first).to_owned(),
                    english: Vec::new(),
                    country,
                });
                self.places.len() - 1
            }
        };
        self.places[idx].country |= country;
        // Only the spellings listed: an automatic article form turned
        // مالي (Mali) into المالي ("financial") and صور (Tyre) into الصور
        // ("the pictures"); places written with the article list it.
        for a in &arabic {
            let key = normalize_str(a);
            let mut words = key.split(' ');
            if let (Some(first), Some(second)) = (words.next(), words.next()) {
                self.place_firsts.insert(first);
                self.place_seconds.insert(second);
            }
            self.by_spelling.entry(key).or_insert(idx);
        }
        for e in english {
            self.by_english.entry(e.clone()).or_insert(idx);
            if !self.places[idx].english.contains(&e) {
                self.places[idx].english.push(e);
            }
        }
    }

    /// The place with this normalized spelling, if known.
    pub fn place(&self, spelling: &str) -> Option<&Place> {
        self.by_spelling.get(spelling).map(|&i| &self.places[i])
    }

    /// Whether a normalized spelling names a known place.
    pub fn is_place(&self, spelling: &str) -> bool {
        self.by_spelling.contains_key(spelling)
    }

    /// The place with this English name (lower case), if known.
    pub fn by_english(&self, name: &str) -> Option<&Place> {
        self.by_english.get(name).map(|&i| &self.places[i])
    }

    /// What Wikidata's people bear a normalized word as, if they bear it.
    /// Wikidata's spellings fold ى and ئ into ي; a word written with a
    /// final ى or ئ is not the name the given names list writes with ي
    /// (على is no علي, هادئ no هادي).
    pub fn name_role(&self, word: &str) -> Option<NameRole> {
        let folded = fold(word);
        if word.ends_with(['ى', 'ئ'])
            && !self.given_names.contains(word)
            && self.given_names.contains(&folded)
        {
            return None;
        }
        self.name_roles.get(&folded)
    }

    /// Whether a normalized word is the name of a town GeoNames knows.
    pub fn is_town(&self, word: &str) -> bool {
        self.towns.contains(word)
    }

    /// How normalized `word` stands in the dictionary of ordinary words.
    pub fn ordinary(&self, word: &str) -> Ordinary {
        self.ordinary.lookup(word)
    }

    /// How many words from `words[0]` (normalized) a full name Wikidata
    /// knows spans, the longest (two to four); 0 for none.
    pub fn full_name_at<S: AsRef<str>>(&self, words: &[S], buf: &mut String) -> usize {
        let Some((first, rest)) = words.split_first() else {
            return 0;
        };
        longest_at(first.as_ref(), rest, buf, &self.full_name_firsts, |n| {
            self.full_names.contains(n)
        })
    }

    /// Whether a normalized word is the second of a place of several words
    /// the gazetteer knows.
    pub fn continues_place(&self, word: &str) -> bool {
        self.place_seconds.contains(word)
    }

    /// How many words, `first` and those of `rest` after it (normalized), a
    /// place of several words spans, the longest (two to
    /// four); 0 for none.
    pub fn place_at<S: AsRef<str>>(&self, first: &str, rest: &[S], buf: &mut String) -> usize {
        longest_at(first, rest, buf, &self.place_firsts, |n| {
            self.by_spelling.contains_key(n)
        })
    }

    /// Whether a word as the tagger sees it ([`tagger_word`]) is a common
    /// given name (محمد, فلاديمير, بيل). A final ى must be the list's
    /// (موسى, not على); a final ي may stand for either, as many writers
    /// use it for both (موسي).
    pub fn is_given_name(&self, word: &str) -> bool {
        self.given_names.contains(word)
            || word
                .strip_suffix('ي')
                .is_some_and(|stem| self.given_names.contains(&format!("{stem}ى")))
    }

    /// Whether a normalized word introduces a person (الرئيس, وزير ...).
    pub fn is_person_trigger(&self, word: &str) -> bool {
        self.person_triggers.contains(word)
    }

    /// Whether a normalized word introduces a place (مدينة, العاصمة ...).
    pub fn is_place_trigger(&self, word: &str) -> bool {
        self.place_triggers.contains(word)
    }

    /// Every known place.
    pub fn places(&self) -> &[Place] {
        &self.places
    }
}

/// Words that introduce a person's name: titles, offices and roles (normalized).
pub const PERSON_TRIGGERS: &[&str] = &[
    "الرييس",
    "رييس",
    "الرييسه",
    "رييسه",
    "الوزير",
    "وزير",
    "وزيره",
    "الوزيره",
    "وزيري",
    "وزيرا",
    "وزراء",
    "المتحدث",
    "المتحدثه",
    "الناطق",
    "المبعوث",
    "مبعوث",
    "السفير",
    "سفير",
    "الامين",
    "الملك",
    "الملكه",
    "الامير",
    "الاميره",
    "الشيخ",
    "الشيخه",
    "السيد",
    "السيده",
    "الدكتور",
    "الدكتوره",
    "د",
    "النايب",
    "نايب",
    "القايد",
    "قايد",
    "الجنرال",
    "العميد",
    "اللواء",
    "العقيد",
    "المستشار",
    "المستشاره",
    "الزعيم",
    "زعيم",
    "المرشد",
    "الامام",
    "البابا",
    "الكاتب",
    "الصحفي",
    "المدرب",
    "اللاعب",
    "الفنان",
    "الفنانه",
    "الممثل",
    "المخرج",
    "عضو",
    "ممثل",
    "نظيره",
    "نظيرها",
    "نظيريه",
    "نظيراه",
    "المفوض",
    "الحاكم",
    "المدير",
    "مدير",
    "الاستاذ",
    "المحامي",
    "القاضي",
    "المطرب",
    "المطربه",
    "الشاعر",
    "الروايي",
    "الباحث",
    "العالم",
    "المهندس",
    "الجنرالات",
    "الرييسين",
    // خادم الحرمين الشريفين, the Saudi king's title, which news of the Gulf
    // gives before his name nearly every time it names him; Wikidata knows
    // خادم as a given name, so without this the title is a person.
    "خادم",
];

/// Forms of address that open no name but are not among the tagger's
/// triggers (that list is a feature: adding to it changes the model):
/// when a person's span opens with one, the name starts after it
/// (الكابتن | لويس فيجو, سمو | الأمير). Normalized.
pub const HONORIFICS: &[&str] = &[
    "السلطان",
    "الكابتن",
    "كابتن",
    "المهندسه",
    "الاستاذه",
    "المحاميه",
    "الحاج",
    "الحاجه",
    "سمو",
    "معالي",
    "فضيله",
    "سعاده",
    "المشير",
    "الفريق",
    "الرايد",
    "النقيب",
    "المقدم",
    "الملازم",
    "الرقيب",
];

/// Words that introduce a place (normalized).
pub const PLACE_TRIGGERS: &[&str] = &[
    "مدينه",
    "العاصمه",
    "عاصمه",
    "بلده",
    "قريه",
    "محافظه",
    "ولايه",
    "اقليم",
    "منطقه",
    "جزيره",
    "ريف",
    "مطار",
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "وسط",
    "شمالي",
    "جنوبي",
    "شرقي",
    "غربي",
    "حي",
    "مخيم",
    "دوله",
    "بلاد",
];

/// How many words, `first` and those of `rest` after it, a phrase of two
/// to four words that `known` holds spans, the longest; 0 for none.
/// `firsts` holds the first words of the phrases, so most words cost one
/// lookup.
fn longest_at<S: AsRef<str>>(
    first: &str,
    rest: &[S],
    buf: &mut String,
    firsts: &WordSet,
    known: impl Fn(&str) -> bool,
) -> usize {
    if rest.is_empty() || !firsts.contains(first) {
        return 0;
    }
    (1..=rest.len().min(3))
        .rev()
        .find(|&n| {
            buf.clear();
            buf.push_str(first);
            for w in &rest[..n] {
                buf.push(' ');
                buf.push_str(w.as_ref());
            }
            known(buf)
        })
        .map_or(0, |n| n + 1)
}

/// `word` normalized into `buf`.
fn normalized<'b>(word: &str, buf: &'b mut String) -> &'b str {
    buf.clear();
    normalize_into(word, buf);
    buf
}

/// The population from which a one-word GeoNames town is a gazetteer place.
const BIG_TOWN: u64 = 300_000;

/// The tab-separated columns of a data file's rows, comments skipped.
fn data_rows(text: &str) -> impl Iterator<Item = std::str::Split<'_, char>> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_function_word_is_a_given_name() {
        // The closed classes of the language open no name, however a
        // foreign name is transliterated: with هو (Hu) and لي (Li) listed,
        // the tagger opened names with "he" (هو لويس فيجو) and "to me".
        let g = Gazetteer::builtin();
        for w in crate::text::FUNCTION_WORDS {
            assert!(!g.is_given_name(w), "{w}");
            assert_eq!(g.name_role(w), None, "{w}");
        }
        assert!(g.is_given_name("علي") && g.name_role("علي").is_some());
    }

    #[test]
    fn spellings_and_english_names() {
        let g = Gazetteer::builtin();
        for spelling in ["أستانا", "آستانة", "الأستانة", "الآستانا"] {
            assert_eq!(
                g.place(&normalize_str(spelling)).map(|p| p.arabic.as_str()),
                Some("أستانا"),
                "{spelling}"
            );
        }
        assert!(g.is_place(&normalize_str("الرياض")) && !g.is_place(&normalize_str("رياض")));
        assert_eq!(
            g.by_english("moscow").map(|p| p.arabic.as_str()),
            Some("موسكو")
        );
        assert_eq!(
            g.by_english("aleppo").map(|p| p.arabic.as_str()),
            Some("حلب")
        );
        assert!(g.by_english("kazakhstan").is_some());
        assert!(g.by_english("damascus").is_some() && g.by_english("geneva").is_some());
        assert_eq!(
            g.place("سوريه"),
            g.place("سوريا"),
            "one place for both spellings"
        );
        assert!(g.places().len() > 600);
    }

    #[test]
    fn regions_of_arab_states_are_places_by_name_and_in_english() {
        let g = Gazetteer::builtin();
        for (arabic, english) in [
            ("القصيم", "al-qassim"),
            ("الأحساء", "al-ahsa"),
            ("نينوى", "nineveh"),
            ("حضرموت", "hadramaut"),
        ] {
            assert!(g.is_place(&normalize_str(arabic)), "{arabic}");
            assert_eq!(
                g.by_english(english).map(|p| p.arabic.as_str()),
                Some(arabic)
            );
        }
        // A division named by a common word is left out: عسير is "difficult".
        assert!(!g.is_place(&normalize_str("عسير")));
    }

    #[test]
    fn large_towns_are_places_unless_a_word_or_a_name() {
        let g = Gazetteer::builtin();
        let place = |w: &str| g.is_place(&normalize_str(w));
        // Tabuk (667,000 people) and Buraidah, by their GeoNames spellings.
        assert!(place("تبوك") && place("بريدة"));
        assert_eq!(
            g.by_english("tabuk").map(|p| p.arabic.as_str()),
            Some("تبوك")
        );
        // Ha'il (605,930) is حائل "barrier"; Qurayyat (102,903) is too small.
        assert!(!place("حائل") && !place("القريات"));
        assert!(g.is_town(&normalize_str("القريات")));
    }

    #[test]
    fn trigger_tables_are_normalized() {
        for w in PERSON_TRIGGERS.iter().chain(PLACE_TRIGGERS) {
            assert_eq!(&normalize_str(w), w);
        }
    }

    #[test]
    fn alef_maksura_tells_words_from_names() {
        let g = Gazetteer::builtin();
        // على ("on") is not علي; موسى is موسى however written.
        assert!(g.is_given_name("علي") && !g.is_given_name("على"));
        assert!(g.is_given_name("موسى") && g.is_given_name("موسي"));
        assert!(g.name_role("على").is_none() && g.name_role("علي").is_some());
        assert!(g.name_role("موسى").is_some());
    }
}
