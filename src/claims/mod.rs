//! Claimed changes of territorial control, sentence by sentence, on the resolved mentions.
//!
//! For each action word ("recaptured", "retreated from", "regrouping around", a raised flag) the
//! extractor finds its place (the object, or the subject of a passive), the acting side (the nearest
//! subject actor, the "by" agent, or the side of a flag), the claimant ("according to ...", "... said")
//! and how sure the text is (hedges, acknowledgement by the losing side, denials).

pub mod actors;
pub mod lexicon;

use std::collections::HashMap;
use std::ops::Range;

use crate::extract::{Mention, PlaceSpan};
use crate::gazetteer::Gazetteer;
use crate::text::{self, Token};
use actors::{Actor, Attribution};
use lexicon::Action;

/// A party to the war, or neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Side {
    Ua,
    Ru,
    ThirdParty,
    Unknown,
}

impl Side {
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Ua => "UA",
            Side::Ru => "RU",
            Side::ThirdParty => "third_party",
            Side::Unknown => "unknown",
        }
    }

    /// The other belligerent.
    pub fn opposite(self) -> Side {
        match self {
            Side::Ua => Side::Ru,
            Side::Ru => Side::Ua,
            s => s,
        }
    }

    pub fn is_belligerent(self) -> bool {
        matches!(self, Side::Ua | Side::Ru)
    }
}

/// How well the text supports a claim (CLAIMS.md §1.7, ISW's assessed/claimed split).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Verification {
    /// The losing side acknowledges it, or the text cites independent confirmation.
    Corroborated,
    /// One side or source says so.
    Claimed,
    /// The text hedges ("appeared to", "unconfirmed", "could not be independently verified").
    Unverified,
    /// The other side denies it.
    Disputed,
}

impl Verification {
    pub fn as_str(self) -> &'static str {
        match self {
            Verification::Corroborated => "corroborated",
            Verification::Claimed => "claimed",
            Verification::Unverified => "unverified",
            Verification::Disputed => "disputed",
        }
    }
}

/// One claimed change of control of one place.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// Index of the place mention in the document's mention list.
    pub mention: usize,
    /// `capture`, `recapture` or `withdrawal`.
    pub claim_type: &'static str,
    pub gaining: Side,
    pub losing: Side,
    /// The acting phrase as written ("Ukrainian forces"), if the sentence names one.
    pub actor: Option<String>,
    pub claimant: Option<String>,
    pub claimant_side: Side,
    pub claimant_type: &'static str,
    pub verification: Verification,
    /// The action words as found ("recaptured", "regrouping", "raising the Ukrainian flag").
    pub cue: String,
    pub euphemism: bool,
    /// Byte range of the sentence (the evidence quote).
    pub sentence: Range<usize>,
    /// Extraction confidence 0-1.
    pub confidence: f64,
}

/// How an action finds its place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// "recaptured Izyum": the place follows.
    Object,
    /// "Izyum was retaken by ...", "Kherson fell to ...": the place precedes.
    Subject,
    /// "the Ukrainian flag over Kupiansk": the flag's side gains the place that follows.
    Flag(Side),
    /// "the loss of territory around Kharkiv": the loser is the possessor or the acknowledger.
    LossNoun,
    /// "Kherson is back under Ukrainian control": the subject place, gained by the named side.
    Controlled(Side),
}

struct Cue {
    start: usize,
    end: usize,
    action: Action,
    shape: Shape,
}

const SETTLEMENT_NOUNS: &[&str] = &[
    "city",
    "town",
    "village",
    "settlement",
    "hamlet",
    "port",
    "cities",
    "towns",
    "villages",
];

const BE: &[&str] = &[
    "was", "were", "been", "is", "are", "being", "be", "'s", "has", "have", "had",
];

fn find_cues(toks: &[Token]) -> Vec<Cue> {
    let mut out = Vec::new();
    let mut i = 0;
    'outer: while i < toks.len() {
        if !toks[i].word {
            i += 1;
            continue;
        }
        for (words, action) in lexicon::PHRASES {
            if toks.len() - i >= words.len()
                && words.iter().zip(&toks[i..]).all(|(w, t)| t.lower == *w)
            {
                push_cue(&mut out, toks, i, i + words.len(), *action);
                i += words.len();
                continue 'outer;
            }
        }
        let w = toks[i].lower.as_str();
        if matches!(w, "flag" | "flags") {
            let side = (i.saturating_sub(2)..i).find_map(|k| lexicon::side_word(toks[k].stem()));
            let verb = (i.saturating_sub(5)..i)
                .find(|&k| lexicon::FLAG_VERBS.contains(&toks[k].lower.as_str()));
            if let (Some(side), Some(v)) = (side, verb) {
                out.push(Cue {
                    start: v,
                    end: i + 1,
                    action: Action::Gain,
                    shape: Shape::Flag(side),
                });
            }
            i += 1;
            continue;
        }
        if lexicon::EXPEL.contains(&w) {
            // "<verb> <side> troops out of|from <place>": the enemy is driven out.
            let mut k = i + 1;
            let mut enemy = false;
            while k < toks.len() && k < i + 6 && toks[k].word {
                if lexicon::side_word(toks[k].stem()).is_some() {
                    enemy = true;
                }
                if matches!(toks[k].lower.as_str(), "out" | "from") {
                    break;
                }
                k += 1;
            }
            if enemy && k < toks.len() && matches!(toks[k].lower.as_str(), "out" | "from") {
                let end =
                    if toks[k].lower == "out" && toks.get(k + 1).is_some_and(|t| t.lower == "of") {
                        k + 2
                    } else {
                        k + 1
                    };
                out.push(Cue {
                    start: i,
                    end,
                    action: Action::Gain,
                    shape: Shape::Object,
                });
                i = end;
                continue;
            }
        }
        if w == "control" && i >= 2 && toks[i - 2].lower == "under" {
            // "back under Ukrainian control", "came under Russian control": the subject place changed hands.
            let side = lexicon::side_word(toks[i - 1].stem());
            let change = (i.saturating_sub(5)..i - 2).any(|k| {
                matches!(
                    toks[k].lower.as_str(),
                    "back"
                        | "came"
                        | "come"
                        | "comes"
                        | "coming"
                        | "returned"
                        | "passed"
                        | "fell"
                        | "fallen"
                )
            });
            if let (Some(side), true) = (side, change) {
                out.push(Cue {
                    start: i - 2,
                    end: i + 1,
                    action: Action::Gain,
                    shape: Shape::Controlled(side),
                });
            }
            i += 1;
            continue;
        }
        if w == "occupied"
            && i > 0
            && (matches!(
                toks[i - 1].lower.as_str(),
                "the" | "a" | "an" | "newly" | "temporarily" | "formerly" | "still" | "recently"
            ) || !toks.get(i + 1).is_some_and(|t| t.capital))
        {
            // "the occupied city", "occupied territories": a state, not an event.
            i += 1;
            continue;
        }
        if let Some(action) = lexicon::action(w) {
            let is_take = matches!(w, "took" | "taken" | "take" | "takes" | "taking");
            if is_take
                && toks
                    .get(i + 1)
                    .is_some_and(|n| lexicon::TAKE_NOT.contains(&n.lower.as_str()))
            {
                i += 1;
                continue;
            }
            push_cue(&mut out, toks, i, i + 1, action);
        }
        i += 1;
    }
    out
}

fn push_cue(out: &mut Vec<Cue>, toks: &[Token], start: usize, end: usize, action: Action) {
    // Irrealis: negated, intended, attempted or possible actions are not claims of a change.
    let irrealis = (start.saturating_sub(3)..start)
        .any(|k| lexicon::IRREALIS.contains(&toks[k].lower.as_str()))
        || toks[start..end].iter().any(|t| t.lower.ends_with("n't"));
    // An infinitive ("allow Ukraine to retake") is unreal unless a factual verb governs it ("forced to
    // retreat", "ordered their troops to pull back").
    let infinitive = start > 0 && toks[start - 1].lower == "to";
    let factual = (start.saturating_sub(5)..start.saturating_sub(1)).any(|k| {
        matches!(
            toks[k].lower.as_str(),
            "forced"
                | "forcing"
                | "ordered"
                | "managed"
                | "began"
                | "started"
                | "decided"
                | "compelled"
                | "obliged"
                | "chose"
                | "had"
                | "continued"
        )
    });
    if irrealis || (infinitive && !factual) {
        return;
    }
    let w = toks[start].lower.as_str();
    let shape = if matches!(w, "fell" | "fallen") {
        Shape::Subject
    } else if w == "loss" || (w == "lost" && start > 0 && toks[start - 1].lower == "the") {
        Shape::LossNoun
    } else if end == start + 1
        && start > 0
        && BE.contains(&toks[start - 1].lower.as_str())
        && toks[start - 1].lower != "has"
        && toks[start - 1].lower != "have"
        && toks[start - 1].lower != "had"
        && (w.ends_with("ed") || w.ends_with("en") || matches!(w, "lost" | "left" | "freed"))
    {
        Shape::Subject
    } else {
        Shape::Object
    };
    // "left" and "lost" are common words: they count only right after an actor.
    if matches!(w, "left" | "lost") && shape == Shape::Object {
        let near_actor = (start.saturating_sub(3)..start).any(|k| {
            lexicon::ACTOR_NOUNS.contains(&toks[k].lower.as_str())
                || lexicon::STANDALONE.contains(&toks[k].stem())
        });
        if !near_actor {
            return;
        }
    }
    out.push(Cue {
        start,
        end,
        action,
        shape,
    });
}

/// The places an action at `cue` applies to: the first place within reach, plus places coordinated with
/// it ("Balakliya and Kupiansk").
fn targets(toks: &[Token], places: &[PlaceSpan], cue: &Cue, cues: &[Cue]) -> Vec<usize> {
    let at: HashMap<usize, usize> = places
        .iter()
        .enumerate()
        .map(|(i, p)| (p.start, i))
        .collect();
    let mut out = Vec::new();
    match cue.shape {
        Shape::Subject | Shape::Controlled(_) => {
            // The subject place before the cue. A place that is the object of a preposition ("150 km
            // south-east of Kharkiv") is an appositive detail, unless it names the settlement itself
            // ("the town of Lyman").
            let mut k = cue.start;
            let mut fallback = None;
            while k > 0 && cue.start - k < 14 {
                k -= 1;
                let metonym_ok = matches!(cue.shape, Shape::Controlled(_));
                if let Some(p) = places
                    .iter()
                    .position(|p| p.end == k + 1 && (!p.metonym || metonym_ok))
                {
                    let s = places[p].start;
                    let prep = s > 0 && lexicon::PREPOSITIONS.contains(&toks[s - 1].lower.as_str());
                    let settlement_of = s > 1
                        && toks[s - 1].lower == "of"
                        && SETTLEMENT_NOUNS.contains(&toks[s - 2].lower.as_str());
                    if !prep || settlement_of {
                        out.push(p);
                        break;
                    }
                    fallback.get_or_insert(p);
                    k = s;
                    continue;
                }
                let w = toks[k].lower.as_str();
                if matches!(w, "." | ";" | ":")
                    || lexicon::action(w).is_some() && k + 1 != cue.start
                {
                    break;
                }
            }
            if out.is_empty() {
                out.extend(fallback);
            }
        }
        _ => {
            let action = cue.action;
            let (reach, preps): (usize, &[&str]) = match cue.shape {
                Shape::Flag(_) => (12, lexicon::FLAG_PREPOSITIONS),
                Shape::LossNoun => (12, &["of", "around", "near", "in"]),
                _ => (9, &[]),
            };
            let mut k = cue.end;
            let mut commas = 0;
            while k < toks.len() && k < cue.end + reach {
                if let Some(&p) = at.get(&k) {
                    out.push(p);
                    k = places[p].end;
                    // Coordination: ", X", "and X", ", and X", "as well as X".
                    loop {
                        let mut j = k;
                        let mut saw = false;
                        while j < toks.len()
                            && matches!(toks[j].lower.as_str(), "," | "and" | "or" | "as" | "well")
                        {
                            saw = true;
                            j += 1;
                        }
                        if !saw {
                            break;
                        }
                        match at.get(&j) {
                            Some(&q) => {
                                out.push(q);
                                k = places[q].end;
                            }
                            None => break,
                        }
                    }
                    break;
                }
                let t = &toks[k];
                let w = t.lower.as_str();
                if !t.word {
                    if w == "," {
                        commas += 1;
                        if commas > 1
                            || matches!(cue.shape, Shape::Object) && action != Action::Euphemism
                        {
                            // "capturing strategically important cities, according to": a comma ends the object.
                            if !matches!(cue.shape, Shape::LossNoun) {
                                break;
                            }
                        }
                    } else if matches!(w, "." | ";" | ":" | "(" | ")" | "—" | "–") {
                        break;
                    }
                    k += 1;
                    continue;
                }
                if cues.iter().any(|c| c.start == k) {
                    break;
                }
                let flag = matches!(cue.shape, Shape::Flag(_));
                if lexicon::BLOCKERS.contains(&w)
                    && !flag
                    && !(cue.shape == Shape::LossNoun && w == "territory")
                {
                    break;
                }
                if lexicon::PREPOSITIONS.contains(&w)
                    && !lexicon::allowed_preposition(action, w)
                    && !preps.contains(&w)
                {
                    break;
                }
                k += 1;
            }
        }
    }
    out
}

fn acting_actor<'a>(acts: &'a [Actor], toks: &[Token], cue: &Cue) -> Option<&'a Actor> {
    // Passive or "fell to": the agent after the cue.
    if cue.shape == Shape::Subject {
        let agent = acts.iter().find(|a| {
            a.start >= cue.end
                && a.start <= cue.end + 4
                && matches!(a.after_prep.as_deref(), Some("by" | "to"))
        });
        return agent;
    }
    // Active: the nearest subject actor before the cue.
    let before = acts
        .iter()
        .rev()
        .find(|a| a.end <= cue.start && a.is_subject());
    before
        .or_else(|| {
            // "... was carried out by Russian forces" style agents after the cue.
            acts.iter().find(|a| {
                a.start >= cue.end
                    && a.start <= cue.end + 3
                    && a.after_prep.as_deref() == Some("by")
            })
        })
        .filter(|a| {
            // An actor inside a quote or an attribution clause far back is weak but still the best guess.
            let _ = toks;
            a.end <= cue.start || a.start >= cue.end
        })
}

fn phrase(text: &str, toks: &[Token], start: usize, end: usize) -> String {
    if start >= end || end > toks.len() {
        return String::new();
    }
    text[toks[start].start..toks[end - 1].end].to_string()
}

fn negated(toks: &[Token], k: usize) -> bool {
    (k.saturating_sub(4)..k).any(|j| {
        matches!(
            toks[j].lower.as_str(),
            "not" | "cannot" | "unable" | "never" | "no" | "without"
        ) || toks[j].lower.ends_with("n't")
    })
}

/// Extracts the control-change claims of one document.
pub fn extract(text: &str, mentions: &[Mention], g: &Gazetteer) -> Vec<Claim> {
    let mut out: Vec<Claim> = Vec::new();
    for sent in text::sentences(text) {
        let toks = text::tokens(text, sent.clone());
        let places = crate::extract::place_spans(g, mentions, &toks, &sent);
        let acts = actors::actors(&toks);
        let attrs = actors::attributions(&toks, &acts);
        let cues = find_cues(&toks);
        let denial = toks
            .iter()
            .enumerate()
            .find(|(_, t)| lexicon::DENIAL.contains(&t.lower.as_str()))
            .map(|(k, _)| {
                acts.iter()
                    .rev()
                    .find(|a| a.end <= k && a.is_subject())
                    .map_or(Side::Unknown, |a| a.side)
            });
        let before = out.len();
        let prev_start = out.last().map(|c| c.sentence.start);
        if !places.is_empty() && !cues.is_empty() {
            sentence_claims(
                text, &sent, &toks, &places, &cues, &acts, &attrs, denial, mentions, g, &mut out,
            );
        }
        // A denial that makes no claim of its own disputes the previous sentence's claims of the
        // denier's loss ("Russia said it took X. Kyiv denied it.").
        if let Some(d) = denial.filter(|d| d.is_belligerent()) {
            if out.len() == before {
                for c in out.iter_mut().rev() {
                    if Some(c.sentence.start) != prev_start {
                        break;
                    }
                    if c.losing == d {
                        c.verification = Verification::Disputed;
                    }
                }
            }
        }
    }
    out
}

/// The claims of one sentence.
#[allow(clippy::too_many_arguments)]
fn sentence_claims(
    text: &str,
    sent: &Range<usize>,
    toks: &[Token],
    places: &[PlaceSpan],
    cues: &[Cue],
    acts: &[Actor],
    attrs: &[Attribution],
    denial: Option<Side>,
    mentions: &[Mention],
    g: &Gazetteer,
    out: &mut Vec<Claim>,
) {
    {
        let hedged = toks.iter().enumerate().any(|(k, t)| {
            lexicon::HEDGES.contains(&t.lower.as_str())
                || (matches!(t.lower.as_str(), "verified" | "confirmed" | "independently")
                    && negated(toks, k))
        });
        let independent = toks
            .iter()
            .enumerate()
            .any(|(k, t)| lexicon::CORROBORATION.contains(&t.lower.as_str()) && !negated(toks, k));
        for cue in cues {
            let tgs = targets(toks, places, cue, cues);
            if tgs.is_empty() {
                continue;
            }
            let actor = acting_actor(acts, toks, cue);
            let claimant_attr: Option<&Attribution> = attrs.first();
            let (mut gaining, mut losing, actor_text) = match (cue.shape, actor) {
                (Shape::Flag(side) | Shape::Controlled(side), _) => (side, side.opposite(), None),
                (Shape::LossNoun, _) => {
                    // The loser: a possessor right before "loss", else whoever acknowledges it.
                    let possessor = acts
                        .iter()
                        .find(|a| a.end == cue.start || a.end + 1 == cue.start);
                    let ack = attrs
                        .iter()
                        .find(|a| a.acknowledges && a.side.is_belligerent());
                    match possessor.map(|a| a.side).or(ack.map(|a| a.side)) {
                        Some(l) if l.is_belligerent() => (l.opposite(), l, None),
                        _ => continue,
                    }
                }
                (_, Some(a)) if a.side.is_belligerent() => {
                    let s = a.side;
                    let text = Some(phrase(text, toks, a.start, a.end));
                    match cue.action {
                        Action::Gain | Action::Regain => (s, s.opposite(), text),
                        Action::Loss | Action::Euphemism => (s.opposite(), s, text),
                    }
                }
                _ => (Side::Unknown, Side::Unknown, None),
            };
            if !gaining.is_belligerent() {
                // No actor: a denial names the other side; a belligerent official claimant names its own gain.
                if let Some(d) = denial.filter(|d| d.is_belligerent()) {
                    if matches!(cue.action, Action::Gain | Action::Regain) {
                        gaining = d.opposite();
                        losing = d;
                    }
                } else if let Some(a) = claimant_attr.filter(|a| a.side.is_belligerent()) {
                    let ty = lexicon::claimant_type(
                        &toks[a.start..a.end]
                            .iter()
                            .map(|t| t.lower.as_str())
                            .collect::<Vec<_>>(),
                    );
                    if matches!(cue.action, Action::Gain | Action::Regain)
                        && matches!(ty, "military_official" | "government" | "local_official")
                    {
                        gaining = a.side;
                        losing = a.side.opposite();
                    }
                }
            }
            if !gaining.is_belligerent() {
                continue;
            }
            // Verification.
            let loser_speaks = attrs.iter().any(|a| a.side == losing);
            let denied = denial.is_some_and(|d| d == losing || !d.is_belligerent());
            let verification = if denied {
                Verification::Disputed
            } else if loser_speaks || independent {
                Verification::Corroborated
            } else if hedged {
                Verification::Unverified
            } else {
                Verification::Claimed
            };
            let (claimant, claimant_side, claimant_type) = match claimant_attr {
                Some(a) => {
                    let words: Vec<&str> = toks[a.start..a.end]
                        .iter()
                        .map(|t| t.lower.as_str())
                        .collect();
                    (
                        Some(phrase(text, toks, a.start, a.end)),
                        a.side,
                        lexicon::claimant_type(&words),
                    )
                }
                None => (None, Side::Unknown, "unknown"),
            };
            let cue_text = phrase(text, toks, cue.start, cue.end);
            let regain_word = cue.action == Action::Regain;
            for &p in &tgs {
                let m = places[p].mention;
                let home = mentions[m]
                    .entry
                    .map(|e| g.country(e).to_string())
                    .unwrap_or_default();
                let claim_type = match cue.action {
                    Action::Loss | Action::Euphemism if cue.shape != Shape::LossNoun => {
                        "withdrawal"
                    }
                    _ if regain_word
                        || (gaining == Side::Ua && home == "UA")
                        || (gaining == Side::Ru && home == "RU") =>
                    {
                        "recapture"
                    }
                    _ => "capture",
                };
                let mut confidence: f64 = 0.8;
                if actor_text.is_none()
                    && !matches!(cue.shape, Shape::Flag(_) | Shape::Controlled(_))
                {
                    confidence -= 0.15;
                }
                if hedged {
                    confidence -= 0.15;
                }
                if cue.action == Action::Euphemism {
                    confidence -= 0.05;
                }
                if verification == Verification::Corroborated {
                    confidence += 0.1;
                }
                out.push(Claim {
                    mention: m,
                    claim_type,
                    gaining,
                    losing,
                    actor: actor_text.clone(),
                    claimant: claimant.clone(),
                    claimant_side,
                    claimant_type,
                    verification,
                    cue: cue_text.clone(),
                    euphemism: cue.action == Action::Euphemism
                        || (cue.action == Action::Loss
                            && cues.iter().any(|c| c.action == Action::Euphemism)),
                    sentence: sent.clone(),
                    confidence: confidence.clamp(0.05, 0.99),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Extractor;
    use std::sync::OnceLock;

    fn gazetteer() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| Gazetteer::bundled().expect("bundled gazetteer"))
    }

    /// (place as written, gaining side, claim type, verification, euphemism) of each claim.
    fn claims(text: &str) -> Vec<(String, &'static str, &'static str, &'static str, bool)> {
        let g = gazetteer();
        let x = Extractor::new(g);
        let ms = x.extract(text.as_bytes());
        extract(text, &ms, g)
            .into_iter()
            .map(|c| {
                (
                    ms[c.mention].text.clone(),
                    c.gaining.as_str(),
                    c.claim_type,
                    c.verification.as_str(),
                    c.euphemism,
                )
            })
            .collect()
    }

    #[test]
    fn captures_and_recaptures() {
        assert_eq!(
            claims("Ukrainian troops recaptured the town of Balakliia and later seized Kupiansk."),
            vec![
                ("Balakliia".into(), "UA", "recapture", "claimed", false),
                ("Kupiansk".into(), "UA", "recapture", "claimed", false),
            ]
        );
        assert_eq!(
            claims(
                "Russian forces captured Soledar in January, the defence ministry in Moscow said."
            ),
            vec![("Soledar".into(), "RU", "capture", "claimed", false)]
        );
        assert_eq!(
            claims("Wagner fighters have taken control of Soledar and Bakhmut."),
            vec![
                ("Soledar".into(), "RU", "capture", "claimed", false),
                ("Bakhmut".into(), "RU", "capture", "claimed", false),
            ]
        );
    }

    #[test]
    fn withdrawals_and_euphemisms_give_the_other_side_the_place() {
        assert_eq!(
            claims("Russian troops withdrew from Kherson, according to Russian state media."),
            vec![("Kherson".into(), "UA", "withdrawal", "corroborated", false)]
        );
        assert_eq!(
            claims("Moscow described a regrouping of its forces around Izyum."),
            vec![("Izyum".into(), "UA", "withdrawal", "claimed", true)]
        );
    }

    #[test]
    fn passive_with_agent_and_appositive() {
        assert_eq!(
            claims("Lyman, some 150 km south-east of Kharkiv, was retaken by Ukrainian forces."),
            vec![("Lyman".into(), "UA", "recapture", "claimed", false)]
        );
        assert_eq!(
            claims("Vuhledar fell to Russian forces after a two-year siege."),
            vec![("Vuhledar".into(), "RU", "capture", "claimed", false)]
        );
    }

    #[test]
    fn hedges_acknowledgements_denials() {
        assert_eq!(
            claims("Ukrainian forces appeared to have retaken Vovchansk, though this could not be independently verified."),
            vec![("Vovchansk".into(), "UA", "recapture", "unverified", false)]
        );
        let c = claims("Russia said its troops had captured Vuhledar. Kyiv denied it.");
        assert_eq!(
            c,
            vec![("Vuhledar".into(), "RU", "capture", "disputed", false)]
        );
        let c = claims("Kyiv denied that Soledar had been captured.");
        assert_eq!(
            c,
            vec![("Soledar".into(), "RU", "capture", "disputed", false)]
        );
    }

    #[test]
    fn expulsions_occupations_and_control_states() {
        assert_eq!(
            claims("Ukrainian troops ousted Russian forces from Bilohorivka, near Lysychansk."),
            vec![("Bilohorivka".into(), "UA", "recapture", "claimed", false)]
        );
        assert_eq!(
            claims("Russian forces occupied Izyum in April."),
            vec![("Izyum".into(), "RU", "capture", "claimed", false)]
        );
        assert_eq!(
            claims("Life in the occupied city of Kherson was hard."),
            vec![]
        );
        assert_eq!(
            claims("Kherson is back under Ukrainian control, the governor said."),
            vec![("Kherson".into(), "UA", "recapture", "claimed", false)]
        );
    }

    #[test]
    fn flags() {
        assert_eq!(
            claims("Soldiers were pictured raising the Ukrainian flag over the council building in Kupiansk."),
            vec![("Kupiansk".into(), "UA", "recapture", "claimed", false)]
        );
    }

    #[test]
    fn no_claim_without_a_change_of_control() {
        for t in [
            "Russia abandoned its assault on Kyiv in March.",
            "Russian forces are trying to capture Bakhmut.",
            "Ukraine has not retaken Izium, officials said.",
            "Officials tried to evacuate civilians from Izium.",
            "Russian troops captured villages near Bakhmut.",
            "Ukrainian delegates took part in talks in Istanbul.",
            "The offensive could allow Ukraine to retake Melitopol.",
            "Ukrainian forces advanced towards Kupiansk.",
            "Russian forces entered the outskirts of Kherson.",
            "",
        ] {
            assert_eq!(claims(t), vec![], "{t}");
        }
    }
}
