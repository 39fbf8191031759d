//! What every feature shares, compiled inside each backend like the features: the time
//! stamps, the audit history, the event log, a card and its campaign year, the stored
//! facts a rule reads (plans, evaluations, the council's final totals), and [`WriteTx`],
//! the write every feature makes. Features depend on the kernel, never on each other.

pub mod audit;
pub mod cards;
pub mod events;
pub mod facts;
pub mod scores;
pub mod time;
pub mod write;

pub use write::{Versioned, WriteTx};

use super::{Conn, Db, Pool};
use crate::db::DbResult;
use app::ports::RepoResult;

/// Runs a use case written with `DbError` (so that `?` works on every query and every
/// constraint means what `db::error` says) and gives its answer to the port, converted
/// once into `RepoError`. Transitional: only the features whose SQL is still inline (in
/// `sql/`) need it; a feature with its own `queries.rs` (see `fostering/`) returns the
/// port's error directly, `?` converting each `DbError`.
pub async fn answer<T>(use_case: impl std::future::Future<Output = DbResult<T>>) -> RepoResult<T> {
    use_case.await.map_err(Into::into)
}
