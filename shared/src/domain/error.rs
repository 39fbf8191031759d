use serde::{Deserialize, Serialize};

/// The input fields a user fills in; named in error messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    NomineeName,
    Description,
    ReplicationPotential,
    Evidence,
    Reason,
    Score,
    Year,
    CampaignName,
    CampaignYears,
    CampaignDecision,
    Quota,
    CollectiveSize,
    IndividualPosition,
    CooperativeMembers,
    CulturalFamilyYears,
    LeaderName,
    LeaderPosition,
    ActivityTitle,
    ActivityDate,
    Achievements,
    Evaluator,
    EvaluationDate,
    Commendation,
    ActivityOutcome,
    Activities,
    Adopter,
    ReplicationDate,
    ReplicationResult,
    Selection,
    Comment,
    PassShare,
    Assessment,
    Username,
    Password,
    DisplayName,
    Roles,
    Unit,
    CurrentPassword,
    OrgCode,
    OrgName,
    HeadUnit,
    RegistrationDeadline,
    BlocReviewDeadline,
    CitySubmissionDeadline,
    SixMonthCheckpoint,
    NineMonthCheckpoint,
    AnnualCheckpoint,
    FirstQuarterSelection,
    SecondQuarterSelection,
    ThirdQuarterSelection,
    FourthQuarterSelection,
    Quorum,
    DispatchNumber,
    SentOn,
    Criteria,
    CriterionCode,
    CriterionVi,
    CriterionEn,
    Weight,
    Floor,
    FromYear,
    DocumentKind,
    DocumentTitle,
    DocumentFile,
    MeetingDate,
    MeetingResult,
    ExemplarType,
    Movement,
    CommendationForm,
    CommendationTitle,
    AchievementReport,
    CouncilDate,
    CouncilPresent,
    CouncilResult,
    DecisionNumber,
    DecisionDate,
    DecisionSigner,
    GrantedForm,
    AchievementsSummary,
    CityOutcome,
    AnsweredOn,
    CityDetail,
    UnitAssessment,
    ReportEvaluation,
    ReportFostering,
    ReportPublicity,
    ReportReplication,
    DepartmentAssessment,
    ConferenceDate,
    ConferenceTitle,
    Honour,
}

/// Why a value typed by a user was refused. Shown through `i18n::input_error`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum InputError {
    #[error("{field:?} is required")]
    Required { field: Field },
    #[error("{field:?} is longer than {max} characters")]
    TooLong { field: Field, max: usize },
    #[error("{field:?} is shorter than {min} characters")]
    TooShort { field: Field, min: usize },
    #[error("{field:?} is not in the expected form")]
    Invalid { field: Field },
    /// A bloc's head unit must be one of the bloc's own units (D-2).
    #[error("the head unit is not in this bloc")]
    HeadUnitOutsideBloc,
    #[error("{field:?} must be between {min} and {max}")]
    OutOfRange { field: Field, min: i64, max: i64 },
    #[error("{field:?} must fall within {year}")]
    OutsideYear { field: Field, year: i32 },
    #[error("{field:?} lists the year {year} twice")]
    Duplicate { field: Field, year: i32 },
    /// A date outside the days it may fall on (both ends allowed).
    #[error("{field:?} must fall between {from} and {to}")]
    DateOutside {
        field: Field,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
    },
    /// A date of a series that does not come after the one before it.
    #[error("{field:?} must come after {earlier:?}")]
    NotAfter { field: Field, earlier: Field },
    /// A range whose lower end is above its upper end (the City quota's 5 to 3).
    #[error("{field:?}: the minimum {min} is above the maximum {max}")]
    MinAboveMax { field: Field, min: i64, max: i64 },
    /// The year already belongs to another campaign.
    #[error("{field:?}: the year {year} belongs to another campaign")]
    YearTaken { field: Field, year: i32 },
    /// A criterion code typed twice in one kind's list.
    #[error("the criterion code {code} is listed twice")]
    DuplicateCode { code: String },
    /// A kind's list has no criterion the council can score.
    #[error("no scored criterion")]
    NoScoredCriterion,
    /// A control character (other than a tab or a line break) or a character that
    /// overrides the text's direction: invisible, and able to make a text read otherwise
    /// than it is stored (a name shown reversed in a list, a forged line in an export).
    #[error("{field:?} contains a control or direction-override character")]
    ForbiddenCharacter { field: Field },
    /// A name already on its list (a campaign's movements).
    #[error("{field:?} is already on the list")]
    NameTaken { field: Field },
}

/// Whether `text` holds a character no text field accepts: a control character other than
/// a tab or a line break (C0, DEL, C1), or a bidirectional embedding, override or isolate
/// (U+202A–U+202E, U+2066–U+2069).
pub fn has_forbidden_character(text: &str) -> bool {
    text.chars().any(|c| {
        (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    })
}

/// [`InputError::ForbiddenCharacter`] for `field` when `text` has such a character.
pub fn forbidden_character(field: Field, text: &str) -> Option<InputError> {
    has_forbidden_character(text).then_some(InputError::ForbiddenCharacter { field })
}

impl InputError {
    pub fn field(&self) -> Field {
        match self {
            InputError::HeadUnitOutsideBloc => Field::HeadUnit,
            InputError::DuplicateCode { .. } => Field::CriterionCode,
            InputError::NoScoredCriterion => Field::Criteria,
            InputError::Required { field }
            | InputError::Invalid { field }
            | InputError::TooShort { field, .. }
            | InputError::TooLong { field, .. }
            | InputError::OutOfRange { field, .. }
            | InputError::MinAboveMax { field, .. }
            | InputError::OutsideYear { field, .. }
            | InputError::Duplicate { field, .. }
            | InputError::DateOutside { field, .. }
            | InputError::NotAfter { field, .. }
            | InputError::YearTaken { field, .. }
            | InputError::NameTaken { field }
            | InputError::ForbiddenCharacter { field } => *field,
        }
    }
}

/// Trimmed, non-empty text of bounded length (counted in characters, not bytes).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RequiredText(String);

impl RequiredText {
    pub fn parse(field: Field, raw: &str, max: usize) -> Result<Self, InputError> {
        let text = raw.trim();
        if text.is_empty() {
            return Err(InputError::Required { field });
        }
        if text.chars().count() > max {
            return Err(InputError::TooLong { field, max });
        }
        // Checked on what was typed, not on the trimmed text: `trim` removes a few
        // control characters that are also white space (U+0085), and a text carrying one
        // is refused wherever it stands.
        if let Some(e) = forbidden_character(field, raw) {
            return Err(e);
        }
        Ok(RequiredText(text.to_string()))
    }

    /// A text as stored: it passed [`RequiredText::parse`] when it was typed, under the
    /// rules of that day; reading it back only needs it non-empty (a rule added since does
    /// not make stored records unreadable).
    pub fn stored(raw: &str) -> Option<Self> {
        let text = raw.trim();
        (!text.is_empty()).then(|| RequiredText(text.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for RequiredText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn text_fields_refuse_control_and_direction_override_characters() {
        for bad in [
            "Hộ ông\u{0}Tư",
            "Hộ ông \u{1b}[31mTư",
            "Hộ ông \u{7f}Tư",
            "Hộ ông \u{85}Tư",
            "\u{85}Hộ ông Tư",
            "Hộ ông Tư\u{85}",
            "Hộ ông \u{202E}ưT",
            "Hộ ông \u{2066}Tư\u{2069}",
        ] {
            assert_eq!(
                RequiredText::parse(Field::NomineeName, bad, 100),
                Err(InputError::ForbiddenCharacter {
                    field: Field::NomineeName
                }),
                "{bad:?}"
            );
        }
        // Tabs and line breaks are ordinary in a multi-line text.
        assert!(RequiredText::parse(Field::Achievements, "Dòng 1\r\nDòng 2\tcột", 100).is_ok());
    }

    proptest! {
        #[test]
        fn a_text_with_a_forbidden_character_is_never_accepted(
            before in "[a-zA-Zàáạảãđêệ ]{0,20}",
            bad in prop_oneof![
                (0u32..0x09).prop_map(|c| char::from_u32(c).unwrap()),
                (0x0Eu32..0x20).prop_map(|c| char::from_u32(c).unwrap()),
                (0x7Fu32..0xA0).prop_map(|c| char::from_u32(c).unwrap()),
                (0x202Au32..=0x202E).prop_map(|c| char::from_u32(c).unwrap()),
                (0x2066u32..=0x2069).prop_map(|c| char::from_u32(c).unwrap()),
            ],
            after in "[a-zA-Z0-9 ]{1,20}",
        ) {
            let text = format!("{before}{bad}{after}");
            prop_assert!(has_forbidden_character(&text));
            prop_assert!(RequiredText::parse(Field::Description, &text, 1000).is_err());
        }

        #[test]
        fn ordinary_text_has_no_forbidden_character(text in "[\\p{L}\\p{N}\\p{P} \t\n]{0,60}") {
            prop_assert!(!has_forbidden_character(&text));
        }
    }

    #[test]
    fn required_text_is_trimmed_and_bounded() {
        assert_eq!(
            RequiredText::parse(Field::NomineeName, "  Hộ ông Tư ", 20)
                .unwrap()
                .as_str(),
            "Hộ ông Tư"
        );
        assert_eq!(
            RequiredText::parse(Field::NomineeName, " \t", 20),
            Err(InputError::Required {
                field: Field::NomineeName
            })
        );
        // Counted in characters: Vietnamese letters are several bytes each.
        assert!(RequiredText::parse(Field::Reason, "ệệệ", 3).is_ok());
        assert_eq!(
            RequiredText::parse(Field::Reason, "ệệệệ", 3),
            Err(InputError::TooLong {
                field: Field::Reason,
                max: 3
            })
        );
    }

    proptest! {
        #[test]
        fn required_text_never_panics(s in ".*", max in 0usize..50) {
            if let Ok(t) = RequiredText::parse(Field::Description, &s, max) {
                prop_assert!(!t.as_str().is_empty());
                prop_assert!(t.as_str().chars().count() <= max);
            }
        }
    }
}
