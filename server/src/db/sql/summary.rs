//! Leadership's summary frame, the blocs' reviews (D-2) and the City list (D-3).

use super::kernel::answer;
use super::kernel::cards::{campaign_year, resolve_year};
use super::kernel::{Versioned, WriteTx};
use super::{Backend, Conn};
use crate::db::{DbError, DbResult};
use app::types::auth::CurrentUser;
use app::types::exports::{CityList, CityRow};
use app::types::model::{AuditAction, AuditEntry, BoardQuery};
use app::ports::{RepoResult, SummaryPort};
use app::types::summary::{BlocReviewView, ReviewExemplar, ReviewRow, SummaryFrame};
use async_trait::async_trait;
use chrono::NaiveDate;
use shared::auth::{authorize, Action};
use shared::domain::{EvaluationPeriod, NomineeKind, Stage};
use shared::rules::deadline::deadline_status;
use shared::rules::review::{check_review, ReviewDraft};
use shared::rules::summary::Tally;

#[async_trait]
impl SummaryPort for Backend {
    async fn summary_frame(&self, year: Option<i32>, today: NaiveDate) -> RepoResult<SummaryFrame> {
        answer(async move {
            use chrono::Datelike;
            let mut conn = super::begin_read(&self.pool).await?;
            let (campaign_id, campaign_name, year, start, end) =
                resolve_year(&mut conn, &BoardQuery { year }, today.year()).await?;
            let calendar = campaign_year(&mut conn, campaign_id, year).await?;
            let mut blocs: Vec<(i64, String)> = sqlx::query_as("SELECT id, name FROM blocs")
                .fetch_all(&mut *conn)
                .await?;
            blocs.sort_by(|a, b| shared::text::compare_vi(&a.1, &b.1));
            let mut units: Vec<(i64, String, i64)> =
                sqlx::query_as("SELECT id, name, bloc_id FROM units")
                    .fetch_all(&mut *conn)
                    .await?;
            units.sort_by(|a, b| shared::text::compare_vi(&a.1, &b.1));
            let stored: Vec<(i64, Option<String>, Option<String>)> = sqlx::query_as(
                "SELECT bloc_id, submitted_on, submitted_by FROM bloc_reviews
                 WHERE campaign_id = $1 AND year = $2",
            )
            .bind(campaign_id)
            .bind(year)
            .fetch_all(&mut *conn)
            .await?;
            conn.commit().await?;
            let reviews = stored
                .into_iter()
                .map(|(bloc_id, on, by)| {
                    Ok(ReviewRow {
                        bloc_id,
                        submitted_on: on.as_deref().map(date).transpose()?,
                        submitted_by: by,
                    })
                })
                .collect::<DbResult<_>>()?;
            Ok(SummaryFrame {
                campaign_name,
                year,
                years: (start..=end).collect(),
                calendar,
                blocs,
                units,
                reviews,
            })
        })
        .await
    }

    async fn bloc_review(
        &self,
        bloc_id: i64,
        year: Option<i32>,
        user: &CurrentUser,
        today: NaiveDate,
    ) -> RepoResult<BlocReviewView> {
        answer(async move {
            use chrono::Datelike;
            authorize(&user.actor(), &Action::ViewBloc { bloc_id }).map_err(DbError::Denied)?;
            let mut conn = super::begin_read(&self.pool).await?;
            let (campaign_id, _, year, start, end) =
                resolve_year(&mut conn, &BoardQuery { year }, today.year()).await?;
            let calendar = campaign_year(&mut conn, campaign_id, year).await?;
            let (bloc_name, head_unit) = bloc_names(&mut conn, bloc_id).await?;
            let stored = stored_review(&mut conn, campaign_id, year, bloc_id).await?;
            let exemplars = exemplars(&mut conn, campaign_id, year, bloc_id).await?;
            conn.commit().await?;
            let submitted_on = stored
                .as_ref()
                .and_then(|s| s.submitted_on.as_deref())
                .map(date)
                .transpose()?;
            let can_write =
                submitted_on.is_none() && user.may(&Action::WriteBlocReview { bloc_id }).is_ok();
            let deadline = calendar.bloc_review_deadline;
            Ok(BlocReviewView {
                year,
                years: (start..=end).collect(),
                today,
                bloc_id,
                bloc_name,
                head_unit,
                deadline,
                status: deadline_status(deadline, today, submitted_on.is_some()),
                version: stored.as_ref().map_or(0, |s| s.version),
                assessment: stored
                    .as_ref()
                    .map(|s| s.assessment.clone())
                    .unwrap_or_default(),
                exemplars,
                updated_by: stored.as_ref().and_then(|s| s.updated_by.clone()),
                updated_at: stored.as_ref().and_then(|s| s.updated_at.clone()),
                submitted_on,
                submitted_by: stored.and_then(|s| s.submitted_by),
                can_write,
                tally: Tally::default(),
            })
        })
        .await
    }

    #[allow(clippy::too_many_arguments)]
    async fn save_bloc_review(
        &self,
        bloc_id: i64,
        year: i32,
        version: i64,
        draft: &ReviewDraft,
        submit: bool,
        by: &CurrentUser,
        today: NaiveDate,
    ) -> RepoResult<i64> {
        answer(async move {
            let mut tx = WriteTx::begin(self, by).await?;
            tx.about("bloc_review", Some(format!("{year}-{bloc_id}")));
            tx.authorize(Action::WriteBlocReview { bloc_id }).await?;
            let (campaign_id, _, year, _, _) =
                resolve_year(&mut tx, &BoardQuery { year: Some(year) }, year).await?;
            bloc_names(&mut tx, bloc_id).await?;
            let stored = stored_review(&mut tx, campaign_id, year, bloc_id).await?;
            let submitted = stored.as_ref().is_some_and(|s| s.submitted_on.is_some());
            if let Err(v) = shared::rules::review::review_open(submitted) {
                return Err(DbError::Rules(vec![v]));
            }
            let row = Versioned::BlocReview {
                campaign_id,
                year,
                bloc_id,
            };
            tx.expect_version(row, version).await?;
            let current = exemplars(&mut tx, campaign_id, year, bloc_id).await?;
            let names: Vec<(i64, String)> = current.iter().map(|e| (e.id, e.name.clone())).collect();
            check_review(draft, &names, submitted, submit).map_err(DbError::Rules)?;
            let draft = draft.normalised();
            let now = tx.now();
            let (submitted_on, submitted_by) = if submit {
                (
                    Some(today.format("%Y-%m-%d").to_string()),
                    Some(by.display_name.clone()),
                )
            } else {
                (None, None)
            };
            let new_version: i64 = sqlx::query_scalar(
                "INSERT INTO bloc_reviews (campaign_id, year, bloc_id, assessment, version, updated_at,
                     updated_by, submitted_at, submitted_by, submitted_on)
                 VALUES ($1, $2, $3, $4, 1, $5, $6, $7, $8, $9)
                 ON CONFLICT (campaign_id, year, bloc_id) DO UPDATE SET
                     assessment = excluded.assessment, version = bloc_reviews.version + 1,
                     updated_at = excluded.updated_at, updated_by = excluded.updated_by,
                     submitted_at = excluded.submitted_at, submitted_by = excluded.submitted_by,
                     submitted_on = excluded.submitted_on
                 RETURNING version",
            )
            .bind(campaign_id)
            .bind(year)
            .bind(bloc_id)
            .bind(&draft.assessment)
            .bind(&now)
            .bind(&by.display_name)
            .bind(submit.then_some(&now))
            .bind(&submitted_by)
            .bind(&submitted_on)
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query(
                "DELETE FROM bloc_review_comments WHERE campaign_id = $1 AND year = $2 AND bloc_id = $3",
            )
            .bind(campaign_id)
            .bind(year)
            .bind(bloc_id)
            .execute(&mut *tx)
            .await?;
            for (id, comment) in &draft.comments {
                sqlx::query(
                    "INSERT INTO bloc_review_comments (campaign_id, year, bloc_id, nomination_id, comment)
                     VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(campaign_id)
                .bind(year)
                .bind(bloc_id)
                .bind(id)
                .bind(comment)
                .execute(&mut *tx)
                .await?;
            }
            let before = stored.map(|s| {
                serde_json::json!({ "assessment": s.assessment, "version": s.version }).to_string()
            });
            let entry = AuditEntry {
                actor_id: Some(by.user_id),
                actor_name: by.username.clone(),
                action: if submit {
                    AuditAction::SubmitBlocReview
                } else {
                    AuditAction::SaveBlocReview
                }
                .into(),
                object_type: "bloc_review".into(),
                object_id: Some(format!("{year}-{bloc_id}")),
                before,
                after: Some(
                    serde_json::json!({
                        "assessment": draft.assessment,
                        "comments": draft.comments,
                        "version": new_version,
                        "submitted_on": submitted_on,
                    })
                    .to_string(),
                ),
                address: None,
            };
            tx.audited(&entry).await?;
            tx.commit().await?;
            Ok(new_version)
        })
        .await
    }

    async fn city_list(&self, year: Option<i32>, today: NaiveDate) -> RepoResult<CityList> {
        answer(async move {
            use chrono::Datelike;
            let mut conn = super::begin_read(&self.pool).await?;
            let (campaign_id, _, year, _, _) =
                resolve_year(&mut conn, &BoardQuery { year }, today.year()).await?;
            let decided_on: Option<NaiveDate> = sqlx::query_scalar(
                "SELECT decided_on FROM city_decisions WHERE campaign_id = $1 AND year = $2",
            )
            .bind(campaign_id)
            .bind(year)
            .fetch_optional(&mut *conn)
            .await?;
            let rows: Vec<(i64, String, String, String, String)> = sqlx::query_as(
                "SELECT n.id, n.nominee_name, u.name, n.kind,
                     COALESCE((SELECT e.achievements FROM evaluations e WHERE e.nomination_id = n.id
                               ORDER BY CASE e.period WHEN 'annual' THEN 0 WHEN 'nine_month' THEN 1
                                        ELSE 2 END
                               LIMIT 1), n.description)
                 FROM nominations n JOIN units u ON u.id = n.unit_id
                 WHERE n.campaign_id = $1 AND n.year = $2 AND n.city_registered",
            )
            .bind(campaign_id)
            .bind(year)
            .fetch_all(&mut *conn)
            .await?;
            let totals = super::kernel::scores::final_totals(&mut conn, campaign_id, year).await?;
            conn.commit().await?;
            let mut rows = rows
                .into_iter()
                .map(|(id, name, unit_name, kind, achievements)| {
                    Ok(CityRow {
                        id,
                        kind: NomineeKind::from_code(&kind).ok_or_else(|| {
                            DbError::Unavailable(format!("nomination {id}: bad kind"))
                        })?,
                        name,
                        unit_name,
                        achievements,
                        score_milli: totals.get(&id).copied(),
                    })
                })
                .collect::<DbResult<Vec<_>>>()?;
            rows.sort_by(|a, b| {
                b.score_milli
                    .cmp(&a.score_milli)
                    .then_with(|| shared::text::compare_vi(&a.name, &b.name))
            });
            Ok(CityList {
                year,
                decided_on,
                rows,
            })
        })
        .await
    }
}

fn date(text: &str) -> DbResult<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| DbError::Unavailable(format!("bad date {text:?}")))
}

#[derive(sqlx::FromRow)]
struct StoredReview {
    version: i64,
    assessment: String,
    updated_at: Option<String>,
    updated_by: Option<String>,
    submitted_on: Option<String>,
    submitted_by: Option<String>,
}

async fn stored_review(
    conn: &mut Conn,
    campaign_id: i64,
    year: i32,
    bloc_id: i64,
) -> DbResult<Option<StoredReview>> {
    sqlx::query_as(
        "SELECT version, assessment, updated_at, updated_by, submitted_on, submitted_by
         FROM bloc_reviews WHERE campaign_id = $1 AND year = $2 AND bloc_id = $3",
    )
    .bind(campaign_id)
    .bind(year)
    .bind(bloc_id)
    .fetch_optional(&mut *conn)
    .await
    .map_err(DbError::from)
}

#[derive(sqlx::FromRow)]
struct ExemplarRow {
    id: i64,
    nominee_name: String,
    unit_name: String,
    kind: String,
    stage: String,
    evaluations: Option<String>,
    replications: i64,
    city_registered: bool,
    comment: Option<String>,
}

/// The bloc's exemplars of the year (registered and still in the programme), by unit and
/// name, with the review's comment on each.
async fn exemplars(
    conn: &mut Conn,
    campaign_id: i64,
    year: i32,
    bloc_id: i64,
) -> DbResult<Vec<ReviewExemplar>> {
    let rows: Vec<ExemplarRow> = sqlx::query_as(
        "SELECT n.id, n.nominee_name, u.name AS unit_name, n.kind, n.stage,
             (SELECT string_agg(e.period, ',') FROM evaluations e WHERE e.nomination_id = n.id)
                 AS evaluations,
             (SELECT COUNT(*) FROM replications r WHERE r.nomination_id = n.id) AS replications,
             n.city_registered, c.comment
         FROM nominations n
         JOIN units u ON u.id = n.unit_id
         LEFT JOIN bloc_review_comments c ON c.campaign_id = n.campaign_id AND c.year = n.year
             AND c.bloc_id = u.bloc_id AND c.nomination_id = n.id
         WHERE n.campaign_id = $1 AND n.year = $2 AND u.bloc_id = $3
           AND n.stage IN ('registered', 'fostering', 'evaluating', 'replicated')",
    )
    .bind(campaign_id)
    .bind(year)
    .bind(bloc_id)
    .fetch_all(&mut *conn)
    .await?;
    let corrupt =
        |id: i64, what: &str| DbError::Unavailable(format!("nomination {id}: bad {what}"));
    let mut out = rows
        .into_iter()
        .map(|r| {
            let mut evaluations: Vec<EvaluationPeriod> = r
                .evaluations
                .as_deref()
                .unwrap_or_default()
                .split(',')
                .filter(|p| !p.is_empty())
                .map(|p| EvaluationPeriod::from_code(p).ok_or_else(|| corrupt(r.id, "evaluation")))
                .collect::<DbResult<_>>()?;
            evaluations.sort_by_key(|p| EvaluationPeriod::ALL.iter().position(|x| x == p));
            Ok(ReviewExemplar {
                id: r.id,
                kind: NomineeKind::from_code(&r.kind).ok_or_else(|| corrupt(r.id, "kind"))?,
                stage: Stage::from_code(&r.stage).ok_or_else(|| corrupt(r.id, "stage"))?,
                name: r.nominee_name,
                unit_name: r.unit_name,
                evaluations,
                replications: r.replications as u32,
                city_registered: r.city_registered,
                comment: r.comment.unwrap_or_default(),
            })
        })
        .collect::<DbResult<Vec<_>>>()?;
    out.sort_by(|a, b| {
        shared::text::compare_vi(&a.unit_name, &b.unit_name)
            .then_with(|| shared::text::compare_vi(&a.name, &b.name))
    });
    Ok(out)
}

async fn bloc_names(conn: &mut Conn, bloc_id: i64) -> DbResult<(String, Option<String>)> {
    sqlx::query_as(
        "SELECT b.name, u.name FROM blocs b LEFT JOIN units u ON u.id = b.head_unit_id
         WHERE b.id = $1",
    )
    .bind(bloc_id)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(DbError::NotFound)
}
