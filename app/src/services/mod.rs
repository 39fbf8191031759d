//! Server behaviour that is not a query (server side only): the request's context and
//! prologue, the summary's running tallies, the documents, password hashing. The types
//! they work on live in [`crate::types`], which never imports from here.

pub mod documents;
pub mod password;
pub mod request;
pub mod summary;

pub use request::{authorize, guard, request, AppContext, Clock};
