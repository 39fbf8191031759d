//! The wire types: what the server sends to the browser and the browser sends back,
//! compiled into both. Behaviour that runs on the server only lives in `crate::services`;
//! nothing here imports from it.

pub mod auth;
pub mod calendar;
pub mod carry;
pub mod conference;
pub mod council;
pub mod exports;
pub mod model;
pub mod report;
pub mod summary;
