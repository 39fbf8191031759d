use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Changes the signed-in user's own password. Every session of the account ends, this one
/// included: the user signs in again with the new password.
#[server(prefix = "/api", endpoint = "account/password", input = Json)]
pub async fn change_password(current: String, new: String) -> Result<(), AppError> {
    use shared::domain::{Field, InputError, NewPassword};

    let (user, ctx) = crate::services::request()?;
    let lang = crate::i18n::request_lang();
    let new = NewPassword::parse(&new).map_err(|e| crate::api::admin::invalid(lang, &[e]))?;
    let (hash, version) = ctx.repo.password_of(user.user_id).await?;
    let ok =
        tokio::task::spawn_blocking(move || crate::services::password::verify(&current, &hash))
            .await
            .unwrap_or(false);
    if !ok {
        return Err(crate::api::admin::invalid(
            lang,
            &[InputError::Invalid {
                field: Field::CurrentPassword,
            }],
        ));
    }
    let new_hash = crate::services::password::hash_blocking(new).await?;
    ctx.repo
        .set_password(user.user_id, version, &new_hash, &user)
        .await?;
    Ok(())
}
