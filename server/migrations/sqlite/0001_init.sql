-- Exemplar's first schema: the organisation, campaigns, accounts and nominations.
-- Never edit this file once applied; add a new numbered migration instead.

CREATE TABLE blocs (
    id          INTEGER PRIMARY KEY,
    code        TEXT    NOT NULL UNIQUE,
    name        TEXT    NOT NULL,
    -- The unit whose head leads the bloc (plan.md D-2); set once the units exist.
    head_unit_id INTEGER REFERENCES units (id)
);

CREATE TABLE units (
    id      INTEGER PRIMARY KEY,
    code    TEXT    NOT NULL UNIQUE,
    name    TEXT    NOT NULL,
    bloc_id INTEGER NOT NULL REFERENCES blocs (id)
);
CREATE INDEX units_bloc ON units (bloc_id);

CREATE TABLE campaigns (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL,
    start_year INTEGER NOT NULL,
    end_year   INTEGER NOT NULL,
    created_at TEXT    NOT NULL,
    CHECK (end_year >= start_year)
);

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    username      TEXT    NOT NULL UNIQUE,
    display_name  TEXT    NOT NULL,
    position      TEXT    NOT NULL DEFAULT '',
    unit_id       INTEGER REFERENCES units (id),
    password_hash TEXT    NOT NULL,
    active        INTEGER NOT NULL DEFAULT 1,
    created_at    TEXT    NOT NULL
);

CREATE TABLE user_roles (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role    TEXT    NOT NULL CHECK (role IN (
        'unit_staff', 'unit_head', 'bloc_head', 'council_member',
        'council_office', 'leadership', 'admin')),
    PRIMARY KEY (user_id, role)
);

CREATE TABLE nominations (
    id                    INTEGER PRIMARY KEY,
    campaign_id           INTEGER NOT NULL REFERENCES campaigns (id),
    year                  INTEGER NOT NULL,
    unit_id               INTEGER NOT NULL REFERENCES units (id),
    kind                  TEXT    NOT NULL CHECK (kind IN ('collective', 'individual', 'cooperative', 'household')),
    nominee_name          TEXT    NOT NULL,
    -- Kind-specific profile fields (JSON), validated by the shared domain rules.
    profile               TEXT    NOT NULL DEFAULT '{}',
    description           TEXT    NOT NULL DEFAULT '',
    replication_potential TEXT    NOT NULL DEFAULT '',
    stage                 TEXT    NOT NULL CHECK (stage IN (
        'discovered', 'registered', 'fostering', 'evaluating', 'replicated', 'dropped')),
    -- Fractional index inside the stage column (hex, sorts lexicographically).
    position              TEXT    NOT NULL,
    version               INTEGER NOT NULL DEFAULT 1,
    city_registered       INTEGER NOT NULL DEFAULT 0,
    city_year             INTEGER,
    created_at            TEXT    NOT NULL,
    updated_at            TEXT    NOT NULL
);
CREATE INDEX nominations_board ON nominations (campaign_id, year, stage, position);
CREATE INDEX nominations_unit ON nominations (unit_id);

CREATE TABLE nomination_evidence (
    nomination_id  INTEGER NOT NULL REFERENCES nominations (id) ON DELETE CASCADE,
    criterion_code TEXT    NOT NULL,
    evidence       TEXT    NOT NULL,
    PRIMARY KEY (nomination_id, criterion_code)
);

-- Every accepted change, in order: the audit history and the source of live events.
CREATE TABLE events (
    id            INTEGER PRIMARY KEY,
    at            TEXT    NOT NULL,
    actor_id      INTEGER REFERENCES users (id),
    nomination_id INTEGER REFERENCES nominations (id),
    action        TEXT    NOT NULL,
    payload       TEXT    NOT NULL DEFAULT '{}'
);
CREATE INDEX events_nomination ON events (nomination_id, id);

CREATE TABLE council_members (
    user_id     INTEGER NOT NULL REFERENCES users (id),
    campaign_id INTEGER NOT NULL REFERENCES campaigns (id),
    council_role TEXT   NOT NULL DEFAULT 'member',
    PRIMARY KEY (user_id, campaign_id)
);

-- Facts about the installation itself (for example whether the demo data was loaded).
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
