//! Finding and resolving place mentions in text.
//!
//! text -> [`scan`] (spot gazetteer names, longest match, word boundaries) -> [`recognize`] (keep place
//! mentions, drop people, organisations, common words and demonyms) -> [`resolve`] (pick the entry with
//! document context).

pub mod cues;
pub mod feature;
mod judge;
pub mod lexicon;
pub mod recognize;
pub mod resolve;
pub mod scan;
pub mod words;

use crate::text::ToLowerInline;
use rustc_hash::FxHashSet as HashSet;

use crate::gazetteer::{EntryRef, Gazetteer};
use crate::index::record::Kind;
pub use recognize::Role;
use recognize::{Context, Verdict};
use resolve::Pending;

/// One place mention.
#[derive(Debug, Clone)]
pub struct Mention {
    /// UTF-8 byte offsets into the input.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The resolved entry, or None (not in the gazetteer, a non-settlement feature, or too weakly supported).
    pub entry: Option<EntryRef>,
    /// Confidence of the resolution, 0-1.
    pub score: f64,
    /// How many gazetteer entries carry the name.
    pub candidates: usize,
    pub role: Role,
    /// What the name denotes when it is no settlement: a river, sea, island or facility ("the Dnipro
    /// river", "Kherson Airbase").
    pub feature: Option<feature::Feature>,
    /// An unresolved name's best candidates, best first (empty when resolved): the namesakes the text did
    /// not tell apart.
    pub alternatives: Vec<EntryRef>,
}

impl Mention {
    /// Whether the name denotes a river, sea, island or facility, not a settlement.
    pub fn is_non_settlement(&self) -> bool {
        self.feature.is_some()
    }

    /// What the mention names: its entry's kind (place, admin1, country...), else its feature's (river,
    /// facility...); None for an unknown place.
    pub fn kind(&self, g: &Gazetteer) -> Option<&'static str> {
        match self.entry {
            Some(e) => Some(g.kind(e).as_str()),
            None => self.feature.map(feature::Feature::as_str),
        }
    }
}

/// A mappable place mention (resolved, not a country or continent, not a river or sea, not a hyphenated modifier such
/// as "Moscow-installed") as a token
/// span of a sentence: what claims and links attach to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlaceSpan {
    /// Token indices, end exclusive.
    pub start: usize,
    pub end: usize,
    /// Index into the document's mentions.
    pub mention: usize,
    /// Used as a metonym ("Kyiv denied"): it can be the object of an action but not its subject.
    pub metonym: bool,
}

/// The mappable place mentions inside `sentence`, by token span of `toks` (the sentence's tokens).
pub fn place_spans(
    g: &Gazetteer,
    mentions: &[Mention],
    toks: &[crate::text::Token],
    sentence: &std::ops::Range<usize>,
) -> Vec<PlaceSpan> {
    // Mentions are in text order: start at the sentence's first one (long documents stay linear).
    let from = mentions.partition_point(|m| m.start < sentence.start);
    mentions
        .iter()
        .enumerate()
        .skip(from)
        .take_while(|(_, m)| m.start < sentence.end)
        .filter(|(_, m)| m.end <= sentence.end)
        .filter(|(_, m)| {
            m.entry.is_some_and(|e| {
                !matches!(g.kind(e), Kind::Country | Kind::WorldRegion | Kind::Area)
            }) && !m.is_non_settlement()
        })
        .filter_map(|(i, m)| {
            let (start, end) = crate::text::token_span(toks, m.start, m.end)?;
            // A hyphenated modifier is one token with more after the name ("Moscow-installed").
            if toks[end - 1].end > m.end {
                return None;
            }
            Some(PlaceSpan {
                start,
                end,
                mention: i,
                metonym: m.role == Role::Metonym,
            })
        })
        .collect()
}

/// Extracts mentions from documents; holds what is shared between documents.
pub struct Extractor<'g> {
    g: &'g Gazetteer,
    demonyms: HashSet<String>,
    cands: resolve::CandStore,
    /// Per-thread memo of FST walks over capitalised words (no locking between threads).
    walks: thread_local::ThreadLocal<std::cell::RefCell<scan::WalkMemo>>,
    /// Per-thread memo of what spotted names' words say on their own.
    names: thread_local::ThreadLocal<std::cell::RefCell<NameMemo>>,
}

/// What a spot's words say on their own ([`judge::Name`]) and what its gazetteer entries are, by surface
/// form and key: news repeats its names. Bounded: at [`NameMemo::CAPACITY`] names it starts afresh.
#[derive(Default)]
struct NameMemo {
    map: rustc_hash::FxHashMap<String, (Option<judge::Name>, Option<resolve::NameInfo>)>,
    key: String,
}

impl NameMemo {
    const CAPACITY: usize = 50_000;

    /// What is known of `surface` with the light key `key`, its words judged on first sight.
    fn get(
        &mut self,
        surface: &str,
        key: &str,
        demonyms: &HashSet<String>,
    ) -> (Option<judge::Name>, Option<resolve::NameInfo>) {
        self.key.clear();
        self.key.push_str(surface);
        self.key.push('\0');
        self.key.push_str(key);
        if let Some(known) = self.map.get(self.key.as_str()) {
            return *known;
        }
        if self.map.len() >= Self::CAPACITY {
            self.map.clear();
        }
        let known = (judge::Name::of(surface, key, demonyms), None);
        self.map.insert(self.key.clone(), known);
        known
    }

    /// Remembers the gazetteer's facts of the name [`NameMemo::get`] last looked up.
    fn set_info(&mut self, info: resolve::NameInfo) {
        if let Some(known) = self.map.get_mut(self.key.as_str()) {
            known.1 = Some(info);
        }
    }
}

impl<'g> Extractor<'g> {
    pub fn new(g: &'g Gazetteer) -> Extractor<'g> {
        Extractor {
            g,
            demonyms: lexicon::demonyms(g),
            cands: resolve::CandStore::default(),
            walks: thread_local::ThreadLocal::new(),
            names: thread_local::ThreadLocal::new(),
        }
    }

    pub fn gazetteer(&self) -> &'g Gazetteer {
        self.g
    }

    /// All place mentions of one document, in text order.
    pub fn extract(&self, bytes: &[u8]) -> Vec<Mention> {
        self.extract_in(bytes, &placeholder_text(bytes))
    }

    /// [`Extractor::extract`] when the caller already holds the document's [`placeholder_text`].
    pub fn extract_in(&self, bytes: &[u8], text: &str) -> Vec<Mention> {
        let caps = scan::capitals(bytes);
        let spots = {
            let mut memo = self.walks.get_or_default().borrow_mut();
            let mut spots = scan::spot(self.g, bytes, &caps, &mut memo);
            scan::add_inflected(self.g, bytes, &mut spots);
            spots
        };
        // The recogniser works on text with the same byte offsets as the input.
        let ctx = Context { text };
        let unknown = cues::unknown_names(&ctx, &spots, &self.demonyms, &caps);
        let kept = self.recognise(&ctx, &spots, &unknown);
        let pending = pending(&ctx, &kept);
        let res = resolve::resolve(self.g, &pending, &self.cands);
        kept.iter()
            .zip(res)
            .filter(|((_, verdict), r)| !r.dropped || *verdict == Verdict::Unknown)
            .map(|((s, verdict), r)| self.mention(&ctx, s, *verdict, r))
            .collect()
    }

    /// The spots that are place mentions (or non-settlements), with the names the text marks as places
    /// though the gazetteer lacks them (`unknown`), in text order.
    fn recognise<'s>(
        &self,
        ctx: &Context,
        spots: &'s [scan::Spot],
        unknown: &'s [scan::Spot],
    ) -> Vec<(&'s scan::Spot, Verdict)> {
        let sized = || HashSet::with_capacity_and_hasher(spots.len(), Default::default());
        let mut starts: HashSet<usize> = sized();
        starts.extend(spots.iter().map(|s| s.start));
        let mut ends: HashSet<usize> = sized();
        ends.extend(spots.iter().map(|s| s.end));
        let cands = &self.cands;
        let mut names = self.names.get_or_default().borrow_mut();
        let verdicts: Vec<Verdict> = spots
            .iter()
            .map(|s| {
                let surface = ctx.text.get(s.start..s.end).unwrap_or("");
                let (name, known) = names.get(surface, &s.key, &self.demonyms);
                let mut asked = None;
                let mut info =
                    || known.unwrap_or_else(|| *asked.insert(cands.get(self.g, &s.key).info));
                let v = judge::judge(
                    ctx,
                    s,
                    name.as_ref(),
                    &self.demonyms,
                    &starts,
                    &ends,
                    &mut info,
                );
                if let Some(info) = asked {
                    names.set_info(info);
                }
                v
            })
            .collect();
        // One sense per discourse for people: once "John Kelly" is seen, a bare "Kelly" is the person.
        let surnames: HashSet<&str> = spots
            .iter()
            .zip(&verdicts)
            .filter(|(_, v)| **v == Verdict::Surname)
            .map(|(s, _)| s.key.as_str())
            .collect();
        let mut kept = Vec::new();
        for (s, v) in spots.iter().zip(&verdicts) {
            match v {
                Verdict::Reject | Verdict::Surname => {}
                _ if surnames.contains(s.key.as_str()) => {}
                v => kept.push((s, *v)),
            }
        }
        kept.extend(unknown.iter().map(|s| (s, Verdict::Unknown)));
        kept.sort_by_key(|(s, _)| s.start);
        kept
    }

    /// The mention of a recognised spot, as resolution read it.
    fn mention(
        &self,
        ctx: &Context,
        s: &scan::Spot,
        verdict: Verdict,
        r: resolve::Resolution,
    ) -> Mention {
        let feature = match verdict {
            Verdict::NonSettlement(f) => Some(f),
            _ => None,
        };
        let entry = if feature.is_some() || r.dropped {
            None
        } else {
            r.entry
        };
        let polity = entry.is_some_and(|e| {
            matches!(
                self.g.kind(e),
                Kind::Country | Kind::Admin1 | Kind::WorldRegion
            ) || matches!(self.g.feature_code(e), "PPLC" | "PPLA")
        });
        Mention {
            start: s.start,
            end: s.end,
            text: ctx.text[s.start..s.end].to_string(),
            entry,
            score: if entry.is_some() { r.score } else { 0.0 },
            candidates: r.candidates,
            role: recognize::role(ctx, s, polity),
            feature,
            alternatives: if feature.is_some() {
                Vec::new()
            } else {
                r.alternatives
            },
        }
    }
}

/// What resolution needs to know of each kept spot from the text around it: a region wanted, a
/// qualifier after it, a settlement cue, a stated location, whether it is doubtful.
fn pending(ctx: &Context, kept: &[(&scan::Spot, Verdict)]) -> Vec<Pending> {
    let text = ctx.text;
    let spans: Vec<(usize, usize)> = kept.iter().map(|(s, _)| (s.start, s.end)).collect();
    let listed_regions = plural_region_lists(text, &spans);
    let anchors = stated_locations(text, &spans);
    let mut pending = Vec::with_capacity(kept.len());
    for (i, (s, verdict)) in kept.iter().enumerate() {
        let wants_region = listed_regions.contains(&i)
            || s.key
                .rsplit_once(' ')
                .is_some_and(|(_, w)| crate::index::builder::REGION_TYPE_WORDS.contains(&w));
        // "Odessa, Texas", "Walker County (Ga.)": the next mention right after a comma or an opening
        // parenthesis qualifies this one.
        let qualifier = kept.get(i + 1).and_then(|(n, _)| {
            let gap = text.get(s.end..n.start)?;
            matches!(gap.trim(), "," | "(").then_some(i + 1)
        });
        let settlement_cue = ctx.prev_word(s.start).is_some_and(|(w, ws)| {
            matches!(w.to_lower().as_str(), "of")
                && ctx.prev_word(ws).is_some_and(|(w2, _)| {
                    matches!(
                        w2.to_lower().as_str(),
                        "city" | "town" | "village" | "settlement" | "hamlet"
                    )
                })
        });
        let (anchor, anchor_shared) = match anchors[i] {
            Some((a, shared)) => (Some(a), shared),
            None => (None, false),
        };
        pending.push(Pending {
            key: s.key.clone(),
            wants_region,
            qualifier,
            settlement_cue,
            anchor,
            anchor_shared,
            // A stated location or a settlement cue says it is a place after all. An unknown name is
            // resolved only through a spelling variant the document's places support.
            // ("Lyman, 150 km south-east of Kharkiv"; "X in Y" says less: "the Fleet in Sevastopol").
            doubtful: (*verdict == Verdict::Doubtful
                && !matches!(
                    anchor,
                    Some(resolve::Anchor::Near(..) | resolve::Anchor::Distance(..))
                )
                && !settlement_cue)
                || *verdict == Verdict::Unknown,
            variant: *verdict == Verdict::Unknown,
            non_settlement: matches!(verdict, Verdict::NonSettlement(_)),
        });
    }
    pending
}

static NEAR_GAP: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)^,?\s*(?:(?:just|close|right|located|situated|lying|which\s+lies|which\s+is)\s+)?(?:near|outside|close\s+to|next\s+to|on\s+the\s+outskirts\s+of|not\s+far\s+from)(?:\s+the\s+(?:city|town)\s+of)?\s*$",
    )
    .expect("near pattern")
});

static DISTANCE_GAP: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)^(?:,|\s*\()?\s*(?:(?:both|all|each)\s+)?(within|up\s+to|some|about|around|roughly|approximately|nearly|almost|just|less\s+than|more\s+than|over|under)?\s*(\d{1,3}(?:[.,]\d+)?)\s*(km|kilomet(?:re|er)s?|miles?)\s+(?:(?:to\s+the\s+)?(north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+)?(?:of|from)(?:\s+the\s+(?:city|town)\s+of)?\s*$",
    )
    .expect("distance pattern")
});

static DIRECTION_GAP: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)^(?:,|\s*\()?\s*(?:(?:both|all|each)\s+)?(?:(?:just|directly|slightly|immediately)\s+)?(north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+of(?:\s+the\s+(?:city|town)\s+of)?\s*$",
    )
    .expect("direction pattern")
});

static WITHIN_GAP: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)^(?:,|\s*\()?\s*(?:(?:a|the)\s+(?:village|town|city|settlement)\s+)?in\s+(?:the\s+)?(?:(eastern|western|northern|southern|north-?eastern|north-?western|south-?eastern|south-?western|central)\s+)?$",
    )
    .expect("within pattern")
});

/// Stated locations of mentions (by their sorted spans): "X near Y", "X, 30 km south of Y", "X in the Y
/// region", each with whether it is shared from the next member of a list ("Andriivka and Klishchiivka, south
/// of Bakhmut": Andriivka shares Klishchiivka's).
fn stated_locations(text: &str, spans: &[(usize, usize)]) -> Vec<Option<(resolve::Anchor, bool)>> {
    let gap = |i: usize| text.get(spans[i].1..spans.get(i + 1)?.0);
    let mut anchors: Vec<Option<(resolve::Anchor, bool)>> = (0..spans.len())
        .map(|i| resolve_anchor(gap(i)?, i + 1).map(|a| (a, false)))
        .collect();
    for i in (0..spans.len().saturating_sub(1)).rev() {
        let list =
            gap(i).is_some_and(|g| matches!(g.trim(), "," | "and" | ", and" | "or" | ", or"));
        if anchors[i].is_none() && list {
            anchors[i] = anchors[i + 1].map(|(a, _)| (a, true));
        }
    }
    anchors
}

/// The groups of `re`'s match in `gap`; most gaps state nothing, which a match test finds without making
/// the groups.
fn groups<'g>(re: &regex::Regex, gap: &'g str) -> Option<regex::Captures<'g>> {
    re.is_match(gap).then(|| re.captures(gap)).flatten()
}

/// The anchor a gap between two mentions states ("near", "30 km south of", "in the").
fn resolve_anchor(gap: &str, next: usize) -> Option<resolve::Anchor> {
    if gap.len() > 60 {
        return None;
    }
    if NEAR_GAP.is_match(gap) {
        return Some(resolve::Anchor::Near(next, 60.0));
    }
    if let Some(c) = groups(&DISTANCE_GAP, gap) {
        let v: f64 = c.get(2)?.as_str().replace(',', ".").parse().ok()?;
        let km = if c.get(3)?.as_str().to_lower().starts_with('m') {
            v * 1.609_344
        } else {
            v
        };
        let bearing = c
            .get(4)
            .and_then(|d| crate::links::direction_bearing(d.as_str()));
        // "within 70 km southwest of": anywhere up to that distance, not at it.
        let up_to = c
            .get(1)
            .is_some_and(|w| matches!(w.as_str().to_lower().as_str(), "within" | "up to"));
        return Some(match (up_to, bearing) {
            (true, Some(b)) => resolve::Anchor::Toward(next, b, km),
            (true, None) => resolve::Anchor::Near(next, km),
            (false, _) => resolve::Anchor::Distance(next, km, bearing),
        });
    }
    if let Some(c) = groups(&WITHIN_GAP, gap) {
        // "in southern Donetsk Oblast": the part of the region; "central" names none.
        let part = c.get(1).and_then(|d| {
            let d = d.as_str().to_lower();
            crate::links::direction_bearing(d.strip_suffix("ern").unwrap_or(&d))
        });
        return Some(resolve::Anchor::Within(next, part));
    }
    if let Some(c) = groups(&DIRECTION_GAP, gap) {
        let bearing = crate::links::direction_bearing(c.get(1)?.as_str())?;
        return Some(resolve::Anchor::Toward(next, bearing, resolve::TOWARD_KM));
    }
    None
}

/// Plural region words that end a list of region names ("the Donetsk and Zaporizhzhia regions").
const PLURAL_REGION_WORDS: &[&str] = &[
    "counties",
    "districts",
    "oblasts",
    "provinces",
    "raions",
    "regions",
    "states",
];

/// Mentions (by index into `spans`, sorted) that are names in a list closed by a plural region word:
/// "Donetsk and Zaporizhzhia regions", "the Kherson, Zaporizhzhia, Donetsk and Luhansk oblasts".
fn plural_region_lists(text: &str, spans: &[(usize, usize)]) -> HashSet<usize> {
    let mut out = HashSet::default();
    let mut i = 0;
    while i < spans.len() {
        // Extend a list while the gap to the next mention is a separator.
        let mut j = i;
        while j + 1 < spans.len() {
            let gap = text.get(spans[j].1..spans[j + 1].0).unwrap_or("x");
            let g = gap.trim();
            if matches!(g, "," | "and" | ", and" | "or" | ", or" | "&") {
                j += 1;
            } else {
                break;
            }
        }
        let after = text.get(spans[j].1..).unwrap_or("");
        let word: compact_str::CompactString = after
            .trim_start_matches(' ')
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect::<String>()
            .to_lower();
        if j > i && after.starts_with(' ') && PLURAL_REGION_WORDS.contains(&word.as_str()) {
            out.extend(i..=j);
        }
        i = j + 1;
    }
    out
}

/// The document as text with the same byte offsets: each invalid UTF-8 byte becomes '\u{1A}' (SUB).
/// Borrowed when the input is valid UTF-8 (the usual case).
pub fn placeholder_text(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(_) => {
            let mut s = String::with_capacity(bytes.len());
            for chunk in bytes.utf8_chunks() {
                s.push_str(chunk.valid());
                for _ in chunk.invalid() {
                    s.push('\u{1A}');
                }
            }
            std::borrow::Cow::Owned(s)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_memo_keeps_words_and_gazetteer_facts_apart_per_key() {
        let demonyms = HashSet::default();
        let mut memo = NameMemo::default();
        let (name, info) = memo.get("Kyiv", "kyiv", &demonyms);
        assert!(name.is_some() && info.is_none());
        let facts = resolve::NameInfo {
            admin1: true,
            ..Default::default()
        };
        memo.set_info(facts);
        assert_eq!(memo.get("Kyiv", "kyiv", &demonyms), (name, Some(facts)));
        // The same words with another key (a case form's nominative) are another entry.
        assert_eq!(memo.get("Kyiv", "kyieve", &demonyms).1, None);
        assert_eq!(memo.get("kyiv", "kyiv", &demonyms), (None, None));
    }

    fn mentions(text: &str) -> Vec<(String, Option<String>)> {
        let g = Gazetteer::bundled().unwrap();
        let x = Extractor::new(&g);
        x.extract(text.as_bytes())
            .into_iter()
            .map(|m| (m.text, m.entry.map(|e| g.id(e).to_string())))
            .collect()
    }

    #[test]
    fn finds_variants_regions_and_possessives() {
        let m = mentions("Ukraine's army retook Kup'yansk and Izyum in the Kharkiv region, officials in Kyiv said.");
        let texts: Vec<&str> = m.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(
            texts,
            vec!["Ukraine", "Kup'yansk", "Izyum", "Kharkiv region", "Kyiv"]
        );
        assert_eq!(m[1].1.as_deref(), Some("geonames:703656"));
        assert_eq!(m[3].1.as_deref(), Some("geonames:706482"));
    }

    #[test]
    fn names_beside_emoji_quotes_controls_and_look_alikes() {
        let kharkiv = Some("geonames:706483".to_string());
        for text in [
            "Troops entered Kharkіv on Monday.",   // Ukrainian і for Latin i
            "Troops entered Кharkiv on Monday.",   // Cyrillic К
            "Troops entered Kharkiv🇺🇦 on Monday.", // a flag right after
            "Troops entered Kharkiv🔥, the mayor said.", // an emoji right after
            "Troops entered \u{202E}Kharkiv on Monday.", // after a right-to-left override
            "Troops entered \u{2066}Kharkiv\u{2069} on Monday.",
            "Troops entered «Kharkiv» on Monday.",
            "Troops entered “Kharkiv” on Monday.",
            "Troops entered •Kharkiv… on Monday.",
        ] {
            let m = mentions(text);
            assert_eq!(m.len(), 1, "{text}: {m:?}");
            assert_eq!(m[0].1, kharkiv, "{text}");
        }
        // Cyrillic names stay Cyrillic: "Київ" is not read letter by letter as Latin.
        assert_eq!(
            mentions("Війська увійшли в Харків.")[0].1,
            kharkiv,
            "a Cyrillic word keeps its letters"
        );
    }

    #[test]
    fn skips_people_common_words_and_demonyms() {
        let m = mentions("Jordan Henderson and Victoria Beckham met in May. Even Ukrainian and Russian officials agreed.");
        assert!(m.is_empty(), "{m:?}");
    }

    fn texts(text: &str) -> Vec<String> {
        mentions(text).into_iter().map(|m| m.0).collect()
    }

    #[test]
    fn ordinary_words_and_people_need_place_context() {
        // Ordinary words and names that are also (small) places somewhere.
        assert!(
            texts("Research by Dr. Chen showed the Minister was wrong. Tyler said so.").is_empty()
        );
        assert!(texts("Amy Wang reported it. Later, Wang added a note.").is_empty());
        // Airport codes and organisation acronyms listed as alternate names.
        assert!(texts("The APC and the NGO met the MoD.").is_empty());
        // The same words with a locative or a qualifier, or a big city, are places.
        assert_eq!(texts("She moved to Reading in 2019."), vec!["Reading"]);
        assert_eq!(texts("He grew up in Nice, France."), vec!["Nice", "France"]);
        assert_eq!(texts("Phoenix police closed the road."), vec!["Phoenix"]);
    }

    #[test]
    fn embedded_and_adjacent_well_known_places() {
        // A well-known place inside an organisation's name is still mentioned.
        assert_eq!(
            texts("The Washington Post and the Toronto Transit Commission both declined."),
            vec!["Washington", "Toronto"]
        );
        // After another proper noun or a sentence ending in a capitalised word.
        assert_eq!(
            texts("Exports fell, Trend Iran's data showed. Trade with China. U.S. officials said little."),
            vec!["Iran", "China", "U.S."]
        );
        // A given name followed by a surname is a person; so is a place name before a surname.
        assert!(texts("Sydney Sweeney met Jordan Henderson.").is_empty());
        assert!(texts("They remembered Kobe Bryant.").is_empty());
    }

    #[test]
    fn a_doubtful_name_needs_the_documents_geography() {
        // "Lyman" is also a surname: kept when the document's places are around it.
        let m = mentions(
            "Lyman was retaken on Saturday. Troops then moved from Izium towards Sviatohirsk.",
        );
        assert_eq!(
            m[0],
            ("Lyman".to_string(), Some("geonames:704204".to_string()))
        );
        // Alone, nothing says it is a place.
        assert!(texts("Lyman was late again on Saturday.").is_empty());
    }

    #[test]
    fn a_stated_distance_and_direction_pick_the_namesake() {
        // Lyman (Donetsk oblast) is ~160 km south-east of Kharkiv; the Kharkiv-oblast Lyman is 45 km south.
        let m = mentions("Lyman, about 150 km south-east of Kharkiv, was retaken.");
        assert_eq!(m[0].1.as_deref(), Some("geonames:704204"));
    }

    #[test]
    fn continents_and_the_eu_are_places() {
        let m = mentions("EU ministers met in Europe to discuss aid to Africa.");
        let ids: Vec<Option<&str>> = m.iter().map(|x| x.1.as_deref()).collect();
        assert_eq!(
            ids,
            vec![
                Some("geonames:6695072"),
                Some("geonames:6255148"),
                Some("geonames:6255146")
            ]
        );
    }

    #[test]
    fn possessives_and_capitals_resolve_to_the_obvious_place() {
        // "Canada's" must not become the longer name "Canadas" (a Mexican town), nor "France's" "Frances".
        let m = mentions("Canada's and France's ministers flew to Washington from Mexico City.");
        let got: Vec<(&str, Option<&str>)> =
            m.iter().map(|x| (x.0.as_str(), x.1.as_deref())).collect();
        assert_eq!(
            got,
            vec![
                ("Canada", Some("geonames:6251999")),
                ("France", Some("geonames:3017382")),
                ("Washington", Some("geonames:4140963")),
                ("Mexico City", Some("geonames:3530597")),
            ]
        );
    }

    #[test]
    fn a_countrys_foreign_alias_does_not_take_a_towns_own_name() {
        // "Uman" is a name of Oman in some languages; Uman is first a Ukrainian city.
        let m = mentions("Drones struck Uman overnight.");
        assert_eq!(m[0].1.as_deref(), Some("geonames:690688"));
    }

    #[test]
    fn unknown_villages_are_mentions_and_variants_resolve_with_support() {
        // Verkhnomaianske is missing from the gazetteer: recognised, left unresolved.
        let m = mentions("Fighting continued near Verkhnomaianske, east of Bakhmut.");
        assert_eq!(m[0], ("Verkhnomaianske".to_string(), None));
        // "Gulyaipole" is no gazetteer spelling, but its Slavic key finds Hulyaypole, 40 km from Orikhiv.
        let m = mentions("Russian forces advanced near Gulyaipole and Orikhiv.");
        assert_eq!(m[0].1.as_deref(), Some("geonames:707898"));
        // Without nearby places to support it, the variant stays unresolved.
        let m = mentions("A parade was held near Gulyaipole.");
        assert_eq!(m[0], ("Gulyaipole".to_string(), None));
    }

    #[test]
    fn region_short_forms_qualify_a_city_but_are_not_words() {
        // Shelby, Montana (not Shelby, North Carolina), from an AP-style dateline.
        let m = mentions("SHELBY, Mont. (AP) - A grass fire spread overnight.");
        assert_eq!(m[0].1.as_deref(), Some("geonames:5677433"));
        assert_eq!(m[1].1.as_deref(), Some("geonames:5667009"));
        assert_eq!(texts("Austin, TX is growing."), vec!["Austin", "TX"]);
        // Each qualified mention keeps its own reading: one sense per name yields to the text.
        let m = mentions("Residents of Paris, Texas, and Paris, Tennessee, watched.");
        assert_eq!(m[0].1.as_deref(), Some("geonames:4717560"));
        assert_eq!(m[2].1.as_deref(), Some("geonames:4647963"));
        // A parenthesised state picks the county; name prefixes keep their inner capital.
        let m = mentions("The Walker County (Ga.) sheriff said the men escaped in LaFayette.");
        assert_eq!(m[0].1.as_deref(), Some("geonames:4229163"));
        assert_eq!(m[1].1.as_deref(), Some("geonames:4197000"));
        assert_eq!(m[2].0, "LaFayette");
        // A title and words in capitals are not regions.
        assert!(texts("Miss. Smith wrote IN CAPITALS OR NOT.").is_empty());
    }

    #[test]
    fn translations_contractions_camel_case_and_hyphenated_names_are_not_places() {
        assert!(texts("The White House said I'd better wait; the MoD agreed.").is_empty());
        assert!(texts("Rep. Mario Diaz-Balart spoke after Modi's speech.").is_empty());
        // A hyphen between two places keeps both.
        assert_eq!(
            texts("The Izium-Kupiansk road reopened."),
            vec!["Izium", "Kupiansk"]
        );
    }

    #[test]
    fn cyrillic_names_and_region_phrases() {
        let m = mentions("Запорожская область и Херсон; бои у Купянск.");
        let ids: Vec<Option<&str>> = m.iter().map(|x| x.1.as_deref()).collect();
        assert_eq!(
            ids,
            vec![
                Some("geonames:687699"),
                Some("geonames:706448"),
                Some("geonames:703656")
            ]
        );
    }

    #[test]
    fn lists_of_regions() {
        let m = mentions(
            "Shelling hit the Donetsk and Zaporizhzhia regions; in Donetsk itself the market burned.",
        );
        let ids: Vec<Option<&str>> = m.iter().map(|x| x.1.as_deref()).collect();
        // The oblasts in the list, the city after it.
        assert_eq!(
            ids,
            vec![
                Some("geonames:709716"),
                Some("geonames:687699"),
                Some("geonames:709717")
            ]
        );
    }

    #[test]
    fn region_lists_share_one_plural_type_word() {
        let ids =
            |t: &str| -> Vec<Option<String>> { mentions(t).into_iter().map(|m| m.1).collect() };
        let want =
            |v: &[&str]| -> Vec<Option<String>> { v.iter().map(|s| Some(s.to_string())).collect() };
        assert_eq!(
            ids("Shelling hit Zaporizhia and Kherson Oblasts."),
            want(&["geonames:687699", "geonames:706442"])
        );
        // Russian border oblasts named after their capitals (the packages give only "Kurskaya oblast'").
        assert_eq!(
            ids("Drones flew over Kursk, Voronezh, and Belgorod Oblasts."),
            want(&["geonames:538555", "geonames:472039", "geonames:578071"])
        );
        assert_eq!(
            ids("Troops withdrew from the Chernihiv and Sumy regions."),
            want(&["geonames:710734", "geonames:692196"])
        );
    }

    #[test]
    fn rivers_facilities_and_fleets_are_not_towns() {
        let m = mentions(
            "Troops crossed the Dnipro near Kherson and fought along the Oskil. The Zaporizhzhia nuclear \
             power plant lost power; drones hit the Black Sea Fleet in Sevastopol.",
        );
        let got: Vec<(&str, Option<&str>)> =
            m.iter().map(|x| (x.0.as_str(), x.1.as_deref())).collect();
        assert_eq!(
            got,
            vec![
                ("Dnipro", None),
                ("Kherson", Some("geonames:706448")),
                ("Oskil", None),
                ("Zaporizhzhia", None),
                ("Sevastopol", Some("geonames:694423")),
            ]
        );
        // A modifier keeps the town; a place whose own name has the article keeps it too.
        assert_eq!(
            mentions("the Kharkiv offensive")[0].1.as_deref(),
            Some("geonames:706483")
        );
        assert!(mentions("He moved to the Bronx.")[0].1.is_some());
    }

    #[test]
    fn shared_village_names_need_the_document_to_say_which() {
        // Sixty Andriivkas: the list shares "south of Bakhmut", which picks the one of Bakhmut raion.
        let m = mentions("Troops attacked Andriivka and Klishchiivka south of Bakhmut.");
        assert_eq!(m[0].1.as_deref(), Some("geonames:9114136"));
        assert_eq!(m[1].1.as_deref(), Some("geonames:13512497"));
        // Alone, a shared village name says nothing about which village it is.
        assert_eq!(mentions("Shelling hit Andriivka.")[0].1, None);
        // A stated direction picks the namesake that lies that way, close by.
        let m = mentions("Russia claimed Novoselivka, north-west of Avdiivka.");
        assert_eq!(m[1].1.as_deref(), Some("geonames:699190"));
    }

    #[test]
    fn a_loose_direction_does_not_unresolve_a_well_known_town() {
        // Izyum does lie south-east of Kharkiv (115 km): a stated direction is loose about distance.
        let m = mentions("Russian forces attacked Izyum, southeast of Kharkiv.");
        assert_eq!(m[0].1.as_deref(), Some("geonames:707292"));
        // Bakhmut is north-east of Avdiivka; the phrase belongs to the operations, and Bakhmut is unique.
        let m = mentions("Operations continued around Bakhmut, southwest of Avdiivka.");
        assert_eq!(m[0].1.as_deref(), Some("geonames:713174"));
        // A list sharing a distance with its own target: Bakhmut is not located relative to itself.
        let m = mentions(
            "Russian forces struck Bakhmut and Kostiantynivka, 20 km southwest of Bakhmut.",
        );
        assert_eq!(m[0].1.as_deref(), Some("geonames:713174"));
        assert_eq!(m[1].1.as_deref(), Some("geonames:705104"));
    }

    #[test]
    fn parenthesised_and_regional_locations() {
        // "(both within 70 km southwest of Avdiivka)": a bound, shared by the list.
        let m = mentions("Russian troops took Petrivske and Zelenyi Hai (both within 70 km southwest of Avdiivka).");
        assert_eq!(m[0].1.as_deref(), Some("geonames:697278"));
        assert_eq!(m[1].1.as_deref(), Some("geonames:9529315"));
        // "a village in southern Donetsk Oblast": inside the region, south of its point.
        let g = Gazetteer::bundled().unwrap();
        let x = Extractor::new(&g);
        let m = x.extract(
            b"Separatists said they held Novoselivka, a village in southern Donetsk Oblast.",
        );
        let p = g.place(m[0].entry.expect("resolved"));
        assert_eq!(p.admin1.as_deref(), Some("Donetsk Oblast"));
        assert!(p.lat < 48.05, "{p:?}");
        // A region phrase reads "Kyiv" as Kyiv Oblast, not the capital's own region.
        let m = mentions("Ukraine regained all of the Kyiv and Zhytomyr oblasts.");
        assert_eq!(m[1].1.as_deref(), Some("geonames:703446"));
    }

    #[test]
    fn only_a_telling_location_unresolves_a_name() {
        // The location after a list may be its last member's alone ("Bilohorivka (12 km south of Kreminna)").
        let m = mentions(
            "Ukrainian troops repelled attacks near Chervonopopivka and Bilohorivka (about 12 km south of Kreminna).",
        );
        assert_eq!(m[0].1.as_deref(), Some("geonames:710547"));
        // "near Novomyhailivka": a misspelt namesake village's first guess locates nothing, so it does not
        // unresolve Marinka here or anywhere else in the document.
        let m = mentions(
            "Fighting raged south of Marinka near Novomyhailivka (36 km southwest of Avdiivka). Russian troops tried \
             to cut the road through Marinka.",
        );
        assert_eq!(m[0].1.as_deref(), Some("geonames:701845"));
        assert_eq!(m[3].1.as_deref(), Some("geonames:701845"));
    }

    #[test]
    fn a_region_qualifier_refuses_a_namesake_outside_it() {
        // The gazetteer's only Nechaieve is in Cherkasy oblast, not in Kherson oblast.
        let m = mentions("Residents of Nechaieve, Kherson Oblast, were deported.");
        assert_eq!(m[0], ("Nechaieve".to_string(), None));
    }

    #[test]
    fn village_namesakes_follow_the_documents_other_places() {
        // Dozens of Pavlivkas; the one 10 km from Vuhledar, not the biggest.
        let m = mentions("Artillery hit Pavlivka and Vuhledar overnight.");
        assert_eq!(m[0].1.as_deref(), Some("geonames:697866"));
    }

    #[test]
    fn a_city_keeps_its_name_unless_the_document_is_about_a_villages_area() {
        // One place nearby does not make "Mykolaiv" the Lviv-oblast town.
        let m =
            mentions("Drones hit Lviv. Fires burned along the Mykolaiv-Kherson Oblast frontline.");
        assert_eq!(m[1].1.as_deref(), Some("geonames:700569"));
        // Two do: the Rubizhne among Kharkiv-oblast villages, not the Luhansk-oblast city; alone, the city.
        let m = mentions("Russian artillery shelled Rubizhne, Staryi Saltiv and Ruski Tyshky.");
        assert_eq!(m[0].1.as_deref(), Some("geonames:695273"));
        assert_eq!(
            mentions("Rubizhne was shelled again.")[0].1.as_deref(),
            Some("geonames:695274")
        );
    }

    #[test]
    fn road_codes_brackets_and_city_words_before_a_name() {
        let m = mentions("Convoys moved along the T1302 Bakhmut-Lysychansk highway.");
        assert_eq!(m[0].1.as_deref(), Some("geonames:713174"));
        assert_eq!(
            texts("Drones struck the Kharkiv City-Izyum road."),
            vec!["Kharkiv", "Izyum"]
        );
        // "[Vladimir] Putin": an editor's insertion is the given name before a surname (Putin is also a
        // village's alternate name).
        assert!(!texts("He said [Vladimir] Putin would not stop.").contains(&"Putin".to_string()));
        // A city's alternate name after a given name is a surname ("Lvova" is a name of Lviv).
        assert!(!texts("The commissioner, Maria Lvova, spoke.").contains(&"Lvova".to_string()));
        // A word that is only an alternate name of a small village needs the text to make it a place.
        assert_eq!(
            texts("Bloggers blamed Putin for the retreat from Kherson."),
            vec!["Kherson"]
        );
    }

    #[test]
    fn non_settlements_say_what_they_are() {
        let g = Gazetteer::bundled().unwrap();
        let x = Extractor::new(&g);
        let text = "Boats crossed the Dnipro River at dawn. Kherson Airbase burned; the Sea of Azov froze; \
                    the Zaporizhzhia Nuclear Power Plant went dark.";
        let kinds: Vec<(String, Option<&str>)> = x
            .extract(text.as_bytes())
            .iter()
            .map(|m| (m.text.clone(), m.kind(&g)))
            .collect();
        let want = [
            ("Dnipro", Some("river")),
            ("Kherson", Some("facility")),
            ("Azov", Some("sea")),
            ("Zaporizhzhia", Some("facility")),
        ];
        let want: Vec<(String, Option<&str>)> =
            want.iter().map(|(t, k)| (t.to_string(), *k)).collect();
        assert_eq!(kinds, want);
    }

    #[test]
    fn river_is_not_the_city() {
        let m = mentions("Troops crossed the Dnipro river near Kherson.");
        let dnipro = m.iter().find(|x| x.0 == "Dnipro").expect("recognised");
        assert_eq!(dnipro.1, None);
    }

    #[test]
    fn stated_locations_pick_or_refuse_a_namesake() {
        // Of the many Pisky, the one near Donetsk.
        let m = mentions("Russian troops seized the village of Pisky near Donetsk.");
        assert_eq!(m[0].1.as_deref(), Some("geonames:9113066"));
        assert_eq!(m[1].1.as_deref(), Some("geonames:709717"));
        // The gazetteer's only Nechaieve lies in Cherkasy oblast, 300 km from Kherson: the village near
        // Kherson is missing, so the mention stays unresolved rather than snapping to its namesake.
        let m = mentions("Russian shelling hit Nechaieve near Kherson.");
        assert_eq!(m[0], ("Nechaieve".to_string(), None));
        // A stated region picks the namesake inside it.
        let g = Gazetteer::bundled().unwrap();
        let x = Extractor::new(&g);
        let m = x.extract(b"Shelling hit Pisky in the Mykolaiv region overnight.");
        let pisky = m[0].entry.expect("resolved");
        assert_eq!(g.place(pisky).admin1.as_deref(), Some("Mykolaiv Oblast"));
    }

    #[test]
    fn offsets_survive_invalid_utf8() {
        let g = Gazetteer::bundled().unwrap();
        let x = Extractor::new(&g);
        let bytes = b"BEIRUT \xe2\x80 Shelling hit Kharkiv.";
        let m = x.extract(bytes);
        let k = m.iter().find(|m| m.text == "Kharkiv").unwrap();
        assert_eq!(&bytes[k.start..k.end], b"Kharkiv");
    }
}
