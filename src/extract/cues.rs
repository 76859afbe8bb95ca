//! Place names the gazetteer lacks, found from the text itself: a settlement word before them ("the village
//! of Robotyne") or, in war reporting, a locative before a word with an East Slavic toponymic ending ("near
//! Klishchiivka", "around Rabotino"). These become mentions even when nothing resolves them; a Slavic-key
//! variant in the gazetteer ("Gulyaipole" for Hulyaypole) may still resolve them when the document's other
//! places support it.

use super::lexicon;
use super::recognize::Context;
use super::scan::Spot;
use super::words::{contains, COMMON_WORDS};
use crate::names::fold::light_key;
use crate::text::ToLowerInline;

/// Words that make the next capitalised word a settlement, whatever it looks like.
const SETTLEMENT_WORDS: &[&str] = &["hamlet", "settlement", "town", "village", "villages"];

/// Locatives and control verbs after which a word with a toponymic ending is a place.
const WEAK_CUES: &[&str] = &[
    "across",
    "around",
    "captured",
    "entered",
    "from",
    "in",
    "into",
    "liberated",
    "near",
    "of",
    "outside",
    "recaptured",
    "retook",
    "seized",
    "taken",
    "took",
    "toward",
    "towards",
];

/// East Slavic settlement-name endings (Ukrainian and Russian, in the usual romanizations).
const ENDINGS: &[&str] = &[
    "ivka", "ovka", "evka", "yevka", "iivka", "yivka", "ivske", "ivtsi", "ovtsi", "yne", "ine",
    "ino", "ovo", "evo", "yevo", "ove", "eve", "ivsk", "ytsia", "ytsya", "ychi", "pole", "polye",
    "horod", "gorod", "grad", "hrad", "nka", "ske", "skoye", "skoe",
];

/// The ASCII word right before `at`, separated from it by spaces only, and where it starts.
fn word_before(text: &str, at: usize) -> Option<(&str, usize)> {
    let b = text.as_bytes();
    let mut e = at;
    while e > 0 && b[e - 1] == b' ' {
        e -= 1;
    }
    if e == at {
        return None;
    }
    let mut s = e;
    while s > 0 && b[s - 1].is_ascii_alphabetic() {
        s -= 1;
    }
    (s < e).then(|| (&text[s..e], s))
}

fn word_end(text: &str, start: usize) -> usize {
    text[start..]
        .char_indices()
        .find(|(_, c)| !(c.is_alphabetic() || *c == '-'))
        .map_or(text.len(), |(i, _)| start + i)
        .max(start)
}

/// Whether `w` could be an unknown place name: capitalised, not all capitals, not an ordinary word or a
/// person's name.
fn plausible(w: &str) -> bool {
    let mut chars = w.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    if !first.is_uppercase() || letters < 4 || w.chars().skip(1).all(|c| !c.is_lowercase()) {
        return false;
    }
    let lower = w.to_lower();
    !(lexicon::is_english_word(&lower)
        || lexicon::is_given_name(&lower)
        || lexicon::is_surname(&lower)
        || contains(COMMON_WORDS, &lower))
}

/// Whether `w`, in lower case, is ASCII and ends with a Slavic ending after at least three more letters. An
/// ASCII word is compared in place; another is lower-cased first (the Kelvin sign lower-cases to ASCII).
fn slavic_ending(w: &str) -> bool {
    let ends = |lower: &[u8], fold: fn(&[u8], &[u8]) -> bool| {
        ENDINGS.iter().any(|e| {
            lower.len() > e.len() + 2 && fold(&lower[lower.len() - e.len()..], e.as_bytes())
        })
    };
    if w.is_ascii() {
        return ends(w.as_bytes(), <[u8]>::eq_ignore_ascii_case);
    }
    let lower = w.to_lower();
    lower.is_ascii() && ends(lower.as_bytes(), |a, b| a == b)
}

/// Unknown names marked as places by the text, outside the spans of `spots` (the gazetteer's names).
/// `demonyms` keeps "near Ukrainian positions" out. `caps`: where capitalised characters start
/// ([`super::scan::capitals`]).
pub fn unknown_names(
    ctx: &Context,
    spots: &[Spot],
    demonyms: &rustc_hash::FxHashSet<String>,
    caps: &[usize],
) -> Vec<Spot> {
    let text = ctx.text;
    let covered = |a: usize, b: usize| {
        let i = spots.partition_point(|s| s.end <= a);
        spots.get(i).is_some_and(|s| s.start < b)
    };
    let mut out = Vec::new();
    // Where a name ends (the gazetteer's and those found here), for lists: one look-up per listed word.
    let mut ends: rustc_hash::FxHashSet<usize> = spots.iter().map(|s| s.end).collect();
    let mut pos = 0;
    // Candidate word starts: the capitalised characters not inside the last word looked at.
    for &start in caps {
        if start < pos {
            continue;
        }
        let Some(first) = text[start..].chars().next() else {
            break;
        };
        pos = start + first.len_utf8();
        let end = word_end(text, start);
        pos = pos.max(end);
        // A word start, not inside another word.
        if text[..start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || crate::names::fold::is_apostrophe(c))
        {
            continue;
        }
        // The cue first: it is the cheapest test and rules out almost every word.
        let (p, pstart) = word_before(text, start).unwrap_or(("", start));
        let is = |list: &[&str], w: &str| list.iter().any(|x| x.eq_ignore_ascii_case(w));
        let strong = (p.eq_ignore_ascii_case("of")
            && word_before(text, pstart).is_some_and(|(w, _)| is(SETTLEMENT_WORDS, w)))
            || p.eq_ignore_ascii_case("village");
        let w = &text[start..end];
        // A list continues a cue: "around Robotyne, Verbove and Novoprokopivka".
        let listed = |sep_start: usize| {
            let before = text[..sep_start].trim_end_matches(' ');
            let before = before
                .strip_suffix(',')
                .unwrap_or(before)
                .trim_end_matches(' ');
            ends.contains(&before.len())
        };
        let in_list = || {
            (p.eq_ignore_ascii_case("and") || p.eq_ignore_ascii_case("or")) && listed(pstart)
                || text[..start].trim_end_matches(' ').ends_with(',') && listed(start)
        };
        if !(strong || (is(WEAK_CUES, p) || in_list()) && slavic_ending(w)) {
            continue;
        }
        if end == start || covered(start, end) || !plausible(w) {
            continue;
        }
        let key = light_key(w);
        if demonyms.contains(&key) {
            continue;
        }
        // Part of a longer proper noun ("near Kellogg Street"), or a possessive ("in Zelensky's").
        let rest = &text[end..];
        if rest.starts_with("'s") || rest.starts_with("’s") {
            continue;
        }
        if ctx
            .next_word(end)
            .is_some_and(|n| n.chars().next().is_some_and(char::is_uppercase))
        {
            continue;
        }
        ends.insert(end);
        out.push(Spot { start, end, key });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        let ctx = Context { text };
        unknown_names(
            &ctx,
            &[],
            &Default::default(),
            &super::super::scan::capitals(text.as_bytes()),
        )
        .into_iter()
        .map(|s| text[s.start..s.end].to_string())
        .collect()
    }

    #[test]
    fn settlement_words_and_slavic_endings_after_locatives() {
        assert_eq!(
            names("Troops entered the village of Zarichne and fought near Klishchiivka."),
            vec!["Zarichne", "Klishchiivka"]
        );
        assert_eq!(
            names("Shelling around Rabotino continued."),
            vec!["Rabotino"]
        );
    }

    #[test]
    fn slavic_endings_in_any_case_after_three_letters() {
        for w in [
            "Klishchiivka",
            "KLISHCHIIVKA",
            "Robotyne",
            "\u{212A}amianske",
        ] {
            assert!(slavic_ending(w), "{w}");
        }
        for w in [
            "Ivka",
            "Zaporizhzhia",
            "Bakhmut",
            "Мар\u{2019}їнка",
            "Kamiansk\u{e9}",
        ] {
            assert!(!slavic_ending(w), "{w}");
        }
    }

    #[test]
    fn ordinary_capitalised_words_are_not_places() {
        assert!(names("He met officials in Parliament and near Google offices.").is_empty());
        assert!(names("Speaking in Zelensky's office, near Kellogg Street.").is_empty());
        assert!(names("The Tribune said so. In March, near NATO.").is_empty());
    }
}
