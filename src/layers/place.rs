//! Place features: one per resolved place across all documents, with the latest claimed controller.

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::claim::{ClaimAcc, ClaimKey};
use super::{from_props, num, opt_str, stable_id, Feature, Geometry, MapOptions};
use crate::analyze::Analysis;
use crate::claims::{Side, Verification};
use crate::gazetteer::{EntryRef, Gazetteer};

/// What the documents say of one place. Every field is a sum, a minimum or a maximum, so accumulators
/// merge in any order and grouping ([`PlaceAcc::merge`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PlaceAcc {
    /// Surface forms and how often each was written.
    pub names: BTreeMap<String, usize>,
    pub mentions: usize,
    /// Documents that mention it (each counted once).
    pub documents: usize,
    pub first_published: Option<chrono::NaiveDate>,
    pub last_published: Option<chrono::NaiveDate>,
    pub best_score: f64,
    pub candidates: usize,
    /// The first document (by name) that mentions it.
    pub first_doc: Option<String>,
}

fn min_opt<T: Ord>(a: Option<T>, b: Option<T>) -> Option<T> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

impl PlaceAcc {
    pub fn merge(&mut self, o: PlaceAcc) {
        for (n, c) in o.names {
            *self.names.entry(n).or_default() += c;
        }
        self.mentions += o.mentions;
        self.documents += o.documents;
        self.first_published = min_opt(self.first_published, o.first_published);
        self.last_published = self.last_published.max(o.last_published);
        self.best_score = self.best_score.max(o.best_score);
        self.candidates = self.candidates.max(o.candidates);
        self.first_doc = min_opt(self.first_doc.take(), o.first_doc);
    }
}

/// One document's places: each mentioned place once, with its names, mention count and best score.
pub fn of_document(a: &Analysis) -> BTreeMap<EntryRef, PlaceAcc> {
    let mut here: BTreeMap<EntryRef, PlaceAcc> = BTreeMap::new();
    let date = a.published.map(|p| p.date);
    for m in &a.mentions {
        let Some(e) = m.entry else { continue };
        let p = here.entry(e).or_insert_with(|| PlaceAcc {
            documents: 1,
            first_published: date,
            last_published: date,
            first_doc: Some(a.doc.clone()),
            ..PlaceAcc::default()
        });
        match p.names.get_mut(m.text.as_str()) {
            Some(c) => *c += 1,
            None => {
                p.names.insert(m.text.clone(), 1);
            }
        }
        p.mentions += 1;
        p.best_score = p.best_score.max(m.score);
        p.candidates = p.candidates.max(m.candidates);
    }
    here
}

/// The controller the claims point to: the side of the latest dated claims (both sides on that date:
/// contested); with no dates, the side more documents claim (a tie: contested).
fn controller(claims: &[(&ClaimKey, &ClaimAcc)]) -> Option<(&'static str, Verification)> {
    if claims.is_empty() {
        return None;
    }
    let latest = claims.iter().filter_map(|(_, c)| c.date()).max();
    let pool: Vec<&(&ClaimKey, &ClaimAcc)> = match latest {
        Some(d) => claims.iter().filter(|(_, c)| c.date() == Some(d)).collect(),
        None => claims.iter().collect(),
    };
    let ua = pool.iter().filter(|(k, _)| k.2 == Side::Ua).count();
    let ru = pool.iter().filter(|(k, _)| k.2 == Side::Ru).count();
    let side = match ua.cmp(&ru) {
        std::cmp::Ordering::Greater => Side::Ua,
        std::cmp::Ordering::Less => Side::Ru,
        std::cmp::Ordering::Equal => return Some(("contested", Verification::Disputed)),
    };
    let v = pool
        .iter()
        .filter(|(k, _)| k.2 == side)
        .map(|(_, c)| c.verification())
        .min()
        .unwrap_or(Verification::Claimed);
    Some((side.as_str(), v))
}

pub fn features(
    g: &Gazetteer,
    acc: &BTreeMap<EntryRef, PlaceAcc>,
    claims: &BTreeMap<ClaimKey, ClaimAcc>,
    opts: &MapOptions,
) -> Vec<Feature> {
    let mut by_place: BTreeMap<EntryRef, Vec<(&ClaimKey, &ClaimAcc)>> = BTreeMap::new();
    for (k, c) in claims {
        by_place.entry(k.1).or_default().push((k, c));
    }
    let mut out: Vec<Feature> = acc
        .par_iter()
        .map(|(&e, p)| {
            feature(
                g,
                e,
                p,
                by_place.get(&e).map(Vec::as_slice).unwrap_or(&[]),
                opts,
            )
        })
        .collect();
    // Most mentioned first, then by name and id.
    out.sort_by(|a, b| {
        let m = |f: &Feature| f.get("mentions").and_then(Value::as_i64).unwrap_or(0);
        m(b).cmp(&m(a))
            .then(name_of(a).cmp(name_of(b)))
            .then(a.id.cmp(&b.id))
    });
    out
}

fn name_of(f: &Feature) -> &str {
    f.get("name").and_then(Value::as_str).unwrap_or("")
}

/// The feature of one place, with the claims about it.
fn feature(
    g: &Gazetteer,
    e: EntryRef,
    p: &PlaceAcc,
    cs: &[(&ClaimKey, &ClaimAcc)],
    opts: &MapOptions,
) -> Feature {
    let place = g.place(e);
    // Most written first, then by name.
    let mut names: Vec<(&String, &usize)> = p.names.iter().collect();
    names.sort_by_key(|n| std::cmp::Reverse(*n.1));
    let names_written: Vec<&str> = names.iter().map(|(n, _)| n.as_str()).collect();
    let docs_side = |s: Side| {
        cs.iter()
            .filter(|(k, _)| k.2 == s)
            .map(|(k, _)| k.0)
            .collect::<BTreeSet<_>>()
            .len() as i64
    };
    let (sources_ua, sources_ru) = (docs_side(Side::Ua), docs_side(Side::Ru));
    let ctl = controller(cs);
    let last_claim = cs.iter().filter_map(|(_, c)| c.date()).max();
    let color = match ctl.map(|c| c.0) {
        Some("UA") => super::COLOR_UA,
        Some("RU") => super::COLOR_RU,
        Some(_) => super::COLOR_CONTESTED,
        None => super::COLOR_PLACE,
    };
    let id = stable_id("pl", &[&place.id]);
    let docs = p.documents as i64;
    let description = match ctl {
        Some((side, v)) => format!(
            "{} mention(s) in {} article(s); latest claimed controller {} ({}); sources claiming UA gains: {}, RU gains: {}",
            p.mentions, docs, side, v.as_str(), sources_ua, sources_ru
        ),
        None => format!("{} mention(s) in {} article(s); no control claims", p.mentions, docs),
    };
    let mut props: Vec<(&'static str, Value)> = vec![
        ("kind", "place".into()),
        ("place_id", place.id.clone().into()),
        ("name", place.name.clone().into()),
        ("geonames_name", place.geonames_name.clone().into()),
        ("names_as_written", names_written.join("; ").into()),
        ("place_kind", place.kind.into()),
        ("feature_code", opt_str(place.feature_code.as_deref())),
        ("country_code", place.country.clone().into()),
        ("admin1", opt_str(place.admin1.as_deref())),
        ("population", (place.population as i64).into()),
        ("doc", opt_str(p.first_doc.as_deref())),
        ("mentions", (p.mentions as i64).into()),
        ("documents", docs.into()),
        (
            "first_published",
            opt_str(p.first_published.map(|d| d.format("%Y-%m-%d").to_string())),
        ),
        (
            "last_published",
            opt_str(p.last_published.map(|d| d.format("%Y-%m-%d").to_string())),
        ),
        ("controller", opt_str(ctl.map(|c| c.0))),
        (
            "controller_verification",
            opt_str(ctl.map(|c| c.1.as_str())),
        ),
        (
            "last_claim_date",
            opt_str(last_claim.map(|d| d.format("%Y-%m-%d").to_string())),
        ),
        ("claims", (cs.len() as i64).into()),
        ("sources_ua", sources_ua.into()),
        ("sources_ru", sources_ru.into()),
        ("geo_score", num(p.best_score, 3)),
        ("geo_candidates", (p.candidates as i64).into()),
        ("title", place.name.clone().into()),
        ("description", description.into()),
        ("marker-color", color.into()),
        ("marker-symbol", "circle".into()),
        (
            "marker-size",
            if ctl.is_some() { "medium" } else { "small" }.into(),
        ),
    ];
    props.extend(from_props(opts, place.lat, place.lon));
    Feature {
        id,
        geometry: Geometry::Point([place.lon, place.lat]),
        properties: props,
    }
}
