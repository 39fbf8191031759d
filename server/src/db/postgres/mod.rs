//! The PostgreSQL backend, being built (issue 9): its schema is `server/migrations/postgres`
//! (see [`super::copy`], which moves a SQLite database there), and its live events go
//! through `LISTEN/NOTIFY` with the event log as the source of truth ([`live`]). The
//! repositories follow; until they do, the server does not start on a `postgres://` URL.

pub mod live;
