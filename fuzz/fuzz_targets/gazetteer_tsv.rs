//! The GeoNames TSV loader: rows after a valid first line, so that the fuzzer explores TSV rows.
#![no_main]

use libfuzzer_sys::fuzz_target;
use placemap::invariants;

fuzz_target!(|data: &[u8]| {
    invariants::check_gazetteer_tsv(data);
});
