//! The campaign year's deadlines and who has met them, counted from the records: units'
//! registrations (D-1) and evaluations (E-1), blocs' reviews (D-2), the office's quarterly
//! selections (E-2) and City list (D-3). The SQL is in `queries.rs`; the dates come from
//! the stored campaign year through `shared::rules::deadline`.

mod queries;

use super::kernel::cards::resolve_year;
use super::kernel::snapshot;
use super::kernel::years::campaign_year;
use super::{Backend, Conn};
use crate::db::snapshot_cache::Found;
use crate::db::{DbError, DbResult};
use app::ports::{CalendarPort, LiveStamps, RepoResult};
use app::types::calendar::{CalendarView, DeadlineRow, OwnerStatus};
use app::types::model::BoardQuery;
use async_trait::async_trait;
use chrono::{Datelike, NaiveDate};
use queries::Unit;
use shared::domain::EvaluationPeriod;
use shared::rules::deadline::{deadline_status, status_met_on, year_deadlines, DeadlineKind};
use std::sync::Arc;

#[async_trait]
impl CalendarPort for Backend {
    async fn calendar(&self, year: Option<i32>, today: NaiveDate) -> RepoResult<CalendarView> {
        let mut conn = super::begin_read(&self.pool).await.map_err(DbError::from)?;
        // Counted over every nomination of the year: kept while nothing changes.
        let key = snapshot::key(&mut conn, year, today).await?;
        let view = match self.calendars.find(&key).await {
            Found::Kept(view) => view,
            Found::Read(_turn) => {
                let view = Arc::new(read_calendar(&mut conn, year, today).await?);
                self.calendars.keep(key, Arc::clone(&view));
                view
            }
        };
        conn.commit().await.map_err(DbError::from)?;
        Ok(CalendarView::clone(&view))
    }

    async fn live_stamps(&self) -> RepoResult<LiveStamps> {
        let mut conn = super::begin_read(&self.pool).await.map_err(DbError::from)?;
        let (calendar, ballot) = queries::live_stamps(&mut conn).await?;
        conn.commit().await.map_err(DbError::from)?;
        Ok(LiveStamps { calendar, ballot })
    }
}

/// The year's deadlines and who has met them, read in the caller's snapshot.
async fn read_calendar(
    conn: &mut Conn,
    year: Option<i32>,
    today: NaiveDate,
) -> DbResult<CalendarView> {
    let query = BoardQuery { year };
    let (campaign_id, campaign_name, year, start, end) =
        resolve_year(conn, &query, today.year()).await?;
    let calendar = campaign_year(&mut *conn, campaign_id, year).await?;
    let units = queries::units(&mut *conn).await?;
    let blocs = queries::blocs(&mut *conn).await?;
    let registered = queries::registered(&mut *conn, campaign_id, year).await?;
    let evaluated = queries::evaluated(&mut *conn, campaign_id, year).await?;
    let reviewed = queries::reviewed_blocs(&mut *conn, campaign_id, year).await?;
    let selected = queries::selected(&mut *conn, campaign_id, year).await?;
    let (city, sent_on) = queries::city_registered(&mut *conn, campaign_id, year).await?;
    let reports = super::reports::sent_reports(&mut *conn, campaign_id, year).await?;
    let seq = queries::last_seq(&mut *conn).await?;

    let unit_status = |u: &Unit, done: bool, done_n: u32, total: u32, date| OwnerStatus {
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
                // E-1's report is met the day the unit sends it.
                DeadlineKind::UnitReport { period } => units
                    .iter()
                    .map(|u| {
                        let sent = reports
                            .iter()
                            .find(|(unit, p, _)| *unit == u.id && p == period.code())
                            .and_then(|(_, _, on)| *on);
                        OwnerStatus {
                            status: status_met_on(date, today, sent),
                            ..unit_status(u, false, u32::from(sent.is_some()), 1, date)
                        }
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
                // D-3 is met the day the office records the list sent to the City.
                DeadlineKind::CitySubmission => vec![OwnerStatus {
                    status: status_met_on(date, today, sent_on),
                    ..office(false, city, u32::from(calendar.city_quota.min()), date)
                }],
            };
            DeadlineRow { deadline, owners }
        })
        .collect();
    Ok(CalendarView {
        seq,
        campaign_name,
        year,
        years: (start..=end).collect(),
        today,
        rows,
    })
}
