//! Aggregation across documents into map layers: one place feature per resolved place, one claim
//! feature per (document, place, gaining side), one link feature per stated relation, plus the stated
//! quantities as records. Features carry flat scalar properties with the same keys on every feature of
//! a layer, stable content-hash ids, and a deterministic order.

mod claim;
mod link;
pub mod partial;
mod place;
mod quantity;
pub mod schema;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::analyze::Analysis;
use crate::gazetteer::{EntryRef, Gazetteer};

pub use claim::ClaimKey;

/// Feature geometry ([lon, lat] order, WGS 84).
#[derive(Debug, Clone, PartialEq)]
pub enum Geometry {
    Point([f64; 2]),
    Line(Vec<[f64; 2]>),
}

/// One feature: a stable id, a geometry and ordered flat properties.
#[derive(Debug, Clone, PartialEq)]
pub struct Feature {
    pub id: String,
    pub geometry: Geometry,
    pub properties: Vec<(&'static str, Value)>,
}

impl Feature {
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.properties
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v)
    }
}

/// A stated quantity: a flat record, and the point of the place it is attached to (when it has one).
#[derive(Debug, Clone, PartialEq)]
pub struct QuantityRecord {
    pub id: String,
    pub properties: Vec<(&'static str, Value)>,
    /// [lon, lat] of the attached place.
    pub point: Option<[f64; 2]>,
}

/// The layers of a map.
#[derive(Debug, Clone, Default)]
pub struct Layers {
    pub places: Vec<Feature>,
    pub claims: Vec<Feature>,
    pub links: Vec<Feature>,
    /// Stated quantities, one record each (those attached to a place are also the quantities layer).
    pub quantities: Vec<QuantityRecord>,
}

impl Layers {
    /// The quantities layer: every stated quantity attached to a place, at that place.
    pub fn quantity_features(&self, opts: &MapOptions) -> Vec<Feature> {
        self.quantities
            .iter()
            .filter_map(|q| {
                let p = q.point?;
                let mut properties = q.properties.clone();
                properties.extend(from_props(opts, p[1], p[0]));
                Some(Feature {
                    id: q.id.clone(),
                    geometry: Geometry::Point(p),
                    properties,
                })
            })
            .collect()
    }
}

/// A reference place for `--from`: every feature gets its distance from it.
#[derive(Debug, Clone)]
pub struct FromPlace {
    pub name: String,
    pub lat: f64,
    pub lon: f64,
}

/// Map options that change feature properties.
#[derive(Debug, Clone, Default)]
pub struct MapOptions {
    pub from: Option<FromPlace>,
    /// The run time to stamp as `extracted_at` (ISO-8601 UTC); None keeps output byte-identical across runs.
    pub extracted_at: Option<String>,
}

/// Simplestyle colours (CLAIMS.md): UA gain blue, RU gain red, contested DeepState grey.
pub const COLOR_UA: &str = "#1f77b4";
pub const COLOR_RU: &str = "#d62728";
pub const COLOR_CONTESTED: &str = "#bcaaa4";
pub const COLOR_PLACE: &str = "#7f7f7f";

/// The producer name stamped on claim features.
pub fn extractor_name() -> String {
    format!("placemap@{}", env!("CARGO_PKG_VERSION"))
}

/// A stable id: a prefix and the first 16 hex digits of the SHA-256 of the parts.
pub fn stable_id(prefix: &str, parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update([0x1f]);
    }
    let d = h.finalize();
    let hex: String = d.iter().take(8).map(|b| format!("{b:02x}")).collect();
    format!("{prefix}_{hex}")
}

/// Rounds to `p` decimals (coordinates use 6).
pub fn round(x: f64, p: i32) -> f64 {
    let f = 10f64.powi(p);
    let r = (x * f).round() / f;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

pub(crate) fn num(x: f64, p: i32) -> Value {
    serde_json::Number::from_f64(round(x, p)).map_or(Value::Null, Value::Number)
}

pub(crate) fn opt_str<S: AsRef<str>>(s: Option<S>) -> Value {
    s.map_or(Value::Null, |s| Value::String(s.as_ref().to_string()))
}

/// Counts over the documents of a run (the summary line).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stats {
    pub docs: usize,
    pub mentions: usize,
    pub resolved: usize,
    pub statements: usize,
}

impl Stats {
    fn merge(&mut self, o: &Stats) {
        self.docs += o.docs;
        self.mentions += o.mentions;
        self.resolved += o.resolved;
        self.statements += o.statements;
    }
}

/// What one document adds to an aggregate, made without it: `map` makes it on the worker that analysed
/// the document, so the analysis is dropped there and the aggregate only merges.
pub struct Contribution {
    stats: Stats,
    places: BTreeMap<EntryRef, place::PlaceAcc>,
    /// The document as the layers keep it, when it has claims, quantities or links.
    doc: Option<Analysis>,
}

impl Contribution {
    pub fn of(a: &Analysis) -> Contribution {
        Contribution {
            stats: Stats {
                docs: 1,
                mentions: a.mentions.len(),
                resolved: a.mentions.iter().filter(|m| m.entry.is_some()).count(),
                statements: a.claims.len(),
            },
            places: place::of_document(a),
            doc: kept(a),
        }
    }
}

/// A document as the layers keep it (only the mentions its claims, quantities and links refer to), if it
/// has any of those.
fn kept(a: &Analysis) -> Option<Analysis> {
    let any = !(a.claims.is_empty() && a.quantities.is_empty() && a.links.is_empty());
    any.then(|| crate::record::strip(a))
}

/// Collects documents and builds the layers. The result does not depend on the order documents arrive
/// in, nor on how they were split into partial aggregates ([`Aggregator::merge`]): places are sums,
/// minima and maxima; the documents with claims, quantities or links are kept (only the mentions those
/// refer to) and put in a canonical order (by name, then content key) when the layers are built. Memory
/// grows with the number of distinct places, claims, quantities and links, not with the text.
pub struct Aggregator<'g> {
    g: &'g Gazetteer,
    places: BTreeMap<EntryRef, place::PlaceAcc>,
    docs: Vec<Analysis>,
    stats: Stats,
}

impl<'g> Aggregator<'g> {
    pub fn new(g: &'g Gazetteer) -> Self {
        Aggregator {
            g,
            places: BTreeMap::new(),
            docs: Vec::new(),
            stats: Stats::default(),
        }
    }

    /// Adds one analysed document (in any order).
    pub fn add(&mut self, a: &Analysis) {
        self.absorb(Contribution::of(a));
    }

    /// Adds what one document contributes, made apart from the aggregate ([`Contribution::of`]).
    pub fn absorb(&mut self, c: Contribution) {
        self.stats.merge(&c.stats);
        for (e, p) in c.places {
            self.places.entry(e).or_default().merge(p);
        }
        self.docs.extend(c.doc);
    }

    /// Adds a document whose places and counts are already in a partial aggregate merged with
    /// [`Aggregator::merge`].
    pub fn add_counted(&mut self, a: &Analysis) {
        self.docs.extend(kept(a));
    }

    /// The counts so far.
    pub fn stats(&self) -> Stats {
        self.stats
    }

    /// Builds the layers.
    pub fn finish(mut self, opts: &MapOptions) -> Layers {
        let g = self.g;
        self.sort_docs();
        let mut claims = BTreeMap::new();
        let mut links = Vec::new();
        let mut quantities = Vec::new();
        for (order, a) in self.docs.iter().enumerate() {
            claim::add(&mut claims, a, order);
            link::add(&mut links, a, order);
            quantity::add(g, &mut quantities, a);
        }
        let claim_features = claim::features(g, &claims, opts);
        let places = place::features(g, &self.places, &claims, opts);
        let links = link::features(g, &links, opts);
        Layers {
            places,
            claims: claim_features,
            links,
            quantities,
        }
    }

    /// The canonical order of the kept documents: by name, then content key (documents equal in both are
    /// the same article, so their relative order does not matter).
    fn sort_docs(&mut self) {
        self.docs
            .sort_by(|a, b| (a.doc.as_str(), a.key).cmp(&(b.doc.as_str(), b.key)));
    }
}

/// Distance properties for `--from`: `from_place`, `from_km` (geodesic), `from_bearing_deg`.
pub(crate) fn from_props(opts: &MapOptions, lat: f64, lon: f64) -> Vec<(&'static str, Value)> {
    match &opts.from {
        None => Vec::new(),
        Some(f) => {
            let km = crate::geodesy::distance_km((f.lat, f.lon), (lat, lon));
            let b = crate::geodesy::bearing_deg((f.lat, f.lon), (lat, lon));
            vec![
                ("from_place", Value::String(f.name.clone())),
                ("from_km", num(km, 3)),
                ("from_bearing_deg", num(b, 1)),
            ]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_and_distinct() {
        let a = stable_id("cc", &["doc", "12", "geonames:1"]);
        assert_eq!(a, stable_id("cc", &["doc", "12", "geonames:1"]));
        assert_ne!(a, stable_id("cc", &["doc1", "2", "geonames:1"]));
        assert_eq!(a.len(), 3 + 16);
    }

    /// Every feature of every layer carries exactly its layer's declared fields, in order, with values of
    /// the declared types (the writers take their columns from the schema; this keeps the builders in step).
    #[test]
    fn every_feature_has_its_layers_fields_in_order() {
        use schema::LayerKind;
        let g = Gazetteer::bundled().expect("gazetteer");
        let x = crate::extract::Extractor::new(&g);
        let doc = crate::input::Document {
            doc: "t".into(),
            bytes: b"Ukrainian forces recaptured Balakliia on 8 September after advancing more than 20 km \
in three days. Lyman, roughly 150 kilometres south-east of Kharkiv, was quiet."
                .to_vec(),
            meta: crate::input::Meta {
                published: Some("2022-09-10T18:00:00Z".into()),
                ..Default::default()
            },
        };
        let a = crate::analyze::analyze(&x, &doc);
        let mut agg = Aggregator::new(&g);
        agg.add(&a);
        let opts = MapOptions {
            from: Some(FromPlace {
                name: "Kyiv".into(),
                lat: 50.45,
                lon: 30.52,
            }),
            extracted_at: Some("2026-11-21T12:00:00Z".into()),
        };
        let layers = agg.finish(&opts);
        let quantities = layers.quantity_features(&opts);
        for (kind, feats) in [
            (LayerKind::Places, &layers.places),
            (LayerKind::Claims, &layers.claims),
            (LayerKind::Links, &layers.links),
            (LayerKind::Quantities, &quantities),
        ] {
            assert!(!feats.is_empty(), "{kind:?}: the text gives some");
            let fields = kind.fields(true);
            let names: Vec<&str> = fields.iter().map(|f| f.name).collect();
            for f in feats {
                let keys: Vec<&str> = f.properties.iter().map(|p| p.0).collect();
                assert_eq!(keys, names, "{kind:?}");
                assert_eq!(schema::check(&f.properties, &fields), Ok(()), "{kind:?}");
            }
        }
    }

    #[test]
    fn rounding() {
        assert_eq!(round(37.123_456_78, 6), 37.123_457);
        assert_eq!(round(-0.000_000_1, 6), 0.0);
    }
}
