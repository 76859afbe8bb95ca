//! Reading articles: files, directories (recursive .txt/.md/.jsonl), standard input, or JSON Lines with one article
//! per line. Binary files are skipped with a warning; invalid UTF-8 is kept as bytes (offsets stay exact).

use std::io::{BufRead, BufReader, Read};
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

/// An opened source: a text file is one document; a JSON Lines source is read one article at a time, so a
/// multi-gigabyte JSONL file never sits in memory whole.
pub enum Source {
    Whole(Vec<Document>),
    Lines(JsonlArticles),
}

/// The articles of a JSON Lines source, read line by line.
pub struct JsonlArticles {
    name: String,
    reader: Box<dyn BufRead>,
    line_no: usize,
    line: Vec<u8>,
}

impl JsonlArticles {
    /// The next article; malformed lines are skipped with a warning. None at the end of the source.
    pub fn next_article(&mut self, warnings: &mut Vec<Warning>) -> Result<Option<Document>> {
        loop {
            self.line.clear();
            let n = self
                .reader
                .read_until(b'\n', &mut self.line)
                .map_err(|source| Error::Io {
                    path: PathBuf::from(&self.name),
                    source,
                })?;
            if n == 0 {
                return Ok(None);
            }
            self.line_no += 1;
            let line = self.line.strip_suffix(b"\n").unwrap_or(&self.line);
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            match serde_json::from_slice::<JsonArticle>(line) {
                Ok(a) => {
                    let doc = match a.id {
                        Some(serde_json::Value::String(s)) => s,
                        Some(v) if !v.is_null() => v.to_string(),
                        _ => format!("{}:{}", self.name, self.line_no),
                    };
                    return Ok(Some(Document {
                        doc,
                        bytes: a.text.into_bytes(),
                        meta: a.meta,
                    }));
                }
                Err(e) => warnings.push(Warning(format!(
                    "{}:{}: not an article record ({e}); skipped",
                    self.name, self.line_no
                ))),
            }
        }
    }
}

/// Opens one source. Binary files are skipped with a warning (an empty [`Source::Whole`]).
pub fn open_source(
    path: &Path,
    format: InputFormat,
    warnings: &mut Vec<Warning>,
) -> Result<Source> {
    let name = path.display().to_string();
    let io_err = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let is_jsonl = format == InputFormat::Jsonl || path.extension().is_some_and(|e| e == "jsonl");
    let stdin = path.as_os_str() == "-";
    if is_jsonl {
        let mut reader: Box<dyn BufRead> = if stdin {
            Box::new(BufReader::with_capacity(1 << 16, std::io::stdin()))
        } else {
            Box::new(BufReader::with_capacity(
                1 << 16,
                std::fs::File::open(path).map_err(io_err)?,
            ))
        };
        if looks_binary(reader.fill_buf().map_err(io_err)?) {
            warnings.push(Warning(format!(
                "{name}: looks like a binary file (NUL bytes); skipped"
            )));
            return Ok(Source::Whole(Vec::new()));
        }
        return Ok(Source::Lines(JsonlArticles {
            name,
            reader,
            line_no: 0,
            line: Vec::new(),
        }));
    }
    let mut bytes = Vec::new();
    if stdin {
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(io_err)?;
    } else {
        bytes = std::fs::read(path).map_err(io_err)?;
    }
    if looks_binary(&bytes) {
        warnings.push(Warning(format!(
            "{name}: looks like a binary file (NUL bytes); skipped"
        )));
        return Ok(Source::Whole(Vec::new()));
    }
    if std::str::from_utf8(&bytes).is_err() {
        warnings.push(Warning(format!(
            "{name}: invalid UTF-8; the bad bytes are skipped and offsets refer to the original bytes"
        )));
    }
    let doc = if stdin { "-".to_string() } else { name };
    Ok(Source::Whole(vec![Document {
        doc,
        bytes,
        meta: Meta::default(),
    }]))
}

/// Reads one source into documents (a text file is one document; a JSONL file one per line).
pub fn read_source(
    path: &Path,
    format: InputFormat,
    warnings: &mut Vec<Warning>,
) -> Result<Vec<Document>> {
    match open_source(path, format, warnings)? {
        Source::Whole(docs) => Ok(docs),
        Source::Lines(mut lines) => {
            let mut docs = Vec::new();
            while let Some(d) = lines.next_article(warnings)? {
                docs.push(d);
            }
            Ok(docs)
        }
    }
}
