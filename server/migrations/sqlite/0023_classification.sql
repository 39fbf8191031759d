-- N-2: what kind of exemplar a nomination is, and the emulation movement it came from —
-- one of its campaign's, a list the administrators keep (a retired movement stays on the
-- nominations that named it). Nominations made before stay unclassified. Never edit once
-- applied.

CREATE TABLE movements (
    id          INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns (id),
    name        TEXT    NOT NULL,
    retired     BOOLEAN NOT NULL DEFAULT 0,
    version     INTEGER NOT NULL DEFAULT 1,
    updated_at  TEXT    NOT NULL,
    updated_by  TEXT    NOT NULL
);
CREATE INDEX movements_by_campaign ON movements (campaign_id);

ALTER TABLE nominations ADD COLUMN exemplar_type TEXT CHECK (exemplar_type IN ('new_factor',
    'outstanding_example', 'experience', 'model', 'initiative'));
ALTER TABLE nominations ADD COLUMN movement_id INTEGER REFERENCES movements (id);
