//! Every known spelling of an entry, grouped by where it comes from.

use std::collections::BTreeMap;

use super::{EntryRef, Gazetteer};
use crate::names::fold::light_key;
use crate::names::translit::entry_variants;

/// One group of spellings: a source label and its names (deduplicated by light key across groups).
#[derive(Debug, Clone, serde::Serialize)]
pub struct VariantGroup {
    pub source: String,
    pub names: Vec<String>,
}

impl Gazetteer {
    /// Spellings of an entry: GeoNames names, historic names, then romanizations system by system (each group
    /// lists all of its forms, even those another group has too).
    pub fn variants(&self, r: EntryRef) -> Vec<VariantGroup> {
        let rec = self.record(r);
        let mut seen = std::collections::HashSet::new();
        let mut groups: Vec<VariantGroup> = Vec::new();
        let mut add = |groups: &mut Vec<VariantGroup>, label: &str, n: &str| {
            if n.is_empty() || !seen.insert((label.to_string(), light_key(n))) {
                return;
            }
            match groups.iter_mut().find(|g| g.source == label) {
                Some(g) => g.names.push(n.to_string()),
                None => groups.push(VariantGroup {
                    source: label.to_string(),
                    names: vec![n.to_string()],
                }),
            }
        };
        add(&mut groups, "GeoNames", self.geonames_name(r));
        let names: Vec<&str> = self.str(r, rec.names).split('|').collect();
        for n in &names {
            add(&mut groups, "GeoNames", n);
        }
        let historic: Vec<&str> = self
            .str(r, rec.historic)
            .split('|')
            .filter(|s| !s.is_empty())
            .collect();
        for n in &historic {
            add(&mut groups, "historic (official renaming)", n);
        }
        let mut generated: BTreeMap<(u8, String), Vec<String>> = BTreeMap::new();
        // Each Cyrillic name in its language among all the entry's names (Харьков beside Харків is Russian).
        let all: Vec<&str> = names.iter().chain(&historic).copied().collect();
        for (i, v, s) in entry_variants(&all) {
            let hist = i >= names.len();
            let label = if hist {
                format!("{} (historic)", v.label())
            } else {
                v.label().to_string()
            };
            generated
                .entry((v.code() + if hist { 64 } else { 0 }, label))
                .or_default()
                .push(s);
        }
        for ((_, label), ns) in generated {
            for n in ns {
                add(&mut groups, &label, &n);
            }
        }
        groups
    }
}
