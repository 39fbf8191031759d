//! S-3: what a commendation proposal and the office's decision on it must be. The browser
//! checks the form as it is filled; the server checks the same on the stored records (the
//! dossier's report, a proposal still awaiting its decision, the numbers already used).

use super::{Violation, ViolationKind};
use crate::domain::commendation::{
    Decision, DecisionDraft, Proposal, ProposalDraft, MAX_LONG_CHARS, MAX_PRESENT, MAX_SHORT_CHARS,
};
use crate::domain::{forbidden_character, Field, InputError, Stage};
use chrono::NaiveDate;

/// The plan's clause: units commend their exemplars or propose a higher commendation.
pub const RULE: &str = "S-3";

fn input(e: InputError) -> Violation {
    Violation::new(RULE, ViolationKind::Input(e))
}

/// What the dossier holds for the report a proposal names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportState {
    /// None was chosen, or it is not one of this nomination's documents.
    Missing,
    /// One of the dossier's documents, but not an achievement report.
    NotAReport,
    /// It was removed from the dossier.
    Removed,
    Attached,
}

/// What a proposal is checked against besides itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProposalFacts {
    pub today: NaiveDate,
    /// Where the nomination stands: a proposal is for an exemplar registered with the
    /// Department (not one only discovered, nor dropped).
    pub stage: Stage,
    pub report: ReportState,
    /// Another proposal of the nomination still awaits the office's decision.
    pub pending: bool,
}

/// A required text of at most `max` characters, trimmed; its problems pushed to `v`.
fn text(v: &mut Vec<Violation>, field: Field, raw: &str, max: usize, required: bool) -> String {
    let trimmed = raw.trim();
    if required && trimmed.is_empty() {
        v.push(input(InputError::Required { field }));
    } else if trimmed.chars().count() > max {
        v.push(input(InputError::TooLong { field, max }));
    }
    if let Some(e) = forbidden_character(field, raw) {
        v.push(input(e));
    }
    trimmed.to_string()
}

/// A date that must be given and not be after `today`.
fn past_date(
    v: &mut Vec<Violation>,
    field: Field,
    date: Option<NaiveDate>,
    not_before: NaiveDate,
    today: NaiveDate,
) -> Option<NaiveDate> {
    match date {
        None => {
            v.push(input(InputError::Required { field }));
            None
        }
        Some(d) if d > today || d < not_before => {
            v.push(input(InputError::DateOutside {
                field,
                from: not_before,
                to: today,
            }));
            None
        }
        Some(d) => Some(d),
    }
}

/// The earliest date a council meeting or decision may carry (a typo such as 0202 caught).
fn earliest(today: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(chrono::Datelike::year(&today) - 5, 1, 1).unwrap_or(today)
}

/// Whether an exemplar at `stage` may be proposed for a commendation: registered with the
/// Department and not dropped.
pub fn proposal_open(stage: Stage) -> bool {
    !matches!(stage, Stage::Discovered | Stage::Dropped)
}

/// Checks a proposal: every problem at once, or the proposal as it is stored.
pub fn check_proposal(
    draft: &ProposalDraft,
    facts: ProposalFacts,
) -> Result<Proposal, Vec<Violation>> {
    let mut v = Vec::new();
    if !proposal_open(facts.stage) {
        v.push(Violation::new(RULE, ViolationKind::CommendationNotOpen));
    }
    if facts.pending {
        v.push(Violation::new(RULE, ViolationKind::CommendationPending));
    }
    if draft.form.is_none() {
        v.push(input(InputError::Required {
            field: Field::CommendationForm,
        }));
    }
    let title = text(
        &mut v,
        Field::CommendationTitle,
        &draft.title,
        MAX_SHORT_CHARS,
        false,
    );
    let achievements = text(
        &mut v,
        Field::AchievementsSummary,
        &draft.achievements,
        MAX_LONG_CHARS,
        true,
    );
    match facts.report {
        ReportState::Attached => {}
        ReportState::Missing => v.push(input(InputError::Required {
            field: Field::AchievementReport,
        })),
        ReportState::NotAReport | ReportState::Removed => {
            v.push(Violation::new(RULE, ViolationKind::ReportNotUsable))
        }
    }
    let council_date = past_date(
        &mut v,
        Field::CouncilDate,
        draft.council_date,
        earliest(facts.today),
        facts.today,
    );
    if draft.council_present == 0 || draft.council_present > MAX_PRESENT {
        v.push(input(InputError::OutOfRange {
            field: Field::CouncilPresent,
            min: 1,
            max: i64::from(MAX_PRESENT),
        }));
    }
    let council_result = text(
        &mut v,
        Field::CouncilResult,
        &draft.council_result,
        MAX_LONG_CHARS,
        true,
    );
    match (
        v.is_empty(),
        draft.form,
        draft.report_document_id,
        council_date,
    ) {
        (true, Some(form), Some(report), Some(council_date)) => Ok(Proposal {
            form,
            title,
            achievements,
            report_document_id: report,
            council_date,
            council_present: draft.council_present,
            council_result,
        }),
        _ => Err(v),
    }
}

/// What a decision is checked against besides itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecisionFacts {
    pub today: NaiveDate,
    /// The day the proposal was made: a decision cannot be dated before it.
    pub proposed_on: NaiveDate,
    /// The number is already another decision's.
    pub number_taken: bool,
}

/// Checks the office's decision: every problem at once, or the decision as it is stored.
pub fn check_decision(
    draft: &DecisionDraft,
    facts: DecisionFacts,
) -> Result<Decision, Vec<Violation>> {
    let mut v = Vec::new();
    match draft {
        DecisionDraft::Declined { reason } => {
            let reason = text(&mut v, Field::Reason, reason, MAX_LONG_CHARS, true);
            if v.is_empty() {
                Ok(Decision::Declined { reason })
            } else {
                Err(v)
            }
        }
        DecisionDraft::Granted {
            number,
            date,
            signer,
            form,
        } => {
            let number = text(&mut v, Field::DecisionNumber, number, MAX_SHORT_CHARS, true);
            if facts.number_taken && !number.is_empty() {
                v.push(Violation::new(
                    RULE,
                    ViolationKind::DecisionNumberTaken {
                        number: number.clone(),
                    },
                ));
            }
            let date = match date {
                Some(d) if *d < facts.proposed_on => {
                    v.push(Violation::new(
                        RULE,
                        ViolationKind::DecisionBeforeProposal {
                            proposed_on: facts.proposed_on,
                        },
                    ));
                    None
                }
                _ => past_date(
                    &mut v,
                    Field::DecisionDate,
                    *date,
                    facts.proposed_on,
                    facts.today,
                ),
            };
            let signer = text(&mut v, Field::DecisionSigner, signer, MAX_SHORT_CHARS, true);
            if form.is_none() {
                v.push(input(InputError::Required {
                    field: Field::GrantedForm,
                }));
            }
            match (v.is_empty(), date, form) {
                (true, Some(date), Some(form)) => Ok(Decision::Granted {
                    number,
                    date,
                    signer,
                    form: *form,
                }),
                _ => Err(v),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::commendation::CommendationForm;
    use proptest::prelude::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn draft() -> ProposalDraft {
        ProposalDraft {
            form: Some(CommendationForm::CityMerit),
            title: " Tập thể lao động xuất sắc ".into(),
            achievements: "Vượt 20% chỉ tiêu".into(),
            report_document_id: Some(7),
            council_date: Some(day(10, 1)),
            council_present: 9,
            council_result: "Nhất trí 9/9".into(),
        }
    }

    fn facts() -> ProposalFacts {
        ProposalFacts {
            today: day(10, 15),
            stage: Stage::Replicated,
            report: ReportState::Attached,
            pending: false,
        }
    }

    fn kinds(v: Vec<Violation>) -> Vec<ViolationKind> {
        v.into_iter().map(|v| v.kind).collect()
    }

    #[test]
    fn a_complete_proposal_is_stored_trimmed() {
        let p = check_proposal(&draft(), facts()).unwrap();
        assert_eq!(p.title, "Tập thể lao động xuất sắc");
        assert_eq!(p.report_document_id, 7);
    }

    #[test]
    fn every_problem_of_a_proposal_is_named_at_once() {
        let bad = ProposalDraft {
            form: None,
            achievements: " ".into(),
            report_document_id: None,
            council_date: Some(day(10, 16)),
            council_present: 0,
            council_result: String::new(),
            ..draft()
        };
        let v = kinds(
            check_proposal(
                &bad,
                ProposalFacts {
                    report: ReportState::Missing,
                    pending: true,
                    ..facts()
                },
            )
            .unwrap_err(),
        );
        assert!(v.contains(&ViolationKind::CommendationPending));
        let fields: Vec<Field> = v
            .iter()
            .filter_map(|k| match k {
                ViolationKind::Input(e) => Some(e.field()),
                _ => None,
            })
            .collect();
        for f in [
            Field::CommendationForm,
            Field::AchievementsSummary,
            Field::AchievementReport,
            Field::CouncilDate,
            Field::CouncilPresent,
            Field::CouncilResult,
        ] {
            assert!(fields.contains(&f), "{f:?} in {v:?}");
        }
        let removed = ProposalFacts {
            report: ReportState::Removed,
            ..facts()
        };
        assert_eq!(
            kinds(check_proposal(&draft(), removed).unwrap_err()),
            vec![ViolationKind::ReportNotUsable]
        );
        let discovered = ProposalFacts {
            stage: Stage::Discovered,
            ..facts()
        };
        assert_eq!(
            kinds(check_proposal(&draft(), discovered).unwrap_err()),
            vec![ViolationKind::CommendationNotOpen]
        );
    }

    #[test]
    fn a_decision_is_not_dated_before_its_proposal_nor_numbered_twice() {
        let facts = DecisionFacts {
            today: day(10, 15),
            proposed_on: day(10, 5),
            number_taken: false,
        };
        let grant = |number: &str, date| DecisionDraft::Granted {
            number: number.into(),
            date: Some(date),
            signer: "Nguyễn Văn A".into(),
            form: Some(CommendationForm::CityMerit),
        };
        assert!(check_decision(&grant("12/QĐ-UBND", day(10, 5)), facts).is_ok());
        assert_eq!(
            kinds(check_decision(&grant("12/QĐ-UBND", day(10, 4)), facts).unwrap_err()),
            vec![ViolationKind::DecisionBeforeProposal {
                proposed_on: day(10, 5)
            }]
        );
        let taken = DecisionFacts {
            number_taken: true,
            ..facts
        };
        assert_eq!(
            kinds(check_decision(&grant("12/QĐ-UBND", day(10, 6)), taken).unwrap_err()),
            vec![ViolationKind::DecisionNumberTaken {
                number: "12/QĐ-UBND".into()
            }]
        );
        assert!(
            check_decision(&grant("12", day(10, 16)), facts).is_err(),
            "future"
        );
        let declined = DecisionDraft::Declined { reason: " ".into() };
        assert!(check_decision(&declined, facts).is_err());
    }

    proptest! {
        /// A granted decision is never dated before its proposal nor after today, and never
        /// carries a number already used.
        #[test]
        fn accepted_decisions_keep_their_dates_and_numbers(
            offset in -40i64..40, proposed in 0i64..30, taken in any::<bool>(),
        ) {
            let today = day(10, 15);
            let proposed_on = today - chrono::Duration::days(proposed);
            let date = today + chrono::Duration::days(offset);
            let draft = DecisionDraft::Granted {
                number: "1/QĐ".into(),
                date: Some(date),
                signer: "A".into(),
                form: Some(CommendationForm::Higher),
            };
            let facts = DecisionFacts { today, proposed_on, number_taken: taken };
            if let Ok(Decision::Granted { date, .. }) = check_decision(&draft, facts) {
                prop_assert!(date >= proposed_on && date <= today);
                prop_assert!(!taken);
            }
        }

        /// An accepted proposal always names its report and a council that met by today.
        #[test]
        fn accepted_proposals_are_complete(present in 0u32..300, back in -3i64..4000) {
            let today = day(10, 15);
            let d = ProposalDraft {
                council_present: present,
                council_date: Some(today - chrono::Duration::days(back)),
                ..draft()
            };
            if let Ok(p) = check_proposal(&d, ProposalFacts { today, ..facts() }) {
                prop_assert!(p.council_date <= today);
                prop_assert!((1..=MAX_PRESENT).contains(&p.council_present));
            }
        }
    }
}
