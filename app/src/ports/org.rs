//! Blocs, units and council seats.

use super::RepoResult;
use crate::types::auth::CurrentUser;
use crate::types::model::Organisation;
use async_trait::async_trait;
use chrono::NaiveDate;

#[async_trait]
pub trait OrgPort: Send + Sync {
    /// Blocs, units and the council of the campaign running on `today` (or the nearest one).
    async fn organisation(&self, today: NaiveDate) -> RepoResult<Organisation>;

    /// Creates (`id` None) or changes a bloc at `version`. The head unit, if any, must be
    /// one of the bloc's units (checked inside the transaction).
    async fn save_bloc(
        &self,
        id: Option<i64>,
        version: i64,
        code: &str,
        name: &str,
        head_unit_id: Option<i64>,
        by: &CurrentUser,
    ) -> RepoResult<()>;

    /// Creates (`id` None) or changes a unit at `version`.
    async fn save_unit(
        &self,
        id: Option<i64>,
        version: i64,
        code: &str,
        name: &str,
        bloc_id: i64,
        by: &CurrentUser,
    ) -> RepoResult<()>;

    /// Seats or unseats an account on the council of the campaign running on `today` (or the
    /// nearest one).
    async fn set_council_member(
        &self,
        user_id: i64,
        member: bool,
        by: &CurrentUser,
        today: NaiveDate,
    ) -> RepoResult<()>;
}
