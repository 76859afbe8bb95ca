//! The fixed-size entry record and the name-source codes stored in postings.

use bytemuck::{Pod, Zeroable};

use crate::names::translit::Variant;

/// A string in the index's string pool.
#[repr(C)]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Pod, Zeroable)]
pub struct StrRef {
    pub off: u32,
    pub len: u32,
}

/// What an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Country,
    Admin1,
    Admin2,
    Place,
    /// A continent or a supranational region (Europe, Africa, the European Union, the Middle East).
    WorldRegion,
    /// A third-level region (a Ukrainian hromada).
    Admin3,
    /// A named region that is no administrative unit (Donbas, Volhynia).
    Area,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Country => "country",
            Kind::Admin1 => "admin1",
            Kind::Admin2 => "admin2",
            Kind::Place => "place",
            Kind::WorldRegion => "world_region",
            Kind::Admin3 => "admin3",
            Kind::Area => "area",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Some(match s.trim() {
            "country" => Kind::Country,
            "admin1" => Kind::Admin1,
            "admin2" => Kind::Admin2,
            "admin3" => Kind::Admin3,
            "area" => Kind::Area,
            "place" | "" => Kind::Place,
            "world_region" => Kind::WorldRegion,
            _ => return None,
        })
    }

    pub fn code(self) -> u8 {
        self as u8
    }

    pub fn from_code(c: u8) -> Kind {
        match c {
            0 => Kind::Country,
            1 => Kind::Admin1,
            2 => Kind::Admin2,
            4 => Kind::WorldRegion,
            5 => Kind::Admin3,
            6 => Kind::Area,
            _ => Kind::Place,
        }
    }

    /// Regions whose members the gazetteer can tell (places carry their country, admin1 and admin2 codes).
    pub fn can_contain(self) -> bool {
        matches!(self, Kind::Country | Kind::Admin1 | Kind::Admin2)
    }

    pub fn is_region(self) -> bool {
        matches!(
            self,
            Kind::Country | Kind::Admin1 | Kind::Admin2 | Kind::Admin3 | Kind::Area
        )
    }
}

/// One gazetteer entry, laid out so that a byte slice of them can be used in place (no parsing at start-up).
#[repr(C)]
#[derive(Debug, Clone, Copy, Pod, Zeroable)]
pub struct Record {
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
    pub geonameid: u32,
    /// Index of this entry's admin1 record in the same index, or `u32::MAX`.
    pub admin1_idx: u32,
    /// Index of this entry's admin2 record in the same index, or `u32::MAX`.
    pub admin2_idx: u32,
    pub id: StrRef,
    /// The display name: for Ukrainian places the national romanization (KMU 2010) of the entry's Ukrainian
    /// name, when it spells the GeoNames name ("Avdiivka" for Avdiyivka); else the GeoNames name.
    pub name: StrRef,
    /// The GeoNames primary name.
    pub geonames_name: StrRef,
    pub feature_code: StrRef,
    pub admin1: StrRef,
    pub admin2: StrRef,
    pub names: StrRef,
    pub historic: StrRef,
    pub demonyms: StrRef,
    pub country: [u8; 2],
    pub kind: u8,
    pub _pad: [u8; 1],
}

/// How a name reached an entry. Stored in the low bits of a posting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Source {
    /// The entry's primary name.
    Primary,
    /// A GeoNames alternate name (or a curated short form such as "U.S.").
    Alternate,
    /// A former official name (renamings table).
    Historic,
    /// A region's name without its type word ("Kharkiv" for Kharkiv Oblast).
    RegionStem,
    /// A romanization generated from one of the entry's Cyrillic names.
    Generated(Variant),
}

impl Source {
    pub fn code(self) -> u8 {
        match self {
            Source::Primary => 0,
            Source::Alternate => 1,
            Source::Historic => 2,
            Source::RegionStem => 3,
            Source::Generated(v) => 8 + v.code(),
        }
    }

    pub fn from_code(c: u8) -> Source {
        match c {
            0 => Source::Primary,
            1 => Source::Alternate,
            2 => Source::Historic,
            3 => Source::RegionStem,
            c => Variant::from_code(c.saturating_sub(8))
                .map(Source::Generated)
                .unwrap_or(Source::Alternate),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Source::Primary => "name",
            Source::Alternate => "alternate",
            Source::Historic => "historic",
            Source::RegionStem => "region stem",
            Source::Generated(v) => v.label(),
        }
    }
}

/// A posting: an entry index, the source of the name, and whether it was derived from a former name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Posting(pub u32);

const HISTORIC_BIT: u32 = 1 << 7;
/// Entries per index: postings keep 24 bits for the entry index.
pub const MAX_ENTRIES: usize = 1 << 24;

impl Posting {
    pub fn new(entry: u32, source: Source, from_historic: bool) -> Posting {
        Posting((entry << 8) | source.code() as u32 | if from_historic { HISTORIC_BIT } else { 0 })
    }
    pub fn entry(self) -> u32 {
        self.0 >> 8
    }
    pub fn source(self) -> Source {
        Source::from_code((self.0 & 0x7f) as u8)
    }
    pub fn is_from_historic(self) -> bool {
        self.0 & HISTORIC_BIT != 0 || self.source() == Source::Historic
    }
}
