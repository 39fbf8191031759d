//! F-1: the fostering plan a unit makes for each registered exemplar.

use super::{LeaderRole, Violation, ViolationKind};
use crate::domain::{
    Activity, ActivityStatus, Field, FosteringPlan, InputError, Leader, LeaderDraft, PlanDraft,
    RequiredText, Stage,
};
use chrono::Datelike;
use serde::{Deserialize, Serialize};

/// The longest activity title and outcome, and the most activities a plan holds.
pub const MAX_TITLE_CHARS: usize = 300;
pub const MAX_OUTCOME_CHARS: usize = 4000;
pub const MAX_ACTIVITIES: usize = 100;
const MAX_LEADER_CHARS: usize = 200;

/// Where in the plan form a problem lies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanSlot {
    Leader(LeaderRole),
    Activity(usize),
    Plan,
}

/// One problem of a plan form, and where it lies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanProblem {
    pub slot: PlanSlot,
    pub violation: Violation,
}

fn problem(slot: PlanSlot, kind: ViolationKind) -> PlanProblem {
    PlanProblem {
        slot,
        violation: Violation::new("F-1", kind),
    }
}

/// Stages in which a nomination has a fostering plan to keep.
pub fn plan_open(stage: Stage) -> Result<(), Violation> {
    match stage {
        Stage::Registered | Stage::Fostering | Stage::Evaluating | Stage::Replicated => Ok(()),
        Stage::Discovered | Stage::Dropped => {
            Err(Violation::new("F-1", ViolationKind::PlanNotOpen { stage }))
        }
    }
}

fn leader(role: LeaderRole, draft: &LeaderDraft) -> Result<Leader, PlanProblem> {
    let slot = PlanSlot::Leader(role);
    if draft.name.trim().is_empty() && draft.position.trim().is_empty() {
        return Err(problem(slot, ViolationKind::LeaderMissing { role }));
    }
    let input = |e: InputError| problem(slot, ViolationKind::Input(e));
    Ok(Leader {
        name: RequiredText::parse(Field::LeaderName, &draft.name, MAX_LEADER_CHARS)
            .map_err(input)?,
        position: RequiredText::parse(Field::LeaderPosition, &draft.position, MAX_LEADER_CHARS)
            .map_err(input)?,
    })
}

/// Checks a plan form for the campaign year `year`: every responsible leader named (name
/// and position), every activity titled, dated within the year (a done activity must have
/// its date), outcomes of bounded length. Returns the plan, or every problem found.
pub fn check_plan(draft: &PlanDraft, year: i32) -> Result<FosteringPlan, Vec<PlanProblem>> {
    let mut problems = Vec::new();
    let mut leaders = Vec::new();
    for (role, d) in [
        (LeaderRole::Fostering, &draft.fostering_leader),
        (LeaderRole::Publicity, &draft.publicity_leader),
        (LeaderRole::Replication, &draft.replication_leader),
    ] {
        match leader(role, d) {
            Ok(l) => leaders.push(Some(l)),
            Err(p) => {
                problems.push(p);
                leaders.push(None);
            }
        }
    }
    if draft.activities.len() > MAX_ACTIVITIES {
        problems.push(problem(
            PlanSlot::Plan,
            ViolationKind::Input(InputError::OutOfRange {
                field: Field::Activities,
                min: 0,
                max: MAX_ACTIVITIES as i64,
            }),
        ));
    }
    let mut activities = Vec::new();
    for (i, a) in draft.activities.iter().enumerate() {
        let slot = PlanSlot::Activity(i);
        let input = |e: InputError| problem(slot, ViolationKind::Input(e));
        let title = match RequiredText::parse(Field::ActivityTitle, &a.title, MAX_TITLE_CHARS) {
            Ok(t) => Some(t),
            Err(e) => {
                problems.push(input(e));
                None
            }
        };
        match a.date {
            Some(date) if date.year() != year => problems.push(input(InputError::OutsideYear {
                field: Field::ActivityDate,
                year,
            })),
            None if a.status == ActivityStatus::Done => {
                problems.push(input(InputError::Required {
                    field: Field::ActivityDate,
                }))
            }
            _ => {}
        }
        if a.outcome.trim().chars().count() > MAX_OUTCOME_CHARS {
            problems.push(input(InputError::TooLong {
                field: Field::ActivityOutcome,
                max: MAX_OUTCOME_CHARS,
            }));
        }
        if let Some(title) = title {
            activities.push(Activity {
                kind: a.kind,
                title,
                date: a.date,
                status: a.status,
                outcome: a.outcome.trim().to_string(),
            });
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut leaders = leaders.into_iter();
    Ok(FosteringPlan {
        fostering_leader: leaders.next().flatten(),
        publicity_leader: leaders.next().flatten(),
        replication_leader: leaders.next().flatten(),
        activities,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ActivityDraft, ActivityKind};
    use chrono::NaiveDate;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn leader(name: &str, position: &str) -> LeaderDraft {
        LeaderDraft {
            name: name.into(),
            position: position.into(),
        }
    }

    fn full() -> PlanDraft {
        PlanDraft {
            fostering_leader: leader("Nguyễn Văn Bình", "Phó Giám đốc"),
            publicity_leader: leader("Trần Thị Hoa", "Chánh Văn phòng"),
            replication_leader: leader("Lê Minh Tuấn", "Trưởng phòng"),
            activities: vec![ActivityDraft {
                kind: ActivityKind::Publicity,
                title: "  Bài viết trên Bản tin ngành ".into(),
                date: Some(d(2026, 5, 12)),
                status: ActivityStatus::Done,
                outcome: "Đăng số 5".into(),
            }],
        }
    }

    #[test]
    fn f_1_a_full_plan_is_accepted_trimmed_and_passes_the_fostering_guard() {
        let plan = check_plan(&full(), 2026).unwrap();
        assert_eq!(
            plan.activities[0].title.as_str(),
            "Bài viết trên Bản tin ngành"
        );
        assert!(super::super::transition::fostering_violations(Some(&plan), true).is_empty());
        assert_eq!(
            PlanDraft::from(&plan).fostering_leader.name,
            "Nguyễn Văn Bình"
        );
    }

    #[test]
    fn f_1_a_plan_without_a_responsible_leader_is_refused_with_the_rule() {
        let mut draft = full();
        draft.publicity_leader = LeaderDraft::default();
        let problems = check_plan(&draft, 2026).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].slot, PlanSlot::Leader(LeaderRole::Publicity));
        assert_eq!(
            problems[0].violation.kind,
            ViolationKind::LeaderMissing {
                role: LeaderRole::Publicity
            }
        );
        // A name without a position is an input problem on that leader.
        draft.publicity_leader = leader("Trần Thị Hoa", " ");
        let problems = check_plan(&draft, 2026).unwrap_err();
        assert_eq!(
            problems[0].violation.kind,
            ViolationKind::Input(InputError::Required {
                field: Field::LeaderPosition
            })
        );
    }

    #[test]
    fn f_1_activity_dates_stay_in_the_campaign_year_and_done_means_dated() {
        let mut draft = full();
        draft.activities[0].date = Some(d(2027, 1, 2));
        draft.activities.push(ActivityDraft {
            title: "Hội nghị chia sẻ".into(),
            status: ActivityStatus::Done,
            ..ActivityDraft::new(ActivityKind::Replication)
        });
        draft
            .activities
            .push(ActivityDraft::new(ActivityKind::Fostering));
        let problems = check_plan(&draft, 2026).unwrap_err();
        let slots: Vec<_> = problems.iter().map(|p| p.slot).collect();
        assert_eq!(
            slots,
            vec![
                PlanSlot::Activity(0),
                PlanSlot::Activity(1),
                PlanSlot::Activity(2)
            ]
        );
        assert_eq!(
            problems[2].violation.kind,
            ViolationKind::Input(InputError::Required {
                field: Field::ActivityTitle
            })
        );
    }

    #[test]
    fn f_1_plans_belong_to_registered_nominations() {
        assert!(plan_open(Stage::Registered).is_ok());
        assert!(plan_open(Stage::Replicated).is_ok());
        assert_eq!(
            plan_open(Stage::Discovered).unwrap_err().kind,
            ViolationKind::PlanNotOpen {
                stage: Stage::Discovered
            }
        );
        assert!(plan_open(Stage::Dropped).is_err());
    }

    proptest! {
        #[test]
        fn an_accepted_plan_names_every_leader_and_keeps_dates_in_the_year(
            names in proptest::collection::vec(".{0,8}", 6),
            days in proptest::collection::vec(proptest::option::of(-400i64..800), 0..5),
        ) {
            let base = d(2026, 1, 1);
            let draft = PlanDraft {
                fostering_leader: leader(&names[0], &names[1]),
                publicity_leader: leader(&names[2], &names[3]),
                replication_leader: leader(&names[4], &names[5]),
                activities: days
                    .iter()
                    .map(|day| ActivityDraft {
                        title: "Hoạt động".into(),
                        date: day.map(|n| base + chrono::Duration::days(n)),
                        ..ActivityDraft::new(ActivityKind::Fostering)
                    })
                    .collect(),
            };
            if let Ok(plan) = check_plan(&draft, 2026) {
                prop_assert!(plan.fostering_leader.is_some());
                prop_assert!(plan.publicity_leader.is_some());
                prop_assert!(plan.replication_leader.is_some());
                prop_assert!(plan.activities.iter().all(|a| a.date.is_none_or(|d| d.year() == 2026)));
            }
        }
    }
}
