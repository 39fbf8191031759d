//! E-1: recording a periodic evaluation.

use super::{Violation, ViolationKind};
use crate::domain::{
    CampaignYear, Evaluation, EvaluationDraft, EvaluationPeriod, Field, InputError, Replication,
    ReplicationDraft, RequiredText, Stage,
};
use chrono::{Datelike, NaiveDate};

/// The longest achievements text and commendation accepted.
pub const MAX_ACHIEVEMENTS_CHARS: usize = 4000;
pub const MAX_COMMENDATION_CHARS: usize = 300;
const MAX_EVALUATOR_CHARS: usize = 200;

/// Periodic evaluations are recorded while a nomination is fostered or evaluated.
pub fn evaluation_open(stage: Stage) -> Result<(), Violation> {
    match stage {
        Stage::Fostering | Stage::Evaluating => Ok(()),
        _ => Err(Violation::new(
            "E-1",
            ViolationKind::EvaluationNotOpen { stage },
        )),
    }
}

/// Replications are recorded while a model is evaluated or once it is replicated.
pub fn replication_open(stage: Stage) -> Result<(), Violation> {
    match stage {
        Stage::Evaluating | Stage::Replicated => Ok(()),
        _ => Err(Violation::new(
            "E-1",
            ViolationKind::ReplicationNotOpen { stage },
        )),
    }
}

/// Checks a replication form: the stage, who adopted the model, a date within the
/// campaign year and not in the future, a result of bounded length.
pub fn check_replication(
    draft: &ReplicationDraft,
    stage: Stage,
    calendar: &CampaignYear,
    today: NaiveDate,
) -> Result<Replication, Vec<Violation>> {
    let mut v = Vec::new();
    let input = |e: InputError| Violation::new("E-1", ViolationKind::Input(e));
    if let Err(e) = replication_open(stage) {
        v.push(e);
    }
    let adopter = RequiredText::parse(Field::Adopter, &draft.adopter, MAX_EVALUATOR_CHARS)
        .map_err(|e| v.push(input(e)))
        .ok();
    let result = draft.result.trim();
    if result.chars().count() > MAX_ACHIEVEMENTS_CHARS {
        v.push(input(InputError::TooLong {
            field: Field::ReplicationResult,
            max: MAX_ACHIEVEMENTS_CHARS,
        }));
    }
    match draft.date {
        None => v.push(input(InputError::Required {
            field: Field::ReplicationDate,
        })),
        Some(date) => {
            if date.year() != calendar.year {
                v.push(Violation::new(
                    "E-1",
                    ViolationKind::DateOutsideYear {
                        year: calendar.year,
                    },
                ));
            }
            if date > today {
                v.push(Violation::new("E-1", ViolationKind::DateInFuture));
            }
        }
    }
    match (super::verdict(v), adopter, draft.date) {
        (Ok(()), Some(adopter), Some(date)) => Ok(Replication {
            adopter: adopter.to_string(),
            date,
            result: result.to_string(),
        }),
        (Err(v), ..) => Err(v),
        _ => Err(Vec::new()),
    }
}

/// Checks an evaluation form for a nomination at `stage` that already has `existing`
/// evaluations: the fields, the stage, and `check_new_evaluation`. Returns the evaluation
/// to record, or every violation found.
pub fn check_evaluation(
    draft: &EvaluationDraft,
    stage: Stage,
    existing: &[Evaluation],
    calendar: &CampaignYear,
    today: NaiveDate,
) -> Result<Evaluation, Vec<Violation>> {
    let mut v = Vec::new();
    let input = |e: InputError| Violation::new("E-1", ViolationKind::Input(e));
    if let Err(e) = evaluation_open(stage) {
        v.push(e);
    }
    let evaluator = RequiredText::parse(Field::Evaluator, &draft.evaluator, MAX_EVALUATOR_CHARS)
        .map_err(|e| v.push(input(e)))
        .ok();
    let achievements = RequiredText::parse(
        Field::Achievements,
        &draft.achievements,
        MAX_ACHIEVEMENTS_CHARS,
    )
    .map_err(|e| v.push(input(e)))
    .ok();
    let commendation = draft.commendation.trim();
    if !commendation.is_empty() && draft.period != EvaluationPeriod::Annual {
        v.push(input(InputError::Invalid {
            field: Field::Commendation,
        }));
    }
    if commendation.chars().count() > MAX_COMMENDATION_CHARS {
        v.push(input(InputError::TooLong {
            field: Field::Commendation,
            max: MAX_COMMENDATION_CHARS,
        }));
    }
    let Some(date) = draft.date else {
        v.push(input(InputError::Required {
            field: Field::EvaluationDate,
        }));
        return Err(v);
    };
    let evaluation = Evaluation {
        period: draft.period,
        rating: draft.rating,
        achievements: achievements.map(|a| a.to_string()).unwrap_or_default(),
        evaluator: evaluator.map(|e| e.to_string()).unwrap_or_default(),
        date,
        commendation: (!commendation.is_empty()).then(|| commendation.to_string()),
    };
    if let Err(more) = check_new_evaluation(&evaluation, existing, calendar, today) {
        v.extend(more);
    }
    super::verdict(v).map(|()| evaluation)
}

/// The first day an evaluation of `period` may be dated: the 6-month period opens with
/// the year, the 9-month one after the 6-month checkpoint, the annual one after the
/// 9-month checkpoint.
pub fn period_opens(period: EvaluationPeriod, calendar: &CampaignYear) -> NaiveDate {
    let first_of_year = NaiveDate::from_ymd_opt(calendar.year, 1, 1).unwrap_or_default();
    match period {
        EvaluationPeriod::SixMonth => first_of_year,
        EvaluationPeriod::NineMonth => calendar
            .checkpoints
            .six_month
            .succ_opt()
            .unwrap_or_default(),
        EvaluationPeriod::Annual => calendar
            .checkpoints
            .nine_month
            .succ_opt()
            .unwrap_or_default(),
    }
}

/// May `new` be recorded next to `existing`, today?
pub fn check_new_evaluation(
    new: &Evaluation,
    existing: &[Evaluation],
    calendar: &CampaignYear,
    today: NaiveDate,
) -> Result<(), Vec<Violation>> {
    let mut v = Vec::new();
    if new.date.year() != calendar.year {
        v.push(Violation::new(
            "E-1",
            ViolationKind::DateOutsideYear {
                year: calendar.year,
            },
        ));
    }
    if new.date > today {
        v.push(Violation::new("E-1", ViolationKind::DateInFuture));
    }
    let opens = period_opens(new.period, calendar);
    if new.date < opens || today < opens {
        v.push(Violation::new(
            "E-1",
            ViolationKind::EvaluationTooEarly {
                period: new.period,
                opens,
            },
        ));
    }
    if existing.iter().any(|e| e.period == new.period) {
        v.push(Violation::new(
            "E-1",
            ViolationKind::EvaluationRepeated { period: new.period },
        ));
    }
    super::verdict(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Rating;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn eval(period: EvaluationPeriod, date: NaiveDate) -> Evaluation {
        Evaluation {
            period,
            rating: Rating::Good,
            achievements: String::new(),
            evaluator: String::new(),
            date,
            commendation: None,
        }
    }

    #[test]
    fn e_1_an_evaluation_for_a_period_that_has_not_started_is_refused() {
        let cal = CampaignYear::with_plan_defaults(2026);
        let early = eval(EvaluationPeriod::NineMonth, d(2026, 3, 1));
        let errs = check_new_evaluation(&early, &[], &cal, d(2026, 3, 2)).unwrap_err();
        assert!(matches!(
            errs[0].kind,
            ViolationKind::EvaluationTooEarly { .. }
        ));
        let ok = eval(EvaluationPeriod::NineMonth, d(2026, 9, 20));
        assert!(check_new_evaluation(&ok, &[], &cal, d(2026, 9, 21)).is_ok());
    }

    #[test]
    fn e_1_one_evaluation_per_period() {
        let cal = CampaignYear::with_plan_defaults(2026);
        let first = eval(EvaluationPeriod::Annual, d(2026, 11, 10));
        let second = eval(EvaluationPeriod::Annual, d(2026, 11, 12));
        let errs = check_new_evaluation(&second, &[first], &cal, d(2026, 11, 20)).unwrap_err();
        assert_eq!(
            errs[0].kind,
            ViolationKind::EvaluationRepeated {
                period: EvaluationPeriod::Annual
            }
        );
    }

    fn draft(period: EvaluationPeriod, date: Option<NaiveDate>) -> EvaluationDraft {
        EvaluationDraft {
            period,
            rating: Rating::Good,
            achievements: " Năng suất lúa tăng 12% ".into(),
            evaluator: "Hội đồng TĐKT đơn vị".into(),
            date,
            commendation: String::new(),
        }
    }

    #[test]
    fn e_1_a_full_form_gives_a_trimmed_evaluation() {
        let cal = CampaignYear::with_plan_defaults(2026);
        let e = check_evaluation(
            &draft(EvaluationPeriod::SixMonth, Some(d(2026, 6, 30))),
            Stage::Fostering,
            &[],
            &cal,
            d(2026, 7, 1),
        )
        .unwrap();
        assert_eq!(e.achievements, "Năng suất lúa tăng 12%");
        assert_eq!(e.commendation, None);
    }

    #[test]
    fn e_1_the_form_is_refused_with_every_reason() {
        let cal = CampaignYear::with_plan_defaults(2026);
        let mut bad = draft(EvaluationPeriod::NineMonth, None);
        bad.evaluator = "  ".into();
        bad.commendation = "Giấy khen".into();
        let errs =
            check_evaluation(&bad, Stage::Registered, &[], &cal, d(2026, 10, 1)).unwrap_err();
        let kinds: Vec<_> = errs.into_iter().map(|v| v.kind).collect();
        assert_eq!(
            kinds,
            vec![
                ViolationKind::EvaluationNotOpen {
                    stage: Stage::Registered
                },
                ViolationKind::Input(InputError::Required {
                    field: Field::Evaluator
                }),
                ViolationKind::Input(InputError::Invalid {
                    field: Field::Commendation
                }),
                ViolationKind::Input(InputError::Required {
                    field: Field::EvaluationDate
                }),
            ]
        );
        // The annual evaluation carries the commendation given at the annual conference.
        let mut annual = draft(EvaluationPeriod::Annual, Some(d(2026, 11, 20)));
        annual.commendation = "Bằng khen của UBND Thành phố".into();
        let e = check_evaluation(&annual, Stage::Evaluating, &[], &cal, d(2026, 11, 30)).unwrap();
        assert_eq!(
            e.commendation.as_deref(),
            Some("Bằng khen của UBND Thành phố")
        );
        // A second annual evaluation is refused.
        let errs =
            check_evaluation(&annual, Stage::Evaluating, &[e], &cal, d(2026, 11, 30)).unwrap_err();
        assert_eq!(
            errs[0].kind,
            ViolationKind::EvaluationRepeated {
                period: EvaluationPeriod::Annual
            }
        );
    }

    #[test]
    fn replications_are_checked_like_evaluations() {
        let cal = CampaignYear::with_plan_defaults(2026);
        let draft = ReplicationDraft {
            adopter: " Xã Tân Thạnh Đông ".into(),
            date: Some(d(2026, 9, 12)),
            result: "12 hộ áp dụng, năng suất tăng 10%".into(),
        };
        let r = check_replication(&draft, Stage::Replicated, &cal, d(2026, 10, 1)).unwrap();
        assert_eq!(r.adopter, "Xã Tân Thạnh Đông");
        let errs = check_replication(&draft, Stage::Fostering, &cal, d(2026, 9, 1)).unwrap_err();
        let kinds: Vec<_> = errs.into_iter().map(|v| v.kind).collect();
        assert_eq!(
            kinds,
            vec![
                ViolationKind::ReplicationNotOpen {
                    stage: Stage::Fostering
                },
                ViolationKind::DateInFuture
            ]
        );
        let blank = ReplicationDraft::default();
        assert_eq!(
            check_replication(&blank, Stage::Evaluating, &cal, d(2026, 9, 1))
                .unwrap_err()
                .len(),
            2
        );
    }

    #[test]
    fn e_1_dates_stay_in_the_campaign_year_and_not_in_the_future() {
        let cal = CampaignYear::with_plan_defaults(2026);
        let outside = eval(EvaluationPeriod::SixMonth, d(2025, 12, 30));
        assert!(check_new_evaluation(&outside, &[], &cal, d(2026, 7, 1)).is_err());
        let future = eval(EvaluationPeriod::SixMonth, d(2026, 8, 1));
        let errs = check_new_evaluation(&future, &[], &cal, d(2026, 7, 1)).unwrap_err();
        assert_eq!(errs[0].kind, ViolationKind::DateInFuture);
    }
}
