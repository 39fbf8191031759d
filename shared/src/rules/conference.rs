//! E-1, E-2: the conferences where exemplars are introduced and honoured — each unit's annual
//! conference of civil servants (hội nghị cán bộ, công chức, viên chức), and the sector's
//! year-end conference (hội nghị tổng kết ngành), to which the Department's annual list
//! (E-2) goes. A conference is a dated record of who was introduced and honoured with what;
//! one per unit and year, one for the sector per year.

use super::{verdict, Violation, ViolationKind};
use crate::domain::{forbidden_character, Field, InputError};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

const RULE: &str = "E-2";

pub const MAX_CONFERENCE_TITLE_CHARS: usize = 300;
pub const MAX_HONOUR_CHARS: usize = 500;

/// Whose conference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "scope", rename_all = "snake_case")]
pub enum ConferenceScope {
    /// The unit's annual conference of civil servants (E-1).
    Unit { unit_id: i64 },
    /// The sector's year-end conference (E-2), held by the Department.
    Sector,
}

/// One exemplar introduced and honoured, and with what.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct HonourDraft {
    pub nomination_id: i64,
    /// What it was honoured with ("Giấy khen của Giám đốc Sở", "Biểu dương tại hội nghị").
    pub honour: String,
}

/// What is typed of a conference.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ConferenceDraft {
    pub held_on: Option<NaiveDate>,
    pub title: String,
    pub honours: Vec<HonourDraft>,
}

impl ConferenceDraft {
    /// As stored: texts trimmed.
    pub fn normalised(&self) -> ConferenceDraft {
        ConferenceDraft {
            held_on: self.held_on,
            title: self.title.trim().to_string(),
            honours: self
                .honours
                .iter()
                .map(|h| HonourDraft {
                    nomination_id: h.nomination_id,
                    honour: h.honour.trim().to_string(),
                })
                .collect(),
        }
    }
}

/// Checks a conference of `year`: its date within the year and not after `today`, its title,
/// at least one exemplar honoured, each once, each with what, each among `eligible` (the
/// nominations the conference may honour: the unit's exemplars, or the sector's).
pub fn check_conference(
    draft: &ConferenceDraft,
    year: i32,
    today: NaiveDate,
    eligible: &[i64],
) -> Result<(), Vec<Violation>> {
    let mut v = Vec::new();
    let input = |e: InputError| Violation::new(RULE, ViolationKind::Input(e));
    let d = draft.normalised();
    match d.held_on {
        None => v.push(input(InputError::Required {
            field: Field::ConferenceDate,
        })),
        Some(day) if day.year() != year => v.push(Violation::new(
            RULE,
            ViolationKind::ConferenceOutsideYear { year },
        )),
        Some(day) if day > today => v.push(Violation::new(RULE, ViolationKind::DateInFuture)),
        Some(_) => {}
    }
    if d.title.is_empty() {
        v.push(input(InputError::Required {
            field: Field::ConferenceTitle,
        }));
    } else if d.title.chars().count() > MAX_CONFERENCE_TITLE_CHARS {
        v.push(input(InputError::TooLong {
            field: Field::ConferenceTitle,
            max: MAX_CONFERENCE_TITLE_CHARS,
        }));
    }
    if let Some(e) = forbidden_character(Field::ConferenceTitle, &draft.title) {
        v.push(input(e));
    }
    if d.honours.is_empty() {
        v.push(Violation::new(RULE, ViolationKind::ConferenceNoHonours));
    }
    let mut seen = Vec::new();
    for h in &d.honours {
        if seen.contains(&h.nomination_id) {
            v.push(Violation::new(RULE, ViolationKind::ConferenceHonouredTwice));
            break;
        }
        seen.push(h.nomination_id);
    }
    if d.honours
        .iter()
        .any(|h| !eligible.contains(&h.nomination_id))
    {
        v.push(Violation::new(RULE, ViolationKind::ConferenceNotEligible));
    }
    if d.honours.iter().any(|h| h.honour.is_empty()) {
        v.push(input(InputError::Required {
            field: Field::Honour,
        }));
    }
    if d.honours
        .iter()
        .any(|h| h.honour.chars().count() > MAX_HONOUR_CHARS)
    {
        v.push(input(InputError::TooLong {
            field: Field::Honour,
            max: MAX_HONOUR_CHARS,
        }));
    }
    if draft
        .honours
        .iter()
        .any(|h| forbidden_character(Field::Honour, &h.honour).is_some())
    {
        v.push(input(InputError::ForbiddenCharacter {
            field: Field::Honour,
        }));
    }
    verdict(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn honour(id: i64, what: &str) -> HonourDraft {
        HonourDraft {
            nomination_id: id,
            honour: what.into(),
        }
    }

    fn draft(held_on: Option<NaiveDate>, honours: Vec<HonourDraft>) -> ConferenceDraft {
        ConferenceDraft {
            held_on,
            title: "Hội nghị tổng kết công tác năm 2026 của ngành".into(),
            honours,
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
    fn a_conference_is_dated_in_its_year_and_honours_someone_with_something() {
        let ok = draft(
            Some(d(10, 10)),
            vec![honour(1, "Giấy khen của Giám đốc Sở")],
        );
        assert!(check_conference(&ok, 2026, d(10, 15), &[1, 2]).is_ok());
        assert_eq!(
            kinds(check_conference(
                &draft(None, vec![honour(1, "x")]),
                2026,
                d(10, 15),
                &[1]
            )),
            vec![ViolationKind::Input(InputError::Required {
                field: Field::ConferenceDate
            })]
        );
        assert_eq!(
            kinds(check_conference(
                &draft(Some(d(10, 16)), vec![honour(1, "x")]),
                2026,
                d(10, 15),
                &[1]
            )),
            vec![ViolationKind::DateInFuture]
        );
        let last_year = NaiveDate::from_ymd_opt(2025, 12, 20).unwrap();
        assert_eq!(
            kinds(check_conference(
                &draft(Some(last_year), vec![honour(1, "x")]),
                2026,
                d(10, 15),
                &[1]
            )),
            vec![ViolationKind::ConferenceOutsideYear { year: 2026 }]
        );
        assert_eq!(
            kinds(check_conference(
                &draft(Some(d(1, 5)), vec![]),
                2026,
                d(10, 15),
                &[1]
            )),
            vec![ViolationKind::ConferenceNoHonours]
        );
    }

    #[test]
    fn each_exemplar_is_honoured_once_with_what_and_only_if_eligible() {
        let k = kinds(check_conference(
            &draft(
                Some(d(3, 1)),
                vec![
                    honour(1, "Biểu dương"),
                    honour(1, "Giấy khen"),
                    honour(9, "  "),
                ],
            ),
            2026,
            d(10, 15),
            &[1, 2],
        ));
        assert_eq!(
            k,
            vec![
                ViolationKind::ConferenceHonouredTwice,
                ViolationKind::ConferenceNotEligible,
                ViolationKind::Input(InputError::Required {
                    field: Field::Honour
                }),
            ]
        );
        let mut blank = draft(Some(d(3, 1)), vec![honour(1, "x")]);
        blank.title = "   ".into();
        assert_eq!(
            kinds(check_conference(&blank, 2026, d(10, 15), &[1])),
            vec![ViolationKind::Input(InputError::Required {
                field: Field::ConferenceTitle
            })]
        );
    }

    proptest! {
        /// An accepted conference is dated within its year, not after today, and honours
        /// eligible exemplars, each once, each with something.
        #[test]
        fn an_accepted_conference_keeps_its_rules(
            month in 1u32..=12,
            day in 1u32..=28,
            ids in proptest::collection::vec(0i64..6, 0..5),
            what in "[ a-z]{0,4}",
        ) {
            let held = d(month, day);
            let today = d(10, 15);
            let eligible = [1, 2, 3];
            let c = draft(Some(held), ids.iter().map(|id| honour(*id, &what)).collect());
            if check_conference(&c, 2026, today, &eligible).is_ok() {
                prop_assert!(held <= today);
                prop_assert!(!ids.is_empty());
                prop_assert!(ids.iter().all(|id| eligible.contains(id)));
                let mut unique = ids.clone();
                unique.sort_unstable();
                unique.dedup();
                prop_assert_eq!(unique.len(), ids.len());
                prop_assert!(!what.trim().is_empty());
            }
        }
    }
}
