//! Compiles the bundled gazetteer (data/gazetteer.csv.gz) into the index embedded in the binary, so that
//! start-up does no parsing: records, string pool, postings and FSTs are used in place.

#[allow(dead_code)]
#[path = "src/names/mod.rs"]
mod names;

#[allow(dead_code)]
#[path = "src/index/mod.rs"]
mod index;

use std::path::PathBuf;

fn main() {
    let src = PathBuf::from("data/gazetteer.csv.gz");
    println!("cargo:rerun-if-changed={}", src.display());
    println!("cargo:rerun-if-changed=src/names");
    println!("cargo:rerun-if-changed=src/index");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let bytes =
        std::fs::read(&src).unwrap_or_else(|e| panic!("cannot read {}: {e}", src.display()));
    let rows =
        index::rows::read(&bytes, false).unwrap_or_else(|e| panic!("{}: {e}", src.display()));
    let mut b = index::builder::Builder::new();
    for r in &rows.rows {
        assert!(
            b.add(r),
            "the bundled gazetteer is larger than the index format allows"
        );
    }
    let c = b.finish().expect("compiling the name FSTs");
    std::fs::write(out.join("records.bin"), bytemuck::cast_slice(&c.records))
        .expect("write records");
    std::fs::write(out.join("strings.bin"), &c.strings).expect("write strings");
    std::fs::write(out.join("postings.bin"), bytemuck::cast_slice(&c.postings))
        .expect("write postings");
    std::fs::write(out.join("exact.fst"), &c.exact_fst).expect("write exact.fst");
    std::fs::write(out.join("slavic.fst"), &c.slavic_fst).expect("write slavic.fst");
}
