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
