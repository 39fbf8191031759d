mod approve_plan;
mod get_nomination;
mod nomination_form;
mod record_evaluation;
mod record_replication;
mod remove_document;
mod save_nomination;
mod save_plan;

pub use approve_plan::*;
pub use get_nomination::*;
pub use nomination_form::*;
pub use record_evaluation::*;
pub use record_replication::*;
pub use remove_document::*;
pub use save_nomination::*;
pub use save_plan::*;
