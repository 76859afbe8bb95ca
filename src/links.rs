//! Places a sentence relates to each other: relative locations ("Izium, about 115 km south-east of
//! Kharkiv"), "the road between A and B", "from A towards B".

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::extract::PlaceSpan as Span;
use crate::quantity::{Quantity, QuantityKind};
use crate::text::Token;

/// How two places are related.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// "B, N km south-east of A": a stated distance (and direction) from A to B.
    RelativeLocation,
    /// "between A and B".
    Between,
    /// "from A to/towards B" (an advance, a route).
    Route,
}

impl Relation {
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::RelativeLocation => "relative_location",
            Relation::Between => "between",
            Relation::Route => "route",
        }
    }
}

/// A stated relation between two place mentions (indices into the document's mentions).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    /// The reference or start place.
    pub from: usize,
    /// The located or end place.
    pub to: usize,
    pub relation: Relation,
    /// The stated distance, if any.
    pub stated: Option<Quantity>,
    /// The stated direction from `from` to `to`, as a bearing in degrees ("south-east" -> 135).
    pub direction_deg: Option<f64>,
    /// The direction as written.
    pub direction: Option<String>,
    pub sentence: Range<usize>,
}

/// Compass words to bearings ("south-east", "southeast", "SE", "east-northeast").
pub fn direction_bearing(s: &str) -> Option<f64> {
    let k: String = s
        .to_lowercase()
        .chars()
        .filter(|c| c.is_ascii_alphabetic())
        .collect();
    Some(match k.as_str() {
        "north" | "n" => 0.0,
        "northnortheast" | "nne" => 22.5,
        "northeast" | "ne" => 45.0,
        "eastnortheast" | "ene" => 67.5,
        "east" | "e" => 90.0,
        "eastsoutheast" | "ese" => 112.5,
        "southeast" | "se" => 135.0,
        "southsoutheast" | "sse" => 157.5,
        "south" | "s" => 180.0,
        "southsouthwest" | "ssw" => 202.5,
        "southwest" | "sw" => 225.0,
        "westsouthwest" | "wsw" => 247.5,
        "west" | "w" => 270.0,
        "westnorthwest" | "wnw" => 292.5,
        "northwest" | "nw" => 315.0,
        "northnorthwest" | "nnw" => 337.5,
        _ => return None,
    })
}

/// The words a link without a stated distance begins with ("between A and B", "from A to B").
const LINK_WORDS: [&[u8]; 2] = [b"between", b"from"];

/// Whether a sentence without a distance may state a link: [`find`] finds none unless one of
/// [`LINK_WORDS`] is a token of it, and a token is lower-cased to one only from those letters in some
/// case. A byte scan, so that a sentence without them is never tokenised for links.
pub fn may_link(sentence: &str) -> bool {
    let b = sentence.as_bytes();
    (0..b.len()).any(|i| {
        LINK_WORDS.iter().any(|w| {
            b[i] | 0x20 == w[0]
                && b.get(i..i + w.len())
                    .is_some_and(|r| r.eq_ignore_ascii_case(w))
        })
    })
}

/// Links stated in one sentence. `places` are the sentence's resolved place mentions by token span,
/// in order; `quantities` the sentence's quantities.
pub fn find(
    toks: &[Token],
    places: &[Span],
    quantities: &[Quantity],
    sentence: Range<usize>,
) -> Vec<Link> {
    let mut out = Vec::new();
    // Relative locations: "<A> ... <N km> [direction] (of|from) <B>".
    for q in quantities
        .iter()
        .filter(|q| matches!(q.kind, QuantityKind::Distance))
    {
        let Some(qi) = toks.iter().position(|t| t.start >= q.end) else {
            continue;
        };
        let mut k = qi;
        let mut direction = None;
        if let Some(t) = toks.get(k) {
            if direction_bearing(&t.lower).is_some() {
                direction = Some(k);
                k += 1;
            }
        }
        if !toks
            .get(k)
            .is_some_and(|t| matches!(t.lower.as_str(), "of" | "from"))
        {
            continue;
        }
        let Some(b) = places.iter().find(|p| p.start == k + 1) else {
            continue;
        };
        let q_tok = toks.iter().position(|t| t.end > q.start).unwrap_or(0);
        let Some(a) = places
            .iter()
            .rev()
            .find(|p| p.end <= q_tok && q_tok - p.end <= 8 && p.mention != b.mention)
        else {
            continue;
        };
        out.push(Link {
            from: b.mention,
            to: a.mention,
            relation: Relation::RelativeLocation,
            stated: Some(q.clone()),
            direction_deg: direction.and_then(|d| direction_bearing(&toks[d].lower)),
            direction: direction.map(|d| toks[d].lower.to_string()),
            sentence: sentence.clone(),
        });
    }
    let at = |k: usize| places.iter().find(|p| p.start == k);
    let distance = quantities
        .iter()
        .find(|q| matches!(q.kind, QuantityKind::Distance))
        .cloned();
    for (k, t) in toks.iter().enumerate() {
        match t.lower.as_bytes() {
            w if w == LINK_WORDS[0] => {
                if let Some(a) = at(k + 1) {
                    if toks.get(a.end).is_some_and(|t| t.lower == "and") {
                        if let Some(b) = at(a.end + 1) {
                            if a.mention != b.mention {
                                out.push(Link {
                                    from: a.mention,
                                    to: b.mention,
                                    relation: Relation::Between,
                                    stated: distance.clone(),
                                    direction_deg: None,
                                    direction: None,
                                    sentence: sentence.clone(),
                                });
                            }
                        }
                    }
                }
            }
            w if w == LINK_WORDS[1] => {
                if let Some(a) = at(k + 1) {
                    let mut j = a.end;
                    // "from A in the north towards B": allow a short gap.
                    while j < toks.len() && j < a.end + 5 {
                        if matches!(toks[j].lower.as_str(), "to" | "towards" | "toward" | "into") {
                            if let Some(b) = at(j + 1) {
                                if a.mention != b.mention {
                                    out.push(Link {
                                        from: a.mention,
                                        to: b.mention,
                                        relation: Relation::Route,
                                        stated: distance.clone(),
                                        direction_deg: None,
                                        direction: None,
                                        sentence: sentence.clone(),
                                    });
                                }
                            }
                            break;
                        }
                        if !toks[j].word && toks[j].lower != "," {
                            break;
                        }
                        j += 1;
                    }
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens;

    fn spans(s: &str, toks: &[Token], names: &[&str]) -> Vec<Span> {
        names
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let at = s.find(n).expect("name in text");
                let start = toks.iter().position(|t| t.start == at).expect("token");
                let end = toks
                    .iter()
                    .position(|t| t.end == at + n.len())
                    .expect("token")
                    + 1;
                Span {
                    start,
                    end,
                    mention: i,
                    metonym: false,
                }
            })
            .collect()
    }

    #[test]
    fn relative_location() {
        let s = "They reached Izium, about 115 km south-east of Kharkiv, on Friday.";
        let toks = tokens(s, 0..s.len());
        let places = spans(s, &toks, &["Izium", "Kharkiv"]);
        let qs = crate::quantity::find(s, 0..s.len());
        let l = find(&toks, &places, &qs, 0..s.len());
        assert_eq!(l.len(), 1);
        assert_eq!((l[0].from, l[0].to), (1, 0));
        assert_eq!(l[0].direction_deg, Some(135.0));
        assert_eq!(l[0].stated.as_ref().map(|q| q.value), Some(115.0));
    }

    #[test]
    fn between_and_route() {
        let s = "The road between Kupiansk and Izium was cut as troops moved from Balakliia towards Kupiansk.";
        let toks = tokens(s, 0..s.len());
        let mut places = spans(s, &toks, &["Kupiansk", "Izium", "Balakliia"]);
        let second = s.rfind("Kupiansk").expect("second");
        let start = toks.iter().position(|t| t.start == second).expect("tok");
        places.push(Span {
            start,
            end: start + 1,
            mention: 3,
            metonym: false,
        });
        let l = find(&toks, &places, &[], 0..s.len());
        let got: Vec<(usize, usize, Relation)> =
            l.iter().map(|l| (l.from, l.to, l.relation)).collect();
        assert_eq!(
            got,
            vec![(0, 1, Relation::Between), (2, 3, Relation::Route)]
        );
    }

    #[test]
    fn link_words_in_any_case() {
        assert!(may_link("Troops moved FROM Lyman to Kreminna."));
        assert!(may_link("The road Between Izium and Lyman."));
        assert!(may_link("from"));
        assert!(!may_link("Shelling hit Izium and Lyman on Friday."));
        assert!(!may_link("fro m, betwee n"));
    }

    proptest::proptest! {
        /// Whenever a token of a sentence lower-cases to a link word, the byte scan sees it: text made of
        /// the link words in mixed case, near-misses, characters that lower-case to ASCII (Kelvin sign,
        /// dotted capital I) or look like it (long s, fullwidth F), joined by hyphens, apostrophes,
        /// punctuation, spaces or nothing.
        #[test]
        fn the_scan_sees_every_link_word_token(
            s in "((from|FROM|fRoM|between|BETWEEN|Between|fro|frome|İ|ſrom|Ｆrom|K)[ \\-'.,]?){0,8}",
        ) {
            let has_link_token = tokens(&s, 0..s.len())
                .iter()
                .any(|t| LINK_WORDS.contains(&t.lower.as_bytes()));
            proptest::prop_assert!(!has_link_token || may_link(&s), "{:?}", s);
        }
    }
}
