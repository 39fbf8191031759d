//! Accounts and passwords.

use super::RepoResult;
use crate::types::auth::CurrentUser;
use crate::types::model::{AccountFields, AccountView, UnitOption};
use async_trait::async_trait;

#[async_trait]
pub trait AccountsPort: Send + Sync {
    async fn list_accounts(&self) -> RepoResult<Vec<AccountView>>;

    async fn list_units(&self) -> RepoResult<Vec<UnitOption>>;

    /// Creates an account and records it in the audit history, in one transaction.
    async fn create_account(
        &self,
        username: &str,
        fields: &AccountFields,
        password_hash: &str,
        by: &CurrentUser,
    ) -> RepoResult<AccountView>;

    /// Changes an account if it is still at `version`; a disabled account's sessions end.
    async fn update_account(
        &self,
        id: i64,
        version: i64,
        fields: &AccountFields,
        by: &CurrentUser,
    ) -> RepoResult<AccountView>;

    /// The stored password hash and version of an account (for changing one's own password).
    async fn password_of(&self, user_id: i64) -> RepoResult<(String, i64)>;

    /// Sets a new password if the account is still at `version`, ending its sessions.
    async fn set_password(
        &self,
        id: i64,
        version: i64,
        password_hash: &str,
        by: &CurrentUser,
    ) -> RepoResult<AccountView>;
}
