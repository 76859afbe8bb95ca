//! Word prefixes found where words begin (a sentence's [`crate::signals`]: the claim words at word starts,
//! the unit words at letter starts). The prefixes that begin with an ASCII letter are found by one automaton
//! over the whole sentence ([`automaton`]). A start whose first bytes are not ASCII is looked up on its own,
//! as is every start of text the automaton cannot read: one hash probe by the start's first one to three
//! lower-cased characters picks the few prefixes that begin with them, and only those are compared.

use rustc_hash::FxHashMap;

mod automaton;

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

/// A prefix: its characters (lower case), its bytes when it is ASCII (else empty), and
/// what it tells.
#[derive(Clone)]
struct Prefix {
    chars: Vec<char>,
    /// The prefix itself when it is ASCII and at most [`Prefix::INLINE`] bytes (`ascii_len` 0 otherwise),
    /// kept inline: comparing a candidate reads no memory beside it.
    ascii: [u8; Prefix::INLINE],
    ascii_len: u8,
    bits: u8,
}

impl Prefix {
    const INLINE: usize = 30;

    fn new(chars: Vec<char>, bits: u8) -> Prefix {
        let mut ascii = [0u8; Prefix::INLINE];
        let ascii_len = if chars.len() <= Prefix::INLINE && chars.iter().all(char::is_ascii) {
            for (slot, c) in ascii.iter_mut().zip(&chars) {
                *slot = *c as u8;
            }
            chars.len() as u8
        } else {
            0
        };
        Prefix {
            chars,
            ascii,
            ascii_len,
            bits,
        }
    }

    /// Whether `rest` begins with the prefix, in any case: byte by byte when both are ASCII.
    fn begins(&self, rest: &str) -> bool {
        let ascii = &self.ascii[..usize::from(self.ascii_len)];
        if let Some(w) = rest.as_bytes().get(..ascii.len()) {
            if !ascii.is_empty() && w.is_ascii() {
                return w.eq_ignore_ascii_case(ascii);
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

/// Prefixes (lower case), each with its bits, by their first [`HEAD`] letters (or all of it, when shorter).
pub struct PrefixTable {
    by_head: FxHashMap<Head, Vec<Prefix>>,
    /// Prefixes shorter than [`HEAD`], by length, exist (a word's first one or two letters are then probed).
    short: [bool; HEAD],
    /// The prefixes that begin with an ASCII character as one automaton, built on first use (and again after
    /// an [`PrefixTable::add`]).
    automaton: std::sync::OnceLock<automaton::Automaton>,
}

impl Default for PrefixTable {
    fn default() -> PrefixTable {
        PrefixTable {
            by_head: FxHashMap::default(),
            short: [false; HEAD],
            automaton: std::sync::OnceLock::new(),
        }
    }
}

impl PrefixTable {
    /// Adds a word (a stem when it ends in `*`) as a prefix with its bits; an exact word is a prefix too,
    /// as a table is a test that needs only to let through every word that matters.
    pub fn add(&mut self, word: &str, bits: u8) {
        let chars: Vec<char> = word.trim_end_matches('*').chars().map(lower).collect();
        if chars.is_empty() {
            return;
        }
        if chars.len() < HEAD {
            self.short[chars.len()] = true;
        }
        let prefix = Prefix::new(chars, bits);
        self.automaton = std::sync::OnceLock::new();
        let key = head(&prefix.chars[..prefix.chars.len().min(HEAD)]);
        push_candidate(self.by_head.entry(key).or_default(), prefix);
    }

    /// Calls `f` with the offset of each start in `text[range]` ([`for_starts`]) and the bits of the prefixes
    /// the text there begins with ([`PrefixTable::bits_at`]), while it returns true; a start with no prefix
    /// may be left out, and one may come more than once, each time with some of its bits. The prefixes that
    /// begin with an ASCII letter are found by one automaton over the sentence; a start whose head is not
    /// ASCII is looked up as [`PrefixTable::bits_at`] does; text with a character that lower-cases to ASCII
    /// from outside it is walked start by start.
    pub fn for_prefix_starts(
        &self,
        text: &str,
        range: std::ops::Range<usize>,
        mut f: impl FnMut(usize, Start, u8) -> bool,
    ) {
        let ac = self
            .automaton
            .get_or_init(|| automaton::Automaton::new(self.by_head.values().flatten()));
        let scanned = ac.scan(text, range.clone(), |rest| self.bits_of(rest), &mut f);
        if scanned.is_err() {
            for_starts(text, range, |at, s| f(at, s, self.bits_at(text, at)));
        }
    }

    /// [`PrefixTable::for_prefix_starts`] for each of `ranges` (`f` is told which, as its first argument),
    /// two ranges at a time.
    pub fn for_prefix_starts_all(
        &self,
        text: &str,
        ranges: &[std::ops::Range<usize>],
        mut f: impl FnMut(usize, usize, Start, u8) -> bool,
    ) {
        let ac = self
            .automaton
            .get_or_init(|| automaton::Automaton::new(self.by_head.values().flatten()));
        for k in ac.scan_all(text, ranges, |rest| self.bits_of(rest), &mut f) {
            for_starts(text, ranges[k].clone(), |at, s| {
                f(k, at, s, self.bits_at(text, at))
            });
        }
    }

    /// The bits of the prefixes the text at `at` begins with (in any case).
    pub fn bits_at(&self, text: &str, at: usize) -> u8 {
        self.bits_of(&text[at..])
    }

    /// The bits of the prefixes `rest` begins with: those filed under its first one to [`HEAD`] characters,
    /// lower-cased, are compared.
    fn bits_of(&self, rest: &str) -> u8 {
        let mut first = ['\0'; HEAD];
        let mut n = 0;
        for (slot, c) in first.iter_mut().zip(rest.chars()) {
            *slot = lower(c);
            n += 1;
        }
        (1..=n)
            .filter(|&l| l == n || self.short[l])
            .filter_map(|len| self.by_head.get(&head(&first[..len])))
            .fold(0, |bits, cands| bits | compare(cands, rest))
    }
}

/// The bits of the candidates `rest` begins with.
fn compare(cands: &[Prefix], rest: &str) -> u8 {
    cands
        .iter()
        .filter(|p| p.begins(rest))
        .fold(0, |bits, p| bits | p.bits)
}

/// A character in lower case (its first lower-case character: all our prefixes' letters have one).
fn lower(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

/// What begins at a place a scan stops: a word (an alphanumeric character after one that is not), a
/// letter run (a letter after a character that is not a letter: "50km" has one at "k"), or both.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Start {
    pub word: bool,
    pub letter: bool,
}

/// Calls `f` with the byte offset of each start in `text[range]` (the range's first character follows
/// nothing) while it returns true. ASCII text is classed 16 bytes at a time in registers, the starts
/// read off bit masks; a chunk with a non-ASCII byte is walked character by character.
pub fn for_starts(
    text: &str,
    range: std::ops::Range<usize>,
    mut f: impl FnMut(usize, Start) -> bool,
) {
    const CHUNK: usize = 16;
    let bytes = text.as_bytes();
    let (mut prev_alnum, mut prev_letter) = (false, false);
    let mut k = range.start;
    while k < range.end {
        let chunk_end = k + CHUNK;
        if chunk_end <= range.end {
            let m = masks(&bytes[k..chunk_end]);
            if m.wide == 0 {
                let words = m.alnum & !((m.alnum << 1) | u16::from(prev_alnum));
                let letters = m.letter & !((m.letter << 1) | u16::from(prev_letter));
                let mut starts = words | letters;
                while starts != 0 {
                    let bit = starts & starts.wrapping_neg();
                    let start = Start {
                        word: words & bit != 0,
                        letter: letters & bit != 0,
                    };
                    if !f(k + bit.trailing_zeros() as usize, start) {
                        return;
                    }
                    starts &= starts - 1;
                }
                prev_alnum = m.alnum >> (CHUNK - 1) != 0;
                prev_letter = m.letter >> (CHUNK - 1) != 0;
                k = chunk_end;
                continue;
            }
        }
        // Character by character to the chunk's end (or the range's).
        while k < chunk_end.min(range.end) {
            let c = text[k..].chars().next().unwrap_or(' ');
            let (alnum, letter) = (c.is_alphanumeric(), c.is_alphabetic());
            let start = Start {
                word: alnum && !prev_alnum,
                letter: letter && !prev_letter,
            };
            if (start.word || start.letter) && !f(k, start) {
                return;
            }
            (prev_alnum, prev_letter) = (alnum, letter);
            k += c.len_utf8();
        }
    }
}

/// Which of 16 bytes are ASCII letters, ASCII alphanumeric, or not ASCII, as bit masks (bit i for byte i).
struct Masks {
    letter: u16,
    alnum: u16,
    wide: u16,
}

fn masks(chunk: &[u8]) -> Masks {
    let half = |k: usize| {
        let mut b = [0u8; 8];
        b.copy_from_slice(&chunk[k..k + 8]);
        masks8(u64::from_le_bytes(b))
    };
    let (lo, hi) = (half(0), half(8));
    let join = |a: u8, b: u8| u16::from(a) | u16::from(b) << 8;
    Masks {
        letter: join(lo.0, hi.0),
        alnum: join(lo.1, hi.1),
        wide: join(lo.2, hi.2),
    }
}

/// [`masks`] of 8 bytes, byte i in bits 8i..8i+8 of `x`, computed in one register: a byte's top bit
/// says whether it lies in a range when the range's bounds are added to its low seven bits.
fn masks8(x: u64) -> (u8, u8, u8) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const TOP: u64 = 0x8080_8080_8080_8080;
    let low = x & !TOP;
    let in_range = |v: u64, lo: u8, hi: u8| {
        (v + ONES * u64::from(0x80 - lo)) & !(v + ONES * u64::from(0x7f - hi)) & TOP
    };
    let letter = in_range(low | (ONES * 0x20), b'a', b'z');
    let digit = in_range(low, b'0', b'9');
    let wide = x & TOP;
    (
        top_bits(letter & !wide),
        top_bits((letter | digit) & !wide),
        top_bits(wide),
    )
}

/// The top bit of each byte of `m` (all other bits clear), gathered into one byte: every product term
/// lands on its own bit, so nothing carries.
fn top_bits(m: u64) -> u8 {
    ((m >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) as u8
}

#[cfg(test)]
mod tests;
