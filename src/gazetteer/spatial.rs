//! Nearest-place search with an R-tree over unit-sphere positions (chord distance orders like great-circle
//! distance, so no projection distortion near the poles or the antimeridian).

use rstar::primitives::GeomWithData;
use rstar::RTree;

use super::{EntryRef, Gazetteer};

type Node = GeomWithData<[f64; 3], EntryRef>;

fn unit(lat: f64, lon: f64) -> [f64; 3] {
    let (la, lo) = (lat.to_radians(), lon.to_radians());
    [la.cos() * lo.cos(), la.cos() * lo.sin(), la.sin()]
}

/// A spatial index over some entries of a gazetteer.
pub struct SpatialIndex {
    tree: RTree<Node>,
}

impl SpatialIndex {
    pub fn new(g: &Gazetteer, entries: impl Iterator<Item = EntryRef>) -> SpatialIndex {
        let nodes: Vec<Node> = entries
            .map(|r| {
                let rec = g.record(r);
                GeomWithData::new(unit(rec.lat, rec.lon), r)
            })
            .collect();
        SpatialIndex {
            tree: RTree::bulk_load(nodes),
        }
    }

    /// Entries nearest to (lat, lon), nearest first, with geodesic kilometres.
    pub fn nearest(&self, g: &Gazetteer, lat: f64, lon: f64, limit: usize) -> Vec<(EntryRef, f64)> {
        let q = unit(lat, lon);
        self.tree
            .nearest_neighbor_iter(&q)
            .take(limit)
            .map(|n| {
                let rec = g.record(n.data);
                (
                    n.data,
                    crate::geodesy::distance_km((lat, lon), (rec.lat, rec.lon)),
                )
            })
            .collect()
    }

    /// Entries within `km` of (lat, lon) (chord-distance pre-filter, geodesic check).
    pub fn within(&self, g: &Gazetteer, lat: f64, lon: f64, km: f64) -> Vec<(EntryRef, f64)> {
        let chord = 2.0 * (km / 6371.0088 / 2.0).sin() * 1.001;
        let q = unit(lat, lon);
        let mut v: Vec<(EntryRef, f64)> = self
            .tree
            .locate_within_distance(q, chord * chord)
            .map(|n| {
                let rec = g.record(n.data);
                (
                    n.data,
                    crate::geodesy::distance_km((lat, lon), (rec.lat, rec.lon)),
                )
            })
            .filter(|(_, d)| *d <= km)
            .collect();
        v.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
        v
    }
}

/// Great-circle kilometres (mean Earth radius) of a chord between unit vectors.
fn chord_km(chord2: f64) -> f64 {
    2.0 * 6371.0088 * (chord2.sqrt() / 2.0).min(1.0).asin()
}

impl SpatialIndex {
    /// Whether some entry accepted by `keep` lies within `km` of (lat, lon) on the sphere. For scoring
    /// thresholds, where the sphere's error (under 0.5%) does not matter and the ellipsoid's cost would.
    pub fn any_within_sphere(
        &self,
        lat: f64,
        lon: f64,
        km: f64,
        mut keep: impl FnMut(EntryRef) -> bool,
    ) -> bool {
        let chord = 2.0 * (km / 6371.0088 / 2.0).sin();
        self.tree
            .locate_within_distance(unit(lat, lon), chord * chord)
            .any(|n| keep(n.data))
    }

    /// Entries nearest to (lat, lon), nearest first, with great-circle kilometres on the sphere.
    pub fn nearest_sphere(&self, lat: f64, lon: f64) -> impl Iterator<Item = (EntryRef, f64)> + '_ {
        let q = unit(lat, lon);
        self.tree
            .nearest_neighbor_iter_with_distance_2(&q)
            .map(|(n, d2)| (n.data, chord_km(d2)))
    }
}

impl Gazetteer {
    /// The nearest populated places (not regions or countries, whose points are conventions) to a position.
    pub fn near(&self, lat: f64, lon: f64, limit: usize) -> Vec<(EntryRef, f64)> {
        let places = self.entries().filter(|r| !self.kind(*r).is_region());
        SpatialIndex::new(self, places).nearest(self, lat, lon, limit)
    }
}
