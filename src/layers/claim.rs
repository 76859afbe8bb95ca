//! Claim features: one per (document, place, gaining side), merging the document's statements.

use std::collections::BTreeMap;

use serde_json::Value;

use super::{from_props, num, opt_str, stable_id, Feature, Geometry, MapOptions};
use crate::analyze::{Analysis, ClaimRecord};
use crate::claims::{Side, Verification};
use crate::gazetteer::{EntryRef, Gazetteer};
use crate::index::record::Kind;
use crate::quantity::{Quantity, QuantityKind};

/// (document in the canonical order, place, gaining side).
pub type ClaimKey = (usize, EntryRef, Side);

/// One document's statements about one place and side.
#[derive(Debug, Clone)]
pub struct ClaimAcc {
    pub doc: String,
    pub url: Option<String>,
    pub source: Option<String>,
    pub article_title: Option<String>,
    pub published: Option<crate::dates::Published>,
    /// The statements, in text order.
    pub statements: Vec<Statement>,
}

#[derive(Debug, Clone)]
pub struct Statement {
    pub record: ClaimRecord,
    pub surface: String,
    pub char_start: usize,
    pub char_end: usize,
    pub geo_score: f64,
    pub geo_candidates: usize,
}

impl ClaimAcc {
    /// The merged verification of the statements ([`Verification::strongest`]: evidence, then an
    /// admission, then a denial, then "cannot confirm", then a bare claim).
    pub fn verification(&self) -> Verification {
        self.statements
            .iter()
            .map(|s| s.record.claim.verification)
            .reduce(Verification::strongest)
            .unwrap_or(Verification::Claimed)
    }

    /// The stated event date: the most precise any statement gives (the latest of those), else None.
    pub fn event_date(&self) -> Option<crate::dates::EventDate> {
        self.statements
            .iter()
            .filter_map(|s| s.record.event_date)
            .max_by_key(|e| (e.precision == crate::dates::Precision::Day, e.date))
    }

    /// The date the map files the claim under: stated, else the publication day.
    pub fn date(&self) -> Option<chrono::NaiveDate> {
        self.event_date()
            .map(|e| e.date)
            .or(self.published.map(|p| p.date))
    }
}

pub fn add(acc: &mut BTreeMap<ClaimKey, ClaimAcc>, a: &Analysis, order: usize) {
    for c in &a.claims {
        let m = &a.mentions[c.claim.mention];
        let Some(e) = m.entry else { continue };
        let key = (order, e, c.claim.gaining);
        let entry = acc.entry(key).or_insert_with(|| ClaimAcc {
            doc: a.doc.clone(),
            url: a.meta.url.clone(),
            source: a.meta.source.clone(),
            article_title: a.meta.title.clone(),
            published: a.published,
            statements: Vec::new(),
        });
        entry.statements.push(Statement {
            record: c.clone(),
            surface: m.text.clone(),
            char_start: m.start,
            char_end: m.end,
            geo_score: m.score,
            geo_candidates: m.candidates,
        });
    }
}

/// The stable id of a claim feature: (source URL or document, first statement's position, place, type, side).
pub(super) fn claim_id(
    source: &str,
    char_start: usize,
    place_id: &str,
    claim_type: &str,
    side: Side,
) -> String {
    stable_id(
        "cc",
        &[
            source,
            &char_start.to_string(),
            place_id,
            claim_type,
            side.as_str(),
        ],
    )
}

fn pick(qs: &[&Quantity], kinds: &[QuantityKind]) -> Option<Quantity> {
    qs.iter()
        .find(|q| kinds.contains(&q.kind))
        .map(|q| (*q).clone())
}

fn geo_precision(g: &Gazetteer, e: EntryRef) -> i64 {
    match g.kind(e) {
        Kind::Place => 1,
        _ => 3,
    }
}

fn geo_method(g: &Gazetteer, e: EntryRef, surface: &str) -> &'static str {
    let k = crate::names::fold::light_key;
    match g.kind(e) {
        Kind::Admin1 | Kind::Admin2 | Kind::Admin3 | Kind::Area => "admin_centroid",
        _ if k(surface) == k(g.name(e)) || k(surface) == k(g.geonames_name(e)) => "exact",
        _ => "alias",
    }
}

/// ACLED's sub-event type, CAMEO code and ISW-style category of a gain by `side` in `country`.
fn codes(
    side: Side,
    claim_type: &str,
    country: &str,
    verification: Verification,
) -> (&'static str, &'static str, &'static str) {
    let acled = match (side, country) {
        (Side::Ua, "UA") | (Side::Ru, "RU") => "Government regains territory",
        _ => "Non-state actor overtakes territory",
    };
    let cameo = if claim_type == "withdrawal" {
        "0874"
    } else {
        "192"
    };
    let vouched = matches!(
        verification,
        Verification::Corroborated | Verification::Acknowledged
    );
    let category = match side {
        _ if vouched => "assessed_control",
        Side::Ua => "claimed_counteroffensive",
        _ => "claimed_control",
    };
    (acled, cameo, category)
}

/// A claim's title, saying who gained: "UA gains Izium (Russian withdrawal)", "RU gains Bakhmut (capture)".
pub fn title(side: Side, losing: Side, claim_type: &str, place: &str) -> String {
    let what = match (claim_type, losing) {
        ("withdrawal", Side::Ru) => "Russian withdrawal".to_string(),
        ("withdrawal", Side::Ua) => "Ukrainian withdrawal".to_string(),
        (t, _) => t.to_string(),
    };
    format!("{} gains {place} ({what})", side.as_str())
}

/// The distinct non-empty values of `f` over the statements, in text order.
fn distinct<'a>(c: &'a ClaimAcc, f: impl Fn(&'a Statement) -> Option<&'a str>) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for v in c.statements.iter().filter_map(f) {
        if !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

/// The stated quantities of the claim's sentences: distance, duration, area, settlements.
fn quantity_props(c: &ClaimAcc) -> Vec<(&'static str, Value)> {
    let qs: Vec<&Quantity> = c
        .statements
        .iter()
        .flat_map(|s| &s.record.quantities)
        .collect();
    let dist = pick(&qs, &[QuantityKind::Distance, QuantityKind::Advance]);
    let area = pick(&qs, &[QuantityKind::Area]);
    let dur = pick(&qs, &[QuantityKind::Duration]);
    let count = pick(&qs, &[QuantityKind::Settlements]);
    let si = |q: &Option<Quantity>| q.as_ref().map_or(Value::Null, |q| num(q.value_si, 3));
    vec![
        ("distance_km", si(&dist)),
        ("distance_op", opt_str(dist.as_ref().map(|q| q.op.as_str()))),
        ("duration_days", si(&dur)),
        ("area_km2", si(&area)),
        ("area_op", opt_str(area.as_ref().map(|q| q.op.as_str()))),
        (
            "settlements_count",
            count
                .as_ref()
                .map_or(Value::Null, |q| (q.value as i64).into()),
        ),
    ]
}

/// The dates: event_date (stated, else the publication day), time_precision, published_at/_date,
/// extracted_at.
fn date_props(c: &ClaimAcc, opts: &MapOptions) -> Vec<(&'static str, Value)> {
    let date = c.date();
    let time_precision: Value = match c.event_date() {
        Some(e) => e.precision.code().into(),
        None if date.is_some() => 2.into(),
        None => Value::Null,
    };
    vec![
        (
            "event_date",
            opt_str(date.map(|d| d.format("%Y-%m-%d").to_string())),
        ),
        ("time_precision", time_precision),
        (
            "published_at",
            opt_str(c.published.and_then(|p| p.at_iso())),
        ),
        ("published_date", opt_str(c.published.map(|p| p.date_iso()))),
        ("extracted_at", opt_str(opts.extracted_at.as_deref())),
    ]
}

/// Simplestyle keys: colour by gaining side, size by verification (large: corroborated or acknowledged,
/// medium: claimed, small: unverified or disputed).
fn style_props(side: Side, verification: Verification) -> [(&'static str, Value); 3] {
    let color = match side {
        Side::Ua => super::COLOR_UA,
        Side::Ru => super::COLOR_RU,
        _ => super::COLOR_CONTESTED,
    };
    let size = match verification {
        Verification::Corroborated | Verification::Acknowledged => "large",
        Verification::Claimed => "medium",
        _ => "small",
    };
    [
        ("marker-color", color.into()),
        ("marker-symbol", "triangle".into()),
        ("marker-size", size.into()),
    ]
}

/// Who claims it, and how: actor, claimant(s), the claimant's side and type, verification, cues.
fn claimant_props(c: &ClaimAcc, first: &Statement) -> Vec<(&'static str, Value)> {
    let claim = &first.record.claim;
    let claimants = distinct(c, |s| s.record.claim.claimant.as_deref());
    let cues = distinct(c, |s| Some(s.record.claim.cue.as_str()));
    // The claimant of the merged feature: the first statement with one.
    let with_claimant = c
        .statements
        .iter()
        .find(|s| s.record.claim.claimant.is_some())
        .unwrap_or(first);
    vec![
        ("actor", opt_str(claim.actor.as_deref())),
        (
            "claimant",
            opt_str((!claimants.is_empty()).then(|| claimants.join("; "))),
        ),
        (
            "claimant_side",
            with_claimant.record.claim.claimant_side.as_str().into(),
        ),
        (
            "claimant_type",
            with_claimant.record.claim.claimant_type.into(),
        ),
        ("verification", c.verification().as_str().into()),
        ("cue", cues.join("; ").into()),
        (
            "euphemism",
            c.statements.iter().any(|s| s.record.claim.euphemism).into(),
        ),
    ]
}

/// The place: as written, its gazetteer id and names, and how it was geocoded.
fn place_props(g: &Gazetteer, e: EntryRef, first: &Statement) -> Vec<(&'static str, Value)> {
    let place = g.place(e);
    vec![
        ("place_name", first.surface.clone().into()),
        ("place_id", place.id.clone().into()),
        ("place_name_en", place.name.clone().into()),
        ("admin1", opt_str(place.admin1.as_deref())),
        ("admin2_code", opt_str(place.admin2_code.as_deref())),
        ("country_code", place.country.clone().into()),
        ("feature_code", opt_str(place.feature_code.as_deref())),
        ("geo_precision", geo_precision(g, e).into()),
        ("geo_method", geo_method(g, e, &first.surface).into()),
        ("geo_score", num(first.geo_score, 3)),
        ("geo_candidates", (first.geo_candidates as i64).into()),
    ]
}

/// The source and the evidence: URL, name, title, quote and its offsets.
fn source_props(c: &ClaimAcc, first: &Statement) -> Vec<(&'static str, Value)> {
    let confidence = c
        .statements
        .iter()
        .map(|s| s.record.claim.confidence)
        .fold(0.0, f64::max);
    vec![
        ("toward_place_id", Value::Null),
        ("from_place_id", Value::Null),
        ("source_url", opt_str(c.url.as_deref())),
        ("source_name", opt_str(c.source.as_deref())),
        ("source_title", opt_str(c.article_title.as_deref())),
        ("source_lang", Value::Null),
        ("quote", first.record.quote.to_string().into()),
        ("char_start", (first.char_start as i64).into()),
        ("char_end", (first.char_end as i64).into()),
        ("confidence", num(confidence, 3)),
        ("extractor", super::extractor_name().into()),
        ("num_mentions", (c.statements.len() as i64).into()),
    ]
}

/// One claim feature, its properties in [`super::schema::CLAIM_FIELDS`] order.
fn feature(
    g: &Gazetteer,
    (_, e, side): ClaimKey,
    c: &ClaimAcc,
    first: &Statement,
    opts: &MapOptions,
) -> Feature {
    let place = g.place(e);
    let claim = &first.record.claim;
    let verification = c.verification();
    let (acled, cameo, category) = codes(side, claim.claim_type, &place.country, verification);
    let id = claim_id(
        c.url.as_deref().unwrap_or(&c.doc),
        first.char_start,
        &place.id,
        claim.claim_type,
        side,
    );
    let description = match c.source.as_deref() {
        Some(s) => format!("{} ({s})", first.record.quote),
        None => first.record.quote.to_string(),
    };
    let mut p: Vec<(&'static str, Value)> = vec![
        ("kind", "claim".into()),
        ("claim_id", id.clone().into()),
        ("doc", c.doc.clone().into()),
        ("claim_type", claim.claim_type.into()),
        ("gaining_side", side.as_str().into()),
        ("losing_side", claim.losing.as_str().into()),
    ];
    p.extend(claimant_props(c, first));
    p.extend(place_props(g, e, first));
    p.extend(date_props(c, opts));
    p.extend(quantity_props(c));
    p.extend(source_props(c, first));
    p.extend([
        ("acled_sub_event_type", acled.into()),
        ("cameo_code", cameo.into()),
        ("map_category", category.into()),
        (
            "title",
            title(side, claim.losing, claim.claim_type, &place.name).into(),
        ),
        ("description", description.into()),
    ]);
    p.extend(style_props(side, verification));
    p.extend(from_props(opts, place.lat, place.lon));
    Feature {
        id,
        geometry: Geometry::Point([place.lon, place.lat]),
        properties: p,
    }
}

pub fn features(
    g: &Gazetteer,
    acc: &BTreeMap<ClaimKey, ClaimAcc>,
    opts: &MapOptions,
) -> Vec<Feature> {
    let mut out: Vec<(Option<chrono::NaiveDate>, usize, usize, Feature)> = acc
        .iter()
        .filter_map(|(&key, c)| {
            let first = c.statements.first()?;
            let f = feature(g, key, c, first, opts);
            Some((c.date(), key.0, first.char_start, f))
        })
        .collect();
    // By date (undated last), then input order, then position.
    out.sort_by(|a, b| {
        (a.0.is_none(), a.0, a.1, a.2, &a.3.id).cmp(&(b.0.is_none(), b.0, b.1, b.2, &b.3.id))
    });
    out.into_iter().map(|x| x.3).collect()
}
