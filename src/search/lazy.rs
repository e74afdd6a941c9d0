//! A name index made when first needed: decoded from wherever it is kept
//! (the index cache), else built from the entities. A command that asks no
//! lookup never pays for it, and the reader draws before it is made.

use std::sync::{Mutex, OnceLock, PoisonError};

use super::NameIndex;
use crate::entities::gazetteer::Gazetteer;
use crate::entities::EntityTable;

/// Gives a name index kept with a corpus (`None` when it has none sound).
pub type MakeIndex = Box<dyn FnOnce() -> Option<NameIndex> + Send>;

/// A name index decoded or built on first use.
pub struct LazyIndex {
    make: Mutex<Option<MakeIndex>>,
    index: OnceLock<NameIndex>,
}

impl LazyIndex {
    /// An index `make` gives when first asked for.
    pub fn new(make: MakeIndex) -> LazyIndex {
        LazyIndex {
            make: Mutex::new(Some(make)),
            index: OnceLock::new(),
        }
    }

    /// An index already made.
    pub fn ready(index: NameIndex) -> LazyIndex {
        LazyIndex {
            make: Mutex::new(None),
            index: OnceLock::from(index),
        }
    }

    /// The index of `entities`' names: the kept one when it is sound, else
    /// built now (places also by their English names).
    /// The table is decoded only for the building.
    pub fn get(&self, entities: &EntityTable) -> &NameIndex {
        self.index.get_or_init(|| {
            let make = self
                .make
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .take();
            make.and_then(|make| make())
                .unwrap_or_else(|| NameIndex::build(entities, &Gazetteer::builtin()))
        })
    }
}
