//! S-2: the Department registers 3 to 5 models a year with the City.

use super::{Violation, ViolationKind};
use crate::domain::{Quota, Stage};

const RULE: &str = "S-2";

/// May one more nomination at `stage` be selected, when `already` are selected this year?
pub fn check_city_selection(
    stage: Stage,
    already: usize,
    quota: Quota,
) -> Result<(), Vec<Violation>> {
    let mut v = Vec::new();
    if matches!(stage, Stage::Discovered | Stage::Dropped) {
        v.push(Violation::new(
            RULE,
            ViolationKind::CityNotEligible { stage },
        ));
    }
    if already >= quota.max() as usize {
        v.push(Violation::new(
            RULE,
            ViolationKind::CityQuotaFull { max: quota.max() },
        ));
    }
    super::verdict(v)
}

/// The year's decision: every chosen nomination eligible (registered or further, not
/// dropped), no nomination twice, between the quota's minimum and maximum, and not decided
/// already.
pub fn check_city_decision(
    chosen: &[(i64, Stage)],
    quota: Quota,
    already_decided: bool,
) -> Result<(), Vec<Violation>> {
    let mut v = Vec::new();
    if already_decided {
        v.push(Violation::new(RULE, ViolationKind::CouncilClosed));
    }
    for (_, stage) in chosen {
        if matches!(stage, Stage::Discovered | Stage::Dropped) {
            v.push(Violation::new(
                RULE,
                ViolationKind::CityNotEligible { stage: *stage },
            ));
        }
    }
    let mut ids: Vec<i64> = chosen.iter().map(|(id, _)| *id).collect();
    ids.sort_unstable();
    ids.dedup();
    if let Err(more) = check_city_submission(ids.len(), quota) {
        v.extend(more);
    }
    super::verdict(v)
}

/// May the year's list of `selected` models be submitted to the City?
pub fn check_city_submission(selected: usize, quota: Quota) -> Result<(), Vec<Violation>> {
    let mut v = Vec::new();
    if selected < quota.min() as usize {
        v.push(Violation::new(
            RULE,
            ViolationKind::CityListTooShort {
                min: quota.min(),
                have: selected,
            },
        ));
    }
    if selected > quota.max() as usize {
        v.push(Violation::new(
            RULE,
            ViolationKind::CityQuotaFull { max: quota.max() },
        ));
    }
    super::verdict(v)
}

/// The longest dispatch number (số văn bản) accepted.
pub const MAX_DISPATCH_NUMBER_CHARS: usize = 100;

/// D-3: the office's record that the year's list went to the City — after the council's
/// decision (`decided_on`, None: nothing decided to send), on a day between the decision and
/// `today`, with the dispatch's number. Returns the number as stored (trimmed).
pub fn check_dispatch(
    number: &str,
    sent_on: chrono::NaiveDate,
    decided_on: Option<chrono::NaiveDate>,
    today: chrono::NaiveDate,
) -> Result<String, Vec<Violation>> {
    use crate::domain::{Field, InputError, RequiredText};
    let Some(decided_on) = decided_on else {
        return Err(vec![Violation::new("D-3", ViolationKind::NothingToSend)]);
    };
    let mut v = Vec::new();
    let number = RequiredText::parse(Field::DispatchNumber, number, MAX_DISPATCH_NUMBER_CHARS);
    if let Err(e) = &number {
        v.push(Violation::new("D-3", ViolationKind::Input(e.clone())));
    }
    if sent_on < decided_on || sent_on > today {
        v.push(Violation::new(
            "D-3",
            ViolationKind::Input(InputError::DateOutside {
                field: Field::SentOn,
                from: decided_on,
                to: today,
            }),
        ));
    }
    match number {
        Ok(n) if v.is_empty() => Ok(n.to_string()),
        _ => Err(v),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn d_3_a_dispatch_follows_the_decision_and_names_its_number() {
        let d = |m, day| chrono::NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        let (decided, today) = (Some(d(12, 1)), d(12, 2));
        assert_eq!(
            check_dispatch(" 125/SNN-VP ", d(12, 2), decided, today),
            Ok("125/SNN-VP".to_string())
        );
        assert_eq!(
            check_dispatch("125/SNN-VP", d(12, 2), None, today).unwrap_err()[0].kind,
            ViolationKind::NothingToSend
        );
        for day in [d(11, 30), d(12, 3)] {
            assert!(check_dispatch("125/SNN-VP", day, decided, today).is_err());
        }
        assert_eq!(
            check_dispatch(" ", d(12, 1), decided, today)
                .unwrap_err()
                .len(),
            1
        );
        let long = "9".repeat(MAX_DISPATCH_NUMBER_CHARS + 1);
        assert!(check_dispatch(&long, d(12, 1), decided, today).is_err());
    }

    #[test]
    fn s_2_the_decision_holds_three_to_five_eligible_models_once() {
        let q = Quota::PLAN;
        let pick = |n: i64| (1..=n).map(|i| (i, Stage::Evaluating)).collect::<Vec<_>>();
        assert!(check_city_decision(&pick(3), q, false).is_ok());
        assert!(check_city_decision(&pick(5), q, false).is_ok());
        assert_eq!(
            check_city_decision(&pick(6), q, false).unwrap_err()[0].kind,
            ViolationKind::CityQuotaFull { max: 5 }
        );
        assert_eq!(
            check_city_decision(&pick(2), q, false).unwrap_err()[0].kind,
            ViolationKind::CityListTooShort { min: 3, have: 2 }
        );
        // The same nomination twice counts once.
        let twice = vec![
            (1, Stage::Evaluating),
            (1, Stage::Evaluating),
            (2, Stage::Evaluating),
        ];
        assert!(check_city_decision(&twice, q, false).is_err());
        let mut dropped = pick(3);
        dropped[0].1 = Stage::Dropped;
        assert!(check_city_decision(&dropped, q, false).is_err());
        assert_eq!(
            check_city_decision(&pick(3), q, true).unwrap_err()[0].kind,
            ViolationKind::CouncilClosed
        );
    }

    #[test]
    fn s_2_a_sixth_model_is_refused() {
        let q = Quota::PLAN;
        assert!(check_city_selection(Stage::Evaluating, 4, q).is_ok());
        let err = check_city_selection(Stage::Evaluating, 5, q).unwrap_err();
        assert_eq!(err[0].rule, "S-2");
        assert_eq!(err[0].kind, ViolationKind::CityQuotaFull { max: 5 });
    }

    #[test]
    fn s_2_only_registered_or_further_can_be_selected() {
        for stage in Stage::ALL {
            let ok = check_city_selection(stage, 0, Quota::PLAN).is_ok();
            assert_eq!(
                ok,
                !matches!(stage, Stage::Discovered | Stage::Dropped),
                "{stage:?}"
            );
        }
    }

    #[test]
    fn s_2_a_list_needs_at_least_three() {
        assert!(check_city_submission(2, Quota::PLAN).is_err());
        assert!(check_city_submission(3, Quota::PLAN).is_ok());
        assert!(check_city_submission(5, Quota::PLAN).is_ok());
        assert!(check_city_submission(6, Quota::PLAN).is_err());
    }

    proptest! {
        #[test]
        fn selecting_one_at_a_time_never_passes_the_maximum(max in 1u8..10, tries in 0usize..30) {
            let q = Quota::new(1, max).unwrap();
            let mut selected = 0usize;
            for _ in 0..tries {
                if check_city_selection(Stage::Registered, selected, q).is_ok() { selected += 1; }
            }
            prop_assert!(selected <= max as usize);
        }
    }
}
