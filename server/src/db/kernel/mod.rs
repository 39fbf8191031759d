//! What every feature shares, compiled inside each backend like the features: the time
//! stamps, the audit history, the event log, a card and its campaign year, the stored
//! facts a rule reads (plans, evaluations, the council's final totals), a campaign's
//! emulation movements, and [`WriteTx`],
//! the write every feature makes. Features depend on the kernel, never on each other.

pub mod audit;
pub mod cards;
pub mod commendations;
pub mod criteria;
pub mod events;
pub mod facts;
pub mod lists;
pub mod movements;
pub mod scores;
pub mod snapshot;
pub mod time;
pub mod write;
pub mod years;

pub use write::{Versioned, WriteTx};

use super::{Conn, Db, Pool};
