//! The plan's rules as pure functions. Each returns every violation it finds, with the
//! rule ID of plan.md and a message in Vietnamese and English (`Violation::message`).

pub mod carry;
pub mod city;
pub mod city_answer;
pub mod commendation;
pub mod conference;
pub mod council;
pub mod deadline;
pub mod dossier;
pub mod evaluation;
pub mod fostering;
pub mod periodic_report;
pub mod review;
pub mod selection;
pub mod summary;
pub mod transition;
mod violation;

pub use violation::{verdict, LeaderRole, Violation, ViolationKind};
