use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use shared::domain::EvaluationPeriod;
use shared::rules::periodic_report::UnitReportDraft;

/// Saves the unit's periodic report as a draft, or (`send`) sends it to the Department;
/// returns its new version.
#[server(prefix = "/api", endpoint = "reports/save", input = Json)]
pub async fn save_unit_report(
    unit_id: i64,
    year: i32,
    period: EvaluationPeriod,
    version: i64,
    draft: UnitReportDraft,
    send: bool,
) -> Result<i64, AppError> {
    use shared::auth::Action;
    let (user, ctx) = crate::services::request()?;
    crate::services::authorize(
        &ctx,
        &user,
        Action::WriteUnitReport { unit_id },
        "unit_report",
        Some(format!("{year}-{}-{unit_id}", period.code())),
    )
    .await?;
    ctx.repo
        .save_unit_report(
            unit_id,
            year,
            period,
            version,
            &draft,
            send,
            &user,
            ctx.clock.today(),
        )
        .await
        .map_err(AppError::from)
}
