//! QGIS layer styles (.qml): QGIS applies `<name>.qml` next to `<name>.geojson` automatically.
//! Points: a rule-based renderer by `kind` and side (UA blue, RU red, contested grey; claims are
//! triangles, places circles); lines: a grey line. Labels show `title`.

use crate::layers::{COLOR_CONTESTED, COLOR_PLACE, COLOR_RU, COLOR_UA};

fn rgb(hex: &str) -> String {
    let h = hex.trim_start_matches('#');
    let c = |i: usize| u8::from_str_radix(h.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0);
    format!("{},{},{},255", c(0), c(2), c(4))
}

fn marker(id: usize, color: &str, shape: &str, size: f64) -> String {
    format!(
        r#"      <symbol type="marker" name="{id}" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="color" value="{}"/>
            <Option type="QString" name="name" value="{shape}"/>
            <Option type="QString" name="size" value="{size}"/>
            <Option type="QString" name="size_unit" value="MM"/>
            <Option type="QString" name="outline_color" value="35,35,35,255"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.3"/>
          </Option>
        </layer>
      </symbol>
"#,
        rgb(color)
    )
}

fn xml_attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

const HEAD: &str = "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n<qgis version=\"3.22.16-Białowieża\" styleCategories=\"Symbology|Labeling\">\n";

fn labeling() -> &'static str {
    r#"  <labeling type="simple">
    <settings calloutType="simple">
      <text-style fieldName="title" isExpression="0" fontSize="8" fontSizeUnit="Point" textColor="20,20,20,255" textOpacity="1">
        <text-buffer bufferDraw="1" bufferSize="0.7" bufferSizeUnits="MM" bufferColor="255,255,255,255" bufferOpacity="0.8"/>
      </text-style>
      <placement placement="6" dist="1.2" distUnits="MM"/>
      <rendering scaleVisibility="0" obstacle="1"/>
    </settings>
  </labeling>
"#
}

/// The style for Point layers (places and claims).
pub fn points() -> String {
    let rules: [(&str, &str, &str, &str, f64); 7] = [
        (
            "\"kind\" = 'claim' AND \"gaining_side\" = 'UA'",
            "Claim: UA gain",
            COLOR_UA,
            "triangle",
            4.0,
        ),
        (
            "\"kind\" = 'claim' AND \"gaining_side\" = 'RU'",
            "Claim: RU gain",
            COLOR_RU,
            "triangle",
            4.0,
        ),
        (
            "\"kind\" = 'claim' AND \"gaining_side\" NOT IN ('UA', 'RU')",
            "Claim: other",
            COLOR_CONTESTED,
            "triangle",
            4.0,
        ),
        (
            "\"kind\" = 'place' AND \"controller\" = 'UA'",
            "Place: UA claimed control",
            COLOR_UA,
            "circle",
            3.0,
        ),
        (
            "\"kind\" = 'place' AND \"controller\" = 'RU'",
            "Place: RU claimed control",
            COLOR_RU,
            "circle",
            3.0,
        ),
        (
            "\"kind\" = 'place' AND \"controller\" = 'contested'",
            "Place: contested",
            COLOR_CONTESTED,
            "circle",
            3.0,
        ),
        (
            "\"kind\" = 'place' AND \"controller\" IS NULL",
            "Place: mentioned",
            COLOR_PLACE,
            "circle",
            2.0,
        ),
    ];
    let mut s = String::from(HEAD);
    s.push_str("  <renderer-v2 type=\"RuleRenderer\" symbollevels=\"0\" forceraster=\"0\" enableorderby=\"0\">\n    <rules key=\"root\">\n");
    for (i, (filter, label, _, _, _)) in rules.iter().enumerate() {
        s.push_str(&format!(
            "      <rule key=\"r{i}\" filter=\"{}\" label=\"{}\" symbol=\"{i}\"/>\n",
            xml_attr(filter),
            xml_attr(label)
        ));
    }
    s.push_str("    </rules>\n    <symbols>\n");
    for (i, (_, _, color, shape, size)) in rules.iter().enumerate() {
        s.push_str(&marker(i, color, shape, *size));
    }
    s.push_str("    </symbols>\n  </renderer-v2>\n");
    s.push_str(labeling());
    s.push_str("</qgis>\n");
    s
}

/// The style for LineString layers (links).
pub fn lines() -> String {
    let mut s = String::from(HEAD);
    s.push_str(
        r#"  <renderer-v2 type="singleSymbol" symbollevels="0" forceraster="0" enableorderby="0">
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
"#,
    );
    s.push_str(labeling());
    s.push_str("</qgis>\n");
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn styles_are_well_formed_enough() {
        for s in [super::points(), super::lines()] {
            assert!(s.starts_with("<!DOCTYPE qgis"));
            assert_eq!(
                s.matches("<symbol ").count(),
                s.matches("</symbol>").count()
            );
            assert!(s.trim_end().ends_with("</qgis>"));
        }
        assert!(super::points().contains("31,119,180,255"));
    }
}
