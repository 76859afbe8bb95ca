//! Which sentences are worth reading for claims. Most sentences of general news have no word a claim, a
//! denial or a confirmation needs; a sentence is read only when such a word begins in it, as its
//! [`crate::signals`] tell.

use crate::doc::Doc;
use crate::signals::{CUE, EVENT, SETTLEMENT};

/// What the words of one sentence begin with.
#[derive(Default, Clone, Copy)]
pub struct Hints(u8);

impl Hints {
    /// Whether the sentence can say anything about control: an event word with a place (or a settlement
    /// noun that may point back to one), or a denial or doubt when there are earlier claims it may reach.
    pub fn worth_reading(&self, has_mention: bool, earlier_claims: bool) -> bool {
        (self.has(EVENT) && (has_mention || self.has(SETTLEMENT)))
            || (self.has(CUE) && earlier_claims)
    }

    fn has(&self, bit: u8) -> bool {
        self.0 & bit != 0
    }
}

/// What the words of each sentence begin with.
pub fn sentence_hints(doc: &Doc) -> Vec<Hints> {
    (0..doc.sentences.len())
        .map(|i| Hints(doc.signals(i)))
        .collect()
}

#[cfg(test)]
mod tests;
