//! CLI tests of output safety and bad inputs: nothing that is not ours is destroyed, outputs are replaced
//! atomically and as a set, and one bad input never sinks a run.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command as Proc, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::Command;

const ARTICLE: &str = "tests/fixtures/articles/kharkiv-sep-2022.txt";

fn placemap() -> Command {
    Command::cargo_bin("placemap").expect("binary")
}

fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("placemap")
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn mkfifo(p: &Path) {
    let c = std::ffi::CString::new(p.as_os_str().as_encoded_bytes()).expect("path");
    // SAFETY: a valid NUL-terminated path; mkfifo has no other preconditions.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0, "mkfifo");
}

fn is_fifo(p: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    fs::symlink_metadata(p)
        .map(|m| m.file_type().is_fifo())
        .unwrap_or(false)
}

fn temporaries(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .expect("dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp-"))
        .collect()
}

/// Reads a FIFO to its end in a thread (a writer opening it blocks until a reader is there).
fn drain(fifo: &Path) -> std::thread::JoinHandle<Vec<u8>> {
    let p = fifo.to_path_buf();
    std::thread::spawn(move || {
        let mut v = Vec::new();
        fs::File::open(p)
            .expect("open fifo")
            .read_to_end(&mut v)
            .expect("read fifo");
        v
    })
}

#[test]
fn map_to_a_fifo_streams_through_it_and_writes_no_sidecars() {
    let d = tempfile::tempdir().expect("tempdir");
    let fifo = d.path().join("out.geojson");
    mkfifo(&fifo);
    let reader = drain(&fifo);
    let o = placemap()
        .args(["map", ARTICLE, "-o"])
        .arg(&fifo)
        .output()
        .expect("run");
    assert!(o.status.success(), "{}", stderr(&o));
    let got = reader.join().expect("reader");
    assert!(got.starts_with(b"{\"type\":\"FeatureCollection\""));
    assert!(is_fifo(&fifo), "the FIFO must stay a FIFO");
    let names: Vec<String> = fs::read_dir(d.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        ["out.geojson"],
        "no .qml or quantities beside a FIFO"
    );
    let o = placemap()
        .args(["map", ARTICLE, "--links", "-o"])
        .arg(&fifo)
        .output()
        .expect("run");
    assert!(!o.status.success());
    assert!(stderr(&o).contains("regular file"), "{}", stderr(&o));
}

#[test]
fn map_through_a_symlink_replaces_the_target_and_keeps_the_link() {
    let d = tempfile::tempdir().expect("tempdir");
    let real = d.path().join("real.geojson");
    let link = d.path().join("link.geojson");
    fs::write(&real, "previous run").expect("write");
    std::os::unix::fs::symlink(&real, &link).expect("symlink");
    let o = placemap()
        .args(["map", ARTICLE, "-o"])
        .arg(&link)
        .output()
        .expect("run");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(fs::symlink_metadata(&link)
        .expect("link")
        .file_type()
        .is_symlink());
    assert!(fs::read_to_string(&real)
        .expect("real")
        .starts_with("{\"type\":\"FeatureCollection\""));
    let dangling = d.path().join("dangling.geojson");
    std::os::unix::fs::symlink(d.path().join("missing/x.geojson"), &dangling).expect("symlink");
    let o = placemap()
        .args(["map", ARTICLE, "-o"])
        .arg(&dangling)
        .output()
        .expect("run");
    assert!(!o.status.success());
    assert!(stderr(&o).contains("does not exist"), "{}", stderr(&o));
    assert!(fs::symlink_metadata(&dangling).is_ok(), "the link stays");
}

#[test]
fn extract_never_empties_its_own_input() {
    let d = tempfile::tempdir().expect("tempdir");
    let f = d.path().join("f.jsonl");
    let line = "{\"id\": \"a\", \"text\": \"Troops moved from Kharkiv towards Izium.\"}\n";
    fs::write(&f, line).expect("write");
    for cmd in ["extract", "map"] {
        let o = placemap()
            .arg(cmd)
            .arg(&f)
            .arg("-o")
            .arg(&f)
            .output()
            .expect("run");
        assert!(!o.status.success(), "{cmd}");
        assert!(stderr(&o).contains("is also an input"), "{}", stderr(&o));
        assert_eq!(fs::read_to_string(&f).expect("f"), line, "{cmd}");
    }
    // The quantities sidecar of a map must not be an input either.
    let q = d.path().join("m.quantities.jsonl");
    fs::write(&q, line).expect("write");
    let o = placemap()
        .arg("map")
        .arg(&q)
        .arg("-o")
        .arg(d.path().join("m.geojson"))
        .output()
        .expect("run");
    assert!(!o.status.success());
    assert_eq!(fs::read_to_string(&q).expect("q"), line);
}

#[test]
fn a_failed_run_leaves_the_previous_outputs_whole() {
    let d = tempfile::tempdir().expect("tempdir");
    let out = d.path().join("m.jsonl");
    fs::write(&out, "previous\n").expect("write");
    let o = placemap()
        .args(["extract", "no/such/file.txt", "-o"])
        .arg(&out)
        .output()
        .expect("run");
    assert!(!o.status.success());
    assert_eq!(fs::read_to_string(&out).expect("out"), "previous\n");
    // map: a sidecar that cannot be written (its path is a directory) stops the run before any file
    // of the set is replaced.
    let map = d.path().join("map.geojson");
    fs::write(&map, "previous map").expect("write");
    fs::create_dir(d.path().join("map.qml")).expect("dir");
    let o = placemap()
        .args(["map", ARTICLE, "-o"])
        .arg(&map)
        .output()
        .expect("run");
    assert!(!o.status.success());
    assert!(stderr(&o).contains("map.qml"), "{}", stderr(&o));
    assert_eq!(fs::read_to_string(&map).expect("map"), "previous map");
    assert!(!d.path().join("map.quantities.jsonl").exists());
    assert!(temporaries(d.path()).is_empty());
}

#[test]
fn an_interrupted_extract_leaves_no_temporary_and_no_partial_output() {
    let d = tempfile::tempdir().expect("tempdir");
    let fifo = d.path().join("in.jsonl");
    mkfifo(&fifo);
    let out = d.path().join("m.jsonl");
    fs::write(&out, "previous\n").expect("write");
    let mut child = Proc::new(bin())
        .arg("extract")
        .arg(&fifo)
        .arg("-o")
        .arg(&out)
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    // Feed one article, keep the FIFO open, wait until the temporary exists, then interrupt.
    let mut w = fs::OpenOptions::new()
        .write(true)
        .open(&fifo)
        .expect("open fifo");
    std::io::Write::write_all(&mut w, b"{\"text\": \"Fighting near Kupiansk.\"}\n").expect("feed");
    let t0 = Instant::now();
    while temporaries(d.path()).is_empty() && t0.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        !temporaries(d.path()).is_empty(),
        "the temporary was created"
    );
    // SAFETY: sending a signal to our own child process.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let status = child.wait().expect("wait");
    drop(w);
    assert_eq!(status.code(), Some(130));
    assert!(
        temporaries(d.path()).is_empty(),
        "{:?}",
        temporaries(d.path())
    );
    assert_eq!(fs::read_to_string(&out).expect("out"), "previous\n");
}

#[test]
fn directory_walks_survive_symlink_loops_fifos_and_their_own_output() {
    let d = tempfile::tempdir().expect("tempdir");
    let corpus = d.path().join("corpus");
    fs::create_dir_all(corpus.join("a")).expect("dir");
    fs::write(corpus.join("a/one.txt"), "Shelling hit Kharkiv overnight.").expect("write");
    std::os::unix::fs::symlink(&corpus, corpus.join("a/loop")).expect("loop");
    std::os::unix::fs::symlink(corpus.join("a"), corpus.join("again")).expect("second path");
    mkfifo(&corpus.join("pipe.txt"));
    let out = corpus.join("mentions.jsonl");
    for _ in 0..2 {
        let mut child = Proc::new(bin())
            .arg("extract")
            .arg(&corpus)
            .arg("-o")
            .arg(&out)
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        let t0 = Instant::now();
        let status = loop {
            if let Some(s) = child.try_wait().expect("wait") {
                break s;
            }
            assert!(t0.elapsed() < Duration::from_secs(30), "the walk hangs");
            std::thread::sleep(Duration::from_millis(20));
        };
        let mut err = String::new();
        child
            .stderr
            .take()
            .expect("stderr")
            .read_to_string(&mut err)
            .expect("stderr");
        assert!(status.success(), "{err}");
        assert!(err.contains("not a regular file"), "{err}");
        let text = fs::read_to_string(&out).expect("out");
        assert_eq!(text.lines().count(), 1, "one file read once: {text}");
    }
}

#[test]
fn a_missing_input_is_reported_and_the_others_still_processed() {
    let o = placemap()
        .args(["extract", "no/such/file.txt", ARTICLE])
        .output()
        .expect("run");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("no/such/file.txt"), "{}", stderr(&o));
    assert!(stderr(&o).contains("1 input(s)"), "{}", stderr(&o));
    assert!(!o.stdout.is_empty());
    let o = placemap()
        .args(["extract", "no/such/file.txt", "nor/this.txt"])
        .output()
        .expect("run");
    assert!(!o.status.success());
    assert!(stderr(&o).contains("no input could be processed"));
}

#[test]
fn csv_to_a_closed_pipe_exits_quietly() {
    // Enough places that the CSV writer meets the closed pipe inside a record, not only at its flush.
    let cities = [
        "Kyiv",
        "Lviv",
        "Odesa",
        "Kharkiv",
        "Dnipro",
        "Poltava",
        "Sumy",
        "Chernihiv",
        "Vinnytsia",
        "Zhytomyr",
        "Rivne",
        "Lutsk",
        "Ternopil",
        "Uzhhorod",
        "Chernivtsi",
        "Mykolaiv",
        "Kherson",
        "Warsaw",
        "Berlin",
        "Paris",
        "Madrid",
        "Lisbon",
        "Rome",
        "Vienna",
        "Prague",
        "Budapest",
        "Bucharest",
        "Sofia",
        "Athens",
        "Ankara",
        "Tbilisi",
        "Yerevan",
        "Baku",
        "Vilnius",
        "Riga",
        "Tallinn",
        "Helsinki",
        "Stockholm",
        "Oslo",
        "Copenhagen",
        "Amsterdam",
        "Brussels",
        "Dublin",
        "London",
        "Edinburgh",
        "Cardiff",
        "Reykjavik",
        "Bern",
        "Zagreb",
        "Belgrade",
        "Sarajevo",
        "Podgorica",
        "Tirana",
        "Skopje",
        "Chisinau",
        "Minsk",
        "Moscow",
        "Cairo",
        "Nairobi",
        "Lagos",
        "Accra",
        "Dakar",
        "Tokyo",
        "Seoul",
        "Beijing",
        "Manila",
        "Jakarta",
        "Hanoi",
        "Bangkok",
        "Delhi",
        "Karachi",
        "Tehran",
        "Baghdad",
        "Riyadh",
        "Doha",
        "Ottawa",
        "Washington",
        "Lima",
    ];
    let text: String = cities
        .iter()
        .map(|c| format!("Delegates travelled to {c} this week. "))
        .collect();
    let mut child = Proc::new(bin())
        .args(["map", "-", "-o", "-", "--format", "csv"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stdout.take());
    let mut stdin = child.stdin.take().expect("stdin");
    std::io::Write::write_all(&mut stdin, text.as_bytes()).expect("feed");
    drop(stdin);
    let o = child.wait_with_output().expect("wait");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stderr(&o).contains("error"), "{}", stderr(&o));
}

#[test]
fn a_full_disk_is_an_error_that_names_the_output() {
    for cmd in ["extract", "map"] {
        let o = placemap()
            .args([cmd, ARTICLE, "-o", "/dev/full"])
            .output()
            .expect("run");
        assert!(!o.status.success(), "{cmd}");
        let e = stderr(&o);
        assert!(
            e.contains("/dev/full") && e.contains("No space"),
            "{cmd}: {e}"
        );
        assert_eq!(e.lines().count(), 1, "one line per error: {e}");
    }
}
