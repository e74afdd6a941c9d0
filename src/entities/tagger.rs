//! Sequence tagging with the perceptron: a beam search over tag sequences,
//! each token seeing the tags given to the two before it, and training with
//! the same search (a structured perceptron with early update).

use super::features::{sentence_info, static_features, tag_features, Counts, TokenInfo};
use super::gazetteer::Gazetteer;
use super::model::{Perceptron, N_TAGS, TAGS};

/// Added to the person tags' scores when tagging (never in training). The
/// averaged perceptron is shy of persons, because tomorrow's names are
/// mostly words it never saw. Chosen with the 20-epoch model on the folds
/// of `sahifa-train`, AQMAR and the scale corpus of `sahifa-eval` (persons
/// P/R): at -3 .842/.736, .723/.462, .788/.495; at 0 .833/.758, .701/.479,
/// .774/.512; at 2 .822/.764, .690/.487, .768/.526; at 5 .807/.778,
/// .667/.498, .746/.537. F1 hardly moves from 0 to 5 (.794–.792, .569–.571,
/// .617–.624); 2 keeps the recall and buys the precision a large archive
/// needs, where every false name is found again in many articles.
pub const PERSON_BIAS: f32 = 2.0;

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
    let mut feats = Vec::with_capacity(48);
    let mut base: Option<(usize, Scores)> = None;
    let found = decode(info.len(), BEAM, None, |i, p1, p2| {
        let mut s = match base {
            Some((at, s)) if at == i => s,
            _ => {
                feats.clear();
                static_features(info, i, &mut feats);
                let s = model.scores(&feats);
                base = Some((i, s));
                s
            }
        };
        feats.clear();
        tag_features(info, i, tag_name(p1), tag_name(p2), &mut feats);
        add(&mut s, &model.scores(&feats));
        s[B_PERS] += PERSON_BIAS;
        s[I_PERS] += PERSON_BIAS;
        s
    });
    (found.tags, found.scores)
}

/// Tag sequences the decoder keeps at each token. On ANERcorp's folds
/// (persons F1 per article, person bias 7, 12 epochs) greedy decoding, 1,
/// gave .760, 4 gave .774 and 8 .778, at twice the cost of 4; with 20
/// epochs and bias 5 (ea2431e), 1 gives .771 and 4 .792.
pub const BEAM: usize = 4;

type Scores = [f32; N_TAGS];

/// Sequences scoring this far below the best are dropped from the beam
/// however wide it is: most tokens are plainly not names, and the beam then
/// holds one or two sequences, not four.
pub const MARGIN: f32 = 20.0;

pub(super) fn add(a: &mut Scores, b: &Scores) {
    for (x, y) in a.iter_mut().zip(b) {
        *x += y;
    }
}

/// What the search found: the best sequence's tags and, per token, the
/// scores of every tag given that sequence's history. With `gold`, and the
/// gold sequence pruned from the beam at token `k`, only the best
/// sequence's first `k + 1` tags and `lost = true`.
pub(super) struct Decoded {
    pub tags: Vec<usize>,
    pub scores: Vec<Scores>,
    pub lost: bool,
}

/// A sequence in the beam: its total score, its last node, its last two
/// tags, and whether it is the gold sequence so far.
#[derive(Clone, Copy)]
struct Hypothesis {
    total: f32,
    node: usize,
    p1: Option<usize>,
    p2: Option<usize>,
    gold: bool,
}

/// A tag given to one token, with the node of the tag before it.
struct Node {
    parent: usize,
    tag: usize,
    scores: Scores,
}

const ROOT: usize = usize::MAX;

/// Beam search over the BIO sequences of `n` tokens; `score(i, p1, p2)`
/// gives token `i`'s score for every tag after tags `p1` and `p2`. Two
/// sequences ending in the same two tags have the same future, so only the
/// better one is kept (with `width` 1 this is the greedy tagger).
pub(super) fn decode(
    n: usize,
    width: usize,
    gold: Option<&[usize]>,
    mut score: impl FnMut(usize, Option<usize>, Option<usize>) -> Scores,
) -> Decoded {
    let mut nodes: Vec<Node> = Vec::with_capacity(n * width);
    let mut beam = vec![Hypothesis {
        total: 0.0,
        node: ROOT,
        p1: None,
        p2: None,
        gold: true,
    }];
    let mut scored: Vec<Scores> = Vec::with_capacity(width);
    let mut candidates: Vec<(f32, usize, usize)> = Vec::with_capacity(width * N_TAGS);
    let mut next: Vec<Hypothesis> = Vec::with_capacity(width);
    let mut lost = false;
    for i in 0..n {
        scored.clear();
        candidates.clear();
        for (h, hyp) in beam.iter().enumerate() {
            let s = score(i, hyp.p1, hyp.p2);
            for (t, &x) in s.iter().enumerate() {
                if allowed(t, hyp.p1) {
                    candidates.push((hyp.total + x, h, t));
                }
            }
            scored.push(s);
        }
        // The best `width` candidates, best first (ties to the earlier
        // sequence, then the lower tag: O), one per state. Picked by
        // scanning rather than sorting: a sort of the 36 candidates was
        // half of tagging's time.
        next.clear();
        while next.len() < width {
            let mut best: Option<usize> = None;
            for (c, cand) in candidates.iter().enumerate() {
                if cand.0 > best.map_or(f32::NEG_INFINITY, |b| candidates[b].0) {
                    best = Some(c);
                }
            }
            let Some(b) = best else { break };
            let (total, h, t) = candidates[b];
            if next
                .first()
                .is_some_and(|first| total < first.total - MARGIN)
            {
                break;
            }
            let hyp = beam[h];
            for cand in candidates.iter_mut() {
                if cand.2 == t && beam[cand.1].p1 == hyp.p1 {
                    cand.0 = f32::NEG_INFINITY;
                }
            }
            nodes.push(Node {
                parent: hyp.node,
                tag: t,
                scores: scored[h],
            });
            next.push(Hypothesis {
                total,
                node: nodes.len() - 1,
                p1: Some(t),
                p2: hyp.p1,
                gold: hyp.gold && gold.is_some_and(|g| g.get(i) == Some(&t)),
            });
        }
        std::mem::swap(&mut beam, &mut next);
        if gold.is_some() && !beam.iter().any(|h| h.gold) {
            lost = true;
            break;
        }
    }
    let mut tags = Vec::with_capacity(n);
    let mut scores = Vec::with_capacity(n);
    let mut at = beam.first().map_or(ROOT, |h| h.node);
    while at != ROOT {
        tags.push(nodes[at].tag);
        scores.push(nodes[at].scores);
        at = nodes[at].parent;
    }
    tags.reverse();
    scores.reverse();
    Decoded { tags, scores, lost }
}

/// The name of a previous tag for the features (`<s>` before the sentence).
pub(super) fn tag_name(t: Option<usize>) -> &'static str {
    t.map_or("<s>", |t| TAGS[t])
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
        tag_features(info, j, tag_name(p1), tag_name(p2), &mut feats);
        let s = model.scores(&feats);
        if s[I_PERS] < s[0] {
            break;
        }
        seq.push(I_PERS);
        j += 1;
    }
    j
}

/// The two tags before token `i` of a sequence (`None` before its start).
fn previous(tags: &[usize], i: usize) -> (Option<usize>, Option<usize>) {
    (
        i.checked_sub(1).map(|j| tags[j]),
        i.checked_sub(2).map(|j| tags[j]),
    )
}

/// Whether tag `t` may follow `prev` in a BIO sequence: an I- tag only
/// continues a B- or I- of its own type. [`TAGS`] is O, then a B- and its
/// I- for each type.
pub(super) fn allowed(t: usize, prev: Option<usize>) -> bool {
    t == 0 || t % 2 == 1 || prev.is_some_and(|p| p == t || p + 1 == t)
}

/// The shuffle seed of the shipped model.
pub const SHUFFLE_SEED: u64 = 0x5eed;

/// Trains a perceptron for `epochs` passes over the sentences, in an order
/// shuffled by a fixed seed so that the result is reproducible.
pub fn train(sentences: &[Labelled], gaz: &Gazetteer, epochs: usize) -> Perceptron {
    train_seeded(sentences, gaz, epochs, SHUFFLE_SEED)
}

/// [`train`] with another shuffle seed: the order of the sentences alone
/// moves held-out F1 by several thousandths, which `sahifa-train` reports
/// so that a change is not judged by one draw.
pub fn train_seeded(
    sentences: &[Labelled],
    gaz: &Gazetteer,
    epochs: usize,
    seed: u64,
) -> Perceptron {
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
    let mut rng = crate::random::Lcg::new(seed);
    let mut feats = Vec::with_capacity(48);
    let mut statics: Vec<Vec<u64>> = Vec::new();
    for _ in 0..epochs {
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        for &s in &order {
            let (_, gold) = &sentences[s];
            let info = &infos[s];
            statics.clear();
            statics.extend((0..gold.len()).map(|i| {
                let mut f = Vec::with_capacity(48);
                static_features(info, i, &mut f);
                f
            }));
            let base: Vec<Scores> = statics.iter().map(|f| model.scores(f)).collect();
            let found = decode(gold.len(), BEAM, Some(gold), |i, p1, p2| {
                feats.clear();
                tag_features(info, i, tag_name(p1), tag_name(p2), &mut feats);
                let mut s = base[i];
                add(&mut s, &model.scores(&feats));
                s
            });
            // Early update: up to where the gold sequence left the beam, or
            // the whole sentence if the best sequence is not the gold one.
            let upto = found.tags.len();
            for _ in 0..upto {
                model.tick();
            }
            if !found.lost && found.tags == *gold {
                continue;
            }
            for i in 0..upto {
                let (g, p) = (previous(gold, i), previous(&found.tags, i));
                if gold[i] == found.tags[i] && g == p {
                    continue;
                }
                for (tags, (p1, p2), delta) in [(gold, g, 1.0), (&found.tags, p, -1.0)] {
                    feats.clear();
                    feats.extend_from_slice(&statics[i]);
                    tag_features(info, i, tag_name(p1), tag_name(p2), &mut feats);
                    model.adjust(&feats, tags[i], delta);
                }
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
    fn bio_rules_follow_the_tag_names() {
        for (t, tag) in TAGS.iter().enumerate() {
            for prev in std::iter::once(None).chain((0..N_TAGS).map(Some)) {
                let want = match tag.strip_prefix("I-") {
                    Some(kind) => prev.is_some_and(|p| TAGS[p] != "O" && TAGS[p][2..] == *kind),
                    None => true,
                };
                assert_eq!(allowed(t, prev), want, "{tag} after {prev:?}");
            }
        }
    }

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
