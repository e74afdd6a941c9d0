//! Synthetic corpora for benchmarks and scale tests: articles recombined from
//! the sentences of the bundled samples, deterministic for a seed, so that a
//! fresh machine can measure tens of thousands of articles.

use super::{load, Article, CorpusSource};

/// A tiny deterministic generator (PCG-style LCG); statistics do not matter here.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// `n` articles of 3–8 paragraphs of 1–3 sentences each, drawn from the
/// bundled samples; titles are the opening words of a sentence.
pub fn synthetic(n: usize, seed: u64) -> Vec<Article> {
    let samples = load(&CorpusSource::Bundled)
        .map(|c| c.articles)
        .unwrap_or_default();
    let sentences: Vec<String> = samples
        .iter()
        .flat_map(|a| a.body.iter())
        .flat_map(|p| {
            p.split_inclusive(". ")
                .map(|s| s.trim().to_owned())
                .collect::<Vec<_>>()
        })
        .filter(|s| s.split_whitespace().count() >= 6)
        .collect();
    if sentences.is_empty() {
        return Vec::new();
    }
    let sources = ["إرم نيوز", "سيريانيوز", "شجون عربية"];
    let mut rng = Rng(seed);
    (0..n)
        .map(|i| {
            let paragraphs = 3 + rng.below(6);
            let body: Vec<String> = (0..paragraphs)
                .map(|_| {
                    (0..1 + rng.below(3))
                        .map(|_| sentences[rng.below(sentences.len())].as_str())
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect();
            let title_from = &sentences[rng.below(sentences.len())];
            let title = title_from
                .split_whitespace()
                .take(6 + rng.below(6))
                .collect::<Vec<_>>()
                .join(" ");
            Article {
                id: format!("synthetic/{i:06}"),
                words: Article::count_words(&body),
                title,
                body,
                source: (rng.below(2) == 0).then(|| sources[rng.below(sources.len())].to_owned()),
                dateline: None,
                date: None,
                url: None,
                path: format!("synthetic/{i:06}.txt"),
                record: 0,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn deterministic_and_sized() {
        let a = super::synthetic(20, 7);
        assert_eq!(a.len(), 20);
        assert_eq!(a, super::synthetic(20, 7));
        assert!(a.iter().all(|x| !x.title.is_empty() && x.body.len() >= 3));
    }
}
