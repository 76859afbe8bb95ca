//! Extraction throughput, thread scaling and streaming memory.
//!
//! `cargo bench --bench throughput` measures, on news text (GeoWebNews from ../shared when present,
//! otherwise this repository's own fixture articles):
//!   * single-thread throughput of `extract` (mentions only) and of the whole `map` pipeline, MB/s,
//!     after start-up, in-process;
//!   * the same with 1 and 2 rayon threads (scaling);
//!   * peak RSS of the release binary streaming a generated corpus of PLACEMAP_BENCH_MB megabytes (default
//!     256; set 1024 for the 1 GB figure) through `extract`, as a directory of files and as one JSONL file.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use placemap::analyze::analyze;
use placemap::extract::Extractor;
use placemap::input::{Document, Meta};
use placemap::Gazetteer;
use rayon::prelude::*;

/// The binary's allocator, so that the in-process figures are the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn corpus() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let gwn = root.join("../shared/bench/gwn/texts");
    let dir = if gwn.is_dir() {
        gwn
    } else {
        root.join("tests/fixtures/articles")
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("corpus dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files.iter().filter_map(|p| std::fs::read(p).ok()).collect()
}

fn peak_rss_children_kb() -> i64 {
    // SAFETY: getrusage only writes into the struct we pass.
    unsafe {
        let mut ru: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_CHILDREN, &mut ru);
        ru.ru_maxrss
    }
}

/// Runs the release binary's `extract` over `input`: wall seconds, peak RSS of the children so far (KB),
/// exit status.
fn run_extract(bin: &Path, input: &Path) -> (f64, i64, std::process::ExitStatus) {
    let t = Instant::now();
    let status = Command::new(bin)
        .args(["extract", "-o", "/dev/null"])
        .arg(input)
        .status()
        .expect("run placemap");
    (t.elapsed().as_secs_f64(), peak_rss_children_kb(), status)
}

fn mb_per_s(bytes: usize, secs: f64) -> f64 {
    bytes as f64 / 1e6 / secs
}

/// `placemap analyze` (analysis and its record) and `placemap layers` (reading the records and
/// aggregating them), one thread each, in MB of article text per second.
fn analyze_and_layers(
    g: &Gazetteer,
    x: &Extractor,
    documents: &[Document],
    reps: usize,
    total: usize,
) {
    let t = Instant::now();
    let mut records = Vec::new();
    for _ in 0..reps {
        for d in documents {
            placemap::record::write(g, &analyze(x, d), false, &mut records);
        }
    }
    let s = t.elapsed().as_secs_f64();
    println!(
        "analyze (analysis + record), 1 thread: {:4.1} MB/s ({:.1} MB of records)",
        mb_per_s(total, s),
        records.len() as f64 / 1e6
    );
    let t = Instant::now();
    let mut agg = placemap::layers::Aggregator::new(g);
    for line in records.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        if let Ok(placemap::record::Line::Record { analysis, .. }) = placemap::record::read(g, line)
        {
            agg.add(&analysis);
        }
    }
    let layers = agg.finish(&placemap::layers::MapOptions::default());
    let s = t.elapsed().as_secs_f64();
    println!(
        "layers (read records + aggregate), 1 thread: {:5.1} MB/s of article text ({} places)",
        mb_per_s(total, s),
        layers.places.len()
    );
}

fn main() {
    let g = Gazetteer::bundled().expect("gazetteer");
    let x = Extractor::new(&g);
    let docs = corpus();
    let one: usize = docs.iter().map(Vec::len).sum();
    // Repeat the corpus to about 20 MB so timings are stable.
    let reps = (20_000_000 / one.max(1)).max(1);
    let total = one * reps;
    println!(
        "corpus: {} documents, {:.2} MB x {reps} = {:.1} MB",
        docs.len(),
        one as f64 / 1e6,
        total as f64 / 1e6
    );
    // Cold: a fresh extractor per pass, so the shared per-name candidate cache only knows the names of one
    // 0.5 MB pass (what a small corpus sees). Warm: one extractor for all passes (a long run over news,
    // which repeats names).
    let t = Instant::now();
    let mut n = 0usize;
    for _ in 0..reps {
        let fresh = Extractor::new(&g);
        for d in &docs {
            n += fresh.extract(d).len();
        }
    }
    let s = t.elapsed().as_secs_f64();
    println!(
        "extract, 1 thread, cold cache: {:7.1} MB/s ({n} mentions)",
        mb_per_s(total, s)
    );
    let t = Instant::now();
    let mut n = 0usize;
    for _ in 0..reps {
        for d in &docs {
            n += x.extract(d).len();
        }
    }
    let s = t.elapsed().as_secs_f64();
    println!(
        "extract, 1 thread, warm cache: {:7.1} MB/s ({n} mentions)",
        mb_per_s(total, s)
    );
    let documents: Vec<Document> = docs
        .iter()
        .enumerate()
        .map(|(i, b)| Document {
            doc: i.to_string(),
            bytes: b.clone(),
            meta: Meta::default(),
        })
        .collect();
    let t = Instant::now();
    let mut claims = 0usize;
    for _ in 0..reps {
        for d in &documents {
            claims += analyze(&x, d).claims.len();
        }
    }
    let s = t.elapsed().as_secs_f64();
    println!(
        "map pipeline, 1 thread: {:4.1} MB/s ({claims} claim statements)",
        mb_per_s(total, s)
    );
    analyze_and_layers(&g, &x, &documents, reps, total);
    let mut base = 0.0;
    for threads in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("pool");
        let t = Instant::now();
        let n: usize = pool.install(|| {
            (0..reps)
                .into_par_iter()
                .map(|_| {
                    let fresh = Extractor::new(&g);
                    docs.iter().map(|d| fresh.extract(d).len()).sum::<usize>()
                })
                .sum()
        });
        let rate = mb_per_s(total, t.elapsed().as_secs_f64());
        if threads == 1 {
            base = rate;
        }
        println!(
            "extract, {threads} thread(s) (rayon, cold): {rate:7.1} MB/s, x{:.2} ({n} mentions)",
            rate / base
        );
    }
    // Streaming memory: the release binary over a generated directory.
    let bin = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/placemap");
    if !bin.exists() {
        println!("(no target/release/placemap: skipping the streaming memory run)");
        return;
    }
    let mb: usize = std::env::var("PLACEMAP_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256);
    let dir = std::env::temp_dir().join(format!("placemap-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("bench dir");
    let mut written = 0usize;
    let mut i = 0usize;
    while written < mb * 1_000_000 {
        let d = &docs[i % docs.len()];
        std::fs::write(dir.join(format!("{i:07}.txt")), d).expect("write");
        written += d.len();
        i += 1;
    }
    let (s, rss, status) = run_extract(&bin, &dir);
    let _ = std::fs::remove_dir_all(&dir);
    println!(
        "streaming: {:.0} MB in {i} files through `placemap extract` (all cores): {:.1} s wall, {:.0} MB/s, peak RSS {} MB ({status})",
        written as f64 / 1e6,
        s,
        mb_per_s(written, s),
        rss / 1024
    );
    // The same amount as one JSON Lines file (read line by line, never whole).
    let jsonl = std::env::temp_dir().join(format!("placemap-bench-{}.jsonl", std::process::id()));
    {
        use std::io::Write;
        let mut f = std::io::BufWriter::new(std::fs::File::create(&jsonl).expect("jsonl"));
        let mut written = 0usize;
        let mut i = 0usize;
        while written < mb * 1_000_000 {
            let d = &docs[i % docs.len()];
            let rec = serde_json::json!({"id": i.to_string(), "text": String::from_utf8_lossy(d)});
            writeln!(f, "{rec}").expect("write");
            written += d.len();
            i += 1;
        }
    }
    let size = std::fs::metadata(&jsonl)
        .map(|m| m.len() as usize)
        .unwrap_or(0);
    let (s, rss, status) = run_extract(&bin, &jsonl);
    let _ = std::fs::remove_file(&jsonl);
    println!(
        "streaming: one {:.0} MB JSONL file through `placemap extract` (all cores): {:.1} s wall, {:.0} MB/s, peak RSS of both runs {} MB ({status})",
        size as f64 / 1e6,
        s,
        mb_per_s(size, s),
        rss / 1024
    );
}
