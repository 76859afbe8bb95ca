use proptest::prelude::*;

use super::*;

/// The plain form of the test: every word start of every sentence compared with every prefix.
fn reference(doc: &Doc) -> Vec<u8> {
    let mut words: Vec<(String, u8)> = Vec::new();
    for lx in [
        &lexicon::en::LEXICON,
        &lexicon::uk::LEXICON,
        &lexicon::ru::LEXICON,
    ] {
        for (list, bits) in [
            (lx.event_words(), EVENT),
            (lx.cue_words(), CUE),
            (lx.settlement_words(), SETTLEMENT),
        ] {
            words.extend(
                list.iter()
                    .map(|w| (w.trim_end_matches('*').to_string(), bits)),
            );
        }
    }
    let text = doc.text;
    doc.sentences
        .iter()
        .map(|s| {
            let mut bits = 0;
            let mut prev_alnum = false;
            for (i, c) in text[s.range.clone()].char_indices() {
                let start = c.is_alphanumeric() && !prev_alnum;
                prev_alnum = c.is_alphanumeric();
                if !start {
                    continue;
                }
                for (prefix, b) in &words {
                    let mut rest = text[s.range.start + i..].chars().map(lower);
                    if prefix.chars().all(|p| rest.next() == Some(p)) {
                        bits |= b;
                    }
                }
            }
            bits
        })
        .collect()
}

/// The hints of each sentence, scanned to the end (the early stop aside).
fn bits(t: &str) -> Vec<u8> {
    let doc = Doc::new(t, &[]);
    doc.sentences
        .iter()
        .map(|s| {
            let mut h = Hints::default();
            for_word_starts(t, s.range.clone(), |at| {
                PREFIXES.hints_at(t, at, &mut h);
                true
            });
            h.0
        })
        .collect()
}

#[test]
fn ascii_heads_of_short_and_hyphenated_prefixes() {
    let may_begin = |w: &str| {
        ascii_head(w.as_bytes()).map(|i| PREFIXES.ascii_heads[i / 64] & (1 << (i % 64)) != 0)
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
fn prefixes_only_at_word_starts() {
    assert_eq!(bits("They Recaptured it."), [EVENT]);
    assert_eq!(bits("the nonfree press, unconfirmed."), [CUE]);
    assert_eq!(bits("a pre-war scene."), [0]); // "re-" inside "pre-"
    assert_eq!(bits("troops re-entered."), [EVENT]);
    assert_eq!(bits("a war scene. They RETOOK it."), [0, EVENT]);
    assert_eq!(bits("ЗСУ ЗВІЛЬНИЛИ село."), [EVENT | SETTLEMENT]);
    assert_eq!(bits("Київ."), [0]);
}

#[test]
fn masks_of_every_byte() {
    for b in 0..=255u8 {
        let (alnum, wide) = masks(&[b; 16]);
        assert_eq!(
            alnum,
            if b.is_ascii_alphanumeric() {
                u16::MAX
            } else {
                0
            },
            "{b}"
        );
        assert_eq!(wide, if b.is_ascii() { 0 } else { u16::MAX }, "{b}");
    }
}

#[test]
fn worth_reading_needs_a_place_or_an_earlier_claim() {
    let h = |b| Hints(b);
    assert!(h(EVENT).worth_reading(true, false));
    assert!(!h(EVENT).worth_reading(false, true));
    assert!(h(EVENT | SETTLEMENT).worth_reading(false, false));
    assert!(h(CUE).worth_reading(false, true));
    assert!(!h(CUE).worth_reading(true, false));
}

proptest! {
    /// The bit masks of 16 bytes are those of testing each byte.
    #[test]
    fn masks_are_each_bytes_class(chunk in prop::array::uniform16(any::<u8>())) {
        let (alnum, wide) = masks(&chunk);
        for (i, b) in chunk.iter().enumerate() {
            prop_assert_eq!(alnum >> i & 1 == 1, b.is_ascii_alphanumeric(), "byte {}", b);
            prop_assert_eq!(wide >> i & 1 == 1, !b.is_ascii(), "byte {}", b);
        }
    }

    /// The automaton finds what the plain comparison finds, in any case and script.
    #[test]
    fn automaton_matches_the_plain_test(
        words in prop::collection::vec(
            prop_oneof![
                Just("recaptured"), Just("Liberated"), Just("DENIED"), Just("village"), Just("pre"),
                Just("звільнили"), Just("ЗВІЛЬНИЛИ"), Just("Звільнили"), Just("села"), Just("ОСВОБОДИЛИ"),
                Just("the"), Just("pull-back"), Just("re-"), Just("İ"), Just("Ω"), Just("2"),
            ],
            0..12,
        ),
        seps in prop::collection::vec(prop_oneof![Just(" "), Just(""), Just(". "), Just("-"), Just(", ")], 12),
    ) {
        let mut t = String::new();
        for (w, s) in words.iter().zip(&seps) {
            t.push_str(w);
            t.push_str(s);
        }
        let doc = Doc::new(&t, &[]);
        prop_assert_eq!(bits(&t), reference(&doc));
    }
}
