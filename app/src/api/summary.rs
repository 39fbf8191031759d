//! Leadership's summary, the blocs' reviews (D-2) and the lists sent to the City.

use crate::error::AppError;
use crate::exports::Document;
use crate::summary::{BlocReviewView, SummaryView};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use shared::rules::review::ReviewDraft;

/// Which blocs the user sees in the summary: every one (leadership, the office), or only
/// their own (a bloc head); anyone else is refused (and the refusal recorded).
#[cfg(feature = "ssr")]
async fn summary_scope(
    ctx: &crate::repo::AppContext,
    user: &crate::auth::CurrentUser,
) -> Result<Option<i64>, AppError> {
    use shared::auth::Action;
    if user.may(&Action::ViewSummaries).is_ok() {
        return Ok(None);
    }
    if let Some(bloc_id) = user.bloc_id {
        if user.may(&Action::ViewBloc { bloc_id }).is_ok() {
            return Ok(Some(bloc_id));
        }
    }
    crate::auth::authorize(ctx, user, Action::ViewSummaries, "summary", None).await?;
    Err(AppError::Internal)
}

/// The summary of a campaign year (the current one when `year` is None) by bloc and unit.
#[server(prefix = "/api", endpoint = "summary", input = Json)]
pub async fn get_summary(year: Option<i32>) -> Result<SummaryView, AppError> {
    let (user, ctx) = crate::auth::request()?;
    let only_bloc = summary_scope(&ctx, &user).await?;
    ctx.summary
        .summary(ctx.repo.as_ref(), year, ctx.clock.today(), only_bloc)
        .await
        .map_err(AppError::from)
}

/// A bloc's review with the bloc's exemplars and figures.
#[server(prefix = "/api", endpoint = "reviews", input = Json)]
pub async fn get_bloc_review(bloc_id: i64, year: Option<i32>) -> Result<BlocReviewView, AppError> {
    let (user, ctx) = crate::auth::request()?;
    crate::exports::load_review(&ctx, &user, bloc_id, year).await
}

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
    let (user, ctx) = crate::auth::request()?;
    crate::auth::authorize(
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

/// A list as the printable page shows it (`doc`: `city`, `q1`…`q4`, `annual`,
/// `review-{bloc}`).
#[server(prefix = "/api", endpoint = "documents", input = Json)]
pub async fn get_document(doc: String, year: Option<i32>) -> Result<Document, AppError> {
    let (user, ctx) = crate::auth::request()?;
    let kind = crate::exports::DocKind::from_code(&doc).ok_or(AppError::NotFound)?;
    crate::exports::load_document(&ctx, &user, kind, year, crate::i18n::request_lang()).await
}
