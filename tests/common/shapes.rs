//! Shapes of input that once cost the square of their length, shared by `tests/linear_cost.rs` and
//! `benches/long_document.rs`.

/// News text with no sentence end at all: `n` clauses, each with a claim, two links and a distance.
pub fn endless_sentence(n: usize) -> String {
    "Russian forces said they captured Izium and Kupiansk near Kharkiv, 30 km from Balakliia; "
        .repeat(n)
}

/// `n` capitalised made-up words and no sentence end: each is a name candidate.
pub fn gibberish(n: usize) -> String {
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
}
