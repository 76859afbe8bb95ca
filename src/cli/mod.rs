//! Command-line interface: argument definitions and dispatch.

mod analyze_cmd;
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
    /// optionally gzip-compressed. Repeatable.
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

/// Loads the gazetteer the arguments ask for, reporting skipped rows on stderr.
pub fn load_gazetteer(a: &GazArgs) -> Result<Gazetteer> {
    let opts = GazetteerOptions {
        no_default: a.no_default_gazetteer,
        files: a.gazetteer.clone(),
        lenient: a.lenient,
    };
    let (g, report) = Gazetteer::load(&opts)?;
    for f in &report.files {
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

/// Reads the inputs in bounded batches (streaming: memory does not grow with the corpus), hands each
/// batch of documents to `each` in input order, prints per-input warnings, and shows progress on a
/// terminal. An input that cannot be read is reported and skipped; the run fails only when nothing could
/// be processed. `exclude` are this run's outputs (never read as inputs). A text file's front matter and
/// the date in its name complete its metadata, then `published` (`map --published`) dates what is still
/// undated ([`placemap::frontmatter`]). Returns (documents read, inputs that yielded nothing).
pub fn for_each_batch(
    inputs: &[std::path::PathBuf],
    format: placemap::input::InputFormat,
    exclude: Vec<placemap::input::FileId>,
    published: Option<&str>,
    mut each: impl FnMut(Vec<placemap::input::Document>) -> Result<()>,
) -> Result<(usize, usize)> {
    use placemap::input::{self, Warning};
    use std::io::IsTerminal;
    if inputs.iter().filter(|s| s.as_os_str() == "-").count() > 1 {
        anyhow::bail!("standard input (-) can be read only once");
    }
    if inputs.iter().any(|s| s.as_os_str() == "-") && std::io::stdin().is_terminal() {
        eprintln!(
            "placemap: reading an article from the terminal (end it with Ctrl-D); name files or directories to read them instead"
        );
    }
    let bar = std::io::stderr().is_terminal().then(|| {
        let b = indicatif::ProgressBar::new_spinner();
        b.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {pos} files {per_sec}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        b
    });
    let (mut processed, mut failed) = (0usize, 0usize);
    // Batches of up to 64 documents or 16 MB: memory stays bounded whatever the corpus size, and a
    // batch is enough work to keep every thread busy.
    const BATCH_DOCS: usize = 64;
    const BATCH_BYTES: usize = 16 << 20;
    let mut docs: Vec<input::Document> = Vec::new();
    let mut bytes = 0usize;
    let mut warnings = Vec::new();
    let mut flush = |docs: &mut Vec<input::Document>,
                     bytes: &mut usize,
                     warnings: &mut Vec<Warning>|
     -> Result<()> {
        for w in warnings.drain(..) {
            eprintln!("placemap: warning: {}", w.0);
        }
        if !docs.is_empty() {
            processed += docs.len();
            each(std::mem::take(docs))?;
            *bytes = 0;
        }
        Ok(())
    };
    for s in input::Inputs::new(inputs.to_vec(), exclude) {
        let s = match s {
            Ok(s) => s.path,
            Err(w) => {
                failed += 1;
                warnings.push(w);
                continue;
            }
        };
        let mut got = 0usize;
        match input::open_source(&s, format, &mut warnings) {
            Ok(input::Source::Whole(mut d)) => {
                got = d.len();
                bytes += d.iter().map(|d| d.bytes.len()).sum::<usize>();
                for d in &mut d {
                    if let Some(w) = placemap::frontmatter::complete(d, &s, published) {
                        warnings.push(Warning(w));
                    }
                }
                docs.extend(d);
            }
            Ok(input::Source::Lines(mut lines)) => loop {
                match lines.next_article(&mut warnings) {
                    Ok(Some(mut d)) => {
                        if d.meta.published.is_none() {
                            d.meta.published = published.map(str::to_string);
                        }
                        got += 1;
                        bytes += d.bytes.len();
                        docs.push(d);
                        if docs.len() >= BATCH_DOCS || bytes >= BATCH_BYTES {
                            flush(&mut docs, &mut bytes, &mut warnings)?;
                        }
                    }
                    Ok(None) => break,
                    Err(e) => {
                        warnings.push(Warning(e.to_string()));
                        break;
                    }
                }
            },
            Err(e) => warnings.push(Warning(e.to_string())),
        }
        if got == 0 {
            failed += 1;
        }
        if docs.len() >= BATCH_DOCS || bytes >= BATCH_BYTES {
            flush(&mut docs, &mut bytes, &mut warnings)?;
        }
        if let Some(b) = &bar {
            b.inc(1);
        }
    }
    flush(&mut docs, &mut bytes, &mut warnings)?;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    if processed == 0 && failed > 0 {
        anyhow::bail!("no input could be processed");
    }
    if failed > 0 {
        eprintln!("placemap: {failed} input(s) yielded no article (see the warnings above)");
    }
    Ok((processed, failed))
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
