//! D-3: the City's answer on each model the Department sent — accepted, commended (with
//! what), or returned (with a reason) — and a returned model corrected and sent again, which
//! then awaits a new answer. The office records both; each step is dated between the last
//! sending and today.

use super::{Violation, ViolationKind};
use crate::domain::{forbidden_character, Field, InputError};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

const RULE: &str = "D-3";

/// What the City answered on one model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CityOutcome {
    /// Registered as the City's model (tiếp nhận).
    Accepted,
    /// Commended by the City (with what).
    Commended,
    /// Returned to the Department (with the reason).
    Returned,
}

codes! {
    CityOutcome {
        Accepted => "accepted",
        Commended => "commended",
        Returned => "returned",
    }
}

/// The longest commendation or reason accepted.
pub const MAX_DETAIL_CHARS: usize = 2000;

/// What the office types of the City's answer.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CityAnswerDraft {
    pub outcome: Option<CityOutcome>,
    pub answered_on: Option<NaiveDate>,
    /// What the City commended it with, or why it returned it (required for those two).
    pub detail: String,
}

/// A checked answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CityAnswer {
    pub outcome: CityOutcome,
    pub answered_on: NaiveDate,
    pub detail: String,
}

/// Where a sent model stands: awaiting the City's answer since a day (the dispatch, or
/// the day it was sent again), or answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CityItemState {
    Awaiting { since: NaiveDate },
    Answered { outcome: CityOutcome, on: NaiveDate },
}

fn date_between(
    v: &mut Vec<Violation>,
    field: Field,
    date: Option<NaiveDate>,
    from: NaiveDate,
    to: NaiveDate,
) -> Option<NaiveDate> {
    match date {
        None => {
            v.push(Violation::new(
                RULE,
                ViolationKind::Input(InputError::Required { field }),
            ));
            None
        }
        Some(d) if d < from || d > to => {
            v.push(Violation::new(
                RULE,
                ViolationKind::Input(InputError::DateOutside { field, from, to }),
            ));
            None
        }
        Some(d) => Some(d),
    }
}

/// Checks an answer on a model in `state`: only an awaited model is answered, on a day
/// between its sending and `today`; a commendation or a return says what or why.
pub fn check_answer(
    draft: &CityAnswerDraft,
    state: CityItemState,
    today: NaiveDate,
) -> Result<CityAnswer, Vec<Violation>> {
    let mut v = Vec::new();
    let since = match state {
        CityItemState::Awaiting { since } => since,
        CityItemState::Answered { on, .. } => {
            v.push(Violation::new(RULE, ViolationKind::CityAlreadyAnswered));
            on
        }
    };
    if draft.outcome.is_none() {
        v.push(Violation::new(
            RULE,
            ViolationKind::Input(InputError::Required {
                field: Field::CityOutcome,
            }),
        ));
    }
    let answered_on = date_between(&mut v, Field::AnsweredOn, draft.answered_on, since, today);
    let detail = draft.detail.trim().to_string();
    let needs_detail = matches!(
        draft.outcome,
        Some(CityOutcome::Commended | CityOutcome::Returned)
    );
    if needs_detail && detail.is_empty() {
        v.push(Violation::new(
            RULE,
            ViolationKind::Input(InputError::Required {
                field: Field::CityDetail,
            }),
        ));
    }
    if detail.chars().count() > MAX_DETAIL_CHARS {
        v.push(Violation::new(
            RULE,
            ViolationKind::Input(InputError::TooLong {
                field: Field::CityDetail,
                max: MAX_DETAIL_CHARS,
            }),
        ));
    }
    if let Some(e) = forbidden_character(Field::CityDetail, &draft.detail) {
        v.push(Violation::new(RULE, ViolationKind::Input(e)));
    }
    match (v.is_empty(), draft.outcome, answered_on) {
        (true, Some(outcome), Some(answered_on)) => Ok(CityAnswer {
            outcome,
            answered_on,
            detail,
        }),
        _ => Err(v),
    }
}

/// Checks sending a model again: only a returned one, on a day between the return and
/// `today`.
pub fn check_resend(
    sent_on: Option<NaiveDate>,
    state: CityItemState,
    today: NaiveDate,
) -> Result<NaiveDate, Vec<Violation>> {
    let mut v = Vec::new();
    let from = match state {
        CityItemState::Answered {
            outcome: CityOutcome::Returned,
            on,
        } => on,
        CityItemState::Answered { on, .. } => {
            v.push(Violation::new(RULE, ViolationKind::CityNotReturned));
            on
        }
        CityItemState::Awaiting { since } => {
            v.push(Violation::new(RULE, ViolationKind::CityNotReturned));
            since
        }
    };
    let date = date_between(&mut v, Field::SentOn, sent_on, from, today);
    match (v.is_empty(), date) {
        (true, Some(d)) => Ok(d),
        _ => Err(v),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn kinds(r: Result<impl std::fmt::Debug, Vec<Violation>>) -> Vec<ViolationKind> {
        r.unwrap_err().into_iter().map(|v| v.kind).collect()
    }

    #[test]
    fn an_awaited_model_is_answered_once_and_a_return_says_why() {
        let awaiting = CityItemState::Awaiting { since: d(11, 20) };
        let draft = |outcome, day, detail: &str| CityAnswerDraft {
            outcome: Some(outcome),
            answered_on: Some(day),
            detail: detail.into(),
        };
        let ok = check_answer(
            &draft(CityOutcome::Accepted, d(12, 1), ""),
            awaiting,
            d(12, 2),
        );
        assert_eq!(ok.unwrap().outcome, CityOutcome::Accepted);
        assert_eq!(
            kinds(check_answer(
                &draft(CityOutcome::Returned, d(12, 1), " "),
                awaiting,
                d(12, 2)
            )),
            vec![ViolationKind::Input(InputError::Required {
                field: Field::CityDetail
            })]
        );
        assert!(check_answer(
            &draft(CityOutcome::Accepted, d(11, 19), ""),
            awaiting,
            d(12, 2)
        )
        .is_err());
        assert!(check_answer(
            &draft(CityOutcome::Accepted, d(12, 3), ""),
            awaiting,
            d(12, 2)
        )
        .is_err());
        let answered = CityItemState::Answered {
            outcome: CityOutcome::Accepted,
            on: d(12, 1),
        };
        assert!(kinds(check_answer(
            &draft(CityOutcome::Accepted, d(12, 2), ""),
            answered,
            d(12, 2)
        ))
        .contains(&ViolationKind::CityAlreadyAnswered));
    }

    #[test]
    fn only_a_returned_model_is_sent_again() {
        let returned = CityItemState::Answered {
            outcome: CityOutcome::Returned,
            on: d(12, 1),
        };
        assert_eq!(
            check_resend(Some(d(12, 2)), returned, d(12, 2)),
            Ok(d(12, 2))
        );
        assert!(check_resend(Some(d(11, 30)), returned, d(12, 2)).is_err());
        let accepted = CityItemState::Answered {
            outcome: CityOutcome::Accepted,
            on: d(12, 1),
        };
        assert_eq!(
            kinds(check_resend(Some(d(12, 2)), accepted, d(12, 2))),
            vec![ViolationKind::CityNotReturned]
        );
    }

    proptest! {
        /// An accepted answer is always dated within its window and said of an awaited model.
        #[test]
        fn accepted_answers_fall_in_their_window(since in 0i64..30, offset in -40i64..40, awaited in any::<bool>()) {
            let today = d(12, 15);
            let since_day = today - chrono::Duration::days(since);
            let state = if awaited {
                CityItemState::Awaiting { since: since_day }
            } else {
                CityItemState::Answered { outcome: CityOutcome::Returned, on: since_day }
            };
            let draft = CityAnswerDraft {
                outcome: Some(CityOutcome::Commended),
                answered_on: Some(today + chrono::Duration::days(offset)),
                detail: "Bằng khen".into(),
            };
            if let Ok(a) = check_answer(&draft, state, today) {
                prop_assert!(awaited);
                prop_assert!(a.answered_on >= since_day && a.answered_on <= today);
            }
            if let Ok(day) = check_resend(Some(today + chrono::Duration::days(offset)), state, today) {
                prop_assert!(!awaited);
                prop_assert!(day >= since_day && day <= today);
            }
        }
    }
}
