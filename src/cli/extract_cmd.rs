//! `extract`: one record per place mention.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use clap::{Args, ValueEnum};
use placemap::extract::{Extractor, Mention};
use placemap::input::{Document, InputFormat};
use placemap::write::{MentionWriter, Sink, Target};
use placemap::Gazetteer;

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

/// One document's records in `fmt`, appended to `out` (on the worker thread that extracted it).
fn render(
    w: &MentionWriter,
    g: &Gazetteer,
    fmt: OutFormat,
    d: &Document,
    ms: &[Mention],
    out: &mut Vec<u8>,
) -> std::io::Result<()> {
    match fmt {
        OutFormat::Jsonl => w.jsonl(&d.doc, ms, out),
        OutFormat::Tsv => w.tsv(&d.doc, ms, out)?,
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
    let w = MentionWriter::new(&g);
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
    super::for_each_batch_on(
        &pool,
        &a.inputs,
        fmt,
        exclude,
        None,
        |d: &Document| {
            let mut out = Vec::new();
            render(&w, &g, a.format, d, &x.extract(&d.bytes), &mut out).map(|_| out)
        },
        |rendered: Vec<std::io::Result<Vec<u8>>>| {
            for r in rendered {
                sink.write_all(&r?)?;
            }
            Ok(())
        },
    )?;
    // Only a run that processed something replaces the output.
    sink.commit()?;
    Ok(ExitCode::SUCCESS)
}
