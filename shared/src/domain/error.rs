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
    /// The year already belongs to another campaign.
    #[error("{field:?}: the year {year} belongs to another campaign")]
    YearTaken { field: Field, year: i32 },
    /// A criterion code typed twice in one kind's list.
    #[error("the criterion code {code} is listed twice")]
    DuplicateCode { code: String },
    /// A kind's list has no criterion the council can score.
    #[error("no scored criterion")]
    NoScoredCriterion,
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
            | InputError::OutsideYear { field, .. }
            | InputError::Duplicate { field, .. }
            | InputError::DateOutside { field, .. }
            | InputError::NotAfter { field, .. }
            | InputError::YearTaken { field, .. } => *field,
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
        Ok(RequiredText(text.to_string()))
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
