//! CLI tests of the gazetteer commands: `lookup`, `near`, `distance`, and user gazetteer files.

use assert_cmd::Command;
use serde_json::Value;

fn placemap() -> Command {
    Command::cargo_bin("placemap").expect("binary builds")
}

fn lookup_json(args: &[&str]) -> Vec<Value> {
    let out = placemap()
        .arg("lookup")
        .args(args)
        .arg("--json")
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "lookup {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice::<Value>(&out.stdout)
        .expect("JSON")
        .as_array()
        .expect("array")
        .clone()
}

fn top_id(name: &str) -> String {
    lookup_json(&[name])[0]["id"]
        .as_str()
        .expect("id")
        .to_string()
}

#[test]
fn variant_spellings_resolve_to_the_right_entry() {
    // (spelling, expected GeoNames id): press, Russian-derived, national-system, German, Cyrillic, historic.
    let cases = [
        ("Kiev", "geonames:703448"),
        ("Kyiv", "geonames:703448"),
        ("Kharkov", "geonames:706483"),
        ("Charkiw", "geonames:706483"),
        ("Zaporozhye", "geonames:687700"),
        ("Zaporizhzhia", "geonames:687700"),
        ("Zaporizhia", "geonames:687700"),
        ("Kupyansk", "geonames:703656"),
        ("Kupiansk", "geonames:703656"),
        ("Kup'yans'k", "geonames:703656"),
        ("Kup’yans’k", "geonames:703656"),
        ("Balakleya", "geonames:712926"),
        ("Balakliia", "geonames:712926"),
        ("Balakliya", "geonames:712926"),
        ("Izyum", "geonames:707292"),
        ("Izium", "geonames:707292"),
        ("Изюм", "geonames:707292"),
        ("Ізюм", "geonames:707292"),
        ("Artemovsk", "geonames:713174"),
        ("Artemivsk", "geonames:713174"),
        ("Bakhmut", "geonames:713174"),
        ("Pokrovsk", "geonames:704422"),
        ("Sloviansk", "geonames:693468"),
        ("Slavyansk", "geonames:693468"),
        ("Odessa", "geonames:698740"),
        ("Dnepropetrovsk", "geonames:709930"),
        ("Kirovohrad", "geonames:705812"),
        ("Krasnyi Lyman", "geonames:704204"),
        ("Mariinka", "geonames:701845"),
        ("Huliaipole", "geonames:707898"),
        ("Avdiivka", "geonames:713122"),
        ("Khmelnitsky", "geonames:706369"),
        ("Chornobyl", "geonames:710403"),
        ("Tokmak", "geonames:691469"),
        // A 2020 raion, spelled the Russian-based way.
        ("Konotop Rayon", "geonames:9808694"),
        ("Bakhmut raion", "geonames:713172"),
    ];
    let mut wrong = Vec::new();
    for (q, want) in cases {
        let got = top_id(q);
        if got != want {
            wrong.push(format!("{q}: got {got}, want {want}"));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn region_phrases_resolve_to_regions() {
    let r = lookup_json(&["Kharkiv region"]);
    assert_eq!(r[0]["id"], "geonames:706482");
    assert_eq!(r[0]["kind"], "admin1");
    let r = lookup_json(&["Kharkiv"]);
    assert_eq!(
        r[0]["kind"], "place",
        "a bare name is the city, not the oblast"
    );
}

#[test]
fn lookup_json_contract() {
    let r = lookup_json(&["Kupiansk", "--limit", "3"]);
    assert!(!r.is_empty() && r.len() <= 3);
    for key in [
        "id",
        "name",
        "kind",
        "country",
        "admin1",
        "population",
        "lat",
        "lon",
        "matched",
        "match",
    ] {
        assert!(r[0].get(key).is_some(), "missing {key}");
    }
    assert_eq!(r[0]["country"], "UA");
    assert_eq!(r[0]["admin1"], "Kharkiv Oblast");
    assert_eq!(r[0]["matched"], "Kupiansk");
}

#[test]
fn country_bias() {
    let r = lookup_json(&["Odessa", "--country", "US"]);
    assert_eq!(r[0]["country"], "US");
    placemap()
        .args(["lookup", "Odessa", "--country", "Ukraine"])
        .assert()
        .failure();
}

#[test]
fn variants_lists_sources() {
    let out = placemap()
        .args(["lookup", "Zaporizhzhia", "--variants"])
        .output()
        .unwrap();
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("KMU 2010"), "{s}");
    assert!(s.contains("Zaporizhzhia"), "{s}");
    assert!(s.contains("BGN/PCGN"), "{s}");
}

#[test]
fn unknown_name_fails_with_one_line() {
    let out = placemap()
        .args(["lookup", "Qxzqxzqxz", "--no-fuzzy"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("no place matches"), "{err}");
}

#[test]
fn fuzzy_fallback_is_flagged() {
    let r = lookup_json(&["Kramatorxk"]);
    assert_eq!(r[0]["id"], "geonames:704508");
    assert_eq!(r[0]["match"], "fuzzy");
}

#[test]
fn distance_kharkiv_kyiv() {
    let out = placemap()
        .args(["distance", "Kharkiv", "Kyiv", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let km = v["km"].as_f64().unwrap();
    assert!((km - 412.0).abs() < 3.0, "{km}");
    let b = v["bearing_deg"].as_f64().unwrap();
    assert!((b - 279.5).abs() < 2.0, "{b}");
    assert_eq!(v["from"]["id"], "geonames:706483");
    assert_eq!(v["to"]["id"], "geonames:703448");
}

#[test]
fn distance_accepts_positions() {
    let out = placemap()
        .args(["distance", "49.2,37.28", "Kharkiv", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["from"]["id"].is_null());
    let km = v["km"].as_f64().unwrap();
    assert!(km > 100.0 && km < 130.0, "{km}");
    placemap()
        .args(["distance", "95,37", "Kharkiv"])
        .assert()
        .failure();
}

#[test]
fn near_puts_izium_first() {
    let out = placemap()
        .args(["near", "49.2", "37.28", "--json", "--limit", "3"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["id"], "geonames:707292");
    assert!(v[0]["km"].as_f64().unwrap() < 2.0);
    placemap()
        .args(["near", "-33.87", "151.21", "--limit", "1"])
        .assert()
        .success();
    placemap().args(["near", "123", "0"]).assert().failure();
}

#[test]
fn user_geonames_dump_adds_villages() {
    let r = lookup_json(&["Rabotino", "--gazetteer", "tests/fixtures/ua-villages.txt"]);
    assert_eq!(r[0]["id"], "geonames:9990001");
    assert_eq!(
        r[0]["admin1"], "Zaporizhzhia Oblast",
        "admin1 name comes from the bundled layer"
    );
    // rivers in a dump are not places
    let out = placemap()
        .args([
            "lookup",
            "Vovcha",
            "--no-fuzzy",
            "--no-default-gazetteer",
            "--gazetteer",
            "tests/fixtures/ua-villages.txt",
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
}

#[test]
fn no_default_gazetteer_uses_only_user_files() {
    let r = lookup_json(&[
        "Kleshcheevka",
        "--no-default-gazetteer",
        "--gazetteer",
        "tests/fixtures/ua-villages.txt",
    ]);
    assert_eq!(r[0]["id"], "geonames:9990002");
    placemap()
        .args([
            "lookup",
            "Kyiv",
            "--no-fuzzy",
            "--no-default-gazetteer",
            "--gazetteer",
            "tests/fixtures/ua-villages.txt",
        ])
        .assert()
        .failure();
    let out = placemap()
        .args(["lookup", "Kyiv", "--no-default-gazetteer"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--gazetteer"));
}

#[test]
fn bad_gazetteer_rows_name_file_and_line() {
    let out = placemap()
        .args([
            "lookup",
            "Testivka",
            "--gazetteer",
            "tests/fixtures/bad-rows.csv",
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad-rows.csv") && err.contains("line 3"),
        "{err}"
    );
    let out = placemap()
        .args([
            "lookup",
            "Farivka",
            "--lenient",
            "--json",
            "--gazetteer",
            "tests/fixtures/bad-rows.csv",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("skipped 1 malformed row"), "{err}");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["id"], "geonames:9990103");
}

#[test]
fn invalid_utf8_and_missing_files_are_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("broken.csv");
    std::fs::write(&p, b"id,name,lat,lon\ngeonames:1,Kh\xff\xfe,49.0,36.0\n").unwrap();
    let out = placemap()
        .args(["lookup", "Kharkiv", "--gazetteer"])
        .arg(&p)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("UTF-8") && err.contains("line 2"), "{err}");
    let out = placemap()
        .args(["lookup", "Kharkiv", "--gazetteer", "/nonexistent/g.csv"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/g.csv"));
    let empty = dir.path().join("empty.csv");
    std::fs::write(&empty, b"").unwrap();
    let out = placemap()
        .args(["lookup", "Kharkiv", "--gazetteer"])
        .arg(&empty)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("empty.csv: the file is empty (0 bytes)"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn match_labels_name_the_system_the_spelling_comes_from() {
    // "Kharkov" is the Russian name romanized (or an English exonym), never the Ukrainian national system.
    let top = &lookup_json(&["Kharkov"])[0];
    assert_eq!(top["id"], "geonames:706483");
    let source = top["source"].as_str().expect("source");
    assert!(
        source.contains("Russian") || source == "alternate",
        "Kharkov labelled {source}"
    );
    let v = &lookup_json(&["Kharkov", "--variants"])[0]["variants"];
    for g in v.as_array().expect("groups") {
        let label = g["source"].as_str().unwrap_or("");
        let names: Vec<&str> = g["names"]
            .as_array()
            .expect("names")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        if label.starts_with("KMU") || label.contains("(Ukrainian)") {
            assert!(!names.contains(&"Kharkov"), "{label}: {names:?}");
        }
    }
}

#[test]
fn lookup_tells_namesakes_apart_by_raion_region_and_position() {
    // The table shows the raion (admin2) beside the oblast.
    let out = placemap()
        .args(["lookup", "Andriivka", "--limit", "3"])
        .output()
        .expect("runs");
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(
        table.lines().next().unwrap_or("").contains("admin2"),
        "{table}"
    );
    assert!(table.contains(" Raion"), "{table}");
    // "Name, Region" keeps the entries inside the region; "Name, Country"/state likewise.
    let inside = lookup_json(&["Andriivka, Donetsk", "--limit", "100"]);
    assert!(inside.len() >= 5, "{inside:?}");
    assert!(inside.iter().all(|c| c["admin1"] == "Donetsk Oblast"));
    assert_eq!(lookup_json(&["Odessa, Texas"])[0]["id"], "geonames:5527554");
    assert_eq!(
        lookup_json(&["Odessa, Ukraine"])[0]["id"],
        "geonames:698740"
    );
    // --near a place or a position puts the nearest namesake first.
    let near = lookup_json(&["Andriivka", "--near", "Bakhmut"]);
    assert_eq!(near[0]["id"], "geonames:9114136");
    assert_eq!(near[0]["admin2"], "Bakhmut Raion");
    let near = lookup_json(&["Andriivka", "--near", "47.46,37.65"]);
    assert_eq!(near[0]["id"], "geonames:713466");
    // A bad position or an unknown place is an error, not a panic.
    placemap()
        .args([
            "lookup",
            "Andriivka",
            "--near",
            "Nowhereville Xyzzy",
            "--no-fuzzy",
        ])
        .assert()
        .failure();
}

/// `lookup NAME --json` with the user's gazetteer `rows` (placemap CSV) and `extra` arguments: status,
/// stdout as JSON (null when it failed), stderr.
fn lookup_with_csv(rows: &str, name: &str, extra: &[&str]) -> (bool, Value, String) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("mine.csv");
    std::fs::write(&p, format!("id,name,lat,lon,kind,country_code\n{rows}")).unwrap();
    let out = placemap()
        .args(["lookup", name, "--json", "--no-fuzzy", "--gazetteer"])
        .arg(&p)
        .args(extra)
        .output()
        .unwrap();
    let v = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (
        out.status.success(),
        v,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_repeated_id_in_a_user_file_is_an_error_at_its_line() {
    let rows = "mine:1,Testivka,49.0,37.0,place,UA\nmine:2,Farivka,49.5,37.5,place,UA\nmine:1,Otherivka,48.0,36.0,place,UA\n";
    let (ok, _, err) = lookup_with_csv(rows, "Testivka", &[]);
    assert!(!ok);
    assert!(
        err.contains("mine.csv: line 4: id mine:1 is also the id of line 2"),
        "{err}"
    );
    // --lenient keeps the first and counts the repeat.
    let (ok, v, err) = lookup_with_csv(rows, "Otherivka", &["--lenient"]);
    assert!(!ok, "the repeat is gone: {v}");
    assert!(
        err.contains("skipped 1 malformed row(s) (first: line 4: id mine:1"),
        "{err}"
    );
    let (ok, v, _) = lookup_with_csv(rows, "Testivka", &["--lenient"]);
    assert!(ok);
    assert_eq!(v[0]["id"], "mine:1");
}

#[test]
fn a_user_row_reusing_a_bundled_id_is_left_out_and_said() {
    // geonames:706483 is the bundled Kharkiv.
    let rows =
        "geonames:706483,Kharkivtown,10.0,10.0,place,UA\nmine:7,Testivka,49.0,37.0,place,UA\n";
    let (ok, v, err) = lookup_with_csv(rows, "Kharkivtown", &[]);
    assert!(!ok, "left out everywhere: {v}");
    assert!(
        err.contains("1 row(s) left out, their ids being entries already (first: line 2: id geonames:706483 is an entry of the bundled gazetteer already)"),
        "{err}"
    );
    let (ok, v, _) = lookup_with_csv(rows, "Kharkiv", &[]);
    assert!(ok);
    assert_eq!(v[0]["lat"].as_f64().map(|l| l.round()), Some(50.0));
    // A file that adds nothing of its own is no error.
    let (ok, _, err) = lookup_with_csv(
        "geonames:706483,Kharkivtown,10.0,10.0,place,UA\n",
        "Kharkiv",
        &[],
    );
    assert!(ok && err.contains("1 row(s) left out"), "{err}");
    // Alone, the same file is the whole gazetteer and its row is used.
    let (ok, v, err) = lookup_with_csv(rows, "Kharkivtown", &["--no-default-gazetteer"]);
    assert!(ok, "{err}");
    assert_eq!(v[0]["id"], "geonames:706483");
}
