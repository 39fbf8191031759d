//! The campaigns (plan periods) and the calendar of each of their years: created and
//! changed by an administrator, versioned, recorded in the audit history in the same write.
//! A new campaign stores the plan's calendar for every year (`kernel::years`); the SQL of
//! the campaigns themselves is in `queries.rs`.

mod queries;

use super::kernel::years::{store_year, stored_year};
use super::kernel::{criteria, movements};
use super::kernel::{Versioned, WriteTx};
use super::Backend;
use crate::db::DbError;
use app::ports::{CampaignsPort, RepoError, RepoResult};
use app::types::auth::CurrentUser;
use app::types::model::{
    AuditAction, AuditEntry, CampaignCriteria, CampaignMovements, CampaignRow, CampaignYearRow,
    CampaignYears, CriteriaVersion, MovementRow, YearCriteria,
};
use async_trait::async_trait;
use chrono::{Datelike, NaiveDate};
use shared::domain::exemplar::{parse_movement_name, same_movement_name};
use shared::domain::{Campaign, CampaignYear, CriteriaSet, Field, InputError};
use shared::rules::carry::RULE;
use shared::rules::{Violation, ViolationKind};

#[async_trait]
impl CampaignsPort for Backend {
    async fn campaigns(&self) -> RepoResult<Vec<CampaignRow>> {
        let mut conn = self.pool.acquire().await.map_err(DbError::from)?;
        Ok(queries::list(&mut conn).await?)
    }

    async fn create_campaign(
        &self,
        campaign: &Campaign,
        decision: &str,
        by: &CurrentUser,
    ) -> RepoResult<i64> {
        let mut tx = WriteTx::begin(self, by).await?;
        // One campaign per year: the board, the calendar and the council find a year's
        // campaign by the year.
        let (start, end) = (campaign.start_year, campaign.end_year);
        if let Some(year) = queries::first_taken_year(&mut tx, 0, start, end).await? {
            let field = Field::CampaignYears;
            return Err(RepoError::Invalid(InputError::YearTaken { field, year }));
        }
        let now = tx.now();
        let name = campaign.name.as_str();
        let id = queries::insert(&mut tx, name, decision, (start, end), &now).await?;
        // The plan's criteria are the campaign's first version, for the administrator to edit.
        let by_at = (by.display_name.as_str(), now.as_str());
        criteria::store_version(&mut tx, id, start, &CriteriaSet::plan(), by_at).await?;
        for calendar in &campaign.years {
            store_year(&mut tx, id, calendar, &by.display_name, &now).await?;
        }
        let after = serde_json::json!({
            "name": name, "decision": decision, "start_year": start, "end_year": end,
        });
        let entry = audit(
            by,
            AuditAction::CampaignCreated,
            id.to_string(),
            None,
            after,
        );
        tx.audited(&entry).await?;
        tx.commit().await?;
        Ok(id)
    }

    async fn update_campaign(
        &self,
        id: i64,
        campaign: &Campaign,
        decision: &str,
        version: i64,
        by: &CurrentUser,
    ) -> RepoResult<()> {
        let mut tx = WriteTx::begin(self, by).await?;
        tx.about("campaign", Some(id.to_string()));
        let before = queries::get(&mut tx, id)
            .await?
            .ok_or(RepoError::NotFound)?;
        tx.expect_version(Versioned::Campaign(id), version).await?;
        let (start, end) = (campaign.start_year, campaign.end_year);
        if let Some(year) = queries::first_taken_year(&mut tx, id, start, end).await? {
            let field = Field::CampaignYears;
            return Err(RepoError::Invalid(InputError::YearTaken { field, year }));
        }
        // A year leaves the campaign only if nothing was recorded in it; a year joining it
        // gets the plan's calendar and the campaign's latest criteria.
        let was = before.start_year..=before.end_year;
        let leaving: Vec<i32> = was.clone().filter(|y| !(start..=end).contains(y)).collect();
        let mut in_use = Vec::new();
        for &year in &leaving {
            if queries::year_in_use(&mut tx, id, year).await? {
                in_use.push(Violation::new(RULE, ViolationKind::YearInUse { year }));
            }
        }
        if !in_use.is_empty() {
            return Err(RepoError::Rules(in_use));
        }
        let now = tx.now();
        let name = campaign.name.as_str();
        let by_at = (by.display_name.as_str(), now.as_str());
        queries::update(&mut tx, id, (name, decision), (start, end), by_at).await?;
        for &year in &leaving {
            queries::remove_year(&mut tx, id, year).await?;
        }
        for calendar in campaign.years.iter().filter(|c| !was.contains(&c.year)) {
            store_year(&mut tx, id, calendar, &by.display_name, &now).await?;
        }
        let before = serde_json::json!({
            "name": before.name, "decision": before.decision,
            "start_year": before.start_year, "end_year": before.end_year,
        });
        let after = serde_json::json!({
            "name": name, "decision": decision, "start_year": start, "end_year": end,
        });
        let entry = audit(
            by,
            AuditAction::CampaignUpdated,
            id.to_string(),
            Some(before),
            after,
        );
        tx.audited(&entry).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn campaign_years(
        &self,
        campaign_id: i64,
        today: NaiveDate,
    ) -> RepoResult<CampaignYears> {
        let mut conn = self.pool.acquire().await.map_err(DbError::from)?;
        let campaign = queries::get(&mut conn, campaign_id)
            .await?
            .ok_or(RepoError::NotFound)?;
        let mut years = Vec::new();
        for year in campaign.start_year..=campaign.end_year {
            let (calendar, version) = stored_year(&mut conn, campaign_id, year).await?;
            years.push(CampaignYearRow { calendar, version });
        }
        let open_year = today.year().clamp(campaign.start_year, campaign.end_year);
        Ok(CampaignYears {
            campaign,
            years,
            open_year,
        })
    }

    async fn save_campaign_year(
        &self,
        campaign_id: i64,
        calendar: &CampaignYear,
        version: i64,
        by: &CurrentUser,
    ) -> RepoResult<()> {
        let mut tx = WriteTx::begin(self, by).await?;
        let object = format!("{campaign_id}/{}", calendar.year);
        tx.about("campaign", Some(object.clone()));
        let campaign = queries::get(&mut tx, campaign_id)
            .await?
            .ok_or(RepoError::NotFound)?;
        if !(campaign.start_year..=campaign.end_year).contains(&calendar.year) {
            return Err(RepoError::NotFound);
        }
        let problems = calendar.problems();
        if let Some(problem) = problems.into_iter().next() {
            return Err(RepoError::Invalid(problem));
        }
        let year = calendar.year;
        tx.expect_version(Versioned::CampaignYear { campaign_id, year }, version)
            .await?;
        let (before, _) = stored_year(&mut tx, campaign_id, year).await?;
        // The quorum the council's totals count on stays as it was once the council began.
        if calendar.quorum_pct != before.quorum_pct
            && criteria::frozen_years(&mut tx, campaign_id)
                .await?
                .contains(&year)
        {
            let frozen = ViolationKind::QuorumFrozen { year };
            return Err(RepoError::Rules(vec![Violation::new("S-2", frozen)]));
        }
        let now = tx.now();
        store_year(&mut tx, campaign_id, calendar, &by.display_name, &now).await?;
        let json = |c: &CampaignYear| serde_json::to_value(c).unwrap_or_default();
        let entry = audit(
            by,
            AuditAction::CampaignYearUpdated,
            object,
            Some(json(&before)),
            json(calendar),
        );
        tx.audited(&entry).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn campaign_criteria(&self, campaign_id: i64) -> RepoResult<CampaignCriteria> {
        let mut conn = self.pool.acquire().await.map_err(DbError::from)?;
        let campaign = queries::get(&mut conn, campaign_id)
            .await?
            .ok_or(RepoError::NotFound)?;
        let frozen = criteria::frozen_years(&mut conn, campaign_id).await?;
        let mut years = Vec::new();
        let mut versions: Vec<CriteriaVersion> = Vec::new();
        for year in campaign.start_year..=campaign.end_year {
            let version = criteria::version_of_year(&mut conn, campaign_id, year).await?;
            if !versions.iter().any(|v| v.version == version) {
                versions.push(CriteriaVersion {
                    version,
                    made: criteria::made_by(&mut conn, campaign_id, version).await?,
                    set: criteria::set(&mut conn, campaign_id, version).await?,
                });
            }
            years.push(YearCriteria {
                year,
                version,
                frozen: frozen.contains(&year),
            });
        }
        versions.sort_by_key(|v| v.version);
        let latest_version = criteria::latest(&mut conn, campaign_id).await?;
        let open_year = years
            .iter()
            .find(|y| !y.frozen)
            .map_or(campaign.end_year, |y| y.year);
        Ok(CampaignCriteria {
            campaign,
            years,
            versions,
            latest_version,
            open_year,
        })
    }

    async fn save_criteria(
        &self,
        campaign_id: i64,
        from_year: i32,
        set: &CriteriaSet,
        version: i64,
        by: &CurrentUser,
    ) -> RepoResult<i64> {
        let mut tx = WriteTx::begin(self, by).await?;
        let object = format!("{campaign_id}/{from_year}");
        tx.about("criteria", Some(object.clone()));
        let campaign = queries::get(&mut tx, campaign_id)
            .await?
            .ok_or(RepoError::NotFound)?;
        if !(campaign.start_year..=campaign.end_year).contains(&from_year) {
            return Err(RepoError::Invalid(InputError::OutOfRange {
                field: Field::FromYear,
                min: campaign.start_year.into(),
                max: campaign.end_year.into(),
            }));
        }
        if let Some(problem) = set.problems().into_iter().next() {
            return Err(RepoError::Invalid(problem.error));
        }
        // The form is a whole set edited over the campaign's latest version: any version
        // stored since (from whichever year) makes it stale.
        tx.expect_version(Versioned::Criteria(campaign_id), version)
            .await?;
        if criteria::frozen_years(&mut tx, campaign_id)
            .await?
            .contains(&from_year)
        {
            let frozen = ViolationKind::CriteriaFrozen { year: from_year };
            return Err(RepoError::Rules(vec![Violation::new("II.2", frozen)]));
        }
        let set = set.clone().normalised();
        let now = tx.now();
        let by_at = (by.display_name.as_str(), now.as_str());
        let new = criteria::store_version(&mut tx, campaign_id, from_year, &set, by_at).await?;
        let years = criteria::apply_from(&mut tx, campaign_id, from_year, new).await?;
        // The version is stored whole and never changes: the audit names it and the years
        // moved to it, and keeps the set itself.
        let before = serde_json::json!({ "version": version });
        let after = serde_json::json!({ "version": new, "years": years, "criteria": set });
        let entry = audit(
            by,
            AuditAction::CriteriaUpdated,
            object,
            Some(before),
            after,
        );
        tx.audited(&entry).await?;
        tx.commit().await?;
        Ok(new)
    }
    async fn campaign_movements(&self, campaign_id: i64) -> RepoResult<CampaignMovements> {
        let mut conn = self.pool.acquire().await.map_err(DbError::from)?;
        let campaign = queries::get(&mut conn, campaign_id)
            .await?
            .ok_or(RepoError::NotFound)?;
        let counts = queries::movement_use(&mut conn, campaign_id).await?;
        let movements = movements::of_campaign(&mut conn, campaign_id)
            .await?
            .into_iter()
            .map(|movement| MovementRow {
                nominations: counts.get(&movement.id).copied().unwrap_or(0),
                movement,
            })
            .collect();
        Ok(CampaignMovements {
            campaign,
            movements,
        })
    }

    async fn save_movement(
        &self,
        campaign_id: i64,
        id: Option<i64>,
        version: i64,
        name: &str,
        retired: bool,
        by: &CurrentUser,
    ) -> RepoResult<i64> {
        let name = parse_movement_name(name).map_err(RepoError::Invalid)?;
        let mut tx = WriteTx::begin(self, by).await?;
        tx.about("movement", id.map(|i| i.to_string()));
        queries::get(&mut tx, campaign_id)
            .await?
            .ok_or(RepoError::NotFound)?;
        let list = movements::of_campaign(&mut tx, campaign_id).await?;
        let before = match id {
            None => None,
            Some(id) => {
                // Another campaign's movement is not this campaign's to change.
                let found = list.iter().find(|m| m.id == id).cloned();
                let found = found.ok_or(RepoError::NotFound)?;
                tx.expect_version(Versioned::Movement(id), version).await?;
                Some(found)
            }
        };
        if list
            .iter()
            .any(|m| Some(m.id) != id && same_movement_name(&m.name, &name))
        {
            return Err(RepoError::Invalid(InputError::NameTaken {
                field: Field::Movement,
            }));
        }
        let now = tx.now();
        let by_at = (by.display_name.as_str(), now.as_str());
        let (saved, action) = match id {
            None => (
                queries::insert_movement(&mut tx, campaign_id, &name, retired, by_at).await?,
                AuditAction::MovementCreated,
            ),
            Some(id) => {
                queries::update_movement(&mut tx, id, &name, retired, by_at).await?;
                (id, AuditAction::MovementUpdated)
            }
        };
        let describe = |name: &str, retired: bool| serde_json::json!({ "campaign_id": campaign_id, "name": name, "retired": retired });
        let entry = AuditEntry::change(
            by,
            action,
            ("movement", saved.to_string()),
            before.map(|m| describe(&m.name, m.retired).to_string()),
            describe(&name, retired).to_string(),
        );
        tx.audited(&entry).await?;
        tx.commit().await?;
        Ok(saved)
    }
}

/// A change of a campaign as the audit history keeps it.
fn audit(
    by: &CurrentUser,
    action: AuditAction,
    object_id: String,
    before: Option<serde_json::Value>,
    after: serde_json::Value,
) -> AuditEntry {
    let before = before.map(|b| b.to_string());
    AuditEntry::change(
        by,
        action,
        ("campaign", object_id),
        before,
        after.to_string(),
    )
}
