//! The gzip gazetteer loader: damaged streams as they are, and text compressed as one or two members.
#![no_main]

use libfuzzer_sys::fuzz_target;
use placemap::invariants;

fuzz_target!(|data: &[u8]| {
    invariants::check_gazetteer_gzip(data);
});
