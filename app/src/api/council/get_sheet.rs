use crate::error::AppError;
use crate::types::council::SheetView;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// The user's scoresheet for one nomination (blind: nobody else's until it is submitted).
#[server(prefix = "/api", endpoint = "council/sheet", input = Json)]
pub async fn get_sheet(id: i64) -> Result<SheetView, AppError> {
    let (user, ctx) = crate::services::request()?;
    ctx.repo
        .council_sheet(id, &user)
        .await
        .map_err(AppError::from)
}
