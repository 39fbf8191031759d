use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use shared::domain::CriteriaSet;

/// Stores a campaign's criteria as a new version for the years from `from_year` on
/// (administrators), checked by the same shared rule the form runs; `version` is the
/// campaign's latest version when the form was opened. Returns the new version.
#[server(prefix = "/api", endpoint = "admin/save_criteria", input = Json)]
pub async fn save_criteria(
    campaign_id: i64,
    from_year: i32,
    criteria: CriteriaSet,
    version: i64,
) -> Result<i64, AppError> {
    use shared::auth::Action;
    let (user, ctx) = crate::services::guard(
        Action::Administer,
        "criteria",
        Some(format!("{campaign_id}/{from_year}")),
    )
    .await?;
    let problems: Vec<_> = criteria.problems().into_iter().map(|p| p.error).collect();
    if !problems.is_empty() {
        return Err(super::invalid(crate::i18n::request_lang(), &problems));
    }
    Ok(ctx
        .repo
        .save_criteria(campaign_id, from_year, &criteria, version, &user)
        .await?)
}
