//! Deciding which spotted names are place mentions: capitalisation, common words, demonyms, person and
//! organisation names, non-settlement features, and the mention's role (literal or metonym).

use std::collections::HashSet;

use super::scan::Spot;
use super::words::*;

/// What the recogniser decided about a spot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// A place mention.
    Place,
    /// A toponym that names a river, sea, island or facility, not the same-named settlement.
    NonSettlement,
    /// Not a place mention.
    Reject,
    /// The second word of a person's name ("Kelly" in "John Kelly"): later bare uses are the person too.
    Surname,
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
        let trimmed = before.trim_end_matches([' ', '\t', '[', '(']);
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

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

fn all_caps(w: &str) -> bool {
    let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

fn lower_plain(w: &str) -> String {
    w.trim_end_matches('.').to_lowercase()
}

/// Decides about one spot. `demonyms` are lowercase light keys.
/// `spot_starts`: where the document's other gazetteer names start (a sentence-initial given name that is also a
/// place name, "Jordan Henderson", still marks a person).
pub fn judge(
    ctx: &Context,
    s: &Spot,
    demonyms: &HashSet<String>,
    spot_starts: &HashSet<usize>,
) -> Verdict {
    let Some(surface) = ctx.text.get(s.start..s.end) else {
        return Verdict::Reject;
    };
    let tokens: Vec<&str> = surface
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|t| !t.is_empty())
        .collect();
    if tokens.is_empty() {
        return Verdict::Reject;
    }
    // Every token capitalised, except particles ("Rostov-on-Don", "Kharkiv region").
    for (i, t) in tokens.iter().enumerate() {
        if !capitalised(t)
            && (i == 0 || !contains(NAME_PARTICLES, &lower_plain(t)))
            && t.chars().next().is_some_and(|c| c.is_alphabetic())
        {
            return Verdict::Reject;
        }
    }
    let key = s.key.as_str();
    let single = tokens.len() == 1;
    let acronym = all_caps(surface) && surface.chars().filter(|c| c.is_alphabetic()).count() <= 4;
    if single && contains(COMMON_WORDS, key) || (!acronym && demonyms.contains(key)) {
        return Verdict::Reject;
    }
    if demonyms.contains(key) {
        return Verdict::Reject;
    }
    if single && surface.chars().filter(|c| c.is_alphabetic()).count() < 2 {
        return Verdict::Reject;
    }
    // Person: a title right before ("President Kennedy", "Queen Victoria").
    let prev = ctx.prev_word(s.start);
    if let Some((p, _)) = prev {
        if contains(TITLES, &lower_plain(p)) && capitalised(p) {
            return Verdict::Reject;
        }
    }
    // Part of a longer proper noun: a capitalised word right after that is not a place word or another name
    // ("Jordan Henderson", "Washington Post", "Sydney Sweeney").
    if let Some(n) = ctx.next_word(s.end) {
        let nl = n.to_lowercase();
        let nl = nl.trim_end_matches("'s").trim_end_matches("’s");
        if contains(FEATURE_WORDS, nl) {
            return Verdict::NonSettlement;
        }
        if capitalised(n) && !contains(ROLE_WORDS, nl) && !all_caps(n) {
            return Verdict::Reject;
        }
    }
    // A capitalised word right before that is not a sentence start, a cue, a direction, or another name
    // ("Vitaly Ganchev" style surnames are not places; "Ukrainian Kharkiv" never happens).
    if let Some((p, pstart)) = prev {
        let pl = lower_plain(p);
        let direction = matches!(
            pl.as_str(),
            "north"
                | "south"
                | "east"
                | "west"
                | "northern"
                | "southern"
                | "eastern"
                | "western"
                | "central"
                | "greater"
                | "upper"
                | "lower"
                | "occupied"
                | "downtown"
                | "liberated"
        );
        if capitalised(p)
            && !all_caps(p)
            && (!ctx.sentence_start(pstart) || spot_starts.contains(&pstart))
            && !direction
            && !contains(PLACE_CUES, &pl)
            && !demonyms.contains(&pl)
            && !contains(COMMON_WORDS, &pl)
        {
            return if single {
                Verdict::Surname
            } else {
                Verdict::Reject
            };
        }
        // "the Sea of Azov", "Snake Island"-like: "Sea of X", "Gulf of X".
        if pl == "of" {
            let before = &ctx.text[..pstart];
            let w = before
                .trim_end()
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("")
                .to_lowercase();
            if matches!(
                w.as_str(),
                "sea" | "gulf" | "strait" | "bay" | "straits" | "isle" | "lake"
            ) {
                return Verdict::NonSettlement;
            }
        }
    }
    Verdict::Place
}

/// Literal or metonym, from the words around the mention.
pub fn role(ctx: &Context, s: &Spot, is_polity: bool) -> Role {
    // "Moscow-installed", "Kremlin-backed"
    if let Some(rest) = ctx.text.get(s.end..) {
        if let Some(r) = rest.strip_prefix('-') {
            let w: String = r
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect::<String>()
                .to_lowercase();
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
            p.to_lowercase().as_str(),
            "in" | "near" | "at" | "outside" | "around" | "from" | "to" | "into"
        ) {
            return Role::Literal;
        }
    }
    if let Some(n) = ctx.next_word(s.end) {
        if contains(METONYM_VERBS, &n.to_lowercase()) {
            return Role::Metonym;
        }
    }
    // "Russia's defence ministry", "Ukraine's forces": possessive followed by an actor noun.
    if let Some(rest) = ctx.text.get(s.end..) {
        for apo in ["'s ", "’s "] {
            if let Some(r) = rest.strip_prefix(apo) {
                let w: String = r
                    .chars()
                    .take_while(|c| c.is_alphabetic())
                    .collect::<String>()
                    .to_lowercase();
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
