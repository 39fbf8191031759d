use crate::error::AppError;
use crate::types::conference::ConferencesView;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// The conferences of a campaign year (the current one when `year` is None): every
/// signed-in user reads them (they are public honours); the forms are the user's own.
#[server(prefix = "/api", endpoint = "conferences", input = Json)]
pub async fn get_conferences(year: Option<i32>) -> Result<ConferencesView, AppError> {
    let (user, ctx) = crate::services::request()?;
    ctx.repo
        .conferences(year, &user, ctx.clock.today())
        .await
        .map_err(AppError::from)
}
