//! The campaigns (plan periods): created by an administrator, recorded in the audit history
//! in the same write. Each year's calendar follows the plan's defaults until the year has its
//! own (`kernel::cards::campaign_year`). The SQL is in `queries.rs`.

mod queries;

use super::kernel::WriteTx;
use super::Backend;
use crate::db::DbError;
use app::ports::{CampaignsPort, RepoError, RepoResult};
use app::types::auth::CurrentUser;
use app::types::model::{AuditAction, AuditEntry, CampaignRow};
use async_trait::async_trait;
use shared::domain::{Campaign, Field, InputError};

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
        if let Some(year) = queries::first_taken_year(&mut tx, start, end).await? {
            let field = Field::CampaignYears;
            return Err(RepoError::Invalid(InputError::YearTaken { field, year }));
        }
        let now = tx.now();
        let name = campaign.name.as_str();
        let id = queries::insert(&mut tx, name, decision, (start, end), &now).await?;
        let after = serde_json::json!({
            "name": name, "decision": decision, "start_year": start, "end_year": end,
        });
        tx.audited(&AuditEntry {
            actor_id: Some(by.user_id),
            actor_name: by.username.clone(),
            action: AuditAction::CampaignCreated.into(),
            object_type: "campaign".into(),
            object_id: Some(id.to_string()),
            before: None,
            after: Some(after.to_string()),
            address: None,
        })
        .await?;
        tx.commit().await?;
        Ok(id)
    }
}
