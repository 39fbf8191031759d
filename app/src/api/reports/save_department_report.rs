use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use shared::domain::EvaluationPeriod;

/// Saves the Department's assessment in its periodic report (the office); returns its new
/// version.
#[server(prefix = "/api", endpoint = "reports/department", input = Json)]
pub async fn save_department_report(
    year: i32,
    period: EvaluationPeriod,
    version: i64,
    assessment: String,
) -> Result<i64, AppError> {
    use shared::auth::Action;
    let (user, ctx) = crate::services::request()?;
    crate::services::authorize(
        &ctx,
        &user,
        Action::CompileDepartmentReport,
        "department_report",
        Some(format!("{year}-{}", period.code())),
    )
    .await?;
    ctx.repo
        .save_department_report(year, period, version, &assessment, &user)
        .await
        .map_err(AppError::from)
}
