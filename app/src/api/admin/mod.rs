//! Administration: accounts (create, disable, roles and unit, password reset).

mod create_account;
mod list_accounts;
mod organisation;
mod reset_password;
mod update_account;

pub use create_account::*;
pub use list_accounts::*;
pub use organisation::*;
pub use reset_password::*;
pub use update_account::*;

use crate::error::AppError;
use crate::model::AccountFields;
use shared::auth::validate_roles;
use shared::domain::{Field, InputError, RequiredText};
use shared::i18n::{input_error, Lang};

/// Every problem with the account fields, in the user's language (shared rules, the same
/// the form runs as the administrator types).
pub fn account_field_errors(fields: &AccountFields) -> Vec<InputError> {
    let mut errors = Vec::new();
    if let Err(e) = RequiredText::parse(Field::DisplayName, &fields.display_name, 200) {
        errors.push(e);
    }
    if fields.position.chars().count() > 200 {
        errors.push(InputError::TooLong {
            field: Field::IndividualPosition,
            max: 200,
        });
    }
    errors.extend(validate_roles(&fields.roles, fields.unit_id));
    errors
}

pub fn invalid(lang: Lang, errors: &[InputError]) -> AppError {
    AppError::Invalid(errors.iter().map(|e| input_error(lang, e)).collect())
}
