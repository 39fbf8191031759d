//! Deadline status for any date (D-1, D-2, D-3, E-2).

use crate::domain::{CampaignYear, EvaluationPeriod, Stage};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Where a deadline stands once it was met on `met_on` (None: not yet): on time, late by
/// so many days, or as [`deadline_status`] says while it is still owed.
pub fn status_met_on(
    deadline: NaiveDate,
    today: NaiveDate,
    met_on: Option<NaiveDate>,
) -> DeadlineStatus {
    match met_on {
        Some(day) if day > deadline => DeadlineStatus::Late {
            days_late: (day - deadline).num_days(),
        },
        Some(_) => DeadlineStatus::Done,
        None => deadline_status(deadline, today, false),
    }
}

/// How many days ahead a deadline counts as due soon.
pub const DUE_SOON_DAYS: i64 = 14;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum DeadlineStatus {
    Done,
    /// Done, but after the deadline.
    Late {
        days_late: i64,
    },
    Upcoming {
        days_left: i64,
    },
    DueSoon {
        days_left: i64,
    },
    Overdue {
        days_late: i64,
    },
}

/// Where `today` stands against `deadline`. The deadline day itself is still on time.
pub fn deadline_status(deadline: NaiveDate, today: NaiveDate, done: bool) -> DeadlineStatus {
    if done {
        return DeadlineStatus::Done;
    }
    let days_left = (deadline - today).num_days();
    if days_left < 0 {
        DeadlineStatus::Overdue {
            days_late: -days_left,
        }
    } else if days_left <= DUE_SOON_DAYS {
        DeadlineStatus::DueSoon { days_left }
    } else {
        DeadlineStatus::Upcoming { days_left }
    }
}

/// The deadlines of a campaign year (plan.md D-1, D-2, D-3, E-1, E-2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DeadlineKind {
    /// D-1: units register their exemplars with the Department.
    Registration,
    /// E-1: the unit's periodic evaluations of the exemplars it fosters.
    Evaluation { period: EvaluationPeriod },
    /// E-1: the unit's periodic report for the period, due at the same checkpoint.
    UnitReport { period: EvaluationPeriod },
    /// E-2: the Department's quarterly selection for the City (1 to 4).
    Quarter { quarter: u8 },
    /// D-2: each bloc head sends the bloc's review.
    BlocReview,
    /// D-3: the Department office sends the City its list.
    CitySubmission,
}

impl DeadlineKind {
    /// The rule in plan.md.
    pub fn rule(self) -> &'static str {
        match self {
            DeadlineKind::Registration => "D-1",
            DeadlineKind::Evaluation { .. } | DeadlineKind::UnitReport { .. } => "E-1",
            DeadlineKind::Quarter { .. } => "E-2",
            DeadlineKind::BlocReview => "D-2",
            DeadlineKind::CitySubmission => "D-3",
        }
    }

    /// Who owes it: each unit, each bloc, or the Department office.
    pub fn owed_by(self) -> Owner {
        match self {
            DeadlineKind::Registration
            | DeadlineKind::Evaluation { .. }
            | DeadlineKind::UnitReport { .. } => Owner::Unit,
            DeadlineKind::BlocReview => Owner::Bloc,
            DeadlineKind::Quarter { .. } | DeadlineKind::CitySubmission => Owner::Office,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Owner {
    Unit,
    Bloc,
    Office,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    pub kind: DeadlineKind,
    pub date: NaiveDate,
}

/// Every deadline of a campaign year, in date order (ties in the order of the plan).
pub fn year_deadlines(calendar: &CampaignYear) -> Vec<Deadline> {
    let mut all = vec![
        Deadline {
            kind: DeadlineKind::Registration,
            date: calendar.registration_deadline,
        },
        Deadline {
            kind: DeadlineKind::Evaluation {
                period: EvaluationPeriod::SixMonth,
            },
            date: calendar.checkpoints.six_month,
        },
        Deadline {
            kind: DeadlineKind::Evaluation {
                period: EvaluationPeriod::NineMonth,
            },
            date: calendar.checkpoints.nine_month,
        },
        Deadline {
            kind: DeadlineKind::Evaluation {
                period: EvaluationPeriod::Annual,
            },
            date: calendar.checkpoints.annual,
        },
        Deadline {
            kind: DeadlineKind::BlocReview,
            date: calendar.bloc_review_deadline,
        },
        Deadline {
            kind: DeadlineKind::CitySubmission,
            date: calendar.city_submission_deadline,
        },
    ];
    for period in EvaluationPeriod::ALL {
        all.push(Deadline {
            kind: DeadlineKind::UnitReport { period },
            date: checkpoint(calendar, period),
        });
    }
    for (i, date) in calendar.quarterly_selections.iter().enumerate() {
        all.push(Deadline {
            kind: DeadlineKind::Quarter {
                quarter: i as u8 + 1,
            },
            date: *date,
        });
    }
    all.sort_by_key(|d| (d.date, d.kind));
    all
}

/// The period's checkpoint (E-1): when its evaluations and reports are due.
pub fn checkpoint(calendar: &CampaignYear, period: EvaluationPeriod) -> NaiveDate {
    match period {
        EvaluationPeriod::SixMonth => calendar.checkpoints.six_month,
        EvaluationPeriod::NineMonth => calendar.checkpoints.nine_month,
        EvaluationPeriod::Annual => calendar.checkpoints.annual,
    }
}

/// The evaluation a nomination at `stage` still owes, with its checkpoint (E-1): the first
/// period without an evaluation, while it is fostered or evaluated.
pub fn evaluation_owed(
    stage: Stage,
    recorded: &[EvaluationPeriod],
    calendar: &CampaignYear,
) -> Option<(EvaluationPeriod, NaiveDate)> {
    if !matches!(stage, Stage::Fostering | Stage::Evaluating) {
        return None;
    }
    let period = EvaluationPeriod::ALL
        .into_iter()
        .find(|p| !recorded.contains(p))?;
    let date = match period {
        EvaluationPeriod::SixMonth => calendar.checkpoints.six_month,
        EvaluationPeriod::NineMonth => calendar.checkpoints.nine_month,
        EvaluationPeriod::Annual => calendar.checkpoints.annual,
    };
    Some((period, date))
}

/// The card's "overdue" badge: an evaluation it owes whose checkpoint has passed.
pub fn overdue_evaluation(
    stage: Stage,
    recorded: &[EvaluationPeriod],
    calendar: &CampaignYear,
    today: NaiveDate,
) -> Option<EvaluationPeriod> {
    evaluation_owed(stage, recorded, calendar)
        .filter(|(_, date)| today > *date)
        .map(|(period, _)| period)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn d_3_city_deadline_statuses() {
        let deadline = d(2026, 11, 30);
        assert_eq!(
            deadline_status(deadline, d(2026, 11, 1), false),
            DeadlineStatus::Upcoming { days_left: 29 }
        );
        assert_eq!(
            deadline_status(deadline, d(2026, 11, 16), false),
            DeadlineStatus::DueSoon { days_left: 14 }
        );
        assert_eq!(
            deadline_status(deadline, deadline, false),
            DeadlineStatus::DueSoon { days_left: 0 }
        );
        assert_eq!(
            deadline_status(deadline, d(2026, 12, 2), false),
            DeadlineStatus::Overdue { days_late: 2 }
        );
        assert_eq!(
            deadline_status(deadline, d(2027, 1, 1), true),
            DeadlineStatus::Done
        );
        // Met: on the day itself is on time, after it is late by the days in between.
        let today = d(2027, 1, 1);
        assert_eq!(
            status_met_on(deadline, today, Some(deadline)),
            DeadlineStatus::Done
        );
        assert_eq!(
            status_met_on(deadline, today, Some(d(2026, 12, 2))),
            DeadlineStatus::Late { days_late: 2 }
        );
        assert_eq!(
            status_met_on(deadline, today, None),
            DeadlineStatus::Overdue { days_late: 32 }
        );
    }

    #[test]
    fn the_year_has_its_deadlines_in_date_order() {
        let cal = CampaignYear::with_plan_defaults(2026);
        let all = year_deadlines(&cal);
        assert_eq!(all.len(), 13);
        assert_eq!(all[0].kind, DeadlineKind::Registration);
        assert_eq!(all[0].date, d(2025, 12, 31));
        assert!(all.windows(2).all(|w| w[0].date <= w[1].date));
        // 30 September: the 9-month evaluations, the bloc reviews and the third quarter.
        let sept: Vec<_> = all
            .iter()
            .filter(|x| x.date == d(2026, 9, 30))
            .map(|x| x.kind.rule())
            .collect();
        // The evaluations and the periodic reports share their checkpoint.
        assert_eq!(sept, ["E-1", "E-1", "E-2", "D-2"]);
        assert_eq!(DeadlineKind::BlocReview.owed_by(), Owner::Bloc);
    }

    #[test]
    fn e_1_a_card_is_overdue_the_day_after_its_checkpoint() {
        let cal = CampaignYear::with_plan_defaults(2026);
        let six = [EvaluationPeriod::SixMonth];
        // On the checkpoint day it is still on time; the day after, overdue.
        assert_eq!(
            overdue_evaluation(Stage::Fostering, &[], &cal, d(2026, 6, 30)),
            None
        );
        assert_eq!(
            overdue_evaluation(Stage::Fostering, &[], &cal, d(2026, 7, 1)),
            Some(EvaluationPeriod::SixMonth)
        );
        assert_eq!(
            overdue_evaluation(Stage::Evaluating, &six, &cal, d(2026, 9, 30)),
            None
        );
        assert_eq!(
            overdue_evaluation(Stage::Evaluating, &six, &cal, d(2026, 10, 1)),
            Some(EvaluationPeriod::NineMonth)
        );
        // Registered and replicated cards owe no evaluation.
        assert_eq!(
            overdue_evaluation(Stage::Registered, &[], &cal, d(2026, 12, 1)),
            None
        );
        assert_eq!(
            overdue_evaluation(Stage::Replicated, &[], &cal, d(2026, 12, 1)),
            None
        );
        assert_eq!(
            evaluation_owed(Stage::Evaluating, &six, &cal),
            Some((EvaluationPeriod::NineMonth, d(2026, 9, 30)))
        );
    }

    proptest! {
        #[test]
        fn status_is_monotonic_in_time(a in 0i64..2000, b in 0i64..2000) {
            let base = d(2020, 1, 1);
            let deadline = base + chrono::Duration::days(1000);
            let rank = |s: DeadlineStatus| match s {
                DeadlineStatus::Upcoming { .. } => 0,
                DeadlineStatus::DueSoon { .. } => 1,
                DeadlineStatus::Overdue { .. } => 2,
                DeadlineStatus::Done | DeadlineStatus::Late { .. } => 3,
            };
            let (early, late) = (a.min(b), a.max(b));
            let s1 = deadline_status(deadline, base + chrono::Duration::days(early), false);
            let s2 = deadline_status(deadline, base + chrono::Duration::days(late), false);
            prop_assert!(rank(s1) <= rank(s2));
        }
    }
}
