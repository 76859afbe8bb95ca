//! The JSON Lines reader on arbitrary bytes: no panic, no empty id, no binary text kept, it ends.
#![no_main]

use libfuzzer_sys::fuzz_target;
use placemap::invariants;

fuzz_target!(|data: &[u8]| {
    invariants::check_jsonl(data);
});
