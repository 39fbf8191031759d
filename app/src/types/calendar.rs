//! The campaign year's deadlines with who has met them (D-1, D-2, D-3, E-1, E-2), the
//! Department's quarterly and annual selections for the City (E-2), and the records of
//! where a model was replicated.

use serde::{Deserialize, Serialize};
use shared::domain::{NomineeKind, Replication, SelectionPeriod, Stage};
use shared::rules::deadline::{Deadline, DeadlineStatus};

/// Where one unit, bloc or the office stands against one deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnerStatus {
    /// The unit's or bloc's name; empty for the Department office.
    pub owner: String,
    pub unit_id: Option<i64>,
    pub bloc_id: Option<i64>,
    pub status: DeadlineStatus,
    /// What is done of what is owed, where that is counted (evaluations, selections).
    pub done: u32,
    pub total: u32,
}

/// One deadline of the year and everyone who owes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeadlineRow {
    pub deadline: Deadline,
    pub owners: Vec<OwnerStatus>,
}

/// `/calendar`: every deadline of a campaign year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarView {
    /// The event log's sequence number the page is current to (where its live updates
    /// start).
    pub seq: i64,
    pub campaign_name: String,
    pub year: i32,
    pub years: Vec<i32>,
    pub today: chrono::NaiveDate,
    pub rows: Vec<DeadlineRow>,
}

/// Something the user's unit, bloc or office still owes, for the list shown on sign-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DueItem {
    pub deadline: Deadline,
    pub owner: String,
    pub status: DeadlineStatus,
    pub done: u32,
    pub total: u32,
}

/// What is left undone, most urgent first: overdue, then due soon, then upcoming, by date.
pub fn owed_next(rows: &[DeadlineRow], mine: impl Fn(&OwnerStatus) -> bool) -> Vec<DueItem> {
    let mut items: Vec<DueItem> = rows
        .iter()
        .flat_map(|row| {
            row.owners
                .iter()
                .filter(|o| {
                    mine(o)
                        && !matches!(o.status, DeadlineStatus::Done | DeadlineStatus::Late { .. })
                })
                .map(|o| DueItem {
                    deadline: row.deadline,
                    owner: o.owner.clone(),
                    status: o.status,
                    done: o.done,
                    total: o.total,
                })
        })
        .collect();
    let rank = |s: &DeadlineStatus| match s {
        DeadlineStatus::Overdue { .. } => 0,
        DeadlineStatus::DueSoon { .. } => 1,
        DeadlineStatus::Upcoming { .. } => 2,
        DeadlineStatus::Done | DeadlineStatus::Late { .. } => 3,
    };
    items.sort_by_key(|i| (rank(&i.status), i.deadline.date));
    items
}

/// A nomination that may be sent to the City in a selection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SelectionCandidate {
    pub id: i64,
    pub name: String,
    pub unit_name: String,
    pub bloc_name: String,
    pub kind: NomineeKind,
    pub stage: Stage,
    pub selected: bool,
}

/// `/selections`: one period's list for the City, and what may go on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SelectionView {
    pub year: i32,
    pub years: Vec<i32>,
    pub period: SelectionPeriod,
    /// 0 until the list is first saved.
    pub version: i64,
    pub updated_by: Option<String>,
    /// UTC, RFC 3339.
    pub updated_at: Option<String>,
    pub candidates: Vec<SelectionCandidate>,
    /// Every period of the year with how many exemplars it holds.
    pub periods: Vec<(SelectionPeriod, u32)>,
    pub can_edit: bool,
}

/// A model's replication somewhere, and who recorded it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplicationRecord {
    pub replication: Replication,
    /// UTC, RFC 3339.
    pub recorded_at: String,
    pub recorded_by: String,
}

/// "Quý 3" or "Cả năm".
pub fn selection_period_name(lang: shared::i18n::Lang, period: SelectionPeriod) -> String {
    use shared::i18n::{t, Msg};
    match period.quarter() {
        Some(q) => format!("{} {q}", t(lang, Msg::PeriodQuarter)),
        None => t(lang, Msg::PeriodAnnual).to_string(),
    }
}

/// A deadline's name in the user's language, with its rule in plan.md.
pub fn deadline_label(
    lang: shared::i18n::Lang,
    kind: shared::rules::deadline::DeadlineKind,
) -> String {
    use shared::i18n::{period_name, t, Msg};
    use shared::rules::deadline::DeadlineKind;
    let text = match kind {
        DeadlineKind::Registration => t(lang, Msg::DeadlineRegistration).to_string(),
        DeadlineKind::Evaluation { period } => format!(
            "{} {}",
            t(lang, Msg::DeadlineEvaluation),
            period_name(lang, period)
        ),
        DeadlineKind::UnitReport { period } => shared::i18n::fill(
            lang,
            Msg::DeadlineUnitReport,
            &[("period", &shared::i18n::report_period_name(lang, period))],
        ),
        DeadlineKind::Quarter { quarter } => {
            format!("{} {quarter}", t(lang, Msg::DeadlineQuarter))
        }
        DeadlineKind::BlocReview => t(lang, Msg::DeadlineBlocReview).to_string(),
        DeadlineKind::CitySubmission => t(lang, Msg::DeadlineCity).to_string(),
    };
    format!("{text} ({})", kind.rule())
}

/// Where an owner stands, in words: "Quá hạn 15 ngày", "Sắp đến hạn (còn 3 ngày)".
pub fn status_text(lang: shared::i18n::Lang, status: DeadlineStatus) -> String {
    use shared::i18n::{t, Msg};
    let days = t(lang, Msg::DaysLate);
    match status {
        DeadlineStatus::Done => t(lang, Msg::StatusDone).to_string(),
        DeadlineStatus::Late { days_late } => {
            format!("{} {days_late} {days}", t(lang, Msg::StatusLate))
        }
        DeadlineStatus::Overdue { days_late } => {
            format!("{} {days_late} {days}", t(lang, Msg::StatusOverdue))
        }
        DeadlineStatus::DueSoon { days_left } => format!(
            "{} ({} {days_left} {days})",
            t(lang, Msg::StatusDueSoon),
            t(lang, Msg::DaysLeft)
        ),
        DeadlineStatus::Upcoming { days_left } => format!(
            "{} ({} {days_left} {days})",
            t(lang, Msg::StatusUpcoming),
            t(lang, Msg::DaysLeft)
        ),
    }
}

/// The CSS and test hook for a status.
pub fn status_code(status: DeadlineStatus) -> &'static str {
    match status {
        DeadlineStatus::Done => "done",
        DeadlineStatus::Late { .. } => "late",
        DeadlineStatus::Overdue { .. } => "overdue",
        DeadlineStatus::DueSoon { .. } => "due-soon",
        DeadlineStatus::Upcoming { .. } => "upcoming",
    }
}

/// An owner's name: the unit or bloc, or the Department office.
pub fn owner_name(lang: shared::i18n::Lang, owner: &str) -> String {
    if owner.is_empty() {
        shared::i18n::t(lang, shared::i18n::Msg::OwnerOffice).to_string()
    } else {
        owner.to_string()
    }
}

/// "2/3" where progress is counted, else nothing.
pub fn progress_text(done: u32, total: u32) -> Option<String> {
    (total > 0).then(|| format!("{done}/{total}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use shared::rules::deadline::DeadlineKind;

    fn owner(name: &str, unit: i64, status: DeadlineStatus) -> OwnerStatus {
        OwnerStatus {
            owner: name.into(),
            unit_id: Some(unit),
            bloc_id: None,
            status,
            done: 0,
            total: 0,
        }
    }

    #[test]
    fn what_is_owed_comes_overdue_first_then_by_date() {
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        let row = |kind, date, owners| DeadlineRow {
            deadline: Deadline { kind, date },
            owners,
        };
        let rows = vec![
            row(
                DeadlineKind::Registration,
                d(1, 1),
                vec![owner("A", 1, DeadlineStatus::Done)],
            ),
            row(
                DeadlineKind::Evaluation {
                    period: shared::domain::EvaluationPeriod::NineMonth,
                },
                d(9, 30),
                vec![
                    owner("A", 1, DeadlineStatus::Overdue { days_late: 15 }),
                    owner("B", 2, DeadlineStatus::Overdue { days_late: 15 }),
                ],
            ),
            row(
                DeadlineKind::Evaluation {
                    period: shared::domain::EvaluationPeriod::Annual,
                },
                d(11, 15),
                vec![owner("A", 1, DeadlineStatus::Upcoming { days_left: 31 })],
            ),
            row(
                DeadlineKind::BlocReview,
                d(9, 30),
                vec![owner("K1", 9, DeadlineStatus::DueSoon { days_left: 3 })],
            ),
        ];
        let mine = owed_next(&rows, |o| o.unit_id == Some(1));
        let dates: Vec<_> = mine.iter().map(|i| i.deadline.date).collect();
        assert_eq!(dates, vec![d(9, 30), d(11, 15)], "done ones are left out");
        assert!(matches!(mine[0].status, DeadlineStatus::Overdue { .. }));
    }
}
