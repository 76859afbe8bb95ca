//! Which sentences are worth reading for claims. Most sentences of general news have no word a claim, a
//! denial or a confirmation needs; a sentence is read only when such a word begins in it. The test is one
//! pass over the document's bytes: at a word start, the first three letters of an ASCII word are looked
//! up in a bit table, which turns away almost every word; the rest (and non-ASCII words) pick, by one hash
//! probe of their first letters, the few prefixes that begin with them, and only those are compared.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::lexicon;
use crate::doc::Doc;

/// What a prefix tells about a sentence whose word begins with it, as bits of [`Hints`]: an event word
/// ("captured", "withdrawal").
const EVENT: u8 = 1;
/// A denial or a confirmation.
const CUE: u8 = 2;
/// A settlement noun, which may point back to an earlier sentence's place.
const SETTLEMENT: u8 = 4;

/// How many letters of a word pick its candidate prefixes.
const HEAD: usize = 3;

/// Up to [`HEAD`] lower-case characters.
type Head = [char; HEAD];

fn head(chars: &[char]) -> Head {
    let mut h = ['\0'; HEAD];
    for (slot, c) in h.iter_mut().zip(chars) {
        *slot = *c;
    }
    h
}

/// The symbols of an ASCII head: the 26 letters (either case) and one for any other byte.
const SYMBOLS: usize = 27;

/// The symbol of an ASCII byte in a head.
fn symbol(b: u8) -> usize {
    usize::from(SYMBOL[usize::from(b)])
}

/// A prefix of a lexicon word: its characters (lower case), its bytes when it is ASCII (else empty), and
/// what it tells.
#[derive(Clone)]
struct Prefix {
    chars: Vec<char>,
    ascii: Vec<u8>,
    bits: u8,
}

impl Prefix {
    /// Whether `rest` begins with the prefix, in any case: byte by byte when both are ASCII.
    fn begins(&self, rest: &str) -> bool {
        if let Some(w) = rest.as_bytes().get(..self.ascii.len()) {
            if !self.ascii.is_empty() && w.is_ascii() {
                return w.eq_ignore_ascii_case(&self.ascii);
            }
        }
        let mut word = rest.chars().map(lower);
        self.chars.iter().all(|p| word.next() == Some(*p))
    }
}

/// Adds `p` to a list of candidates unless one that begins it already tells as much, and drops those it
/// makes redundant (a word that begins with "withdrawal" begins with "withdraw").
fn push_candidate(list: &mut Vec<Prefix>, p: Prefix) {
    let covers =
        |a: &Prefix, b: &Prefix| b.chars.starts_with(&a.chars) && a.bits & b.bits == b.bits;
    if list.iter().any(|q| covers(q, &p)) {
        return;
    }
    list.retain(|q| !covers(&p, q));
    list.push(p);
}

/// Every prefix (lower case) by its first [`HEAD`] letters (or all of it, when shorter).
struct Prefixes {
    by_head: FxHashMap<Head, Vec<Prefix>>,
    /// Prefixes shorter than [`HEAD`], by length, exist (a word's first one or two letters are then probed).
    short: [bool; HEAD],
    /// One bit per ASCII head (three symbols) that some prefix can begin a word with: a word whose first
    /// three bytes are ASCII is compared only when its head's bit is set...
    ascii_heads: Vec<u64>,
    /// ...and then only with the prefixes listed under its head.
    by_ascii_head: FxHashMap<usize, Vec<Prefix>>,
}

/// The prefixes of all three languages, from their lexicons: a word that begins with none of them
/// begins no event, cue or settlement noun the claim reader knows.
static PREFIXES: LazyLock<Prefixes> = LazyLock::new(|| {
    let mut p = Prefixes {
        by_head: FxHashMap::default(),
        short: [false; HEAD],
        ascii_heads: vec![0; SYMBOLS.pow(HEAD as u32).div_ceil(64)],
        by_ascii_head: FxHashMap::default(),
    };
    for lx in [
        &lexicon::en::LEXICON,
        &lexicon::uk::LEXICON,
        &lexicon::ru::LEXICON,
    ] {
        for (words, h) in [
            (lx.event_words(), EVENT),
            (lx.cue_words(), CUE),
            (lx.settlement_words(), SETTLEMENT),
        ] {
            for w in words {
                p.add(w, h);
            }
        }
    }
    p
});

impl Prefixes {
    /// Adds a lexicon word (a stem when it ends in `*`) as a prefix; an exact word is a prefix too, as
    /// the test needs only to let through every word that matters.
    fn add(&mut self, word: &str, bits: u8) {
        let chars: Vec<char> = word.trim_end_matches('*').chars().map(lower).collect();
        if chars.is_empty() {
            return;
        }
        if chars.len() < HEAD {
            self.short[chars.len()] = true;
        }
        let ascii = if chars.iter().all(char::is_ascii) {
            chars.iter().map(|&c| c as u8).collect()
        } else {
            Vec::new()
        };
        let prefix = Prefix { chars, ascii, bits };
        for index in ascii_head_indices(&prefix.chars) {
            self.ascii_heads[index / 64] |= 1 << (index % 64);
            push_candidate(self.by_ascii_head.entry(index).or_default(), prefix.clone());
        }
        let key = head(&prefix.chars[..prefix.chars.len().min(HEAD)]);
        push_candidate(self.by_head.entry(key).or_default(), prefix);
    }

    /// The hints of the word starting at `text[at..]`.
    fn hints_at(&self, text: &str, at: usize, out: &mut Hints) {
        match ascii_head(&text.as_bytes()[at..]) {
            Some(index) if self.ascii_heads[index / 64] & (1 << (index % 64)) == 0 => {}
            Some(index) => compare(&self.by_ascii_head[&index], &text[at..], out),
            None => self.non_ascii_hints(&text[at..], out),
        }
    }

    /// The hints of a word with a non-ASCII character in its head.
    #[inline(never)]
    fn non_ascii_hints(&self, rest: &str, out: &mut Hints) {
        let mut first = ['\0'; HEAD];
        let mut n = 0;
        for (slot, c) in first.iter_mut().zip(rest.chars()) {
            *slot = lower(c);
            n += 1;
        }
        for len in (1..=n).filter(|&l| l == n || self.short[l]) {
            if let Some(cands) = self.by_head.get(&head(&first[..len])) {
                compare(cands, rest, out);
            }
        }
    }
}

/// Adds the hints of the candidates `rest` begins with.
#[inline(never)]
fn compare(cands: &[Prefix], rest: &str, out: &mut Hints) {
    for p in cands {
        if p.begins(rest) {
            out.0 |= p.bits;
        }
    }
}

/// The symbol of each byte in an ASCII head: letters 0-25 (either case), any other ASCII byte 26, and a
/// non-ASCII byte flagged by its top bit.
static SYMBOL: [u8; 256] = {
    let mut t = [0x80u8; 256];
    let mut b = 0;
    while b < 128 {
        let lower = (b as u8).to_ascii_lowercase();
        t[b] = if lower.is_ascii_lowercase() {
            lower - b'a'
        } else {
            SYMBOLS as u8 - 1
        };
        b += 1;
    }
    t
};

/// The index of the ASCII head of a word whose first bytes are these (a missing byte counts as "other"),
/// or None when one of them is not ASCII.
fn ascii_head(word: &[u8]) -> Option<usize> {
    let (mut index, mut flags) = (0, 0);
    for k in 0..HEAD {
        let s = SYMBOL[usize::from(word.get(k).copied().unwrap_or(b' '))];
        flags |= s;
        index = index * SYMBOLS + usize::from(s & 0x7f);
    }
    (flags & 0x80 == 0).then_some(index)
}

/// The ASCII heads a word beginning with `prefix` can have: none when a letter of the prefix's head is not
/// ASCII (only a word with one there begins with it), every third symbol (or every second and third) when
/// the prefix is shorter than a head.
fn ascii_head_indices(prefix: &[char]) -> Vec<usize> {
    let known: Vec<usize> = prefix
        .iter()
        .take(HEAD)
        .map_while(|&c| c.is_ascii().then(|| symbol(c as u8)))
        .collect();
    if known.len() < HEAD.min(prefix.len()) {
        return Vec::new();
    }
    let free = HEAD - known.len();
    (0..SYMBOLS.pow(free as u32))
        .map(|mut rest| {
            (0..HEAD).fold(0, |index, k| {
                let s = known.get(k).copied().unwrap_or_else(|| {
                    let s = rest % SYMBOLS;
                    rest /= SYMBOLS;
                    s
                });
                index * SYMBOLS + s
            })
        })
        .collect()
}

/// A character in lower case (its first lower-case character: all our prefixes' letters have one).
fn lower(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

/// What the words of one sentence begin with.
#[derive(Default, Clone, Copy)]
pub struct Hints(u8);

impl Hints {
    /// Whether the sentence can say anything about control: an event word with a place (or a settlement
    /// noun that may point back to one), or a denial or doubt when there are earlier claims it may reach.
    pub fn worth_reading(&self, has_mention: bool, earlier_claims: bool) -> bool {
        (self.has(EVENT) && (has_mention || self.has(SETTLEMENT)))
            || (self.has(CUE) && earlier_claims)
    }

    fn has(&self, bit: u8) -> bool {
        self.0 & bit != 0
    }
}

/// What the words of each sentence begin with, as far as [`Hints::worth_reading`] needs: a sentence with
/// a mention is read once an event word is seen, whatever else it holds, so its scan may stop there.
pub fn sentence_hints(doc: &Doc) -> Vec<Hints> {
    let p = &*PREFIXES;
    let text = doc.text;
    (0..doc.sentences.len())
        .map(|i| {
            let range = doc.sentences[i].range.clone();
            let has_mention = doc.sentence_mentions(i).next().is_some();
            let mut h = Hints::default();
            for_word_starts(text, range, |at| {
                p.hints_at(text, at, &mut h);
                !(h.has(EVENT) && ((h.has(CUE) && h.has(SETTLEMENT)) || has_mention))
            });
            h
        })
        .collect()
}

/// Calls `f` with the byte offset of each word start in `text[range]` (an alphanumeric character at the
/// range's start or after a character that is not one) while it returns true. ASCII text is classed 16
/// bytes at a time (a loop the compiler vectorises), word starts read off the bit masks; a chunk with a
/// non-ASCII byte is walked character by character.
fn for_word_starts(text: &str, range: std::ops::Range<usize>, mut f: impl FnMut(usize) -> bool) {
    const CHUNK: usize = 16;
    let bytes = text.as_bytes();
    let mut prev_alnum = false;
    let mut k = range.start;
    while k < range.end {
        let chunk_end = k + CHUNK;
        if chunk_end <= range.end {
            let (alnum, wide) = masks(&bytes[k..chunk_end]);
            if wide == 0 {
                let mut starts = alnum & !((alnum << 1) | u16::from(prev_alnum));
                while starts != 0 {
                    if !f(k + starts.trailing_zeros() as usize) {
                        return;
                    }
                    starts &= starts - 1;
                }
                prev_alnum = alnum >> (CHUNK - 1) != 0;
                k = chunk_end;
                continue;
            }
        }
        // Character by character to the chunk's end (or the range's).
        while k < chunk_end.min(range.end) {
            let c = text[k..].chars().next().unwrap_or(' ');
            let alnum = c.is_alphanumeric();
            if alnum && !prev_alnum && !f(k) {
                return;
            }
            prev_alnum = alnum;
            k += c.len_utf8();
        }
    }
}

/// Which of 16 bytes are ASCII alphanumeric, and which are not ASCII, as bit masks (bit i for byte i).
fn masks(chunk: &[u8]) -> (u16, u16) {
    let half = |k: usize| {
        let mut b = [0u8; 8];
        b.copy_from_slice(&chunk[k..k + 8]);
        masks8(u64::from_le_bytes(b))
    };
    let ((alnum_lo, wide_lo), (alnum_hi, wide_hi)) = (half(0), half(8));
    (
        u16::from(alnum_lo) | u16::from(alnum_hi) << 8,
        u16::from(wide_lo) | u16::from(wide_hi) << 8,
    )
}

/// [`masks`] of 8 bytes, byte i in bits 8i..8i+8 of `x`, computed in one register: a byte's top bit
/// says whether it lies in a range when the range's bounds are added to its low seven bits.
fn masks8(x: u64) -> (u8, u8) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const TOP: u64 = 0x8080_8080_8080_8080;
    let low = x & !TOP;
    let in_range = |v: u64, lo: u8, hi: u8| {
        (v + ONES * u64::from(0x80 - lo)) & !(v + ONES * u64::from(0x7f - hi)) & TOP
    };
    let letter = in_range(low | (ONES * 0x20), b'a', b'z');
    let digit = in_range(low, b'0', b'9');
    let wide = x & TOP;
    (top_bits((letter | digit) & !wide), top_bits(wide))
}

/// The top bit of each byte of `m` (all other bits clear), gathered into one byte: every product term
/// lands on its own bit, so nothing carries.
fn top_bits(m: u64) -> u8 {
    ((m >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) as u8
}

#[cfg(test)]
mod tests;
