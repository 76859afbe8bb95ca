use proptest::prelude::*;

use super::*;
use crate::doc::Doc;

/// The plain form of the test: every word start of every sentence compared with every claim word (an
/// event word also as the whole first token there, as the tokeniser cuts it), and every letter start with
/// a number before it with every unit word.
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
                let at = s.range.start + i;
                let token = crate::text::tokens(text, at..s.range.end);
                let whole = token.first().map_or("", |t| t.lower.as_str());
                for (prefix, b) in &words {
                    let mut rest = text[at..]
                        .chars()
                        .map(|c| c.to_lowercase().next().unwrap_or(c));
                    if prefix.chars().all(|p| rest.next() == Some(p))
                        && (*b != EVENT || lexicon::ALL.iter().any(|lx| lx.may_begin_event(whole)))
                    {
                        bits |= b;
                    }
                }
            }
            for (i, c) in text[s.range.clone()].char_indices() {
                let at = s.range.start + i;
                let after_letter = text[s.range.start..at]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphabetic);
                if !c.is_alphabetic()
                    || after_letter
                    || !quantity::number_before(&text[s.range.start..at])
                {
                    continue;
                }
                for &(w, kind) in quantity::UNIT_KINDS {
                    if text.as_bytes()[at..]
                        .get(..w.len())
                        .is_some_and(|b| b.eq_ignore_ascii_case(w.as_bytes()))
                    {
                        bits |= UNIT << kind;
                    }
                }
            }
            bits
        })
        .collect()
}

/// Words, each followed by its separator.
fn joined(words: &[&str], seps: &[&str]) -> String {
    words.iter().zip(seps).flat_map(|(w, s)| [*w, *s]).collect()
}

/// The signals of each sentence.
fn bits(t: &str) -> Vec<u8> {
    let doc = Doc::new(t, &[]);
    (0..doc.sentences.len()).map(|i| doc.signals(i)).collect()
}

#[test]
fn claim_words_at_word_starts_units_after_numbers() {
    assert_eq!(bits("They Recaptured it."), [EVENT]);
    assert_eq!(bits("the nonfree press, unconfirmed."), [CUE]);
    assert_eq!(bits("a pre-war scene."), [0]); // "re-" inside "pre-"
    assert_eq!(bits("troops re-entered."), [EVENT]);
    assert_eq!(bits("a war scene. They RETOOK it."), [0, EVENT]);
    assert_eq!(bits("ЗСУ ЗВІЛЬНИЛИ село."), [EVENT | SETTLEMENT]);
    assert_eq!(bits("Київ."), [0]);
    // An event word is a whole word: these only begin like "gained", "drove" and "held".
    assert_eq!(bits("Gainesville police on a driveway, helders."), [0]);
    assert_eq!(bits("the Russian-controlled town"), [EVENT | SETTLEMENT]);
    assert_eq!(
        bits("50km and 3 KM2, two towns."),
        [SETTLEMENT | UNIT | UNIT << 1 | UNIT << 3]
    );
    assert_eq!(bits("the town, the days after, downtown."), [SETTLEMENT]);
}

proptest! {
    /// The table finds what the plain comparison finds, in any case and script.
    #[test]
    fn table_matches_the_plain_test(
        words in prop::collection::vec(
            prop_oneof![
                Just("recaptured"), Just("Liberated"), Just("DENIED"), Just("village"), Just("pre"),
                Just("звільнили"), Just("ЗВІЛЬНИЛИ"), Just("Звільнили"), Just("села"), Just("ОСВОБОДИЛИ"),
                Just("the"), Just("pull-back"), Just("re-"), Just("İ"), Just("Ω"), Just("2"),
                Just("Gainesville"), Just("took"), Just("U.S."), Just("’s"),
                Just("12km"), Just("three"), Just("Miles"), Just("days"), Just("a"), Just("towns"),
            ],
            0..12,
        ),
        seps in prop::collection::vec(prop_oneof![Just(" "), Just(""), Just(". "), Just("-"), Just(", ")], 12),
    ) {
        let t = joined(&words, &seps);
        let doc = Doc::new(&t, &[]);
        prop_assert_eq!(bits(&t), reference(&doc));
    }
}

proptest! {
    /// Two sentences at a time find what one at a time finds, whatever the sentences' lengths and scripts,
    /// with the characters the automaton cannot see (Kelvin sign, dotted capital I) in some of them.
    #[test]
    fn all_sentences_at_once_as_one_by_one(
        words in prop::collection::vec(
            prop_oneof![
                Just("recaptured"), Just("Liberated"), Just("denied"), Just("villages"), Just("town"),
                Just("звільнили"), Just("села"), Just("\u{212A}m"), Just("İ"), Just("’"), Just("—"),
                Just("12km"), Just("three"), Just("days"), Just("a"), Just("the"), Just("🙂"), Just("withdrew"),
            ],
            0..40,
        ),
        seps in prop::collection::vec(prop_oneof![Just(" "), Just(""), Just(". "), Just("\n"), Just(", ")], 40),
    ) {
        let t = joined(&words, &seps);
        let ranges = crate::text::sentences(&t);
        let one_by_one: Vec<u8> = ranges.iter().map(|r| of(&t, r.clone())).collect();
        prop_assert_eq!(of_all(&t, &ranges), one_by_one);
    }
}

#[test]
fn all_sentences_at_once_with_uneven_lengths() {
    let t = "Troops recaptured the town. Ok. A long sentence about nothing in particular that goes on and on \
             before it says that the forces withdrew 12 km. They denied it. \u{212A}yiv villages. Три села.";
    let ranges = crate::text::sentences(t);
    assert!(ranges.len() >= 6);
    let one_by_one: Vec<u8> = ranges.iter().map(|r| of(t, r.clone())).collect();
    assert_eq!(of_all(t, &ranges), one_by_one);
    assert!(one_by_one.iter().filter(|&&b| b != 0).count() >= 4);
}
