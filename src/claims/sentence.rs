//! One sentence as the claim reader sees it: tokens, the places it names (as token slots), its actors,
//! and its clause boundaries.
//!
//! Boundaries are what scopes stop at (the ConText approach): terminators ("but", ";", a parenthesis)
//! end every scope; complementizers and relative pronouns ("that", "which") open an embedded clause that
//! a negation or a modal of the clause above does not enter; subordinators ("after", "since") and a
//! coordinated clause with a subject of its own ("..., and Russian forces withdrew") start a new clause.

use super::actors::{self, Actor};
use super::lexicon::{has, Lexicon, Words};
use super::Side;
use crate::text::Token;

/// A place the sentence names, by token span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    pub start: usize,
    pub end: usize,
    /// The mappable mentions it stands for (one for a name, the antecedents for "the town"); empty for
    /// a name the gazetteer lacks or that is no settlement (it still continues a list).
    pub targets: Vec<usize>,
    /// A locative detail ("30 km south of Izium", "(northwest of Izyum)"): never a subject or antecedent.
    pub detail: bool,
    /// "the town", "those villages": stands for earlier places.
    pub anaphor: bool,
    /// A region (admin1/admin2 entry).
    pub region: bool,
    /// A settlement: a populated place of the gazetteer, or a name it lacks.
    pub settlement: bool,
    /// A region that only says where the place before it lies ("Lozova, Kharkiv Oblast").
    pub qualifier: bool,
    /// The side whose country the place is in (Unknown outside Ukraine and Russia).
    pub home: Side,
}

impl Slot {
    /// "the town": a slot standing for earlier places.
    pub fn anaphor(start: usize, end: usize, targets: Vec<usize>) -> Slot {
        Slot {
            start,
            end,
            targets,
            detail: false,
            anaphor: true,
            region: false,
            settlement: true,
            qualifier: false,
            home: Side::Unknown,
        }
    }
}

/// What stands at a token for the clause structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// Ends every scope.
    Terminator,
    /// Opens an embedded clause ("that", "whether").
    Complement,
    /// Opens a relative clause ("which", "who").
    Relative,
    /// Opens an adverbial clause ("after", "since").
    Subordinator,
    /// A coordinated clause with its own subject starts here.
    Coordinate,
}

/// A sentence ready to be read.
pub struct Sent<'a> {
    pub lx: &'static Lexicon,
    pub toks: &'a [Token],
    pub w: Vec<&'a str>,
    /// Each token's word lists, as bits of the lexicon's classes.
    classes: Vec<u64>,
    pub slots: Vec<Slot>,
    pub actors: Vec<Actor>,
    pub bounds: Vec<Option<Bound>>,
    /// For each bracket, the index of its partner.
    pub parens: Vec<Option<usize>>,
}

impl<'a> Sent<'a> {
    pub fn new(lx: &'static Lexicon, toks: &'a [Token], slots: Vec<Slot>) -> Sent<'a> {
        let w: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
        let table = lx.classes();
        let classes: Vec<u64> = w.iter().map(|w| table.of(w)).collect();
        let actors = actors::actors_classed(lx, toks, &classes);
        let mut s = Sent {
            lx,
            toks,
            classes,
            w,
            slots,
            actors,
            bounds: Vec::new(),
            parens: parens(toks),
        };
        s.bounds = (0..toks.len()).map(|i| s.bound_at(i)).collect();
        // "since Russian forces captured the city": after a subordinator the actor is a subject, though
        // the word before it is also a preposition.
        for a in &mut s.actors {
            if a.start > 0
                && matches!(
                    s.bounds[a.start - 1],
                    Some(Bound::Subordinator | Bound::Coordinate)
                )
            {
                a.object = false;
            }
        }
        s
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// The word at `i` ("" past the end).
    pub fn word(&self, i: usize) -> &str {
        self.w.get(i).copied().unwrap_or("")
    }

    /// Whether the word at `i` is in `list` (by its class bit when the list is the lexicon's).
    pub fn has(&self, list: &Words, i: usize) -> bool {
        i < self.w.len()
            && match self.lx.bit_of(list) {
                Some(bit) => self.classes[i] & bit != 0,
                None => has(list, self.w[i]),
            }
    }

    /// The slot starting at token `i`.
    pub fn slot_at(&self, i: usize) -> Option<usize> {
        self.slots.iter().position(|s| s.start == i)
    }

    /// The slot ending right before token `i`.
    pub fn slot_ending(&self, i: usize) -> Option<usize> {
        self.slots.iter().position(|s| s.end == i)
    }

    /// The actor starting at `i`.
    pub fn actor_at(&self, i: usize) -> Option<&Actor> {
        self.actors.iter().find(|a| a.start == i)
    }

    fn bound_at(&self, i: usize) -> Option<Bound> {
        let lx = self.lx;
        let w = self.w[i];
        // "yet" ends a clause as a conjunction (", yet"), not as an adverb ("not yet").
        if self.has(&lx.terminators, i) && (w != "yet" || i == 0 || self.w[i - 1] == ",") {
            return Some(Bound::Terminator);
        }
        if self.has(&lx.relatives, i)
            && i > 0
            && (self.w[i - 1] == "," || self.slot_ending(i).is_some())
        {
            return Some(Bound::Relative);
        }
        if self.has(&lx.complementizers, i) && i > 0 {
            return Some(Bound::Complement);
        }
        if self.has(&lx.subordinators, i) && i > 0 && self.clause_follows(i + 1) {
            return Some(Bound::Subordinator);
        }
        if (self.has(&lx.coordinators, i) || w == ",") && self.clause_follows(i + 1) {
            return Some(Bound::Coordinate);
        }
        None
    }

    /// Whether a subject and its verb start at `i` ("Russian forces withdrew", "the city fell").
    fn clause_follows(&self, i: usize) -> bool {
        // The actor right after a boundary word counts as a subject even though that word may also be a
        // preposition ("after Russian units left").
        let start = match self.actor_at(i) {
            Some(a) => a.end,
            None => return false,
        };
        (start..(start + 3).min(self.len())).any(|k| {
            let w = self.w[k];
            has(&self.lx.be, w)
                || has(&self.lx.perfect, w)
                || matches!(w, "did" | "do" | "does")
                || !self.lx.triggers_at(&self.w, k).is_empty()
                || has(&self.lx.speech, w)
        })
    }

    /// The start of the clause token `i` is in: after the nearest boundary before it of a kind in `kinds`.
    /// A parenthesis is a clause of its own: scopes inside it end at its brackets, scopes outside pass over
    /// it.
    pub fn clause_start(&self, i: usize, kinds: &[Bound]) -> usize {
        let mut k = i.min(self.len());
        while k > 0 {
            k -= 1;
            match self.parens[k] {
                Some(open) if self.w[k] == ")" => {
                    k = open;
                    continue;
                }
                Some(close) if self.w[k] == "(" && close >= i => return k + 1,
                _ => {}
            }
            if self.bounds[k].is_some_and(|b| kinds.contains(&b)) {
                return k + 1;
            }
        }
        0
    }

    /// The end (exclusive) of the clause from `i`: the next boundary of a kind in `kinds` (parentheses as in
    /// [`Sent::clause_start`]).
    pub fn clause_end(&self, i: usize, kinds: &[Bound]) -> usize {
        let mut k = i;
        while k < self.len() {
            match self.parens[k] {
                Some(close) if self.w[k] == "(" => {
                    k = close + 1;
                    continue;
                }
                Some(open) if self.w[k] == ")" && open < i => return k,
                _ => {}
            }
            if self.bounds[k].is_some_and(|b| kinds.contains(&b)) {
                return k;
            }
            k += 1;
        }
        self.len()
    }

    /// The nearest token before `i` that is not an adverb.
    pub fn before_adverbs(&self, i: usize) -> Option<usize> {
        (0..i.min(self.len()))
            .rev()
            .find(|&k| !self.has(&self.lx.adverbs, k))
    }

    /// The nearest token before `i` that is neither an adverb nor a negator ("has not yet retaken").
    pub fn before_modifiers(&self, i: usize) -> Option<usize> {
        (0..i.min(self.len())).rev().find(|&k| {
            !self.has(&self.lx.adverbs, k)
                && !self.has(&self.lx.negation, k)
                && !self.w[k].ends_with("n't")
                && !matches!(
                    self.w[k],
                    "yet" | "\"" | "\u{201C}" | "\u{201D}" | "'" | "\u{AB}" | "\u{BB}"
                )
        })
    }

    /// The text of tokens `a..b` as written.
    pub fn phrase(&self, text: &str, a: usize, b: usize) -> String {
        if a >= b || b > self.len() {
            return String::new();
        }
        text[self.toks[a].start..self.toks[b - 1].end].to_string()
    }
}

/// The partner of every bracket (unbalanced ones have none).
fn parens(toks: &[Token]) -> Vec<Option<usize>> {
    let mut out = vec![None; toks.len()];
    let mut open = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        match t.lower.as_str() {
            "(" => open.push(k),
            ")" => {
                if let Some(o) = open.pop() {
                    out[o] = Some(k);
                    out[k] = Some(o);
                }
            }
            _ => {}
        }
    }
    out
}

/// Every scope-ending boundary.
pub const ALL: &[Bound] = &[
    Bound::Terminator,
    Bound::Complement,
    Bound::Relative,
    Bound::Subordinator,
    Bound::Coordinate,
];

/// Boundaries an attribution's scope runs through (it covers embedded and coordinated clauses).
pub const HARD: &[Bound] = &[Bound::Terminator];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::lexicon::en::LEXICON as EN;
    use crate::text::tokens;

    #[test]
    fn boundaries() {
        let s = "Officials said that Russian forces withdrew, but Ukrainian troops entered after Russian units left.";
        let t = tokens(s, 0..s.len());
        let sent = Sent::new(&EN, &t, vec![]);
        let marks: Vec<(&str, Bound)> = (0..t.len())
            .filter_map(|i| sent.bounds[i].map(|b| (sent.w[i], b)))
            .collect();
        assert_eq!(
            marks,
            vec![
                ("that", Bound::Complement),
                ("but", Bound::Terminator),
                ("after", Bound::Subordinator),
            ]
        );
        let withdrew = sent.w.iter().position(|w| *w == "withdrew").unwrap();
        assert_eq!(sent.clause_start(withdrew, ALL), 3);
        assert_eq!(sent.clause_end(withdrew, HARD), 7);
    }
}
