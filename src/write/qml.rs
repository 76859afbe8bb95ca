//! QGIS layer styles (.qml): QGIS applies `<name>.qml` next to `<name>.geojson` automatically (and a
//! GeoPackage's `layer_styles`).
//!
//! * Claims: a triangle coloured by the gaining side (UA blue, RU red, other grey) and sized by
//!   verification, as `marker-size` says: large = corroborated or acknowledged (ISW's "assessed"), medium =
//!   claimed, small and hollow = unverified or disputed. Labelled with `title` ("UA gains Izium (Russian
//!   withdrawal)").
//! * Places: a circle coloured by the latest claimed controller (grey: only mentioned). Labelled with
//!   `name`, always shown.
//! * Links: a dashed grey line labelled along the line with `title`.
//! * Quantities: a small diamond labelled with the stated `text`.
//!
//! No feature is a label obstacle: places and claims share a point, and obstacles there would hide both
//! labels. Each layer's legend holds only its own entries.

use crate::layers::schema::LayerKind;
use crate::layers::{COLOR_CONTESTED, COLOR_PLACE, COLOR_RU, COLOR_UA};

fn rgb(hex: &str) -> String {
    let h = hex.trim_start_matches('#');
    let c = |i: usize| u8::from_str_radix(h.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0);
    format!("{},{},{},255", c(0), c(2), c(4))
}

/// One legend entry: a filter, its legend label and its marker.
struct Rule {
    filter: String,
    label: String,
    color: &'static str,
    shape: &'static str,
    size: f64,
    hollow: bool,
}

fn marker(id: usize, r: &Rule) -> String {
    let (fill, outline, width) = if r.hollow {
        ("255,255,255,255".to_string(), rgb(r.color), 0.7)
    } else {
        (rgb(r.color), "35,35,35,255".to_string(), 0.3)
    };
    format!(
        r#"      <symbol type="marker" name="{id}" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="color" value="{fill}"/>
            <Option type="QString" name="name" value="{}"/>
            <Option type="QString" name="size" value="{}"/>
            <Option type="QString" name="size_unit" value="MM"/>
            <Option type="QString" name="outline_color" value="{outline}"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="{width}"/>
          </Option>
        </layer>
      </symbol>
"#,
        r.shape, r.size
    )
}

fn xml_attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn head() -> String {
    "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n<qgis version=\"3.22.16-Białowieża\" styleCategories=\"Symbology|Labeling\" labelsEnabled=\"1\">\n".to_string()
}

/// Label settings: the field, the placement (6: cartographic positions around a point; 2: along a line),
/// never an obstacle; `show_all` places the label even where it collides.
fn label_settings(field: &str, placement: &str, show_all: bool, size: f64, italic: bool) -> String {
    let flags = if placement == "2" {
        " placementFlags=\"10\" repeatDistance=\"0\""
    } else {
        ""
    };
    format!(
        r#"      <settings calloutType="simple">
        <text-style fieldName="{field}" isExpression="0" fontSize="{size}" fontSizeUnit="Point" fontItalic="{}" textColor="20,20,20,255" textOpacity="1">
          <text-buffer bufferDraw="1" bufferSize="0.7" bufferSizeUnits="MM" bufferColor="255,255,255,255" bufferOpacity="0.8"/>
        </text-style>
        <placement placement="{placement}" dist="1.2" distUnits="MM"{flags}/>
        <rendering scaleVisibility="0" obstacle="0" displayAll="{}" upsidedownLabels="0"/>
      </settings>
"#,
        u8::from(italic),
        u8::from(show_all)
    )
}

/// Rule-based labels: (filter, description, settings).
fn labeling(rules: &[(&str, &str, String)]) -> String {
    let mut s = String::from("  <labeling type=\"rule-based\">\n    <rules key=\"labels-root\">\n");
    for (i, (filter, description, settings)) in rules.iter().enumerate() {
        s.push_str(&format!(
            "    <rule key=\"label-{i}\" filter=\"{}\" description=\"{}\">\n{settings}    </rule>\n",
            xml_attr(filter),
            xml_attr(description)
        ));
    }
    s.push_str("    </rules>\n  </labeling>\n");
    s
}

fn rule(filter: String, label: &str, color: &'static str, shape: &'static str, size: f64) -> Rule {
    Rule {
        filter,
        label: label.to_string(),
        color,
        shape,
        size,
        hollow: false,
    }
}

const CLAIM: &str = "\"kind\" = 'claim'";
const PLACE: &str = "\"kind\" = 'place'";

fn claim_rules() -> Vec<Rule> {
    let mut out = Vec::new();
    for (side, name, color) in [("UA", "UA gains", COLOR_UA), ("RU", "RU gains", COLOR_RU)] {
        let on =
            |v: &str| format!("{CLAIM} AND \"gaining_side\" = '{side}' AND \"verification\" {v}");
        out.push(rule(
            on("IN ('corroborated', 'acknowledged')"),
            &format!("{name}: assessed (corroborated or acknowledged)"),
            color,
            "triangle",
            5.0,
        ));
        out.push(rule(
            on("= 'claimed'"),
            &format!("{name}: claimed"),
            color,
            "triangle",
            4.0,
        ));
        let mut doubted = rule(
            on("IN ('unverified', 'disputed')"),
            &format!("{name}: unverified or disputed"),
            color,
            "triangle",
            3.5,
        );
        doubted.hollow = true;
        out.push(doubted);
    }
    out.push(rule(
        format!("{CLAIM} AND \"gaining_side\" NOT IN ('UA', 'RU')"),
        "Gains of another side",
        COLOR_CONTESTED,
        "triangle",
        4.0,
    ));
    out
}

fn place_rules() -> Vec<Rule> {
    let c = |v: &str| format!("{PLACE} AND \"controller\" {v}");
    vec![
        rule(
            c("= 'UA'"),
            "Place: latest claims UA",
            COLOR_UA,
            "circle",
            3.0,
        ),
        rule(
            c("= 'RU'"),
            "Place: latest claims RU",
            COLOR_RU,
            "circle",
            3.0,
        ),
        rule(
            c("= 'contested'"),
            "Place: contested",
            COLOR_CONTESTED,
            "circle",
            3.0,
        ),
        rule(
            c("IS NULL"),
            "Place: mentioned, no claims",
            COLOR_PLACE,
            "circle",
            2.0,
        ),
    ]
}

fn rule_renderer(rules: &[Rule]) -> String {
    let mut s = String::from("  <renderer-v2 type=\"RuleRenderer\" symbollevels=\"0\" forceraster=\"0\" enableorderby=\"0\">\n    <rules key=\"root\">\n");
    for (i, r) in rules.iter().enumerate() {
        s.push_str(&format!(
            "      <rule key=\"r{i}\" filter=\"{}\" label=\"{}\" symbol=\"{i}\"/>\n",
            xml_attr(&r.filter),
            xml_attr(&r.label)
        ));
    }
    s.push_str("    </rules>\n    <symbols>\n");
    for (i, r) in rules.iter().enumerate() {
        s.push_str(&marker(i, r));
    }
    s.push_str("    </symbols>\n  </renderer-v2>\n");
    s
}

fn place_label() -> (&'static str, &'static str, String) {
    (
        PLACE,
        "Places",
        label_settings("name", "6", true, 8.5, false),
    )
}

fn claim_label() -> (&'static str, &'static str, String) {
    (
        CLAIM,
        "Claims",
        label_settings("title", "6", false, 7.5, true),
    )
}

const LINE_RENDERER: &str = r#"  <renderer-v2 type="singleSymbol" symbollevels="0" forceraster="0" enableorderby="0">
    <symbols>
      <symbol type="line" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="line_color" value="85,85,85,255"/>
            <Option type="QString" name="line_style" value="dash"/>
            <Option type="QString" name="line_width" value="0.6"/>
            <Option type="QString" name="line_width_unit" value="MM"/>
          </Option>
        </layer>
      </symbol>
    </symbols>
  </renderer-v2>
"#;

/// The style of a layer.
pub fn style(kind: LayerKind) -> String {
    let mut s = head();
    match kind {
        LayerKind::Points => {
            let rules: Vec<Rule> = place_rules().into_iter().chain(claim_rules()).collect();
            s.push_str(&rule_renderer(&rules));
            s.push_str(&labeling(&[place_label(), claim_label()]));
        }
        LayerKind::Places => {
            s.push_str(&rule_renderer(&place_rules()));
            s.push_str(&labeling(&[place_label()]));
        }
        LayerKind::Claims => {
            s.push_str(&rule_renderer(&claim_rules()));
            s.push_str(&labeling(&[claim_label()]));
        }
        LayerKind::Links => {
            s.push_str(LINE_RENDERER);
            let line = label_settings("title", "2", false, 7.0, false);
            s.push_str(&labeling(&[("TRUE", "Links", line)]));
        }
        LayerKind::Quantities => {
            let r = rule("TRUE".into(), "Stated quantity", "#8c564b", "diamond", 2.5);
            s.push_str(&rule_renderer(&[r]));
            let text = label_settings("text", "6", false, 7.0, false);
            s.push_str(&labeling(&[("TRUE", "Quantities", text)]));
        }
    }
    s.push_str("</qgis>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [LayerKind; 5] = [
        LayerKind::Points,
        LayerKind::Places,
        LayerKind::Claims,
        LayerKind::Links,
        LayerKind::Quantities,
    ];

    /// Parses a style (it has a DOCTYPE) or fails the test.
    fn parse(s: &str) -> roxmltree::Document<'_> {
        let opts = roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        };
        roxmltree::Document::parse_with_options(s, opts).expect("the style is well-formed XML")
    }

    fn legend(doc: &roxmltree::Document) -> Vec<String> {
        doc.descendants()
            .filter(|n| n.has_tag_name("rule") && n.attribute("symbol").is_some())
            .filter_map(|n| n.attribute("label").map(str::to_string))
            .collect()
    }

    /// (filter, field, placement, displayAll, obstacle) of each labelling rule.
    fn labels(doc: &roxmltree::Document) -> Vec<(String, String, String, String, String)> {
        let attr = |n: roxmltree::Node, tag: &str, a: &str| {
            n.descendants()
                .find(|d| d.has_tag_name(tag))
                .and_then(|d| d.attribute(a))
                .unwrap_or("")
                .to_string()
        };
        doc.descendants()
            .filter(|n| n.has_tag_name("labeling"))
            .flat_map(|l| l.descendants().filter(|n| n.has_tag_name("rule")))
            .map(|r| {
                (
                    r.attribute("filter").unwrap_or("").to_string(),
                    attr(r, "text-style", "fieldName"),
                    attr(r, "placement", "placement"),
                    attr(r, "rendering", "displayAll"),
                    attr(r, "rendering", "obstacle"),
                )
            })
            .collect()
    }

    #[test]
    fn every_style_parses_enables_labels_and_has_no_obstacles() {
        for k in ALL {
            let s = style(k);
            let doc = parse(&s);
            assert_eq!(
                doc.root_element().attribute("labelsEnabled"),
                Some("1"),
                "{k:?}"
            );
            let ls = labels(&doc);
            assert!(!ls.is_empty(), "{k:?} labels something");
            assert!(ls.iter().all(|l| l.4 == "0"), "{k:?}: no label obstacles");
            let symbols = doc
                .descendants()
                .filter(|n| n.has_tag_name("symbol"))
                .count();
            assert_eq!(
                symbols,
                legend(&doc).len().max(1),
                "{k:?}: a symbol per rule"
            );
        }
    }

    #[test]
    fn stacked_places_and_claims_are_both_labelled() {
        let s = style(LayerKind::Points);
        let doc = parse(&s);
        let ls = labels(&doc);
        let place = ls
            .iter()
            .find(|l| l.0 == PLACE)
            .expect("a place label rule");
        assert_eq!(
            (place.1.as_str(), place.3.as_str()),
            ("name", "1"),
            "place names always shown"
        );
        let claim = ls
            .iter()
            .find(|l| l.0 == CLAIM)
            .expect("a claim label rule");
        assert_eq!(claim.1, "title");
        assert_eq!(claim.2, "6", "around the point, beside the place label");
    }

    #[test]
    fn links_are_labelled_along_the_line() {
        let s = style(LayerKind::Links);
        let doc = parse(&s);
        let ls = labels(&doc);
        assert_eq!(ls.len(), 1);
        assert!(
            ["2", "3"].contains(&ls[0].2.as_str()),
            "line placement, not {}",
            ls[0].2
        );
        assert!(doc
            .descendants()
            .any(|n| n.attribute("class") == Some("SimpleLine")));
    }

    #[test]
    fn each_layer_has_its_own_legend() {
        let parse = |k| {
            let s = style(k);
            let doc = parse(&s);
            legend(&doc)
        };
        let (places, claims, points) = (
            parse(LayerKind::Places),
            parse(LayerKind::Claims),
            parse(LayerKind::Points),
        );
        assert!(places.iter().all(|p| !claims.contains(p)));
        assert!(places.iter().all(|p| p.starts_with("Place")));
        assert_eq!(claims.len(), 7);
        assert_eq!(points.len(), places.len() + claims.len());
        assert!(claims.iter().any(|c| c == "UA gains: claimed"));
    }
}
