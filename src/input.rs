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
    /// As written: a numeric id keeps all its digits (`12345678901234567890123` is no float).
    id: Option<Box<serde_json::value::RawValue>>,
    url: Option<String>,
    title: Option<String>,
    source: Option<String>,
    published: Option<String>,
}

/// A record's id as text: a string's value, a number's digits as written, other JSON compact.
fn id_text(raw: &serde_json::value::RawValue) -> Option<String> {
    let v: serde_json::Value = serde_json::from_str(raw.get()).ok()?;
    match v {
        serde_json::Value::Null => None,
        // An empty id names nothing: the record is named by its file and line instead.
        serde_json::Value::String(s) if s.trim().is_empty() => None,
        serde_json::Value::String(s) => Some(s),
        serde_json::Value::Number(_) => Some(raw.get().trim().to_string()),
        v => Some(v.to_string()),
    }
}

/// The largest document read, in bytes (4 GiB: mention offsets are kept exact far beyond, but one
/// document that size is a corpus that wants splitting into articles). A larger file or JSON Lines record
/// is skipped with a warning. `PLACEMAP_MAX_DOCUMENT_BYTES` sets a lower limit (for tests).
pub const MAX_DOCUMENT_BYTES: u64 = 4 << 30;

/// The limit in force: [`MAX_DOCUMENT_BYTES`] or the lower one the environment sets.
pub fn document_limit() -> u64 {
    static LIMIT: std::sync::LazyLock<u64> = std::sync::LazyLock::new(|| {
        std::env::var("PLACEMAP_MAX_DOCUMENT_BYTES")
            .ok()
            .and_then(|v| v.trim().parse::<u64>().ok())
            .map_or(MAX_DOCUMENT_BYTES, |v| v.min(MAX_DOCUMENT_BYTES))
    });
    *LIMIT
}

fn too_long(what: &str) -> Warning {
    Warning(format!(
        "{what}: one document of more than {} bytes, the most placemap reads as one; skipped (split it \
         into articles: several files, or one JSON Lines record each)",
        document_limit()
    ))
}

/// Reads one line into `buf` (with its '\n'), keeping at most `limit` bytes: a longer line is consumed
/// to its end and reported as `Ok((n, true))`. `n` is 0 at the end of the input.
fn read_line_bounded(
    r: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    limit: u64,
) -> std::io::Result<(usize, bool)> {
    let mut n = 0;
    let mut over = false;
    loop {
        let chunk = r.fill_buf()?;
        if chunk.is_empty() {
            return Ok((n, over));
        }
        let (take, done) = match memchr::memchr(b'\n', chunk) {
            Some(i) => (i + 1, true),
            None => (chunk.len(), false),
        };
        if !over && (buf.len() + take) as u64 > limit + 1 {
            over = true;
            buf.clear();
        }
        if !over {
            buf.extend_from_slice(&chunk[..take]);
        }
        r.consume(take);
        n += take;
        if done {
            return Ok((n, over));
        }
    }
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
    /// Lines that were no article record.
    malformed: usize,
}

impl JsonlArticles {
    /// The articles of JSON Lines read from `reader`, named `name` in warnings.
    pub fn from_reader(name: &str, reader: Box<dyn BufRead>) -> JsonlArticles {
        JsonlArticles {
            name: name.to_string(),
            reader,
            line_no: 0,
            line: Vec::new(),
            malformed: 0,
        }
    }

    /// The next article; malformed lines are skipped with a warning. None at the end of the source.
    pub fn next_article(&mut self, warnings: &mut Vec<Warning>) -> Result<Option<Document>> {
        loop {
            self.line.clear();
            let (n, over) = read_line_bounded(&mut self.reader, &mut self.line, document_limit())
                .map_err(|source| Error::Io {
                path: PathBuf::from(&self.name),
                source,
            })?;
            if n == 0 {
                if self.malformed > Self::REPORTED {
                    warnings.push(Warning(format!(
                        "{}: {} more malformed lines skipped",
                        self.name,
                        self.malformed - Self::REPORTED
                    )));
                    self.malformed = 0;
                }
                return Ok(None);
            }
            self.line_no += 1;
            let at = format!("{}:{}", self.name, self.line_no);
            if over {
                warnings.push(too_long(&at));
                continue;
            }
            let line = self.line.strip_suffix(b"\n").unwrap_or(&self.line);
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            // A byte order mark (a file saved by a Windows editor, or files concatenated) is no part of JSON.
            let line = line.strip_prefix("\u{FEFF}".as_bytes()).unwrap_or(line);
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            match serde_json::from_slice::<JsonArticle>(line) {
                Ok(a) if looks_binary(a.text.as_bytes()) => warnings.push(Warning(format!(
                    "{at}: the text looks binary (NUL characters); skipped"
                ))),
                Ok(a) => {
                    let doc = a.id.as_deref().and_then(id_text).unwrap_or(at);
                    return Ok(Some(Document {
                        doc,
                        bytes: a.text.into_bytes(),
                        meta: Meta {
                            url: a.url,
                            title: a.title,
                            source: a.source,
                            published: a.published,
                        },
                    }));
                }
                Err(e) => self.malformed(
                    warnings,
                    format!("{at}: not an article record ({e}); skipped"),
                ),
            }
        }
    }

    /// Reports a malformed line: the first [`Self::REPORTED`] one by one, then one count at the end.
    fn malformed(&mut self, warnings: &mut Vec<Warning>, message: String) {
        self.malformed += 1;
        if self.malformed <= Self::REPORTED {
            warnings.push(Warning(message));
        }
    }

    const REPORTED: usize = 10;
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
        let reader: Box<dyn BufRead> = if stdin {
            Box::new(BufReader::with_capacity(1 << 16, std::io::stdin()))
        } else {
            Box::new(BufReader::with_capacity(
                1 << 16,
                std::fs::File::open(path).map_err(io_err)?,
            ))
        };
        // Binary-ness is judged per article: one record's NUL does not sink the file's other records.
        return Ok(Source::Lines(JsonlArticles::from_reader(&name, reader)));
    }
    let limit = document_limit();
    let reader: Box<dyn Read> = if stdin {
        Box::new(std::io::stdin().lock())
    } else {
        let f = std::fs::File::open(path).map_err(io_err)?;
        if f.metadata().map_err(io_err)?.len() > limit {
            warnings.push(too_long(&name));
            return Ok(Source::Whole(Vec::new()));
        }
        Box::new(f)
    };
    let mut bytes = Vec::new();
    reader
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(io_err)?;
    if bytes.len() as u64 > limit {
        warnings.push(too_long(&name));
        return Ok(Source::Whole(Vec::new()));
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The articles and warnings of JSON Lines `text`.
    fn jsonl(text: &[u8]) -> (Vec<Document>, Vec<String>) {
        let mut lines =
            JsonlArticles::from_reader("t.jsonl", Box::new(std::io::Cursor::new(text.to_vec())));
        let (mut docs, mut warnings) = (Vec::new(), Vec::new());
        while let Some(d) = lines.next_article(&mut warnings).expect("read") {
            docs.push(d);
        }
        (docs, warnings.into_iter().map(|w| w.0).collect())
    }

    #[test]
    fn a_byte_order_mark_does_not_lose_the_first_record() {
        let (docs, warnings) =
            jsonl(b"\xEF\xBB\xBF{\"id\":\"a\",\"text\":\"Kyiv\"}\n{\"text\":\"Lviv\"}\n");
        assert_eq!(docs.len(), 2, "{warnings:?}");
        assert_eq!(docs[0].doc, "a");
        assert_eq!(docs[1].doc, "t.jsonl:2");
    }

    #[test]
    fn numeric_ids_keep_their_digits() {
        let (docs, _) = jsonl(
            b"{\"id\":123456789012345678901234567890,\"text\":\"x\"}\n{\"id\":7,\"text\":\"y\"}\n\
              {\"id\":null,\"text\":\"z\"}\n{\"id\":[1, 2],\"text\":\"w\"}\n",
        );
        let ids: Vec<&str> = docs.iter().map(|d| d.doc.as_str()).collect();
        assert_eq!(
            ids,
            ["123456789012345678901234567890", "7", "t.jsonl:3", "[1,2]"]
        );
    }

    /// Found by the jsonl_reader fuzz target: `"id": ""` gave a document with no name.
    #[test]
    fn an_empty_id_names_the_record_by_its_line() {
        let (docs, _) = jsonl(b"{\"id\":\"\",\"text\":\"x\"}\n{\"id\":\"  \",\"text\":\"y\"}\n");
        let ids: Vec<&str> = docs.iter().map(|d| d.doc.as_str()).collect();
        assert_eq!(ids, ["t.jsonl:1", "t.jsonl:2"]);
    }

    #[test]
    fn a_nul_skips_only_its_own_record() {
        let (docs, warnings) = jsonl(
            b"{\"text\":\"a\\u0000b\"}\n{\"text\":\"Kyiv\"}\n{\"text\":\"x\0y\"}\n{\"text\":\"Lviv\"}\n",
        );
        assert_eq!(docs.len(), 2);
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(warnings[0].contains("t.jsonl:1") && warnings[0].contains("binary"));
    }

    #[test]
    fn malformed_lines_are_reported_then_counted() {
        let (docs, warnings) = jsonl(&b"\x01\x02 not json\n".repeat(25));
        assert!(docs.is_empty());
        assert_eq!(warnings.len(), 11);
        assert!(
            warnings[10].contains("15 more malformed lines"),
            "{}",
            warnings[10]
        );
    }

    #[test]
    fn a_line_over_the_limit_is_consumed_and_reported() {
        let text = b"0123456789\nab\nlast";
        let mut r: Box<dyn BufRead> = Box::new(BufReader::with_capacity(4, &text[..]));
        let mut buf = Vec::new();
        assert_eq!(
            read_line_bounded(&mut r, &mut buf, 5).expect("read"),
            (11, true)
        );
        buf.clear();
        assert_eq!(
            read_line_bounded(&mut r, &mut buf, 5).expect("read"),
            (3, false)
        );
        assert_eq!(buf, b"ab\n");
        buf.clear();
        assert_eq!(
            read_line_bounded(&mut r, &mut buf, 5).expect("read"),
            (4, false)
        );
        assert_eq!(buf, b"last");
        buf.clear();
        assert_eq!(
            read_line_bounded(&mut r, &mut buf, 5).expect("read"),
            (0, false)
        );
    }
}
