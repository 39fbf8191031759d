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

/// One entry of the audit history, as written.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub actor_id: Option<i64>,
    pub actor_name: String,
    pub action: String,
    pub object_type: String,
    pub object_id: Option<String>,
    pub before: Option<String>,
    pub after: Option<String>,
    pub address: Option<String>,
}

/// One stored entry, as the audit page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRowView {
    pub id: i64,
    /// UTC, RFC 3339.
    pub at: String,
    pub entry: AuditEntry,
}

/// Which entries to show: newest first, `limit` of them, older than `before_id`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditFilter {
    pub action: Option<String>,
    pub actor: Option<String>,
    pub before_id: Option<i64>,
}

/// Whether the hash chain of the whole history holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChainStatus {
    Intact { rows: usize },
    Broken { row_id: i64 },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditPage {
    pub rows: Vec<AuditRowView>,
    pub chain: ChainStatus,
    /// The id to pass as `before_id` for the next (older) page, if there is one.
    pub older: Option<i64>,
}

pub const AUDIT_PAGE_SIZE: usize = 100;

/// An account as the administration page shows it (never its password hash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountView {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub position: String,
    pub unit_id: Option<i64>,
    pub unit_name: Option<String>,
    pub roles: std::collections::BTreeSet<shared::auth::Role>,
    pub active: bool,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitOption {
    pub id: i64,
    pub name: String,
    pub bloc_name: String,
}

/// The editable fields of an account (validated before they reach the repository).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountFields {
    pub display_name: String,
    pub position: String,
    pub unit_id: Option<i64>,
    pub roles: std::collections::BTreeSet<shared::auth::Role>,
    pub active: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountsOverview {
    pub accounts: Vec<AccountView>,
    pub units: Vec<UnitOption>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlocRow {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub head_unit_id: Option<i64>,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitRow {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub bloc_id: i64,
    pub version: i64,
}

/// One account and whether it sits on the council of the current campaign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouncilSeat {
    pub user_id: i64,
    pub username: String,
    pub display_name: String,
    pub unit_name: Option<String>,
    pub member: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organisation {
    pub blocs: Vec<BlocRow>,
    pub units: Vec<UnitRow>,
    pub campaign_name: String,
    pub council: Vec<CouncilSeat>,
}
