//! The integration tests, one binary with a module per feature (as zero-to-production
//! does): each test spawns the real server on port 0 with its own fresh database
//! (`common::spawn_app`), on SQLite or, with `EXEMPLAR_TEST_BACKEND=postgres`, on
//! PostgreSQL, and talks HTTP to it.

mod common;

mod admin;
mod auth;
mod authz_table;
mod backup;
mod board;
mod calendar;
mod campaigns;
mod carry;
mod city_answers;
mod classification;
mod commendations;
mod conferences;
mod council;
mod criteria;
mod docx;
mod dossier;
mod failures;
mod first_run;
mod fostering;
mod fuzz;
mod http;
mod nominations;
mod postgres;
mod reports;
mod summary;
