//! Property tests: the extractor and the map pipeline never panic, keep offsets inside the input on
//! character boundaries, and write parseable GeoJSON, whatever the bytes.

use placemap::analyze::analyze;
use placemap::extract::Extractor;
use placemap::input::{Document, Meta};
use placemap::layers::{Aggregator, MapOptions};
use placemap::Gazetteer;
use proptest::prelude::*;
use std::sync::OnceLock;

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer::bundled().expect("bundled gazetteer"))
}

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
        let g = gazetteer();
        let x = Extractor::new(g);
        let ms = x.extract(&bytes);
        let mut last = 0;
        for m in &ms {
            prop_assert!(m.start < m.end && m.end <= bytes.len());
            prop_assert!(m.start >= last);
            last = m.start;
            // Offsets refer to the original bytes: the span decodes to the reported text where valid.
            if let Ok(s) = std::str::from_utf8(&bytes[m.start..m.end]) {
                prop_assert_eq!(s, m.text.as_str());
            }
            prop_assert!((0.0..=1.0).contains(&m.score));
        }
        let doc = Document {
            doc: "prop".into(),
            bytes: bytes.clone(),
            meta: Meta { published: Some("2022-09-10".into()), ..Meta::default() },
        };
        let a = analyze(&x, &doc);
        for c in &a.claims {
            prop_assert!(c.claim.mention < a.mentions.len());
            prop_assert!(c.claim.gaining != c.claim.losing);
        }
        let mut agg = Aggregator::new(g);
        agg.add(&a);
        let layers = agg.finish(&MapOptions::default());
        let feats: Vec<_> = layers.places.iter().chain(&layers.claims).collect();
        let mut out = Vec::new();
        let layer = placemap::write::Layer::new("p", placemap::layers::schema::LayerKind::Points, false, &feats);
        placemap::write::write_layer(&mut out, placemap::write::Format::GeoJson, &layer).expect("write");
        for f in &feats {
            let fields = placemap::layers::schema::LayerKind::Points.fields(false);
            prop_assert!(placemap::layers::schema::check(&f.properties, &fields).is_ok());
        }
        let v: serde_json::Value = serde_json::from_slice(&out).expect("valid JSON");
        prop_assert_eq!(v["features"].as_array().map(Vec::len), Some(feats.len()));
    }
}
