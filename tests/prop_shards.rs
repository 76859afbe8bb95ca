//! Property tests of the mergeable aggregate: the analysis records of our fixtures, shuffled, split into
//! shards, some shards reduced to partial aggregates (written and read back) and the partials merged in
//! any order, give byte for byte the layers of one run over the records in input order.

use std::path::Path;
use std::sync::OnceLock;

use placemap::analyze::analyze;
use placemap::extract::Extractor;
use placemap::input::{self, Document, InputFormat, Meta};
use placemap::layers::schema::LayerKind;
use placemap::layers::{Aggregator, FromPlace, MapOptions};
use placemap::record::{self, Line};
use placemap::write::{self, Format, Layer};
use placemap::Gazetteer;
use proptest::prelude::*;

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer::bundled().expect("bundled gazetteer"))
}

/// Our fixture articles, plus an article given twice and two different articles under one name.
fn documents() -> Vec<Document> {
    let mut docs = Vec::new();
    for p in [
        "tests/fixtures/articles/articles.jsonl",
        "tests/fixtures/articles/frontline.jsonl",
        "tests/fixtures/articles/kharkiv-sep-2022.txt",
        "tests/fixtures/reports/reports.jsonl",
        "tests/fixtures/dated/2022-10-02-lyman.txt",
        "tests/fixtures/dated/kherson-report.md",
    ] {
        let mut w = Vec::new();
        docs.extend(input::read_source(Path::new(p), InputFormat::Text, &mut w).expect("fixture"));
    }
    let same_name = |text: &str| Document {
        doc: "wire-1".into(),
        bytes: text.as_bytes().to_vec(),
        meta: Meta {
            published: Some("2022-09-12".into()),
            ..Meta::default()
        },
    };
    docs.push(same_name(
        "Ukrainian forces retook Kupiansk, 40 km from the border.",
    ));
    docs.push(same_name(
        "Russian troops captured Vuhledar after weeks of shelling.",
    ));
    docs.push(docs[0].clone());
    docs
}

/// Each document's record line, in input order.
fn records() -> &'static [Vec<u8>] {
    static R: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    R.get_or_init(|| {
        let g = gazetteer();
        let x = Extractor::new(g);
        documents()
            .iter()
            .map(|d| {
                let mut line = Vec::new();
                record::write(g, &analyze(&x, d), false, &mut line);
                line
            })
            .collect()
    })
}

fn feed(agg: &mut Aggregator, bytes: &[u8]) {
    for line in bytes.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        match record::read(gazetteer(), line).expect("a record") {
            Line::Record {
                analysis,
                counted: false,
            } => agg.add(&analysis),
            Line::Record { analysis, .. } => agg.add_counted(&analysis),
            Line::Partial(head) => agg.merge(head).expect("a partial"),
        }
    }
}

/// Every layer of the aggregate as GeoJSON, and the run's counts.
fn output(agg: Aggregator) -> (Vec<u8>, String) {
    let stats = format!("{:?}", agg.stats());
    let opts = MapOptions {
        from: Some(FromPlace {
            name: "Kharkiv".into(),
            lat: 49.98,
            lon: 36.25,
        }),
        extracted_at: None,
    };
    let layers = agg.finish(&opts);
    let quantities = layers.quantity_features(&opts);
    let mut out = Vec::new();
    for (kind, feats) in [
        (LayerKind::Places, &layers.places),
        (LayerKind::Claims, &layers.claims),
        (LayerKind::Links, &layers.links),
        (LayerKind::Quantities, &quantities),
    ] {
        let refs: Vec<_> = feats.iter().collect();
        let layer = Layer::new("t", kind, true, &refs);
        write::write_layer(&mut out, Format::GeoJson, &layer).expect("write");
    }
    (out, stats)
}

fn single_run() -> &'static (Vec<u8>, String) {
    static S: OnceLock<(Vec<u8>, String)> = OnceLock::new();
    S.get_or_init(|| {
        let mut agg = Aggregator::new(gazetteer());
        for r in records() {
            feed(&mut agg, r);
        }
        output(agg)
    })
}

/// A shard's bytes: its records as they are, or reduced to a partial aggregate.
fn shard(lines: &[&Vec<u8>], as_partial: bool) -> Vec<u8> {
    let all: Vec<u8> = lines.iter().flat_map(|l| l.iter().copied()).collect();
    if !as_partial {
        return all;
    }
    let mut agg = Aggregator::new(gazetteer());
    feed(&mut agg, &all);
    let mut out = Vec::new();
    agg.write_partial(&mut out).expect("partial");
    out
}

/// Shuffles `n` indices with proptest's values (a Fisher-Yates walk).
fn shuffled(n: usize, draws: &[usize]) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        idx.swap(i, draws[i % draws.len()] % (i + 1));
    }
    idx
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn any_sharding_and_order_gives_the_single_run(
        draws in prop::collection::vec(any::<usize>(), 1..64),
        cuts in prop::collection::vec(any::<usize>(), 0..6),
        partial in prop::collection::vec(any::<bool>(), 7),
        merge_order in prop::collection::vec(any::<usize>(), 1..8),
        nested in any::<bool>(),
    ) {
        let recs = records();
        let order = shuffled(recs.len(), &draws);
        let mut bounds: Vec<usize> = cuts.iter().map(|c| c % (recs.len() + 1)).collect();
        bounds.extend([0, recs.len()]);
        bounds.sort_unstable();
        let lines: Vec<&Vec<u8>> = order.iter().map(|&i| &recs[i]).collect();
        let mut shards: Vec<Vec<u8>> = bounds
            .windows(2)
            .enumerate()
            .map(|(i, w)| shard(&lines[w[0]..w[1]], partial[i % partial.len()]))
            .collect();
        // Partials of partials: the first two shards merged into one partial first.
        if nested && shards.len() > 2 {
            let two: Vec<u8> = shards.drain(..2).flatten().collect();
            let mut agg = Aggregator::new(gazetteer());
            feed(&mut agg, &two);
            let mut p = Vec::new();
            agg.write_partial(&mut p).expect("partial");
            shards.push(p);
        }
        let merge = shuffled(shards.len(), &merge_order);
        let mut agg = Aggregator::new(gazetteer());
        for i in merge {
            feed(&mut agg, &shards[i]);
        }
        let got = output(agg);
        let want = single_run();
        prop_assert_eq!(&got.1, &want.1);
        prop_assert!(got.0 == want.0, "layers differ from the single run");
    }

    #[test]
    fn a_partial_is_the_same_bytes_whatever_the_order(draws in prop::collection::vec(any::<usize>(), 1..64)) {
        let recs = records();
        let ordered: Vec<&Vec<u8>> = recs.iter().collect();
        let order = shuffled(recs.len(), &draws);
        let lines: Vec<&Vec<u8>> = order.iter().map(|&i| &recs[i]).collect();
        prop_assert!(shard(&lines, true) == shard(&ordered, true));
    }
}

/// The records keep everything the layers use: the layers of the analyses themselves equal those of their
/// records read back.
#[test]
fn records_round_trip_to_the_same_layers() {
    let g = gazetteer();
    let x = Extractor::new(g);
    let mut direct = Aggregator::new(g);
    for d in documents() {
        direct.add(&analyze(&x, &d));
    }
    assert!(output(direct) == *single_run());
}
