use crate::error::AppError;
use crate::types::model::AccountsOverview;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "admin/accounts")]
pub async fn list_accounts() -> Result<AccountsOverview, AppError> {
    use shared::auth::Action;

    let (_user, ctx) = crate::services::guard(Action::Administer, "account", None).await?;
    Ok(AccountsOverview {
        accounts: ctx.repo.list_accounts().await?,
        units: ctx.repo.list_units().await?,
    })
}
