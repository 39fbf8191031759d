use serde::{Deserialize, Serialize};

/// Where a nomination stands in the plan's process (plan.md S-1..S-3, F-1, E-1).
///
/// The codes are fixed: they are stored in the database and used in URLs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Discovered,
    Registered,
    Fostering,
    Evaluating,
    Replicated,
    Dropped,
}

impl Stage {
    /// Every stage in board order (the order of the kanban's columns).
    pub const ALL: [Stage; 6] = [
        Stage::Discovered,
        Stage::Registered,
        Stage::Fostering,
        Stage::Evaluating,
        Stage::Replicated,
        Stage::Dropped,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Stage::Discovered => "discovered",
            Stage::Registered => "registered",
            Stage::Fostering => "fostering",
            Stage::Evaluating => "evaluating",
            Stage::Replicated => "replicated",
            Stage::Dropped => "dropped",
        }
    }

    pub fn from_code(code: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.code() == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stage_codes_round_trip() {
        for stage in Stage::ALL {
            assert_eq!(Stage::from_code(stage.code()), Some(stage));
        }
        assert_eq!(Stage::from_code("nope"), None);
    }

    #[test]
    fn stage_serde_uses_the_code() {
        for stage in Stage::ALL {
            let json = serde_json::to_string(&stage).unwrap();
            assert_eq!(json, format!("\"{}\"", stage.code()));
        }
    }
}
