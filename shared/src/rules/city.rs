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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

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
