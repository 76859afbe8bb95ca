//! GeoJSON FeatureCollections (one Feature per line, a collection `name`, 6-decimal [lon, lat], no `crs`)
//! and GeoJSON Text Sequences.

use std::io::Write;

use geojson::{
    feature::Id, Feature as GjFeature, Geometry as GjGeometry, JsonObject, Value as GjValue,
};
use serde_json::Value;

use super::{row, schema};
use crate::layers::{round, Feature, Geometry};

fn position(p: &[f64; 2]) -> Vec<f64> {
    vec![round(p[0], 6), round(p[1], 6)]
}

/// The geojson-crate Feature with the given key set.
pub fn to_geojson(f: &Feature, keys: &[&'static str]) -> GjFeature {
    let geometry = match &f.geometry {
        Geometry::Point(p) => GjValue::Point(position(p)),
        Geometry::Line(ps) => GjValue::LineString(ps.iter().map(position).collect()),
    };
    let mut props = JsonObject::new();
    for (k, v) in row(f, keys) {
        props.insert(k.to_string(), v.clone());
    }
    GjFeature {
        bbox: None,
        geometry: Some(GjGeometry::new(geometry)),
        id: Some(Id::String(f.id.clone())),
        properties: Some(props),
        foreign_members: None,
    }
}

fn feature_json(f: &Feature, keys: &[&'static str]) -> std::io::Result<String> {
    serde_json::to_string(&to_geojson(f, keys)).map_err(std::io::Error::other)
}

/// A FeatureCollection with a `name` (GDAL's layer name); stated quantities ride along as the foreign
/// member `quantities` (ignored by GIS readers, kept for people and scripts).
pub fn write_collection(
    out: &mut dyn Write,
    name: &str,
    features: &[&Feature],
    quantities: &[Vec<(&'static str, Value)>],
) -> std::io::Result<()> {
    let keys = schema(features);
    write!(
        out,
        "{{\"type\":\"FeatureCollection\",\"name\":{},\"features\":[",
        Value::String(name.to_string())
    )?;
    for (i, f) in features.iter().enumerate() {
        out.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        out.write_all(feature_json(f, &keys)?.as_bytes())?;
    }
    out.write_all(b"\n]")?;
    if !quantities.is_empty() {
        out.write_all(b",\"quantities\":[")?;
        for (i, q) in quantities.iter().enumerate() {
            out.write_all(if i == 0 { b"\n" } else { b",\n" })?;
            let obj: serde_json::Map<String, Value> =
                q.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
            out.write_all(Value::Object(obj).to_string().as_bytes())?;
        }
        out.write_all(b"\n]")?;
    }
    out.write_all(b"}\n")
}

/// One Feature per line; with `rs`, each prefixed by the RS character (RFC 8142).
pub fn write_sequence(out: &mut dyn Write, features: &[&Feature], rs: bool) -> std::io::Result<()> {
    let keys = schema(features);
    for f in features {
        if rs {
            out.write_all(b"\x1e")?;
        }
        out.write_all(feature_json(f, &keys)?.as_bytes())?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// Stated quantities as JSON Lines.
pub fn write_quantities(
    out: &mut dyn Write,
    quantities: &[Vec<(&'static str, Value)>],
) -> std::io::Result<()> {
    for q in quantities {
        let obj: serde_json::Map<String, Value> =
            q.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
        writeln!(out, "{}", Value::Object(obj))?;
    }
    Ok(())
}
