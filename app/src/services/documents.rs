//! The lists as documents (the City list, the selections, a bloc's review), read with the
//! permission checked and a refusal recorded.

use super::request::{authorize, AppContext};
use crate::error::AppError;
use crate::types::auth::CurrentUser;
use crate::types::exports::{
    city_document, proposal_document, review_document, selection_document, DocKind, Document,
};
use crate::types::summary::BlocReviewView;
use shared::auth::Action;

/// A bloc's review with the bloc's figures, as `user` may see it.
pub async fn load_review(
    ctx: &AppContext,
    user: &CurrentUser,
    bloc_id: i64,
    year: Option<i32>,
) -> Result<BlocReviewView, AppError> {
    authorize(
        ctx,
        user,
        Action::ViewBloc { bloc_id },
        "bloc_review",
        Some(bloc_id.to_string()),
    )
    .await?;
    let today = ctx.clock.today();
    let mut view = ctx.repo.bloc_review(bloc_id, year, user, today).await?;
    let summary = ctx
        .summary
        .summary(ctx.repo.as_ref(), Some(view.year), today, Some(bloc_id))
        .await?;
    if let Some(bloc) = summary.blocs.into_iter().next() {
        view.tally = bloc.tally;
    }
    Ok(view)
}

/// Reads and builds one of the lists, checking that `user` may have it (the City list and
/// the selections: the office and leadership; a bloc's review: also the bloc's head). A
/// refusal is recorded in the audit history.
pub async fn load_document(
    ctx: &AppContext,
    user: &CurrentUser,
    kind: DocKind,
    year: Option<i32>,
    lang: shared::i18n::Lang,
) -> Result<Document, AppError> {
    let today = ctx.clock.today();
    match kind {
        DocKind::Review { bloc_id } => {
            let review = load_review(ctx, user, bloc_id, year).await?;
            Ok(review_document(lang, &review))
        }
        DocKind::City => {
            authorize(
                ctx,
                user,
                Action::ViewSummaries,
                "export",
                Some(kind.code()),
            )
            .await?;
            let list = ctx.repo.city_list(year, today).await?;
            Ok(city_document(lang, &list, today))
        }
        DocKind::Proposal { id } => {
            let proposal = ctx.repo.commendation(id).await?;
            let record = ctx.repo.nomination(proposal.nomination_id).await?;
            let scope = crate::moves::scope(&record.card);
            authorize(
                ctx,
                user,
                Action::ViewNomination(scope),
                "export",
                Some(kind.code()),
            )
            .await?;
            Ok(proposal_document(lang, &proposal, &record.card))
        }
        DocKind::Selection(period) => {
            authorize(
                ctx,
                user,
                Action::ViewSummaries,
                "export",
                Some(kind.code()),
            )
            .await?;
            let view = ctx.repo.selection(year, period, today).await?;
            Ok(selection_document(lang, &view, today))
        }
    }
}
