//! Synthetic corpora for benchmarks and scale tests, made from nothing but
//! the bundled samples: their sentences recombined, plus sentences about
//! generated persons and real places, so that a large corpus has as many
//! distinct names as a newsroom archive. Deterministic for a seed.

use super::{load, Article, CorpusSource};
use crate::random::Lcg as Rng;

const FIRST: &[&str] = &[
    "محمد",
    "أحمد",
    "علي",
    "خالد",
    "عمر",
    "يوسف",
    "سامي",
    "فادي",
    "ليلى",
    "مريم",
    "سيرغي",
    "ديمتري",
    "أندريه",
    "فيكتور",
    "جون",
    "مايكل",
    "ديفيد",
    "كريم",
    "هشام",
    "نبيل",
    "طارق",
    "رامي",
    "منى",
    "هدى",
    "إيفان",
    "بوريس",
    "فرانسوا",
    "جان",
    "هانز",
    "كلاوس",
];
const SYLLABLES: &[&str] = &[
    "كو", "لا", "مي", "تر", "نو", "فا", "ري", "سا", "دو", "بي", "غا", "زو", "كي", "شا", "لو", "ما",
    "دي", "ران", "سك", "تو",
];
const ENDINGS: &[&str] = &["وف", "يف", "سكي", "ني", "ري", "ان", "يل", "ون", "يتش", "و"];
const ROLES: &[&str] = &[
    "وزير الخارجية",
    "المتحدث باسم الحكومة",
    "رئيس الوزراء",
    "المبعوث الخاص",
    "رئيس البرلمان",
    "وزير الدفاع",
    "السفير",
];
const PLACES: &[&str] = &[
    "موسكو",
    "دمشق",
    "حلب",
    "القاهرة",
    "بيروت",
    "بغداد",
    "عمان",
    "الرياض",
    "أنقرة",
    "طهران",
    "باريس",
    "لندن",
    "برلين",
    "جنيف",
    "واشنطن",
    "نيويورك",
    "بكين",
    "طوكيو",
    "الدوحة",
    "تونس",
    "الجزائر",
    "الرباط",
    "الخرطوم",
    "صنعاء",
    "أستانا",
    "إسطنبول",
    "روما",
    "مدريد",
    "فيينا",
    "أثينا",
];

/// A generated person's name: a first name and an invented surname, drawn so
/// that a few recur often and most rarely.
fn person(rng: &mut Rng) -> String {
    let k = rng.skewed(20_000);
    let first = FIRST[k % FIRST.len()];
    let mut last = String::new();
    let mut x = k / FIRST.len() + 7;
    for _ in 0..2 + x % 2 {
        last.push_str(SYLLABLES[x % SYLLABLES.len()]);
        x /= SYLLABLES.len();
    }
    last.push_str(ENDINGS[k % ENDINGS.len()]);
    format!("{first} {last}")
}

fn template(rng: &mut Rng) -> String {
    let (who, role, place) = (
        person(rng),
        ROLES[rng.below(ROLES.len())],
        PLACES[rng.skewed(PLACES.len())],
    );
    match rng.below(4) {
        0 => format!("وقال {role} {who} إن المحادثات في {place} كانت بناءة ومثمرة."),
        1 => format!("ووصل {who} إلى {place} في زيارة رسمية تستمر يومين."),
        2 => format!(
            "والتقى {who} في {place} مع {} لبحث الأوضاع في المنطقة.",
            person(rng)
        ),
        _ => format!("وأكد {who}، {role}، أن بلاده تدعم الحل السياسي."),
    }
}

/// One generated article: title, paragraphs and site name.
struct Draft {
    title: String,
    body: Vec<String>,
    source: Option<&'static str>,
}

/// Sentences of the samples, the material of every draft.
fn sentences() -> Vec<String> {
    let samples = load(&CorpusSource::Bundled)
        .map(|c| c.articles)
        .unwrap_or_default();
    samples
        .iter()
        .flat_map(|a| a.body.iter())
        .flat_map(|p| {
            p.split_inclusive(". ")
                .map(|s| s.trim().to_owned())
                .collect::<Vec<_>>()
        })
        .filter(|s| s.split_whitespace().count() >= 6)
        .collect()
}

fn draft(sentences: &[String], rng: &mut Rng) -> Draft {
    let sources = ["إرم نيوز", "سيريانيوز", "شجون عربية"];
    let body: Vec<String> = (0..5 + rng.below(8))
        .map(|_| {
            (0..1 + rng.below(3))
                .map(|_| {
                    if rng.below(3) == 0 {
                        template(rng)
                    } else {
                        sentences[rng.below(sentences.len())].clone()
                    }
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let title = body[rng.below(body.len())]
        .split_whitespace()
        .take(6 + rng.below(6))
        .collect::<Vec<_>>()
        .join(" ");
    Draft {
        title,
        body,
        source: (rng.below(2) == 0).then(|| sources[rng.below(sources.len())]),
    }
}

/// `n` clean articles of 5–12 paragraphs of 1–3 sentences each.
pub fn synthetic(n: usize, seed: u64) -> Vec<Article> {
    let sentences = sentences();
    if sentences.is_empty() {
        return Vec::new();
    }
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|i| {
            let d = draft(&sentences, &mut rng);
            Article {
                id: format!("synthetic/{i:06}"),
                words: Article::count_words(&d.body),
                title: d.title,
                body: d.body,
                source: d.source.map(str::to_owned),
                dateline: None,
                date: None,
                url: None,
                path: format!("synthetic/{i:06}.txt").into(),
                record: 0,
            }
        })
        .collect()
}

/// `n` scraped pages as files would hold them (relative path, text): the
/// same drafts wrapped in what scrapers bring along (a breaking-news bar, a
/// teaser, the repeated headline, share buttons), with CRLF in some.
pub fn synthetic_pages(n: usize, seed: u64) -> impl Iterator<Item = (String, String)> {
    let sentences = sentences();
    let mut rng = Rng::new(seed);
    (0..if sentences.is_empty() { 0 } else { n }).map(move |i| {
        let d = draft(&sentences, &mut rng);
        let mut page = String::from("أخبار عاجلة\n");
        page.push_str(&person(&mut rng));
        page.push_str("\n\n");
        page.push_str(&d.title);
        page.push_str("\n\n");
        if let Some(s) = d.source {
            page.push_str(s);
            page.push_str("\n\n");
        }
        page.push_str(&d.body.join("\n\n"));
        page.push_str("\n\nشارك هذا الخبر\nفيسبوك\nتويتر\nواتساب\n");
        if rng.below(5) == 0 {
            page = page.replace('\n', "\r\n");
        }
        (format!("{:03}/{i:06}.txt", i / 1000), page)
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn deterministic_and_sized() {
        let a = super::synthetic(20, 7);
        assert_eq!(a.len(), 20);
        assert_eq!(a, super::synthetic(20, 7));
        assert!(a.iter().all(|x| !x.title.is_empty() && x.body.len() >= 4));
        let pages: Vec<_> = super::synthetic_pages(3, 7).collect();
        assert_eq!(pages.len(), 3);
        assert_eq!(pages[2].0, "000/000002.txt");
    }
}
