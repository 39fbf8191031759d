-- The council's scoring (S-2): one scoresheet per member and nomination, a score (0-10)
-- and a comment per scored criterion. A sheet is final once submitted; a member who
-- declares a conflict of interest does not score. Never edit once applied.

CREATE TABLE scoresheets (
    nomination_id   INTEGER NOT NULL REFERENCES nominations (id),
    member_id       INTEGER NOT NULL REFERENCES users (id),
    submitted_at    TEXT,
    conflict_reason TEXT,
    updated_at      TEXT    NOT NULL,
    PRIMARY KEY (nomination_id, member_id)
);

CREATE TABLE scores (
    nomination_id  INTEGER NOT NULL,
    member_id      INTEGER NOT NULL,
    criterion_code TEXT    NOT NULL,
    -- NULL while only a comment is written.
    score          INTEGER CHECK (score BETWEEN 0 AND 10),
    comment        TEXT    NOT NULL DEFAULT '',
    updated_at     TEXT    NOT NULL,
    PRIMARY KEY (nomination_id, member_id, criterion_code),
    FOREIGN KEY (nomination_id, member_id) REFERENCES scoresheets (nomination_id, member_id)
);
