//! The quantity patterns as regex-automata's meta engine, built without a literal prefilter.
//!
//! A prefilter pays where a pattern's literals are rare in a long haystack. Here the haystack is one
//! sentence that holds the pattern's unit word, and the literals the prefilter would look for are
//! "in", "for", "some" and the number words: it stops at nearly every word and hands each stop to the
//! regex engine, which costs more than one pass of the lazy DFA over the sentence. Building the
//! prefilter is also about 40% of the patterns' compile time, paid at every start. Which matches are
//! found does not depend on it (a prefilter only skips where no match can start); a proptest checks
//! that against the `regex` crate with its defaults.

use regex_automata::meta::Regex;
use regex_automata::util::captures::Captures;

/// A compiled quantity pattern.
pub struct Pattern(Regex);

impl Pattern {
    /// Compiles one of this module's patterns (fixed strings: a failure is a bug, caught by the tests).
    pub fn new(pattern: &str) -> Pattern {
        let re = Regex::builder()
            .configure(Regex::config().auto_prefilter(false))
            .build(pattern)
            .expect("quantity pattern");
        Pattern(re)
    }

    /// All non-overlapping matches in `s`, leftmost first, with their groups.
    pub fn captures<'s>(&self, s: &'s str) -> Vec<Caps<'s>> {
        self.0
            .captures_iter(s)
            .map(|caps| Caps { text: s, caps })
            .collect()
    }
}

/// One match and its groups.
pub struct Caps<'s> {
    text: &'s str,
    caps: Captures,
}

/// A group's span of the searched text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Group<'s> {
    text: &'s str,
    start: usize,
    end: usize,
}

impl<'s> Group<'s> {
    pub fn as_str(&self) -> &'s str {
        self.text.get(self.start..self.end).unwrap_or("")
    }

    pub fn start(&self) -> usize {
        self.start
    }

    pub fn end(&self) -> usize {
        self.end
    }
}

impl<'s> Caps<'s> {
    /// Group `i` (0: the whole match), if it took part in the match.
    pub fn get(&self, i: usize) -> Option<Group<'s>> {
        self.group(self.caps.get_group(i))
    }

    /// The named group, if the pattern has it and it took part in the match.
    pub fn name(&self, name: &str) -> Option<Group<'s>> {
        self.group(self.caps.get_group_by_name(name))
    }

    fn group(&self, span: Option<regex_automata::Span>) -> Option<Group<'s>> {
        span.map(|sp| Group {
            text: self.text,
            start: sp.start,
            end: sp.end,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every group of every match, as (index, start, end).
    type Spans = Vec<Vec<Option<(usize, usize)>>>;

    fn ours(p: &Pattern, s: &str, groups: usize) -> Spans {
        p.captures(s)
            .iter()
            .map(|c| {
                (0..groups)
                    .map(|i| c.get(i).map(|g| (g.start(), g.end())))
                    .collect()
            })
            .collect()
    }

    fn regex_crate(re: &regex::Regex, s: &str) -> Spans {
        re.captures_iter(s)
            .map(|c| {
                (0..re.captures_len())
                    .map(|i| c.get(i).map(|m| (m.start(), m.end())))
                    .collect()
            })
            .collect()
    }

    /// Each pattern both ways, compiled once for all the cases.
    static PATTERNS: std::sync::LazyLock<Vec<(Pattern, regex::Regex)>> =
        std::sync::LazyLock::new(|| {
            [
                super::super::distance_pattern(),
                super::super::area_pattern(),
                super::super::duration_pattern(),
                super::super::settlements_pattern(),
            ]
            .iter()
            .map(|p| (Pattern::new(p), regex::Regex::new(p).unwrap()))
            .collect()
        });

    #[test]
    fn named_groups_and_text() {
        let ps = &*PATTERNS;
        let s = "Troops advanced almost 50 km in two days, retaking 1,000 sq km and 30 villages.";
        let d = &ps[0].0.captures(s)[0];
        assert_eq!(d.get(0).map(|g| g.as_str()), Some("almost 50 km"));
        assert_eq!(d.name("op").map(|g| g.as_str()), Some("almost"));
        assert_eq!(d.name("unit").map(|g| g.as_str()), Some("km"));
        assert_eq!(d.name("mult"), None);
        assert_eq!(d.name("no such group"), None);
        for (p, re) in ps {
            assert_eq!(ours(p, s, re.captures_len()), regex_crate(re, s));
        }
    }

    proptest::proptest! {
        /// The same matches and groups as the `regex` crate with its defaults (which builds a prefilter),
        /// on text made of the patterns' own words, numbers and the Unicode letters that case folding
        /// maps onto ASCII ones.
        #[test]
        fn as_the_regex_crate_finds(words in proptest::collection::vec(
            "(more than|over|some|about|in|for|the past|within|a|an|two|dozens of|several|thousand|50|1,000|3.5|km|kms|kilometres|miles|sq|sq\\. km|square miles|km²|hectares|days|hours|a week|months|villages|settlements|towns and villages|new|K\u{212A}M|\u{17F}q|é|\u{a0}|-|,|\\.|\\(|\\)|\n)",
            0..24,
        ), seps in proptest::collection::vec("( |  |-|)", 24)) {
            let s: String = words.iter().zip(&seps).map(|(w, sep)| format!("{w}{sep}")).collect();
            for (p, re) in PATTERNS.iter() {
                proptest::prop_assert_eq!(ours(p, &s, re.captures_len()), regex_crate(re, &s), "{:?}", s);
            }
        }
    }
}
