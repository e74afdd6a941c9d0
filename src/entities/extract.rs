//! Finding person and place mentions in one article.
//!
//! The tagger proposes spans; rules then handle what it gets wrong most:
//! titles inside person spans, nisba adjectives (الروسي is not Russia), places
//! inside a quoted name (“روسيا اليوم” is a channel), a place that opens a
//! person's name (نور سلطان نزارباييف), known places the tagger missed, and
//! later mentions of a name the article has already introduced.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use super::boundaries::{
    binds_strongly, extend_name, imperfect_verb, join_adjacent_persons, place_in_construct,
    without_trailing_connectors,
};
use super::features::{keep_final_maksura, nisba_base, Counts, TokenInfo};
use super::gazetteer::{Gazetteer, HONORIFICS};
use super::model::{ModelError, Perceptron, N_TAGS};
use super::multiword::multiword_places;
use super::organisations::{definite, definite_head, inside_organisation};
use super::place_context::{in_announced_list, place_context, seat_named};
use super::scoring::WordCache;
use super::tagger::{forced_person, spans, B_PERS, O};
use crate::text::{bears_article, normalize_str, tokenize, TokenKind};

/// The compiled-in tagger, trained on ANERcorp (CC BY-SA 4.0, see
/// `data/ATTRIBUTION.md`) by `sahifa-train`.
// A static, not a const: a const's bytes are copied into the binary at
// every use (the model and the tables once weighed 4.6 MB twice).
pub(crate) static MODEL: &[u8] = include_bytes!("data/ner.model");

/// Person or place.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A person.
    Person = 0,
    /// A place.
    Place = 1,
}

/// One mention of a person or place in an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Person or place.
    pub kind: Kind,
    /// Index of the paragraph (0 is the title, then the body's paragraphs).
    pub paragraph: usize,
    /// Bytes of the paragraph the mention covers, proclitics included.
    pub range: Range<usize>,
    /// The mention's words as written.
    pub words: Vec<String>,
    /// The same words normalized.
    pub norms: Vec<String>,
}

/// What extraction finds in one article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleMentions {
    /// Person and place mentions in reading order.
    pub mentions: Vec<Mention>,
    /// Places referred to only by an adjective (الروسي → روسيا), normalized keys.
    pub related_places: Vec<String>,
}

/// The extractor: model, gazetteer and training-word counts.
pub struct Extractor {
    pub(super) model: Perceptron,
    /// The gazetteer the model was trained with.
    pub gazetteer: Gazetteer,
    /// Training-word counts, for the rare-word features and clitic decisions.
    pub counts: Counts,
    /// How often each training word was part of a person's name.
    pub(super) person_counts: Counts,
    /// How often each training word was part of a place's name.
    pub(super) place_counts: Counts,
    /// One word cache per thread at work, taken for an article and put back.
    caches: Mutex<Vec<WordCache>>,
}

/// A sentence's tokens with their kinds and where each span begins.
pub(super) struct Tagged<'a> {
    pub(super) info: Vec<TokenInfo>,
    /// Each token's [`name_key`](super::known::name_key), borrowed from its
    /// normalized word unless a final ى or ئ makes it differ.
    pub(super) keys: Vec<Cow<'a, str>>,
    pub(super) kinds: Vec<Option<Kind>>,
    pub(super) begins: Vec<bool>,
}

struct Sentence {
    paragraph: usize,
    tokens: Vec<(Range<usize>, String, String)>,
}

impl Extractor {
    /// The extractor with the compiled-in model.
    pub fn builtin() -> Result<Extractor, ModelError> {
        // The gazetteer, two thirds of the work, is built on a second thread
        // while the model is read: a reader's first frame waits for both.
        // Without a thread to be had, it is built here after the model.
        std::thread::scope(|s| {
            let gazetteer = std::thread::Builder::new()
                .name("sahifa-gazetteer".into())
                .spawn_scoped(s, Gazetteer::builtin);
            let model = Perceptron::from_bytes(MODEL)?;
            Ok(Extractor::assemble(model, || match gazetteer {
                Ok(handle) => handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                Err(_) => Gazetteer::builtin(),
            }))
        })
    }

    /// An extractor around a given model.
    pub fn from_model(model: Perceptron) -> Result<Extractor, ModelError> {
        Ok(Extractor::assemble(model, Gazetteer::builtin))
    }

    /// The extractor of `model`, the gazetteer asked for once the model's
    /// word counts are laid out.
    fn assemble(mut model: Perceptron, gazetteer: impl FnOnce() -> Gazetteer) -> Extractor {
        let vocabulary = std::mem::take(&mut model.vocabulary);
        let counts = vocabulary.iter().map(|v| (v.0.clone(), v.1)).collect();
        let person_counts = vocabulary
            .iter()
            .filter(|v| v.2 > 0)
            .map(|v| (v.0.clone(), v.2))
            .collect();
        let place_counts = vocabulary
            .into_iter()
            .filter(|v| v.3 > 0)
            .map(|v| (v.0, v.3))
            .collect();
        Extractor {
            model,
            gazetteer: gazetteer(),
            counts,
            person_counts,
            place_counts,
            caches: Mutex::new(Vec::new()),
        }
    }

    /// Frees the word caches (for the memory a corpus's linking needs); later
    /// articles start new ones.
    pub fn release_caches(&self) {
        self.caches
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
    }

    /// Runs `f` with a word cache no other thread is using.
    pub(super) fn with_cache<R>(&self, f: impl FnOnce(&mut WordCache) -> R) -> R {
        let taken = self.caches.lock().unwrap_or_else(|e| e.into_inner()).pop();
        let mut cache = taken.unwrap_or_else(|| WordCache::new(self));
        let out = f(&mut cache);
        self.caches
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(cache);
        out
    }

    /// Finds the mentions in an article given as paragraphs (title first).
    pub fn article<S: AsRef<str>>(&self, paragraphs: &[S]) -> ArticleMentions {
        self.with_cache(|cache| self.article_with(cache, paragraphs))
    }

    fn article_with<S: AsRef<str>>(
        &self,
        cache: &mut WordCache,
        paragraphs: &[S],
    ) -> ArticleMentions {
        let mut out = ArticleMentions::default();
        let mut sentences = Vec::new();
        for (p, text) in paragraphs.iter().enumerate() {
            let text = text.as_ref();
            let mut current = Sentence {
                paragraph: p,
                tokens: Vec::new(),
            };
            for t in tokenize(text) {
                let norm = if t.kind == TokenKind::Number {
                    "0".to_owned()
                } else {
                    normalize_str(t.text)
                };
                let norm = if norm.is_empty() {
                    t.text.to_owned()
                } else {
                    norm
                };
                let end =
                    t.kind == TokenKind::Punct && matches!(t.text, "." | "!" | "?" | "؟" | "…");
                current.tokens.push((t.range, t.text.to_owned(), norm));
                if end {
                    sentences.push(std::mem::replace(
                        &mut current,
                        Sentence {
                            paragraph: p,
                            tokens: Vec::new(),
                        },
                    ));
                }
            }
            if !current.tokens.is_empty() {
                sentences.push(current);
            }
        }
        let mut tagged: Vec<Tagged> = Vec::with_capacity(sentences.len());
        for s in &sentences {
            // The tagger's words keep a final ى or ئ (see `tagger_word`).
            let norms: Vec<String> = s
                .tokens
                .iter()
                .map(|t| keep_final_maksura(&t.1, &t.2).into_owned())
                .collect();
            let (info, ids) = cache.sentence(self, &norms);
            let (tags, scores) = cache.tag(&self.model, &info, &ids);
            let mut kinds = vec![None; norms.len()];
            // ORG and MISC spans are not kept, but their words are no places.
            let mut blocked = vec![false; norms.len()];
            let mut span_list: Vec<(Kind, usize, usize)> = Vec::new();
            // A one-word MISC span (a nationality, an event) is no place,
            // unless the text names a seat or a list of them there: the
            // tagger memorised تبوك from غزوة تبوك, yet محافظات تبوك is
            // the town.
            let mut lone_misc = vec![false; norms.len()];
            for (kind, a, b) in spans(&tags) {
                match kind {
                    "PERS" => span_list.push((Kind::Person, a, b)),
                    "LOC" => span_list.push((Kind::Place, a, b)),
                    _ => {
                        blocked[a..b].iter_mut().for_each(|x| *x = true);
                        lone_misc[a] = kind == "MISC" && b == a + 1;
                    }
                }
            }
            let mut begins = vec![false; norms.len()];
            let repaired = self.repair(&info, span_list, &mut blocked);
            let mut covered = vec![false; norms.len()];
            for &(_, a, b) in &repaired {
                covered[a..b].iter_mut().for_each(|c| *c = true);
            }
            for (kind, a, b) in repaired {
                let mut b = if kind == Kind::Person {
                    extend_name(&info, &covered, b, |t| self.never_in_names(t))
                } else {
                    b
                };
                if kind == Kind::Person {
                    b = without_trailing_connectors(&info, a, b);
                }
                if a == b {
                    continue;
                }
                for k in &mut kinds[a..b] {
                    *k = Some(kind);
                }
                begins[a] = true;
            }
            for (a, b) in title_appositions(&self.model, &info, &kinds, &tags, &scores) {
                kinds[a..b].iter_mut().for_each(|k| *k = Some(Kind::Person));
                begins[a] = true;
            }
            for (a, b) in patronymics(&info, &kinds, &blocked, |t| self.never_in_names(t)) {
                kinds[a..b].iter_mut().for_each(|k| *k = Some(Kind::Person));
                begins[a..b].iter_mut().for_each(|x| *x = false);
                begins[a] = true;
                if b < begins.len() && kinds[b].is_some() {
                    begins[b] = true;
                }
            }
            let common = |t: &TokenInfo| self.common_word(t);
            for (a, b) in multiword_places(&info, &kinds, &begins, &blocked, common) {
                kinds[a..b].iter_mut().for_each(|k| *k = Some(Kind::Place));
                begins[a..b].iter_mut().for_each(|x| *x = false);
                begins[a] = true;
                if b < begins.len() && kinds[b].is_some() {
                    begins[b] = true;
                }
            }
            // A word the tagger left to a MISC span of its own may still be
            // the place a seat's word or a list names (see `lone_misc`).
            let free = |k: usize, kinds: &[Option<Kind>]| {
                !blocked[k]
                    || (lone_misc[k]
                        && info[k].place
                        && (seat_named(&info, k) || in_announced_list(&info, kinds, k)))
            };
            for i in 0..info.len() {
                // A place found is evidence for the coordinated words before
                // it as for those after (في الخبر والظهران والجبيل, where
                // only الجبيل is no word of the language): they are looked
                // at again, right to left, only then.
                let mut k = i;
                while kinds[k].is_none() && free(k, &kinds) && self.missed_place(&info, &kinds, k) {
                    kinds[k] = Some(Kind::Place);
                    begins[k] = true;
                    let Some(before) = k.checked_sub(1) else {
                        break;
                    };
                    k = before;
                }
            }
            for t in &info {
                if t.nisba {
                    if let Some(base) = nisba_base(t.conj(), &self.gazetteer) {
                        out.related_places.push(base);
                    }
                }
            }
            tagged.push(Tagged {
                keys: s
                    .tokens
                    .iter()
                    .zip(&info)
                    .map(|(t, x)| {
                        // The cached core, borrowed from the token's own word.
                        match t.2.len().checked_sub(x.core().len()) {
                            Some(at) if t.2.ends_with(x.core()) => {
                                super::known::key_of_core(&t.1, &t.2[at..])
                            }
                            _ => super::known::name_key(&t.1, &t.2),
                        }
                    })
                    .collect(),
                info,
                kinds,
                begins,
            });
        }
        self.propagate(&mut tagged);
        for (s, t) in sentences.iter().zip(&tagged) {
            collect(s, t, &mut out.mentions);
        }
        // Two person spans side by side are one name the tagger broke in two
        // (رامون | كالديرون), unless the second opens with a conjunction.
        join_adjacent_persons(paragraphs, &mut out.mentions);
        self.trim_person_tails(paragraphs, &mut out.mentions);
        super::coreference::link_short_names(&mut out.mentions);
        out.related_places.sort();
        out.related_places.dedup();
        out
    }

    /// Applies the span rules; returns the spans to keep.
    fn repair(
        &self,
        info: &[TokenInfo],
        spans: Vec<(Kind, usize, usize)>,
        blocked: &mut [bool],
    ) -> Vec<(Kind, usize, usize)> {
        let mut out: Vec<(Kind, usize, usize)> = Vec::new();
        for (kind, mut a, mut b) in spans {
            // A person or place right after an organisation's head word is
            // part of its name (نادي ريال مدريد, وكالة فرانس برس, منتخب مصر):
            // no mention of the person or place itself.
            if inside_organisation(info, a, kind) {
                continue;
            }
            if kind == Kind::Person {
                // No name opens with a title or an adjective of origin: the
                // nisba after a title is the title's (الرئيس الكازاخستاني |
                // نور سلطان نزارباييف). Unless بن or بنت follows: then it is
                // a given name (الأمير تركي بن طلال).
                let given = |k: usize| {
                    info.get(k + 1)
                        .is_some_and(|n| matches!(&*n.norm, "بن" | "بنت"))
                };
                // Nor a given name shaped like a nisba but without the
                // article, which an adjective after a definite title would
                // need (العميد تركي المالكي).
                let named = |k: usize| info[k].given && !definite(&info[k]);
                let title = |k: usize| {
                    info[k].person_trigger
                        || (HONORIFICS.contains(&info[k].conj()) && !info[k].given)
                };
                // A listed given name between a title and the span is the
                // name's first word, which the tagger may leave out when
                // the word is also an adjective: العميد | تركي ("Turkish") |
                // المالكي.
                if a >= 2
                    && named(a - 1)
                    && info[a - 1].clitic.is_empty()
                    && !blocked[a - 1]
                    && title(a - 2)
                    && out.last().is_none_or(|s| s.2 < a)
                {
                    a -= 1;
                }
                while a < b && (title(a) || (info[a].nisba && !given(a) && !named(a))) {
                    a += 1;
                }
                // A building's or an organisation's head with the article
                // ends the name: it opens the place visited or the body
                // led (الأمير سلمان بن سلطان | المسجد النبوي). Unless
                // Wikidata's people bear it as a surname (عبد العزيز
                // الدوري, not "the league").
                if let Some(k) = (a + 1..b).find(|&k| {
                    definite_head(info[k].conj())
                        && info[k].name_role != "s"
                        && !binds_strongly(info, k - 1)
                }) {
                    b = k;
                }
                // A ruler's title that is also a given name, in construct
                // with the place that follows, is the next apposition's
                // office: السلطان قابوس بن سعيد | سلطان عمان.
                // The tagger may have run on over the place too.
                if b >= a + 4 && info[b - 1].place && RULERS.contains(&info[b - 2].conj()) {
                    b -= 1;
                }
                if b >= a + 3
                    && !binds_strongly(info, b - 2)
                    && RULERS.contains(&info[b - 1].conj())
                    && place_in_construct(info, b)
                {
                    b -= 1;
                }
                // A word after عبد, ابو, بن stays, however common: عبد
                // الواحد.
                while b > a
                    && !(b >= a + 2 && binds_strongly(info, b - 2))
                    && !(b >= a + 2 && self.family_name(info[b - 2].conj(), &info[b - 1].norm))
                    && (self.never_in_names(&info[b - 1])
                        || (b - a >= 2 && self.known_verb(&info[b - 1])))
                {
                    b -= 1;
                }
                // Nor is a word of the grammar alone a name, however a
                // foreign one is transliterated (وقال لي الوزير "told me").
                if a == b
                    || (b == a + 1
                        && (self.lone_article_word(&info[a])
                            || crate::text::is_function_word(&info[a].norm)))
                {
                    continue;
                }
                if self.place_not_person(&info[a..b]) {
                    // A place the gazetteer knows, which the tagger took
                    // for a person, or a club named for its city (ليفسكي
                    // صوفيا): no one's name, nor, inside the club's, the
                    // city's. A place that is mostly another word (كيف)
                    // is none either without a place around it.
                    if b == a + 1 && !self.homograph(&info[a]) {
                        out.push((Kind::Place, a, b));
                    } else {
                        blocked[a..b].iter_mut().for_each(|x| *x = true);
                    }
                    continue;
                }
                // Two names coordinated: صالح عبد الغفور | وبسام.
                if let Some(k) = (a + 1..b).find(|&k| self.second_name(&info[k])) {
                    out.push((Kind::Person, a, k));
                    a = k;
                }
                // A known place behind a preposition opens no name: the
                // envoy "to Syria" comes before the envoy's name.
                if b - a >= 2 && info[a].place && after_preposition(info, a) {
                    out.push((Kind::Place, a, a + 1));
                    a += 1;
                }
                // A "place" just before a person is the first part of the
                // name (نور سلطان نزارباييف), unless a preposition governs it
                // or it is a country: no name opens with إسرائيل (إسرائيل
                // | إيهود أولمرت). Nor a city the gazetteer knows before a
                // common given name: the city ends an office (مدير تعليم
                // جدة | عبدالله الثقفي).
                if let Some(last) = out.last_mut() {
                    if last.0 == Kind::Place
                        && last.2 == a
                        && !after_preposition(info, last.1)
                        && !self.known_country(&info[last.1..last.2])
                        && !(info[last.2 - 1].place && info[a].given)
                    {
                        *last = (Kind::Person, last.1, b);
                        continue;
                    }
                }
            }
            if kind == Kind::Place {
                if b - a == 1 && info[a].nisba {
                    continue;
                }
                if b - a == 1 && (adjective_after_noun(info, a) || self.article_on_word(&info[a])) {
                    blocked[a] = true;
                    continue;
                }
                // Two places coordinated (أنقرة ولندن, لندن وزيبو), unless
                // the whole is one place (البوسنة والهرسك, ترينيداد وتوباغو).
                let known = |from: usize, to: usize| self.known_place(&info[from..to]);
                let second = (a + 1..b).find(|&k| {
                    self.second_place(&info[k]) || (opens_with_and(&info[k]) && known(a, k))
                });
                if let Some(k) = second.filter(|_| !known(a, b)) {
                    out.push((Kind::Place, a, k));
                    a = k;
                }
                if info[a].quoted && quoted_name_longer(info, a, b) {
                    continue;
                }
            }
            out.push((kind, a, b));
        }
        out
    }

    /// Whether a person span is a place: one word the gazetteer knows as a
    /// place, or words ending on one after a first word that is no given
    /// name, neither in a name list nor in a training name (جورج واشنطن
    /// stays a person).
    fn place_not_person(&self, span: &[TokenInfo]) -> bool {
        let unnamed = |t: &TokenInfo| {
            !t.given && t.name_role == "-" && t.full_name == "-" && self.in_names(t) == 0
        };
        let (Some(first), Some(last)) = (span.first(), span.last()) else {
            return false;
        };
        last.place && !last.nisba && unnamed(first) && (span.len() == 1 || !first.place)
    }

    /// Whether a word ending a name is a verb in the imperfect that the
    /// training text saw in running text (مدحت صالح | يغني). One it never
    /// saw is more often a foreign surname opening with ي than a verb: on
    /// the folds, trimming those too cost persons F1 .004.
    fn known_verb(&self, t: &TokenInfo) -> bool {
        imperfect_verb(t, self.in_names(t)) && self.counts.get(&*t.norm).copied().unwrap_or(0) >= 1
    }

    /// A word the training text saw three times or more and never in a
    /// person's name (هاتفيا after أردوغان) does not end one.
    fn never_in_names(&self, t: &TokenInfo) -> bool {
        self.counts.get(&*t.norm).copied().unwrap_or(0) >= 3
            && !self.person_counts.contains_key(&*t.norm)
    }

    /// A word with the article that no name list or training name holds
    /// (الميكانيكا): alone, it is a noun the tagger took for a surname.
    /// Surnames with the article that news uses alone (الأسد, المالكي) are
    /// Wikidata's or the training text's; a surname an article introduced
    /// whole is found again by `propagate`.
    fn lone_article_word(&self, t: &TokenInfo) -> bool {
        t.conj().starts_with("ال") && !t.given && t.name_role == "-" && self.in_names(t) == 0
    }

    /// How often the training text saw a word inside a person's name.
    fn in_names(&self, t: &TokenInfo) -> u32 {
        self.person_counts.get(t.conj()).copied().unwrap_or(0)
    }

    /// Whether a word inside a person span opens a second name: the
    /// conjunction و before a given name (وبسام), where the whole word is
    /// no name itself (وليد).
    fn second_name(&self, t: &TokenInfo) -> bool {
        opens_with_and(t)
            && self.gazetteer.is_given_name(t.conj())
            && !self.gazetteer.is_given_name(&t.norm)
            && self.person_counts.get(&*t.norm).copied().unwrap_or(0) == 0
    }

    /// Whether the gazetteer knows these words, together, as one place.
    pub(super) fn known_place(&self, words: &[TokenInfo]) -> bool {
        self.gazetteer.is_place(&joined(words, |t| &t.norm))
    }

    /// Whether words (the first may carry و or ف) are a country or a
    /// region the gazetteer knows.
    fn known_country(&self, words: &[TokenInfo]) -> bool {
        self.gazetteer
            .place(&joined(words, TokenInfo::conj))
            .is_some_and(|p| p.country)
    }

    /// Whether a word inside a place span opens a second place: the
    /// conjunction و before a known place (ولندن), where the whole word is
    /// no place itself (وهران).
    fn second_place(&self, t: &TokenInfo) -> bool {
        opens_with_and(t) && t.place && !self.gazetteer.is_place(&t.norm)
    }

    /// A known place the tagger left untagged: a gazetteer name of three
    /// letters or more, outside quotes, not right beside a person's name.
    fn missed_place(&self, info: &[TokenInfo], kinds: &[Option<Kind>], i: usize) -> bool {
        let t = &info[i];
        let near_person = |j: Option<usize>| {
            j.and_then(|j| kinds.get(j))
                .is_some_and(|k| *k == Some(Kind::Person))
        };
        (t.place || t.article_place || self.town_here(info, kinds, i))
            && t.shape == 'a'
            && !t.quoted
            && !t.person_trigger
            && t.core().chars().count() >= 3
            && !near_person(i.checked_sub(1))
            && !near_person(Some(i + 1))
            && self.counts.get(&*t.norm).copied().unwrap_or(0) < 400
            && !inside_organisation(info, i, Kind::Place)
            && !adjective_after_noun(info, i)
            && !self.article_on_word(t)
            && (!self.homograph(t) || place_context(info, kinds, i))
    }

    /// A town GeoNames knows by one word, where the text says it is one.
    /// No name list may hold it, nor the training text have seen it in a
    /// person's name or, as written or bare, as a common word (لايزال,
    /// القارة). A word the dictionary lists is a place only where a place
    /// stands, and only if the training text hardly saw it (see
    /// [`place_context`]: إلى حائل, محافظة الخرج, أبها وجدة), for it may be
    /// a word of the language (حائل "barrier", الخبر "the news"); one it
    /// does not list is a place anywhere (القطيف). After the word for a
    /// seat (محافظة الطائف) or in a list of places a plural announces
    /// (محافظات تبوك وضباء والوجه), a town is a place whatever the word.
    fn town_here(&self, info: &[TokenInfo], kinds: &[Option<Kind>], i: usize) -> bool {
        let t = &info[i];
        let running = |w: &str| {
            let seen = self.counts.get(w).copied().unwrap_or(0);
            let placed = self.place_counts.get(w).copied().unwrap_or(0);
            seen >= 3 && placed * 2 < seen
        };
        (t.town || t.article_town)
            && !t.given
            && t.name_role == "-"
            && self.in_names(t) == 0
            && (seat_named(info, i)
                || in_announced_list(info, kinds, i)
                || (!self.article_on_town_word(t)
                    && !running(&t.norm)
                    && !running(t.core())
                    && (self.gazetteer.ordinary(t.conj()) == super::ordinary::Ordinary::Unlisted
                        || (t.rare && place_context(info, kinds, i)))))
    }

    /// [`Self::article_on_word`] for GeoNames' towns: a town listed without
    /// the article, whose bare name the dictionary lists as a word, is that
    /// word where the text gives it the article (البلاد السعيدة "the happy
    /// land", not سعيدة, Saïda).
    fn article_on_town_word(&self, t: &TokenInfo) -> bool {
        let g = &self.gazetteer;
        bears_article(t.clitic)
            && g.is_town(t.core())
            && !g.is_town(&t.norm)
            && !g.is_town(t.conj())
            && g.ordinary(t.core()) != super::ordinary::Ordinary::Unlisted
    }

    /// A word the training text saw three times or more, less than half of
    /// them in a place's name: a word of running text.
    fn common_word(&self, t: &TokenInfo) -> bool {
        let seen = self.counts.get(t.core()).copied().unwrap_or(0);
        let placed = self.place_counts.get(t.core()).copied().unwrap_or(0);
        seen >= 3 && placed * 2 < seen
    }

    /// Whether a place word is an ordinary word with the article: the
    /// gazetteer lists the bare word (سيول Seoul, صور Tyre, مالي Mali), not
    /// this form, and the dictionary lists the bare word as a word of the
    /// language, so السيول is "the floods", الصور "the pictures", المالي
    /// "the financial". A place named with the article is listed with it.
    pub(super) fn article_on_word(&self, t: &TokenInfo) -> bool {
        let g = &self.gazetteer;
        // Looked up only once the cheap tests pass: this runs on every word
        // of the corpus-wide pass.
        let known_as_place = || {
            let seen = self.counts.get(&*t.norm).copied().unwrap_or(0);
            let placed = self.place_counts.get(&*t.norm).copied().unwrap_or(0);
            seen > 0 && placed * 2 >= seen
        };
        bears_article(t.clitic)
            && g.is_place(t.core())
            && !g.is_place(&t.norm)
            && !g.is_place(t.conj())
            && g.ordinary(t.core()) != super::ordinary::Ordinary::Unlisted
            // Unless training knows the form as a place, the gazetteer
            // lists it with the article (للأستانة), or it is a country some
            // write with the article (الأوروغواي, الباكستان) that does not
            // look like a nisba (المالي "the Malian", "the financial").
            && !known_as_place()
            && !g.is_place(&format!("ال{}", t.core()))
            && (!g.place(t.core()).is_some_and(|p| p.country) || nisba_shaped(t.core()))
    }

    /// A gazetteer place that running text mostly uses as another word: كيف
    /// is "how" far more often than Kyiv, سيول "floods" more than Seoul. The
    /// training text saw its core three times or more, and in less than half
    /// of them as (part of) a place.
    pub(super) fn homograph(&self, t: &TokenInfo) -> bool {
        t.place && self.common_word(t)
    }
}

/// How far below the outside tag a rare word's person score may be and the
/// word still open a name after a title; chosen on `sahifa-train`'s folds.
const TITLE_MARGIN: f32 = 20.0;

/// Untagged names announced by a title: a person trigger (وزير, رئيس, نظيره),
/// up to six modifiers (words with the article, nisba adjectives, a comma),
/// then a word the training text never or hardly saw, without the article,
/// that the model does not rule out as a name (in unseen text most rare words
/// after a title are nouns and verbs: وزير لشؤون, الرئيس اتصالا): the name
/// starts there, and runs on over such rare words as far as the
/// model, told so, carries it (so a verb or adverb after the name stays out):
/// وزير الخارجية التركي، مولود جاويش أوغلو.
fn title_appositions(
    model: &Perceptron,
    info: &[TokenInfo],
    kinds: &[Option<Kind>],
    tags: &[usize],
    scores: &[[f32; N_TAGS]],
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < info.len() {
        if !info[i].person_trigger || kinds[i].is_some() {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let modifier = |t: &TokenInfo| {
            t.norm.starts_with("ال")
                || bears_article(t.clitic)
                || t.nisba
                || &*t.norm == "،"
                || &*t.norm == "باسم"
        };
        while j < info.len()
            && j - i <= 6
            && kinds[j].is_none()
            && (modifier(&info[j]) || info[j].person_trigger)
        {
            j += 1;
        }
        let start = j;
        if j < info.len()
            && kinds[j].is_none()
            && info[j].rare
            && !info[j].quoted
            && !info[j].norm.starts_with("ال")
            && !inside_organisation(info, start, Kind::Person)
            && scores[j][B_PERS] + TITLE_MARGIN >= scores[j][O]
        {
            let end = forced_person(model, info, tags, start, 4);
            let end = (start + 1..end)
                .find(|&k| kinds[k].is_some() || !info[k].rare)
                .unwrap_or(end);
            out.push((start, end));
            j = end;
        }
        i = j.max(i + 1);
    }
    out
}

/// Untagged names of the form given name, بن or بنت, name (حصة بنت
/// سلمان, الأميرة نورة بنت محمد), or tagged from the connector on: both
/// names in a name list, the first as a given name, for حصة and نورة are
/// also words the tagger saw; or
/// given name, آل, family (تركي آل الشيخ). The rest of the chain follows
/// as [`extend_name`] carries it (بن عبدالعزيز). None inside an
/// organisation's or a contest's name (كأس الأمير محمد بن سلمان).
fn patronymics(
    info: &[TokenInfo],
    kinds: &[Option<Kind>],
    blocked: &[bool],
    never_in_names: impl Fn(&TokenInfo) -> bool,
) -> Vec<(usize, usize)> {
    let free = |k: usize| kinds[k].is_none() && !blocked[k];
    // The father's name may be tagged already: the span then takes it in.
    let named = |k: usize| {
        let t = &info[k];
        (free(k) || kinds[k] == Some(Kind::Person))
            && t.shape == 'a'
            && (t.given || t.name_role != "-")
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i + 2 < info.len() {
        let (t, c) = (&info[i], &info[i + 1]);
        // After آل comes a family's name, whatever the word (آل الشيخ).
        let family = &*c.norm == "ال"
            && info[i + 2].shape == 'a'
            && info[i + 2].core().chars().count() >= 3
            && (free(i + 2) || kinds[i + 2] == Some(Kind::Person));
        // The tagger may open the span at the connector (حصة | بنت سلمان):
        // a name begins with بن alone only where no given name comes before
        // it (بن لادن).
        let connector_opens = kinds[i + 1] == Some(Kind::Person)
            && !blocked[i + 1]
            && matches!(&*c.norm, "بن" | "بنت");
        if (free(i) && (free(i + 1) || connector_opens))
            && (t.given || t.name_role == "g")
            && !t.has_conjunction()
            && !t.person_trigger
            && (matches!(&*c.norm, "بن" | "بنت") && named(i + 2) || family)
            && !inside_organisation(info, i, Kind::Person)
        {
            let mut b = i + 3;
            while kinds.get(b) == Some(&Some(Kind::Person)) {
                b += 1;
            }
            let covered: Vec<bool> = kinds.iter().map(Option::is_some).collect();
            let b = extend_name(info, &covered, b, &never_in_names);
            out.push((i, b));
            i = b;
        } else {
            i += 1;
        }
    }
    out
}

/// Whether a word ends like an adjective of origin: ي, but not اي
/// (أوروغواي is no nisba).
fn nisba_shaped(word: &str) -> bool {
    word.ends_with('ي') && !word.ends_with("اي")
}

/// Whether place word `i` is an adjective of origin after the noun it
/// qualifies: a place named like a feminine nisba (السعودية; التكية
/// السليمانية is Suleiman's, not the city السليمانية) after a definite word
/// that is no place, title or adjective of origin itself, outside a place
/// of several words (المملكة العربية السعودية), and feminine, as the
/// adjective agrees (ة, or a plural in ات): الرواية السعودية is "the Saudi
/// novel", but زار الوفد السعودية "the delegation visited Saudi Arabia". A
/// place's name is definite, so the article and ية after another definite
/// noun make it that noun's adjective; ANERcorp tags 1,816 such pairs O and
/// 4 as a place.
pub(super) fn adjective_after_noun(info: &[TokenInfo], i: usize) -> bool {
    i.checked_sub(1)
        .is_some_and(|j| adjective_after(&info[j], &info[i]))
}

/// [`adjective_after_noun`] of word `t` after word `prev`.
pub(super) fn adjective_after(prev: &TokenInfo, t: &TokenInfo) -> bool {
    t.shape == 'a'
        && t.conj().starts_with("ال")
        && t.norm.ends_with("يه")
        && prev.shape == 'a'
        && definite(prev)
        && (prev.norm.ends_with('ه')
            || prev.norm.ends_with("ات")
            || non_human_plural(prev.conj())
            || FEMININE_NOUNS.contains(&prev.conj()))
        && t.place_span == "-"
        && !prev.place
        && !prev.nisba
        && !prev.place_trigger
        && !prev.person_trigger
}

/// Definite nouns that are feminine without ة (the closed class of
/// المؤنث السماعي that news puts before a country's adjective): السوق
/// السعودية is "the Saudi market".
const FEMININE_NOUNS: &[&str] = &[
    "السوق",
    "الارض",
    "الحرب",
    "الدار",
    "النفس",
    "الشمس",
    "الريح",
    "الكاس",
];

/// Whether a definite word has the shape of a broken plural or a feminine
/// dual, which take a feminine adjective like ة does: الأسهم | السعودية,
/// الأسواق, المدارس, المشاريع, البنوك, القبائل, القضايا, الساحتين. The
/// patterns أفعال, أفعُل, مفاعل, مفاعيل, فعول, فعائل and فعالى hold few
/// singular nouns a country could follow without a preposition.
fn non_human_plural(norm: &str) -> bool {
    let Some(stem) = norm.strip_prefix("ال") else {
        return false;
    };
    let c: Vec<char> = stem.chars().collect();
    // Weak radicals are allowed inside (أسواق); the last letter is no ة.
    let root = |x: char| x != 'ا';
    let last = |x: char| !matches!(x, 'ا' | 'ه');
    match c.as_slice() {
        // أفعال: أسواق, أموال; أفعُل: أسهم, أنهر
        ['ا', a, b, 'ا', d] | ['ا', a, b, d] => root(*a) && root(*b) && last(*d),
        // مفاعل, مفاعيل: مدارس, مشاريع
        ['م', a, 'ا', b, d] | ['م', a, 'ا', b, 'ي', d] => root(*a) && root(*b) && last(*d),
        // فعول: بنوك, قروض
        [a, b, 'و', d] => root(*a) && root(*b) && last(*d),
        // فعائل (ئ folded to ي): قبائل; فعالى: قضايا
        [a, b, 'ا', 'ي', d] => root(*a) && root(*b) && *d != 'ه',
        // feminine duals: الساحتين, الحكومتان
        _ => c.len() >= 5 && (stem.ends_with("تين") || stem.ends_with("تان")),
    }
}

/// Rulers' titles that are also given names, normalized: after a full
/// name and before a place they are an office (سلطان عمان, أمير الكويت,
/// حاكم دبي).
const RULERS: &[&str] = &["سلطان", "امير", "ملك", "حاكم", "شيخ"];

/// Words' normalized forms joined by spaces, the first as `first` gives it.
fn joined<'a>(words: &'a [TokenInfo], first: impl Fn(&'a TokenInfo) -> &'a str) -> String {
    let mut out = String::new();
    for (k, t) in words.iter().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(if k == 0 { first(t) } else { &t.norm });
    }
    out
}

/// Whether token `i` follows a preposition that takes a place (إلى سورية).
fn after_preposition(info: &[TokenInfo], i: usize) -> bool {
    i.checked_sub(1).is_some_and(|j| {
        matches!(
            &*info[j].norm,
            "الي" | "في" | "من" | "عن" | "علي" | "حتي" | "نحو" | "داخل" | "خارج"
        )
    })
}

/// Whether the quotation around tokens `a..b` holds more words than the span:
/// then the span is part of a quoted name.
fn quoted_name_longer(info: &[TokenInfo], a: usize, b: usize) -> bool {
    let before = info[..a]
        .iter()
        .rev()
        .take_while(|t| t.quoted)
        .filter(|t| t.shape != 'p')
        .count();
    let after = info[b..]
        .iter()
        .take_while(|t| t.quoted)
        .filter(|t| t.shape != 'p')
        .count();
    before + after > 0
}

/// Whether a word opens with the conjunction و (and is more than it).
pub(super) fn opens_with_and(t: &TokenInfo) -> bool {
    t.has_conjunction() && t.norm.starts_with('و')
}

fn collect(s: &Sentence, t: &Tagged, out: &mut Vec<Mention>) {
    let kinds = &t.kinds;
    let mut i = 0;
    while i < kinds.len() {
        let Some(kind) = kinds[i] else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        while j < kinds.len() && kinds[j] == Some(kind) && !t.begins[j] {
            j += 1;
        }
        out.push(Mention {
            kind,
            paragraph: s.paragraph,
            range: s.tokens[i].0.start..s.tokens[j - 1].0.end,
            words: s.tokens[i..j].iter().map(|t| t.1.clone()).collect(),
            norms: s.tokens[i..j].iter().map(|t| t.2.clone()).collect(),
        });
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::features::{sentence_info, tagger_word};

    #[test]
    fn a_lone_word_with_the_article_needs_a_name_list() {
        let ext = Extractor::builtin().unwrap();
        let words: Vec<String> = ["الميكانيكا", "الاسد", "المالكي"].map(tagger_word).to_vec();
        let info = sentence_info(&words, &ext.gazetteer, &ext.counts);
        assert!(ext.lone_article_word(&info[0]), "a noun");
        assert!(!ext.lone_article_word(&info[1]), "a surname");
        assert!(!ext.lone_article_word(&info[2]), "a surname");
    }

    #[test]
    fn a_verb_ends_a_name_only_if_training_saw_it() {
        let ext = Extractor::builtin().unwrap();
        let words: Vec<String> = ["يكتب", "يانوكوفيتش"].map(tagger_word).to_vec();
        let info = sentence_info(&words, &ext.gazetteer, &ext.counts);
        assert!(ext.known_verb(&info[0]), "a verb of running text");
        assert!(!ext.known_verb(&info[1]), "a foreign surname");
    }

    #[test]
    fn a_person_span_that_is_a_place_or_a_club() {
        let ext = Extractor::builtin().unwrap();
        let cases = [
            // A place alone; a club named for its city.
            ("بلغاريا", true),
            // A place that is also a given name (Sofia) may be a person.
            ("صوفيا", false),
            ("ليفسكي صوفيا", true),
            // A given name before the place: a person (George Washington).
            ("جورج واشنطن", false),
            // No place at the end.
            ("محمد", false),
            ("ليفسكي", false),
            // A place before another place is a place of several words.
            ("القاهره الجديده", false),
        ];
        for (span, want) in cases {
            let words: Vec<String> = span.split(' ').map(tagger_word).collect();
            let info = sentence_info(&words, &ext.gazetteer, &ext.counts);
            assert_eq!(ext.place_not_person(&info), want, "{span}");
        }
    }
}
