//! Administration: accounts (create, disable, roles and unit, password reset), blocs, units,
//! council seats, campaigns and their emulation movements.

mod create_account;
mod create_campaign;
mod get_campaign_criteria;
mod get_campaign_movements;
mod get_campaign_years;
mod get_organisation;
mod get_setup;
mod list_accounts;
mod list_campaigns;
mod reset_password;
mod save_bloc;
mod save_campaign_year;
mod save_criteria;
mod save_movement;
mod save_unit;
mod set_council_seat;
mod update_account;
mod update_campaign;

pub use create_account::*;
pub use create_campaign::*;
pub use get_campaign_criteria::*;
pub use get_campaign_movements::*;
pub use get_campaign_years::*;
pub use get_organisation::*;
pub use get_setup::*;
pub use list_accounts::*;
pub use list_campaigns::*;
pub use reset_password::*;
pub use save_bloc::*;
pub use save_campaign_year::*;
pub use save_criteria::*;
pub use save_movement::*;
pub use save_unit::*;
pub use set_council_seat::*;
pub use update_account::*;
pub use update_campaign::*;

use crate::error::AppError;
use crate::types::model::AccountFields;
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

/// A bloc's or unit's code and name checked with the shared rules; the code normalised.
#[cfg(feature = "ssr")]
fn checked(code: &str, name: &str) -> Result<String, AppError> {
    let errors = shared::domain::org_input::org_errors(code, name);
    if !errors.is_empty() {
        return Err(invalid(crate::i18n::request_lang(), &errors));
    }
    Ok(shared::domain::org_input::parse_org_code(code).unwrap_or_default())
}
