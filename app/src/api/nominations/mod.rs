mod fostering;
mod get_nomination;
mod nomination_form;
mod save_nomination;

pub use fostering::*;
pub use get_nomination::*;
pub use nomination_form::*;
pub use save_nomination::*;
