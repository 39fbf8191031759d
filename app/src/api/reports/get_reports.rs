use crate::error::AppError;
use crate::types::report::ReportsPage;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use shared::domain::EvaluationPeriod;

/// `/reports`: unit `unit`'s report for `period` (None: the latest begun) of `year`; without
/// a unit, the user's own unit's (its staff and head), or else who has reported.
#[server(prefix = "/api", endpoint = "reports", input = Json)]
pub async fn get_reports(
    unit: Option<i64>,
    year: Option<i32>,
    period: Option<EvaluationPeriod>,
) -> Result<ReportsPage, AppError> {
    let (user, ctx) = crate::services::request()?;
    crate::services::documents::load_reports(
        &ctx,
        &user,
        unit,
        year,
        period,
        crate::i18n::request_lang(),
    )
    .await
}
