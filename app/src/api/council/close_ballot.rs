use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Closes the year's ballot (the office); the results are final.
#[server(prefix = "/api", endpoint = "council/ballot/close", input = Json)]
pub async fn close_ballot() -> Result<(), AppError> {
    use shared::auth::Action;
    let (user, ctx) = crate::services::request()?;
    crate::services::authorize(&ctx, &user, Action::SelectForCity, "ballot", None).await?;
    ctx.repo
        .close_ballot(&user, ctx.clock.today())
        .await
        .map_err(AppError::from)
}
