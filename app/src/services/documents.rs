//! The lists as documents (the City list, the selections, a bloc's review), read with the
//! permission checked and a refusal recorded.

use super::request::{authorize, AppContext};
use crate::error::AppError;
use crate::types::auth::CurrentUser;
use crate::types::exports::{
    city_document, department_report_document, proposal_document, review_document,
    selection_document, unit_report_document, DocKind, Document,
};
use crate::types::report::{ReportsOverview, ReportsPage, UnitReportView};
use crate::types::summary::BlocReviewView;
use shared::auth::{Action, Role};
use shared::domain::EvaluationPeriod;

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

/// A unit's periodic report (E-1) as `user` may read it: the unit's own people, its bloc's
/// head, the office and leadership; a refusal is recorded.
pub async fn load_unit_report(
    ctx: &AppContext,
    user: &CurrentUser,
    unit_id: i64,
    year: Option<i32>,
    period: Option<EvaluationPeriod>,
    lang: shared::i18n::Lang,
) -> Result<UnitReportView, AppError> {
    let bloc_id = ctx.repo.report_unit_bloc(unit_id).await?;
    authorize(
        ctx,
        user,
        Action::ViewUnitReport { unit_id, bloc_id },
        "unit_report",
        Some(unit_id.to_string()),
    )
    .await?;
    let today = ctx.clock.today();
    Ok(ctx
        .repo
        .unit_report(unit_id, year, period, user, today, lang)
        .await?)
}

/// Who has reported for the period, as far as `user` may read (the office and leadership:
/// every unit; a bloc head: the bloc's); anyone else is refused, and the refusal recorded.
pub async fn load_overview(
    ctx: &AppContext,
    user: &CurrentUser,
    year: Option<i32>,
    period: Option<EvaluationPeriod>,
) -> Result<ReportsOverview, AppError> {
    if user.may(&Action::ViewSummaries).is_err() && !user.roles.contains(&Role::BlocHead) {
        authorize(ctx, user, Action::ViewSummaries, "unit_report", None).await?;
    }
    let today = ctx.clock.today();
    Ok(ctx.repo.reports_overview(year, period, user, today).await?)
}

/// `/reports`: the unit asked for, else the user's own unit (its staff and head), else the
/// overview.
pub async fn load_reports(
    ctx: &AppContext,
    user: &CurrentUser,
    unit: Option<i64>,
    year: Option<i32>,
    period: Option<EvaluationPeriod>,
    lang: shared::i18n::Lang,
) -> Result<ReportsPage, AppError> {
    let own = user
        .unit_id
        .filter(|u| user.may(&Action::WriteUnitReport { unit_id: *u }).is_ok());
    match unit.or(own) {
        Some(unit_id) => {
            let view = load_unit_report(ctx, user, unit_id, year, period, lang).await?;
            Ok(ReportsPage::Unit(Box::new(view)))
        }
        None => Ok(ReportsPage::Overview(
            load_overview(ctx, user, year, period).await?,
        )),
    }
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
        DocKind::UnitReport { unit_id, period } => {
            let view = load_unit_report(ctx, user, unit_id, year, Some(period), lang).await?;
            Ok(unit_report_document(lang, &view))
        }
        DocKind::DepartmentReport { period } => {
            authorize(
                ctx,
                user,
                Action::ViewSummaries,
                "export",
                Some(kind.code()),
            )
            .await?;
            let view = ctx
                .repo
                .reports_overview(year, Some(period), user, today)
                .await?;
            Ok(department_report_document(lang, &view))
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
