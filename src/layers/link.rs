//! Link features: LineStrings between related places, with the stated and the geodesic distance.

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

pub fn add(g: &Gazetteer, out: &mut Vec<LinkAcc>, a: &Analysis, order: usize) {
    let _ = g;
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

fn angle_diff(a: f64, b: f64) -> f64 {
    let d = (a - b).rem_euclid(360.0);
    d.min(360.0 - d)
}

pub fn features(g: &Gazetteer, links: &[LinkAcc], opts: &MapOptions) -> Vec<Feature> {
    let mut out = Vec::new();
    for l in links {
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
        out.push((
            l.order,
            l.link.sentence.start,
            Feature {
                id,
                geometry: Geometry::Line(vec![[a.lon, a.lat], [b.lon, b.lat]]),
                properties: p,
            },
        ));
    }
    out.sort_by(|x, y| (x.0, x.1, &x.2.id).cmp(&(y.0, y.1, &y.2.id)));
    out.dedup_by(|x, y| x.2.id == y.2.id);
    out.into_iter().map(|x| x.2).collect()
}
