//! The board: its cards, moves and the live events.

use super::RepoResult;
use crate::types::auth::CurrentUser;
use crate::types::model::{Board, BoardCard, BoardQuery, CardEvent, MoveRequest};
use async_trait::async_trait;

#[async_trait]
pub trait BoardPort: Send + Sync {
    /// Answers when the database does (used by `/healthz`).
    async fn ping(&self) -> RepoResult<()>;

    /// The board for a campaign year (every card of it; the caller filters by permission),
    /// read in one snapshot with the event sequence number it is current to.
    /// `NotFound` when there is no such year. Shared: while nothing has changed, the next
    /// request for the same year gets the same board without reading it again.
    async fn board(
        &self,
        query: &BoardQuery,
        today: chrono::NaiveDate,
    ) -> RepoResult<std::sync::Arc<Board>>;

    /// One card as it is now.
    async fn card(&self, id: i64) -> RepoResult<BoardCard>;

    /// Makes a move in one transaction: the version, the permission and the rules are
    /// checked on the stored data (see [`crate::moves`]), the card, the event log and the
    /// audit history are written together, and the change is published to live clients.
    /// A refused permission is recorded in the audit history.
    async fn move_nomination(
        &self,
        by: &CurrentUser,
        request: &MoveRequest,
        today: chrono::NaiveDate,
    ) -> RepoResult<CardEvent>;

    /// The card events after sequence number `after`, oldest first, at most `limit`.
    async fn events_after(&self, after: i64, limit: i64) -> RepoResult<Vec<CardEvent>>;

    /// The event log's last sequence number (0 while empty).
    async fn event_head(&self) -> RepoResult<i64>;

    /// Live card events as they are committed (a lagging receiver recovers with
    /// [`Repository::events_after`]).
    fn subscribe(&self) -> tokio::sync::broadcast::Receiver<std::sync::Arc<CardEvent>>;
}
