//! Cost of one long document (issue 14, items 4, 5 and 7), measured here rather than in timed tests.
//!
//! `cargo bench --bench long_document` prints:
//!   * in-process, for each shape of input that was once quadratic (a long list of places, one endless
//!     sentence, capitalised gibberish, news as one document), the time of n and of 4 n: linear is x4,
//!     quadratic x16;
//!   * with the release binary (`cargo build --release` first): news text of PLACEMAP_BENCH_MB megabytes
//!     (default 16; GeoWebNews from ../shared when present, otherwise the fixture articles) through
//!     `extract` as one document and as articles, seconds per MB and peak RSS of each run;
//!   * peak RSS of `map --links` on 'Kharkiv lies about 30 km from Izium, ' repeated to 148 KB, and of
//!     `lookup` of a 35 KB name (no fuzzy fallback past 200 characters).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use placemap::analyze::analyze;
use placemap::extract::Extractor;
use placemap::input::{Document, Meta};
use placemap::layers::{Aggregator, MapOptions};
use placemap::Gazetteer;

#[path = "../tests/common/shapes.rs"]
mod shapes;
use shapes::{endless_sentence, gibberish};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// News articles: GeoWebNews texts from ../shared when present, else this repository's fixture article.
fn articles() -> Vec<Vec<u8>> {
    let gwn = root().join("../shared/bench/gwn/texts");
    let Ok(dir) = std::fs::read_dir(&gwn) else {
        let own = root().join("tests/fixtures/articles/kharkiv-sep-2022.txt");
        return vec![std::fs::read(own).expect("fixture article")];
    };
    let mut files: Vec<PathBuf> = dir.filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.sort();
    files.iter().filter_map(|p| std::fs::read(p).ok()).collect()
}

/// The best of three timings of `f`, in seconds.
fn best_of_three(f: &dyn Fn()) -> f64 {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

/// The whole `map` pipeline on one document: analysis and aggregation into features.
fn map(g: &Gazetteer, x: &Extractor, text: &str) {
    let d = Document {
        doc: "d".into(),
        bytes: text.as_bytes().to_vec(),
        meta: Meta::default(),
    };
    let mut agg = Aggregator::new(g);
    agg.add(&analyze(x, &d));
    std::hint::black_box(agg.finish(&MapOptions::default()));
}

/// A made-up village name with an East Slavic ending, different for each `i` and in no gazetteer.
fn village(i: usize) -> String {
    const SYL: [&str; 8] = ["zor", "vel", "mak", "tur", "bog", "sel", "dar", "lun"];
    let mut name = String::from("Pry");
    let mut k = i;
    loop {
        name.push_str(SYL[k % 8]);
        k /= 8;
        if k == 0 {
            break;
        }
    }
    name + "ivka"
}

fn place_list(n: usize) -> String {
    let mut s = String::from("Fighting went on near Kharkiv");
    for i in 0..n {
        s.push_str(if i % 2 == 0 {
            ", Izium, "
        } else {
            ", Kupiansk, "
        });
        s.push_str(&village(i));
    }
    s + "."
}

/// Time of `run` on `make(n)` and `make(4 n)`, printed with their ratio.
fn scaling(what: &str, n: usize, make: &dyn Fn(usize) -> String, run: &dyn Fn(&str)) {
    let (small, large) = (make(n), make(4 * n));
    run(&small); // warm caches
    let t1 = best_of_three(&|| run(&small));
    let t4 = best_of_three(&|| run(&large));
    println!(
        "{what:<34} {:>9} B {t1:8.3} s, {:>9} B {t4:8.3} s: x{:.1} (linear x4, quadratic x16)",
        small.len(),
        large.len(),
        t4 / t1.max(1e-6)
    );
}

fn in_process(g: &Gazetteer) {
    let x = Extractor::new(g);
    let extract = |s: &str| {
        std::hint::black_box(Extractor::new(g).extract(s.as_bytes()));
    };
    let news = articles();
    let as_one = |n: usize| {
        let mut s = String::new();
        for i in 0..n {
            s.push_str(&String::from_utf8_lossy(&news[i % news.len()]));
            s.push_str("\n\n");
        }
        s
    };
    scaling("extract: a list of places", 4000, &place_list, &extract);
    scaling("extract: news as one document", 200, &as_one, &extract);
    scaling("map: one endless sentence", 300, &endless_sentence, &|s| {
        map(g, &x, s)
    });
    scaling("map: capitalised gibberish", 6000, &gibberish, &|s| {
        map(g, &x, s)
    });
}

/// Runs `cmd` to its end: wall seconds and its own peak RSS in MB.
fn measured(cmd: &mut Command) -> (f64, i64) {
    let t = Instant::now();
    // Reaped by wait4 below, which also reports the child's own peak RSS (Child::wait does not).
    #[allow(clippy::zombie_processes)]
    let child = cmd.spawn().expect("run placemap");
    let (mut status, pid) = (0, child.id() as libc::pid_t);
    // SAFETY: wait4 only writes into the status and the struct we pass, for a child of ours.
    let ru = unsafe {
        let mut ru: libc::rusage = std::mem::zeroed();
        libc::wait4(pid, &mut status, 0, &mut ru);
        ru
    };
    (t.elapsed().as_secs_f64(), ru.ru_maxrss / 1024)
}

/// `placemap extract` over `input`, printed per MB.
fn extract_run(bin: &Path, what: &str, input: &Path, bytes: usize) {
    let (s, rss) = measured(
        Command::new(bin)
            .args(["extract", "-o", "/dev/null"])
            .arg(input),
    );
    let mb = bytes as f64 / 1e6;
    println!(
        "{what:<34} {mb:5.1} MB: {s:6.2} s, {:.3} s/MB, peak RSS {rss} MB",
        s / mb
    );
}

fn one_document_against_articles(bin: &Path, dir: &Path) {
    let mb: usize = std::env::var("PLACEMAP_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(16);
    let news = articles();
    let (files, one) = (dir.join("articles"), dir.join("one.txt"));
    std::fs::create_dir_all(&files).expect("bench dir");
    let (mut all, mut i) = (Vec::new(), 0);
    while all.len() < mb * 1_000_000 {
        let d = &news[i % news.len()];
        std::fs::write(files.join(format!("{i:07}.txt")), d).expect("write");
        all.extend_from_slice(d);
        all.extend_from_slice(b"\n\n");
        i += 1;
    }
    std::fs::write(&one, &all).expect("write");
    let bytes = all.len();
    drop(all); // a child's peak RSS counts from its parent's at the fork
    extract_run(bin, &format!("extract: {i} articles"), &files, bytes);
    extract_run(bin, "extract: the same as one document", &one, bytes);
}

fn long_sentence(bin: &Path, dir: &Path) {
    let input = dir.join("sentence.txt");
    let text = "Kharkiv lies about 30 km from Izium, ".repeat(4000);
    std::fs::write(&input, &text).expect("write");
    let out = dir.join("sentence.geojson");
    let (s, rss) = measured(
        Command::new(bin)
            .args(["map", "--links", "-o"])
            .arg(&out)
            .arg(&input)
            .stderr(Stdio::null()),
    );
    let size = std::fs::metadata(&out).map_or(0, |m| m.len());
    println!(
        "map --links: one {} KB sentence        {s:6.2} s, peak RSS {rss} MB, GeoJSON {:.1} MB",
        text.len() / 1000,
        size as f64 / 1e6
    );
}

fn huge_name(bin: &Path) {
    let name = "Kharkivx".repeat(4400);
    let (s, rss) = measured(
        Command::new(bin)
            .arg("lookup")
            .arg(&name)
            .stderr(Stdio::null()),
    );
    println!(
        "lookup: a {} KB name                {s:6.2} s, peak RSS {rss} MB",
        name.len() / 1000
    );
}

/// The runs of the release binary, first: a child's peak RSS counts from its parent's at the fork, so
/// they go before this process loads a gazetteer.
fn binary_runs() {
    let bin = root().join("target/release/placemap");
    if !bin.exists() {
        println!("(no target/release/placemap: skipping the runs of the binary)");
        return;
    }
    let dir = std::env::temp_dir().join(format!("placemap-long-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("bench dir");
    one_document_against_articles(&bin, &dir);
    long_sentence(&bin, &dir);
    huge_name(&bin);
    let _ = std::fs::remove_dir_all(&dir);
}

fn main() {
    binary_runs();
    in_process(&Gazetteer::bundled().expect("gazetteer"));
}
