//! Server functions, one per file, grouped by feature.

pub mod auth;
pub mod board;
