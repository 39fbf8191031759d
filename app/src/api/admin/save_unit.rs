use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Creates a unit (`id` None) or changes one at `version`.
#[server(prefix = "/api", endpoint = "admin/save_unit", input = Json)]
pub async fn save_unit(
    id: Option<i64>,
    version: i64,
    code: String,
    name: String,
    bloc_id: i64,
) -> Result<(), AppError> {
    use shared::auth::Action;
    let (user, ctx) =
        crate::services::guard(Action::Administer, "unit", Some(code.clone())).await?;
    let code = super::checked(&code, &name)?;
    ctx.repo
        .save_unit(id, version, &code, name.trim(), bloc_id, &user)
        .await
        .map_err(AppError::from)
}
