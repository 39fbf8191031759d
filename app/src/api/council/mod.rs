//! The council's scoring (S-2): the list, one's own scoresheet, and its changes.

mod cast_ballot;
mod change_sheet;
mod close_ballot;
mod decide_for_city;
mod get_council;
mod get_sheet;
mod open_ballot;
mod record_city_answer;
mod record_dispatch;
mod resend_to_city;

pub use cast_ballot::*;
pub use change_sheet::*;
pub use close_ballot::*;
pub use decide_for_city::*;
pub use get_council::*;
pub use get_sheet::*;
pub use open_ballot::*;
pub use record_city_answer::*;
pub use record_dispatch::*;
pub use resend_to_city::*;
