//! Gazetteer benchmark: process start to first lookup answer, warm lookup latency, peak RSS.
//!
//! Run with `cargo bench --bench gazetteer`. It builds nothing itself: it uses the release binary that
//! `cargo bench` builds alongside, and the library for the warm loop.

use std::process::Command;
use std::time::{Duration, Instant};

use placemap::gazetteer::LookupOptions;
use placemap::Gazetteer;

const SPELLINGS: &[&str] = &[
    "Kiev",
    "Kharkov",
    "Zaporozhye",
    "Kupyansk",
    "Kup'yans'k",
    "Balakleya",
    "Balakliia",
    "Изюм",
    "Ізюм",
    "Artemovsk",
    "Pokrovsk",
    "Sloviansk",
    "Odessa",
    "Tokmak",
    "Donetsk",
    "Lyman",
    "Kharkiv region",
    "Dnepropetrovsk",
    "Mariinka",
    "Huliaipole",
    "New York",
    "Paris",
    "Springfield",
    "Washington",
    "Kramatorxk",
];

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn peak_rss_children_kb() -> i64 {
    // SAFETY: getrusage only writes into the struct we pass.
    unsafe {
        let mut ru: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_CHILDREN, &mut ru);
        ru.ru_maxrss
    }
}

fn main() {
    let bin = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/placemap");
    if bin.exists() {
        let mut times = Vec::new();
        for _ in 0..30 {
            let t = Instant::now();
            let out = Command::new(&bin)
                .args(["lookup", "Kupyansk", "--json", "--limit", "1"])
                .output()
                .expect("run");
            times.push(t.elapsed());
            assert!(out.status.success());
        }
        println!(
            "start-up to first lookup answer (process spawn, bundled world gazetteer): median {:.1} ms, max {:.1} ms",
            median(times.clone()).as_secs_f64() * 1e3,
            times.iter().max().unwrap().as_secs_f64() * 1e3
        );
        let _ = Command::new(&bin).args(["near", "49.2", "37.28"]).output();
        let _ = Command::new(&bin).args(["lookup", "Kramatorxk"]).output();
        println!(
            "peak RSS of lookup/near/fuzzy processes: {:.1} MB",
            peak_rss_children_kb() as f64 / 1024.0
        );
    } else {
        println!(
            "(no target/release/placemap: run `cargo build --release` for the start-up figure)"
        );
    }

    let t = Instant::now();
    let g = Gazetteer::bundled().expect("bundled gazetteer");
    println!(
        "open bundled index in-process: {:.3} ms ({} entries)",
        t.elapsed().as_secs_f64() * 1e3,
        g.len()
    );
    let opts = LookupOptions {
        limit: 5,
        country: None,
        fuzzy: true,
        near: None,
    };
    for q in SPELLINGS {
        std::hint::black_box(g.lookup(q, &opts));
    }
    let mut per = Vec::new();
    for q in SPELLINGS {
        let n = 200;
        let t = Instant::now();
        for _ in 0..n {
            std::hint::black_box(g.lookup(q, &opts));
        }
        per.push((t.elapsed() / n, *q));
    }
    per.sort();
    let all: Vec<Duration> = per.iter().map(|p| p.0).collect();
    println!(
        "warm lookup ({} spellings x 200): median {:.1} µs, slowest {:.1} µs ({})",
        SPELLINGS.len(),
        median(all).as_secs_f64() * 1e6,
        per.last().unwrap().0.as_secs_f64() * 1e6,
        per.last().unwrap().1
    );
}
