//! Periodic reports (E-1): a unit's report for a period, drafted from the records
//! (evaluations, the fostering plan's activities, replications), saved, sent once; the
//! office's overview of who has reported and the Department's report compiled from them.

use super::kernel::cards::resolve_year;
use super::kernel::facts;
use super::kernel::years::campaign_year;
use super::kernel::{Versioned, WriteTx};
use super::{Backend, Conn};
use crate::db::{DbError, DbResult};
use app::ports::{RepoError, RepoResult, ReportsPort};
use app::types::auth::CurrentUser;
use app::types::model::{AuditAction, AuditEntry, BoardQuery};
use app::types::report::{
    current_period, CompiledUnit, ReportExemplar, ReportsOverview, UnitReportRow, UnitReportView,
};
use async_trait::async_trait;
use chrono::{Datelike, NaiveDate};
use shared::auth::{authorize, Action, Role};
use shared::domain::{EvaluationPeriod, NomineeKind, Stage};
use shared::i18n::Lang;
use shared::rules::deadline::{checkpoint, status_met_on};
use shared::rules::periodic_report::{
    check_department_report, check_unit_report, draft_report, report_open, ExemplarRecord,
    ReportEntry, UnitReportDraft,
};
use std::collections::BTreeMap;

fn corrupt(what: &str) -> DbError {
    RepoError::Unavailable(format!("periodic report: bad {what}")).into()
}

/// The unit's name, its bloc's id and name.
async fn unit_of(conn: &mut Conn, unit_id: i64) -> DbResult<(String, i64, String)> {
    let row: Option<(String, i64, String)> = sqlx::query_as(
        "SELECT u.name, b.id, b.name FROM units u JOIN blocs b ON b.id = u.bloc_id
         WHERE u.id = $1",
    )
    .bind(unit_id)
    .fetch_optional(&mut *conn)
    .await?;
    row.ok_or_else(|| RepoError::NotFound.into())
}

/// The unit's exemplars of the year (registered and still in the programme), by name.
async fn exemplars(
    conn: &mut Conn,
    campaign_id: i64,
    year: i32,
    unit_id: i64,
) -> DbResult<Vec<(ReportExemplar, String)>> {
    let rows: Vec<(i64, String, String, String, String)> = sqlx::query_as(
        "SELECT id, nominee_name, kind, stage, description FROM nominations
         WHERE campaign_id = $1 AND year = $2 AND unit_id = $3
           AND stage IN ('registered', 'fostering', 'evaluating', 'replicated')",
    )
    .bind(campaign_id)
    .bind(year)
    .bind(unit_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut out = rows
        .into_iter()
        .map(|(id, name, kind, stage, description)| {
            Ok((
                ReportExemplar {
                    id,
                    name,
                    kind: NomineeKind::from_code(&kind).ok_or_else(|| corrupt("kind"))?,
                    stage: Stage::from_code(&stage).ok_or_else(|| corrupt("stage"))?,
                },
                description,
            ))
        })
        .collect::<DbResult<Vec<_>>>()?;
    out.sort_by(|a, b| shared::text::compare_vi(&a.0.name, &b.0.name));
    Ok(out)
}

/// What the records hold of each exemplar for `period`.
async fn records(
    conn: &mut Conn,
    exemplars: &[(ReportExemplar, String)],
    period: EvaluationPeriod,
) -> DbResult<Vec<ExemplarRecord>> {
    let mut out = Vec::with_capacity(exemplars.len());
    for (e, description) in exemplars {
        let evaluation = facts::evaluations(conn, e.id)
            .await?
            .into_iter()
            .map(|r| r.evaluation)
            .find(|ev| ev.period == period);
        let activities = facts::plan(conn, e.id)
            .await?
            .map(|p| p.plan.activities)
            .unwrap_or_default();
        let replications = facts::replications(conn, e.id)
            .await?
            .into_iter()
            .map(|r| r.replication)
            .collect();
        out.push(ExemplarRecord {
            id: e.id,
            name: e.name.clone(),
            description: description.clone(),
            evaluation,
            activities,
            replications,
        });
    }
    Ok(out)
}

#[derive(sqlx::FromRow)]
struct StoredReport {
    unit_id: i64,
    assessment: String,
    entries: String,
    version: i64,
    updated_at: String,
    updated_by: String,
    sent_on: Option<NaiveDate>,
    sent_by: Option<String>,
}

impl StoredReport {
    fn draft(&self) -> DbResult<UnitReportDraft> {
        let entries: BTreeMap<i64, ReportEntry> =
            serde_json::from_str(&self.entries).map_err(|_| corrupt("entries"))?;
        Ok(UnitReportDraft {
            assessment: self.assessment.clone(),
            entries,
        })
    }
}

const STORED: &str = "SELECT unit_id, assessment, entries, version, updated_at, updated_by,
        sent_on, sent_by
    FROM unit_reports WHERE campaign_id = $1 AND year = $2 AND period = $3";

async fn stored_report(
    conn: &mut Conn,
    campaign_id: i64,
    year: i32,
    period: EvaluationPeriod,
    unit_id: i64,
) -> DbResult<Option<StoredReport>> {
    Ok(sqlx::query_as(
        "SELECT unit_id, assessment, entries, version, updated_at, updated_by, sent_on, sent_by
         FROM unit_reports
         WHERE campaign_id = $1 AND year = $2 AND period = $3 AND unit_id = $4",
    )
    .bind(campaign_id)
    .bind(year)
    .bind(period.code())
    .bind(unit_id)
    .fetch_optional(&mut *conn)
    .await?)
}

/// Every unit with its bloc: (unit id, unit name, bloc id, bloc name), by bloc then unit.
async fn all_units(conn: &mut Conn) -> DbResult<Vec<(i64, String, i64, String)>> {
    let mut rows: Vec<(i64, String, i64, String)> = sqlx::query_as(
        "SELECT u.id, u.name, b.id, b.name FROM units u JOIN blocs b ON b.id = u.bloc_id",
    )
    .fetch_all(&mut *conn)
    .await?;
    rows.sort_by(|a, b| {
        shared::text::compare_vi(&a.3, &b.3).then_with(|| shared::text::compare_vi(&a.1, &b.1))
    });
    Ok(rows)
}

/// Which units' reports have been sent, and when, for the calendar and the summary:
/// (unit, period code, sent on).
pub async fn sent_reports(
    conn: &mut Conn,
    campaign_id: i64,
    year: i32,
) -> DbResult<Vec<(i64, String, Option<NaiveDate>)>> {
    Ok(sqlx::query_as(
        "SELECT unit_id, period, sent_on FROM unit_reports WHERE campaign_id = $1 AND year = $2",
    )
    .bind(campaign_id)
    .bind(year)
    .fetch_all(&mut *conn)
    .await?)
}

/// A data set's report (the demo's): drafted from the unit's records as the unit would,
/// its assessment completed, checked by the rules, stored (sent on `sent_on`, or a draft).
pub async fn load_seed(
    conn: &mut Conn,
    campaign_id: i64,
    unit_id: i64,
    seed: &crate::seed::ReportSeed,
    now: &str,
) -> DbResult<()> {
    let calendar = campaign_year(conn, campaign_id, seed.year).await?;
    let exemplars = exemplars(conn, campaign_id, seed.year, unit_id).await?;
    let records = records(conn, &exemplars, seed.period).await?;
    let deadline = checkpoint(&calendar, seed.period);
    let mut draft = draft_report(Lang::Vi, seed.period, &records, deadline);
    draft.assessment.push_str(seed.assessment);
    let names: Vec<(i64, String)> = exemplars
        .iter()
        .map(|(e, _)| (e.id, e.name.clone()))
        .collect();
    check_unit_report(&draft, &names, false, seed.sent_on.is_some())
        .map_err(|v| DbError::Refused(format!("data set report of unit {unit_id}: {v:?}")))?;
    let draft = draft.normalised();
    let entries = serde_json::to_string(&draft.entries).map_err(|_| corrupt("entries"))?;
    sqlx::query(
        "INSERT INTO unit_reports (campaign_id, year, period, unit_id, assessment, entries,
             version, updated_at, updated_by, sent_on, sent_at, sent_by)
         VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8, $9, $10, $11)",
    )
    .bind(campaign_id)
    .bind(seed.year)
    .bind(seed.period.code())
    .bind(unit_id)
    .bind(&draft.assessment)
    .bind(&entries)
    .bind(now)
    .bind(&seed.by)
    .bind(seed.sent_on)
    .bind(seed.sent_on.map(|_| now))
    .bind(seed.sent_on.map(|_| seed.by.as_str()))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

#[async_trait]
impl ReportsPort for Backend {
    async fn report_unit_bloc(&self, unit_id: i64) -> RepoResult<i64> {
        let mut conn = super::begin_read(&self.pool).await.map_err(DbError::from)?;
        let (_, bloc_id, _) = unit_of(&mut conn, unit_id).await?;
        conn.commit().await.map_err(DbError::from)?;
        Ok(bloc_id)
    }

    async fn unit_report(
        &self,
        unit_id: i64,
        year: Option<i32>,
        period: Option<EvaluationPeriod>,
        user: &CurrentUser,
        today: NaiveDate,
        lang: Lang,
    ) -> RepoResult<UnitReportView> {
        let mut conn = super::begin_read(&self.pool).await.map_err(DbError::from)?;
        let (unit_name, bloc_id, bloc_name) = unit_of(&mut conn, unit_id).await?;
        authorize(&user.actor(), &Action::ViewUnitReport { unit_id, bloc_id })
            .map_err(RepoError::Denied)?;
        let (campaign_id, _, year, start, end) =
            resolve_year(&mut conn, &BoardQuery { year }, today.year()).await?;
        let calendar = campaign_year(&mut conn, campaign_id, year).await?;
        let period = period.unwrap_or_else(|| current_period(&calendar, today));
        let exemplars = exemplars(&mut conn, campaign_id, year, unit_id).await?;
        let records = records(&mut conn, &exemplars, period).await?;
        let stored = stored_report(&mut conn, campaign_id, year, period, unit_id).await?;
        conn.commit().await.map_err(DbError::from)?;
        let deadline = checkpoint(&calendar, period);
        let drafted = draft_report(lang, period, &records, deadline);
        let sent_on = stored.as_ref().and_then(|s| s.sent_on);
        let can_write = sent_on.is_none() && user.may(&Action::WriteUnitReport { unit_id }).is_ok();
        let report = match &stored {
            Some(s) => s.draft()?,
            None => drafted.clone(),
        };
        Ok(UnitReportView {
            year,
            years: (start..=end).collect(),
            today,
            period,
            unit_id,
            unit_name,
            bloc_name,
            deadline,
            status: status_met_on(deadline, today, sent_on),
            version: stored.as_ref().map_or(0, |s| s.version),
            report,
            drafted,
            exemplars: exemplars.into_iter().map(|(e, _)| e).collect(),
            updated_by: stored.as_ref().map(|s| s.updated_by.clone()),
            updated_at: stored.as_ref().map(|s| s.updated_at.clone()),
            sent_on,
            sent_by: stored.and_then(|s| s.sent_by),
            can_write,
        })
    }

    #[allow(clippy::too_many_arguments)]
    async fn save_unit_report(
        &self,
        unit_id: i64,
        year: i32,
        period: EvaluationPeriod,
        version: i64,
        draft: &UnitReportDraft,
        send: bool,
        by: &CurrentUser,
        today: NaiveDate,
    ) -> RepoResult<i64> {
        let object_id = format!("{year}-{}-{unit_id}", period.code());
        let mut tx = WriteTx::begin(self, by).await?;
        tx.about("unit_report", Some(object_id.clone()));
        tx.authorize(Action::WriteUnitReport { unit_id }).await?;
        unit_of(&mut tx, unit_id).await?;
        let (campaign_id, _, year, _, _) =
            resolve_year(&mut tx, &BoardQuery { year: Some(year) }, year).await?;
        let stored = stored_report(&mut tx, campaign_id, year, period, unit_id).await?;
        let sent = stored.as_ref().is_some_and(|s| s.sent_on.is_some());
        if let Err(v) = report_open(sent) {
            return Err(RepoError::Rules(vec![v]));
        }
        tx.expect_version(
            Versioned::UnitReport {
                campaign_id,
                year,
                period: period.code(),
                unit_id,
            },
            version,
        )
        .await?;
        let current = exemplars(&mut tx, campaign_id, year, unit_id).await?;
        let names: Vec<(i64, String)> = current
            .iter()
            .map(|(e, _)| (e.id, e.name.clone()))
            .collect();
        check_unit_report(draft, &names, sent, send).map_err(RepoError::Rules)?;
        let draft = draft.normalised();
        let entries = serde_json::to_string(&draft.entries).map_err(|_| corrupt("entries"))?;
        let now = tx.now();
        let sent_on = send.then_some(today);
        let new_version: i64 = sqlx::query_scalar(
            "INSERT INTO unit_reports (campaign_id, year, period, unit_id, assessment, entries,
                 version, updated_at, updated_by, sent_on, sent_at, sent_by)
             VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8, $9, $10, $11)
             ON CONFLICT (campaign_id, year, period, unit_id) DO UPDATE SET
                 assessment = excluded.assessment, entries = excluded.entries,
                 version = unit_reports.version + 1, updated_at = excluded.updated_at,
                 updated_by = excluded.updated_by, sent_on = excluded.sent_on,
                 sent_at = excluded.sent_at, sent_by = excluded.sent_by
             RETURNING version",
        )
        .bind(campaign_id)
        .bind(year)
        .bind(period.code())
        .bind(unit_id)
        .bind(&draft.assessment)
        .bind(&entries)
        .bind(&now)
        .bind(&by.display_name)
        .bind(sent_on)
        .bind(send.then_some(now.as_str()))
        .bind(send.then_some(by.display_name.as_str()))
        .fetch_one(&mut *tx)
        .await
        .map_err(DbError::from)?;
        let before = match &stored {
            Some(s) => Some(
                serde_json::json!({
                    "assessment": s.assessment,
                    "entries": s.draft()?.entries,
                    "version": s.version,
                })
                .to_string(),
            ),
            None => None,
        };
        let after = serde_json::json!({
            "assessment": draft.assessment,
            "entries": draft.entries,
            "version": new_version,
            "sent_on": sent_on,
        });
        let action = if send {
            AuditAction::SendUnitReport
        } else {
            AuditAction::SaveUnitReport
        };
        let entry = AuditEntry::change(
            by,
            action,
            ("unit_report", object_id),
            before,
            after.to_string(),
        );
        tx.audited(&entry).await?;
        tx.commit().await?;
        Ok(new_version)
    }

    async fn reports_overview(
        &self,
        year: Option<i32>,
        period: Option<EvaluationPeriod>,
        user: &CurrentUser,
        today: NaiveDate,
    ) -> RepoResult<ReportsOverview> {
        let mut conn = super::begin_read(&self.pool).await.map_err(DbError::from)?;
        let (campaign_id, _, year, start, end) =
            resolve_year(&mut conn, &BoardQuery { year }, today.year()).await?;
        let calendar = campaign_year(&mut conn, campaign_id, year).await?;
        let period = period.unwrap_or_else(|| current_period(&calendar, today));
        let units = all_units(&mut conn).await?;
        let stored: Vec<StoredReport> = sqlx::query_as(STORED)
            .bind(campaign_id)
            .bind(year)
            .bind(period.code())
            .fetch_all(&mut *conn)
            .await
            .map_err(DbError::from)?;
        let department: Option<(String, i64, String)> = sqlx::query_as(
            "SELECT assessment, version, updated_by FROM department_reports
             WHERE campaign_id = $1 AND year = $2 AND period = $3",
        )
        .bind(campaign_id)
        .bind(year)
        .bind(period.code())
        .fetch_optional(&mut *conn)
        .await
        .map_err(DbError::from)?;
        let stored: BTreeMap<i64, StoredReport> =
            stored.into_iter().map(|s| (s.unit_id, s)).collect();
        // The exemplars' names, for the compiled entries.
        let mut names: BTreeMap<i64, String> = BTreeMap::new();
        for s in stored.values().filter(|s| s.sent_on.is_some()) {
            for (e, _) in exemplars(&mut conn, campaign_id, year, s.unit_id).await? {
                names.insert(e.id, e.name);
            }
        }
        conn.commit().await.map_err(DbError::from)?;
        let deadline = checkpoint(&calendar, period);
        let visible: Vec<_> = units
            .into_iter()
            .filter(|(unit_id, _, bloc_id, _)| {
                user.may(&Action::ViewUnitReport {
                    unit_id: *unit_id,
                    bloc_id: *bloc_id,
                })
                .is_ok()
            })
            .collect();
        let mut compiled = Vec::new();
        let rows = visible
            .into_iter()
            .map(|(unit_id, unit_name, bloc_id, bloc_name)| {
                let s = stored.get(&unit_id);
                let sent_on = s.and_then(|s| s.sent_on);
                if let (Some(s), Some(on)) = (s, sent_on) {
                    let mut entries: Vec<(String, ReportEntry)> = s
                        .draft()?
                        .entries
                        .into_iter()
                        .map(|(id, e)| (names.get(&id).cloned().unwrap_or_default(), e))
                        .collect();
                    entries.sort_by(|a, b| shared::text::compare_vi(&a.0, &b.0));
                    compiled.push(CompiledUnit {
                        unit_name: unit_name.clone(),
                        bloc_name: bloc_name.clone(),
                        sent_on: on,
                        assessment: s.assessment.clone(),
                        entries,
                    });
                }
                Ok(UnitReportRow {
                    unit_id,
                    unit_name,
                    bloc_id,
                    bloc_name,
                    started: s.is_some(),
                    sent_on,
                    sent_by: s.and_then(|s| s.sent_by.clone()),
                    status: status_met_on(deadline, today, sent_on),
                })
            })
            .collect::<DbResult<Vec<_>>>()?;
        let whole = user.may(&Action::ViewSummaries).is_ok();
        Ok(ReportsOverview {
            year,
            years: (start..=end).collect(),
            today,
            period,
            deadline,
            rows,
            compiled,
            department_version: department.as_ref().map_or(0, |d| d.1),
            department_assessment: department.as_ref().map(|d| d.0.clone()).unwrap_or_default(),
            department_updated_by: department.map(|d| d.2),
            department: whole,
            can_compile: user.may(&Action::CompileDepartmentReport).is_ok()
                && user.roles.contains(&Role::CouncilOffice),
        })
    }

    async fn save_department_report(
        &self,
        year: i32,
        period: EvaluationPeriod,
        version: i64,
        assessment: &str,
        by: &CurrentUser,
    ) -> RepoResult<i64> {
        let object_id = format!("{year}-{}", period.code());
        let mut tx = WriteTx::begin(self, by).await?;
        tx.about("department_report", Some(object_id.clone()));
        tx.authorize(Action::CompileDepartmentReport).await?;
        let (campaign_id, _, year, _, _) =
            resolve_year(&mut tx, &BoardQuery { year: Some(year) }, year).await?;
        tx.expect_version(
            Versioned::DepartmentReport {
                campaign_id,
                year,
                period: period.code(),
            },
            version,
        )
        .await?;
        check_department_report(assessment).map_err(RepoError::Rules)?;
        let assessment = assessment.trim();
        let before: Option<String> = sqlx::query_scalar(
            "SELECT assessment FROM department_reports
             WHERE campaign_id = $1 AND year = $2 AND period = $3",
        )
        .bind(campaign_id)
        .bind(year)
        .bind(period.code())
        .fetch_optional(&mut *tx)
        .await
        .map_err(DbError::from)?;
        let now = tx.now();
        let new_version: i64 = sqlx::query_scalar(
            "INSERT INTO department_reports (campaign_id, year, period, assessment, version,
                 updated_at, updated_by)
             VALUES ($1, $2, $3, $4, 1, $5, $6)
             ON CONFLICT (campaign_id, year, period) DO UPDATE SET
                 assessment = excluded.assessment, version = department_reports.version + 1,
                 updated_at = excluded.updated_at, updated_by = excluded.updated_by
             RETURNING version",
        )
        .bind(campaign_id)
        .bind(year)
        .bind(period.code())
        .bind(assessment)
        .bind(&now)
        .bind(&by.display_name)
        .fetch_one(&mut *tx)
        .await
        .map_err(DbError::from)?;
        let entry = AuditEntry::change(
            by,
            AuditAction::SaveDepartmentReport,
            ("department_report", object_id),
            before.map(|b| serde_json::json!({ "assessment": b }).to_string()),
            serde_json::json!({ "assessment": assessment, "version": new_version }).to_string(),
        );
        tx.audited(&entry).await?;
        tx.commit().await?;
        Ok(new_version)
    }
}
