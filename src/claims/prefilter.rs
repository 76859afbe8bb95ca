//! Which sentences are worth reading for claims. Most sentences of general news have no word a claim, a
//! denial or a confirmation needs; a sentence is read only when such a word begins in it. The test is one
//! pass over the document's word starts: the first three letters of a word (lower-cased) pick, by one
//! hash probe, the few prefixes that begin with them, and only those are compared.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::lexicon;
use crate::doc::Doc;

/// What a prefix tells about a sentence whose word begins with it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Hint {
    /// An event word ("captured", "withdrawal").
    Event,
    /// A denial or a confirmation.
    Cue,
    /// A settlement noun, which may point back to an earlier sentence's place.
    Settlement,
}

/// How many letters of a word pick its candidate prefixes.
const HEAD: usize = 3;

/// Every prefix (lower case) by its first [`HEAD`] letters (or all of it, when shorter).
struct Prefixes {
    by_head: FxHashMap<Head, Vec<(Vec<char>, Hint)>>,
    /// Prefixes shorter than [`HEAD`], by length, exist (a word's first one or two letters are then probed).
    short: [bool; HEAD],
    /// For each ASCII first letter, the second ASCII letters some prefix goes on with (all bits when a
    /// prefix goes on otherwise): most English words are turned away here, without a hash probe.
    ascii_pairs: [u32; 26],
}

/// Up to [`HEAD`] lower-case characters.
type Head = [char; HEAD];

fn head(chars: &[char]) -> Head {
    let mut h = ['\0'; HEAD];
    for (slot, c) in h.iter_mut().zip(chars) {
        *slot = *c;
    }
    h
}

/// The prefixes of all three languages, from their lexicons: a word that begins with none of them
/// begins no event, cue or settlement noun the claim reader knows.
static PREFIXES: LazyLock<Prefixes> = LazyLock::new(|| {
    let mut p = Prefixes {
        by_head: FxHashMap::default(),
        short: [false; HEAD],
        ascii_pairs: [0; 26],
    };
    for lx in [
        &lexicon::en::LEXICON,
        &lexicon::uk::LEXICON,
        &lexicon::ru::LEXICON,
    ] {
        for (words, h) in [
            (lx.event_words(), Hint::Event),
            (lx.cue_words(), Hint::Cue),
            (lx.settlement_words(), Hint::Settlement),
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
    fn add(&mut self, word: &str, h: Hint) {
        let chars: Vec<char> = word.trim_end_matches('*').chars().map(lower).collect();
        if chars.is_empty() {
            return;
        }
        if chars.len() < HEAD {
            self.short[chars.len()] = true;
        }
        if let Some(a) = ascii_letter(chars[0]) {
            self.ascii_pairs[a] |= chars
                .get(1)
                .and_then(|&c| ascii_letter(c))
                .map_or(u32::MAX, |b| 1 << b);
        }
        let key = head(&chars[..chars.len().min(HEAD)]);
        let cands = self.by_head.entry(key).or_default();
        if !cands.contains(&(chars.clone(), h)) {
            cands.push((chars, h));
        }
    }

    /// Whether a word starting with these bytes cannot begin a prefix (a quick test on ASCII letters).
    fn turned_away(&self, word: &[u8]) -> bool {
        let letter = |i: usize| word.get(i).and_then(|&b| ascii_letter(b as char));
        match (letter(0), letter(1)) {
            (Some(a), Some(b)) => self.ascii_pairs[a] & (1 << b) == 0,
            (Some(a), None) => self.ascii_pairs[a] == 0,
            _ => false,
        }
    }

    /// The hints of the word starting at `text[at..]`.
    fn hints_at(&self, text: &str, at: usize, out: &mut Hints) {
        let rest = &text[at..];
        if self.turned_away(rest.as_bytes()) {
            return;
        }
        let mut first = ['\0'; HEAD];
        let mut n = 0;
        for (slot, c) in first.iter_mut().zip(rest.chars()) {
            *slot = lower(c);
            n += 1;
        }
        for len in (1..=n).filter(|&l| l == n || self.short[l]) {
            let Some(cands) = self.by_head.get(&head(&first[..len])) else {
                continue;
            };
            for (prefix, h) in cands {
                let mut word = rest.chars().map(lower);
                if prefix.iter().all(|p| word.next() == Some(*p)) {
                    out.set(*h);
                }
            }
        }
    }
}

/// The index of an ASCII letter in the alphabet (either case).
fn ascii_letter(c: char) -> Option<usize> {
    c.is_ascii_alphabetic()
        .then(|| (c.to_ascii_lowercase() as u8 - b'a') as usize)
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
pub struct Hints {
    event: bool,
    cue: bool,
    settlement: bool,
}

impl Hints {
    /// Whether the sentence can say anything about control: an event word with a place (or a settlement
    /// noun that may point back to one), or a denial or doubt when there are earlier claims it may reach.
    pub fn worth_reading(&self, has_mention: bool, earlier_claims: bool) -> bool {
        (self.event && (has_mention || self.settlement)) || (self.cue && earlier_claims)
    }

    fn set(&mut self, h: Hint) {
        match h {
            Hint::Event => self.event = true,
            Hint::Cue => self.cue = true,
            Hint::Settlement => self.settlement = true,
        }
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
            for at in word_starts(&text[range.clone()]).map(|w| range.start + w) {
                p.hints_at(text, at, &mut h);
                if h.event && ((h.cue && h.settlement) || has_mention) {
                    break;
                }
            }
            h
        })
        .collect()
}

/// Byte offsets where a word begins: an alphanumeric character after a character that is not one (or
/// at the start).
fn word_starts(s: &str) -> impl Iterator<Item = usize> + '_ {
    let mut prev_alnum = false;
    s.char_indices().filter_map(move |(i, c)| {
        let alnum = c.is_alphanumeric();
        let start = alnum && !prev_alnum;
        prev_alnum = alnum;
        start.then_some(i)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_starts_after_non_letters() {
        let s = "Russian-held Ізюм, 12 km";
        let w: Vec<&str> = word_starts(s).map(|i| &s[i..]).collect();
        assert_eq!(w.len(), 5);
        assert!(w[1].starts_with("held"));
        assert!(w[2].starts_with("Ізюм"));
    }

    fn hints(t: &str) -> (bool, bool, bool) {
        let mut h = Hints::default();
        for at in word_starts(t) {
            PREFIXES.hints_at(t, at, &mut h);
        }
        (h.event, h.cue, h.settlement)
    }

    #[test]
    fn prefixes_only_at_word_starts() {
        assert_eq!(hints("They Recaptured it"), (true, false, false));
        assert_eq!(
            hints("the nonfree press, unconfirmed"),
            (false, true, false)
        );
        assert_eq!(hints("a pre-war scene"), (false, false, false)); // "re-" inside "pre-"
        assert_eq!(hints("troops re-entered"), (true, false, false));
        assert_eq!(hints("a war scene"), (false, false, false));
        assert_eq!(hints("ЗСУ ЗВІЛЬНИЛИ село"), (true, false, true));
        assert_eq!(hints("Київ"), (false, false, false));
    }
}
