use super::PlanSaved;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// The unit head approves the plan still at `version`.
#[server(prefix = "/api", endpoint = "nominations/plan/approve", input = Json)]
pub async fn approve_plan(id: i64, version: i64) -> Result<PlanSaved, AppError> {
    let (user, ctx) = crate::services::request()?;
    let (event, version) = ctx.repo.approve_plan(id, version, &user).await?;
    Ok(PlanSaved { event, version })
}
