//! Stated quantities (distances, advances, areas, durations, settlement counts): one record each, at the
//! place it is attached to when it has one.

use serde_json::Value;

use super::claim::claim_id;
use super::{num, opt_str, stable_id, QuantityRecord};
use crate::analyze::Analysis;
use crate::gazetteer::Gazetteer;
use crate::quantity::QuantityKind;

/// The id of the claim feature a quantity's claim merges into: its document's first statement about the
/// same place and side.
fn merged_claim_id(g: &Gazetteer, a: &Analysis, claim: usize) -> Option<String> {
    let c = &a.claims[claim];
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
}

fn si_unit(k: QuantityKind) -> &'static str {
    match k {
        QuantityKind::Distance | QuantityKind::Advance => "km",
        QuantityKind::Area => "km2",
        QuantityKind::Duration => "day",
        QuantityKind::Settlements => "count",
    }
}

/// The quantity records of one document, properties in [`super::schema::QUANTITY_FIELDS`] order.
pub fn add(g: &Gazetteer, out: &mut Vec<QuantityRecord>, a: &Analysis) {
    for q in &a.quantities {
        let entry = q.mention.and_then(|m| a.mentions[m].entry);
        let place = entry.map(|e| g.place(e));
        let claim_id = q.claim.and_then(|ci| merged_claim_id(g, a, ci));
        let qq = &q.quantity;
        let source = a.meta.url.as_deref().unwrap_or(&a.doc);
        let id = stable_id(
            "qt",
            &[
                source,
                &qq.start.to_string(),
                &qq.end.to_string(),
                qq.kind.as_str(),
            ],
        );
        let properties = vec![
            ("kind", qq.kind.as_str().into()),
            ("doc", a.doc.clone().into()),
            ("text", qq.text.clone().into()),
            ("value", num(qq.value, 3)),
            ("unit", qq.unit.into()),
            ("op", qq.op.as_str().into()),
            ("value_si", num(qq.value_si, 3)),
            ("unit_si", si_unit(qq.kind).into()),
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
            ("quote", Value::String(q.quote.to_string())),
        ];
        out.push(QuantityRecord {
            id,
            properties,
            point: place.map(|p| [p.lon, p.lat]),
        });
    }
}
