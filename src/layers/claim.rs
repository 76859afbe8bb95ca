//! Claim features: one per (document, place, gaining side), merging the document's statements.

use std::collections::BTreeMap;

use serde_json::Value;

use super::{from_props, num, opt_str, stable_id, Feature, Geometry, MapOptions};
use crate::analyze::{Analysis, ClaimRecord};
use crate::claims::{Side, Verification};
use crate::gazetteer::{EntryRef, Gazetteer};
use crate::index::record::Kind;
use crate::quantity::{Quantity, QuantityKind};

/// (document order, place, gaining side).
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

pub fn add(g: &Gazetteer, acc: &mut BTreeMap<ClaimKey, ClaimAcc>, a: &Analysis, order: usize) {
    for c in &a.claims {
        let m = &a.mentions[c.claim.mention];
        let Some(e) = m.entry else { continue };
        let _ = g;
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
fn claim_id(
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

pub fn features(
    g: &Gazetteer,
    acc: &BTreeMap<ClaimKey, ClaimAcc>,
    opts: &MapOptions,
) -> Vec<Feature> {
    let mut out: Vec<(Option<chrono::NaiveDate>, usize, usize, Feature)> = Vec::new();
    for (&(order, e, side), c) in acc {
        let Some(first) = c.statements.first() else {
            continue;
        };
        let place = g.place(e);
        let claim = &first.record.claim;
        let verification = c.verification();
        let euphemism = c.statements.iter().any(|s| s.record.claim.euphemism);
        let mut cues: Vec<&str> = Vec::new();
        for s in &c.statements {
            if !cues.contains(&s.record.claim.cue.as_str()) {
                cues.push(&s.record.claim.cue);
            }
        }
        let mut claimants: Vec<&str> = Vec::new();
        for s in &c.statements {
            if let Some(cl) = s.record.claim.claimant.as_deref() {
                if !claimants.contains(&cl) {
                    claimants.push(cl);
                }
            }
        }
        // The claimant of the merged feature: the first statement with one.
        let with_claimant = c
            .statements
            .iter()
            .find(|s| s.record.claim.claimant.is_some())
            .unwrap_or(first);
        let qs: Vec<&Quantity> = c
            .statements
            .iter()
            .flat_map(|s| &s.record.quantities)
            .collect();
        let dist = pick(&qs, &[QuantityKind::Distance, QuantityKind::Advance]);
        let area = pick(&qs, &[QuantityKind::Area]);
        let dur = pick(&qs, &[QuantityKind::Duration]);
        let count = pick(&qs, &[QuantityKind::Settlements]);
        let event_date = c.event_date();
        let date = c.date();
        let time_precision: Value = if let Some(e) = event_date {
            e.precision.code().into()
        } else if date.is_some() {
            2.into()
        } else {
            Value::Null
        };
        let losing = claim.losing;
        let (acled, cameo, category) = codes(side, claim.claim_type, &place.country, verification);
        let id = claim_id(
            c.url.as_deref().unwrap_or(&c.doc),
            first.char_start,
            &place.id,
            claim.claim_type,
            side,
        );
        let confidence = c
            .statements
            .iter()
            .map(|s| s.record.claim.confidence)
            .fold(0.0, f64::max);
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
        let title = format!("{} {}: {}", side.as_str(), claim.claim_type, first.surface);
        let description = format!(
            "{}{}",
            first.record.quote,
            c.source
                .as_deref()
                .map(|s| format!(" ({s})"))
                .unwrap_or_default()
        );
        let mut p: Vec<(&'static str, Value)> = vec![
            ("kind", "claim".into()),
            ("claim_id", id.clone().into()),
            ("doc", c.doc.clone().into()),
            ("claim_type", claim.claim_type.into()),
            ("gaining_side", side.as_str().into()),
            ("losing_side", losing.as_str().into()),
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
            ("verification", verification.as_str().into()),
            ("cue", cues.join("; ").into()),
            ("euphemism", euphemism.into()),
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
            (
                "distance_km",
                dist.as_ref().map_or(Value::Null, |q| num(q.value_si, 3)),
            ),
            ("distance_op", opt_str(dist.as_ref().map(|q| q.op.as_str()))),
            (
                "duration_days",
                dur.as_ref().map_or(Value::Null, |q| num(q.value_si, 3)),
            ),
            (
                "area_km2",
                area.as_ref().map_or(Value::Null, |q| num(q.value_si, 3)),
            ),
            ("area_op", opt_str(area.as_ref().map(|q| q.op.as_str()))),
            (
                "settlements_count",
                count
                    .as_ref()
                    .map_or(Value::Null, |q| (q.value as i64).into()),
            ),
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
            ("acled_sub_event_type", acled.into()),
            ("cameo_code", cameo.into()),
            ("map_category", category.into()),
            ("title", title.into()),
            ("description", description.into()),
            ("marker-color", color.into()),
            ("marker-symbol", "triangle".into()),
            ("marker-size", size.into()),
        ];
        p.extend(from_props(opts, place.lat, place.lon));
        out.push((
            date,
            order,
            first.char_start,
            Feature {
                id,
                geometry: Geometry::Point([place.lon, place.lat]),
                properties: p,
            },
        ));
    }
    // By date (undated last), then input order, then position.
    out.sort_by(|a, b| {
        (a.0.is_none(), a.0, a.1, a.2, &a.3.id).cmp(&(b.0.is_none(), b.0, b.1, b.2, &b.3.id))
    });
    out.into_iter().map(|x| x.3).collect()
}

/// Quantity records of one document.
pub fn add_quantities(g: &Gazetteer, out: &mut Vec<Vec<(&'static str, Value)>>, a: &Analysis) {
    for q in &a.quantities {
        let place = q
            .mention
            .and_then(|m| a.mentions[m].entry)
            .map(|e| g.place(e));
        let claim = q.claim.map(|ci| &a.claims[ci]);
        // The id of the claim feature this quantity's claim merges into: its document's first statement
        // about the same place and side.
        let claim_id = claim.and_then(|c| {
            let e = a.mentions[c.claim.mention].entry?;
            let first = a.claims.iter().find(|o| {
                a.mentions[o.claim.mention].entry == Some(e) && o.claim.gaining == c.claim.gaining
            })?;
            Some(claim_id(
                a.meta.url.as_deref().unwrap_or(&a.doc),
                a.mentions[first.claim.mention].start,
                g.id(e),
                first.claim.claim_type,
                first.claim.gaining,
            ))
        });
        let qq = &q.quantity;
        let si_unit = match qq.kind {
            QuantityKind::Distance | QuantityKind::Advance => "km",
            QuantityKind::Area => "km2",
            QuantityKind::Duration => "day",
            QuantityKind::Settlements => "count",
        };
        out.push(vec![
            ("kind", qq.kind.as_str().into()),
            ("doc", a.doc.clone().into()),
            ("text", qq.text.clone().into()),
            ("value", num(qq.value, 3)),
            ("unit", qq.unit.into()),
            ("op", qq.op.as_str().into()),
            ("value_si", num(qq.value_si, 3)),
            ("unit_si", si_unit.into()),
            ("char_start", (qq.start as i64).into()),
            ("char_end", (qq.end as i64).into()),
            ("place_id", opt_str(place.as_ref().map(|p| p.id.as_str()))),
            (
                "place_name",
                opt_str(place.as_ref().map(|p| p.name.as_str())),
            ),
            ("claim_id", opt_str(claim_id)),
            ("published_date", opt_str(a.published.map(|p| p.date_iso()))),
            ("source_url", opt_str(a.meta.url.as_deref())),
            ("quote", q.quote.to_string().into()),
        ]);
    }
}
