use crate::error::AppError;
use crate::types::calendar::SelectionView;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use shared::domain::SelectionPeriod;

/// One period's selection for the City (E-2); without a period, today's quarter. The
/// office edits; leadership reads.
#[server(prefix = "/api", endpoint = "selections", input = Json)]
pub async fn get_selection(
    year: Option<i32>,
    period: Option<SelectionPeriod>,
) -> Result<SelectionView, AppError> {
    use shared::auth::Action;
    let (user, ctx) = crate::services::request()?;
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
