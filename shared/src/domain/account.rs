//! Account input: usernames and passwords, checked the same way in the browser and on
//! the server.

use super::error::{Field, InputError};
use serde::{Deserialize, Serialize};

pub const MIN_PASSWORD_CHARS: usize = 12;
pub const MAX_PASSWORD_CHARS: usize = 200;

/// 3 to 40 of a-z, 0-9, '.', '_', '-'; stored in lower case.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Username(String);

impl Username {
    pub fn parse(raw: &str) -> Result<Username, InputError> {
        let name = raw.trim().to_lowercase();
        if name.is_empty() {
            return Err(InputError::Required {
                field: Field::Username,
            });
        }
        let valid = (3..=40).contains(&name.chars().count())
            && name.chars().all(|c| {
                c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-')
            });
        if !valid {
            return Err(InputError::Invalid {
                field: Field::Username,
            });
        }
        Ok(Username(name))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A new password: long enough to resist guessing; any characters, Vietnamese included.
#[derive(Clone, PartialEq, Eq)]
pub struct NewPassword(String);

impl NewPassword {
    pub fn parse(raw: &str) -> Result<NewPassword, InputError> {
        let n = raw.chars().count();
        if n == 0 {
            return Err(InputError::Required {
                field: Field::Password,
            });
        }
        if n < MIN_PASSWORD_CHARS {
            return Err(InputError::TooShort {
                field: Field::Password,
                min: MIN_PASSWORD_CHARS,
            });
        }
        if n > MAX_PASSWORD_CHARS {
            return Err(InputError::TooLong {
                field: Field::Password,
                max: MAX_PASSWORD_CHARS,
            });
        }
        Ok(NewPassword(raw.to_string()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn usernames() {
        assert_eq!(
            Username::parse(" Staff.CCTT ").unwrap().as_str(),
            "staff.cctt"
        );
        assert!(Username::parse("ab").is_err());
        assert!(Username::parse("có dấu").is_err());
        assert!(Username::parse("a b c").is_err());
        assert_eq!(
            Username::parse(""),
            Err(InputError::Required {
                field: Field::Username
            })
        );
    }

    #[test]
    fn passwords_need_twelve_characters() {
        assert!(NewPassword::parse("ngắn quá").is_err());
        assert!(
            NewPassword::parse("mật khẩu đủ dài").is_ok(),
            "Vietnamese counts in characters"
        );
        assert_eq!(
            format!("{:?}", NewPassword::parse("mật khẩu đủ dài").unwrap()),
            "NewPassword(…)"
        );
    }

    proptest! {
        #[test]
        fn parsing_never_panics(s in ".*") {
            let _ = Username::parse(&s);
            let _ = NewPassword::parse(&s);
        }
    }
}
