//! `layers`: analysis records and partial aggregates -> map layers (the aggregating half of `map`).

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{anyhow, bail, Context, Result};
use clap::Args;
use placemap::layers::Aggregator;
use placemap::record::{self, Line};
use placemap::write::{Sink, Target};
use placemap::Gazetteer;
use rayon::prelude::*;

use super::load_gazetteer;
use super::map_cmd::{map_options, plan_outputs, write_layers, OutputArgs};
use super::GazArgs;

#[derive(Args, Debug)]
pub struct LayersArgs {
    /// Analysis records (`placemap analyze` output) or partial aggregates (`layers --partial` output):
    /// files, directories (recursive .jsonl, .ndjson, and those gzipped), or - for standard input.
    /// Gzipped input is recognised by its content.
    #[arg(value_name = "RECORDS", default_value = "-")]
    pub inputs: Vec<PathBuf>,
    /// Write a partial aggregate (JSON Lines) to -o instead of the layers: merge it later with other
    /// partials or records (`placemap layers part-*.jsonl -o map.geojson`) for the same layers as one run.
    #[arg(long, conflicts_with_all = ["format", "split", "links", "from", "html", "tiles", "no_style", "extracted_at", "name"])]
    pub partial: bool,
    /// Worker threads for reading records (0 = all cores; at most 256).
    #[arg(long, short = 'j', default_value_t = 0, value_parser = super::jobs_parser())]
    pub jobs: usize,
    #[command(flatten)]
    pub out: OutputArgs,
}

/// The record files of the inputs: files as given, directories walked (sorted) for .jsonl, .ndjson and
/// their .gz.
fn record_files(inputs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let wanted = |p: &Path| {
        let n = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let n = n.strip_suffix(".gz").unwrap_or(n);
        n.ends_with(".jsonl") || n.ends_with(".ndjson")
    };
    let mut out = Vec::new();
    for i in inputs {
        if i.is_dir() {
            for e in walkdir::WalkDir::new(i).sort_by_file_name() {
                let e = e.with_context(|| format!("{}", i.display()))?;
                if e.file_type().is_file() && wanted(e.path()) {
                    out.push(e.path().to_path_buf());
                }
            }
        } else {
            out.push(i.clone());
        }
    }
    if out.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
        bail!("standard input (-) can be read only once");
    }
    Ok(out)
}

/// Opens one input, decompressing gzip (recognised by its magic bytes).
fn open(path: &Path) -> Result<Box<dyn BufRead>> {
    let raw: Box<dyn Read> = if path.as_os_str() == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::fs::File::open(path).with_context(|| format!("{}", path.display()))?)
    };
    let mut r = BufReader::with_capacity(1 << 16, raw);
    let gz = r.fill_buf().map(|b| b.starts_with(&[0x1f, 0x8b]))?;
    Ok(if gz {
        Box::new(BufReader::new(flate2::bufread::MultiGzDecoder::new(r)))
    } else {
        Box::new(r)
    })
}

/// Reads every record line of `path` into `agg`, parsing batches of lines on the pool.
fn read_into(
    g: &Gazetteer,
    pool: &rayon::ThreadPool,
    path: &Path,
    agg: &mut Aggregator,
) -> Result<()> {
    const BATCH: usize = 512;
    let name = path.display();
    let mut r = open(path)?;
    let mut line_no = 0usize;
    loop {
        let mut lines: Vec<(usize, Vec<u8>)> = Vec::with_capacity(BATCH);
        while lines.len() < BATCH {
            let mut l = Vec::new();
            if r.read_until(b'\n', &mut l)
                .with_context(|| format!("{name}"))?
                == 0
            {
                break;
            }
            line_no += 1;
            if !l.iter().all(u8::is_ascii_whitespace) {
                lines.push((line_no, l));
            }
        }
        if lines.is_empty() {
            return Ok(());
        }
        let parsed: Vec<_> = pool.install(|| {
            lines
                .par_iter()
                .map(|(n, l)| record::read(g, l).map_err(|e| anyhow!("{name}:{n}: {e}")))
                .collect()
        });
        for p in parsed {
            match p? {
                Line::Record {
                    analysis,
                    counted: false,
                } => agg.add(&analysis),
                Line::Record { analysis, .. } => agg.add_counted(&analysis),
                Line::Partial(head) => agg.merge(head).with_context(|| format!("{name}"))?,
            }
        }
    }
}

pub fn layers(gaz: &GazArgs, a: &LayersArgs) -> Result<ExitCode> {
    let files = record_files(&a.inputs)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(a.jobs)
        .build()?;
    if a.partial {
        let target = Target::resolve(&a.out.output)?;
        super::guard_outputs(&files, std::slice::from_ref(&target))?;
        let g = load_gazetteer(gaz)?;
        let mut agg = Aggregator::new(&g);
        for f in &files {
            read_into(&g, &pool, f, &mut agg)?;
        }
        let mut sink = Sink::open(&target)?;
        agg.write_partial(&mut sink)?;
        sink.commit()?;
        return Ok(ExitCode::SUCCESS);
    }
    let planned = plan_outputs(&a.out, &files)?;
    let g = load_gazetteer(gaz)?;
    // --from and --extracted-at are checked before the records are read.
    map_options(&g, &a.out)?;
    let mut agg = Aggregator::new(&g);
    for f in &files {
        read_into(&g, &pool, f, &mut agg)?;
    }
    pool.install(|| write_layers(&g, &a.out, &planned, agg))?;
    Ok(ExitCode::SUCCESS)
}
