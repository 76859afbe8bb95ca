//! The document model every stage after extraction reads: the text, its sentences (split once), each
//! sentence's word tokens (made on first use, then kept) and script, and the place mentions.
//!
//! Claims, quantities and links all walk the same [`Doc`]; none of them splits or tokenises again.

use std::cell::OnceCell;
use std::ops::Range;

use crate::extract::Mention;
use crate::text::{self, Token};

/// The writing system of a sentence, which decides the lexicon it is read with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Script {
    Latin,
    /// Cyrillic with letters only Ukrainian uses (і ї є ґ).
    Ukrainian,
    /// Cyrillic with letters only Russian uses (ы э ъ ё).
    Russian,
    /// Cyrillic that shows neither.
    Cyrillic,
}

impl Script {
    /// The dominant script of `s`.
    pub fn of(s: &str) -> Script {
        if s.is_ascii() {
            return Script::Latin; // no Cyrillic letter, and latin >= cyr = 0
        }
        let (mut latin, mut cyr, mut uk, mut ru) = (0usize, 0usize, false, false);
        for c in s.chars() {
            match c {
                'a'..='z' | 'A'..='Z' => latin += 1,
                '\u{400}'..='\u{4FF}' => {
                    cyr += 1;
                    match c {
                        'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' | 'Ґ' => uk = true,
                        'ы' | 'э' | 'ъ' | 'ё' | 'Ы' | 'Э' | 'Ъ' | 'Ё' => ru = true,
                        _ => {}
                    }
                }
                _ => {}
            }
        }
        if cyr <= latin {
            Script::Latin
        } else if uk && !ru {
            Script::Ukrainian
        } else if ru && !uk {
            Script::Russian
        } else if !uk && !ru {
            Script::without_telling_letters(s)
        } else {
            Script::Cyrillic
        }
    }

    /// Cyrillic with no letter only one language uses: Russian writes "-ия"/"-ие" where Ukrainian writes
    /// "-ія"/"-іє", and each language has its own function words.
    fn without_telling_letters(s: &str) -> Script {
        const RU: &[&str] = &[
            "что",
            "это",
            "как",
            "или",
            "его",
            "она",
            "они",
            "уже",
            "также",
            "после",
            "при",
            "под",
        ];
        const UK: &[&str] = &[
            "що",
            "це",
            "як",
            "або",
            "його",
            "вона",
            "вони",
            "вже",
            "також",
            "після",
            "та",
            "від",
            "під",
        ];
        let lower = s.to_lowercase();
        let russian_endings = ["ия", "ие", "ию"].iter().any(|e| lower.contains(e));
        let words: Vec<&str> = lower.split(|c: char| !c.is_alphabetic()).collect();
        let count = |list: &[&str]| words.iter().filter(|w| list.contains(w)).count();
        let (ru, uk) = (count(RU), count(UK));
        if russian_endings || ru > uk {
            Script::Russian
        } else if uk > ru {
            Script::Ukrainian
        } else {
            Script::Cyrillic
        }
    }
}

/// One sentence.
#[derive(Debug)]
pub struct Sentence {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// The document's mentions inside this sentence (indices into [`Doc::mentions`]).
    pub mentions: Range<usize>,
    tokens: OnceCell<Vec<Token>>,
    script: OnceCell<Script>,
}

/// A document: text, sentences, tokens and mentions.
pub struct Doc<'t> {
    pub text: &'t str,
    pub sentences: Vec<Sentence>,
    pub mentions: &'t [Mention],
    /// Each sentence's signals, found for all sentences at once when first asked for.
    signals: OnceCell<Vec<u8>>,
}

impl<'t> Doc<'t> {
    /// Splits `text` into sentences and assigns each its mentions (mentions are in text order).
    pub fn new(text: &'t str, mentions: &'t [Mention]) -> Doc<'t> {
        let mut from = 0;
        let sentences = text::sentences(text)
            .into_iter()
            .map(|range| {
                let start = from + mentions[from..].partition_point(|m| m.start < range.start);
                let end = start + mentions[start..].partition_point(|m| m.start < range.end);
                from = end;
                Sentence {
                    range,
                    mentions: start..end,
                    tokens: OnceCell::new(),
                    script: OnceCell::new(),
                }
            })
            .collect();
        Doc {
            text,
            sentences,
            mentions,
            signals: OnceCell::new(),
        }
    }

    /// The tokens of sentence `i` (tokenised once).
    pub fn tokens(&self, i: usize) -> &[Token] {
        let s = &self.sentences[i];
        s.tokens
            .get_or_init(|| text::tokens(self.text, s.range.clone()))
    }

    /// The script of sentence `i`.
    pub fn script(&self, i: usize) -> Script {
        let s = &self.sentences[i];
        *s.script
            .get_or_init(|| Script::of(&self.text[s.range.clone()]))
    }

    /// The signals of sentence `i`: which claim words and unit words it holds ([`crate::signals`]).
    pub fn signals(&self, i: usize) -> u8 {
        self.signals.get_or_init(|| {
            let ranges: Vec<Range<usize>> =
                self.sentences.iter().map(|s| s.range.clone()).collect();
            crate::signals::of_all(self.text, &ranges)
        })[i]
    }

    /// The text of sentence `i`.
    pub fn sentence_text(&self, i: usize) -> &'t str {
        &self.text[self.sentences[i].range.clone()]
    }

    /// The mentions of sentence `i` that end inside it, with their indices.
    pub fn sentence_mentions(&self, i: usize) -> impl Iterator<Item = (usize, &'t Mention)> + '_ {
        let s = &self.sentences[i];
        let end = s.range.end;
        let ms: &'t [Mention] = self.mentions;
        s.mentions
            .clone()
            .map(move |k| (k, &ms[k]))
            .filter(move |(_, m)| m.end <= end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts() {
        assert_eq!(Script::of("Ukrainian forces took Izium."), Script::Latin);
        assert_eq!(
            Script::of("Сили оборони звільнили Ізюм."),
            Script::Ukrainian
        );
        assert_eq!(
            Script::of("Российские войска вышли из Херсона."),
            Script::Russian
        );
        assert_eq!(Script::of("Бои у Бахмута"), Script::Cyrillic);
        assert_eq!(
            Script::of("Подразделения ВСУ оставили Авдеевку."),
            Script::Russian
        );
        assert_eq!(Script::of(""), Script::Latin);
    }

    #[test]
    fn sentences_know_their_mentions() {
        let text = "One. Two here. Three.";
        let m = |start: usize, end: usize| Mention {
            start,
            end,
            text: text[start..end].to_string(),
            entry: None,
            score: 0.0,
            candidates: 0,
            role: crate::extract::recognize::Role::Literal,
            feature: None,
            alternatives: Vec::new(),
        };
        let ms = vec![m(0, 3), m(5, 8), m(9, 13), m(15, 20)];
        let d = Doc::new(text, &ms);
        let got: Vec<Vec<usize>> = (0..d.sentences.len())
            .map(|i| d.sentence_mentions(i).map(|(k, _)| k).collect())
            .collect();
        assert_eq!(got, vec![vec![0], vec![1, 2], vec![3]]);
        assert_eq!(d.tokens(1).len(), 3);
        assert_eq!(d.sentence_text(2), "Three.");
    }
}
