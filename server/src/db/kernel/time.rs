//! Stored times: UTC text of one fixed width.

pub fn now_text() -> String {
    timestamp(chrono::Utc::now())
}

/// UTC, fixed width, so that stored times compare correctly as text.
pub fn timestamp(t: chrono::DateTime<chrono::Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string()
}
