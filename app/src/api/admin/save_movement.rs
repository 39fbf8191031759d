use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Adds an emulation movement to a campaign (`id` None), or renames, retires or brings
/// back one at `version` (administrators). Returns its id.
#[server(prefix = "/api", endpoint = "admin/save_movement", input = Json)]
pub async fn save_movement(
    campaign_id: i64,
    id: Option<i64>,
    version: i64,
    name: String,
    retired: bool,
) -> Result<i64, AppError> {
    use shared::auth::Action;
    let (user, ctx) =
        crate::services::guard(Action::Administer, "movement", id.map(|i| i.to_string())).await?;
    if let Err(e) = shared::domain::exemplar::parse_movement_name(&name) {
        return Err(super::invalid(crate::i18n::request_lang(), &[e]));
    }
    ctx.repo
        .save_movement(campaign_id, id, version, &name, retired, &user)
        .await
        .map_err(AppError::from)
}
