//! Resolving recognised mentions with document context: the name's prior (lookup ranking), the countries and
//! regions the document names, spatial coherence with the document's other places, "City, State" patterns and
//! cue words, one sense per name per document, and leaving a weakly supported far-away namesake unresolved.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::cell::RefCell;
use std::sync::{Arc, LazyLock};

use crate::gazetteer::lookup::{gather, primaries, query_slavic_key, score};
use crate::gazetteer::spatial::{Radius, SpatialIndex, Unit};
use crate::gazetteer::{EntryRef, Gazetteer};
use crate::geodesy::{distance_km, Separation};
use crate::index::record::{Kind, Source};

/// A mention to resolve: its key and hints from the text.
pub struct Pending {
    pub key: String,
    /// A region phrase ("Kharkiv region"): only regions qualify.
    pub wants_region: bool,
    /// "X, Y" with Y another mention: index of that mention.
    pub qualifier: Option<usize>,
    /// A settlement cue before it ("the city of", "village of").
    pub settlement_cue: bool,
    /// "X near Y", "X, 30 km north of Y", "X in the Y region": the mention that locates this one.
    pub anchor: Option<Anchor>,
    /// The anchor is shared from the next member of a list ("X and Y (12 km south of Z)"): it may be Y's
    /// alone, so it picks among X's namesakes but does not unresolve X.
    pub anchor_shared: bool,
    /// The recogniser was unsure the name is a place ("Lyman" is also a surname): it is kept only when the
    /// document's other places support its resolution, and it does not shape the document's geography.
    pub doubtful: bool,
    /// Not a gazetteer name: look it up by its Slavic key (spelling variants of Ukrainian, Russian and
    /// Belarusian places only).
    pub variant: bool,
    /// A river, sea or facility named like a place ("the Dnipro"): resolved for nothing, so no vote either.
    pub non_settlement: bool,
}

impl Pending {
    /// A mention the text does nothing to locate or qualify: every such mention of a name scores alike.
    fn is_plain(&self) -> bool {
        self.qualifier.is_none()
            && self.anchor.is_none()
            && !self.settlement_cue
            && !self.wants_region
    }

    /// Whether the mention's reading counts in the document's geography.
    fn votes(&self) -> bool {
        !self.doubtful && !self.non_settlement
    }
}

/// How far "south of X" reaches when the text gives no distance.
pub const TOWARD_KM: f64 = 50.0;

/// A stated location relative to another mention.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Anchor {
    /// Within `km` of the mention at this index.
    Near(usize, f64),
    /// About `km` from the mention at this index, in the stated direction (a bearing from it) if any.
    Distance(usize, f64, Option<f64>),
    /// In the stated direction (a bearing) from the mention at this index, within some km ("south of
    /// Bakhmut": [`TOWARD_KM`]; "within 70 km southwest of Avdiivka": 70).
    Toward(usize, f64, f64),
    /// Inside the region (or country) of the mention at this index.
    /// With a bearing, in that part of it ("in southern Donetsk Oblast": south of the region's point).
    Within(usize, Option<f64>),
}

impl Anchor {
    fn target(self) -> usize {
        match self {
            Anchor::Near(j, _)
            | Anchor::Distance(j, _, _)
            | Anchor::Toward(j, _, _)
            | Anchor::Within(j, _) => j,
        }
    }

    /// Whether entry `r` satisfies the anchor resolved to `a`; None when the anchor cannot judge.
    fn holds(self, g: &Gazetteer, r: EntryRef, a: EntryRef) -> Option<bool> {
        self.check(g, r, a, 1.0)
    }

    /// Whether entry `r` plainly breaks the anchor: it fails even with `slack` times the tolerances (stated
    /// directions are loose: Izyum is "southeast of Kharkiv" at 115 km).
    fn contradicted(self, g: &Gazetteer, r: EntryRef, a: EntryRef) -> bool {
        self.check(g, r, a, 2.5) == Some(false)
    }

    /// How well `r` fits an anchor it satisfies, 0-1: the nearer to the stated distance (or to the anchor
    /// itself, when the text says only "near" or "south of"), the better. Of two Zaitseves south of Bakhmut,
    /// 9 and 23 km away, the nearer one is the likelier.
    fn closeness(self, g: &Gazetteer, r: EntryRef, a: EntryRef) -> f64 {
        let (x, y) = (g.record(r), g.record(a));
        let d = distance_km((y.lat, y.lon), (x.lat, x.lon));
        let fit = match self {
            Anchor::Near(_, km) => 1.0 - d / km,
            Anchor::Distance(_, km, _) => 1.0 - (d - km).abs() / (0.35 * km).max(15.0),
            Anchor::Toward(_, _, km) => 1.0 - d / km,
            Anchor::Within(..) => 1.0,
        };
        fit.clamp(0.0, 1.0)
    }

    /// The anchor test with distance and angle tolerances widened by `slack` (1 = as stated). Distances
    /// are compared through [`Separation`] bounds and bearings computed only once the distance holds: most
    /// candidates of a common name lie hundreds of kilometres from the anchor.
    fn check(self, g: &Gazetteer, r: EntryRef, a: EntryRef, slack: f64) -> Option<bool> {
        let (x, y) = (g.record(r), g.record(a));
        let (from, to) = ((y.lat, y.lon), (x.lat, x.lon));
        let d = Separation::between(from, to);
        // Within 60 degrees of the stated direction (more with slack), or too close for a direction to tell.
        let heading_ok = |stated: f64, close: &dyn Fn() -> bool| {
            let diff = (crate::geodesy::bearing_deg(from, to) - stated).rem_euclid(360.0);
            diff.min(360.0 - diff) <= 60.0 + 15.0 * (slack - 1.0) || close()
        };
        let near_enough = || d.below(10.0);
        match self {
            Anchor::Near(_, km) => (g.kind(a) == Kind::Place).then(|| d.at_most(km * slack)),
            Anchor::Distance(_, km, bearing) => (g.kind(a) == Kind::Place).then(|| {
                // Stated distances are rounded and often by road: a generous ring.
                let tolerance = (0.35 * km).max(15.0) * slack;
                d.in_range(km - tolerance, km + tolerance)
                    && bearing.is_none_or(|b| heading_ok(b, &near_enough))
            }),
            Anchor::Toward(_, bearing, km) => (g.kind(a) == Kind::Place)
                .then(|| d.at_most(km * slack) && heading_ok(bearing, &near_enough)),
            Anchor::Within(_, part) => g
                .kind(a)
                .can_contain()
                .then(|| g.contains(a, r) && part.is_none_or(|b| heading_ok(b, &|| false))),
        }
    }
}

/// The resolution of one mention.
#[derive(Debug, Clone)]
pub struct Resolution {
    /// A doubtful name the document does not support: not a mention at all.
    pub dropped: bool,
    pub entry: Option<EntryRef>,
    pub score: f64,
    pub candidates: usize,
    /// An unresolved name's best candidates (at most [`ALTERNATIVES`]), best first: what the text would have
    /// to say to tell them apart.
    pub alternatives: Vec<EntryRef>,
}

/// How many candidates an unresolved mention lists.
pub const ALTERNATIVES: usize = 10;

/// The gazetteer entries carrying one name, best prior first.
pub struct Cands {
    pub list: Vec<(EntryRef, f64)>,
    /// Whether the name is the entry's primary name, per entry of `list`.
    pub primary: Vec<bool>,
    /// What scoring reads of each entry, per entry of `list`.
    pub facts: Vec<Facts>,
    /// What the recogniser needs to know about these entries.
    pub info: NameInfo,
}

impl Cands {
    fn new(g: &Gazetteer, list: Vec<(EntryRef, f64)>, primary: Vec<bool>) -> Cands {
        let facts = list.iter().map(|(r, _)| Facts::of(g, *r)).collect();
        let mut c = Cands {
            list,
            primary,
            facts,
            info: NameInfo::default(),
        };
        c.info = NameInfo::of(g, &c);
        c
    }
}

/// What scoring reads of a candidate entry, kept with its name's candidates: every document naming it would
/// otherwise reach into the gazetteer's records (a cache miss each) for every candidate, and compute its
/// position on the sphere again.
#[derive(Clone, Copy, Debug)]
pub struct Facts {
    pub kind: Kind,
    pub country: [u8; 2],
    pub admin1: Option<EntryRef>,
    pub population: u64,
    pub at: Unit,
}

impl Facts {
    fn of(g: &Gazetteer, r: EntryRef) -> Facts {
        let rec = g.record(r);
        Facts {
            kind: g.kind(r),
            country: rec.country,
            admin1: g.admin1_of(r),
            population: rec.population,
            at: Unit::of(rec.lat, rec.lon),
        }
    }

    fn country(&self) -> &str {
        crate::gazetteer::country_code(&self.country)
    }
}

/// Candidates per name, kept across the documents an [`super::Extractor`] reads (the candidates of a name depend
/// only on the gazetteer, and news repeats names across articles). One map per thread, so threads never wait
/// for each other; each is bounded: at `CandStore::CAPACITY` names it starts afresh, so memory stays flat on
/// any corpus.
#[derive(Default)]
pub struct CandStore {
    maps: thread_local::ThreadLocal<RefCell<HashMap<String, Arc<Cands>>>>,
}

impl CandStore {
    const CAPACITY: usize = 50_000;

    /// Candidates of an unknown name through its Slavic key.
    pub fn get_variant(&self, g: &Gazetteer, key: &str) -> Arc<Cands> {
        self.get(g, &format!("{VARIANT}{key}"))
    }

    /// Candidates of a name (a light key).
    pub fn get(&self, g: &Gazetteer, key: &str) -> Arc<Cands> {
        let mut m = self.maps.get_or_default().borrow_mut();
        if let Some(c) = m.get(key) {
            return c.clone();
        }
        // Variant lookups are stored under a prefix no light key has.
        let c = Arc::new(match key.strip_prefix(VARIANT) {
            Some(k) => variant_candidates(g, k),
            None => candidates(g, key),
        });
        if m.len() >= Self::CAPACITY {
            m.clear();
        }
        m.insert(key.to_string(), c.clone());
        c
    }
}

/// What the recogniser needs to know about a name's gazetteer entries.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct NameInfo {
    /// Some entry is a country (or a continent, or a supranational region).
    pub country: bool,
    /// Some entry is a first-level region.
    pub admin1: bool,
    /// The largest population of a populated place with this name.
    pub place_population: u64,
    /// The largest population of a populated place whose own (primary) name this is.
    pub primary_population: u64,
    /// Some entry has this as its primary name (not only as an alternate or translation).
    pub primary: bool,
    /// Some place's own name is this name with "The" ("The Bronx", "The Hague").
    pub with_article: bool,
}

impl NameInfo {
    pub fn of(g: &Gazetteer, c: &Cands) -> NameInfo {
        let mut info = NameInfo::default();
        for (((r, _), primary), f) in c.list.iter().zip(&c.primary).zip(&c.facts) {
            info.primary |= *primary;
            match f.kind {
                Kind::Country | Kind::WorldRegion => info.country = true,
                Kind::Admin1 => info.admin1 = true,
                Kind::Place => {
                    info.with_article |= g.name(*r).starts_with("The ");
                    info.place_population = info.place_population.max(f.population);
                    if *primary {
                        info.primary_population = info.primary_population.max(f.population);
                    }
                }
                Kind::Admin2 | Kind::Admin3 | Kind::Area => {}
            }
        }
        info
    }

    /// A country, a first-level region or a city of 100,000 or more.
    pub fn prominent(&self) -> bool {
        self.country || self.admin1 || self.place_population >= 100_000
    }
}

fn candidates(g: &Gazetteer, key: &str) -> Cands {
    let mut posts = Vec::new();
    for (l, layer) in g.layers().iter().enumerate() {
        posts.extend(layer.exact(key).map(|p| (l as u16, p)));
    }
    let ev = gather(posts.into_iter());
    let prim = primaries(g, &ev);
    // The Slavic key only matters for names matched as alternates or romanizations.
    let needs_key = ev
        .values()
        .any(|e| !matches!(e.best, Source::Primary | Source::RegionStem));
    let qs = if needs_key {
        query_slavic_key(key)
    } else {
        None
    };
    // A country's name in some other language ("Uman" for Oman) does not outrank a town whose own name it is.
    let primary_town = ev.iter().any(|(r, e)| {
        e.best == Source::Primary && g.kind(*r) == Kind::Place && g.record(*r).population >= 20_000
    });
    let mut list: Vec<(EntryRef, f64)> = ev
        .iter()
        .map(|(r, e)| {
            let mut s = score(g, *r, e, qs.as_deref(), &prim);
            let polity = matches!(g.kind(*r), Kind::Country | Kind::WorldRegion);
            if polity && primary_town && e.best != Source::Primary {
                s -= 3.0;
            }
            (*r, s)
        })
        .collect();
    list.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    // one per GeoNames id across layers
    let mut seen = HashSet::default();
    list.retain(|(r, _)| {
        // Entries of user gazetteers with their own ids ("mine:42") have no GeoNames id: each is distinct.
        let gid = g.record(*r).geonameid;
        seen.insert((gid, (gid == 0).then_some(*r)))
    });
    list.truncate(MAX_CANDIDATES);
    let primary = list
        .iter()
        .map(|(r, _)| ev.get(r).is_some_and(|e| e.best == Source::Primary))
        .collect();
    Cands::new(g, list, primary)
}

const VARIANT: &str = "\u{1}~";

/// Candidates kept per name: every namesake of the most common Ukrainian village names (GeoNames has over a
/// hundred Ivanivkas), so that the right one is never cut off by a bigger namesake's prior.
const MAX_CANDIDATES: usize = 400;

/// Populated places of Ukraine, Russia and Belarus whose Slavic key is that of `key` ("Gulyaipole" finds
/// Hulyaypole). Scored like exact candidates, one below them.
fn variant_candidates(g: &Gazetteer, key: &str) -> Cands {
    let Some(sk) = query_slavic_key(key) else {
        return Cands::new(g, Vec::new(), Vec::new());
    };
    let mut posts = Vec::new();
    for (l, layer) in g.layers().iter().enumerate() {
        posts.extend(layer.slavic(&sk).map(|p| (l as u16, p)));
    }
    let ev = gather(posts.into_iter());
    let prim = primaries(g, &ev);
    let mut list: Vec<(EntryRef, f64)> = ev
        .iter()
        .filter(|(r, _)| g.kind(**r) == Kind::Place && matches!(g.country(**r), "UA" | "RU" | "BY"))
        .map(|(r, e)| (*r, score(g, *r, e, Some(&sk), &prim) - 1.0))
        .collect();
    list.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    list.truncate(MAX_CANDIDATES);
    let primary = vec![false; list.len()];
    Cands::new(g, list, primary)
}

/// What a region phrase adds to a region whose name has a type word: its bare name is then the region's own
/// name, not a borrowed stem (the stem's -1.5 and the -0.5 for a name other entries bear, and a little more).
const TYPED_REGION: f64 = 3.5;

/// The regions among a name's candidates, for a region phrase ("Kyiv and Zhytomyr oblasts"): a region whose
/// own name carries a type word (Kyiv Oblast) before one that has none (the city of Kyiv, a region itself).
fn region_candidates(g: &Gazetteer, all: &Cands) -> Cands {
    let mut v: Vec<((EntryRef, f64), bool)> = all
        .list
        .iter()
        .zip(&all.primary)
        .filter(|((r, _), _)| g.kind(*r).is_region())
        .map(|((r, s), p)| {
            let typed = crate::index::builder::region_stem(g.name(*r)).is_some();
            ((*r, s + if typed { TYPED_REGION } else { 0.0 }), *p)
        })
        .collect();
    v.sort_by(|a, b| b.0 .1.total_cmp(&a.0 .1).then(a.0 .0.cmp(&b.0 .0)));
    let (list, primary) = v.into_iter().unzip();
    Cands::new(g, list, primary)
}

/// What the document's first readings say about its geography: the countries and admin1 regions they lie in
/// (one vote per distinct name: a name repeated ten times must not vouch for its own reading; confident
/// readings weigh more) and where its places lie (R-trees, so long documents stay linear).
struct Geography<'g> {
    /// By country code (the gazetteer's own strings).
    countries: HashMap<&'g str, f64>,
    admin1s: HashMap<EntryRef, f64>,
    /// Distinct confident place readings, with how many names read so.
    conf_count: HashMap<EntryRef, usize>,
    conf_index: SpatialIndex,
    /// Distinct place readings, with how many names read so.
    place_count: HashMap<EntryRef, usize>,
    place_index: SpatialIndex,
    place_mentions: usize,
}

impl<'g> Geography<'g> {
    fn new(
        g: &'g Gazetteer,
        pending: &[Pending],
        first: &[Option<EntryRef>],
        confident: &[bool],
    ) -> Self {
        let mut votes: HashMap<(&str, bool), (EntryRef, bool)> = sized(first.len());
        for (i, f) in first.iter().enumerate() {
            if let Some(r) = f.filter(|_| pending[i].votes()) {
                let p = &pending[i];
                votes.insert((p.key.as_str(), p.wants_region), (r, confident[i]));
            }
        }
        let mut countries: HashMap<&'g str, f64> = HashMap::default();
        let mut admin1s: HashMap<EntryRef, f64> = HashMap::default();
        let mut conf_count: HashMap<EntryRef, usize> = sized(votes.len());
        let mut place_count: HashMap<EntryRef, usize> = sized(votes.len());
        for (r, conf) in votes.values() {
            let w = if *conf { 1.0 } else { 0.4 };
            *countries.entry(g.country(*r)).or_insert(0.0) += w;
            if let Some(a) = g.admin1_of(*r) {
                *admin1s.entry(a).or_insert(0.0) += w;
            }
            if g.kind(*r) == Kind::Place {
                *place_count.entry(*r).or_insert(0) += 1;
                if *conf {
                    *conf_count.entry(*r).or_insert(0) += 1;
                }
            }
        }
        Geography {
            conf_index: SpatialIndex::new(g, conf_count.keys().copied()),
            place_index: SpatialIndex::new(g, place_count.keys().copied()),
            place_mentions: place_count.values().sum(),
            countries,
            admin1s,
            conf_count,
            place_count,
        }
    }
}

/// One mention after pass 1 (priors only).
struct FirstReading {
    /// The best prior.
    own: Option<EntryRef>,
    /// The best prior leads the next by more than 1.
    confident: bool,
    /// The reading its stated location refers to, when that says something.
    anchor_at: Option<EntryRef>,
    /// The biggest populated place the name can be.
    biggest: u64,
}

/// Pass 1: each mention's best prior, whether it is confident, what its stated location refers to (a confident
/// reading, a town or a region of another name: "Andriivka, south of Bakhmut"; a namesake village's first guess
/// or a name locating itself says nothing), and the biggest place its name can be.
fn first_readings(g: &Gazetteer, pending: &[Pending], cands: &[Arc<Cands>]) -> Vec<FirstReading> {
    let first: Vec<Option<EntryRef>> = cands.iter().map(|c| c.list.first().map(|x| x.0)).collect();
    let confident: Vec<bool> = cands
        .iter()
        .map(|c| match (c.list.first(), c.list.get(1)) {
            (Some(_), None) => true,
            (Some(a), Some(b)) => a.1 - b.1 > 1.0,
            _ => false,
        })
        .collect();
    let anchor_at = |p: &Pending| {
        let j = p.anchor?.target();
        let a = first.get(j).copied().flatten()?;
        let telling = confident[j] || g.kind(a) != Kind::Place || g.record(a).population >= 10_000;
        // "northeast of Lyman" makes Lyman a place, doubtful name or not; an unknown name's guess is no anchor.
        let q = &pending[j];
        (q.key != p.key && !q.variant && !q.non_settlement && telling).then_some(a)
    };
    pending
        .iter()
        .zip(cands)
        .enumerate()
        .map(|(i, (p, c))| FirstReading {
            own: first[i],
            confident: confident[i],
            anchor_at: anchor_at(p),
            biggest: c.info.place_population,
        })
        .collect()
}

/// The candidates of every mention; a region phrase keeps the regions.
fn mention_candidates(g: &Gazetteer, pending: &[Pending], base: &CandStore) -> Vec<Arc<Cands>> {
    let mut regions: HashMap<&str, Arc<Cands>> = HashMap::default();
    pending
        .iter()
        .map(|p| {
            if p.variant {
                return base.get_variant(g, &p.key);
            }
            let all = base.get(g, &p.key);
            if !p.wants_region {
                return all;
            }
            regions
                .entry(p.key.as_str())
                .or_insert_with(|| Arc::new(region_candidates(g, &all)))
                .clone()
        })
        .collect()
}

/// What the document's geography adds to candidate `r` of mention `m`: its country and admin1 region named by
/// other mentions, and the other confident places around it (places only: region points are conventions).
fn geography_bonus(
    g: &Gazetteer,
    geo: &Geography,
    m: &FirstReading,
    r: EntryRef,
    f: &Facts,
) -> f64 {
    let mut s = 0.0;
    // The mention's own first reading does not vote for itself.
    let own_weight = |same: bool| match (same, m.confident) {
        (false, _) => 0.0,
        (true, true) => 1.0,
        (true, false) => 0.4,
    };
    let cc = f.country();
    let own_cc = m.own.is_some_and(|o| g.country(o) == cc);
    let cw = geo.countries.get(cc).copied().unwrap_or(0.0) - own_weight(own_cc);
    if cw > 0.0 {
        s += 1.2 * (cw.min(3.0) / 3.0).sqrt();
    }
    if f.kind != Kind::Country {
        if let Some(a) = f.admin1 {
            let own_a = m.own.and_then(|o| g.admin1_of(o)) == Some(a);
            if geo.admin1s.get(&a).copied().unwrap_or(0.0) - own_weight(own_a) > 0.0 {
                s += 0.8;
            }
        }
    }
    if f.kind == Kind::Place {
        let own_conf = if m.confident { m.own } else { None };
        // The two nearest other confident places.
        let near: Vec<f64> = geo
            .conf_index
            .nearest_sphere(f.at, 5, *NEAR)
            .iter()
            .filter(|(o, _)| {
                *o != r && (Some(*o) != own_conf || geo.conf_count.get(o).copied().unwrap_or(0) > 1)
            })
            .map(|(_, d)| d)
            .take(2)
            .collect();
        s += proximity_bonus(&near, f.population, m.biggest);
    }
    s
}

/// Pass 2: the candidates of mention `i` scored with the document's context.
fn score_in_context(
    g: &Gazetteer,
    geo: &Geography,
    pending: &[Pending],
    readings: &[FirstReading],
    cands: &Cands,
    i: usize,
) -> Vec<(EntryRef, f64)> {
    let (p, m) = (&pending[i], &readings[i]);
    let plain = p.is_plain();
    // The best prior of a country (or continent) carrying the name: a namesake place needs the text to ask for
    // it ("Canada's" is not Cañadas, "France" is not a village in Nebraska). A town whose own name it is keeps
    // its chance unless the country's name is primary too.
    let (mut polity_prior, mut polity_primary) = (f64::NEG_INFINITY, false);
    let entries = || cands.list.iter().zip(&cands.primary).zip(&cands.facts);
    for (((_, s), primary), f) in entries() {
        if matches!(f.kind, Kind::Country | Kind::WorldRegion) && *s > polity_prior {
            (polity_prior, polity_primary) = (*s, *primary);
        }
    }
    let mut scored = Vec::with_capacity(cands.list.len());
    for (((r, prior), primary), f) in entries() {
        let yields = !*primary || polity_primary;
        if f.kind == Kind::Place && *prior <= polity_prior && plain && yields {
            scored.push((*r, *prior));
            continue;
        }
        let mut s = *prior + geography_bonus(g, geo, m, *r, f);
        let qualifier = p
            .qualifier
            .and_then(|q| readings.get(q))
            .and_then(|q| q.own);
        if qualifier.is_some_and(|q| g.contains(q, *r)) {
            s += 3.0;
        }
        if p.settlement_cue && f.kind == Kind::Place {
            s += 0.5;
        }
        if let (Some(anchor), Some(a)) = (p.anchor, m.anchor_at) {
            if anchor.holds(g, *r, a) == Some(true) {
                s += 2.0 + anchor.closeness(g, *r, a);
            }
        }
        scored.push((*r, s));
    }
    scored
}

/// Resolves all mentions of one document.
pub fn resolve(g: &Gazetteer, pending: &[Pending], base: &CandStore) -> Vec<Resolution> {
    let cands = mention_candidates(g, pending, base);
    let readings = first_readings(g, pending, &cands);
    let first: Vec<Option<EntryRef>> = readings.iter().map(|m| m.own).collect();
    let confident: Vec<bool> = readings.iter().map(|m| m.confident).collect();
    let geo = Geography::new(g, pending, &first, &confident);
    // Pass 2, with one sense per name, and per reading: "Donetsk" the region (in a list of regions) and the
    // city differ. Plain mentions of a name score alike.
    let mut plain_lists: HashMap<&str, usize> = sized(pending.len());
    let mut by_key: HashMap<(&str, bool), Occurrences> = sized(pending.len());
    let mut finals = Finals {
        lists: Vec::with_capacity(pending.len()),
        slot: Vec::with_capacity(pending.len()),
    };
    for (i, p) in pending.iter().enumerate() {
        let shared = if p.is_plain() {
            plain_lists.get(p.key.as_str()).copied()
        } else {
            None
        };
        let slot = shared.unwrap_or_else(|| {
            let list = score_in_context(g, &geo, pending, &readings, &cands[i], i);
            finals.lists.push(list);
            let slot = finals.lists.len() - 1;
            if p.is_plain() {
                plain_lists.insert(p.key.as_str(), slot);
            }
            slot
        });
        finals.slot.push(slot);
        by_key
            .entry((p.key.as_str(), p.wants_region))
            .and_modify(|o| o.add(i, pending, &finals))
            .or_insert(Occurrences::Alike(i));
    }
    // A name whose best candidate breaks a stated location ("Pisky near Donetsk" when the gazetteer's Pisky lie
    // hundreds of km away) is a place missing from the gazetteer: all its occurrences stay unresolved.
    let anchor_at: Vec<Option<EntryRef>> = readings.iter().map(|m| m.anchor_at).collect();
    let broken = broken_names(g, pending, &first, &anchor_at, &cands, &finals);
    // Regions the document names itself (not through one of its places).
    let named_regions: HashSet<EntryRef> = first
        .iter()
        .zip(pending)
        .filter(|(_, p)| p.votes())
        .filter_map(|(f, _)| f.filter(|r| g.kind(*r).is_region()))
        .collect();
    // Each name's candidates over all its occurrences, best first (ranked once, not per occurrence).
    let ranked_by_key: HashMap<(&str, bool), Vec<(EntryRef, f64)>> = by_key
        .iter()
        .map(|(k, o)| (*k, o.ranked(&finals)))
        .collect();
    let mut out = Vec::with_capacity(pending.len());
    for (i, p) in pending.iter().enumerate() {
        // A mention the text itself locates ("Paris, Tennessee", "Pisky near Donetsk") keeps its own reading
        // even when another mention of the name reads differently ("Paris, Texas"); otherwise one sense per
        // name per document: the best candidate over all occurrences of the key.
        let own: Vec<(EntryRef, f64)>;
        let ranked: &[(EntryRef, f64)] = if p.qualifier.is_some() || p.anchor.is_some() {
            own = best_first(finals[i].iter().copied());
            &own
        } else {
            &ranked_by_key[&(p.key.as_str(), p.wants_region)]
        };
        let refused = |best: EntryRef| {
            broken.contains(&(p.key.as_str(), p.wants_region))
                || unsupported_namesake(
                    g,
                    best,
                    &cands[i],
                    &geo.place_index,
                    &named_regions,
                    p.anchor.is_some(),
                )
                || far_namesake(g, best, first[i], &geo)
        };
        out.push(decide(p, ranked, finals[i].len(), refused, |best| {
            supported(g, best, &geo.place_index, &named_regions, &geo.countries)
        }));
    }
    out
}

/// A map with room for `n` entries (its tables are not regrown while a document's names go in).
fn sized<K, V>(n: usize) -> HashMap<K, V> {
    HashMap::with_capacity_and_hasher(n, Default::default())
}

/// The best [`ALTERNATIVES`] of scored candidates (each entry once), best first: all that [`decide`] reads. A
/// tie goes to the lower entry, so the order is the same whatever order they come in.
fn best_first(scored: impl Iterator<Item = (EntryRef, f64)>) -> Vec<(EntryRef, f64)> {
    let order = |a: &(EntryRef, f64), b: &(EntryRef, f64)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
    let mut v: Vec<(EntryRef, f64)> = scored.collect();
    if v.len() > ALTERNATIVES {
        v.select_nth_unstable_by(ALTERNATIVES - 1, order);
        v.truncate(ALTERNATIVES);
    }
    v.sort_unstable_by(order);
    v
}

/// Every mention's scored candidates, by the mention's index; plain mentions of a name share one list (they
/// score alike), so a repeated name's candidates are neither scored nor copied again.
struct Finals {
    lists: Vec<Vec<(EntryRef, f64)>>,
    /// Each mention's list in `lists`.
    slot: Vec<usize>,
}

impl std::ops::Index<usize> for Finals {
    type Output = [(EntryRef, f64)];

    fn index(&self, i: usize) -> &Self::Output {
        &self.lists[self.slot[i]]
    }
}

/// The scored candidates of one name's occurrences (by their index in the document's mentions).
enum Occurrences {
    /// Occurrences that all scored alike, as the first of them did: plain mentions of a name, or one
    /// occurrence.
    Alike(usize),
    /// Each candidate's best score over occurrences that scored differently.
    Mixed(HashMap<EntryRef, f64>),
}

impl Occurrences {
    /// Adds occurrence `i`, whose scores are `finals[i]`.
    fn add(&mut self, i: usize, pending: &[Pending], finals: &Finals) {
        if let Occurrences::Alike(first) = *self {
            // Plain mentions of a name share one scoring.
            if pending[first].is_plain() && pending[i].is_plain() {
                return;
            }
            let mut best = sized(finals[first].len());
            Self::fold(&mut best, &finals[first]);
            *self = Occurrences::Mixed(best);
        }
        if let Occurrences::Mixed(best) = self {
            Self::fold(best, &finals[i]);
        }
    }

    fn fold(best: &mut HashMap<EntryRef, f64>, scored: &[(EntryRef, f64)]) {
        for (r, s) in scored {
            let e = best.entry(*r).or_insert(f64::MIN);
            *e = e.max(*s);
        }
    }

    /// The best candidates over all occurrences, best first.
    fn ranked(&self, finals: &Finals) -> Vec<(EntryRef, f64)> {
        match self {
            // As folded from f64::MIN (a NaN score would not count).
            Occurrences::Alike(i) => best_first(
                finals[*i]
                    .iter()
                    .map(|(r, s)| (*r, if s.is_nan() { f64::MIN } else { *s })),
            ),
            Occurrences::Mixed(best) => best_first(best.iter().map(|(r, s)| (*r, *s))),
        }
    }
}

/// The resolution of a mention from its ranked candidates: the best unless `refused`, with a confidence from
/// its margin; a doubtful name the document does not `support` is dropped.
fn decide(
    p: &Pending,
    ranked: &[(EntryRef, f64)],
    candidates: usize,
    refused: impl Fn(EntryRef) -> bool,
    support: impl Fn(EntryRef) -> bool,
) -> Resolution {
    let Some(&(best, bs)) = ranked.first() else {
        return Resolution {
            dropped: p.doubtful,
            entry: None,
            score: 0.0,
            candidates: 0,
            alternatives: Vec::new(),
        };
    };
    let margin = ranked.get(1).map(|x| bs - x.1).unwrap_or(3.0);
    let conf = 1.0 / (1.0 + (-1.5 * margin).exp());
    let entry = (!refused(best)).then_some(best);
    let alternatives = match entry {
        None => ranked.iter().take(ALTERNATIVES).map(|(r, _)| *r).collect(),
        Some(_) => Vec::new(),
    };
    Resolution {
        dropped: p.doubtful && !support(best),
        entry,
        score: (conf * 1000.0).round() / 1000.0,
        candidates,
        alternatives,
    }
}

/// Names (with their reading) whose best candidate breaks a stated location or a region qualifier: "Pisky near
/// Donetsk" when the gazetteer's Pisky lie hundreds of km away, "Nechaieve, Kherson Oblast" when the only
/// Nechaieve is in Cherkasy oblast. A unique well-known town keeps its reading: when the text's attachment is
/// loose ("operations around Bakhmut, southwest of Avdiivka" is about the operations), it is not missing.
fn broken_names<'p>(
    g: &Gazetteer,
    pending: &'p [Pending],
    first: &[Option<EntryRef>],
    anchor_at: &[Option<EntryRef>],
    cands: &[Arc<Cands>],
    finals: &Finals,
) -> HashSet<(&'p str, bool)> {
    let mut broken = HashSet::default();
    for (i, p) in pending.iter().enumerate() {
        if p.anchor.is_none() && p.qualifier.is_none() {
            continue;
        }
        // A located mention keeps its own reading: judge that one.
        let Some(b) = finals[i]
            .iter()
            .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)))
            .map(|(r, _)| *r)
        else {
            continue;
        };
        let k = (p.key.as_str(), p.wants_region);
        if g.kind(b) != Kind::Place
            || g.record(b).population >= 100_000
            || well_known(g, b, &cands[i])
        {
            continue;
        }
        let target = |j: usize| {
            first
                .get(j)
                .copied()
                .flatten()
                .filter(|_| pending[j].key != p.key)
        };
        // A location shared from a list may be the next member's alone: it does not unresolve this one.
        let anchor_broken = !p.anchor_shared
            && p.anchor
                .is_some_and(|an| anchor_at[i].is_some_and(|a| an.contradicted(g, b, a)));
        let qualifier_broken = p
            .qualifier
            .and_then(target)
            .is_some_and(|q| g.kind(q).can_contain() && !g.contains(q, b));
        if anchor_broken || qualifier_broken {
            broken.insert(k);
        }
    }
    broken
}

/// A town of 10,000 or more whose namesakes in its country are all ten times smaller: what the name means
/// when nothing says otherwise.
fn well_known(g: &Gazetteer, r: EntryRef, cands: &Cands) -> bool {
    let (rec, cc) = (g.record(r), g.country(r));
    rec.population >= 10_000
        && cands.list.iter().zip(&cands.facts).all(|((c, _), f)| {
            *c == r
                || f.kind != Kind::Place
                || f.country() != cc
                || f.population * 10 <= rec.population
        })
}

/// How far (km) another of the document's places may lie to make a candidate the nearby one.
const NEAR_KM: f64 = 150.0;
static NEAR: LazyLock<Radius> = LazyLock::new(|| Radius::km(NEAR_KM));

/// How far (km) a small place may lie from all the document's other places before it reads as a namesake.
const FAR_KM: f64 = 400.0;
static FAR: LazyLock<Radius> = LazyLock::new(|| Radius::km(FAR_KM));

/// How near another of the document's places must lie to support a doubtful reading.
static SUPPORTING: LazyLock<Radius> = LazyLock::new(|| Radius::km(100.0));

/// The bonus for lying `km` from the nearest of the document's other confident places: 0.8 within 150 km,
/// and up to 2.0 more the closer it lies ("Pavlivka" in a paragraph about Donetsk-oblast villages is the
/// Donetsk-oblast one, whatever the size of a namesake elsewhere). `near`: the distances of the nearest
/// other confident places, nearest first. When the biggest namesake is a city (20,000 or more), a place ten
/// times smaller gets the graded part only with two of the document's places around it: one nearby place does
/// not make "Mykolaiv" beside Lviv the Lviv-oblast town, a paragraph about Kharkiv-oblast villages makes its
/// "Rubizhne" the village, not the Luhansk-oblast city.
fn proximity_bonus(near: &[f64], population: u64, biggest: u64) -> f64 {
    let Some(&d) = near.first().filter(|d| **d <= NEAR_KM) else {
        return 0.0;
    };
    let comparable = biggest < 20_000 || population.saturating_mul(10) >= biggest;
    let surrounded = near.get(1).is_some_and(|d2| *d2 <= NEAR_KM);
    0.8 + if comparable || surrounded {
        2.0 * (1.0 - d / NEAR_KM)
    } else {
        0.0
    }
}

/// Whether the document's other mentions support reading a doubtful name as the place `r`: another of its
/// places lies within 100 km, or it lies in a region the document names; a region needs its country named.
fn supported(
    g: &Gazetteer,
    r: EntryRef,
    places: &SpatialIndex,
    named_regions: &HashSet<EntryRef>,
    countries: &HashMap<&str, f64>,
) -> bool {
    match g.kind(r) {
        Kind::Place => {
            let rec = g.record(r);
            places.any_within_sphere(Unit::of(rec.lat, rec.lon), *SUPPORTING, |o| o != r)
                || g.admin1_of(r).is_some_and(|a| named_regions.contains(&a))
        }
        Kind::Country | Kind::WorldRegion => true,
        Kind::Admin1 | Kind::Admin2 | Kind::Admin3 | Kind::Area => {
            countries.get(g.country(r)).copied().unwrap_or(0.0) >= 1.0
        }
    }
}

/// A village whose name several villages of its country share ("Andriivka", "Novoselivka"), with neither
/// another of the document's places within 150 km nor its region named: which one is meant the text does not
/// say, and the biggest namesake is no better a guess than any other.
fn unsupported_namesake(
    g: &Gazetteer,
    r: EntryRef,
    cands: &Cands,
    places: &SpatialIndex,
    named_regions: &HashSet<EntryRef>,
    located: bool,
) -> bool {
    if located || g.kind(r) != Kind::Place || g.record(r).population >= 10_000 {
        return false;
    }
    let cc = g.country(r);
    let namesakes = cands
        .facts
        .iter()
        .filter(|f| f.kind == Kind::Place && f.country() == cc)
        .count();
    if namesakes < 3 {
        return false;
    }
    let rec = g.record(r);
    let near = places.any_within_sphere(Unit::of(rec.lat, rec.lon), *NEAR, |o| o != r);
    let in_named_region = g.admin1_of(r).is_some_and(|a| named_regions.contains(&a));
    !(near || in_named_region)
}

/// A small place far from everything else the document names, in a country the document does not otherwise
/// name: most likely a village missing from the gazetteer that shares a name with this one.
fn far_namesake(g: &Gazetteer, r: EntryRef, own: Option<EntryRef>, geo: &Geography) -> bool {
    let (index, counts, countries) = (&geo.place_index, &geo.place_count, &geo.countries);
    let place_mentions = geo.place_mentions;
    if g.kind(r) != Kind::Place || g.record(r).population >= 20_000 {
        return false;
    }
    // The other mentions' places: all first choices except this mention's own and those naming `r`. The own
    // choice is taken off only when it is in the count (a doubtful mention's first choice does not vote).
    let own_place = own.filter(|o| g.kind(*o) == Kind::Place && *o != r);
    let own_counted = own_place.is_some_and(|o| counts.contains_key(&o));
    let others = place_mentions - counts.get(&r).copied().unwrap_or(0) - usize::from(own_counted);
    if others < 2 {
        return false;
    }
    let rec = g.record(r);
    let nearest = index
        .nearest_sphere(Unit::of(rec.lat, rec.lon), 4, *FAR)
        .iter()
        .find(|(o, _)| {
            *o != r && (Some(*o) != own_place || counts.get(o).copied().unwrap_or(0) > 1)
        })
        .map_or(f64::INFINITY, |(_, d)| d);
    let cc_support = countries.get(g.country(r)).copied().unwrap_or(0.0);
    nearest > FAR_KM && cc_support < 1.5
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn best_first_is_the_head_of_the_full_order() {
        // Scores with ties, in a scrambled order.
        let scored: Vec<(EntryRef, f64)> = (0..57u32)
            .map(|k| {
                let idx = (k * 37) % 57;
                (EntryRef { layer: 0, idx }, f64::from(idx % 7) * 0.5)
            })
            .collect();
        let mut full = scored.clone();
        full.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        assert_eq!(best_first(scored.iter().copied()), full[..ALTERNATIVES]);
        assert_eq!(best_first(scored[..3].iter().copied()).len(), 3);
        assert!(best_first(std::iter::empty()).is_empty());
    }
}
