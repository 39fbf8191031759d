//! Commendations (S-3, P-1): a unit's proposal for its exemplar and the office's decision.

use super::RepoResult;
use crate::types::auth::CurrentUser;
use crate::types::model::CardEvent;
use async_trait::async_trait;
use chrono::NaiveDate;
use shared::domain::commendation::{DecisionDraft, ProposalDraft};

#[async_trait]
pub trait CommendationsPort: Send + Sync {
    /// Proposes a commendation for nomination `id`: permission (the unit's staff and head,
    /// the office), the card still open, and `rules::commendation::check_proposal` on the
    /// stored dossier (the report is an achievement report of this nomination's, not
    /// removed; no other proposal awaits its decision), in one write with its event and
    /// audit entry.
    async fn propose_commendation(
        &self,
        id: i64,
        draft: &ProposalDraft,
        by: &CurrentUser,
        today: NaiveDate,
    ) -> RepoResult<CardEvent>;

    /// Records the office's decision on proposal `proposal_id` still at `version` (a stale
    /// version, or a proposal decided already, is a conflict naming who decided it):
    /// `rules::commendation::check_decision` with the numbers already used and the day it
    /// was proposed.
    async fn decide_commendation(
        &self,
        proposal_id: i64,
        version: i64,
        draft: &DecisionDraft,
        by: &CurrentUser,
        today: NaiveDate,
    ) -> RepoResult<CardEvent>;

    /// One proposal, with its decision once made.
    async fn commendation(
        &self,
        proposal_id: i64,
    ) -> RepoResult<crate::types::model::CommendationRecord>;
}
