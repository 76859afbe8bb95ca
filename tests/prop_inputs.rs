//! Property tests of the readers: JSON Lines articles and gazetteer files (placemap CSV, GeoNames TSV,
//! gzip with one or several members) never panic and keep their promises on any input (the checks of
//! `placemap::invariants`, shared with the fuzz targets in `fuzz/`). The fuzz seeds and any input a fuzzer
//! crashed on (`fuzz/regressions/`) run here too.

use std::io::Write;
use std::path::Path;

use placemap::invariants;
use proptest::prelude::*;

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(data).expect("gzip");
    e.finish().expect("gzip")
}

/// Lines from JSON Lines fragments: records with odd ids, dates and texts, byte order marks, NULs, noise.
fn jsonl() -> impl Strategy<Value = Vec<u8>> {
    let line = prop::sample::select(vec![
        r#"{"id":"a","text":"Troops entered Izium.","published":"2022-09-11"}"#,
        r#"{"id":123456789012345678901234567890,"text":"Kyiv"}"#,
        r#"{"id":-1.5e300,"text":""}"#,
        r#"{"id":null,"text":"Lviv","url":"u","title":"t","source":"s"}"#,
        r#"{"id":{"a":[1]},"text":"x","published":"-262143-01-01"}"#,
        r#"{"text":"a\u0000b"}"#,
        r#"{"text":1}"#,
        "\u{FEFF}{\"text\":\"BOM\"}",
        "not json",
        "{",
        "",
        "\r",
    ]);
    let noise = prop::collection::vec(any::<u8>(), 0..30);
    (prop::collection::vec(line, 0..12), noise).prop_map(|(lines, noise)| {
        let mut b = lines.join("\n").into_bytes();
        let at = b.len() / 3;
        b.splice(at..at, noise);
        b
    })
}

/// Gazetteer rows in placemap CSV or GeoNames TSV, as they are or gzipped as one or two members.
fn gazetteer_file() -> impl Strategy<Value = Vec<u8>> {
    let csv_row = prop::sample::select(vec![
        "mine:1,Testivka,place,PPL,UA,07,,49.1,37.2,120,Testivka|Тестівка,,,",
        "geonames:9990101,Aivka,place,PPL,UA,07,,48.0,36.0,0,,,,",
        "mine:1,Repeated,place,PPL,UA,07,,1,1,1,,,,",
        "x:2,Bivka,admin1,ADM1,UA,05,,91,0,0,,,,",
        "x:3,\"Quoted, name\",place,PPL,,,,0,0,,,,,",
        "bad,Id,place,PPL,UA,,,0,0,0,,,,",
        "x:4,,place,PPL,UA,,,0,0,0,,,,",
        "x:5,Civka,country,PCLI,UA,,,50,30,-3,,,,",
    ]);
    let tsv_row = prop::sample::select(vec![
        "9990002\tKlishchiivka\tKlishchiivka\tKleshcheevka,Кліщіївка\t48.52\t37.96\tP\tPPL\tUA\t\t05\t\t\t\t350\t\t160\tEurope/Kyiv\t2024-01-10",
        "9990003\tVovcha\tVovcha\t\t48.1\t36.6\tH\tSTM\tUA\t\t05\t\t\t\t0\t\t100\tEurope/Kyiv\t2024-01-10",
        "9990002\tAgain\tAgain\t\t1\t1\tP\tPPL\tUA\t\t05\t\t\t\t0\t\t0\tEurope/Kyiv\t2024-01-10",
        "# a comment",
        "9990005\tShort",
    ]);
    let header = "id,name,kind,feature_code,country_code,admin1_code,admin2_code,lat,lon,population,names,historic,demonyms,point";
    let csv = prop::collection::vec(csv_row, 0..8)
        .prop_map(move |rows| format!("{header}\n{}\n", rows.join("\n")).into_bytes());
    let tsv = prop::collection::vec(tsv_row, 0..8).prop_map(|rows| rows.join("\n").into_bytes());
    (
        prop_oneof![csv, tsv, prop::collection::vec(any::<u8>(), 0..200)],
        0..3u8,
    )
        .prop_map(|(text, how)| match how {
            0 => text,
            1 => gzip(&text),
            _ => {
                let (a, b) = text.split_at(text.len() / 2);
                [gzip(a), gzip(b)].concat()
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn jsonl_reader_keeps_its_promises(bytes in jsonl()) {
        invariants::check_jsonl(&bytes);
    }

    #[test]
    fn gazetteer_loaders_keep_their_promises(bytes in gazetteer_file()) {
        invariants::check_gazetteer(&bytes);
    }
}

/// Every file of `fuzz/corpus/TARGET` and `fuzz/regressions/TARGET` through `check`.
fn run_corpus(target: &str, check: &dyn Fn(&[u8])) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut n = 0;
    for dir in ["corpus", "regressions"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir).join(target)) else {
            continue;
        };
        for e in entries.flatten() {
            let bytes = std::fs::read(e.path()).expect("corpus file");
            check(&bytes);
            n += 1;
        }
    }
    assert!(n > 0, "no seeds for {target}");
}

#[test]
fn fuzz_seeds_and_regressions_pass() {
    let x = invariants::extractor();
    run_corpus("extract_bytes", &|b| invariants::check_extract(x, b));
    run_corpus("document_pipeline", &|b| invariants::check_document(x, b));
    run_corpus("jsonl_reader", &invariants::check_jsonl);
    run_corpus("gazetteer_csv", &invariants::check_gazetteer);
    run_corpus("gazetteer_tsv", &invariants::check_gazetteer_tsv);
    run_corpus("gazetteer_gzip", &invariants::check_gazetteer_gzip);
}
