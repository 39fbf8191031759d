//! The exemplar's year: fostering plans (F-1), periodic evaluations (E-1) and
//! replications. Each is one [`WriteTx`]: who is asking, may they, the version they saw,
//! the shared rule on the stored data, the write, the record, commit.

use super::kernel::answer;
use super::kernel::cards::campaign_of;
use super::kernel::{cards, facts, Versioned, WriteTx};
use super::Backend;
use crate::db::DbError;
use app::auth::CurrentUser;
use app::model::{CardEvent, MoveAction};
use app::moves::scope;
use app::ports::{FosteringPort, RepoResult};
use async_trait::async_trait;
use chrono::NaiveDate;
use shared::auth::Action;
use shared::domain::{Evaluation, EvaluationDraft, Leader, PlanDraft, ReplicationDraft};
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
        answer(async move {
            let mut tx = WriteTx::begin(self, by).await?;
            let card = tx.visible_card(id).await?;
            tx.authorize(Action::RecordFostering(scope(&card))).await?;
            tx.expect_version(Versioned::Plan(id), version).await?;
            plan_open(card.stage).map_err(|v| DbError::Rules(vec![v]))?;
            let (_, year) = campaign_of(&mut tx, id).await?;
            let plan = check_plan(draft, year)
                .map_err(|problems| DbError::Rules(problems.into_iter().map(|p| p.violation).collect()))?;
            let approved: Option<Option<String>> =
                sqlx::query_scalar("SELECT approved_at FROM fostering_plans WHERE nomination_id = $1")
                    .bind(id)
                    .fetch_optional(&mut *tx)
                    .await?;
            let leader = |l: &Option<Leader>| {
                l.as_ref()
                    .map(|l| (l.name.to_string(), l.position.to_string()))
                    .unwrap_or_default()
            };
            let (f, p, r) = (
                leader(&plan.fostering_leader),
                leader(&plan.publicity_leader),
                leader(&plan.replication_leader),
            );
            let now = tx.now();
            let new_version: i64 = sqlx::query_scalar(
                "INSERT INTO fostering_plans (nomination_id, fostering_leader_name,
                     fostering_leader_position, publicity_leader_name, publicity_leader_position,
                     replication_leader_name, replication_leader_position, version, updated_at,
                     updated_by)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, $9)
                 ON CONFLICT (nomination_id) DO UPDATE SET
                     fostering_leader_name = excluded.fostering_leader_name,
                     fostering_leader_position = excluded.fostering_leader_position,
                     publicity_leader_name = excluded.publicity_leader_name,
                     publicity_leader_position = excluded.publicity_leader_position,
                     replication_leader_name = excluded.replication_leader_name,
                     replication_leader_position = excluded.replication_leader_position,
                     version = fostering_plans.version + 1,
                     updated_at = excluded.updated_at,
                     updated_by = excluded.updated_by,
                     approved_at = NULL,
                     approved_by = NULL
                 RETURNING version",
            )
            .bind(id)
            .bind(&f.0)
            .bind(&f.1)
            .bind(&p.0)
            .bind(&p.1)
            .bind(&r.0)
            .bind(&r.1)
            .bind(&now)
            .bind(&by.display_name)
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query("DELETE FROM fostering_activities WHERE nomination_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            for (ord, a) in plan.activities.iter().enumerate() {
                sqlx::query(
                    "INSERT INTO fostering_activities (nomination_id, ord, kind, title, date, status,
                         outcome)
                     VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(id)
                .bind(ord as i64)
                .bind(a.kind.code())
                .bind(a.title.as_str())
                .bind(a.date)
                .bind(a.status.code())
                .bind(&a.outcome)
                .execute(&mut *tx)
                .await?;
            }
            let before = approved.map(|approved| {
                serde_json::json!({ "plan_version": version, "approved_at": approved }).to_string()
            });
            let detail = serde_json::json!({
                "plan_version": new_version,
                "plan": plan,
            });
            let event = tx.changed(MoveAction::SavePlan, id, before, detail).await?;
            tx.commit().await?;
            Ok((event, new_version))
        })
        .await
    }

    /// The unit head approves the plan still at `version`.
    async fn approve_plan(
        &self,
        id: i64,
        version: i64,
        by: &CurrentUser,
    ) -> RepoResult<(CardEvent, i64)> {
        answer(async move {
            let mut tx = WriteTx::begin(self, by).await?;
            let card = tx.visible_card(id).await?;
            tx.authorize(Action::ApproveFosteringPlan(scope(&card)))
                .await?;
            let approved: Option<Option<String>> =
                sqlx::query_scalar("SELECT approved_at FROM fostering_plans WHERE nomination_id = $1")
                    .bind(id)
                    .fetch_optional(&mut *tx)
                    .await?;
            let Some(approved) = approved else {
                return Err(DbError::Rules(vec![Violation::new(
                    "F-1",
                    ViolationKind::NoFosteringPlan,
                )]));
            };
            tx.expect_version(Versioned::Plan(id), version).await?;
            if approved.is_some() {
                return Err(DbError::Rules(vec![Violation::new(
                    "F-1",
                    ViolationKind::PlanNotApprovable,
                )]));
            }
            let now = tx.now();
            let new_version: i64 = sqlx::query_scalar(
                "UPDATE fostering_plans SET approved_at = $1, approved_by = $2, version = version + 1,
                     updated_at = $3, updated_by = $4
                 WHERE nomination_id = $5 RETURNING version",
            )
            .bind(&now)
            .bind(&by.display_name)
            .bind(&now)
            .bind(&by.display_name)
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
            let detail = serde_json::json!({ "plan_version": new_version, "approved_by": by.display_name });
            let event = tx
                .changed(MoveAction::ApprovePlan, id, None, detail)
                .await?;
            tx.commit().await?;
            Ok((event, new_version))
        })
        .await
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
        answer(async move {
            let mut tx = WriteTx::begin(self, by).await?;
            let card = tx.visible_card(id).await?;
            tx.authorize(Action::RecordEvaluation(scope(&card))).await?;
            let (campaign_id, year) = campaign_of(&mut tx, id).await?;
            let calendar = cards::campaign_year(&mut tx, campaign_id, year).await?;
            let existing: Vec<Evaluation> = facts::evaluations(&mut tx, id)
                .await?
                .into_iter()
                .map(|e| e.evaluation)
                .collect();
            let evaluation =
                check_evaluation(draft, card.stage, &existing, &calendar, today).map_err(DbError::Rules)?;
            let now = tx.now();
            sqlx::query(
                "INSERT INTO evaluations (nomination_id, period, rating, achievements, evaluator, date,
                     commendation, recorded_at, recorded_by)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            )
            .bind(id)
            .bind(evaluation.period.code())
            .bind(evaluation.rating.code())
            .bind(&evaluation.achievements)
            .bind(&evaluation.evaluator)
            .bind(evaluation.date)
            .bind(&evaluation.commendation)
            .bind(&now)
            .bind(&by.display_name)
            .execute(&mut *tx)
            .await?;
            let detail = serde_json::json!({ "evaluation": evaluation });
            let event = tx.changed(MoveAction::Evaluate, id, None, detail).await?;
            tx.commit().await?;
            Ok(event)
        })
        .await
    }

    /// Records where a model was replicated (the unit's staff and head, or the office).
    async fn record_replication(
        &self,
        id: i64,
        draft: &ReplicationDraft,
        by: &CurrentUser,
        today: NaiveDate,
    ) -> RepoResult<CardEvent> {
        answer(async move {
            let mut tx = WriteTx::begin(self, by).await?;
            let card = tx.visible_card(id).await?;
            tx.authorize(Action::RecordFostering(scope(&card))).await?;
            let (campaign_id, year) = campaign_of(&mut tx, id).await?;
            let calendar = cards::campaign_year(&mut tx, campaign_id, year).await?;
            let replication =
                check_replication(draft, card.stage, &calendar, today).map_err(DbError::Rules)?;
            let now = tx.now();
            sqlx::query(
                "INSERT INTO replications (nomination_id, adopter, date, result, recorded_at, recorded_by)
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(id)
            .bind(&replication.adopter)
            .bind(replication.date)
            .bind(&replication.result)
            .bind(&now)
            .bind(&by.display_name)
            .execute(&mut *tx)
            .await?;
            let detail = serde_json::json!({ "replication": replication });
            let event = tx.changed(MoveAction::Replicate, id, None, detail).await?;
            tx.commit().await?;
            Ok(event)
        })
        .await
    }
}
