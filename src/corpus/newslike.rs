//! A synthetic archive that looks like real news, for benchmarks that mean
//! something: real sentences (labelled newswire such as ANERcorp's training
//! text, in story order), their persons and places replaced by real names
//! drawn with Zipf-like frequencies from name and place lexicons (so an
//! archive of tens of thousands of articles has tens of thousands of
//! persons, thousands of places, and new names as it grows), article lengths
//! spread like a newspaper's, and the noise scrapers bring (header bars,
//! dates, share lines, script blocks, footers). Deterministic for a seed.

use crate::entities::tagger::{read_labelled, RawSentence};
use crate::random::Lcg as Rng;

/// How a Zipf-like rank is drawn: weight of rank r is 1 / (r + 1)^S.
const S: f64 = 1.05;

/// A list drawn from with Zipf-like frequencies (first items most often).
struct Zipf<T> {
    items: Vec<T>,
    cumulative: Vec<f64>,
}

impl<T> Zipf<T> {
    fn new(items: Vec<T>) -> Zipf<T> {
        let mut total = 0.0;
        let cumulative = (0..items.len())
            .map(|r| {
                total += 1.0 / ((r + 1) as f64).powf(S);
                total
            })
            .collect();
        Zipf { items, cumulative }
    }

    fn draw(&self, rng: &mut Rng) -> &T {
        let total = self.cumulative.last().copied().unwrap_or(0.0);
        let x = rng.unit() * total;
        let i = self.cumulative.partition_point(|&c| c < x);
        &self.items[i.min(self.items.len() - 1)]
    }
}

/// What the archive is made of.
pub struct NewsLike {
    sentences: Vec<RawSentence>,
    persons: Zipf<String>,
    places: Zipf<String>,
}

/// Counts of what went into an archive, to state beside a real one's.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Made {
    /// Articles written.
    pub articles: usize,
    /// Bytes of page text written.
    pub bytes: usize,
    /// Distinct persons put into the articles.
    pub persons: usize,
    /// Distinct places put into the articles.
    pub places: usize,
}

/// Leading clitics kept when a place written with one is replaced
/// (ولبنان → و + the new place).
const CLITICS: &[&str] = &["وب", "ول", "وف", "و", "ب", "ل", "ف"];

impl NewsLike {
    /// The material: labelled sentences (`word TAG` lines, blank lines
    /// between sentences), given names and surnames each most common
    /// first, and places most prominent first. `None` when there is not
    /// enough of any of them to write an archive.
    pub fn new(
        labelled: &str,
        given: &[String],
        surnames: &[String],
        places: Vec<String>,
        seed: u64,
    ) -> Option<NewsLike> {
        let sentences: Vec<RawSentence> = read_labelled(labelled)
            .into_iter()
            .filter(|(w, _)| w.len() >= 4)
            .collect();
        if sentences.len() < 20 || given.is_empty() || surnames.is_empty() || places.is_empty() {
            return None;
        }
        // A population of persons: given name (sometimes a father's name
        // too) and surname, each part drawn Zipf-like, as in a real
        // archive where some given names and families recur.
        let mut rng = Rng::new(seed ^ 0x9e37_79b9);
        let (g, s) = (Zipf::new(given.to_vec()), Zipf::new(surnames.to_vec()));
        let count = 40 * (given.len() + surnames.len());
        let mut seen = std::collections::HashSet::new();
        let mut persons = Vec::with_capacity(count);
        for _ in 0..count * 2 {
            if persons.len() == count {
                break;
            }
            let mut name = g.draw(&mut rng).clone();
            if rng.below(4) == 0 {
                name.push(' ');
                name.push_str(g.draw(&mut rng));
            }
            name.push(' ');
            name.push_str(s.draw(&mut rng));
            if seen.insert(name.clone()) {
                persons.push(name);
            }
        }
        Some(NewsLike {
            sentences,
            persons: Zipf::new(persons),
            places: Zipf::new(places),
        })
    }

    /// Writes `n` scraped pages, calling `write(relative path, text)` for
    /// each (`flat`: all in one directory; else a directory per thousand).
    pub fn pages<E>(
        &self,
        n: usize,
        seed: u64,
        flat: bool,
        mut write: impl FnMut(&str, &str) -> Result<(), E>,
    ) -> Result<Made, E> {
        let mut rng = Rng::new(seed);
        let (mut persons, mut places) = (
            std::collections::HashSet::new(),
            std::collections::HashSet::new(),
        );
        let mut made = Made::default();
        for i in 0..n {
            let page = self.page(&mut rng, i, &mut persons, &mut places);
            let path = if flat {
                format!("{i:06}.txt")
            } else {
                format!("{:03}/{i:06}.txt", i / 1000)
            };
            write(&path, &page)?;
            made.articles += 1;
            made.bytes += page.len();
        }
        made.persons = persons.len();
        made.places = places.len();
        Ok(made)
    }

    fn page(
        &self,
        rng: &mut Rng,
        i: usize,
        persons: &mut std::collections::HashSet<String>,
        places: &mut std::collections::HashSet<String>,
    ) -> String {
        // Lengths: most articles a few paragraphs, some long features.
        let count = 3 + rng.skewed(24) + rng.below(6);
        let start = rng.below(self.sentences.len());
        // In insertion order, so that the same seed writes the same bytes.
        let mut cast: Vec<(String, String)> = Vec::new();
        let mut sentences = Vec::with_capacity(count);
        for k in 0..count {
            let (words, tags) = &self.sentences[(start + k) % self.sentences.len()];
            sentences.push(self.recast(words, tags, rng, &mut cast, persons, places));
        }
        let mut page = String::new();
        const BARS: &[&str] = &[
            "أخبار عاجلة",
            "الرئيسية | محليات | دولي | اقتصاد | رياضة",
            "آخر الأخبار",
        ];
        page.push_str(BARS[rng.below(BARS.len())]);
        page.push('\n');
        let title: Vec<&str> = sentences[0].split(' ').take(6 + rng.below(7)).collect();
        page.push_str(&title.join(" "));
        page.push('\n');
        let (day, month) = (1 + rng.below(28), 1 + rng.below(12));
        page.push_str(&format!("{:04}-{month:02}-{day:02}\n", 2010 + rng.below(8)));
        let mut k = 0;
        while k < sentences.len() {
            let take = 1 + rng.below(3);
            let end = (k + take).min(sentences.len());
            page.push_str(&sentences[k..end].join(" "));
            page.push('\n');
            k = end;
        }
        if rng.below(6) == 0 {
            page.push_str("var _gaq = _gaq || []; _gaq.push(['_trackPageview']);\n");
        }
        const SHARE: &[&str] = &["شارك هذا الخبر", "شارك على فيسبوك", "تابعونا على تويتر"];
        page.push_str(SHARE[rng.below(SHARE.len())]);
        page.push_str("\nجميع الحقوق محفوظة\n");
        if i % 5 == 4 {
            page = page.replace('\n', "\r\n");
        }
        page
    }

    /// One sentence with its persons and places replaced: the same gold
    /// name within an article gets the same new name, and a name cut to
    /// its last word gets the new name's last word.
    fn recast(
        &self,
        words: &[String],
        tags: &[String],
        rng: &mut Rng,
        cast: &mut Vec<(String, String)>,
        persons: &mut std::collections::HashSet<String>,
        places: &mut std::collections::HashSet<String>,
    ) -> String {
        let mut out: Vec<String> = Vec::with_capacity(words.len());
        let mut i = 0;
        while i < words.len() {
            let kind = tags[i].strip_prefix("B-").unwrap_or("");
            if kind != "PERS" && kind != "LOC" {
                out.push(words[i].clone());
                i += 1;
                continue;
            }
            let mut end = i + 1;
            while end < words.len() && tags[end] == format!("I-{kind}") {
                end += 1;
            }
            let gold = words[i..end].join(" ");
            if kind == "PERS" {
                let name = match cast.iter().find(|c| c.0 == gold) {
                    Some(c) => c.1.clone(),
                    None => {
                        // A surname alone after the full name: its new surname.
                        let known = cast
                            .iter()
                            .find(|(g, _)| g.len() > gold.len() && g.ends_with(&format!(" {gold}")))
                            .and_then(|(_, n)| n.rsplit(' ').next().map(str::to_owned));
                        let n = known.unwrap_or_else(|| self.persons.draw(rng).clone());
                        cast.push((gold.clone(), n.clone()));
                        n
                    }
                };
                persons.insert(name.clone());
                out.push(name);
            } else {
                let clitic = CLITICS
                    .iter()
                    .find(|c| {
                        gold.strip_prefix(**c)
                            .is_some_and(|rest| rest.chars().count() >= 4)
                    })
                    .filter(|_| end == i + 1 && rng.below(2) == 0)
                    .copied()
                    .unwrap_or("");
                let key = format!("LOC {}", &gold[clitic.len()..]);
                let place = match cast.iter().find(|c| c.0 == key) {
                    Some(c) => c.1.clone(),
                    None => {
                        let p = self.places.draw(rng).clone();
                        cast.push((key, p.clone()));
                        p
                    }
                };
                places.insert(place.clone());
                out.push(format!("{clitic}{place}"));
            }
            i = end;
        }
        out.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn material() -> NewsLike {
        let mut text = String::new();
        for k in 0..40 {
            text.push_str(&format!(
                "قال O\nسيرغي B-PERS\nلافروف I-PERS\nفي O\nموسكو B-LOC\nاليوم{k} O\n\n"
            ));
        }
        let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        NewsLike::new(
            &text,
            &names(&["محمد", "أحمد", "خالد"]),
            &names(&["العمري", "الحربي"]),
            names(&["الرياض", "جدة", "بيروت"]),
            3,
        )
        .expect("enough material")
    }

    #[test]
    fn deterministic_with_real_names_replaced() {
        let news = material();
        let mut a = Vec::new();
        let made = news
            .pages(30, 9, false, |p, t| {
                a.push((p.to_owned(), t.to_owned()));
                Ok::<(), ()>(())
            })
            .unwrap();
        let mut b = Vec::new();
        news.pages(30, 9, false, |p, t| {
            b.push((p.to_owned(), t.to_owned()));
            Ok::<(), ()>(())
        })
        .unwrap();
        assert_eq!(a, b);
        assert_eq!(made.articles, 30);
        assert_eq!(a[29].0, "000/000029.txt");
        assert!(a
            .iter()
            .all(|(_, t)| !t.contains("لافروف") && !t.contains("موسكو")));
        assert!(made.persons >= 2 && made.places >= 2, "{made:?}");
    }
}
