use crate::error::AppError;
use crate::types::model::NominationView;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// A nomination's detail: profile, evidence, fostering plan, evaluations, history. Not
/// found for those who may not see it.
#[server(prefix = "/api", endpoint = "nominations/get", input = Json)]
pub async fn get_nomination(id: i64) -> Result<NominationView, AppError> {
    use shared::auth::Action;
    use shared::rules::evaluation::{evaluation_open, replication_open};
    use shared::rules::fostering::plan_open;

    let (user, ctx) = crate::services::request()?;
    let record = ctx.repo.nomination(id).await?;
    let scope = crate::moves::scope(&record.card);
    if user.may(&Action::ViewNomination(scope)).is_err() {
        return Err(AppError::NotFound);
    }
    let stage = record.card.stage;
    let open = record.carried_on().is_none();
    let can_edit = open && user.may(&Action::EditNomination(scope)).is_ok();
    let can_plan =
        open && plan_open(stage).is_ok() && user.may(&Action::RecordFostering(scope)).is_ok();
    let can_approve = open
        && record
            .plan
            .as_ref()
            .is_some_and(|p| p.approved_at.is_none())
        && user.may(&Action::ApproveFosteringPlan(scope)).is_ok();
    let can_evaluate =
        evaluation_open(stage).is_ok() && user.may(&Action::RecordEvaluation(scope)).is_ok();
    let can_replicate =
        replication_open(stage).is_ok() && user.may(&Action::RecordFostering(scope)).is_ok();
    let can_propose = open
        && shared::rules::commendation::proposal_open(stage)
        && user.may(&Action::ProposeCommendation(scope)).is_ok();
    let can_decide = user.may(&Action::DecideCommendation).is_ok();
    Ok(NominationView {
        can_replicate,
        can_propose,
        can_decide,
        // The dossier's documents are part of the dossier: who may edit it may attach.
        can_attach: can_edit,
        document_limits: ctx.document_limits,
        record,
        can_edit,
        can_plan,
        can_approve,
        can_evaluate,
        today: ctx.clock.today(),
    })
}
