//! One id, one entry. Within a user's file a repeated id is an error at its line (with `--lenient` the
//! repeat is skipped and counted); a row whose id an earlier layer already gives (the bundled gazetteer or
//! an earlier file) is left out and reported, so that lookup and extraction always agree on that entry.

use std::collections::hash_map::Entry;
use std::path::Path;

use rustc_hash::FxHashMap;

use crate::error::{Error, Result};
use crate::index::rows::{ReadOutcome, RowError};
use crate::index::Index;

/// The ids of the layers loaded so far, each with the layer that gave it first.
#[derive(Default)]
pub struct KnownIds {
    by_id: FxHashMap<String, usize>,
    layers: Vec<String>,
}

impl KnownIds {
    /// Adds the ids of a loaded layer, named `name` in messages ("the bundled gazetteer", a path).
    pub fn add_layer(&mut self, index: &Index, name: String) {
        let l = self.layers.len();
        self.layers.push(name);
        for rec in index.records() {
            self.by_id.entry(index.str(rec.id).to_string()).or_insert(l);
        }
    }

    /// Screens the rows read from `path`: returns the rows left out because an earlier layer has their id.
    /// Repeated ids within the file are an error, or with `lenient` are moved to `out.bad`.
    pub fn screen(
        &self,
        out: &mut ReadOutcome,
        path: &Path,
        lenient: bool,
    ) -> Result<Vec<RowError>> {
        let mut first_line: FxHashMap<&str, u64> = FxHashMap::default();
        let mut keep = vec![true; out.rows.len()];
        let (mut reused, mut repeated) = (Vec::new(), Vec::new());
        for (i, (row, &line)) in out.rows.iter().zip(&out.lines).enumerate() {
            if let Some(&l) = self.by_id.get(&row.id) {
                reused.push(RowError {
                    line,
                    message: format!("id {} is an entry of {} already", row.id, self.layers[l]),
                });
                keep[i] = false;
                continue;
            }
            match first_line.entry(row.id.as_str()) {
                Entry::Vacant(v) => {
                    v.insert(line);
                }
                Entry::Occupied(o) => {
                    let message = format!("id {} is also the id of line {}", row.id, o.get());
                    if !lenient {
                        return Err(Error::GazetteerRow {
                            path: path.to_path_buf(),
                            line,
                            message,
                        });
                    }
                    repeated.push(RowError { line, message });
                    keep[i] = false;
                }
            }
        }
        out.bad.extend(repeated);
        let mut k = keep.iter();
        out.rows.retain(|_| *k.next().unwrap_or(&true));
        let mut k = keep.iter();
        out.lines.retain(|_| *k.next().unwrap_or(&true));
        Ok(reused)
    }
}
