-- Units and blocs are edited by administrators: versioned, so a stale edit is refused.
ALTER TABLE blocs ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE blocs ADD COLUMN updated_at TEXT;
ALTER TABLE blocs ADD COLUMN updated_by TEXT;
ALTER TABLE units ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE units ADD COLUMN updated_at TEXT;
ALTER TABLE units ADD COLUMN updated_by TEXT;
