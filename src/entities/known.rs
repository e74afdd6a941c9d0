//! Names found again: later mentions of a name an article has introduced,
//! and names the corpus knows where the tagger missed them in an article.

use std::borrow::Cow;
use std::ops::Range;

use rustc_hash::FxHashMap as HashMap;

use super::boundaries::join_adjacent;
use super::extract::{
    adjective_after, adjective_after_noun, ArticleMentions, Extractor, Kind, Mention, Tagged,
};
use super::features::{fold_final_maksura, short_quotes, tagger_word, TokenInfo};
use super::ordinary::Ordinary;
use super::organisations::{inside_organisation, inside_organisation_at};
use super::place_context::seat_named;
use crate::text::{bears_article, tokenize, TokenKind};

impl Extractor {
    /// Whether a tagged word may be looked for elsewhere as a name: a word of
    /// three letters or more, no title, and a name in its own right: rare in
    /// the training text, mostly seen inside names, or a known place.
    pub(super) fn spreads(&self, t: &TokenInfo, kind: Kind) -> bool {
        let seen = self.counts.get(t.core()).copied().unwrap_or(0);
        let named = self.person_counts.get(t.core()).copied().unwrap_or(0);
        t.core().chars().count() >= 3
            && !t.person_trigger
            && !t.nisba
            && (seen <= 2
                || (kind == Kind::Person && named * 2 >= seen)
                || (kind == Kind::Place && t.place && !self.homograph(t)))
    }

    /// Whether a word is the bare form of a place named with the article,
    /// and a word of the language as such: رياض "gardens" (رياض الأطفال)
    /// and خبر "news" are no mentions of الرياض or الخبر, whose key they
    /// share.
    fn bare_word_of_place(&self, t: &TokenInfo) -> bool {
        let g = &self.gazetteer;
        let w = t.conj();
        let with_article = || {
            let mut s = String::with_capacity(w.len() + 4);
            s.push_str("ال");
            s.push_str(w);
            g.is_place(&s) || g.is_town(&s)
        };
        !bears_article(t.clitic)
            && !w.starts_with("ال")
            && !g.is_place(w)
            && g.ordinary(w) != Ordinary::Unlisted
            && with_article()
    }

    /// A person's name found again must not be a common word behind a
    /// preposition: لصالح is "for the benefit of", whoever صالح is.
    fn word_after_preposition(&self, t: &TokenInfo, kind: Kind) -> bool {
        // The article's ل is no preposition (الفيصل); لل's first is.
        let before_article = t.clitic.strip_suffix("ال").unwrap_or(t.clitic);
        kind == Kind::Person
            && before_article.contains(['ل', 'ب', 'ك'])
            && self.counts.get(t.core()).copied().unwrap_or(0) >= 3
    }

    /// Whether place word `i`, after a place, is another place: it opens
    /// with و (أنقرة وروما), and the span it would end is no place the
    /// gazetteer knows (البوسنة والهرسك).
    fn another_place(&self, t: &Tagged, i: usize) -> bool {
        if !super::extract::opens_with_and(&t.info[i]) {
            return false;
        }
        let mut start = i - 1;
        while start > 0 && !t.begins[start] && t.kinds[start - 1] == t.kinds[i] {
            start -= 1;
        }
        !self.known_place(&t.info[start..=i])
    }

    /// Tags later occurrences of names the article has already introduced:
    /// a surname of a tagged person, or a tagged one-word place.
    pub(super) fn propagate(&self, tagged: &mut [Tagged]) {
        let mut known: HashMap<String, Kind> = HashMap::default();
        for t in tagged.iter() {
            let mut i = 0;
            while i < t.kinds.len() {
                let Some(kind) = t.kinds[i] else {
                    i += 1;
                    continue;
                };
                let mut j = i + 1;
                while j < t.kinds.len() && t.kinds[j] == Some(kind) && !t.begins[j] {
                    j += 1;
                }
                let last = &t.info[j - 1];
                // A town that is also a word of the language, named only
                // because a word for a town came before it (مدينة الخبر),
                // makes no other الخبر "the news" of the article a place.
                let word_town = kind == Kind::Place
                    && !last.place
                    && seat_named(&t.info, j - 1)
                    && self.gazetteer.ordinary(last.conj()) != Ordinary::Unlisted;
                if (kind == Kind::Person || j - i == 1) && self.spreads(last, kind) && !word_town {
                    known
                        .entry(t.keys[j - 1].clone().into_owned())
                        .or_insert(kind);
                }
                i = j;
            }
        }
        for t in tagged.iter_mut() {
            for i in 0..t.kinds.len() {
                // A place word as an adjective (الحكومة السعودية), or a
                // common word with the article (السيول), is no mention of
                // the place, however the article named it before.
                if t.kinds[i].is_none()
                    && !t.info[i].quoted
                    && !t.info[i].nisba
                    && !adjective_after_noun(&t.info, i)
                    && !self.article_on_word(&t.info[i])
                {
                    let found = known.get(t.keys[i].as_ref()).copied();
                    // Nor is a name inside an organisation's or a building's
                    // (جامعة الملك سعود after آل سعود).
                    let mention = |&k: &Kind| {
                        !self.word_after_preposition(&t.info[i], k)
                            && !inside_organisation(&t.info, i, k)
                            && (k != Kind::Place || !self.bare_word_of_place(&t.info[i]))
                    };
                    if let Some(k) = found.filter(mention) {
                        t.kinds[i] = Some(k);
                        t.begins[i] = i == 0
                            || t.kinds[i - 1] != Some(k)
                            || (k == Kind::Place && self.another_place(t, i));
                    }
                }
            }
        }
    }
}

impl Extractor {
    /// The untagged occurrences in this article of names the rest of the
    /// corpus tagged (`candidates`: the key of a one-word place or of a
    /// person's last name, and its kind), held to what an article's own
    /// names are. No tagging is redone; nothing is added yet: whether a
    /// candidate spreads depends on how often the whole corpus tags it.
    pub fn known_occurrences<S: AsRef<str>>(
        &self,
        paragraphs: &[S],
        candidates: &HashMap<String, Kind>,
        found: &ArticleMentions,
    ) -> Vec<Pending> {
        let mut pending = Vec::new();
        if candidates.is_empty() {
            return pending;
        }
        self.with_cache(|cache| {
            for (p, text) in paragraphs.iter().enumerate() {
                let tokens = tokenize(text.as_ref());
                let norms: Vec<String> = tokens.iter().map(|t| tagger_word(t.text)).collect();
                let ids = cache.ids(self, &norms);
                let keys: Vec<Cow<str>> = tokens
                    .iter()
                    .zip(&ids)
                    .map(|(t, &id)| key_of_core(t.text, cache.info(id).core()))
                    .collect();
                if !keys.iter().any(|k| candidates.contains_key(k.as_ref())) {
                    continue;
                }
                let quoted = short_quotes(&norms);
                let covered = |r: &Range<usize>| {
                    found
                        .mentions
                        .iter()
                        .any(|m| m.paragraph == p && m.range.start < r.end && r.start < m.range.end)
                };
                for (i, t) in tokens.iter().enumerate() {
                    let x = cache.info(ids[i]);
                    if t.kind != TokenKind::Word
                        || quoted[i]
                        || x.nisba
                        || x.person_trigger
                        || covered(&t.range)
                        || (i > 0 && adjective_after(cache.info(ids[i - 1]), x))
                        || self.article_on_word(x)
                    {
                        continue;
                    }
                    let spread = |&&k: &&Kind| {
                        self.spreads(x, k)
                            && !self.word_after_preposition(x, k)
                            && (k != Kind::Place || !self.bare_word_of_place(x))
                            && !inside_organisation_at(|j| cache.info(ids[j]), i, k)
                    };
                    if let Some(&kind) = candidates.get(keys[i].as_ref()).filter(spread) {
                        let text = text.as_ref();
                        let before = text[..t.range.start].trim_end_matches(char::is_whitespace);
                        let after = text[t.range.end..].trim_start_matches(char::is_whitespace);
                        pending.push(Pending {
                            mention: Mention {
                                kind,
                                paragraph: p,
                                range: t.range.clone(),
                                words: vec![t.text.to_owned()],
                                // Folded, as every mention's norms are:
                                // only the tagger tells ى from ي.
                                norms: vec![fold_final_maksura(&norms[i]).into_owned()],
                            },
                            blank_from: before.len(),
                            blank_to: text.len() - after.len(),
                        });
                    }
                }
            }
        });
        pending
    }
}

/// An untagged occurrence of a name the corpus knows, waiting for the
/// corpus's verdict, with what [`add_known`] needs of the text around it
/// (so that the article's text need not be kept until then).
#[derive(Debug, Clone)]
pub struct Pending {
    /// The occurrence.
    pub mention: Mention,
    /// Where the blank run before it starts (its start if none).
    pub(super) blank_from: usize,
    /// Where the blank run after it ends (its end if none).
    pub(super) blank_to: usize,
}

/// Adds the pending occurrences of names the corpus has shown to be names
/// (`known`, from [`known_set`]); says whether it added any.
pub fn add_known(
    known: &HashMap<String, Kind>,
    pending: Vec<Pending>,
    found: &mut ArticleMentions,
) -> bool {
    let accepted: Vec<Pending> = pending
        .into_iter()
        .filter(|p| {
            known
                .get(&mention_key(&p.mention))
                .is_some_and(|&k| k == p.mention.kind)
        })
        .collect();
    if accepted.is_empty() {
        return false;
    }
    // Only a pair with an added occurrence can join: the tagged mentions
    // were joined with their text at hand.
    let from: HashMap<(usize, usize), usize> = accepted
        .iter()
        .map(|p| ((p.mention.paragraph, p.mention.range.start), p.blank_from))
        .collect();
    let to: HashMap<(usize, usize), usize> = accepted
        .iter()
        .map(|p| ((p.mention.paragraph, p.mention.range.end), p.blank_to))
        .collect();
    found
        .mentions
        .extend(accepted.into_iter().map(|p| p.mention));
    found.mentions.sort_by_key(|m| (m.paragraph, m.range.start));
    join_adjacent(&mut found.mentions, |prev, m| {
        let p = m.paragraph;
        // As with the text at hand: overlapping mentions have no gap.
        prev.range.end <= m.range.start
            && (from
                .get(&(p, m.range.start))
                .is_some_and(|&b| b <= prev.range.end)
                || to
                    .get(&(p, prev.range.end))
                    .is_some_and(|&b| b >= m.range.start))
    });
    true
}

/// What a corpus counts of a name: articles that tag it a person, articles
/// that tag it a place, and articles where it stands untagged where it
/// could have been found again. Sums over articles, so a cache can add and
/// remove one file's share.
pub type NameTally = HashMap<String, [u32; 3]>;

/// The key under which a name is known across the corpus: the core of its
/// normalized word, except that a final ى or ئ stays. Normalizing folds
/// them into ي, which would make على ("on") a spelling of علي, منى of مني
/// and هادئ ("calm") of هادي. Borrowed from `norm` but in that case, since
/// every token of every article gets one.
pub fn name_key<'a>(written: &str, norm: &'a str) -> Cow<'a, str> {
    key_of_core(written, super::features::core(norm))
}

/// [`name_key`] given the core of the normalized word.
pub(super) fn key_of_core<'a>(written: &str, core: &'a str) -> Cow<'a, str> {
    super::features::keep_final_maksura(written, core)
}

/// The key of a mention's last word.
fn mention_key(m: &Mention) -> String {
    match (m.words.last(), m.norms.last()) {
        (Some(w), Some(n)) => name_key(w, n).into_owned(),
        _ => String::new(),
    }
}

/// Adds the names an article's mentions make known to the rest of the corpus:
/// the key of a person's last word, and of a one-word place, once per
/// article and kind (a word one article tags over and over is no evidence).
pub fn known_names(found: &ArticleMentions, out: &mut NameTally) {
    let mut seen: Vec<(String, Kind)> = Vec::new();
    for m in &found.mentions {
        if m.kind == Kind::Place && m.norms.len() > 1 {
            continue;
        }
        let key = mention_key(m);
        if key.chars().count() >= 3 && !seen.iter().any(|s| s.0 == key && s.1 == m.kind) {
            out.entry(key.clone()).or_default()[m.kind as usize] += 1;
            seen.push((key, m.kind));
        }
    }
}

/// Counts, once per article, the candidates that stand untagged in it
/// (`pending`, from [`Extractor::known_occurrences`]) and that the article
/// does not tag elsewhere.
pub fn untagged_names(found: &ArticleMentions, pending: &[Pending], out: &mut NameTally) {
    let tagged: Vec<String> = found.mentions.iter().map(mention_key).collect();
    let mut seen: Vec<String> = Vec::new();
    for p in pending {
        let key = mention_key(&p.mention);
        if !tagged.contains(&key) && !seen.contains(&key) {
            out.entry(key.clone()).or_default()[2] += 1;
            seen.push(key);
        }
    }
}

/// The names tagged in two articles or more, as the kind they were tagged most
/// often (a person on a tie: a place the tagger doubts is usually a surname):
/// the candidates to be found again.
pub fn candidates(tally: &NameTally) -> HashMap<String, Kind> {
    tally
        .iter()
        .filter_map(|(key, &[person, place, _])| {
            let kind = if person >= place {
                Kind::Person
            } else {
                Kind::Place
            };
            (person.max(place) >= 2).then(|| (key.clone(), kind))
        })
        .collect()
}

/// Of the articles where a candidate could be found again, the share that
/// tag it themselves must be at least this. A name the news repeats is
/// tagged in most of the articles that carry it; a common word the tagger
/// took for a name a few times (الماضي, كبير) stands untagged in thousands.
/// Chosen on `sahifa-eval`'s scale corpus and the folds.
pub const EVIDENCE: f64 = 0.5;

/// The candidates the corpus shows to be names: tagged in at least
/// [`EVIDENCE`] of the articles that carry them.
pub fn known_set(tally: &NameTally) -> HashMap<String, Kind> {
    let mut out = candidates(tally);
    out.retain(|key, kind| {
        let t = tally[key];
        let tagged = t[*kind as usize];
        f64::from(tagged) >= EVIDENCE * f64::from(tagged + t[2])
    });
    out
}
