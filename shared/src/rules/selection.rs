//! E-2: the Department office's quarterly and annual selections for the City.

use super::{Violation, ViolationKind};

/// A selection sends at least one exemplar, each registered with the Department and not
/// dropped (`eligible`: the ids of such nominations of the year).
pub fn check_selection(chosen: &[i64], eligible: &[i64]) -> Result<(), Vec<Violation>> {
    let mut v = Vec::new();
    if chosen.is_empty() {
        v.push(Violation::new("E-2", ViolationKind::SelectionEmpty));
    }
    let outside = chosen.iter().filter(|id| !eligible.contains(id)).count();
    if outside > 0 {
        v.push(Violation::new(
            "E-2",
            ViolationKind::SelectionNotEligible { count: outside },
        ));
    }
    super::verdict(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn e_2_a_selection_is_not_empty_and_holds_only_registered_exemplars() {
        assert!(check_selection(&[1, 2], &[1, 2, 3]).is_ok());
        assert_eq!(
            check_selection(&[], &[1]).unwrap_err()[0].kind,
            ViolationKind::SelectionEmpty
        );
        assert_eq!(
            check_selection(&[1, 7, 8], &[1, 2]).unwrap_err()[0].kind,
            ViolationKind::SelectionNotEligible { count: 2 }
        );
    }

    proptest! {
        #[test]
        fn any_non_empty_subset_of_the_eligible_is_accepted(
            eligible in proptest::collection::vec(0i64..1000, 1..30),
            picks in proptest::collection::vec(any::<proptest::sample::Index>(), 1..10),
        ) {
            let chosen: Vec<i64> = picks.iter().map(|i| eligible[i.index(eligible.len())]).collect();
            prop_assert!(check_selection(&chosen, &eligible).is_ok());
        }
    }
}
