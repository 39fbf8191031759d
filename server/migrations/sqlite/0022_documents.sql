-- N-1: the dossier's documents. The file itself is kept on disk, content-addressed by its
-- SHA-256 (the files directory); a row names it. Removing is a mark, never a delete: the
-- history keeps what was attached. Never edit once applied.

CREATE TABLE nomination_documents (
    id             INTEGER PRIMARY KEY,
    nomination_id  INTEGER NOT NULL REFERENCES nominations (id),
    kind           TEXT    NOT NULL CHECK (kind IN ('certificate', 'decision',
                       'achievement_report', 'photo', 'meeting_minutes', 'other')),
    title          TEXT    NOT NULL,
    file_name      TEXT    NOT NULL,
    file_type      TEXT    NOT NULL CHECK (file_type IN ('pdf', 'png', 'jpeg', 'docx',
                       'xlsx', 'odt')),
    size_bytes     INTEGER NOT NULL CHECK (size_bytes > 0),
    sha256         TEXT    NOT NULL CHECK (length(sha256) = 64),
    meeting_date   TEXT,
    meeting_result TEXT    NOT NULL DEFAULT '',
    uploaded_at    TEXT    NOT NULL,
    uploaded_by    TEXT    NOT NULL,
    removed_at     TEXT,
    removed_by     TEXT
);
CREATE INDEX nomination_documents_by_nomination ON nomination_documents (nomination_id);
CREATE INDEX nomination_documents_by_file ON nomination_documents (sha256);
