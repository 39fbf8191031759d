use crate::error::AppError;
use crate::types::model::Organisation;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "admin/organisation")]
pub async fn get_organisation() -> Result<Organisation, AppError> {
    use shared::auth::Action;
    let (_user, ctx) = crate::services::guard(Action::Administer, "organisation", None).await?;
    Ok(ctx.repo.organisation(ctx.clock.today()).await?)
}
