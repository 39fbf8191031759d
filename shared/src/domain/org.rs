//! The organisation: emulation blocs (khối thi đua) and their units (đơn vị).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bloc {
    pub id: i64,
    pub code: String,
    pub name: String,
    /// The unit whose head leads the bloc (trưởng khối, D-2).
    pub head_unit_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unit {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub bloc_id: i64,
}
