//! placemap: turn news articles into map layers.
//!
//! The pipeline flows one way: text -> candidate mentions ([`extract`]) -> resolved places ([`gazetteer`]) ->
//! claims and quantities -> aggregate -> writers. This crate's gazetteer (the bundled GeoNames-derived world
//! gazetteer, compiled into the binary at build time) resolves any spelling of a place name.

pub mod analyze;
pub mod claims;
pub mod dates;
pub mod doc;
pub mod error;
pub mod extract;
pub mod frontmatter;
pub mod gazetteer;
pub mod geodesy;
pub mod index;
pub mod input;
#[doc(hidden)]
pub mod invariants;
pub mod layers;
pub mod links;
pub mod names;
pub mod prefixes;
pub mod quantity;
pub mod quote;
pub mod record;
pub mod signals;
pub mod text;
pub mod write;

pub use error::{Error, Result};
pub use gazetteer::{EntryRef, Gazetteer, GazetteerOptions, Place};
