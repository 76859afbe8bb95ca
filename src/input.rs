//! Reading articles: files, directories (recursive .txt/.md), standard input, or JSON Lines with one article
//! per line. Binary files are skipped with a warning; invalid UTF-8 is kept as bytes (offsets stay exact).

use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, Result};

/// Article metadata (from JSON Lines input).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Meta {
    pub url: Option<String>,
    pub title: Option<String>,
    pub source: Option<String>,
    pub published: Option<String>,
}

/// One article.
#[derive(Debug, Clone)]
pub struct Document {
    /// The input path or the article id.
    pub doc: String,
    pub bytes: Vec<u8>,
    pub meta: Meta,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    Text,
    Jsonl,
}

#[derive(Deserialize)]
struct JsonArticle {
    text: String,
    id: Option<serde_json::Value>,
    #[serde(flatten)]
    meta: Meta,
}

/// Something that went wrong with one input but does not stop the others.
#[derive(Debug, Clone)]
pub struct Warning(pub String);

/// Expands inputs into a list of sources: files in order, directories recursively (sorted), "-" for stdin.
pub fn expand(inputs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in inputs {
        if p.as_os_str() == "-" {
            out.push(p.clone());
            continue;
        }
        let md = std::fs::metadata(p).map_err(|source| Error::Io {
            path: p.clone(),
            source,
        })?;
        if md.is_dir() {
            walk(p, &mut out)?;
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|source| Error::Io {
            path: dir.to_path_buf(),
            source,
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for e in entries {
        if e.is_dir() {
            walk(&e, out)?;
        } else if matches!(
            e.extension().and_then(|x| x.to_str()),
            Some("txt" | "md" | "jsonl")
        ) {
            out.push(e);
        }
    }
    Ok(())
}

fn looks_binary(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(8192)].contains(&0)
}

/// Reads one source into documents (a text file is one document; a JSONL file one per line).
pub fn read_source(
    path: &Path,
    format: InputFormat,
    warnings: &mut Vec<Warning>,
) -> Result<Vec<Document>> {
    let name = path.display().to_string();
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(|source| Error::Io {
                path: path.to_path_buf(),
                source,
            })?;
    } else {
        bytes = std::fs::read(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
    }
    if looks_binary(&bytes) {
        warnings.push(Warning(format!(
            "{name}: looks like a binary file (NUL bytes); skipped"
        )));
        return Ok(Vec::new());
    }
    let is_jsonl = format == InputFormat::Jsonl || path.extension().is_some_and(|e| e == "jsonl");
    if !is_jsonl {
        if std::str::from_utf8(&bytes).is_err() {
            warnings.push(Warning(format!(
                "{name}: invalid UTF-8; the bad bytes are skipped and offsets refer to the original bytes"
            )));
        }
        let doc = if path.as_os_str() == "-" {
            "-".to_string()
        } else {
            name
        };
        return Ok(vec![Document {
            doc,
            bytes,
            meta: Meta::default(),
        }]);
    }
    let mut docs = Vec::new();
    for (n, line) in bytes.split(|b| *b == b'\n').enumerate() {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match serde_json::from_slice::<JsonArticle>(line) {
            Ok(a) => {
                let id = match a.id {
                    Some(serde_json::Value::String(s)) => s,
                    Some(v) if !v.is_null() => v.to_string(),
                    _ => format!("{name}:{}", n + 1),
                };
                docs.push(Document {
                    doc: id,
                    bytes: a.text.into_bytes(),
                    meta: a.meta,
                });
            }
            Err(e) => warnings.push(Warning(format!(
                "{name}:{}: not an article record ({e}); skipped",
                n + 1
            ))),
        }
    }
    Ok(docs)
}
