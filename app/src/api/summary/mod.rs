//! Leadership's summary, the blocs' reviews (D-2) and the lists sent to the City.

mod get_bloc_review;
mod get_document;
mod get_summary;
mod save_bloc_review;

pub use get_bloc_review::*;
pub use get_document::*;
pub use get_summary::*;
pub use save_bloc_review::*;
