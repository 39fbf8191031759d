use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use shared::rules::review::ReviewDraft;

/// Saves the bloc's review as a draft, or (`submit`) sends it to the Department.
#[server(prefix = "/api", endpoint = "reviews/save", input = Json)]
pub async fn save_bloc_review(
    bloc_id: i64,
    year: i32,
    version: i64,
    draft: ReviewDraft,
    submit: bool,
) -> Result<i64, AppError> {
    use shared::auth::Action;
    let (user, ctx) = crate::services::request()?;
    crate::services::authorize(
        &ctx,
        &user,
        Action::WriteBlocReview { bloc_id },
        "bloc_review",
        Some(format!("{year}-{bloc_id}")),
    )
    .await?;
    ctx.repo
        .save_bloc_review(
            bloc_id,
            year,
            version,
            &draft,
            submit,
            &user,
            ctx.clock.today(),
        )
        .await
        .map_err(AppError::from)
}
