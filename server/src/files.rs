//! The dossier's files on disk, content-addressed: a file is kept once, under the SHA-256
//! of its content (`ab/abcdef…`), written to a temporary name, flushed to disk and renamed
//! into place, so that a crash leaves either the whole file or none. Reading checks the
//! content against its name: a file changed on disk is an error, never served.

use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone)]
pub struct FileStore {
    root: PathBuf,
}

#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("the files directory (EXEMPLAR_FILES_DIR) {path}: {reason}")]
    Io { path: String, reason: String },
    #[error("the stored file {0} does not match its content's hash")]
    Corrupt(String),
    #[error("no stored file {0}")]
    Missing(String),
}

fn io(path: &Path, e: std::io::Error) -> FileError {
    FileError::Io {
        path: path.display().to_string(),
        reason: e.to_string(),
    }
}

/// The SHA-256 of `bytes`, in lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn is_hash(name: &str) -> bool {
    name.len() == 64
        && name
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

impl FileStore {
    /// The store at `root`, made if missing.
    pub fn open(root: &Path) -> Result<FileStore, FileError> {
        std::fs::create_dir_all(root.join("tmp")).map_err(|e| io(root, e))?;
        Ok(FileStore {
            root: root.to_path_buf(),
        })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where the file with this hash is kept; none for a name that is not a hash.
    pub fn path_of(&self, sha256: &str) -> Option<PathBuf> {
        is_hash(sha256).then(|| self.root.join(&sha256[..2]).join(sha256))
    }

    /// Keeps `bytes`; returns their hash and whether this call wrote the file (false: the
    /// same content was already kept).
    pub async fn put(&self, bytes: Vec<u8>) -> Result<(String, bool), FileError> {
        let store = self.clone();
        tokio::task::spawn_blocking(move || store.put_blocking(&bytes))
            .await
            .map_err(|e| FileError::Io {
                path: store_path(&self.root),
                reason: e.to_string(),
            })?
    }

    fn put_blocking(&self, bytes: &[u8]) -> Result<(String, bool), FileError> {
        let hash = sha256_hex(bytes);
        let path = self.path_of(&hash).expect("a hex digest is a hash");
        if path.exists() {
            return Ok((hash, false));
        }
        let dir = path.parent().expect("a kept file has a directory");
        std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
        let tmp =
            self.root
                .join("tmp")
                .join(format!("{hash}.{}.{}", std::process::id(), rand_suffix()));
        let written = (|| {
            let mut f = std::fs::File::create(&tmp)?;
            f.write_all(bytes)?;
            f.sync_all()?;
            std::fs::rename(&tmp, &path)?;
            // The rename itself reaches the disk with its directory.
            std::fs::File::open(dir)?.sync_all()
        })();
        if let Err(e) = written {
            let _ = std::fs::remove_file(&tmp);
            return Err(io(&path, e));
        }
        Ok((hash, true))
    }

    /// The content kept under `sha256`, checked against it.
    pub async fn read(&self, sha256: &str) -> Result<Vec<u8>, FileError> {
        let path = self
            .path_of(sha256)
            .ok_or_else(|| FileError::Missing(sha256.into()))?;
        let bytes = match tokio::fs::read(&path).await {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(FileError::Missing(sha256.into()))
            }
            Err(e) => return Err(io(&path, e)),
        };
        if sha256_hex(&bytes) != sha256 {
            return Err(FileError::Corrupt(sha256.into()));
        }
        Ok(bytes)
    }

    /// Removes the file kept under `sha256` (a failed upload's, recorded nowhere).
    pub async fn discard(&self, sha256: &str) {
        if let Some(path) = self.path_of(sha256) {
            if let Err(e) = tokio::fs::remove_file(&path).await {
                tracing::warn!(error = %e, path = %path.display(), "could not remove a file no document keeps");
            }
        }
    }
}

fn store_path(root: &Path) -> String {
    root.display().to_string()
}

/// A suffix that keeps two writers of the same content apart.
fn rand_suffix() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_file_is_kept_once_under_its_hash_and_read_back_checked() {
        let dir = tempfile::tempdir().unwrap();
        let store = FileStore::open(dir.path()).unwrap();
        let (hash, created) = store.put(b"%PDF-1.7 hello".to_vec()).await.unwrap();
        assert!(created);
        let (again, created_again) = store.put(b"%PDF-1.7 hello".to_vec()).await.unwrap();
        assert_eq!((again.as_str(), created_again), (hash.as_str(), false));
        assert_eq!(store.read(&hash).await.unwrap(), b"%PDF-1.7 hello");
        // Nothing is left under a temporary name.
        assert_eq!(
            std::fs::read_dir(dir.path().join("tmp")).unwrap().count(),
            0
        );
        // A file changed on disk is never served.
        std::fs::write(store.path_of(&hash).unwrap(), b"changed").unwrap();
        assert!(matches!(
            store.read(&hash).await,
            Err(FileError::Corrupt(_))
        ));
        // A name that is not a hash reaches no path.
        assert!(store.path_of("../../etc/passwd").is_none());
        store.discard(&hash).await;
        assert!(matches!(
            store.read(&hash).await,
            Err(FileError::Missing(_))
        ));
    }
}
