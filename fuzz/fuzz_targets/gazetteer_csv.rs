//! The gazetteer loader on arbitrary bytes (sniffed as placemap CSV, GeoNames TSV or gzip).
#![no_main]

use libfuzzer_sys::fuzz_target;
use placemap::invariants;

fuzz_target!(|data: &[u8]| {
    invariants::check_gazetteer(data);
});
