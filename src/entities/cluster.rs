//! One entity per real person or place across a corpus.
//!
//! Mentions are first reduced to a key: proclitics removed where the corpus or
//! the training text attests the bare word, places mapped to their gazetteer
//! entry. Keys then merge when their consonant skeletons agree and they differ
//! by a letter or two (سيرغي/سيرجي, جاويش/جاوش), unless both spellings are
//! common words in their own right (محمد/محمود); and a surname alone joins
//! the one full name it ends (بوتين → فلاديمير بوتين) when that is unambiguous.

use std::borrow::Cow;
use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::coreference::KIN_CONNECTORS;
use super::extract::{Extractor, Kind};
use super::features::Counts;
use super::gazetteer::{place_key, Gazetteer};
use super::names::{Found, Name, NameTable};
use crate::text::{analyses, normalize};

/// One person or place across the corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Person or place.
    pub kind: Kind,
    /// The canonical name: the most frequent full spelling.
    pub name: String,
    /// Spellings as they occur in the text (proclitics removed), most frequent first.
    pub variants: Vec<String>,
    /// Indices of the articles that mention it, ascending.
    #[serde(with = "super::packed::usizes")]
    pub articles: Vec<usize>,
    /// Number of mentions.
    pub mentions: usize,
}

/// The entities of a corpus and where each mention went.
#[derive(Debug, Clone, Default)]
pub struct Entities {
    /// Entities, most widely mentioned first.
    pub entities: Vec<Entity>,
    /// For each name of the [`NameTable`], the index of the entity its
    /// mentions went to (`u32::MAX` for a name no article mentions): every
    /// mention of a name goes to one entity, so a corpus's millions of
    /// mentions need no table of their own.
    pub name_entity: Vec<u32>,
}

/// A mention reduced to what identifies its entity.
struct Reduced {
    kind: Kind,
    /// Normalized words, proclitics removed.
    norms: Vec<String>,
    /// The spelling as written, proclitics removed.
    surface: String,
}

/// Counts of normalized words in the corpus's names and in the training
/// text, and the gazetteer's places (which count as attested however rare).
struct Lexicon<'a> {
    corpus: HashMap<&'a str, u32>,
    training: &'a Counts,
    /// How often each training word stood in a person's or a place's name.
    training_names: [&'a Counts; 2],
    gazetteer: Option<&'a Gazetteer>,
}

/// What a gazetteer place weighs as evidence that a bare word is a word.
const GAZETTEER_WEIGHT: u32 = 1000;

impl Lexicon<'_> {
    /// How often `w` is attested as a name: in the corpus's names, in the
    /// training text's, or in the gazetteer. Not as any word: يد ("hand") is
    /// common, and وليد must not become it.
    fn count(&self, w: &str) -> u32 {
        let places = self.gazetteer.is_some_and(|g| g.is_place(w));
        self.corpus.get(w).copied().unwrap_or(0)
            + self.training_names[0].get(w).copied().unwrap_or(0)
            + self.training_names[1].get(w).copied().unwrap_or(0)
            + if places { GAZETTEER_WEIGHT } else { 0 }
    }
}

/// What a person's name is known to be by its established given names
/// (محمد, محمود: given names the training text saw three times or more,
/// which [`same_word`] never takes one for the other) and their nisbas
/// (محمدي, محمودي), if it holds any.
/// Not by every name a list knows: transliterations of one foreign name
/// (ستافان, ستيفان) are often both listed.
fn person_identity(norms: &[String], lex: &Lexicon<'_>) -> Option<String> {
    let gaz = lex.gazetteer?;
    // A lone given name is known by itself: حسان alone is not حسن alone,
    // however close the spellings (a person named by one word and a variant
    // of it is rare, and was the chains' way).
    let alone = norms.len() == 1;
    let name = |w: &str| (alone || established(w, lex)) && gaz.is_given_name(w);
    let known: Vec<&str> = norms
        .iter()
        .map(String::as_str)
        // Its nisba too (محمدي, الحسيني, موسوي): a surname of its own.
        .filter(|w| name(w) || nisba_bases(w).iter().any(|base| name(base)))
        .collect();
    (!known.is_empty()).then(|| known.join(" "))
}

/// The names (normalized) that `w` may be the nisba of: محمدي, المحمدي →
/// محمد; موسوي → موسي (موسى, whose ى becomes و before the ي).
fn nisba_bases(w: &str) -> Vec<String> {
    let Some(stem) = w.strip_suffix('ي') else {
        return Vec::new();
    };
    let bare = stem.strip_prefix("ال").unwrap_or(stem);
    let mut out = vec![stem.to_owned()];
    if bare != stem {
        out.push(bare.to_owned());
    }
    if let Some(s) = bare.strip_suffix('و') {
        out.push(format!("{s}ي"));
    }
    out
}

/// A word the training text saw three times or more: a name of its own,
/// not a spelling of another.
fn established(w: &str, lex: &Lexicon<'_>) -> bool {
    lex.training.get(w).copied().unwrap_or(0) >= 3
}

/// A proclitic is removed only when at least this many letters remain: the
/// first letters of وليد, وائل, باري and فادي are the names' own.
const MIN_STEM: usize = 3;

/// Removes the proclitics of a mention's first word when the bare word is
/// attested at least as often as the glued one (وموسكو → موسكو, but لافروف and
/// لبنان stay). The article stays: it is part of how names are written.
fn reduce(m: &Name, lex: &Lexicon<'_>) -> Reduced {
    let first = &m.norms[0];
    let mut best: (u32, usize, bool) = (0, 0, false);
    // A word a name list holds whole is that name, however common the rest
    // is: كريم is not ك + ريم, nor بشار ب + شار.
    let listed = lex
        .gazetteer
        .is_some_and(|g| g.is_given_name(first) || g.name_role(first).is_some());
    for a in analyses(first).into_iter().skip(1).filter(|_| !listed) {
        let (stem, article) = match a.prefix {
            p if p.ends_with("لل") => (format!("ال{}", a.stem), true),
            p if p.ends_with("ال") => (format!("ال{}", a.stem), true),
            _ => (a.stem.to_owned(), false),
        };
        let strip = first.len() - a.stem.len();
        if a.stem.chars().count() < MIN_STEM {
            continue;
        }
        // A glued known place (وتركيا) is that place however often the
        // corpus glues it; otherwise the bare word must be attested at least
        // as often as the glued one.
        // For a place, a GeoNames town too (والباحة → الباحة).
        let place = |w: &str| {
            lex.gazetteer
                .is_some_and(|g| g.is_place(w) || (m.kind == Kind::Place && g.is_town(w)))
        };
        let count = if place(&stem) && !place(first) {
            u32::MAX
        } else {
            lex.count(&stem)
        };
        if count > 0 && count >= lex.count(first) && count > best.0 {
            best = (count, strip, article);
        }
    }
    let mut norms = m.norms.clone();
    let mut words = m.words.clone();
    if best.0 > 0 {
        let (_, strip, article) = best;
        let stem = &first[strip..];
        norms[0] = if article {
            format!("ال{stem}")
        } else {
            stem.to_owned()
        };
        let written = &m.words[0];
        let n = normalize(written);
        let from = n.origin.get(strip).copied().unwrap_or(0);
        words[0] = if article {
            format!("ال{}", &written[from..])
        } else {
            written[from..].to_owned()
        };
    }
    Reduced {
        kind: m.kind,
        norms,
        surface: words.join(" "),
    }
}

/// The consonant skeleton of a normalized word: article dropped, long vowels
/// and hamza dropped after the first letter, final vowels dropped, letters
/// that transliterations swap merged (غ/ج, ط/ت, ص/س), doubles collapsed.
pub fn skeleton(word: &str) -> String {
    let w = word
        .strip_prefix("ال")
        .filter(|r| r.chars().count() >= 2)
        .unwrap_or(word);
    let chars: Vec<char> = w.chars().collect();
    let mut out = String::new();
    let mut last = None;
    for (i, &c) in chars.iter().enumerate() {
        let c = match c {
            'غ' => 'ج',
            'ط' => 'ت',
            'ص' => 'س',
            c => c,
        };
        let vowel = matches!(c, 'ا' | 'و' | 'ي' | 'ء');
        let final_vowel = i + 1 == chars.len() && matches!(c, 'ا' | 'ه' | 'ي');
        if (i > 0 && (vowel || final_vowel)) || last == Some(c) {
            continue;
        }
        out.push(c);
        last = Some(c);
    }
    out
}

/// Levenshtein distance between two strings, in characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let sub = prev[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            cur[j] = sub.min(prev[j] + 1).min(cur[j - 1] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Whether two normalized words are spellings of one name.
fn same_word(a: &str, b: &str, lex: &Lexicon<'_>) -> bool {
    if a == b {
        return true;
    }
    if skeleton(a) != skeleton(b) || skeleton(a).chars().count() < 2 {
        return false;
    }
    // A nisba is another name than the one it is made from: محمدي is not
    // محمد, الحسيني not حسين.
    let nisba_of = |x: &str, y: &str| nisba_bases(x).iter().any(|base| base == y);
    if nisba_of(a, b) || nisba_of(b, a) {
        return false;
    }
    // A letter in three may differ, counted without the article: العلي and
    // العلوي are two surnames, as علي and علوي are.
    let letters = |w: &str| w.strip_prefix("ال").unwrap_or(w).chars().count();
    // Names of three letters or fewer have no spelling a letter away: ريم,
    // رام and روم are three names.
    let longest = letters(a).max(letters(b));
    let limit = if longest <= 3 {
        0
    } else {
        (longest / 3).max(1)
    };
    edit_distance(a, b) <= limit && !(established(a, lex) && established(b, lex))
}

struct Node {
    /// The gazetteer place it is, if it is one.
    known: Option<String>,
    kind: Kind,
    norms: Vec<String>,
    /// The ids of the names reduced to it, each once (their mentions are
    /// counted in `uses`, their surfaces are in `name_node`): a map per
    /// node was a fifth of the memory of linking a large archive.
    spellings: Vec<u32>,
    articles: Vec<u32>,
    mentions: usize,
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Gathers the mentions of every article (compact, their names in `names`)
/// into corpus-wide entities.
pub fn cluster(names: &NameTable, articles: &[Vec<Found>], extractor: &Extractor) -> Entities {
    // Words counted where they are part of a name: a sum over articles, so
    // that an index cache updated file by file counts as a full rebuild does.
    let mut uses = vec![0u32; names.len()];
    for f in articles.iter().flatten() {
        uses[f.name as usize] += 1;
    }
    let mut corpus: HashMap<&str, u32> = HashMap::new();
    for (id, &n) in uses.iter().enumerate() {
        if n > 0 {
            for w in names.norms(id as u32) {
                *corpus.entry(w).or_insert(0) += n;
            }
        }
    }
    let lex = Lexicon {
        corpus,
        training: &extractor.counts,
        training_names: [&extractor.person_counts, &extractor.place_counts],
        gazetteer: Some(&extractor.gazetteer),
    };
    let gaz = &extractor.gazetteer;

    // Each distinct name is reduced once, however often it is mentioned.
    let mut nodes: Vec<Node> = Vec::new();
    let mut by_key: HashMap<(Kind, String), usize> = HashMap::new();
    let mut name_node: Vec<Option<(usize, String)>> = vec![None; names.len()];
    for (ai, a) in articles.iter().enumerate() {
        for f in a {
            let id = match &name_node[f.name as usize] {
                Some(done) => done.0,
                None => {
                    let r = reduce(&names.get(f.name), &lex);
                    let joined = r.norms.join(" ");
                    let known = match r.kind {
                        // A gazetteer place, or a town GeoNames lists under
                        // this very spelling: a place of its own.
                        // The town may be listed without the article the
                        // text gives it: السعيدة is سعيدة (Saïda), and no
                        // spelling of السعودية.
                        Kind::Place => gaz.place(&joined).map(|p| p.arabic.clone()).or_else(|| {
                            let bare = place_key(&joined);
                            (gaz.is_town(&joined) || gaz.is_town(&bare))
                                .then(|| format!("town:{bare}"))
                        }),
                        Kind::Person => None,
                    };
                    let key = match (&known, r.kind) {
                        (Some(p), _) if !p.starts_with("town:") => format!("@{p}"),
                        (_, Kind::Place) => place_key(&joined),
                        (_, Kind::Person) => joined,
                    };
                    let id = *by_key.entry((r.kind, key)).or_insert_with(|| {
                        nodes.push(Node {
                            known,
                            kind: r.kind,
                            norms: r.norms.clone(),
                            spellings: Vec::new(),
                            articles: Vec::new(),
                            mentions: 0,
                        });
                        nodes.len() - 1
                    });
                    name_node[f.name as usize] = Some((id, r.surface));
                    nodes[id].spellings.push(f.name);
                    id
                }
            };
            let node = &mut nodes[id];
            node.mentions += 1;
            if node.articles.last() != Some(&(ai as u32)) {
                node.articles.push(ai as u32);
            }
        }
    }

    drop(by_key);

    // Two nodes can only merge when every word's skeleton agrees, so only
    // nodes in the same skeleton bucket are compared: linear in practice.
    let skeletons: Vec<Vec<String>> = nodes
        .iter()
        .map(|n| n.norms.iter().map(|w| skeleton(w)).collect())
        .collect();
    let mut buckets: HashMap<(Kind, &[String]), Vec<usize>> = HashMap::new();
    for (i, n) in nodes.iter().enumerate() {
        buckets.entry((n.kind, &skeletons[i])).or_default().push(i);
    }
    let mut parent: Vec<usize> = (0..nodes.len()).collect();
    // What a group is known to be: a gazetteer place, or, for a person,
    // the given names it holds (see `person_identity`). Two groups known as different
    // things never merge, even through a spelling between them: محمد and
    // محمود stay apart however many محمدي the corpus holds.
    let mut identity: Vec<Option<Cow<str>>> = nodes
        .iter()
        .map(|n| match n.kind {
            Kind::Place => n.known.as_deref().map(Cow::Borrowed),
            Kind::Person => person_identity(&n.norms, &lex).map(Cow::Owned),
        })
        .collect();
    // Each spelling joins the most mentioned close spelling that leads a
    // group (a centre), or leads one itself. Joining every close pair made
    // chains: حسناء is a letter from حسان, حسان from حسن, and all three were
    // one person. Two groups known as different things (places the
    // gazetteer tells apart, persons of different established given names)
    // never join.
    for members in buckets.values() {
        let mut order: Vec<usize> = members.clone();
        order.sort_by_key(|&i| (std::cmp::Reverse(nodes[i].mentions), i));
        let mut centres: Vec<usize> = Vec::new();
        for i in order {
            let close = centres.iter().copied().find(|&c| {
                let compatible = match (&identity[c], &identity[i]) {
                    (Some(a), Some(b)) => a == b,
                    _ => true,
                };
                compatible
                    && nodes[c]
                        .norms
                        .iter()
                        .zip(&nodes[i].norms)
                        .all(|(x, y)| same_word(x, y, &lex))
            });
            match close {
                Some(c) => {
                    if identity[c].is_none() {
                        identity[c] = identity[i].take();
                    }
                    parent[i] = c;
                }
                None => centres.push(i),
            }
        }
    }
    // A shorter person name joins the one longer name it ends, if only one;
    // longer partial names go first so that they have joined theirs already.
    // Candidates are the longer names whose last words have the same
    // skeletons, found through an index of every name's tails: comparing
    // with every name of the same surname was quadratic in how common the
    // surname is.
    let mut by_tail: HashMap<&[String], Vec<usize>> = HashMap::new();
    for (i, n) in nodes.iter().enumerate() {
        if n.kind == Kind::Person {
            let sk = &skeletons[i];
            for k in 1..sk.len() {
                by_tail.entry(&sk[sk.len() - k..]).or_default().push(i);
            }
        }
    }
    let mut by_length: Vec<usize> = (0..nodes.len()).collect();
    by_length.sort_by_key(|&i| std::cmp::Reverse(nodes[i].norms.len()));
    for i in by_length {
        if nodes[i].kind != Kind::Person {
            continue;
        }
        let mut targets: Vec<usize> = Vec::new();
        let candidates = by_tail
            .get(skeletons[i].as_slice())
            .map_or(&[][..], Vec::as_slice);
        for &j in candidates {
            let (a, b) = (&nodes[i], &nodes[j]);
            if b.norms.len() > a.norms.len() {
                let at = b.norms.len() - a.norms.len();
                let tail = &b.norms[at..];
                // After أبو, بن, آل the rest is another's name: محمد alone
                // is not أبو محمد, nor مشعل فيصل بن مشعل.
                if !KIN_CONNECTORS.contains(&b.norms[at - 1].as_str())
                    && tail
                        .iter()
                        .zip(&a.norms)
                        .all(|(x, y)| same_word(x, y, &lex))
                {
                    let r = find(&mut parent, j);
                    if !targets.contains(&r) {
                        targets.push(r);
                    }
                }
            }
        }
        if let [only] = targets[..] {
            let ri = find(&mut parent, i);
            parent[ri] = only;
        }
    }

    // What only merging needed goes before the entities are made: this is
    // the peak of a large archive's memory.
    drop(by_tail);
    drop(buckets);
    drop(identity);
    drop(skeletons);
    // The nodes by root, each group in node order.
    let mut grouped: Vec<(usize, usize)> = (0..nodes.len())
        .map(|i| (find(&mut parent, i), i))
        .collect();
    grouped.sort_unstable();
    drop(parent);
    let mut entities = Vec::new();
    let mut node_entity = vec![0; nodes.len()];
    for group in grouped.chunk_by(|a, b| a.0 == b.0) {
        let root = group[0].0;
        let members = group.iter().map(|g| g.1);
        let mut spellings: HashMap<&str, (usize, usize)> = HashMap::new();
        let mut articles = Vec::new();
        let mut mentions = 0;
        for m in members {
            let n = &mut nodes[m];
            for &id in &n.spellings {
                let c = uses[id as usize] as usize;
                let surface = name_node[id as usize].as_ref().map_or("", |x| x.1.as_str());
                let e = spellings.entry(surface).or_insert((0, 0));
                e.0 += c;
                e.1 = e.1.max(n.norms.len());
            }
            articles.extend(std::mem::take(&mut n.articles).iter().map(|&a| a as usize));
            mentions += n.mentions;
            node_entity[m] = entities.len();
        }
        articles.sort_unstable();
        articles.dedup();
        articles.shrink_to_fit();
        let mut variants: Vec<(&str, (usize, usize))> = spellings.into_iter().collect();
        variants.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(b.0)));
        let name = canonical(&variants).to_owned();
        entities.push(Entity {
            kind: nodes[root].kind,
            name,
            variants: variants.into_iter().map(|v| v.0.to_owned()).collect(),
            articles,
            mentions,
        });
    }
    let mut order: Vec<usize> = (0..entities.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&entities[a], &entities[b]);
        y.articles
            .len()
            .cmp(&x.articles.len())
            .then(y.mentions.cmp(&x.mentions))
            .then(x.name.cmp(&y.name))
    });
    let mut rank = vec![0; entities.len()];
    for (r, &e) in order.iter().enumerate() {
        rank[e] = r;
    }
    // Every mention of a name goes where the name's node went.
    let name_entity = name_node
        .iter()
        .map(|n| {
            n.as_ref()
                .map_or(u32::MAX, |n| rank[node_entity[n.0]] as u32)
        })
        .collect();
    let mut sorted: Vec<Option<Entity>> = entities.into_iter().map(Some).collect();
    let entities = order
        .iter()
        .map(|&e| sorted[e].take().expect("each entity once"))
        .collect();
    Entities {
        entities,
        name_entity,
    }
}

/// The name an entity is shown by, of its spellings with their uses and
/// words, most used first: the fullest spelling (a full name rather than the
/// surname the news goes on with), among those used at least a quarter as
/// often as the commonest one. News gives a full name once per article and
/// the surname after it, so a full name passes; a run-on the tagger made
/// once (أراد | أحمد بن طولون, against thirty of the name) does not.
fn canonical<'a>(variants: &[(&'a str, (usize, usize))]) -> &'a str {
    let top = variants.first().map_or(0, |v| v.1 .0);
    variants
        .iter()
        .filter(|v| v.1 .0 * 4 >= top)
        .max_by(|a, b| {
            a.1 .1
                .cmp(&b.1 .1)
                .then(a.1 .0.cmp(&b.1 .0))
                .then(b.0.cmp(a.0))
        })
        .map_or("", |v| v.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entity_is_named_by_its_fullest_common_spelling() {
        // A run-on made once does not name a name used thirty times.
        let v = [
            ("أحمد بن طولون", (30, 3)),
            ("طولون", (9, 1)),
            ("أراد أحمد بن طولون", (1, 4)),
        ];
        assert_eq!(canonical(&v), "أحمد بن طولون");
        // The full name given once per article names the surname after it.
        let v = [("رونالدو", (12, 1)), ("كريستيانو رونالدو", (4, 2))];
        assert_eq!(canonical(&v), "كريستيانو رونالدو");
        assert_eq!(canonical(&[]), "");
    }

    #[test]
    fn skeletons() {
        assert_eq!(skeleton("سيرغي"), skeleton("سيرجي"));
        assert_eq!(skeleton("بوغدانوف"), skeleton("بوجدانوف"));
        assert_eq!(skeleton("جاويش"), skeleton("جاوش"));
        assert_eq!(skeleton("ستافان"), skeleton("ستيفان"));
        assert_eq!(skeleton("كازاخستان"), skeleton("كازخستان"));
        assert_eq!(skeleton("سوريا"), skeleton("سوريه"));
        assert_ne!(skeleton("علوش"), skeleton("ظريف"));
    }

    /// One article mentioning each of `words`, one-word names of `kind`,
    /// clustered with the built-in extractor's lexicons.
    fn cluster_one_article(kind: Kind, words: &[&str]) -> Entities {
        let ext = Extractor::builtin().unwrap();
        let mut names = NameTable::default();
        let article: Vec<Found> = words
            .iter()
            .enumerate()
            .map(|(k, w)| Found {
                paragraph: 1,
                start: 20 * k as u32,
                end: 20 * k as u32 + 10,
                name: names.intern(Name {
                    kind,
                    words: vec![w.to_string()],
                    norms: vec![crate::text::normalize_str(w)],
                }),
            })
            .collect();
        cluster(&names, &[article], &ext)
    }

    #[test]
    fn towns_geonames_tells_apart_stay_apart() {
        // Same consonant skeleton and within a letter or two of each other:
        // chained, they once made Piraeus, Berisso and Perris spellings of
        // Paris.
        let out = cluster_one_article(
            Kind::Place,
            &["باريس", "بيرريس", "بيريسو", "بيرايوس", "باريس"],
        );
        assert_eq!(out.entities.len(), 4, "{:?}", out.entities);
        assert_eq!(out.entities[0].name, "باريس");
        assert_eq!(out.entities[0].mentions, 2);
    }

    #[test]
    fn a_town_listed_without_the_article_is_no_spelling_of_another_place() {
        // السعيدة is two letters from السعودية with the same skeleton; as
        // سعيدة (Saïda), GeoNames tells it apart.
        let out = cluster_one_article(Kind::Place, &["السعودية", "السعودية", "السعيدة"]);
        let names: Vec<&str> = out.entities.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["السعودية", "السعيدة"], "{:?}", out.entities);
    }

    #[test]
    fn established_given_names_stay_apart_through_a_spelling_between() {
        // محمودي is a spelling away from محمد, and محمدي from both: chained,
        // they made one person of محمد, its nisba and another name's.
        let out = cluster_one_article(Kind::Person, &["محمد", "محمودي", "محمدي", "محمد", "محمود"]);
        let persons: Vec<(&str, usize)> = out
            .entities
            .iter()
            .map(|e| (e.name.as_str(), e.mentions))
            .collect();
        assert!(persons.contains(&("محمد", 2)), "{persons:?}");
        assert!(persons.contains(&("محمود", 1)), "{persons:?}");
    }

    #[test]
    fn spellings_join_a_centre_not_a_chain() {
        // سلم is a letter from سلام and from سالم, which are two letters
        // apart: joined pair by pair, the three were one.
        let out = cluster_one_article(Kind::Place, &["سلام", "سلام", "سلم", "سالم"]);
        let names: Vec<(&str, usize)> = out
            .entities
            .iter()
            .map(|e| (e.name.as_str(), e.mentions))
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
        assert!(names.contains(&("سلام", 3)), "{names:?}");
    }

    #[test]
    fn common_names_stay_apart() {
        let training: Counts = [("محمد".to_owned(), 90), ("محمود".to_owned(), 20)]
            .into_iter()
            .collect();
        let none = Counts::default();
        let lex = Lexicon {
            corpus: HashMap::new(),
            training: &training,
            training_names: [&none, &none],
            gazetteer: None,
        };
        assert!(!same_word("محمد", "محمود", &lex));
        assert!(!same_word("محمدي", "محمد", &lex), "a nisba");
        assert!(!same_word("الحسيني", "حسين", &lex), "a nisba");
        assert!(
            !same_word("العلوي", "العالي", &lex),
            "the article is no letter of the name"
        );
        assert!(!same_word("موسوي", "موسي", &lex), "the nisba of موسى");
        assert!(!same_word("ريم", "روم", &lex), "three letters");
        assert!(same_word("جاويش", "جاوش", &lex));
        assert_eq!(edit_distance("جاويش", "جاوش"), 1);
    }
}
