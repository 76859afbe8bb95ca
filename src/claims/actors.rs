//! Actors and attributions in a sentence: who acts ("Ukrainian forces", "Russia's defence ministry",
//! "Kyiv") and who says so ("according to Ukrainian officials", "Russian military bloggers said").

use super::lexicon::{
    side_word, ACKNOWLEDGE, ACTOR_NOUNS, PREPOSITIONS, SPEECH, STANDALONE, THIRD_PARTY,
};
use super::Side;
use crate::text::Token;

/// A side-marked noun phrase, by token index (end exclusive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub start: usize,
    pub end: usize,
    pub side: Side,
    /// The preposition right before the phrase ("with Russian troops"), if any: such phrases are not subjects.
    pub after_prep: Option<String>,
}

impl Actor {
    pub fn is_subject(&self) -> bool {
        self.after_prep.is_none()
    }
}

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "some", "many", "several", "other", "its", "their",
];

fn preposition_before(toks: &[Token], start: usize) -> Option<String> {
    let mut i = start;
    while i > 0 && DETERMINERS.contains(&toks[i - 1].lower.as_str()) {
        i -= 1;
    }
    if i == 0 {
        return None;
    }
    let w = toks[i - 1].lower.as_str();
    PREPOSITIONS.contains(&w).then(|| w.to_string())
}

/// All actor phrases of a sentence's tokens, in order.
pub fn actors(toks: &[Token]) -> Vec<Actor> {
    let mut out: Vec<Actor> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if !t.word {
            i += 1;
            continue;
        }
        let stem = t.stem();
        // "the Armed Forces of Ukraine"
        if ACTOR_NOUNS.contains(&t.lower.as_str())
            && toks.get(i + 1).is_some_and(|n| n.lower == "of")
        {
            if let Some(side) = toks
                .get(i + 2)
                .filter(|n| STANDALONE.contains(&n.stem()))
                .and_then(|n| side_word(n.stem()))
            {
                let start = if i > 0 && toks[i - 1].lower == "armed" {
                    i - 1
                } else {
                    i
                };
                out.push(Actor {
                    start,
                    end: i + 3,
                    side,
                    after_prep: preposition_before(toks, start),
                });
                i += 3;
                continue;
            }
        }
        let Some(side) = side_word(stem) else {
            i += 1;
            continue;
        };
        // Side word followed by an actor noun within three words.
        let mut noun_end = None;
        for k in i + 1..(i + 4).min(toks.len()) {
            let w = toks[k].lower.as_str();
            if !toks[k].word
                || SPEECH.contains(&w)
                || matches!(w, "its" | "their" | "his" | "her" | "that" | "and" | "or")
            {
                break;
            }
            if ACTOR_NOUNS.contains(&toks[k].lower.as_str()) {
                let mut e = k + 1;
                while e < toks.len() && ACTOR_NOUNS.contains(&toks[e].lower.as_str()) {
                    e += 1;
                }
                noun_end = Some(e);
                break;
            }
            if side_word(toks[k].stem()).is_some() && toks[k].lower != "pro-government" {
                continue;
            }
        }
        if let Some(end) = noun_end {
            out.push(Actor {
                start: i,
                end,
                side,
                after_prep: preposition_before(toks, i),
            });
            i = end;
            continue;
        }
        let possessive = t.lower.ends_with("'s") || t.lower.ends_with('\'');
        if STANDALONE.contains(&stem) && !possessive {
            out.push(Actor {
                start: i,
                end: i + 1,
                side,
                after_prep: preposition_before(toks, i),
            });
        }
        i += 1;
    }
    out
}

/// Who a sentence says the information comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// Token range of the claimant phrase.
    pub start: usize,
    pub end: usize,
    pub side: Side,
    /// The speech verb or "according to".
    pub cue: String,
    /// The verb accepts the claim ("confirmed", "acknowledged", "admitted").
    pub acknowledges: bool,
}

fn is_clause_break(t: &Token) -> bool {
    !t.word
        && matches!(
            t.lower.as_str(),
            "," | ";" | ":" | "(" | ")" | "." | "—" | "–"
        )
}

fn phrase_side(toks: &[Token], start: usize, end: usize, acts: &[Actor]) -> Vec<Side> {
    let mut sides: Vec<Side> = acts
        .iter()
        .filter(|a| a.start >= start && a.end <= end)
        .map(|a| a.side)
        .collect();
    if sides.is_empty() {
        for t in &toks[start..end] {
            if let Some(s) = side_word(t.stem()) {
                sides.push(s);
            }
        }
    }
    if sides.is_empty()
        && toks[start..end]
            .iter()
            .any(|t| THIRD_PARTY.contains(&t.lower.as_str()))
    {
        sides.push(Side::ThirdParty);
    }
    sides.dedup();
    sides
}

/// Attributions of a sentence: "according to X", "X said/claimed/confirmed", "confirmed by X".
pub fn attributions(toks: &[Token], acts: &[Actor]) -> Vec<Attribution> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let w = toks[i].lower.as_str();
        if w == "according" && toks.get(i + 1).is_some_and(|n| n.lower == "to") {
            let start = i + 2;
            let mut end = start;
            while end < toks.len() && end < start + 14 && !is_clause_break(&toks[end]) {
                end += 1;
            }
            if end > start {
                let sides = phrase_side(toks, start, end, acts);
                let sides = if sides.is_empty() {
                    vec![Side::Unknown]
                } else {
                    sides
                };
                for side in sides {
                    out.push(Attribution {
                        start,
                        end,
                        side,
                        cue: "according to".into(),
                        acknowledges: false,
                    });
                }
            }
            i = end.max(i + 2);
            continue;
        }
        if SPEECH.contains(&w) {
            let acknowledges = ACKNOWLEDGE.contains(&w);
            // Passive: "confirmed by a military source", "acknowledged by pro-Russian forces".
            if toks.get(i + 1).is_some_and(|n| n.lower == "by") {
                let start = i + 2;
                let mut end = start;
                while end < toks.len() && end < start + 10 && !is_clause_break(&toks[end]) {
                    end += 1;
                }
                if end > start {
                    let sides = phrase_side(toks, start, end, acts);
                    out.push(Attribution {
                        start,
                        end,
                        side: sides.first().copied().unwrap_or(Side::Unknown),
                        cue: toks[i].lower.clone(),
                        acknowledges,
                    });
                }
                i = end.max(i + 1);
                continue;
            }
            // Active: the nearest subject actor before the verb.
            if let Some(a) = acts.iter().rev().find(|a| a.end <= i && a.is_subject()) {
                out.push(Attribution {
                    start: a.start,
                    end: a.end,
                    side: a.side,
                    cue: toks[i].lower.clone(),
                    acknowledges,
                });
            } else {
                // The words of the clause before the verb ("The source also claimed").
                let mut start = i;
                while start > 0 && i - start < 6 && !is_clause_break(&toks[start - 1]) {
                    start -= 1;
                }
                if start < i {
                    let sides = phrase_side(toks, start, i, acts);
                    out.push(Attribution {
                        start,
                        end: i,
                        side: sides.first().copied().unwrap_or(Side::Unknown),
                        cue: toks[i].lower.clone(),
                        acknowledges,
                    });
                }
            }
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens;

    fn words(s: &str, toks: &[Token], a: usize, b: usize) -> String {
        s[toks[a].start..toks[b - 1].end].to_string()
    }

    #[test]
    fn finds_actors_and_subjects() {
        let s = "Russia's Defence Ministry said units embedded with Russian troops and the Armed Forces of Ukraine met Kyiv.";
        let t = tokens(s, 0..s.len());
        let a = actors(&t);
        let got: Vec<(String, Side, bool)> = a
            .iter()
            .map(|a| (words(s, &t, a.start, a.end), a.side, a.is_subject()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Russia's Defence Ministry".into(), Side::Ru, true),
                ("Russian troops".into(), Side::Ru, false),
                ("Armed Forces of Ukraine".into(), Side::Ua, true),
                ("Kyiv".into(), Side::Ua, true),
            ]
        );
    }

    #[test]
    fn possessive_place_is_not_an_actor() {
        let s = "The front line in Russia's south held.";
        let t = tokens(s, 0..s.len());
        assert!(actors(&t).is_empty());
    }

    #[test]
    fn attributions_with_sides() {
        let s = "Troops took it, according to Ukrainian officials as well as Russian pro-government journalists.";
        let t = tokens(s, 0..s.len());
        let a = attributions(&t, &actors(&t));
        let sides: Vec<Side> = a.iter().map(|a| a.side).collect();
        assert_eq!(sides, vec![Side::Ua, Side::Ru]);
        let s = "The loss was even acknowledged by pro-Russian forces.";
        let t = tokens(s, 0..s.len());
        let a = attributions(&t, &actors(&t));
        assert_eq!(a.len(), 1);
        assert_eq!((a[0].side, a[0].acknowledges), (Side::Ru, true));
    }
}
