//! E-1, E-2's conferences on the wire: the year's conferences with who was honoured with
//! what, and what the user may record.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use shared::rules::conference::ConferenceScope;

/// One exemplar honoured at a conference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HonourRecord {
    pub nomination_id: i64,
    pub name: String,
    pub unit_name: String,
    pub honour: String,
}

/// A recorded conference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConferenceRecord {
    pub id: i64,
    pub scope: ConferenceScope,
    /// The unit's name, for a unit's conference.
    pub unit_name: Option<String>,
    pub held_on: NaiveDate,
    pub title: String,
    pub version: i64,
    pub updated_by: String,
    pub honours: Vec<HonourRecord>,
}

/// An exemplar a conference may honour.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HonourCandidate {
    pub id: i64,
    pub name: String,
    pub unit_name: String,
    /// On the Department's annual list (E-2) for the sector's conference.
    pub annual: bool,
}

/// A conference the user may record (or change): its scope, the stored record if any, and
/// whom it may honour.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConferenceForm {
    pub scope: ConferenceScope,
    /// The unit's name, for a unit's conference.
    pub unit_name: Option<String>,
    pub stored: Option<ConferenceRecord>,
    pub candidates: Vec<HonourCandidate>,
}

/// `/conferences`: the year's conferences, the sector's first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConferencesView {
    pub year: i32,
    pub years: Vec<i32>,
    pub today: NaiveDate,
    /// The sector's year-end conference, once recorded.
    pub sector: Option<ConferenceRecord>,
    /// The units' conferences, by unit.
    pub units: Vec<ConferenceRecord>,
    /// What the user may record: the sector's (the office), their unit's (its people).
    pub forms: Vec<ConferenceForm>,
}
