//! CLI tests of `extract`.

use assert_cmd::Command;
use serde_json::Value;

fn run(args: &[&str], stdin: Option<&[u8]>) -> (bool, Vec<Value>, String) {
    let mut c = Command::cargo_bin("placemap").unwrap();
    c.arg("extract").args(args);
    if let Some(s) = stdin {
        c.write_stdin(s.to_vec());
    }
    let out = c.output().unwrap();
    let recs = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (
        out.status.success(),
        recs,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn fixture_article_mentions_and_offsets() {
    let path = "tests/fixtures/articles/kharkiv-sep-2022.txt";
    let (ok, recs, _) = run(&[path], None);
    assert!(ok);
    let text = std::fs::read(path).unwrap();
    let ids: Vec<&str> = recs
        .iter()
        .map(|r| r["id"].as_str().unwrap_or(""))
        .collect();
    for want in [
        "geonames:712926",
        "geonames:703656",
        "geonames:707292",
        "geonames:706482",
        "geonames:709716",
    ] {
        assert!(ids.contains(&want), "{want} missing: {ids:?}");
    }
    for r in &recs {
        let (s, e) = (
            r["start"].as_u64().unwrap() as usize,
            r["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            std::str::from_utf8(&text[s..e]).unwrap(),
            r["text"].as_str().unwrap()
        );
        assert_eq!(r["doc"], path);
    }
}

#[test]
fn jsonl_input_uses_article_ids() {
    let (ok, recs, _) = run(&["tests/fixtures/articles/articles.jsonl"], None);
    assert!(ok);
    assert!(recs
        .iter()
        .any(|r| r["doc"] == "a1" && r["id"] == "geonames:703656"));
    assert!(recs
        .iter()
        .any(|r| r["doc"] == "a2" && r["text"] == "Moscow" && r["role"] == "metonym"));
}

#[test]
fn stdin_bom_crlf_and_empty_input() {
    let (ok, recs, _) = run(
        &["-"],
        Some("\u{feff}Shelling hit Kharkiv.\r\nThen Izyum.\r\n".as_bytes()),
    );
    assert!(ok);
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["start"], 16);
    let (ok, recs, _) = run(&["-"], Some(b""));
    assert!(ok && recs.is_empty());
}

#[test]
fn binary_only_input_fails_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("x.txt");
    std::fs::write(&p, b"\x00\x01\x02Kyiv").unwrap();
    let (ok, _, err) = run(&[p.to_str().unwrap()], None);
    assert!(!ok);
    assert!(err.contains("binary"), "{err}");
}

#[test]
fn missing_input_is_an_error() {
    let (ok, _, err) = run(&["/nonexistent/article.txt"], None);
    assert!(!ok);
    assert!(err.contains("/nonexistent/article.txt"), "{err}");
}

#[test]
fn non_settlements_carry_a_kind_unknown_places_none() {
    let text =
        b"Barges crossed the Dnipro River; Kherson Airbase was shelled near Verkhnomaianske.";
    let (ok, recs, _) = run(&["-"], Some(text));
    assert!(ok);
    let kinds: Vec<(&str, &Value)> = recs
        .iter()
        .map(|r| (r["text"].as_str().unwrap_or(""), &r["kind"]))
        .collect();
    assert_eq!(
        kinds,
        vec![
            ("Dnipro", &Value::from("river")),
            ("Kherson", &Value::from("facility")),
            ("Verkhnomaianske", &Value::Null),
        ]
    );
    assert!(recs.iter().all(|r| r["id"].is_null()));
}

#[test]
fn an_unresolved_shared_name_lists_its_candidates() {
    let (ok, recs, _) = run(&["-"], Some(b"Shelling hit Andriivka. Berlin was quiet."));
    assert!(ok);
    assert!(recs[0]["id"].is_null());
    let alts = recs[0]["alternatives"].as_array().expect("alternatives");
    assert_eq!(alts.len(), 10);
    assert!(recs[0]["candidates"].as_u64().unwrap_or(0) > 50);
    assert_eq!(recs[1]["id"], "geonames:2950159");
    assert_eq!(recs[1]["alternatives"], Value::Array(Vec::new()));
}
