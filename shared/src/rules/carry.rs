//! Closing a campaign year (II.3, III): each exemplar of the year either goes on into the
//! campaign's next year where it stood, starts again there as discovered (to be registered
//! again through S-1 and the new year's D-1), or stays behind. The year's records
//! (evaluations, scores, decisions, replications) stay with the year they were made in;
//! the next year's card carries the dossier and the fostering plan on.

use super::{Violation, ViolationKind};
use crate::domain::Stage;
use serde::{Deserialize, Serialize};

/// What becomes of one exemplar at the start of the next year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CarryChoice {
    /// Goes on where it stood; one being evaluated starts the new year fostered (the new
    /// year's evaluations are its own).
    Continue,
    /// Starts again, discovered: the unit registers it again, checked as any registration.
    Restart,
}

impl CarryChoice {
    pub const ALL: [CarryChoice; 2] = [CarryChoice::Continue, CarryChoice::Restart];

    pub fn code(self) -> &'static str {
        match self {
            CarryChoice::Continue => "continue",
            CarryChoice::Restart => "restart",
        }
    }

    pub fn from_code(code: &str) -> Option<CarryChoice> {
        CarryChoice::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// The rule ID carried by these refusals: the process (II.3) run over the campaign's years.
pub const RULE: &str = "II.3";

/// The stage an exemplar stands at in the next year; None for a dropped one going on
/// (it starts again instead).
pub fn carried_stage(stage: Stage, choice: CarryChoice) -> Option<Stage> {
    match (choice, stage) {
        (CarryChoice::Restart, _) => Some(Stage::Discovered),
        (CarryChoice::Continue, Stage::Dropped) => None,
        (CarryChoice::Continue, Stage::Evaluating) => Some(Stage::Fostering),
        (CarryChoice::Continue, stage) => Some(stage),
    }
}

/// The year after `year` in a campaign of `start..=end`, or why there is none.
pub fn next_year(year: i32, (start, end): (i32, i32)) -> Result<i32, ViolationKind> {
    if (start..end).contains(&year) {
        Ok(year + 1)
    } else {
        Err(ViolationKind::NoNextYear { year, last: end })
    }
}

/// One exemplar as the office chose for it, with what is stored about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CarryFacts {
    /// The nominee's name, which a refusal of a batch names.
    pub name: String,
    pub stage: Stage,
    pub choice: CarryChoice,
    /// The year it was already carried into, if it was.
    pub carried_to: Option<i32>,
    /// C-C4: a unit head's nomination that goes on registered needs its collective in the
    /// next year first: `Some(false)` when the linked collective is not there.
    pub collective_there: Option<bool>,
}

/// Every reason the exemplar cannot go as chosen, or the stage it will stand at.
pub fn check_carry(facts: &CarryFacts) -> Result<Stage, Vec<Violation>> {
    let name = || facts.name.clone();
    let mut found = Vec::new();
    if let Some(year) = facts.carried_to {
        found.push(ViolationKind::AlreadyCarried { name: name(), year });
    }
    let stage = carried_stage(facts.stage, facts.choice);
    if stage.is_none() {
        found.push(ViolationKind::CarryDropped { name: name() });
    }
    let registered = stage.is_some_and(|s| s != Stage::Discovered);
    if registered && facts.collective_there == Some(false) {
        found.push(ViolationKind::CarryCollectiveFirst { name: name() });
    }
    match stage {
        Some(stage) if found.is_empty() => Ok(stage),
        _ => Err(found.into_iter().map(|k| Violation::new(RULE, k)).collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn facts(stage: Stage, choice: CarryChoice) -> CarryFacts {
        CarryFacts {
            name: "HTX Tân Phú".into(),
            stage,
            choice,
            carried_to: None,
            collective_there: None,
        }
    }

    #[test]
    fn an_exemplar_goes_on_where_it_stood_and_a_new_evaluation_cycle_begins() {
        let go = |s| check_carry(&facts(s, CarryChoice::Continue));
        assert_eq!(go(Stage::Discovered), Ok(Stage::Discovered));
        assert_eq!(go(Stage::Registered), Ok(Stage::Registered));
        assert_eq!(go(Stage::Fostering), Ok(Stage::Fostering));
        assert_eq!(go(Stage::Evaluating), Ok(Stage::Fostering));
        assert_eq!(go(Stage::Replicated), Ok(Stage::Replicated));
        assert_eq!(
            go(Stage::Dropped).unwrap_err()[0].kind,
            ViolationKind::CarryDropped {
                name: "HTX Tân Phú".into()
            }
        );
    }

    #[test]
    fn a_dropped_exemplar_starts_again_discovered() {
        assert_eq!(
            check_carry(&facts(Stage::Dropped, CarryChoice::Restart)),
            Ok(Stage::Discovered)
        );
    }

    #[test]
    fn an_exemplar_goes_on_once_and_a_unit_head_after_the_collective() {
        let mut f = facts(Stage::Fostering, CarryChoice::Continue);
        f.carried_to = Some(2027);
        f.collective_there = Some(false);
        let kinds: Vec<_> = check_carry(&f)
            .unwrap_err()
            .into_iter()
            .map(|v| v.kind)
            .collect();
        assert_eq!(
            kinds,
            vec![
                ViolationKind::AlreadyCarried {
                    name: "HTX Tân Phú".into(),
                    year: 2027
                },
                ViolationKind::CarryCollectiveFirst {
                    name: "HTX Tân Phú".into()
                }
            ]
        );
        // Starting again, the head is linked again when registered: no C-C4 check now.
        let mut f = facts(Stage::Fostering, CarryChoice::Restart);
        f.collective_there = Some(false);
        assert_eq!(check_carry(&f), Ok(Stage::Discovered));
    }

    #[test]
    fn the_last_year_of_a_campaign_has_no_next_year() {
        assert_eq!(next_year(2026, (2026, 2030)), Ok(2027));
        assert_eq!(next_year(2029, (2026, 2030)), Ok(2030));
        assert_eq!(
            next_year(2030, (2026, 2030)),
            Err(ViolationKind::NoNextYear {
                year: 2030,
                last: 2030
            })
        );
        assert!(next_year(2025, (2026, 2030)).is_err());
    }

    fn any_stage() -> impl Strategy<Value = Stage> {
        prop::sample::select(Stage::ALL.to_vec())
    }

    fn any_choice() -> impl Strategy<Value = CarryChoice> {
        prop::sample::select(CarryChoice::ALL.to_vec())
    }

    proptest! {
        #[test]
        fn nothing_is_carried_dropped_or_evaluated_and_registration_is_kept_or_restarted(
            stage in any_stage(),
            choice in any_choice(),
            carried in prop::option::of(2020i32..2040),
            collective in prop::option::of(any::<bool>()),
        ) {
            let f = CarryFacts { name: "A".into(), stage, choice, carried_to: carried, collective_there: collective };
            match check_carry(&f) {
                Ok(to) => {
                    prop_assert!(carried.is_none());
                    prop_assert!(!matches!(to, Stage::Dropped | Stage::Evaluating));
                    if choice == CarryChoice::Restart {
                        prop_assert_eq!(to, Stage::Discovered);
                    } else {
                        prop_assert_eq!(to == Stage::Discovered, stage == Stage::Discovered);
                    }
                }
                Err(found) => prop_assert!(!found.is_empty()),
            }
        }

        #[test]
        fn the_next_year_stays_in_the_campaign(year in 2000i32..2060, start in 2000i32..2050, len in 0i32..10) {
            let end = start + len;
            if let Ok(next) = next_year(year, (start, end)) {
                prop_assert!(next > start && next <= end && next == year + 1);
            }
        }
    }
}
