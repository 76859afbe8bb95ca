//! Sentences and word tokens of an article, with byte offsets into the original text.
//!
//! The claim and quantity extractors work sentence by sentence on lowercased word tokens; the offsets
//! always refer to the input bytes so evidence quotes and mention spans line up.

use std::ops::Range;

use compact_str::CompactString;

/// One word or punctuation token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    /// Lowercased text, typographic apostrophes folded to ASCII (inline, without an allocation, up to 24
    /// bytes: nearly every word).
    pub lower: CompactString,
    /// True for words and numbers, false for punctuation.
    pub word: bool,
    /// The word starts with an uppercase letter.
    pub capital: bool,
}

impl Token {
    /// The word without a possessive ending ("russia's" -> "russia").
    pub fn stem(&self) -> &str {
        self.lower
            .strip_suffix("'s")
            .or_else(|| self.lower.strip_suffix('\''))
            .unwrap_or(&self.lower)
    }
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "maj", "sgt", "capt", "gov", "sen", "rep",
    "prof", "jr", "sr", "no", "vs", "etc", "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct",
    "nov", "dec", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "approx", "est", "inc", "ltd", "co",
    "corp", "adm", "brig", "cmdr", "pres", "rev", "mt", "ft",
];

/// [`ABBREVIATIONS`] as a set, looked up once per period.
static ABBREVIATION_SET: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
    std::sync::LazyLock::new(|| ABBREVIATIONS.iter().copied().collect());

/// The longest of [`ABBREVIATIONS`], in bytes.
const ABBREVIATION_MAX: usize = 6;

/// Whether a word (before a period) is one of [`ABBREVIATIONS`], in any case.
fn is_abbreviation(word: &str) -> bool {
    if word.is_ascii() && word.len() > ABBREVIATION_MAX {
        return false;
    }
    ABBREVIATION_SET.contains(word.to_lower().as_str())
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}' | '\u{2018}')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// A word in lower case with typographic apostrophes folded to ASCII (ASCII words, most of them, without
/// going through Unicode case mapping).
fn lower_word(raw: &str) -> CompactString {
    if raw.is_ascii() {
        let mut w = CompactString::new(raw);
        w.make_ascii_lowercase();
        return w;
    }
    raw.chars()
        .map(|c| if is_apostrophe(c) { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Lower case held inline (no heap for up to 24 bytes), as `str::to_lowercase` makes it: the recogniser
/// lower-cases a few words around every name it judges.
pub trait ToLowerInline {
    fn to_lower(&self) -> CompactString;
}

impl ToLowerInline for str {
    fn to_lower(&self) -> CompactString {
        if self.is_ascii() {
            let mut w = CompactString::new(self);
            w.make_ascii_lowercase();
            w
        } else {
            CompactString::from(self.to_lowercase())
        }
    }
}

/// Splits text into word and punctuation tokens. Apostrophes and hyphens inside a word, and commas or
/// periods inside a number ("1,000", "2.5"), stay in the word; "U.S." is one token.
pub fn tokens(text: &str, range: Range<usize>) -> Vec<Token> {
    let s = &text[range.clone()];
    // ASCII text (most sentences) is its own character table: byte i is character i.
    if s.is_ascii() {
        return tokens_of(s, range.start, &AsciiChars(s.as_bytes()));
    }
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    tokens_of(s, range.start, &&chars[..])
}

/// The first word of `s` (which begins with a letter or a digit) as [`tokens`] cuts and lowercases it,
/// read no further than the first white space.
pub fn first_word(s: &str) -> CompactString {
    let s = &s[..s.find(char::is_whitespace).unwrap_or(s.len())];
    let end = if s.is_ascii() {
        AsciiChars(s.as_bytes()).word_end(0)
    } else {
        let chars: Vec<(usize, char)> = s.char_indices().collect();
        let j = word_end(&&chars[..], 0);
        chars.get(j).map_or(s.len(), |c| c.0)
    };
    lower_word(&s[..end])
}

/// The characters of a sentence with their byte offsets, by index.
trait Chars: Sized {
    fn len(&self) -> usize;
    fn get(&self, i: usize) -> Option<(usize, char)>;
    /// The end of the word beginning at `i`: [`word_end`].
    fn word_end(&self, i: usize) -> usize {
        word_end(self, i)
    }
}

struct AsciiChars<'s>(&'s [u8]);

impl Chars for AsciiChars<'_> {
    fn len(&self) -> usize {
        self.0.len()
    }
    fn get(&self, i: usize) -> Option<(usize, char)> {
        self.0.get(i).map(|&b| (i, b as char))
    }
    /// [`word_end`] by bytes (words are most of the tokens of most sentences, and ASCII ones need no
    /// character decoding).
    fn word_end(&self, i: usize) -> usize {
        let b = self.0;
        let is = |j: usize, f: fn(&u8) -> bool| b.get(j).is_some_and(f);
        let mut j = i + 1;
        while j < b.len() {
            let joins = match b[j] {
                c if c.is_ascii_alphanumeric() => true,
                b'\'' | b'-' => is(j + 1, u8::is_ascii_alphanumeric),
                b',' => is(j - 1, u8::is_ascii_digit) && is(j + 1, u8::is_ascii_digit),
                b'.' => {
                    (is(j - 1, u8::is_ascii_digit) && is(j + 1, u8::is_ascii_digit))
                        || (is(j - 1, u8::is_ascii_alphabetic)
                            && is(j + 1, u8::is_ascii_alphabetic)
                            && b.get(j + 2) == Some(&b'.'))
                }
                _ => false,
            };
            if !joins {
                break;
            }
            j += 1;
        }
        if j < b.len()
            && b[j] == b'.'
            && j >= i + 3
            && b[j - 2] == b'.'
            && b[j - 1].is_ascii_alphabetic()
        {
            j += 1;
        }
        j
    }
}

impl Chars for &[(usize, char)] {
    fn len(&self) -> usize {
        <[(usize, char)]>::len(self)
    }
    fn get(&self, i: usize) -> Option<(usize, char)> {
        <[(usize, char)]>::get(self, i).copied()
    }
}

/// The end (a character index) of the word that begins at character `i` of `chars`: apostrophes and
/// hyphens between letters, commas and periods between digits and the periods of a dotted abbreviation
/// stay in it.
fn word_end(chars: &impl Chars, i: usize) -> usize {
    let at = |i: usize| chars.get(i).map_or('\0', |c| c.1);
    let mut j = i + 1;
    while j < chars.len() {
        let c = at(j);
        if c.is_alphanumeric() {
            j += 1;
            continue;
        }
        let next_alnum = chars.get(j + 1).is_some_and(|n| n.1.is_alphanumeric());
        let prev = at(j - 1);
        if ((is_apostrophe(c) || is_hyphen(c)) && next_alnum)
            || (matches!(c, ',' | '.')
                && prev.is_ascii_digit()
                && chars.get(j + 1).is_some_and(|n| n.1.is_ascii_digit()))
            // Dotted abbreviations: U.S. / U.K.
            || (c == '.'
                && prev.is_alphabetic()
                && chars.get(j + 1).is_some_and(|n| n.1.is_alphabetic())
                && chars.get(j + 2).is_some_and(|n| n.1 == '.'))
        {
            j += 1;
        } else {
            break;
        }
    }
    // A trailing period of a dotted abbreviation (U.S.) belongs to the word.
    if j < chars.len()
        && at(j) == '.'
        && j >= i + 3
        && at(j - 2) == '.'
        && at(j - 1).is_alphabetic()
    {
        j += 1;
    }
    j
}

fn tokens_of(s: &str, base: usize, chars: &impl Chars) -> Vec<Token> {
    let mut out = Vec::with_capacity(chars.len() / 4 + 1);
    let mut i = 0;
    while i < chars.len() {
        let Some((off, c)) = chars.get(i) else { break };
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let j = chars.word_end(i);
            let end = chars.get(j).map_or(s.len(), |c| c.0);
            let raw = &s[off..end];
            let lower = lower_word(raw);
            out.push(Token {
                start: base + off,
                end: base + end,
                lower,
                word: true,
                capital: c.is_uppercase(),
            });
            i = j;
        } else {
            let end = chars.get(i + 1).map_or(s.len(), |c| c.0);
            let lower = if is_apostrophe(c) {
                CompactString::const_new("'")
            } else {
                CompactString::new(&*c.encode_utf8(&mut [0; 4]))
            };
            out.push(Token {
                start: base + off,
                end: base + end,
                lower,
                word: false,
                capital: false,
            });
            i += 1;
        }
    }
    out
}

/// The token span (start inclusive, end exclusive) covering the byte range `start..end`, if any token lies
/// in it. Tokens are in text order, so this is two binary searches.
pub fn token_span(toks: &[Token], start: usize, end: usize) -> Option<(usize, usize)> {
    let a = toks.partition_point(|t| t.start < start);
    let b = toks.partition_point(|t| t.end <= end);
    (a < b).then_some((a, b))
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{201D}' | '\u{2019}' | ')' | ']' | '\u{BB}'
    )
}

/// The longest sentence, in bytes, that is read whole. A longer run without a sentence end (a flattened
/// table, a list, text without punctuation) is cut into pieces of at most this length, at a clause boundary
/// where there is one, so that what reads a sentence at a time (claims, links, quotes) costs the same per
/// byte whatever the text's shape. No sentence of real reporting comes near it.
pub const MAX_SENTENCE: usize = 4096;

/// Where to cut the over-long sentence starting at `a`: after the last ';' or ',' (else space) of its
/// second half, else at the last character boundary within the limit.
fn cut_point(text: &str, a: usize) -> usize {
    let mut limit = a + MAX_SENTENCE;
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let mut half = a + MAX_SENTENCE / 2;
    while !text.is_char_boundary(half) {
        half -= 1;
    }
    let window = &text[half..limit];
    [&[';'][..], &[','], &[' ', '\t']]
        .iter()
        .find_map(|seps| window.rfind(*seps))
        .map_or(limit, |i| half + i + 1)
}

fn push_trimmed(text: &str, a: usize, b: usize, out: &mut Vec<Range<usize>>) {
    let seg = &text[a..b];
    let lead = seg.len() - seg.trim_start().len();
    let trail = seg.len() - seg.trim_end().len();
    if a + lead < b - trail {
        out.push(a + lead..b - trail);
    }
}

/// Sentence byte ranges: a line break always ends a sentence; '.', '!' or '?' (plus closing quotes)
/// followed by whitespace ends one unless the word before the period is an abbreviation or an initial.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let push = |mut a: usize, b: usize, out: &mut Vec<Range<usize>>| {
        while b - a > MAX_SENTENCE {
            let cut = cut_point(text, a);
            push_trimmed(text, a, cut, out);
            a = cut;
        }
        push_trimmed(text, a, b, out);
    };
    let bytes = text.as_bytes();
    let mut pos = 0;
    let mut newline = memchr::memchr(b'\n', bytes);
    // The stops ('\n', '.', '!', '?') are ASCII, so a byte search finds them: the punctuation before the
    // next line break, else the line break.
    while pos < bytes.len() {
        if newline.is_some_and(|n| n < pos) {
            newline = memchr::memchr(b'\n', &bytes[pos..]).map(|k| pos + k);
        }
        let line_end = newline.unwrap_or(bytes.len());
        let i = match memchr::memchr3(b'.', b'!', b'?', &bytes[pos..line_end]) {
            Some(k) => pos + k,
            None if line_end < bytes.len() => {
                push(start, line_end, &mut out);
                start = line_end + 1;
                pos = start;
                continue;
            }
            None => break,
        };
        let c = bytes[i] as char;
        // Extend over closing quotes and brackets, and over citation marks ("...on March 8.[12] Next").
        let mut end = i + 1;
        while let Some(n) = text[end..].chars().next() {
            if is_closing(n) || matches!(n, '.' | '!' | '?') {
                end += n.len_utf8();
            } else if n == '[' {
                let rest = &text[end..];
                // A citation mark is short: look no further than its longest form.
                let close = rest.bytes().take(13).position(|b| b == b']').filter(|&k| {
                    k > 1
                        && k <= 12
                        && rest[1..k]
                            .bytes()
                            .all(|b| b.is_ascii_digit() || matches!(b, b',' | b'-' | b' '))
                });
                let Some(k) = close else { break };
                end += k + 1;
            } else {
                break;
            }
        }
        pos = end;
        if text[end..]
            .chars()
            .next()
            .is_some_and(|n| !n.is_whitespace())
        {
            continue;
        }
        if c == '.' {
            // The word before the period.
            let before = &text[start..i];
            let from = before
                .char_indices()
                .rev()
                .take_while(|(_, c)| c.is_alphanumeric() || *c == '.')
                .last()
                .map_or(before.len(), |(k, _)| k);
            let word = &before[from..];
            let mut chars = word.chars();
            let single_initial =
                matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
            if single_initial || is_abbreviation(word) {
                // "U.S." at a sentence end is still an abbreviation unless a capitalised word follows
                // after a line break; keep it simple and continue the sentence.
                let rest = text[end..].trim_start();
                let next_is_lower = rest.chars().next().is_some_and(char::is_lowercase);
                if next_is_lower || !word.contains('.') || single_initial {
                    continue;
                }
                // Dotted abbreviation followed by a capitalised word: ambiguous; treat "U.S. President"
                // style continuations as the same sentence when the next word is a title.
                let next: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
                if matches!(
                    next.as_str(),
                    "President"
                        | "Secretary"
                        | "Army"
                        | "Navy"
                        | "Air"
                        | "officials"
                        | "State"
                        | "Defense"
                        | "Department"
                        | "Embassy"
                        | "Ambassador"
                        | "Congress"
                        | "Senate"
                        | "House"
                        | "Marines"
                        | "Forces"
                        | "Treasury"
                        | "Justice"
                ) {
                    continue;
                }
            }
        }
        push(start, end, &mut out);
        start = end;
    }
    push(start, text.len(), &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words end in ASCII text where the character-by-character rule ends them, on strings of the
    /// characters the rule looks at.
    #[test]
    fn ascii_word_ends_are_the_character_rule() {
        let alphabet = b"aZ9.,'-x .U";
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..20_000 {
            let len = 1 + (seed % 12) as usize;
            let text: String = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    alphabet[(seed % alphabet.len() as u64) as usize] as char
                })
                .collect();
            let chars: Vec<(usize, char)> = text.char_indices().collect();
            for i in 0..len {
                assert_eq!(
                    AsciiChars(text.as_bytes()).word_end(i),
                    word_end(&&chars[..], i),
                    "{text:?} from {i}"
                );
            }
        }
    }

    #[test]
    fn inline_lower_case_is_str_lower_case() {
        for w in [
            "Kharkiv",
            "IZYUM's",
            "Ізюм",
            "ΟΔΟΣ",
            "İstanbul",
            "a-much-longer-word-than-twenty-four",
        ] {
            assert_eq!(w.to_lower(), w.to_lowercase(), "{w}");
        }
    }

    fn sent(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn splits_sentences() {
        let t =
            "Mr. Smith went to Kyiv. He said “it is over.” Then U.S. officials spoke.\nNext line";
        assert_eq!(
            sent(t),
            vec![
                "Mr. Smith went to Kyiv.",
                "He said “it is over.”",
                "Then U.S. officials spoke.",
                "Next line"
            ]
        );
    }

    #[test]
    fn an_endless_sentence_is_cut_at_clause_boundaries() {
        let t = "Kharkiv lies about 30 km from Izium, ".repeat(1000);
        let s = sentences(&t);
        assert!(s.len() > 1, "{} sentences", s.len());
        for r in &s {
            assert!(r.len() <= MAX_SENTENCE);
            assert!(t[r.clone()].ends_with(','), "{:?}", &t[r.end - 10..r.end]);
        }
        // No clause boundary and multi-byte letters: cut on a character boundary.
        let t = "ї".repeat(5000);
        let s = sentences(&t);
        assert_eq!(s.iter().map(|r| r.len()).sum::<usize>(), t.len());
        // A '[' after a period never looks beyond a citation mark's length.
        let t = "A.[".repeat(10_000);
        assert!(!sentences(&t).is_empty());
    }

    #[test]
    fn citation_marks_end_with_their_sentence() {
        let t = "Troops entered the town on Monday.[12] Officials confirmed it.[13][14] A note [sic] stays.";
        assert_eq!(
            sent(t),
            vec![
                "Troops entered the town on Monday.[12]",
                "Officials confirmed it.[13][14]",
                "A note [sic] stays."
            ]
        );
    }

    #[test]
    fn first_word_is_the_first_token() {
        for s in [
            "U.S. forces",
            "re-took it",
            "Russia’s army",
            "1,000 km",
            "Ізюм, а",
            "word",
            "a.b.c",
            "x-",
            "ab'",
            "2.5km",
            "Ω-İ",
            "U.K.",
            "e.g.\tx",
        ] {
            assert_eq!(first_word(s), tokens(s, 0..s.len())[0].lower, "{s}");
        }
    }

    #[test]
    fn tokens_keep_numbers_and_possessives() {
        let t = "Russia’s forces lost 1,000 sq km near Kupiansk-Vuzlovyi in the U.S. sense.";
        let toks = tokens(t, 0..t.len());
        let words: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
        assert_eq!(
            words,
            vec![
                "russia's",
                "forces",
                "lost",
                "1,000",
                "sq",
                "km",
                "near",
                "kupiansk-vuzlovyi",
                "in",
                "the",
                "u.s.",
                "sense",
                "."
            ]
        );
        assert_eq!(toks[0].stem(), "russia");
        assert_eq!(&t[toks[7].start..toks[7].end], "Kupiansk-Vuzlovyi");
    }

    #[test]
    fn ascii_and_unicode_sentences_tokenise_alike() {
        let ascii =
            "The U.S. said 1,000 troops (2.5 km) left Kupiansk-Vuzlovyi's edge - it's over.";
        let wide = format!("{ascii} \u{2014}");
        let a = tokens(ascii, 0..ascii.len());
        let w = tokens(&wide, 0..wide.len());
        assert_eq!(a[..], w[..a.len()]);
        assert_eq!(w.len(), a.len() + 1);
    }

    #[test]
    fn abbreviations_in_any_case() {
        assert!(is_abbreviation("Mr") && is_abbreviation("U.S") && is_abbreviation("approx"));
        assert!(!is_abbreviation("Kyiv") && !is_abbreviation("approxi") && !is_abbreviation("Дж"));
        assert!(is_abbreviation("GEN") && !is_abbreviation("2019") && !is_abbreviation(""));
        let longest = ABBREVIATIONS.iter().map(|a| a.len()).max();
        assert_eq!(longest, Some(ABBREVIATION_MAX));
        assert_eq!(
            sent("Gen. Syrskyi spoke. Then"),
            vec!["Gen. Syrskyi spoke.", "Then"]
        );
    }

    #[test]
    fn no_panic_on_odd_text() {
        for t in [
            "",
            ".",
            "...",
            "a.",
            "“",
            "1,",
            ",1",
            "U.S.",
            "\u{1A}\u{1A}. x",
        ] {
            let _ = sentences(t);
            let _ = tokens(t, 0..t.len());
        }
    }
}
