//! Table-driven: every role × every action × an object inside and outside the role's scope.
//! Grows with every new server function's action.

use super::*;
use std::collections::BTreeSet;

const MY_UNIT: i64 = 1;
const MY_BLOC: i64 = 10;
const OTHER_UNIT: i64 = 4;
const OTHER_BLOC: i64 = 20;

fn actor(role: Role) -> Actor {
    Actor {
        user_id: 1,
        roles: BTreeSet::from([role]),
        unit_id: Some(MY_UNIT),
        bloc_id: Some(MY_BLOC),
    }
}

fn inside(stage: Stage) -> NominationScope {
    NominationScope {
        unit_id: MY_UNIT,
        bloc_id: MY_BLOC,
        stage,
    }
}

fn outside(stage: Stage) -> NominationScope {
    NominationScope {
        unit_id: OTHER_UNIT,
        bloc_id: OTHER_BLOC,
        stage,
    }
}

fn mv(n: NominationScope, to: Stage) -> Action {
    Action::MoveNomination {
        nomination: n,
        to,
        dropped_from: None,
    }
}

/// Columns: staff, head, bloc head, council, office, leadership, admin.
/// `Y` allowed; `S` scope; `R` role; `O` read-only; `X` recused.
fn expectations() -> Vec<(&'static str, Action, [char; 7])> {
    use Stage::*;
    vec![
        (
            "view own unit, discovered",
            Action::ViewNomination(inside(Discovered)),
            ['Y', 'Y', 'Y', 'S', 'Y', 'Y', 'R'],
        ),
        (
            "view other unit, discovered",
            Action::ViewNomination(outside(Discovered)),
            ['S', 'S', 'S', 'S', 'Y', 'Y', 'R'],
        ),
        (
            "view other unit, registered",
            Action::ViewNomination(outside(Registered)),
            ['S', 'S', 'S', 'Y', 'Y', 'Y', 'R'],
        ),
        (
            "create in own unit",
            Action::CreateNomination { unit_id: MY_UNIT },
            ['Y', 'Y', 'R', 'R', 'Y', 'O', 'R'],
        ),
        (
            "create in other unit",
            Action::CreateNomination {
                unit_id: OTHER_UNIT,
            },
            ['S', 'S', 'R', 'R', 'Y', 'O', 'R'],
        ),
        (
            "edit own",
            Action::EditNomination(inside(Discovered)),
            ['Y', 'Y', 'R', 'R', 'Y', 'O', 'R'],
        ),
        (
            "edit other",
            Action::EditNomination(outside(Discovered)),
            ['S', 'S', 'R', 'R', 'Y', 'O', 'R'],
        ),
        (
            "propose a commendation, own",
            Action::ProposeCommendation(inside(Replicated)),
            ['Y', 'Y', 'R', 'R', 'Y', 'O', 'R'],
        ),
        (
            "propose a commendation, other",
            Action::ProposeCommendation(outside(Replicated)),
            ['S', 'S', 'R', 'R', 'Y', 'O', 'R'],
        ),
        (
            "fostering record own",
            Action::RecordFostering(inside(Fostering)),
            ['Y', 'Y', 'R', 'R', 'Y', 'O', 'R'],
        ),
        (
            "evaluation record other",
            Action::RecordEvaluation(outside(Fostering)),
            ['S', 'S', 'R', 'R', 'Y', 'O', 'R'],
        ),
        (
            "approve plan own",
            Action::ApproveFosteringPlan(inside(Registered)),
            ['R', 'Y', 'R', 'R', 'Y', 'O', 'R'],
        ),
        (
            "approve plan other",
            Action::ApproveFosteringPlan(outside(Registered)),
            ['R', 'S', 'R', 'R', 'Y', 'O', 'R'],
        ),
        (
            "register own (D-1)",
            mv(inside(Discovered), Registered),
            ['R', 'Y', 'R', 'R', 'Y', 'O', 'R'],
        ),
        (
            "register other",
            mv(outside(Discovered), Registered),
            ['R', 'S', 'R', 'R', 'Y', 'O', 'R'],
        ),
        (
            "start fostering own",
            mv(inside(Registered), Fostering),
            ['R', 'Y', 'R', 'R', 'Y', 'O', 'R'],
        ),
        (
            "to evaluation own",
            mv(inside(Fostering), Evaluating),
            ['Y', 'Y', 'R', 'R', 'Y', 'O', 'R'],
        ),
        (
            "to evaluation other",
            mv(outside(Fostering), Evaluating),
            ['S', 'S', 'R', 'R', 'Y', 'O', 'R'],
        ),
        (
            "replicate own",
            mv(inside(Evaluating), Replicated),
            ['R', 'R', 'R', 'R', 'Y', 'O', 'R'],
        ),
        (
            "back one stage own",
            mv(inside(Fostering), Registered),
            ['R', 'R', 'R', 'R', 'Y', 'O', 'R'],
        ),
        (
            "drop own",
            mv(inside(Fostering), Dropped),
            ['R', 'Y', 'R', 'R', 'Y', 'O', 'R'],
        ),
        (
            "drop other",
            mv(outside(Fostering), Dropped),
            ['R', 'S', 'R', 'R', 'Y', 'O', 'R'],
        ),
        (
            "bloc review own bloc",
            Action::WriteBlocReview { bloc_id: MY_BLOC },
            ['R', 'R', 'Y', 'R', 'Y', 'O', 'R'],
        ),
        (
            "bloc review other bloc",
            Action::WriteBlocReview {
                bloc_id: OTHER_BLOC,
            },
            ['R', 'R', 'S', 'R', 'Y', 'O', 'R'],
        ),
        (
            "score other unit, registered",
            Action::Score(outside(Registered)),
            ['R', 'R', 'R', 'Y', 'R', 'O', 'R'],
        ),
        (
            "score own unit (recusal)",
            Action::Score(inside(Registered)),
            ['R', 'R', 'R', 'X', 'R', 'O', 'R'],
        ),
        (
            "score discovered",
            Action::Score(outside(Discovered)),
            ['R', 'R', 'R', 'R', 'R', 'O', 'R'],
        ),
        (
            "vote other unit",
            Action::Vote(outside(Evaluating)),
            ['R', 'R', 'R', 'Y', 'R', 'O', 'R'],
        ),
        (
            "select for City",
            Action::SelectForCity,
            ['R', 'R', 'R', 'R', 'Y', 'O', 'R'],
        ),
        (
            "carry a year over",
            Action::CarryOver,
            ['R', 'R', 'R', 'R', 'Y', 'O', 'R'],
        ),
        (
            "decide a commendation",
            Action::DecideCommendation,
            ['R', 'R', 'R', 'R', 'Y', 'O', 'R'],
        ),
        (
            "write own unit's periodic report",
            Action::WriteUnitReport { unit_id: MY_UNIT },
            ['Y', 'Y', 'R', 'R', 'R', 'O', 'R'],
        ),
        (
            "write other unit's periodic report",
            Action::WriteUnitReport {
                unit_id: OTHER_UNIT,
            },
            ['S', 'S', 'R', 'R', 'R', 'O', 'R'],
        ),
        (
            "read own unit's periodic report",
            Action::ViewUnitReport {
                unit_id: MY_UNIT,
                bloc_id: MY_BLOC,
            },
            ['Y', 'Y', 'Y', 'R', 'Y', 'Y', 'R'],
        ),
        (
            "read other unit's periodic report",
            Action::ViewUnitReport {
                unit_id: OTHER_UNIT,
                bloc_id: OTHER_BLOC,
            },
            ['S', 'S', 'S', 'R', 'Y', 'Y', 'R'],
        ),
        (
            "compile the Department's periodic report",
            Action::CompileDepartmentReport,
            ['R', 'R', 'R', 'R', 'Y', 'O', 'R'],
        ),
        (
            "record own unit's conference",
            Action::RecordConference {
                unit_id: Some(MY_UNIT),
            },
            ['Y', 'Y', 'R', 'R', 'R', 'O', 'R'],
        ),
        (
            "record other unit's conference",
            Action::RecordConference {
                unit_id: Some(OTHER_UNIT),
            },
            ['S', 'S', 'R', 'R', 'R', 'O', 'R'],
        ),
        (
            "record the sector's conference",
            Action::RecordConference { unit_id: None },
            ['R', 'R', 'R', 'R', 'Y', 'O', 'R'],
        ),
        (
            "view summaries",
            Action::ViewSummaries,
            ['R', 'R', 'R', 'R', 'Y', 'Y', 'R'],
        ),
        (
            "view own bloc",
            Action::ViewBloc { bloc_id: MY_BLOC },
            ['R', 'R', 'Y', 'R', 'Y', 'Y', 'R'],
        ),
        (
            "view other bloc",
            Action::ViewBloc {
                bloc_id: OTHER_BLOC,
            },
            ['R', 'R', 'S', 'R', 'Y', 'Y', 'R'],
        ),
        (
            "view audit",
            Action::ViewAudit,
            ['R', 'R', 'R', 'R', 'Y', 'O', 'Y'],
        ),
        (
            "administer",
            Action::Administer,
            ['R', 'R', 'R', 'R', 'R', 'O', 'Y'],
        ),
    ]
}

fn code(r: Result<(), Denied>) -> char {
    match r {
        Ok(()) => 'Y',
        Err(Denied::Scope) => 'S',
        Err(Denied::Role) => 'R',
        Err(Denied::ReadOnly) => 'O',
        Err(Denied::Recused) => 'X',
    }
}

#[test]
fn every_role_every_action_inside_and_outside_scope() {
    let mut failures = Vec::new();
    for (name, action, expected) in expectations() {
        for (role, want) in Role::ALL.iter().zip(expected) {
            let got = code(authorize(&actor(*role), &action));
            if got != want {
                failures.push(format!("{name} as {role:?}: expected {want}, got {got}"));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn roles_add_up() {
    // A unit head who sits on the council may register their unit's nominations and
    // score other units' ones, but not their own.
    let both = Actor {
        roles: BTreeSet::from([Role::UnitHead, Role::CouncilMember]),
        ..actor(Role::UnitHead)
    };
    assert!(authorize(&both, &mv(inside(Stage::Discovered), Stage::Registered)).is_ok());
    assert!(authorize(&both, &Action::Score(outside(Stage::Registered))).is_ok());
    assert_eq!(
        authorize(&both, &Action::Score(inside(Stage::Registered))),
        Err(Denied::Recused)
    );
}

#[test]
fn an_account_without_roles_may_do_nothing() {
    let nobody = Actor {
        roles: BTreeSet::new(),
        ..actor(Role::UnitStaff)
    };
    for (name, action, _) in expectations() {
        assert!(authorize(&nobody, &action).is_err(), "{name}");
    }
}

#[test]
fn every_refusal_has_a_message_in_both_languages() {
    for d in [
        Denied::Role,
        Denied::Scope,
        Denied::ReadOnly,
        Denied::Recused,
    ] {
        assert!(!d.message(Lang::Vi).is_empty());
        assert_ne!(d.message(Lang::Vi), d.message(Lang::En));
    }
}

#[test]
fn role_codes_round_trip() {
    for r in Role::ALL {
        assert_eq!(Role::from_code(r.code()), Some(r));
    }
}

#[test]
fn unit_scoped_roles_need_a_unit() {
    use crate::domain::{Field, InputError};
    let staff = BTreeSet::from([Role::UnitStaff]);
    assert_eq!(
        validate_roles(&staff, None),
        vec![InputError::Required { field: Field::Unit }]
    );
    assert!(validate_roles(&staff, Some(1)).is_empty());
    assert!(validate_roles(&BTreeSet::from([Role::Leadership]), None).is_empty());
    assert_eq!(
        validate_roles(&BTreeSet::new(), Some(1)),
        vec![InputError::Required {
            field: Field::Roles
        }]
    );
    for r in Role::ALL {
        assert_ne!(role_label(Lang::Vi, r), role_label(Lang::En, r));
    }
}

#[test]
fn a_council_member_cannot_also_be_the_office_or_an_administrator() {
    use crate::domain::{Field, InputError};
    let refused = InputError::Invalid {
        field: Field::Roles,
    };
    for other in [Role::CouncilOffice, Role::Admin] {
        let roles = BTreeSet::from([Role::CouncilMember, other]);
        assert_eq!(validate_roles(&roles, None), vec![refused.clone()]);
    }
    // A member may head a unit (recused on its nominations), and the office may administer.
    assert!(validate_roles(
        &BTreeSet::from([Role::CouncilMember, Role::UnitHead]),
        Some(1)
    )
    .is_empty());
    assert!(validate_roles(&BTreeSet::from([Role::CouncilOffice, Role::Admin]), None).is_empty());
    // Every pair of roles: refused exactly when it joins a member to the office or admin.
    for a in Role::ALL {
        for b in Role::ALL {
            let roles = BTreeSet::from([a, b]);
            let joined = roles.contains(&Role::CouncilMember)
                && (roles.contains(&Role::CouncilOffice) || roles.contains(&Role::Admin));
            assert_eq!(
                validate_roles(&roles, Some(1)).contains(&refused),
                joined,
                "{roles:?}"
            );
        }
    }
}
