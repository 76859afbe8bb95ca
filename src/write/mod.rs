//! Writers: GeoJSON (RFC 7946), GeoJSON Text Sequences, CSV, and a QGIS style; where and how outputs are
//! written without destroying anything is [`output`].

pub mod csv;
pub mod geojson;
pub mod mentions;
pub mod output;
pub mod qml;

pub use mentions::MentionWriter;
pub use output::{atomic_write, Sink, Target, Transaction};

use std::io::Write;
use std::path::Path;

use serde_json::Value;

use crate::layers::Feature;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A FeatureCollection.
    GeoJson,
    /// One Feature per line (GDAL GeoJSONSeq, `.geojsonl`).
    GeoJsonLines,
    /// RFC 8142: each Feature prefixed by RS (`.geojsons`).
    GeoJsonSeq,
    /// Comma-separated with lon/lat (points) or WKT (lines) for QGIS's delimited-text import.
    Csv,
}

impl Format {
    /// The format a file name implies.
    pub fn from_path(p: &Path) -> Option<Format> {
        let name = p.file_name()?.to_str()?.to_ascii_lowercase();
        if name.ends_with(".geojson") || name.ends_with(".json") {
            Some(Format::GeoJson)
        } else if name.ends_with(".geojsonl")
            || name.ends_with(".ndjson")
            || name.ends_with(".jsonl")
        {
            Some(Format::GeoJsonLines)
        } else if name.ends_with(".geojsons") {
            Some(Format::GeoJsonSeq)
        } else if name.ends_with(".csv") {
            Some(Format::Csv)
        } else {
            None
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::GeoJson => "geojson",
            Format::GeoJsonLines => "geojsonl",
            Format::GeoJsonSeq => "geojsons",
            Format::Csv => "csv",
        }
    }
}

/// The union of the features' property keys, in first-seen order: every feature of a file gets every key.
pub fn schema(features: &[&Feature]) -> Vec<&'static str> {
    let mut keys: Vec<&'static str> = Vec::new();
    for f in features {
        for (k, _) in &f.properties {
            if !keys.contains(k) {
                keys.push(k);
            }
        }
    }
    keys
}

/// The feature's value for each schema key (null when it lacks the key).
pub fn row<'a>(f: &'a Feature, keys: &[&'static str]) -> Vec<(&'static str, &'a Value)> {
    keys.iter()
        .map(|k| (*k, f.get(k).unwrap_or(&Value::Null)))
        .collect()
}

/// Writes a layer in `format`.
pub fn write_layer(
    out: &mut dyn Write,
    format: Format,
    name: &str,
    features: &[&Feature],
    quantities: &[Vec<(&'static str, Value)>],
) -> std::io::Result<()> {
    match format {
        Format::GeoJson => geojson::write_collection(out, name, features, quantities),
        Format::GeoJsonLines => geojson::write_sequence(out, features, false),
        Format::GeoJsonSeq => geojson::write_sequence(out, features, true),
        Format::Csv => csv::write_features(out, features),
    }
}
