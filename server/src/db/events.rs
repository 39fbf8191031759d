//! The event log's payload, the same on every backend: what a change keeps so that it can
//! be replayed to live clients (as a `CardEvent`) and undone.

use app::types::model::{BoardCard, CardEvent, MoveAction};
use serde::{Deserialize, Serialize};
use shared::domain::{Position, Stage};

/// What the event log keeps of a change: enough to replay it to live clients and to undo it.
#[derive(Serialize, Deserialize)]
pub struct StoredChange {
    pub action: MoveAction,
    pub by: String,
    pub from: Stage,
    pub from_position: Position,
    pub from_dropped_from: Option<Stage>,
    pub reason: Option<String>,
    pub card: BoardCard,
}

impl StoredChange {
    pub fn into_event(self, seq: i64) -> CardEvent {
        CardEvent {
            seq,
            action: self.action,
            by: self.by,
            from: self.from,
            card: self.card,
        }
    }
}
