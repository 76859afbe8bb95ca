//! CLI tests of article dates for plain text: YAML front matter, the file name, `--published`, and which
//! wins.

use assert_cmd::Command;
use serde_json::Value;

fn placemap() -> Command {
    Command::cargo_bin("placemap").expect("binary")
}

/// (doc file name, event_date, published_date) of every claim of a map of `args`.
fn claim_dates(args: &[&str]) -> Vec<(String, String, String)> {
    let o = placemap()
        .arg("map")
        .args(args)
        .args(["-o", "-"])
        .output()
        .expect("run");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let fc: Value = serde_json::from_slice(&o.stdout).expect("geojson");
    let mut out: Vec<(String, String, String)> = fc["features"]
        .as_array()
        .expect("features")
        .iter()
        .map(|f| &f["properties"])
        .filter(|p| p["kind"] == "claim")
        .map(|p| {
            let s = |k: &str| p[k].as_str().unwrap_or("null").to_string();
            let doc = s("doc");
            (
                doc.rsplit('/').next().unwrap_or("").to_string(),
                s("event_date"),
                s("published_date"),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn front_matter_then_the_file_name_then_published() {
    let got = claim_dates(&["tests/fixtures/dated", "--published", "2022-09-11"]);
    let want = [
        // The file name's day; "on Saturday" is the day before.
        ("2022-10-02-lyman.txt", "2022-10-01", "2022-10-02"),
        // Front matter `published: 2022-11-12`; "on Friday" is the 11th.
        ("kherson-report.md", "2022-11-11", "2022-11-12"),
        // Nothing in the article: --published.
        ("undated-izium.txt", "2022-09-11", "2022-09-11"),
    ];
    let want: Vec<(String, String, String)> = want
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect();
    assert_eq!(got, want);
    let undated = claim_dates(&["tests/fixtures/dated/undated-izium.txt"]);
    assert_eq!(undated[0].1, "null", "no date anywhere: no date");
}

#[test]
fn front_matter_is_metadata_not_text_and_a_record_keeps_its_own_date() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("2020-01-01-note.txt");
    std::fs::write(
        &p,
        "---\npublished: 2022-11-12T08:00:00Z\nsource: Example Wire\ntitle: Odesa and Lviv\n---\nRussian forces withdrew from Kherson on Friday.\n",
    )
    .expect("write");
    let o = placemap().arg("extract").arg(&p).output().expect("run");
    let mentions = String::from_utf8_lossy(&o.stdout);
    assert!(
        !mentions.contains("Odesa"),
        "the title is metadata: {mentions}"
    );
    let got = claim_dates(&[p.to_str().expect("utf-8"), "--published", "2021-01-01"]);
    assert_eq!(
        got[0].2, "2022-11-12",
        "front matter beats the file name and --published"
    );
    let jsonl = dir.path().join("a.jsonl");
    std::fs::write(
        &jsonl,
        "{\"id\":\"x\",\"published\":\"2022-11-12\",\"text\":\"Russian forces withdrew from Kherson.\"}\n{\"id\":\"y\",\"text\":\"Russian forces withdrew from Kherson.\"}\n",
    )
    .expect("write");
    let got = claim_dates(&[jsonl.to_str().expect("utf-8"), "--published", "2021-01-01"]);
    assert_eq!(
        got.iter().map(|g| g.2.as_str()).collect::<Vec<_>>(),
        ["2022-11-12", "2021-01-01"]
    );
}

#[test]
fn a_bad_published_is_one_clear_error() {
    let o = placemap()
        .args([
            "map",
            "tests/fixtures/dated",
            "-o",
            "-",
            "--published",
            "last week",
        ])
        .output()
        .expect("run");
    assert!(!o.status.success());
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(e.contains("--published") && e.lines().count() == 1, "{e}");
}
