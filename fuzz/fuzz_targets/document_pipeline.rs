//! One document through analysis, layers and every writer: no panic, GeoJSON parses, output deterministic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use placemap::invariants;

fuzz_target!(|data: &[u8]| {
    invariants::check_document(invariants::extractor(), data);
});
