//! The campaign year's calendar, what the user's unit, bloc or office owes next, and the
//! office's selections for the City, and closing a year (carrying its exemplars over).

mod carry_over;
mod get_calendar;
mod get_carry_over;
mod get_selection;
mod my_deadlines;
mod save_selection;

pub use carry_over::*;
pub use get_calendar::*;
pub use get_carry_over::*;
pub use get_selection::*;
pub use my_deadlines::*;
pub use save_selection::*;
