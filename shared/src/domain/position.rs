use fractional_index::FractionalIndex;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// A card's place inside its board column: a fractional index, so that a card can be put
/// between two others without renumbering the column. Stored as its lexicographically
/// ordered hex string, so the database sorts columns with a plain `ORDER BY position`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Position(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid column position")]
pub struct InvalidPosition;

impl Position {
    /// The position of the first card placed in an empty column.
    pub fn first() -> Position {
        Position(FractionalIndex::default().to_string())
    }

    /// A position just after `self`.
    pub fn after(&self) -> Position {
        Position(FractionalIndex::new_after(&self.index()).to_string())
    }

    /// A position just before `self`.
    pub fn before(&self) -> Position {
        Position(FractionalIndex::new_before(&self.index()).to_string())
    }

    /// A position strictly between two others, in either order; `None` when they are equal.
    pub fn between(a: &Position, b: &Position) -> Option<Position> {
        let (lo, hi) = match a.cmp(b) {
            Ordering::Less => (a, b),
            Ordering::Greater => (b, a),
            Ordering::Equal => return None,
        };
        FractionalIndex::new_between(&lo.index(), &hi.index()).map(|i| Position(i.to_string()))
    }

    /// `n` positions in increasing order, for filling a column.
    pub fn sequence(n: usize) -> Vec<Position> {
        let mut out = Vec::with_capacity(n);
        let mut cur = Position::first();
        for _ in 0..n {
            let next = cur.after();
            out.push(std::mem::replace(&mut cur, next));
        }
        out
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn index(&self) -> FractionalIndex {
        // The string was validated on construction, so decoding cannot fail.
        FractionalIndex::from_string(&self.0).unwrap_or_default()
    }
}

impl Ord for Position {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.cmp(&other.0)
    }
}

impl PartialOrd for Position {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl TryFrom<String> for Position {
    type Error = InvalidPosition;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        // fractional_index slices the string two bytes at a time and panics on a multi-byte
        // character (found by the property test below): check the alphabet first.
        let well_formed = !s.is_empty()
            && s.len().is_multiple_of(2)
            && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
        if !well_formed {
            return Err(InvalidPosition);
        }
        FractionalIndex::from_string(&s).map_err(|_| InvalidPosition)?;
        Ok(Position(s))
    }
}

impl From<Position> for String {
    fn from(p: Position) -> String {
        p.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sequence_is_strictly_increasing() {
        let seq = Position::sequence(200);
        assert!(seq.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn rejects_garbage() {
        for bad in ["zz", "", "8", "8é", "ÿÿ", "80 "] {
            assert_eq!(
                Position::try_from(bad.to_string()),
                Err(InvalidPosition),
                "{bad:?}"
            );
        }
        assert!(Position::try_from(Position::first().as_str().to_string()).is_ok());
    }

    proptest! {
        #[test]
        fn between_lies_strictly_between(steps in proptest::collection::vec(any::<bool>(), 1..40)) {
            // Repeatedly insert between a pair, narrowing to one side, as users reorder cards.
            let mut lo = Position::first();
            let mut hi = lo.after().after();
            for go_low in steps {
                let mid = Position::between(&lo, &hi).expect("distinct positions");
                prop_assert!(lo < mid && mid < hi);
                if go_low { hi = mid } else { lo = mid }
            }
        }

        #[test]
        fn any_string_parses_without_panicking(s in ".*") {
            let _ = Position::try_from(s);
        }
    }
}
