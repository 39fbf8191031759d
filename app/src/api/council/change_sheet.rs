use crate::error::AppError;
use crate::types::council::{SheetChange, SheetState};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Saves a score and comment, submits the sheet, or declares a conflict of interest.
#[server(prefix = "/api", endpoint = "council/change", input = Json)]
pub async fn change_sheet(id: i64, change: SheetChange) -> Result<SheetState, AppError> {
    let (user, ctx) = crate::services::request()?;
    ctx.repo
        .council_change(id, &change, &user)
        .await
        .map_err(AppError::from)
}
