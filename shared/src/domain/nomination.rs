use super::{NomineeKind, Position, Profile, Stage};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A nominee put forward by a unit for one campaign year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Nomination {
    pub id: i64,
    pub campaign_id: i64,
    pub year: i32,
    pub unit_id: i64,
    pub nominee_name: String,
    pub profile: Profile,
    /// The model, initiative or experience (mô hình, sáng kiến, kinh nghiệm).
    pub description: String,
    /// Evidence per criterion code.
    pub evidence: BTreeMap<String, String>,
    pub replication_potential: String,
    pub stage: Stage,
    /// The stage it was dropped from, so that a restore goes back there.
    pub dropped_from: Option<Stage>,
    pub position: Position,
    pub version: i64,
    pub city_registered: bool,
    pub city_year: Option<i32>,
}

impl Nomination {
    pub fn kind(&self) -> NomineeKind {
        self.profile.kind()
    }
}
