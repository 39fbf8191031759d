//! The campaign year's calendar, what the user's unit, bloc or office owes next, and the
//! office's selections for the City.

mod get_calendar;
mod get_selection;
mod my_deadlines;
mod save_selection;

pub use get_calendar::*;
pub use get_selection::*;
pub use my_deadlines::*;
pub use save_selection::*;
