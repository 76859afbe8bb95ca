//! Name lookup and ranking: exact > alternate > generated romanization > Slavic variant key > fuzzy, weighed
//! against the entry's importance (country > capital > admin seat > place; population as a prior).

use rustc_hash::FxHashMap as HashMap;

use super::{EntryRef, Gazetteer};
use crate::index::record::{Kind, Posting, Source};
use crate::names::fold::{light_key, slavic_key};
use crate::names::translit::{has_cyrillic, to_latin, Variant};

/// How a query matched an entry.
/// The longest query the fuzzy fallback is tried for, in characters (the longest name of the bundled
/// gazetteer has 193; a match is at most two edits away).
pub const MAX_FUZZY_CHARS: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MatchType {
    /// The entry's primary name (after folding).
    Name,
    /// A GeoNames alternate name.
    Alternate,
    /// A former official name.
    Historic,
    /// A romanization generated from the entry's Cyrillic names.
    Romanization,
    /// A region's name without its type word.
    RegionStem,
    /// The Slavic phonetic key (a spelling no table produced, e.g. Kupjansk-like forms).
    VariantKey,
    /// Within a small edit distance (a fallback; always flagged).
    Fuzzy,
}

impl MatchType {
    pub fn as_str(self) -> &'static str {
        match self {
            MatchType::Name => "name",
            MatchType::Alternate => "alternate",
            MatchType::Historic => "historic",
            MatchType::Romanization => "romanization",
            MatchType::RegionStem => "region-stem",
            MatchType::VariantKey => "variant-key",
            MatchType::Fuzzy => "fuzzy",
        }
    }
}

/// One ranked answer to a lookup.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub entry: EntryRef,
    pub match_type: MatchType,
    /// The best source of the matched name.
    pub source: Source,
    /// The name of the entry that matched, as spelled in the gazetteer (or as generated).
    pub matched: String,
    /// How many distinct sources support this name for this entry (GeoNames and a romanization, say).
    pub support: u32,
    pub score: f64,
}

#[derive(Debug, Clone, Default)]
pub struct LookupOptions {
    pub limit: usize,
    /// ISO 3166-1 alpha-2 code to prefer.
    pub country: Option<String>,
    /// Allow the fuzzy fallback when nothing else matches.
    pub fuzzy: bool,
    /// Prefer entries near this position (latitude, longitude): namesakes are told apart by where they lie.
    pub near: Option<(f64, f64)>,
}

/// The most answers a lookup gives (every namesake of the commonest village names).
const MAX_ANSWERS: usize = 1000;

fn limit(opts: &LookupOptions) -> usize {
    if opts.limit == 0 {
        10
    } else {
        opts.limit.min(MAX_ANSWERS)
    }
}

/// The population assumed for a populated place that has none.
const UNKNOWN_VILLAGE: u64 = 300;

/// The prior importance of an entry, in log10-population units.
pub fn importance(g: &Gazetteer, r: EntryRef) -> f64 {
    let rec = g.record(r);
    // A populated place of unknown population (most villages of the full Ukrainian dump) counts as a
    // typical village, not as the smallest one.
    let pop = match (rec.population, Kind::from_code(rec.kind)) {
        (0, Kind::Place) => UNKNOWN_VILLAGE,
        (p, _) => p.max(100),
    } as f64;
    let fc = g.feature_code(r);
    match Kind::from_code(rec.kind) {
        Kind::Country | Kind::WorldRegion => pop.log10() + 1.5,
        Kind::Admin1 => pop.log10() + 0.2,
        Kind::Admin2 => pop.log10() - 0.4,
        Kind::Admin3 => pop.log10() - 0.8,
        Kind::Area => pop.log10(),
        Kind::Place => {
            pop.log10()
                + match fc {
                    "PPLC" => 1.5,
                    "PPLA" => 0.5,
                    "PPLA2" => 0.2,
                    "PPLG" => 0.4,
                    "PPLX" | "PPLH" | "PPLQ" | "PPLW" => -0.7,
                    _ => 0.0,
                }
        }
    }
}

/// The weight of a name source, in the same units as [`importance`].
pub fn source_weight(s: Source) -> f64 {
    match s {
        Source::Primary => 1.0,
        Source::Historic => 0.6,
        Source::Alternate => 0.3,
        Source::Generated(v) if v.is_english_press() => 0.35,
        Source::Generated(_) => 0.15,
        Source::RegionStem => -1.5,
    }
}

fn match_type(s: Source, from_historic: bool) -> MatchType {
    match s {
        Source::Primary => MatchType::Name,
        Source::Alternate => MatchType::Alternate,
        Source::Historic => MatchType::Historic,
        Source::Generated(_) if from_historic => MatchType::Historic,
        Source::Generated(_) => MatchType::Romanization,
        Source::RegionStem => MatchType::RegionStem,
    }
}

/// Cleans a query: trims, drops a leading "the" and a possessive 's.
pub fn clean_query(q: &str) -> &str {
    let mut q = q.trim();
    for the in ["the ", "The ", "THE "] {
        if let Some(rest) = q.strip_prefix(the) {
            q = rest.trim_start();
        }
    }
    for poss in ["'s", "’s", "ʼs"] {
        if let Some(rest) = q.strip_suffix(poss) {
            q = rest;
        }
    }
    q
}

/// Evidence for one entry gathered from postings.
#[derive(Debug, Clone)]
pub struct Evidence {
    pub best: Source,
    pub best_historic: bool,
    pub sources: u32,
}

/// Groups postings by entry: best source and the number of distinct source kinds.
pub fn gather(
    postings: impl ExactSizeIterator<Item = (u16, Posting)>,
) -> HashMap<EntryRef, Evidence> {
    let mut m: HashMap<EntryRef, Evidence> =
        HashMap::with_capacity_and_hasher(postings.len(), Default::default());
    for (layer, p) in postings {
        let r = EntryRef {
            layer,
            idx: p.entry(),
        };
        let s = p.source();
        let class = match s {
            Source::Primary => 1,
            Source::Alternate => 2,
            Source::Historic => 4,
            Source::RegionStem => 8,
            Source::Generated(v) if v.is_english_press() => 16,
            Source::Generated(_) => 32,
        };
        // `sources` holds the set of source classes until every posting is in, then their number.
        let e = m.entry(r).or_insert(Evidence {
            best: s,
            best_historic: p.is_from_historic(),
            sources: 0,
        });
        e.sources |= class;
        // Of equal sources, one derived from a former official name says more (it names this very place).
        let (w, best_w) = (source_weight(s), source_weight(e.best));
        if w > best_w || (w == best_w && p.is_from_historic() && !e.best_historic) {
            e.best = s;
            e.best_historic = p.is_from_historic();
        }
    }
    for e in m.values_mut() {
        e.sources = e.sources.count_ones();
    }
    m
}

/// The score of an entry for a name: name-source weight, support, importance; a bonus when the name is a
/// spelling of the entry's primary name (same Slavic key: Kupiansk for Kupyansk, but not Sloviansk for
/// Nikopol, whose GeoNames alternates carry that name by mistake); a penalty for alternates that are the
/// primary name of other entries in the same country (merged villages, districts).
pub fn score(
    g: &Gazetteer,
    r: EntryRef,
    e: &Evidence,
    query_slavic: Option<&str>,
    primaries_by_country: &HashMap<&str, u32>,
) -> f64 {
    let mut s = source_weight(e.best) + importance(g, r);
    if e.sources >= 2 && e.best != Source::RegionStem {
        s += 0.25;
    }
    let variant_of_primary = e.best != Source::Primary
        && e.best != Source::RegionStem
        && query_slavic.is_some()
        && slavic_key(g.name(r)).as_deref() == query_slavic;
    if variant_of_primary {
        s += 0.4;
    }
    // An official former name is specific (Krasnyi Lyman is Lyman, whatever villages still bear the name).
    if e.best != Source::Primary && !e.best_historic {
        let others = primaries_by_country.get(g.country(r)).copied().unwrap_or(0);
        if e.best == Source::RegionStem {
            if others >= 1 {
                s -= 0.5;
            }
        } else if others >= 2 {
            // A generic settlement name that a big city lists as an alternate: a merged or former village.
            s -= 2.0;
        } else if others == 1 && !variant_of_primary {
            s -= 0.5;
        }
    }
    s
}

/// The Slavic key of a query (Cyrillic queries are romanized first).
pub fn query_slavic_key(q: &str) -> Option<String> {
    if has_cyrillic(q) {
        slavic_key(&to_latin(q))
    } else {
        slavic_key(q)
    }
}

/// How many entries per country carry the name as their primary name.
pub fn primaries<'g>(g: &'g Gazetteer, ev: &HashMap<EntryRef, Evidence>) -> HashMap<&'g str, u32> {
    let mut m = HashMap::default();
    for (r, e) in ev {
        if e.best == Source::Primary {
            *m.entry(g.country(*r)).or_insert(0) += 1;
        }
    }
    m
}

impl Gazetteer {
    fn postings_exact(&self, key: &str) -> Vec<(u16, Posting)> {
        let mut v = Vec::new();
        for (l, layer) in self.layers().iter().enumerate() {
            v.extend(layer.exact(key).map(|p| (l as u16, p)));
        }
        v
    }

    fn postings_slavic(&self, key: &str) -> Vec<(u16, Posting)> {
        let mut v = Vec::new();
        for (l, layer) in self.layers().iter().enumerate() {
            v.extend(layer.slavic(key).map(|p| (l as u16, p)));
        }
        v
    }

    /// Candidates for a name, best first.
    /// Candidates for a name, best first. "Name, Region" or "Name, Country" ("Andriivka, Donetsk", "Odessa,
    /// Texas") keeps the name's entries inside a region or country the qualifier names, when there are any;
    /// otherwise the whole query is looked up as one name ("Washington, D.C.").
    pub fn lookup(&self, query: &str, opts: &LookupOptions) -> Vec<Candidate> {
        if let Some((name, qualifier)) = query.rsplit_once(',') {
            let found = self.lookup_within(name.trim(), qualifier.trim(), opts);
            if !found.is_empty() {
                return found;
            }
        }
        self.lookup_name(query, opts)
    }

    /// The entries of `name` inside a region or country that `qualifier` names, best first.
    fn lookup_within(&self, name: &str, qualifier: &str, opts: &LookupOptions) -> Vec<Candidate> {
        if name.is_empty() || qualifier.is_empty() {
            return Vec::new();
        }
        let exact = LookupOptions {
            limit: 50,
            fuzzy: false,
            near: None,
            country: None,
        };
        let regions: Vec<EntryRef> = self
            .lookup_name(qualifier, &exact)
            .into_iter()
            .map(|c| c.entry)
            .filter(|r| self.kind(*r).can_contain())
            .collect();
        if regions.is_empty() {
            return Vec::new();
        }
        let all = LookupOptions {
            limit: MAX_ANSWERS,
            ..opts.clone()
        };
        let mut found = self.lookup_name(name, &all);
        found.retain(|c| regions.iter().any(|q| self.contains(*q, c.entry)));
        found.truncate(limit(opts));
        found
    }

    fn lookup_name(&self, query: &str, opts: &LookupOptions) -> Vec<Candidate> {
        let q = clean_query(query);
        let key = light_key(q);
        if key.is_empty() {
            return Vec::new();
        }
        let mut tier = 0.0;
        let mut mt_override = None;
        let mut posts = self.postings_exact(&key);
        if posts.is_empty() {
            let latin = if has_cyrillic(q) {
                to_latin(q)
            } else {
                q.to_string()
            };
            if let Some(sk) = slavic_key(&latin) {
                posts = self.postings_slavic(&sk);
                tier = -0.5;
                mt_override = Some(MatchType::VariantKey);
            }
        }
        let mut fuzzy_keys = Vec::new();
        // The Levenshtein automaton costs ~80 KB per query character; no gazetteer name is that long.
        if posts.is_empty() && opts.fuzzy && key.chars().count() <= MAX_FUZZY_CHARS {
            let n = key.chars().count();
            let dist = if n >= 12 {
                2
            } else if n >= 4 {
                1
            } else {
                0
            };
            if dist > 0 {
                for (l, layer) in self.layers().iter().enumerate() {
                    for (k, ps) in layer.fuzzy(&key, dist) {
                        fuzzy_keys.push(k);
                        posts.extend(ps.into_iter().map(|p| (l as u16, p)));
                    }
                }
                tier = -2.0;
                mt_override = Some(MatchType::Fuzzy);
            }
        }
        let ev = gather(posts.into_iter());
        let prim = primaries(self, &ev);
        let qs = query_slavic_key(q);
        let region_hint = q
            .rsplit_once(' ')
            .map(|(_, w)| {
                crate::index::builder::REGION_TYPE_WORDS.contains(&w.to_lowercase().as_str())
            })
            .unwrap_or(false);
        let mut cands: Vec<Candidate> = ev
            .iter()
            .map(|(r, e)| {
                let mut s = score(self, *r, e, qs.as_deref(), &prim) + tier;
                if let Some(cc) = &opts.country {
                    if self.country(*r).eq_ignore_ascii_case(cc) {
                        s += 2.0;
                    }
                }
                if region_hint && self.kind(*r).is_region() {
                    s += 1.0;
                }
                if let Some(at) = opts.near {
                    let rec = self.record(*r);
                    s += 6.0 * (-crate::geodesy::distance_km(at, (rec.lat, rec.lon)) / 50.0).exp();
                }
                let mt = mt_override.unwrap_or_else(|| match_type(e.best, e.best_historic));
                Candidate {
                    entry: *r,
                    match_type: mt,
                    source: e.best,
                    matched: String::new(),
                    support: e.sources,
                    score: s,
                }
            })
            .collect();
        // One answer per GeoNames id across layers (a user's UA.txt repeats bundled entries).
        cands.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then(a.entry.layer.cmp(&b.entry.layer))
                .then(self.id(a.entry).cmp(self.id(b.entry)))
        });
        let mut seen = std::collections::HashSet::new();
        cands.retain(|c| seen.insert(self.id(c.entry).to_string()));
        cands.truncate(limit(opts));
        for c in &mut cands {
            c.matched = self.matched_name(c.entry, &key, c.source, &fuzzy_keys);
        }
        cands
    }

    /// The spelling of the entry that produced `key` (for display).
    fn matched_name(
        &self,
        r: EntryRef,
        key: &str,
        source: Source,
        fuzzy_keys: &[String],
    ) -> String {
        let rec = self.record(r);
        let mut all: Vec<(String, Option<Variant>)> = vec![
            (self.name(r).to_string(), None),
            (self.geonames_name(r).to_string(), None),
        ];
        for field in [rec.names, rec.historic] {
            for n in self.str(r, field).split('|').filter(|n| !n.is_empty()) {
                all.push((n.to_string(), None));
            }
        }
        let names: Vec<&str> = all.iter().map(|(n, _)| n.as_str()).collect();
        let mut generated: Vec<(String, Option<Variant>)> =
            crate::names::translit::entry_variants(&names)
                .into_iter()
                .map(|(_, v, s)| (s, Some(v)))
                .collect();
        // Show the forms journalists write before scholarly or foreign ones.
        generated.sort_by_key(|(_, v)| !v.map(|v| v.is_english_press()).unwrap_or(false));
        all.extend(generated);
        let want = |k: &str| k == key || fuzzy_keys.iter().any(|f| f == k);
        if let Some((n, _)) = all.iter().find(|(n, v)| {
            let k = light_key(n);
            want(&k)
                && (matches!(source, Source::Generated(_)) == v.is_some()
                    || !matches!(source, Source::Generated(_)))
        }) {
            return n.clone();
        }
        let sk = slavic_key(key);
        if let Some((n, _)) = all
            .iter()
            .find(|(n, _)| sk.is_some() && slavic_key(n) == sk)
        {
            return n.clone();
        }
        self.name(r).to_string()
    }

    /// The best entry for a name, if any.
    pub fn resolve(&self, query: &str, opts: &LookupOptions) -> Option<Candidate> {
        let mut o = opts.clone();
        o.limit = 1;
        self.lookup(query, &o).into_iter().next()
    }
}
