//! One long document is read as the sum of its parts (issue 14, items 4, 5 and 7): what is found in a
//! document made of many copies of a passage is what is found in one copy, at each copy's offset. Work per
//! passage stays bounded whatever the document's length: the mentions of a passage do not depend on how
//! much text surrounds it, and a run without a sentence end is read in sentences of at most
//! `text::MAX_SENTENCE` bytes. How long this takes (one 16 MB document against the same as articles, and
//! four times each shape against one) is measured by `cargo bench --bench long_document`, not here.

use std::sync::OnceLock;

use placemap::analyze::analyze;
use placemap::extract::Extractor;
use placemap::input::{Document, Meta};
use placemap::text::{sentences, MAX_SENTENCE};
use placemap::Gazetteer;

#[path = "common/shapes.rs"]
mod shapes;

fn extractor() -> &'static Extractor<'static> {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    static X: OnceLock<Extractor<'static>> = OnceLock::new();
    X.get_or_init(|| {
        Extractor::new(G.get_or_init(|| Gazetteer::bundled().expect("bundled gazetteer")))
    })
}

/// Mentions as (start, end, text, entry), shifted back by `shift` bytes.
fn spans(bytes: &[u8], shift: usize) -> Vec<(usize, usize, String, String)> {
    extractor()
        .extract(bytes)
        .into_iter()
        .map(|m| {
            let entry = m.entry.map(|e| extractor().gazetteer().id(e).to_string());
            (
                m.start - shift,
                m.end - shift,
                m.text,
                entry.unwrap_or_default(),
            )
        })
        .collect()
}

/// `unit` repeated `n` times finds, copy by copy, the mentions of `unit` alone.
fn assert_periodic(what: &str, unit: &str, n: usize) {
    let one = spans(unit.as_bytes(), 0);
    assert!(!one.is_empty(), "{what}: no mention in one copy");
    let long = unit.repeat(n);
    let found = spans(long.as_bytes(), 0);
    assert_eq!(found.len(), one.len() * n, "{what}: mentions of {n} copies");
    for (k, chunk) in found.chunks(one.len()).enumerate() {
        let shifted: Vec<_> = chunk
            .iter()
            .map(|(a, b, t, e)| (a - k * unit.len(), b - k * unit.len(), t.clone(), e.clone()))
            .collect();
        assert_eq!(shifted, one, "{what}: copy {k}");
    }
}

#[test]
fn news_as_one_document_finds_what_its_articles_find() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/articles/kharkiv-sep-2022.txt"
    ))
    .expect("fixture");
    assert_periodic("an article", &format!("{}\n\n", text.trim_end()), 40);
}

#[test]
fn a_long_list_of_places_finds_each_copy() {
    // Every listed word asks whether a name ends before it: once per word, not once per name so far.
    let unit = "Fighting went on near Kharkiv, Izium, Kupiansk and Balakliia, officials said. ";
    assert_periodic("a list", unit, 500);
}

#[test]
fn one_endless_sentence_is_read_in_bounded_sentences() {
    let long = shapes::endless_sentence(300);
    let cuts = sentences(&long);
    assert!(cuts.len() > 1 && cuts.iter().all(|r| r.len() <= MAX_SENTENCE));
    // Claims and distances are read a sentence at a time: the same per copy as in a short document.
    let per = |s: &str| {
        let d = Document {
            doc: "d".into(),
            bytes: s.as_bytes().to_vec(),
            meta: Meta::default(),
        };
        let a = analyze(extractor(), &d);
        (a.claims.len(), a.quantities.len())
    };
    let (claims, quantities) = per(&shapes::endless_sentence(10));
    let (long_claims, long_quantities) = per(&long);
    assert_eq!(
        (long_claims, long_quantities),
        (claims * 30, quantities * 30)
    );
}

#[test]
fn capitalised_gibberish_is_read_in_bounded_sentences() {
    let s = shapes::gibberish(20_000);
    let cuts = sentences(&s);
    assert!(cuts.len() >= s.len() / MAX_SENTENCE);
    assert!(cuts.iter().all(|r| r.len() <= MAX_SENTENCE));
    let covered: usize = cuts.iter().map(|r| r.len()).sum();
    assert!(
        covered + cuts.len() >= s.trim_end().len(),
        "text lost between sentences"
    );
}
