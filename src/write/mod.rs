//! Writers: GeoJSON (RFC 7946), GeoJSON Text Sequences, CSV (with .csvt and .prj), GeoPackage, GeoParquet, QGIS
//! styles and a web map page; where and how outputs are written without destroying anything is [`output`].

pub mod csv;
pub mod geojson;
pub mod geoparquet;
pub mod gpkg;
pub mod html;
pub mod mentions;
pub mod output;
pub mod qml;

pub use mentions::MentionWriter;
pub use output::{atomic_write, Sink, Target, Transaction};

use std::io::Write;
use std::path::Path;

use serde_json::Value;

use crate::layers::schema::{Field, LayerKind};
use crate::layers::Feature;

/// Appends `v` as JSON to `out`, without a buffer of its own (the record writers render field by field).
/// For plain data (numbers, strings, lists and structs of them), which always serialises; writing to a
/// `Vec` cannot fail.
pub(crate) fn put_json<T: serde::Serialize + ?Sized>(out: &mut Vec<u8>, v: &T) {
    let _ = serde_json::to_writer(&mut *out, v);
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A FeatureCollection.
    GeoJson,
    /// One Feature per line (GDAL GeoJSONSeq, `.geojsonl`).
    GeoJsonLines,
    /// RFC 8142: each Feature prefixed by RS (`.geojsons`).
    GeoJsonSeq,
    /// Comma-separated with lon/lat (points) or WKT (lines) for QGIS's delimited-text import, with
    /// `.csvt` (column types) and `.prj` (WGS 84) beside it.
    Csv,
    /// An OGC GeoPackage: one table per layer with declared column types, QGIS styles in `layer_styles`.
    GeoPackage,
    /// One self-contained web page (Leaflet) with every layer inline.
    Html,
    /// GeoParquet 1.1: one layer per file, WKB geometry, `geo` metadata.
    GeoParquet,
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
        } else if name.ends_with(".gpkg") {
            Some(Format::GeoPackage)
        } else if name.ends_with(".html") || name.ends_with(".htm") {
            Some(Format::Html)
        } else if name.ends_with(".parquet") || name.ends_with(".geoparquet") {
            Some(Format::GeoParquet)
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
            Format::GeoPackage => "gpkg",
            Format::Html => "html",
            Format::GeoParquet => "parquet",
        }
    }
}

/// One layer to write: its name (GDAL's layer name), its declared columns and its features.
pub struct Layer<'a> {
    pub name: &'a str,
    pub kind: LayerKind,
    pub fields: Vec<Field>,
    pub features: &'a [&'a Feature],
}

impl<'a> Layer<'a> {
    /// A layer of `kind` with its declared fields (`from`: with the `--from` fields).
    pub fn new(name: &'a str, kind: LayerKind, from: bool, features: &'a [&'a Feature]) -> Self {
        Layer {
            name,
            kind,
            fields: kind.fields(from),
            features,
        }
    }
}

/// The feature's value for each field (null when it lacks the key).
pub fn row<'a>(f: &'a Feature, fields: &[Field]) -> Vec<(&'static str, &'a Value)> {
    fields
        .iter()
        .map(|k| (k.name, f.get(k.name).unwrap_or(&Value::Null)))
        .collect()
}

/// Writes a layer in `format` (a single-layer format: GeoJSON, its sequences, or CSV).
pub fn write_layer(out: &mut dyn Write, format: Format, layer: &Layer) -> std::io::Result<()> {
    match format {
        Format::GeoJson => geojson::write_collection(out, layer),
        Format::GeoJsonLines => geojson::write_sequence(out, layer, false),
        Format::GeoJsonSeq => geojson::write_sequence(out, layer, true),
        Format::Csv => csv::write_features(out, layer),
        Format::GeoParquet => geoparquet::write_features(out, layer),
        Format::GeoPackage | Format::Html => Err(std::io::Error::other(format!(
            "{} holds several layers; write it whole",
            format.extension()
        ))),
    }
}
