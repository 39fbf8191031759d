//! Honouring exemplars (P-1, S-3): a unit proposes a commendation for its exemplar — the
//! form, the title if any, the achievements, the attached achievement report, and its own
//! council's decision (date, members present, result) — and the Department's office takes
//! it to a decision: granted (number, date, signer, form granted) or declined with a reason.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The forms of commendation a proposal asks for (and a decision grants).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommendationForm {
    /// Giấy khen của Giám đốc Sở.
    DirectorCertificate,
    /// Bằng khen của Ủy ban nhân dân Thành phố.
    CityMerit,
    /// Chiến sĩ thi đua cấp Thành phố.
    CityEmulationFighter,
    /// Cờ thi đua của Ủy ban nhân dân Thành phố.
    CityEmulationFlag,
    /// A higher form (Bằng khen of the Prime Minister, an order, a national title).
    Higher,
}

codes! {
    CommendationForm {
        DirectorCertificate => "director_certificate",
        CityMerit => "city_merit",
        CityEmulationFighter => "city_emulation_fighter",
        CityEmulationFlag => "city_emulation_flag",
        Higher => "higher",
    }
}

impl CommendationForm {
    /// Its place in [`CommendationForm::ALL`].
    pub fn index(self) -> usize {
        Self::ALL.iter().position(|f| *f == self).unwrap_or(0)
    }
}

/// The longest title, signer or decision number accepted.
pub const MAX_SHORT_CHARS: usize = 200;
/// The longest achievements summary, council result or reason accepted.
pub const MAX_LONG_CHARS: usize = 4000;
/// The most members a council meeting can have had present.
pub const MAX_PRESENT: u32 = 200;

/// What a unit fills in to propose a commendation.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ProposalDraft {
    pub form: Option<CommendationForm>,
    /// The title proposed with it, if any (e.g. "Tập thể lao động xuất sắc").
    pub title: String,
    pub achievements: String,
    /// The dossier's achievement report (a document of the nomination's).
    pub report_document_id: Option<i64>,
    /// The unit's council of emulation and commendation: when it met, how many members
    /// were present, what it decided.
    pub council_date: Option<NaiveDate>,
    pub council_present: u32,
    pub council_result: String,
}

/// What the office records of its decision on a proposal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum DecisionDraft {
    Granted {
        number: String,
        date: Option<NaiveDate>,
        signer: String,
        form: Option<CommendationForm>,
    },
    Declined {
        reason: String,
    },
}

/// A decision as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Decision {
    Granted {
        number: String,
        date: NaiveDate,
        signer: String,
        form: CommendationForm,
    },
    Declined {
        reason: String,
    },
}

/// A proposal as checked and stored: texts trimmed, every required value present.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proposal {
    pub form: CommendationForm,
    pub title: String,
    pub achievements: String,
    pub report_document_id: i64,
    pub council_date: NaiveDate,
    pub council_present: u32,
    pub council_result: String,
}

/// Two decision numbers are the same when they differ only in case and spacing
/// ("12/QĐ-UBND" and "12 / qđ-ubnd").
pub fn decision_number_key(number: &str) -> String {
    number
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_numbers_compare_loosely() {
        for f in CommendationForm::ALL {
            assert_eq!(CommendationForm::from_code(f.code()), Some(f));
            assert_eq!(CommendationForm::ALL[f.index()], f);
        }
        assert_eq!(
            decision_number_key("12/QĐ-UBND"),
            decision_number_key(" 12 / qđ-ubnd ")
        );
        assert_ne!(
            decision_number_key("12/QĐ-UBND"),
            decision_number_key("13/QĐ-UBND")
        );
    }
}
