//! The exemplar's year on SQLite: fostering plans (F-1) and periodic evaluations (E-1).
//! Every save is one `BEGIN IMMEDIATE` transaction that checks the permission, the rules
//! and the version on the stored data, and records the change in the event log and the
//! audit history with the card.

use super::auth::now_text;
use super::board;
use super::moves::{campaign_year, record_change_with, StoredChange};
use super::{Conn, Pool};
use crate::db::{DbError, DbResult};
use app::auth::CurrentUser;
use app::model::{BoardCard, CardEvent, EvaluationRecord, MoveAction, PlanRecord};
use app::moves::scope;
use chrono::NaiveDate;
use shared::auth::{authorize, Action};
use shared::domain::{
    Activity, ActivityKind, ActivityStatus, Evaluation, EvaluationDraft, EvaluationPeriod,
    FosteringPlan, Leader, PlanDraft, Rating, Replication, ReplicationDraft, RequiredText,
};
use shared::rules::evaluation::{check_evaluation, check_replication};
use shared::rules::fostering::{check_plan, plan_open};
use shared::rules::{Violation, ViolationKind};

fn corrupt(id: i64, what: &str) -> DbError {
    DbError::Unavailable(format!("nomination {id}: bad {what}"))
}

/// A stored leader: the schema keeps both parts non-empty.
fn leader(id: i64, name: String, position: String) -> DbResult<Option<Leader>> {
    let text = |s: &str| RequiredText::parse(shared::domain::Field::LeaderName, s, usize::MAX);
    match (text(&name), text(&position)) {
        (Ok(name), Ok(position)) => Ok(Some(Leader { name, position })),
        _ => Err(corrupt(id, "fostering leader")),
    }
}

#[derive(sqlx::FromRow)]
struct PlanRow {
    fostering_leader_name: String,
    fostering_leader_position: String,
    publicity_leader_name: String,
    publicity_leader_position: String,
    replication_leader_name: String,
    replication_leader_position: String,
    version: i64,
    updated_at: String,
    updated_by: String,
    approved_at: Option<String>,
    approved_by: Option<String>,
}

/// A nomination's fostering plan, if it has one.
pub async fn plan(conn: &mut Conn, id: i64) -> DbResult<Option<PlanRecord>> {
    let row: Option<PlanRow> = sqlx::query_as(
        "SELECT fostering_leader_name, fostering_leader_position, publicity_leader_name,
             publicity_leader_position, replication_leader_name, replication_leader_position,
             version, updated_at, updated_by, approved_at, approved_by
         FROM fostering_plans WHERE nomination_id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let rows: Vec<(String, String, Option<NaiveDate>, String, String)> = sqlx::query_as(
        "SELECT kind, title, date, status, outcome FROM fostering_activities
         WHERE nomination_id = $1 ORDER BY ord",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let activities = rows
        .into_iter()
        .map(|(kind, title, date, status, outcome)| {
            Ok(Activity {
                kind: ActivityKind::from_code(&kind).ok_or_else(|| corrupt(id, "activity kind"))?,
                title: RequiredText::parse(
                    shared::domain::Field::ActivityTitle,
                    &title,
                    usize::MAX,
                )
                .map_err(|_| corrupt(id, "activity title"))?,
                date,
                status: ActivityStatus::from_code(&status)
                    .ok_or_else(|| corrupt(id, "activity status"))?,
                outcome,
            })
        })
        .collect::<DbResult<Vec<_>>>()?;
    Ok(Some(PlanRecord {
        plan: FosteringPlan {
            fostering_leader: leader(id, row.fostering_leader_name, row.fostering_leader_position)?,
            publicity_leader: leader(id, row.publicity_leader_name, row.publicity_leader_position)?,
            replication_leader: leader(
                id,
                row.replication_leader_name,
                row.replication_leader_position,
            )?,
            activities,
        },
        version: row.version,
        updated_at: row.updated_at,
        updated_by: row.updated_by,
        approved_at: row.approved_at,
        approved_by: row.approved_by,
    }))
}

/// A nomination's periodic evaluations, in period order.
pub async fn evaluations(conn: &mut Conn, id: i64) -> DbResult<Vec<EvaluationRecord>> {
    #[allow(clippy::type_complexity)]
    let rows: Vec<(
        String,
        String,
        String,
        String,
        NaiveDate,
        Option<String>,
        String,
        String,
    )> = sqlx::query_as(
        "SELECT period, rating, achievements, evaluator, date, commendation, recorded_at,
                 recorded_by
             FROM evaluations WHERE nomination_id = $1",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let mut out = rows
        .into_iter()
        .map(
            |(period, rating, achievements, evaluator, date, commendation, at, by)| {
                Ok(EvaluationRecord {
                    evaluation: Evaluation {
                        period: EvaluationPeriod::from_code(&period)
                            .ok_or_else(|| corrupt(id, "evaluation period"))?,
                        rating: Rating::from_code(&rating)
                            .ok_or_else(|| corrupt(id, "evaluation rating"))?,
                        achievements,
                        evaluator,
                        date,
                        commendation,
                    },
                    recorded_at: at,
                    recorded_by: by,
                })
            },
        )
        .collect::<DbResult<Vec<_>>>()?;
    out.sort_by_key(|e| e.evaluation.period);
    Ok(out)
}

/// The card, if the user may see it (else it does not exist for them).
async fn visible_card(conn: &mut Conn, id: i64, by: &CurrentUser) -> DbResult<BoardCard> {
    let card = board::card(conn, id).await?;
    if authorize(&by.actor(), &Action::ViewNomination(scope(&card))).is_err() {
        return Err(DbError::NotFound);
    }
    Ok(card)
}

async fn campaign_of(conn: &mut Conn, id: i64) -> DbResult<(i64, i32)> {
    sqlx::query_as("SELECT campaign_id, year FROM nominations WHERE id = $1")
        .bind(id)
        .fetch_one(&mut *conn)
        .await
        .map_err(DbError::from)
}

/// A change that leaves the card where it is: recorded and published with it.
pub(super) async fn record(
    conn: &mut Conn,
    by: &CurrentUser,
    action: MoveAction,
    card: BoardCard,
    before: Option<String>,
    detail: serde_json::Value,
    now: &str,
) -> DbResult<CardEvent> {
    // As it is after the change (its evaluations and replications are on the card).
    let card = board::card(conn, card.id).await?;
    let change = StoredChange {
        action,
        by: by.display_name.clone(),
        from: card.stage,
        from_position: card.position.clone(),
        from_dropped_from: card.dropped_from,
        reason: None,
        card,
    };
    record_change_with(conn, by, change, before, Some(detail), now).await
}

async fn stale_plan(conn: &mut Conn, id: i64) -> DbResult<DbError> {
    let row: Option<(String, String)> = sqlx::query_as(
        "SELECT updated_by, updated_at FROM fostering_plans WHERE nomination_id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(match row {
        Some((by, at)) => DbError::Conflict {
            by: Some(by),
            at: Some(at),
        },
        None => DbError::Conflict { by: None, at: None },
    })
}

/// Makes the plan (`version` 0) or replaces the one still at `version`. An edit clears
/// the unit head's approval.
pub async fn save_plan(
    pool: &Pool,
    id: i64,
    version: i64,
    draft: &PlanDraft,
    by: &CurrentUser,
) -> DbResult<(CardEvent, i64)> {
    let mut tx = super::begin_write(pool).await?;
    let card = visible_card(&mut tx, id, by).await?;
    authorize(&by.actor(), &Action::RecordFostering(scope(&card))).map_err(DbError::Denied)?;
    plan_open(card.stage).map_err(|v| DbError::Rules(vec![v]))?;
    let (_, year) = campaign_of(&mut tx, id).await?;
    let plan = check_plan(draft, year)
        .map_err(|problems| DbError::Rules(problems.into_iter().map(|p| p.violation).collect()))?;
    let stored: Option<(i64, Option<String>)> =
        sqlx::query_as("SELECT version, approved_at FROM fostering_plans WHERE nomination_id = $1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    let current = stored.as_ref().map_or(0, |(v, _)| *v);
    if current != version {
        return Err(stale_plan(&mut tx, id).await?);
    }
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
    let now = now_text();
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
    let before = stored.map(|(v, approved)| {
        serde_json::json!({ "plan_version": v, "approved_at": approved }).to_string()
    });
    let detail = serde_json::json!({
        "plan_version": new_version,
        "plan": plan,
    });
    let event = record(
        &mut tx,
        by,
        MoveAction::SavePlan,
        card,
        before,
        detail,
        &now,
    )
    .await?;
    tx.commit().await?;
    Ok((event, new_version))
}

/// The unit head approves the plan still at `version`.
pub async fn approve_plan(
    pool: &Pool,
    id: i64,
    version: i64,
    by: &CurrentUser,
) -> DbResult<(CardEvent, i64)> {
    let mut tx = super::begin_write(pool).await?;
    let card = visible_card(&mut tx, id, by).await?;
    authorize(&by.actor(), &Action::ApproveFosteringPlan(scope(&card))).map_err(DbError::Denied)?;
    let stored: Option<(i64, Option<String>)> =
        sqlx::query_as("SELECT version, approved_at FROM fostering_plans WHERE nomination_id = $1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    let Some((current, approved)) = stored else {
        return Err(DbError::Rules(vec![Violation::new(
            "F-1",
            ViolationKind::NoFosteringPlan,
        )]));
    };
    if current != version {
        return Err(stale_plan(&mut tx, id).await?);
    }
    if approved.is_some() {
        return Err(DbError::Rules(vec![Violation::new(
            "F-1",
            ViolationKind::PlanNotApprovable,
        )]));
    }
    let now = now_text();
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
    let event = record(
        &mut tx,
        by,
        MoveAction::ApprovePlan,
        card,
        None,
        detail,
        &now,
    )
    .await?;
    tx.commit().await?;
    Ok((event, new_version))
}

/// Records a periodic evaluation, checked against the nomination's stage, its year's
/// calendar, the evaluations it already has, and `today`.
pub async fn record_evaluation(
    pool: &Pool,
    id: i64,
    draft: &EvaluationDraft,
    by: &CurrentUser,
    today: NaiveDate,
) -> DbResult<CardEvent> {
    let mut tx = super::begin_write(pool).await?;
    let card = visible_card(&mut tx, id, by).await?;
    authorize(&by.actor(), &Action::RecordEvaluation(scope(&card))).map_err(DbError::Denied)?;
    let (campaign_id, year) = campaign_of(&mut tx, id).await?;
    let calendar = campaign_year(&mut tx, campaign_id, year).await?;
    let existing: Vec<Evaluation> = evaluations(&mut tx, id)
        .await?
        .into_iter()
        .map(|e| e.evaluation)
        .collect();
    let evaluation =
        check_evaluation(draft, card.stage, &existing, &calendar, today).map_err(DbError::Rules)?;
    let now = now_text();
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
    let event = record(&mut tx, by, MoveAction::Evaluate, card, None, detail, &now).await?;
    tx.commit().await?;
    Ok(event)
}

/// Where a model was replicated, oldest first.
pub async fn replications(
    conn: &mut Conn,
    id: i64,
) -> DbResult<Vec<app::calendar::ReplicationRecord>> {
    let rows: Vec<(String, NaiveDate, String, String, String)> = sqlx::query_as(
        "SELECT adopter, date, result, recorded_at, recorded_by FROM replications
         WHERE nomination_id = $1 ORDER BY date, id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(adopter, date, result, recorded_at, recorded_by)| app::calendar::ReplicationRecord {
                replication: Replication {
                    adopter,
                    date,
                    result,
                },
                recorded_at,
                recorded_by,
            },
        )
        .collect())
}

/// Records where a model was replicated (the unit's staff and head, or the office).
pub async fn record_replication(
    pool: &Pool,
    id: i64,
    draft: &ReplicationDraft,
    by: &CurrentUser,
    today: NaiveDate,
) -> DbResult<CardEvent> {
    let mut tx = super::begin_write(pool).await?;
    let card = visible_card(&mut tx, id, by).await?;
    authorize(&by.actor(), &Action::RecordFostering(scope(&card))).map_err(DbError::Denied)?;
    let (campaign_id, year) = campaign_of(&mut tx, id).await?;
    let calendar = campaign_year(&mut tx, campaign_id, year).await?;
    let replication =
        check_replication(draft, card.stage, &calendar, today).map_err(DbError::Rules)?;
    let now = now_text();
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
    let event = record(&mut tx, by, MoveAction::Replicate, card, None, detail, &now).await?;
    tx.commit().await?;
    Ok(event)
}
