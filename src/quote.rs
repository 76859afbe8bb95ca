//! Evidence quotes. A claim, a quantity or a link quotes the sentence it comes from: the sentence is held
//! once however many records quote it, and each quote is cut to at most [`MAX_QUOTE_CHARS`] characters
//! around what it supports, marked with [`CUT_MARK`] where it was cut. So memory and output stay
//! proportional to the input even when one sentence states hundreds of distances.

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use rustc_hash::FxHashMap;

/// The longest quote, in characters (the cut marks aside).
pub const MAX_QUOTE_CHARS: usize = 1000;

/// Stands where a quote was cut.
pub const CUT_MARK: char = '…';

/// A window of a shared sentence. Two quotes are equal when they read the same; an analysis record
/// (`placemap analyze`) carries a quote as the text it reads, which reads back as a quote of itself.
#[derive(Debug, Clone)]
pub struct Quote {
    sentence: Arc<str>,
    /// Byte range of the quoted part within the sentence.
    window: Range<usize>,
}

impl Quote {
    /// The quote of `sentence` for what lies at `focus` (a byte range within the sentence).
    pub fn new(sentence: Arc<str>, focus: Range<usize>) -> Quote {
        let window = window(&sentence, focus);
        Quote { sentence, window }
    }

    /// The whole sentence.
    pub fn sentence(&self) -> &str {
        &self.sentence
    }

    /// Whether the quote is shorter than its sentence.
    pub fn is_cut(&self) -> bool {
        self.window != (0..self.sentence.len())
    }
}

impl PartialEq for Quote {
    fn eq(&self, other: &Quote) -> bool {
        self.to_string() == other.to_string()
    }
}

impl Eq for Quote {}

impl serde::Serialize for Quote {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Quote {
    /// The quote's text, whole: it was cut (and marked) when it was written.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Quote, D::Error> {
        let text = String::deserialize(d)?;
        let len = text.len();
        Ok(Quote {
            sentence: Arc::from(text),
            window: 0..len,
        })
    }
}

impl fmt::Display for Quote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let cut_before = self.window.start > 0;
        let cut_after = self.window.end < self.sentence.len();
        if cut_before {
            write!(f, "{CUT_MARK}")?;
        }
        f.write_str(&self.sentence[self.window.clone()])?;
        if cut_after {
            write!(f, "{CUT_MARK}")?;
        }
        Ok(())
    }
}

/// The byte offset `n` characters after `at` in `s` (or its end).
fn chars_after(s: &str, at: usize, n: usize) -> usize {
    s[at..]
        .char_indices()
        .nth(n)
        .map_or(s.len(), |(i, _)| at + i)
}

/// The byte range of at most [`MAX_QUOTE_CHARS`] characters of `s` around `focus`, as evenly on both
/// sides as the sentence allows, ending on whole words where a word boundary is near.
fn window(s: &str, focus: Range<usize>) -> Range<usize> {
    if s.len() <= MAX_QUOTE_CHARS {
        return 0..s.len();
    }
    let floor = |mut i: usize| {
        i = i.min(s.len());
        while !s.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let fs = floor(focus.start);
    let fe = floor(focus.end).max(fs);
    let focus_chars = s[fs..fe].chars().take(MAX_QUOTE_CHARS).count();
    if focus_chars >= MAX_QUOTE_CHARS {
        return fs..chars_after(s, fs, MAX_QUOTE_CHARS);
    }
    let budget = MAX_QUOTE_CHARS - focus_chars;
    // Character starts to the left of the focus, nearest first.
    let before: Vec<usize> = s[..fs]
        .char_indices()
        .rev()
        .take(budget)
        .map(|(i, _)| i)
        .collect();
    let after = s[fe..].chars().take(budget).count();
    let left = (budget / 2).max(budget - after).min(before.len());
    let right = (budget - left).min(after);
    let mut start = left.checked_sub(1).map_or(fs, |k| before[k]);
    let mut end = chars_after(s, fe, right);
    // Whole words: start after a space, end before one.
    if start > 0 {
        if let Some((i, c)) = s[start..fs].char_indices().find(|(_, c)| c.is_whitespace()) {
            start += i + c.len_utf8();
        }
    }
    if end < s.len() {
        if let Some(i) = s[fe..end].rfind(char::is_whitespace) {
            end = fe + i;
        }
    }
    start..end
}

/// The sentences of one document that records quote, each held once.
#[derive(Debug, Default)]
pub struct SharedSentences {
    by_start: FxHashMap<usize, Arc<str>>,
}

impl SharedSentences {
    /// The quote of the sentence at `sentence` (byte range in `text`) for what lies at `focus` (byte range
    /// in `text`).
    pub fn quote(&mut self, text: &str, sentence: &Range<usize>, focus: Range<usize>) -> Quote {
        let shared = self
            .by_start
            .entry(sentence.start)
            .or_insert_with(|| Arc::from(&text[sentence.clone()]))
            .clone();
        let base = sentence.start;
        let focus = focus.start.saturating_sub(base)..focus.end.saturating_sub(base);
        Quote::new(shared, focus)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_reads_back_as_the_text_it_wrote() {
        let long = format!("{} Izium {}", "word ".repeat(400), "word ".repeat(400));
        let at = long.find("Izium").expect("Izium");
        let q = Quote::new(Arc::from(long.as_str()), at..at + 5);
        assert!(q.is_cut());
        let json = serde_json::to_string(&q).expect("serialize");
        let back: Quote = serde_json::from_str(&json).expect("deserialize");
        assert_eq!(back.to_string(), q.to_string());
        assert_eq!(back, q);
        assert!(!back.is_cut());
    }

    #[test]
    fn a_short_sentence_is_quoted_whole() {
        let q = Quote::new(Arc::from("Izium lies 30 km away."), 0..5);
        assert_eq!(q.to_string(), "Izium lies 30 km away.");
        assert!(!q.is_cut());
    }

    #[test]
    fn a_long_sentence_is_cut_around_the_focus_on_word_boundaries() {
        let s = "Kharkiv lies about 30 km from Izium, ".repeat(100);
        let at = s.len() / 2;
        let at = at + s[at..].find("30 km").expect("a distance");
        let q = Quote::new(Arc::from(s.as_str()), at..at + 5);
        let text = q.to_string();
        assert!(q.is_cut());
        assert!(text.starts_with(CUT_MARK) && text.ends_with(CUT_MARK));
        assert!(text.chars().count() <= MAX_QUOTE_CHARS + 2);
        assert!(text.contains("30 km"));
        let inner = text.trim_matches(CUT_MARK);
        assert!(!inner.starts_with(' ') && !inner.ends_with(' '));
        assert!(s.contains(inner));
    }

    #[test]
    fn the_window_fits_multibyte_text_and_any_focus() {
        let s: Arc<str> = Arc::from("Ізюм ".repeat(600).as_str());
        for focus in [0..0, 3..7, 1000..1001, 2999..5000, 0..6000, 7000..9000] {
            let q = Quote::new(s.clone(), focus);
            assert!(q.to_string().chars().count() <= MAX_QUOTE_CHARS + 2);
        }
    }

    #[test]
    fn records_of_one_sentence_share_it() {
        let text = "First. Kharkiv lies about 30 km from Izium.";
        let mut shared = SharedSentences::default();
        let a = shared.quote(text, &(7..text.len()), 7..14);
        let b = shared.quote(text, &(7..text.len()), 30..35);
        assert!(Arc::ptr_eq(&a.sentence, &b.sentence));
        assert_eq!(a.sentence(), "Kharkiv lies about 30 km from Izium.");
    }
}
