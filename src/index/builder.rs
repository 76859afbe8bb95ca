//! Compiling rows into an index: records, a string pool, and two name FSTs (light key and Slavic key) whose
//! values point into a postings array. `build.rs` runs this over the bundled CSV at compile time; the
//! library runs it over users' own gazetteer files at run time.

use std::collections::HashMap;

use super::record::{Kind, Posting, Record, Source, StrRef, MAX_ENTRIES};
use super::rows::Row;
use crate::names::fold::{light_key, slavic_key};
use crate::names::translit::{
    entry_variants, has_cyrillic, language, romanize, to_latin, Lang, System,
};

/// Countries whose place names are mostly romanized from Cyrillic: these get generated romanizations and the
/// Slavic-key fallback (elsewhere that key merges different names, see the romanization note §4).
pub const SLAVIC_COUNTRIES: &[&str] = &[
    "UA", "RU", "BY", "MD", "KZ", "KG", "TJ", "UZ", "TM", "AZ", "AM", "GE", "BG", "RS", "MK", "ME",
    "BA",
];

/// Words naming a region's type, stripped to get its stem ("Kharkiv Oblast" -> "Kharkiv").
pub const REGION_TYPE_WORDS: &[&str] = &[
    "oblast",
    "raion",
    "rayon",
    "region",
    "province",
    "county",
    "parish",
    "borough",
    "district",
    "governorate",
    "prefecture",
    "department",
    "krai",
    "kray",
    "municipality",
    "state",
    "voivodeship",
    "canton",
    "okrug",
];

/// The name of a region without its trailing type word, if it has one.
pub fn region_stem(name: &str) -> Option<&str> {
    let (stem, last) = name.trim().rsplit_once(' ')?;
    let last = last.to_lowercase();
    if REGION_TYPE_WORDS.contains(&last.as_str()) && !stem.trim().is_empty() {
        Some(stem.trim())
    } else {
        None
    }
}

/// The spelling the Ukrainian state and the press use for a Ukrainian place (KMU 2010: Avdiivka, Balakliia,
/// Mykolaiv, Marinka, Zaporizhzhia) when GeoNames' primary name is an older romanization of the same name
/// (Avdiyivka, Balakliya, Mykolayiv, Mar'yinka, Zaporizhzhya): the KMU 2010 romanization of the entry's first
/// Ukrainian Cyrillic name that spells the primary (same Slavic key). None when the primary is already that,
/// or no Ukrainian name spells it (a Russian-named Crimean village keeps its GeoNames name).
pub fn display_name(row: &Row) -> Option<String> {
    if row.country_code != "UA" || row.kind != Kind::Place {
        return None;
    }
    let key = slavic_key(&row.name)?;
    row.names
        .iter()
        .filter(|n| has_cyrillic(n) && language(n) == Lang::Ukrainian)
        .map(|n| romanize(n, System::UkKmu2010))
        .find(|latin| slavic_key(latin).as_deref() == Some(key.as_str()))
        .filter(|latin| *latin != row.name)
}

/// The compiled parts of an index, as plain bytes/vectors.
#[derive(Default)]
pub struct Compiled {
    pub records: Vec<Record>,
    pub strings: Vec<u8>,
    pub postings: Vec<u32>,
    pub exact_fst: Vec<u8>,
    pub slavic_fst: Vec<u8>,
}

/// Accumulates rows, then compiles them.
#[derive(Default)]
pub struct Builder {
    records: Vec<Record>,
    strings: Vec<u8>,
    interned: HashMap<String, StrRef>,
    exact: Vec<(String, u32)>,
    slavic: Vec<(String, u32)>,
    /// Admin1 and admin2 records by country, admin1 code and admin2 code (empty for admin1).
    regions: HashMap<([u8; 2], String, String), u32>,
}

const MAX_KEY_BYTES: usize = 120;

impl Builder {
    pub fn new() -> Builder {
        Builder::default()
    }

    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    fn push_str(&mut self, s: &str) -> StrRef {
        let r = StrRef {
            off: self.strings.len() as u32,
            len: s.len() as u32,
        };
        self.strings.extend_from_slice(s.as_bytes());
        r
    }

    /// Short, repeated strings (codes) are stored once.
    fn intern(&mut self, s: &str) -> StrRef {
        if let Some(r) = self.interned.get(s) {
            return *r;
        }
        let r = self.push_str(s);
        self.interned.insert(s.to_string(), r);
        r
    }

    /// Adds one row. Returns false when the index is full.
    pub fn add(&mut self, row: &Row) -> bool {
        if self.records.len() >= MAX_ENTRIES - 1 || self.strings.len() > (u32::MAX as usize) / 2 {
            return false;
        }
        let idx = self.records.len() as u32;
        let mut country = [b' '; 2];
        for (i, b) in row.country_code.bytes().take(2).enumerate() {
            country[i] = b.to_ascii_uppercase();
        }
        let display = display_name(row);
        let geonames_name = self.push_str(&row.name);
        let name = match &display {
            Some(d) => self.push_str(d),
            None => geonames_name,
        };
        let rec = Record {
            lat: row.lat,
            lon: row.lon,
            population: row.population,
            geonameid: row.geonameid,
            admin1_idx: u32::MAX,
            admin2_idx: u32::MAX,
            id: self.push_str(&row.id),
            name,
            geonames_name,
            feature_code: self.intern(&row.feature_code),
            admin1: self.intern(&row.admin1_code),
            admin2: self.intern(&row.admin2_code),
            names: self.push_str(&row.names.join("|")),
            historic: self.push_str(&row.historic.join("|")),
            demonyms: self.push_str(&row.demonyms.join("|")),
            country,
            kind: row.kind.code(),
            _pad: [0; 1],
        };
        self.records.push(rec);
        if matches!(row.kind, Kind::Admin1 | Kind::Admin2) {
            let a2 = if row.kind == Kind::Admin2 {
                row.admin2_code.clone()
            } else {
                String::new()
            };
            self.regions
                .insert((country, row.admin1_code.clone(), a2), idx);
        }
        self.add_names(idx, row, display);
        true
    }

    fn add_names(&mut self, idx: u32, row: &Row, display: Option<String>) {
        let slavic = SLAVIC_COUNTRIES.contains(&row.country_code.as_str());
        let mut surfaces: Vec<(String, Source, bool)> =
            vec![(row.name.clone(), Source::Primary, false)];
        // The national spelling is the entry's name as much as GeoNames' own.
        surfaces.extend(display.map(|d| (d, Source::Primary, false)));
        let stem = if row.kind.is_region() && row.kind != Kind::Country {
            region_stem(&row.name).map(str::to_string)
        } else {
            None
        };
        let stem_key = stem.as_deref().map(light_key);
        let stem_slavic = stem.as_deref().and_then(slavic_key);
        // The region's bare name in any script ("Kherson", "Херсон" for Kherson Oblast) is its stem: the
        // city's name, which the region only borrows.
        let is_stem = |n: &str| {
            if has_cyrillic(n) {
                stem_slavic.is_some() && slavic_key(&to_latin(n)) == stem_slavic
            } else {
                stem_key.as_deref() == Some(light_key(n).as_str())
            }
        };
        for n in &row.names {
            let src = if is_stem(n) {
                Source::RegionStem
            } else {
                Source::Alternate
            };
            surfaces.push((n.clone(), src, false));
        }
        for n in &row.historic {
            surfaces.push((n.clone(), Source::Historic, true));
        }
        if let Some(stem) = &stem {
            surfaces.push((stem.clone(), Source::RegionStem, false));
            // The phrases news uses for regions: "Kharkiv region", "Kherson province", "Bakhmut district".
            let words: &[&str] = match row.kind {
                Kind::Admin1 => &["region", "province", "oblast"],
                _ => &["district", "raion", "rayon", "county"],
            };
            for w in words {
                surfaces.push((format!("{stem} {w}"), Source::Alternate, false));
            }
        }
        if slavic {
            let names: Vec<&str> = surfaces.iter().map(|(s, _, _)| s.as_str()).collect();
            let mut generated = Vec::new();
            for (i, v, latin) in entry_variants(&names) {
                let (_, src, hist) = &surfaces[i];
                // Romanizations of a region's bare name are its stem too.
                let g = if *src == Source::RegionStem {
                    Source::RegionStem
                } else {
                    Source::Generated(v)
                };
                generated.push((latin, g, *hist));
            }
            surfaces.extend(generated);
        }
        for (s, src, hist) in &surfaces {
            let k = light_key(s);
            if k.is_empty() || k.len() > MAX_KEY_BYTES {
                continue;
            }
            let p = Posting::new(idx, *src, *hist).0;
            if slavic {
                if let Some(sk) = slavic_key(s) {
                    if !sk.is_empty() && sk.len() <= MAX_KEY_BYTES {
                        self.slavic.push((sk, p));
                    }
                }
            }
            self.exact.push((k, p));
        }
    }

    /// Links records to their admin1 and admin2 records and compiles the FSTs.
    pub fn finish(mut self) -> Result<Compiled, fst::Error> {
        let text = |s: &[u8], r: StrRef| {
            std::str::from_utf8(&s[r.off as usize..(r.off + r.len) as usize])
                .unwrap_or("")
                .to_string()
        };
        for i in 0..self.records.len() {
            let r = self.records[i];
            let (a1, a2) = (text(&self.strings, r.admin1), text(&self.strings, r.admin2));
            if let Some(a) = self.regions.get(&(r.country, a1.clone(), String::new())) {
                self.records[i].admin1_idx = *a;
            }
            let own = Kind::from_code(r.kind);
            if !a2.is_empty() && !matches!(own, Kind::Admin1 | Kind::Admin2 | Kind::Country) {
                if let Some(a) = self.regions.get(&(r.country, a1, a2)) {
                    self.records[i].admin2_idx = *a;
                }
            }
        }
        let mut postings = Vec::new();
        let exact_fst = compile_map(std::mem::take(&mut self.exact), &mut postings)?;
        let slavic_fst = compile_map(std::mem::take(&mut self.slavic), &mut postings)?;
        Ok(Compiled {
            records: self.records,
            strings: self.strings,
            postings,
            exact_fst,
            slavic_fst,
        })
    }
}

/// Groups (key, posting) pairs by key. The FST value is `offset << 16 | count` into `postings`.
fn compile_map(
    mut pairs: Vec<(String, u32)>,
    postings: &mut Vec<u32>,
) -> Result<Vec<u8>, fst::Error> {
    pairs.sort_unstable();
    pairs.dedup();
    let mut b = fst::MapBuilder::memory();
    let mut i = 0;
    while i < pairs.len() {
        let mut j = i;
        while j < pairs.len() && pairs[j].0 == pairs[i].0 {
            j += 1;
        }
        let off = postings.len() as u64;
        let count = (j - i).min(0xffff);
        postings.extend(pairs[i..i + count].iter().map(|(_, p)| *p));
        b.insert(&pairs[i].0, (off << 16) | count as u64)?;
        i = j;
    }
    b.into_inner()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(name: &str, names: &[&str]) -> Row {
        Row {
            id: "geonames:1".into(),
            geonameid: 1,
            name: name.into(),
            kind: Kind::Place,
            feature_code: "PPL".into(),
            country_code: "UA".into(),
            admin1_code: "05".into(),
            admin2_code: String::new(),
            lat: 48.0,
            lon: 37.0,
            population: 0,
            names: names.iter().map(|n| n.to_string()).collect(),
            historic: Vec::new(),
            demonyms: Vec::new(),
        }
    }

    #[test]
    fn ukrainian_places_are_named_in_the_national_system() {
        let cases = [
            (
                "Avdiyivka",
                &["Avdeevka", "Авдеевка", "Авдіївка"][..],
                Some("Avdiivka"),
            ),
            (
                "Balakliya",
                &["Балаклея", "Балаклія"][..],
                Some("Balakliia"),
            ),
            ("Mykolayiv", &["Николаев", "Миколаїв"][..], Some("Mykolaiv")),
            ("Mar'yinka", &["Марьинка", "Мар’їнка"][..], Some("Marinka")),
            ("Zaporizhzhya", &["Запоріжжя"][..], Some("Zaporizhzhia")),
            // Already the national form; a Ukrainian name that spells another name; only a Russian name.
            ("Kharkiv", &["Харків"][..], None),
            ("Klishchiivka", &["Карлівка", "Кліщіївка"][..], None),
            ("Novozuyevka", &["Новозуевка"][..], None),
        ];
        for (gn, names, want) in cases {
            assert_eq!(display_name(&place(gn, names)).as_deref(), want, "{gn}");
        }
        let mut russian = place("Avdiyivka", &["Авдіївка"]);
        russian.country_code = "RU".into();
        assert_eq!(display_name(&russian), None);
    }

    #[test]
    fn stems() {
        assert_eq!(region_stem("Kharkiv Oblast"), Some("Kharkiv"));
        assert_eq!(region_stem("Morgan County"), Some("Morgan"));
        assert_eq!(region_stem("California"), None);
        assert_eq!(region_stem("Oblast"), None);
    }
}
