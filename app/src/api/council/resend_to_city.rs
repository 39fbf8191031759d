use crate::error::AppError;
use crate::types::model::CardEvent;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// D-3: the office sends a model the City returned again, corrected, on `sent_on`.
#[server(prefix = "/api", endpoint = "council/city_resend", input = Json)]
pub async fn resend_to_city(
    id: i64,
    sent_on: Option<chrono::NaiveDate>,
) -> Result<CardEvent, AppError> {
    let (user, ctx) = crate::services::request()?;
    ctx.repo
        .resend_to_city(id, sent_on, &user, ctx.clock.today())
        .await
        .map_err(AppError::from)
}
