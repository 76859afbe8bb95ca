//! CSV for QGIS's delimited-text import and GDAL: `lon`,`lat` columns for point layers, a `wkt` column for
//! line layers, then the layer's declared fields. [`csvt`] gives the `.csvt` beside it (GDAL types the
//! columns from it and finds the geometry: CoordX/CoordY or WKT) and [`PRJ_WGS84`] the `.prj`.

use std::io::Write;

use serde_json::Value;

use super::{row, Layer};
use crate::layers::schema::{FieldType, GeometryType};
use crate::layers::{round, Geometry};

/// The `.prj` of every CSV output: WGS 84 longitude/latitude (the ESRI WKT GDAL and QGIS read).
pub const PRJ_WGS84: &str = "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]\n";

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

/// The geometry columns of a layer.
fn geometry_columns(g: GeometryType) -> &'static [(&'static str, &'static str)] {
    match g {
        GeometryType::Point => &[("lon", "CoordX"), ("lat", "CoordY")],
        GeometryType::LineString => &[("wkt", "WKT")],
    }
}

/// GDAL's CSVT name of a field type.
fn csvt_type(t: FieldType) -> &'static str {
    match t {
        FieldType::String => "String",
        FieldType::Integer => "Integer",
        FieldType::Real => "Real",
        FieldType::Boolean => "Integer(Boolean)",
        FieldType::Date => "Date",
        FieldType::DateTime => "DateTime",
    }
}

/// The `.csvt` of a layer: one line of quoted column types, in column order.
pub fn csvt(layer: &Layer) -> String {
    let mut types = vec!["String"];
    types.extend(geometry_columns(layer.kind.geometry()).iter().map(|c| c.1));
    types.extend(layer.fields.iter().map(|f| csvt_type(f.ty)));
    let quoted: Vec<String> = types.iter().map(|t| format!("\"{t}\"")).collect();
    format!("{}\n", quoted.join(","))
}

fn geometry_cells(g: &Geometry, layer: GeometryType) -> Vec<String> {
    let pos = |p: &[f64; 2]| format!("{} {}", round(p[0], 6), round(p[1], 6));
    match (g, layer) {
        (Geometry::Point(p), GeometryType::Point) => {
            vec![round(p[0], 6).to_string(), round(p[1], 6).to_string()]
        }
        (Geometry::Point(p), GeometryType::LineString) => vec![format!("POINT ({})", pos(p))],
        (Geometry::Line(ps), _) => {
            let coords: Vec<String> = ps.iter().map(pos).collect();
            vec![format!("LINESTRING ({})", coords.join(", "))]
        }
    }
}

pub fn write_features(out: &mut dyn Write, layer: &Layer) -> std::io::Result<()> {
    let geometry = layer.kind.geometry();
    let mut w = ::csv::Writer::from_writer(out);
    let mut header: Vec<&str> = vec!["id"];
    header.extend(geometry_columns(geometry).iter().map(|c| c.0));
    header.extend(layer.fields.iter().map(|f| f.name));
    w.write_record(&header).map_err(io_error)?;
    for f in layer.features {
        let mut rec: Vec<String> = vec![f.id.clone()];
        rec.extend(geometry_cells(&f.geometry, geometry));
        rec.extend(row(f, &layer.fields).into_iter().map(|(_, v)| cell(v)));
        w.write_record(&rec).map_err(io_error)?;
    }
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layers::schema::LayerKind;

    #[test]
    fn the_csvt_has_a_type_for_every_column_also_for_an_empty_layer() {
        let layer = Layer::new("m", LayerKind::Claims, false, &[]);
        let types = csvt(&layer);
        let mut out = Vec::new();
        write_features(&mut out, &layer).expect("write");
        let header = String::from_utf8(out).expect("utf-8");
        assert_eq!(
            types.trim_end().split(',').count(),
            header.trim_end().split(',').count()
        );
        assert!(types.starts_with("\"String\",\"CoordX\",\"CoordY\",\"String\""));
        assert!(types.contains("\"Date\"") && types.contains("\"Integer(Boolean)\""));
        let links = Layer::new("l", LayerKind::Links, true, &[]);
        assert!(csvt(&links).starts_with("\"String\",\"WKT\","));
    }
}
