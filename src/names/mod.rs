//! Place-name text: folding keys and romanization. Shared with `build.rs`, so it depends on std and
//! unicode-normalization only.

pub mod fold;
pub mod inflect;
pub mod translit;
mod translit_tables;
