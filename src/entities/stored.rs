//! Where each article mentions its entities, as the index cache keeps it:
//! four tables read in place from the mapped file, so that a warm start
//! copies none of its megabytes.
//!
//! Section layout: four tables, each a count (u32) and its items (u32
//! little-endian numbers, the last one bytes): the entities mentioned, each
//! article's start among them, each article's start among the spot bytes,
//! and the spot bytes (see [`CorpusEntities`]). The section starts at a
//! multiple of 4 in the file, which the cache aligns.

use std::io::Write;
use std::ops::Range;

use super::{CorpusEntities, EntityTable};
use crate::shared::{next_table, Shared, Table};

impl CorpusEntities {
    /// The mentions section (see the module's note).
    pub fn mentions_section(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.mentions_section_len());
        self.write_mentions_section(&mut out)
            .expect("writing to memory cannot fail");
        out
    }

    /// The length of [`CorpusEntities::mentions_section`].
    pub fn mentions_section_len(&self) -> usize {
        16 + 4 * (self.mentioned.len() + self.starts.len() + self.spot_starts.len())
            + self.spot_bytes.len()
    }

    /// Writes [`CorpusEntities::mentions_section`] to `out` as it goes: a
    /// large archive's mentions are tens of megabytes, not to be copied
    /// whole at the peak of its indexing.
    pub fn write_mentions_section(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        let mut buf = std::io::BufWriter::with_capacity(1 << 16, out);
        for numbers in [&self.mentioned, &self.starts, &self.spot_starts] {
            buf.write_all(&(numbers.len() as u32).to_le_bytes())?;
            for n in numbers.iter() {
                buf.write_all(&n.to_le_bytes())?;
            }
        }
        buf.write_all(&(self.spot_bytes.len() as u32).to_le_bytes())?;
        buf.write_all(&self.spot_bytes)?;
        buf.flush()
    }

    /// The mentions in `bytes[range]`, of `entities`; `None` when the frame
    /// does not hold together (see [`CorpusEntities::is_sound`] for the
    /// numbers).
    pub fn from_mentions_section(
        bytes: Shared,
        range: Range<usize>,
        entities: EntityTable,
    ) -> Option<CorpusEntities> {
        let section = (*bytes).as_ref().get(range.clone())?;
        let mut at = 0;
        let mentioned = next_table(section, &mut at, 4)?;
        let starts = next_table(section, &mut at, 4)?;
        let spot_starts = next_table(section, &mut at, 4)?;
        let spot_bytes = next_table(section, &mut at, 1)?;
        let shift = |r: Range<usize>| range.start + r.start..range.start + r.end;
        Some(CorpusEntities {
            entities,
            mentioned: Table::shared_le(bytes.clone(), shift(mentioned))?,
            starts: Table::shared_le(bytes.clone(), shift(starts))?,
            spot_starts: Table::shared_le(bytes.clone(), shift(spot_starts))?,
            spot_bytes: Table::shared(bytes, shift(spot_bytes))?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::{Entity, Kind, Spot};
    use std::sync::Arc;

    #[test]
    fn mentions_read_back_in_place() {
        let entity = Entity {
            kind: Kind::Place,
            name: "القاهرة".into(),
            variants: vec![],
            articles: vec![0, 1],
            mentions: 3,
        };
        let mut found = CorpusEntities::with_entities(vec![entity.clone()]);
        let spot = |start| Spot {
            paragraph: 0,
            start,
            end: start + 4,
            kind: Kind::Place,
            entity: 0,
        };
        found.push_article(&[spot(0), spot(9)]);
        found.push_article(&[spot(3)]);
        let mut bytes = vec![0u8; 4];
        bytes.extend(found.mentions_section());
        let len = bytes.len();
        let back = CorpusEntities::from_mentions_section(
            Arc::new(bytes),
            4..len,
            EntityTable::from(vec![entity]),
        )
        .unwrap();
        assert!(back.is_sound(2));
        assert_eq!(back.mentioned(1), [0]);
        assert_eq!(back.spots(0), [spot(0), spot(9)]);
        assert_eq!(back.spots(1), [spot(3)]);
        let short = Arc::new(found.mentions_section()[..9].to_vec());
        assert!(
            CorpusEntities::from_mentions_section(short, 0..9, EntityTable::default()).is_none()
        );
    }
}
