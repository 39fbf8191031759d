//! The audit history's hash chain, independent of the database backend.

pub use app::types::model::AuditEntry;
use sha2::{Digest, Sha256};

/// The hash that precedes the first row.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// A stored row: the entry with its time and chain links.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRow {
    pub id: i64,
    pub at: String,
    pub entry: AuditEntry,
    pub prev_hash: String,
    pub hash: String,
}

/// The audit history in id order, as every backend reads it.
pub const SELECT_ROWS: &str = "SELECT id, at, actor_id, actor_name, action, object_type, object_id,
    before, after, address, prev_hash, hash FROM audit_log ORDER BY id";

/// The columns of a row, for reads of part of the history.
pub const SELECT_COLUMNS: &str = "SELECT id, at, actor_id, actor_name, action, object_type,
    object_id, before, after, address, prev_hash, hash";

/// A row as stored, whatever the database.
#[derive(sqlx::FromRow)]
pub struct StoredAuditRow {
    id: i64,
    at: String,
    actor_id: Option<i64>,
    actor_name: String,
    action: String,
    object_type: String,
    object_id: Option<String>,
    before: Option<String>,
    after: Option<String>,
    address: Option<String>,
    prev_hash: String,
    hash: String,
}

impl From<StoredAuditRow> for AuditRow {
    fn from(r: StoredAuditRow) -> Self {
        AuditRow {
            id: r.id,
            at: r.at,
            entry: AuditEntry {
                actor_id: r.actor_id,
                actor_name: r.actor_name,
                action: r.action,
                object_type: r.object_type,
                object_id: r.object_id,
                before: r.before,
                after: r.after,
                address: r.address,
            },
            prev_hash: r.prev_hash,
            hash: r.hash,
        }
    }
}

/// Every field, each length-prefixed so that no two different rows serialise alike.
fn message(prev_hash: &str, id: i64, at: &str, e: &AuditEntry) -> Vec<u8> {
    let mut m = Vec::with_capacity(256);
    let mut field = |s: Option<&str>| match s {
        Some(s) => {
            m.extend_from_slice(&(s.len() as u64).to_be_bytes());
            m.extend_from_slice(s.as_bytes());
        }
        None => m.extend_from_slice(&u64::MAX.to_be_bytes()),
    };
    field(Some(prev_hash));
    field(Some(&id.to_string()));
    field(Some(at));
    field(e.actor_id.map(|i| i.to_string()).as_deref());
    field(Some(&e.actor_name));
    field(Some(&e.action));
    field(Some(&e.object_type));
    field(e.object_id.as_deref());
    field(e.before.as_deref());
    field(e.after.as_deref());
    field(e.address.as_deref());
    m
}

/// SHA-256 over the previous hash and every field: how rows were chained before the chain
/// was keyed (they still verify this way).
pub fn chain_hash(prev_hash: &str, id: i64, at: &str, e: &AuditEntry) -> String {
    hex(&Sha256::digest(message(prev_hash, id, at, e)))
}

/// What a keyed row's hash starts with, before the key's id.
const KEYED: &str = "hmac-";

/// The hash a row is stored with: HMAC-SHA-256 under `key` (`hmac-<key id>-<hex>`), so
/// that whoever can write to the database but does not hold the key file cannot forge a
/// row; plain SHA-256 without a key.
pub fn row_hash(
    key: Option<&ChainKey>,
    prev_hash: &str,
    id: i64,
    at: &str,
    e: &AuditEntry,
) -> String {
    match key {
        Some(key) => format!(
            "{KEYED}{}-{}",
            key.id,
            hex(&hmac_sha256(&key.secret, &message(prev_hash, id, at, e)))
        ),
        None => chain_hash(prev_hash, id, at, e),
    }
}

/// HMAC-SHA-256 (RFC 2104) with a key of at most one block.
fn hmac_sha256(key: &[u8; 32], message: &[u8]) -> [u8; 32] {
    let mut block = [0u8; 64];
    block[..32].copy_from_slice(key);
    let pad = |byte: u8| block.map(|b| b ^ byte);
    let inner = Sha256::new()
        .chain_update(pad(0x36))
        .chain_update(message)
        .finalize();
    Sha256::new()
        .chain_update(pad(0x5c))
        .chain_update(inner)
        .finalize()
        .into()
}

/// The secret the audit chain is keyed with. It lives in a file outside the database
/// (`EXEMPLAR_AUDIT_KEY_FILE`), made by the server at its first start; a copy of the
/// database alone can be read and verified by whoever holds the key, and forged by nobody
/// who does not.
#[derive(Clone, PartialEq, Eq)]
pub struct ChainKey {
    secret: [u8; 32],
    /// The first 8 hex digits of the key's fingerprint: which key a row was keyed with.
    id: String,
}

impl std::fmt::Debug for ChainKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ChainKey({})", self.id)
    }
}

/// The first line of a key file.
const KEY_FILE_HEADER: &str = "exemplar audit key v1";

impl ChainKey {
    pub fn from_secret(secret: [u8; 32]) -> ChainKey {
        let fingerprint = Sha256::new()
            .chain_update(b"exemplar audit key id")
            .chain_update(secret)
            .finalize();
        ChainKey {
            secret,
            id: hex(&fingerprint[..4]),
        }
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    /// Reads a key file; None when there is none.
    pub fn read(path: &std::path::Path) -> Result<Option<ChainKey>, String> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(format!("cannot read the audit key {}: {e}", path.display())),
        };
        let mut lines = text.lines();
        let secret = match (lines.next(), lines.next()) {
            (Some(KEY_FILE_HEADER), Some(hex)) if hex.len() == 64 => {
                let mut secret = [0u8; 32];
                let ok = (0..32).all(|i| {
                    u8::from_str_radix(&hex[2 * i..2 * i + 2], 16)
                        .map(|b| secret[i] = b)
                        .is_ok()
                });
                ok.then_some(secret)
            }
            _ => None,
        };
        secret
            .map(|s| Some(ChainKey::from_secret(s)))
            .ok_or_else(|| format!("{} is not an Exemplar audit key file", path.display()))
    }

    /// Makes a new key file (readable by its owner only); refused if one exists.
    pub fn create(path: &std::path::Path) -> Result<ChainKey, String> {
        use argon2::password_hash::rand_core::{OsRng, RngCore};
        use std::io::Write;
        let mut secret = [0u8; 32];
        OsRng.fill_bytes(&mut secret);
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options
            .open(path)
            .map_err(|e| format!("cannot create the audit key {}: {e}", path.display()))?;
        file.write_all(format!("{KEY_FILE_HEADER}\n{}\n", hex(&secret)).as_bytes())
            .and_then(|()| file.sync_all())
            .map_err(|e| format!("cannot write the audit key {}: {e}", path.display()))?;
        Ok(ChainKey::from_secret(secret))
    }
}

/// The key id a stored hash was keyed with, if it was.
pub fn keyed_with(hash: &str) -> Option<&str> {
    hash.strip_prefix(KEYED)
        .and_then(|rest| rest.split('-').next())
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Where the chain breaks, if it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainReport {
    Intact { rows: usize },
    Broken { row_id: i64, reason: &'static str },
}

/// Verifies rows in id order from the first, with the key the history was keyed with
/// (None: only rows chained before the key existed verify).
pub fn verify_chain<'a>(
    rows: impl IntoIterator<Item = &'a AuditRow>,
    key: Option<&ChainKey>,
) -> ChainReport {
    verify_chain_after(GENESIS, rows, key)
}

/// Verifies rows in id order that follow a row whose hash is `start` (a checkpoint). Once
/// one row is keyed, every later row must be, and with a key at hand the last row must be
/// (the server keys the history at its first start with a key): a tail rewritten as plain
/// SHA-256 by someone without the key does not verify.
pub fn verify_chain_after<'a>(
    start: &str,
    rows: impl IntoIterator<Item = &'a AuditRow>,
    key: Option<&ChainKey>,
) -> ChainReport {
    let mut prev = start.to_string();
    let mut keyed = keyed_with(start).is_some();
    let mut n = 0;
    let mut last: Option<&AuditRow> = None;
    for row in rows {
        if row.prev_hash != prev {
            return ChainReport::Broken {
                row_id: row.id,
                reason:
                    "its link to the previous row does not match (a row was removed or inserted)",
            };
        }
        let expected = match (keyed_with(&row.hash), key) {
            (Some(_), None) => {
                return ChainReport::Broken {
                    row_id: row.id,
                    reason: "it is keyed: verifying it needs the audit key \
                             (EXEMPLAR_AUDIT_KEY_FILE)",
                }
            }
            (Some(id), Some(key)) if id != key.id => {
                return ChainReport::Broken {
                    row_id: row.id,
                    reason: "it was keyed with another audit key than the one configured \
                             (EXEMPLAR_AUDIT_KEY_FILE)",
                }
            }
            (Some(_), Some(key)) => {
                keyed = true;
                row_hash(Some(key), &row.prev_hash, row.id, &row.at, &row.entry)
            }
            (None, _) if keyed => {
                return ChainReport::Broken {
                    row_id: row.id,
                    reason: "it is not keyed although an earlier row is (the history was \
                             rewritten without the key)",
                }
            }
            (None, _) => chain_hash(&row.prev_hash, row.id, &row.at, &row.entry),
        };
        if expected != row.hash {
            return ChainReport::Broken {
                row_id: row.id,
                reason: "its contents do not match its hash (the row was edited)",
            };
        }
        prev = row.hash.clone();
        n += 1;
        last = Some(row);
    }
    if let (Some(row), Some(_)) = (last, key) {
        if keyed_with(&row.hash).is_none() {
            return ChainReport::Broken {
                row_id: row.id,
                reason: "the history ends in rows that are not keyed although the server keys \
                         every row (the history was rewritten without the key)",
            };
        }
    }
    ChainReport::Intact { rows: n }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(n: usize) -> Vec<AuditRow> {
        let mut prev = GENESIS.to_string();
        (1..=n as i64)
            .map(|id| {
                let entry = AuditEntry {
                    actor_name: "vanphong".into(),
                    action: "move".into(),
                    object_type: "nomination".into(),
                    object_id: Some(id.to_string()),
                    ..Default::default()
                };
                let at = format!("2026-11-29T10:00:{id:02}.000000Z");
                let hash = chain_hash(&prev, id, &at, &entry);
                let row = AuditRow {
                    id,
                    at,
                    entry,
                    prev_hash: prev.clone(),
                    hash: hash.clone(),
                };
                prev = hash;
                row
            })
            .collect()
    }

    #[test]
    fn an_intact_chain_verifies() {
        assert_eq!(
            verify_chain(&chain(5), None),
            ChainReport::Intact { rows: 5 }
        );
        assert_eq!(verify_chain(&[], None), ChainReport::Intact { rows: 0 });
    }

    #[test]
    fn an_edited_row_is_detected() {
        let mut rows = chain(5);
        rows[2].entry.action = "delete".into();
        assert!(matches!(
            verify_chain(&rows, None),
            ChainReport::Broken { row_id: 3, .. }
        ));
    }

    #[test]
    fn a_removed_row_is_detected() {
        let mut rows = chain(5);
        rows.remove(1);
        assert!(matches!(
            verify_chain(&rows, None),
            ChainReport::Broken { row_id: 3, .. }
        ));
    }

    #[test]
    fn fields_cannot_be_shifted_between_columns() {
        let a = AuditEntry {
            actor_name: "ab".into(),
            action: "c".into(),
            ..Default::default()
        };
        let b = AuditEntry {
            actor_name: "a".into(),
            action: "bc".into(),
            ..Default::default()
        };
        assert_ne!(
            chain_hash(GENESIS, 1, "t", &a),
            chain_hash(GENESIS, 1, "t", &b)
        );
    }

    /// A chain whose rows up to `plain` are SHA-256 and the rest keyed with `key`.
    fn mixed(n: usize, plain: usize, key: &ChainKey) -> Vec<AuditRow> {
        let mut rows = chain(plain);
        let mut prev = rows.last().map_or(GENESIS.to_string(), |r| r.hash.clone());
        for id in plain as i64 + 1..=n as i64 {
            let entry = AuditEntry {
                actor_name: "vanphong".into(),
                action: "move".into(),
                ..Default::default()
            };
            let at = format!("2026-12-05T10:00:{id:02}.000000Z");
            let hash = row_hash(Some(key), &prev, id, &at, &entry);
            rows.push(AuditRow {
                id,
                at,
                entry,
                prev_hash: prev.clone(),
                hash: hash.clone(),
            });
            prev = hash;
        }
        rows
    }

    #[test]
    fn hmac_matches_a_reference_implementation() {
        // RFC 2104's construction with a 32-byte key; the expected value is Python's
        // `hmac.new(bytes(range(32)), msg, hashlib.sha256).hexdigest()`.
        let key: [u8; 32] = std::array::from_fn(|i| i as u8);
        assert_eq!(
            hex(&hmac_sha256(&key, b"what do ya want for nothing?")),
            "099805f4ac310786968565c098db515cc50862b420ae31e20238312344bed36a"
        );
    }

    #[test]
    fn a_keyed_history_verifies_only_with_its_key() {
        let key = ChainKey::from_secret([7; 32]);
        let rows = mixed(6, 2, &key);
        assert_eq!(
            verify_chain(&rows, Some(&key)),
            ChainReport::Intact { rows: 6 }
        );
        let other = ChainKey::from_secret([8; 32]);
        assert!(matches!(
            verify_chain(&rows, Some(&other)),
            ChainReport::Broken { row_id: 3, .. }
        ));
        assert!(matches!(
            verify_chain(&rows, None),
            ChainReport::Broken { row_id: 3, .. }
        ));
    }

    /// What someone with the database but not the key can do: chain the rows from `from` on
    /// again with plain SHA-256.
    fn rechain_plain(rows: &mut [AuditRow], from: usize) {
        for i in from..rows.len() {
            let prev = rows[i - 1].hash.clone();
            let r = &mut rows[i];
            r.prev_hash = prev;
            r.hash = chain_hash(&r.prev_hash, r.id, &r.at, &r.entry);
        }
    }

    #[test]
    fn a_keyed_row_rewritten_without_the_key_is_detected() {
        let key = ChainKey::from_secret([7; 32]);
        let mut rows = mixed(6, 2, &key);
        // Someone with the database only edits row 4 and chains the rest as plain SHA-256,
        // as before the key.
        rows[3].entry.action = "delete".into();
        rechain_plain(&mut rows, 3);
        assert!(matches!(
            verify_chain(&rows, Some(&key)),
            ChainReport::Broken { row_id: 4, .. }
        ));
        // Even rewriting every keyed row leaves a history ending unkeyed: refused with a key.
        let mut all = mixed(6, 2, &key);
        rechain_plain(&mut all, 2);
        assert!(matches!(
            verify_chain(&all, Some(&key)),
            ChainReport::Broken { row_id: 6, .. }
        ));
        // Forging a keyed row needs the secret: a guessed one does not verify.
        let mut forged = mixed(6, 2, &key);
        forged[5].entry.action = "delete".into();
        let guess = ChainKey {
            secret: [9; 32],
            id: key.id.clone(),
        };
        let r = &mut forged[5];
        r.hash = row_hash(Some(&guess), &r.prev_hash, r.id, &r.at, &r.entry);
        assert!(matches!(
            verify_chain(&forged, Some(&key)),
            ChainReport::Broken { row_id: 6, .. }
        ));
    }

    #[test]
    fn a_key_file_is_made_once_for_its_owner_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("keys/audit.key");
        assert_eq!(ChainKey::read(&path), Ok(None));
        let key = ChainKey::create(&path).unwrap();
        assert_eq!(ChainKey::read(&path), Ok(Some(key.clone())));
        assert!(ChainKey::create(&path).is_err(), "never overwritten");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        std::fs::write(&path, "not a key").unwrap();
        assert!(ChainKey::read(&path).is_err());
        assert_eq!(format!("{key:?}"), format!("ChainKey({})", key.id()));
    }
}
