//! What kind of exemplar a nomination is (N-2: new factors, outstanding examples,
//! experiences, models, initiatives) and the emulation movement it came from (phong trào
//! thi đua): a list each campaign keeps, by its administrators, so the summary can count
//! by both.

use super::error::{Field, InputError, RequiredText};
use serde::{Deserialize, Serialize};

/// N-2's kinds of exemplar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExemplarType {
    /// Nhân tố mới (in a bloc, a unit, a department).
    NewFactor,
    /// Gương điển hình tiên tiến.
    OutstandingExample,
    /// Kinh nghiệm.
    Experience,
    /// Mô hình.
    Model,
    /// Sáng kiến.
    Initiative,
}

codes! {
    ExemplarType {
        NewFactor => "new_factor",
        OutstandingExample => "outstanding_example",
        Experience => "experience",
        Model => "model",
        Initiative => "initiative",
    }
}

impl ExemplarType {
    /// Its place in [`ExemplarType::ALL`] (the summary's column).
    pub fn index(self) -> usize {
        Self::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }
}

/// The longest movement name accepted.
pub const MAX_MOVEMENT_CHARS: usize = 300;

/// One of a campaign's emulation movements. A retired movement stays on the nominations
/// that named it, but is no longer offered for new ones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Movement {
    pub id: i64,
    pub campaign_id: i64,
    pub name: String,
    pub retired: bool,
    pub version: i64,
}

/// A movement's name as typed: trimmed, required, bounded, without invisible characters.
pub fn parse_movement_name(raw: &str) -> Result<String, InputError> {
    RequiredText::parse(Field::Movement, raw, MAX_MOVEMENT_CHARS).map(|t| t.as_str().to_string())
}

/// Two names are the same movement when they differ only in case or spacing.
pub fn same_movement_name(a: &str, b: &str) -> bool {
    let fold = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    fold(a) == fold(b)
}

/// Whether a nomination may name `chosen` among `movements` (its campaign's): a live one,
/// or the one it named already (`stored`) even if retired since.
pub fn movement_choice_error(
    chosen: Option<i64>,
    stored: Option<i64>,
    movements: &[Movement],
) -> Option<InputError> {
    let id = chosen?;
    let ok = movements
        .iter()
        .any(|m| m.id == id && (!m.retired || stored == Some(id)));
    (!ok).then_some(InputError::Invalid {
        field: Field::Movement,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn movement(id: i64, retired: bool) -> Movement {
        Movement {
            id,
            campaign_id: 1,
            name: format!("M{id}"),
            retired,
            version: 1,
        }
    }

    #[test]
    fn codes_round_trip() {
        for t in ExemplarType::ALL {
            assert_eq!(ExemplarType::from_code(t.code()), Some(t));
            assert_eq!(ExemplarType::ALL[t.index()], t);
        }
        assert_eq!(ExemplarType::from_code("hero"), None);
    }

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(
            parse_movement_name("  Nông dân giỏi ").unwrap(),
            "Nông dân giỏi"
        );
        assert!(parse_movement_name("  ").is_err());
        assert!(parse_movement_name(&"a".repeat(MAX_MOVEMENT_CHARS + 1)).is_err());
        assert_eq!(
            parse_movement_name("a\u{202E}b"),
            Err(InputError::ForbiddenCharacter {
                field: Field::Movement
            })
        );
        assert!(same_movement_name("Nông  dân GIỎI", " nông dân giỏi"));
        assert!(!same_movement_name("Nông dân giỏi", "Nông dân"));
    }

    #[test]
    fn a_retired_movement_is_kept_but_not_newly_chosen() {
        let list = [movement(1, false), movement(2, true)];
        assert_eq!(movement_choice_error(None, None, &list), None);
        assert_eq!(movement_choice_error(Some(1), None, &list), None);
        assert!(movement_choice_error(Some(2), None, &list).is_some());
        assert_eq!(movement_choice_error(Some(2), Some(2), &list), None);
        // Another campaign's movement is not in the list at all.
        assert!(movement_choice_error(Some(9), Some(9), &list).is_some());
    }

    proptest! {
        /// A choice accepted is always one of the campaign's movements, and live unless
        /// it was already the nomination's.
        #[test]
        fn accepted_choices_are_the_campaigns(
            retired in proptest::collection::vec(any::<bool>(), 0..6),
            chosen in proptest::option::of(0i64..8),
            stored in proptest::option::of(0i64..8),
        ) {
            let list: Vec<Movement> = retired.iter().enumerate().map(|(i, r)| movement(i as i64, *r)).collect();
            if movement_choice_error(chosen, stored, &list).is_none() {
                if let Some(id) = chosen {
                    let m = list.iter().find(|m| m.id == id).expect("in the list");
                    prop_assert!(!m.retired || stored == Some(id));
                }
            }
        }

        #[test]
        fn parsed_names_are_never_blank(raw in ".{0,320}") {
            if let Ok(name) = parse_movement_name(&raw) {
                prop_assert!(!name.trim().is_empty());
                prop_assert!(name.chars().count() <= MAX_MOVEMENT_CHARS);
                prop_assert_eq!(name.trim(), name.as_str());
            }
        }
    }
}
