//! E-1: a unit's periodic report for the plan at each checkpoint (6 months, 9 months, the
//! year). Per exemplar: its evaluation for the period, its achievements, and what was done
//! to foster, publicise and replicate it; then the unit's own assessment of its work of
//! discovering, fostering and replicating. It is drafted from the records already kept
//! ([`draft_report`]), edited, saved as a draft as often as needed, and sent once. The
//! Department office compiles its own report for the period from the units' sent reports.

use super::{verdict, Violation, ViolationKind};
use crate::domain::{
    forbidden_character, Activity, ActivityStatus, Evaluation, EvaluationPeriod, Field, InputError,
    Replication,
};
use crate::i18n::{
    activity_kind_name, fill, format_date, format_int, rating_name, report_period_name, t, Lang,
    Msg,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

const RULE: &str = "E-1";

/// The longest assessment (the unit's or the Department's).
pub const MAX_REPORT_ASSESSMENT_CHARS: usize = 8000;
/// The longest text of one part of an exemplar's entry.
pub const MAX_REPORT_ENTRY_CHARS: usize = 4000;

/// What the report says of one exemplar.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReportEntry {
    /// The period's evaluation (rating, by whom, when).
    pub evaluation: String,
    /// The summary of its achievements.
    pub achievements: String,
    /// What was done to foster it (bồi dưỡng).
    pub fostering: String,
    /// What was done to make it known (tuyên truyền).
    pub publicity: String,
    /// Where and how it was replicated (nhân rộng).
    pub replication: String,
}

impl ReportEntry {
    fn normalised(&self) -> ReportEntry {
        ReportEntry {
            evaluation: self.evaluation.trim().to_string(),
            achievements: self.achievements.trim().to_string(),
            fostering: self.fostering.trim().to_string(),
            publicity: self.publicity.trim().to_string(),
            replication: self.replication.trim().to_string(),
        }
    }

    /// Each part with its field, in the report's order.
    pub fn parts(&self) -> [(Field, &str); 5] {
        [
            (Field::ReportEvaluation, &self.evaluation),
            (Field::AchievementsSummary, &self.achievements),
            (Field::ReportFostering, &self.fostering),
            (Field::ReportPublicity, &self.publicity),
            (Field::ReportReplication, &self.replication),
        ]
    }

    pub fn is_empty(&self) -> bool {
        self.parts().iter().all(|(_, text)| text.trim().is_empty())
    }
}

/// What a unit types: its assessment and an entry per exemplar (nomination id).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct UnitReportDraft {
    pub assessment: String,
    pub entries: BTreeMap<i64, ReportEntry>,
}

impl UnitReportDraft {
    /// The draft as stored: texts trimmed, empty entries dropped.
    pub fn normalised(&self) -> UnitReportDraft {
        UnitReportDraft {
            assessment: self.assessment.trim().to_string(),
            entries: self
                .entries
                .iter()
                .map(|(id, e)| (*id, e.normalised()))
                .filter(|(_, e)| !e.is_empty())
                .collect(),
        }
    }
}

/// What the records hold of one exemplar up to the period's checkpoint, from which its
/// entry is drafted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExemplarRecord {
    pub id: i64,
    pub name: String,
    /// The nomination's own description of what it did (used when nothing was evaluated).
    pub description: String,
    /// Its evaluation of the period, if filed.
    pub evaluation: Option<Evaluation>,
    /// Its fostering plan's activities.
    pub activities: Vec<Activity>,
    /// Where it was replicated.
    pub replications: Vec<Replication>,
}

/// The entry for one exemplar as the records tell it for `period`, whose checkpoint is
/// `until`: activities and replications dated after it are not yet the period's.
pub fn draft_entry(lang: Lang, record: &ExemplarRecord, until: NaiveDate) -> ReportEntry {
    let evaluation = match &record.evaluation {
        Some(e) => fill(
            lang,
            Msg::ReportEvaluated,
            &[
                ("rating", &rating_name(lang, e.rating)),
                ("date", &format_date(e.date)),
                ("by", &e.evaluator),
            ],
        ),
        None => t(lang, Msg::ReportNotEvaluated).to_string(),
    };
    let achievements = match &record.evaluation {
        Some(e) => e.achievements.trim().to_string(),
        None => record.description.trim().to_string(),
    };
    let of_kind = |kind| {
        record
            .activities
            .iter()
            .filter(|a| a.kind == kind && a.status != ActivityStatus::Cancelled)
            .filter(|a| a.date.is_none_or(|d| d <= until))
            .map(|a| {
                let mut line = a.title.as_str().to_string();
                if let Some(d) = a.date {
                    line.push_str(&format!(" ({})", format_date(d)));
                }
                if a.status == ActivityStatus::Planned {
                    line.push_str(&format!(" — {}", t(lang, Msg::ReportPlanned)));
                }
                if !a.outcome.trim().is_empty() {
                    line.push_str(&format!(": {}", a.outcome.trim()));
                }
                line
            })
            .collect::<Vec<_>>()
    };
    use crate::domain::ActivityKind;
    let mut replication = of_kind(ActivityKind::Replication);
    replication.extend(
        record
            .replications
            .iter()
            .filter(|r| r.date <= until)
            .map(|r| {
                let mut line = fill(
                    lang,
                    Msg::ReportReplicatedAt,
                    &[("adopter", &r.adopter), ("date", &format_date(r.date))],
                );
                if !r.result.trim().is_empty() {
                    line.push_str(&format!(": {}", r.result.trim()));
                }
                line
            }),
    );
    let none = |lines: Vec<String>, kind| {
        if lines.is_empty() {
            fill(
                lang,
                Msg::ReportNothingRecorded,
                &[("what", &activity_kind_name(lang, kind).to_lowercase())],
            )
        } else {
            lines.join("\n")
        }
    };
    ReportEntry {
        evaluation,
        achievements,
        fostering: none(of_kind(ActivityKind::Fostering), ActivityKind::Fostering),
        publicity: none(of_kind(ActivityKind::Publicity), ActivityKind::Publicity),
        replication: none(replication, ActivityKind::Replication),
    }
}

/// The whole report as the records tell it: an entry per exemplar, and an assessment
/// opening with the unit's figures for the period, for the unit to complete.
pub fn draft_report(
    lang: Lang,
    period: EvaluationPeriod,
    records: &[ExemplarRecord],
    until: NaiveDate,
) -> UnitReportDraft {
    let evaluated = records.iter().filter(|r| r.evaluation.is_some()).count();
    let passing = records
        .iter()
        .filter(|r| r.evaluation.as_ref().is_some_and(|e| e.rating.is_passing()))
        .count();
    let replicated = records
        .iter()
        .map(|r| r.replications.iter().filter(|x| x.date <= until).count())
        .sum::<usize>();
    let assessment = fill(
        lang,
        Msg::ReportDraftAssessment,
        &[
            ("period", &report_period_name(lang, period)),
            ("total", &format_int(records.len() as i64)),
            ("evaluated", &format_int(evaluated as i64)),
            ("passing", &format_int(passing as i64)),
            ("replicated", &format_int(replicated as i64)),
        ],
    );
    UnitReportDraft {
        assessment,
        entries: records
            .iter()
            .map(|r| (r.id, draft_entry(lang, r, until)))
            .collect(),
    }
}

/// A sent report is final.
pub fn report_open(sent: bool) -> Result<(), Violation> {
    if sent {
        Err(Violation::new(RULE, ViolationKind::PeriodicReportSent))
    } else {
        Ok(())
    }
}

fn text_problems(v: &mut Vec<Violation>, field: Field, text: &str, max: usize) {
    let input = |e: InputError| Violation::new(RULE, ViolationKind::Input(e));
    if text.chars().count() > max {
        v.push(input(InputError::TooLong { field, max }));
    }
    if let Some(e) = forbidden_character(field, text) {
        v.push(input(e));
    }
}

/// Checks a unit's report against its exemplars of the period (id and name): lengths and
/// characters always; when `send`, the unit's assessment and, for every exemplar, its
/// evaluation and achievements.
pub fn check_unit_report(
    draft: &UnitReportDraft,
    exemplars: &[(i64, String)],
    sent: bool,
    send: bool,
) -> Result<(), Vec<Violation>> {
    let mut v = Vec::new();
    if let Err(e) = report_open(sent) {
        v.push(e);
    }
    let draft = draft.normalised();
    text_problems(
        &mut v,
        Field::UnitAssessment,
        &draft.assessment,
        MAX_REPORT_ASSESSMENT_CHARS,
    );
    // One refusal per kind of problem, however many exemplars share it.
    let mut seen = Vec::new();
    for entry in draft.entries.values() {
        for (field, text) in entry.parts() {
            let mut found = Vec::new();
            text_problems(&mut found, field, text, MAX_REPORT_ENTRY_CHARS);
            for f in found {
                if !seen.contains(&f) {
                    seen.push(f);
                }
            }
        }
    }
    v.extend(seen);
    if draft
        .entries
        .keys()
        .any(|id| !exemplars.iter().any(|(e, _)| e == id))
    {
        v.push(Violation::new(RULE, ViolationKind::PeriodicReportNotInUnit));
    }
    if send {
        if draft.assessment.is_empty() {
            v.push(Violation::new(
                RULE,
                ViolationKind::Input(InputError::Required {
                    field: Field::UnitAssessment,
                }),
            ));
        }
        let missing: Vec<String> = exemplars
            .iter()
            .filter(|(id, _)| {
                draft
                    .entries
                    .get(id)
                    .is_none_or(|e| e.evaluation.is_empty() || e.achievements.is_empty())
            })
            .map(|(_, name)| name.clone())
            .collect();
        if !missing.is_empty() {
            v.push(Violation::new(
                RULE,
                ViolationKind::PeriodicReportIncomplete { missing },
            ));
        }
    }
    verdict(v)
}

/// Checks the Department's assessment in its compiled report.
pub fn check_department_report(assessment: &str) -> Result<(), Vec<Violation>> {
    let mut v = Vec::new();
    text_problems(
        &mut v,
        Field::DepartmentAssessment,
        assessment.trim(),
        MAX_REPORT_ASSESSMENT_CHARS,
    );
    verdict(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ActivityKind, Rating, RequiredText};
    use proptest::prelude::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn exemplars() -> Vec<(i64, String)> {
        vec![(1, "HTX Tiến Thắng".into()), (2, "Nguyễn Thị Hằng".into())]
    }

    fn entry(evaluation: &str, achievements: &str) -> ReportEntry {
        ReportEntry {
            evaluation: evaluation.into(),
            achievements: achievements.into(),
            ..ReportEntry::default()
        }
    }

    fn kinds(r: Result<(), Vec<Violation>>) -> Vec<ViolationKind> {
        r.err()
            .unwrap_or_default()
            .into_iter()
            .map(|v| v.kind)
            .collect()
    }

    fn activity(kind: ActivityKind, title: &str, date: Option<NaiveDate>) -> Activity {
        Activity {
            kind,
            title: RequiredText::parse(Field::ActivityTitle, title, 200).unwrap(),
            date,
            status: ActivityStatus::Done,
            outcome: String::new(),
        }
    }

    fn record() -> ExemplarRecord {
        ExemplarRecord {
            id: 1,
            name: "HTX Tiến Thắng".into(),
            description: "Liên kết tiêu thụ lúa".into(),
            evaluation: Some(Evaluation {
                period: EvaluationPeriod::SixMonth,
                rating: Rating::Good,
                achievements: "Doanh thu tăng 20%".into(),
                evaluator: "Trịnh Thị Hoa".into(),
                date: d(6, 28),
                commendation: None,
            }),
            activities: vec![
                activity(ActivityKind::Fostering, "Tập huấn VietGAP", Some(d(3, 2))),
                activity(ActivityKind::Publicity, "Bài trên báo", Some(d(8, 1))),
                Activity {
                    status: ActivityStatus::Cancelled,
                    ..activity(ActivityKind::Fostering, "Hội thảo bị hủy", Some(d(4, 1)))
                },
            ],
            replications: vec![Replication {
                adopter: "HTX Đông Hòa".into(),
                date: d(5, 10),
                result: "Áp dụng 30 ha".into(),
            }],
        }
    }

    #[test]
    fn an_entry_is_drafted_from_the_records_up_to_the_checkpoint() {
        let e = draft_entry(Lang::Vi, &record(), d(6, 30));
        assert!(e.evaluation.contains("Tốt"), "{}", e.evaluation);
        assert!(e.evaluation.contains("28/06/2026"));
        assert!(e.evaluation.contains("Trịnh Thị Hoa"));
        assert_eq!(e.achievements, "Doanh thu tăng 20%");
        assert!(e.fostering.contains("Tập huấn VietGAP (02/03/2026)"));
        // Cancelled activities and those after the checkpoint are not the period's.
        assert!(!e.fostering.contains("hủy"));
        assert!(!e.publicity.contains("Bài trên báo"));
        assert!(e.replication.contains("HTX Đông Hòa"));
        assert!(e.replication.contains("Áp dụng 30 ha"));
        // Without an evaluation, the nomination's description stands for its achievements.
        let r = ExemplarRecord {
            evaluation: None,
            ..record()
        };
        let e = draft_entry(Lang::Vi, &r, d(6, 30));
        assert_eq!(e.achievements, "Liên kết tiêu thụ lúa");
        assert!(!e.evaluation.is_empty());
    }

    #[test]
    fn the_drafted_assessment_counts_the_period() {
        let r2 = ExemplarRecord {
            id: 2,
            evaluation: None,
            replications: vec![],
            ..record()
        };
        let draft = draft_report(
            Lang::Vi,
            EvaluationPeriod::SixMonth,
            &[record(), r2],
            d(6, 30),
        );
        assert_eq!(draft.entries.len(), 2);
        assert!(draft.assessment.contains('2'), "{}", draft.assessment);
        let en = draft_report(Lang::En, EvaluationPeriod::SixMonth, &[record()], d(6, 30));
        assert!(en.assessment.contains("1"), "{}", en.assessment);
    }

    #[test]
    fn a_draft_may_be_incomplete_but_a_sent_report_may_not() {
        let partial = UnitReportDraft {
            assessment: String::new(),
            entries: [(1, entry("Tốt", "Doanh thu tăng"))].into(),
        };
        assert!(check_unit_report(&partial, &exemplars(), false, false).is_ok());
        let k = kinds(check_unit_report(&partial, &exemplars(), false, true));
        assert!(k.contains(&ViolationKind::Input(InputError::Required {
            field: Field::UnitAssessment
        })));
        assert!(k.contains(&ViolationKind::PeriodicReportIncomplete {
            missing: vec!["Nguyễn Thị Hằng".into()]
        }));
        let full = UnitReportDraft {
            assessment: "Đơn vị hoàn thành tốt".into(),
            entries: [
                (1, entry("Tốt", "Doanh thu tăng")),
                (2, entry(" Khá ", "  Năng suất cao ")),
            ]
            .into(),
        };
        assert!(check_unit_report(&full, &exemplars(), false, true).is_ok());
        // A blank evaluation does not count.
        let blank = UnitReportDraft {
            entries: [(1, entry("Tốt", "x")), (2, entry("   ", "x"))].into(),
            ..full.clone()
        };
        assert_eq!(
            kinds(check_unit_report(&blank, &exemplars(), false, true)),
            vec![ViolationKind::PeriodicReportIncomplete {
                missing: vec!["Nguyễn Thị Hằng".into()]
            }]
        );
        // Sent once: neither saved nor sent again.
        assert!(kinds(check_unit_report(&full, &exemplars(), true, true))
            .contains(&ViolationKind::PeriodicReportSent));
        assert!(kinds(check_unit_report(&full, &exemplars(), true, false))
            .contains(&ViolationKind::PeriodicReportSent));
    }

    #[test]
    fn entries_are_only_on_the_units_exemplars_and_within_limits() {
        let stray = UnitReportDraft {
            assessment: "x".into(),
            entries: [(9, entry("Tốt", "x"))].into(),
        };
        assert_eq!(
            kinds(check_unit_report(&stray, &exemplars(), false, false)),
            vec![ViolationKind::PeriodicReportNotInUnit]
        );
        let long = UnitReportDraft {
            assessment: "a".repeat(MAX_REPORT_ASSESSMENT_CHARS + 1),
            entries: [
                (1, entry(&"b".repeat(MAX_REPORT_ENTRY_CHARS + 1), "x")),
                (2, entry(&"b".repeat(MAX_REPORT_ENTRY_CHARS + 1), "x")),
            ]
            .into(),
        };
        assert_eq!(
            kinds(check_unit_report(&long, &exemplars(), false, false)),
            vec![
                ViolationKind::Input(InputError::TooLong {
                    field: Field::UnitAssessment,
                    max: MAX_REPORT_ASSESSMENT_CHARS
                }),
                ViolationKind::Input(InputError::TooLong {
                    field: Field::ReportEvaluation,
                    max: MAX_REPORT_ENTRY_CHARS
                }),
            ]
        );
        assert!(check_department_report("Sở đánh giá").is_ok());
        assert!(check_department_report(&"x".repeat(MAX_REPORT_ASSESSMENT_CHARS + 1)).is_err());
        assert!(check_department_report("a\u{0}b").is_err());
    }

    proptest! {
        /// A sent report always has an assessment and, for every exemplar, an evaluation
        /// and achievements; a report that was sent never passes again.
        #[test]
        fn an_accepted_sent_report_is_complete(
            assessment in "[ a-zđ]{0,6}",
            texts in proptest::collection::vec(("[ a-z]{0,3}", "[ a-z]{0,3}"), 2),
            sent in any::<bool>(),
        ) {
            let draft = UnitReportDraft {
                assessment,
                entries: texts
                    .iter()
                    .enumerate()
                    .map(|(i, (e, a))| (i as i64 + 1, entry(e, a)))
                    .collect(),
            };
            let ok = check_unit_report(&draft, &exemplars(), sent, true).is_ok();
            if ok {
                let n = draft.normalised();
                prop_assert!(!sent);
                prop_assert!(!n.assessment.is_empty());
                for (id, _) in exemplars() {
                    let e = n.entries.get(&id).expect("an entry per exemplar");
                    prop_assert!(!e.evaluation.is_empty() && !e.achievements.is_empty());
                }
            }
        }

        /// Drafting never puts an activity dated after the checkpoint into the report.
        #[test]
        fn drafting_stops_at_the_checkpoint(day in 1u32..=28, month in 1u32..=12) {
            let date = d(month, day);
            let mut r = record();
            r.activities = vec![activity(ActivityKind::Publicity, "Phóng sự truyền hình", Some(date))];
            let e = draft_entry(Lang::Vi, &r, d(6, 30));
            prop_assert_eq!(e.publicity.contains("Phóng sự"), date <= d(6, 30));
        }
    }
}
