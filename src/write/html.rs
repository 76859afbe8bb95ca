//! A self-contained web map page: Leaflet (vendored from npm by `scripts/vendor-leaflet`, embedded here),
//! the page's own script and style, and every layer inline as GeoJSON. It needs no server, no network and
//! no tiles; a tile URL adds a basemap.

use std::io::Write;

use serde_json::{json, Value};

use super::geojson::to_geojson;
use super::Layer;

const TEMPLATE: &str = include_str!("../../assets/map.html");
const LEAFLET_JS: &str = include_str!("../../assets/leaflet/leaflet.js");
const LEAFLET_CSS: &str = include_str!("../../assets/leaflet/leaflet.css");
const MAP_JS: &str = include_str!("../../assets/map.js");
const MAP_CSS: &str = include_str!("../../assets/map.css");

/// A basemap: an XYZ tile URL template (`https://tile.example.org/{z}/{x}/{y}.png`) and its attribution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tiles {
    pub url: String,
    pub attribution: Option<String>,
}

/// The page's layers: places, claims, links, quantities.
pub struct Page<'a> {
    pub title: &'a str,
    pub places: &'a Layer<'a>,
    pub claims: &'a Layer<'a>,
    pub links: &'a Layer<'a>,
    pub quantities: &'a Layer<'a>,
    pub tiles: Option<&'a Tiles>,
}

fn collection(layer: &Layer) -> Value {
    let features: Vec<Value> = layer
        .features
        .iter()
        .map(|f| serde_json::to_value(to_geojson(f, &layer.fields)).unwrap_or(Value::Null))
        .collect();
    json!({"type": "FeatureCollection", "name": layer.name, "features": features})
}

fn html_text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The inline data: JSON in which `<` is written `\u003c`, so that no text (a quote with `</script>`) can
/// end the script element.
fn data(p: &Page) -> String {
    let tiles = p
        .tiles
        .map(|t| json!({"url": t.url, "attribution": t.attribution}));
    let v = json!({
        "name": p.title,
        "places": collection(p.places),
        "claims": collection(p.claims),
        "links": collection(p.links),
        "quantities": collection(p.quantities),
        "tiles": tiles,
    });
    v.to_string().replace('<', "\\u003c")
}

/// Fills `{{KEY}}` placeholders in one pass (a value is never scanned for placeholders).
fn fill(template: &str, value: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(template.len() + LEAFLET_JS.len());
    let mut rest = template;
    while let Some(i) = rest.find("{{") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        match after
            .find("}}")
            .and_then(|j| value(&after[..j]).map(|v| (j, v)))
        {
            Some((j, v)) => {
                out.push_str(&v);
                rest = &after[j + 2..];
            }
            None => {
                out.push_str("{{");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The page as a string.
pub fn page(p: &Page) -> String {
    let data = data(p);
    fill(TEMPLATE, |key| {
        Some(match key {
            "TITLE" => html_text(p.title),
            "GENERATOR" => crate::layers::extractor_name(),
            "LEAFLET_CSS" => LEAFLET_CSS.to_string(),
            "LEAFLET_JS" => LEAFLET_JS.to_string(),
            "MAP_CSS" => MAP_CSS.to_string(),
            "MAP_JS" => MAP_JS.to_string(),
            "DATA" => data.clone(),
            _ => return None,
        })
    })
}

/// Writes the page.
pub fn write(out: &mut dyn Write, p: &Page) -> std::io::Result<()> {
    out.write_all(page(p).as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layers::schema::LayerKind;
    use crate::layers::{Feature, Geometry};

    #[test]
    fn the_page_holds_leaflet_and_the_data_and_no_quote_can_end_its_script() {
        let f = Feature {
            id: "cc_1".into(),
            geometry: Geometry::Point([37.6, 49.7]),
            properties: vec![
                ("kind", "claim".into()),
                ("quote", "He said </script><b>{{DATA}}</b>".into()),
            ],
        };
        let feats = [&f];
        let claims = Layer::new("claims", LayerKind::Claims, false, &feats);
        let empty = |n| Layer::new(n, LayerKind::Places, false, &[]);
        let (places, links, quantities) = (empty("places"), empty("links"), empty("quantities"));
        let tiles = Tiles {
            url: "https://tiles.example.org/{z}/{x}/{y}.png".into(),
            attribution: None,
        };
        let html = page(&Page {
            title: "War <map>",
            places: &places,
            claims: &claims,
            links: &links,
            quantities: &quantities,
            tiles: Some(&tiles),
        });
        assert!(html.contains("Leaflet 1.9.4"));
        assert!(html.contains("<title>War &lt;map&gt;</title>"));
        assert_eq!(
            html.matches("</script>").count(),
            3,
            "leaflet, data, page script"
        );
        assert!(
            html.contains("\\u003c/script>\\u003cb>{{DATA}}"),
            "the quote stays data"
        );
        assert!(html.contains("tiles.example.org/{z}/{x}/{y}.png"));
        assert!(!html.contains("{{MAP_JS}}"));
    }
}
