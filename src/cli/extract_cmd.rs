//! `extract`: one record per place mention.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use clap::{Args, ValueEnum};
use placemap::extract::{Extractor, Mention};
use placemap::input::{Document, InputFormat};
use placemap::write::{Sink, Target, Transaction};
use placemap::Gazetteer;
use rayon::prelude::*;

use super::{load_gazetteer, GazArgs};

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum OutFormat {
    /// One JSON object per mention (the contract read by eval/score.py).
    Jsonl,
    /// Tab-separated, with a header.
    Tsv,
    /// Human-readable, grouped by document.
    Pretty,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum InFormat {
    /// Each file is one article (directories: .txt and .md files, recursively).
    Text,
    /// One JSON object per line: "text" plus optional "id", "url", "title", "source", "published".
    Jsonl,
}

#[derive(Args, Debug)]
pub struct ExtractArgs {
    /// Files, directories (recursive .txt/.md/.jsonl), or - for standard input.
    #[arg(value_name = "INPUT", default_value = "-")]
    pub inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutFormat::Jsonl)]
    pub format: OutFormat,
    /// Input format (files ending in .jsonl are read as JSON Lines either way).
    #[arg(long, value_enum, default_value_t = InFormat::Text)]
    pub input_format: InFormat,
    /// Worker threads (0 = all cores; at most 256).
    #[arg(long, short = 'j', default_value_t = 0, value_parser = super::jobs_parser())]
    pub jobs: usize,
    /// Write to this file instead of standard output (replaced atomically once the run succeeds; a
    /// device or FIFO is written through; an input is never overwritten).
    #[arg(long, short = 'o', value_name = "PATH")]
    pub output: Option<PathBuf>,
}

fn round(x: f64, p: i32) -> f64 {
    let f = 10f64.powi(p);
    (x * f).round() / f
}

/// The JSON record of one mention (the extract contract).
/// One mention as the JSONL contract writes it (field order is the contract's).
#[derive(serde::Serialize)]
pub struct MentionRecord<'a> {
    doc: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    id: Option<String>,
    name: Option<String>,
    kind: Option<&'static str>,
    lat: Option<f64>,
    lon: Option<f64>,
    country: Option<String>,
    admin1: Option<String>,
    score: f64,
    candidates: usize,
    /// An unresolved name's best candidates (ids), best first.
    alternatives: Vec<&'a str>,
    role: &'static str,
}

pub fn mention_record<'a>(g: &'a Gazetteer, doc: &'a str, m: &'a Mention) -> MentionRecord<'a> {
    let place = m.entry.map(|e| g.place(e));
    MentionRecord {
        doc,
        start: m.start,
        end: m.end,
        text: &m.text,
        id: place.as_ref().map(|p| p.id.clone()),
        name: place.as_ref().map(|p| p.name.clone()),
        kind: m.kind(g),
        lat: place.as_ref().map(|p| round(p.lat, 6)),
        lon: place.as_ref().map(|p| round(p.lon, 6)),
        country: place.as_ref().map(|p| p.country.clone()),
        admin1: place.as_ref().and_then(|p| p.admin1.clone()),
        score: round(m.score, 3),
        candidates: m.candidates,
        alternatives: m.alternatives.iter().map(|e| g.id(*e)).collect(),
        role: m.role.as_str(),
    }
}

fn write_doc(
    out: &mut dyn Write,
    g: &Gazetteer,
    fmt: OutFormat,
    d: &Document,
    ms: &[Mention],
) -> std::io::Result<()> {
    match fmt {
        OutFormat::Jsonl => {
            for m in ms {
                serde_json::to_writer(&mut *out, &mention_record(g, &d.doc, m))?;
                out.write_all(b"\n")?;
            }
        }
        OutFormat::Tsv => {
            for m in ms {
                let p = m.entry.map(|e| g.place(e));
                let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{:.3}\t{}",
                    clean(&d.doc),
                    m.start,
                    m.end,
                    clean(&m.text),
                    p.as_ref().map(|p| p.id.as_str()).unwrap_or(""),
                    p.as_ref().map(|p| clean(&p.name)).unwrap_or_default(),
                    m.kind(g).unwrap_or(""),
                    p.as_ref()
                        .map(|p| format!("{:.6}", p.lat))
                        .unwrap_or_default(),
                    p.as_ref()
                        .map(|p| format!("{:.6}", p.lon))
                        .unwrap_or_default(),
                    p.as_ref().map(|p| p.country.as_str()).unwrap_or(""),
                    m.score,
                    m.role.as_str()
                )?;
            }
        }
        OutFormat::Pretty => {
            writeln!(out, "== {} ({} mentions)", d.doc, ms.len())?;
            for m in ms {
                let what = match m.entry {
                    Some(e) => {
                        let p = g.place(e);
                        format!(
                            "{} [{}] {}{} ({:.4}, {:.4}) score {:.2}",
                            p.name,
                            p.kind,
                            p.admin1.map(|a| format!("{a}, ")).unwrap_or_default(),
                            p.country,
                            p.lat,
                            p.lon,
                            m.score
                        )
                    }
                    None if m.is_non_settlement() => {
                        format!(
                            "not a settlement ({})",
                            m.feature.map_or("", |f| f.as_str())
                        )
                    }
                    None => "unresolved".into(),
                };
                writeln!(
                    out,
                    "  {:>6}-{:<6} {:<24} {} ({})",
                    m.start,
                    m.end,
                    m.text,
                    what,
                    m.role.as_str()
                )?;
            }
        }
    }
    Ok(())
}

pub fn extract(gaz: &GazArgs, a: &ExtractArgs) -> Result<ExitCode> {
    let g = load_gazetteer(gaz)?;
    let x = Extractor::new(&g);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(a.jobs)
        .build()?;
    let target = Target::resolve(a.output.as_deref().unwrap_or(Path::new("-")))?;
    let exclude = super::guard_outputs(&a.inputs, std::slice::from_ref(&target))?;
    let mut sink = Sink::open(&target)?;
    if matches!(a.format, OutFormat::Tsv) {
        writeln!(
            sink,
            "doc\tstart\tend\ttext\tid\tname\tkind\tlat\tlon\tcountry\tscore\trole"
        )?;
    }
    let fmt = match a.input_format {
        InFormat::Text => InputFormat::Text,
        InFormat::Jsonl => InputFormat::Jsonl,
    };
    super::for_each_batch(&a.inputs, fmt, exclude, |docs: Vec<Document>| {
        let results: Vec<Vec<Mention>> =
            pool.install(|| docs.par_iter().map(|d| x.extract(&d.bytes)).collect());
        for (d, ms) in docs.iter().zip(&results) {
            write_doc(&mut sink, &g, a.format, d, ms)?;
        }
        Ok(())
    })?;
    // Only a run that processed something replaces the output.
    let mut run = Transaction::new();
    run.add(sink)?;
    run.commit()?;
    Ok(ExitCode::SUCCESS)
}
