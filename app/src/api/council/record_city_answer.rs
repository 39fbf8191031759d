use crate::error::AppError;
use crate::types::model::CardEvent;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use shared::rules::city_answer::CityAnswerDraft;

/// D-3: the office records the City's answer on a model it was sent (accepted, commended
/// with what, returned with a reason).
#[server(prefix = "/api", endpoint = "council/city_answer", input = Json)]
pub async fn record_city_answer(id: i64, draft: CityAnswerDraft) -> Result<CardEvent, AppError> {
    let (user, ctx) = crate::services::request()?;
    ctx.repo
        .record_city_answer(id, &draft, &user, ctx.clock.today())
        .await
        .map_err(AppError::from)
}
