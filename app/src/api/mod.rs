//! Server functions, one per file, grouped by feature.

pub mod account;
pub mod admin;
pub mod audit;
pub mod auth;
pub mod board;
pub mod conferences;
pub mod council;
pub mod nominations;
pub mod reports;
pub mod summary;
pub mod year;
