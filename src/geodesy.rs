//! WGS84 geodesic distance and bearing (geo's Karney implementation, not haversine).

use geo::{Bearing, Distance, Geodesic, Point};

/// Geodesic distance in kilometres between two (lat, lon) positions.
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    Geodesic::distance(Point::new(a.1, a.0), Point::new(b.1, b.0)) / 1000.0
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
