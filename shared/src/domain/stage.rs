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

// In board order: the order of the kanban's columns.
codes! {
    Stage {
        Discovered => "discovered",
        Registered => "registered",
        Fostering => "fostering",
        Evaluating => "evaluating",
        Replicated => "replicated",
        Dropped => "dropped",
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
