use crate::error::AppError;
use crate::types::calendar::DueItem;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// What the user's unit (staff, head), bloc (bloc head) or the office still owes this
/// year, most urgent first; nothing for leadership, the council and administrators.
#[server(prefix = "/api", endpoint = "calendar/mine", input = Json)]
pub async fn my_deadlines() -> Result<Vec<DueItem>, AppError> {
    use shared::auth::Role;
    let (user, ctx) = crate::services::request()?;
    let actor = user.actor();
    let office = actor.has(Role::CouncilOffice);
    let unit_roles = actor.has(Role::UnitStaff) || actor.has(Role::UnitHead);
    let bloc_head = actor.has(Role::BlocHead);
    if !(office || unit_roles || bloc_head) {
        return Ok(Vec::new());
    }
    let calendar = ctx.repo.calendar(None, ctx.clock.today()).await?;
    Ok(crate::types::calendar::owed_next(&calendar.rows, |o| {
        (office && o.unit_id.is_none() && o.bloc_id.is_none())
            || (unit_roles && o.unit_id.is_some() && o.unit_id == user.unit_id)
            || (bloc_head
                && o.unit_id.is_none()
                && o.bloc_id.is_some()
                && o.bloc_id == user.bloc_id)
    }))
}
