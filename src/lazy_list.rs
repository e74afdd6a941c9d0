//! A list held in memory, or decoded item by item from where it is kept
//! (an index cache), so that a lookup over a large archive decodes the few
//! items it shows, and the whole list is decoded once, when first needed.

use std::borrow::Cow;
use std::sync::OnceLock;

/// Where items not yet decoded come from.
pub trait Source<T>: Send + Sync {
    /// How many items there are.
    fn len(&self) -> usize;
    /// Whether there are none.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Item `i` (`i < len()`).
    fn item(&self, i: usize) -> T;
    /// Every item, in order.
    fn all(&self) -> Vec<T> {
        (0..self.len()).map(|i| self.item(i)).collect()
    }
}

/// A list that derefs to a slice, decoding every item the first time;
/// [`LazyList::len`] and [`LazyList::get`] decode no more than they must.
pub struct LazyList<T, S: ?Sized> {
    all: OnceLock<Vec<T>>,
    source: Option<Box<S>>,
}

impl<T, S: ?Sized + Source<T>> LazyList<T, S> {
    /// Items decoded from `source` when asked for.
    pub fn lazy(source: Box<S>) -> Self {
        LazyList {
            all: OnceLock::new(),
            source: Some(source),
        }
    }

    /// How many items there are (decodes none).
    pub fn len(&self) -> usize {
        match (self.all.get(), &self.source) {
            (Some(all), _) => all.len(),
            (None, Some(s)) => s.len(),
            (None, None) => 0,
        }
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The source, while the list is not decoded: for what it can tell of
    /// an item without decoding it.
    pub fn undecoded(&self) -> Option<&S> {
        match self.all.get() {
            Some(_) => None,
            None => self.source.as_deref(),
        }
    }

    /// The items, if they are decoded (or were never encoded).
    pub fn decoded(&self) -> Option<&[T]> {
        match (self.all.get(), &self.source) {
            (Some(all), _) => Some(all),
            (None, Some(_)) => None,
            (None, None) => Some(&[]),
        }
    }

    /// The items, decoded, to own.
    pub fn into_vec(mut self) -> Vec<T> {
        let _ = self.as_slice();
        self.all.take().unwrap_or_default()
    }

    fn as_slice(&self) -> &[T] {
        self.all
            .get_or_init(|| self.source.as_ref().map_or_else(Vec::new, |s| s.all()))
    }
}

impl<T: Clone, S: ?Sized + Source<T>> LazyList<T, S> {
    /// Item `i`, decoding it alone unless the whole list already is.
    pub fn get(&self, i: usize) -> Option<Cow<'_, T>> {
        match (self.all.get(), &self.source) {
            (Some(all), _) => all.get(i).map(Cow::Borrowed),
            (None, Some(s)) => (i < s.len()).then(|| Cow::Owned(s.item(i))),
            (None, None) => None,
        }
    }
}

impl<T, S: ?Sized + Source<T>> std::ops::Deref for LazyList<T, S> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        self.as_slice()
    }
}

impl<T, S: ?Sized + Source<T>> std::ops::DerefMut for LazyList<T, S> {
    /// Decodes everything and lets go of the source: the list is then the
    /// items as changed.
    fn deref_mut(&mut self) -> &mut [T] {
        let _ = self.as_slice();
        self.source = None;
        self.all.get_mut().map_or(&mut [], Vec::as_mut_slice)
    }
}

impl<'a, T, S: ?Sized + Source<T>> IntoIterator for &'a LazyList<T, S> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

impl<T, S: ?Sized> From<Vec<T>> for LazyList<T, S> {
    fn from(items: Vec<T>) -> Self {
        LazyList {
            all: OnceLock::from(items),
            source: None,
        }
    }
}

impl<T, S: ?Sized> Default for LazyList<T, S> {
    fn default() -> Self {
        LazyList {
            all: OnceLock::new(),
            source: None,
        }
    }
}

impl<T: Clone, S: ?Sized + Source<T>> Clone for LazyList<T, S> {
    fn clone(&self) -> Self {
        LazyList::from(self.as_slice().to_vec())
    }
}

impl<T: PartialEq, S: ?Sized + Source<T>> PartialEq for LazyList<T, S> {
    fn eq(&self, other: &Self) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl<T: std::fmt::Debug, S: ?Sized + Source<T>> std::fmt::Debug for LazyList<T, S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.all.get() {
            Some(all) => f.debug_list().entries(all).finish(),
            None => write!(f, "[{} items, not decoded]", self.len()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    struct Counting(Arc<AtomicUsize>);

    impl Source<String> for Counting {
        fn len(&self) -> usize {
            3
        }
        fn item(&self, i: usize) -> String {
            self.0.fetch_add(1, Ordering::Relaxed);
            i.to_string()
        }
    }

    #[test]
    fn one_item_is_decoded_alone_and_the_list_once() {
        let decoded = Arc::new(AtomicUsize::new(0));
        let mut a: LazyList<String, dyn Source<String>> =
            LazyList::lazy(Box::new(Counting(decoded.clone())));
        assert_eq!(a.len(), 3);
        assert!(a.decoded().is_none() && a.undecoded().is_some());
        assert_eq!(decoded.load(Ordering::Relaxed), 0);
        assert_eq!(a.get(1).unwrap().as_str(), "1");
        assert!(a.get(3).is_none());
        assert_eq!(decoded.load(Ordering::Relaxed), 1);
        assert_eq!(
            a.iter().map(String::as_str).collect::<Vec<_>>(),
            ["0", "1", "2"]
        );
        assert_eq!(a[2], "2");
        assert_eq!(decoded.load(Ordering::Relaxed), 4, "the whole list once");
        assert!(matches!(a.get(0), Some(Cow::Borrowed(_))));
        assert!(a.undecoded().is_none());
        a[0] = "changed".to_owned();
        assert_eq!(a.get(0).unwrap().as_str(), "changed");
        assert_eq!(
            decoded.load(Ordering::Relaxed),
            4,
            "changed, not decoded again"
        );
    }
}
