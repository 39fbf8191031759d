use crate::error::AppError;
use crate::types::model::CardEvent;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use shared::domain::EvaluationDraft;

/// Records a periodic evaluation (E-1), dated no later than today by the server's clock.
#[server(prefix = "/api", endpoint = "nominations/evaluate", input = Json)]
pub async fn record_evaluation(id: i64, draft: EvaluationDraft) -> Result<CardEvent, AppError> {
    let (user, ctx) = crate::services::request()?;
    ctx.repo
        .record_evaluation(id, &draft, &user, ctx.clock.today())
        .await
        .map_err(AppError::from)
}
