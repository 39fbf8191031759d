use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// S-2: the office records the year's 3 to 5 models for the City, with the decision's date.
#[server(prefix = "/api", endpoint = "council/decide", input = Json)]
pub async fn decide_for_city(
    decided_on: chrono::NaiveDate,
    ids: Vec<i64>,
) -> Result<usize, AppError> {
    use shared::auth::Action;
    let (user, ctx) = crate::services::request()?;
    crate::services::authorize(&ctx, &user, Action::SelectForCity, "city_decision", None).await?;
    ctx.repo
        .decide_for_city(decided_on, &ids, &user, ctx.clock.today())
        .await
        .map(|events| events.len())
        .map_err(AppError::from)
}
