//! The extractor on arbitrary bytes: no panic, mentions inside the input on the bytes they report.
#![no_main]

use libfuzzer_sys::fuzz_target;
use placemap::invariants;

fuzz_target!(|data: &[u8]| {
    invariants::check_extract(invariants::extractor(), data);
});
