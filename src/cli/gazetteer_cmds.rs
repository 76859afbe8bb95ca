//! `lookup`, `near` and `distance`.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{anyhow, bail, Result};
use clap::Args;
use placemap::gazetteer::{Candidate, LookupOptions};
use placemap::geodesy::{bearing_deg, compass, distance_km, parse_lat_lon};
use placemap::{Gazetteer, Place};
use serde_json::{json, Value};

use super::{load_gazetteer, GazArgs};

#[derive(Args, Debug)]
pub struct LookupArgs {
    /// The name to look up (quote multi-word names): Kupyansk, Kup'yans'k, Ізюм, "Kharkiv region"; "Name,
    /// Region" or "Name, Country" keeps the entries inside it ("Andriivka, Donetsk", "Odessa, Texas").
    pub name: String,
    /// Print a JSON array instead of a table.
    #[arg(long)]
    pub json: bool,
    /// How many candidates to show.
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u16).range(1..=1000))]
    pub limit: u16,
    /// Prefer places in this country (ISO 3166-1 alpha-2 code, e.g. UA).
    #[arg(long, value_name = "CC")]
    pub country: Option<String>,
    /// Also list every known spelling of the best match, grouped by source.
    #[arg(long)]
    pub variants: bool,
    /// Do not fall back to fuzzy matching (small edit distance) when nothing else matches.
    #[arg(long)]
    pub no_fuzzy: bool,
    /// Prefer entries near a place or a position ("Bakhmut", "48.6,38.0"): namesakes nearest first.
    #[arg(long, value_name = "PLACE|LAT,LON", allow_hyphen_values = true)]
    pub near: Option<String>,
}

#[derive(Args, Debug)]
#[command(allow_negative_numbers = true)]
pub struct NearArgs {
    /// Latitude in decimal degrees (-90..90).
    pub lat: f64,
    /// Longitude in decimal degrees (-180..180).
    pub lon: f64,
    /// How many places to show.
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u16).range(1..=10000))]
    pub limit: u16,
    /// Print a JSON array instead of a table.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug)]
#[command(allow_negative_numbers = true)]
pub struct DistanceArgs {
    /// From: a place name or "lat,lon".
    pub a: String,
    /// To: a place name or "lat,lon".
    pub b: String,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
    /// Prefer places in this country when resolving names.
    #[arg(long, value_name = "CC")]
    pub country: Option<String>,
}

fn round(x: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (x * f).round() / f
}

fn place_json(p: &Place) -> Value {
    json!({
        "id": p.id,
        "name": p.name,
        "geonames_name": p.geonames_name,
        "kind": p.kind,
        "feature_code": p.feature_code,
        "country": p.country,
        "admin1": p.admin1,
        "admin2": p.admin2,
        "admin1_code": p.admin1_code,
        "admin2_code": p.admin2_code,
        "population": p.population,
        "lat": round(p.lat, 6),
        "lon": round(p.lon, 6),
    })
}

fn candidate_json(g: &Gazetteer, c: &Candidate) -> Value {
    let mut v = place_json(&g.place(c.entry));
    let o = v.as_object_mut().expect("place_json builds an object");
    o.insert("matched".into(), json!(c.matched));
    o.insert("match".into(), json!(c.match_type.as_str()));
    o.insert("source".into(), json!(c.source.label()));
    o.insert("score".into(), json!(round(c.score, 3)));
    v
}

fn check_country(cc: &Option<String>) -> Result<Option<String>> {
    match cc {
        Some(c) if c.len() == 2 && c.chars().all(|x| x.is_ascii_alphabetic()) => {
            Ok(Some(c.to_ascii_uppercase()))
        }
        Some(c) => bail!("--country takes an ISO 3166-1 alpha-2 code such as UA, not {c:?}"),
        None => Ok(None),
    }
}

fn print_table(out: &mut impl Write, header: &[&str], rows: &[Vec<String>]) -> std::io::Result<()> {
    let mut w: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            w[i] = w[i].max(c.chars().count());
        }
    }
    let line = |cells: Vec<String>| {
        cells
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{c}{}", " ".repeat(w[i].saturating_sub(c.chars().count()))))
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    writeln!(
        out,
        "{}",
        line(header.iter().map(|s| s.to_string()).collect())
    )?;
    for r in rows {
        writeln!(out, "{}", line(r.clone()))?;
    }
    Ok(())
}

pub fn lookup(gaz: &GazArgs, a: &LookupArgs) -> Result<ExitCode> {
    let country = check_country(&a.country)?;
    if a.name.trim().is_empty() {
        bail!("the name to look up is empty");
    }
    let g = load_gazetteer(gaz)?;
    let near = match &a.near {
        Some(s) => Some(position(&g, s).map_err(|e| anyhow!("--near: {e}"))?),
        None => None,
    };
    let opts = LookupOptions {
        limit: a.limit as usize,
        country,
        fuzzy: !a.no_fuzzy,
        near,
    };
    let cands = g.lookup(&a.name, &opts);
    if cands.is_empty() {
        bail!("no place matches {:?}", a.name);
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if a.json {
        let mut arr: Vec<Value> = cands.iter().map(|c| candidate_json(&g, c)).collect();
        if a.variants {
            if let Some(o) = arr[0].as_object_mut() {
                o.insert(
                    "variants".into(),
                    serde_json::to_value(g.variants(cands[0].entry))?,
                );
            }
        }
        writeln!(out, "{}", serde_json::to_string_pretty(&arr)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    let rows: Vec<Vec<String>> = cands
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let p = g.place(c.entry);
            vec![
                (i + 1).to_string(),
                p.name.clone(),
                p.kind.to_string(),
                p.admin1.clone().unwrap_or_default(),
                p.admin2.clone().unwrap_or_default(),
                p.country.clone(),
                p.population.to_string(),
                format!("{:.5},{:.5}", p.lat, p.lon),
                format!("{} ({})", c.matched, c.source.label()),
                p.id.clone(),
            ]
        })
        .collect();
    print_table(
        &mut out,
        &[
            "#",
            "name",
            "kind",
            "admin1",
            "admin2",
            "cc",
            "population",
            "lat,lon",
            "matched",
            "id",
        ],
        &rows,
    )?;
    if a.variants {
        let best = &cands[0];
        writeln!(
            out,
            "\nspellings of {} ({}):",
            g.name(best.entry),
            g.id(best.entry)
        )?;
        for grp in g.variants(best.entry) {
            writeln!(out, "  {}: {}", grp.source, grp.names.join(", "))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn near(gaz: &GazArgs, a: &NearArgs) -> Result<ExitCode> {
    if !(a.lat.is_finite() && a.lon.is_finite() && a.lat.abs() <= 90.0 && a.lon.abs() <= 180.0) {
        bail!(
            "position {} {} is out of range (latitude -90..90, longitude -180..180)",
            a.lat,
            a.lon
        );
    }
    let g = load_gazetteer(gaz)?;
    let found = g.near(a.lat, a.lon, a.limit as usize);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if a.json {
        let arr: Vec<Value> = found
            .iter()
            .map(|(r, km)| {
                let mut v = place_json(&g.place(*r));
                let o = v.as_object_mut().expect("object");
                o.insert("km".into(), json!(round(*km, 3)));
                o.insert("matched".into(), Value::Null);
                o.insert("match".into(), json!("near"));
                v
            })
            .collect();
        writeln!(out, "{}", serde_json::to_string_pretty(&arr)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    let rows: Vec<Vec<String>> = found
        .iter()
        .enumerate()
        .map(|(i, (r, km))| {
            let p = g.place(*r);
            vec![
                (i + 1).to_string(),
                p.name,
                format!("{km:.1}"),
                p.admin1.unwrap_or_default(),
                p.country,
                p.population.to_string(),
                format!("{:.5},{:.5}", p.lat, p.lon),
                p.id,
            ]
        })
        .collect();
    print_table(
        &mut out,
        &[
            "#",
            "name",
            "km",
            "admin1",
            "cc",
            "population",
            "lat,lon",
            "id",
        ],
        &rows,
    )?;
    Ok(ExitCode::SUCCESS)
}

/// A position given as "lat,lon" or as a place name (its best match).
fn position(g: &Gazetteer, s: &str) -> Result<(f64, f64)> {
    let e = endpoint(g, s, &LookupOptions::default())?;
    Ok((e.lat, e.lon))
}

/// A distance endpoint: a named place or a bare position.
struct Endpoint {
    label: String,
    place: Option<Place>,
    lat: f64,
    lon: f64,
}

fn endpoint(g: &Gazetteer, s: &str, opts: &LookupOptions) -> Result<Endpoint> {
    if let Some((lat, lon)) = parse_lat_lon(s) {
        return Ok(Endpoint {
            label: format!("{lat},{lon}"),
            place: None,
            lat,
            lon,
        });
    }
    if s.contains(',') && s.split(',').all(|p| p.trim().parse::<f64>().is_ok()) {
        bail!("{s:?} is not a valid position (latitude -90..90, longitude -180..180)");
    }
    let c = g
        .resolve(s, opts)
        .ok_or_else(|| anyhow!("no place matches {s:?}"))?;
    let p = g.place(c.entry);
    Ok(Endpoint {
        label: p.name.clone(),
        lat: p.lat,
        lon: p.lon,
        place: Some(p),
    })
}

fn endpoint_json(e: &Endpoint) -> Value {
    match &e.place {
        Some(p) => place_json(p),
        None => json!({"id": null, "name": null, "lat": round(e.lat, 6), "lon": round(e.lon, 6)}),
    }
}

pub fn distance(gaz: &GazArgs, a: &DistanceArgs) -> Result<ExitCode> {
    let country = check_country(&a.country)?;
    let g = load_gazetteer(gaz)?;
    let opts = LookupOptions {
        limit: 1,
        country,
        fuzzy: true,
        near: None,
    };
    let from = endpoint(&g, &a.a, &opts)?;
    let to = endpoint(&g, &a.b, &opts)?;
    let km = distance_km((from.lat, from.lon), (to.lat, to.lon));
    let brg = bearing_deg((from.lat, from.lon), (to.lat, to.lon));
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if a.json {
        let v = json!({
            "from": endpoint_json(&from),
            "to": endpoint_json(&to),
            "km": round(km, 3),
            "miles": round(km / 1.609344, 3),
            "bearing_deg": round(brg, 2),
            "compass": compass(brg),
        });
        writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
    } else {
        let desc = |e: &Endpoint| match &e.place {
            Some(p) => format!(
                "{} ({}, {}; {:.5},{:.5})",
                p.name,
                p.admin1.clone().unwrap_or_default(),
                p.country,
                p.lat,
                p.lon
            ),
            None => e.label.clone(),
        };
        writeln!(out, "from {}", desc(&from))?;
        writeln!(out, "to   {}", desc(&to))?;
        writeln!(
            out,
            "{:.1} km ({:.1} mi), initial bearing {:.1}° ({})",
            km,
            km / 1.609344,
            brg,
            compass(brg)
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
