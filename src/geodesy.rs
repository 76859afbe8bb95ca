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
