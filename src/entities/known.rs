//! Names found again: later mentions of a name an article has introduced,
//! and names the corpus knows where the tagger missed them in an article.

use std::ops::Range;

use rustc_hash::FxHashMap as HashMap;

use super::boundaries::join_adjacent_persons;
use super::extract::{ArticleMentions, Extractor, Kind, Mention, Tagged};
use super::features::{sentence_info, TokenInfo};
use crate::text::{normalize_str, tokenize, TokenKind};

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
                || (kind == Kind::Place && t.place))
    }

    /// A person's name found again must not be a common word behind a
    /// preposition: لصالح is "for the benefit of", whoever صالح is.
    fn word_after_preposition(&self, t: &TokenInfo, kind: Kind) -> bool {
        kind == Kind::Person
            && t.clitic.contains(['ل', 'ب', 'ك'])
            && self.counts.get(t.core()).copied().unwrap_or(0) >= 3
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
                if (kind == Kind::Person || j - i == 1) && self.spreads(last, kind) {
                    known.entry(last.core().to_owned()).or_insert(kind);
                }
                i = j;
            }
        }
        for t in tagged.iter_mut() {
            for i in 0..t.kinds.len() {
                if t.kinds[i].is_none() && !t.info[i].quoted && !t.info[i].nisba {
                    let found = known.get(t.info[i].core()).copied();
                    if let Some(k) = found.filter(|&k| !self.word_after_preposition(&t.info[i], k))
                    {
                        t.kinds[i] = Some(k);
                        t.begins[i] = i == 0 || t.kinds[i - 1] != Some(k);
                    }
                }
            }
        }
    }
}

impl Extractor {
    /// Adds mentions of names the rest of the corpus knows (`known`: core of a
    /// one-word place or of a person's last name, and its kind) where the
    /// tagger left them untagged in this article. No tagging is redone. Says
    /// whether it added any.
    pub fn add_known<S: AsRef<str>>(
        &self,
        paragraphs: &[S],
        known: &HashMap<String, Kind>,
        found: &mut ArticleMentions,
    ) -> bool {
        let mut added = Vec::new();
        for (p, text) in paragraphs.iter().enumerate() {
            let text = text.as_ref();
            let tokens = tokenize(text);
            let norms: Vec<String> = tokens.iter().map(|t| normalize_str(t.text)).collect();
            if !norms
                .iter()
                .any(|n| known.contains_key(super::features::core(n)))
            {
                continue;
            }
            let info = sentence_info(&norms, &self.gazetteer, &self.counts);
            let covered = |r: &Range<usize>| {
                found
                    .mentions
                    .iter()
                    .any(|m| m.paragraph == p && m.range.start < r.end && r.start < m.range.end)
            };
            for (i, t) in tokens.iter().enumerate() {
                let x = &info[i];
                if t.kind != TokenKind::Word
                    || x.quoted
                    || x.nisba
                    || x.person_trigger
                    || covered(&t.range)
                {
                    continue;
                }
                // The corpus's names are held to what an article's own are.
                let spread = |&&k: &&Kind| self.spreads(x, k) && !self.word_after_preposition(x, k);
                if let Some(&kind) = known.get(x.core()).filter(spread) {
                    added.push(Mention {
                        kind,
                        paragraph: p,
                        range: t.range.clone(),
                        words: vec![t.text.to_owned()],
                        norms: vec![norms[i].clone()],
                    });
                }
            }
        }
        if added.is_empty() {
            return false;
        }
        found.mentions.extend(added);
        found.mentions.sort_by_key(|m| (m.paragraph, m.range.start));
        join_adjacent_persons(paragraphs, &mut found.mentions);
        true
    }
}

/// How often each name core was tagged a person and a place, summed over
/// articles (so a cache can add and remove one file's share).
pub type NameTally = HashMap<String, [u32; 2]>;

/// Adds the names an article's mentions make known to the rest of the corpus:
/// the core of a person's last word, and of a one-word place, once per
/// article and kind (a word one article tags over and over is no evidence).
pub fn known_names(found: &ArticleMentions, out: &mut NameTally) {
    let mut seen: Vec<(&str, Kind)> = Vec::new();
    for m in &found.mentions {
        if m.kind == Kind::Place && m.norms.len() > 1 {
            continue;
        }
        let last = m.norms.last().map(String::as_str).unwrap_or("");
        let core = super::features::core(last);
        if core.chars().count() >= 3 && !seen.contains(&(core, m.kind)) {
            seen.push((core, m.kind));
            out.entry(core.to_owned()).or_default()[m.kind as usize] += 1;
        }
    }
}

/// The names tagged in two articles or more, as the kind they were tagged most often
/// (a person on a tie: a place the tagger doubts is usually a surname).
pub fn known_set(tally: &NameTally) -> HashMap<String, Kind> {
    tally
        .iter()
        .filter_map(|(core, &[person, place])| {
            let kind = if person >= place {
                Kind::Person
            } else {
                Kind::Place
            };
            (person.max(place) >= 2).then(|| (core.clone(), kind))
        })
        .collect()
}
