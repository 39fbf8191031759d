use crate::error::AppError;
use crate::types::summary::SummaryView;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Which blocs the user sees in the summary: every one (leadership, the office), or only
/// their own (a bloc head); anyone else is refused (and the refusal recorded).
#[cfg(feature = "ssr")]
async fn summary_scope(
    ctx: &crate::services::AppContext,
    user: &crate::types::auth::CurrentUser,
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
    crate::services::authorize(ctx, user, Action::ViewSummaries, "summary", None).await?;
    Err(AppError::Internal)
}

/// The summary of a campaign year (the current one when `year` is None) by bloc and unit.
#[server(prefix = "/api", endpoint = "summary", input = Json)]
pub async fn get_summary(year: Option<i32>) -> Result<SummaryView, AppError> {
    let (user, ctx) = crate::services::request()?;
    let only_bloc = summary_scope(&ctx, &user).await?;
    ctx.summary
        .summary(ctx.repo.as_ref(), year, ctx.clock.today(), only_bloc)
        .await
        .map_err(AppError::from)
}
