//! Which stage moves exist, and what each forward move requires (S-1, C-B5, C-C4, D-1,
//! F-1, E-1).

use super::{LeaderRole, Violation, ViolationKind};
use crate::domain::profile::consecutive_cultural_family_years;
use crate::domain::{
    CampaignYear, Criterion, Evaluation, EvaluationPeriod, FosteringPlan, Profile, Stage,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The longest reason accepted for a backward move or a drop.
pub const MAX_REASON_CHARS: usize = 1000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MoveKind {
    Forward,
    Back,
    Drop,
    Restore,
}

impl MoveKind {
    pub fn needs_reason(self) -> bool {
        matches!(self, MoveKind::Back | MoveKind::Drop)
    }
}

fn index(stage: Stage) -> Option<usize> {
    const PIPELINE: [Stage; 5] = [
        Stage::Discovered,
        Stage::Registered,
        Stage::Fostering,
        Stage::Evaluating,
        Stage::Replicated,
    ];
    PIPELINE.iter().position(|s| *s == stage)
}

/// The shape of a move: forward one stage, back one stage, to dropped from anywhere, or
/// restore from dropped to where it was. Nothing else (no skipping stages).
pub fn classify_move(
    from: Stage,
    to: Stage,
    dropped_from: Option<Stage>,
) -> Result<MoveKind, Violation> {
    let not_a_move = || Violation::new("II.3", ViolationKind::NotAMove { from, to });
    match (from, to) {
        (Stage::Dropped, Stage::Dropped) => Err(not_a_move()),
        (_, Stage::Dropped) => Ok(MoveKind::Drop),
        (Stage::Dropped, to) => match dropped_from {
            Some(back) if back == to => Ok(MoveKind::Restore),
            _ => Err(Violation::new(
                "II.3",
                ViolationKind::RestoreElsewhere {
                    expected: dropped_from,
                },
            )),
        },
        (from, to) => match (index(from), index(to)) {
            (Some(a), Some(b)) if b == a + 1 => Ok(MoveKind::Forward),
            (Some(a), Some(b)) if a == b + 1 => Ok(MoveKind::Back),
            _ => Err(not_a_move()),
        },
    }
}

/// The facts a forward move is judged on. The server loads them inside the transaction
/// that makes the move; the browser has them from the board for instant feedback.
#[derive(Debug, Clone, Copy)]
pub struct MoveFacts<'a> {
    pub profile: &'a Profile,
    pub evidence: &'a BTreeMap<String, String>,
    /// The criteria of the nominee's kind, of the version its campaign year is judged on.
    pub criteria: &'a [Criterion],
    pub nomination_year: i32,
    pub today: NaiveDate,
    pub calendar: &'a CampaignYear,
    pub fostering_plan: Option<&'a FosteringPlan>,
    /// F-1 and the unit head's role: whether the unit head approved the plan as it stands.
    pub plan_approved: bool,
    pub evaluations: &'a [Evaluation],
    /// C-C4: the stage of the collective nomination of the same unit that a unit head's
    /// nomination goes with (None when there is none).
    pub linked_collective_stage: Option<Stage>,
    pub dropped_from: Option<Stage>,
}

/// Checks a move and returns its kind, or every violation found.
pub fn check_move(
    from: Stage,
    to: Stage,
    reason: Option<&str>,
    facts: &MoveFacts<'_>,
) -> Result<MoveKind, Vec<Violation>> {
    let kind = classify_move(from, to, facts.dropped_from).map_err(|v| vec![v])?;
    let mut v = Vec::new();
    if kind.needs_reason() {
        match reason.map(str::trim) {
            None | Some("") => v.push(Violation::new("II.3", ViolationKind::ReasonRequired)),
            Some(r) if r.chars().count() > MAX_REASON_CHARS => v.push(Violation::new(
                "II.3",
                ViolationKind::Input(crate::domain::InputError::TooLong {
                    field: crate::domain::Field::Reason,
                    max: MAX_REASON_CHARS,
                }),
            )),
            Some(r) => {
                if let Some(e) = crate::domain::forbidden_character(crate::domain::Field::Reason, r)
                {
                    v.push(Violation::new("II.3", ViolationKind::Input(e)));
                }
            }
        }
    }
    if kind == MoveKind::Forward {
        match to {
            Stage::Registered => v.extend(registration_violations(facts)),
            Stage::Fostering => v.extend(fostering_violations(
                facts.fostering_plan,
                facts.plan_approved,
            )),
            Stage::Evaluating => {
                if !has(facts.evaluations, EvaluationPeriod::SixMonth) {
                    v.push(Violation::new(
                        "E-1",
                        ViolationKind::EvaluationMissing {
                            period: EvaluationPeriod::SixMonth,
                        },
                    ));
                }
            }
            Stage::Replicated => v.extend(replication_violations(facts.evaluations)),
            Stage::Discovered | Stage::Dropped => {}
        }
    }
    if v.is_empty() {
        Ok(kind)
    } else {
        Err(v)
    }
}

fn has(evaluations: &[Evaluation], period: EvaluationPeriod) -> bool {
    evaluations.iter().any(|e| e.period == period)
}

/// discovered → registered (S-1, C-B5, C-C4, D-1).
pub fn registration_violations(f: &MoveFacts<'_>) -> Vec<Violation> {
    let mut v = dossier_violations(f);
    if f.today > f.calendar.registration_deadline {
        v.push(Violation::new(
            "D-1",
            ViolationKind::RegistrationClosed {
                deadline: f.calendar.registration_deadline,
            },
        ));
    }
    v
}

/// What a registered nomination's dossier must keep meeting (S-1, C-B5, C-C4): checked when
/// it is registered and again on every later edit, so that a registered card never holds a
/// dossier registration would refuse.
pub fn dossier_violations(f: &MoveFacts<'_>) -> Vec<Violation> {
    let mut v = Vec::new();
    let fields: Vec<_> = f.profile.validate().iter().map(|e| e.field()).collect();
    if !fields.is_empty() {
        v.push(Violation::new(
            "S-1",
            ViolationKind::ProfileIncomplete { fields },
        ));
    }
    let missing: Vec<String> = f
        .criteria
        .iter()
        .filter(|c| c.is_scored())
        .filter(|c| f.evidence.get(&c.code).is_none_or(|t| t.trim().is_empty()))
        .map(|c| c.code.clone())
        .collect();
    if !missing.is_empty() {
        v.push(Violation::new(
            "S-1",
            ViolationKind::EvidenceMissing { criteria: missing },
        ));
    }
    match f.profile {
        Profile::Household {
            cultural_family_years,
            exemplary,
        } => {
            let consecutive =
                consecutive_cultural_family_years(cultural_family_years, f.nomination_year);
            // The year's number of consecutive years (the Department's, per year).
            let needed = u32::from(f.calendar.cultural_family_years);
            if !exemplary && consecutive < needed {
                v.push(Violation::new(
                    "C-B5",
                    ViolationKind::CulturalFamilyYears {
                        consecutive,
                        needed,
                    },
                ));
            }
        }
        Profile::Individual {
            heads_unit: true,
            collective_nomination,
            ..
        } => match (collective_nomination, f.linked_collective_stage) {
            (None, _) | (Some(_), None) => v.push(Violation::new(
                "C-C4",
                ViolationKind::UnitHeadWithoutCollective,
            )),
            (Some(_), Some(Stage::Discovered | Stage::Dropped)) => v.push(Violation::new(
                "C-C4",
                ViolationKind::UnitHeadCollectiveNotRegistered,
            )),
            (Some(_), Some(_)) => {}
        },
        _ => {}
    }
    v
}

/// registered → fostering (F-1): named leaders and at least one dated activity.
pub fn fostering_violations(plan: Option<&FosteringPlan>, approved: bool) -> Vec<Violation> {
    let Some(plan) = plan else {
        return vec![Violation::new("F-1", ViolationKind::NoFosteringPlan)];
    };
    let mut v = Vec::new();
    // The unit head approves the unit's fostering plan (the plan's roles): fostering starts
    // only from the plan as approved.
    if !approved {
        v.push(Violation::new("F-1", ViolationKind::PlanNotApproved));
    }
    for (leader, role) in [
        (&plan.fostering_leader, LeaderRole::Fostering),
        (&plan.publicity_leader, LeaderRole::Publicity),
        (&plan.replication_leader, LeaderRole::Replication),
    ] {
        if leader.is_none() {
            v.push(Violation::new("F-1", ViolationKind::LeaderMissing { role }));
        }
    }
    if !plan.activities.iter().any(|a| a.date.is_some()) {
        v.push(Violation::new("F-1", ViolationKind::NoDatedActivity));
    }
    v
}

/// evaluating → replicated (E-1): 9-month and annual evaluations, the annual at least "đạt".
pub fn replication_violations(evaluations: &[Evaluation]) -> Vec<Violation> {
    let mut v = Vec::new();
    for period in [EvaluationPeriod::NineMonth, EvaluationPeriod::Annual] {
        if !has(evaluations, period) {
            v.push(Violation::new(
                "E-1",
                ViolationKind::EvaluationMissing { period },
            ));
        }
    }
    let annual_fails = evaluations
        .iter()
        .any(|e| e.period == EvaluationPeriod::Annual && !e.rating.is_passing());
    if annual_fails {
        v.push(Violation::new("E-1", ViolationKind::AnnualRatingTooLow));
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{
        Activity, ActivityKind, ActivityStatus, CriteriaSet, Leader, NomineeKind, Rating,
        RequiredText,
    };
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn full_evidence(kind: NomineeKind) -> BTreeMap<String, String> {
        CriteriaSet::plan()
            .of(kind)
            .iter()
            .map(|c| (c.code.clone(), "Minh chứng".to_string()))
            .collect()
    }

    struct World {
        profile: Profile,
        evidence: BTreeMap<String, String>,
        criteria: Vec<Criterion>,
        calendar: CampaignYear,
        today: NaiveDate,
        plan: Option<FosteringPlan>,
        plan_approved: bool,
        evaluations: Vec<Evaluation>,
        linked: Option<Stage>,
        dropped_from: Option<Stage>,
    }

    impl World {
        fn new(profile: Profile) -> World {
            let evidence = full_evidence(profile.kind());
            World {
                criteria: CriteriaSet::plan().of(profile.kind()).to_vec(),
                profile,
                evidence,
                calendar: CampaignYear::with_plan_defaults(2026),
                today: d(2025, 12, 1),
                plan: None,
                plan_approved: true,
                evaluations: Vec::new(),
                linked: None,
                dropped_from: None,
            }
        }

        fn check(
            &self,
            from: Stage,
            to: Stage,
            reason: Option<&str>,
        ) -> Result<MoveKind, Vec<Violation>> {
            check_move(
                from,
                to,
                reason,
                &MoveFacts {
                    profile: &self.profile,
                    evidence: &self.evidence,
                    criteria: &self.criteria,
                    nomination_year: 2026,
                    today: self.today,
                    calendar: &self.calendar,
                    fostering_plan: self.plan.as_ref(),
                    plan_approved: self.plan_approved,
                    evaluations: &self.evaluations,
                    linked_collective_stage: self.linked,
                    dropped_from: self.dropped_from,
                },
            )
        }
    }

    fn rules(r: Result<MoveKind, Vec<Violation>>) -> Vec<String> {
        r.err()
            .unwrap_or_default()
            .into_iter()
            .map(|v| v.rule)
            .collect()
    }

    fn collective() -> Profile {
        Profile::Collective { size: 20 }
    }

    fn evaluation(period: EvaluationPeriod, rating: Rating) -> Evaluation {
        Evaluation {
            period,
            rating,
            achievements: "Kết quả".into(),
            evaluator: "Hội đồng".into(),
            date: d(2026, 7, 1),
            commendation: None,
        }
    }

    fn full_plan() -> FosteringPlan {
        let leader = || Some(Leader::parse("Bùi Văn Dũng", "Giám đốc").unwrap());
        FosteringPlan {
            fostering_leader: leader(),
            publicity_leader: leader(),
            replication_leader: leader(),
            activities: vec![Activity {
                kind: ActivityKind::Fostering,
                title: RequiredText::parse(crate::domain::Field::ActivityTitle, "Tập huấn", 100)
                    .unwrap(),
                date: Some(d(2026, 3, 1)),
                status: ActivityStatus::Planned,
                outcome: String::new(),
            }],
        }
    }

    #[test]
    fn moves_are_forward_back_drop_or_restore_only() {
        use Stage::*;
        assert_eq!(
            classify_move(Discovered, Registered, None),
            Ok(MoveKind::Forward)
        );
        assert_eq!(
            classify_move(Fostering, Registered, None),
            Ok(MoveKind::Back)
        );
        assert_eq!(classify_move(Replicated, Dropped, None), Ok(MoveKind::Drop));
        assert_eq!(
            classify_move(Dropped, Fostering, Some(Fostering)),
            Ok(MoveKind::Restore)
        );
        assert!(classify_move(Dropped, Registered, Some(Fostering)).is_err());
        assert!(
            classify_move(Discovered, Fostering, None).is_err(),
            "no skipping"
        );
        assert!(classify_move(Registered, Registered, None).is_err());
        assert!(classify_move(Dropped, Dropped, Some(Registered)).is_err());
    }

    #[test]
    fn backward_moves_and_drops_need_a_reason() {
        let w = World::new(collective());
        assert_eq!(
            rules(w.check(Stage::Fostering, Stage::Registered, None)),
            ["II.3"]
        );
        assert_eq!(
            rules(w.check(Stage::Fostering, Stage::Registered, Some("  "))),
            ["II.3"]
        );
        assert!(w
            .check(Stage::Fostering, Stage::Registered, Some("Thiếu hồ sơ"))
            .is_ok());
        assert_eq!(
            rules(w.check(Stage::Registered, Stage::Dropped, None)),
            ["II.3"]
        );
        let long = "a".repeat(MAX_REASON_CHARS + 1);
        assert_eq!(
            rules(w.check(Stage::Registered, Stage::Dropped, Some(&long))),
            ["II.3"]
        );
    }

    #[test]
    fn a_registered_dossier_is_held_to_s_1_c_b5_and_c_c4_but_not_to_the_deadline() {
        fn facts(w: &World) -> MoveFacts<'_> {
            MoveFacts {
                profile: &w.profile,
                evidence: &w.evidence,
                criteria: &w.criteria,
                nomination_year: 2026,
                today: w.today,
                calendar: &w.calendar,
                fostering_plan: None,
                plan_approved: false,
                evaluations: &[],
                linked_collective_stage: w.linked,
                dropped_from: None,
            }
        }
        let mut w = World::new(collective());
        // Long after D-1: an edit is still fine when the dossier is.
        w.today = d(2026, 11, 20);
        assert!(dossier_violations(&facts(&w)).is_empty());
        assert!(!registration_violations(&facts(&w)).is_empty());
        w.evidence.remove("C-A4");
        let rules: Vec<String> = dossier_violations(&facts(&w))
            .into_iter()
            .map(|v| v.rule)
            .collect();
        assert_eq!(rules, ["S-1"]);
    }

    #[test]
    fn s_1_evidence_is_asked_for_the_year_s_criteria_not_the_plan_s() {
        // The Department added C-A6 for this year: registration needs its evidence too.
        let mut w = World::new(collective());
        let mut added = w.criteria[0].clone();
        added.code = "C-A6".into();
        w.criteria.push(added);
        let errs = w
            .check(Stage::Discovered, Stage::Registered, None)
            .unwrap_err();
        assert!(errs.iter().any(|v| matches!(&v.kind, ViolationKind::EvidenceMissing { criteria } if criteria == &["C-A6".to_string()])));
        w.evidence.insert("C-A6".into(), "Biên bản".into());
        assert!(w.check(Stage::Discovered, Stage::Registered, None).is_ok());
    }

    #[test]
    fn s_1_registration_needs_a_complete_profile_and_evidence_for_every_scored_criterion() {
        let mut w = World::new(Profile::Collective { size: 0 });
        w.evidence.remove("C-A2");
        let errs = w
            .check(Stage::Discovered, Stage::Registered, None)
            .unwrap_err();
        assert!(errs.iter().any(|v| matches!(&v.kind, ViolationKind::ProfileIncomplete { fields } if fields == &[crate::domain::Field::CollectiveSize])));
        assert!(errs.iter().any(|v| matches!(&v.kind, ViolationKind::EvidenceMissing { criteria } if criteria == &["C-A2".to_string()])));
        let ok = World::new(collective());
        assert_eq!(
            ok.check(Stage::Discovered, Stage::Registered, None),
            Ok(MoveKind::Forward)
        );
    }

    #[test]
    fn c_b5_household_needs_three_consecutive_cultural_family_years() {
        let household = |years: Vec<i32>, exemplary| Profile::Household {
            cultural_family_years: years,
            exemplary,
        };
        let w = World::new(household(vec![2024, 2025], false));
        assert_eq!(
            rules(w.check(Stage::Discovered, Stage::Registered, None)),
            ["C-B5"]
        );
        let w = World::new(household(vec![2022, 2024, 2025], false));
        assert_eq!(
            rules(w.check(Stage::Discovered, Stage::Registered, None)),
            ["C-B5"]
        );
        let w = World::new(household(vec![2023, 2024, 2025], false));
        assert!(w.check(Stage::Discovered, Stage::Registered, None).is_ok());
        let w = World::new(household(vec![], true));
        assert!(
            w.check(Stage::Discovered, Stage::Registered, None).is_ok(),
            "exemplary family"
        );
        // The number is the campaign year's, as the Department set it.
        let mut w = World::new(household(vec![2023, 2024, 2025], false));
        w.calendar.cultural_family_years = 4;
        let errs = w
            .check(Stage::Discovered, Stage::Registered, None)
            .unwrap_err();
        assert!(matches!(
            errs[0].kind,
            ViolationKind::CulturalFamilyYears {
                consecutive: 3,
                needed: 4
            }
        ));
    }

    #[test]
    fn c_c4_unit_head_needs_the_units_collective_registered() {
        let head = |link| Profile::Individual {
            position: "Chi cục trưởng".into(),
            heads_unit: true,
            collective_nomination: link,
        };
        let w = World::new(head(None));
        assert_eq!(
            rules(w.check(Stage::Discovered, Stage::Registered, None)),
            ["C-C4"]
        );
        let mut w = World::new(head(Some(7)));
        w.linked = Some(Stage::Discovered);
        assert_eq!(
            rules(w.check(Stage::Discovered, Stage::Registered, None)),
            ["C-C4"]
        );
        w.linked = Some(Stage::Fostering);
        assert!(w.check(Stage::Discovered, Stage::Registered, None).is_ok());
        let staff = World::new(Profile::Individual {
            position: "Chuyên viên".into(),
            heads_unit: false,
            collective_nomination: None,
        });
        assert!(staff
            .check(Stage::Discovered, Stage::Registered, None)
            .is_ok());
    }

    #[test]
    fn d_1_registration_closes_at_the_deadline() {
        let mut w = World::new(collective());
        w.today = d(2025, 12, 31);
        assert!(
            w.check(Stage::Discovered, Stage::Registered, None).is_ok(),
            "deadline day is on time"
        );
        w.today = d(2026, 1, 1);
        assert_eq!(
            rules(w.check(Stage::Discovered, Stage::Registered, None)),
            ["D-1"]
        );
        w.calendar.registration_deadline = d(2026, 12, 31);
        assert!(
            w.check(Stage::Discovered, Stage::Registered, None).is_ok(),
            "administrator extended it"
        );
    }

    #[test]
    fn f_1_fostering_needs_named_leaders_and_a_dated_activity() {
        let mut w = World::new(collective());
        assert_eq!(
            rules(w.check(Stage::Registered, Stage::Fostering, None)),
            ["F-1"]
        );
        let mut plan = full_plan();
        plan.publicity_leader = None;
        plan.activities[0].date = None;
        w.plan = Some(plan);
        let errs = w
            .check(Stage::Registered, Stage::Fostering, None)
            .unwrap_err();
        assert_eq!(errs.len(), 2);
        assert!(errs.contains(&Violation::new(
            "F-1",
            ViolationKind::LeaderMissing {
                role: LeaderRole::Publicity
            }
        )));
        w.plan = Some(full_plan());
        assert!(w.check(Stage::Registered, Stage::Fostering, None).is_ok());
        // The unit head's approval counts: a plan not (or no longer) approved stops it.
        w.plan_approved = false;
        assert_eq!(
            w.check(Stage::Registered, Stage::Fostering, None),
            Err(vec![Violation::new("F-1", ViolationKind::PlanNotApproved)])
        );
    }

    #[test]
    fn e_1_evaluating_needs_the_six_month_evaluation() {
        let mut w = World::new(collective());
        assert_eq!(
            rules(w.check(Stage::Fostering, Stage::Evaluating, None)),
            ["E-1"]
        );
        w.evaluations
            .push(evaluation(EvaluationPeriod::SixMonth, Rating::Good));
        assert!(w.check(Stage::Fostering, Stage::Evaluating, None).is_ok());
    }

    #[test]
    fn e_1_replicated_needs_nine_month_and_passing_annual_evaluations() {
        let mut w = World::new(collective());
        w.evaluations
            .push(evaluation(EvaluationPeriod::SixMonth, Rating::Good));
        assert_eq!(
            rules(w.check(Stage::Evaluating, Stage::Replicated, None)),
            ["E-1", "E-1"]
        );
        w.evaluations
            .push(evaluation(EvaluationPeriod::NineMonth, Rating::Good));
        w.evaluations
            .push(evaluation(EvaluationPeriod::Annual, Rating::Fail));
        let errs = w
            .check(Stage::Evaluating, Stage::Replicated, None)
            .unwrap_err();
        assert_eq!(
            errs,
            vec![Violation::new("E-1", ViolationKind::AnnualRatingTooLow)]
        );
        w.evaluations.pop();
        w.evaluations
            .push(evaluation(EvaluationPeriod::Annual, Rating::Pass));
        assert!(w.check(Stage::Evaluating, Stage::Replicated, None).is_ok());
    }

    fn any_stage() -> impl Strategy<Value = Stage> {
        proptest::sample::select(Stage::ALL.to_vec())
    }

    proptest! {
        #[test]
        fn only_adjacent_drop_or_restore_moves_are_accepted(from in any_stage(), to in any_stage(), dropped_from in proptest::option::of(any_stage())) {
            let shape = classify_move(from, to, dropped_from);
            let adjacent = match (index(from), index(to)) {
                (Some(a), Some(b)) => a.abs_diff(b) == 1,
                _ => false,
            };
            let drop = to == Stage::Dropped && from != Stage::Dropped;
            let restore = from == Stage::Dropped && dropped_from == Some(to) && to != Stage::Dropped;
            prop_assert_eq!(shape.is_ok(), adjacent || drop || restore);
        }

        #[test]
        fn a_refused_move_always_names_a_plan_rule(from in any_stage(), to in any_stage(), reason in proptest::option::of(".{0,20}")) {
            let w = World::new(Profile::Household { cultural_family_years: vec![], exemplary: false });
            if let Err(violations) = w.check(from, to, reason.as_deref()) {
                prop_assert!(!violations.is_empty());
                for v in violations {
                    prop_assert!(!v.rule.is_empty());
                    prop_assert!(!v.message(crate::i18n::Lang::Vi).is_empty());
                    prop_assert!(!v.message(crate::i18n::Lang::En).is_empty());
                }
            }
        }
    }
}
