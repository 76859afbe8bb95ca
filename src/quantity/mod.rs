//! Stated quantities: distances, advances, areas, durations and settlement counts, each with its
//! operator ("almost 50km" -> 50 km, lte), converted to km, km² or days.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

mod pattern;
use pattern::{Caps, Pattern};

/// What a quantity measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuantityKind {
    /// A distance ("more than 50km inside the front line", "115 km south-east of Kharkiv").
    Distance,
    /// A distance covered by an advance ("advanced almost 50km").
    Advance,
    Area,
    Duration,
    /// A number of settlements ("liberated 30 settlements").
    Settlements,
}

impl QuantityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuantityKind::Distance => "distance",
            QuantityKind::Advance => "advance",
            QuantityKind::Area => "area",
            QuantityKind::Duration => "duration",
            QuantityKind::Settlements => "settlements",
        }
    }
}

/// How the stated value bounds the true one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    Eq,
    Approx,
    Gte,
    Lte,
}

impl Op {
    pub fn as_str(self) -> &'static str {
        match self {
            Op::Eq => "eq",
            Op::Approx => "approx",
            Op::Gte => "gte",
            Op::Lte => "lte",
        }
    }

    fn parse(s: &str) -> Op {
        let s = s.to_lowercase();
        let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
        match s.as_str() {
            "more than" | "over" | "at least" | "upwards of" | "in excess of" | "no less than"
            | "not less than" | "well over" | "some more than" => Op::Gte,
            "almost" | "nearly" | "up to" | "less than" | "under" | "fewer than" | "just under"
            | "no more than" | "not more than" | "as many as" | "as much as" | "at most" => Op::Lte,
            "about" | "around" | "some" | "roughly" | "approximately" | "approx." | "approx"
            | "close to" | "an estimated" | "estimated" | "almost exactly" | "circa" | "~" => {
                Op::Approx
            }
            _ => Op::Eq,
        }
    }
}

/// One stated quantity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    pub kind: QuantityKind,
    /// The value as written, in `unit`.
    pub value: f64,
    /// "km", "mi", "km2", "mi2", "ha", "hour", "day", "week", "month", "count".
    #[serde(deserialize_with = "crate::record::static_str")]
    pub unit: crate::record::Word,
    /// The value in km (distances), km² (areas), days (durations) or a count.
    pub value_si: f64,
    pub op: Op,
    /// Byte range of the whole phrase, operator included.
    pub start: usize,
    pub end: usize,
    pub text: String,
}

const OPS: &str = r"more\s+than|well\s+over|over|at\s+least|upwards\s+of|in\s+excess\s+of|no\s+less\s+than|not\s+less\s+than|almost|nearly|up\s+to|less\s+than|fewer\s+than|just\s+under|under|no\s+more\s+than|not\s+more\s+than|as\s+many\s+as|as\s+much\s+as|at\s+most|about|around|some|roughly|approximately|approx\.|close\s+to|an\s+estimated|estimated|~";
const NUM_WORDS: &str = r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a\s+hundred|a\s+dozen|dozens\s+of|hundreds\s+of|a\s+few|several";

fn num_pattern() -> String {
    format!(
        r"(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|{NUM_WORDS})(?:\s*(?P<mult>thousand|hundred|million))?"
    )
}

fn distance_pattern() -> String {
    format!(
        r"(?i)(?:(?-u:\b)(?P<op>{OPS})\s+)?{}[\s-]*(?P<unit>kilomet(?:re|er)s?|km|kms|miles?)(?-u:\b)",
        num_pattern()
    )
}

fn area_pattern() -> String {
    format!(
        r"(?i)(?:(?-u:\b)(?P<op>{OPS})\s+)?{}[\s-]*(?P<unit>sq\.?\s*km|square\s+kilomet(?:re|er)s?|km2|km²|sq\.?\s*mi(?:les?)?|square\s+miles?|hectares?)(?:(?-u:\b)|\s|$|[).,;])",
        num_pattern()
    )
}

fn duration_pattern() -> String {
    format!(
        r"(?i)(?-u:\b)(?:in|within|over|during|for)\s+(?:the\s+(?:past|last)\s+)?(?:(?P<op>{OPS})\s+)?(?P<num>\d+|a|an|{NUM_WORDS})\s+(?P<unit>hours?|days?|weeks?|months?)(?-u:\b)"
    )
}

fn settlements_pattern() -> String {
    format!(
        r"(?i)(?:(?-u:\b)(?P<op>{OPS})\s+)?{}\s+(?:(?:more|other|further|additional|new|small|frontline|front-line|nearby)\s+)?(?P<unit>settlements|villages|towns\s+and\s+villages|towns|localities|population\s+cent(?:re|er)s|communities|hamlets)(?-u:\b)",
        num_pattern()
    )
}

static DISTANCE: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(&distance_pattern()));
static AREA: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(&area_pattern()));
static DURATION: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(&duration_pattern()));
static SETTLEMENTS: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(&settlements_pattern()));

/// Words of advancing before a distance. `[0-9A-Za-z_]*` before the ASCII word boundary finds what `\w*`
/// would (the longest ASCII run of a Unicode word run also ends at an ASCII boundary) at a fraction of the
/// compile time.
static ADVANCE_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(advanc[0-9A-Za-z_]*|push[0-9A-Za-z_]*|mov(?:ed|ing)|progress[0-9A-Za-z_]*|penetrat[0-9A-Za-z_]*|broke\s+through|gain(?:ed|ing)|drove|driven|swept|pressed|moved\s+forward|went\s+forward|marched)(?-u:\b)")
        .expect("advance pattern")
});

/// Which of the four patterns can match in a sentence: each needs its unit word where a letter run begins,
/// with a number before it, and most sentences have none, so the sentence's signals ([`crate::signals`])
/// spare four regex searches.
struct Units {
    distance: bool,
    area: bool,
    duration: bool,
    settlements: bool,
}

/// Unit word beginnings and the pattern each enables (0 distance, 1 area, 2 duration, 3 settlements).
#[rustfmt::skip]
pub(crate) const UNIT_KINDS: &[(&str, u8)] = &[
    ("km", 0), ("kilomet", 0), ("mile", 0),
    ("km", 1), ("sq", 1), ("square", 1), ("hectare", 1),
    ("hour", 2), ("day", 2), ("week", 2), ("month", 2),
    ("settlement", 3), ("village", 3), ("town", 3), ("localit", 3), ("population", 3),
    ("communit", 3), ("hamlet", 3),
];

impl Units {
    /// The unit words a sentence holds, from its signals.
    fn from_signals(bits: u8) -> Units {
        let has = |kind: u8| bits & (crate::signals::UNIT << kind) != 0;
        Units {
            distance: has(0),
            area: has(1),
            duration: has(2),
            settlements: has(3),
        }
    }
}

/// The pattern's matches in `s`, or none without a search (nor compiling the pattern) when its unit word
/// is absent.
fn captures<'s>(re: &'static LazyLock<Pattern>, unit_present: bool, s: &'s str) -> Vec<Caps<'s>> {
    if !unit_present {
        return Vec::new();
    }
    re.captures(s)
}

/// Words that can state the number of a quantity (besides digits): "two", "a dozen", "dozens of",
/// "several", "a" ("in a day").
#[rustfmt::skip]
const NUMBER_WORDS: &[&str] = &[
    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
    "thousand", "million", "dozen", "dozens", "hundreds", "few", "several", "of",
];

/// Whether one of the last two words before a unit word states a number (digits or a number word), as
/// every quantity pattern needs one there ("50km", "two villages", "dozens of villages", "three more
/// settlements").
pub(crate) fn number_before(before: &str) -> bool {
    if before.ends_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    before
        .rsplit(|c: char| c.is_whitespace() || c == '-')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .take(2)
        .any(|w| {
            w.ends_with(|c: char| c.is_ascii_digit())
                || NUMBER_WORDS.iter().any(|n| n.eq_ignore_ascii_case(w))
        })
}

fn word_number(s: &str) -> Option<f64> {
    let s = s.to_lowercase();
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(match s.as_str() {
        "a" | "an" | "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" | "a dozen" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        "a hundred" => 100.0,
        _ => return None,
    })
}

/// Vague counts ("dozens of", "several") bound the value from below.
fn vague_count(s: &str) -> Option<(f64, Op)> {
    let s = s.to_lowercase();
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    match s.as_str() {
        "dozens of" => Some((24.0, Op::Gte)),
        "hundreds of" => Some((200.0, Op::Gte)),
        "a few" => Some((2.0, Op::Gte)),
        "several" => Some((3.0, Op::Gte)),
        _ => None,
    }
}

fn parse_number(num: &str, mult: Option<&str>) -> Option<(f64, Option<Op>)> {
    let (v, op) = if let Some((v, op)) = vague_count(num) {
        (v, Some(op))
    } else if let Some(v) = word_number(num) {
        (v, None)
    } else {
        (num.replace(',', "").parse::<f64>().ok()?, None)
    };
    let m = match mult.map(str::to_lowercase).as_deref() {
        Some("thousand") => 1_000.0,
        Some("hundred") => 100.0,
        Some("million") => 1_000_000.0,
        _ => 1.0,
    };
    let v = v * m;
    (v.is_finite() && v >= 0.0).then_some((v, op))
}

const MILE_KM: f64 = 1.609_344;
const SQ_MILE_KM2: f64 = 2.589_988_110_336;

fn push(
    out: &mut Vec<Quantity>,
    text: &str,
    caps: &Caps,
    base: usize,
    kind: QuantityKind,
    unit: &'static str,
    factor: f64,
) {
    let (Some(whole), Some(num)) = (caps.get(0), caps.name("num")) else {
        return;
    };
    let Some((value, vague_op)) = parse_number(num.as_str(), caps.name("mult").map(|m| m.as_str()))
    else {
        return;
    };
    let op = caps
        .name("op")
        .map(|o| Op::parse(o.as_str()))
        .or(vague_op)
        .unwrap_or(Op::Eq);
    let phrase = whole.as_str().trim_end_matches([')', '.', ',', ';', ' ']);
    out.push(Quantity {
        kind,
        value,
        unit,
        value_si: value * factor,
        op,
        start: base + whole.start(),
        end: base + whole.start() + phrase.len(),
        text: phrase.to_string(),
    });
    let _ = text;
}

/// All quantities stated in `text[range]` (one sentence), in text order.
pub fn find(text: &str, range: Range<usize>) -> Vec<Quantity> {
    let signals = crate::signals::of(text, range.clone());
    find_with(text, range, signals)
}

/// [`find`] for a sentence whose signals are known.
pub fn find_with(text: &str, range: Range<usize>, signals: u8) -> Vec<Quantity> {
    let s = &text[range.clone()];
    let base = range.start;
    let mut out = Vec::new();
    let units = Units::from_signals(signals);
    for c in captures(&AREA, units.area, s) {
        let u = c.name("unit").map_or("", |u| u.as_str()).to_lowercase();
        let (unit, f) = if u.contains("mi") {
            ("mi2", SQ_MILE_KM2)
        } else if u.starts_with("hectare") {
            ("ha", 0.01)
        } else {
            ("km2", 1.0)
        };
        push(&mut out, s, &c, base, QuantityKind::Area, unit, f);
    }
    for c in captures(&DISTANCE, units.distance, s) {
        let Some(m) = c.get(0) else { continue };
        let (a, b) = (base + m.start(), base + m.end());
        if out.iter().any(|q| q.start < b && a < q.end) {
            continue; // part of an area ("sq km")
        }
        let u = c.name("unit").map_or("", |u| u.as_str()).to_lowercase();
        let (unit, f) = if u.starts_with("mile") {
            ("mi", MILE_KM)
        } else {
            ("km", 1.0)
        };
        let before = &s[..m.start()];
        let mut cut = before.len().saturating_sub(60);
        while !before.is_char_boundary(cut) {
            cut += 1;
        }
        let window = &before[cut..];
        let kind = if ADVANCE_CUE.is_match(window) {
            QuantityKind::Advance
        } else {
            QuantityKind::Distance
        };
        push(&mut out, s, &c, base, kind, unit, f);
    }
    for c in captures(&DURATION, units.duration, s) {
        let u = c.name("unit").map_or("", |u| u.as_str()).to_lowercase();
        let (unit, f) = match u.trim_end_matches('s') {
            "hour" => ("hour", 1.0 / 24.0),
            "week" => ("week", 7.0),
            "month" => ("month", 30.0),
            _ => ("day", 1.0),
        };
        let before = out.len();
        push(&mut out, s, &c, base, QuantityKind::Duration, unit, f);
        // The phrase starts at the preposition; report just the measured part.
        if out.len() > before {
            if let (Some(q), Some(n)) = (out.last_mut(), c.name("op").or(c.name("num"))) {
                q.start = base + n.start();
                q.text = text[q.start..q.end].to_string();
            }
        }
    }
    for c in captures(&SETTLEMENTS, units.settlements, s) {
        push(
            &mut out,
            s,
            &c,
            base,
            QuantityKind::Settlements,
            "count",
            1.0,
        );
    }
    out.sort_by_key(|q| (q.start, q.end));
    // A parenthesised conversion ("1,000 sq km (385 sq miles)") takes the operator of the value it converts.
    for i in 1..out.len() {
        let (prev, cur) = (&out[i - 1], &out[i]);
        if cur.kind == prev.kind && cur.op == Op::Eq && prev.op != Op::Eq {
            let gap = &text[prev.end..cur.start];
            if gap.trim() == "(" {
                out[i].op = out[i - 1].op;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The advance cue finds what it found with Unicode `\w*` runs.
        #[test]
        fn advance_cue_as_with_unicode_word_runs(t in "(advanc|push|progress|penetrat|[ a-zK\u{212A}\u{17F}é_1-])*") {
            let unicode = Regex::new(r"(?i)(?-u:\b)(advanc\w*|push\w*|mov(?:ed|ing)|progress\w*|penetrat\w*|broke\s+through|gain(?:ed|ing)|drove|driven|swept|pressed|moved\s+forward|went\s+forward|marched)(?-u:\b)").unwrap();
            proptest::prop_assert_eq!(ADVANCE_CUE.is_match(&t), unicode.is_match(&t), "{:?}", t);
        }
    }

    fn units_of(s: &str) -> Units {
        Units::from_signals(crate::signals::of(s, 0..s.len()))
    }

    #[test]
    fn unit_words_gate_the_patterns() {
        let u = units_of("troops moved 50km east, then 3 KM more");
        assert!(u.distance && u.area && !u.duration && !u.settlements);
        let u = units_of("Today, downtown Kyiv held a Monday vigil");
        assert!(!u.duration && !u.settlements && !u.distance);
        let u = units_of("the town, the days after, miles away");
        assert!(!u.duration && !u.settlements && !u.distance);
        let u = units_of("dozens of villages in a day, 3 more towns, (seven kilometers");
        assert!(u.duration && u.settlements && u.distance);
        let u = units_of("for two days, three villages");
        assert!(u.duration && u.settlements && !u.distance);
    }

    fn q(s: &str) -> Vec<(QuantityKind, f64, &'static str, Op, String)> {
        find(s, 0..s.len())
            .into_iter()
            .map(|q| (q.kind, q.value, q.unit, q.op, q.text))
            .collect()
    }

    #[test]
    fn areas_with_conversions() {
        let r =
            q("Kyiv said its troops had taken back more than 1,000 sq km (385 sq miles) of land.");
        assert_eq!(
            r[0],
            (
                QuantityKind::Area,
                1000.0,
                "km2",
                Op::Gte,
                "more than 1,000 sq km".into()
            )
        );
        assert_eq!(
            r[1],
            (
                QuantityKind::Area,
                385.0,
                "mi2",
                Op::Gte,
                "385 sq miles".into()
            )
        );
        let r = q("The gains covered 2,500 square kilometres.");
        assert_eq!(r[0].1, 2500.0);
        assert_eq!(r[0].3, Op::Eq);
    }

    #[test]
    fn distances_advances_durations() {
        let r = q("The brigade advanced almost 50km in three days.");
        assert_eq!(
            r[0],
            (
                QuantityKind::Advance,
                50.0,
                "km",
                Op::Lte,
                "almost 50km".into()
            )
        );
        assert_eq!(
            r[1],
            (
                QuantityKind::Duration,
                3.0,
                "day",
                Op::Eq,
                "three days".into()
            )
        );
        let r = q("They pushed forward 70 kilometers in less than a week.");
        assert_eq!(r[0].0, QuantityKind::Advance);
        assert_eq!(
            r[1],
            (
                QuantityKind::Duration,
                1.0,
                "week",
                Op::Lte,
                "less than a week".into()
            )
        );
        let r = q("The town lies about 115 km south-east of Kharkiv, or 71 miles.");
        assert_eq!(
            r[0],
            (
                QuantityKind::Distance,
                115.0,
                "km",
                Op::Approx,
                "about 115 km".into()
            )
        );
        let miles = find("It is 10 miles away.", 0..20);
        assert!((miles[0].value_si - 16.09344).abs() < 1e-9);
    }

    #[test]
    fn settlement_counts() {
        let r = q("Forces liberated more than 30 settlements and dozens of villages.");
        assert_eq!(r[0].0, QuantityKind::Settlements);
        assert_eq!((r[0].1, r[0].3), (30.0, Op::Gte));
        assert_eq!((r[1].1, r[1].3), (24.0, Op::Gte));
    }

    #[test]
    fn nothing_from_plain_numbers() {
        assert!(q("In 2022, 5 people and 1,000 soldiers were there.").is_empty());
        assert!(q("").is_empty());
    }
}
