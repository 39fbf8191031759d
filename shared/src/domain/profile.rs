//! Each nominee kind's own profile fields (plan.md N-1..N-3, C-B5, C-C4).

use super::error::{Field, InputError};
use super::NomineeKind;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CoopType {
    /// Hợp tác xã.
    Cooperative,
    /// Tổ hợp tác.
    CoopGroup,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Profile {
    Collective {
        /// Number of people in the collective.
        size: u32,
    },
    Individual {
        /// Position (chức vụ), e.g. "Chuyên viên", "Trưởng phòng".
        position: String,
        /// Heads a unit (người đứng đầu): C-C4 ties the nomination to the unit's collective.
        heads_unit: bool,
        /// The collective nomination of the same unit this one goes with (C-C4).
        collective_nomination: Option<i64>,
    },
    Cooperative {
        coop_type: CoopType,
        members: u32,
    },
    Household {
        /// Years the household was certified a cultural family (gia đình văn hóa).
        cultural_family_years: Vec<i32>,
        /// Recognised as an exemplary cultural family (gia đình văn hóa tiêu biểu).
        exemplary: bool,
    },
}

impl Profile {
    pub fn kind(&self) -> NomineeKind {
        match self {
            Profile::Collective { .. } => NomineeKind::Collective,
            Profile::Individual { .. } => NomineeKind::Individual,
            Profile::Cooperative { .. } => NomineeKind::Cooperative,
            Profile::Household { .. } => NomineeKind::Household,
        }
    }

    /// An empty profile of `kind`, for a new nomination form.
    pub fn empty(kind: NomineeKind) -> Profile {
        match kind {
            NomineeKind::Collective => Profile::Collective { size: 0 },
            NomineeKind::Individual => Profile::Individual {
                position: String::new(),
                heads_unit: false,
                collective_nomination: None,
            },
            NomineeKind::Cooperative => Profile::Cooperative {
                coop_type: CoopType::Cooperative,
                members: 0,
            },
            NomineeKind::Household => Profile::Household {
                cultural_family_years: Vec::new(),
                exemplary: false,
            },
        }
    }

    /// Checks the values a user typed (S-1: a profile complete for its kind is needed to
    /// register). Returns every problem, not only the first.
    pub fn validate(&self) -> Vec<InputError> {
        let mut errors = Vec::new();
        match self {
            Profile::Collective { size } => {
                if !(1..=100_000).contains(size) {
                    errors.push(InputError::OutOfRange {
                        field: Field::CollectiveSize,
                        min: 1,
                        max: 100_000,
                    });
                }
            }
            Profile::Individual { position, .. } => {
                if position.trim().is_empty() {
                    errors.push(InputError::Required {
                        field: Field::IndividualPosition,
                    });
                } else if position.chars().count() > 200 {
                    errors.push(InputError::TooLong {
                        field: Field::IndividualPosition,
                        max: 200,
                    });
                }
            }
            Profile::Cooperative { members, .. } => {
                if !(1..=100_000).contains(members) {
                    errors.push(InputError::OutOfRange {
                        field: Field::CooperativeMembers,
                        min: 1,
                        max: 100_000,
                    });
                }
            }
            Profile::Household {
                cultural_family_years,
                ..
            } => {
                let mut seen = std::collections::BTreeSet::new();
                for &year in cultural_family_years {
                    if !(1990..=2100).contains(&year) {
                        errors.push(InputError::OutOfRange {
                            field: Field::CulturalFamilyYears,
                            min: 1990,
                            max: 2100,
                        });
                    } else if !seen.insert(year) {
                        errors.push(InputError::Duplicate {
                            field: Field::CulturalFamilyYears,
                            year,
                        });
                    }
                }
            }
        }
        errors
    }
}

/// The longest run of consecutive certified years that ends at `year` or the year
/// before (the certificate of the nomination year itself is often issued at its end).
/// Years after `year` do not count.
pub fn consecutive_cultural_family_years(years: &[i32], year: i32) -> u32 {
    let set: std::collections::BTreeSet<i32> =
        years.iter().copied().filter(|y| *y <= year).collect();
    let run_from = |end: i32| {
        let mut n = 0u32;
        let mut y = end;
        while set.contains(&y) {
            n += 1;
            y -= 1;
        }
        n
    };
    run_from(year).max(run_from(year - 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn n_1_n_3_profiles_round_trip_through_json() {
        for kind in NomineeKind::ALL {
            let p = Profile::empty(kind);
            assert_eq!(p.kind(), kind);
            let json = serde_json::to_string(&p).unwrap();
            assert_eq!(serde_json::from_str::<Profile>(&json).unwrap(), p);
        }
    }

    #[test]
    fn s_1_empty_profiles_are_incomplete_except_households() {
        assert_eq!(Profile::empty(NomineeKind::Collective).validate().len(), 1);
        assert_eq!(Profile::empty(NomineeKind::Individual).validate().len(), 1);
        assert_eq!(Profile::empty(NomineeKind::Cooperative).validate().len(), 1);
        // A household without certified years is complete as a profile; C-B5 refuses it.
        assert!(Profile::empty(NomineeKind::Household).validate().is_empty());
    }

    #[test]
    fn household_years_are_checked() {
        let p = Profile::Household {
            cultural_family_years: vec![2024, 2024, 1800],
            exemplary: false,
        };
        let errors = p.validate();
        assert!(errors.contains(&InputError::Duplicate {
            field: Field::CulturalFamilyYears,
            year: 2024
        }));
        assert_eq!(errors.len(), 2);
    }

    #[test]
    fn c_b5_consecutive_years_end_at_the_nomination_year_or_the_one_before() {
        assert_eq!(
            consecutive_cultural_family_years(&[2023, 2024, 2025], 2026),
            3
        );
        assert_eq!(
            consecutive_cultural_family_years(&[2024, 2025, 2026], 2026),
            3
        );
        assert_eq!(
            consecutive_cultural_family_years(&[2022, 2024, 2025], 2026),
            2
        );
        assert_eq!(
            consecutive_cultural_family_years(&[2020, 2021, 2022], 2026),
            0
        );
        assert_eq!(
            consecutive_cultural_family_years(&[2026, 2027, 2028], 2026),
            1
        );
        assert_eq!(consecutive_cultural_family_years(&[], 2026), 0);
    }

    proptest! {
        #[test]
        fn consecutive_years_never_exceed_the_list(years in proptest::collection::vec(1990i32..2100, 0..20), y in 1990i32..2100) {
            let n = consecutive_cultural_family_years(&years, y);
            prop_assert!(n as usize <= years.len());
        }

        #[test]
        fn any_json_profile_parses_or_errors(s in ".*") {
            let _ = serde_json::from_str::<Profile>(&s);
        }
    }
}
