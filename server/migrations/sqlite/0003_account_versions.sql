-- Accounts are edited by administrators: versioned, so a stale edit is refused.
ALTER TABLE users ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE users ADD COLUMN updated_at TEXT;
ALTER TABLE users ADD COLUMN updated_by TEXT;
