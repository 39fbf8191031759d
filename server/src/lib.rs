//! Exemplar's server: configuration, start-up, data access and operations.

pub mod audit;
pub mod auth;
pub mod configuration;
pub mod db;
pub mod docx;
pub mod export;
pub mod files;
pub mod limits;
pub mod live;
pub mod memory;
pub mod routes;
pub mod security_headers;
pub mod seed;
pub mod serve;
pub mod startup;
pub mod state;
pub mod telemetry;
