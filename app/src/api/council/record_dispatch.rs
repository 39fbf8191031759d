use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// D-3: the office records that the year's decided list went to the City: the dispatch's
/// number and the day it was sent.
#[server(prefix = "/api", endpoint = "council/dispatch", input = Json)]
pub async fn record_dispatch(number: String, sent_on: chrono::NaiveDate) -> Result<(), AppError> {
    use shared::auth::Action;
    let (user, ctx) = crate::services::request()?;
    crate::services::authorize(&ctx, &user, Action::SelectForCity, "city_dispatch", None).await?;
    ctx.repo
        .record_dispatch(&number, sent_on, &user, ctx.clock.today())
        .await
        .map_err(AppError::from)
}
