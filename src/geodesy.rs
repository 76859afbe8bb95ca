//! WGS84 geodesic distance and bearing (geo's Karney implementation, not haversine).

use geo::{Bearing, Distance, Geodesic, Point};

/// Geodesic distance in kilometres between two (lat, lon) positions.
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    Geodesic::distance(Point::new(a.1, a.0), Point::new(b.1, b.0)) / 1000.0
}

/// A geodesic distance compared with limits before it is computed. The great-circle distance on geo's
/// mean-radius sphere bounds it: on the ellipsoid the length element is between M and N times the angle
/// (meridian and prime-vertical radii, 6335.4 to 6399.6 km) where on the sphere it is R = 6371.0 km times it,
/// so the geodesic lies within 0.56% of the great circle, whatever the two points. A comparison the bounds
/// decide costs a haversine; only a distance near its limit needs Karney's inverse problem (about 6,000
/// instructions), which is then computed once.
pub struct Separation {
    a: (f64, f64),
    b: (f64, f64),
    /// Bounds on the geodesic, in km (the 0.56% widened to 1%, and a metre for rounding near zero).
    lo: f64,
    hi: f64,
    exact: std::cell::OnceCell<f64>,
}

impl Separation {
    /// The distance between two (lat, lon) positions, not yet computed.
    pub fn between(a: (f64, f64), b: (f64, f64)) -> Separation {
        use geo::Haversine;
        let s = Haversine::distance(Point::new(a.1, a.0), Point::new(b.1, b.0)) / 1000.0;
        Separation {
            a,
            b,
            lo: s * 0.99 - 1e-3,
            hi: s * 1.01 + 1e-3,
            exact: std::cell::OnceCell::new(),
        }
    }

    /// The geodesic distance in km: [`distance_km`] of the two positions.
    pub fn km(&self) -> f64 {
        *self.exact.get_or_init(|| distance_km(self.a, self.b))
    }

    /// Whether the distance is at most `km`.
    pub fn at_most(&self, km: f64) -> bool {
        self.in_range(f64::NEG_INFINITY, km)
    }

    /// Whether the distance is below `km`.
    pub fn below(&self, km: f64) -> bool {
        if self.hi < km {
            true
        } else if self.lo >= km {
            false
        } else {
            self.km() < km
        }
    }

    /// Whether `lo <= distance <= hi`.
    pub fn in_range(&self, lo: f64, hi: f64) -> bool {
        if self.hi < lo || self.lo > hi {
            false
        } else if self.lo >= lo && self.hi <= hi {
            true
        } else {
            (lo..=hi).contains(&self.km())
        }
    }
}

/// Initial bearing in degrees clockwise from north, 0..360.
pub fn bearing_deg(a: (f64, f64), b: (f64, f64)) -> f64 {
    let d = Geodesic::bearing(Point::new(a.1, a.0), Point::new(b.1, b.0));
    (d + 360.0) % 360.0
}

/// The WGS 84 ellipsoid, built once (its series coefficients cost more than a short inverse problem).
static WGS84: std::sync::LazyLock<geographiclib_rs::Geodesic> =
    std::sync::LazyLock::new(geographiclib_rs::Geodesic::wgs84);

/// The line from `a` to `b` ([lon, lat]) along the WGS 84 geodesic, with a point at least every
/// `max_segment_m` metres: the points of geo's `Densify::<Geodesic>`, bit for bit, from one inverse
/// problem instead of one per point.
pub fn geodesic_line(a: [f64; 2], b: [f64; 2], max_segment_m: f64) -> Vec<[f64; 2]> {
    use geographiclib_rs::{DirectGeodesic, InverseGeodesic};
    let (total, azi1, _, _): (f64, f64, f64, f64) = WGS84.inverse(a[1], a[0], b[1], b[0]);
    let segments = (total / max_segment_m).ceil();
    let mut line = vec![a];
    if a != b && segments.is_finite() && segments >= 2.0 {
        let n = segments as u64;
        let frac = 1.0 / segments;
        for i in 1..n {
            let (lat, lon): (f64, f64) = WGS84.direct(a[1], a[0], azi1, total * (frac * i as f64));
            line.push([lon, lat]);
        }
    }
    line.push(b);
    line
}

/// The 16-point compass direction of a bearing.
pub fn compass(bearing: f64) -> &'static str {
    const P: [&str; 16] = [
        "N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSW", "SW", "WSW", "W", "WNW",
        "NW", "NNW",
    ];
    let i = ((bearing.rem_euclid(360.0) / 22.5) + 0.5).floor() as usize % 16;
    P[i]
}

/// Parses "lat,lon" (decimal degrees, optional spaces); None if it is not a coordinate pair.
pub fn parse_lat_lon(s: &str) -> Option<(f64, f64)> {
    let (a, b) = s.split_once(',')?;
    let lat: f64 = a.trim().parse().ok()?;
    let lon: f64 = b.trim().parse().ok()?;
    (lat.is_finite() && lon.is_finite() && lat.abs() <= 90.0 && lon.abs() <= 180.0)
        .then_some((lat, lon))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The line is geo's densified geodesic, point for point (the GeoJSON must not change).
    #[test]
    fn geodesic_line_is_geos_densify() {
        use geo::{Densify, Geodesic, LineString};
        let pairs = [
            ([36.23, 49.99], [30.52, 50.45]),
            ([37.62, 49.19], [37.64, 49.21]),
            ([37.0, 48.0], [37.0, 48.0]),
            ([-74.0, 40.7], [139.7, 35.7]),
            ([179.9, 10.0], [-179.9, 10.0]),
        ];
        for (a, b) in pairs {
            for max in [10_000.0, 1_000.0, 3_333.3] {
                let reference: Vec<[f64; 2]> = LineString::from(vec![(a[0], a[1]), (b[0], b[1])])
                    .densify::<Geodesic>(max)
                    .0
                    .into_iter()
                    .map(|c| [c.x, c.y])
                    .collect();
                assert_eq!(
                    geodesic_line(a, b, max),
                    reference,
                    "{a:?} -> {b:?} every {max} m"
                );
            }
        }
    }

    /// Every comparison the bounds decide agrees with the geodesic, on pairs all over the globe and at
    /// every scale from metres to antipodes.
    #[test]
    fn distance_bounds_hold_everywhere() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 11) as f64 / (1u64 << 53) as f64
        };
        for i in 0..20_000 {
            let a = (next() * 180.0 - 90.0, next() * 360.0 - 180.0);
            let scale = [0.0001, 0.01, 0.3, 3.0, 90.0][i % 5];
            let b = (
                (a.0 + (next() - 0.5) * scale).clamp(-90.0, 90.0),
                a.1 + (next() - 0.5) * scale,
            );
            let d = Separation::between(a, b);
            let exact = distance_km(a, b);
            assert!(
                d.lo <= exact && exact <= d.hi,
                "{a:?} {b:?}: {exact} not in {}..{}",
                d.lo,
                d.hi
            );
            for limit in [exact * 0.995, exact * 1.005, 10.0, 100.0, 1000.0] {
                let fresh = Separation::between(a, b);
                assert_eq!(fresh.at_most(limit), exact <= limit);
                assert_eq!(fresh.below(limit), exact < limit);
                assert_eq!(
                    fresh.in_range(limit * 0.9, limit),
                    (limit * 0.9..=limit).contains(&exact)
                );
            }
        }
    }

    #[test]
    fn kharkiv_kyiv() {
        let d = distance_km((49.98081, 36.25272), (50.45466, 30.5238));
        assert!((d - 412.0).abs() < 3.0, "{d}");
        let b = bearing_deg((49.98081, 36.25272), (50.45466, 30.5238));
        assert_eq!(compass(b), "W", "{b}");
    }

    #[test]
    fn compass_points() {
        assert_eq!(compass(0.0), "N");
        assert_eq!(compass(359.0), "N");
        assert_eq!(compass(135.0), "SE");
        assert_eq!(compass(202.5), "SSW");
    }

    #[test]
    fn lat_lon() {
        assert_eq!(parse_lat_lon("49.2, 37.28"), Some((49.2, 37.28)));
        assert_eq!(parse_lat_lon("91,0"), None);
        assert_eq!(parse_lat_lon("Kyiv"), None);
    }
}
