use proptest::prelude::*;

use super::*;

#[test]
fn short_hyphenated_and_cyrillic_prefixes_in_any_case() {
    let table = table_of(&[
        ("re-establish*", 1),
        ("recaptur*", 2),
        ("km", 4),
        ("\u{441}\u{435}\u{43b}*", 8),
    ]);
    let bits = |w: &str| table.bits_at(w, 0);
    assert_eq!(bits("RE-ESTABLISHED"), 1);
    assert_eq!(bits("Recaptured"), 2);
    assert_eq!(bits("re-entered"), 0);
    assert_eq!(bits("KM"), 4);
    assert_eq!(bits("k"), 0);
    assert_eq!(bits("\u{421}\u{415}\u{41b}\u{410}"), 8);
    assert_eq!(bits("the"), 0);
}

#[test]
fn masks_of_every_byte() {
    for b in 0..=255u8 {
        let m = masks(&[b; 16]);
        let all = |yes: bool| if yes { u16::MAX } else { 0 };
        assert_eq!(m.letter, all(b.is_ascii_alphabetic()), "{b}");
        assert_eq!(m.alnum, all(b.is_ascii_alphanumeric()), "{b}");
        assert_eq!(m.wide, all(!b.is_ascii()), "{b}");
    }
}

fn starts(t: &str, letter: bool) -> Vec<&str> {
    let mut out = Vec::new();
    for_starts(t, 0..t.len(), |at, s| {
        if if letter { s.letter } else { s.word } {
            out.push(&t[at..]);
        }
        true
    });
    out
}

#[test]
fn word_and_letter_starts() {
    let t = "Russian-held Ізюм, 12km and x2 (a very long line of ASCII text to fill chunks)";
    let words = starts(t, false);
    assert_eq!(words.len(), 16);
    assert!(words[2].starts_with("Ізюм") && words[3].starts_with("12km"));
    let letters = starts(t, true);
    assert!(letters.iter().any(|w| w.starts_with("km and")));
    assert!(!letters.iter().any(|w| w.starts_with('2')));
}

proptest! {
    /// The bit masks of 16 bytes are those of testing each byte.
    #[test]
    fn masks_are_each_bytes_class(chunk in prop::array::uniform16(any::<u8>())) {
        let m = masks(&chunk);
        for (i, b) in chunk.iter().enumerate() {
            prop_assert_eq!(m.letter >> i & 1 == 1, b.is_ascii_alphabetic(), "byte {}", b);
            prop_assert_eq!(m.alnum >> i & 1 == 1, b.is_ascii_alphanumeric(), "byte {}", b);
            prop_assert_eq!(m.wide >> i & 1 == 1, !b.is_ascii(), "byte {}", b);
        }
    }


    /// The chunked scan finds the starts a walk over the characters finds.
    #[test]
    fn starts_are_those_of_a_character_walk(t in "[a-zA-Z0-9 ,.Ііз€-]{0,60}", letter in any::<bool>()) {
        let class = |c: char| if letter { c.is_alphabetic() } else { c.is_alphanumeric() };
        let mut expected = Vec::new();
        let mut prev = false;
        for (i, c) in t.char_indices() {
            if class(c) && !prev {
                expected.push(i);
            }
            prev = class(c);
        }
        let mut got = Vec::new();
        for_starts(&t, 0..t.len(), |at, s| {
            if if letter { s.letter } else { s.word } {
                got.push(at);
            }
            true
        });
        prop_assert_eq!(got, expected);
    }
}

/// Starts with their bits.
type Reported = Vec<(usize, Start, u8)>;

/// The bits of each start: by the automaton scan (joined per start), and by the walk with a lookup at each.
fn scanned_and_walked(
    table: &PrefixTable,
    t: &str,
    range: std::ops::Range<usize>,
) -> (Reported, Reported) {
    let mut scanned: Reported = Vec::new();
    table.for_prefix_starts(t, range.clone(), |at, s, b| {
        match scanned.iter_mut().find(|(a, _, _)| *a == at) {
            Some(seen) => seen.2 |= b,
            None => scanned.push((at, s, b)),
        }
        true
    });
    scanned.retain(|(_, _, b)| *b != 0);
    scanned.sort_by_key(|(at, _, _)| *at);
    let mut walked = Vec::new();
    for_starts(t, range, |at, s| {
        let b = table.bits_at(t, at);
        if b != 0 {
            walked.push((at, s, b));
        }
        true
    });
    (scanned, walked)
}

/// A table of these words and their bits.
fn table_of(words: &[(&str, u8)]) -> PrefixTable {
    let mut table = PrefixTable::default();
    for (w, bits) in words {
        table.add(w, *bits);
    }
    table
}

fn test_table() -> PrefixTable {
    table_of(&[
        ("recaptur*", 1),
        ("re-establish*", 1),
        ("took", 1),
        ("km*", 8),
        ("kilomet*", 8),
        ("no", 2),
        ("caf\u{e9}*", 4),
        ("a\u{e9}ro*", 4),
        ("\u{437}\u{432}\u{456}\u{43b}\u{44c}\u{43d}*", 1),
        ("\u{441}\u{435}\u{43b}*", 4),
        ("i", 16),
        ("day*", 32),
    ])
}

#[test]
fn the_automaton_finds_what_the_lookup_finds() {
    let table = test_table();
    for t in [
        "They RETOOK it, recaptured Izium and took 12km, no day off.",
        "\u{201c}Took\u{201d} no\u{2019}s caf\u{c9}s and A\u{c9}ROs; ЗВІЛЬНИЛИ село.",
        "too\u{212a} the \u{130}sle, 3 \u{212a}m",
        "ends on a prefix: recaptur",
    ] {
        let (scanned, walked) = scanned_and_walked(&table, t, 0..t.len());
        assert_eq!(scanned, walked, "{t}");
        assert!(!walked.is_empty());
    }
}

/// The General Punctuation block, which the start test answers for without the Unicode tables, holds no
/// letter or digit.
#[test]
fn general_punctuation_is_neither_letter_nor_digit() {
    for c in '\u{2000}'..='\u{206F}' {
        assert_eq!(
            automaton::kind(c),
            (c.is_alphanumeric(), c.is_alphabetic()),
            "{c:?}"
        );
    }
}

/// The two characters the automaton cannot stand for are exactly those outside ASCII that lower-case to
/// an ASCII character.
#[test]
fn only_two_characters_lower_case_into_ascii() {
    let lowering: Vec<char> = (0x80..=0x10FFFF)
        .filter_map(char::from_u32)
        .filter(|c| lower(*c).is_ascii())
        .collect();
    let mut expected = automaton::ASCII_LOWERING.to_vec();
    expected.sort();
    assert_eq!(lowering, expected);
}

proptest! {
    /// Over text of every kind of character around the prefixes, and any sentence range in it, the automaton's
    /// starts and bits are those of the lookup at every start.
    #[test]
    fn the_automaton_agrees_with_the_lookup(
        parts in prop::collection::vec(prop_oneof![
            Just("recaptured"), Just("RE-ESTABLISHED"), Just("Took"), Just("km"), Just("KILOMETRES"),
            Just("no"), Just("caf\u{e9}"), Just("CAF\u{c9}"), Just("A\u{c9}RO"), Just("a\u{e9}ro"),
            Just("\u{417}\u{432}\u{456}\u{43b}\u{44c}\u{43d}\u{438}\u{43b}\u{438}"), Just("\u{441}\u{435}\u{43b}\u{43e}"),
            Just("\u{212a}m"), Just("too\u{212a}"), Just("\u{130}"), Just("i"), Just("Days"), Just("to"),
            Just(" "), Just(", "), Just("-"), Just("\u{2019}"), Just("\u{201c}"), Just("\u{2014}"),
            Just("12"), Just("\u{1f600}"), Just("\u{e9}"), Just("x"), Just("."),
        ], 0..14),
        cut in any::<(prop::sample::Index, prop::sample::Index)>(),
    ) {
        let t: String = parts.concat();
        let bounds: Vec<usize> = (0..=t.len()).filter(|&i| t.is_char_boundary(i)).collect();
        let (a, b) = (cut.0.get(&bounds), cut.1.get(&bounds));
        let range = *a.min(b)..*a.max(b);
        let (scanned, walked) = scanned_and_walked(&test_table(), &t, range);
        prop_assert_eq!(scanned, walked);
    }
}
