//! Reading the inputs in bounded batches, on a thread of its own: the next batch is read and parsed
//! while the workers analyse the current one.

use std::sync::mpsc::{sync_channel, SyncSender};

use anyhow::Result;
use placemap::input::{self, Document, FileId, InputFormat, Warning};

/// Batches of up to 64 documents or 16 MB: memory stays bounded whatever the corpus size (one batch in
/// the works, one read ahead), and a batch is enough work to keep every thread busy.
const BATCH_DOCS: usize = 64;
const BATCH_BYTES: usize = 16 << 20;

/// What the reader hands over: documents, and the warnings met while reading them.
struct Batch {
    docs: Vec<Document>,
    warnings: Vec<Warning>,
}

/// Reads the inputs in bounded batches (streaming: memory does not grow with the corpus), hands each
/// batch of documents to `each` in input order, prints per-input warnings, and shows progress on a
/// terminal. An input that cannot be read is reported and skipped; the run fails only when nothing could
/// be processed. `exclude` are this run's outputs (never read as inputs). A text file's front matter and
/// the date in its name complete its metadata, then `published` (`map --published`) dates what is still
/// undated ([`placemap::frontmatter`]). Returns (documents read, inputs that yielded nothing).
pub fn for_each_batch(
    inputs: &[std::path::PathBuf],
    format: InputFormat,
    exclude: Vec<FileId>,
    published: Option<&str>,
    mut each: impl FnMut(Vec<Document>) -> Result<()>,
) -> Result<(usize, usize)> {
    use std::io::IsTerminal;
    if inputs.iter().filter(|s| s.as_os_str() == "-").count() > 1 {
        anyhow::bail!("standard input (-) can be read only once");
    }
    if inputs.iter().any(|s| s.as_os_str() == "-") && std::io::stdin().is_terminal() {
        eprintln!(
            "placemap: reading an article from the terminal (end it with Ctrl-D); name files or directories to read them instead"
        );
    }
    let bar = std::io::stderr().is_terminal().then(|| {
        let b = indicatif::ProgressBar::new_spinner();
        b.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {pos} files {per_sec}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        b
    });
    let reader = Reader {
        inputs,
        format,
        published,
        bar: bar.as_ref(),
    };
    // A rendezvous channel: the reader holds at most one batch ready while `each` works on another.
    let (tx, rx) = sync_channel::<Batch>(0);
    let (processed, failed, outcome) = std::thread::scope(|s| {
        let read = s.spawn(move || reader.run(exclude, &tx));
        let mut processed = 0usize;
        let mut outcome = Ok(());
        for b in &rx {
            for w in &b.warnings {
                eprintln!("placemap: warning: {}", w.0);
            }
            if b.docs.is_empty() {
                continue;
            }
            processed += b.docs.len();
            if let Err(e) = each(b.docs) {
                outcome = Err(e);
                break;
            }
        }
        // An error stops the reader at its next batch (its send fails once the receiver is gone).
        drop(rx);
        let failed = read.join();
        (processed, failed, outcome)
    });
    let failed = failed.map_err(|_| anyhow::anyhow!("reading the inputs stopped unexpectedly"))?;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    outcome?;
    if processed == 0 && failed > 0 {
        anyhow::bail!("no input could be processed");
    }
    if failed > 0 {
        eprintln!("placemap: {failed} input(s) yielded no article (see the warnings above)");
    }
    Ok((processed, failed))
}

/// [`for_each_batch`] with the work on `pool`, one batch ahead: `work` maps every document of a batch
/// (in parallel), and `each` gets a batch's results in input order while the workers are already on the
/// next batch, so neither the tail of a batch nor what `each` does with it leaves a worker waiting. At
/// most two batches are in the works besides the one the reader holds ready.
pub fn for_each_batch_on<T: Send>(
    pool: &rayon::ThreadPool,
    inputs: &[std::path::PathBuf],
    format: InputFormat,
    exclude: Vec<FileId>,
    published: Option<&str>,
    work: impl Fn(&Document) -> T + Sync,
    mut each: impl FnMut(Vec<T>) -> Result<()>,
) -> Result<(usize, usize)> {
    use rayon::prelude::*;
    let work = &work;
    pool.in_place_scope(|scope| {
        let mut pending: Option<std::sync::mpsc::Receiver<Vec<T>>> = None;
        let mut take = |rx: std::sync::mpsc::Receiver<Vec<T>>| -> Result<()> {
            let done = rx
                .recv()
                .map_err(|_| anyhow::anyhow!("a worker stopped unexpectedly"))?;
            each(done)
        };
        let read = for_each_batch(inputs, format, exclude, published, |docs| {
            let (tx, rx) = sync_channel(1);
            scope.spawn(move |_| {
                let out: Vec<T> = docs.par_iter().map(work).collect();
                // The receiver is gone only when the run already failed.
                let _ = tx.send(out);
            });
            match pending.replace(rx) {
                Some(before) => take(before),
                None => Ok(()),
            }
        })?;
        if let Some(last) = pending.take() {
            take(last)?;
        }
        Ok(read)
    })
}

/// The reading side: walks the inputs, opens each, and sends full batches.
struct Reader<'a> {
    inputs: &'a [std::path::PathBuf],
    format: InputFormat,
    published: Option<&'a str>,
    bar: Option<&'a indicatif::ProgressBar>,
}

/// The batch being filled.
#[derive(Default)]
struct Filling {
    docs: Vec<Document>,
    bytes: usize,
    warnings: Vec<Warning>,
}

impl Filling {
    fn full(&self) -> bool {
        self.docs.len() >= BATCH_DOCS || self.bytes >= BATCH_BYTES
    }

    fn push(&mut self, d: Document) {
        self.bytes += d.bytes.len();
        self.docs.push(d);
    }

    /// Sends what is filled (documents or warnings); false once the receiving side has stopped.
    fn send(&mut self, tx: &SyncSender<Batch>) -> bool {
        if self.docs.is_empty() && self.warnings.is_empty() {
            return true;
        }
        let b = Batch {
            docs: std::mem::take(&mut self.docs),
            warnings: std::mem::take(&mut self.warnings),
        };
        self.bytes = 0;
        tx.send(b).is_ok()
    }
}

impl Reader<'_> {
    /// Reads every input; returns the number of inputs that yielded nothing.
    fn run(&self, exclude: Vec<FileId>, tx: &SyncSender<Batch>) -> usize {
        let mut failed = 0usize;
        let mut f = Filling::default();
        for s in input::Inputs::new(self.inputs.to_vec(), exclude) {
            let got = match s {
                Ok(s) => match self.read_source(&s.path, &mut f, tx) {
                    Some(n) => n,
                    None => return failed,
                },
                Err(w) => {
                    f.warnings.push(w);
                    0
                }
            };
            if got == 0 {
                failed += 1;
            }
            if f.full() && !f.send(tx) {
                return failed;
            }
            if let Some(b) = self.bar {
                b.inc(1);
            }
        }
        f.send(tx);
        failed
    }

    /// Reads one input into `f`, sending batches as they fill; the number of documents it gave, or None
    /// once the receiving side has stopped.
    fn read_source(
        &self,
        s: &std::path::Path,
        f: &mut Filling,
        tx: &SyncSender<Batch>,
    ) -> Option<usize> {
        let mut got = 0usize;
        match input::open_source(s, self.format, &mut f.warnings) {
            Ok(input::Source::Whole(docs)) => {
                for mut d in docs {
                    if let Some(w) = placemap::frontmatter::complete(&mut d, s, self.published) {
                        f.warnings.push(Warning(w));
                    }
                    got += 1;
                    f.push(d);
                }
            }
            Ok(input::Source::Lines(mut lines)) => loop {
                match lines.next_article(&mut f.warnings) {
                    Ok(Some(mut d)) => {
                        if d.meta.published.is_none() {
                            d.meta.published = self.published.map(str::to_string);
                        }
                        got += 1;
                        f.push(d);
                        if f.full() && !f.send(tx) {
                            return None;
                        }
                    }
                    Ok(None) => break,
                    Err(e) => {
                        f.warnings.push(Warning(e.to_string()));
                        break;
                    }
                }
            },
            Err(e) => f.warnings.push(Warning(e.to_string())),
        }
        Some(got)
    }
}
