//! Property tests: the extractor and the map pipeline never panic, keep offsets inside the input on
//! character boundaries, and write parseable, deterministic output in every format, whatever the bytes
//! (the checks of `placemap::invariants`, shared with the fuzz targets in `fuzz/`).

use placemap::invariants;
use proptest::prelude::*;

/// Text built from words that exercise the recogniser and the claim rules, plus noise.
fn newsy() -> impl Strategy<Value = Vec<u8>> {
    let words = prop::sample::select(vec![
        "Kharkiv",
        "Izyum",
        "Kup'yansk",
        "Купянськ",
        "Bakhmut",
        "Ukrainian",
        "Russian",
        "forces",
        "troops",
        "recaptured",
        "withdrew",
        "from",
        "regrouping",
        "around",
        "the",
        "city",
        "of",
        "flag",
        "raising",
        "near",
        "in",
        "region",
        "said",
        "according",
        "to",
        "denied",
        "was",
        "retaken",
        "by",
        "50km",
        "almost",
        "1,000",
        "sq",
        "km",
        "(",
        ")",
        ",",
        ".",
        "\n",
        "\r\n",
        "“",
        "”",
        "’s",
        "-",
        "U.S.",
        "Mr.",
        "Odessa,",
        "Texas",
        "\u{FEFF}",
        "\u{1A}",
        "on",
        "Saturday",
    ]);
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..400),
        prop::collection::vec(words.clone(), 0..80).prop_map(|w| w.join(" ").into_bytes()),
        (
            prop::collection::vec(words, 0..40),
            prop::collection::vec(any::<u8>(), 0..20)
        )
            .prop_map(|(w, noise)| {
                let mut b = w.join(" ").into_bytes();
                let at = b.len() / 2;
                b.splice(at..at, noise);
                b
            }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn extract_and_map_never_fail(bytes in newsy()) {
        let x = invariants::extractor();
        invariants::check_extract(x, &bytes);
        invariants::check_document(x, &bytes);
    }
}
