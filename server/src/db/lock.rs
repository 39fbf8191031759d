//! Who may hold a SQLite database file: every process that opens it (the server, and the
//! commands that write to it) holds a shared lock on `<file>.lock` for as long as it has
//! the file open; `exemplar restore` replaces the file only under the exclusive lock, so it
//! never replaces a database a running server is writing to, and a server never opens a
//! file a restore is replacing. The lock is the operating system's (`flock` on Linux): it
//! is let go when the process ends, however it ends.

use super::DbError;
use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

/// A lock on a database file, held until dropped.
#[derive(Debug)]
pub struct DbLock {
    _file: File,
}

/// The lock file of the database at `db`.
pub fn lock_path(db: &Path) -> PathBuf {
    with_suffix(db, ".lock")
}

/// `path` with `suffix` added to its file name (the files kept beside a database:
/// `-wal`, `.lock`, a backup's `.manifest.json`).
pub fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn open_lock_file(db: &Path) -> Result<File, DbError> {
    let path = lock_path(db);
    OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(|e| DbError::Refused(format!("cannot open {}: {e}", path.display())))
}

impl DbLock {
    /// Shared: any number of processes may use the file at once. Refused while a restore
    /// holds it.
    pub fn shared(db: &Path) -> Result<DbLock, DbError> {
        let file = open_lock_file(db)?;
        match file.try_lock_shared() {
            Ok(()) => Ok(DbLock { _file: file }),
            Err(TryLockError::WouldBlock) => Err(DbError::Refused(format!(
                "{} is being restored from a backup (exemplar restore holds it); start again \
                 when the restore has finished",
                db.display()
            ))),
            Err(TryLockError::Error(e)) => Err(DbError::Refused(format!(
                "cannot lock {}: {e}",
                lock_path(db).display()
            ))),
        }
    }

    /// Exclusive: nobody else has the file open. Refused while a server (or any command)
    /// uses it.
    pub fn exclusive(db: &Path) -> Result<DbLock, DbError> {
        let file = open_lock_file(db)?;
        match file.try_lock() {
            Ok(()) => Ok(DbLock { _file: file }),
            Err(TryLockError::WouldBlock) => Err(DbError::Refused(format!(
                "{} is in use by a running Exemplar server (or another exemplar command): stop \
                 it first, then restore",
                db.display()
            ))),
            Err(TryLockError::Error(e)) => Err(DbError::Refused(format!(
                "cannot lock {}: {e}",
                lock_path(db).display()
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_locks_coexist_and_keep_the_exclusive_one_out() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("e.db");
        let a = DbLock::shared(&db).unwrap();
        let b = DbLock::shared(&db).unwrap();
        assert!(DbLock::exclusive(&db).is_err());
        drop(a);
        assert!(DbLock::exclusive(&db).is_err());
        drop(b);
        let x = DbLock::exclusive(&db).unwrap();
        let refused = DbLock::shared(&db).unwrap_err().to_string();
        assert!(refused.contains("being restored"), "{refused}");
        drop(x);
        DbLock::shared(&db).unwrap();
    }
}
