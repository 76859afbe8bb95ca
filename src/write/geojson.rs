//! GeoJSON FeatureCollections (one Feature per line, a collection `name`, 6-decimal [lon, lat], no `crs`)
//! and GeoJSON Text Sequences. Every feature carries every declared field of its layer, in order.

use std::io::Write;

use geojson::{
    feature::Id, Feature as GjFeature, Geometry as GjGeometry, JsonObject, Value as GjValue,
};
use serde_json::Value;

use super::{row, Layer};
use crate::layers::schema::Field;
use crate::layers::{round, Feature, Geometry, QuantityRecord};

fn position(p: &[f64; 2]) -> Vec<f64> {
    vec![round(p[0], 6), round(p[1], 6)]
}

/// The geojson-crate Feature with the layer's columns.
pub fn to_geojson(f: &Feature, fields: &[Field]) -> GjFeature {
    let geometry = match &f.geometry {
        Geometry::Point(p) => GjValue::Point(position(p)),
        Geometry::Line(ps) => GjValue::LineString(ps.iter().map(position).collect()),
    };
    let mut props = JsonObject::new();
    for (k, v) in row(f, fields) {
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

fn feature_json(f: &Feature, fields: &[Field]) -> std::io::Result<String> {
    serde_json::to_string(&to_geojson(f, fields)).map_err(std::io::Error::other)
}

/// A FeatureCollection with a `name` (GDAL's layer name), one Feature per line.
pub fn write_collection(out: &mut dyn Write, layer: &Layer) -> std::io::Result<()> {
    write!(
        out,
        "{{\"type\":\"FeatureCollection\",\"name\":{},\"features\":[",
        Value::String(layer.name.to_string())
    )?;
    for (i, f) in layer.features.iter().enumerate() {
        out.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        out.write_all(feature_json(f, &layer.fields)?.as_bytes())?;
    }
    out.write_all(b"\n]}\n")
}

/// One Feature per line; with `rs`, each prefixed by the RS character (RFC 8142).
pub fn write_sequence(out: &mut dyn Write, layer: &Layer, rs: bool) -> std::io::Result<()> {
    for f in layer.features {
        if rs {
            out.write_all(b"\x1e")?;
        }
        out.write_all(feature_json(f, &layer.fields)?.as_bytes())?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// Stated quantities as JSON Lines (every one, with or without a place).
pub fn write_quantities(out: &mut dyn Write, quantities: &[QuantityRecord]) -> std::io::Result<()> {
    for q in quantities {
        let obj: serde_json::Map<String, Value> = q
            .properties
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect();
        writeln!(out, "{}", Value::Object(obj))?;
    }
    Ok(())
}
