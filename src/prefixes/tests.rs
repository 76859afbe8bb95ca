use proptest::prelude::*;

use super::*;

#[test]
fn ascii_heads_of_short_and_hyphenated_prefixes() {
    let mut table = PrefixTable::default();
    for w in ["re-establish*", "recaptur*", "withdraw"] {
        table.add(w, 1);
    }
    let may_begin = |w: &str| {
        ascii_head(w.as_bytes()).map(|i| table.ascii_heads[i / 64] & (1 << (i % 64)) != 0)
    };
    assert_eq!(may_begin("re-entered"), Some(true));
    assert_eq!(may_begin("RECAPTURED"), Some(true));
    assert_eq!(may_begin("the"), Some(false));
    assert_eq!(may_begin("Київ"), None);
    assert_eq!(may_begin("re"), Some(true)); // as "re-" does: any other byte is one symbol
    assert_eq!(may_begin("rx"), Some(false));
    assert_eq!(ascii_head_indices(&['a', 'b']).len(), SYMBOLS);
    assert!(ascii_head_indices(&['з', 'в', 'і']).is_empty());
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
