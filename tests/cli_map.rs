//! CLI tests of `map`: claims, quantities, links, writers, determinism and errors.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

const FRONTLINE: &str = "tests/fixtures/articles/frontline.jsonl";

fn placemap() -> Command {
    Command::cargo_bin("placemap").expect("binary")
}

fn map_to(dir: &Path, file: &str, extra: &[&str]) -> (std::process::Output, std::path::PathBuf) {
    let out = dir.join(file);
    let o = placemap()
        .arg("map")
        .arg(FRONTLINE)
        .arg("-o")
        .arg(&out)
        .args(extra)
        .output()
        .expect("run");
    (o, out)
}

fn read_json(p: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(p).expect("read")).expect("json")
}

fn claims(fc: &Value) -> Vec<(String, String, String, String)> {
    let mut v: Vec<(String, String, String, String)> = fc["features"]
        .as_array()
        .expect("features")
        .iter()
        .map(|f| &f["properties"])
        .filter(|p| p["kind"] == "claim")
        .map(|p| {
            (
                p["doc"].as_str().unwrap_or("").to_string(),
                p["place_id"].as_str().unwrap_or("").to_string(),
                p["gaining_side"].as_str().unwrap_or("").to_string(),
                p["verification"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn claims_of_the_fixture_articles() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (o, path) = map_to(dir.path(), "map.geojson", &[]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let fc = read_json(&path);
    // Avdiivka: Ukraine's own commander says it (the losing side acknowledges); Bakhmut: Kyiv denies "the
    // city had fallen"; Kherson: the article says Ukrainian soldiers entered it, in its own voice (the
    // order to pull back is no event).
    let want: Vec<(String, String, String, String)> = [
        (
            "avdiivka-2024-02-17",
            "geonames:713122",
            "RU",
            "acknowledged",
        ),
        ("bakhmut-2023-05-20", "geonames:713174", "RU", "disputed"),
        (
            "kherson-2022-11-11",
            "geonames:706448",
            "UA",
            "corroborated",
        ),
        ("lyman-2022-10-01", "geonames:704204", "UA", "claimed"),
        // Robotyne (a village of 480, in the full Ukrainian dump) and Krynky.
        ("robotyne-2023-08-28", "geonames:695586", "UA", "unverified"),
        ("robotyne-2023-08-28", "geonames:703861", "UA", "unverified"),
    ]
    .iter()
    .map(|(a, b, c, d)| (a.to_string(), b.to_string(), c.to_string(), d.to_string()))
    .collect();
    assert_eq!(claims(&fc), want);
    // RFC 7946 shape: a named collection, [lon, lat], no crs; same keys on every feature.
    assert_eq!(fc["type"], "FeatureCollection");
    assert_eq!(fc["name"], "map");
    assert!(fc.get("crs").is_none());
    let feats = fc["features"].as_array().expect("features");
    let keys: Vec<&String> = feats[0]["properties"]
        .as_object()
        .expect("props")
        .keys()
        .collect();
    for f in feats {
        let k: Vec<&String> = f["properties"].as_object().expect("props").keys().collect();
        assert_eq!(k, keys);
        assert_eq!(f["geometry"]["type"], "Point");
    }
    let bakhmut = feats
        .iter()
        .find(|f| {
            f["properties"]["kind"] == "claim" && f["properties"]["place_id"] == "geonames:713174"
        })
        .expect("Bakhmut claim");
    let c = bakhmut["geometry"]["coordinates"]
        .as_array()
        .expect("coords");
    assert!(
        (c[0].as_f64().unwrap_or(0.0) - 38.0).abs() < 0.1,
        "lon first"
    );
    let p = &bakhmut["properties"];
    assert_eq!(p["event_date"], "2023-05-20");
    assert_eq!(p["published_at"], "2023-05-20T21:15:00Z");
    assert_eq!(p["source_url"], "https://example.org/bakhmut");
    assert_eq!(p["marker-color"], "#d62728");
    assert_eq!(p["claimant_side"], "RU");
    // The place layer: Bakhmut's latest claimed controller.
    let place = feats
        .iter()
        .find(|f| {
            f["properties"]["kind"] == "place" && f["properties"]["place_id"] == "geonames:713174"
        })
        .expect("Bakhmut place");
    assert_eq!(place["properties"]["controller"], "RU");
    // Names as written: most written first, ties by name (the same whatever order articles come in).
    assert_eq!(
        place["properties"]["names_as_written"],
        "Artemovsk; Bakhmut"
    );
    // A QGIS style and the quantities sidecar sit next to the map.
    assert!(dir.path().join("map.qml").exists());
    let q = std::fs::read_to_string(dir.path().join("map.quantities.jsonl")).expect("quantities");
    let q: Vec<Value> = q
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    assert!(q.iter().any(|r| r["kind"] == "distance"
        && r["value"] == 150.0
        && r["op"] == "approx"
        && r["place_id"] == "geonames:704204"));
    assert!(q
        .iter()
        .any(|r| r["kind"] == "advance" && r["value"] == 5.0 && r["op"] == "gte"));
}

#[test]
fn output_is_byte_identical_on_rerun() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (_, a) = map_to(dir.path(), "a.geojson", &["--name", "same"]);
    let (_, b) = map_to(dir.path(), "b.geojson", &["--name", "same", "-j", "1"]);
    assert_eq!(std::fs::read(a).expect("a"), std::fs::read(b).expect("b"));
}

#[test]
fn split_links_and_from() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (o, _) = map_to(dir.path(), "war.geojson", &["--split", "--from", "Kharkiv"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for layer in ["places", "claims", "links"] {
        let fc = read_json(&dir.path().join(format!("war.{layer}.geojson")));
        assert_eq!(fc["name"], format!("war.{layer}"));
        for f in fc["features"].as_array().expect("features") {
            assert!(f["properties"]["from_km"].is_number());
            let t = f["geometry"]["type"].as_str().unwrap_or("");
            assert_eq!(
                t,
                if layer == "links" {
                    "LineString"
                } else {
                    "Point"
                }
            );
        }
        assert!(dir.path().join(format!("war.{layer}.qml")).exists());
    }
    let links = read_json(&dir.path().join("war.links.geojson"));
    let rel = links["features"]
        .as_array()
        .expect("links")
        .iter()
        .find(|f| f["properties"]["relation"] == "relative_location")
        .expect("relative location link");
    let p = &rel["properties"];
    assert_eq!(p["stated_km"], 150.0);
    assert_eq!(p["stated_direction"], "south-east");
    let geo = p["geodesic_km"].as_f64().unwrap_or(0.0);
    assert!((150.0..170.0).contains(&geo), "{geo}");
    assert_eq!(p["compass"], "SE");
}

#[test]
fn sequences_csv_and_stdout() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (o, p) = map_to(dir.path(), "m.geojsons", &[]);
    assert!(o.status.success());
    let s = std::fs::read_to_string(p).expect("seq");
    assert!(s
        .lines()
        .all(|l| l.starts_with('\u{1e}') && l.contains("\"Feature\"")));
    let (o, p) = map_to(dir.path(), "m.geojsonl", &[]);
    assert!(o.status.success());
    let s = std::fs::read_to_string(p).expect("seq");
    assert!(s.lines().all(|l| serde_json::from_str::<Value>(l).is_ok()));
    let (o, p) = map_to(dir.path(), "m.csv", &[]);
    assert!(o.status.success());
    let s = std::fs::read_to_string(p).expect("csv");
    assert!(s.starts_with("id,lon,lat,kind,"));
    let o = placemap()
        .args(["map", FRONTLINE, "-o", "-"])
        .output()
        .expect("run");
    assert!(o.status.success());
    let fc: Value = serde_json::from_slice(&o.stdout).expect("stdout geojson");
    assert_eq!(fc["name"], "placemap");
}

#[test]
fn clear_errors() {
    let o = placemap()
        .args(["map", FRONTLINE, "-o", "out.txt"])
        .output()
        .expect("run");
    assert!(!o.status.success());
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(e.contains("unknown output extension"), "{e}");
    assert_eq!(e.lines().count(), 1);
    let o = placemap()
        .args(["map", FRONTLINE, "--split"])
        .output()
        .expect("run");
    assert!(!o.status.success());
    let o = placemap()
        .args([
            "map",
            FRONTLINE,
            "-o",
            "-",
            "--from",
            "Nowhere-on-earth-xyz",
        ])
        .output()
        .expect("run");
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("--from"));
    let o = placemap()
        .args(["map", "no/such/dir/file.txt", "-o", "-"])
        .output()
        .expect("run");
    assert!(!o.status.success());
}

#[test]
fn bad_input_is_reported_not_fatal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("bad.jsonl");
    std::fs::write(
        &bad,
        "{\"id\":\"x\",\"published\":\"last week\",\"text\":\"Russian troops withdrew from Kherson.\"}\nnot json\n",
    )
    .expect("write");
    let o = placemap()
        .arg("map")
        .arg(&bad)
        .args(["-o", "-"])
        .output()
        .expect("run");
    assert!(o.status.success());
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(e.contains("not an article record"), "{e}");
    assert!(e.contains("not an ISO-8601 date"), "{e}");
    let fc: Value = serde_json::from_slice(&o.stdout).expect("geojson");
    assert_eq!(claims(&fc).len(), 1);
}

#[test]
fn places_are_named_as_the_press_writes_them_with_the_geonames_name_beside() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (o, path) = map_to(dir.path(), "map.geojson", &[]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let fc = read_json(&path);
    let place = |id: &str| {
        fc["features"]
            .as_array()
            .expect("features")
            .iter()
            .map(|f| &f["properties"])
            .find(|p| p["kind"] == "place" && p["place_id"] == id)
            .cloned()
            .unwrap_or_else(|| panic!("no place feature {id}"))
    };
    let avdiivka = place("geonames:713122");
    assert_eq!(avdiivka["name"], "Avdiivka");
    assert_eq!(avdiivka["geonames_name"], "Avdiyivka");
    let bakhmut = place("geonames:713174");
    assert_eq!(bakhmut["name"], "Bakhmut");
    assert_eq!(bakhmut["geonames_name"], "Bakhmut");
}

/// `placemap map` with no input on a terminal says that it reads the terminal, instead of waiting silently.
#[test]
fn no_input_on_a_terminal_gets_a_hint() {
    use std::io::Read;
    use std::os::fd::{FromRawFd, OwnedFd};
    let (mut master, mut slave) = (0, 0);
    // SAFETY: openpty fills two descriptors we then own.
    let r = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    assert_eq!(r, 0, "openpty");
    // SAFETY: both descriptors are open and owned by nobody else.
    let (master, slave) = unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
    let dir = tempfile::tempdir().expect("tempdir");
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("placemap"))
        .args(["map", "-o"])
        .arg(dir.path().join("m.geojson"))
        .stdin(std::process::Stdio::from(slave))
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut tty = std::fs::File::from(master);
    std::io::Write::write_all(&mut tty, b"\x04").expect("Ctrl-D");
    let status = child.wait().expect("wait");
    let mut err = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut err)
        .expect("read");
    assert!(status.success(), "{err}");
    assert!(
        err.contains("reading an article from the terminal"),
        "{err}"
    );
}

#[test]
fn a_missing_output_directory_is_created_and_doc_keeps_the_path_as_given() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("new/sub/dir/map.geojson");
    let o = placemap()
        .args(["map", "./tests/fixtures/articles/", "-o"])
        .arg(&out)
        .output()
        .expect("run");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let fc = read_json(&out);
    let docs: Vec<&str> = fc["features"]
        .as_array()
        .expect("features")
        .iter()
        .filter_map(|f| f["properties"]["doc"].as_str())
        .filter(|d| d.ends_with(".txt"))
        .collect();
    assert!(!docs.is_empty());
    assert!(
        docs.iter()
            .all(|d| d.starts_with("./tests/fixtures/articles/")),
        "{docs:?}"
    );
    assert!(out.with_extension("qml").exists());
}
