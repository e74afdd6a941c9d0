//! Any bytes as an index cache are rejected or decoded, never a panic; a
//! decoded one holds no control character in what it would print, and its
//! name index, if accepted, can be searched.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.idx");
    std::fs::write(&path, data).unwrap();
    let fingerprint = sahifa::entities::fingerprint();
    if let Ok(Some(cache)) = sahifa::index::cache::read(&path, fingerprint) {
        let _ = cache.detail();
        // The entity table is decoded on demand too: names alone, and whole.
        let found = &cache.head.found;
        for i in 0..found.entities.len() {
            let name = found.entities.name(i).unwrap_or_default();
            assert!(!name.chars().any(char::is_control));
        }
        for e in &found.entities {
            assert!(!e.name.chars().any(char::is_control));
        }
        // The listing and the name index are decoded on demand: any bytes
        // there list as sanitized articles or are refused.
        let (map, range) = cache.listing_section();
        let files = &cache.head.files;
        for i in 0..files.len() {
            let _ = (files.rel(i), files.stat(i));
        }
        if let Some(listing) =
            sahifa::index::listing::Listing::open(map, range, files.rels(), dir.path())
        {
            use sahifa::lazy_list::Source;
            for a in listing.all() {
                assert!(!a.title.chars().any(char::is_control));
            }
        }
        let entities = cache.head.found.entities.len();
        if let Some(index) = sahifa::search::NameIndex::from_bytes(cache.lookup_bytes(), entities) {
            let _ = index.search("lavrov", None);
            let _ = index.search("لافروف", None);
        }
    }
});
