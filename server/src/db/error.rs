//! The error of the data layer, and its one conversion into the port's `RepoError`.
//!
//! Every query returns `DbResult`, so `?` works on sqlx's errors as on the layer's own
//! refusals; what a database constraint means to the user is decided once, in
//! [`CONSTRAINTS`], not at each query.

use app::ports::RepoError;

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("cannot open the database {url} (DATABASE_URL): {reason}")]
    Open { url: String, reason: String },
    #[error("database migration failed, the database was left as it was: {0}")]
    Migrate(String),
    #[error("database error: {0}")]
    Query(#[from] sqlx::Error),
    #[error("{0}")]
    Refused(String),
    /// A data set is loaded only into an empty database (another instance may have loaded
    /// it first).
    #[error("the database already holds data; use an empty database (DATABASE_URL)")]
    NotEmpty,
    // The refusals, one to one with the port's `RepoError` (see its documentation).
    #[error("not found")]
    NotFound,
    #[error("stale version: changed by {by:?} at {at:?}")]
    Conflict {
        by: Option<String>,
        at: Option<String>,
    },
    #[error("already exists")]
    Duplicate,
    #[error("invalid: {0:?}")]
    Invalid(shared::domain::InputError),
    #[error("denied: {0:?}")]
    Denied(shared::auth::Denied),
    #[error("refused by rules: {0:?}")]
    Rules(Vec<shared::rules::Violation>),
    /// Something the layer depends on stopped (the move writer).
    #[error("unavailable: {0}")]
    Unavailable(String),
}

pub type DbResult<T> = Result<T, DbError>;

/// What a violated constraint means to the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Meaning {
    Duplicate,
}

/// The constraints whose violation is the user's doing, by the name each backend gives:
/// SQLite names the column in its message ("UNIQUE constraint failed: users.username"),
/// PostgreSQL the constraint. Anything else violated is a fault (logged, answered as
/// unavailable).
const CONSTRAINTS: &[(&str, &str, Meaning)] = &[
    ("users.username", "users_username_key", Meaning::Duplicate),
    ("blocs.code", "blocs_code_key", Meaning::Duplicate),
    ("units.code", "units_code_key", Meaning::Duplicate),
];

fn meaning(e: &sqlx::Error) -> Option<RepoError> {
    let sqlx::Error::Database(db) = e else {
        return None;
    };
    // A reference to a row that is not there: what was named does not exist.
    if db.is_foreign_key_violation() {
        return Some(RepoError::NotFound);
    }
    if !db.is_unique_violation() {
        return None;
    }
    let message = db.message();
    CONSTRAINTS
        .iter()
        .find(|(column, name, _)| {
            db.constraint() == Some(*name) || message.ends_with(&format!(": {column}"))
        })
        .map(|(_, _, meaning)| match meaning {
            Meaning::Duplicate => RepoError::Duplicate,
        })
}

impl From<DbError> for RepoError {
    fn from(e: DbError) -> Self {
        match e {
            DbError::NotFound => RepoError::NotFound,
            DbError::Conflict { by, at } => RepoError::Conflict { by, at },
            DbError::Duplicate => RepoError::Duplicate,
            DbError::Invalid(e) => RepoError::Invalid(e),
            DbError::Denied(d) => RepoError::Denied(d),
            DbError::Rules(v) => RepoError::Rules(v),
            DbError::Query(e) => meaning(&e).unwrap_or(RepoError::Unavailable(e.to_string())),
            other => RepoError::Unavailable(other.to_string()),
        }
    }
}

impl From<RepoError> for DbError {
    fn from(e: RepoError) -> Self {
        match e {
            RepoError::NotFound => DbError::NotFound,
            RepoError::Conflict { by, at } => DbError::Conflict { by, at },
            RepoError::Duplicate => DbError::Duplicate,
            RepoError::Invalid(e) => DbError::Invalid(e),
            RepoError::Denied(d) => DbError::Denied(d),
            RepoError::Rules(v) => DbError::Rules(v),
            RepoError::Unavailable(detail) => DbError::Unavailable(detail),
        }
    }
}

impl From<app::moves::Refusal> for DbError {
    fn from(r: app::moves::Refusal) -> Self {
        RepoError::from(r).into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_cross_the_port_unchanged() {
        let conflict = DbError::Conflict {
            by: Some("staff1".into()),
            at: Some("2026-01-01T00:00:00Z".into()),
        };
        assert_eq!(
            RepoError::from(conflict),
            RepoError::Conflict {
                by: Some("staff1".into()),
                at: Some("2026-01-01T00:00:00Z".into())
            }
        );
        assert_eq!(RepoError::from(DbError::NotFound), RepoError::NotFound);
        assert_eq!(RepoError::from(DbError::Duplicate), RepoError::Duplicate);
    }

    #[test]
    fn a_fault_is_unavailable_not_a_refusal() {
        let e = RepoError::from(DbError::Query(sqlx::Error::RowNotFound));
        assert!(matches!(e, RepoError::Unavailable(_)), "{e:?}");
    }
}
