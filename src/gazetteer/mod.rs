//! The gazetteer: the bundled world index plus any files the user adds, with name lookup, ranking,
//! variant listing and nearest-place search.

mod embedded;
mod ids;
pub mod lookup;
pub mod spatial;
pub mod variants;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::index::builder::Builder;
use crate::index::record::{Kind, Record};
use crate::index::{rows, Index};

pub use lookup::{Candidate, LookupOptions, MatchType};

/// A reference to one entry: which layer (0 = first loaded) and which record in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EntryRef {
    pub layer: u16,
    pub idx: u32,
}

/// An entry as the outside world sees it (owned; serialisable).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Place {
    pub id: String,
    /// The display name (for Ukrainian places the national romanization, KMU 2010).
    pub name: String,
    /// The GeoNames primary name (the same as `name` unless that is the national spelling).
    pub geonames_name: String,
    pub kind: &'static str,
    pub feature_code: Option<String>,
    pub country: String,
    pub admin1: Option<String>,
    /// The name of the admin2 region (a raion, a county) it lies in.
    pub admin2: Option<String>,
    pub admin1_code: Option<String>,
    pub admin2_code: Option<String>,
    pub population: u64,
    pub lat: f64,
    pub lon: f64,
}

/// Where the gazetteer comes from.
#[derive(Debug, Clone, Default)]
pub struct GazetteerOptions {
    /// Leave out the bundled world gazetteer.
    pub no_default: bool,
    /// The user's files (placemap CSV or GeoNames dump TSV, optionally gzip-compressed).
    pub files: Vec<PathBuf>,
    /// Skip malformed rows (counted in the report) instead of failing.
    pub lenient: bool,
}

/// What loading the user's files did.
#[derive(Debug, Clone, Default)]
pub struct LoadReport {
    pub files: Vec<FileReport>,
}

#[derive(Debug, Clone)]
pub struct FileReport {
    pub path: PathBuf,
    pub rows: usize,
    pub skipped_bad: Vec<rows::RowError>,
    pub skipped_not_places: u64,
    /// Rows left out because an earlier layer (the bundled gazetteer, an earlier file) has their id.
    pub reused_ids: Vec<rows::RowError>,
}

/// Admin1 and admin2 regions by country, admin1 code and admin2 code (empty for admin1 regions).
type RegionMap = HashMap<([u8; 2], String, String), EntryRef>;

pub struct Gazetteer {
    layers: Vec<Index>,
    regions: OnceLock<RegionMap>,
    demonyms: OnceLock<rustc_hash::FxHashSet<String>>,
}

impl Gazetteer {
    fn of_layers(layers: Vec<Index>) -> Gazetteer {
        Gazetteer {
            layers,
            regions: OnceLock::new(),
            demonyms: OnceLock::new(),
        }
    }

    /// The bundled world gazetteer only.
    pub fn bundled() -> Result<Gazetteer> {
        let idx = embedded::index().map_err(Error::BundledIndex)?;
        Ok(Gazetteer::of_layers(vec![idx]))
    }

    /// The bundled gazetteer (unless `no_default`) plus the user's files, in order.
    pub fn load(opts: &GazetteerOptions) -> Result<(Gazetteer, LoadReport)> {
        let mut layers = Vec::new();
        let mut known = ids::KnownIds::default();
        if !opts.no_default {
            let bundled = embedded::index().map_err(Error::BundledIndex)?;
            if !opts.files.is_empty() {
                known.add_layer(&bundled, "the bundled gazetteer".into());
            }
            layers.push(bundled);
        }
        let mut report = LoadReport::default();
        for path in &opts.files {
            let (idx, fr) = load_file(path, opts.lenient, &known)?;
            if let Some(idx) = idx {
                known.add_layer(&idx, path.display().to_string());
                layers.push(idx);
            }
            report.files.push(fr);
        }
        if layers.is_empty() {
            return Err(Error::NoGazetteer);
        }
        if layers.len() > u16::MAX as usize {
            return Err(Error::InvalidInput("too many gazetteer files".into()));
        }
        Ok((Gazetteer::of_layers(layers), report))
    }

    pub fn layers(&self) -> &[Index] {
        &self.layers
    }

    pub fn len(&self) -> usize {
        self.layers.iter().map(Index::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn record(&self, r: EntryRef) -> &Record {
        self.layers[r.layer as usize].record(r.idx)
    }

    pub fn str(&self, r: EntryRef, s: crate::index::record::StrRef) -> &str {
        self.layers[r.layer as usize].str(s)
    }

    pub fn name(&self, r: EntryRef) -> &str {
        self.str(r, self.record(r).name)
    }

    /// The GeoNames primary name (differs from [`Gazetteer::name`] where that is the national spelling).
    pub fn geonames_name(&self, r: EntryRef) -> &str {
        self.str(r, self.record(r).geonames_name)
    }

    pub fn kind(&self, r: EntryRef) -> Kind {
        Kind::from_code(self.record(r).kind)
    }

    pub fn country(&self, r: EntryRef) -> &str {
        country_code(&self.record(r).country)
    }

    pub fn id(&self, r: EntryRef) -> &str {
        self.str(r, self.record(r).id)
    }

    pub fn feature_code(&self, r: EntryRef) -> &str {
        self.str(r, self.record(r).feature_code)
    }

    pub fn admin1_code(&self, r: EntryRef) -> &str {
        self.str(r, self.record(r).admin1)
    }

    pub fn admin2_code(&self, r: EntryRef) -> &str {
        self.str(r, self.record(r).admin2)
    }

    /// The admin1 region an entry lies in (its own layer first, then any layer).
    pub fn admin1_of(&self, r: EntryRef) -> Option<EntryRef> {
        let rec = self.record(r);
        if Kind::from_code(rec.kind) == Kind::Admin1 {
            return Some(r);
        }
        if rec.admin1_idx != u32::MAX {
            return Some(EntryRef {
                layer: r.layer,
                idx: rec.admin1_idx,
            });
        }
        self.region_by_codes(r, false)
    }

    /// The admin2 region (a raion, a county) an entry lies in.
    pub fn admin2_of(&self, r: EntryRef) -> Option<EntryRef> {
        if matches!(self.kind(r), Kind::Admin1 | Kind::Admin2 | Kind::Country) {
            return None;
        }
        let idx = self.record(r).admin2_idx;
        if idx != u32::MAX {
            return Some(EntryRef {
                layer: r.layer,
                idx,
            });
        }
        self.region_by_codes(r, true)
    }

    /// The admin1 (or, with `admin2`, the admin2) region whose codes are the entry's, from another layer.
    fn region_by_codes(&self, r: EntryRef, admin2: bool) -> Option<EntryRef> {
        // One layer: the builder has linked every entry to its regions already.
        if self.layers.len() < 2 {
            return None;
        }
        let rec = self.record(r);
        let a1 = self.admin1_code(r);
        let a2 = if admin2 { self.admin2_code(r) } else { "" };
        if a1.is_empty() || (admin2 && a2.is_empty()) {
            return None;
        }
        let map = self.regions.get_or_init(|| {
            let mut m = HashMap::new();
            for (l, layer) in self.layers.iter().enumerate() {
                for (i, rec) in layer.records().iter().enumerate() {
                    let a2 = match Kind::from_code(rec.kind) {
                        Kind::Admin1 => String::new(),
                        Kind::Admin2 => layer.str(rec.admin2).to_string(),
                        _ => continue,
                    };
                    let idx = i as u32;
                    m.entry((rec.country, layer.str(rec.admin1).to_string(), a2))
                        .or_insert(EntryRef {
                            layer: l as u16,
                            idx,
                        });
                }
            }
            m
        });
        map.get(&(rec.country, a1.to_string(), a2.to_string()))
            .copied()
    }

    /// Whether `r` lies inside `region` (a country, admin1 or admin2 region), by its codes.
    pub fn contains(&self, region: EntryRef, r: EntryRef) -> bool {
        if r == region || self.country(r) != self.country(region) {
            return false;
        }
        let same_admin1 = || self.admin1_code(r) == self.admin1_code(region);
        match self.kind(region) {
            Kind::Country => true,
            Kind::Admin1 => same_admin1(),
            Kind::Admin2 => same_admin1() && self.admin2_code(r) == self.admin2_code(region),
            _ => false,
        }
    }

    /// The light keys of the countries' demonyms ("ukrainian"), each also with a plural "s" ("ukrainians"):
    /// read from every country record once, on first use.
    pub fn demonyms(&self) -> &rustc_hash::FxHashSet<String> {
        self.demonyms.get_or_init(|| {
            let mut set = rustc_hash::FxHashSet::default();
            for layer in &self.layers {
                for rec in layer.records() {
                    if Kind::from_code(rec.kind) != Kind::Country {
                        continue;
                    }
                    for d in layer.str(rec.demonyms).split('|').filter(|d| !d.is_empty()) {
                        let d = crate::names::fold::light_key(d);
                        set.insert(format!("{d}s"));
                        set.insert(d);
                    }
                }
            }
            set
        })
    }

    /// The country entry of an entry's country code.
    pub fn country_entry(&self, cc: &str) -> Option<EntryRef> {
        let key = crate::names::fold::light_key(cc);
        for (l, layer) in self.layers.iter().enumerate() {
            for p in layer.exact(&key) {
                let r = EntryRef {
                    layer: l as u16,
                    idx: p.entry(),
                };
                if self.kind(r) == Kind::Country && self.country(r).eq_ignore_ascii_case(cc) {
                    return Some(r);
                }
            }
        }
        None
    }

    pub fn place(&self, r: EntryRef) -> Place {
        let rec = self.record(r);
        let nonempty = |s: &str| (!s.is_empty()).then(|| s.to_string());
        let admin1 = self
            .admin1_of(r)
            .filter(|a| *a != r)
            .map(|a| self.name(a).to_string());
        Place {
            id: self.id(r).to_string(),
            name: self.name(r).to_string(),
            geonames_name: self.geonames_name(r).to_string(),
            kind: self.kind(r).as_str(),
            feature_code: nonempty(self.feature_code(r)),
            country: self.country(r).to_string(),
            admin1,
            admin2: self.admin2_of(r).map(|a| self.name(a).to_string()),
            admin1_code: nonempty(self.admin1_code(r)),
            admin2_code: nonempty(self.str(r, rec.admin2)),
            population: rec.population,
            lat: rec.lat,
            lon: rec.lon,
        }
    }

    /// Every entry, layer by layer.
    pub fn entries(&self) -> impl Iterator<Item = EntryRef> + '_ {
        self.layers.iter().enumerate().flat_map(|(l, layer)| {
            (0..layer.len() as u32).map(move |idx| EntryRef {
                layer: l as u16,
                idx,
            })
        })
    }
}

/// Reads and compiles one user file; no index when every row's id is an earlier layer's.
fn load_file(
    path: &Path,
    lenient: bool,
    known: &ids::KnownIds,
) -> Result<(Option<Index>, FileReport)> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    compile_file(&bytes, path, lenient, known)
}

impl Gazetteer {
    /// A gazetteer of one file's bytes alone (placemap CSV or GeoNames TSV, optionally gzipped), named
    /// `name` in messages: what `--no-default-gazetteer --gazetteer FILE` loads, without the file.
    pub fn from_bytes(bytes: &[u8], name: &Path, lenient: bool) -> Result<(Gazetteer, FileReport)> {
        let (idx, report) = compile_file(bytes, name, lenient, &ids::KnownIds::default())?;
        let idx = idx.ok_or_else(|| Error::GazetteerFile {
            path: name.to_path_buf(),
            message: "no gazetteer rows in this file".into(),
        })?;
        Ok((Gazetteer::of_layers(vec![idx]), report))
    }
}

/// Compiles the bytes of the user file `path` into an index.
fn compile_file(
    bytes: &[u8],
    path: &Path,
    lenient: bool,
    known: &ids::KnownIds,
) -> Result<(Option<Index>, FileReport)> {
    let mut out = rows::read(bytes, lenient).map_err(|e| {
        if e.line == 0 {
            Error::GazetteerFile {
                path: path.to_path_buf(),
                message: e.message,
            }
        } else {
            Error::GazetteerRow {
                path: path.to_path_buf(),
                line: e.line,
                message: e.message,
            }
        }
    })?;
    let reused_ids = known.screen(&mut out, path, lenient)?;
    let report = FileReport {
        path: path.to_path_buf(),
        rows: out.rows.len(),
        skipped_bad: out.bad,
        skipped_not_places: out.not_places,
        reused_ids,
    };
    if out.rows.is_empty() && !report.reused_ids.is_empty() {
        // Nothing of its own to add: said in the report, not an error.
        return Ok((None, report));
    }
    if out.rows.is_empty() {
        return Err(Error::GazetteerFile {
            path: path.to_path_buf(),
            message: if report.skipped_bad.is_empty() {
                "no gazetteer rows in this file".into()
            } else {
                format!("no usable rows ({} malformed)", report.skipped_bad.len())
            },
        });
    }
    let mut b = Builder::new();
    for r in &out.rows {
        if !b.add(r) {
            return Err(Error::GazetteerFile {
                path: path.to_path_buf(),
                message: "too many entries for one index (16.7 million); split the file".into(),
            });
        }
    }
    let compiled = b.finish().map_err(|e| Error::GazetteerFile {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    let idx = Index::from_compiled(compiled).map_err(|m| Error::GazetteerFile {
        path: path.to_path_buf(),
        message: m,
    })?;
    Ok((Some(idx), report))
}

/// Every pair of capital letters ("AAAB..ZZ"), so that a country code is a slice of it: resolution reads
/// a candidate's country several times, and this spares it a UTF-8 check each time.
const CODE_PAIRS: &str = {
    const BYTES: [u8; 2 * 26 * 26] = {
        let mut b = [0u8; 2 * 26 * 26];
        let mut i = 0;
        while i < 26 * 26 {
            b[2 * i] = b'A' + (i / 26) as u8;
            b[2 * i + 1] = b'A' + (i % 26) as u8;
            i += 1;
        }
        b
    };
    match std::str::from_utf8(&BYTES) {
        Ok(s) => s,
        Err(_) => panic!("capital letters are UTF-8"),
    }
};

/// A record's country field as text: its two capitals, or the field trimmed ("" for none).
pub(crate) fn country_code(c: &[u8; 2]) -> &str {
    match *c {
        [a @ b'A'..=b'Z', b @ b'A'..=b'Z'] => {
            let k = 2 * ((a - b'A') as usize * 26 + (b - b'A') as usize);
            &CODE_PAIRS[k..k + 2]
        }
        _ => std::str::from_utf8(c).unwrap_or("").trim(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_codes_read_as_written() {
        for a in b'A'..=b'Z' {
            for b in b'A'..=b'Z' {
                let want = String::from_utf8(vec![a, b]).unwrap();
                assert_eq!(country_code(&[a, b]), want);
            }
        }
        assert_eq!(country_code(b"  "), "");
        assert_eq!(country_code(b"U "), "U");
        assert_eq!(country_code(b"ua"), "ua");
        assert_eq!(country_code(&[0xFF, b'A']), "");
    }

    #[test]
    fn a_gazetteer_from_bytes_alone() {
        let csv = b"id,name,lat,lon\nmine:1,Testivka,49.1,37.2\nmine:2,Farivka,49.5,37.5\n";
        let (g, report) = Gazetteer::from_bytes(csv, Path::new("t.csv"), false).expect("loads");
        assert_eq!((g.len(), report.rows), (2, 2));
        let opts = LookupOptions {
            limit: 3,
            ..LookupOptions::default()
        };
        let found = g.lookup("Farivka", &opts);
        assert_eq!(found.first().map(|c| g.id(c.entry)), Some("mine:2"));
        // Nothing of the bundled gazetteer, and an empty file is an error naming it.
        assert!(g.lookup("Kharkiv", &opts).is_empty());
        let e = Gazetteer::from_bytes(b"", Path::new("empty.csv"), true).err();
        assert!(e.is_some_and(|e| e.to_string().contains("empty.csv")));
    }
}
