//! GeoParquet 1.1 (<https://geoparquet.org/releases/v1.1.0/>): one layer per file, its declared columns
//! with Parquet types from the schema, and a WKB `geometry` column described by the `geo` file metadata
//! (primary column, WKB encoding, the layer's geometry type, bbox; no `crs`, which means OGC:CRS84, the
//! lon/lat WGS 84 of every other output). Written through the `parquet` crate's column writers.

use std::io::{self, Write};
use std::sync::Arc;

use parquet::basic::{
    Compression, IntType, LogicalType, Repetition, TimeUnit, TimestampType, Type as Physical,
};
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType, Int32Type, Int64Type};
use parquet::errors::ParquetError;
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::types::Type;
use serde_json::{json, Value};

use super::Layer;
use crate::layers::schema::{FieldType, GeometryType};
use crate::layers::{round, Geometry};

fn err(e: ParquetError) -> io::Error {
    io::Error::other(format!("GeoParquet: {e}"))
}

/// The Parquet column of a declared field (every property column is optional: a null is a null).
fn column(name: &str, ty: FieldType) -> Result<Type, ParquetError> {
    let (physical, logical) = match ty {
        FieldType::String => (Physical::BYTE_ARRAY, Some(LogicalType::String)),
        // 64-bit: a continent's population passes 2^31.
        FieldType::Integer => (
            Physical::INT64,
            Some(LogicalType::Integer(IntType {
                bit_width: 64,
                is_signed: true,
            })),
        ),
        FieldType::Real => (Physical::DOUBLE, None),
        FieldType::Boolean => (Physical::BOOLEAN, None),
        FieldType::Date => (Physical::INT32, Some(LogicalType::Date)),
        FieldType::DateTime => (
            Physical::INT64,
            Some(LogicalType::Timestamp(TimestampType {
                is_adjusted_to_u_t_c: true,
                unit: TimeUnit::MILLIS,
            })),
        ),
    };
    Type::primitive_type_builder(name, physical)
        .with_logical_type(logical)
        .with_repetition(Repetition::OPTIONAL)
        .build()
}

fn schema(layer: &Layer) -> Result<Type, ParquetError> {
    let mut fields = Vec::with_capacity(layer.fields.len() + 1);
    for f in &layer.fields {
        fields.push(Arc::new(column(f.name, f.ty)?));
    }
    fields.push(Arc::new(
        Type::primitive_type_builder("geometry", Physical::BYTE_ARRAY)
            .with_repetition(Repetition::REQUIRED)
            .build()?,
    ));
    Type::group_type_builder("schema")
        .with_fields(fields)
        .build()
}

/// Standard little-endian WKB (coordinates rounded to 6 decimals, as in every output).
fn wkb(g: &Geometry) -> io::Result<Vec<u8>> {
    let opts = wkb::writer::WriteOptions {
        endianness: wkb::Endianness::LittleEndian,
    };
    let p = |c: &[f64; 2]| geo::Point::new(round(c[0], 6), round(c[1], 6));
    let mut out = Vec::new();
    let r = match g {
        Geometry::Point(c) => wkb::writer::write_point(&mut out, &p(c), &opts),
        Geometry::Line(cs) => {
            let line: geo::LineString<f64> = cs.iter().map(|c| p(c).0).collect();
            wkb::writer::write_line_string(&mut out, &line, &opts)
        }
    };
    r.map_err(|e| io::Error::other(format!("WKB: {e}")))?;
    Ok(out)
}

/// The `geo` file metadata.
fn geo_metadata(layer: &Layer) -> String {
    let ty = match layer.kind.geometry() {
        GeometryType::Point => "Point",
        GeometryType::LineString => "LineString",
    };
    let coords = layer.features.iter().flat_map(|f| match &f.geometry {
        Geometry::Point(c) => std::slice::from_ref(c).iter(),
        Geometry::Line(cs) => cs.iter(),
    });
    let bbox = coords.fold(None, |b: Option<[f64; 4]>, c| {
        let (x, y) = (round(c[0], 6), round(c[1], 6));
        Some(b.map_or([x, y, x, y], |b| {
            [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)]
        }))
    });
    let mut col = json!({"encoding": "WKB", "geometry_types": [ty]});
    if let Some(b) = bbox {
        col["bbox"] = json!(b);
    }
    json!({"version": "1.1.0", "primary_column": "geometry", "columns": {"geometry": col}})
        .to_string()
}

/// Days since 1970-01-01 of `YYYY-MM-DD`.
fn days(s: &str) -> Option<i32> {
    let d = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1)?;
    i32::try_from((d - epoch).num_days()).ok()
}

/// Milliseconds since the epoch of `YYYY-MM-DDTHH:MM:SSZ`.
fn millis(s: &str) -> Option<i64> {
    let t = chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%SZ").ok()?;
    Some(t.and_utc().timestamp_millis())
}

/// The non-null values of one column and its definition levels (1: a value, 0: null).
fn values<T>(layer: &Layer, key: &str, get: impl Fn(&Value) -> Option<T>) -> (Vec<T>, Vec<i16>) {
    let mut vals = Vec::new();
    let mut defs = Vec::with_capacity(layer.features.len());
    for f in layer.features {
        match f.get(key).and_then(&get) {
            Some(v) => {
                vals.push(v);
                defs.push(1);
            }
            None => defs.push(0),
        }
    }
    (vals, defs)
}

/// Writes one layer as a GeoParquet file (one row group; a run's layers fit in memory anyway).
pub fn write_features(out: &mut dyn Write, layer: &Layer) -> io::Result<()> {
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .set_created_by(format!("placemap {}", env!("CARGO_PKG_VERSION")))
        .set_key_value_metadata(Some(vec![KeyValue::new(
            "geo".to_string(),
            geo_metadata(layer),
        )]))
        .build();
    let schema = Arc::new(schema(layer).map_err(err)?);
    let mut buf = Vec::new();
    let mut w = SerializedFileWriter::new(&mut buf, schema, Arc::new(props)).map_err(err)?;
    let mut rg = w.next_row_group().map_err(err)?;
    for f in &layer.fields {
        let mut col = rg
            .next_column()
            .map_err(err)?
            .ok_or_else(|| io::Error::other(format!("GeoParquet: no column for {}", f.name)))?;
        let key = f.name;
        let written = match f.ty {
            FieldType::String => {
                let (v, d) = values(layer, key, |v| match v {
                    Value::Null => None,
                    Value::String(s) => Some(ByteArray::from(s.as_str())),
                    other => Some(ByteArray::from(other.to_string().as_str())),
                });
                col.typed::<ByteArrayType>().write_batch(&v, Some(&d), None)
            }
            FieldType::Integer => {
                let (v, d) = values(layer, key, Value::as_i64);
                col.typed::<Int64Type>().write_batch(&v, Some(&d), None)
            }
            FieldType::Real => {
                let (v, d) = values(layer, key, Value::as_f64);
                col.typed::<DoubleType>().write_batch(&v, Some(&d), None)
            }
            FieldType::Boolean => {
                let (v, d) = values(layer, key, Value::as_bool);
                col.typed::<BoolType>().write_batch(&v, Some(&d), None)
            }
            FieldType::Date => {
                let (v, d) = values(layer, key, |v| v.as_str().and_then(days));
                col.typed::<Int32Type>().write_batch(&v, Some(&d), None)
            }
            FieldType::DateTime => {
                let (v, d) = values(layer, key, |v| v.as_str().and_then(millis));
                col.typed::<Int64Type>().write_batch(&v, Some(&d), None)
            }
        };
        written.map_err(err)?;
        col.close().map_err(err)?;
    }
    let geoms = layer
        .features
        .iter()
        .map(|f| wkb(&f.geometry).map(ByteArray::from))
        .collect::<io::Result<Vec<_>>>()?;
    let mut col = rg
        .next_column()
        .map_err(err)?
        .ok_or_else(|| io::Error::other("GeoParquet: no geometry column"))?;
    col.typed::<ByteArrayType>()
        .write_batch(&geoms, None, None)
        .map_err(err)?;
    col.close().map_err(err)?;
    rg.close().map_err(err)?;
    w.close().map_err(err)?;
    out.write_all(&buf)
}
