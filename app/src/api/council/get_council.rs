use crate::error::AppError;
use crate::types::council::CouncilList;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// The nominations to score this year, with the user's progress; the totals and ranking
/// for the office, and for a member on what they have submitted.
#[server(prefix = "/api", endpoint = "council", input = Json)]
pub async fn get_council() -> Result<CouncilList, AppError> {
    let (user, ctx) = crate::services::request()?;
    ctx.repo
        .council_list(&user, ctx.clock.today())
        .await
        .map_err(AppError::from)
}
