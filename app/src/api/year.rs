//! The campaign year's calendar, what the user's unit, bloc or office owes next, and the
//! office's selections for the City.

use crate::calendar::{CalendarView, DueItem, SelectionView};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use shared::domain::SelectionPeriod;

/// Every deadline of a campaign year (the current one when `year` is None) with who has
/// met it. Every signed-in user may look: the programme's progress is shared.
#[server(prefix = "/api", endpoint = "calendar", input = Json)]
pub async fn get_calendar(year: Option<i32>) -> Result<CalendarView, AppError> {
    let (_user, ctx) = crate::auth::request()?;
    ctx.repo
        .calendar(year, ctx.clock.today())
        .await
        .map_err(AppError::from)
}

/// What the user's unit (staff, head), bloc (bloc head) or the office still owes this
/// year, most urgent first; nothing for leadership, the council and administrators.
#[server(prefix = "/api", endpoint = "calendar/mine", input = Json)]
pub async fn my_deadlines() -> Result<Vec<DueItem>, AppError> {
    use shared::auth::Role;
    let (user, ctx) = crate::auth::request()?;
    let actor = user.actor();
    let office = actor.has(Role::CouncilOffice);
    let unit_roles = actor.has(Role::UnitStaff) || actor.has(Role::UnitHead);
    let bloc_head = actor.has(Role::BlocHead);
    if !(office || unit_roles || bloc_head) {
        return Ok(Vec::new());
    }
    let calendar = ctx.repo.calendar(None, ctx.clock.today()).await?;
    Ok(crate::calendar::owed_next(&calendar.rows, |o| {
        (office && o.unit_id.is_none() && o.bloc_id.is_none())
            || (unit_roles && o.unit_id.is_some() && o.unit_id == user.unit_id)
            || (bloc_head
                && o.unit_id.is_none()
                && o.bloc_id.is_some()
                && o.bloc_id == user.bloc_id)
    }))
}

/// One period's selection for the City (E-2); without a period, today's quarter. The
/// office edits; leadership reads.
#[server(prefix = "/api", endpoint = "selections", input = Json)]
pub async fn get_selection(
    year: Option<i32>,
    period: Option<SelectionPeriod>,
) -> Result<SelectionView, AppError> {
    use shared::auth::Action;
    let (user, ctx) = crate::auth::request()?;
    let can_edit = user.may(&Action::SelectForCity).is_ok();
    if !can_edit && user.may(&Action::ViewSummaries).is_err() {
        return Err(AppError::Forbidden(shared::auth::Denied::Role));
    }
    let today = ctx.clock.today();
    let period = period.unwrap_or_else(|| SelectionPeriod::of_date(today));
    let mut view = ctx.repo.selection(year, period, today).await?;
    view.can_edit = can_edit;
    Ok(view)
}

/// Replaces a period's selection, if still at `version`; the office only.
#[server(prefix = "/api", endpoint = "selections/save", input = Json)]
pub async fn save_selection(
    year: i32,
    period: SelectionPeriod,
    version: i64,
    ids: Vec<i64>,
) -> Result<i64, AppError> {
    use shared::auth::Action;
    let (user, ctx) = crate::auth::request()?;
    crate::auth::authorize(&ctx, &user, Action::SelectForCity, "selection", None).await?;
    ctx.repo
        .save_selection(year, period, version, &ids, &user)
        .await
        .map_err(AppError::from)
}
