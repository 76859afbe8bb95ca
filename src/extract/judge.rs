//! Judging one spotted name: the checks, in order, that make it a place mention, a non-settlement, a
//! person's name, a word that needs the document's support, or no place at all. The checks on the text
//! alone come first; the gazetteer's facts about the name are asked only for spots that pass them.

use crate::text::ToLowerInline;
use rustc_hash::FxHashSet as HashSet;

use super::feature::Feature;
use super::lexicon;
use super::recognize::{all_caps, capitalised, ends_sentence, lower_plain, Context, Verdict};
use super::resolve::NameInfo;
use super::scan::Spot;
use super::words::*;

/// Decides about one spot. `demonyms` are lowercase light keys; `name` is what the spot's words say on
/// their own ([`Name::of`], None when they are no name); `info` tells what the name's gazetteer entries are
/// (asked only when the text alone cannot decide).
/// `spot_starts`: where the document's other gazetteer names start (a sentence-initial given name that is also a
/// place name, "Jordan Henderson", still marks a person).
pub fn judge(
    ctx: &Context,
    s: &Spot,
    name: Option<&Name>,
    demonyms: &HashSet<String>,
    spot_starts: &HashSet<usize>,
    spot_ends: &HashSet<usize>,
    info: &mut dyn FnMut() -> NameInfo,
) -> Verdict {
    let (Some(name), Some(surface)) = (name, ctx.text.get(s.start..s.end)) else {
        return Verdict::Reject;
    };
    if name.no_name {
        return Verdict::Reject;
    }
    let j = Spotted {
        ctx,
        s,
        surface,
        name: *name,
    };
    if j.hyphenated_person(spot_ends) {
        return Verdict::Reject;
    }
    let info = &info();
    if j.a_short_or_translated_form(info) {
        return Verdict::Reject;
    }
    let f = Facts::new(&j, info);
    j.after_a_title(&f)
        .or_else(|| j.by_the_next_word(info, &f))
        .or_else(|| j.by_the_word_before(info, &f, demonyms, spot_starts))
        .or_else(|| j.a_river(info, &f))
        .unwrap_or_else(|| j.with_support(info, &f, spot_starts))
}

/// What a spotted name's words say on their own, whatever the text around them: the same for every
/// occurrence of the same words with the same key, so the extractor remembers it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Name {
    single: bool,
    letters: usize,
    acronym: bool,
    /// No name by its words alone: a common word, a demonym or a known non-place; a single letter; a
    /// contraction ("I'd", "He'll"); camel case ("MoD", "iPhone").
    no_name: bool,
    /// Every word is an ordinary English word or a particle ("White House").
    ordinary_words: bool,
    /// A single word that is a given name, a surname, an ordinary English word.
    given: bool,
    surname: bool,
    english: bool,
}

/// The spot as written.
struct Spotted<'c, 'a> {
    ctx: &'c Context<'a>,
    s: &'c Spot,
    surface: &'a str,
    name: Name,
}

/// What the gazetteer and the word lists say about the name.
struct Facts<'a> {
    prominent: bool,
    given: bool,
    surname: bool,
    english: bool,
    prev: Option<(&'a str, usize)>,
    next: Option<&'a str>,
}

impl<'a> Facts<'a> {
    fn new(j: &Spotted<'_, 'a>, info: &NameInfo) -> Facts<'a> {
        Facts {
            prominent: info.prominent(),
            given: j.name.given,
            surname: j.name.surname,
            english: j.name.english,
            prev: j.ctx.prev_word(j.s.start),
            next: j.ctx.next_word(j.s.end),
        }
    }
}

/// Words before a name that do not make it a surname: directions and similar modifiers ("eastern
/// Ukraine", "Greater Manchester", "occupied Melitopol").
const DIRECTIONS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "greater",
    "upper",
    "lower",
    "occupied",
    "downtown",
    "liberated",
];

/// Name prefixes that carry a capital inside a word ("McLean", "LaFayette", "DeKalb", "MacArthur").
const CAMEL_PREFIXES: &[&str] = &[
    "Da", "De", "Di", "Du", "Fitz", "La", "Le", "Mac", "Mc", "Van", "Von",
];

impl Name {
    /// What the words `surface` (with the light key `key`) say on their own; None when they are no name
    /// at all: every word must be capitalised, except particles ("Rostov-on-Don", "Kharkiv region").
    pub fn of(surface: &str, key: &str, demonyms: &HashSet<String>) -> Option<Name> {
        let tokens: Vec<&str> = surface
            .split(|c: char| c.is_whitespace() || c == '-')
            .filter(|t| !t.is_empty())
            .collect();
        if tokens.is_empty() {
            return None;
        }
        for (i, t) in tokens.iter().enumerate() {
            if !capitalised(t)
                && (i == 0 || !contains(NAME_PARTICLES, &lower_plain(t)))
                && t.chars().next().is_some_and(|c| c.is_alphabetic())
            {
                return None;
            }
        }
        let letters = surface.chars().filter(|c| c.is_alphabetic()).count();
        let single = tokens.len() == 1;
        let lower = single.then(|| lower_plain(surface));
        let is = |list: fn(&str) -> bool| lower.as_deref().is_some_and(list);
        Some(Name {
            single,
            letters,
            acronym: all_caps(surface) && letters <= 4,
            no_name: Self::no_name(surface, key, &tokens, letters, demonyms),
            ordinary_words: !single
                && tokens.iter().all(|t| {
                    let t = lower_plain(t);
                    lexicon::is_english_word(&t) || contains(NAME_PARTICLES, &t)
                }),
            given: is(lexicon::is_given_name),
            surname: is(lexicon::is_surname),
            english: is(lexicon::is_english_word),
        })
    }

    /// See [`Name::no_name`].
    fn no_name(
        surface: &str,
        key: &str,
        tokens: &[&str],
        letters: usize,
        demonyms: &HashSet<String>,
    ) -> bool {
        let single = tokens.len() == 1;
        let lists = InLists::of(key);
        if single && lists.has(COMMON_WORDS)
            || demonyms.contains(key)
            || lists.has(NON_PLACE_NAMES)
            || single && letters < 2
        {
            return true;
        }
        if let Some((_, tail)) = surface.split_once(crate::names::fold::is_apostrophe) {
            if matches!(tail, "d" | "ve" | "ll" | "re" | "m" | "t") {
                return true;
            }
        }
        tokens.iter().any(|t| {
            t.char_indices().zip(t.chars().skip(1)).any(|((i, a), b)| {
                a.is_lowercase()
                    && b.is_uppercase()
                    && !CAMEL_PREFIXES.contains(&&t[..i + a.len_utf8()])
            })
        })
    }
}

impl<'c, 'a> Spotted<'c, 'a> {
    /// "Diaz-Balart": the half before the hyphen is a person's name, or no place name ends there; "the
    /// Kharkiv City-Izyum line" (a city word joins two places) passes.
    fn hyphenated_person(&self, spot_ends: &HashSet<usize>) -> bool {
        let Some(before) = self.ctx.text[..self.s.start].strip_suffix('-') else {
            return false;
        };
        let partner = before
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        if !capitalised(partner) || partner == "City" {
            return false;
        }
        let pl = partner.to_lower();
        let person = lexicon::is_surname(&pl) || lexicon::is_given_name(&pl);
        person || !spot_ends.contains(&(self.s.start - 1))
    }

    /// Short capitals, abbreviations, translated alternates and regions' short forms that the text does
    /// not use as a place.
    fn a_short_or_translated_form(&self, info: &NameInfo) -> bool {
        // Short capitals are mostly organisations and codes (GeoNames lists airport codes as alternate
        // names): only countries, regions and big cities go by them ("US", "UK", "BC", "NYC").
        if self.name.acronym && !(info.country || info.admin1 || info.place_population >= 1_000_000)
        {
            return true;
        }
        // Abbreviations ("Dr.", "Nov.") and two-letter words ("Li") are not places unless a country's or
        // region's.
        let abbreviation = self.name.single
            && !self.name.acronym
            && (self.name.letters <= 2
                || (self.name.letters <= 3 && self.ctx.text[self.s.end..].starts_with('.')));
        let region_abbreviation = info.admin1 && self.surface.ends_with('.');
        if abbreviation && !(info.country || region_abbreviation) {
            return true;
        }
        // An alternate name made of ordinary English words is a translation ("White House" for
        // Casablanca), not what English text means by it.
        if !self.name.single
            && !info.primary
            && !info.country
            && !info.admin1
            && self.name.ordinary_words
        {
            return true;
        }
        self.unused_short_form(info)
    }

    /// A region's short form ("Calif.", "Mont.", "TX", "BC") names the region only after "City," or
    /// before a role word ("BC government"); elsewhere "Miss." is a title, "IN" and "OR" are words in
    /// capitals.
    fn unused_short_form(&self, info: &NameInfo) -> bool {
        let short_form = self.name.single
            && !info.country
            && info.admin1
            && !self.surface.trim_end_matches('.').contains('.')
            && ((self.name.acronym && self.name.letters == 2) || self.surface.ends_with('.'));
        if !short_form {
            return false;
        }
        // "Shelby, Mont.", "Walker County (Ga.)"
        let after_comma = self.ctx.text[..self.s.start]
            .trim_end_matches(' ')
            .ends_with([',', '(']);
        let role_after = self
            .ctx
            .next_word(self.s.end)
            .is_some_and(|n| contains(ROLE_WORDS, &n.to_lower()));
        !(after_comma || role_after)
    }

    /// A person: a title right before ("President Kennedy", "Queen Victoria").
    fn after_a_title(&self, f: &Facts) -> Option<Verdict> {
        let (p, _) = f.prev?;
        (contains(TITLES, &lower_plain(p)) && capitalised(p)).then_some(Verdict::Reject)
    }

    /// The word after: a feature word ("the Dnipro River"); part of a longer proper noun, a person when
    /// the name is a given name ("Jordan Henderson", "Sydney Sweeney"), while an organisation named after
    /// a well-known place still mentions it ("The Washington Post", "Toronto Transit Commission"); a given
    /// name that speaks ("Tyler said") is a person.
    fn by_the_next_word(&self, info: &NameInfo, f: &Facts) -> Option<Verdict> {
        let n = f.next?;
        let nl = n.to_lower();
        let nl = strip_all(strip_all(&nl, "'s"), "’s");
        let lists = InLists::of(nl);
        if lists.has(FEATURE_WORDS) {
            return Some(Verdict::NonSettlement(Feature::of_word(nl)));
        }
        // In a line of capitals ("LONDON The Latest", a dateline) the next word's case says nothing.
        let dateline = all_caps(self.surface) && !self.name.acronym;
        if capitalised(n) && !lists.has(ROLE_WORDS) && !all_caps(n) && !dateline {
            // "Kobe Bryant": a surname after the name makes a person.
            let org = lists.has(ORG_WORDS);
            let person_next =
                !org && !info.country && lexicon::is_surname(nl) && !lexicon::is_english_word(nl);
            let embedded = f.prominent
                && !f.given
                && !person_next
                && (org || !(f.surname || f.english) || info.country);
            if !embedded {
                return Some(Verdict::Reject);
            }
        }
        (f.given && !info.country && lists.has(SPEECH_VERBS)).then_some(Verdict::Reject)
    }

    /// The word before: a capitalised word that is not a sentence start, a cue, a direction or another
    /// name makes this one a surname ("Vitaly Ganchev"); "Sea of X", "Gulf of X" name water.
    fn by_the_word_before(
        &self,
        info: &NameInfo,
        f: &Facts,
        demonyms: &HashSet<String>,
        spot_starts: &HashSet<usize>,
    ) -> Option<Verdict> {
        let (p, pstart) = f.prev?;
        let pl = lower_plain(p);
        // A word with digits is a code ("the T1302 Bakhmut-Lysychansk highway"), not a name.
        if capitalised(p)
            && !all_caps(p)
            && !p.chars().any(|c| c.is_ascii_digit())
            && !ends_sentence(p)
            && (!self.ctx.sentence_start(pstart) || spot_starts.contains(&pstart))
            && !DIRECTIONS.contains(&pl.as_str())
            && !demonyms.contains(pl.as_str())
            && {
                let lists = InLists::of(&pl);
                !lists.has(PLACE_CUES) && !lists.has(COMMON_WORDS)
            }
        {
            // A well-known place that is nobody's name keeps its sense after another proper noun ("Air
            // Canada", "Smart Dubai", "Trend Iran's"), by its own name: "Maria Lvova" is no Lviv.
            let embedded = f.prominent
                && (info.primary || info.country || info.admin1)
                && !f.given
                && !f.surname
                && (info.country || !f.english);
            if !embedded {
                return Some(if self.name.single {
                    Verdict::Surname
                } else {
                    Verdict::Reject
                });
            }
        }
        if pl != "of" {
            return None;
        }
        let w = self.ctx.text[..pstart]
            .trim_end()
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
            .to_lower();
        matches!(
            w.as_str(),
            "sea" | "gulf" | "strait" | "bay" | "straits" | "isle" | "lake"
        )
        .then(|| Verdict::NonSettlement(Feature::of_word(&w)))
    }

    /// "crossed the Dnipro near Kherson", "along the Oskil.": a town takes no article, a river does. Only
    /// when nothing follows that makes the name a modifier ("the Kharkiv offensive", "the Kyiv
    /// government").
    fn a_river(&self, info: &NameInfo, f: &Facts) -> Option<Verdict> {
        if !self.name.single
            || info.country
            || info.admin1
            || info.with_article
            || f.prev.is_none_or(|(p, _)| p != "the")
        {
            return None;
        }
        let after = self.ctx.text[self.s.end..].trim_start_matches(' ');
        let ends_clause =
            after.is_empty() || after.starts_with(['.', ',', ';', ':', ')', '!', '?', '\n']);
        (ends_clause || f.next.is_some_and(|n| contains(AFTER_RIVER, &n.to_lower())))
            .then_some(Verdict::NonSettlement(Feature::River))
    }

    /// A single word that is also an ordinary word or a person's name needs the text to say it is a
    /// place: a locative before it ("in Reading"), a qualifier after it ("Nice, France"), a role word
    /// ("Reading police"), or (for ordinary words in mid-sentence) a big city. Countries are exempt
    /// ("China", "Turkey", "Jordan"). So does a word that is only an alternate name of villages ("Putin"
    /// for Putiatyntsi): what it names the text must show. Otherwise it is a place.
    fn with_support(&self, info: &NameInfo, f: &Facts, spot_starts: &HashSet<usize>) -> Verdict {
        let village_alias =
            !info.primary && !info.admin1 && info.place_population < 1_000 && !info.with_article;
        if !self.name.single
            || info.country
            || !(f.english || f.given || f.surname || village_alias)
        {
            return Verdict::Place;
        }
        let (ctx, s) = (self.ctx, self.s);
        let locative = f
            .prev
            .is_some_and(|(p, _)| contains(LOCATIVES, &p.to_lower()));
        let qualified = ctx.text[s.end..].starts_with(", ")
            && spot_starts.contains(&(s.end + 2))
            && ctx.next_word(s.end + 1).is_some_and(capitalised);
        let role_after = f.next.is_some_and(|n| contains(ROLE_WORDS, &n.to_lower()));
        let big = info.primary_population >= 1_000_000 && !ctx.sentence_start(s.start);
        let region = info.admin1 && !f.english;
        let person_ok =
            !f.english && info.primary_population >= 100_000 && !ctx.sentence_start(s.start);
        if locative || qualified || role_after || big || region || person_ok {
            Verdict::Place
        } else {
            Verdict::Doubtful
        }
    }
}

/// `s` without every repeat of `suffix` at its end (what `trim_end_matches` gives, without building a
/// substring searcher for each call).
fn strip_all<'s>(mut s: &'s str, suffix: &str) -> &'s str {
    while let Some(rest) = s.strip_suffix(suffix) {
        s = rest;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::{strip_all, HashSet, Name};

    fn name(surface: &str) -> Option<Name> {
        let demonyms: HashSet<String> = ["ukrainian".to_string()].into_iter().collect();
        let key = crate::names::fold::light_key(surface);
        Name::of(surface, &key, &demonyms)
    }

    #[test]
    fn a_name_by_its_words() {
        let k = name("Kharkiv").expect("a name");
        assert!(k.single && !k.no_name && !k.acronym && k.letters == 7);
        assert!(name("Rostov-on-Don").is_some_and(|n| !n.single && !n.no_name));
        // A lowercase word, or a lowercase word after the first that is no particle, is no name.
        assert_eq!(name("kharkiv"), None);
        assert_eq!(name("New york"), None);
        assert_eq!(name(""), None);
        for no in ["MoD", "I'd", "Ukrainian", "X"] {
            assert!(name(no).is_some_and(|n| n.no_name), "{no}");
        }
        assert!(name("White House").is_some_and(|n| n.ordinary_words));
        assert!(name("Tyler").is_some_and(|n| n.given && !n.english));
        assert!(name("NATO").is_some_and(|n| n.acronym));
    }

    #[test]
    fn strip_all_is_trim_end_matches() {
        for s in ["kyiv's", "x's's", "’s's", "'s", "", "s", "it’s’s", "'ss"] {
            for suffix in ["'s", "’s"] {
                assert_eq!(
                    strip_all(s, suffix),
                    s.trim_end_matches(suffix),
                    "{s:?} {suffix:?}"
                );
            }
        }
    }
}
