//! E-1's periodic reports on the wire: a unit's report for a period (drafted from the
//! records, edited, sent once) and the office's overview of who has reported, with the
//! Department's report compiled from the units' sent reports.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use shared::domain::{EvaluationPeriod, NomineeKind, Stage};
use shared::rules::deadline::DeadlineStatus;
use shared::rules::periodic_report::{ReportEntry, UnitReportDraft};

/// One of the unit's exemplars of the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportExemplar {
    pub id: i64,
    pub name: String,
    pub kind: NomineeKind,
    pub stage: Stage,
}

/// `/reports?unit=…&period=…`: one unit's report for one period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitReportView {
    pub year: i32,
    pub years: Vec<i32>,
    pub today: NaiveDate,
    pub period: EvaluationPeriod,
    pub unit_id: i64,
    pub unit_name: String,
    pub bloc_name: String,
    /// The period's checkpoint.
    pub deadline: NaiveDate,
    pub status: DeadlineStatus,
    /// 0 until first saved.
    pub version: i64,
    /// What is stored; until first saved, the draft written from the records.
    pub report: UnitReportDraft,
    /// The draft the records give today (to draft again from them).
    pub drafted: UnitReportDraft,
    pub exemplars: Vec<ReportExemplar>,
    pub updated_by: Option<String>,
    /// UTC, RFC 3339.
    pub updated_at: Option<String>,
    pub sent_on: Option<NaiveDate>,
    pub sent_by: Option<String>,
    /// The user may edit and send it (the unit's staff and head, until sent).
    pub can_write: bool,
}

impl UnitReportView {
    /// (id, name) of each exemplar, as the rules check them.
    pub fn exemplar_names(&self) -> Vec<(i64, String)> {
        self.exemplars
            .iter()
            .map(|e| (e.id, e.name.clone()))
            .collect()
    }
}

/// Where one unit stands with its report for the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitReportRow {
    pub unit_id: i64,
    pub unit_name: String,
    pub bloc_id: i64,
    pub bloc_name: String,
    /// A draft has been saved.
    pub started: bool,
    pub sent_on: Option<NaiveDate>,
    pub sent_by: Option<String>,
    pub status: DeadlineStatus,
}

/// One unit's sent report, as the Department's report compiles it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompiledUnit {
    pub unit_name: String,
    pub bloc_name: String,
    pub sent_on: NaiveDate,
    pub assessment: String,
    /// (exemplar's name, its entry), by name.
    pub entries: Vec<(String, ReportEntry)>,
}

/// `/reports?period=…` for the office, leadership and bloc heads: who has reported, and
/// the Department's report compiled from what was sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportsOverview {
    pub year: i32,
    pub years: Vec<i32>,
    pub today: NaiveDate,
    pub period: EvaluationPeriod,
    pub deadline: NaiveDate,
    /// The units the user may read, bloc by bloc.
    pub rows: Vec<UnitReportRow>,
    /// The units' sent reports (what the user may read), by bloc and unit.
    pub compiled: Vec<CompiledUnit>,
    /// The Department's own assessment (0: never saved).
    pub department_version: i64,
    pub department_assessment: String,
    pub department_updated_by: Option<String>,
    /// The whole Department's report is shown (the office and leadership); a bloc head
    /// sees the bloc's units only.
    pub department: bool,
    /// The office may save the Department's assessment.
    pub can_compile: bool,
}

/// The period a page opens on: the latest whose checkpoint has come, else the first.
pub fn current_period(
    calendar: &shared::domain::CampaignYear,
    today: NaiveDate,
) -> EvaluationPeriod {
    use shared::rules::deadline::checkpoint;
    EvaluationPeriod::ALL
        .into_iter()
        .rev()
        .find(|p| checkpoint(calendar, *p) <= today)
        .unwrap_or(EvaluationPeriod::SixMonth)
}

/// `/reports`: a unit's report (the unit's own people, or a unit chosen), or the overview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReportsPage {
    Unit(Box<UnitReportView>),
    Overview(ReportsOverview),
}
