//! Deciding which spotted names are place mentions: capitalisation, common words, demonyms, person and
//! organisation names, non-settlement features, and the mention's role (literal or metonym).

use super::feature::Feature;
use super::scan::Spot;
use super::words::*;
use crate::text::ToLowerInline;

/// What the recogniser decided about a spot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// A place mention.
    Place,
    /// A toponym that names a river, sea, island or facility, not the same-named settlement.
    NonSettlement(Feature),
    /// Not a place mention.
    Reject,
    /// The second word of a person's name ("Kelly" in "John Kelly"): later bare uses are the person too.
    Surname,
    /// Not a gazetteer name, but the text marks it as a place ("the village of Robotyne").
    Unknown,
    /// Also an ordinary word or a person's name, with nothing in the sentence saying it is a place ("Lyman
    /// was retaken"): a place only if the document's other places support it.
    Doubtful,
}

/// Literal place, or a place standing for its government or people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Literal,
    Metonym,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Literal => "literal",
            Role::Metonym => "metonym",
        }
    }
}

/// Words of the original text around a span.
pub struct Context<'a> {
    pub text: &'a str,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '.' || is_apo(c)
}

fn is_apo(c: char) -> bool {
    crate::names::fold::is_apostrophe(c)
}

impl<'a> Context<'a> {
    /// The word before `start` (skipping spaces only) and whether it is separated by a single space.
    pub fn prev_word(&self, start: usize) -> Option<(&'a str, usize)> {
        let before = self.text.get(..start)?;
        // "[Vladimir] Putin": an editor's bracketed insertion is still the word before.
        let trimmed = before.trim_end_matches([' ', '\t', '[', '(', ']']);
        if trimmed.len() == before.len() && !before.is_empty() {
            return None; // directly attached (e.g. a hyphen or quote)
        }
        let wstart = trimmed
            .char_indices()
            .rev()
            .take_while(|(_, c)| is_word_char(*c))
            .last()
            .map(|(i, _)| i)?;
        Some((&trimmed[wstart..], wstart))
    }

    /// The word after `end` if separated by spaces only.
    pub fn next_word(&self, end: usize) -> Option<&'a str> {
        let after = self.text.get(end..)?;
        let trimmed = after.trim_start_matches([' ', '\t', ']', ')']);
        if trimmed.len() == after.len() {
            return None;
        }
        let wend = trimmed
            .char_indices()
            .find(|(_, c)| !(c.is_alphanumeric() || is_apo(*c)))
            .map(|(i, _)| i)
            .unwrap_or(trimmed.len());
        (wend > 0).then(|| &trimmed[..wend])
    }

    /// Whether `at` begins a sentence (start of text, or after . ! ? : a quote or a line break).
    pub fn sentence_start(&self, at: usize) -> bool {
        let before = match self.text.get(..at) {
            Some(b) => b.trim_end_matches([' ', '\t', '"', '“', '‘', '\'', '(', '[']),
            None => return false,
        };
        match before.chars().last() {
            None => true,
            Some(c) => matches!(c, '.' | '!' | '?' | '\n' | '\r' | ':' | '—' | '•' | '|'),
        }
    }
}

pub(super) fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

pub(super) fn all_caps(w: &str) -> bool {
    let mut letters = 0;
    for c in w.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

pub(super) fn lower_plain(w: &str) -> compact_str::CompactString {
    w.trim_end_matches('.').to_lower()
}

/// Whether a word ending in '.' ends a sentence rather than abbreviating ("China." yes; "Mr.", "J.", "St." no).
pub(super) fn ends_sentence(w: &str) -> bool {
    let Some(stem) = w.strip_suffix('.') else {
        return false;
    };
    let letters = stem.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 3 && !stem.contains('.') && !contains(TITLES, &stem.to_lower())
}

/// Literal or metonym, from the words around the mention.
pub fn role(ctx: &Context, s: &Spot, is_polity: bool) -> Role {
    // "Moscow-installed", "Kremlin-backed"
    if let Some(rest) = ctx.text.get(s.end..) {
        if let Some(r) = rest.strip_prefix('-') {
            let w: compact_str::CompactString = r
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect::<String>()
                .to_lower();
            if contains(METONYM_HYPHEN, &w) && w != "based" {
                return Role::Metonym;
            }
        }
    }
    if !is_polity {
        return Role::Literal;
    }
    // "officials in Kharkiv said": a place after a locative preposition is literal.
    if let Some((p, _)) = ctx.prev_word(s.start) {
        if matches!(
            p.to_lower().as_str(),
            "in" | "near" | "at" | "outside" | "around" | "from" | "to" | "into"
        ) {
            return Role::Literal;
        }
    }
    if let Some(n) = ctx.next_word(s.end) {
        if contains(METONYM_VERBS, &n.to_lower()) {
            return Role::Metonym;
        }
    }
    // "Russia's defence ministry", "Ukraine's forces": possessive followed by an actor noun.
    if let Some(rest) = ctx.text.get(s.end..) {
        for apo in ["'s ", "’s "] {
            if let Some(r) = rest.strip_prefix(apo) {
                let w: compact_str::CompactString = r
                    .chars()
                    .take_while(|c| c.is_alphabetic())
                    .collect::<String>()
                    .to_lower();
                if matches!(
                    w.as_str(),
                    "government"
                        | "forces"
                        | "army"
                        | "military"
                        | "troops"
                        | "defence"
                        | "defense"
                        | "president"
                        | "leader"
                        | "leadership"
                        | "foreign"
                        | "ministry"
                        | "officials"
                        | "counteroffensive"
                        | "offensive"
                        | "invasion"
                        | "war"
                        | "allies"
                        | "headquarters"
                        | "main"
                        | "favor"
                        | "favour"
                ) {
                    return Role::Metonym;
                }
            }
        }
    }
    Role::Literal
}
