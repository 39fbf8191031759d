//! Conferences (E-1, E-2): where exemplars were introduced and honoured.

use super::RepoResult;
use crate::types::auth::CurrentUser;
use crate::types::conference::ConferencesView;
use async_trait::async_trait;
use chrono::NaiveDate;
use shared::rules::conference::{ConferenceDraft, ConferenceScope};

#[async_trait]
pub trait ConferencesPort: Send + Sync {
    /// The conferences of campaign year `year` (None: today's), with the forms `user` may
    /// fill (the sector's for the office, their unit's for a unit's people).
    async fn conferences(
        &self,
        year: Option<i32>,
        user: &CurrentUser,
        today: NaiveDate,
    ) -> RepoResult<ConferencesView>;

    /// Records (version 0) or changes (the stored version) the conference of `scope` in
    /// `year`: permission (`Action::RecordConference`), `rules::conference::check_conference`
    /// against the exemplars it may honour, one write with its audit entry; returns the new
    /// version. A second record of the same conference is a conflict naming who made it.
    async fn save_conference(
        &self,
        scope: ConferenceScope,
        year: i32,
        version: i64,
        draft: &ConferenceDraft,
        by: &CurrentUser,
        today: NaiveDate,
    ) -> RepoResult<i64>;
}
