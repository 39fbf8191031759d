//! Blocs, units and council seats.

use crate::error::AppError;
use crate::model::Organisation;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[server(prefix = "/api", endpoint = "admin/organisation")]
pub async fn get_organisation() -> Result<Organisation, AppError> {
    use shared::auth::Action;
    let (_user, ctx) = crate::auth::guard(Action::Administer, "organisation", None).await?;
    Ok(ctx.repo.organisation().await?)
}

#[cfg(feature = "ssr")]
fn checked(code: &str, name: &str) -> Result<String, AppError> {
    let errors = shared::domain::org_input::org_errors(code, name);
    if !errors.is_empty() {
        return Err(super::invalid(crate::i18n::request_lang(), &errors));
    }
    Ok(shared::domain::org_input::parse_org_code(code).unwrap_or_default())
}

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
    let (user, ctx) = crate::auth::guard(Action::Administer, "bloc", Some(code.clone())).await?;
    let code = checked(&code, &name)?;
    ctx.repo
        .save_bloc(id, version, &code, name.trim(), head_unit_id, &user)
        .await
        .map_err(AppError::from)
}

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
    let (user, ctx) = crate::auth::guard(Action::Administer, "unit", Some(code.clone())).await?;
    let code = checked(&code, &name)?;
    ctx.repo
        .save_unit(id, version, &code, name.trim(), bloc_id, &user)
        .await
        .map_err(AppError::from)
}

/// Seats or unseats an account on the council of the current campaign.
#[server(prefix = "/api", endpoint = "admin/council_seat", input = Json)]
pub async fn set_council_seat(user_id: i64, member: bool) -> Result<(), AppError> {
    use shared::auth::Action;
    let (user, ctx) =
        crate::auth::guard(Action::Administer, "council", Some(user_id.to_string())).await?;
    ctx.repo
        .set_council_member(user_id, member, &user)
        .await
        .map_err(AppError::from)
}
