//! Cost that grows linearly with the input, whatever its shape (issue 14, items 4, 5 and 7): four times
//! the input takes at most eight times as long (linear is four, quadratic sixteen). Each case is sized so
//! that the smaller run takes a measurable time in a debug build.

use std::sync::OnceLock;
use std::time::Instant;

use placemap::analyze::analyze;
use placemap::extract::Extractor;
use placemap::input::{Document, Meta};
use placemap::layers::{Aggregator, MapOptions};
use placemap::Gazetteer;

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer::bundled().expect("bundled gazetteer"))
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

/// `run` on `make(n)` and on `make(4 n)`: the larger may take at most 8 times as long.
fn assert_linear(what: &str, n: usize, make: &dyn Fn(usize) -> String, run: &dyn Fn(&str)) {
    // One measurement at a time: the tests of this file would otherwise share the cores.
    static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let (small, large) = (make(n), make(4 * n));
    run(&small); // warm caches
    let t1 = best_of_three(&|| run(&small));
    let t4 = best_of_three(&|| run(&large));
    let ratio = t4 / t1.max(1e-3);
    eprintln!("{what}: {t1:.3} s -> {t4:.3} s");
    assert!(
        ratio < 8.0,
        "{what}: {} bytes took {t1:.3} s, {} bytes {t4:.3} s (x{ratio:.1})",
        small.len(),
        large.len()
    );
}

fn extract(text: &str) {
    let x = Extractor::new(gazetteer());
    std::hint::black_box(x.extract(text.as_bytes()));
}

/// The whole `map` pipeline on one document: analysis and aggregation into features.
fn map(text: &str) {
    let g = gazetteer();
    let x = Extractor::new(g);
    let d = Document {
        doc: "d".into(),
        bytes: text.as_bytes().to_vec(),
        meta: Meta::default(),
    };
    let mut agg = Aggregator::new(g);
    agg.add(&analyze(&x, &d));
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

#[test]
fn a_long_list_of_places_is_linear() {
    // "near Kharkiv, Izium, Pryzorivka, ...": every listed word asks whether a name ends before it.
    let make = |n: usize| {
        let mut s = String::from("Fighting went on near Kharkiv");
        for i in 0..n {
            s.push_str(", ");
            s.push_str(if i % 2 == 0 { "Izium" } else { "Kupiansk" });
            s.push_str(", ");
            s.push_str(&village(i));
        }
        s + "."
    };
    assert_linear("a list in one document", 4000, &make, &extract);
}

#[test]
fn one_endless_sentence_is_linear() {
    // News text with no sentence end at all: the claim, link and quote readers see it a sentence at a time.
    let make = |n: usize| {
        "Russian forces said they captured Izium and Kupiansk near Kharkiv, 30 km from Balakliia; "
            .repeat(n)
    };
    assert_linear("one sentence", 300, &make, &map);
}

#[test]
fn capitalised_gibberish_is_linear() {
    // Every word a capitalised non-name without a sentence end: each is a name candidate.
    let make = |n: usize| {
        let mut s = String::new();
        let mut x: u32 = 12345;
        for _ in 0..n {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            let len = 3 + (x >> 16) as usize % 6;
            for k in 0..len {
                let c = b'a' + ((x >> (k * 3 + 5)) % 26) as u8;
                s.push(if k == 0 { c.to_ascii_uppercase() } else { c } as char);
            }
            s.push(' ');
        }
        s
    };
    assert_linear("capitalised gibberish", 6000, &make, &map);
}
