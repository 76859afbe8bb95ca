//! The compiled gazetteer index: fixed-size entry records, a string pool, and name FSTs mapping folded keys
//! to postings. Shared with `build.rs` (which compiles the bundled gazetteer at build time), so it depends
//! only on std, bytemuck, csv, flate2, fst and [`crate::names`].

pub mod builder;
pub mod record;
pub mod rows;

use std::borrow::Cow;

use fst::raw::{Fst, Node};
use fst::Map;

use record::{Posting, Record, StrRef};

/// A compiled index, borrowed from static bytes (the bundled gazetteer) or owned (a user's file).
pub struct Index {
    records: Cow<'static, [Record]>,
    strings: Cow<'static, [u8]>,
    postings: Cow<'static, [u32]>,
    exact: Map<Cow<'static, [u8]>>,
    slavic: Map<Cow<'static, [u8]>>,
}

impl Index {
    /// Wraps static parts (the bundled index: no copying, no parsing).
    pub fn from_static(
        records: &'static [u8],
        strings: &'static [u8],
        postings: &'static [u8],
        exact: &'static [u8],
        slavic: &'static [u8],
    ) -> Result<Index, String> {
        let records: &'static [Record] =
            bytemuck::try_cast_slice(records).map_err(|e| format!("records: {e:?}"))?;
        let postings: &'static [u32] =
            bytemuck::try_cast_slice(postings).map_err(|e| format!("postings: {e:?}"))?;
        Ok(Index {
            records: Cow::Borrowed(records),
            strings: Cow::Borrowed(strings),
            postings: Cow::Borrowed(postings),
            exact: Map::new(Cow::Borrowed(exact)).map_err(|e| e.to_string())?,
            slavic: Map::new(Cow::Borrowed(slavic)).map_err(|e| e.to_string())?,
        })
    }

    /// Wraps parts compiled at run time.
    pub fn from_compiled(c: builder::Compiled) -> Result<Index, String> {
        Ok(Index {
            records: Cow::Owned(c.records),
            strings: Cow::Owned(c.strings),
            postings: Cow::Owned(c.postings),
            exact: Map::new(Cow::Owned(c.exact_fst)).map_err(|e| e.to_string())?,
            slavic: Map::new(Cow::Owned(c.slavic_fst)).map_err(|e| e.to_string())?,
        })
    }

    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    pub fn record(&self, i: u32) -> &Record {
        &self.records[i as usize]
    }

    pub fn records(&self) -> &[Record] {
        &self.records
    }

    /// A string from the pool ("" if the reference is out of bounds or not UTF-8).
    pub fn str(&self, r: StrRef) -> &str {
        let (a, b) = (r.off as usize, r.off as usize + r.len as usize);
        self.strings
            .get(a..b)
            .and_then(|s| std::str::from_utf8(s).ok())
            .unwrap_or("")
    }

    fn postings_of(&self, v: u64) -> impl Iterator<Item = Posting> + '_ {
        let off = (v >> 16) as usize;
        let n = (v & 0xffff) as usize;
        self.postings
            .get(off..off + n)
            .unwrap_or(&[])
            .iter()
            .map(|p| Posting(*p))
    }

    /// Postings of a light key.
    pub fn exact(&self, key: &str) -> impl Iterator<Item = Posting> + '_ {
        self.postings_of(self.exact.get(key).unwrap_or(0))
    }

    /// Postings of a Slavic key.
    pub fn slavic(&self, key: &str) -> impl Iterator<Item = Posting> + '_ {
        self.postings_of(self.slavic.get(key).unwrap_or(0))
    }

    /// Postings for an FST output value found by walking [`Index::exact_fst`].
    pub fn postings_for_value(&self, v: u64) -> impl Iterator<Item = Posting> + '_ {
        self.postings_of(v)
    }

    /// The raw light-key FST, for walking it byte by byte over text.
    pub fn exact_fst(&self) -> &Fst<Cow<'static, [u8]>> {
        self.exact.as_fst()
    }

    /// Keys within `distance` edits of `key` (Levenshtein automaton over the light-key FST), with postings.
    pub fn fuzzy(&self, key: &str, distance: u32) -> Vec<(String, Vec<Posting>)> {
        use fst::{IntoStreamer, Streamer};
        let Ok(aut) = fst::automaton::Levenshtein::new(key, distance) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut stream = self.exact.search(aut).into_stream();
        while let Some((k, v)) = stream.next() {
            if out.len() >= 64 {
                break;
            }
            let k = String::from_utf8_lossy(k).into_owned();
            out.push((k, self.postings_of(v).collect()));
        }
        out
    }
}

/// One step of a byte-wise walk through an FST: follow `b` from `node`.
pub fn step<'f>(
    fst: &'f Fst<Cow<'static, [u8]>>,
    node: &Node<'f>,
    b: u8,
    out: &mut u64,
) -> Option<Node<'f>> {
    let i = node.find_input(b)?;
    let t = node.transition(i);
    *out += t.out.value();
    Some(fst.node(t.addr))
}
