//! Nearest-place search over unit-sphere positions (chord distance orders like great-circle distance, so no
//! projection distortion near the poles or the antimeridian): an R-tree for many entries, a scan for few.

use rstar::primitives::GeomWithData;
use std::f64::consts::FRAC_PI_2;

use rstar::{PointDistance, RTree};

use super::{EntryRef, Gazetteer};

type Node = GeomWithData<[f64; 3], EntryRef>;

fn unit(lat: f64, lon: f64) -> [f64; 3] {
    let (la, lo) = (lat.to_radians(), lon.to_radians());
    [la.cos() * lo.cos(), la.cos() * lo.sin(), la.sin()]
}

/// A position as a unit vector, the form queries take (four trigonometric calls: worth keeping for a place
/// asked about often).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Unit([f64; 3]);

impl Unit {
    pub fn of(lat: f64, lon: f64) -> Unit {
        Unit(unit(lat, lon))
    }
}

/// Up to this many entries are searched by a scan: the places of one document, asked about for every
/// candidate of every name, where a tree query's heap of nodes costs more than a pass over the points.
const SCAN_MAX: usize = 256;

/// A spatial index over some entries of a gazetteer.
pub struct SpatialIndex(Points);

enum Points {
    Tree(RTree<Node>),
    Scan(Band),
}

/// Entries in order of z (the sine of latitude), so that a query within a radius reads only the band of
/// latitudes a chord of that length can reach. Distances are rstar's, so a scan and a tree find the same
/// entries; entries at the same z keep the order they came in.
struct Band {
    z: Vec<f64>,
    nodes: Vec<Node>,
}

impl Band {
    fn new(mut nodes: Vec<Node>) -> Band {
        nodes.sort_by(|a, b| a.geom()[2].total_cmp(&b.geom()[2]));
        Band {
            z: nodes.iter().map(|n| n.geom()[2]).collect(),
            nodes,
        }
    }

    /// The entries within `radius` of `q` can only be those whose z differs from q's by at most the chord (a
    /// chord is at least its z difference).
    fn reach(&self, q: &[f64; 3], radius: Radius) -> &[Node] {
        let c = radius.reach;
        let lo = self.z.partition_point(|z| *z < q[2] - c);
        let hi = lo + self.z[lo..].partition_point(|z| *z <= q[2] + c);
        &self.nodes[lo..hi]
    }
}

/// A distance on the sphere, with the chord between unit vectors that far apart (a sine, computed once).
#[derive(Clone, Copy, Debug)]
pub struct Radius {
    chord: f64,
    /// The chord a query takes in, a little beyond for rounding, and its square.
    reach: f64,
    reach2: f64,
}

impl Radius {
    pub fn km(km: f64) -> Radius {
        let chord = 2.0 * (km.max(0.0) / 6371.0088 / 2.0).min(FRAC_PI_2).sin();
        let reach = chord * (1.0 + 1e-9) + 1e-12;
        Radius {
            chord,
            reach,
            reach2: reach * reach,
        }
    }
}

/// The few entries nearest to a position, nearest first, with squared chords (kilometres on demand).
pub struct Nearest {
    found: [(EntryRef, f64); Nearest::MAX],
    len: usize,
}

impl Nearest {
    /// The most entries one query returns.
    pub const MAX: usize = 8;

    /// The entries with great-circle kilometres on the sphere, converted as they are read.
    pub fn iter(&self) -> impl Iterator<Item = (EntryRef, f64)> + '_ {
        self.found[..self.len]
            .iter()
            .map(|(r, chord2)| (*r, chord_km(*chord2)))
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
            Points::Scan(Band::new(nodes))
        } else {
            Points::Tree(RTree::bulk_load(nodes))
        })
    }

    /// Entries nearest to unit vector `q`, nearest first, with squared chord distances.
    fn ordered(&self, q: [f64; 3]) -> Box<dyn Iterator<Item = (&Node, f64)> + '_> {
        match &self.0 {
            Points::Tree(t) => Box::new(t.nearest_neighbor_iter_with_distance_2(&q)),
            Points::Scan(band) => {
                let mut v: Vec<(&Node, f64)> =
                    band.nodes.iter().map(|n| (n, n.distance_2(&q))).collect();
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

    /// Whether some entry accepted by `keep` lies within `radius` of `at` on the sphere. For scoring
    /// thresholds, where the sphere's error (under 0.5%) does not matter and the ellipsoid's cost would.
    pub fn any_within_sphere(
        &self,
        at: Unit,
        radius: Radius,
        mut keep: impl FnMut(EntryRef) -> bool,
    ) -> bool {
        let q = at.0;
        let chord2 = radius.chord * radius.chord;
        match &self.0 {
            Points::Tree(t) => t.locate_within_distance(q, chord2).any(|n| keep(n.data)),
            Points::Scan(band) => band
                .reach(&q, radius)
                .iter()
                .any(|n| n.distance_2(&q) <= chord2 && keep(n.data)),
        }
    }

    /// The `k` entries (at most [`Nearest::MAX`]) nearest to `at` within `radius` of it on the sphere,
    /// nearest first (an entry just beyond the radius may come too: callers compare kilometres).
    pub fn nearest_sphere(&self, at: Unit, k: usize, radius: Radius) -> Nearest {
        let k = k.min(Nearest::MAX);
        let q = at.0;
        let reach2 = radius.reach2;
        let mut best = [(EntryRef { layer: 0, idx: 0 }, f64::INFINITY); Nearest::MAX];
        let mut len = 0;
        match &self.0 {
            _ if k == 0 => {}
            Points::Tree(t) => {
                let found = t.nearest_neighbor_iter_with_distance_2(&q);
                for (n, d2) in found.take_while(|(_, d2)| *d2 <= reach2).take(k) {
                    best[len] = (n.data, d2);
                    len += 1;
                }
            }
            // Insertion into the k best so far: an entry goes after those as near as it.
            Points::Scan(band) => {
                for n in band.reach(&q, radius) {
                    let d2 = n.distance_2(&q);
                    if d2 > reach2 || (len == k && d2 >= best[k - 1].1) {
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
                SpatialIndex::of(nodes.clone(), false),
            );
            for _ in 0..200 {
                let (lat, lon) = (43.0 + next() * 10.0, 20.0 + next() * 22.0);
                for (k, km) in [0, 1, 4, 5, Nearest::MAX + 3]
                    .into_iter()
                    .flat_map(|k| [(k, 60.0), (k, 150.0), (k, 400.0), (k, 30_000.0)])
                {
                    let a: Vec<_> = scan
                        .nearest_sphere(Unit::of(lat, lon), k, Radius::km(km))
                        .iter()
                        .collect();
                    let b: Vec<_> = tree
                        .nearest_sphere(Unit::of(lat, lon), k, Radius::km(km))
                        .iter()
                        .collect();
                    assert_eq!(a, b, "{n} points, k {k}, {km} km, at {lat},{lon}");
                    assert!(a.windows(2).all(|w| w[0].1 <= w[1].1));
                    // Exactly the nearest k of those within km (all of them within 30,000 km).
                    let mut all: Vec<f64> = nodes
                        .iter()
                        .map(|p| chord_km(p.distance_2(&unit(lat, lon))))
                        .filter(|d| *d <= km)
                        .collect();
                    all.sort_by(f64::total_cmp);
                    all.truncate(k.min(Nearest::MAX));
                    let got: Vec<f64> = a.iter().map(|x| x.1).collect();
                    assert_eq!(got, all, "{n} points, k {k}, {km} km");
                }
                for km in [10.0, 150.0, 400.0] {
                    let odd = |r: EntryRef| r.idx % 2 == 1;
                    assert_eq!(
                        scan.any_within_sphere(Unit::of(lat, lon), Radius::km(km), odd),
                        tree.any_within_sphere(Unit::of(lat, lon), Radius::km(km), odd)
                    );
                }
            }
        }
    }
}
