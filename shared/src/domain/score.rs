use super::error::{Field, InputError};
use serde::{Deserialize, Serialize};

/// A council member's score for one criterion: a whole number from 0 to 10.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "i64", into = "u8")]
pub struct Score(u8);

impl Score {
    pub const MIN: u8 = 0;
    pub const MAX: u8 = 10;

    pub fn new(value: i64) -> Result<Score, InputError> {
        if (Self::MIN as i64..=Self::MAX as i64).contains(&value) {
            Ok(Score(value as u8))
        } else {
            Err(InputError::OutOfRange {
                field: Field::Score,
                min: Self::MIN as i64,
                max: Self::MAX as i64,
            })
        }
    }

    /// Parses what a user typed ("7", " 10 ").
    pub fn parse(raw: &str) -> Result<Score, InputError> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Err(InputError::Required {
                field: Field::Score,
            });
        }
        raw.parse::<i64>()
            .map_err(|_| InputError::OutOfRange {
                field: Field::Score,
                min: Self::MIN as i64,
                max: Self::MAX as i64,
            })
            .and_then(Score::new)
    }

    pub fn value(self) -> u8 {
        self.0
    }
}

impl TryFrom<i64> for Score {
    type Error = InputError;
    fn try_from(v: i64) -> Result<Self, Self::Error> {
        Score::new(v)
    }
}

impl From<Score> for u8 {
    fn from(s: Score) -> u8 {
        s.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn score_is_zero_to_ten() {
        assert_eq!(Score::new(0).unwrap().value(), 0);
        assert_eq!(Score::new(10).unwrap().value(), 10);
        assert!(Score::new(11).is_err());
        assert!(Score::new(-1).is_err());
        assert_eq!(Score::parse(" 7 ").unwrap().value(), 7);
        assert!(Score::parse("7.5").is_err());
        assert_eq!(
            Score::parse(""),
            Err(InputError::Required {
                field: Field::Score
            })
        );
        assert!(serde_json::from_str::<Score>("12").is_err());
        assert_eq!(serde_json::from_str::<Score>("9").unwrap().value(), 9);
    }

    proptest! {
        #[test]
        fn any_input_is_either_a_valid_score_or_an_error(s in ".*", n in any::<i64>()) {
            if let Ok(score) = Score::parse(&s) { prop_assert!(score.value() <= 10); }
            prop_assert_eq!(Score::new(n).is_ok(), (0..=10).contains(&n));
        }
    }
}
