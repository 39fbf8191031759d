-- A campaign's criteria (plan.md II.2), versioned: every version is a whole set, stored
-- once and never changed; each campaign year points at the version it is judged on
-- (empty on a year stored before this migration: the plan's criteria).
CREATE TABLE criteria_versions (
    campaign_id BIGINT  NOT NULL REFERENCES campaigns (id),
    version     BIGINT  NOT NULL,
    from_year   INTEGER NOT NULL,
    created_at  TEXT    NOT NULL,
    created_by  TEXT    NOT NULL,
    PRIMARY KEY (campaign_id, version)
);

CREATE TABLE criteria (
    campaign_id BIGINT NOT NULL,
    version     BIGINT NOT NULL,
    kind        TEXT   NOT NULL CHECK (kind IN ('collective', 'individual', 'cooperative', 'household')),
    position    BIGINT NOT NULL,
    code        TEXT   NOT NULL,
    text_vi     TEXT   NOT NULL,
    text_en     TEXT   NOT NULL,
    weight      BIGINT NOT NULL CHECK (weight BETWEEN 0 AND 10),
    assessment  TEXT   NOT NULL CHECK (assessment IN ('scored', 'eligibility')),
    floor       BIGINT CHECK (floor BETWEEN 0 AND 10),
    PRIMARY KEY (campaign_id, version, kind, code),
    FOREIGN KEY (campaign_id, version) REFERENCES criteria_versions (campaign_id, version)
);

ALTER TABLE campaign_years ADD COLUMN criteria_version BIGINT;
