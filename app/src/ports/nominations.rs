//! Nominations: reading, creating and editing one.

use super::RepoResult;
use crate::types::auth::CurrentUser;
use crate::types::model::CardEvent;
use async_trait::async_trait;

#[async_trait]
pub trait NominationsPort: Send + Sync {
    /// A nomination with what was filled in and its history.
    async fn nomination(&self, id: i64) -> RepoResult<crate::types::model::NominationRecord>;

    /// The collective nominations of a campaign year (for C-C4's link).
    async fn collectives(
        &self,
        year: i32,
    ) -> RepoResult<Vec<crate::types::model::CollectiveOption>>;

    /// The criteria campaign year `year` is judged on (none when no campaign covers it).
    async fn year_criteria(&self, year: i32) -> RepoResult<shared::domain::CriteriaSet>;

    /// The emulation movements of the campaign covering `year` (none when no campaign
    /// covers it), retired ones too.
    async fn year_movements(&self, year: i32) -> RepoResult<Vec<shared::domain::Movement>>;

    /// Creates a nomination (`id` None) in campaign year `year`, at the top of the
    /// "discovered" column, or changes one still at `version` (its unit and kind stay;
    /// permission to edit is checked on the stored nomination inside the transaction).
    /// The draft must have passed `NominationDraft::validate`; its evidence is checked here
    /// against the year's criteria and its movement against the campaign's. Recorded and published
    /// like a move.
    async fn save_nomination(
        &self,
        id: Option<i64>,
        version: i64,
        year: i32,
        draft: &shared::domain::NominationDraft,
        by: &CurrentUser,
    ) -> RepoResult<CardEvent>;
}
