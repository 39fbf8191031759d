//! Conferences (E-1, E-2): each unit's annual conference of civil servants and the sector's
//! year-end conference, dated records of who was introduced and honoured with what.

use super::kernel::cards::resolve_year;
use super::kernel::{Versioned, WriteTx};
use super::{Backend, Conn};
use crate::db::{DbError, DbResult};
use app::ports::{ConferencesPort, RepoError, RepoResult};
use app::types::auth::CurrentUser;
use app::types::conference::{
    ConferenceForm, ConferenceRecord, ConferencesView, HonourCandidate, HonourRecord,
};
use app::types::model::{AuditAction, AuditEntry, BoardQuery};
use async_trait::async_trait;
use chrono::{Datelike, NaiveDate};
use shared::auth::Action;
use shared::rules::conference::{check_conference, ConferenceDraft, ConferenceScope};

fn scope_key(scope: ConferenceScope) -> String {
    match scope {
        ConferenceScope::Unit { unit_id } => format!("unit-{unit_id}"),
        ConferenceScope::Sector => "sector".into(),
    }
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    unit_id: Option<i64>,
    unit_name: Option<String>,
    held_on: NaiveDate,
    title: String,
    version: i64,
    updated_by: String,
}

/// The year's conferences, each with its honours, by unit name (the sector's apart).
async fn recorded(
    conn: &mut Conn,
    campaign_id: i64,
    year: i32,
) -> DbResult<(Option<ConferenceRecord>, Vec<ConferenceRecord>)> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT c.id, c.unit_id, u.name AS unit_name, c.held_on, c.title, c.version,
             c.updated_by
         FROM conferences c LEFT JOIN units u ON u.id = c.unit_id
         WHERE c.campaign_id = $1 AND c.year = $2",
    )
    .bind(campaign_id)
    .bind(year)
    .fetch_all(&mut *conn)
    .await?;
    let mut sector = None;
    let mut units = Vec::new();
    for r in rows {
        let honours: Vec<(i64, String, String, String)> = sqlx::query_as(
            "SELECT h.nomination_id, n.nominee_name, u.name, h.honour
             FROM conference_honours h
             JOIN nominations n ON n.id = h.nomination_id
             JOIN units u ON u.id = n.unit_id
             WHERE h.conference_id = $1 ORDER BY h.ord",
        )
        .bind(r.id)
        .fetch_all(&mut *conn)
        .await?;
        let record = ConferenceRecord {
            id: r.id,
            scope: match r.unit_id {
                Some(unit_id) => ConferenceScope::Unit { unit_id },
                None => ConferenceScope::Sector,
            },
            unit_name: r.unit_name,
            held_on: r.held_on,
            title: r.title,
            version: r.version,
            updated_by: r.updated_by,
            honours: honours
                .into_iter()
                .map(|(nomination_id, name, unit_name, honour)| HonourRecord {
                    nomination_id,
                    name,
                    unit_name,
                    honour,
                })
                .collect(),
        };
        match record.scope {
            ConferenceScope::Sector => sector = Some(record),
            ConferenceScope::Unit { .. } => units.push(record),
        }
    }
    units.sort_by(|a, b| {
        shared::text::compare_vi(
            a.unit_name.as_deref().unwrap_or_default(),
            b.unit_name.as_deref().unwrap_or_default(),
        )
    });
    Ok((sector, units))
}

/// Whom a conference of `scope` may honour: the year's registered exemplars (not
/// discovered, not dropped), of the unit for a unit's; marked when on the annual list.
async fn candidates(
    conn: &mut Conn,
    campaign_id: i64,
    year: i32,
    scope: ConferenceScope,
) -> DbResult<Vec<HonourCandidate>> {
    let unit = match scope {
        ConferenceScope::Unit { unit_id } => unit_id,
        ConferenceScope::Sector => 0,
    };
    let rows: Vec<(i64, String, String, i64)> = sqlx::query_as(
        "SELECT n.id, n.nominee_name, u.name,
             (SELECT COUNT(*) FROM selection_items s WHERE s.campaign_id = n.campaign_id
                 AND s.year = n.year AND s.period = 'annual' AND s.nomination_id = n.id)
         FROM nominations n JOIN units u ON u.id = n.unit_id
         WHERE n.campaign_id = $1 AND n.year = $2
           AND n.stage IN ('registered', 'fostering', 'evaluating', 'replicated')
           AND ($3 = 0 OR n.unit_id = $3)",
    )
    .bind(campaign_id)
    .bind(year)
    .bind(unit)
    .fetch_all(&mut *conn)
    .await?;
    let mut out: Vec<HonourCandidate> = rows
        .into_iter()
        .map(|(id, name, unit_name, annual)| HonourCandidate {
            id,
            name,
            unit_name,
            annual: annual > 0,
        })
        .collect();
    out.sort_by(|a, b| {
        b.annual
            .cmp(&a.annual)
            .then_with(|| shared::text::compare_vi(&a.unit_name, &b.unit_name))
            .then_with(|| shared::text::compare_vi(&a.name, &b.name))
    });
    Ok(out)
}

#[async_trait]
impl ConferencesPort for Backend {
    async fn conferences(
        &self,
        year: Option<i32>,
        user: &CurrentUser,
        today: NaiveDate,
    ) -> RepoResult<ConferencesView> {
        let mut conn = super::begin_read(&self.pool).await.map_err(DbError::from)?;
        let (campaign_id, _, year, start, end) =
            resolve_year(&mut conn, &BoardQuery { year }, today.year()).await?;
        let (sector, units) = recorded(&mut conn, campaign_id, year).await?;
        let mut forms = Vec::new();
        if user
            .may(&Action::RecordConference { unit_id: None })
            .is_ok()
        {
            forms.push(ConferenceForm {
                scope: ConferenceScope::Sector,
                unit_name: None,
                stored: sector.clone(),
                candidates: candidates(&mut conn, campaign_id, year, ConferenceScope::Sector)
                    .await?,
            });
        }
        if let Some(unit_id) = user.unit_id {
            if user
                .may(&Action::RecordConference {
                    unit_id: Some(unit_id),
                })
                .is_ok()
            {
                let scope = ConferenceScope::Unit { unit_id };
                forms.push(ConferenceForm {
                    scope,
                    unit_name: user.unit_name.clone(),
                    stored: units.iter().find(|c| c.scope == scope).cloned(),
                    candidates: candidates(&mut conn, campaign_id, year, scope).await?,
                });
            }
        }
        conn.commit().await.map_err(DbError::from)?;
        Ok(ConferencesView {
            year,
            years: (start..=end).collect(),
            today,
            sector,
            units,
            forms,
        })
    }

    async fn save_conference(
        &self,
        scope: ConferenceScope,
        year: i32,
        version: i64,
        draft: &ConferenceDraft,
        by: &CurrentUser,
        today: NaiveDate,
    ) -> RepoResult<i64> {
        let key = scope_key(scope);
        let unit_id = match scope {
            ConferenceScope::Unit { unit_id } => Some(unit_id),
            ConferenceScope::Sector => None,
        };
        let mut tx = WriteTx::begin(self, by).await?;
        tx.about("conference", Some(format!("{year}-{key}")));
        tx.authorize(Action::RecordConference { unit_id }).await?;
        let (campaign_id, _, year, _, _) =
            resolve_year(&mut tx, &BoardQuery { year: Some(year) }, year).await?;
        let stored: Option<(i64, String, String)> = sqlx::query_as(
            "SELECT id, title, CAST(held_on AS TEXT) FROM conferences
             WHERE campaign_id = $1 AND year = $2 AND scope_key = $3",
        )
        .bind(campaign_id)
        .bind(year)
        .bind(&key)
        .fetch_optional(&mut *tx)
        .await
        .map_err(DbError::from)?;
        match &stored {
            Some((id, _, _)) => {
                tx.expect_version(Versioned::Conference(*id), version)
                    .await?
            }
            // Recorded once: a page that did not know of it is refused.
            None if version != 0 => {
                return Err(RepoError::Conflict { by: None, at: None });
            }
            None => {}
        }
        let eligible: Vec<i64> = candidates(&mut tx, campaign_id, year, scope)
            .await?
            .into_iter()
            .map(|c| c.id)
            .collect();
        check_conference(draft, year, today, &eligible).map_err(RepoError::Rules)?;
        let draft = draft.normalised();
        let held_on = draft
            .held_on
            .ok_or_else(|| DbError::from(RepoError::NotFound))?;
        let now = tx.now();
        let (id, new_version) = match &stored {
            Some((id, _, _)) => {
                let v: i64 = sqlx::query_scalar(
                    "UPDATE conferences SET held_on = $1, title = $2, version = version + 1,
                         updated_at = $3, updated_by = $4
                     WHERE id = $5 RETURNING version",
                )
                .bind(held_on)
                .bind(&draft.title)
                .bind(&now)
                .bind(&by.display_name)
                .bind(*id)
                .fetch_one(&mut *tx)
                .await
                .map_err(DbError::from)?;
                sqlx::query("DELETE FROM conference_honours WHERE conference_id = $1")
                    .bind(*id)
                    .execute(&mut *tx)
                    .await
                    .map_err(DbError::from)?;
                (*id, v)
            }
            None => {
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO conferences (campaign_id, year, scope_key, unit_id, held_on,
                         title, version, updated_at, updated_by)
                     VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8) RETURNING id",
                )
                .bind(campaign_id)
                .bind(year)
                .bind(&key)
                .bind(unit_id)
                .bind(held_on)
                .bind(&draft.title)
                .bind(&now)
                .bind(&by.display_name)
                .fetch_one(&mut *tx)
                .await
                .map_err(DbError::from)?;
                (id, 1)
            }
        };
        for (ord, h) in draft.honours.iter().enumerate() {
            sqlx::query(
                "INSERT INTO conference_honours (conference_id, ord, nomination_id, honour)
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(id)
            .bind(ord as i64)
            .bind(h.nomination_id)
            .bind(&h.honour)
            .execute(&mut *tx)
            .await
            .map_err(DbError::from)?;
        }
        let before = stored.map(|(_, title, held_on)| {
            serde_json::json!({ "title": title, "held_on": held_on }).to_string()
        });
        let after = serde_json::json!({
            "held_on": held_on,
            "title": draft.title,
            "honours": draft.honours,
            "version": new_version,
        });
        let entry = AuditEntry::change(
            by,
            AuditAction::SaveConference,
            ("conference", format!("{year}-{key}")),
            before,
            after.to_string(),
        );
        tx.audited(&entry).await?;
        tx.commit().await?;
        Ok(new_version)
    }
}
