//! The plan's knowledge, written once: domain types, rules and the message catalogue.
//!
//! This crate has no server dependency and compiles both to `wasm32-unknown-unknown`
//! (instant feedback in the browser) and natively (the server's authority).

pub mod auth;
pub mod domain;
pub mod i18n;
pub mod rules;
pub mod text;
