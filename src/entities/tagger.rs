//! Sequence tagging with the perceptron: greedy, left to right, each token
//! seeing the tags given to the two before it; training on labelled sentences.

use super::features::{sentence_info, static_features, tag_features, Counts, TokenInfo};
use super::gazetteer::Gazetteer;
use super::model::{Perceptron, N_TAGS, TAGS};

/// Added to the person tags' scores when tagging (never in training). The
/// averaged perceptron is shy of persons: on ANERcorp's held-out folds its
/// person spans have precision .77 but recall .65, because tomorrow's names
/// are mostly words it never saw. This constant, chosen on the ten folds of
/// `sahifa-train`, evens out precision and recall of persons per article.
pub const PERSON_BIAS: f32 = 7.0;

/// Indices into [`TAGS`] that rules look at.
pub(super) const O: usize = 0;
pub(super) const B_PERS: usize = 1;
pub(super) const I_PERS: usize = 2;

/// One labelled sentence: normalized words and tag indices into [`TAGS`].
pub type Labelled = (Vec<String>, Vec<usize>);

/// Tags a sentence of normalized words; returns tag indices into [`TAGS`].
pub fn tag(model: &Perceptron, gaz: &Gazetteer, counts: &Counts, words: &[String]) -> Vec<usize> {
    tag_scored(model, &sentence_info(words, gaz, counts)).0
}

/// Tags a sentence given its token information; also returns each token's
/// score for every tag (person bias included), for rules that weigh the
/// model's hesitations.
pub fn tag_scored(model: &Perceptron, info: &[TokenInfo]) -> (Vec<usize>, Vec<[f32; N_TAGS]>) {
    let words = info;
    let mut tags = Vec::with_capacity(words.len());
    let mut all = Vec::with_capacity(words.len());
    let mut feats = Vec::with_capacity(48);
    for i in 0..words.len() {
        feats.clear();
        static_features(info, i, &mut feats);
        let (p1, p2) = previous(&tags, i);
        tag_features(info, i, p1, p2, &mut feats);
        let mut scores = model.scores(&feats);
        scores[B_PERS] += PERSON_BIAS;
        scores[I_PERS] += PERSON_BIAS;
        tags.push(best_valid(&scores, tags.last().copied()));
        all.push(scores);
    }
    (tags, all)
}

/// With token `start` forced to B-PERS, how far the model carries the name on
/// as I-PERS (at most `max` tokens in all); returns the end of the name.
pub fn forced_person(
    model: &Perceptron,
    info: &[TokenInfo],
    tags: &[usize],
    start: usize,
    max: usize,
) -> usize {
    let mut seq: Vec<usize> = tags[..start].to_vec();
    seq.push(B_PERS);
    let mut feats = Vec::with_capacity(48);
    let mut j = start + 1;
    while j < info.len() && j - start < max {
        feats.clear();
        static_features(info, j, &mut feats);
        let (p1, p2) = previous(&seq, j);
        tag_features(info, j, p1, p2, &mut feats);
        let s = model.scores(&feats);
        if s[I_PERS] < s[0] {
            break;
        }
        seq.push(I_PERS);
        j += 1;
    }
    j
}

pub(super) fn previous(tags: &[usize], i: usize) -> (&'static str, &'static str) {
    let name = |k: Option<usize>| k.map_or("<s>", |t| TAGS[t]);
    (
        name(i.checked_sub(1).map(|j| tags[j])),
        name(i.checked_sub(2).map(|j| tags[j])),
    )
}

/// The best-scoring tag that keeps the BIO sequence valid: an I- tag only
/// continues a B- or I- of its own type.
pub(super) fn best_valid(scores: &[f32; N_TAGS], prev: Option<usize>) -> usize {
    let valid = |t: usize| {
        let tag = TAGS[t];
        match tag.strip_prefix("I-") {
            Some(kind) => prev.is_some_and(|p| TAGS[p].ends_with(kind) && TAGS[p] != "O"),
            None => true,
        }
    };
    (0..N_TAGS)
        .filter(|&t| valid(t))
        .fold(0, |best, t| if scores[t] > scores[best] { t } else { best })
}

/// Trains a perceptron for `epochs` passes over the sentences, in an order
/// shuffled by a fixed seed so that the result is reproducible.
pub fn train(sentences: &[Labelled], gaz: &Gazetteer, epochs: usize) -> Perceptron {
    let mut model = Perceptron::default();
    let mut counts = Counts::default();
    let mut person: Counts = Counts::default();
    let mut place: Counts = Counts::default();
    for (words, tags) in sentences {
        for (w, &t) in words.iter().zip(tags) {
            // Counted as every feature but the given names sees a word:
            // folded (see `features::tagger_word`).
            let w = super::features::fold_final_maksura(w).into_owned();
            *counts.entry(w.clone()).or_insert(0) += 1;
            if TAGS[t].ends_with("PERS") {
                *person.entry(w.clone()).or_insert(0) += 1;
            }
            if TAGS[t].ends_with("LOC") {
                *place.entry(w.clone()).or_insert(0) += 1;
            }
        }
    }
    let infos: Vec<_> = sentences
        .iter()
        .map(|(w, _)| sentence_info(w, gaz, &counts))
        .collect();
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut rng = crate::random::Lcg::new(0x5eed);
    let mut feats = Vec::with_capacity(48);
    for _ in 0..epochs {
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        for &s in &order {
            let (_, gold) = &sentences[s];
            let info = &infos[s];
            let mut guessed: Vec<usize> = Vec::with_capacity(gold.len());
            for (i, &want) in gold.iter().enumerate() {
                feats.clear();
                static_features(info, i, &mut feats);
                let (p1, p2) = previous(&guessed, i);
                tag_features(info, i, p1, p2, &mut feats);
                let guess = model.predict(&feats);
                model.update(&feats, want, guess);
                guessed.push(guess);
            }
        }
    }
    model.average();
    let mut vocab: Vec<(String, u32, u32, u32)> = counts
        .into_iter()
        .map(|(w, c)| {
            let p = person.get(&w).copied().unwrap_or(0);
            let l = place.get(&w).copied().unwrap_or(0);
            (w, c, p, l)
        })
        .collect();
    vocab.sort();
    model.vocabulary = vocab;
    model
}

/// Entity spans of a tag sequence: (type without B-/I-, first token, end token).
pub fn spans(tags: &[usize]) -> Vec<(&'static str, usize, usize)> {
    let mut out: Vec<(&'static str, usize, usize)> = Vec::new();
    for (i, &t) in tags.iter().enumerate() {
        let tag = TAGS[t];
        if let Some(kind) = tag.strip_prefix("B-") {
            out.push((kind, i, i + 1));
        } else if let Some(kind) = tag.strip_prefix("I-") {
            match out.last_mut() {
                Some(last) if last.0 == kind && last.2 == i => last.2 = i + 1,
                _ => out.push((kind, i, i + 1)),
            }
        }
    }
    out
}

/// One labelled sentence as read: words as written and their BIO tags, with
/// the corpora's own labels mapped to ANERcorp's (`PER` → `PERS`).
pub type RawSentence = (Vec<String>, Vec<String>);

/// Reads `word TAG` lines, a blank line between sentences (ANERcorp, AQMAR).
pub fn read_labelled(text: &str) -> Vec<RawSentence> {
    let mut out = Vec::new();
    let (mut words, mut tags) = (Vec::new(), Vec::new());
    for line in text.lines() {
        let mut parts = line.split_whitespace();
        match (parts.next(), parts.next()) {
            (Some(word), Some(tag)) => {
                words.push(word.to_owned());
                tags.push(map_tag(tag));
            }
            _ if !words.is_empty() => {
                out.push((std::mem::take(&mut words), std::mem::take(&mut tags)));
            }
            _ => {}
        }
    }
    if !words.is_empty() {
        out.push((words, tags));
    }
    out
}

/// AQMAR writes `PER` and `MIS0`–`MIS3`; ANERcorp `PERS` and `MISC`.
fn map_tag(tag: &str) -> String {
    let Some((bio, label)) = tag.split_once('-') else {
        return "O".to_owned();
    };
    let label = match label {
        "PER" | "PERS" => "PERS",
        "LOC" => "LOC",
        "ORG" => "ORG",
        _ => "MISC",
    };
    format!("{bio}-{label}")
}

/// Reads ANERcorp's `token TAG` lines into normalized, labelled sentences.
pub fn read_conll(text: &str) -> Vec<Labelled> {
    normalized(&read_labelled(text))
}

/// Labelled sentences as the tagger trains on them: words normalized, tags
/// as indices into [`TAGS`].
pub fn normalized(raw: &[RawSentence]) -> Vec<Labelled> {
    raw.iter()
        .map(|(words, tags)| {
            let words = words
                .iter()
                .map(|w| {
                    let norm = super::features::tagger_word(w);
                    if norm.is_empty() {
                        w.clone()
                    } else {
                        norm
                    }
                })
                .collect();
            let tags = tags
                .iter()
                .map(|t| TAGS.iter().position(|x| x == t).unwrap_or(0))
                .collect();
            (words, tags)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_from_bio() {
        let t = |s: &str| TAGS.iter().position(|x| *x == s).unwrap();
        let tags = [
            t("B-PERS"),
            t("I-PERS"),
            t("O"),
            t("B-LOC"),
            t("B-LOC"),
            t("I-LOC"),
        ];
        assert_eq!(spans(&tags), [("PERS", 0, 2), ("LOC", 3, 4), ("LOC", 4, 6)]);
    }

    #[test]
    fn reads_conll() {
        let s = read_conll("موسكو B-LOC\nقال O\n\nبوتين B-PERS\n");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].1, [3, 0]);
    }
}
