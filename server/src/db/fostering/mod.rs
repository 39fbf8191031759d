//! The exemplar's year: fostering plans (F-1), periodic evaluations (E-1) and
//! replications. Each use case reads in the order of every write: who is asking, may
//! they, the version they saw, the shared rule on the stored data, the write, the record,
//! commit. The SQL is in `queries.rs`.

mod queries;

use super::kernel::cards::campaign_of;
use super::kernel::years::campaign_year;
use super::kernel::{facts, Versioned, WriteTx};
use super::{Backend, Conn};
use crate::db::DbError;
use app::ports::{FosteringPort, RepoError, RepoResult};
use app::types::auth::CurrentUser;
use app::types::model::{CardEvent, MoveAction};
use async_trait::async_trait;
use chrono::NaiveDate;
use shared::auth::Action;
use shared::domain::{Evaluation, EvaluationDraft, PlanDraft, ReplicationDraft};
use shared::rules::evaluation::{check_evaluation, check_replication};
use shared::rules::fostering::{check_plan, plan_open};
use shared::rules::{Violation, ViolationKind};

#[async_trait]
impl FosteringPort for Backend {
    /// Makes the plan (`version` 0) or replaces the one still at `version`. An edit clears
    /// the unit head's approval.
    async fn save_plan(
        &self,
        id: i64,
        version: i64,
        draft: &PlanDraft,
        by: &CurrentUser,
    ) -> RepoResult<(CardEvent, i64)> {
        let mut tx = WriteTx::begin(self, by).await?;
        let card = tx.open_card_for(id, Action::RecordFostering).await?;
        tx.expect_version(Versioned::Plan(id), version).await?;
        plan_open(card.stage).map_err(|v| RepoError::Rules(vec![v]))?;
        let (_, year) = campaign_of(&mut tx, id).await?;
        let plan = check_plan(draft, year).map_err(|problems| {
            RepoError::Rules(problems.into_iter().map(|p| p.violation).collect())
        })?;
        let approved = queries::plan_approval(&mut tx, id).await?;
        let now = tx.now();
        let new_version = queries::write_plan(&mut tx, id, &plan, &by.display_name, &now).await?;
        let before = approved.map(|approved| {
            serde_json::json!({ "plan_version": version, "approved_at": approved }).to_string()
        });
        let detail = serde_json::json!({ "plan_version": new_version, "plan": plan });
        let event = tx.changed(MoveAction::SavePlan, id, before, detail).await?;
        tx.commit().await?;
        Ok((event, new_version))
    }

    /// The unit head approves the plan still at `version`.
    async fn approve_plan(
        &self,
        id: i64,
        version: i64,
        by: &CurrentUser,
    ) -> RepoResult<(CardEvent, i64)> {
        let mut tx = WriteTx::begin(self, by).await?;
        tx.open_card_for(id, Action::ApproveFosteringPlan).await?;
        let Some(approved) = queries::plan_approval(&mut tx, id).await? else {
            return Err(rule(ViolationKind::NoFosteringPlan).into());
        };
        tx.expect_version(Versioned::Plan(id), version).await?;
        if approved.is_some() {
            return Err(rule(ViolationKind::PlanNotApprovable).into());
        }
        let now = tx.now();
        let new_version = queries::approve_plan(&mut tx, id, &by.display_name, &now).await?;
        let detail =
            serde_json::json!({ "plan_version": new_version, "approved_by": by.display_name });
        let event = tx
            .changed(MoveAction::ApprovePlan, id, None, detail)
            .await?;
        tx.commit().await?;
        Ok((event, new_version))
    }

    /// Records a periodic evaluation, checked against the nomination's stage, its year's
    /// calendar, the evaluations it already has, and `today`.
    async fn record_evaluation(
        &self,
        id: i64,
        draft: &EvaluationDraft,
        by: &CurrentUser,
        today: NaiveDate,
    ) -> RepoResult<CardEvent> {
        let mut tx = WriteTx::begin(self, by).await?;
        let card = tx.card_for(id, Action::RecordEvaluation).await?;
        let calendar = calendar_of(&mut tx, id).await?;
        let existing: Vec<Evaluation> = facts::evaluations(&mut tx, id)
            .await?
            .into_iter()
            .map(|e| e.evaluation)
            .collect();
        let evaluation = check_evaluation(draft, card.stage, &existing, &calendar, today)
            .map_err(RepoError::Rules)?;
        let now = tx.now();
        queries::insert_evaluation(&mut tx, id, &evaluation, &by.display_name, &now).await?;
        let detail = serde_json::json!({ "evaluation": evaluation });
        let event = tx.changed(MoveAction::Evaluate, id, None, detail).await?;
        tx.commit().await?;
        Ok(event)
    }

    /// Records where a model was replicated (the unit's staff and head, or the office).
    async fn record_replication(
        &self,
        id: i64,
        draft: &ReplicationDraft,
        by: &CurrentUser,
        today: NaiveDate,
    ) -> RepoResult<CardEvent> {
        let mut tx = WriteTx::begin(self, by).await?;
        let card = tx.card_for(id, Action::RecordFostering).await?;
        let calendar = calendar_of(&mut tx, id).await?;
        let replication =
            check_replication(draft, card.stage, &calendar, today).map_err(RepoError::Rules)?;
        let now = tx.now();
        queries::insert_replication(&mut tx, id, &replication, &by.display_name, &now).await?;
        let detail = serde_json::json!({ "replication": replication });
        let event = tx.changed(MoveAction::Replicate, id, None, detail).await?;
        tx.commit().await?;
        Ok(event)
    }
}

/// A refusal by F-1, the plan's rule.
fn rule(kind: ViolationKind) -> DbError {
    RepoError::Rules(vec![Violation::new("F-1", kind)]).into()
}

/// The calendar of the campaign year the nomination belongs to.
async fn calendar_of(
    conn: &mut Conn,
    id: i64,
) -> crate::db::DbResult<shared::domain::CampaignYear> {
    let (campaign_id, year) = campaign_of(conn, id).await?;
    campaign_year(conn, campaign_id, year).await
}
