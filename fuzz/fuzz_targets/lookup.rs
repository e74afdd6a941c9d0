//! Any query, Arabic or Latin, against the names of the bundled samples
//! never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

use sahifa::corpus::{load, CorpusSource};
use sahifa::entities::gazetteer::Gazetteer;
use sahifa::entities::{analyze, CorpusEntities, Extractor};
use sahifa::search::NameIndex;

fn index() -> &'static (CorpusEntities, NameIndex) {
    static I: OnceLock<(CorpusEntities, NameIndex)> = OnceLock::new();
    I.get_or_init(|| {
        let corpus = load(&CorpusSource::Bundled).unwrap();
        let found = analyze(&corpus.articles, &Extractor::builtin().unwrap());
        let index = NameIndex::build(&found.entities, &Gazetteer::builtin());
        (found, index)
    })
}

fuzz_target!(|query: &str| {
    let (found, index) = index();
    let hits = index.search(query, None);
    let _ = sahifa::search::articles_of(found, &hits);
});
