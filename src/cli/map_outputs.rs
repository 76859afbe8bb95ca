//! The files of one `map` run: which layers go to which file, with which sidecars (QGIS styles, CSVT and
//! PRJ beside CSV, the quantity records), and writing them all in one [`Transaction`].

use std::path::{Path, PathBuf};

use anyhow::{bail, Result};
use placemap::layers::schema::LayerKind;
use placemap::layers::{Feature, Layers, MapOptions};
use placemap::write::html::Tiles;
use placemap::write::{self, Format, Layer, Target, Transaction};

/// What one output file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Content {
    Layer(LayerKind),
    Style(LayerKind),
    Csvt(LayerKind),
    Prj,
    /// Every stated quantity, with or without a place, as JSON Lines.
    QuantityRecords,
    /// Every layer in one GeoPackage.
    GeoPackage,
    /// Every layer in one web page.
    Html,
}

/// One file of the run.
pub struct Planned {
    pub target: Target,
    /// The layer name written into the file.
    pub name: String,
    pub content: Content,
}

/// What the user asked for.
pub struct Request<'a> {
    pub output: &'a Path,
    pub format: Format,
    pub base: &'a str,
    pub split: bool,
    pub links: bool,
    pub no_style: bool,
    /// Also write the web map page `<stem>.html`.
    pub html: bool,
}

/// `<dir>/<stem>.<suffix>.<ext>` for split and sidecar files.
pub fn sibling(path: &Path, suffix: &str, ext: &str) -> PathBuf {
    let stem = path
        .file_name()
        .and_then(|n| n.to_str())
        .map(|n| match n.rfind('.') {
            Some(i) if i > 0 => &n[..i],
            _ => n,
        })
        .unwrap_or("map")
        .to_string();
    path.with_file_name(format!("{stem}.{suffix}.{ext}"))
}

/// The layer files of a single-layer format: (path, layer name, kind).
fn layer_files(r: &Request, files: bool) -> Vec<(PathBuf, String, LayerKind)> {
    let ext = r.format.extension();
    let at = |suffix: &str, kind| {
        (
            sibling(r.output, suffix, ext),
            format!("{}.{suffix}", r.base),
            kind,
        )
    };
    let mut out = Vec::new();
    if r.split {
        out.push(at("places", LayerKind::Places));
        out.push(at("claims", LayerKind::Claims));
        out.push(at("links", LayerKind::Links));
    } else {
        out.push((
            r.output.to_path_buf(),
            r.base.to_string(),
            LayerKind::Points,
        ));
        if r.links {
            out.push(at("links", LayerKind::Links));
        }
    }
    if files {
        out.push(at("quantities", LayerKind::Quantities));
    }
    out
}

/// Every file a run writes, decided before any input is read (so that no output can also be an input).
/// Sidecars go only beside a regular file, never beside a device, FIFO or standard output.
pub fn plan(r: &Request) -> Result<Vec<Planned>> {
    let main = Target::resolve(r.output)?;
    let files = main.takes_sidecars();
    if !files && (r.split || r.links) {
        bail!(
            "--split and --links write several files; -o must name a regular file (one geometry type per file)"
        );
    }
    let mut out = Vec::new();
    let mut add = |path: &Path, name: String, content| -> Result<()> {
        let target = if path == r.output {
            main.clone()
        } else {
            Target::resolve(path)?
        };
        out.push(Planned {
            target,
            name,
            content,
        });
        Ok(())
    };
    if r.html && !files {
        bail!("--html writes a page beside the output; -o must name a regular file");
    }
    if r.format == Format::GeoPackage {
        add(r.output, r.base.to_string(), Content::GeoPackage)?;
    } else if r.format == Format::Html {
        add(r.output, r.base.to_string(), Content::Html)?;
    } else {
        for (path, name, kind) in layer_files(r, files) {
            add(&path, name.clone(), Content::Layer(kind))?;
            if files && !r.no_style {
                add(
                    &path.with_extension("qml"),
                    name.clone(),
                    Content::Style(kind),
                )?;
            }
            if files && r.format == Format::Csv {
                add(
                    &path.with_extension("csvt"),
                    name.clone(),
                    Content::Csvt(kind),
                )?;
                add(&path.with_extension("prj"), name, Content::Prj)?;
            }
        }
    }
    if r.html && r.format != Format::Html {
        add(
            &r.output.with_extension("html"),
            r.base.to_string(),
            Content::Html,
        )?;
    }
    if files && r.format != Format::Html {
        let q = sibling(r.output, "quantities", "jsonl");
        add(
            &q,
            format!("{}.quantities", r.base),
            Content::QuantityRecords,
        )?;
    }
    Ok(out)
}

/// The built layers, by kind.
pub struct Built<'a> {
    pub layers: &'a Layers,
    points: Vec<&'a Feature>,
    places: Vec<&'a Feature>,
    claims: Vec<&'a Feature>,
    links: Vec<&'a Feature>,
    quantities: Vec<&'a Feature>,
    from: bool,
    /// The web map's basemap, if any.
    pub tiles: Option<&'a Tiles>,
}

impl<'a> Built<'a> {
    pub fn new(layers: &'a Layers, quantities: &'a [Feature], opts: &MapOptions) -> Built<'a> {
        let places: Vec<&Feature> = layers.places.iter().collect();
        let claims: Vec<&Feature> = layers.claims.iter().collect();
        Built {
            layers,
            points: places.iter().chain(&claims).copied().collect(),
            places,
            claims,
            links: layers.links.iter().collect(),
            quantities: quantities.iter().collect(),
            from: opts.from.is_some(),
            tiles: None,
        }
    }

    pub fn features(&self, kind: LayerKind) -> &[&'a Feature] {
        match kind {
            LayerKind::Points => &self.points,
            LayerKind::Places => &self.places,
            LayerKind::Claims => &self.claims,
            LayerKind::Links => &self.links,
            LayerKind::Quantities => &self.quantities,
        }
    }

    pub fn layer<'n>(&'n self, name: &'n str, kind: LayerKind) -> Layer<'n> {
        Layer::new(name, kind, self.from, self.features(kind))
    }
}

/// "1 article", "2 articles".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// What a layer file holds, for the summary.
fn what(b: &Built, kind: LayerKind) -> String {
    let n = |k| b.features(k).len();
    match kind {
        LayerKind::Points => format!(
            "{} and {}",
            count(n(LayerKind::Places), "place", "places"),
            count(n(LayerKind::Claims), "claim", "claims")
        ),
        LayerKind::Places => count(n(kind), "place", "places"),
        LayerKind::Claims => count(n(kind), "claim", "claims"),
        LayerKind::Links => count(n(kind), "link", "links"),
        LayerKind::Quantities => count(n(kind), "quantity at a place", "quantities at places"),
    }
}

/// The GeoPackage's tables: places, claims, links, quantities, each with its style.
fn geopackage(out: &mut dyn std::io::Write, b: &Built, time: &str) -> std::io::Result<()> {
    let kinds = [
        ("places", LayerKind::Places),
        ("claims", LayerKind::Claims),
        ("links", LayerKind::Links),
        ("quantities", LayerKind::Quantities),
    ];
    let layers: Vec<Layer> = kinds.iter().map(|(n, k)| b.layer(n, *k)).collect();
    let styles: Vec<String> = kinds.iter().map(|(_, k)| write::qml::style(*k)).collect();
    write::gpkg::write(out, &layers, &styles, time)
}

/// The web map page of every layer.
fn html(
    out: &mut dyn std::io::Write,
    b: &Built,
    title: &str,
    tiles: Option<&Tiles>,
) -> std::io::Result<()> {
    let (places, claims) = (
        b.layer("places", LayerKind::Places),
        b.layer("claims", LayerKind::Claims),
    );
    let (links, quantities) = (
        b.layer("links", LayerKind::Links),
        b.layer("quantities", LayerKind::Quantities),
    );
    let page = write::html::Page {
        title,
        places: &places,
        claims: &claims,
        links: &links,
        quantities: &quantities,
        tiles,
    };
    write::html::write(out, &page)
}

/// The GeoPackage's `last_change`: the run's `--extracted-at` (with milliseconds), else a fixed time.
fn gpkg_time(opts: &MapOptions) -> String {
    match opts
        .extracted_at
        .as_deref()
        .and_then(placemap::dates::parse_published)
    {
        Some(p) => {
            p.at.map(|t| t.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string())
                .unwrap_or_else(|| write::gpkg::FIXED_TIME.to_string())
        }
        None => write::gpkg::FIXED_TIME.to_string(),
    }
}

/// What the first `n` of places, claims, links and quantities hold, for the summary.
fn every_layer(b: &Built, n: usize) -> String {
    let kinds = [
        LayerKind::Places,
        LayerKind::Claims,
        LayerKind::Links,
        LayerKind::Quantities,
    ];
    let parts: Vec<String> = kinds.iter().take(n).map(|k| what(b, *k)).collect();
    parts.join(", ")
}

/// What the summary says about a file: what a layer file holds, or which kind of sidecar it is.
enum Said {
    Holds(String),
    Sidecar(&'static str),
}

/// Writes one planned file into the run.
fn write_one(
    run: &mut Transaction,
    f: &Planned,
    format: Format,
    b: &Built,
    opts: &MapOptions,
) -> Result<Said> {
    let t = &f.target;
    let said = match f.content {
        Content::Layer(kind) => {
            let layer = b.layer(&f.name, kind);
            run.write(t, |w| write::write_layer(w, format, &layer))?;
            Said::Holds(what(b, kind))
        }
        Content::Style(kind) => {
            run.write(t, |w| w.write_all(write::qml::style(kind).as_bytes()))?;
            Said::Sidecar("QGIS styles")
        }
        Content::Csvt(kind) => {
            let csvt = write::csv::csvt(&b.layer(&f.name, kind));
            run.write(t, |w| w.write_all(csvt.as_bytes()))?;
            Said::Sidecar("column types")
        }
        Content::Prj => {
            run.write(t, |w| w.write_all(write::csv::PRJ_WGS84.as_bytes()))?;
            Said::Sidecar("WGS 84 .prj")
        }
        Content::QuantityRecords => {
            let q = &b.layers.quantities;
            run.write(t, |w| write::geojson::write_quantities(w, q))?;
            Said::Holds(count(q.len(), "quantity", "quantities"))
        }
        Content::Html => {
            run.write(t, |w| html(w, b, &f.name, b.tiles))?;
            Said::Holds(format!("web map: {}", every_layer(b, 3)))
        }
        Content::GeoPackage => {
            run.write(t, |w| geopackage(w, b, &gpkg_time(opts)))?;
            Said::Holds(format!(
                "{}, QGIS styles in layer_styles",
                every_layer(b, 4)
            ))
        }
    };
    Ok(said)
}

/// Writes every planned file and puts them in place together; returns the summary's "wrote ..." part:
/// each layer file with what it holds, then the sidecars by kind.
pub fn write_all(
    files: &[Planned],
    format: Format,
    b: &Built,
    opts: &MapOptions,
) -> Result<String> {
    let mut run = Transaction::new();
    let mut wrote: Vec<String> = Vec::new();
    let mut sidecars: Vec<(&'static str, Vec<String>)> = Vec::new();
    for f in files {
        let path = f.target.display_path().display().to_string();
        match write_one(&mut run, f, format, b, opts)? {
            Said::Holds(_) if f.target == Target::Stdout => {}
            Said::Holds(said) => wrote.push(format!("{path} ({said})")),
            Said::Sidecar(kind) => match sidecars.iter_mut().find(|(k, _)| *k == kind) {
                Some((_, paths)) => paths.push(path),
                None => sidecars.push((kind, vec![path])),
            },
        }
    }
    run.commit()?;
    for (kind, paths) in sidecars {
        wrote.push(format!("{kind} {}", paths.join(" ")));
    }
    Ok(wrote.join(", "))
}
