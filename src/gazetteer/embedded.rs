//! The bundled world gazetteer, compiled by `build.rs` and embedded in the binary.

/// Aligns embedded bytes so that records (f64) and postings (u32) can be used in place.
#[repr(C, align(8))]
struct Aligned<B: ?Sized>(B);

static RECORDS: &Aligned<[u8]> =
    &Aligned(*include_bytes!(concat!(env!("OUT_DIR"), "/records.bin")));
static STRINGS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/strings.bin"));
static POSTINGS: &Aligned<[u8]> =
    &Aligned(*include_bytes!(concat!(env!("OUT_DIR"), "/postings.bin")));
static EXACT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/exact.fst"));
static SLAVIC: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/slavic.fst"));

pub fn index() -> Result<crate::index::Index, String> {
    crate::index::Index::from_static(&RECORDS.0, STRINGS, &POSTINGS.0, EXACT, SLAVIC)
}
