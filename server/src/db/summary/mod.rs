//! Leadership's summary frame (the counts themselves are the running tallies of
//! `app::services::summary`), the blocs' reviews (D-2) and the City list (D-3). The SQL is
//! in `queries.rs`.

mod queries;

use super::kernel::cards::resolve_year;
use super::kernel::scores::final_totals;
use super::kernel::years::campaign_year;
use super::kernel::{Versioned, WriteTx};
use super::Backend;
use crate::db::{DbError, DbResult};
use app::ports::{RepoError, RepoResult, SummaryPort};
use app::types::auth::CurrentUser;
use app::types::exports::{CityList, CityRow};
use app::types::model::{AuditAction, AuditEntry, BoardQuery, ProposalStatus};
use app::types::summary::{BlocReviewView, CommendationFact, ReviewRow, SummaryFrame};
use async_trait::async_trait;
use chrono::{Datelike, NaiveDate};
use queries::ReviewWrite;
use shared::auth::{authorize, Action};
use shared::domain::commendation::CommendationForm;
use shared::domain::NomineeKind;
use shared::rules::deadline::deadline_status;
use shared::rules::review::{check_review, ReviewDraft};
use shared::rules::summary::Tally;

#[async_trait]
impl SummaryPort for Backend {
    async fn summary_frame(&self, year: Option<i32>, today: NaiveDate) -> RepoResult<SummaryFrame> {
        let mut conn = super::begin_read(&self.pool).await.map_err(DbError::from)?;
        let (campaign_id, campaign_name, year, start, end) =
            resolve_year(&mut conn, &BoardQuery { year }, today.year()).await?;
        let calendar = campaign_year(&mut conn, campaign_id, year).await?;
        let blocs = queries::blocs(&mut conn).await?;
        let units = queries::units(&mut conn).await?;
        let stored = queries::reviews(&mut conn, campaign_id, year).await?;
        let movements = super::kernel::movements::of_campaign(&mut conn, campaign_id).await?;
        let proposals = queries::commendations(&mut conn, campaign_id, year).await?;
        let reports = super::reports::sent_reports(&mut conn, campaign_id, year).await?;
        conn.commit().await.map_err(DbError::from)?;
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
            movements,
            commendations: proposals
                .into_iter()
                .map(commendation_fact)
                .collect::<DbResult<_>>()?,
            unit_reports: reports
                .into_iter()
                .map(|(unit, period, on)| {
                    let period =
                        shared::domain::EvaluationPeriod::from_code(&period).ok_or_else(|| {
                            DbError::from(RepoError::Unavailable(format!("bad period {period:?}")))
                        })?;
                    Ok((unit, period, on))
                })
                .collect::<DbResult<_>>()?,
        })
    }

    async fn bloc_review(
        &self,
        bloc_id: i64,
        year: Option<i32>,
        user: &CurrentUser,
        today: NaiveDate,
    ) -> RepoResult<BlocReviewView> {
        authorize(&user.actor(), &Action::ViewBloc { bloc_id }).map_err(RepoError::Denied)?;
        let mut conn = super::begin_read(&self.pool).await.map_err(DbError::from)?;
        let (campaign_id, _, year, start, end) =
            resolve_year(&mut conn, &BoardQuery { year }, today.year()).await?;
        let calendar = campaign_year(&mut conn, campaign_id, year).await?;
        let (bloc_name, head_unit) = queries::bloc_names(&mut conn, bloc_id).await?;
        let stored = queries::stored_review(&mut conn, campaign_id, year, bloc_id).await?;
        let exemplars = queries::exemplars(&mut conn, campaign_id, year, bloc_id).await?;
        conn.commit().await.map_err(DbError::from)?;
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
        let mut tx = WriteTx::begin(self, by).await?;
        tx.about("bloc_review", Some(format!("{year}-{bloc_id}")));
        tx.authorize(Action::WriteBlocReview { bloc_id }).await?;
        let (campaign_id, _, year, _, _) =
            resolve_year(&mut tx, &BoardQuery { year: Some(year) }, year).await?;
        queries::bloc_names(&mut tx, bloc_id).await?;
        let stored = queries::stored_review(&mut tx, campaign_id, year, bloc_id).await?;
        let submitted = stored.as_ref().is_some_and(|s| s.submitted_on.is_some());
        if let Err(v) = shared::rules::review::review_open(submitted) {
            return Err(RepoError::Rules(vec![v]));
        }
        let row = Versioned::BlocReview {
            campaign_id,
            year,
            bloc_id,
        };
        tx.expect_version(row, version).await?;
        let current = queries::exemplars(&mut tx, campaign_id, year, bloc_id).await?;
        let names: Vec<(i64, String)> = current.iter().map(|e| (e.id, e.name.clone())).collect();
        check_review(draft, &names, submitted, submit).map_err(RepoError::Rules)?;
        let draft = draft.normalised();
        let now = tx.now();
        let submitted_on = submit.then(|| today.format("%Y-%m-%d").to_string());
        let review = ReviewWrite {
            assessment: &draft.assessment,
            by: &by.display_name,
            now: &now,
            submitted: submitted_on
                .as_deref()
                .map(|on| (on, by.display_name.as_str())),
        };
        let new_version = queries::write_review(
            &mut tx,
            campaign_id,
            year,
            bloc_id,
            &review,
            &draft.comments,
        )
        .await?;
        let before = stored.map(|s| {
            serde_json::json!({ "assessment": s.assessment, "version": s.version }).to_string()
        });
        let action = if submit {
            AuditAction::SubmitBlocReview
        } else {
            AuditAction::SaveBlocReview
        };
        let after = serde_json::json!({
            "assessment": draft.assessment,
            "comments": draft.comments,
            "version": new_version,
            "submitted_on": submitted_on,
        });
        let object = ("bloc_review", format!("{year}-{bloc_id}"));
        let entry = AuditEntry::change(by, action, object, before, after.to_string());
        tx.audited(&entry).await?;
        tx.commit().await?;
        Ok(new_version)
    }

    async fn city_list(&self, year: Option<i32>, today: NaiveDate) -> RepoResult<CityList> {
        let mut conn = super::begin_read(&self.pool).await.map_err(DbError::from)?;
        let (campaign_id, _, year, _, _) =
            resolve_year(&mut conn, &BoardQuery { year }, today.year()).await?;
        let decided_on = queries::city_decided_on(&mut conn, campaign_id, year).await?;
        let rows = queries::city_rows(&mut conn, campaign_id, year).await?;
        let totals = final_totals(&mut conn, campaign_id, year).await?;
        conn.commit().await.map_err(DbError::from)?;
        let mut rows = rows
            .into_iter()
            .map(|(id, name, unit_name, kind, achievements)| {
                Ok(CityRow {
                    id,
                    kind: NomineeKind::from_code(&kind).ok_or_else(|| {
                        RepoError::Unavailable(format!("nomination {id}: bad kind"))
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
    }
}

fn date(text: &str) -> DbResult<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| RepoError::Unavailable(format!("bad date {text:?}")).into())
}

/// A stored proposal as the summary counts it.
fn commendation_fact(
    (unit_id, form, status, granted): (i64, String, String, Option<String>),
) -> DbResult<CommendationFact> {
    let corrupt = |what: &str| {
        DbError::from(RepoError::Unavailable(format!(
            "commendation of unit {unit_id}: bad {what}"
        )))
    };
    let form_of = |code: &str| CommendationForm::from_code(code).ok_or_else(|| corrupt("form"));
    Ok(CommendationFact {
        unit_id,
        form: form_of(&form)?,
        status: ProposalStatus::from_code(&status).ok_or_else(|| corrupt("status"))?,
        granted: granted.as_deref().map(form_of).transpose()?,
    })
}
