//! What the words around an event say about it, read as scopes (the ConText / NegEx approach): a trigger
//! opens a scope that runs to a boundary, and an event inside it takes the trigger's meaning.
//!
//! * [`mood`]: whether an event word asserts that the event happened (not a plan, a prediction, an
//!   attempt, a condition, a question, a negation). Definite event nouns presuppose their event, so a
//!   modal above them does not make them unreal ("unlikely to leverage the capture of X").
//! * [`attributions`]: who says what ("Russian sources claimed that ...", "..., the governor said",
//!   "according to ..."), and over which tokens.
//! * [`cues`]: denials, "cannot confirm", and independent evidence, with their scopes; some point back to
//!   a claim made before ("this claim", "these reports").

use std::ops::Range;

use super::actors::Kind;
use super::lexicon::{has, Form, Words};
use super::sentence::{Bound, Sent, ALL, HARD};
use super::Side;

/// Whether an event word asserts its event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mood {
    Fact,
    /// A plan, prediction, attempt, condition or question.
    Unreal,
    /// Said not to have happened.
    Negated,
}

fn is_negator(s: &Sent, j: usize) -> bool {
    s.has(&s.lx.negation, j) || s.word(j).ends_with("n't")
}

/// The mood of the event word at token `k` in form `form`.
pub fn mood(s: &Sent, k: usize, form: Form) -> Mood {
    let lx = s.lx;
    if s.w.last() == Some(&"?") {
        return Mood::Unreal;
    }
    let start = s.clause_start(k, ALL);
    let conditional = (start..k).any(|j| s.has(&lx.conditional, j));
    // "Had Russia taken Mariupol quickly, ...": an inverted auxiliary opens a counterfactual.
    let inverted = (start..k).any(|j| {
        matches!(s.word(j), "had" | "were" | "should")
            && (j == 0 || s.word(j - 1) == ",")
            && j + 1 < k
            && s.word(j + 1) != "been"
    });
    if conditional || inverted {
        return Mood::Unreal;
    }
    if form == Form::Noun {
        return noun_mood(s, k);
    }
    if (start.max(k.saturating_sub(5))..k).any(|j| is_negator(s, j)) {
        return Mood::Negated;
    }
    let pair = |j: usize| {
        lx.irrealis_pairs
            .iter()
            .any(|p| s.word(j) == p[0] && s.word(j + 1) == p[1])
    };
    if (start..k).any(|j| s.has(&lx.irrealis, j) || pair(j)) {
        return Mood::Unreal;
    }
    match form {
        Form::Base => base_mood(s, k),
        Form::Gerund => gerund_mood(s, k),
        _ => verb_mood(s, k),
    }
}

/// "to" + a base form asserts the event only under a factual verb ("claimed to recapture").
fn governed_by_fact(s: &Sent, to: usize) -> bool {
    let Some(mut g) = s.before_adverbs(to) else {
        return false;
    };
    // "forced Russian troops to withdraw": the verb governs through its object.
    if let Some(a) = s.actors.iter().find(|a| a.end == g + 1) {
        match s.before_adverbs(a.start) {
            Some(v) => g = v,
            None => return false,
        }
    }
    s.has(&s.lx.factual_to, g)
}

fn base_mood(s: &Sent, k: usize) -> Mood {
    let lx = s.lx;
    // Languages whose base forms are infinitives or futures (Ukrainian, Russian) never assert with one.
    if lx.to.is_empty() {
        return Mood::Unreal;
    }
    let Some(p) = s.before_adverbs(k) else {
        return Mood::Unreal;
    };
    if s.has(&lx.to, p) {
        return if governed_by_fact(s, p) {
            Mood::Fact
        } else {
            Mood::Unreal
        };
    }
    if matches!(s.word(p), "did" | "do" | "does") {
        return Mood::Fact;
    }
    // A bare present after a subject that opens its clause ("Russian forces capture Bakhmut"), or a bare
    // infinitive after a verb of perception ("has seen Ukrainian forces recapture Balakliia"), not one after
    // another verb's object ("helping Ukraine regain Enerhodar").
    let start = s.clause_start(k, ALL);
    if s.actors.iter().any(|a| {
        a.end == p + 1
            && a.start > 0
            && s.before_adverbs(a.start)
                .is_some_and(|v| s.has(&lx.perception, v))
    }) {
        return Mood::Fact;
    }
    if s.actors.iter().any(|a| {
        a.end == p + 1
            && a.is_subject()
            && (start..a.start).all(|j| s.has(&lx.adverbs, j) || s.has(&lx.definite, j))
    }) {
        return Mood::Fact;
    }
    Mood::Unreal
}

fn gerund_mood(s: &Sent, k: usize) -> Mood {
    let lx = s.lx;
    if lx.to.is_empty() {
        return Mood::Fact;
    }
    let Some(p) = s.before_adverbs(k) else {
        return Mood::Unreal;
    };
    let w = s.word(p);
    let claim_of = |of: usize| of >= 1 && s.word(of) == "of" && s.has(&lx.claim_nouns, of - 1);
    if s.has(&lx.be, p) || s.has(&lx.gerund_factual, p) || claim_of(p) {
        return Mood::Fact;
    }
    if w == "in" && p > 0 && s.word(p - 1) == "succeeded" {
        return Mood::Fact;
    }
    // "reports of Ukrainian forces capturing territory".
    if let Some(a) = s.actors.iter().find(|a| a.end == p + 1) {
        if a.start >= 1 && claim_of(a.start - 1) {
            return Mood::Fact;
        }
    }
    Mood::Unreal
}

fn verb_mood(s: &Sent, k: usize) -> Mood {
    let lx = s.lx;
    // "claimed to have taken", "is said to be surrounded": a "to" before the auxiliary.
    if let Some(aux) = s.before_adverbs(k) {
        if (s.has(&lx.perfect, aux) || s.has(&lx.be, aux)) && aux > 0 && s.has(&lx.to, aux - 1) {
            return if governed_by_fact(s, aux - 1) {
                Mood::Fact
            } else {
                Mood::Unreal
            };
        }
    }
    Mood::Fact
}

/// Verbs that name an event ("called it a regrouping").
static DESCRIBE: Words = Words::new(&[
    "called",
    "calls",
    "described",
    "describes",
    "termed",
    "labelled",
    "labeled",
    "dubbed",
    "characterized",
    "characterised",
    "as",
]);

fn noun_mood(s: &Sent, k: usize) -> Mood {
    let lx = s.lx;
    if lx.definite.is_empty() {
        // No articles: an event noun asserts unless a verb of preparing or preventing governs it.
        let governed = (k.saturating_sub(2)..k).any(|j| s.has(&lx.noun_irrealis, j));
        let unreal = (s.clause_start(k, ALL)..k).any(|j| s.has(&lx.irrealis, j));
        return if governed || unreal {
            Mood::Unreal
        } else {
            Mood::Fact
        };
    }
    // The nearest determiner, possessor or side adjective before the noun.
    let mut j = k;
    let mut definite = None;
    while j > 0 && k - j < 4 {
        j -= 1;
        let w = s.word(j);
        if s.has(&lx.indefinite, j) {
            definite = Some(false);
            break;
        }
        let possessor = w.ends_with("'s") || w.ends_with('\'') || s.has(&lx.pronouns, j);
        if s.has(&lx.definite, j) || possessor || (lx.side_word)(s.toks[j].stem()).is_some() {
            definite = Some(true);
            if !s.has(&lx.definite, j) || matches!(w, "the" | "its" | "their" | "this" | "that") {
                break;
            }
            continue;
        }
        if !s.has(&lx.adverbs, j) {
            break;
        }
    }
    // "called it a regrouping", "described as a withdrawal", "was a retreat": a name for what happened.
    let predicate = (j.saturating_sub(3)..j).any(|p| s.has(&lx.be, p) || s.has(&DESCRIBE, p));
    if definite != Some(true) && !(definite == Some(false) && predicate) {
        return Mood::Unreal;
    }
    // "complete the capture of", "set conditions for the withdrawal from"; "the capture of X remains the
    // Kremlin's goal".
    let det = j;
    let governed = (det.saturating_sub(3)..det).any(|g| s.has(&lx.noun_irrealis, g));
    // "the capture of Vodyane would allow": a hypothetical predicate of the noun phrase itself (not "X,
    // a town ..., in what would be").
    let end = s.clause_end(k, ALL);
    let first_comma = (k..end).find(|&g| s.word(g) == ",").unwrap_or(end);
    let goal = (k..end).any(|g| s.has(&lx.goals, g))
        || (k..first_comma).any(|g| matches!(s.word(g), "would" | "could" | "might"));
    if governed || goal {
        Mood::Unreal
    } else {
        Mood::Fact
    }
}

/// Who a sentence says something comes from, and what it covers.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    /// The speech verb, "according", the claim noun, or the hedge.
    pub cue: usize,
    /// The claimant phrase, by tokens.
    pub who: Option<Range<usize>>,
    pub sides: Vec<Side>,
    /// The claimant is armed forces or a state (its own troops' moves are its own to report).
    pub military: bool,
    /// The tokens whose events it attributes.
    pub scope: Range<usize>,
    /// The verb accepts the claim ("confirmed", "acknowledged").
    pub acknowledges: bool,
    /// The source is independent evidence or an assessment ("geolocated footage shows", "ISW assessed").
    pub evidence: bool,
    /// An unnamed source ("reportedly").
    pub hedge: bool,
    /// The claimant is a third party (neither belligerent: "ISW", "Western analysts").
    pub third: bool,
}

/// Words that may follow a speech verb without being what is said ("said on Saturday.").
fn is_time_word(s: &Sent, k: usize) -> bool {
    let w = s.word(k);
    s.has(&s.lx.time_words, k)
        || matches!(w, "," | ".")
        || w.chars().all(|c| c.is_ascii_digit() || c == '-')
}

/// The claimant phrase before a speech word at `j`: the actor that ends right before it (auxiliaries and
/// adverbs aside: "Russian sources have also claimed"), else the words back to a boundary (at most six).
fn claimant_before(s: &Sent, j: usize) -> Option<Range<usize>> {
    let mut e = j;
    while e > 0
        && (s.has(&s.lx.adverbs, e - 1) || s.has(&s.lx.perfect, e - 1) || s.has(&s.lx.be, e - 1))
    {
        e -= 1;
    }
    if let Some(a) = s.actors.iter().find(|a| a.end == e) {
        return Some(a.start..a.end);
    }
    let start = s.clause_start(e, ALL);
    let mut b = e;
    while b > start && e - b < 6 && s.toks[b - 1].word {
        b -= 1;
    }
    (b < e).then_some(b..e)
}

fn phrase_sides(s: &Sent, r: &Range<usize>) -> (Vec<Side>, bool, bool) {
    let lx = s.lx;
    let mut sides = Vec::new();
    let mut military = false;
    for a in s
        .actors
        .iter()
        .filter(|a| a.start >= r.start && a.end <= r.end)
    {
        for x in &a.sides {
            if !sides.contains(x) {
                sides.push(*x);
            }
        }
        military |= a.kind == Kind::Military;
    }
    if sides.is_empty() {
        for t in &s.toks[r.clone()] {
            if let Some(x) = (lx.side_word)(t.stem()) {
                if !sides.contains(&x) {
                    sides.push(x);
                }
            }
        }
    }
    // "Kharkiv Oblast civil authorities", "the Slavutych mayor": officials named after a place speak for
    // its country.
    if sides.is_empty()
        && s.toks[r.clone()]
            .iter()
            .any(|t| has(&lx.actor_nouns, &t.lower))
    {
        if let Some(sl) = s
            .slots
            .iter()
            .find(|sl| sl.start >= r.start && sl.end <= r.end && sl.home.is_belligerent())
        {
            sides.push(sl.home);
        }
    }
    let third = s.toks[r.clone()]
        .iter()
        .any(|t| has(&lx.third_party, &t.lower) || has(&lx.third_party, t.stem()))
        || sides == [Side::ThirdParty];
    // "its own statement", "their claims": the speaker is the actor before.
    if sides.is_empty()
        && s.toks[r.clone()]
            .iter()
            .any(|t| has(&lx.pronouns, &t.lower))
    {
        if let Some(a) = s
            .actors
            .iter()
            .rev()
            .find(|a| a.end <= r.start && a.side().is_belligerent())
        {
            sides.push(a.side());
        }
    }
    sides.retain(|x| *x != Side::ThirdParty);
    (sides, military, third)
}

/// The attributions of a sentence.
pub fn attributions(s: &Sent) -> Vec<Attribution> {
    (0..s.len()).filter_map(|j| attribution_at(s, j)).collect()
}

/// The attribution whose cue is token `j`, if any: "according to X", a hedge ("reportedly"), a speech
/// verb ("X claimed that ...", "..., the governor said"), a passive one ("confirmed by X"), a claim noun
/// ("Russian claims that ...").
fn attribution_at(s: &Sent, j: usize) -> Option<Attribution> {
    let lx = s.lx;
    if let Some(pat) = lx
        .according
        .iter()
        .find(|p| p.iter().enumerate().all(|(i, x)| s.word(j + i) == *x))
    {
        let a = j + pat.len();
        let b = (a..s.len().min(a + 14))
            .find(|&b| s.bounds[b] == Some(Bound::Terminator) || s.word(b) == ",")
            .unwrap_or(s.len().min(a + 14));
        let scope = s.clause_start(j, HARD)..s.clause_end(b, HARD);
        return Some(make(s, j, Some(a..b), scope, false));
    }
    if s.has(&lx.hedges, j) {
        return Some(hedge(
            s,
            j,
            s.clause_start(j, ALL)..s.clause_end(j + 1, ALL),
        ));
    }
    let w = s.word(j);
    let speech = s.has(&lx.speech, j) && !s.has(&lx.denial, j);
    let noun = s.has(&lx.claim_nouns, j)
        && matches!(
            s.word(j + 1),
            "that" | "of" | "emerged" | "by" | "concerning" | "about" | "regarding" | "on"
        );
    // "did not confirm" is a cue, not an attribution.
    if !(speech || noun) || (j.saturating_sub(3)..j).any(|k| is_negator(s, k)) {
        return None;
    }
    // "the reported withdrawal": an adjective, an unnamed source; "the reports are accurate": a noun.
    let before = s.before_adverbs(j);
    if speech && !noun && before.is_some_and(|b| s.has(&lx.definite, b) && !s.has(&lx.perfect, b)) {
        return w
            .ends_with("ed")
            .then(|| hedge(s, j, j + 1..s.clause_end(j + 1, ALL)));
    }
    // "confirmed by a local official": the claimant follows, the scope is the clause before.
    if speech && s.word(j + 1) == "by" {
        let b = (j + 2..s.len())
            .find(|&k| s.bounds[k].is_some() || s.word(k) == ",")
            .unwrap_or(s.len());
        return Some(make(
            s,
            j,
            Some(j + 2..b),
            s.clause_start(j, HARD)..j,
            false,
        ));
    }
    let who = if noun {
        noun_claimant(s, j)
    } else {
        claimant_before(s, j)
    };
    let forward_end = s.clause_end(j + 1, HARD);
    // "..., the minister said on Monday, calling it a step": what follows the comma is no longer said.
    let first_comma = (j + 1..forward_end)
        .find(|&k| s.word(k) == ",")
        .unwrap_or(forward_end);
    let content = (j + 1..first_comma).any(|k| !is_time_word(s, k))
        || (first_comma == j + 1 && s.has(&lx.complementizers, j + 2));
    let scope = if content {
        j + 1..forward_end
    } else {
        // Postposed: "..., the governor said."
        let from = who.as_ref().map_or(j, |r| r.start);
        s.clause_start(from.saturating_sub(1), HARD)..from
    };
    Some(make(s, j, who, scope, speech && s.has(&lx.acknowledge, j)))
}

/// An unnamed source over `scope` ("reportedly", "the reported withdrawal").
fn hedge(s: &Sent, j: usize, scope: Range<usize>) -> Attribution {
    let mut a = make(s, j, None, scope, false);
    a.hedge = true;
    a
}

/// The claimant of a claim noun: a possessor or side adjective before it ("Russian claims", "Miroshnik's
/// claims"), or "by X" after it.
fn noun_claimant(s: &Sent, j: usize) -> Option<Range<usize>> {
    let mut b = j;
    while b > 0 && j - b < 4 && s.toks[b - 1].word && s.bounds[b - 1].is_none() {
        b -= 1;
        if s.has(&s.lx.definite, b) && (s.lx.side_word)(s.toks[b].stem()).is_none() {
            b += 1;
            break;
        }
    }
    if b < j {
        return Some(b..j);
    }
    (s.word(j + 1) == "by").then(|| {
        let e = (j + 2..s.len())
            .find(|&k| s.bounds[k].is_some() || s.word(k) == ",")
            .unwrap_or(s.len());
        j + 2..e
    })
}

fn make(
    s: &Sent,
    cue: usize,
    who: Option<Range<usize>>,
    scope: Range<usize>,
    acknowledges: bool,
) -> Attribution {
    let lx = s.lx;
    let (sides, military, third) = who
        .as_ref()
        .map_or((vec![], false, false), |r| phrase_sides(s, r));
    // "Geolocated footage ... shows that", "ISW has assessed that": evidence, not a side's word.
    let evidence_words = (0..cue)
        .any(|k| s.has(&lx.evidence, k) && !(k.saturating_sub(3)..k).any(|j| is_negator(s, j)))
        || s.has(&lx.evidence, cue);
    Attribution {
        cue,
        who,
        sides,
        military,
        scope,
        acknowledges,
        evidence: evidence_words,
        hedge: false,
        third,
    }
}

/// What a cue says about the claims it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// Denied, refuted, said to be false.
    Denial,
    /// The report cannot confirm it.
    Unconfirmed,
    /// Independent evidence shows it.
    Evidence,
}

/// A verification cue and its scope.
#[derive(Debug, Clone, PartialEq)]
pub struct Cue {
    pub at: usize,
    pub kind: CueKind,
    /// Tokens of this sentence whose events it covers.
    pub scope: Range<usize>,
    /// It points back to a claim already made ("denied it", "cannot confirm this claim").
    pub back: bool,
    /// The side of whoever denies (Unknown when the text does not say).
    pub by: Side,
}

/// Words after a cue that point back to an earlier claim ("denied it", "refuted these claims", "cannot
/// confirm the reports", or nothing at all), rather than introduce what is denied ("denied the city had
/// fallen").
fn points_back(s: &Sent, from: usize) -> bool {
    const BACK: &[&str] = &[
        "it", "this", "these", "those", "such", "them", "это", "це", "цю", "ці",
    ];
    const CLAIMISH: &[&str] = &[
        "status",
        "information",
        "claim",
        "claims",
        "report",
        "reports",
        "reporting",
        "statement",
        "statements",
    ];
    let next = (from..s.len()).find(|&k| {
        !s.has(&s.lx.adverbs, k) && !matches!(s.word(k), "independently" | "immediately")
    });
    match next {
        None => true,
        Some(k) => {
            let w = s.word(k);
            let content_follows = |k: usize| matches!(s.word(k), "that" | "of" | "about");
            (BACK.contains(&w) && !content_follows(k + 2))
                || matches!(w, "." | "," | "[")
                || (matches!(w, "the" | "previous" | "earlier" | "prior")
                    && CLAIMISH.contains(&s.word(k + 1))
                    && !content_follows(k + 2))
                || (CLAIMISH.contains(&w) && !content_follows(k + 1))
        }
    }
}

/// "cannot confirm", "has not observed", "could not be independently verified", "no evidence": a negator
/// right before the word (auxiliaries and adverbs aside), not "did not make any confirmed advances".
fn negated_closely(s: &Sent, j: usize) -> bool {
    let mut k = j;
    while k > 0 && j - k < 4 {
        k -= 1;
        if is_negator(s, k) {
            return true;
        }
        let w = s.word(k);
        let aux = s.has(&s.lx.be, k)
            || s.has(&s.lx.perfect, k)
            || matches!(w, "independently" | "yet" | "immediately" | "fully" | "any");
        if !aux {
            return false;
        }
    }
    false
}

/// The denial, unconfirmed and evidence cues of a sentence.
pub fn cues(s: &Sent) -> Vec<Cue> {
    (0..s.len()).filter_map(|j| cue_at(s, j)).collect()
}

fn cue_at(s: &Sent, j: usize) -> Option<Cue> {
    let lx = s.lx;
    let n = s.len();
    let negated = || (j.saturating_sub(4)..j).any(|k| is_negator(s, k));
    let cue = |kind, scope, back| {
        let by = s
            .actors
            .iter()
            .rev()
            .find(|a| a.end <= j && a.is_subject())
            .map_or(Side::Unknown, |a| a.side());
        Some(Cue {
            at: j,
            kind,
            scope,
            back,
            by,
        })
    };
    // "repelled an attack on X despite Russian claims that Russian forces captured it": the main clause
    // contradicts the claim.
    if s.has(&lx.concessive, j) && (j + 1..(j + 4).min(n)).any(|k| s.has(&lx.claim_nouns, k)) {
        return cue(CueKind::Denial, j + 1..s.clause_end(j + 1, HARD), false);
    }
    if s.has(&lx.denial, j) && !negated() {
        let (scope, back) = denial_scope(s, j);
        return cue(CueKind::Denial, scope, back);
    }
    if (s.has(&lx.confirm, j) && negated_closely(s, j)) || s.has(&lx.unconfirmed, j) {
        let back = points_back(s, j + 1) || s.word(j + 1) == "this";
        return cue(
            CueKind::Unconfirmed,
            if back { 0..j } else { j + 1..n },
            back,
        );
    }
    if s.has(&lx.evidence, j) && !negated() {
        return cue(CueKind::Evidence, j..n, false);
    }
    None
}

/// What a denial at `j` covers, and whether it points back to an earlier claim: "denied that X" (what
/// follows), "denied it" (before), "claims of X were false" (its clause before it), "which were refuted by"
/// and "this claim is likely incorrect" (before).
fn denial_scope(s: &Sent, j: usize) -> (Range<usize>, bool) {
    let lx = s.lx;
    let adjective = s.has(&lx.denial_adjectives, j);
    let before_noun = s.has(&lx.claim_nouns, j + 1);
    let passive = j > 0 && (s.has(&lx.be, j - 1) || s.has(&lx.relatives, j - 1));
    let clause = s.clause_start(j, HARD);
    let anaphoric = (clause..j).any(|k| {
        matches!(s.word(k), "this" | "these" | "such" | "that") && s.has(&lx.claim_nouns, k + 1)
    });
    if (adjective && anaphoric) || (passive && !adjective) {
        (0..j, true)
    } else if adjective && !before_noun {
        (clause.min(j)..j, false)
    } else if points_back(s, j + 1) {
        (0..j, true)
    } else {
        (j + 1..s.clause_end(j + 1, HARD), false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::lexicon::en::LEXICON as EN;
    use crate::text::tokens;

    fn mood_of(text: &str, word: &str, form: Form) -> Mood {
        let t = tokens(text, 0..text.len());
        let s = Sent::new(&EN, &t, vec![]);
        let k = s.w.iter().position(|w| *w == word).expect("word");
        mood(&s, k, form)
    }

    #[test]
    fn moods() {
        use Form::*;
        use Mood::*;
        for (text, word, form, want) in [
            (
                "Russian forces captured Soledar.",
                "captured",
                PastOrParticiple,
                Fact,
            ),
            (
                "Russian forces will likely capture Soledar.",
                "capture",
                Base,
                Unreal,
            ),
            (
                "Russian forces are unlikely to take Kryvyi Rih.",
                "take",
                Base,
                Unreal,
            ),
            (
                "Had Russia taken Mariupol quickly, the war would differ.",
                "taken",
                Participle,
                Unreal,
            ),
            (
                "Kyiv claimed to recapture five villages.",
                "recapture",
                Base,
                Fact,
            ),
            (
                "Troops continued efforts to seize Kyiv.",
                "seize",
                Base,
                Unreal,
            ),
            (
                "Russian forces may withdraw from Kherson.",
                "withdraw",
                Base,
                Unreal,
            ),
            (
                "Ukrainian forces have not yet entered Izium.",
                "entered",
                PastOrParticiple,
                Negated,
            ),
            (
                "Ukrainian forces pressed on, capturing Hrakove.",
                "capturing",
                Gerund,
                Fact,
            ),
            (
                "They will rest before capturing Hrakove.",
                "capturing",
                Gerund,
                Unreal,
            ),
            ("Did Russian forces take Avdiivka?", "take", Base, Unreal),
            (
                "They are unlikely to exploit the capture of Soledar.",
                "capture",
                Noun,
                Fact,
            ),
            (
                "They will likely complete the capture of Soledar.",
                "capture",
                Noun,
                Unreal,
            ),
            (
                "They set conditions for a withdrawal from Kherson.",
                "withdrawal",
                Noun,
                Unreal,
            ),
            (
                "Since the fall of Mariupol, the front held.",
                "fall",
                Noun,
                Fact,
            ),
            (
                "After the Ukrainian withdrawal from Soledar, fighting moved west.",
                "withdrawal",
                Noun,
                Fact,
            ),
            (
                "If Russian forces capture Kupiansk, Kharkiv is at risk.",
                "capture",
                Base,
                Unreal,
            ),
            (
                "Russian forces may have captured Soledar.",
                "captured",
                PastOrParticiple,
                Unreal,
            ),
            (
                "Moscow's troops are withdrawing from Kherson.",
                "withdrawing",
                Gerund,
                Fact,
            ),
        ] {
            assert_eq!(mood_of(text, word, form), want, "{text}");
        }
    }

    fn attrs(text: &str) -> Vec<(String, Vec<Side>, Range<usize>)> {
        let t = tokens(text, 0..text.len());
        let s = Sent::new(&EN, &t, vec![]);
        attributions(&s)
            .into_iter()
            .map(|a| (s.word(a.cue).to_string(), a.sides, a.scope))
            .collect()
    }

    #[test]
    fn attribution_scopes() {
        let a = attrs("Russian sources claimed that Ukrainian forces withdrew from Lyman.");
        assert_eq!(a, vec![("claimed".into(), vec![Side::Ru], 3..10)]);
        let a = attrs("Ukrainian forces retook Lyman, the governor said.");
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].2, 0..5, "{a:?}");
        let a = attrs("Troops retook Lyman, according to Ukrainian officials.");
        assert_eq!(a[0].1, vec![Side::Ua]);
        assert!(a[0].2.contains(&1));
    }

    #[test]
    fn cue_scopes() {
        let c = |text: &str| {
            let t = tokens(text, 0..text.len());
            let s = Sent::new(&EN, &t, vec![]);
            cues(&s)
                .into_iter()
                .map(|c| (c.kind, c.scope, c.back))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            c("Kyiv denied that Russian troops took Soledar."),
            vec![(CueKind::Denial, 2..8, false)]
        );
        assert_eq!(c("Kyiv denied it."), vec![(CueKind::Denial, 0..1, true)]);
        assert_eq!(
            c("Earlier claims of capturing Dolyna were false."),
            vec![(CueKind::Denial, 0..6, false)]
        );
        assert_eq!(
            c("ISW cannot confirm that Russian forces took Soledar."),
            vec![(CueKind::Unconfirmed, 3..9, false)]
        );
        assert_eq!(
            c("Wagner took Soledar, though ISW cannot confirm this claim."),
            vec![(CueKind::Unconfirmed, 0..7, true)]
        );
    }
}
