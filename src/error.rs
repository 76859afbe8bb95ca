//! Typed errors of the library.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: line {line}: {message}")]
    GazetteerRow {
        path: PathBuf,
        line: u64,
        message: String,
    },
    #[error("{path}: {message}")]
    GazetteerFile { path: PathBuf, message: String },
    #[error("the bundled gazetteer index is damaged: {0}")]
    BundledIndex(String),
    #[error("no gazetteer: --no-default-gazetteer needs at least one --gazetteer FILE")]
    NoGazetteer,
    #[error("no place matches {0:?}")]
    NotFound(String),
    #[error("{0}")]
    InvalidInput(String),
    #[error("{0}")]
    Output(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A line of an analysis record stream (`placemap analyze` output, `layers --partial` output) that cannot
/// be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RecordError {
    #[error("not an analysis record ({0})")]
    Malformed(String),
    #[error(
        "place {0:?} is not where the record says in this gazetteer: records must be read with the gazetteer options they were made with"
    )]
    Gazetteer(String),
    #[error("not a partial aggregate ({0})")]
    Partial(String),
}
