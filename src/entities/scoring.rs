//! Tagging with the scores of each distinct word added up once.
//!
//! Most of a token's features depend only on its own word or on one
//! neighbour's word (see `features.rs`), and words recur: in a news archive
//! each distinct word occurs dozens of times. A [`WordCache`] keeps, per
//! normalized word, its [`TokenInfo`] and the summed weights of those
//! features (as the token itself, and as each neighbour), so tagging a
//! token looks up only the features that combine words or tags. Weights are
//! multiples of a power of two, so these sums equal the feature-by-feature
//! ones exactly.

use rustc_hash::FxHashMap;

use super::features::{
    context_features, history_features, mark_full_names, mark_places, mark_quoted,
    neighbour_features, own_features, rare_neighbour_features, word_history_features, word_info,
    TokenInfo, NEIGHBOURS, RARE_NEIGHBOURS,
};
use super::model::{Perceptron, N_TAGS};
use super::tagger::{add, decode, tag_name, BEAM, PERSON_BIAS};
use super::Extractor;

type Scores = [f32; N_TAGS];

/// Words kept before the cache starts again: about 40 MB, enough for the
/// vocabulary of thousands of articles.
const CAPACITY: usize = 100_000;

struct Entry {
    info: TokenInfo,
    own: Scores,
    /// As the neighbour at each offset of [`NEIGHBOURS`].
    near: [Scores; 4],
    /// As the neighbour of a rare word at each offset of [`RARE_NEIGHBOURS`].
    rare_near: [Scores; 2],
}

/// Per-word information and scores, for one thread's articles.
pub struct WordCache {
    ids: FxHashMap<String, u32>,
    entries: Vec<Entry>,
    /// What a position past the sentence's ends contributes.
    none: ([Scores; 4], [Scores; 2]),
    /// The scores of the features of the two previous tags alone, by
    /// [`slot`] of the tag before and of the one before that.
    history: Box<[[Scores; SLOTS]; SLOTS]>,
    feats: Vec<u64>,
}

impl WordCache {
    /// An empty cache for `extractor`'s model.
    pub fn new(extractor: &Extractor) -> WordCache {
        let mut feats = Vec::with_capacity(64);
        let none = near_scores(&extractor.model, None, &mut feats);
        let mut history = Box::new([[[0.0; N_TAGS]; SLOTS]; SLOTS]);
        for (p1, row) in history.iter_mut().enumerate() {
            for (p2, cell) in row.iter_mut().enumerate() {
                feats.clear();
                history_features(tag_name(unslot(p1)), tag_name(unslot(p2)), &mut feats);
                *cell = extractor.model.scores(&feats);
            }
        }
        // Reserved whole (only touched pages cost memory): growing by
        // doubling held up to twice the entries' size during a copy.
        WordCache {
            ids: FxHashMap::with_capacity_and_hasher(CAPACITY, Default::default()),
            entries: Vec::with_capacity(CAPACITY),
            none,
            history,
            feats,
        }
    }

    /// Token information for a sentence of normalized words, and each
    /// token's entry for [`WordCache::tag`].
    pub fn sentence(&mut self, ext: &Extractor, norms: &[String]) -> (Vec<TokenInfo>, Vec<u32>) {
        let ids = self.ids(ext, norms);
        let mut info: Vec<TokenInfo> = ids
            .iter()
            .map(|&id| self.entries[id as usize].info.clone())
            .collect();
        mark_quoted(norms, &mut info);
        mark_full_names(&mut info, &ext.gazetteer);
        mark_places(&mut info, &ext.gazetteer);
        (info, ids)
    }

    /// Each word's entry, for [`WordCache::info`]; valid until the next call.
    pub fn ids(&mut self, ext: &Extractor, norms: &[String]) -> Vec<u32> {
        if self.entries.len() + norms.len() > CAPACITY {
            self.ids.clear();
            self.entries.clear();
        }
        norms.iter().map(|n| self.id(ext, n)).collect()
    }

    /// What is known of a word by itself (`quoted` is always false).
    pub fn info(&self, id: u32) -> &TokenInfo {
        &self.entries[id as usize].info
    }

    fn id(&mut self, ext: &Extractor, norm: &str) -> u32 {
        if let Some(&id) = self.ids.get(norm) {
            return id;
        }
        let info = word_info(norm, &ext.gazetteer, &ext.counts);
        self.feats.clear();
        own_features(&info, &mut self.feats);
        let own = ext.model.scores(&self.feats);
        let (near, rare_near) = near_scores(&ext.model, Some(&info), &mut self.feats);
        let id = self.entries.len() as u32;
        self.entries.push(Entry {
            info,
            own,
            near,
            rare_near,
        });
        self.ids.insert(norm.to_owned(), id);
        id
    }

    /// Tags a sentence from [`WordCache::sentence`]: the same tags and
    /// scores as `tagger::tag_scored`.
    pub fn tag(
        &mut self,
        model: &Perceptron,
        info: &[TokenInfo],
        ids: &[u32],
    ) -> (Vec<usize>, Vec<Scores>) {
        // The search scores every sequence of its beam at token i before it
        // moves on, so what they share is kept for the current token only:
        // its scores without the tags, and the word-and-previous-tag
        // features' scores by the previous tag.
        let mut current = usize::MAX;
        let mut base: Scores = [0.0; N_TAGS];
        let mut after: [Option<Scores>; SLOTS] = [None; SLOTS];
        let (entries, none, history, feats) =
            (&self.entries, &self.none, &self.history, &mut self.feats);
        let found = decode(info.len(), BEAM, None, |i, p1, p2| {
            if current != i {
                current = i;
                after = [None; SLOTS];
                base = {
                    let entry = &entries[ids[i] as usize];
                    let mut s = entry.own;
                    let at = |k: isize| {
                        i.checked_add_signed(k)
                            .and_then(|j| ids.get(j))
                            .map(|&id| &entries[id as usize])
                    };
                    for (n, &k) in NEIGHBOURS.iter().enumerate() {
                        add(&mut s, at(k).map_or(&none.0[n], |e| &e.near[n]));
                    }
                    if entry.info.rare {
                        for (n, &k) in RARE_NEIGHBOURS.iter().enumerate() {
                            add(&mut s, at(k).map_or(&none.1[n], |e| &e.rare_near[n]));
                        }
                    }
                    feats.clear();
                    context_features(info, i, feats);
                    add(&mut s, &model.scores(feats));
                    s
                };
            }
            let mut s = base;
            add(&mut s, &history[slot(p1)][slot(p2)]);
            add(
                &mut s,
                after[slot(p1)].get_or_insert_with(|| {
                    feats.clear();
                    word_history_features(&info[i], tag_name(p1), feats);
                    model.scores(feats)
                }),
            );
            s[super::tagger::B_PERS] += PERSON_BIAS;
            s[super::tagger::I_PERS] += PERSON_BIAS;
            s
        });
        (found.tags, found.scores)
    }
}

/// Previous tags, and the start of the sentence.
const SLOTS: usize = N_TAGS + 1;

/// Where a previous tag (`None`: the start) is kept in a table of [`SLOTS`].
fn slot(t: Option<usize>) -> usize {
    t.map_or(0, |t| t + 1)
}

fn unslot(s: usize) -> Option<usize> {
    s.checked_sub(1)
}

/// A word's scores as each neighbour (`None`: past the sentence's ends).
fn near_scores(
    model: &Perceptron,
    x: Option<&TokenInfo>,
    feats: &mut Vec<u64>,
) -> ([Scores; 4], [Scores; 2]) {
    let mut near = [[0.0; N_TAGS]; 4];
    for (n, &k) in NEIGHBOURS.iter().enumerate() {
        feats.clear();
        neighbour_features(x, k, feats);
        near[n] = model.scores(feats);
    }
    let mut rare = [[0.0; N_TAGS]; 2];
    for (n, &k) in RARE_NEIGHBOURS.iter().enumerate() {
        feats.clear();
        rare_neighbour_features(x, k, feats);
        rare[n] = model.scores(feats);
    }
    (near, rare)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::features::sentence_info;
    use crate::entities::tagger::tag_scored;

    #[test]
    fn same_tags_and_scores_as_feature_by_feature() {
        let ext = Extractor::builtin().unwrap();
        let mut cache = WordCache::new(&ext);
        let text = "قال وزير الخارجية الروسي سيرغي لافروف في موسكو إن « روسيا اليوم » \
                    تبث من جنيف . والتقى داستين هوفمان 12 مرة مع ابو مازن في رام الله";
        for _ in 0..2 {
            let norms: Vec<String> = text.split(' ').map(crate::text::normalize_str).collect();
            let (info, ids) = cache.sentence(&ext, &norms);
            let want = tag_scored(
                &ext.model,
                &sentence_info(&norms, &ext.gazetteer, &ext.counts),
            );
            assert_eq!(cache.tag(&ext.model, &info, &ids), want);
        }
    }
}
