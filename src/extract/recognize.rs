//! Deciding which spotted names are place mentions: capitalisation, common words, demonyms, person and
//! organisation names, non-settlement features, and the mention's role (literal or metonym).

use rustc_hash::FxHashSet as HashSet;

use super::feature::Feature;
use super::lexicon;
use super::resolve::NameInfo;
use super::scan::Spot;
use super::words::*;

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

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

fn all_caps(w: &str) -> bool {
    let mut letters = 0;
    for c in w.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

fn lower_plain(w: &str) -> String {
    w.trim_end_matches('.').to_lowercase()
}

/// Whether a word ending in '.' ends a sentence rather than abbreviating ("China." yes; "Mr.", "J.", "St." no).
fn ends_sentence(w: &str) -> bool {
    let Some(stem) = w.strip_suffix('.') else {
        return false;
    };
    let letters = stem.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 3 && !stem.contains('.') && !contains(TITLES, &stem.to_lowercase())
}

/// Decides about one spot. `demonyms` are lowercase light keys; `info` tells what the name's gazetteer
/// entries are (asked only when the text alone cannot decide).
/// `spot_starts`: where the document's other gazetteer names start (a sentence-initial given name that is also a
/// place name, "Jordan Henderson", still marks a person).
pub fn judge(
    ctx: &Context,
    s: &Spot,
    demonyms: &HashSet<String>,
    spot_starts: &HashSet<usize>,
    spot_ends: &HashSet<usize>,
    info: &mut dyn FnMut() -> NameInfo,
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
    let letters = surface.chars().filter(|c| c.is_alphabetic()).count();
    let acronym = all_caps(surface) && letters <= 4;
    if single && contains(COMMON_WORDS, key)
        || demonyms.contains(key)
        || contains(NON_PLACE_NAMES, key)
    {
        return Verdict::Reject;
    }
    if single && letters < 2 {
        return Verdict::Reject;
    }
    // Contractions ("I'd", "He'll"), camel case ("MoD", "iPhone") and hyphenated person names ("Diaz-Balart",
    // where the other half is no place) are not place names.
    if let Some((_, tail)) = surface.split_once(is_apo) {
        if matches!(tail, "d" | "ve" | "ll" | "re" | "m" | "t") {
            return Verdict::Reject;
        }
    }
    // Name prefixes that carry a capital inside a word ("McLean", "LaFayette", "DeKalb", "MacArthur").
    const PREFIXES: &[&str] = &[
        "Da", "De", "Di", "Du", "Fitz", "La", "Le", "Mac", "Mc", "Van", "Von",
    ];
    let camel = tokens.iter().any(|t| {
        t.char_indices().zip(t.chars().skip(1)).any(|((i, a), b)| {
            a.is_lowercase() && b.is_uppercase() && !PREFIXES.contains(&&t[..i + a.len_utf8()])
        })
    });
    if camel {
        return Verdict::Reject;
    }
    if let Some(before) = ctx.text[..s.start].strip_suffix('-') {
        let partner = before
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        // "the Kharkiv City-Izyum line": a city word joins two places.
        if capitalised(partner) && partner != "City" {
            let pl = partner.to_lowercase();
            let person = lexicon::is_surname(&pl) || lexicon::is_given_name(&pl);
            if person || !spot_ends.contains(&(s.start - 1)) {
                return Verdict::Reject;
            }
        }
    }
    // What the gazetteer knows about the name: looked up only for spots that pass the checks above.
    let info = &info();
    // Short capitals are mostly organisations and codes (GeoNames lists airport codes as alternate names):
    // only countries, regions and big cities go by them ("US", "UK", "BC", "NYC").
    if acronym && !(info.country || info.admin1 || info.place_population >= 1_000_000) {
        return Verdict::Reject;
    }
    // Abbreviations ("Dr.", "Nov.") and two-letter words ("Li") are not places unless a country's or region's.
    let abbreviation = single
        && !acronym
        && (letters <= 2 || (letters <= 3 && ctx.text[s.end..].starts_with('.')));
    let region_abbreviation = info.admin1 && surface.ends_with('.');
    if abbreviation && !(info.country || region_abbreviation) {
        return Verdict::Reject;
    }
    // An alternate name made of ordinary English words is a translation ("White House" for Casablanca), not
    // what English text means by it.
    if !single
        && !info.primary
        && !info.country
        && !info.admin1
        && tokens.iter().all(|t| {
            lexicon::is_english_word(&lower_plain(t)) || contains(NAME_PARTICLES, &lower_plain(t))
        })
    {
        return Verdict::Reject;
    }
    // A region's short form ("Calif.", "Mont.", "TX", "BC") names the region only after "City," or before a
    // role word ("BC government"); elsewhere "Miss." is a title, "IN" and "OR" are words in capitals.
    let dotted_inside = surface.trim_end_matches('.').contains('.');
    let short_form = single
        && !info.country
        && info.admin1
        && !dotted_inside
        && ((acronym && letters == 2) || surface.ends_with('.'));
    if short_form {
        // "Shelby, Mont.", "Walker County (Ga.)"
        let after_comma = ctx.text[..s.start]
            .trim_end_matches(' ')
            .ends_with([',', '(']);
        let role_after = ctx
            .next_word(s.end)
            .is_some_and(|n| contains(ROLE_WORDS, &n.to_lowercase()));
        if !(after_comma || role_after) {
            return Verdict::Reject;
        }
    }
    let prominent = info.prominent();
    let lower = single.then(|| lower_plain(surface));
    let given = lower.as_deref().is_some_and(lexicon::is_given_name);
    let surname = lower.as_deref().is_some_and(lexicon::is_surname);
    let english = lower.as_deref().is_some_and(lexicon::is_english_word);
    // Person: a title right before ("President Kennedy", "Queen Victoria").
    let prev = ctx.prev_word(s.start);
    if let Some((p, _)) = prev {
        if contains(TITLES, &lower_plain(p)) && capitalised(p) {
            return Verdict::Reject;
        }
    }
    let next = ctx.next_word(s.end);
    // Part of a longer proper noun: a capitalised word right after that is not a place word. A person when the
    // name is a given name ("Jordan Henderson", "Sydney Sweeney"); an organisation named after a well-known
    // place still mentions it ("The Washington Post", "Jamaica Cancer Society", "Toronto Transit Commission").
    if let Some(n) = next {
        let nl = n.to_lowercase();
        let nl = nl.trim_end_matches("'s").trim_end_matches("’s");
        if contains(FEATURE_WORDS, nl) {
            return Verdict::NonSettlement(Feature::of_word(nl));
        }
        // In a line of capitals ("LONDON The Latest", a dateline) the next word's case says nothing.
        let dateline = all_caps(surface) && !acronym;
        if capitalised(n) && !contains(ROLE_WORDS, nl) && !all_caps(n) && !dateline {
            // "Kobe Bryant": a surname after the name makes a person.
            let org = contains(ORG_WORDS, nl);
            let person_next =
                !org && !info.country && lexicon::is_surname(nl) && !lexicon::is_english_word(nl);
            let embedded = prominent
                && !given
                && !person_next
                && (org || !(surname || english) || info.country);
            if !embedded {
                return Verdict::Reject;
            }
        }
        // "Tyler said": a given name that speaks is a person.
        if given && !info.country && contains(SPEECH_VERBS, nl) {
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
        // A word with digits is a code ("the T1302 Bakhmut-Lysychansk highway"), not a name.
        if capitalised(p)
            && !all_caps(p)
            && !p.chars().any(|c| c.is_ascii_digit())
            && !ends_sentence(p)
            && (!ctx.sentence_start(pstart) || spot_starts.contains(&pstart))
            && !direction
            && !contains(PLACE_CUES, &pl)
            && !demonyms.contains(&pl)
            && !contains(COMMON_WORDS, &pl)
        {
            // A well-known place that is nobody's name keeps its sense after another proper noun ("Air Canada",
            // "Smart Dubai", "Trend Iran's"), by its own name: "Maria Lvova" is no Lviv.
            let embedded = prominent
                && (info.primary || info.country || info.admin1)
                && !given
                && !surname
                && (info.country || !english);
            if !embedded {
                return if single {
                    Verdict::Surname
                } else {
                    Verdict::Reject
                };
            }
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
                return Verdict::NonSettlement(Feature::of_word(&w));
            }
        }
    }
    // "crossed the Dnipro near Kherson", "along the Oskil.": a town takes no article, a river does. Only when
    // nothing follows that makes the name a modifier ("the Kharkiv offensive", "the Kyiv government").
    if single
        && !info.country
        && !info.admin1
        && !info.with_article
        && prev.is_some_and(|(p, _)| p == "the")
    {
        let after = ctx.text[s.end..].trim_start_matches(' ');
        let ends_clause =
            after.is_empty() || after.starts_with(['.', ',', ';', ':', ')', '!', '?', '\n']);
        if ends_clause || next.is_some_and(|n| contains(AFTER_RIVER, &n.to_lowercase())) {
            return Verdict::NonSettlement(Feature::River);
        }
    }
    // A single word that is also an ordinary word or a person's name needs the text to say it is a place:
    // a locative before it ("in Reading"), a qualifier after it ("Nice, France"), or (for ordinary words in
    // mid-sentence) a big city. Countries are exempt ("China", "Turkey", "Jordan"). So does a word that is
    // only an alternate name of villages ("Putin" for Putiatyntsi): what it names the text must show.
    let village_alias =
        !info.primary && !info.admin1 && info.place_population < 1_000 && !info.with_article;
    if single && !info.country && (english || given || surname || village_alias) {
        let locative = prev.is_some_and(|(p, _)| contains(LOCATIVES, &p.to_lowercase()));
        let qualified = ctx.text[s.end..].starts_with(", ")
            && spot_starts.contains(&(s.end + 2))
            && ctx.next_word(s.end + 1).is_some_and(capitalised);
        // "Reading police", "Nice officials"
        let role_after = next.is_some_and(|n| contains(ROLE_WORDS, &n.to_lowercase()));
        let big = info.primary_population >= 1_000_000 && !ctx.sentence_start(s.start);
        let region = info.admin1 && !english;
        let person_ok =
            !english && info.primary_population >= 100_000 && !ctx.sentence_start(s.start);
        if !(locative || qualified || role_after || big || region || person_ok) {
            return Verdict::Doubtful;
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
