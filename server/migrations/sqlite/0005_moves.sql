-- The live board: who last changed a nomination, where a dropped one came from, each
-- campaign year's own deadlines, and the event log that live clients resume from.
-- Never edit this file once applied; add a new numbered migration instead.

ALTER TABLE nominations ADD COLUMN dropped_from TEXT CHECK (dropped_from IN (
    'discovered', 'registered', 'fostering', 'evaluating', 'replicated'));
ALTER TABLE nominations ADD COLUMN updated_by TEXT;
-- Nominations dropped before this column existed were dropped at discovery.
UPDATE nominations SET dropped_from = 'discovered' WHERE stage = 'dropped';

-- A campaign year's own registration deadline (D-1: "the campaign's registration
-- deadline"); without a row the plan's default (31 December of the year before) applies.
CREATE TABLE campaign_years (
    campaign_id           INTEGER NOT NULL REFERENCES campaigns (id),
    year                  INTEGER NOT NULL,
    registration_deadline TEXT    NOT NULL,
    PRIMARY KEY (campaign_id, year)
);

-- `events` (0001) is the log of accepted changes; its id is the sequence number live
-- clients resume from (Last-Event-ID). Keep it append-only like the audit history.
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'events is append-only');
END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN
    SELECT RAISE(ABORT, 'events is append-only');
END;
