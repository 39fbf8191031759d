use super::{NomineeKind, Position, Profile, Stage};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A nominee put forward by a unit for one campaign year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Nomination {
    pub id: i64,
    pub campaign_id: i64,
    pub year: i32,
    pub unit_id: i64,
    pub nominee_name: String,
    pub profile: Profile,
    /// The model, initiative or experience (mô hình, sáng kiến, kinh nghiệm).
    pub description: String,
    /// Evidence per criterion code.
    pub evidence: BTreeMap<String, String>,
    pub replication_potential: String,
    pub stage: Stage,
    /// The stage it was dropped from, so that a restore goes back there.
    pub dropped_from: Option<Stage>,
    pub position: Position,
    pub version: i64,
    pub city_registered: bool,
    pub city_year: Option<i32>,
}

impl Nomination {
    pub fn kind(&self) -> NomineeKind {
        self.profile.kind()
    }
}

/// The longest nominee name accepted.
pub const MAX_NAME_CHARS: usize = 200;
/// The longest description, replication note or evidence text accepted.
pub const MAX_TEXT_CHARS: usize = 4000;

/// What a user fills in to create or edit a nomination (S-1). Completeness for
/// registration (every scored criterion's evidence) is a stage rule, checked when the
/// nomination is moved to "registered"; a draft may be saved incomplete.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NominationDraft {
    pub unit_id: i64,
    pub nominee_name: String,
    pub profile: Profile,
    pub description: String,
    pub replication_potential: String,
    /// Evidence per criterion code; empty texts are dropped.
    pub evidence: BTreeMap<String, String>,
    /// N-2: what kind of exemplar it is (None: not classified yet).
    #[serde(default)]
    pub exemplar_type: Option<super::ExemplarType>,
    /// The emulation movement it came from, one of its campaign's (None: not said).
    #[serde(default)]
    pub movement_id: Option<i64>,
}

impl NominationDraft {
    /// Every problem with what was typed, field by field (nothing is saved while any).
    pub fn validate(&self) -> Vec<super::InputError> {
        use super::{Field, InputError};
        let mut errors = Vec::new();
        let name = self.nominee_name.trim();
        if name.is_empty() {
            errors.push(InputError::Required {
                field: Field::NomineeName,
            });
        } else if name.chars().count() > MAX_NAME_CHARS {
            errors.push(InputError::TooLong {
                field: Field::NomineeName,
                max: MAX_NAME_CHARS,
            });
        }
        if self.description.trim().is_empty() {
            errors.push(InputError::Required {
                field: Field::Description,
            });
        }
        for (field, text) in [
            (Field::Description, &self.description),
            (Field::ReplicationPotential, &self.replication_potential),
        ] {
            if text.chars().count() > MAX_TEXT_CHARS {
                errors.push(InputError::TooLong {
                    field,
                    max: MAX_TEXT_CHARS,
                });
            }
        }
        for text in self.evidence.values() {
            if text.chars().count() > MAX_TEXT_CHARS {
                errors.push(InputError::TooLong {
                    field: Field::Evidence,
                    max: MAX_TEXT_CHARS,
                });
            }
        }
        // Each field once, however many of its texts have such a character.
        let texts = [
            (Field::NomineeName, vec![&self.nominee_name]),
            (Field::Description, vec![&self.description]),
            (
                Field::ReplicationPotential,
                vec![&self.replication_potential],
            ),
            (Field::Evidence, self.evidence.values().collect()),
        ];
        for (field, values) in texts {
            if values.iter().any(|t| super::has_forbidden_character(t)) {
                errors.push(InputError::ForbiddenCharacter { field });
            }
        }
        errors.extend(self.profile.validate());
        errors
    }

    /// Evidence given for a code that is not one of the year's criteria of the nominee's
    /// kind (the criteria are the campaign's, so this is checked where they are known).
    /// Evidence already `kept` as it is stays acceptable: a criterion the Department removed
    /// later does not make the nomination impossible to edit, nor is its text lost.
    pub fn evidence_errors(
        &self,
        criteria: &super::CriteriaSet,
        kept: &BTreeMap<String, String>,
    ) -> Vec<super::InputError> {
        let known = criteria.of(self.profile.kind());
        self.evidence
            .iter()
            .filter(|(code, text)| kept.get(*code).is_none_or(|k| k.trim() != text.trim()))
            .map(|(code, _)| code)
            .filter(|code| !known.iter().any(|c| &c.code == *code))
            .map(|_| super::InputError::Invalid {
                field: super::Field::Evidence,
            })
            .collect()
    }

    /// The draft as it is stored: names and texts trimmed, empty evidence left out.
    pub fn normalised(mut self) -> NominationDraft {
        self.nominee_name = self.nominee_name.trim().to_string();
        self.description = self.description.trim().to_string();
        self.replication_potential = self.replication_potential.trim().to_string();
        self.evidence = self
            .evidence
            .into_iter()
            .map(|(c, t)| (c, t.trim().to_string()))
            .filter(|(_, t)| !t.is_empty())
            .collect();
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Field, InputError, NomineeKind};
    use proptest::prelude::*;

    fn draft() -> NominationDraft {
        NominationDraft {
            unit_id: 1,
            nominee_name: "Nguyễn Văn An".into(),
            profile: Profile::Individual {
                position: "Chuyên viên".into(),
                heads_unit: false,
                collective_nomination: None,
            },
            description: "Sáng kiến số hóa hồ sơ".into(),
            replication_potential: String::new(),
            evidence: BTreeMap::from([("C-C1".to_string(), "Bằng khen 2025".to_string())]),
            exemplar_type: None,
            movement_id: None,
        }
    }

    #[test]
    fn a_complete_draft_is_accepted() {
        assert_eq!(draft().validate(), vec![]);
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let mut d = draft();
        d.nominee_name = "   ".into();
        d.description = String::new();
        d.evidence
            .insert("C-A1".into(), "không thuộc loại cá nhân".into());
        d.profile = Profile::empty(NomineeKind::Individual);
        let fields: Vec<Field> = d.validate().iter().map(InputError::field).collect();
        assert_eq!(
            fields,
            vec![
                Field::NomineeName,
                Field::Description,
                Field::IndividualPosition
            ]
        );
        // C-A1 is not an individual's criterion in the year's set.
        let plan = crate::domain::CriteriaSet::plan();
        let none = BTreeMap::new();
        assert_eq!(
            d.evidence_errors(&plan, &none),
            [InputError::Invalid {
                field: Field::Evidence
            }]
        );
        assert!(draft().evidence_errors(&plan, &none).is_empty());
        // Kept as it was stored (its criterion removed since): still fine; changed: not.
        assert!(d.evidence_errors(&plan, &d.evidence).is_empty());
        let mut changed = d.evidence.clone();
        changed.insert("C-A1".into(), "sửa".into());
        assert_eq!(d.evidence_errors(&plan, &changed).len(), 1);
        // A criterion the Department added for the year is known.
        let mut added = plan.clone();
        let mut extra = added.individual[0].clone();
        extra.code = "C-A1".into();
        added.individual.push(extra);
        assert!(d.evidence_errors(&added, &none).is_empty());
    }

    #[test]
    fn a_draft_with_a_control_or_direction_character_is_refused_field_by_field() {
        let mut d = draft();
        d.nominee_name = "Tổ hợp tác\u{202E}".into();
        d.evidence.insert("C-A1".into(), "a\u{0}b".into());
        d.evidence.insert("C-A2".into(), "c\u{8}d".into());
        d.description = "Dòng 1\nDòng 2\tcột".into();
        let found: Vec<_> = d
            .validate()
            .into_iter()
            .filter(|e| matches!(e, InputError::ForbiddenCharacter { .. }))
            .collect();
        assert_eq!(
            found,
            [
                InputError::ForbiddenCharacter {
                    field: Field::NomineeName
                },
                InputError::ForbiddenCharacter {
                    field: Field::Evidence
                },
            ]
        );
    }

    #[test]
    fn normalising_trims_and_drops_empty_evidence() {
        let mut d = draft();
        d.nominee_name = "  Lê Thị Mai ".into();
        d.evidence.insert("C-C2".into(), "   ".into());
        let n = d.normalised();
        assert_eq!(n.nominee_name, "Lê Thị Mai");
        assert!(!n.evidence.contains_key("C-C2"));
    }

    proptest! {
        #[test]
        fn names_are_accepted_exactly_up_to_the_limit(len in 1usize..400) {
            let mut d = draft();
            d.nominee_name = "ễ".repeat(len);
            let too_long = d.validate().contains(&InputError::TooLong {
                field: Field::NomineeName,
                max: MAX_NAME_CHARS,
            });
            prop_assert_eq!(too_long, len > MAX_NAME_CHARS);
        }
    }
}
