use crate::error::AppError;
use crate::model::CardEvent;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use shared::domain::{EvaluationDraft, PlanDraft};

/// What a plan save or approval returns: the change, and the plan's new version.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PlanSaved {
    pub event: CardEvent,
    pub version: i64,
}

/// Makes (`version` 0) or changes a nomination's fostering plan (F-1). The server checks
/// permission, stage and the plan's rules on the stored nomination.
#[server(prefix = "/api", endpoint = "nominations/plan", input = Json)]
pub async fn save_plan(id: i64, version: i64, draft: PlanDraft) -> Result<PlanSaved, AppError> {
    let (user, ctx) = crate::auth::request()?;
    let (event, version) = ctx.repo.save_plan(id, version, &draft, &user).await?;
    Ok(PlanSaved { event, version })
}

/// The unit head approves the plan still at `version`.
#[server(prefix = "/api", endpoint = "nominations/plan/approve", input = Json)]
pub async fn approve_plan(id: i64, version: i64) -> Result<PlanSaved, AppError> {
    let (user, ctx) = crate::auth::request()?;
    let (event, version) = ctx.repo.approve_plan(id, version, &user).await?;
    Ok(PlanSaved { event, version })
}

/// Records a periodic evaluation (E-1), dated no later than today by the server's clock.
#[server(prefix = "/api", endpoint = "nominations/evaluate", input = Json)]
pub async fn record_evaluation(id: i64, draft: EvaluationDraft) -> Result<CardEvent, AppError> {
    let (user, ctx) = crate::auth::request()?;
    ctx.repo
        .record_evaluation(id, &draft, &user, ctx.clock.today())
        .await
        .map_err(AppError::from)
}

/// Records where a model was replicated: which unit or locality adopted it, when, with
/// what result.
#[server(prefix = "/api", endpoint = "nominations/replicate", input = Json)]
pub async fn record_replication(
    id: i64,
    draft: shared::domain::ReplicationDraft,
) -> Result<CardEvent, AppError> {
    let (user, ctx) = crate::auth::request()?;
    ctx.repo
        .record_replication(id, &draft, &user, ctx.clock.today())
        .await
        .map_err(AppError::from)
}
