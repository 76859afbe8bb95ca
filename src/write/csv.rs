//! CSV for QGIS's delimited-text import: `lon`,`lat` columns for points, a `wkt` column for lines.

use std::io::Write;

use serde_json::Value;

use super::{row, schema};
use crate::layers::{round, Feature, Geometry};

fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A CSV error as the I/O error it wraps (so that a closed pipe stays a closed pipe).
fn io_error(e: ::csv::Error) -> std::io::Error {
    match e.into_kind() {
        ::csv::ErrorKind::Io(e) => e,
        other => std::io::Error::other(format!("{other:?}")),
    }
}

pub fn write_features(out: &mut dyn Write, features: &[&Feature]) -> std::io::Result<()> {
    let keys = schema(features);
    let lines = features
        .iter()
        .any(|f| matches!(f.geometry, Geometry::Line(_)));
    let mut w = ::csv::Writer::from_writer(out);
    let mut header: Vec<String> = vec!["id".into()];
    if lines {
        header.push("wkt".into());
    } else {
        header.push("lon".into());
        header.push("lat".into());
    }
    header.extend(keys.iter().map(|k| k.to_string()));
    w.write_record(&header).map_err(io_error)?;
    for f in features {
        let mut rec: Vec<String> = vec![f.id.clone()];
        match &f.geometry {
            Geometry::Point(p) => {
                if lines {
                    rec.push(format!("POINT ({} {})", round(p[0], 6), round(p[1], 6)));
                } else {
                    rec.push(round(p[0], 6).to_string());
                    rec.push(round(p[1], 6).to_string());
                }
            }
            Geometry::Line(ps) => {
                let coords: Vec<String> = ps
                    .iter()
                    .map(|p| format!("{} {}", round(p[0], 6), round(p[1], 6)))
                    .collect();
                rec.push(format!("LINESTRING ({})", coords.join(", ")));
            }
        }
        rec.extend(row(f, &keys).into_iter().map(|(_, v)| cell(v)));
        w.write_record(&rec).map_err(io_error)?;
    }
    w.flush()
}
