use crate::error::AppError;
use crate::types::auth::CurrentUser;
use leptos::prelude::*;

/// Who is signed in (`None` on the sign-in page).
#[server(prefix = "/api", endpoint = "me")]
pub async fn get_current_user() -> Result<Option<CurrentUser>, AppError> {
    Ok(crate::types::auth::request_user())
}
