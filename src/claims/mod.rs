//! Claimed changes of territorial control, read from what each sentence asserts.
//!
//! A sentence is read in clauses and scopes ([`sentence`], [`scopes`]): an event word ([`events`]: "took
//! control of", "the withdrawal from", "newly liberated") asserts a change only in its own clause and mood
//! (not a plan, an attempt, a prediction, a condition, a question or a negation); its agent's side and the
//! action give the gaining side; who says it ([`scopes::attributions`]) and what the text says about it
//! (denials, "cannot confirm", geolocated evidence: [`scopes::cues`]) give its verification. Across
//! sentences ([`discourse`]), "the town" points back to a place, a denial or a retraction reaches the claim
//! it is about, and a later statement by the losing side acknowledges an earlier claim.
//!
//! Every word list lives in one lexicon per language ([`lexicon`]: English, Ukrainian, Russian).

pub mod actors;
mod discourse;
pub mod events;
mod explain;
pub mod lexicon;
mod prefilter;
pub mod scopes;
pub mod sentence;

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::doc::Doc;
use crate::gazetteer::Gazetteer;

/// A party to the war, or neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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

    /// The side whose country a place is in (ISO 3166 code).
    pub fn of_country(cc: &str) -> Side {
        match cc {
            "UA" => Side::Ua,
            "RU" => Side::Ru,
            _ => Side::Unknown,
        }
    }
}

/// How well the text supports a claim (ISW's assessed/claimed split, CLAIMS.md §1.7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verification {
    /// The report states it in its own voice, or cites independent evidence (geolocated footage, an
    /// assessment).
    Corroborated,
    /// The losing side admits it.
    Acknowledged,
    /// A side or a source says so; nobody vouches for it.
    Claimed,
    /// The report says it cannot confirm it.
    Unverified,
    /// Denied, refuted or said to be false.
    Disputed,
}

impl Verification {
    pub fn as_str(self) -> &'static str {
        match self {
            Verification::Corroborated => "corroborated",
            Verification::Acknowledged => "acknowledged",
            Verification::Claimed => "claimed",
            Verification::Unverified => "unverified",
            Verification::Disputed => "disputed",
        }
    }

    /// Which of two statements' verifications a merged claim keeps: evidence beats an admission, which
    /// beats a denial, which beats "cannot confirm", which beats a bare claim.
    pub fn strongest(self, other: Verification) -> Verification {
        let rank = |v: Verification| match v {
            Verification::Corroborated => 4,
            Verification::Acknowledged => 3,
            Verification::Disputed => 2,
            Verification::Unverified => 1,
            Verification::Claimed => 0,
        };
        if rank(other) > rank(self) {
            other
        } else {
            self
        }
    }
}

/// One claimed change of control of one place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Index of the place mention in the document's mention list.
    pub mention: usize,
    /// `capture`, `recapture` or `withdrawal`.
    #[serde(deserialize_with = "crate::record::static_str")]
    pub claim_type: crate::record::Word,
    pub gaining: Side,
    pub losing: Side,
    /// The acting phrase as written ("Ukrainian forces"), if the sentence names one.
    pub actor: Option<String>,
    pub claimant: Option<String>,
    pub claimant_side: Side,
    #[serde(deserialize_with = "crate::record::static_str")]
    pub claimant_type: crate::record::Word,
    pub verification: Verification,
    /// The event words as found ("recaptured", "withdrawal", "raised the Ukrainian flag").
    pub cue: String,
    pub euphemism: bool,
    /// Byte range of the sentence (the evidence quote).
    pub sentence: Range<usize>,
    /// Byte range of the clause that states it (where its date is read).
    pub clause: Range<usize>,
    /// Extraction confidence 0-1.
    pub confidence: f64,
}

/// Extracts the control-change claims of one document.
pub fn extract(doc: &Doc, g: &Gazetteer) -> Vec<Claim> {
    discourse::Reader::new(doc, g).read()
}

/// The claims of one document and, for every sentence the reader looked at, how it read it.
pub fn explain(doc: &Doc, g: &Gazetteer) -> (Vec<Claim>, Vec<String>) {
    discourse::Reader::new(doc, g).read_traced()
}

#[cfg(test)]
mod tests;
