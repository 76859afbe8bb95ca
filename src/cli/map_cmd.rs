//! `map`: articles -> map layers (places, claims, links) and stated quantities.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{anyhow, bail, Result};
use clap::{Args, ValueEnum};
use placemap::layers::schema::LayerKind;
use placemap::layers::{Aggregator, Contribution, FromPlace, Layers, MapOptions, Stats};
use placemap::write::html::Tiles;
use placemap::write::{Format, Target};
use placemap::Gazetteer;

use super::analyze_cmd::{analyse_inputs, InputArgs};
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
    /// GeoParquet 1.1 (WKB geometry, `geo` metadata), one file per layer like GeoJSON: <stem>.parquet
    /// (places and claims), <stem>.links.parquet, <stem>.quantities.parquet (DuckDB, Sedona, BigQuery).
    Parquet,
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
            MapFormat::Parquet => Format::GeoParquet,
        }
    }
}

#[derive(Args, Debug)]
pub struct MapArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub out: OutputArgs,
}

/// Where and how the layers are written (the same for `map` and `layers`).
#[derive(Args, Debug)]
pub struct OutputArgs {
    /// Output file (- for standard output). The format follows the extension (.geojson, .geojsonl,
    /// .geojsons, .csv, .gpkg, .html, .parquet) unless --format is given. A file is replaced atomically with its sidecars once the
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
fn output_format(a: &OutputArgs) -> Result<Format> {
    Ok(match a.format {
        Some(f) => f.into(),
        None => match Format::from_path(&a.output) {
            Some(f) => f,
            // Standard output, a device or a FIFO: GeoJSON unless told otherwise.
            None if !Target::resolve(&a.output)?.takes_sidecars() => Format::GeoJson,
            None => bail!(
                "{}: unknown output extension; use .geojson, .geojsonl, .geojsons, .csv, .gpkg, .html or .parquet, or --format",
                a.output.display()
            ),
        },
    })
}

/// The options that change features (checked before any input is read: `map` and `layers` call it first).
pub fn map_options(g: &Gazetteer, a: &OutputArgs) -> Result<MapOptions> {
    let from = a.from.as_deref().map(|s| resolve_from(g, s)).transpose()?;
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
fn base_name(a: &OutputArgs) -> String {
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

/// The output files of a run, planned (and checked against the inputs) before anything is read.
pub struct Outputs {
    format: Format,
    files: Vec<super::map_outputs::Planned>,
    pub exclude: Vec<placemap::input::FileId>,
}

pub fn plan_outputs(a: &OutputArgs, inputs: &[PathBuf]) -> Result<Outputs> {
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
    let exclude = super::guard_outputs(inputs, &targets)?;
    Ok(Outputs {
        format,
        files,
        exclude,
    })
}

/// Builds the layers of `agg` and writes them, with the run's summary line.
pub fn write_layers(g: &Gazetteer, a: &OutputArgs, p: &Outputs, agg: Aggregator) -> Result<()> {
    let opts = map_options(g, a)?;
    let stats = agg.stats();
    let layers: Layers = agg.finish(&opts);
    let quantities = layers.quantity_features(&opts);
    let tiles = a.tiles.as_ref().map(|url| Tiles {
        url: url.clone(),
        attribution: a.tiles_attribution.clone(),
    });
    let mut built = Built::new(&layers, &quantities, &opts);
    built.tiles = tiles.as_ref();
    let wrote = write_all(&p.files, p.format, &built, &opts)?;
    let links_written = matches!(p.format, Format::GeoPackage | Format::Html)
        || p.files
            .iter()
            .any(|f| f.content == Content::Layer(LayerKind::Links));
    summary(&stats, &layers, links_written, &wrote);
    Ok(())
}

pub fn map(gaz: &GazArgs, a: &MapArgs) -> Result<ExitCode> {
    let planned = plan_outputs(&a.out, &a.input.inputs)?;
    let g = load_gazetteer(gaz)?;
    // The options are checked before the articles are read.
    map_options(&g, &a.out)?;
    let mut agg = Aggregator::new(&g);
    let exclude = planned.exclude.clone();
    analyse_inputs(
        &g,
        &a.input,
        exclude,
        |r| Contribution::of(&r),
        |batch| {
            for c in batch {
                agg.absorb(c);
            }
            Ok(())
        },
    )?;
    // The layers' features are built on as many threads as the articles were read with.
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(a.input.jobs)
        .build()?;
    pool.install(|| write_layers(&g, &a.out, &planned, agg))?;
    Ok(ExitCode::SUCCESS)
}
