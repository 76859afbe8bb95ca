//! `explain`: how the claim reader understood each sentence it read, and the claims it made.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;
use placemap::doc::Doc;
use placemap::extract::Extractor;
use placemap::input::{Document, InputFormat};

use super::extract_cmd::InFormat;
use super::{load_gazetteer, GazArgs};

#[derive(Args, Debug)]
pub struct ExplainArgs {
    /// Files, directories (recursive .txt/.md/.jsonl), or - for standard input.
    #[arg(value_name = "INPUT", default_value = "-")]
    pub inputs: Vec<PathBuf>,
    /// Input format (files ending in .jsonl are read as JSON Lines either way).
    #[arg(long, value_enum, default_value_t = InFormat::Text)]
    pub input_format: InFormat,
}

pub fn explain(gaz: &GazArgs, a: &ExplainArgs) -> Result<ExitCode> {
    let g = load_gazetteer(gaz)?;
    let x = Extractor::new(&g);
    let fmt = match a.input_format {
        InFormat::Text => InputFormat::Text,
        InFormat::Jsonl => InputFormat::Jsonl,
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    super::for_each_batch(&a.inputs, fmt, Vec::new(), None, |docs: Vec<Document>| {
        for d in &docs {
            let mentions = x.extract(&d.bytes);
            let text = placemap::extract::placeholder_text(&d.bytes);
            let doc = Doc::new(&text, &mentions);
            let (claims, trace) = placemap::claims::explain(&doc, &g);
            writeln!(
                out,
                "== {} ({} sentences read, {} claim statements)",
                d.doc,
                trace.len(),
                claims.len()
            )?;
            for t in &trace {
                writeln!(out, "{t}")?;
            }
            for c in &claims {
                writeln!(
                    out,
                    "claim: {} gained by {} ({}, {}), words {:?}, said by {}",
                    mentions[c.mention].text,
                    c.gaining.as_str(),
                    c.claim_type,
                    c.verification.as_str(),
                    c.cue,
                    c.claimant.as_deref().unwrap_or("the text itself")
                )?;
            }
        }
        Ok(())
    })?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
