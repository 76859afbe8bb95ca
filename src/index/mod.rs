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
    /// [`Index::pair_start`]'s table, made on first use.
    pairs: std::sync::OnceLock<PairTable>,
}

/// The bytes [`Index::pair_start`] covers: ASCII digits and lowercase letters, the folded forms of a word's
/// start in Latin script.
fn pair_slot(b: u8) -> Option<usize> {
    match b {
        b'0'..=b'9' => Some(usize::from(b - b'0')),
        b'a'..=b'z' => Some(10 + usize::from(b - b'a')),
        _ => None,
    }
}

const PAIR_BYTES: usize = 36;

/// Whether [`Index::pair_start`] covers byte `b` (an ASCII digit or lowercase letter).
pub fn pair_byte(b: u8) -> bool {
    pair_slot(b).is_some()
}

/// By pair of [`pair_slot`]s: the node's address and the output so far.
type PairTable = Box<[Option<(usize, u64)>]>;

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
            pairs: std::sync::OnceLock::new(),
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
            pairs: std::sync::OnceLock::new(),
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

    /// Where a walk of [`Index::exact_fst`] stands after the two bytes `a` `b` (ASCII digits or lowercase
    /// letters): the node's address and the output so far, or None when no key starts with them (or a byte
    /// is outside those 36). A Latin-script word folds to such bytes, so its walk may start two bytes in.
    /// The table (36 x 36 entries) is made on first use.
    pub fn pair_start(&self, a: u8, b: u8) -> Option<(usize, u64)> {
        let (i, j) = (pair_slot(a)?, pair_slot(b)?);
        let pairs = self.pairs.get_or_init(|| {
            let fst = self.exact_fst();
            let bytes: Vec<u8> = (b'0'..=b'9').chain(b'a'..=b'z').collect();
            let mut table = vec![None; PAIR_BYTES * PAIR_BYTES];
            for (i, &a) in bytes.iter().enumerate() {
                let mut out = 0;
                let Some(first) = step(fst, &fst.root(), a, &mut out) else {
                    continue;
                };
                for (j, &b) in bytes.iter().enumerate() {
                    let mut out = out;
                    if let Some(second) = step(fst, &first, b, &mut out) {
                        table[i * PAIR_BYTES + j] = Some((second.addr(), out));
                    }
                }
            }
            table.into_boxed_slice()
        });
        pairs[i * PAIR_BYTES + j]
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
