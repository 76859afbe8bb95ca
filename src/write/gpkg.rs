//! OGC GeoPackage (12-128r18, version 1.3): one feature table per layer with declared column types, the
//! QGIS style of each in `layer_styles` (QGIS applies it when the layer is opened), written through SQLite
//! (rusqlite, bundled) into memory and serialized, so the file goes through the same atomic write as every
//! other output. Reruns are byte-identical: `last_change` and the styles' `update_time` are the run's
//! `--extracted-at` or a fixed time, never the clock.

use std::io::{self, Write};

use rusqlite::types::Value as SqlValue;
use rusqlite::{params, params_from_iter, Connection};
use serde_json::Value;

use super::{row, Layer};
use crate::layers::schema::{FieldType, GeometryType};
use crate::layers::{round, Feature, Geometry};

/// `last_change` when the run gives no `--extracted-at`.
pub const FIXED_TIME: &str = "1970-01-01T00:00:00.000Z";

/// "GPKG" as PRAGMA application_id (GeoPackage §1.1.1.1.1) and version 1.3.0 as user_version.
const APPLICATION_ID: i32 = 0x4750_4B47;
const USER_VERSION: i32 = 10300;

const WGS84_WKT: &str = "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST],AUTHORITY[\"EPSG\",\"4326\"]]";

/// The required metadata tables (GeoPackage Annex C, tables C.1-C.3) and QGIS's `layer_styles`.
const SCHEMA: &str = r#"
CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY,
  organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL,
  description TEXT);
CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,
  identifier TEXT UNIQUE, description TEXT DEFAULT '', last_change DATETIME NOT NULL,
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,
  geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
CREATE TABLE layer_styles (id INTEGER PRIMARY KEY AUTOINCREMENT, f_table_catalog TEXT(256),
  f_table_schema TEXT(256), f_table_name TEXT(256), f_geometry_column TEXT(256), styleName TEXT(30),
  styleQML TEXT, styleSLD TEXT, useAsDefault BOOLEAN, description TEXT, owner TEXT(30), ui TEXT(30),
  update_time DATETIME);
"#;

fn sql_err(e: rusqlite::Error) -> io::Error {
    io::Error::other(format!("GeoPackage: {e}"))
}

/// A GeoPackage column type (GeoPackage §1.1.1.1.3, table 1). MEDIUMINT is a 32-bit integer, which GDAL
/// reads as Integer, as it does GeoJSON's small integers.
fn column_type(t: FieldType) -> &'static str {
    match t {
        FieldType::String => "TEXT",
        FieldType::Integer => "MEDIUMINT",
        FieldType::Real => "DOUBLE",
        FieldType::Boolean => "BOOLEAN",
        FieldType::Date => "DATE",
        FieldType::DateTime => "DATETIME",
    }
}

fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// A property as an SQLite value; a DATETIME gets the GeoPackage form `YYYY-MM-DDTHH:MM:SS.SSSZ`.
fn sql_value(v: &Value, t: FieldType) -> SqlValue {
    match v {
        Value::Null => SqlValue::Null,
        Value::Bool(b) => SqlValue::Integer(i64::from(*b)),
        Value::Number(n) => match (t, n.as_i64()) {
            (FieldType::Integer, Some(i)) => SqlValue::Integer(i),
            _ => n.as_f64().map_or(SqlValue::Null, SqlValue::Real),
        },
        Value::String(s) if t == FieldType::DateTime && s.len() == 20 && s.ends_with('Z') => {
            SqlValue::Text(format!("{}.000Z", &s[..19]))
        }
        Value::String(s) => SqlValue::Text(s.clone()),
        other => SqlValue::Text(other.to_string()),
    }
}

fn rounded(p: &[f64; 2]) -> geo::Point<f64> {
    geo::Point::new(round(p[0], 6), round(p[1], 6))
}

/// A GeoPackage geometry blob (§2.1.3): the "GP" header (version 0, little-endian, an envelope for lines,
/// SRS 4326), then standard WKB.
fn geometry_blob(g: &Geometry) -> io::Result<Vec<u8>> {
    let opts = wkb::writer::WriteOptions {
        endianness: wkb::Endianness::LittleEndian,
    };
    let mut out = vec![b'G', b'P', 0];
    let wkb_err = |e: wkb::error::WkbError| io::Error::other(format!("WKB: {e}"));
    match g {
        Geometry::Point(p) => {
            out.push(0b0000_0001); // no envelope, little-endian
            out.extend_from_slice(&4326i32.to_le_bytes());
            wkb::writer::write_point(&mut out, &rounded(p), &opts).map_err(wkb_err)?;
        }
        Geometry::Line(ps) => {
            out.push(0b0000_0011); // envelope [minx, maxx, miny, maxy], little-endian
            out.extend_from_slice(&4326i32.to_le_bytes());
            let line: geo::LineString<f64> = ps.iter().map(|p| rounded(p).0).collect();
            let (x0, x1, y0, y1) = extent(std::slice::from_ref(g)).unwrap_or_default();
            for v in [x0, x1, y0, y1] {
                out.extend_from_slice(&v.to_le_bytes());
            }
            wkb::writer::write_line_string(&mut out, &line, &opts).map_err(wkb_err)?;
        }
    }
    Ok(out)
}

/// (min_x, max_x, min_y, max_y) of the geometries, None when there are none.
fn extent(gs: &[Geometry]) -> Option<(f64, f64, f64, f64)> {
    let mut it = gs.iter().flat_map(|g| match g {
        Geometry::Point(p) => std::slice::from_ref(p).iter(),
        Geometry::Line(ps) => ps.iter(),
    });
    let first = it.next()?;
    let init = (first[0], first[0], first[1], first[1]);
    Some(it.fold(init, |(a, b, c, d), p| {
        (a.min(p[0]), b.max(p[0]), c.min(p[1]), d.max(p[1]))
    }))
}

fn create_metadata(db: &Connection) -> rusqlite::Result<()> {
    db.execute_batch(&format!(
        "PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {USER_VERSION};"
    ))?;
    db.execute_batch(SCHEMA)?;
    let mut srs = db.prepare("INSERT INTO gpkg_spatial_ref_sys VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?;
    srs.execute(params![
        "WGS 84 geodetic",
        4326,
        "EPSG",
        4326,
        WGS84_WKT,
        "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid"
    ])?;
    srs.execute(params![
        "Undefined cartesian SRS",
        -1,
        "NONE",
        -1,
        "undefined",
        "undefined cartesian coordinate reference system"
    ])?;
    srs.execute(params![
        "Undefined geographic SRS",
        0,
        "NONE",
        0,
        "undefined",
        "undefined geographic coordinate reference system"
    ])?;
    Ok(())
}

/// Creates and fills one feature table and registers it.
fn write_table(db: &Connection, layer: &Layer, time: &str) -> rusqlite::Result<()> {
    let table = quoted(layer.name);
    let geometry_type = match layer.kind.geometry() {
        GeometryType::Point => "POINT",
        GeometryType::LineString => "LINESTRING",
    };
    let mut columns = vec![
        "fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL".to_string(),
        format!("geom {geometry_type}"),
        "\"id\" TEXT NOT NULL".to_string(),
    ];
    columns.extend(
        layer
            .fields
            .iter()
            .map(|f| format!("{} {}", quoted(f.name), column_type(f.ty))),
    );
    db.execute_batch(&format!("CREATE TABLE {table} ({});", columns.join(", ")))?;
    let geoms: Vec<Geometry> = layer.features.iter().map(|f| f.geometry.clone()).collect();
    let ext = extent(&geoms);
    db.execute(
        "INSERT INTO gpkg_contents VALUES (?1, 'features', ?1, '', ?2, ?3, ?4, ?5, ?6, 4326)",
        params![
            layer.name,
            time,
            ext.map(|e| e.0),
            ext.map(|e| e.2),
            ext.map(|e| e.1),
            ext.map(|e| e.3)
        ],
    )?;
    db.execute(
        "INSERT INTO gpkg_geometry_columns VALUES (?1, 'geom', ?2, 4326, 0, 0)",
        params![layer.name, geometry_type],
    )?;
    let marks = vec!["?"; layer.fields.len() + 2].join(", ");
    let names: Vec<String> = layer.fields.iter().map(|f| quoted(f.name)).collect();
    let mut insert = db.prepare(&format!(
        "INSERT INTO {table} (geom, \"id\", {}) VALUES ({marks})",
        names.join(", ")
    ))?;
    for f in layer.features {
        insert.execute(params_from_iter(feature_values(f, layer)?))?;
    }
    Ok(())
}

fn feature_values(f: &Feature, layer: &Layer) -> rusqlite::Result<Vec<SqlValue>> {
    let blob = geometry_blob(&f.geometry)
        .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
    let mut values = vec![SqlValue::Blob(blob), SqlValue::Text(f.id.clone())];
    values.extend(
        row(f, &layer.fields)
            .iter()
            .zip(&layer.fields)
            .map(|((_, v), field)| sql_value(v, field.ty)),
    );
    Ok(values)
}

fn write_style(db: &Connection, table: &str, qml: &str, time: &str) -> rusqlite::Result<()> {
    db.execute(
        "INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, \
         styleName, styleQML, styleSLD, useAsDefault, description, owner, ui, update_time) \
         VALUES ('', '', ?1, 'geom', ?1, ?2, '', 1, 'placemap style', '', NULL, ?3)",
        params![table, qml, time],
    )?;
    Ok(())
}

/// Writes a GeoPackage holding `layers`, each with its QGIS style (`styles[i]` for `layers[i]`);
/// `time` is `last_change` (ISO-8601 UTC with milliseconds).
pub fn write(
    out: &mut dyn Write,
    layers: &[Layer],
    styles: &[String],
    time: &str,
) -> io::Result<()> {
    let mut db = Connection::open_in_memory().map_err(sql_err)?;
    create_metadata(&db).map_err(sql_err)?;
    for (layer, style) in layers.iter().zip(styles) {
        write_table(&db, layer, time).map_err(sql_err)?;
        write_style(&db, layer.name, style, time).map_err(sql_err)?;
    }
    db.execute(
        "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change) \
         VALUES ('layer_styles', 'attributes', 'layer_styles', 'QGIS styles', ?1)",
        params![time],
    )
    .map_err(sql_err)?;
    let image = db.serialize(rusqlite::MAIN_DB).map_err(sql_err)?;
    out.write_all(&image)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layers::schema::LayerKind;

    fn feature(id: &str, g: Geometry) -> Feature {
        Feature {
            id: id.into(),
            geometry: g,
            properties: vec![
                ("kind", "claim".into()),
                ("event_date", "2022-09-10".into()),
            ],
        }
    }

    /// The written file opened by SQLite (the directory lives as long as the connection is used).
    fn open(bytes: &[u8]) -> (tempfile::TempDir, Connection) {
        let d = tempfile::tempdir().expect("tempdir");
        let p = d.path().join("t.gpkg");
        std::fs::write(&p, bytes).expect("write");
        let db = Connection::open(&p).expect("open");
        (d, db)
    }

    #[test]
    fn a_geopackage_declares_its_columns_and_holds_its_styles() {
        let pts = [feature("cc_1", Geometry::Point([37.5, 49.5]))];
        let refs: Vec<&Feature> = pts.iter().collect();
        let layers = [
            Layer::new("claims", LayerKind::Claims, false, &refs),
            Layer::new("links", LayerKind::Links, false, &[]),
        ];
        let mut out = Vec::new();
        write(
            &mut out,
            &layers,
            &["<qgis/>".into(), "<qgis/>".into()],
            FIXED_TIME,
        )
        .expect("write");
        let mut again = Vec::new();
        write(
            &mut again,
            &layers,
            &["<qgis/>".into(), "<qgis/>".into()],
            FIXED_TIME,
        )
        .expect("write");
        assert_eq!(out, again, "byte-identical");
        let (_dir, db) = open(&out);
        let app: i32 = db
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .expect("id");
        assert_eq!(app, APPLICATION_ID);
        let ty: String = db
            .query_row(
                "SELECT type FROM pragma_table_info('claims') WHERE name = 'event_date'",
                [],
                |r| r.get(0),
            )
            .expect("column");
        assert_eq!(ty, "DATE");
        let blob: Vec<u8> = db
            .query_row("SELECT geom FROM claims", [], |r| r.get(0))
            .expect("geom");
        assert_eq!(&blob[..4], b"GP\x00\x01");
        assert_eq!(blob.len(), 8 + 21, "header and a WKB point");
        let styles: i64 = db
            .query_row(
                "SELECT count(*) FROM layer_styles WHERE useAsDefault",
                [],
                |r| r.get(0),
            )
            .expect("styles");
        assert_eq!(styles, 2);
        let empty: Option<f64> = db
            .query_row(
                "SELECT min_x FROM gpkg_contents WHERE table_name = 'links'",
                [],
                |r| r.get(0),
            )
            .expect("extent");
        assert_eq!(empty, None);
    }

    #[test]
    fn a_line_carries_its_envelope() {
        let blob = geometry_blob(&Geometry::Line(vec![[30.0, 50.0], [36.0, 49.0]])).expect("blob");
        assert_eq!(blob[3], 0b11);
        let minx = f64::from_le_bytes(blob[8..16].try_into().expect("8 bytes"));
        let maxy = f64::from_le_bytes(blob[32..40].try_into().expect("8 bytes"));
        assert_eq!((minx, maxy), (30.0, 50.0));
    }
}
