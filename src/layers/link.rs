//! Link features: LineStrings between related places, with the stated and the geodesic distance.

use rayon::prelude::*;
use serde_json::Value;

use super::{from_props, num, opt_str, stable_id, Feature, Geometry, MapOptions};
use crate::analyze::Analysis;
use crate::gazetteer::{EntryRef, Gazetteer};
use crate::geodesy::{bearing_deg, compass, distance_km};
use crate::links::Link;

#[derive(Debug, Clone)]
pub struct LinkAcc {
    pub order: usize,
    pub doc: String,
    pub url: Option<String>,
    pub published: Option<crate::dates::Published>,
    pub from: EntryRef,
    pub to: EntryRef,
    pub from_written: String,
    pub to_written: String,
    pub link: Link,
    pub quote: crate::quote::Quote,
}

pub fn add(out: &mut Vec<LinkAcc>, a: &Analysis, order: usize) {
    for l in &a.links {
        let (fm, tm) = (&a.mentions[l.link.from], &a.mentions[l.link.to]);
        let (Some(from), Some(to)) = (fm.entry, tm.entry) else {
            continue;
        };
        if from == to {
            continue;
        }
        out.push(LinkAcc {
            order,
            doc: a.doc.clone(),
            url: a.meta.url.clone(),
            published: a.published,
            from,
            to,
            from_written: fm.text.clone(),
            to_written: tm.text.clone(),
            link: l.link.clone(),
            quote: l.quote.clone(),
        });
    }
}

/// The longest segment of a link's line: a link is drawn along the geodesic, not as a straight line in
/// longitude/latitude (which a 500 km link would leave by kilometres).
pub const MAX_SEGMENT_M: f64 = 10_000.0;

/// The line from `a` to `b` ([lon, lat]) along the WGS 84 geodesic, with a point at least every
/// [`MAX_SEGMENT_M`].
pub fn geodesic_line(a: [f64; 2], b: [f64; 2]) -> Vec<[f64; 2]> {
    crate::geodesy::geodesic_line(a, b, MAX_SEGMENT_M)
}

fn angle_diff(a: f64, b: f64) -> f64 {
    let d = (a - b).rem_euclid(360.0);
    d.min(360.0 - d)
}

/// The link features, in the order of their documents and sentences (built in parallel on the
/// current thread pool).
pub fn features(g: &Gazetteer, links: &[LinkAcc], opts: &MapOptions) -> Vec<Feature> {
    let mut out: Vec<(usize, usize, Feature)> =
        links.par_iter().map(|l| feature(g, l, opts)).collect();
    out.sort_by(|x, y| (x.0, x.1, &x.2.id).cmp(&(y.0, y.1, &y.2.id)));
    out.dedup_by(|x, y| x.2.id == y.2.id);
    out.into_iter().map(|x| x.2).collect()
}

/// One link's feature, with its document order and sentence start.
fn feature(g: &Gazetteer, l: &LinkAcc, opts: &MapOptions) -> (usize, usize, Feature) {
    let (a, b) = (g.place(l.from), g.place(l.to));
    let km = distance_km((a.lat, a.lon), (b.lat, b.lon));
    let bearing = bearing_deg((a.lat, a.lon), (b.lat, b.lon));
    let stated = l.link.stated.as_ref();
    let id = stable_id(
        "ln",
        &[
            l.url.as_deref().unwrap_or(&l.doc),
            &l.link.sentence.start.to_string(),
            &a.id,
            &b.id,
            l.link.relation.as_str(),
        ],
    );
    let title = format!("{} – {}", a.name, b.name);
    let description = match stated {
        Some(q) => format!(
            "stated {} ({:.1} km), geodesic {:.1} km: {}",
            q.text, q.value_si, km, l.quote
        ),
        None => format!("geodesic {:.1} km: {}", km, l.quote),
    };
    let mut p: Vec<(&'static str, Value)> = vec![
        ("kind", "link".into()),
        ("link_id", id.clone().into()),
        ("doc", l.doc.clone().into()),
        ("relation", l.link.relation.as_str().into()),
        ("from_place_id", a.id.clone().into()),
        ("from_name", l.from_written.clone().into()),
        ("to_place_id", b.id.clone().into()),
        ("to_name", l.to_written.clone().into()),
        (
            "stated_km",
            stated.map_or(Value::Null, |q| num(q.value_si, 3)),
        ),
        ("stated_op", opt_str(stated.map(|q| q.op.as_str()))),
        ("stated_text", opt_str(stated.map(|q| q.text.as_str()))),
        ("stated_direction", opt_str(l.link.direction.as_deref())),
        ("geodesic_km", num(km, 3)),
        ("bearing_deg", num(bearing, 1)),
        ("compass", compass(bearing).into()),
        (
            "discrepancy_km",
            stated.map_or(Value::Null, |q| num(km - q.value_si, 3)),
        ),
        (
            "direction_error_deg",
            l.link
                .direction_deg
                .map_or(Value::Null, |d| num(angle_diff(d, bearing), 1)),
        ),
        ("published_date", opt_str(l.published.map(|p| p.date_iso()))),
        ("source_url", opt_str(l.url.as_deref())),
        ("quote", l.quote.to_string().into()),
        ("title", title.into()),
        ("description", description.into()),
        ("stroke", "#555555".into()),
        ("stroke-width", 2.into()),
    ];
    p.extend(from_props(opts, b.lat, b.lon));
    (
        l.order,
        l.link.sentence.start,
        Feature {
            id,
            geometry: Geometry::Line(geodesic_line([a.lon, a.lat], [b.lon, b.lat])),
            properties: p,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_link_follows_the_geodesic() {
        let (kyiv, kharkiv) = ([30.5238, 50.45466], [36.25475, 49.98177]);
        let line = geodesic_line(kyiv, kharkiv);
        assert_eq!(line.first(), Some(&kyiv));
        assert_eq!(line.last(), Some(&kharkiv));
        assert!(
            line.len() >= 42,
            "412 km in segments of at most 10 km: {}",
            line.len()
        );
        // The geodesic bows north of the straight line in longitude/latitude.
        let mid = line[line.len() / 2];
        let straight =
            kyiv[1] + (kharkiv[1] - kyiv[1]) * (mid[0] - kyiv[0]) / (kharkiv[0] - kyiv[0]);
        assert!(
            mid[1] > straight + 0.03,
            "{mid:?} vs {straight}: about 4 km north"
        );
        let d: f64 = line
            .windows(2)
            .map(|w| distance_km((w[0][1], w[0][0]), (w[1][1], w[1][0])))
            .sum();
        assert!((d - distance_km((kyiv[1], kyiv[0]), (kharkiv[1], kharkiv[0]))).abs() < 0.01);
    }
}
