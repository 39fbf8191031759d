use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Creates a bloc (`id` None) or changes one at `version`.
#[server(prefix = "/api", endpoint = "admin/save_bloc", input = Json)]
pub async fn save_bloc(
    id: Option<i64>,
    version: i64,
    code: String,
    name: String,
    head_unit_id: Option<i64>,
) -> Result<(), AppError> {
    use shared::auth::Action;
    let (user, ctx) =
        crate::services::guard(Action::Administer, "bloc", Some(code.clone())).await?;
    let code = super::checked(&code, &name)?;
    ctx.repo
        .save_bloc(id, version, &code, name.trim(), head_unit_id, &user)
        .await
        .map_err(AppError::from)
}
