use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use shared::rules::conference::{ConferenceDraft, ConferenceScope};

/// Records or changes a conference (a unit's by its people, the sector's by the office);
/// returns its new version.
#[server(prefix = "/api", endpoint = "conferences/save", input = Json)]
pub async fn save_conference(
    scope: ConferenceScope,
    year: i32,
    version: i64,
    draft: ConferenceDraft,
) -> Result<i64, AppError> {
    use shared::auth::Action;
    let (user, ctx) = crate::services::request()?;
    let unit_id = match scope {
        ConferenceScope::Unit { unit_id } => Some(unit_id),
        ConferenceScope::Sector => None,
    };
    crate::services::authorize(
        &ctx,
        &user,
        Action::RecordConference { unit_id },
        "conference",
        Some(format!(
            "{year}-{}",
            unit_id.map_or("sector".into(), |u| u.to_string())
        )),
    )
    .await?;
    ctx.repo
        .save_conference(scope, year, version, &draft, &user, ctx.clock.today())
        .await
        .map_err(AppError::from)
}
