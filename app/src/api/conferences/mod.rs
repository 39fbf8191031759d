//! Conferences (E-1, E-2): the units' and the sector's, with who was honoured with what.

mod get_conferences;
mod save_conference;

pub use get_conferences::*;
pub use save_conference::*;
