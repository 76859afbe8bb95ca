//! Nearest-place search over unit-sphere positions (chord distance orders like great-circle distance, so no
//! projection distortion near the poles or the antimeridian): an R-tree for many entries, a scan for few.

use rstar::primitives::GeomWithData;
use rstar::{PointDistance, RTree};

use super::{EntryRef, Gazetteer};

type Node = GeomWithData<[f64; 3], EntryRef>;

fn unit(lat: f64, lon: f64) -> [f64; 3] {
    let (la, lo) = (lat.to_radians(), lon.to_radians());
    [la.cos() * lo.cos(), la.cos() * lo.sin(), la.sin()]
}

/// Up to this many entries are searched by a scan: the places of one document, asked about for every
/// candidate of every name, where a tree query's heap of nodes costs more than a pass over the points.
const SCAN_MAX: usize = 256;

/// A spatial index over some entries of a gazetteer.
pub struct SpatialIndex(Points);

enum Points {
    Tree(RTree<Node>),
    /// In the order they came; distances are rstar's, so both layouts find the same entries.
    Scan(Vec<Node>),
}

/// The few entries nearest to a position, nearest first, with great-circle kilometres on the sphere.
pub struct Nearest {
    found: [(EntryRef, f64); Nearest::MAX],
    len: usize,
}

impl Nearest {
    /// The most entries one query returns.
    pub const MAX: usize = 8;

    pub fn iter(&self) -> impl Iterator<Item = (EntryRef, f64)> + '_ {
        self.found[..self.len].iter().copied()
    }
}

impl SpatialIndex {
    pub fn new(g: &Gazetteer, entries: impl Iterator<Item = EntryRef>) -> SpatialIndex {
        let nodes: Vec<Node> = entries
            .map(|r| {
                let rec = g.record(r);
                GeomWithData::new(unit(rec.lat, rec.lon), r)
            })
            .collect();
        let scan = nodes.len() <= SCAN_MAX;
        SpatialIndex::of(nodes, scan)
    }

    fn of(nodes: Vec<Node>, scan: bool) -> SpatialIndex {
        SpatialIndex(if scan {
            Points::Scan(nodes)
        } else {
            Points::Tree(RTree::bulk_load(nodes))
        })
    }

    /// Entries nearest to unit vector `q`, nearest first, with squared chord distances.
    fn ordered(&self, q: [f64; 3]) -> Box<dyn Iterator<Item = (&Node, f64)> + '_> {
        match &self.0 {
            Points::Tree(t) => Box::new(t.nearest_neighbor_iter_with_distance_2(&q)),
            Points::Scan(nodes) => {
                let mut v: Vec<(&Node, f64)> =
                    nodes.iter().map(|n| (n, n.distance_2(&q))).collect();
                v.sort_by(|a, b| a.1.total_cmp(&b.1));
                Box::new(v.into_iter())
            }
        }
    }

    /// Entries nearest to (lat, lon), nearest first, with geodesic kilometres.
    pub fn nearest(&self, g: &Gazetteer, lat: f64, lon: f64, limit: usize) -> Vec<(EntryRef, f64)> {
        self.ordered(unit(lat, lon))
            .take(limit)
            .map(|(n, _)| {
                let rec = g.record(n.data);
                (
                    n.data,
                    crate::geodesy::distance_km((lat, lon), (rec.lat, rec.lon)),
                )
            })
            .collect()
    }

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
        let q = unit(lat, lon);
        match &self.0 {
            Points::Tree(t) => t
                .locate_within_distance(q, chord * chord)
                .any(|n| keep(n.data)),
            Points::Scan(nodes) => nodes
                .iter()
                .any(|n| n.distance_2(&q) <= chord * chord && keep(n.data)),
        }
    }

    /// The `k` entries (at most [`Nearest::MAX`]) nearest to (lat, lon), nearest first, with great-circle
    /// kilometres on the sphere.
    pub fn nearest_sphere(&self, lat: f64, lon: f64, k: usize) -> Nearest {
        let k = k.min(Nearest::MAX);
        let q = unit(lat, lon);
        let mut best = [(EntryRef { layer: 0, idx: 0 }, f64::INFINITY); Nearest::MAX];
        let mut len = 0;
        match &self.0 {
            _ if k == 0 => {}
            Points::Tree(t) => {
                for (n, d2) in t.nearest_neighbor_iter_with_distance_2(&q).take(k) {
                    best[len] = (n.data, d2);
                    len += 1;
                }
            }
            // Insertion into the k best so far: an entry goes after those as near as it.
            Points::Scan(nodes) => {
                for n in nodes {
                    let d2 = n.distance_2(&q);
                    if len == k && d2 >= best[k - 1].1 {
                        continue;
                    }
                    let mut at = len.min(k - 1);
                    while at > 0 && best[at - 1].1 > d2 {
                        best[at] = best[at - 1];
                        at -= 1;
                    }
                    best[at] = (n.data, d2);
                    len = (len + 1).min(k);
                }
            }
        }
        for b in &mut best[..len] {
            b.1 = chord_km(b.1);
        }
        Nearest { found: best, len }
    }
}

/// Great-circle kilometres (mean Earth radius) of a chord between unit vectors.
fn chord_km(chord2: f64) -> f64 {
    2.0 * 6371.0088 * (chord2.sqrt() / 2.0).min(1.0).asin()
}

impl Gazetteer {
    /// The nearest populated places (not regions or countries, whose points are conventions) to a position.
    pub fn near(&self, lat: f64, lon: f64, limit: usize) -> Vec<(EntryRef, f64)> {
        let places = self.entries().filter(|r| !self.kind(*r).is_region());
        SpatialIndex::new(self, places).nearest(self, lat, lon, limit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A scan and a tree over the same points answer alike: the same nearest entries at the same
    /// distances, and the same verdicts on radii.
    #[test]
    fn scan_and_tree_agree() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 11) as f64 / (1u64 << 53) as f64
        };
        for n in [1usize, 2, 5, 40, 200] {
            let nodes: Vec<Node> = (0..n as u32)
                .map(|idx| {
                    let (lat, lon) = (44.0 + next() * 8.0, 22.0 + next() * 18.0);
                    GeomWithData::new(unit(lat, lon), EntryRef { layer: 0, idx })
                })
                .collect();
            let (scan, tree) = (
                SpatialIndex::of(nodes.clone(), true),
                SpatialIndex::of(nodes, false),
            );
            for _ in 0..200 {
                let (lat, lon) = (43.0 + next() * 10.0, 20.0 + next() * 22.0);
                for k in [0, 1, 4, 5, Nearest::MAX + 3] {
                    let a: Vec<_> = scan.nearest_sphere(lat, lon, k).iter().collect();
                    let b: Vec<_> = tree.nearest_sphere(lat, lon, k).iter().collect();
                    assert_eq!(a, b, "{n} points, k {k}, at {lat},{lon}");
                    assert_eq!(a.len(), k.min(n).min(Nearest::MAX));
                    assert!(a.windows(2).all(|w| w[0].1 <= w[1].1));
                }
                for km in [10.0, 150.0, 400.0] {
                    let odd = |r: EntryRef| r.idx % 2 == 1;
                    assert_eq!(
                        scan.any_within_sphere(lat, lon, km, odd),
                        tree.any_within_sphere(lat, lon, km, odd)
                    );
                }
            }
        }
    }
}
