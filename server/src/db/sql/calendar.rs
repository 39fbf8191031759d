//! The campaign year's deadlines and who has met them, counted from the records: units'
//! registrations (D-1) and evaluations (E-1), blocs' reviews (D-2), the office's quarterly
//! selections (E-2) and City list (D-3).

use super::kernel::answer;
use super::kernel::cards::{campaign_year, resolve_year};
use super::Backend;
use app::types::calendar::{CalendarView, DeadlineRow, OwnerStatus};
use app::types::model::BoardQuery;
use app::ports::{CalendarPort, RepoResult};
use async_trait::async_trait;
use chrono::NaiveDate;
use shared::domain::EvaluationPeriod;
use shared::rules::deadline::{deadline_status, year_deadlines, DeadlineKind};
use std::collections::HashMap;

#[async_trait]
impl CalendarPort for Backend {
    async fn calendar(&self, year: Option<i32>, today: NaiveDate) -> RepoResult<CalendarView> {
        answer(async move {
            use chrono::Datelike;
            let mut conn = super::begin_read(&self.pool).await?;
            let query = BoardQuery { year };
            let (campaign_id, campaign_name, year, start, end) =
                resolve_year(&mut conn, &query, today.year()).await?;
            let calendar = campaign_year(&mut conn, campaign_id, year).await?;

            let mut units: Vec<UnitRow> =
                sqlx::query_as::<_, (i64, String, i64)>("SELECT id, name, bloc_id FROM units")
                    .fetch_all(&mut *conn)
                    .await?
                    .into_iter()
                    .map(|(id, name, bloc_id)| UnitRow { id, name, bloc_id })
                    .collect();
            units.sort_by(|a, b| shared::text::compare_vi(&a.name, &b.name));
            let mut blocs: Vec<(i64, String)> = sqlx::query_as("SELECT id, name FROM blocs")
                .fetch_all(&mut *conn)
                .await?;
            blocs.sort_by(|a, b| shared::text::compare_vi(&a.1, &b.1));

            // D-1: a unit has registered when one of its nominations got past "discovered".
            let registered: HashMap<i64, u32> = sqlx::query_as::<_, (i64, i64)>(
                "SELECT unit_id, COUNT(*) FROM nominations
                 WHERE campaign_id = $1 AND year = $2
                   AND (stage NOT IN ('discovered', 'dropped')
                        OR (stage = 'dropped' AND dropped_from <> 'discovered'))
                 GROUP BY unit_id",
            )
            .bind(campaign_id)
            .bind(year)
            .fetch_all(&mut *conn)
            .await?
            .into_iter()
            .map(|(unit, n)| (unit, n as u32))
            .collect();

            // E-1: the evaluations of what each unit fosters.
            let evaluated: HashMap<i64, Evaluated> = sqlx::query_as::<_, (i64, i64, i64, i64, i64)>(
                "SELECT n.unit_id, COUNT(*),
                     SUM(CASE WHEN EXISTS (SELECT 1 FROM evaluations e WHERE e.nomination_id = n.id AND e.period = 'six_month') THEN 1 ELSE 0 END),
                     SUM(CASE WHEN EXISTS (SELECT 1 FROM evaluations e WHERE e.nomination_id = n.id AND e.period = 'nine_month') THEN 1 ELSE 0 END),
                     SUM(CASE WHEN EXISTS (SELECT 1 FROM evaluations e WHERE e.nomination_id = n.id AND e.period = 'annual') THEN 1 ELSE 0 END)
                 FROM nominations n
                 WHERE n.campaign_id = $1 AND n.year = $2 AND n.stage IN ('fostering', 'evaluating', 'replicated')
                 GROUP BY n.unit_id",
            )
            .bind(campaign_id)
            .bind(year)
            .fetch_all(&mut *conn)
            .await?
            .into_iter()
            .map(|(unit, total, six, nine, annual)| {
                (
                    unit,
                    Evaluated {
                        total: total as u32,
                        six: six as u32,
                        nine: nine as u32,
                        annual: annual as u32,
                    },
                )
            })
            .collect();

            // D-2: the blocs whose review is submitted.
            let reviewed: Vec<i64> = sqlx::query_scalar(
                "SELECT bloc_id FROM bloc_reviews
                 WHERE campaign_id = $1 AND year = $2 AND submitted_at IS NOT NULL",
            )
            .bind(campaign_id)
            .bind(year)
            .fetch_all(&mut *conn)
            .await?;

            // E-2: how many exemplars each quarter's selection holds.
            let selected: HashMap<String, u32> = sqlx::query_as::<_, (String, i64)>(
                "SELECT period, COUNT(*) FROM selection_items WHERE campaign_id = $1 AND year = $2
                 GROUP BY period",
            )
            .bind(campaign_id)
            .bind(year)
            .fetch_all(&mut *conn)
            .await?
            .into_iter()
            .map(|(p, n)| (p, n as u32))
            .collect();

            // D-3: the models registered with the City this year.
            let city: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM nominations WHERE campaign_id = $1 AND year = $2 AND city_registered",
            )
            .bind(campaign_id)
            .bind(year)
            .fetch_one(&mut *conn)
            .await?;
            conn.commit().await?;

            let unit_status = |u: &UnitRow, done: bool, done_n: u32, total: u32, date| OwnerStatus {
                owner: u.name.clone(),
                unit_id: Some(u.id),
                bloc_id: Some(u.bloc_id),
                status: deadline_status(date, today, done),
                done: done_n,
                total,
            };
            let office = |done: bool, done_n: u32, total: u32, date| OwnerStatus {
                owner: String::new(),
                unit_id: None,
                bloc_id: None,
                status: deadline_status(date, today, done),
                done: done_n,
                total,
            };
            let rows = year_deadlines(&calendar)
                .into_iter()
                .map(|deadline| {
                    let date = deadline.date;
                    let owners = match deadline.kind {
                        DeadlineKind::Registration => units
                            .iter()
                            .map(|u| {
                                let n = registered.get(&u.id).copied().unwrap_or(0);
                                unit_status(u, n > 0, n, 0, date)
                            })
                            .collect(),
                        DeadlineKind::Evaluation { period } => units
                            .iter()
                            .filter_map(|u| {
                                let e = evaluated.get(&u.id).copied()?;
                                let done = match period {
                                    EvaluationPeriod::SixMonth => e.six,
                                    EvaluationPeriod::NineMonth => e.nine,
                                    EvaluationPeriod::Annual => e.annual,
                                };
                                Some(unit_status(u, done >= e.total, done, e.total, date))
                            })
                            .collect(),
                        DeadlineKind::BlocReview => blocs
                            .iter()
                            .map(|(id, name)| OwnerStatus {
                                owner: name.clone(),
                                unit_id: None,
                                bloc_id: Some(*id),
                                status: deadline_status(date, today, reviewed.contains(id)),
                                done: u32::from(reviewed.contains(id)),
                                total: 1,
                            })
                            .collect(),
                        DeadlineKind::Quarter { quarter } => {
                            let n = selected.get(&format!("q{quarter}")).copied().unwrap_or(0);
                            vec![office(n > 0, n, 0, date)]
                        }
                        DeadlineKind::CitySubmission => {
                            let min = u32::from(calendar.city_quota.min());
                            let n = city as u32;
                            vec![office(n >= min, n, min, date)]
                        }
                    };
                    DeadlineRow { deadline, owners }
                })
                .collect();
            Ok(CalendarView {
                campaign_name,
                year,
                years: (start..=end).collect(),
                today,
                rows,
            })
        })
        .await
    }
}

struct UnitRow {
    id: i64,
    name: String,
    bloc_id: i64,
}

/// Per unit: nominations fostered or further, and how many have each evaluation.
#[derive(Default, Clone, Copy)]
struct Evaluated {
    total: u32,
    six: u32,
    nine: u32,
    annual: u32,
}
