//! Who may do what: one function, `authorize`, called by the server on every server
//! function (per object, before anything else) and by the UI to hide or disable what the
//! user may not do, with the reason.

use crate::domain::Stage;
use crate::i18n::Lang;
use crate::rules::transition::{classify_move, MoveKind};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Cán bộ thi đua of a unit.
    UnitStaff,
    /// Thủ trưởng of a unit.
    UnitHead,
    /// Trưởng khối of an emulation bloc.
    BlocHead,
    /// Thành viên Hội đồng Thi đua – Khen thưởng.
    CouncilMember,
    /// Thường trực Hội đồng / Văn phòng Sở.
    CouncilOffice,
    /// Ban Giám đốc Sở.
    Leadership,
    Admin,
}

codes! {
    Role {
        UnitStaff => "unit_staff",
        UnitHead => "unit_head",
        BlocHead => "bloc_head",
        CouncilMember => "council_member",
        CouncilOffice => "council_office",
        Leadership => "leadership",
        Admin => "admin",
    }
}

/// The signed-in user, as far as permissions are concerned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub user_id: i64,
    pub roles: BTreeSet<Role>,
    /// The user's unit: the scope of unit staff and unit heads.
    pub unit_id: Option<i64>,
    /// The bloc of the user's unit: the scope of a bloc head.
    pub bloc_id: Option<i64>,
}

impl Actor {
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    fn in_unit(&self, unit_id: i64) -> bool {
        self.unit_id == Some(unit_id)
    }

    fn unit_role(&self, unit_id: i64, role: Role) -> bool {
        self.has(role) && self.in_unit(unit_id)
    }

    fn is_unit_member(&self, unit_id: i64) -> bool {
        self.unit_role(unit_id, Role::UnitStaff) || self.unit_role(unit_id, Role::UnitHead)
    }
}

/// What a permission check needs to know about a nomination.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct NominationScope {
    pub unit_id: i64,
    pub bloc_id: i64,
    pub stage: Stage,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Action {
    ViewNomination(NominationScope),
    CreateNomination {
        unit_id: i64,
    },
    EditNomination(NominationScope),
    MoveNomination {
        nomination: NominationScope,
        to: Stage,
        dropped_from: Option<Stage>,
    },
    RecordFostering(NominationScope),
    ApproveFosteringPlan(NominationScope),
    RecordEvaluation(NominationScope),
    /// S-3: a unit proposes a commendation for its exemplar (its staff, head; the office).
    ProposeCommendation(NominationScope),
    /// S-3: the office decides a proposal (granted or declined).
    DecideCommendation,
    WriteBlocReview {
        bloc_id: i64,
    },
    /// E-1: a unit writes and sends its periodic report (its staff and head).
    WriteUnitReport {
        unit_id: i64,
    },
    /// E-1: a unit's periodic report is read by the unit, its bloc's head, the office and
    /// leadership.
    ViewUnitReport {
        unit_id: i64,
        bloc_id: i64,
    },
    /// E-1: the office compiles the Department's periodic report from the units' reports.
    CompileDepartmentReport,
    /// E-1, E-2: recording a conference where exemplars were honoured: a unit's (its staff
    /// and head), or the sector's (`None`: the office).
    RecordConference {
        unit_id: Option<i64>,
    },
    Score(NominationScope),
    Vote(NominationScope),
    SelectForCity,
    /// Closing a year: carrying its exemplars over into the next (the office).
    CarryOver,
    ViewSummaries,
    /// A bloc's summary, its review and the review's exports.
    ViewBloc {
        bloc_id: i64,
    },
    ViewAudit,
    Administer,
}

/// Why an action is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Denied {
    /// No role of the user allows this kind of action.
    Role,
    /// A role allows it, but not on this unit's or bloc's objects.
    Scope,
    /// Leadership reads everything and changes nothing.
    ReadOnly,
    /// Council members do not score or vote on their own unit's nominations (the council's recusal: the plan names no rule for
    /// it; it is how the council applies S-2 fairly).
    Recused,
}

impl Denied {
    pub fn message(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Denied::Role, Lang::Vi) => "Vai trò của bạn không được thực hiện thao tác này.",
            (Denied::Role, Lang::En) => "Your role does not allow this action.",
            (Denied::Scope, Lang::Vi) => "Hồ sơ này không thuộc đơn vị hoặc khối bạn phụ trách.",
            (Denied::Scope, Lang::En) => {
                "This belongs to a unit or bloc outside your responsibility."
            }
            (Denied::ReadOnly, Lang::Vi) => "Tài khoản lãnh đạo chỉ được xem, không được thay đổi.",
            (Denied::ReadOnly, Lang::En) => "Leadership accounts can view but not change anything.",
            (Denied::Recused, Lang::Vi) => {
                "Bạn thuộc đơn vị có hồ sơ này nên không chấm điểm hay biểu quyết."
            }
            (Denied::Recused, Lang::En) => {
                "You belong to this nominee's unit, so you do not score or vote on it."
            }
        }
    }
}

fn council_visible(stage: Stage) -> bool {
    !matches!(stage, Stage::Discovered | Stage::Dropped)
}

/// May `actor` do `action`? `Ok` or the reason it may not.
pub fn authorize(actor: &Actor, action: &Action) -> Result<(), Denied> {
    let office = actor.has(Role::CouncilOffice);
    // When refusing, say "scope" if some role would allow it elsewhere, "read-only" for
    // leadership, and "role" otherwise.
    let refuse = |scoped_role: bool| {
        if scoped_role {
            Err(Denied::Scope)
        } else if actor.has(Role::Leadership) {
            Err(Denied::ReadOnly)
        } else {
            Err(Denied::Role)
        }
    };
    let allow = |ok: bool, scoped_role: bool| if ok { Ok(()) } else { refuse(scoped_role) };
    let unit_roles = actor.has(Role::UnitStaff) || actor.has(Role::UnitHead);
    match *action {
        Action::ViewNomination(n) => {
            let ok = office
                || actor.has(Role::Leadership)
                || actor.is_unit_member(n.unit_id)
                || (actor.has(Role::BlocHead) && actor.bloc_id == Some(n.bloc_id))
                || (actor.has(Role::CouncilMember) && council_visible(n.stage));
            if ok {
                Ok(())
            } else if unit_roles || actor.has(Role::BlocHead) || actor.has(Role::CouncilMember) {
                Err(Denied::Scope)
            } else {
                Err(Denied::Role)
            }
        }
        Action::CreateNomination { unit_id } => {
            allow(office || actor.is_unit_member(unit_id), unit_roles)
        }
        Action::EditNomination(n)
        | Action::RecordFostering(n)
        | Action::RecordEvaluation(n)
        | Action::ProposeCommendation(n) => {
            allow(office || actor.is_unit_member(n.unit_id), unit_roles)
        }
        Action::ApproveFosteringPlan(n) => allow(
            office || actor.unit_role(n.unit_id, Role::UnitHead),
            actor.has(Role::UnitHead),
        ),
        Action::MoveNomination {
            nomination: n,
            to,
            dropped_from,
        } => {
            if office {
                return Ok(());
            }
            // An impossible move is the rules' business (it gets the rule's message); here
            // only who may attempt it matters.
            let Ok(kind) = classify_move(n.stage, to, dropped_from) else {
                return allow(actor.is_unit_member(n.unit_id), unit_roles);
            };
            let head = actor.unit_role(n.unit_id, Role::UnitHead);
            let staff = actor.unit_role(n.unit_id, Role::UnitStaff);
            let ok = match (kind, n.stage, to) {
                (MoveKind::Forward, Stage::Discovered, Stage::Registered) => head,
                (MoveKind::Forward, Stage::Registered, Stage::Fostering) => head,
                (MoveKind::Forward, Stage::Fostering, Stage::Evaluating) => head || staff,
                (MoveKind::Drop, _, _) => head,
                _ => false,
            };
            let could_elsewhere = match (kind, n.stage, to) {
                (MoveKind::Forward, Stage::Fostering, Stage::Evaluating) => unit_roles,
                (MoveKind::Forward, Stage::Discovered | Stage::Registered, _)
                | (MoveKind::Drop, _, _) => actor.has(Role::UnitHead),
                _ => false,
            };
            allow(ok, could_elsewhere)
        }
        Action::WriteBlocReview { bloc_id } => allow(
            office || (actor.has(Role::BlocHead) && actor.bloc_id == Some(bloc_id)),
            actor.has(Role::BlocHead),
        ),
        Action::WriteUnitReport { unit_id }
        | Action::RecordConference {
            unit_id: Some(unit_id),
        } => allow(actor.is_unit_member(unit_id), unit_roles),
        Action::RecordConference { unit_id: None } => allow(office, false),
        Action::ViewUnitReport { unit_id, bloc_id } => allow(
            office
                || actor.has(Role::Leadership)
                || actor.is_unit_member(unit_id)
                || (actor.has(Role::BlocHead) && actor.bloc_id == Some(bloc_id)),
            unit_roles || actor.has(Role::BlocHead),
        ),
        Action::Score(n) | Action::Vote(n) => {
            if actor.has(Role::CouncilMember) && actor.in_unit(n.unit_id) {
                return Err(Denied::Recused);
            }
            allow(
                actor.has(Role::CouncilMember) && council_visible(n.stage),
                false,
            )
        }
        Action::SelectForCity
        | Action::CarryOver
        | Action::DecideCommendation
        | Action::CompileDepartmentReport => allow(office, false),
        Action::ViewSummaries => allow(office || actor.has(Role::Leadership), false),
        Action::ViewBloc { bloc_id } => allow(
            office
                || actor.has(Role::Leadership)
                || (actor.has(Role::BlocHead) && actor.bloc_id == Some(bloc_id)),
            actor.has(Role::BlocHead),
        ),
        Action::ViewAudit => allow(office || actor.has(Role::Admin), false),
        Action::Administer => allow(actor.has(Role::Admin), false),
    }
}

/// Roles scoped to a unit or bloc need the account to belong to a unit; an account needs
/// at least one role.
pub fn validate_roles(
    roles: &BTreeSet<Role>,
    unit_id: Option<i64>,
) -> Vec<crate::domain::InputError> {
    use crate::domain::{Field, InputError};
    let mut errors = Vec::new();
    if roles.is_empty() {
        errors.push(InputError::Required {
            field: Field::Roles,
        });
    }
    let scoped = roles
        .iter()
        .any(|r| matches!(r, Role::UnitStaff | Role::UnitHead | Role::BlocHead));
    if scoped && unit_id.is_none() {
        errors.push(InputError::Required { field: Field::Unit });
    }
    // The council scores blind and votes in secret: a member may not also be the office
    // (which reads the totals and runs the ballot) or an administrator (who reads the
    // storage's configuration and the audit history).
    if roles.contains(&Role::CouncilMember)
        && (roles.contains(&Role::CouncilOffice) || roles.contains(&Role::Admin))
    {
        errors.push(InputError::Invalid {
            field: Field::Roles,
        });
    }
    errors
}

/// The role's name as users know it.
pub fn role_label(lang: Lang, role: Role) -> &'static str {
    match (role, lang) {
        (Role::UnitStaff, Lang::Vi) => "Cán bộ thi đua đơn vị",
        (Role::UnitStaff, Lang::En) => "Unit emulation staff",
        (Role::UnitHead, Lang::Vi) => "Thủ trưởng đơn vị",
        (Role::UnitHead, Lang::En) => "Unit head",
        (Role::BlocHead, Lang::Vi) => "Trưởng khối thi đua",
        (Role::BlocHead, Lang::En) => "Bloc head",
        (Role::CouncilMember, Lang::Vi) => "Thành viên Hội đồng",
        (Role::CouncilMember, Lang::En) => "Council member",
        (Role::CouncilOffice, Lang::Vi) => "Thường trực Hội đồng / Văn phòng Sở",
        (Role::CouncilOffice, Lang::En) => "Council standing / Department office",
        (Role::Leadership, Lang::Vi) => "Ban Giám đốc",
        (Role::Leadership, Lang::En) => "Leadership",
        (Role::Admin, Lang::Vi) => "Quản trị hệ thống",
        (Role::Admin, Lang::En) => "Administrator",
    }
}

#[cfg(test)]
mod tests;
