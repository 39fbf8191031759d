use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// A council member's secret vote on one nomination of the open ballot.
#[server(prefix = "/api", endpoint = "council/ballot/vote", input = Json)]
pub async fn cast_vote(id: i64, agree: bool) -> Result<(), AppError> {
    let (user, ctx) = crate::services::request()?;
    ctx.repo
        .cast_vote(id, agree, &user)
        .await
        .map_err(AppError::from)
}
