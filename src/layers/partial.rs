//! Partial aggregates (`placemap layers --partial`): the place counts and run counts of some documents,
//! and those documents' claims, quantities and links. Partials merge with each other and with records in
//! any order and grouping, to the same layers as one run over all the documents.

use std::io::Write;

use serde::{Deserialize, Serialize};

use super::place::PlaceAcc;
use super::{Aggregator, Stats};
use crate::error::RecordError;
use crate::gazetteer::EntryRef;

/// The version of the partial aggregate format.
pub const VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct PlaceRec {
    place_id: String,
    entry: EntryRef,
    acc: PlaceAcc,
}

/// A partial aggregate's head line (`{"partial": ...}`).
#[derive(Serialize, Deserialize)]
struct Head {
    version: u32,
    stats: Stats,
    places: Vec<PlaceRec>,
}

impl Aggregator<'_> {
    /// Merges a partial aggregate's head (the value of its `partial` key); its documents follow as
    /// records with `counted` set ([`Aggregator::add_counted`]).
    pub fn merge(&mut self, head: serde_json::Value) -> Result<(), RecordError> {
        let h: Head =
            serde_json::from_value(head).map_err(|e| RecordError::Partial(e.to_string()))?;
        if h.version != VERSION {
            return Err(RecordError::Partial(format!(
                "version {} (this placemap reads version {VERSION})",
                h.version
            )));
        }
        self.stats.merge(&h.stats);
        for p in h.places {
            let e = crate::record::entry(self.g, p.entry, &p.place_id)?;
            self.places.entry(e).or_default().merge(p.acc);
        }
        Ok(())
    }

    /// Writes the partial aggregate: the head line, then the kept documents' records in the canonical
    /// order (byte-identical for the same documents, whatever their order).
    pub fn write_partial(mut self, out: &mut dyn Write) -> std::io::Result<()> {
        self.sort_docs();
        let g = self.g;
        let head = Head {
            version: VERSION,
            stats: self.stats,
            places: std::mem::take(&mut self.places)
                .into_iter()
                .map(|(e, acc)| PlaceRec {
                    place_id: g.id(e).to_string(),
                    entry: e,
                    acc,
                })
                .collect(),
        };
        let mut buf = b"{\"partial\":".to_vec();
        serde_json::to_writer(&mut buf, &head)?;
        buf.extend_from_slice(b"}\n");
        out.write_all(&buf)?;
        for a in &self.docs {
            buf.clear();
            crate::record::write(g, a, true, &mut buf);
            out.write_all(&buf)?;
        }
        Ok(())
    }
}
