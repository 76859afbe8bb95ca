//! Article metadata for plain-text inputs: YAML front matter (`published:`, `title:`, `url:`, `source:`
//! between `---` lines at the top of a `.txt`/`.md` file), a date in the file name
//! (`2022-09-11-kharkiv.txt`), and a run-wide default (`map --published`).
//!
//! Which wins: the article's own metadata (a JSONL record's `published`, then front matter), then the file
//! name, then `--published`. Front matter is blanked to spaces in place (newlines kept), so it is never read
//! as prose and every byte offset into the file stays true.

use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;
use yaml_rust2::{Yaml, YamlLoader};

use crate::input::Document;

/// The byte range of a front matter block: from an opening `---` line at the very start (after an
/// optional BOM) to the closing `---` or `...` line, both included; None without one.
fn block(text: &str) -> Option<(usize, usize, usize)> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[start..];
    let first = rest.lines().next()?;
    if first.trim_end() != "---" {
        return None;
    }
    let body = start + first.len() + 1;
    let mut at = body;
    for line in text.get(body..)?.split_inclusive('\n') {
        let l = line.trim_end();
        if l == "---" || l == "..." {
            return Some((start, body, at + line.len()));
        }
        at += line.len();
    }
    None
}

/// A scalar as text (`published: 2022-09-11` is a string in YAML 1.2; a bare year an integer).
fn scalar(y: &Yaml) -> Option<String> {
    match y {
        Yaml::String(s) | Yaml::Real(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Yaml::Integer(i) => Some(i.to_string()),
        _ => None,
    }
}

/// Reads the front matter of a text document into its metadata (filling only what is missing) and blanks
/// it. Returns a warning when the block is not a YAML mapping (the text is then left as it is).
pub fn apply(d: &mut Document) -> Option<String> {
    let text = std::str::from_utf8(&d.bytes).ok()?;
    let (start, body, end) = block(text)?;
    let yaml = &text[body..end];
    let yaml = yaml
        .trim_end()
        .trim_end_matches("---")
        .trim_end_matches("...");
    let map = match YamlLoader::load_from_str(yaml) {
        Ok(docs) => match docs.into_iter().next() {
            Some(Yaml::Hash(h)) => h,
            Some(Yaml::Null) | None => Default::default(),
            Some(_) => {
                return Some(format!(
                    "{}: front matter is not a YAML mapping; read as text",
                    d.doc
                ))
            }
        },
        Err(e) => {
            return Some(format!(
                "{}: front matter is not YAML ({e}); read as text",
                d.doc
            ))
        }
    };
    let get = |k: &str| map.get(&Yaml::String(k.into())).and_then(scalar);
    let m = &mut d.meta;
    m.published = m
        .published
        .take()
        .or_else(|| get("published").or_else(|| get("date")));
    m.title = m.title.take().or_else(|| get("title"));
    m.url = m.url.take().or_else(|| get("url"));
    m.source = m.source.take().or_else(|| get("source"));
    for b in &mut d.bytes[start..end] {
        if *b != b'\n' {
            *b = b' ';
        }
    }
    None
}

static FILE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9])((?:19|20)\d\d-[01]\d-[0-3]\d)(?:[^0-9]|$)").expect("file-name date")
});

/// The first ISO date in a file's name (`2022-09-11-kharkiv.txt`, `kharkiv_2022-09-11.md`), if it is a
/// real day.
pub fn date_in_file_name(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_str()?;
    let d = FILE_DATE.captures(name)?.get(1)?.as_str();
    chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()?;
    Some(d.to_string())
}

/// Completes a text document's metadata: front matter, then the file name, then `default` (the run's
/// `--published`). Returns a warning to print, if any.
pub fn complete(d: &mut Document, path: &Path, default: Option<&str>) -> Option<String> {
    let warning = apply(d);
    if d.meta.published.is_none() {
        d.meta.published = date_in_file_name(path).or_else(|| default.map(str::to_string));
    }
    warning
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        Document {
            doc: "a.txt".into(),
            bytes: text.as_bytes().to_vec(),
            meta: Default::default(),
        }
    }

    #[test]
    fn front_matter_gives_the_date_and_is_blanked_in_place() {
        let text = "---\ntitle: Kharkiv, day 200\npublished: 2022-09-11\nsource: Example Wire\n---\nUkrainian forces recaptured Balakliia.\n";
        let mut d = doc(text);
        assert_eq!(apply(&mut d), None);
        assert_eq!(d.meta.published.as_deref(), Some("2022-09-11"));
        assert_eq!(d.meta.title.as_deref(), Some("Kharkiv, day 200"));
        assert_eq!(d.meta.source.as_deref(), Some("Example Wire"));
        assert_eq!(d.bytes.len(), text.len(), "offsets stay");
        let after = String::from_utf8(d.bytes).expect("utf-8");
        assert!(after.starts_with("   \n"));
        assert!(!after.contains("title"));
        assert_eq!(after.find("Ukrainian"), text.find("Ukrainian"));
    }

    #[test]
    fn what_is_not_front_matter_is_left_alone() {
        for text in [
            "No front matter.\n---\n",
            "---\nnever closed: 1\n",
            "--- \n- a list\n---\nx",
        ] {
            let mut d = doc(text);
            let warning = apply(&mut d);
            assert_eq!(d.meta.published, None, "{text:?}");
            if warning.is_none() {
                assert_eq!(d.bytes, text.as_bytes(), "{text:?}");
            }
        }
        let mut d = doc("---\npublished: [unclosed\n---\nText.");
        assert!(apply(&mut d).is_some_and(|w| w.contains("not YAML")));
        assert!(d.bytes.starts_with(b"---"), "left as it is");
    }

    #[test]
    fn the_article_wins_then_the_file_name_then_the_default() {
        let p = Path::new("news/2022-09-10-kupiansk.txt");
        assert_eq!(date_in_file_name(p).as_deref(), Some("2022-09-10"));
        assert_eq!(
            date_in_file_name(Path::new("x_2023-05-20.md")).as_deref(),
            Some("2023-05-20")
        );
        assert_eq!(date_in_file_name(Path::new("2022-13-40.txt")), None);
        assert_eq!(date_in_file_name(Path::new("12022-09-10.txt")), None);
        let mut d = doc("---\npublished: 2022-09-11T09:30:00Z\n---\nText.");
        complete(&mut d, p, Some("2020-01-01"));
        assert_eq!(d.meta.published.as_deref(), Some("2022-09-11T09:30:00Z"));
        let mut d = doc("Text.");
        complete(&mut d, p, Some("2020-01-01"));
        assert_eq!(d.meta.published.as_deref(), Some("2022-09-10"));
        let mut d = doc("Text.");
        complete(&mut d, Path::new("plain.txt"), Some("2020-01-01"));
        assert_eq!(d.meta.published.as_deref(), Some("2020-01-01"));
    }
}
