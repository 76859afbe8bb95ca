//! Spotting gazetteer names in text: the document is folded once (light key, with a map back to the original
//! byte offsets), then the light-key FST of every gazetteer layer is walked byte by byte from each capitalised
//! word start, keeping the longest name that ends at a word boundary. Invalid UTF-8 is treated as a break, so
//! offsets always refer to the original bytes.

use crate::gazetteer::Gazetteer;
use crate::index::{pair_byte, step, Index};
use crate::names::fold::{fold_char, fold_in_word, is_apostrophe, Folded};

/// A folded document.
pub struct FoldedText {
    /// Folded text (lowercase, no diacritics or apostrophes, one space per separator run; '\n' at breaks).
    pub text: Vec<u8>,
    /// For each folded byte, the original byte offset of the character it came from.
    pub orig: Vec<usize>,
    /// For each folded byte, the original byte offset just after that character.
    pub orig_end: Vec<usize>,
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
    let mut pending_space: Option<(usize, usize)> = None;
    let mut buf = [0u8; 4];
    let push = |f: &mut FoldedText, s: &[u8], a: usize, b: usize| {
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
            let a = pos + i;
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
            let b = a + c.len_utf8();
            let prev_latin =
                pending_space.is_none() && f.text.last().is_some_and(u8::is_ascii_alphabetic);
            match fold_in_word(c, prev_latin, valid[i..].chars().next()) {
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
            let a = pos;
            pos += chunk.invalid().len();
            push(&mut f, b"\n", a, pos);
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

/// The walk of one layer's FST over a whole first word ("kharkiv" of "Kharkiv region"): where it ends up and
/// whether a name ends with the word or one byte before it (a possessive "s"). Capitalised words repeat, so the
/// scanner remembers these per word instead of stepping through the FST byte by byte each time.
#[derive(Debug, Clone, Copy)]
pub struct WordWalk {
    /// The node after the word ([`WordWalk::DEAD`] when no name goes that far) and the output so far.
    addr: usize,
    out: u64,
    /// The ASCII bytes a name may go on with after the word, for the bytes [`WordWalk::bit`] maps.
    next_ascii: u64,
    final_end: bool,
    final_before_last: bool,
}

impl WordWalk {
    const DEAD: usize = usize::MAX;

    /// Where the walk ends up, if a name goes that far.
    fn state(&self) -> Option<(usize, u64)> {
        (self.addr != Self::DEAD).then_some((self.addr, self.out))
    }

    /// The bit of [`WordWalk::next_ascii`] for byte `b`: ' ' to '^' and the line break have one; for other
    /// bytes the walk does not say.
    fn bit(b: u8) -> Option<u32> {
        match b {
            b'\n' => Some(63),
            0x20..=0x5E => Some(u32::from(b - 0x20)),
            _ => None,
        }
    }

    /// Whether no name starts with a run of ASCII letters and digits walked here when the source byte
    /// after it is `next` (ASCII, not a letter or digit; None at the end): no name ends with the run, and
    /// none goes on with what that byte folds to (a separator folds to ' ' or a line break). A name ending
    /// one byte earlier does not count: inside such a run no possessive apostrophe can stand before it.
    fn dead_before(&self, next: Option<u8>) -> bool {
        if self.final_end {
            return false;
        }
        let goes_on = |b: u8| Self::bit(b).is_none_or(|k| self.next_ascii & (1 << k) != 0);
        self.state().is_none()
            || match next.map(|b| fold_char(b as char)) {
                None => true,
                Some(Folded::Break) => !goes_on(b'\n'),
                Some(Folded::Space) => !goes_on(b' ') && !goes_on(b'\n'),
                Some(Folded::Chars(c, _)) => c.is_ascii() && !goes_on(c as u8),
                Some(Folded::Drop) => false,
            }
    }
}

/// Remembered first-word walks, by layer and folded word. Bounded by [`WalkMemo::CAPACITY`].
#[derive(Default)]
pub struct WalkMemo {
    /// Words of up to [`WalkMemo::INLINE`] bytes, keyed inline (layer, length, bytes): a probe compares the
    /// key in the table without following a pointer.
    short: rustc_hash::FxHashMap<[u8; 24], WordWalk>,
    /// Longer words, by layer and word.
    long: rustc_hash::FxHashMap<Vec<u8>, WordWalk>,
    key: Vec<u8>,
}

impl WalkMemo {
    const CAPACITY: usize = 100_000;
    /// The longest word kept inline: 24 bytes less the layer (2) and the length (1).
    const INLINE: usize = 21;

    fn get(&mut self, index: &Index, layer: usize, word: &[u8]) -> WordWalk {
        if word.len() <= Self::INLINE {
            let mut key = [0u8; 24];
            key[..2].copy_from_slice(&(layer as u16).to_le_bytes());
            key[2] = word.len() as u8;
            key[3..3 + word.len()].copy_from_slice(word);
            if let Some(w) = self.short.get(&key) {
                return *w;
            }
            let walk = walk_word(index, word);
            self.make_room();
            self.short.insert(key, walk);
            return walk;
        }
        self.key.clear();
        self.key.extend_from_slice(&(layer as u16).to_le_bytes());
        self.key.extend_from_slice(word);
        if let Some(w) = self.long.get(&self.key[..]) {
            return *w;
        }
        let walk = walk_word(index, word);
        self.make_room();
        self.long.insert(self.key.clone(), walk);
        walk
    }

    fn make_room(&mut self) {
        if self.short.len() + self.long.len() >= Self::CAPACITY {
            self.short.clear();
            self.long.clear();
        }
    }
}

/// The walk of one layer's FST over a whole word. A word of three bytes or more whose first two are ASCII
/// digits or lowercase letters starts two bytes in, where the index's table of byte pairs says the walk
/// stands; any other word walks from the root.
fn walk_word(index: &Index, word: &[u8]) -> WordWalk {
    let fst = index.exact_fst();
    let mut walk = WordWalk {
        addr: WordWalk::DEAD,
        out: 0,
        next_ascii: 0,
        final_end: false,
        final_before_last: false,
    };
    let (mut node, mut out, from) = match *word {
        [a, b, _, ..] if pair_byte(a) && pair_byte(b) => match index.pair_start(a, b) {
            Some((addr, out)) => (fst.node(addr), out, 2),
            // No key starts with these two bytes: the walk dies before any byte it would report on.
            None => return walk,
        },
        _ => (fst.root(), 0u64, 0),
    };
    if from == 2 && word.len() == 3 {
        walk.final_before_last = node.is_final();
    }
    let mut ok = true;
    for (i, &b) in word.iter().enumerate().skip(from) {
        match step(fst, &node, b, &mut out) {
            Some(nx) => node = nx,
            None => {
                ok = false;
                break;
            }
        }
        if i + 2 == word.len() {
            walk.final_before_last = node.is_final();
        }
    }
    if ok {
        walk.final_end = node.is_final();
        walk.addr = node.addr();
        walk.out = out;
        walk.next_ascii = node
            .transitions()
            .filter_map(|t| WordWalk::bit(t.inp))
            .fold(0, |m, k| m | 1 << k);
    }
    walk
}

/// Longest names starting at each capitalised word. Only the text right after a capitalised word start is
/// folded, and only as far as the gazetteer's names lead: most of a document is never folded at all.
pub fn spot(g: &Gazetteer, src: &[u8], caps: &[usize], memo: &mut WalkMemo) -> Vec<Spot> {
    const MAX_NAME: usize = 80;
    // About two in five capitalised words begin a spot.
    let mut out = Vec::with_capacity(caps.len() / 2 + 4);
    let mut w = Window::new(src);
    let mut first = [0u8; MAX_NAME];
    let mut at = 0;
    for &start in caps {
        if start < at {
            continue;
        }
        at = start + 1;
        if !word_start(src, start) {
            continue;
        }
        // Most capitalised words begin no name ("The", "President"): an ASCII word is its own folded
        // first word, and the remembered walks turn it away without folding anything.
        let ascii = ascii_first_word(src, start, &mut first);
        // The walks looked up here, by layer, for the name walk below (the first few layers).
        let mut known: [Option<WordWalk>; 4] = [None; 4];
        if let Some(wl) = ascii {
            let next = src.get(start + wl).copied();
            let mut layers = g.layers().iter().enumerate();
            if layers.all(|(l, layer)| {
                let walk = memo.get(layer, l, &first[..wl]);
                if let Some(k) = known.get_mut(l) {
                    *k = Some(walk);
                }
                walk.dead_before(next)
            }) {
                at = start + wl;
                continue;
            }
        }
        w.reset(start);
        // The first word, folded (an ASCII one is already known: folding it is one run).
        let wl = match ascii {
            Some(wl) => {
                w.seed_ascii(&first[..wl]);
                wl
            }
            None => {
                let mut wl = 0;
                while w.get(wl).is_some_and(is_word_byte) {
                    wl += 1;
                }
                wl
            }
        };
        let mut best: Option<usize> = None;
        for (l, layer) in g.layers().iter().enumerate() {
            let fst = layer.exact_fst();
            // A name never ends with a possessive 's: "France's" is not "Frances", "Modi's" not "Modis".
            let mut possessive_end: Option<usize> = None;
            let mut consider = |w: &mut Window, p: usize, best: &mut Option<usize>| {
                if w.boundary(p)
                    && best.is_none_or(|b| p > b)
                    && possessive_end.is_none_or(|e| p != e + 1)
                    && !(p >= 2 && w.before_possessive(p - 1))
                {
                    *best = Some(p);
                    if w.before_possessive(p) {
                        possessive_end = Some(p);
                    }
                }
            };
            let (mut node, mut out_v, mut p) = if wl > 0 && wl < MAX_NAME {
                // An ASCII first word folds to itself, so its walk is the one looked up above.
                let walk = match known.get(l).copied().flatten() {
                    Some(walk) => walk,
                    None => memo.get(layer, l, &w.text[..wl]),
                };
                if walk.final_before_last && wl >= 2 {
                    consider(&mut w, wl - 1, &mut best);
                }
                if walk.final_end {
                    consider(&mut w, wl, &mut best);
                }
                match walk.state() {
                    Some((addr, o)) => (fst.node(addr), o, wl),
                    None => continue,
                }
            } else {
                (fst.root(), 0u64, 0)
            };
            while p < MAX_NAME {
                let Some(b) = w.get(p) else { break };
                let Some(nx) = step(fst, &node, b, &mut out_v) else {
                    break;
                };
                // Later words of a name are capitalised or particles ("Rostov-on-Don", "Kharkiv region"):
                // the recogniser rejects anything else, so the walk stops there (asked only where some
                // name goes on with another word).
                if b == b' ' && p > 0 && !w.continues_name(p + 1) {
                    break;
                }
                node = nx;
                p += 1;
                if node.is_final() {
                    consider(&mut w, p, &mut best);
                }
            }
        }
        if let Some(e) = best {
            let key = String::from_utf8_lossy(&w.text[..e]).into_owned();
            let end = w.orig_end[e - 1];
            out.push(Spot { start, end, key });
            at = end;
        }
    }
    out
}

/// Names in a case form ("з Херсона", "під Бахмутом", "до Нової Каховки"): for each capitalised Cyrillic
/// word that no spot covers, the nominatives its ending may come from ([`crate::names::inflect`]), one or two
/// words long, are looked up in the gazetteer's light-key index; a hit becomes a spot whose key is the
/// nominative. `spots` stay in text order.
pub fn add_inflected(g: &Gazetteer, src: &[u8], spots: &mut Vec<Spot>) {
    use crate::names::fold::light_key;
    use crate::names::inflect::{adjective_lemmas, noun_lemmas};
    // Cyrillic letters all start with the UTF-8 lead bytes 0xD0 or 0xD1: most documents have none.
    if memchr::memchr2(0xD0, 0xD1, src).is_none() {
        return;
    }
    let Ok(text) = std::str::from_utf8(src) else {
        return;
    };
    let words: Vec<(usize, &str)> = word_runs(text)
        .into_iter()
        .filter(|(_, w)| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() && ('\u{400}'..='\u{4FF}').contains(&c))
        })
        .collect();
    // Short stems make chance hits ("Бои" is no "Бо"): a nominative of at least four letters.
    let known = |key: &str| {
        key.chars().filter(|c| c.is_alphabetic()).count() >= 4
            && g.layers()
                .iter()
                .any(|l| l.exact_fst().get(key.as_bytes()).is_some())
    };
    let covered = |at: usize, spots: &[Spot]| {
        let k = spots.partition_point(|s| s.end <= at);
        spots.get(k).is_some_and(|s| s.start <= at)
    };
    let mut found: Vec<Spot> = Vec::new();
    for (k, &(start, word)) in words.iter().enumerate() {
        if covered(start, spots) || found.last().is_some_and(|f| f.end > start) {
            continue;
        }
        let folded = light_key(word);
        let end = start + word.len();
        // Two words: an adjective and a noun ("Нової Каховки" -> "нова каховка").
        if let Some(&(next, second)) = words
            .get(k + 1)
            .filter(|(n, _)| text[end..*n].trim().is_empty() && *n > end)
        {
            let f2 = light_key(second);
            let firsts: Vec<String> = std::iter::once(folded.clone())
                .chain(adjective_lemmas(&folded))
                .collect();
            let seconds: Vec<String> = std::iter::once(f2.clone())
                .chain(noun_lemmas(&f2))
                .collect();
            let hit = firsts
                .iter()
                .flat_map(|a| seconds.iter().map(move |b| format!("{a} {b}")))
                .find(|key| known(key) && *key != format!("{folded} {f2}"));
            if let Some(key) = hit {
                found.push(Spot {
                    start,
                    end: next + second.len(),
                    key,
                });
                continue;
            }
        }
        if let Some(key) = noun_lemmas(&folded).into_iter().find(|key| known(key)) {
            found.push(Spot { start, end, key });
        }
    }
    if !found.is_empty() {
        spots.extend(found);
        spots.sort_by_key(|s| s.start);
    }
}

/// Maximal runs of letters, digits, and apostrophes or hyphens inside them, with their byte offsets.
fn word_runs(text: &str) -> Vec<(usize, &str)> {
    let trim = |w: &str| {
        w.trim_end_matches(|c: char| c == '-' || is_apostrophe(c))
            .len()
    };
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let inner = c.is_alphanumeric() || (start.is_some() && (is_apostrophe(c) || c == '-'));
        match (inner, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, &text[s..s + trim(&text[s..i])]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..s + trim(&text[s..])]));
    }
    out
}

/// The folded first word at `start` (into `buf`, its length returned) when it can be read straight from
/// the source: a run of ASCII letters and digits shorter than `buf`, ended by the end of the text or an
/// ASCII byte that folding keeps apart from the word (not an apostrophe or backtick, which folding drops,
/// joining what follows). Otherwise (non-ASCII letters, a character after it that needs decoding) None.
fn ascii_first_word(src: &[u8], start: usize, buf: &mut [u8]) -> Option<usize> {
    let run = src[start..]
        .iter()
        .take(buf.len())
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    match src.get(start + run) {
        _ if run == 0 || run == buf.len() => None,
        Some(&b) if !b.is_ascii() || b == b'\'' || b == b'`' => None,
        _ => {
            for (d, s) in buf.iter_mut().zip(&src[start..start + run]) {
                *d = s.to_ascii_lowercase();
            }
            Some(run)
        }
    }
}

/// Where a capitalised character starts in `src`, in order: the candidate name starts that [`spot`] and
/// the unknown-name cues both walk, found once. The bytes that may begin one (an ASCII capital or the lead
/// byte of a multi-byte character) are found eight at a time in a register ([`candidates`]); a lead byte's
/// character is then decoded.
pub fn capitals(src: &[u8]) -> Vec<usize> {
    // News runs about one capitalised word per 35 bytes: room for most documents' without regrowing.
    let mut out = Vec::with_capacity(src.len() / 32 + 8);
    let mut take = |at: usize| {
        if src[at].is_ascii() || starts_uppercase(src, at) {
            out.push(at);
        }
    };
    let mut words = src.chunks_exact(8);
    let mut base = 0;
    for word in &mut words {
        let mut bits = candidates(u64::from_le_bytes(word.try_into().unwrap_or([0; 8])));
        while bits != 0 {
            take(base + bits.trailing_zeros() as usize / 8);
            bits &= bits - 1;
        }
        base += 8;
    }
    for (i, &b) in words.remainder().iter().enumerate() {
        if b.is_ascii_uppercase() || b >= 0xC0 {
            take(base + i);
        }
    }
    out
}

/// The high bit of each byte of `x` (eight text bytes, the first in the low byte) set where the byte is an
/// ASCII capital or from 0xC0 up, the rest clear. No addition carries from one byte into the next: each adds
/// at most 0x3F to a byte under 0x80.
fn candidates(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    // The two top bits set: 0xC0 and up.
    let lead = x & (x << 1) & HIGH;
    // 'A' (0x41) to 'Z' (0x5A) among the bytes under 0x80.
    let low = x & !HIGH;
    let from_a = low + ONES * (0x80 - 0x41);
    let past_z = low + ONES * (0x80 - 0x5B);
    let capital = from_a & !past_z & !x & HIGH;
    lead | capital
}

/// The character starting at `at` (None for an invalid byte), and its length in bytes (1 when invalid).
fn char_at(src: &[u8], at: usize) -> (Option<char>, usize) {
    let b = src[at];
    if b.is_ascii() {
        return (Some(b as char), 1);
    }
    let len = match b {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => return (None, 1),
    };
    match src
        .get(at..at + len)
        .and_then(|s| std::str::from_utf8(s).ok())
    {
        Some(s) => (s.chars().next(), len),
        None => (None, 1),
    }
}

/// Whether the character at `at` starts a word in the folded text: the nearest earlier character that
/// folding keeps (apostrophes and combining marks are dropped) is not a letter or digit.
fn word_start(src: &[u8], at: usize) -> bool {
    let mut i = at;
    while i > 0 {
        let mut s = i - 1;
        while s > 0 && (src[s] & 0xC0) == 0x80 && i - s < 4 {
            s -= 1;
        }
        let (c, len) = char_at(src, s);
        if s + len != i {
            return true; // an invalid byte: a break
        }
        match c.map(fold_char) {
            Some(Folded::Drop) => i = s,
            Some(Folded::Chars(x, _)) => return x.is_ascii() && !x.is_alphanumeric(),
            _ => return true,
        }
    }
    true
}

/// A document folded lazily from one start position, as far as the scanner asks.
struct Window<'a> {
    src: &'a [u8],
    next: usize,
    text: Vec<u8>,
    orig: Vec<usize>,
    orig_end: Vec<usize>,
    pending_space: Option<(usize, usize)>,
}

impl<'a> Window<'a> {
    fn new(src: &'a [u8]) -> Window<'a> {
        Window {
            src,
            next: 0,
            text: Vec::with_capacity(128),
            orig: Vec::with_capacity(128),
            orig_end: Vec::with_capacity(128),
            pending_space: None,
        }
    }

    fn reset(&mut self, at: usize) {
        self.next = at;
        self.text.clear();
        self.orig.clear();
        self.orig_end.clear();
        self.pending_space = None;
    }

    fn push(&mut self, bytes: &[u8], a: usize, b: usize) {
        for &x in bytes {
            self.text.push(x);
            self.orig.push(a);
            self.orig_end.push(b);
        }
    }

    /// Folds one more character; false at the end of the document.
    fn fill_one(&mut self) -> bool {
        if self.next >= self.src.len() {
            return false;
        }
        if self.src[self.next].is_ascii_alphanumeric() {
            self.fill_ascii_run();
            return true;
        }
        let a = self.next;
        let folded = if self.src[a].is_ascii() {
            // No ASCII character has a look-alike twin: it folds on its own.
            self.next += 1;
            fold_char(self.src[a] as char)
        } else {
            let (c, len) = char_at(self.src, self.next);
            self.next += len;
            let Some(c) = c else {
                self.pending_space = None;
                self.push(b"\n", a, self.next);
                return true;
            };
            let prev_latin = self.pending_space.is_none()
                && self.text.last().is_some_and(u8::is_ascii_alphabetic);
            let next = (self.next < self.src.len())
                .then(|| char_at(self.src, self.next).0)
                .flatten();
            fold_in_word(c, prev_latin, next)
        };
        let b = self.next;
        match folded {
            Folded::Drop => {}
            Folded::Space => {
                if self.pending_space.is_none() {
                    self.pending_space = Some((a, b));
                }
            }
            Folded::Break => {
                self.pending_space = None;
                self.push(b"\n", a, b);
            }
            Folded::Chars(x, y) => {
                if let Some((sa, sb)) = self.pending_space.take() {
                    self.push(b" ", sa, sb);
                }
                let mut buf = [0u8; 4];
                self.push(x.encode_utf8(&mut buf).as_bytes(), a, b);
                if let Some(y) = y {
                    self.push(y.encode_utf8(&mut buf).as_bytes(), a, b);
                }
            }
        }
        true
    }

    /// Starts the window (just reset) with its first word, already folded: a run of ASCII letters and
    /// digits, in lower case, that the source ends with a byte folding keeps apart (as
    /// [`ascii_first_word`] reads it). What [`Window::fill_ascii_run`] would fold, without reading it again.
    fn seed_ascii(&mut self, word: &[u8]) {
        let (a, b) = (self.next, self.next + word.len());
        self.text.extend_from_slice(word);
        self.orig.extend(a..b);
        self.orig_end.extend(a + 1..b + 1);
        self.next = b;
    }

    /// Folds a run of ASCII letters and digits (up to 64 bytes) at once: each folds to itself in lower
    /// case, byte for byte.
    fn fill_ascii_run(&mut self) {
        if let Some((sa, sb)) = self.pending_space.take() {
            self.push(b" ", sa, sb);
        }
        let a = self.next;
        let limit = (a + 64).min(self.src.len());
        let run = self.src[a..limit]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let b = a + run;
        self.text
            .extend(self.src[a..b].iter().map(u8::to_ascii_lowercase));
        self.orig.extend(a..b);
        self.orig_end.extend(a + 1..b + 1);
        self.next = b;
    }

    /// Folded byte `k`, folding as far as needed; None past the end of the document.
    #[inline]
    fn get(&mut self, k: usize) -> Option<u8> {
        match self.text.get(k) {
            Some(&b) => Some(b),
            None => self.fill_to(k),
        }
    }

    /// Folds up to folded position `k` and returns its byte (None past the end of the document).
    #[inline(never)]
    fn fill_to(&mut self, k: usize) -> Option<u8> {
        while self.text.len() <= k {
            if !self.fill_one() {
                return None;
            }
        }
        self.text.get(k).copied()
    }

    /// Whether a name may end before folded position `p`: at a non-word byte, at the end, or before a
    /// possessive apostrophe-s ("Ukraine's").
    fn boundary(&mut self, p: usize) -> bool {
        match self.get(p) {
            None => true,
            Some(b) if !is_word_byte(b) => true,
            Some(b) if (b & 0xC0) == 0x80 => false,
            Some(_) => self.before_possessive(p),
        }
    }

    /// Whether folded position `p` (inside a word) is the "s" of a possessive apostrophe-s.
    fn before_possessive(&mut self, p: usize) -> bool {
        if p == 0 || self.get(p) != Some(b's') {
            return false;
        }
        let after = self.orig_end[p - 1];
        let next = self.orig[p];
        let word_ends = self.get(p + 1).is_none_or(|b| !is_word_byte(b));
        next > after
            && word_ends
            && std::str::from_utf8(&self.src[after..next])
                .is_ok_and(|gap| gap.chars().all(is_apostrophe))
    }

    /// Whether the word at folded position `p` may continue a name: capitalised, a digit, or a particle.
    fn continues_name(&mut self, p: usize) -> bool {
        let Some(b) = self.get(p) else {
            return false;
        };
        if b.is_ascii_digit() || starts_uppercase(self.src, self.orig[p]) {
            return true;
        }
        let mut e = p;
        while self.get(e).is_some_and(is_word_byte) {
            e += 1;
        }
        std::str::from_utf8(&self.text[p..e])
            .is_ok_and(|w| super::words::contains(super::words::NAME_PARTICLES, w))
    }
}

/// The reference scanner over a fully folded document (the lazy [`spot`] must agree with it).
#[cfg(test)]
pub fn spot_folded(g: &Gazetteer, src: &[u8], f: &FoldedText) -> Vec<Spot> {
    const MAX_NAME: usize = 80;
    let n = f.text.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let at_word_start = is_word_byte(f.text[i])
            && (i == 0 || !is_word_byte(f.text[i - 1]))
            && (f.text[i] & 0xC0) != 0x80;
        if !at_word_start || !starts_uppercase(src, f.orig[i]) {
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
                let start = f.orig[i];
                let end = f.orig_end[e - 1];
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
#[cfg(test)]
fn continues_name(src: &[u8], f: &FoldedText, p: usize) -> bool {
    let Some(&b) = f.text.get(p) else {
        return false;
    };
    if b.is_ascii_digit() || starts_uppercase(src, f.orig[p]) {
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
#[cfg(test)]
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
#[cfg(test)]
fn before_possessive(src: &[u8], f: &FoldedText, p: usize) -> bool {
    if p == 0 || p >= f.text.len() {
        return false;
    }
    // The folded text dropped an apostrophe here if the original has one between the two characters.
    let after = f.orig_end[p - 1];
    let next = f.orig[p];
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
    use proptest::prelude::Strategy;

    #[test]
    fn fold_keeps_offsets() {
        let s = "Kup’yans’k, Ізюм\r\nX";
        let f = fold(s.as_bytes());
        let t = String::from_utf8(f.text.clone()).unwrap();
        assert_eq!(t, "kupyansk, ізюм\n\nx");
        // 'і' starts at the original offset of 'І'
        let i = t.find('і').unwrap();
        assert_eq!(&s[f.orig[i]..f.orig_end[i]], "І");
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

    fn gazetteer() -> &'static Gazetteer {
        static G: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
        G.get_or_init(|| Gazetteer::bundled().expect("bundled gazetteer"))
    }

    fn same(src: &[u8]) {
        let g = gazetteer();
        let lazy = spot(g, src, &capitals(src), &mut WalkMemo::default());
        // A warm memo gives the same answer.
        let mut memo = WalkMemo::default();
        spot(g, src, &capitals(src), &mut memo);
        let again = spot(g, src, &capitals(src), &mut memo);
        let full = spot_folded(g, src, &fold(src));
        let key = |v: &[Spot]| {
            v.iter()
                .map(|s| (s.start, s.end, s.key.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(key(&lazy), key(&full), "{:?}", String::from_utf8_lossy(src));
        assert_eq!(key(&again), key(&full));
    }

    #[test]
    fn capitals_found_like_a_plain_scan() {
        let text = "the army of Ukraine said on monday that troops near Ізюм and Kharkiv, \u{c9}lys\u{e9}e held \
                    ізюм ÉCOLE Ωmega ωmega 🙂 X";
        let mut src = text.as_bytes().to_vec();
        src.extend_from_slice(b"\xC3 A\xE2\x82 B\xF0");
        for len in 0..=src.len() {
            let s = &src[..len];
            let plain: Vec<usize> = (0..s.len())
                .filter(|&i| s[i].is_ascii_uppercase() || (s[i] >= 0xC0 && starts_uppercase(s, i)))
                .collect();
            assert_eq!(capitals(s), plain, "first {len} bytes");
        }
        assert_eq!(capitals(b"ab Cd").len(), 1);
    }

    /// A word's walk from the FST's root, byte by byte: what [`walk_word`] must agree with.
    fn walk_from_root(index: &Index, word: &[u8]) -> (usize, u64, bool, bool) {
        let fst = index.exact_fst();
        let (mut node, mut out, mut before_last) = (fst.root(), 0u64, false);
        for (i, &b) in word.iter().enumerate() {
            match step(fst, &node, b, &mut out) {
                Some(nx) => node = nx,
                None => return (WordWalk::DEAD, 0, false, before_last),
            }
            if i + 2 == word.len() {
                before_last = node.is_final();
            }
        }
        (node.addr(), out, node.is_final(), before_last)
    }

    #[test]
    fn word_walks_from_a_byte_pair_agree_with_walks_from_the_root() {
        let index = &gazetteer().layers()[0];
        let mut words: Vec<Vec<u8>> = [
            "kharkiv",
            "kyiv",
            "kyivs",
            "izium",
            "the",
            "new",
            "newyork",
            "zz",
            "q",
            "ab",
            "abc",
            "x9z",
            "2022",
            "donetsk",
            "donetskyi",
            "paris",
            "parisian",
            "ukr",
            "ua",
            "zzz",
            "\u{e9}cole",
            "k\u{e9}",
            "lviv",
            "odesa",
            "o'neil",
        ]
        .iter()
        .map(|w| w.as_bytes().to_vec())
        .collect();
        for a in (b'0'..=b'9').chain(b'a'..=b'z') {
            for b in (b'a'..=b'z').step_by(5) {
                words.push(vec![a, b, b'a']);
                words.push(vec![a, b, b'n', b'e']);
            }
        }
        for w in &words {
            let walk = walk_word(index, w);
            let want = walk_from_root(index, w);
            let got = (
                walk.addr,
                if walk.addr == WordWalk::DEAD {
                    0
                } else {
                    walk.out
                },
                walk.final_end,
                walk.final_before_last,
            );
            assert_eq!(got, want, "{:?}", String::from_utf8_lossy(w));
        }
    }

    #[test]
    fn candidate_bytes_in_a_register_as_one_by_one() {
        for b in 0..=255u8 {
            for pos in 0..8 {
                let mut bytes = [b'a'; 8];
                bytes[pos] = b;
                let got = candidates(u64::from_le_bytes(bytes));
                let want = if b.is_ascii_uppercase() || b >= 0xC0 {
                    0x80u64 << (8 * pos)
                } else {
                    0
                };
                assert_eq!(got, want, "byte {b:#x} at {pos}");
            }
        }
        // Neighbours do not disturb each other.
        let x = u64::from_le_bytes(*b"AZ@[\xC0\xBF\xFFz");
        assert_eq!(candidates(x), 0x80 | 0x80 << 8 | 0x80 << 32 | 0x80 << 48);
    }

    #[test]
    fn lazy_scanner_agrees_with_the_fully_folded_one() {
        for t in [
            "Ukraine's army retook Kup'yansk and Izyum in the Kharkiv region, officials in Kyiv said.",
            "O'Neill met Zaporizhzhia's governor in Rostov-on-Don\r\nand Ізюм, Харків.",
            "France's and Canada's ministers. The White House. Nice, France. ST. LOUIS, Mo.",
            "Kupiańsk \u{301}Kyiv e\u{301}Lviv A\u{200B}Odesa -Kherson- \u{feff}Mariupol",
            "St. Petersburg, The Hague; Kyiv.Lviv Kharkiv`s New\nYork The  Hague Izium_Balakliia The",
        ] {
            same(t.as_bytes());
        }
        same(b"BEIRUT \xe2\x80 Shelling hit Kharkiv.\xff\xfeLviv");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
        #[test]
        fn lazy_scanner_agrees_on_random_text(parts in proptest::collection::vec(proptest::prop_oneof![
            proptest::prelude::Just("Kharkiv".as_bytes().to_vec()),
            proptest::prelude::Just("New York".as_bytes().to_vec()),
            proptest::prelude::Just("Rostov-on-Don".as_bytes().to_vec()),
            proptest::prelude::Just("Ukraine's".as_bytes().to_vec()),
            proptest::prelude::Just("Kup’yansk".as_bytes().to_vec()),
            proptest::prelude::Just("Ізюм".as_bytes().to_vec()),
            proptest::prelude::Just(" ".as_bytes().to_vec()),
            proptest::prelude::Just(", ".as_bytes().to_vec()),
            proptest::prelude::Just("-".as_bytes().to_vec()),
            proptest::prelude::Just("'s".as_bytes().to_vec()),
            proptest::prelude::Just("\r\n".as_bytes().to_vec()),
            proptest::prelude::Just("\u{301}".as_bytes().to_vec()),
            proptest::prelude::Just(vec![0xff]),
            proptest::prelude::Just(vec![0xe2, 0x80]),
            proptest::collection::vec(proptest::prelude::any::<u8>(), 0..6),
            "[A-Za-z]{1,8}".prop_map(String::into_bytes),
        ], 0..24)) {
            let src: Vec<u8> = parts.concat();
            same(&src);
        }
    }
}
