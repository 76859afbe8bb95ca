//! CLI tests of the map outputs a GIS reads: a schema that does not change with the content, GeoPackage,
//! CSV with .csvt and .prj, the quantities layer, claim titles.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

const ARTICLES: &str = "tests/fixtures/articles";

fn placemap() -> Command {
    Command::cargo_bin("placemap").expect("binary")
}

/// Runs `map INPUT -o DIR/FILE ARGS` and returns the output path.
fn map(input: &Path, dir: &Path, file: &str, extra: &[&str]) -> std::path::PathBuf {
    let out = dir.join(file);
    let o = placemap()
        .arg("map")
        .arg(input)
        .arg("-o")
        .arg(&out)
        .args(extra)
        .output()
        .expect("run");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    out
}

/// A plain-text article that names places but claims nothing.
fn no_claims(dir: &Path) -> std::path::PathBuf {
    let p = dir.join("quiet.txt");
    std::fs::write(
        &p,
        "Officials in Kharkiv and Odesa met in Lviv to talk about trade.\n",
    )
    .expect("write");
    p
}

fn keys_of_first_feature(path: &Path) -> Vec<String> {
    let fc: Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("read")).expect("json");
    fc["features"][0]["properties"]
        .as_object()
        .expect("properties")
        .keys()
        .cloned()
        .collect()
}

#[test]
fn the_fields_are_the_same_with_claims_without_claims_and_with_only_claims() {
    let dir = tempfile::tempdir().expect("tempdir");
    let with = map(Path::new(ARTICLES), dir.path(), "with.geojson", &[]);
    let without = map(&no_claims(dir.path()), dir.path(), "without.geojson", &[]);
    assert_eq!(
        keys_of_first_feature(&with),
        keys_of_first_feature(&without)
    );
    assert_eq!(keys_of_first_feature(&with).len(), 70);
    map(Path::new(ARTICLES), dir.path(), "c.geojson", &["--split"]);
    let only = keys_of_first_feature(&dir.path().join("c.claims.geojson"));
    assert_eq!(only.first().map(String::as_str), Some("kind"));
    assert_eq!(only.len(), 55);
}

#[test]
fn a_csv_gets_its_column_types_and_projection_also_when_empty() {
    let dir = tempfile::tempdir().expect("tempdir");
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").expect("write");
    let csv = map(&empty, dir.path(), "e.csv", &["--links"]);
    let header = std::fs::read_to_string(&csv).expect("csv");
    let csvt = std::fs::read_to_string(dir.path().join("e.csvt")).expect("csvt");
    assert_eq!(
        header.trim_end().split(',').count(),
        73,
        "id, lon, lat and 70 fields"
    );
    assert_eq!(csvt.trim_end().split(',').count(), 73);
    assert!(std::fs::read_to_string(dir.path().join("e.prj"))
        .expect("prj")
        .starts_with("GEOGCS[\"GCS_WGS_1984\""));
    let links = std::fs::read_to_string(dir.path().join("e.links.csvt")).expect("links csvt");
    assert!(
        links.starts_with("\"String\",\"WKT\","),
        "an empty link layer is still a line layer"
    );
    assert!(dir.path().join("e.quantities.csv").exists());
}

#[test]
fn a_geopackage_holds_every_layer_with_its_style_and_reruns_are_identical() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = map(Path::new(ARTICLES), dir.path(), "a.gpkg", &[]);
    let b = map(Path::new(ARTICLES), dir.path(), "b.gpkg", &["-j", "1"]);
    assert_eq!(std::fs::read(&a).expect("a"), std::fs::read(&b).expect("b"));
    let db = rusqlite::Connection::open(&a).expect("sqlite");
    let tables: Vec<String> = db
        .prepare("SELECT table_name FROM gpkg_contents ORDER BY table_name")
        .expect("prepare")
        .query_map([], |r| r.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows");
    assert_eq!(
        tables,
        ["claims", "layer_styles", "links", "places", "quantities"]
    );
    let styled: i64 = db
        .query_row(
            "SELECT count(*) FROM layer_styles WHERE useAsDefault AND styleQML LIKE '<!DOCTYPE qgis%'",
            [],
            |r| r.get(0),
        )
        .expect("styles");
    assert_eq!(styled, 4);
    let (n, title): (i64, String) = db
        .query_row(
            "SELECT count(*), max(title) FROM claims WHERE place_name_en = 'Izium'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("Izium");
    assert!(n >= 1);
    assert_eq!(title, "UA gains Izium (Russian withdrawal)");
    let cameo: String = db
        .query_row(
            "SELECT cameo_code FROM claims WHERE claim_type = 'withdrawal'",
            [],
            |r| r.get(0),
        )
        .expect("cameo");
    assert_eq!(cameo, "0874", "codes stay text");
}

#[test]
fn quantities_are_a_point_layer_of_their_own() {
    let dir = tempfile::tempdir().expect("tempdir");
    map(Path::new(ARTICLES), dir.path(), "m.geojson", &[]);
    let q: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("m.quantities.geojson"))
            .expect("quantities layer"),
    )
    .expect("json");
    assert_eq!(q["name"], "m.quantities");
    let feats = q["features"].as_array().expect("features");
    assert!(!feats.is_empty());
    assert!(feats
        .iter()
        .all(|f| f["geometry"]["type"] == "Point" && f["properties"]["place_id"].is_string()));
    assert!(dir.path().join("m.quantities.qml").exists());
    let main: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("m.geojson")).expect("map"))
            .expect("json");
    assert!(
        main.get("quantities").is_none(),
        "no foreign member any more"
    );
}

#[test]
fn the_schema_command_lists_every_layer_with_types() {
    let o = placemap().args(["schema", "--json"]).output().expect("run");
    assert!(o.status.success());
    let v: Value = serde_json::from_slice(&o.stdout).expect("json");
    for layer in ["points", "places", "claims", "links", "quantities"] {
        assert!(
            v[layer].as_array().is_some_and(|a| !a.is_empty()),
            "{layer}"
        );
    }
    let event_date = v["claims"]
        .as_array()
        .and_then(|a| a.iter().find(|f| f["name"] == "event_date"))
        .expect("event_date");
    assert_eq!(event_date["type"], "Date");
    let o = placemap().args(["schema", "--from"]).output().expect("run");
    assert!(String::from_utf8_lossy(&o.stdout).contains("from_km"));
}

#[test]
fn a_web_map_is_one_self_contained_page() {
    let dir = tempfile::tempdir().expect("tempdir");
    let page = map(Path::new(ARTICLES), dir.path(), "war.html", &[]);
    let html = std::fs::read_to_string(&page).expect("page");
    assert!(html.contains("Leaflet 1.9.4") && html.contains("id=\"placemap-data\""));
    assert!(
        !html.contains("<script src") && !html.contains("<link "),
        "nothing to fetch"
    );
    assert!(!html.contains("{z}"), "no tiles unless asked");
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["war.html"], "no sidecars");
    map(
        Path::new(ARTICLES),
        dir.path(),
        "m.geojson",
        &[
            "--html",
            "--tiles",
            "https://tiles.example.org/{z}/{x}/{y}.png",
            "--tiles-attribution",
            "Example",
        ],
    );
    let beside = std::fs::read_to_string(dir.path().join("m.html")).expect("--html page");
    assert!(
        beside.contains("https://tiles.example.org/{z}/{x}/{y}.png")
            && beside.contains("\"Example\"")
    );
}
