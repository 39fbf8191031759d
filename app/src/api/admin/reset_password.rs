use crate::error::AppError;
use crate::types::model::AccountView;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Sets a new password for an account and ends all its sessions.
#[server(prefix = "/api", endpoint = "admin/reset_password", input = Json)]
pub async fn reset_password(
    id: i64,
    version: i64,
    password: String,
) -> Result<AccountView, AppError> {
    use shared::auth::Action;
    use shared::domain::NewPassword;

    let (user, ctx) =
        crate::services::guard(Action::Administer, "account", Some(id.to_string())).await?;
    let password = NewPassword::parse(&password)
        .map_err(|e| super::invalid(crate::i18n::request_lang(), &[e]))?;
    let hash = crate::services::password::hash_blocking(password).await?;
    ctx.repo
        .set_password(id, version, &hash, &user)
        .await
        .map_err(AppError::from)
}
