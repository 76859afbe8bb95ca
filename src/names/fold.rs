//! Matching keys for place names.
//!
//! Two keys are used, applied identically to gazetteer names and to query strings:
//!
//! * the **light key** ([`light_key`]): lowercase, Latin diacritics stripped (Kupiańsk = Kupiansk), apostrophe
//!   variants removed (Kup'yans'k = Kup’yans’k = Kupyansk), hyphens and white space folded to one space.
//!   Cyrillic letters keep their marks: NFD would turn ї into і and й into и, which are different letters.
//! * the **Slavic key** ([`slavic_key`]): the light key plus the phonetic rules that unify romanizations of the
//!   same Cyrillic name (y/j -> i, kh -> h, zh -> z, ts -> c, ye/ie -> e, -oye -> -e, doubled letters...), used as
//!   a lower-ranked fallback for names from Cyrillic-writing countries.
//!
//! [`fold_char`] is the per-character core of the light key; the text scanner uses it to fold a document
//! while keeping a map back to the original byte offsets.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// How one input character contributes to the light key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Folded {
    /// Dropped entirely (apostrophes, combining marks, format characters).
    Drop,
    /// A separator: folds to a single space (hyphens, white space).
    Space,
    /// A line break: never part of a name.
    Break,
    /// One or two output characters.
    Chars(char, Option<char>),
}

/// Apostrophe-like characters that spellings of the same name use interchangeably.
pub fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '’' | 'ʼ' | '`' | 'ʹ' | 'ʺ' | '”' | '‘' | '´' | 'ʻ' | '′' | '″'
    )
}

/// Characters that show nothing: zero-width spaces and joiners, direction marks, embeddings, overrides and
/// isolates (U+202E reverses what follows), word joiners, variation selectors, emoji tags and skin tones.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{1F3FB}'..='\u{1F3FF}'
            | '\u{E0000}'..='\u{E007F}'
    )
}

/// Quotation marks around a name ("“Izium”", "«Харків»"); '”' is an apostrophe already.
fn is_quotation_mark(c: char) -> bool {
    matches!(c, '“' | '„' | '‟' | '‚' | '‛' | '«' | '»' | '‹' | '›')
}

/// Symbols and emoji: a bullet, an ellipsis, arrows, shapes, dingbats, pictographs, flags. They separate
/// words like a space ("Kyiv🔥", "Kharkiv🇺🇦", "•Izium").
fn is_symbol(c: char) -> bool {
    matches!(
        c,
        '\u{2022}'..='\u{2027}' | '\u{2190}'..='\u{2BFF}' | '\u{1F000}'..='\u{1FAFF}'
    )
}

/// The Latin letter a Cyrillic one looks like (а, е, і, о, р, с, у, х and their capitals...), as a folded
/// lowercase letter. A Latin name with one Cyrillic look-alike typed into it ("Kharkіv" with Ukrainian і)
/// is read as Latin: see [`fold_in_word`].
pub fn latin_twin(c: char) -> Option<char> {
    Some(match c {
        'а' | 'А' => 'a',
        'В' => 'b',
        'с' | 'С' => 'c',
        'ԁ' => 'd',
        'е' | 'Е' => 'e',
        'Н' => 'h',
        'і' | 'І' => 'i',
        'ј' | 'Ј' => 'j',
        'к' | 'К' => 'k',
        'ӏ' => 'l',
        'М' => 'm',
        'о' | 'О' => 'o',
        'р' | 'Р' => 'p',
        'ѕ' | 'Ѕ' => 's',
        'Т' => 't',
        'у' | 'У' => 'y',
        'х' | 'Х' => 'x',
        _ => return None,
    })
}

/// [`fold_char`] for a character between two others: a Cyrillic look-alike next to a Latin letter folds
/// as that Latin letter. `prev_latin`: the folded character before is a Latin letter; `next`: the next
/// character of the text.
pub fn fold_in_word(c: char, prev_latin: bool, next: Option<char>) -> Folded {
    match latin_twin(c) {
        Some(l) if prev_latin || next.is_some_and(|n| n.is_ascii_alphabetic()) => {
            Folded::Chars(l, None)
        }
        _ => fold_char(c),
    }
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{052F}')
}

/// Folds one character for the light key.
pub fn fold_char(c: char) -> Folded {
    // ASCII first: most news text is ASCII, and the answer is simple.
    if c.is_ascii() {
        return match c {
            '\n' | '\r' => Folded::Break,
            '-' | '_' => Folded::Space,
            '\'' | '`' => Folded::Drop,
            c if c.is_ascii_whitespace() || c == '\u{0B}' => Folded::Space,
            c => Folded::Chars(c.to_ascii_lowercase(), None),
        };
    }
    if c == '\n' || c == '\r' || c == '\u{2028}' || c == '\u{2029}' {
        return Folded::Break;
    }
    if c.is_whitespace() || matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '—' | '_') {
        return Folded::Space;
    }
    if is_apostrophe(c) || is_combining_mark(c) || is_invisible(c) || is_quotation_mark(c) {
        return Folded::Drop;
    }
    if is_symbol(c) {
        return Folded::Space;
    }
    if c.is_ascii() {
        return Folded::Chars(c.to_ascii_lowercase(), None);
    }
    if is_cyrillic(c) {
        return lower(c);
    }
    match c {
        'ł' | 'Ł' => return Folded::Chars('l', None),
        'ø' | 'Ø' => return Folded::Chars('o', None),
        'đ' | 'Đ' => return Folded::Chars('d', None),
        'ı' => return Folded::Chars('i', None),
        'ß' => return Folded::Chars('s', Some('s')),
        'æ' | 'Æ' => return Folded::Chars('a', Some('e')),
        'œ' | 'Œ' => return Folded::Chars('o', Some('e')),
        'þ' | 'Þ' => return Folded::Chars('t', Some('h')),
        _ => {}
    }
    let mut base = None;
    decompose_canonical(c, |d| {
        if base.is_none() && !is_combining_mark(d) {
            base = Some(d);
        }
    });
    lower(base.unwrap_or(c))
}

fn lower(c: char) -> Folded {
    let mut it = c.to_lowercase();
    let a = it.next().unwrap_or(c);
    let b = it.next().filter(|b| !is_combining_mark(*b));
    Folded::Chars(a, b)
}

/// The light key of a name: see the module docs.
pub fn light_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let prev_latin = !pending_space
            && out
                .chars()
                .next_back()
                .is_some_and(|p| p.is_ascii_alphabetic());
        match fold_in_word(c, prev_latin, chars.peek().copied()) {
            Folded::Drop => {}
            Folded::Space | Folded::Break => pending_space = !out.is_empty(),
            Folded::Chars(a, b) => {
                if pending_space {
                    out.push(' ');
                    pending_space = false;
                }
                out.push(a);
                if let Some(b) = b {
                    out.push(b);
                }
            }
        }
    }
    out
}

/// Expands Latin letters whose diacritic carries a sound (Slavic transliterations) before stripping.
fn expand_slavic(c: char) -> Option<&'static str> {
    Some(match c {
        'č' | 'Č' => "ch",
        'š' | 'Š' => "sh",
        'ž' | 'Ž' | 'ż' | 'Ż' => "zh",
        'ŝ' | 'Ŝ' => "shch",
        'û' | 'Û' => "iu",
        'â' | 'Â' => "ia",
        'ê' | 'Ê' => "ie",
        'ć' | 'Ć' => "ch",
        'ś' | 'Ś' => "sh",
        'ź' | 'Ź' => "zh",
        _ => return None,
    })
}

/// The Slavic phonetic key (rules 1-16 of the romanization research note), for Latin-script names.
/// Names that still contain Cyrillic after folding return `None`: romanize them first.
pub fn slavic_key(s: &str) -> Option<String> {
    let mut k = slavic_light_key(s)?.into_bytes();
    // The rules rewrite ASCII bytes in order, each over the whole key as `str::replace` would. Rule 5 is
    // the only one that lengthens the key; the others map bytes one to one or shrink the key in place.
    if k.windows(3).any(|w| w == b"shh") {
        let mut t = Vec::with_capacity(k.len() + 4);
        replace_ascii(&k, b"shh", b"shch", &mut t); // 5: GOST 7.79-B
        k = t;
    }
    // 6: a standalone h (Ukrainian г) -> g, leaving the digraphs kh, zh, ch, sh alone (the byte before is
    // read as rule 5 left it); 7, 8: y, j -> i; 13: w -> v. No pattern of rules 9-12 holds a w or a v, so
    // rule 13 may run this early.
    let mut prev = b' ';
    for c in k.iter_mut() {
        let was = *c;
        *c = match was {
            b'h' if !matches!(prev, b'k' | b'z' | b'c' | b's') => b'g',
            b'y' | b'j' => b'i',
            b'w' => b'v',
            other => other,
        };
        prev = was;
    }
    shrink_ascii(&mut k, b"kh", b"h"); // 9
    shrink_ascii(&mut k, b"zh", b"z"); // 10
    shrink_ascii(&mut k, b"shch", b"sch"); // 11
    shrink_ascii(&mut k, b"ts", b"c"); // 12
    shrink_ascii(&mut k, b"ie", b"e"); // 14 (ye became ie at step 7)
                                       // 15: the Russian neuter ending.
    neuter_endings(&mut k);
    // 16: collapse doubled letters.
    k.dedup_by(|c, last| c == last && *c != b' ');
    String::from_utf8(k).ok()
}

/// Steps 1-4 of the Slavic key: casefold, apostrophes, hyphens, diacritics (expanding the ones that carry a
/// sound); None unless the result is ASCII.
fn slavic_light_key(s: &str) -> Option<String> {
    let k = if s.is_ascii() {
        light_key(s)
    } else {
        let mut pre = String::with_capacity(s.len() + 4);
        for c in s.chars() {
            match expand_slavic(c) {
                Some(e) => pre.push_str(e),
                None => pre.push(c),
            }
        }
        light_key(&pre)
    };
    Some(k).filter(|k| k.is_ascii())
}

/// `from` replaced by the shorter `to` in ASCII bytes, left to right without overlaps (as `str::replace`
/// does), in place: what is written never passes what is still to be read.
fn shrink_ascii(k: &mut Vec<u8>, from: &[u8], to: &[u8]) {
    debug_assert!(!from.is_empty() && to.len() <= from.len());
    let (mut r, mut w) = (0, 0);
    while r < k.len() {
        if k[r] == from[0] && k[r..].starts_with(from) {
            k[w..w + to.len()].copy_from_slice(to);
            w += to.len();
            r += from.len();
        } else {
            k[w] = k[r];
            w += 1;
            r += 1;
        }
    }
    k.truncate(w);
}

/// Rule 15 of the Slavic key: the Russian neuter ending -oe/-oie -> -e at the end of each word (a word that
/// is only the ending stays), in place.
fn neuter_endings(k: &mut Vec<u8>) {
    let (mut a, mut w) = (0, 0);
    loop {
        let b = k[a..]
            .iter()
            .position(|&c| c == b' ')
            .map_or(k.len(), |p| a + p);
        let word = &k[a..b];
        let cut = if word.ends_with(b"oie") {
            if word.len() > 3 {
                3
            } else {
                0
            }
        } else if word.ends_with(b"oe") && word.len() > 2 {
            2
        } else {
            0
        };
        let keep = b - a - cut;
        k.copy_within(a..a + keep, w);
        w += keep;
        if cut > 0 {
            k[w] = b'e';
            w += 1;
        }
        if b == k.len() {
            break;
        }
        k[w] = b' ';
        w += 1;
        a = b + 1;
    }
    k.truncate(w);
}

/// `from` replaced by `to` in ASCII bytes, left to right without overlaps (as `str::replace` does).
fn replace_ascii(k: &[u8], from: &[u8], to: &[u8], out: &mut Vec<u8>) {
    let mut i = 0;
    while i < k.len() {
        if k[i..].starts_with(from) {
            out.extend_from_slice(to);
            i += from.len();
        } else {
            out.push(k[i]);
            i += 1;
        }
    }
}

/// The rules of [`slavic_key`] as first written, one `str` rewrite each: the reference the byte version
/// is tested against.
#[cfg(test)]
fn slavic_key_reference(s: &str) -> Option<String> {
    let k = slavic_light_key(s)?;
    let mut k = k.replace("shh", "shch");
    let b: Vec<u8> = k.bytes().collect();
    let mut s6 = String::with_capacity(b.len());
    for (i, &c) in b.iter().enumerate() {
        let prev = if i > 0 { b[i - 1] } else { b' ' };
        if c == b'h' && !matches!(prev, b'k' | b'z' | b'c' | b's') {
            s6.push('g');
        } else {
            s6.push(c as char);
        }
    }
    k = s6.replace(['y', 'j'], "i");
    k = k.replace("kh", "h");
    k = k.replace("zh", "z");
    k = k.replace("shch", "sch");
    k = k.replace("ts", "c");
    k = k.replace('w', "v");
    k = k.replace("ie", "e");
    let mut s15 = String::with_capacity(k.len());
    for (n, w) in k.split(' ').enumerate() {
        if n > 0 {
            s15.push(' ');
        }
        if let Some(stem) = w.strip_suffix("oie").or_else(|| w.strip_suffix("oe")) {
            if !stem.is_empty() {
                s15.push_str(stem);
                s15.push('e');
                continue;
            }
        }
        s15.push_str(w);
    }
    let mut out = String::with_capacity(s15.len());
    let mut last = '\0';
    for c in s15.chars() {
        if c != last || c == ' ' {
            out.push(c);
        }
        last = c;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn look_alikes_fold_as_latin_only_beside_latin_letters() {
        assert_eq!(light_key("Kharkіv"), "kharkiv");
        assert_eq!(light_key("Кharkiv"), "kharkiv");
        assert_eq!(light_key("Харків"), "харків");
        assert_eq!(light_key("Kharkiv Харків"), "kharkiv харків");
    }

    #[test]
    fn invisible_characters_quotes_and_symbols() {
        assert_eq!(fold_char('\u{202E}'), Folded::Drop);
        assert_eq!(fold_char('\u{FE0F}'), Folded::Drop);
        assert_eq!(fold_char('«'), Folded::Drop);
        assert_eq!(fold_char('🔥'), Folded::Space);
        assert_eq!(fold_char('🇺'), Folded::Space);
        assert_eq!(fold_char('…'), Folded::Space);
        assert_eq!(light_key("“Izium”🔥"), "izium");
    }

    #[test]
    fn light_key_folds_case_diacritics_apostrophes_hyphens() {
        assert_eq!(light_key("Kup'yans'k"), "kupyansk");
        assert_eq!(light_key("Kup’yans’k"), "kupyansk");
        assert_eq!(light_key("Kupʼyansʼk"), "kupyansk");
        assert_eq!(light_key("Kupiańsk"), "kupiansk");
        assert_eq!(light_key("Ivano-Frankivsk"), "ivano frankivsk");
        assert_eq!(light_key("  Kryvyi   Rih "), "kryvyi rih");
        assert_eq!(light_key("Charków"), "charkow");
        assert_eq!(light_key("Łódź"), "lodz");
        assert_eq!(light_key("U.S."), "u.s.");
    }

    #[test]
    fn ascii_fast_path_agrees_with_the_rules() {
        for b in 0u8..128 {
            let c = b as char;
            let want = if c == '\n' || c == '\r' {
                Folded::Break
            } else if c.is_whitespace() || c == '-' || c == '_' {
                Folded::Space
            } else if is_apostrophe(c) {
                Folded::Drop
            } else {
                Folded::Chars(c.to_ascii_lowercase(), None)
            };
            assert_eq!(fold_char(c), want, "{b}");
        }
    }

    #[test]
    fn light_key_keeps_cyrillic_letters_distinct() {
        // NFD would turn ї into і and й into и: they must survive folding.
        assert_eq!(light_key("Ізюм"), "ізюм");
        assert_eq!(light_key("Київ"), "київ");
        assert_ne!(light_key("Київ"), light_key("Кіів"));
        assert_eq!(light_key("Зміїв"), "зміїв");
        assert_eq!(light_key("Куп’янськ"), light_key("Куп'янськ"));
        assert_eq!(light_key("Край"), "край");
    }

    #[test]
    fn slavic_key_rules_match_their_reference() {
        for name in [
            "Shhors",
            "Khersonskoye",
            "Zhytomyr",
            "Yasynuvata",
            "Tsvitne",
            "Dnipropetrovskoie",
            "Hulyaipole",
            "Volnovakha",
            "Ivano-Frankivsk",
            "Nova  Kakhovka",
            "oe",
            "shhh",
            "Ўжгород",
            "Kharkiv's",
            "",
            " ",
            "Aa  bb",
            "Kiev",
            "Київ",
        ] {
            assert_eq!(slavic_key(name), slavic_key_reference(name), "{name:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn slavic_key_agrees_with_its_reference(s in "[a-zA-Z hjkswyzietoc'\\-ї]{0,24}") {
            proptest::prop_assert_eq!(slavic_key(&s), slavic_key_reference(&s));
        }
    }

    #[test]
    fn slavic_key_unifies_romanizations() {
        let k = |s| slavic_key(s).unwrap();
        assert_eq!(k("Kupyansk"), k("Kupiansk"));
        assert_eq!(k("Izyum"), k("Izium"));
        assert_eq!(k("Izjum"), k("Izium"));
        assert_eq!(k("Zaporozhye"), k("Zaporozhe"));
        assert_eq!(k("Zaporizhzhia"), k("Zaporizhia"));
        assert_eq!(k("Luhansk"), k("Lugansk"));
        assert_eq!(k("Odessa"), k("Odesa"));
        assert_eq!(k("Donetsk"), k("Doneck"));
        assert_eq!(k("Kropyvnytskyi"), k("Kropyvnytskyy"));
        assert_eq!(k("Yuzhnoye"), k("Yuzhne"));
        assert_eq!(k("Charkiw"), k("Charkiv"));
        assert_eq!(k("Zaporižžja"), k("Zaporizhzhia"));
        assert_ne!(k("Kyiv"), k("Lviv"));
        assert!(slavic_key("Київ").is_none());
    }
}
