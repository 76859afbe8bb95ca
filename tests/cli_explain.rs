//! CLI test of `explain`: the reading of each sentence and the claims it gives.

use assert_cmd::Command;

#[test]
fn explain_shows_the_reading_and_the_claim() {
    let o = Command::cargo_bin("placemap")
        .expect("binary")
        .args(["explain", "-"])
        .write_stdin("Russian forces will likely take Kupiansk. Ukrainian troops recaptured Balakliia on Thursday.")
        .output()
        .expect("run");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("event \"take\" Gain (Base, Active, Unreal)"),
        "{out}"
    );
    assert!(
        out.contains("claim: Balakliia gained by UA (recapture, corroborated)"),
        "{out}"
    );
    assert!(!out.contains("claim: Kupiansk"), "{out}");
}
