use crate::error::AppError;
use crate::types::calendar::CalendarView;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Every deadline of a campaign year (the current one when `year` is None) with who has
/// met it. Every signed-in user may look: the programme's progress is shared.
#[server(prefix = "/api", endpoint = "calendar", input = Json)]
pub async fn get_calendar(year: Option<i32>) -> Result<CalendarView, AppError> {
    let (_user, ctx) = crate::services::request()?;
    ctx.repo
        .calendar(year, ctx.clock.today())
        .await
        .map_err(AppError::from)
}
