-- Where the audit page's verification of the chain got to: the last row verified, its
-- hash and how many rows the chain held up to it. A page view verifies only the rows after
-- the last checkpoint (and that its row still carries that hash); `exemplar verify-audit`
-- verifies the whole chain. Never edit once applied.

CREATE TABLE audit_checkpoints (
    row_id    BIGINT  PRIMARY KEY,
    hash      TEXT    NOT NULL,
    row_count BIGINT  NOT NULL,
    at        TEXT    NOT NULL
);
