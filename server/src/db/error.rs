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
    /// A refusal or fault the port names itself (not found, a conflict, a rule broken,
    /// denied, unavailable): carried as it is, so the port sees exactly what the layer said.
    #[error(transparent)]
    Port(#[from] RepoError),
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
            DbError::Port(e) => e,
            DbError::Query(e) => meaning(&e).unwrap_or(RepoError::Unavailable(e.to_string())),
            other => RepoError::Unavailable(other.to_string()),
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
        let conflict = DbError::from(RepoError::Conflict {
            by: Some("staff1".into()),
            at: Some("2026-01-01T00:00:00Z".into()),
        });
        assert_eq!(
            RepoError::from(conflict),
            RepoError::Conflict {
                by: Some("staff1".into()),
                at: Some("2026-01-01T00:00:00Z".into())
            }
        );
        assert_eq!(
            RepoError::from(DbError::from(RepoError::NotFound)),
            RepoError::NotFound
        );
        assert_eq!(
            RepoError::from(DbError::from(RepoError::Duplicate)),
            RepoError::Duplicate
        );
    }

    #[test]
    fn a_fault_is_unavailable_not_a_refusal() {
        let e = RepoError::from(DbError::Query(sqlx::Error::RowNotFound));
        assert!(matches!(e, RepoError::Unavailable(_)), "{e:?}");
    }
}
