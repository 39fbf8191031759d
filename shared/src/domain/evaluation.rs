//! Periodic evaluations (E-1) and fostering plans (F-1).

use super::error::{Field, InputError, RequiredText};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvaluationPeriod {
    SixMonth,
    NineMonth,
    Annual,
}

/// Xuất sắc, tốt, đạt, không đạt — best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    Excellent,
    Good,
    Pass,
    Fail,
}

impl Rating {
    /// At least "đạt".
    pub fn is_passing(self) -> bool {
        !matches!(self, Rating::Fail)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evaluation {
    pub period: EvaluationPeriod,
    pub rating: Rating,
    pub achievements: String,
    pub evaluator: String,
    pub date: NaiveDate,
    /// Annual only: the commendation given at the annual conference, if any.
    pub commendation: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Leader {
    pub name: RequiredText,
    pub position: RequiredText,
}

impl Leader {
    pub fn parse(name: &str, position: &str) -> Result<Leader, InputError> {
        Ok(Leader {
            name: RequiredText::parse(Field::LeaderName, name, 200)?,
            position: RequiredText::parse(Field::LeaderPosition, position, 200)?,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    /// Training or support (bồi dưỡng).
    Fostering,
    /// News items, conference presentations (tuyên truyền).
    Publicity,
    /// Site visits, sharing sessions (nhân rộng).
    Replication,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityStatus {
    Planned,
    Done,
    Cancelled,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    pub kind: ActivityKind,
    pub title: RequiredText,
    pub date: Option<NaiveDate>,
    pub status: ActivityStatus,
    pub outcome: String,
}

/// F-1: who directs the fostering, the publicity and the replication, and what is planned.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct FosteringPlan {
    pub fostering_leader: Option<Leader>,
    pub publicity_leader: Option<Leader>,
    pub replication_leader: Option<Leader>,
    pub activities: Vec<Activity>,
}
