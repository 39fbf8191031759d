//! The council's scoring (S-2): the list, one's own scoresheet, and its changes.

use crate::council::{CouncilList, SheetChange, SheetState, SheetView};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// The nominations to score this year, with the user's progress; the totals and ranking
/// for the office, and for a member on what they have submitted.
#[server(prefix = "/api", endpoint = "council", input = Json)]
pub async fn get_council() -> Result<CouncilList, AppError> {
    let (user, ctx) = crate::auth::request()?;
    ctx.repo
        .council_list(&user, ctx.clock.today())
        .await
        .map_err(AppError::from)
}

/// The user's scoresheet for one nomination (blind: nobody else's until it is submitted).
#[server(prefix = "/api", endpoint = "council/sheet", input = Json)]
pub async fn get_sheet(id: i64) -> Result<SheetView, AppError> {
    let (user, ctx) = crate::auth::request()?;
    ctx.repo
        .council_sheet(id, &user)
        .await
        .map_err(AppError::from)
}

/// Saves a score and comment, submits the sheet, or declares a conflict of interest.
#[server(prefix = "/api", endpoint = "council/change", input = Json)]
pub async fn change_sheet(id: i64, change: SheetChange) -> Result<SheetState, AppError> {
    let (user, ctx) = crate::auth::request()?;
    ctx.repo
        .council_change(id, &change, &user)
        .await
        .map_err(AppError::from)
}

/// S-2: the office records the year's 3 to 5 models for the City, with the decision's date.
#[server(prefix = "/api", endpoint = "council/decide", input = Json)]
pub async fn decide_for_city(
    decided_on: chrono::NaiveDate,
    ids: Vec<i64>,
) -> Result<usize, AppError> {
    use shared::auth::Action;
    let (user, ctx) = crate::auth::request()?;
    crate::auth::authorize(&ctx, &user, Action::SelectForCity, "city_decision", None).await?;
    ctx.repo
        .decide_for_city(decided_on, &ids, &user, ctx.clock.today())
        .await
        .map(|events| events.len())
        .map_err(AppError::from)
}

/// Opens the year's ballot on a shortlist (the office).
#[server(prefix = "/api", endpoint = "council/ballot/open", input = Json)]
pub async fn open_ballot(ids: Vec<i64>, share_pct: i64) -> Result<(), AppError> {
    use shared::auth::Action;
    let (user, ctx) = crate::auth::request()?;
    crate::auth::authorize(&ctx, &user, Action::SelectForCity, "ballot", None).await?;
    ctx.repo
        .open_ballot(&ids, share_pct, &user, ctx.clock.today())
        .await
        .map_err(AppError::from)
}

/// A council member's secret vote on one nomination of the open ballot.
#[server(prefix = "/api", endpoint = "council/ballot/vote", input = Json)]
pub async fn cast_vote(id: i64, agree: bool) -> Result<(), AppError> {
    let (user, ctx) = crate::auth::request()?;
    ctx.repo
        .cast_vote(id, agree, &user)
        .await
        .map_err(AppError::from)
}

/// Closes the year's ballot (the office); the results are final.
#[server(prefix = "/api", endpoint = "council/ballot/close", input = Json)]
pub async fn close_ballot() -> Result<(), AppError> {
    use shared::auth::Action;
    let (user, ctx) = crate::auth::request()?;
    crate::auth::authorize(&ctx, &user, Action::SelectForCity, "ballot", None).await?;
    ctx.repo
        .close_ballot(&user, ctx.clock.today())
        .await
        .map_err(AppError::from)
}
