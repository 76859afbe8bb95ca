//! `map`: articles -> map layers (places, claims, links) and stated quantities.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{anyhow, bail, Result};
use clap::{Args, ValueEnum};
use placemap::analyze::{self, Analysis};
use placemap::extract::Extractor;
use placemap::input::{Document, InputFormat};
use placemap::layers::schema::LayerKind;
use placemap::layers::{Aggregator, FromPlace, Layers, MapOptions};
use placemap::write::html::Tiles;
use placemap::write::{Format, Target};
use placemap::Gazetteer;
use rayon::prelude::*;

use super::extract_cmd::InFormat;
use super::map_outputs::{count, plan, write_all, Built, Content, Request};
use super::{load_gazetteer, GazArgs};

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum MapFormat {
    /// GeoJSON FeatureCollection (RFC 7946).
    Geojson,
    /// One GeoJSON Feature per line (.geojsonl, GDAL GeoJSONSeq).
    Geojsonl,
    /// RFC 8142 GeoJSON Text Sequence (RS-prefixed, .geojsons).
    Geojsons,
    /// CSV with lon/lat columns (lines as WKT) for QGIS's delimited-text import, .csvt and .prj beside.
    Csv,
    /// GeoPackage: one table per layer (places, claims, links, quantities), QGIS styles inside.
    Gpkg,
    /// One self-contained web map page (Leaflet) with every layer inline.
    Html,
}

impl From<MapFormat> for Format {
    fn from(f: MapFormat) -> Format {
        match f {
            MapFormat::Geojson => Format::GeoJson,
            MapFormat::Geojsonl => Format::GeoJsonLines,
            MapFormat::Geojsons => Format::GeoJsonSeq,
            MapFormat::Csv => Format::Csv,
            MapFormat::Gpkg => Format::GeoPackage,
            MapFormat::Html => Format::Html,
        }
    }
}

#[derive(Args, Debug)]
pub struct MapArgs {
    /// Files, directories (recursive .txt/.md/.jsonl), or - for standard input.
    #[arg(value_name = "INPUT", default_value = "-")]
    pub inputs: Vec<PathBuf>,
    /// Output file (- for standard output). The format follows the extension (.geojson, .geojsonl,
    /// .geojsons, .csv, .gpkg, .html) unless --format is given. A file is replaced atomically with its sidecars once the
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
    /// Also write the web map page <stem>.html beside the output.
    #[arg(long)]
    pub html: bool,
    /// A basemap for the web map: an XYZ tile URL template (https://tile.example.org/{z}/{x}/{y}.png).
    /// Without it the page needs no network at all.
    #[arg(long, value_name = "URL")]
    pub tiles: Option<String>,
    /// The attribution the tile provider asks for (shown on the web map).
    #[arg(long, value_name = "TEXT", requires = "tiles")]
    pub tiles_attribution: Option<String>,
    /// Do not write QGIS .qml styles next to the layer files.
    #[arg(long)]
    pub no_style: bool,
    /// Stamp features with this extraction time (ISO-8601, e.g. 2026-11-21T12:00:00Z); by default
    /// `extracted_at` is null so that reruns are byte-identical.
    #[arg(long, value_name = "DATETIME")]
    pub extracted_at: Option<String>,
    /// The publication date of articles that do not give one (ISO-8601 date or date-time). An article's
    /// own date wins (a JSONL record's `published`, then YAML front matter `published:`), then a date in
    /// its file name (2022-09-11-kharkiv.txt), then this.
    #[arg(long, value_name = "DATE")]
    pub published: Option<String>,
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
    let (_, failed) = super::for_each_batch(
        &a.inputs,
        fmt,
        exclude,
        a.published.as_deref(),
        |docs: Vec<Document>| {
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
        },
    )?;
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

/// The links count of the summary, saying when they were found but not written.
fn links_note(n: usize, written: bool) -> String {
    let c = count(n, "link", "links");
    if n > 0 && !written {
        format!("{c} (add --links to write them)")
    } else {
        c
    }
}

/// The output format: --format, else the extension of -o (GeoJSON on a stream).
fn output_format(a: &MapArgs) -> Result<Format> {
    Ok(match a.format {
        Some(f) => f.into(),
        None => match Format::from_path(&a.output) {
            Some(f) => f,
            // Standard output, a device or a FIFO: GeoJSON unless told otherwise.
            None if !Target::resolve(&a.output)?.takes_sidecars() => Format::GeoJson,
            None => bail!(
                "{}: unknown output extension; use .geojson, .geojsonl, .geojsons, .csv, .gpkg or .html, or --format",
                a.output.display()
            ),
        },
    })
}

fn map_options(g: &Gazetteer, a: &MapArgs) -> Result<MapOptions> {
    let from = a.from.as_deref().map(|s| resolve_from(g, s)).transpose()?;
    if let Some(p) = &a.published {
        if placemap::dates::parse_published(p).is_none() {
            bail!("--published {p:?}: not an ISO-8601 date (2022-09-11) or date-time");
        }
    }
    if let Some(t) = &a.extracted_at {
        if placemap::dates::parse_published(t)
            .and_then(|p| p.at)
            .is_none()
        {
            bail!("--extracted-at {t:?}: not an ISO-8601 date-time");
        }
    }
    Ok(MapOptions {
        from,
        extracted_at: a.extracted_at.clone(),
    })
}

/// The layer name: --name, else the output file's stem, else "placemap".
fn base_name(a: &MapArgs) -> String {
    a.name.clone().unwrap_or_else(|| {
        a.output
            .file_stem()
            .and_then(|s| s.to_str())
            .filter(|s| *s != "-")
            .unwrap_or("placemap")
            .to_string()
    })
}

/// The run's one summary line on stderr.
fn summary(stats: &Stats, layers: &Layers, links_written: bool, wrote: &str) {
    eprintln!(
        "placemap: {}, {} ({} resolved), {} -> {}, {}, {}, {}{}",
        count(stats.docs, "article", "articles"),
        count(stats.mentions, "mention", "mentions"),
        stats.resolved,
        count(stats.statements, "claim statement", "claim statements"),
        count(layers.claims.len(), "claim feature", "claim features"),
        count(layers.places.len(), "place", "places"),
        links_note(layers.links.len(), links_written),
        count(layers.quantities.len(), "quantity", "quantities"),
        if wrote.is_empty() {
            String::new()
        } else {
            format!("; wrote {wrote}")
        }
    );
}

pub fn map(gaz: &GazArgs, a: &MapArgs) -> Result<ExitCode> {
    let format = output_format(a)?;
    let base = base_name(a);
    let request = Request {
        output: &a.output,
        format,
        base: &base,
        split: a.split,
        links: a.links,
        no_style: a.no_style,
        html: a.html,
    };
    let files = plan(&request)?;
    let targets: Vec<Target> = files.iter().map(|f| f.target.clone()).collect();
    let exclude = super::guard_outputs(&a.inputs, &targets)?;
    let g = load_gazetteer(gaz)?;
    let opts = map_options(&g, a)?;
    let mut stats = Stats::default();
    let mut agg = Aggregator::new(&g);
    analyse_all(&g, a, exclude, &mut agg, &mut stats)?;
    let layers: Layers = agg.finish(&opts);
    let quantities = layers.quantity_features(&opts);
    let tiles = a.tiles.as_ref().map(|url| Tiles {
        url: url.clone(),
        attribution: a.tiles_attribution.clone(),
    });
    let mut built = Built::new(&layers, &quantities, &opts);
    built.tiles = tiles.as_ref();
    let wrote = write_all(&files, format, &built, &opts)?;
    let links_written = matches!(format, Format::GeoPackage | Format::Html)
        || files
            .iter()
            .any(|f| f.content == Content::Layer(LayerKind::Links));
    summary(&stats, &layers, links_written, &wrote);
    Ok(ExitCode::SUCCESS)
}
