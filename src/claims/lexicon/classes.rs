//! Which of a lexicon's word lists a word is in, as one bit per list: a sentence's tokens are classed
//! once, and each "is this word in that list" asks one bit instead of a set lookup.

use std::sync::atomic::Ordering;

use rustc_hash::FxHashMap;

use super::{Lexicon, Words};

/// The lists' bits of every word: its exact entries, and the stems it begins with.
pub struct Classes {
    exact: FxHashMap<&'static str, u64>,
    /// Stems of two bytes or more, by their first two bytes.
    stems: FxHashMap<[u8; 2], Vec<(&'static str, u64)>>,
    /// Shorter stems (one byte, or the empty stem that begins every word).
    short_stems: Vec<(&'static str, u64)>,
}

impl Classes {
    fn new(lists: &[&Words]) -> Classes {
        let mut c = Classes {
            exact: FxHashMap::default(),
            stems: FxHashMap::default(),
            short_stems: Vec::new(),
        };
        for (k, words) in lists.iter().enumerate().take(64) {
            let bit = 1u64 << k;
            words.bit.store(bit, Ordering::Release);
            for e in words.list() {
                match e.strip_suffix('*') {
                    None => *c.exact.entry(e).or_default() |= bit,
                    Some(stem) => c.add_stem(stem, bit),
                }
            }
        }
        c
    }

    fn add_stem(&mut self, stem: &'static str, bit: u64) {
        let list = match stem.as_bytes() {
            [a, b, ..] => self.stems.entry([*a, *b]).or_default(),
            _ => &mut self.short_stems,
        };
        match list.iter_mut().find(|(s, _)| *s == stem) {
            Some((_, bits)) => *bits |= bit,
            None => list.push((stem, bit)),
        }
    }

    /// The bits of the lists `w` is in.
    pub fn of(&self, w: &str) -> u64 {
        let mut bits = self.exact.get(w).copied().unwrap_or(0);
        let begun = |stems: &[(&str, u64)]| {
            stems
                .iter()
                .filter(|(s, _)| w.starts_with(s))
                .fold(0, |acc, (_, b)| acc | b)
        };
        bits |= begun(&self.short_stems);
        if let [a, b, ..] = w.as_bytes() {
            if let Some(stems) = self.stems.get(&[*a, *b]) {
                bits |= begun(stems);
            }
        }
        bits
    }
}

impl Lexicon {
    /// The word lists, each with its bit in [`Classes`] (a list left out is looked up in its own set).
    fn word_lists(&self) -> [&Words; 56] {
        [
            &self.irrealis,
            &self.goals,
            &self.perception,
            &self.factual_to,
            &self.conditional,
            &self.negation,
            &self.to,
            &self.perfect,
            &self.be,
            &self.definite,
            &self.indefinite,
            &self.noun_irrealis,
            &self.gerund_factual,
            &self.speech,
            &self.acknowledge,
            &self.claim_nouns,
            &self.concessive,
            &self.state_participles,
            &self.denial_adjectives,
            &self.denial,
            &self.evidence,
            &self.confirm,
            &self.unconfirmed,
            &self.hedges,
            &self.terminators,
            &self.complementizers,
            &self.relatives,
            &self.coordinators,
            &self.including,
            &self.settlement_nouns,
            &self.settlement_plurals,
            &self.anaphor_determiners,
            &self.blockers,
            &self.place_modifiers,
            &self.fillers,
            &self.standalone,
            &self.actor_nouns,
            &self.military_nouns,
            &self.enemy,
            &self.pronouns,
            &self.flag,
            &self.flag_verbs,
            &self.control_change,
            &self.control,
            &self.under,
            &self.control_complete,
            &self.control_kept,
            &self.expel,
            &self.expel_preps,
            &self.prepositions,
            &self.by,
            &self.to_winner,
            &self.third_party,
            &self.adverbs,
            &self.time_words,
            &self.subordinators,
        ]
    }

    /// The classes of this lexicon's words.
    pub fn classes(&self) -> &Classes {
        self.classes
            .get_or_init(|| Classes::new(&self.word_lists()))
    }

    /// The bit of `list` in this lexicon's classes: None for a list of another lexicon or none, or before
    /// the classes are built.
    pub fn bit_of(&self, list: &Words) -> Option<u64> {
        let base = self as *const Lexicon as usize;
        let at = list as *const Words as usize;
        let inside = (base..base + std::mem::size_of::<Lexicon>()).contains(&at);
        let bit = list.bit.load(Ordering::Acquire);
        (inside && bit != 0 && self.classes.get().is_some()).then_some(bit)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{en, has, ALL};

    #[test]
    fn a_words_class_bit_is_its_list_membership() {
        for lx in ALL {
            let classes = lx.classes();
            let lists = lx.word_lists();
            for (k, list) in lists.iter().enumerate() {
                assert_eq!(lx.bit_of(list), Some(1 << k));
                for e in list.iter() {
                    let w = e.trim_end_matches('*');
                    for probe in [w.to_string(), format!("{w}s"), w.chars().skip(1).collect()] {
                        for (j, other) in lists.iter().enumerate() {
                            let bit = classes.of(&probe) & (1 << j) != 0;
                            assert_eq!(
                                bit,
                                has(other, &probe),
                                "{}: {probe:?} in list {j}",
                                lx.name
                            );
                        }
                    }
                }
            }
            assert_eq!(
                lx.bit_of(&en::LEXICON.denial).is_some(),
                std::ptr::eq(lx, &en::LEXICON)
            );
        }
    }
}
