//! Command-line interface: argument definitions and dispatch.

mod analyze_cmd;
mod batches;
mod explain_cmd;
mod extract_cmd;
mod gazetteer_cmds;
mod layers_cmd;
mod map_cmd;
mod map_outputs;
mod schema_cmd;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
pub use batches::{for_each_batch, for_each_batch_on};
use clap::{Args, Parser, Subcommand};
use placemap::{Gazetteer, GazetteerOptions};

/// Turn news articles into map layers: find every place an article mentions, resolve it whatever the spelling,
/// and extract claimed changes of territorial control and stated distances.
#[derive(Parser, Debug)]
#[command(name = "placemap", version, about, long_about = None)]
pub struct Cli {
    #[command(flatten)]
    pub gaz: GazArgs,
    #[command(subcommand)]
    pub cmd: Command,
}

#[derive(Args, Debug, Clone)]
pub struct GazArgs {
    /// Add a gazetteer file: placemap CSV or a GeoNames dump TSV (cities500.txt, UA.txt, allCountries.txt),
    /// optionally gzip-compressed. Repeatable. Each file is compiled into an index on every run, in
    /// memory: a million rows take about 16 s and 1.4 GB, so prefer a country's dump to allCountries.txt.
    /// An id that the file repeats stops the run (--lenient: the repeat is skipped); a row whose id the
    /// bundled gazetteer or an earlier file has is left out, with a warning.
    #[arg(long = "gazetteer", value_name = "PATH", global = true)]
    pub gazetteer: Vec<PathBuf>,
    /// Use only the --gazetteer files, not the bundled world gazetteer.
    #[arg(long, global = true)]
    pub no_default_gazetteer: bool,
    /// Skip malformed gazetteer rows (counted on stderr) instead of stopping at the first one.
    #[arg(long, global = true)]
    pub lenient: bool,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Turn articles into map layers: places, claimed control changes, links, stated quantities.
    Map(map_cmd::MapArgs),
    /// The first half of `map`, for running it on many machines: one analysis record (JSON) per article,
    /// with everything the map needs from it and nothing that depends on other articles.
    Analyze(analyze_cmd::AnalyzeArgs),
    /// The second half of `map`: build and write the layers from analysis records or partial aggregates
    /// (files, directories, standard input; .gz too), in any order and split in any way.
    Layers(layers_cmd::LayersArgs),
    /// Find every place mention in articles and resolve it: one record per mention.
    Extract(extract_cmd::ExtractArgs),
    /// Show how each sentence was read for claims (places, actors, attributions, cues, events) and the
    /// claims it gave: for checking why a sentence made a claim or none.
    Explain(explain_cmd::ExplainArgs),
    /// Look up a place name (any spelling, Latin or Cyrillic): candidates best first.
    Lookup(gazetteer_cmds::LookupArgs),
    /// Nearest populated places to a position.
    Near(gazetteer_cmds::NearArgs),
    /// Geodesic distance (WGS84), initial bearing and compass direction between two places or positions.
    Distance(gazetteer_cmds::DistanceArgs),
    /// Every map layer's fields and types (the same in every output, whatever the input).
    Schema(schema_cmd::SchemaArgs),
}

/// `--jobs`: 0 (all cores) to 256 worker threads; more is refused by clap with the range in its message
/// (a hundred thousand threads would only exhaust the machine).
pub fn jobs_parser() -> clap::builder::RangedU64ValueParser<usize> {
    clap::builder::RangedU64ValueParser::new().range(0..=256)
}

/// Loads the gazetteer the arguments ask for, reporting skipped rows on stderr.
pub fn load_gazetteer(a: &GazArgs) -> Result<Gazetteer> {
    let opts = GazetteerOptions {
        no_default: a.no_default_gazetteer,
        files: a.gazetteer.clone(),
        lenient: a.lenient,
    };
    let (g, report) = Gazetteer::load(&opts)?;
    for f in &report.files {
        if let Some(first) = f.reused_ids.first() {
            eprintln!(
                "placemap: warning: {}: {} row(s) left out, their ids being entries already (first: \
                 {}); those entries are used as they are (--no-default-gazetteer uses this file's own, \
                 an id of its own such as mine:1 adds a row)",
                f.path.display(),
                f.reused_ids.len(),
                first
            );
        }
        if !f.skipped_bad.is_empty() {
            let first = &f.skipped_bad[0];
            eprintln!(
                "placemap: {}: skipped {} malformed row(s) (first: {})",
                f.path.display(),
                f.skipped_bad.len(),
                first
            );
        }
    }
    Ok(g)
}

/// Refuses an output that is also an input named on the command line (`extract f.jsonl -o f.jsonl` would
/// empty its own input), and returns the outputs' file identities so that directory walks skip them.
pub fn guard_outputs(
    inputs: &[PathBuf],
    outputs: &[placemap::write::output::Target],
) -> Result<Vec<placemap::input::FileId>> {
    for i in inputs.iter().filter(|i| i.as_os_str() != "-") {
        if let Some(o) = outputs.iter().find(|o| o.is_same_file(i)) {
            anyhow::bail!(
                "{}: is also an input ({}); refusing to overwrite it",
                o.display_path().display(),
                i.display()
            );
        }
    }
    Ok(outputs
        .iter()
        .filter_map(|o| match o {
            placemap::write::output::Target::File { real, .. } => placemap::input::file_id(real),
            _ => None,
        })
        .collect())
}

pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.cmd {
        Command::Map(a) => map_cmd::map(&cli.gaz, &a),
        Command::Analyze(a) => analyze_cmd::analyze(&cli.gaz, &a),
        Command::Layers(a) => layers_cmd::layers(&cli.gaz, &a),
        Command::Extract(a) => extract_cmd::extract(&cli.gaz, &a),
        Command::Explain(a) => explain_cmd::explain(&cli.gaz, &a),
        Command::Lookup(a) => gazetteer_cmds::lookup(&cli.gaz, &a),
        Command::Near(a) => gazetteer_cmds::near(&cli.gaz, &a),
        Command::Distance(a) => gazetteer_cmds::distance(&cli.gaz, &a),
        Command::Schema(a) => schema_cmd::schema(&a),
    }
}
