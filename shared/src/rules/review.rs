//! D-2: a bloc head's preliminary review of the bloc's exemplars, sent to the Department by
//! the end of the third quarter. A draft can be saved incomplete; a submitted review has an
//! overall assessment and a comment on each exemplar, and is final.

use crate::domain::{Field, InputError};
use crate::rules::{verdict, Violation, ViolationKind};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const MAX_ASSESSMENT_CHARS: usize = 4000;
pub const MAX_REVIEW_COMMENT_CHARS: usize = 2000;

/// What the bloc head types.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewDraft {
    pub assessment: String,
    /// A comment per exemplar (nomination id); empty comments are not kept.
    pub comments: BTreeMap<i64, String>,
}

impl ReviewDraft {
    /// The draft as stored: texts trimmed, empty comments dropped.
    pub fn normalised(&self) -> ReviewDraft {
        ReviewDraft {
            assessment: self.assessment.trim().to_string(),
            comments: self
                .comments
                .iter()
                .map(|(id, c)| (*id, c.trim().to_string()))
                .filter(|(_, c)| !c.is_empty())
                .collect(),
        }
    }
}

/// A submitted review is final.
pub fn review_open(submitted: bool) -> Result<(), Violation> {
    if submitted {
        Err(Violation::new("D-2", ViolationKind::ReviewSubmitted))
    } else {
        Ok(())
    }
}

/// Checks a review against the bloc's exemplars (id and name): lengths always, and when
/// `submit`, an assessment and a comment on every exemplar.
pub fn check_review(
    draft: &ReviewDraft,
    exemplars: &[(i64, String)],
    submitted: bool,
    submit: bool,
) -> Result<(), Vec<Violation>> {
    let mut v = Vec::new();
    let input = |e: InputError| Violation::new("D-2", ViolationKind::Input(e));
    if let Err(e) = review_open(submitted) {
        v.push(e);
    }
    let draft = draft.normalised();
    if draft.assessment.chars().count() > MAX_ASSESSMENT_CHARS {
        v.push(input(InputError::TooLong {
            field: Field::Assessment,
            max: MAX_ASSESSMENT_CHARS,
        }));
    }
    if draft
        .comments
        .values()
        .any(|c| c.chars().count() > MAX_REVIEW_COMMENT_CHARS)
    {
        v.push(input(InputError::TooLong {
            field: Field::Comment,
            max: MAX_REVIEW_COMMENT_CHARS,
        }));
    }
    if draft
        .comments
        .keys()
        .any(|id| !exemplars.iter().any(|(e, _)| e == id))
    {
        v.push(Violation::new("D-2", ViolationKind::ReviewNotInBloc));
    }
    if submit {
        if draft.assessment.is_empty() {
            v.push(input(InputError::Required {
                field: Field::Assessment,
            }));
        }
        let missing: Vec<String> = exemplars
            .iter()
            .filter(|(id, _)| !draft.comments.contains_key(id))
            .map(|(_, name)| name.clone())
            .collect();
        if !missing.is_empty() {
            v.push(Violation::new(
                "D-2",
                ViolationKind::ReviewIncomplete { missing },
            ));
        }
    }
    verdict(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn exemplars() -> Vec<(i64, String)> {
        vec![(1, "HTX Tiến Thắng".into()), (2, "Nguyễn Thị Hằng".into())]
    }

    fn draft(assessment: &str, comments: &[(i64, &str)]) -> ReviewDraft {
        ReviewDraft {
            assessment: assessment.into(),
            comments: comments.iter().map(|(i, c)| (*i, c.to_string())).collect(),
        }
    }

    fn kinds(r: Result<(), Vec<Violation>>) -> Vec<ViolationKind> {
        r.err()
            .unwrap_or_default()
            .into_iter()
            .map(|v| v.kind)
            .collect()
    }

    #[test]
    fn a_draft_may_be_incomplete_but_a_submission_may_not() {
        let d = draft("", &[(1, "Tốt")]);
        assert!(check_review(&d, &exemplars(), false, false).is_ok());
        let k = kinds(check_review(&d, &exemplars(), false, true));
        assert!(k.contains(&ViolationKind::Input(InputError::Required {
            field: Field::Assessment
        })));
        assert!(k.contains(&ViolationKind::ReviewIncomplete {
            missing: vec!["Nguyễn Thị Hằng".into()]
        }));
        let full = draft("Khối hoàn thành tốt", &[(1, "Tốt"), (2, "  Xuất sắc ")]);
        assert!(check_review(&full, &exemplars(), false, true).is_ok());
    }

    #[test]
    fn blank_comments_do_not_count() {
        let d = draft("Đạt", &[(1, "Tốt"), (2, "   ")]);
        assert_eq!(
            kinds(check_review(&d, &exemplars(), false, true)),
            vec![ViolationKind::ReviewIncomplete {
                missing: vec!["Nguyễn Thị Hằng".into()]
            }]
        );
    }

    #[test]
    fn a_submitted_review_is_final() {
        let full = draft("Khối hoàn thành tốt", &[(1, "Tốt"), (2, "Tốt")]);
        assert_eq!(
            kinds(check_review(&full, &exemplars(), true, true)),
            vec![ViolationKind::ReviewSubmitted]
        );
        assert_eq!(
            kinds(check_review(&full, &exemplars(), true, false)),
            vec![ViolationKind::ReviewSubmitted]
        );
    }

    #[test]
    fn comments_stay_on_the_blocs_exemplars() {
        let d = draft("Đạt", &[(9, "Tốt")]);
        assert_eq!(
            kinds(check_review(&d, &exemplars(), false, false)),
            vec![ViolationKind::ReviewNotInBloc]
        );
    }

    #[test]
    fn lengths_are_bounded() {
        let long = "a".repeat(MAX_ASSESSMENT_CHARS + 1);
        let d = draft(&long, &[(1, &"b".repeat(MAX_REVIEW_COMMENT_CHARS + 1))]);
        let k = kinds(check_review(&d, &exemplars(), false, false));
        assert_eq!(k.len(), 2);
    }

    proptest! {
        /// A review with an assessment and a comment on every exemplar is always
        /// accepted once, and never after it is submitted.
        #[test]
        fn complete_reviews_pass_until_submitted(
            n in 0usize..6,
            text in "[a-zà-ỹ ]{1,40}",
        ) {
            let ex: Vec<(i64, String)> = (0..n as i64).map(|i| (i, format!("M{i}"))).collect();
            let assessment = format!("x{text}");
            let d = ReviewDraft {
                assessment,
                comments: ex.iter().map(|(i, _)| (*i, format!("c{text}"))).collect(),
            };
            prop_assert!(check_review(&d, &ex, false, true).is_ok());
            prop_assert!(check_review(&d, &ex, true, true).is_err());
        }
    }
}
