-- A campaign's name, decision and years are the administrator's to correct: versioned, so
-- that a second administrator's stale edit is refused naming who changed it and when.
-- Never edit once applied.
ALTER TABLE campaigns ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE campaigns ADD COLUMN updated_at TEXT;
ALTER TABLE campaigns ADD COLUMN updated_by TEXT;
