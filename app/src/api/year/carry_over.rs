use crate::error::AppError;
use crate::types::carry::CarryItem;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Carries the chosen exemplars of `year` over into the campaign's next year, all or
/// nothing; the office only. Returns the next year's cards.
#[server(prefix = "/api", endpoint = "carry-over/save", input = Json)]
pub async fn carry_over(year: i32, items: Vec<CarryItem>) -> Result<Vec<i64>, AppError> {
    use shared::auth::Action;
    let (user, ctx) = crate::services::request()?;
    crate::services::authorize(
        &ctx,
        &user,
        Action::CarryOver,
        "carry_over",
        Some(year.to_string()),
    )
    .await?;
    ctx.repo
        .carry_over(year, &items, &user)
        .await
        .map_err(AppError::from)
}
