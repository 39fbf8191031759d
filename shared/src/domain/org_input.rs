//! Administrators' input for units and blocs.

use super::error::{Field, InputError, RequiredText};

/// A short code such as "CCTT" or "K1": 1 to 20 of A-Z, 0-9, '_' or '-', upper-cased.
pub fn parse_org_code(raw: &str) -> Result<String, InputError> {
    let code = raw.trim().to_uppercase();
    if code.is_empty() {
        return Err(InputError::Required {
            field: Field::OrgCode,
        });
    }
    let ok = code.chars().count() <= 20
        && code
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, '_' | '-'));
    if ok {
        Ok(code)
    } else {
        Err(InputError::Invalid {
            field: Field::OrgCode,
        })
    }
}

/// Every problem with a unit's or bloc's code and name.
pub fn org_errors(code: &str, name: &str) -> Vec<InputError> {
    let mut errors = Vec::new();
    if let Err(e) = parse_org_code(code) {
        errors.push(e);
    }
    if let Err(e) = RequiredText::parse(Field::OrgName, name, 300) {
        errors.push(e);
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn codes_are_short_and_upper_case() {
        assert_eq!(parse_org_code(" cctt ").unwrap(), "CCTT");
        assert_eq!(parse_org_code("K-1").unwrap(), "K-1");
        assert!(parse_org_code("Chi cục").is_err());
        assert!(parse_org_code("").is_err());
        assert_eq!(org_errors("", " ").len(), 2);
    }

    proptest! {
        #[test]
        fn never_panics(code in ".*", name in ".*") {
            let _ = org_errors(&code, &name);
        }
    }
}
