//! Server functions, one per file, grouped by feature.

pub mod board;
