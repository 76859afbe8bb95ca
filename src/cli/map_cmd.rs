//! `map`: articles -> map layers (places, claims, links) and stated quantities.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{anyhow, bail, Context, Result};
use clap::{Args, ValueEnum};
use placemap::analyze::{self, Analysis};
use placemap::extract::Extractor;
use placemap::input::{Document, InputFormat};
use placemap::layers::{Aggregator, Feature, FromPlace, Layers, MapOptions};
use placemap::write::{self, Format};
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
    /// .geojsons, .csv) unless --format is given.
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
    /// Worker threads (0 = all cores).
    #[arg(long, short = 'j', default_value_t = 0)]
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

fn analyse_all(g: &Gazetteer, a: &MapArgs, agg: &mut Aggregator, stats: &mut Stats) -> Result<()> {
    let x = Extractor::new(g);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(a.jobs)
        .build()?;
    let fmt = match a.input_format {
        InFormat::Text => InputFormat::Text,
        InFormat::Jsonl => InputFormat::Jsonl,
    };
    let (_, failed) = super::for_each_batch(&a.inputs, fmt, |docs: Vec<Document>| {
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

fn write_to(
    path: &Path,
    format: Format,
    name: &str,
    features: &[&Feature],
    quantities: &[Vec<(&'static str, serde_json::Value)>],
    style: Option<String>,
) -> Result<()> {
    if path.as_os_str() == "-" {
        let stdout = std::io::stdout();
        let mut w = std::io::BufWriter::new(stdout.lock());
        write::write_layer(&mut w, format, name, features, quantities)?;
        w.flush()?;
        return Ok(());
    }
    write::atomic_write(path, |w| {
        write::write_layer(w, format, name, features, quantities)
    })?;
    if let Some(style) = style {
        let qml = path.with_extension("qml");
        write::atomic_write(&qml, |w| w.write_all(style.as_bytes()))?;
    }
    Ok(())
}

pub fn map(gaz: &GazArgs, a: &MapArgs) -> Result<ExitCode> {
    let to_stdout = a.output.as_os_str() == "-";
    let format: Format = match a.format {
        Some(f) => f.into(),
        None if to_stdout => Format::GeoJson,
        None => Format::from_path(&a.output).ok_or_else(|| {
            anyhow!(
                "{}: unknown output extension; use .geojson, .geojsonl, .geojsons or .csv, or --format",
                a.output.display()
            )
        })?,
    };
    if to_stdout && (a.split || a.links) {
        bail!("--split and --links write several files; give -o FILE (one geometry type per file)");
    }
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
    analyse_all(&g, a, &mut agg, &mut stats)?;
    let layers: Layers = agg.finish(&opts);
    let base = a.name.clone().unwrap_or_else(|| {
        a.output
            .file_stem()
            .and_then(|s| s.to_str())
            .filter(|s| *s != "-")
            .unwrap_or("placemap")
            .to_string()
    });
    let geojson = matches!(
        format,
        Format::GeoJson | Format::GeoJsonLines | Format::GeoJsonSeq
    );
    let style = |s: fn() -> String| (geojson && !a.no_style).then(s);
    let places: Vec<&Feature> = layers.places.iter().collect();
    let claims: Vec<&Feature> = layers.claims.iter().collect();
    let links: Vec<&Feature> = layers.links.iter().collect();
    let no_q: &[Vec<(&'static str, serde_json::Value)>] = &[];
    let mut written: Vec<String> = Vec::new();
    if a.split {
        let ext = format.extension();
        for (suffix, feats, st) in [
            ("places", &places, style(write::qml::points)),
            ("claims", &claims, style(write::qml::points)),
            ("links", &links, style(write::qml::lines)),
        ] {
            let p = sibling(&a.output, suffix, ext);
            write_to(&p, format, &format!("{base}.{suffix}"), feats, no_q, st)
                .with_context(|| format!("writing {}", p.display()))?;
            written.push(format!("{} ({})", p.display(), feats.len()));
        }
    } else {
        let points: Vec<&Feature> = places.iter().chain(claims.iter()).copied().collect();
        let q = if format == Format::GeoJson {
            &layers.quantities[..]
        } else {
            no_q
        };
        write_to(
            &a.output,
            format,
            &base,
            &points,
            q,
            style(write::qml::points),
        )?;
        if !to_stdout {
            written.push(format!(
                "{} ({} places, {} claims)",
                a.output.display(),
                places.len(),
                claims.len()
            ));
        }
        if a.links {
            let p = sibling(&a.output, "links", format.extension());
            write_to(
                &p,
                format,
                &format!("{base}.links"),
                &links,
                no_q,
                style(write::qml::lines),
            )?;
            written.push(format!("{} ({})", p.display(), links.len()));
        }
    }
    if !to_stdout {
        let qp = sibling(&a.output, "quantities", "jsonl");
        write::atomic_write(&qp, |w| {
            write::geojson::write_quantities(w, &layers.quantities)
        })?;
        written.push(format!("{} ({})", qp.display(), layers.quantities.len()));
    }
    eprintln!(
        "placemap: {} article(s), {} mentions ({} resolved), {} claim statement(s) -> {} claim feature(s), {} place(s), {} link(s), {} quantit(ies){}",
        stats.docs,
        stats.mentions,
        stats.resolved,
        stats.statements,
        layers.claims.len(),
        layers.places.len(),
        layers.links.len(),
        layers.quantities.len(),
        if written.is_empty() { String::new() } else { format!("; wrote {}", written.join(", ")) }
    );
    Ok(ExitCode::SUCCESS)
}
