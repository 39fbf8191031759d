use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use shared::domain::SelectionPeriod;

/// Replaces a period's selection, if still at `version`; the office only.
#[server(prefix = "/api", endpoint = "selections/save", input = Json)]
pub async fn save_selection(
    year: i32,
    period: SelectionPeriod,
    version: i64,
    ids: Vec<i64>,
) -> Result<i64, AppError> {
    use shared::auth::Action;
    let (user, ctx) = crate::services::request()?;
    crate::services::authorize(&ctx, &user, Action::SelectForCity, "selection", None).await?;
    ctx.repo
        .save_selection(year, period, version, &ids, &user)
        .await
        .map_err(AppError::from)
}
