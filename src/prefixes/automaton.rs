//! The prefixes that begin with an ASCII letter, as one Aho-Corasick automaton (ASCII case folded) run over a
//! whole sentence: one table step per byte, instead of a head lookup and a compare at every word start. The
//! aho-corasick crate builds the automaton; its transitions are then laid out as one row of byte classes per
//! state, so that the walk is a load and a test per byte, in a loop of its own.
//! Where the text holds a character the automaton cannot see (a non-ASCII one at or just after a start), the
//! table's own comparison answers for that start; where it holds one of the two non-ASCII characters that
//! lower-case to ASCII letters, the scan says so and the caller walks the sentence the plain way.

use aho_corasick::automaton::Automaton as _;
use aho_corasick::automaton::StateID;
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind};

use super::{Prefix, Start, HEAD};

/// The two characters outside ASCII whose lower case begins with an ASCII letter: the Kelvin sign ("k") and
/// the capital I with a dot ("i" and a combining dot). A prefix compare lets them stand for those letters;
/// the automaton, matching bytes, would not.
pub(super) const ASCII_LOWERING: [char; 2] = ['\u{212A}', '\u{130}'];

pub(super) struct Automaton {
    states: States,
    /// The class of each byte ([`classes`]).
    class: [u8; 256],
    /// By pattern: its length, its bits, and the whole prefix to confirm a match with when the pattern is
    /// only its ASCII beginning.
    patterns: Vec<(usize, u8, Option<Prefix>)>,
    /// The longest pattern in bytes (at least [`HEAD`]): a match that starts in a sentence may end this far
    /// past it, and a start's head may reach that far.
    longest: usize,
}

/// The automaton's states, numbered from its start.
struct States {
    /// The transitions, a row of [`CLASSES`] entries by state: entry `class` of a row is where the next
    /// state's row begins, its low bit set when a pattern ends there or the byte begins a character from
    /// U+0080 up. Rows are [`CLASSES`] apart, so a row's start ORed with a class is the entry's index, and
    /// the table has exactly as many entries as a `u16` can index.
    next: Box<[u16; STATES * CLASSES]>,
    /// By state: the range of `ends` listing the patterns that end there.
    ends_at: Vec<(u32, u32)>,
    ends: Vec<u16>,
}

/// States the transition table has room for: as many rows as a `u16` entry can point to, so that an
/// entry indexes the table without a bounds test.
const STATES: usize = (u16::MAX as usize + 1) / CLASSES;

/// Byte classes a transition row has room for.
const CLASSES: usize = 32;

/// The text is the plain walk's to read: it holds a character in [`ASCII_LOWERING`].
pub(super) struct NeedsWalk;

/// The scan of one range in progress.
struct Lane {
    /// Which range.
    k: usize,
    range: std::ops::Range<usize>,
    /// The next byte to step through, and how far the scan reads (a match may end past the range).
    pos: usize,
    reach: usize,
    /// The state's row.
    row: u16,
}

/// Whether a lane's last step was flagged.
enum Flag {
    None,
    /// At the lane's position, which is left on the flagged byte.
    At,
}

impl Lane {
    /// Takes the outcome of stepping `n` bytes, the last with entry `e`.
    fn stepped(&mut self, n: usize, e: u16) -> Flag {
        self.row = e & !1;
        if n > 0 && e & 1 != 0 {
            self.pos += n - 1;
            Flag::At
        } else {
            self.pos += n;
            Flag::None
        }
    }
}

impl Automaton {
    /// The automaton of these prefixes (those beginning with an ASCII character; the rest are found where a
    /// word begins with a non-ASCII one).
    pub(super) fn new<'p>(prefixes: impl Iterator<Item = &'p Prefix>) -> Automaton {
        let mut words: Vec<Vec<u8>> = Vec::new();
        let mut confirm = Vec::new();
        for p in prefixes {
            let ascii: Vec<u8> = p
                .chars
                .iter()
                .map_while(|c| c.is_ascii().then_some(*c as u8))
                .collect();
            if ascii.is_empty() {
                continue;
            }
            let whole = ascii.len() == p.chars.len();
            words.push(ascii);
            confirm.push((p.bits, (!whole).then(|| p.clone())));
        }
        let longest = words.iter().map(Vec::len).max().unwrap_or(0).max(HEAD);
        let dfa = DFA::builder()
            .match_kind(MatchKind::Standard)
            .ascii_case_insensitive(true)
            .prefilter(false)
            .build(&words)
            .expect("the claim and unit words make a small automaton");
        let (class, wide) = classes(&words);
        assert!(words.len() <= usize::from(u16::MAX), "too many patterns");
        let states = flatten(&dfa, &class, wide);
        let patterns = words
            .iter()
            .zip(confirm)
            .map(|(w, (bits, p))| (w.len(), bits, p))
            .collect();
        Automaton {
            states,
            class,
            patterns,
            longest,
        }
    }

    /// Calls `f` for the starts in `text[range]` where a prefix begins, with bits of prefixes that begin
    /// there, while it returns true. A start may be reported more than once, each time with some of its bits;
    /// together they are the bits [`super::PrefixTable::bits_at`] gives it. `non_ascii` gives the bits of a
    /// start with a non-ASCII character in its first [`HEAD`] bytes. Fails, having reported some starts or
    /// none, at a character in [`ASCII_LOWERING`].
    pub(super) fn scan(
        &self,
        text: &str,
        range: std::ops::Range<usize>,
        non_ascii: impl Fn(&str) -> u8,
        mut f: impl FnMut(usize, Start, u8) -> bool,
    ) -> Result<(), NeedsWalk> {
        let mut lane = self.lane(text, 0, range);
        self.finish(text, &mut lane, &non_ascii, &mut |_, at, s, b| f(at, s, b))
    }

    /// [`Automaton::scan`] for each of `ranges` (`f` is told which), two ranges at a time: the two walks
    /// are independent chains of table loads, which the processor overlaps. The ranges whose text needs
    /// the plain walk are returned (their scans stopped somewhere, having reported some starts or none).
    pub(super) fn scan_all(
        &self,
        text: &str,
        ranges: &[std::ops::Range<usize>],
        non_ascii: impl Fn(&str) -> u8,
        mut f: impl FnMut(usize, usize, Start, u8) -> bool,
    ) -> Vec<usize> {
        let bytes = text.as_bytes();
        let mut walk = Vec::new();
        let mut queue = ranges.iter().cloned().enumerate();
        let mut next_lane = || queue.next().map(|(k, r)| self.lane(text, k, r));
        let (mut a, mut b) = (next_lane(), next_lane());
        while let (Some(la), Some(lb)) = (&mut a, &mut b) {
            let (n, ea, eb) = self.run2(
                &bytes[la.pos..la.reach],
                la.row,
                &bytes[lb.pos..lb.reach],
                lb.row,
            );
            let done_a = self.advance(text, la, n, ea, &non_ascii, &mut f, &mut walk);
            let done_b = self.advance(text, lb, n, eb, &non_ascii, &mut f, &mut walk);
            if done_a {
                a = next_lane();
            }
            if done_b {
                b = next_lane();
            }
        }
        // One range left at most: it goes on alone.
        for mut lane in a.into_iter().chain(b) {
            if self.finish(text, &mut lane, &non_ascii, &mut f).is_err() {
                walk.push(lane.k);
            }
        }
        walk
    }

    /// Takes a lane `n` bytes on, the last with entry `e`, and reports a flagged byte; true when the lane is
    /// done (at its end, stopped by `f`, or needing the plain walk: then it is in `walk`).
    #[allow(clippy::too_many_arguments)]
    fn advance(
        &self,
        text: &str,
        lane: &mut Lane,
        n: usize,
        e: u16,
        non_ascii: &impl Fn(&str) -> u8,
        f: &mut impl FnMut(usize, usize, Start, u8) -> bool,
        walk: &mut Vec<usize>,
    ) -> bool {
        match lane.stepped(n, e) {
            Flag::None => lane.pos == lane.reach,
            Flag::At => match self.flagged(text, lane, non_ascii, f) {
                Ok(go_on) => !go_on,
                Err(NeedsWalk) => {
                    walk.push(lane.k);
                    true
                }
            },
        }
    }

    /// The scan of range `k` before its first byte.
    fn lane(&self, text: &str, k: usize, range: std::ops::Range<usize>) -> Lane {
        Lane {
            k,
            pos: range.start,
            reach: (range.end + self.longest).min(text.len()),
            range,
            row: 0,
        }
    }

    /// Runs `lane` to its end (or until `f` says to stop).
    fn finish(
        &self,
        text: &str,
        lane: &mut Lane,
        non_ascii: &impl Fn(&str) -> u8,
        f: &mut impl FnMut(usize, usize, Start, u8) -> bool,
    ) -> Result<(), NeedsWalk> {
        let bytes = text.as_bytes();
        while let Some((k, row)) = self.run(&bytes[lane.pos..lane.reach], lane.row) {
            lane.pos += k;
            lane.row = row;
            if !self.flagged(text, lane, non_ascii, f)? {
                break;
            }
        }
        Ok(())
    }

    /// Reports what the flagged byte at `lane.pos` tells (a non-ASCII character, or patterns that end
    /// there) and steps past it; false when `f` says to stop or the lane is at its end.
    fn flagged(
        &self,
        text: &str,
        lane: &mut Lane,
        non_ascii: &impl Fn(&str) -> u8,
        f: &mut impl FnMut(usize, usize, Start, u8) -> bool,
    ) -> Result<bool, NeedsWalk> {
        let (k, pos) = (lane.k, lane.pos);
        let go_on = if text.as_bytes()[pos] >= 0xC0 {
            wide(text, &lane.range, pos, |at, s| {
                f(k, at, s, non_ascii(&text[at..]))
            })?
        } else {
            let state = usize::from(lane.row) / CLASSES;
            self.ends(text, &lane.range, pos, state, &mut |at, s, b| {
                f(k, at, s, b)
            })
        };
        lane.pos += 1;
        Ok(go_on && lane.pos < lane.reach)
    }

    /// Steps two texts at once, from the rows `ra` and `rb`, through their first `n` bytes: to the first
    /// position where either one's transition is flagged (`n` is then one past it), else through the
    /// shorter one. The last entries of both are returned (the row itself for a text with no byte).
    #[inline(never)]
    fn run2(&self, a: &[u8], ra: u16, b: &[u8], rb: u16) -> (usize, u16, u16) {
        let (mut ea, mut eb) = (ra, rb);
        let n = a.len().min(b.len());
        for (i, (&x, &y)) in a[..n].iter().zip(&b[..n]).enumerate() {
            ea = self.states.next[usize::from((ea & !1) | u16::from(self.class[usize::from(x)]))];
            eb = self.states.next[usize::from((eb & !1) | u16::from(self.class[usize::from(y)]))];
            if (ea | eb) & 1 != 0 {
                return (i + 1, ea, eb);
            }
        }
        (n, ea, eb)
    }

    /// Steps from the state of `row` through `bytes` to the first byte whose transition is flagged: its
    /// offset, and the row of the state after it. A loop of its own, so that its few values stay in
    /// registers.
    #[inline(never)]
    fn run(&self, bytes: &[u8], mut row: u16) -> Option<(usize, u16)> {
        for (i, &b) in bytes.iter().enumerate() {
            let e = self.states.next[usize::from(row | u16::from(self.class[usize::from(b)]))];
            row = e & !1;
            if e & 1 != 0 {
                return Some((i, row));
            }
        }
        None
    }

    /// Reports the patterns that end with byte `pos`, in `state`, where they begin at a start; false when `f`
    /// says to stop.
    fn ends(
        &self,
        text: &str,
        range: &std::ops::Range<usize>,
        pos: usize,
        state: usize,
        f: &mut impl FnMut(usize, Start, u8) -> bool,
    ) -> bool {
        let (a, z) = self.states.ends_at[state];
        for &pid in &self.states.ends[a as usize..z as usize] {
            let (len, bits, confirm) = &self.patterns[usize::from(pid)];
            let at = pos + 1 - len;
            if at >= range.end || confirm.as_ref().is_some_and(|p| !p.begins(&text[at..])) {
                continue;
            }
            if let Some(s) = start_at(text, range.start, at) {
                if !f(at, s, *bits) {
                    return false;
                }
            }
        }
        true
    }
}

/// At a character from U+0080 up (at `q`), the starts whose first [`HEAD`] bytes it is among: itself and
/// the ASCII bytes up to two before it, in the range. False when `f` says to stop; fails when the character
/// is in [`ASCII_LOWERING`].
fn wide(
    text: &str,
    range: &std::ops::Range<usize>,
    q: usize,
    mut f: impl FnMut(usize, Start) -> bool,
) -> Result<bool, NeedsWalk> {
    let bytes = text.as_bytes();
    let c = text[q..].chars().next().unwrap_or(' ');
    if ASCII_LOWERING.contains(&c) {
        return Err(NeedsWalk);
    }
    let ascii_before = (1..HEAD)
        .take_while(|&d| q >= range.start + d && bytes[q - d].is_ascii())
        .count();
    for at in (q - ascii_before..=q).filter(|&at| at < range.end) {
        if let Some(s) = start_at(text, range.start, at) {
            if !f(at, s) {
                return Ok(false);
            }
        }
    }
    Ok(true)
}

/// What starts at `at` (a character boundary at or after `from`, where the text counts as beginning), if
/// anything.
fn start_at(text: &str, from: usize, at: usize) -> Option<Start> {
    let (alnum, alpha) = kind(text[at..].chars().next()?);
    let (prev_alnum, prev_alpha) = text[from..at]
        .chars()
        .next_back()
        .map_or((false, false), kind);
    let start = Start {
        word: alnum && !prev_alnum,
        letter: alpha && !prev_alpha,
    };
    (start.word || start.letter).then_some(start)
}

/// Whether a character is alphanumeric and whether it is alphabetic, answered without the Unicode tables for
/// ASCII and for the General Punctuation block (dashes, curly quotes), which holds neither kind.
pub(super) fn kind(c: char) -> (bool, bool) {
    if c.is_ascii() {
        (c.is_ascii_alphanumeric(), c.is_ascii_alphabetic())
    } else if GENERAL_PUNCTUATION.contains(&c) {
        (false, false)
    } else {
        (c.is_alphanumeric(), c.is_alphabetic())
    }
}

const GENERAL_PUNCTUATION: std::ops::RangeInclusive<char> = '\u{2000}'..='\u{206F}';

/// The byte classes of ASCII case-folded patterns: one per byte the patterns hold (a letter's two cases
/// together), [`WIDE`] past them for the first byte of a character from U+0080 up, 0 for every other byte.
/// No pattern holds a byte of class 0 or [`WIDE`]: both move every state alike.
fn classes(words: &[Vec<u8>]) -> ([u8; 256], u8) {
    let mut class = [0u8; 256];
    let mut n = 0u8;
    for &b in words.iter().flatten() {
        let b = b.to_ascii_lowercase();
        if class[usize::from(b)] == 0 {
            n += 1;
            class[usize::from(b)] = n;
            class[usize::from(b.to_ascii_uppercase())] = n;
        }
    }
    let wide = n + 1;
    assert!(usize::from(wide) < CLASSES, "too many byte classes");
    for slot in &mut class[0xC0..] {
        *slot = wide;
    }
    (class, wide)
}

/// The unanchored automaton's states (numbered from its start, breadth first), their transitions by class,
/// and the patterns that end in each state.
fn flatten(dfa: &DFA, class: &[u8; 256], wide: u8) -> States {
    let mut byte_of = [0u8; CLASSES];
    for b in (0..=255u8).rev() {
        byte_of[usize::from(class[usize::from(b)])] = b;
    }
    let start = dfa
        .start_state(Anchored::No)
        .expect("an unanchored automaton has an unanchored start");
    let mut ids: rustc_hash::FxHashMap<StateID, u16> = rustc_hash::FxHashMap::default();
    let mut order = vec![start];
    ids.insert(start, 0);
    let mut next: Box<[u16; STATES * CLASSES]> = vec![0u16; STATES * CLASSES]
        .into_boxed_slice()
        .try_into()
        .unwrap_or_else(|_| unreachable!("a table of STATES rows"));
    let (mut ends_at, mut ends) = (Vec::new(), Vec::new());
    let mut k = 0;
    while k < order.len() {
        let sid = order[k];
        let first = ends.len() as u32;
        if dfa.is_match(sid) {
            ends.extend(
                (0..dfa.match_len(sid)).map(|m| dfa.match_pattern(sid, m).as_usize() as u16),
            );
        }
        ends_at.push((first, ends.len() as u32));
        // Every byte of a class moves this state where the class's first byte does.
        debug_assert!((0..=255u8).all(|b| dfa.next_state(Anchored::No, sid, b)
            == dfa.next_state(
                Anchored::No,
                sid,
                byte_of[usize::from(class[usize::from(b)])]
            )));
        let mut row = [0u16; CLASSES];
        for (c, slot) in row.iter_mut().enumerate().take(usize::from(wide) + 1) {
            let to = dfa.next_state(Anchored::No, sid, byte_of[c]);
            let id = *ids.entry(to).or_insert_with(|| {
                order.push(to);
                u16::try_from(order.len() - 1)
                    .ok()
                    .filter(|id| usize::from(*id) < STATES)
                    .expect("the claim and unit words make fewer states than the table holds")
            });
            *slot = (id * CLASSES as u16) | u16::from(dfa.is_match(to) || c == usize::from(wide));
        }
        next[k * CLASSES..(k + 1) * CLASSES].copy_from_slice(&row);
        k += 1;
    }
    States {
        next,
        ends_at,
        ends,
    }
}
