use crate::error::AppError;
use crate::types::model::{AccountFields, AccountView};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Changes an account's name, unit, roles or status; `version` is the one the
/// administrator saw (a stale edit is refused with who changed it and when).
#[server(prefix = "/api", endpoint = "admin/update_account", input = Json)]
pub async fn update_account(
    id: i64,
    version: i64,
    fields: AccountFields,
) -> Result<AccountView, AppError> {
    use shared::auth::Action;

    let (user, ctx) =
        crate::services::guard(Action::Administer, "account", Some(id.to_string())).await?;
    let errors = super::account_field_errors(&fields);
    if !errors.is_empty() {
        return Err(super::invalid(crate::i18n::request_lang(), &errors));
    }
    if id == user.user_id && (!fields.active || !fields.roles.contains(&shared::auth::Role::Admin))
    {
        // Locking oneself out would leave nobody to undo it.
        return Err(AppError::Invalid(vec![shared::i18n::t(
            crate::i18n::request_lang(),
            shared::i18n::Msg::ErrorSelfLockout,
        )
        .to_string()]));
    }
    ctx.repo
        .update_account(id, version, &fields, &user)
        .await
        .map_err(AppError::from)
}
