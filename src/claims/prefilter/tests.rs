use super::*;

#[test]
fn worth_reading_needs_a_place_or_an_earlier_claim() {
    let h = |b| Hints(b);
    assert!(h(EVENT).worth_reading(true, false));
    assert!(!h(EVENT).worth_reading(false, true));
    assert!(h(EVENT | SETTLEMENT).worth_reading(false, false));
    assert!(h(CUE).worth_reading(false, true));
    assert!(!h(CUE).worth_reading(true, false));
}
