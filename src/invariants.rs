//! What must hold on any input, checked by the fuzz targets (`fuzz/`) and by the property tests
//! (`tests/prop_inputs.rs`, `tests/prop_pipeline.rs`): each check panics when its input breaks a promise
//! (a panic inside placemap is a failure too). Not for use on real data.

use std::path::Path;

use crate::analyze::analyze;
use crate::extract::Extractor;
use crate::gazetteer::{Gazetteer, LookupOptions};
use crate::input::{Document, JsonlArticles, Meta};
use crate::layers::schema::{self, LayerKind};
use crate::layers::{Aggregator, Feature, MapOptions};
use crate::write::{write_layer, Format, Layer};

/// The bundled gazetteer's extractor, made once, so that its caches of names serve every check.
pub fn extractor() -> &'static Extractor<'static> {
    static G: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
    static X: std::sync::OnceLock<Extractor<'static>> = std::sync::OnceLock::new();
    X.get_or_init(|| {
        Extractor::new(G.get_or_init(|| Gazetteer::bundled().expect("bundled gazetteer")))
    })
}

/// Mentions lie inside the input, in order, on the bytes they report, with a score in 0..=1.
pub fn check_extract(x: &Extractor, bytes: &[u8]) {
    let ms = x.extract(bytes);
    let text = std::str::from_utf8(bytes).ok();
    let mut last = 0;
    for m in &ms {
        assert!(
            m.start < m.end && m.end <= bytes.len(),
            "span {}..{}",
            m.start,
            m.end
        );
        assert!(m.start >= last, "mentions out of order");
        last = m.start;
        if let Some(t) = text {
            assert!(t.is_char_boundary(m.start) && t.is_char_boundary(m.end));
        }
        if let Ok(s) = std::str::from_utf8(&bytes[m.start..m.end]) {
            assert_eq!(s, m.text, "text of {}..{}", m.start, m.end);
        }
        assert!((0.0..=1.0).contains(&m.score), "score {}", m.score);
    }
}

/// One document through `map`: analysis, layers (every feature within its layer's declared schema), every
/// output format of each layer; GeoJSON, GeoJSON Lines and GeoJSON Text Sequences parse with every
/// feature, CSV has a row per feature, and a second run writes the same bytes.
pub fn check_document(x: &Extractor, bytes: &[u8]) {
    let first = map_outputs(x, bytes);
    assert_eq!(first, map_outputs(x, bytes), "outputs differ between runs");
    for (n, outputs) in &first {
        check_outputs(*n, outputs);
    }
}

/// The outputs of one layer of `n` features: GeoJSON, GeoJSON Lines, GeoJSON Text Sequences, CSV.
fn check_outputs(n: usize, outputs: &[Vec<u8>]) {
    let v: serde_json::Value = serde_json::from_slice(&outputs[0]).expect("GeoJSON output parses");
    assert_eq!(v["features"].as_array().map(Vec::len), Some(n));
    for (out, rs) in [(&outputs[1], false), (&outputs[2], true)] {
        let text = std::str::from_utf8(out).expect("UTF-8 output");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), n, "one line per feature");
        for line in lines {
            let line = if rs {
                line.strip_prefix('\u{1e}').expect("RS")
            } else {
                line
            };
            let f: serde_json::Value = serde_json::from_str(line).expect("a feature parses");
            assert_eq!(f["type"], "Feature");
        }
    }
    let mut rows = 0;
    for r in csv::Reader::from_reader(&outputs[3][..]).records() {
        r.expect("a CSV row parses");
        rows += 1;
    }
    assert_eq!(rows, n, "one CSV row per feature");
}

/// Each layer of one document (places and claims, links, quantities): its number of features and its
/// outputs in each format.
fn map_outputs(x: &Extractor, bytes: &[u8]) -> Vec<(usize, Vec<Vec<u8>>)> {
    let g = x.gazetteer();
    let doc = Document {
        doc: "fuzz".into(),
        bytes: bytes.to_vec(),
        meta: Meta {
            published: Some("2022-09-10".into()),
            ..Meta::default()
        },
    };
    let a = analyze(x, &doc);
    for c in &a.claims {
        assert!(c.claim.mention < a.mentions.len());
        assert!(
            c.claim.gaining != c.claim.losing,
            "a side gains from itself"
        );
        assert!(c.quote.to_string().chars().count() <= crate::quote::MAX_QUOTE_CHARS + 2);
    }
    let mut agg = Aggregator::new(g);
    agg.add(&a);
    let opts = MapOptions::default();
    let layers = agg.finish(&opts);
    let quantities = layers.quantity_features(&opts);
    let points: Vec<&Feature> = layers.places.iter().chain(&layers.claims).collect();
    let links: Vec<&Feature> = layers.links.iter().collect();
    let quantities: Vec<&Feature> = quantities.iter().collect();
    [
        (LayerKind::Points, points),
        (LayerKind::Links, links),
        (LayerKind::Quantities, quantities),
    ]
    .into_iter()
    .map(|(kind, feats)| {
        let fields = kind.fields(false);
        for f in &feats {
            if let Err(e) = schema::check(&f.properties, &fields) {
                panic!("{kind:?} feature outside the schema: {e}");
            }
        }
        let layer = Layer::new("fuzz", kind, false, &feats);
        let outputs = [
            Format::GeoJson,
            Format::GeoJsonLines,
            Format::GeoJsonSeq,
            Format::Csv,
        ]
        .into_iter()
        .map(|f| {
            let mut out = Vec::new();
            write_layer(&mut out, f, &layer).expect("write");
            out
        })
        .collect();
        (feats.len(), outputs)
    })
    .collect()
}

/// JSON Lines: every record read has text that is no NUL-bearing binary, ids are never empty, and the
/// reader ends.
pub fn check_jsonl(bytes: &[u8]) {
    let mut r =
        JsonlArticles::from_reader("fuzz.jsonl", Box::new(std::io::Cursor::new(bytes.to_vec())));
    let mut warnings = Vec::new();
    let mut n = 0;
    while let Some(d) = r
        .next_article(&mut warnings)
        .expect("reading memory never fails")
    {
        assert!(!d.doc.is_empty(), "empty document id");
        assert!(
            !d.bytes[..d.bytes.len().min(8192)].contains(&0),
            "binary text kept"
        );
        n += 1;
        assert!(n <= bytes.len(), "more records than bytes");
    }
}

/// A gazetteer file's bytes: loading fails with an error or gives a gazetteer whose entries have
/// coordinates in range and whose names can be looked up; a strict load that succeeds gives the same
/// entries as a lenient one.
pub fn check_gazetteer(bytes: &[u8]) {
    let name = Path::new("fuzz.csv");
    let strict = Gazetteer::from_bytes(bytes, name, false);
    let Ok((g, report)) = Gazetteer::from_bytes(bytes, name, true) else {
        assert!(strict.is_err(), "strict loads what lenient refuses");
        return;
    };
    if let Ok((_, strict_report)) = &strict {
        assert_eq!(
            strict_report.rows, report.rows,
            "strict and lenient rows differ"
        );
    }
    assert_eq!(g.len(), report.rows);
    let opts = LookupOptions {
        limit: 3,
        country: None,
        fuzzy: true,
        near: None,
    };
    for e in g.entries().take(20) {
        let p = g.place(e);
        assert!(p.lat.abs() <= 90.0 && p.lon.abs() <= 180.0, "{p:?}");
        let _ = g.lookup(&p.name, &opts);
    }
}

/// A GeoNames-looking first line before the input, so that a fuzzer explores the TSV rows rather than the
/// format sniffing.
pub fn check_gazetteer_tsv(rows: &[u8]) {
    const FIRST: &[u8] = b"9990001\tRobotyne\tRobotyne\tRabotino\t47.44361\t35.83722\tP\tPPL\tUA\t\t26\t\t\t\t480\t\t100\tEurope/Zaporozhye\t2024-01-10\n";
    check_gazetteer(&[FIRST, rows].concat());
}

/// Gzip: the input as it is (a damaged or truncated stream), then the rest of it compressed as one member
/// (first byte even) or as two (odd), its text explored through the decompressor.
pub fn check_gazetteer_gzip(data: &[u8]) {
    check_gazetteer(data);
    let Some((&how, rest)) = data.split_first() else {
        return;
    };
    let compressed = if how % 2 == 0 {
        gzip(rest)
    } else {
        let (a, b) = rest.split_at(rest.len() / 2);
        [gzip(a), gzip(b)].concat()
    };
    check_gazetteer(&compressed);
}

fn gzip(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(data).expect("gzip into memory");
    e.finish().expect("gzip into memory")
}
