use crate::error::AppError;
use crate::model::AccountsOverview;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "admin/accounts")]
pub async fn list_accounts() -> Result<AccountsOverview, AppError> {
    use crate::repo::AppContext;
    use shared::auth::Action;

    let user = crate::auth::require_user()?;
    let ctx = use_context::<AppContext>().ok_or(AppError::Internal)?;
    crate::auth::authorize(&ctx, &user, Action::Administer, "account", None).await?;
    Ok(AccountsOverview {
        accounts: ctx.repo.list_accounts().await?,
        units: ctx.repo.list_units().await?,
    })
}
