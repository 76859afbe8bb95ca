//! The declared schema of every layer: the same fields, in the same order, with the same types, whatever
//! the input (an empty run, a run without claims, a run with claims). Writers take their columns from here,
//! never from the features, so that a QGIS project or a model built on one run opens the next one.

use serde_json::Value;

/// A field's type, declared the same way in every output (GeoPackage column types, CSVT, and the JSON type
/// GeoJSON values take).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    String,
    /// A 32-bit integer.
    Integer,
    Real,
    Boolean,
    /// `YYYY-MM-DD`.
    Date,
    /// `YYYY-MM-DDTHH:MM:SSZ` (UTC).
    DateTime,
}

use FieldType::{Boolean as B, Date as D, DateTime as DT, Integer as I, Real as R, String as S};

/// One column of a layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    pub name: &'static str,
    pub ty: FieldType,
}

const fn f(name: &'static str, ty: FieldType) -> Field {
    Field { name, ty }
}

/// The geometry type of a layer (one per file).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GeometryType {
    Point,
    LineString,
}

/// The layers a run writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LayerKind {
    /// Places and claims in one file (the default output).
    Points,
    Places,
    Claims,
    Links,
    /// Stated quantities at the place they are attached to.
    Quantities,
}

pub const PLACE_FIELDS: &[Field] = &[
    f("kind", S),
    f("place_id", S),
    f("name", S),
    f("geonames_name", S),
    f("names_as_written", S),
    f("place_kind", S),
    f("feature_code", S),
    f("country_code", S),
    f("admin1", S),
    f("population", I),
    f("doc", S),
    f("mentions", I),
    f("documents", I),
    f("first_published", D),
    f("last_published", D),
    f("controller", S),
    f("controller_verification", S),
    f("last_claim_date", D),
    f("claims", I),
    f("sources_ua", I),
    f("sources_ru", I),
    f("geo_score", R),
    f("geo_candidates", I),
    f("title", S),
    f("description", S),
    f("marker-color", S),
    f("marker-symbol", S),
    f("marker-size", S),
];

pub const CLAIM_FIELDS: &[Field] = &[
    f("kind", S),
    f("claim_id", S),
    f("doc", S),
    f("claim_type", S),
    f("gaining_side", S),
    f("losing_side", S),
    f("actor", S),
    f("claimant", S),
    f("claimant_side", S),
    f("claimant_type", S),
    f("verification", S),
    f("cue", S),
    f("euphemism", B),
    f("place_name", S),
    f("place_id", S),
    f("place_name_en", S),
    f("admin1", S),
    f("admin2_code", S),
    f("country_code", S),
    f("feature_code", S),
    f("geo_precision", I),
    f("geo_method", S),
    f("geo_score", R),
    f("geo_candidates", I),
    f("event_date", D),
    f("time_precision", I),
    f("published_at", DT),
    f("published_date", D),
    f("extracted_at", DT),
    f("distance_km", R),
    f("distance_op", S),
    f("duration_days", R),
    f("area_km2", R),
    f("area_op", S),
    f("settlements_count", I),
    f("toward_place_id", S),
    f("from_place_id", S),
    f("source_url", S),
    f("source_name", S),
    f("source_title", S),
    f("source_lang", S),
    f("quote", S),
    f("char_start", I),
    f("char_end", I),
    f("confidence", R),
    f("extractor", S),
    f("num_mentions", I),
    f("acled_sub_event_type", S),
    f("cameo_code", S),
    f("map_category", S),
    f("title", S),
    f("description", S),
    f("marker-color", S),
    f("marker-symbol", S),
    f("marker-size", S),
];

pub const LINK_FIELDS: &[Field] = &[
    f("kind", S),
    f("link_id", S),
    f("doc", S),
    f("relation", S),
    f("from_place_id", S),
    f("from_name", S),
    f("to_place_id", S),
    f("to_name", S),
    f("stated_km", R),
    f("stated_op", S),
    f("stated_text", S),
    f("stated_direction", S),
    f("geodesic_km", R),
    f("bearing_deg", R),
    f("compass", S),
    f("discrepancy_km", R),
    f("direction_error_deg", R),
    f("published_date", D),
    f("source_url", S),
    f("quote", S),
    f("title", S),
    f("description", S),
    f("stroke", S),
    f("stroke-width", I),
];

pub const QUANTITY_FIELDS: &[Field] = &[
    f("kind", S),
    f("doc", S),
    f("text", S),
    f("value", R),
    f("unit", S),
    f("op", S),
    f("value_si", R),
    f("unit_si", S),
    f("char_start", I),
    f("char_end", I),
    f("place_id", S),
    f("place_name", S),
    f("claim_id", S),
    f("published_date", D),
    f("source_url", S),
    f("quote", S),
];

/// The fields `--from` adds to every layer.
pub const FROM_FIELDS: &[Field] = &[
    f("from_place", S),
    f("from_km", R),
    f("from_bearing_deg", R),
];

/// Appends `more` to `out`, skipping names already there.
fn union(out: &mut Vec<Field>, more: &[Field]) {
    for m in more {
        if !out.iter().any(|o| o.name == m.name) {
            out.push(*m);
        }
    }
}

impl LayerKind {
    /// The layer's columns, in order; `from` adds the `--from` fields at the end.
    pub fn fields(self, from: bool) -> Vec<Field> {
        let mut out = Vec::new();
        match self {
            LayerKind::Points => {
                union(&mut out, PLACE_FIELDS);
                union(&mut out, CLAIM_FIELDS);
            }
            LayerKind::Places => union(&mut out, PLACE_FIELDS),
            LayerKind::Claims => union(&mut out, CLAIM_FIELDS),
            LayerKind::Links => union(&mut out, LINK_FIELDS),
            LayerKind::Quantities => union(&mut out, QUANTITY_FIELDS),
        }
        if from {
            union(&mut out, FROM_FIELDS);
        }
        out
    }

    pub fn geometry(self) -> GeometryType {
        match self {
            LayerKind::Links => GeometryType::LineString,
            _ => GeometryType::Point,
        }
    }
}

fn is_date(s: &str) -> bool {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok() && s.len() == 10
}

fn is_datetime(s: &str) -> bool {
    s.ends_with('Z') && chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%SZ").is_ok()
}

impl FieldType {
    /// Whether `v` is a value of this type (null is a value of every type).
    pub fn admits(self, v: &Value) -> bool {
        match (self, v) {
            (_, Value::Null) => true,
            (FieldType::String, Value::String(_)) => true,
            (FieldType::Integer, Value::Number(n)) => {
                n.as_i64().is_some_and(|i| i32::try_from(i).is_ok())
            }
            (FieldType::Real, Value::Number(n)) => n.is_f64(),
            (FieldType::Boolean, Value::Bool(_)) => true,
            (FieldType::Date, Value::String(s)) => is_date(s),
            (FieldType::DateTime, Value::String(s)) => is_datetime(s),
            _ => false,
        }
    }
}

/// Checks a feature's properties against a layer's fields: every property is a declared field with a value
/// of its type. Returns the first mismatch.
pub fn check(props: &[(&'static str, Value)], fields: &[Field]) -> Result<(), String> {
    for (k, v) in props {
        let Some(field) = fields.iter().find(|f| f.name == *k) else {
            return Err(format!("{k}: not a declared field"));
        };
        if !field.ty.admits(v) {
            return Err(format!("{k}: {v} is no {:?}", field.ty));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_layer_has_the_place_fields_then_the_claim_fields() {
        let points = LayerKind::Points.fields(false);
        assert_eq!(PLACE_FIELDS.len(), 28);
        assert_eq!(points.len(), 70);
        assert_eq!(&points[..PLACE_FIELDS.len()], PLACE_FIELDS);
        assert_eq!(points[PLACE_FIELDS.len()].name, "claim_id");
        let with_from = LayerKind::Links.fields(true);
        assert_eq!(with_from.last().map(|f| f.name), Some("from_bearing_deg"));
    }

    #[test]
    fn no_layer_names_a_field_twice() {
        for k in [
            LayerKind::Points,
            LayerKind::Places,
            LayerKind::Claims,
            LayerKind::Links,
            LayerKind::Quantities,
        ] {
            let fs = k.fields(true);
            for (i, a) in fs.iter().enumerate() {
                assert!(
                    fs[i + 1..].iter().all(|b| b.name != a.name),
                    "{k:?} {}",
                    a.name
                );
            }
        }
    }

    #[test]
    fn types_admit_their_values_only() {
        assert!(FieldType::Date.admits(&"2022-09-10".into()));
        assert!(!FieldType::Date.admits(&"2022-09".into()));
        assert!(FieldType::DateTime.admits(&"2022-09-10T18:02:00Z".into()));
        assert!(!FieldType::DateTime.admits(&"2022-09-10".into()));
        assert!(FieldType::Integer.admits(&3.into()));
        assert!(!FieldType::Integer.admits(&3.5.into()));
        assert!(
            !FieldType::Real.admits(&3.into()),
            "a real is written with a decimal point"
        );
        assert!(FieldType::Real.admits(&3.0.into()));
        assert!(FieldType::String.admits(&Value::Null));
        assert!(!FieldType::String.admits(&1.into()));
        assert!(check(&[("kind", "x".into())], PLACE_FIELDS).is_ok());
        assert!(check(&[("nope", "x".into())], PLACE_FIELDS).is_err());
    }
}
