//! Which sentences are worth reading for claims. Most sentences of general news have no word a claim, a
//! denial or a confirmation needs; a sentence is read only when such a word begins in it. The test is one
//! pass over the document's word starts with three small anchored automata (event words, denials and
//! confirmations, settlement nouns), each asked only whether a word begins with one of its prefixes.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};

use super::lexicon::{self, Triggers};
use crate::doc::Doc;

#[rustfmt::skip]
const EVENT: &[&str] = &[
    "captur", "seiz", "took", "take", "taki", "occup", "overr", "conquer", "enter", "fell",
    "fall", "retak", "retook", "re-", "regain", "liberat", "free", "reclaim", "back", "won",
    "withdr", "retreat", "pull", "abandon", "left", "leav", "fled", "flee", "ced", "surrender",
    "gave", "give", "lost", "los", "evacuat", "regroup", "redeploy", "flag", "banner",
    "control", "push", "drove", "driv", "expel", "oust", "kick", "clear", "rout", "dislodg",
    "evict", "chase", "threw", "thrown", "forc", "recap", "moved", "newly", "recently",
    "secur", "geolocat", "footage",
];
#[rustfmt::skip]
const CUE: &[&str] = &[
    "deni", "deny", "refut", "reject", "dismiss", "disput", "contradict", "false", "fake",
    "untrue", "mistaken", "premature", "confirm", "verif", "evidence", "unconfirm", "unverif",
];
const SETTLEMENT: &[&str] = &["city", "town", "village", "settlement", "localit", "hamlet"];

/// The three kinds of word a sentence may begin: an event word, a denial or confirmation, a settlement
/// noun (which may point back to an earlier sentence's place).
struct Prefixes {
    event: AhoCorasick,
    cue: AhoCorasick,
    settlement: AhoCorasick,
}

static PREFIXES: LazyLock<Prefixes> = LazyLock::new(|| {
    let (mut event, mut cue, mut settlement) = (words(EVENT), words(CUE), words(SETTLEMENT));
    for lx in [&lexicon::uk::LEXICON, &lexicon::ru::LEXICON] {
        if let Triggers::Stems(stems, _) = &lx.triggers {
            event.extend(stems.iter().map(|s| s.stem.to_string()));
        }
        for list in [lx.flag, lx.control, lx.expel] {
            event.extend(words(list));
        }
        for list in [lx.denial, lx.confirm, lx.unconfirmed] {
            cue.extend(words(list));
        }
        settlement.extend(words(lx.settlement_nouns));
    }
    Prefixes {
        event: anchored(event),
        cue: anchored(cue),
        settlement: anchored(settlement),
    }
});

fn words(list: &[&str]) -> Vec<String> {
    list.iter()
        .map(|w| w.trim_end_matches('*').to_string())
        .collect()
}

/// An automaton that answers whether a word begins with one of `prefixes`. ASCII case is folded by the
/// automaton; Cyrillic is not, so capitalised and upper-case forms are added.
fn anchored(mut prefixes: Vec<String>) -> AhoCorasick {
    let cased: Vec<String> = prefixes
        .iter()
        .filter(|p| !p.is_ascii())
        .flat_map(|p| {
            let mut c = p.chars();
            let first: String = c
                .next()
                .map(|f| f.to_uppercase().collect())
                .unwrap_or_default();
            [format!("{first}{}", c.as_str()), p.to_uppercase()]
        })
        .collect();
    prefixes.extend(cased);
    prefixes.sort();
    prefixes.dedup();
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostFirst)
        .start_kind(StartKind::Anchored)
        .kind(Some(AhoCorasickKind::DFA))
        .build(&prefixes)
        .expect("prefilter prefixes")
}

/// Whether the word at `at` begins with one of the automaton's prefixes.
fn begins(ac: &AhoCorasick, text: &str, at: usize) -> bool {
    ac.is_match(Input::new(text).range(at..).anchored(Anchored::Yes))
}

/// What the words of one sentence begin with.
#[derive(Default, Clone, Copy)]
struct Hints {
    event: bool,
    cue: bool,
    settlement: bool,
}

/// Which sentences to read: an event word with a place (or a settlement noun that may point back to one),
/// or a denial or confirmation (which may reach an earlier sentence's claim).
pub fn sentences_to_read(doc: &Doc) -> Vec<bool> {
    let p = &*PREFIXES;
    let text = doc.text;
    (0..doc.sentences.len())
        .map(|k| {
            let range = doc.sentences[k].range.clone();
            let mut h = Hints::default();
            for at in word_starts(&text[range.clone()]).map(|w| range.start + w) {
                h.event = h.event || begins(&p.event, text, at);
                h.cue = h.cue || begins(&p.cue, text, at);
                h.settlement = h.settlement || begins(&p.settlement, text, at);
                if h.event && h.cue {
                    break;
                }
            }
            let places = h.settlement || doc.sentence_mentions(k).next().is_some();
            (h.event && places) || h.cue
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

    #[test]
    fn prefixes_only_at_word_starts() {
        let p = &*PREFIXES;
        let t = "They recaptured it; the nonfree press";
        let at = t.find("recaptured").unwrap();
        assert!(begins(&p.event, t, at));
        assert!(!begins(&p.event, t, t.find("free").unwrap() - 3));
        assert!(begins(&p.event, "Recaptured", 0));
    }
}
