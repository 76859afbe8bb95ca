//! CLI tests of the bounds on cost (issue 14): memory that stays proportional to the input, options and
//! documents past what the program takes are refused with one clear line, never a hang.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("placemap")
}

/// What a finished run gave: exit status, stderr, peak resident memory in MB.
struct Run {
    success: bool,
    stderr: String,
    peak_mb: f64,
}

/// Runs placemap with `args`, killing it after `limit`; measures the peak RSS of that very process.
// The child is reaped by wait4 (which gives its own rusage), not by `Child::wait`.
fn run(args: &[&str], limit: Duration) -> Run {
    run_with(args, &[], limit)
}

/// [`run`] with environment variables set.
#[allow(clippy::zombie_processes)]
fn run_with(args: &[&str], env: &[(&str, &str)], limit: Duration) -> Run {
    let mut child = Command::new(bin())
        .args(args)
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn placemap");
    let pid = child.id() as libc::pid_t;
    let mut err = child.stderr.take().expect("stderr");
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = err.read_to_string(&mut s);
        s
    });
    let killer = std::thread::spawn(move || {
        std::thread::sleep(limit);
        // SAFETY: signalling a pid; if it has been reaped already the signal goes nowhere useful, and
        // the test has finished by then.
        unsafe { libc::kill(pid, libc::SIGKILL) };
    });
    let mut status = 0;
    // SAFETY: zeroed rusage is a valid value for wait4 to fill in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child and writes into the two locals.
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(r, pid, "wait4");
    drop(killer); // detached: it only sleeps now
    let stderr = reader.join().expect("stderr reader");
    let shown: Vec<String> = args.iter().map(|a| a.chars().take(40).collect()).collect();
    assert!(
        !libc::WIFSIGNALED(status),
        "placemap {shown:?} was killed after {limit:?} (a hang): {stderr}"
    );
    Run {
        success: libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        stderr,
        peak_mb: usage.ru_maxrss as f64 / 1024.0,
    }
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write input");
    p.to_string_lossy().into_owned()
}

#[test]
fn one_long_sentence_stays_small_and_its_quotes_are_cut() {
    let dir = tempfile::tempdir().expect("tempdir");
    // 148 KB, one sentence with 4,000 distances and 8,000 mentions.
    let input = write(
        dir.path(),
        "long.txt",
        &"Kharkiv lies about 30 km from Izium, ".repeat(4000),
    );
    let out = dir.path().join("long.geojson");
    let r = run(
        &["map", &input, "-o", out.to_str().expect("path"), "--links"],
        Duration::from_secs(300),
    );
    assert!(r.success, "{}", r.stderr);
    assert!(r.peak_mb < 150.0, "peak RSS {:.0} MB", r.peak_mb);
    let quantities =
        std::fs::read_to_string(dir.path().join("long.quantities.jsonl")).expect("quantities");
    let mut cut = 0;
    for line in quantities.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("JSON line");
        let quote = v["quote"].as_str().expect("quote");
        assert!(quote.chars().count() <= 1002, "{} chars", quote.len());
        cut += usize::from(quote.ends_with('…') || quote.starts_with('…'));
    }
    assert!(cut > 3900, "{cut} quotes cut");
}

#[test]
fn a_document_over_the_limit_is_refused_with_a_warning() {
    let dir = tempfile::tempdir().expect("tempdir");
    let small = write(dir.path(), "small.txt", "Troops entered Izium.");
    let big = write(dir.path(), "big.txt", &"Kharkiv and Izium. ".repeat(100));
    let records = format!(
        "{{\"id\":\"long\",\"text\":\"{}\"}}\n{{\"id\":\"short\",\"text\":\"Kyiv\"}}\n",
        "Lviv ".repeat(300)
    );
    let jsonl = write(dir.path(), "a.jsonl", &records);
    let limit = [("PLACEMAP_MAX_DOCUMENT_BYTES", "1000")];
    let out = dir.path().join("x.jsonl");
    let out = out.to_str().expect("path");
    let r = run_with(
        &["extract", &small, &big, &jsonl, "-o", out],
        &limit,
        Duration::from_secs(120),
    );
    assert!(r.success, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("big.txt: one document of more than 1000 bytes")
            && r.stderr
                .contains("a.jsonl:1: one document of more than 1000 bytes"),
        "{}",
        r.stderr
    );
    let got = std::fs::read_to_string(out).expect("output");
    assert!(
        got.contains("\"small.txt") || got.contains("small.txt"),
        "{got}"
    );
    assert!(
        got.contains("\"short\"") && !got.contains("\"long\""),
        "{got}"
    );
    // Alone, it is an input that could not be processed.
    let r = run_with(&["extract", &big], &limit, Duration::from_secs(120));
    assert!(!r.success);
    assert!(
        r.stderr.contains("no input could be processed"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_huge_name_is_looked_up_without_the_fuzzy_automaton() {
    // 35 KB: the Levenshtein automaton would take ~80 KB per character (3 GB, half a minute).
    let name = "Kharkivx".repeat(4400);
    let r = run(&["lookup", &name], Duration::from_secs(60));
    assert!(!r.success, "no place matches");
    assert!(r.stderr.contains("no place matches"), "{}", r.stderr);
    assert!(r.peak_mb < 300.0, "peak RSS {:.0} MB", r.peak_mb);
    // A short misspelling still finds its place by the fuzzy fallback.
    let r = run(&["lookup", "Kramatorxk"], Duration::from_secs(60));
    assert!(r.success, "{}", r.stderr);
}

#[test]
fn jobs_past_the_bound_are_refused_at_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = write(dir.path(), "a.txt", "Troops entered Izium.");
    for (cmd, jobs, ok) in [
        ("map", "100000", false),
        ("extract", "100000", false),
        ("map", "256", true),
    ] {
        let out = dir.path().join(format!("out-{cmd}-{jobs}.geojson"));
        let out = out.to_str().expect("path");
        let r = run(
            &[cmd, &input, "--jobs", jobs, "-o", out],
            Duration::from_secs(60),
        );
        assert_eq!(r.success, ok, "{}", r.stderr);
        if !ok {
            assert!(
                r.stderr.contains("100000 is not in 0..=256"),
                "{}",
                r.stderr
            );
        }
        assert_eq!(std::path::Path::new(out).exists(), ok);
    }
}
