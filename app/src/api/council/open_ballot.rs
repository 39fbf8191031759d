use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Opens the year's ballot on a shortlist (the office).
#[server(prefix = "/api", endpoint = "council/ballot/open", input = Json)]
pub async fn open_ballot(ids: Vec<i64>, share_pct: i64) -> Result<(), AppError> {
    use shared::auth::Action;
    let (user, ctx) = crate::services::request()?;
    crate::services::authorize(&ctx, &user, Action::SelectForCity, "ballot", None).await?;
    ctx.repo
        .open_ballot(&ids, share_pct, &user, ctx.clock.today())
        .await
        .map_err(AppError::from)
}
