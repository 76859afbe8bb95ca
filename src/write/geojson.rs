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
fn geometry(f: &Feature) -> GjGeometry {
    GjGeometry::new(match &f.geometry {
        Geometry::Point(p) => GjValue::Point(position(p)),
        Geometry::Line(ps) => GjValue::LineString(ps.iter().map(position).collect()),
    })
}

pub fn to_geojson(f: &Feature, fields: &[Field]) -> GjFeature {
    let mut props = JsonObject::new();
    for (k, v) in row(f, fields) {
        props.insert(k.to_string(), v.clone());
    }
    GjFeature {
        bbox: None,
        geometry: Some(geometry(f)),
        id: Some(Id::String(f.id.clone())),
        properties: Some(props),
        foreign_members: None,
    }
}

/// A feature as one line of JSON, written straight from its fields: the text the geojson crate writes
/// for [`to_geojson`] (type, geometry, properties, id), without building its property map first.
fn feature_json(f: &Feature, fields: &[Field]) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(2048);
    out.extend_from_slice(b"{\"type\":\"Feature\",\"geometry\":");
    serde_json::to_writer(&mut out, &geometry(f))?;
    out.extend_from_slice(b",\"properties\":{");
    for (i, (k, v)) in row(f, fields).into_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        serde_json::to_writer(&mut out, k)?;
        out.push(b':');
        serde_json::to_writer(&mut out, v)?;
    }
    out.extend_from_slice(b"},\"id\":");
    serde_json::to_writer(&mut out, &f.id)?;
    out.push(b'}');
    Ok(out)
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
        out.write_all(&feature_json(f, &layer.fields)?)?;
    }
    out.write_all(b"\n]}\n")
}

/// One Feature per line; with `rs`, each prefixed by the RS character (RFC 8142).
pub fn write_sequence(out: &mut dyn Write, layer: &Layer, rs: bool) -> std::io::Result<()> {
    for f in layer.features {
        if rs {
            out.write_all(b"\x1e")?;
        }
        out.write_all(&feature_json(f, &layer.fields)?)?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layers::schema::{LINK_FIELDS, PLACE_FIELDS};

    #[test]
    fn features_are_written_as_the_geojson_crate_writes_them() {
        let point = Feature {
            id: "pl_1".into(),
            geometry: Geometry::Point([36.123_456_789, 49.987_654_321]),
            properties: vec![
                ("name", Value::from("Izium \"Ізюм\"")),
                ("population", Value::from(45_884)),
                ("geo_score", Value::from(0.5)),
                ("unknown_key", Value::from(true)),
            ],
        };
        let line = Feature {
            id: "ln\u{1}2".into(),
            geometry: Geometry::Line(vec![[36.0, 49.0], [36.5, 49.25], [-0.1, 51.5]]),
            properties: vec![],
        };
        for (f, fields) in [(&point, PLACE_FIELDS), (&line, LINK_FIELDS)] {
            let crate_text = serde_json::to_vec(&to_geojson(f, fields)).unwrap();
            assert_eq!(
                String::from_utf8(feature_json(f, fields).unwrap()).unwrap(),
                String::from_utf8(crate_text).unwrap()
            );
        }
    }
}
