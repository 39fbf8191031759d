//! Read models the server sends to the client.

use serde::{Deserialize, Serialize};
use shared::domain::{NomineeKind, Position, Stage};

/// One card on the board.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BoardCard {
    pub id: i64,
    pub nominee_name: String,
    pub kind: NomineeKind,
    pub unit_id: i64,
    pub unit_name: String,
    pub bloc_id: i64,
    pub bloc_name: String,
    pub stage: Stage,
    pub position: Position,
    pub version: i64,
    pub city_registered: bool,
}

/// The board of one campaign year, cards in column order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Board {
    pub campaign_name: String,
    pub year: i32,
    pub cards: Vec<BoardCard>,
}

impl Board {
    /// The cards of one column, in their kept order.
    pub fn column(&self, stage: Stage) -> impl Iterator<Item = &BoardCard> {
        self.cards.iter().filter(move |c| c.stage == stage)
    }
}

/// Which board to show. `year: None` means the current year of the current campaign.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardQuery {
    pub year: Option<i32>,
}
