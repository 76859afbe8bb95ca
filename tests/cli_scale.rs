//! CLI tests of `analyze` and `layers`: `map` is exactly `analyze | layers`, shards and partial
//! aggregates (also gzipped, also in directories) give the same files, GeoParquet is written, and bad
//! records fail with one clear line.

use std::io::Write;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

const INPUTS: &[&str] = &[
    "tests/fixtures/articles",
    "tests/fixtures/reports/reports.jsonl",
    "tests/fixtures/dated",
];

fn placemap() -> Command {
    Command::cargo_bin("placemap").expect("binary")
}

/// Every file of a directory, by name.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| {
            let p = e.expect("entry").path();
            let name = p
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("")
                .to_string();
            (name, std::fs::read(&p).expect("read"))
        })
        .collect();
    v.sort();
    v
}

fn analyze(inputs: &[&str]) -> Vec<u8> {
    let o = placemap()
        .arg("analyze")
        .args(inputs)
        .output()
        .expect("run");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    o.stdout
}

/// Runs `placemap CMD INPUTS -o DIR/map.geojson OPTS` (map or layers).
fn run_into(cmd: &str, inputs: &[&Path], dir: &Path, opts: &[&str]) -> PathBuf {
    std::fs::create_dir_all(dir).expect("mkdir");
    placemap()
        .arg(cmd)
        .args(inputs)
        .arg("-o")
        .arg(dir.join("map.geojson"))
        .args(opts)
        .assert()
        .success();
    dir.to_path_buf()
}

fn map_into(dir: &Path, opts: &[&str]) -> PathBuf {
    let inputs: Vec<&Path> = INPUTS.iter().map(Path::new).collect();
    run_into("map", &inputs, dir, opts)
}

#[test]
fn map_is_analyze_piped_into_layers() {
    let t = tempfile::tempdir().expect("tmp");
    let opts = ["--links", "--from", "Kharkiv"];
    let one = map_into(&t.path().join("one"), &opts);
    let records = analyze(INPUTS);
    std::fs::create_dir_all(t.path().join("two")).expect("mkdir");
    placemap()
        .arg("layers")
        .arg("-o")
        .arg(t.path().join("two/map.geojson"))
        .args(opts)
        .write_stdin(records)
        .assert()
        .success();
    assert_eq!(files(&one), files(&t.path().join("two")));
    assert!(
        files(&one).len() >= 6,
        "layers, links, quantities and styles"
    );
}

#[test]
fn shards_partials_and_gzip_give_the_same_files() {
    let t = tempfile::tempdir().expect("tmp");
    let one = map_into(&t.path().join("one"), &["--links"]);
    let records = analyze(INPUTS);
    let mut lines: Vec<&[u8]> = records.split_inclusive(|&b| b == b'\n').collect();
    lines.reverse();
    let shards = t.path().join("shards");
    std::fs::create_dir_all(&shards).expect("mkdir");
    let third = lines.len() / 3;
    let (a, rest) = lines.split_at(third);
    let (b, c) = rest.split_at(third);
    let write = |name: &str, ls: &[&[u8]]| {
        let p = shards.join(name);
        std::fs::write(&p, ls.concat()).expect("write");
        p
    };
    let (pa, pb, pc) = (
        write("a.jsonl", a),
        write("b.jsonl", b),
        write("c.jsonl", c),
    );
    // a: a partial; b: a partial, gzipped, in a directory; c: records as they are.
    let partial = |src: &Path, out: &Path| {
        placemap()
            .arg("layers")
            .arg("--partial")
            .arg(src)
            .arg("-o")
            .arg(out)
            .assert()
            .success();
    };
    let parts = t.path().join("parts");
    std::fs::create_dir_all(&parts).expect("mkdir");
    partial(&pa, &parts.join("a.partial.jsonl"));
    let pb_partial = t.path().join("b.partial.jsonl");
    partial(&pb, &pb_partial);
    let gz = std::fs::File::create(parts.join("b.partial.jsonl.gz")).expect("gz");
    let mut enc = flate2::write::GzEncoder::new(gz, flate2::Compression::default());
    enc.write_all(&std::fs::read(&pb_partial).expect("read"))
        .expect("gzip");
    enc.finish().expect("gzip");
    run_into(
        "layers",
        &[&pc, &parts],
        &t.path().join("two"),
        &["--links"],
    );
    assert_eq!(files(&one), files(&t.path().join("two")));
}

#[test]
fn geoparquet_is_written_per_layer() {
    let t = tempfile::tempdir().expect("tmp");
    placemap()
        .arg("map")
        .args(INPUTS)
        .arg("-o")
        .arg(t.path().join("map.parquet"))
        .arg("--links")
        .assert()
        .success();
    for f in ["map.parquet", "map.links.parquet", "map.quantities.parquet"] {
        let bytes = std::fs::read(t.path().join(f)).expect(f);
        assert!(
            bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"),
            "{f}"
        );
        let tail = String::from_utf8_lossy(&bytes);
        assert!(tail.contains("\"primary_column\":\"geometry\""), "{f}");
    }
}

#[test]
fn a_bad_record_fails_with_its_line() {
    let mut good = analyze(&["tests/fixtures/dated/2022-10-02-lyman.txt"]);
    good.extend_from_slice(b"{\"doc\": 3}\n");
    let o = placemap()
        .args(["layers", "-o", "-"])
        .write_stdin(good)
        .output()
        .expect("run");
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("-:2: not an analysis record"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn records_from_another_gazetteer_are_refused() {
    let records = analyze(&["tests/fixtures/dated/2022-10-02-lyman.txt"]);
    let o = placemap()
        .args(["layers", "--no-default-gazetteer", "--gazetteer"])
        .arg("tests/fixtures/ua-villages.txt")
        .args(["-o", "-"])
        .write_stdin(records)
        .output()
        .expect("run");
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("gazetteer options they were made with"),
        "{err}"
    );
}

#[test]
fn records_with_endless_type_words_are_refused() {
    // Every record a claim of its own type: placemap writes a few dozen type words, so thousands of
    // distinct ones are not its records (and must not grow the process's word store without bound).
    let record = String::from_utf8(analyze(&["tests/fixtures/dated/2022-10-02-lyman.txt"]))
        .expect("UTF-8 records");
    let line = record
        .lines()
        .find(|l| l.contains("\"claim_type\":\""))
        .expect("a claim");
    let mut records = String::new();
    for i in 0..1500 {
        let t = format!("\"claim_type\":\"kind{i}\"");
        records.push_str(&line.replacen("\"claim_type\":\"", &format!("{t},\"x\":\""), 1));
        records.push('\n');
    }
    let o = placemap()
        .args(["layers", "-o", "-"])
        .write_stdin(records)
        .output()
        .expect("run");
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("distinct type words"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

/// Many batches (a batch is at most 64 articles) analysed one batch ahead on several threads give the
/// bytes one thread gives, in input order: extract, analyze and map.
#[test]
fn outputs_do_not_depend_on_the_thread_count_over_many_batches() {
    let dir = tempfile::tempdir().expect("tempdir");
    let towns = [
        "Izium",
        "Kupiansk",
        "Balakliia",
        "Lyman",
        "Kherson",
        "Bakhmut",
    ];
    let mut corpus = String::new();
    for k in 0..300 {
        let town = towns[k % towns.len()];
        let filler = "Shelling continued overnight. ".repeat(k % 7);
        let text = format!(
            "{filler}Ukrainian forces recaptured {town} on day {k}, officials said, 30 km from Kharkiv."
        );
        let rec = serde_json::json!({ "id": format!("a{k}"), "text": text });
        corpus.push_str(&rec.to_string());
        corpus.push('\n');
    }
    let input = dir.path().join("corpus.jsonl");
    std::fs::write(&input, corpus).expect("write");
    for (cmd, ext) in [
        ("extract", "jsonl"),
        ("analyze", "jsonl"),
        ("map", "geojson"),
    ] {
        let outs: Vec<Vec<(String, Vec<u8>)>> = ["1", "3"]
            .iter()
            .map(|jobs| {
                let sub = dir.path().join(format!("{cmd}-{jobs}"));
                std::fs::create_dir_all(&sub).expect("mkdir");
                placemap()
                    .arg(cmd)
                    .arg(&input)
                    .args(["-j", jobs, "-o"])
                    .arg(sub.join(format!("out.{ext}")))
                    .assert()
                    .success();
                files(&sub)
            })
            .collect();
        assert!(!outs[0].is_empty() && !outs[0][0].1.is_empty(), "{cmd}");
        assert_eq!(outs[0], outs[1], "{cmd}: -j 1 and -j 3 differ");
    }
}
