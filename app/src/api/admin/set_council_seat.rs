use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Seats or unseats an account on the council of the campaign running today.
#[server(prefix = "/api", endpoint = "admin/council_seat", input = Json)]
pub async fn set_council_seat(user_id: i64, member: bool) -> Result<(), AppError> {
    use shared::auth::Action;
    let (user, ctx) =
        crate::services::guard(Action::Administer, "council", Some(user_id.to_string())).await?;
    ctx.repo
        .set_council_member(user_id, member, &user, ctx.clock.today())
        .await
        .map_err(AppError::from)
}
