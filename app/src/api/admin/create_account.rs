use crate::error::AppError;
use crate::types::model::{AccountFields, AccountView};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[server(prefix = "/api", endpoint = "admin/create_account", input = Json)]
pub async fn create_account(
    username: String,
    fields: AccountFields,
    password: String,
) -> Result<AccountView, AppError> {
    use shared::auth::Action;
    use shared::domain::{NewPassword, Username};

    // Who is asking, may they, is it valid, write (with the audit entry), answer.
    let (user, ctx) =
        crate::services::guard(Action::Administer, "account", Some(username.clone())).await?;
    let lang = crate::i18n::request_lang();
    let mut errors = super::account_field_errors(&fields);
    let username = Username::parse(&username).map_err(|e| errors.push(e)).ok();
    let password = NewPassword::parse(&password)
        .map_err(|e| errors.push(e))
        .ok();
    let (Some(username), Some(password), true) = (username, password, errors.is_empty()) else {
        return Err(super::invalid(lang, &errors));
    };
    let hash = crate::services::password::hash_blocking(password).await?;
    let created = ctx
        .repo
        .create_account(username.as_str(), &fields, &hash, &user)
        .await?;
    Ok(created)
}
