//! Reading articles: files, directories (recursive .txt/.md/.jsonl), standard input, or JSON Lines with one article
//! per line. Binary files are skipped with a warning; invalid UTF-8 is kept as bytes (offsets stay exact).

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// Article metadata (from JSON Lines input).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
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

/// One file to read, from the command line or found in a directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub path: PathBuf,
    /// Found by walking a directory (not named on the command line).
    pub walked: bool,
}

/// A file's identity (device and inode), to visit each file once and to keep outputs out of the inputs.
pub type FileId = (u64, u64);

/// The identity of the file at `path` (following symlinks), if it exists.
pub fn file_id(path: &Path) -> Option<FileId> {
    std::fs::metadata(path).ok().as_ref().and_then(id_of)
}

#[cfg(unix)]
fn id_of(md: &std::fs::Metadata) -> Option<FileId> {
    use std::os::unix::fs::MetadataExt;
    Some((md.dev(), md.ino()))
}

#[cfg(not(unix))]
fn id_of(_: &std::fs::Metadata) -> Option<FileId> {
    None
}

fn is_article_file(p: &Path) -> bool {
    matches!(
        p.extension().and_then(|x| x.to_str()),
        Some("txt" | "md" | "jsonl")
    )
}

/// The inputs named on the command line, with directories walked lazily (sorted, recursively, following
/// symlinks but visiting each file once and never looping). Walks keep only regular `.txt`/`.md`/`.jsonl`
/// files and skip the files in `exclude` (this run's outputs). A path that cannot be read yields a
/// [`Warning`] and the walk goes on.
pub struct Inputs {
    args: std::vec::IntoIter<PathBuf>,
    walk: Option<walkdir::IntoIter>,
    seen: std::collections::HashSet<FileId>,
    exclude: Vec<FileId>,
}

impl Inputs {
    pub fn new(args: Vec<PathBuf>, exclude: Vec<FileId>) -> Inputs {
        Inputs {
            args: args.into_iter(),
            walk: None,
            seen: Default::default(),
            exclude,
        }
    }

    fn next_walked(&mut self) -> Option<std::result::Result<Input, Warning>> {
        let walk = self.walk.as_mut()?;
        for entry in walk.by_ref() {
            let e = match entry {
                Ok(e) => e,
                Err(err) => {
                    let what = err
                        .path()
                        .map(|p| p.display().to_string())
                        .unwrap_or_default();
                    let why = match err.loop_ancestor() {
                        Some(a) => format!("a symlink loop back to {}", a.display()),
                        None => err
                            .io_error()
                            .map(|e| e.to_string())
                            .unwrap_or_else(|| err.to_string()),
                    };
                    return Some(Err(Warning(format!("{what}: {why}; skipped"))));
                }
            };
            if e.file_type().is_dir() || !is_article_file(e.path()) {
                continue;
            }
            if !e.file_type().is_file() {
                return Some(Err(Warning(format!(
                    "{}: not a regular file; skipped",
                    e.path().display()
                ))));
            }
            let id = e.metadata().ok().as_ref().and_then(id_of);
            if let Some(id) = id {
                if self.exclude.contains(&id) {
                    return Some(Err(Warning(format!(
                        "{}: this run's output; not read as an input",
                        e.path().display()
                    ))));
                }
                if !self.seen.insert(id) {
                    continue;
                }
            }
            return Some(Ok(Input {
                path: e.into_path(),
                walked: true,
            }));
        }
        self.walk = None;
        None
    }
}

impl Iterator for Inputs {
    type Item = std::result::Result<Input, Warning>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(x) = self.next_walked() {
                return Some(x);
            }
            let p = self.args.next()?;
            if p.as_os_str() == "-" {
                return Some(Ok(Input {
                    path: p,
                    walked: false,
                }));
            }
            match std::fs::metadata(&p) {
                Err(e) => return Some(Err(Warning(format!("{}: {e}; skipped", p.display())))),
                Ok(md) if md.is_dir() => {
                    self.walk = Some(
                        walkdir::WalkDir::new(&p)
                            .follow_links(true)
                            .sort_by_file_name()
                            .into_iter(),
                    );
                }
                Ok(md) => {
                    if let Some(id) = id_of(&md) {
                        if !self.seen.insert(id) {
                            return Some(Err(Warning(format!(
                                "{}: named twice; read once",
                                p.display()
                            ))));
                        }
                    }
                    return Some(Ok(Input {
                        path: p,
                        walked: false,
                    }));
                }
            }
        }
    }
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
