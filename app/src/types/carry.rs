//! Closing a campaign year: what the office sees and sends to carry the year's exemplars
//! over into the next (see `shared::rules::carry`).

use serde::{Deserialize, Serialize};
use shared::domain::{NomineeKind, Stage};
use shared::rules::carry::CarryChoice;

/// One exemplar of the year, as the carry-over page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CarryRow {
    pub id: i64,
    /// The version the office saw: a card changed since is a conflict.
    pub version: i64,
    pub name: String,
    pub unit_name: String,
    pub bloc_name: String,
    pub kind: NomineeKind,
    pub stage: Stage,
    /// The next year's card it became, if it was carried over already.
    pub carried_to: Option<i64>,
}

/// `/carry-over?year=…`: a campaign year's exemplars and where each may go next year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CarryOverView {
    pub campaign: String,
    pub year: i32,
    pub years: Vec<i32>,
    /// The campaign's next year; None in its last year (nothing can go on).
    pub next_year: Option<i32>,
    pub rows: Vec<CarryRow>,
    /// The office may carry the year over; others read.
    pub can_carry: bool,
}

/// What the office chose for one exemplar, against the version it saw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CarryItem {
    pub id: i64,
    pub version: i64,
    pub choice: CarryChoice,
}

/// One exemplar's card of another year of the campaign (its records of that year).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearRecord {
    pub id: i64,
    pub year: i32,
}
