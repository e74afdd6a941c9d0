//! A table of fixed-size records, built in memory or read in place from
//! shared bytes (the mapped index cache): opening the name index or the
//! mentions of a large archive then costs a check of their records, not a
//! copy of megabytes into fresh memory, which the kernel must zero page by
//! page.

use std::ops::{Deref, Range};
use std::sync::Arc;

use bytemuck::Pod;

/// Splits the next table off `bytes[*at..]`, as the cache's sections lay
/// them out: a count (u32, little-endian), then `count * size` bytes;
/// gives their range, `None` when they run past the end.
pub fn next_table(bytes: &[u8], at: &mut usize, size: usize) -> Option<Range<usize>> {
    let count = u32::from_le_bytes(bytes.get(*at..at.checked_add(4)?)?.try_into().ok()?) as usize;
    let start = *at + 4;
    let end = start.checked_add(count.checked_mul(size)?)?;
    bytes.get(start..end)?;
    *at = end;
    Some(start..end)
}

/// Bytes shared between the tables that are read from them.
pub type Shared = Arc<dyn AsRef<[u8]> + Send + Sync>;

/// Records of type `T`, owned or in shared bytes.
pub enum Table<T> {
    /// Built here.
    Owned(Vec<T>),
    /// `bytes[range]`, checked to hold whole, aligned records.
    Shared(Shared, Range<usize>),
}

impl<T: Pod> Table<T> {
    /// The records in `bytes[range]`; copied when they are not aligned for
    /// `T`, `None` when the range is out of bounds or not whole records.
    pub fn shared(bytes: Shared, range: Range<usize>) -> Option<Table<T>> {
        let b = (*bytes).as_ref().get(range.clone())?;
        match bytemuck::try_cast_slice::<u8, T>(b) {
            Ok(_) => Some(Table::Shared(bytes, range)),
            Err(bytemuck::PodCastError::TargetAlignmentGreaterAndInputNotAligned) => {
                (b.len() % std::mem::size_of::<T>() == 0)
                    .then(|| Table::Owned(bytemuck::pod_collect_to_vec(b)))
            }
            Err(_) => None,
        }
    }
}

impl Table<u32> {
    /// Little-endian numbers in `bytes[range]`: read in place on a
    /// little-endian machine, converted into a copy on another.
    pub fn shared_le(bytes: Shared, range: Range<usize>) -> Option<Table<u32>> {
        if cfg!(target_endian = "little") {
            return Table::shared(bytes, range);
        }
        let b = (*bytes).as_ref().get(range)?;
        (b.len() % 4 == 0).then(|| {
            Table::Owned(
                b.chunks_exact(4)
                    .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                    .collect(),
            )
        })
    }
}

impl<T: Pod> Table<T> {
    /// The records, to change: copied out of shared bytes first.
    pub fn to_mut(&mut self) -> &mut Vec<T> {
        if let Table::Shared(..) = self {
            *self = Table::Owned(self.to_vec());
        }
        match self {
            Table::Owned(v) => v,
            Table::Shared(..) => unreachable!("made owned above"),
        }
    }
}

impl<T: Pod> Deref for Table<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        match self {
            Table::Owned(v) => v,
            // Checked when made, and the bytes never change.
            Table::Shared(bytes, range) => bytemuck::cast_slice(&(**bytes).as_ref()[range.clone()]),
        }
    }
}

impl<T: Pod + std::fmt::Debug> std::fmt::Debug for Table<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<T: Pod> Clone for Table<T> {
    fn clone(&self) -> Table<T> {
        match self {
            Table::Owned(v) => Table::Owned(v.clone()),
            Table::Shared(b, r) => Table::Shared(b.clone(), r.clone()),
        }
    }
}

impl<T> Default for Table<T> {
    fn default() -> Table<T> {
        Table::Owned(Vec::new())
    }
}

impl<T> From<Vec<T>> for Table<T> {
    fn from(v: Vec<T>) -> Table<T> {
        Table::Owned(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_are_read_in_place_or_copied_when_unaligned() {
        let words: Vec<u32> = vec![1, 2, 3];
        let body: Vec<u8> = words.iter().flat_map(|w| w.to_ne_bytes()).collect();
        for pad in [4, 1] {
            let mut bytes = vec![0u8; pad];
            bytes.extend(&body);
            let aligned = bytes.as_ptr().align_offset(4) == 0 && pad == 4;
            let shared: Shared = Arc::new(bytes);
            let t = Table::<u32>::shared(shared.clone(), pad..pad + 12).unwrap();
            assert_eq!(&t[..], &words[..]);
            assert_eq!(matches!(t, Table::Shared(..)), aligned, "pad {pad}");
            assert!(Table::<u32>::shared(shared.clone(), pad..pad + 11).is_none());
            assert!(Table::<u32>::shared(shared.clone(), pad..pad + 13).is_none());
            let mut t = Table::<u32>::shared_le(shared, pad..pad + 12).unwrap();
            t.to_mut().push(4);
            assert_eq!(&t[..], &[1, 2, 3, 4]);
        }
    }
}
