use serde::{Deserialize, Serialize};

/// The four kinds of nominee the plan names (plan.md N-1..N-3), each judged on its own criteria.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NomineeKind {
    /// Tập thể: a department, sub-agency, company or board (criteria C-A1..C-A5).
    Collective,
    /// Cá nhân: a civil servant, public employee or worker (criteria C-C1..C-C4).
    Individual,
    /// Hợp tác xã / tổ hợp tác (criteria C-B1..C-B4).
    Cooperative,
    /// Hộ sản xuất giỏi (criteria C-B1..C-B4, eligibility C-B5).
    Household,
}

codes! {
    NomineeKind {
        Collective => "collective",
        Individual => "individual",
        Cooperative => "cooperative",
        Household => "household",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn n_1_to_n_3_kind_codes_round_trip() {
        for kind in NomineeKind::ALL {
            assert_eq!(NomineeKind::from_code(kind.code()), Some(kind));
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.code()));
        }
        assert_eq!(NomineeKind::from_code("Collective"), None);
    }
}
