//! `map`: articles -> map layers (places, claims, links) and stated quantities.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{anyhow, bail, Result};
use clap::{Args, ValueEnum};
use placemap::analyze::{self, Analysis};
use placemap::extract::Extractor;
use placemap::input::{Document, InputFormat};
use placemap::layers::{Aggregator, Feature, FromPlace, Layers, MapOptions};
use placemap::write::{self, Format, Target, Transaction};
use placemap::Gazetteer;
use rayon::prelude::*;

use super::extract_cmd::InFormat;
use super::{load_gazetteer, GazArgs};

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum MapFormat {
    /// GeoJSON FeatureCollection (RFC 7946).
    Geojson,
    /// One GeoJSON Feature per line (.geojsonl, GDAL GeoJSONSeq).
    Geojsonl,
    /// RFC 8142 GeoJSON Text Sequence (RS-prefixed, .geojsons).
    Geojsons,
    /// CSV with lon/lat columns (lines as WKT) for QGIS's delimited-text import.
    Csv,
}

impl From<MapFormat> for Format {
    fn from(f: MapFormat) -> Format {
        match f {
            MapFormat::Geojson => Format::GeoJson,
            MapFormat::Geojsonl => Format::GeoJsonLines,
            MapFormat::Geojsons => Format::GeoJsonSeq,
            MapFormat::Csv => Format::Csv,
        }
    }
}

#[derive(Args, Debug)]
pub struct MapArgs {
    /// Files, directories (recursive .txt/.md/.jsonl), or - for standard input.
    #[arg(value_name = "INPUT", default_value = "-")]
    pub inputs: Vec<PathBuf>,
    /// Output file (- for standard output). The format follows the extension (.geojson, .geojsonl,
    /// .geojsons, .csv) unless --format is given. A file is replaced atomically with its sidecars once the
    /// run succeeds; a device or FIFO is written through (GeoJSON by default, no sidecars).
    #[arg(long, short = 'o', value_name = "PATH", default_value = "-")]
    pub output: PathBuf,
    /// Output format (default: from the extension of -o, else GeoJSON).
    #[arg(long, value_enum)]
    pub format: Option<MapFormat>,
    /// Write one file per layer: <stem>.places.<ext>, <stem>.claims.<ext>, <stem>.links.<ext>.
    #[arg(long)]
    pub split: bool,
    /// Also write the links layer (LineStrings between related places) to <stem>.links.<ext>
    /// (a separate file: one geometry type per file).
    #[arg(long)]
    pub links: bool,
    /// Add the geodesic distance from this place (a name or "lat,lon") to every feature
    /// (from_place, from_km, from_bearing_deg).
    #[arg(long, value_name = "PLACE")]
    pub from: Option<String>,
    /// Input format (files ending in .jsonl are read as JSON Lines either way).
    #[arg(long, value_enum, default_value_t = InFormat::Text)]
    pub input_format: InFormat,
    /// Worker threads (0 = all cores; at most 256).
    #[arg(long, short = 'j', default_value_t = 0, value_parser = super::jobs_parser())]
    pub jobs: usize,
    /// Do not write QGIS .qml styles next to GeoJSON outputs.
    #[arg(long)]
    pub no_style: bool,
    /// Stamp features with this extraction time (ISO-8601, e.g. 2026-11-21T12:00:00Z); by default
    /// `extracted_at` is null so that reruns are byte-identical.
    #[arg(long, value_name = "DATETIME")]
    pub extracted_at: Option<String>,
    /// Layer name written into the collection (default: the output file stem, or "placemap").
    #[arg(long)]
    pub name: Option<String>,
}

fn resolve_from(g: &Gazetteer, s: &str) -> Result<FromPlace> {
    if let Some((lat, lon)) = placemap::geodesy::parse_lat_lon(s) {
        return Ok(FromPlace {
            name: format!("{lat},{lon}"),
            lat,
            lon,
        });
    }
    let c = g
        .resolve(s, &placemap::gazetteer::lookup::LookupOptions::default())
        .ok_or_else(|| anyhow!("--from {s:?}: no place by that name in the gazetteer"))?;
    let p = g.place(c.entry);
    Ok(FromPlace {
        name: p.name,
        lat: p.lat,
        lon: p.lon,
    })
}

/// `<dir>/<stem>.<suffix>.<ext>` for split and sidecar files.
fn sibling(path: &Path, suffix: &str, ext: &str) -> PathBuf {
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

fn analyse_all(
    g: &Gazetteer,
    a: &MapArgs,
    exclude: Vec<placemap::input::FileId>,
    agg: &mut Aggregator,
    stats: &mut Stats,
) -> Result<()> {
    let x = Extractor::new(g);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(a.jobs)
        .build()?;
    let fmt = match a.input_format {
        InFormat::Text => InputFormat::Text,
        InFormat::Jsonl => InputFormat::Jsonl,
    };
    let (_, failed) = super::for_each_batch(&a.inputs, fmt, exclude, |docs: Vec<Document>| {
        let results: Vec<Analysis> =
            pool.install(|| docs.par_iter().map(|d| analyze::analyze(&x, d)).collect());
        for r in &results {
            if let Some(p) = &r.meta.published {
                if r.published.is_none() {
                    eprintln!(
                        "placemap: warning: {}: published {p:?} is not an ISO-8601 date; ignored",
                        r.doc
                    );
                }
            }
            stats.docs += 1;
            stats.mentions += r.mentions.len();
            stats.resolved += r.mentions.iter().filter(|m| m.entry.is_some()).count();
            stats.statements += r.claims.len();
            agg.add(r);
        }
        Ok(())
    })?;
    stats.failed = failed;
    Ok(())
}

#[derive(Default)]
struct Stats {
    docs: usize,
    failed: usize,
    mentions: usize,
    resolved: usize,
    statements: usize,
}

/// A QGIS style for a layer.
type Style = fn() -> String;

/// What one output file holds.
#[derive(Clone, Copy)]
enum Content {
    /// Places and claims together (the default single file).
    Points,
    Places,
    Claims,
    Links,
    Style(Style),
    Quantities,
}

/// One file of the run.
struct Planned {
    target: Target,
    /// The collection name written into the file.
    name: String,
    content: Content,
}

/// Every file a run writes, decided before any input is read (so that no output can also be an input).
/// Sidecars (styles, quantities, split layers) go only beside a regular file, never beside a device,
/// FIFO or standard output.
fn plan(a: &MapArgs, format: Format, base: &str) -> Result<Vec<Planned>> {
    let main = Target::resolve(&a.output)?;
    let files = main.takes_sidecars();
    if !files && (a.split || a.links) {
        bail!(
            "--split and --links write several files; -o must name a regular file (one geometry type per file)"
        );
    }
    let geojson = matches!(
        format,
        Format::GeoJson | Format::GeoJsonLines | Format::GeoJsonSeq
    );
    let style = |s: Style| (files && geojson && !a.no_style).then_some(s);
    let ext = format.extension();
    let mut layers: Vec<(PathBuf, String, Content, Option<Style>)> = Vec::new();
    if a.split {
        for (suffix, content, st) in [
            ("places", Content::Places, write::qml::points as Style),
            ("claims", Content::Claims, write::qml::points),
            ("links", Content::Links, write::qml::lines),
        ] {
            let p = sibling(&a.output, suffix, ext);
            layers.push((p, format!("{base}.{suffix}"), content, style(st)));
        }
    } else {
        let main_style = style(write::qml::points);
        layers.push((
            a.output.clone(),
            base.to_string(),
            Content::Points,
            main_style,
        ));
        if a.links {
            let p = sibling(&a.output, "links", ext);
            layers.push((
                p,
                format!("{base}.links"),
                Content::Links,
                style(write::qml::lines),
            ));
        }
    }
    let mut out = Vec::new();
    for (path, name, content, st) in layers {
        let target = if path == a.output {
            main.clone()
        } else {
            Target::resolve(&path)?
        };
        let qml = path.with_extension("qml");
        out.push(Planned {
            target,
            name: name.clone(),
            content,
        });
        if let Some(st) = st {
            out.push(Planned {
                target: Target::resolve(&qml)?,
                name,
                content: Content::Style(st),
            });
        }
    }
    if files {
        let q = sibling(&a.output, "quantities", "jsonl");
        out.push(Planned {
            target: Target::resolve(&q)?,
            name: format!("{base}.quantities"),
            content: Content::Quantities,
        });
    }
    Ok(out)
}

/// The links count of the summary, saying when they were found but not written.
fn links_note(n: usize, written: bool) -> String {
    let c = count(n, "link", "links");
    if n > 0 && !written {
        format!("{c} (add --links to write them)")
    } else {
        c
    }
}

/// "1 article", "2 articles".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub fn map(gaz: &GazArgs, a: &MapArgs) -> Result<ExitCode> {
    let format: Format = match a.format {
        Some(f) => f.into(),
        None => match Format::from_path(&a.output) {
            Some(f) => f,
            // Standard output, a device or a FIFO: GeoJSON unless told otherwise.
            None if !Target::resolve(&a.output)?.takes_sidecars() => Format::GeoJson,
            None => bail!(
                "{}: unknown output extension; use .geojson, .geojsonl, .geojsons or .csv, or --format",
                a.output.display()
            ),
        },
    };
    let base = a.name.clone().unwrap_or_else(|| {
        a.output
            .file_stem()
            .and_then(|s| s.to_str())
            .filter(|s| *s != "-")
            .unwrap_or("placemap")
            .to_string()
    });
    let files = plan(a, format, &base)?;
    let targets: Vec<Target> = files.iter().map(|f| f.target.clone()).collect();
    let exclude = super::guard_outputs(&a.inputs, &targets)?;
    let g = load_gazetteer(gaz)?;
    let from = a.from.as_deref().map(|s| resolve_from(&g, s)).transpose()?;
    let opts = MapOptions {
        from,
        extracted_at: a.extracted_at.clone(),
    };
    if let Some(t) = &opts.extracted_at {
        if placemap::dates::parse_published(t)
            .and_then(|p| p.at)
            .is_none()
        {
            bail!("--extracted-at {t:?}: not an ISO-8601 date-time");
        }
    }
    let mut stats = Stats::default();
    let mut agg = Aggregator::new(&g);
    analyse_all(&g, a, exclude, &mut agg, &mut stats)?;
    let layers: Layers = agg.finish(&opts);
    let places: Vec<&Feature> = layers.places.iter().collect();
    let claims: Vec<&Feature> = layers.claims.iter().collect();
    let links: Vec<&Feature> = layers.links.iter().collect();
    let points: Vec<&Feature> = places.iter().chain(claims.iter()).copied().collect();
    let no_q: &[Vec<(&'static str, serde_json::Value)>] = &[];
    let mut run = Transaction::new();
    let mut written: Vec<String> = Vec::new();
    for f in &files {
        let (feats, what): (&[&Feature], String) = match f.content {
            Content::Points => (
                &points,
                format!(
                    "{} and {}",
                    count(places.len(), "place", "places"),
                    count(claims.len(), "claim", "claims")
                ),
            ),
            Content::Places => (&places, count(places.len(), "place", "places")),
            Content::Claims => (&claims, count(claims.len(), "claim", "claims")),
            Content::Links => (&links, count(links.len(), "link", "links")),
            Content::Style(st) => {
                run.write(&f.target, |w| w.write_all(st().as_bytes()))?;
                written.push(format!(
                    "{} (QGIS style)",
                    f.target.display_path().display()
                ));
                continue;
            }
            Content::Quantities => {
                run.write(&f.target, |w| {
                    write::geojson::write_quantities(w, &layers.quantities)
                })?;
                written.push(format!(
                    "{} ({})",
                    f.target.display_path().display(),
                    count(layers.quantities.len(), "quantity", "quantities")
                ));
                continue;
            }
        };
        let q = if matches!(f.content, Content::Points) && format == Format::GeoJson {
            &layers.quantities[..]
        } else {
            no_q
        };
        run.write(&f.target, |w| {
            write::write_layer(w, format, &f.name, feats, q)
        })?;
        if f.target != Target::Stdout {
            written.push(format!("{} ({what})", f.target.display_path().display()));
        }
    }
    run.commit()?;
    eprintln!(
        "placemap: {}, {} ({} resolved), {} -> {}, {}, {}, {}{}",
        count(stats.docs, "article", "articles"),
        count(stats.mentions, "mention", "mentions"),
        stats.resolved,
        count(stats.statements, "claim statement", "claim statements"),
        count(layers.claims.len(), "claim feature", "claim features"),
        count(layers.places.len(), "place", "places"),
        links_note(
            layers.links.len(),
            files.iter().any(|f| matches!(f.content, Content::Links))
        ),
        count(layers.quantities.len(), "quantity", "quantities"),
        if written.is_empty() {
            String::new()
        } else {
            format!("; wrote {}", written.join(", "))
        }
    );
    Ok(ExitCode::SUCCESS)
}
