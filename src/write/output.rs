//! Where an output goes, and writing it without destroying anything.
//!
//! * A regular file (or a path that does not exist yet) is written to a temporary name beside it and renamed
//!   into place; the files of one run (a map and its sidecars) are renamed together at [`Transaction::commit`],
//!   so a failure leaves the previous run's files as they were, never a mix.
//! * A symbolic link is followed: its target is replaced atomically and the link stays; a link to nothing is
//!   refused.
//! * A device, FIFO or socket (`/dev/null`, a named pipe) and standard output are streamed through; nothing
//!   is written beside them.
//! * Temporaries are removed on error, when a [`Transaction`] is dropped uncommitted, and on SIGINT/SIGTERM
//!   (see [`remove_temporaries_on_signal`]).

use std::collections::BTreeSet;
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::error::{Error, Result};

/// What an output path names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// `-`: standard output.
    Stdout,
    /// A device, FIFO or socket: written through as a stream.
    Stream(PathBuf),
    /// A regular file, new or existing: written atomically at `real` (the path after following symlinks).
    /// Sidecar files are named after `given`.
    File { given: PathBuf, real: PathBuf },
}

fn io_err(path: &Path) -> impl Fn(io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

impl Target {
    /// Classifies `path` without touching it.
    pub fn resolve(path: &Path) -> Result<Target> {
        if path.as_os_str() == "-" {
            return Ok(Target::Stdout);
        }
        if path.file_name().is_none() {
            return Err(Error::Output(format!(
                "{}: not a file name",
                path.display()
            )));
        }
        let link = match fs::symlink_metadata(path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Ok(Target::File {
                    given: path.to_path_buf(),
                    real: path.to_path_buf(),
                })
            }
            Err(e) => return Err(io_err(path)(e)),
            Ok(md) => md.file_type().is_symlink(),
        };
        let real = if link {
            fs::canonicalize(path).map_err(|_| {
                let to = fs::read_link(path)
                    .map(|t| t.display().to_string())
                    .unwrap_or_else(|_| "?".into());
                Error::Output(format!(
                    "{}: a symbolic link to {to}, which does not exist; refusing to replace the link",
                    path.display()
                ))
            })?
        } else {
            path.to_path_buf()
        };
        let md = fs::metadata(&real).map_err(io_err(&real))?;
        if md.is_dir() {
            Err(Error::Output(format!("{}: is a directory", path.display())))
        } else if md.is_file() {
            Ok(Target::File {
                given: path.to_path_buf(),
                real,
            })
        } else {
            Ok(Target::Stream(path.to_path_buf()))
        }
    }

    /// Whether files may be written beside this output (styles, quantities, split layers).
    pub fn takes_sidecars(&self) -> bool {
        matches!(self, Target::File { .. })
    }

    /// The path as the user gave it (`-` for standard output).
    pub fn display_path(&self) -> &Path {
        match self {
            Target::Stdout => Path::new("-"),
            Target::Stream(p) | Target::File { given: p, .. } => p,
        }
    }

    /// Whether `input` is the very file this output would replace.
    pub fn is_same_file(&self, input: &Path) -> bool {
        match self {
            Target::File { real, .. } => {
                let id = crate::input::file_id(real);
                id.is_some() && id == crate::input::file_id(input)
            }
            _ => false,
        }
    }
}

/// Temporaries not yet renamed into place, removed on SIGINT/SIGTERM.
static TEMPORARIES: Mutex<BTreeSet<PathBuf>> = Mutex::new(BTreeSet::new());

fn registry() -> std::sync::MutexGuard<'static, BTreeSet<PathBuf>> {
    TEMPORARIES.lock().unwrap_or_else(|e| e.into_inner())
}

/// Installs a SIGINT/SIGTERM handler that removes every temporary output file and exits with status 130.
/// Call it once, from a binary.
pub fn remove_temporaries_on_signal() -> Result<()> {
    ctrlc::set_handler(|| {
        for t in registry().iter() {
            let _ = fs::remove_file(t);
        }
        std::process::exit(130);
    })
    .map_err(|e| Error::Output(format!("cannot install the signal handler: {e}")))
}

/// A temporary file beside its destination; removed on drop unless renamed into place.
#[derive(Debug)]
struct Staged {
    tmp: PathBuf,
    dest: PathBuf,
}

impl Staged {
    fn create(dest: &Path) -> Result<(Staged, File)> {
        let dir = match dest.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        if !dir.exists() {
            fs::create_dir_all(&dir).map_err(io_err(&dir))?;
        }
        let name = dest
            .file_name()
            .ok_or_else(|| Error::Output(format!("{}: not a file name", dest.display())))?;
        let tmp = dir.join(format!(
            ".{}.tmp-{}",
            name.to_string_lossy(),
            std::process::id()
        ));
        registry().insert(tmp.clone());
        let staged = Staged {
            tmp,
            dest: dest.to_path_buf(),
        };
        // create_new: never write through something another process put at the temporary name.
        let _ = fs::remove_file(&staged.tmp);
        let file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&staged.tmp)
            .map_err(io_err(dest))?;
        Ok((staged, file))
    }

    fn rename(self) -> Result<()> {
        let r = fs::rename(&self.tmp, &self.dest).map_err(io_err(&self.dest));
        if r.is_ok() {
            registry().remove(&self.tmp);
            std::mem::forget(self);
        }
        r
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.tmp);
        registry().remove(&self.tmp);
    }
}

/// An output being written. Errors name the output's path.
pub struct Sink {
    w: BufWriter<Box<dyn Write + Send>>,
    file: Option<(Staged, File)>,
    path: PathBuf,
}

impl Sink {
    /// Opens `target` for writing (a regular file goes to a temporary until it is committed).
    pub fn open(target: &Target) -> Result<Sink> {
        let (w, file, path): (Box<dyn Write + Send>, _, _) = match target {
            Target::Stdout => (Box::new(io::stdout()), None, PathBuf::from("-")),
            Target::Stream(p) => {
                let f = OpenOptions::new().write(true).open(p).map_err(io_err(p))?;
                (Box::new(f), None, p.clone())
            }
            Target::File { given, real } => {
                let (staged, f) = Staged::create(real)?;
                let w = f.try_clone().map_err(io_err(given))?;
                (Box::new(w), Some((staged, f)), given.clone())
            }
        };
        Ok(Sink {
            w: BufWriter::with_capacity(1 << 16, w),
            file,
            path,
        })
    }

    /// Puts this one output in place (a one-sink [`Transaction`]).
    pub fn commit(self) -> Result<()> {
        let mut run = Transaction::new();
        run.add(self)?;
        run.commit()
    }

    /// Flushes (and for a file, syncs) what was written; the file still waits for its commit.
    fn finish(mut self) -> Result<Option<Staged>> {
        let path = self.path.clone();
        self.w.flush().map_err(io_err(&path))?;
        match self.file.take() {
            Some((staged, f)) => {
                f.sync_all().map_err(io_err(&path))?;
                Ok(Some(staged))
            }
            None => Ok(None),
        }
    }

    fn named(&self, e: io::Error) -> io::Error {
        io::Error::new(e.kind(), format!("{}: {e}", self.path.display()))
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.w.write(buf).map_err(|e| self.named(e))
    }
    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.w.write_all(buf).map_err(|e| self.named(e))
    }
    fn flush(&mut self) -> io::Result<()> {
        self.w.flush().map_err(|e| self.named(e))
    }
}

/// The outputs of one run: written one by one, put in place together.
#[derive(Debug, Default)]
pub struct Transaction {
    staged: Vec<Staged>,
}

impl Transaction {
    pub fn new() -> Transaction {
        Transaction::default()
    }

    /// Adds a finished sink to the run.
    pub fn add(&mut self, sink: Sink) -> Result<()> {
        if let Some(s) = sink.finish()? {
            self.staged.push(s);
        }
        Ok(())
    }

    /// Writes one output with `fill` and adds it to the run.
    pub fn write(
        &mut self,
        target: &Target,
        fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> Result<()> {
        let mut sink = Sink::open(target)?;
        fill(&mut sink).map_err(io_err(target.display_path()))?;
        self.add(sink)
    }

    /// Renames every staged file into place.
    pub fn commit(self) -> Result<()> {
        for s in self.staged {
            s.rename()?;
        }
        Ok(())
    }
}

/// Writes one file atomically (a one-file [`Transaction`]).
pub fn atomic_write(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    let mut t = Transaction::new();
    t.write(&Target::resolve(path)?, fill)?;
    t.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leftovers(dir: &Path) -> Vec<String> {
        fs::read_dir(dir)
            .expect("dir")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(".tmp-"))
            .collect()
    }

    #[test]
    fn a_transaction_puts_every_file_in_place_or_none() {
        let d = tempfile::tempdir().expect("tempdir");
        let (a, b) = (d.path().join("a.geojson"), d.path().join("a.qml"));
        fs::write(&a, "old a").expect("write");
        fs::write(&b, "old b").expect("write");
        let mut t = Transaction::new();
        t.write(&Target::resolve(&a).expect("a"), |w| w.write_all(b"new a"))
            .expect("stage a");
        let failed = t.write(&Target::resolve(&b).expect("b"), |_| {
            Err(io::Error::other("disk full"))
        });
        assert!(failed.unwrap_err().to_string().contains("a.qml"));
        drop(t);
        assert_eq!(fs::read_to_string(&a).expect("a"), "old a");
        assert_eq!(fs::read_to_string(&b).expect("b"), "old b");
        assert!(leftovers(d.path()).is_empty());
        let mut t = Transaction::new();
        t.write(&Target::resolve(&a).expect("a"), |w| w.write_all(b"new a"))
            .expect("stage a");
        t.write(&Target::resolve(&b).expect("b"), |w| w.write_all(b"new b"))
            .expect("stage b");
        assert_eq!(
            fs::read_to_string(&a).expect("a"),
            "old a",
            "not before commit"
        );
        t.commit().expect("commit");
        assert_eq!(fs::read_to_string(&a).expect("a"), "new a");
        assert_eq!(fs::read_to_string(&b).expect("b"), "new b");
        assert!(leftovers(d.path()).is_empty());
    }

    #[test]
    fn a_symlink_is_written_through_and_kept() {
        let d = tempfile::tempdir().expect("tempdir");
        let real = d.path().join("real.geojson");
        let link = d.path().join("link.geojson");
        fs::write(&real, "old").expect("write");
        std::os::unix::fs::symlink(&real, &link).expect("symlink");
        atomic_write(&link, |w| w.write_all(b"new")).expect("write");
        assert!(fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink());
        assert_eq!(fs::read_to_string(&real).expect("real"), "new");
        let dangling = d.path().join("dangling.geojson");
        std::os::unix::fs::symlink(d.path().join("nowhere"), &dangling).expect("symlink");
        let e = Target::resolve(&dangling).unwrap_err().to_string();
        assert!(e.contains("does not exist"), "{e}");
    }

    #[test]
    fn devices_and_fifos_are_streams_directories_refused() {
        assert_eq!(
            Target::resolve(Path::new("/dev/null")).expect("null"),
            Target::Stream(PathBuf::from("/dev/null"))
        );
        assert!(!Target::resolve(Path::new("/dev/null"))
            .expect("null")
            .takes_sidecars());
        let d = tempfile::tempdir().expect("tempdir");
        assert!(Target::resolve(d.path())
            .unwrap_err()
            .to_string()
            .contains("is a directory"));
        let new = d.path().join("sub/dir/map.geojson");
        atomic_write(&new, |w| w.write_all(b"x")).expect("creates the directory");
        assert_eq!(fs::read_to_string(&new).expect("new"), "x");
    }

    #[test]
    fn an_output_knows_its_inputs() {
        let d = tempfile::tempdir().expect("tempdir");
        let f = d.path().join("f.jsonl");
        fs::write(&f, "{}").expect("write");
        let t = Target::resolve(&f).expect("f");
        assert!(t.is_same_file(&f));
        assert!(t.is_same_file(&d.path().join(".").join("f.jsonl")));
        assert!(!t.is_same_file(d.path()));
    }
}
