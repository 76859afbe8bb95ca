//! `analyze`: articles -> one analysis record per article (the stateless half of `map`).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Result};
use clap::Args;
use placemap::analyze::{self, Analysis};
use placemap::extract::Extractor;
use placemap::input::{Document, FileId, InputFormat};
use placemap::write::{Sink, Target};
use placemap::Gazetteer;

use super::extract_cmd::InFormat;
use super::{load_gazetteer, GazArgs};

/// The articles a run reads (the same for `map` and `analyze`).
#[derive(Args, Debug)]
pub struct InputArgs {
    /// Files, directories (recursive .txt/.md/.jsonl), or - for standard input.
    #[arg(value_name = "INPUT", default_value = "-")]
    pub inputs: Vec<PathBuf>,
    /// Input format (files ending in .jsonl are read as JSON Lines either way).
    #[arg(long, value_enum, default_value_t = InFormat::Text)]
    pub input_format: InFormat,
    /// Worker threads (0 = all cores; at most 256).
    #[arg(long, short = 'j', default_value_t = 0, value_parser = super::jobs_parser())]
    pub jobs: usize,
    /// The publication date of articles that do not give one (ISO-8601 date or date-time). An article's
    /// own date wins (a JSONL record's `published`, then YAML front matter `published:`), then a date in
    /// its file name (2022-09-11-kharkiv.txt), then this.
    #[arg(long, value_name = "DATE")]
    pub published: Option<String>,
}

#[derive(Args, Debug)]
pub struct AnalyzeArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Write the records to this file instead of standard output (replaced atomically once the run
    /// succeeds; a device or FIFO is written through; an input is never overwritten).
    #[arg(long, short = 'o', value_name = "PATH", default_value = "-")]
    pub output: PathBuf,
}

/// Analyses the inputs batch by batch on `jobs` threads. Each analysis becomes what `finish` makes of it
/// on the worker that made it (a record's line, or the analysis itself), so an analysis that is only
/// rendered is also dropped there and its memory reused by that worker's next article; `each` gets every
/// batch's results in input order.
pub fn analyse_inputs<T: Send>(
    g: &Gazetteer,
    a: &InputArgs,
    exclude: Vec<FileId>,
    finish: impl Fn(Analysis) -> T + Sync,
    mut each: impl FnMut(Vec<T>) -> Result<()>,
) -> Result<()> {
    if let Some(p) = &a.published {
        if placemap::dates::parse_published(p).is_none() {
            bail!("--published {p:?}: not an ISO-8601 date (2022-09-11) or date-time");
        }
    }
    let x = Extractor::new(g);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(a.jobs)
        .build()?;
    let fmt = match a.input_format {
        InFormat::Text => InputFormat::Text,
        InFormat::Jsonl => InputFormat::Jsonl,
    };
    super::for_each_batch_on(
        &pool,
        &a.inputs,
        fmt,
        exclude,
        a.published.as_deref(),
        |d: &Document| {
            let r = analyze::analyze(&x, d);
            let warning = date_warning(&r);
            (finish(r), warning)
        },
        |results: Vec<(T, Option<String>)>| {
            let mut out = Vec::with_capacity(results.len());
            for (t, warning) in results {
                if let Some(w) = warning {
                    eprintln!("placemap: warning: {w}");
                }
                out.push(t);
            }
            each(out)
        },
    )?;
    Ok(())
}

/// The warning for an article whose `published` is no date.
fn date_warning(r: &Analysis) -> Option<String> {
    match (&r.meta.published, &r.published) {
        (Some(p), None) => Some(format!(
            "{}: published {p:?} is not an ISO-8601 date; ignored",
            r.doc
        )),
        _ => None,
    }
}

/// An analysis as its record's JSON line.
fn record_line(g: &Gazetteer, r: &Analysis) -> Vec<u8> {
    // Sized for the record at once (a mention is about 130 bytes of it).
    let parts = r.claims.len() + r.quantities.len() + r.links.len();
    let mut line = Vec::with_capacity(256 + 160 * r.mentions.len() + 768 * parts);
    placemap::record::write(g, r, false, &mut line);
    line
}

pub fn analyze(gaz: &GazArgs, a: &AnalyzeArgs) -> Result<ExitCode> {
    let target = Target::resolve(&a.output)?;
    let exclude = super::guard_outputs(&a.input.inputs, std::slice::from_ref(&target))?;
    let g = load_gazetteer(gaz)?;
    let mut sink = Sink::open(&target)?;
    let render = |r: Analysis| record_line(&g, &r);
    analyse_inputs(&g, &a.input, exclude, render, |batch| {
        for line in batch {
            sink.write_all(&line)?;
        }
        Ok(())
    })?;
    sink.commit()?;
    Ok(ExitCode::SUCCESS)
}
