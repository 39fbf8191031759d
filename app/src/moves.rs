//! The decision on a move, written once: every database backend calls it inside the
//! transaction that makes the move (the authority), and the browser calls the same code
//! before sending anything (instant feedback while a card is dragged).

use crate::types::model::BoardCard;
use shared::auth::{authorize, Action, Actor, Denied, NominationScope};
use shared::domain::Stage;
use shared::rules::transition::{classify_move, MoveKind};
use shared::rules::Violation;

/// What the permission rules see of a card.
pub fn scope(card: &BoardCard) -> NominationScope {
    NominationScope {
        unit_id: card.unit_id,
        bloc_id: card.bloc_id,
        stage: card.stage,
    }
}

/// Why a move cannot be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    Denied(Denied),
    Rules(Vec<Violation>),
}

/// What can be known of a move from the card alone: who may make it and whether it is a
/// move at all. `Ok(None)` is a change of order inside the card's own column.
///
/// The rules that depend on the nomination's records (profile, evidence, fostering plan,
/// evaluations, deadlines) are checked by [`shared::rules::transition::check_move`] on the
/// server, with the facts loaded inside the transaction.
pub fn precheck(actor: &Actor, card: &BoardCard, to: Stage) -> Result<Option<MoveKind>, Refusal> {
    if to == card.stage {
        authorize(actor, &Action::EditNomination(scope(card))).map_err(Refusal::Denied)?;
        return Ok(None);
    }
    authorize(
        actor,
        &Action::MoveNomination {
            nomination: scope(card),
            to,
            dropped_from: card.dropped_from,
        },
    )
    .map_err(Refusal::Denied)?;
    classify_move(card.stage, to, card.dropped_from)
        .map(Some)
        .map_err(|v| Refusal::Rules(vec![v]))
}

/// The stage a nomination leaves for when it is dropped, restored or moved: what
/// `dropped_from` becomes after a move from `from` to `to`.
pub fn dropped_from_after(from: Stage, to: Stage, before: Option<Stage>) -> Option<Stage> {
    match (from, to) {
        (_, Stage::Dropped) if from != Stage::Dropped => Some(from),
        (Stage::Dropped, Stage::Dropped) => before,
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::auth::Role;
    use shared::domain::{NomineeKind, Position};
    use std::collections::BTreeSet;

    fn card(stage: Stage) -> BoardCard {
        BoardCard {
            id: 1,
            nominee_name: "Nguyễn Văn An".into(),
            kind: NomineeKind::Individual,
            unit_id: 10,
            unit_name: "Chi cục".into(),
            bloc_id: 2,
            bloc_name: "Khối 1".into(),
            stage,
            position: Position::first(),
            version: 1,
            city_registered: false,
            dropped_from: None,
            evaluations: Vec::new(),
            replications: 0,
            council_score_milli: None,
            year: 2026,
            exemplar_type: None,
            movement_id: None,
        }
    }

    fn actor(role: Role, unit: i64) -> Actor {
        Actor {
            user_id: 5,
            roles: BTreeSet::from([role]),
            unit_id: Some(unit),
            bloc_id: Some(2),
        }
    }

    #[test]
    fn a_head_registers_their_own_units_nomination() {
        let head = actor(Role::UnitHead, 10);
        assert_eq!(
            precheck(&head, &card(Stage::Discovered), Stage::Registered),
            Ok(Some(MoveKind::Forward))
        );
        let other = actor(Role::UnitHead, 11);
        assert_eq!(
            precheck(&other, &card(Stage::Discovered), Stage::Registered),
            Err(Refusal::Denied(Denied::Scope))
        );
    }

    #[test]
    fn staff_may_not_register_and_nobody_skips_stages() {
        let staff = actor(Role::UnitStaff, 10);
        assert_eq!(
            precheck(&staff, &card(Stage::Discovered), Stage::Registered),
            Err(Refusal::Denied(Denied::Role))
        );
        let office = actor(Role::CouncilOffice, 1);
        let skipped = precheck(&office, &card(Stage::Discovered), Stage::Evaluating);
        assert!(matches!(skipped, Err(Refusal::Rules(v)) if v[0].rule == "II.3"));
    }

    #[test]
    fn reordering_is_an_edit_of_ones_own_unit() {
        assert_eq!(
            precheck(
                &actor(Role::UnitStaff, 10),
                &card(Stage::Fostering),
                Stage::Fostering
            ),
            Ok(None)
        );
        assert!(precheck(
            &actor(Role::Leadership, 10),
            &card(Stage::Fostering),
            Stage::Fostering
        )
        .is_err());
    }

    #[test]
    fn dropping_remembers_where_from_and_restoring_forgets() {
        assert_eq!(
            dropped_from_after(Stage::Fostering, Stage::Dropped, None),
            Some(Stage::Fostering)
        );
        assert_eq!(
            dropped_from_after(Stage::Dropped, Stage::Fostering, Some(Stage::Fostering)),
            None
        );
        assert_eq!(
            dropped_from_after(Stage::Dropped, Stage::Dropped, Some(Stage::Registered)),
            Some(Stage::Registered)
        );
    }
}
