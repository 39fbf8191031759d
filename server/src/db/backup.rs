//! `exemplar backup --to PATH`: a consistent copy of a SQLite database taken while the
//! server runs (`VACUUM INTO` reads one snapshot: every write acknowledged before it began
//! is in the copy, none half-written), then proved: `PRAGMA integrity_check` on the copy,
//! the audit history's chain verified from its first row, and the rows of every table
//! counted. A manifest beside the copy (`PATH.manifest.json`) records the counts and the
//! chain's last row and hash, so that a later check can tell a history cut short.
//!
//! `exemplar restore --from PATH` puts such a copy back: only while no process has the
//! database open (see `db::lock`), only a copy that still matches its manifest, and the
//! database it replaces is kept beside it, never deleted.
//!
//! PostgreSQL is backed up with `pg_dump` (see the README).

use super::copy::TABLES;
use super::lock::{with_suffix, DbLock};
use super::DbError;
use crate::audit::{verify_chain, AuditRow, ChainKey, ChainReport, StoredAuditRow, SELECT_ROWS};
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use sqlx::SqlitePool;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// What the copy holds, as verified after it was written.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Manifest {
    /// When the copy was taken (UTC, RFC 3339).
    pub taken_at: String,
    /// Rows per table, in the order of `copy::TABLES`.
    pub tables: Vec<(String, i64)>,
    pub audit_rows: usize,
    /// The audit history's last row and its hash (none when the history is empty).
    pub audit_head: Option<(i64, String)>,
}

/// Where the manifest of a copy at `path` is written.
pub fn manifest_path(path: &Path) -> PathBuf {
    with_suffix(path, ".manifest.json")
}

fn refused(message: impl Into<String>) -> DbError {
    DbError::Refused(message.into())
}

/// Copies the database behind `source` to `to` (which must not exist), verifies the copy
/// and writes its manifest. Nothing is left at `to` when the copy fails its checks.
pub async fn backup_sqlite(
    source: &SqlitePool,
    to: &Path,
    key: Option<&ChainKey>,
) -> Result<Manifest, DbError> {
    if to.exists() || manifest_path(to).exists() {
        return Err(refused(format!(
            "{} already exists: a backup never overwrites a file; choose a new path",
            to.display()
        )));
    }
    let Some(target) = to.to_str() else {
        return Err(refused(format!(
            "{} is not a UTF-8 path; choose another",
            to.display()
        )));
    };
    sqlx::query("VACUUM INTO ?")
        .bind(target)
        .execute(source)
        .await?;
    match verify_copy(to, key).await {
        Ok(manifest) => {
            let json = serde_json::to_string_pretty(&manifest)
                .map_err(|e| refused(format!("cannot write the manifest: {e}")))?;
            std::fs::write(manifest_path(to), json).map_err(|e| {
                refused(format!("cannot write {}: {e}", manifest_path(to).display()))
            })?;
            Ok(manifest)
        }
        Err(e) => {
            let _ = std::fs::remove_file(to);
            Err(e)
        }
    }
}

/// Opens a copy read-only and proves it: integrity, the audit chain (with the key it is
/// keyed with), the row counts.
pub async fn verify_copy(path: &Path, key: Option<&ChainKey>) -> Result<Manifest, DbError> {
    let options = SqliteConnectOptions::from_str(&format!("sqlite://{}", path.display()))
        .map_err(|e| refused(format!("cannot open {}: {e}", path.display())))?
        .read_only(true);
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await
        .map_err(|e| refused(format!("cannot open {}: {e}", path.display())))?;
    let result = verify_database(&pool, key).await;
    pool.close().await;
    result
}

/// Proves the SQLite database behind `pool`: `PRAGMA integrity_check`, the audit chain
/// from its first row (with `key`), every table's rows counted (a backup's copy, or a file as
/// a crash left it).
pub async fn verify_database(
    pool: &SqlitePool,
    key: Option<&ChainKey>,
) -> Result<Manifest, DbError> {
    let integrity: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_all(pool)
        .await?;
    if integrity != ["ok"] {
        return Err(refused(format!(
            "the database fails SQLite's integrity check: {}",
            integrity.join("; ")
        )));
    }
    let mut tables = Vec::with_capacity(TABLES.len());
    for table in TABLES {
        let rows: i64 =
            sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}")))
                .fetch_one(pool)
                .await?;
        tables.push((table.to_string(), rows));
    }
    let rows: Vec<StoredAuditRow> = sqlx::query_as(SELECT_ROWS).fetch_all(pool).await?;
    let rows: Vec<AuditRow> = rows.into_iter().map(AuditRow::from).collect();
    let audit_rows = match verify_chain(&rows, key) {
        ChainReport::Intact { rows } => rows,
        ChainReport::Broken { row_id, reason } => {
            return Err(refused(format!(
                "the database's audit history is broken at row {row_id}: {reason}"
            )))
        }
    };
    Ok(Manifest {
        taken_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        tables,
        audit_rows,
        audit_head: rows.last().map(|r| (r.id, r.hash.clone())),
    })
}

/// Opens the database at `url` for a backup: it must exist (a backup never creates one).
pub async fn open_source(url: &str) -> Result<SqlitePool, DbError> {
    let options = SqliteConnectOptions::from_str(url)
        .map_err(|e| refused(format!("cannot open {url}: {e}")))?
        .create_if_missing(false)
        .busy_timeout(std::time::Duration::from_secs(5));
    SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await
        .map_err(|e| refused(format!("cannot open {url}: {e}")))
}

/// Checks a verified audit history against a backup's manifest: the history must still hold
/// the backup's last row with the same hash. A chain cut short after the backup (its last
/// rows deleted) still verifies on its own; this is what tells.
pub fn check_against_manifest(rows: &[AuditRow], manifest: &Manifest) -> Result<(), String> {
    let Some((id, hash)) = &manifest.audit_head else {
        return Ok(());
    };
    match rows.iter().find(|r| r.id == *id) {
        Some(row) if row.hash == *hash => Ok(()),
        Some(_) => Err(format!(
            "audit row {id} no longer has the hash the backup of {} recorded: the history \
             was rewritten after it",
            manifest.taken_at
        )),
        None => Err(format!(
            "the audit history ends at row {} but the backup of {} recorded row {id}: rows \
             were removed from its end",
            rows.last().map_or(0, |r| r.id),
            manifest.taken_at
        )),
    }
}

/// Reads a manifest written by `backup_sqlite`.
pub fn read_manifest(path: &Path) -> Result<Manifest, DbError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| refused(format!("cannot read {}: {e}", path.display())))?;
    serde_json::from_str(&text)
        .map_err(|e| refused(format!("{} is not a backup manifest: {e}", path.display())))
}

/// What `restore_sqlite` did.
#[derive(Debug, Clone)]
pub struct Restored {
    /// The restored copy's manifest (it matched the copy).
    pub manifest: Manifest,
    /// Where the database that was replaced is kept (none when there was none).
    pub previous: Option<PathBuf>,
}

/// Writes a file's content to disk before anything depends on it.
fn sync_file(path: &Path) -> Result<(), DbError> {
    std::fs::File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(|e| refused(format!("cannot write {} to disk: {e}", path.display())))
}

/// Makes a rename in `path`'s directory durable.
fn sync_dir(path: &Path) {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
    }
}

/// Replaces the database at `db` with the backup at `from`, which must carry the manifest
/// `exemplar backup` wrote beside it and still match it. Refused while any process has `db`
/// open. The backup is copied beside `db`, verified there (integrity, audit chain, row
/// counts and the chain's head against the manifest), and only then renamed into place; the
/// database it replaces (with its write-ahead log) is kept as `db.before-restore-<time>`.
pub async fn restore_sqlite(
    from: &Path,
    db: &Path,
    key: Option<&ChainKey>,
) -> Result<Restored, DbError> {
    if !from.is_file() {
        return Err(refused(format!("{} is not a file", from.display())));
    }
    let manifest_file = manifest_path(from);
    if !manifest_file.is_file() {
        return Err(refused(format!(
            "{} has no manifest beside it ({}): only a copy written by `exemplar backup` is \
             restored",
            from.display(),
            manifest_file.display()
        )));
    }
    let manifest = read_manifest(&manifest_file)?;
    let _lock = DbLock::exclusive(db)?;

    // Under the lock, a copy left by a restore that was interrupted is ours to replace.
    let staged = with_suffix(db, ".restoring");
    let _ = std::fs::remove_file(&staged);
    std::fs::copy(from, &staged).map_err(|e| {
        refused(format!(
            "cannot copy {} to {}: {e}",
            from.display(),
            staged.display()
        ))
    })?;
    sync_file(&staged)?;
    let found = match verify_copy(&staged, key).await {
        Ok(found) => found,
        Err(e) => {
            let _ = std::fs::remove_file(&staged);
            return Err(e);
        }
    };
    if let Err(difference) = matches_manifest(&found, &manifest) {
        let _ = std::fs::remove_file(&staged);
        return Err(refused(format!(
            "{} no longer matches the manifest written when it was taken ({}): {difference}; \
             nothing was restored",
            from.display(),
            manifest.taken_at
        )));
    }

    let previous = if db.exists() {
        let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
        let aside = with_suffix(db, &format!(".before-restore-{stamp}"));
        if aside.exists() {
            let _ = std::fs::remove_file(&staged);
            return Err(refused(format!(
                "{} already exists; wait a second and restore again",
                aside.display()
            )));
        }
        let rename = |from: &Path, to: &Path| {
            std::fs::rename(from, to).map_err(|e| {
                refused(format!(
                    "cannot move {} to {}: {e}",
                    from.display(),
                    to.display()
                ))
            })
        };
        // The write-ahead log goes with its database: opening the kept copy later replays it.
        let wal = with_suffix(db, "-wal");
        if wal.exists() {
            rename(&wal, &with_suffix(&aside, "-wal"))?;
        }
        let _ = std::fs::remove_file(with_suffix(db, "-shm"));
        rename(db, &aside)?;
        Some(aside)
    } else {
        None
    };
    std::fs::rename(&staged, db).map_err(|e| {
        refused(format!(
            "cannot move {} to {}: {e} (the previous database is kept at {})",
            staged.display(),
            db.display(),
            previous.as_deref().map_or_else(
                || "nowhere: there was none".into(),
                |p| p.display().to_string()
            )
        ))
    })?;
    sync_dir(db);
    Ok(Restored {
        manifest: found,
        previous,
    })
}

/// Whether a verified copy holds what its manifest says it held.
fn matches_manifest(found: &Manifest, manifest: &Manifest) -> Result<(), String> {
    if found.audit_head != manifest.audit_head || found.audit_rows != manifest.audit_rows {
        return Err(format!(
            "its audit history has {} rows ending at {:?}, the manifest says {} ending at {:?}",
            found.audit_rows,
            found.audit_head.as_ref().map(|h| h.0),
            manifest.audit_rows,
            manifest.audit_head.as_ref().map(|h| h.0)
        ));
    }
    for (table, rows) in &manifest.tables {
        let now = found
            .tables
            .iter()
            .find(|(t, _)| t == table)
            .map(|(_, n)| *n);
        if now != Some(*rows) {
            return Err(format!(
                "table {table} has {} rows, the manifest says {rows}",
                now.map_or_else(|| "no".into(), |n| n.to_string())
            ));
        }
    }
    Ok(())
}

/// Where the dossier's files of a copy at `path` are kept: a folder beside it, each file
/// under its content's SHA-256 (so that every file proves itself).
pub fn files_path(path: &Path) -> PathBuf {
    with_suffix(path, ".files")
}

/// The SHA-256 of every file the documents of the database at `copy` name (removed ones
/// too: the history keeps them).
async fn named_files(copy: &Path) -> Result<Vec<String>, DbError> {
    let options = SqliteConnectOptions::from_str(&format!("sqlite://{}", copy.display()))
        .map_err(|e| refused(format!("cannot open {}: {e}", copy.display())))?
        .read_only(true);
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await
        .map_err(|e| refused(format!("cannot open {}: {e}", copy.display())))?;
    let hashes: Result<Vec<String>, _> =
        sqlx::query_scalar("SELECT DISTINCT sha256 FROM nomination_documents ORDER BY sha256")
            .fetch_all(&pool)
            .await;
    pool.close().await;
    Ok(hashes?)
}

/// Copies a file kept under `hash` from `from` to `to`, checking its content against the
/// hash on the way.
fn copy_checked(from: &Path, to: &Path, hash: &str) -> Result<(), DbError> {
    let bytes = std::fs::read(from)
        .map_err(|e| refused(format!("cannot read the file {}: {e}", from.display())))?;
    if crate::files::sha256_hex(&bytes) != hash {
        return Err(refused(format!(
            "the file {} does not match its hash: it changed on disk",
            from.display()
        )));
    }
    if let Some(dir) = to.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| refused(format!("cannot make {}: {e}", dir.display())))?;
    }
    std::fs::write(to, &bytes)
        .map_err(|e| refused(format!("cannot write {}: {e}", to.display())))?;
    sync_file(to)
}

/// Copies the dossier's files the backup at `copy` names from the store into
/// [`files_path`]`(copy)`, each checked against its hash; returns how many. A file the
/// copy names that the store lacks stops the backup (removed with what it wrote).
pub async fn backup_files(copy: &Path, store: &crate::files::FileStore) -> Result<usize, DbError> {
    let hashes = named_files(copy).await?;
    let dir = files_path(copy);
    let copied = (|| {
        for hash in &hashes {
            let from = store
                .path_of(hash)
                .ok_or_else(|| refused(format!("a document names no file ({hash})")))?;
            copy_checked(&from, &dir.join(&hash[..2]).join(hash), hash)?;
        }
        Ok::<_, DbError>(hashes.len())
    })();
    if copied.is_err() {
        let _ = std::fs::remove_dir_all(&dir);
    }
    copied
}

/// Puts the files of the backup at `from` back into the store (those it lacks), each
/// checked against its hash, and proves that every document of the backup has its file;
/// returns how many were put back.
pub async fn restore_files(from: &Path, store: &crate::files::FileStore) -> Result<usize, DbError> {
    let hashes = named_files(from).await?;
    let dir = files_path(from);
    let mut restored = 0;
    for hash in &hashes {
        let to = store
            .path_of(hash)
            .ok_or_else(|| refused(format!("a document names no file ({hash})")))?;
        if to.exists() {
            continue;
        }
        let kept = dir.join(&hash[..2]).join(hash);
        if !kept.is_file() {
            return Err(refused(format!(
                "the backup's documents name the file {hash}, which is not in {}",
                dir.display()
            )));
        }
        copy_checked(&kept, &to, hash)?;
        restored += 1;
    }
    Ok(restored)
}
