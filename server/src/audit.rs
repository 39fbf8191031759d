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

/// SHA-256 over the previous hash and every field, each length-prefixed so that no two
/// different rows serialise alike.
pub fn chain_hash(prev_hash: &str, id: i64, at: &str, e: &AuditEntry) -> String {
    let mut h = Sha256::new();
    let mut field = |s: Option<&str>| match s {
        Some(s) => {
            h.update((s.len() as u64).to_be_bytes());
            h.update(s.as_bytes());
        }
        None => h.update(u64::MAX.to_be_bytes()),
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
    hex(&h.finalize())
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

/// Verifies rows in id order.
pub fn verify_chain<'a>(rows: impl IntoIterator<Item = &'a AuditRow>) -> ChainReport {
    verify_chain_after(GENESIS, rows)
}

/// Verifies rows in id order that follow a row whose hash is `start` (a checkpoint).
pub fn verify_chain_after<'a>(
    start: &str,
    rows: impl IntoIterator<Item = &'a AuditRow>,
) -> ChainReport {
    let mut prev = start.to_string();
    let mut n = 0;
    for row in rows {
        if row.prev_hash != prev {
            return ChainReport::Broken {
                row_id: row.id,
                reason:
                    "its link to the previous row does not match (a row was removed or inserted)",
            };
        }
        if chain_hash(&row.prev_hash, row.id, &row.at, &row.entry) != row.hash {
            return ChainReport::Broken {
                row_id: row.id,
                reason: "its contents do not match its hash (the row was edited)",
            };
        }
        prev = row.hash.clone();
        n += 1;
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
        assert_eq!(verify_chain(&chain(5)), ChainReport::Intact { rows: 5 });
        assert_eq!(verify_chain(&[]), ChainReport::Intact { rows: 0 });
    }

    #[test]
    fn an_edited_row_is_detected() {
        let mut rows = chain(5);
        rows[2].entry.action = "delete".into();
        assert!(matches!(
            verify_chain(&rows),
            ChainReport::Broken { row_id: 3, .. }
        ));
    }

    #[test]
    fn a_removed_row_is_detected() {
        let mut rows = chain(5);
        rows.remove(1);
        assert!(matches!(
            verify_chain(&rows),
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
}
