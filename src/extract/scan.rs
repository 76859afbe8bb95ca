//! Spotting gazetteer names in text: the document is folded once (light key, with a map back to the original
//! byte offsets), then the light-key FST of every gazetteer layer is walked byte by byte from each capitalised
//! word start, keeping the longest name that ends at a word boundary. Invalid UTF-8 is treated as a break, so
//! offsets always refer to the original bytes.

use crate::gazetteer::Gazetteer;
use crate::index::step;
use crate::names::fold::{fold_char, is_apostrophe, Folded};

/// A folded document.
pub struct FoldedText {
    /// Folded text (lowercase, no diacritics or apostrophes, one space per separator run; '\n' at breaks).
    pub text: Vec<u8>,
    /// For each folded byte, the original byte offset of the character it came from.
    pub orig: Vec<u32>,
    /// For each folded byte, the original byte offset just after that character.
    pub orig_end: Vec<u32>,
}

/// Folds raw document bytes.
pub fn fold(bytes: &[u8]) -> FoldedText {
    let mut f = FoldedText {
        text: Vec::with_capacity(bytes.len()),
        orig: Vec::new(),
        orig_end: Vec::new(),
    };
    f.orig.reserve(bytes.len());
    f.orig_end.reserve(bytes.len());
    let mut pos = 0usize;
    let mut pending_space: Option<(u32, u32)> = None;
    let mut buf = [0u8; 4];
    let push = |f: &mut FoldedText, s: &[u8], a: u32, b: u32| {
        for &x in s {
            f.text.push(x);
            f.orig.push(a);
            f.orig_end.push(b);
        }
    };
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        let vb = valid.as_bytes();
        let mut i = 0;
        while i < vb.len() {
            let a = (pos + i) as u32;
            // ASCII letters and digits, the bulk of news text, fold without decoding.
            let x = vb[i];
            if x.is_ascii_alphanumeric() {
                if let Some((sa, sb)) = pending_space.take() {
                    push(&mut f, b" ", sa, sb);
                }
                f.text.push(x.to_ascii_lowercase());
                f.orig.push(a);
                f.orig_end.push(a + 1);
                i += 1;
                continue;
            }
            let Some(c) = valid[i..].chars().next() else {
                break;
            };
            i += c.len_utf8();
            let b = a + c.len_utf8() as u32;
            match fold_char(c) {
                Folded::Drop => {}
                Folded::Space => {
                    if pending_space.is_none() {
                        pending_space = Some((a, b));
                    }
                }
                Folded::Break => {
                    pending_space = None;
                    push(&mut f, b"\n", a, b);
                }
                Folded::Chars(x, y) => {
                    if let Some((sa, sb)) = pending_space.take() {
                        push(&mut f, b" ", sa, sb);
                    }
                    push(&mut f, x.encode_utf8(&mut buf).as_bytes(), a, b);
                    if let Some(y) = y {
                        push(&mut f, y.encode_utf8(&mut buf).as_bytes(), a, b);
                    }
                }
            }
        }
        pos += valid.len();
        if !chunk.invalid().is_empty() {
            pending_space = None;
            let a = pos as u32;
            pos += chunk.invalid().len();
            push(&mut f, b"\n", a, pos as u32);
        }
    }
    f
}

/// A spotted name: original byte span, the folded key, and which layers know it.
#[derive(Debug, Clone)]
pub struct Spot {
    pub start: usize,
    pub end: usize,
    pub key: String,
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// Longest names starting at each capitalised word.
pub fn spot(g: &Gazetteer, src: &[u8], f: &FoldedText) -> Vec<Spot> {
    const MAX_NAME: usize = 80;
    let n = f.text.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let at_word_start = is_word_byte(f.text[i])
            && (i == 0 || !is_word_byte(f.text[i - 1]))
            && (f.text[i] & 0xC0) != 0x80;
        if !at_word_start || !starts_uppercase(src, f.orig[i] as usize) {
            i += 1;
            continue;
        }
        let mut best: Option<usize> = None;
        for layer in g.layers() {
            let fst = layer.exact_fst();
            let mut node = fst.root();
            let mut out_v = 0u64;
            let mut p = i;
            // A name never ends with a possessive 's: "France's" is not "Frances", "Modi's" not "Modis".
            let mut possessive_end: Option<usize> = None;
            while p < n && p - i < MAX_NAME {
                // Later words of a name are capitalised or particles ("Rostov-on-Don", "Kharkiv region"):
                // the recogniser rejects anything else, so the walk stops there.
                if f.text[p] == b' ' && p > i && !continues_name(src, f, p + 1) {
                    break;
                }
                match step(fst, &node, f.text[p], &mut out_v) {
                    Some(nx) => node = nx,
                    None => break,
                }
                p += 1;
                if node.is_final()
                    && boundary(src, f, p)
                    && best.is_none_or(|b| p > b)
                    && possessive_end.is_none_or(|e| p != e + 1)
                    && !(p >= 2 && before_possessive(src, f, p - 1))
                {
                    best = Some(p);
                    if before_possessive(src, f, p) {
                        possessive_end = Some(p);
                    }
                }
            }
        }
        match best {
            Some(e) => {
                let key = String::from_utf8_lossy(&f.text[i..e]).into_owned();
                let start = f.orig[i] as usize;
                let end = f.orig_end[e - 1] as usize;
                out.push(Spot { start, end, key });
                i = e;
            }
            None => {
                // skip to the next word
                while i < n && is_word_byte(f.text[i]) {
                    i += 1;
                }
            }
        }
    }
    out
}

/// Whether the word at folded position `p` may continue a name: capitalised, a digit, or a name particle.
fn continues_name(src: &[u8], f: &FoldedText, p: usize) -> bool {
    let Some(&b) = f.text.get(p) else {
        return false;
    };
    if b.is_ascii_digit() || starts_uppercase(src, f.orig[p] as usize) {
        return true;
    }
    let end = f.text[p..]
        .iter()
        .position(|b| !is_word_byte(*b))
        .map_or(f.text.len(), |e| p + e);
    std::str::from_utf8(&f.text[p..end])
        .is_ok_and(|w| super::words::contains(super::words::NAME_PARTICLES, w))
}

fn starts_uppercase(src: &[u8], at: usize) -> bool {
    if let Some(b) = src.get(at).filter(|b| b.is_ascii()) {
        return b.is_ascii_uppercase();
    }
    let s = &src[at..src.len().min(at + 4)];
    let c = match std::str::from_utf8(s) {
        Ok(t) => t.chars().next(),
        Err(e) => std::str::from_utf8(&s[..e.valid_up_to()])
            .ok()
            .and_then(|t| t.chars().next()),
    };
    c.is_some_and(|c| c.is_uppercase())
}

/// Whether a name may end before folded position `p`: at a non-word byte, at the end, or before a possessive
/// apostrophe-s ("Ukraine's").
fn boundary(src: &[u8], f: &FoldedText, p: usize) -> bool {
    if p >= f.text.len() || !is_word_byte(f.text[p]) {
        return true;
    }
    if (f.text[p] & 0xC0) == 0x80 {
        return false;
    }
    before_possessive(src, f, p)
}

/// Whether folded position `p` (inside a word) is the "s" of a possessive apostrophe-s ("Ukraine's").
fn before_possessive(src: &[u8], f: &FoldedText, p: usize) -> bool {
    if p == 0 || p >= f.text.len() {
        return false;
    }
    // The folded text dropped an apostrophe here if the original has one between the two characters.
    let after = f.orig_end[p - 1] as usize;
    let next = f.orig[p] as usize;
    if next > after {
        if let Ok(gap) = std::str::from_utf8(&src[after..next]) {
            if gap.chars().all(is_apostrophe)
                && f.text[p] == b's'
                && (p + 1 >= f.text.len() || !is_word_byte(f.text[p + 1]))
            {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_keeps_offsets() {
        let s = "Kup’yans’k, Ізюм\r\nX";
        let f = fold(s.as_bytes());
        let t = String::from_utf8(f.text.clone()).unwrap();
        assert_eq!(t, "kupyansk, ізюм\n\nx");
        // 'і' starts at the original offset of 'І'
        let i = t.find('і').unwrap();
        assert_eq!(&s[f.orig[i] as usize..f.orig_end[i] as usize], "І");
    }

    #[test]
    fn fold_survives_invalid_utf8() {
        let f = fold(b"Kyiv \xff\xfe Lviv");
        let t = String::from_utf8(f.text).unwrap();
        assert!(
            t.starts_with("kyiv\n") && t.ends_with("lviv") && !t.contains("kyiv lviv"),
            "{t:?}"
        );
    }
}
