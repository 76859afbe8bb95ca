//! The words later stages look for in a sentence, found in one pass over its bytes: where a word begins,
//! the event, cue and settlement words of the claim lexicons (a sentence without an event word holds no
//! claim; an event word is the whole word, checked where one begins: "Gainesville" is not "gained");
//! where a letter run begins with a number before it, the unit words of the quantity patterns ("50km",
//! "three villages"; a pattern whose unit word is absent is not run). The sentence's signals are bits.

use std::ops::Range;
use std::sync::LazyLock;

use crate::claims::lexicon;
use crate::prefixes::{PrefixTable, Start};
use crate::quantity;

/// An event word ("captured", "withdrawal", "re-took"; not "Gainesville").
pub const EVENT: u8 = 1;
/// A denial or a confirmation begins.
pub const CUE: u8 = 2;
/// A settlement noun begins, which may point back to an earlier sentence's place.
pub const SETTLEMENT: u8 = 4;
/// The first unit bit: unit kind k of the quantity patterns (distance, area, duration, settlements) is
/// bit `UNIT << k`.
pub const UNIT: u8 = 8;

/// The bits found at word starts.
const AT_WORDS: u8 = EVENT | CUE | SETTLEMENT;
/// The bits found at letter starts.
const AT_LETTERS: u8 = 0b1111 * UNIT;

/// The claim lexicons' words of all three languages and the unit words.
static TABLE: LazyLock<PrefixTable> = LazyLock::new(|| {
    let mut t = PrefixTable::default();
    for lx in lexicon::ALL {
        for (words, bit) in [
            (lx.event_words(), EVENT),
            (lx.cue_words(), CUE),
            (lx.settlement_words(), SETTLEMENT),
        ] {
            for w in words {
                t.add(w, bit);
            }
        }
    }
    for &(w, kind) in quantity::UNIT_KINDS {
        t.add(&format!("{w}*"), UNIT << kind);
    }
    t
});

/// The signals of `text[range]` (a sentence).
pub fn of(text: &str, range: Range<usize>) -> u8 {
    let mut bits = 0;
    TABLE.for_prefix_starts(text, range.clone(), |at, s, b| {
        found(text, &range, at, s, b, &mut bits)
    });
    bits
}

/// The signals of each of `ranges` (the sentences of a document), as [`of`] gives them, found two
/// sentences at a time.
pub fn of_all(text: &str, ranges: &[Range<usize>]) -> Vec<u8> {
    let mut bits = vec![0u8; ranges.len()];
    TABLE.for_prefix_starts_all(text, ranges, |k, at, s, b| {
        found(text, &ranges[k], at, s, b, &mut bits[k])
    });
    bits
}

/// Adds what begins at `at` (with prefix bits `b`) to the `bits` of the sentence `text[sentence]`; false
/// once every bit is found.
fn found(text: &str, sentence: &Range<usize>, at: usize, s: Start, b: u8, bits: &mut u8) -> bool {
    if s.word {
        let mut words = b & AT_WORDS & !*bits;
        if words & EVENT != 0 && !is_event_word(&text[at..sentence.end]) {
            words &= !EVENT;
        }
        *bits |= words;
    }
    let units = b & AT_LETTERS & !*bits;
    if s.letter && units != 0 && quantity::number_before(&text[sentence.start..at]) {
        *bits |= units;
    }
    *bits != AT_WORDS | AT_LETTERS
}

/// Whether the word `rest` begins with can begin an event in one of the claim lexicons.
fn is_event_word(rest: &str) -> bool {
    let w = crate::text::first_word(rest);
    lexicon::ALL.iter().any(|lx| lx.may_begin_event(&w))
}

#[cfg(test)]
mod tests;
