//! A corpus's entities: held in memory, or read one by one from an index
//! cache, so that a lookup over a large archive decodes the few entities it
//! names and not the tens of thousands it does not.

use std::borrow::Cow;

use super::{Entity, Kind};
use crate::lazy_list::{LazyList, Source};

/// Where entities not yet decoded come from (an index cache). What it gives
/// is fit for a terminal (sanitized) and in range for its corpus.
pub trait EntitySource: Source<Entity> {
    /// The kind of entity `i` (`i < len()`).
    fn kind(&self, i: usize) -> Kind;
    /// The canonical name of entity `i`.
    fn name(&self, i: usize) -> Cow<'_, str>;
    /// How many entities are of `kind`.
    fn count(&self, kind: Kind) -> usize {
        (0..self.len()).filter(|&i| self.kind(i) == kind).count()
    }
}

/// The entities of a corpus, most widely mentioned first. Derefs to a
/// slice, decoding every entity the first time; `len`, `get`,
/// [`EntityTable::kind`] and [`EntityTable::name`] decode no more than
/// they must.
pub type EntityTable = LazyList<Entity, dyn EntitySource>;

impl LazyList<Entity, dyn EntitySource> {
    /// The kind of entity `i`, decoding nothing else.
    pub fn kind(&self, i: usize) -> Option<Kind> {
        match self.undecoded() {
            Some(s) => (i < s.len()).then(|| s.kind(i)),
            None => self.get(i).map(|e| e.kind),
        }
    }

    /// The canonical name of entity `i`, decoding nothing else.
    pub fn name(&self, i: usize) -> Option<Cow<'_, str>> {
        match (self.undecoded(), self.decoded()) {
            (Some(s), _) => (i < s.len()).then(|| s.name(i)),
            (None, Some(all)) => all.get(i).map(|e| Cow::Borrowed(e.name.as_str())),
            (None, None) => None,
        }
    }

    /// How many entities are of `kind`, decoding none.
    pub fn count_kind(&self, kind: Kind) -> usize {
        match (self.undecoded(), self.decoded()) {
            (Some(s), _) => s.count(kind),
            (_, all) => all
                .unwrap_or_default()
                .iter()
                .filter(|e| e.kind == kind)
                .count(),
        }
    }

    /// Whether the table is decoded (or was never encoded).
    pub fn is_decoded(&self) -> bool {
        self.decoded().is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    struct Counting(Arc<AtomicUsize>);

    impl Source<Entity> for Counting {
        fn len(&self) -> usize {
            3
        }
        fn item(&self, i: usize) -> Entity {
            self.0.fetch_add(1, Ordering::Relaxed);
            Entity {
                kind: self.kind(i),
                name: self.name(i).into_owned(),
                variants: vec![],
                articles: vec![i],
                mentions: 1,
            }
        }
    }

    impl EntitySource for Counting {
        fn kind(&self, i: usize) -> Kind {
            [Kind::Person, Kind::Place, Kind::Person][i]
        }
        fn name(&self, i: usize) -> Cow<'_, str> {
            Cow::Owned(format!("اسم {i}"))
        }
    }

    #[test]
    fn kinds_and_names_decode_no_entity() {
        let decoded = Arc::new(AtomicUsize::new(0));
        let t = EntityTable::lazy(Box::new(Counting(decoded.clone())));
        assert_eq!(t.kind(1), Some(Kind::Place));
        assert_eq!(t.name(2).as_deref(), Some("اسم 2"));
        assert_eq!((t.kind(3), t.name(3)), (None, None));
        assert_eq!(decoded.load(Ordering::Relaxed), 0);
        assert!(!t.is_decoded());
        assert_eq!(t.iter().filter(|e| e.kind == Kind::Person).count(), 2);
        assert_eq!(
            (t.kind(1), t.name(0).as_deref()),
            (Some(Kind::Place), Some("اسم 0"))
        );
        assert!(
            matches!(t.name(0), Some(Cow::Borrowed(_))),
            "from the decoded table"
        );
        assert!(t.is_decoded());
        let owned = EntityTable::from(Vec::new());
        assert!(owned.is_decoded() && owned.name(0).is_none());
    }
}
