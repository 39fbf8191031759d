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

codes! {
    EvaluationPeriod {
        SixMonth => "six_month",
        NineMonth => "nine_month",
        Annual => "annual",
    }
}

codes! {
    Rating {
        Excellent => "excellent",
        Good => "good",
        Pass => "pass",
        Fail => "fail",
    }
}

codes! {
    ActivityKind {
        Fostering => "fostering",
        Publicity => "publicity",
        Replication => "replication",
    }
}

codes! {
    ActivityStatus {
        Planned => "planned",
        Done => "done",
        Cancelled => "cancelled",
    }
}

/// A responsible leader as typed into the plan form.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct LeaderDraft {
    pub name: String,
    pub position: String,
}

impl From<&Leader> for LeaderDraft {
    fn from(l: &Leader) -> Self {
        LeaderDraft {
            name: l.name.to_string(),
            position: l.position.to_string(),
        }
    }
}

/// An activity of the plan as typed into the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityDraft {
    pub kind: ActivityKind,
    pub title: String,
    pub date: Option<NaiveDate>,
    pub status: ActivityStatus,
    pub outcome: String,
}

impl ActivityDraft {
    pub fn new(kind: ActivityKind) -> ActivityDraft {
        ActivityDraft {
            kind,
            title: String::new(),
            date: None,
            status: ActivityStatus::Planned,
            outcome: String::new(),
        }
    }
}

impl From<&Activity> for ActivityDraft {
    fn from(a: &Activity) -> Self {
        ActivityDraft {
            kind: a.kind,
            title: a.title.to_string(),
            date: a.date,
            status: a.status,
            outcome: a.outcome.clone(),
        }
    }
}

/// The fostering plan form (F-1); checked by `rules::fostering::check_plan`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PlanDraft {
    pub fostering_leader: LeaderDraft,
    pub publicity_leader: LeaderDraft,
    pub replication_leader: LeaderDraft,
    pub activities: Vec<ActivityDraft>,
}

impl From<&FosteringPlan> for PlanDraft {
    fn from(p: &FosteringPlan) -> Self {
        let leader = |l: &Option<Leader>| l.as_ref().map(LeaderDraft::from).unwrap_or_default();
        PlanDraft {
            fostering_leader: leader(&p.fostering_leader),
            publicity_leader: leader(&p.publicity_leader),
            replication_leader: leader(&p.replication_leader),
            activities: p.activities.iter().map(ActivityDraft::from).collect(),
        }
    }
}

/// The evaluation form (E-1); checked by `rules::evaluation::check_evaluation`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvaluationDraft {
    pub period: EvaluationPeriod,
    pub rating: Rating,
    pub achievements: String,
    pub evaluator: String,
    pub date: Option<NaiveDate>,
    /// Annual only.
    pub commendation: String,
}

/// E-2: the periods the Department office sends exemplars to the City for: each quarter,
/// and the annual list for the sector's year-end conference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SelectionPeriod {
    Q1,
    Q2,
    Q3,
    Q4,
    Annual,
}

codes! {
    SelectionPeriod {
        Q1 => "q1",
        Q2 => "q2",
        Q3 => "q3",
        Q4 => "q4",
        Annual => "annual",
    }
}

impl SelectionPeriod {
    /// The quarter (1 to 4), or None for the annual list.
    pub fn quarter(self) -> Option<u8> {
        match self {
            SelectionPeriod::Q1 => Some(1),
            SelectionPeriod::Q2 => Some(2),
            SelectionPeriod::Q3 => Some(3),
            SelectionPeriod::Q4 => Some(4),
            SelectionPeriod::Annual => None,
        }
    }

    /// The quarter a date falls in.
    pub fn of_date(date: NaiveDate) -> SelectionPeriod {
        use chrono::Datelike;
        match date.month() {
            1..=3 => SelectionPeriod::Q1,
            4..=6 => SelectionPeriod::Q2,
            7..=9 => SelectionPeriod::Q3,
            _ => SelectionPeriod::Q4,
        }
    }
}

/// Where a model was replicated (★): which unit or locality adopted it, when, and with
/// what result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Replication {
    pub adopter: String,
    pub date: NaiveDate,
    pub result: String,
}

/// The replication form; checked by `rules::evaluation::check_replication`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ReplicationDraft {
    pub adopter: String,
    pub date: Option<NaiveDate>,
    pub result: String,
}
