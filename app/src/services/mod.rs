//! Server behaviour that is not a query (server side only): the request's context and
//! prologue, the summary's running tallies, the documents. Types live in the modules
//! below (`auth`, `model`, `summary`, `exports`, …), which never import from here.

pub mod documents;
pub mod request;
pub mod summary;

pub use request::{authorize, guard, request, AppContext, Clock};
