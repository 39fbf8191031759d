use crate::error::AppError;
use crate::types::model::CardEvent;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use shared::domain::PlanDraft;

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
    let (user, ctx) = crate::services::request()?;
    let (event, version) = ctx.repo.save_plan(id, version, &draft, &user).await?;
    Ok(PlanSaved { event, version })
}
