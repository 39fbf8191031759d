//! E-1: recording a periodic evaluation.

use super::{Violation, ViolationKind};
use crate::domain::{CampaignYear, Evaluation, EvaluationPeriod};
use chrono::{Datelike, NaiveDate};

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
