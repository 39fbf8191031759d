//! Account administration: every change versioned and recorded in the audit history in
//! the same write. The SQL is in `queries.rs`.

mod queries;

use super::kernel::{Versioned, WriteTx};
use super::Backend;
use app::ports::{AccountsPort, RepoError, RepoResult};
use app::types::auth::CurrentUser;
use app::types::model::{AccountFields, AccountView, AuditAction, AuditEntry, UnitOption};
use async_trait::async_trait;

#[async_trait]
impl AccountsPort for Backend {
    async fn list_accounts(&self) -> RepoResult<Vec<AccountView>> {
        Ok(queries::list(&self.pool).await?)
    }

    async fn list_units(&self) -> RepoResult<Vec<UnitOption>> {
        Ok(queries::units(&self.pool).await?)
    }

    #[tracing::instrument(skip(self, fields, password_hash, by))]
    async fn create_account(
        &self,
        username: &str,
        fields: &AccountFields,
        password_hash: &str,
        by: &CurrentUser,
    ) -> RepoResult<AccountView> {
        let mut tx = WriteTx::begin(self, by).await?;
        if queries::username_taken(&mut tx, username).await? {
            return Err(RepoError::Duplicate);
        }
        let now = tx.now();
        let id =
            queries::insert(&mut tx, username, fields, password_hash, &by.username, &now).await?;
        queries::write_roles(&mut tx, id, fields).await?;
        let created = queries::load(&mut tx, id).await?;
        tx.audited(&audit(
            by,
            AuditAction::AccountCreated,
            &created,
            None,
            &created,
        ))
        .await?;
        tx.commit().await?;
        Ok(created)
    }

    #[tracing::instrument(skip(self, fields, by))]
    async fn update_account(
        &self,
        id: i64,
        version: i64,
        fields: &AccountFields,
        by: &CurrentUser,
    ) -> RepoResult<AccountView> {
        let mut tx = WriteTx::begin(self, by).await?;
        tx.expect_version(Versioned::Account(id), version).await?;
        let before = queries::load(&mut tx, id).await?;
        let now = tx.now();
        queries::update(&mut tx, id, version, fields, &by.username, &now).await?;
        queries::write_roles(&mut tx, id, fields).await?;
        if !fields.active {
            queries::end_sessions(&mut tx, id).await?;
        }
        let after = queries::load(&mut tx, id).await?;
        let entry = audit(
            by,
            AuditAction::AccountUpdated,
            &after,
            Some(&before),
            &after,
        );
        tx.audited(&entry).await?;
        tx.commit().await?;
        Ok(after)
    }

    async fn password_of(&self, user_id: i64) -> RepoResult<(String, i64)> {
        Ok(queries::password_of(&self.pool, user_id).await?)
    }

    #[tracing::instrument(skip(self, password_hash, by))]
    async fn set_password(
        &self,
        id: i64,
        version: i64,
        password_hash: &str,
        by: &CurrentUser,
    ) -> RepoResult<AccountView> {
        let mut tx = WriteTx::begin(self, by).await?;
        tx.expect_version(Versioned::Account(id), version).await?;
        let now = tx.now();
        queries::set_password(&mut tx, id, password_hash, &by.username, &now).await?;
        queries::end_sessions(&mut tx, id).await?;
        let after = queries::load(&mut tx, id).await?;
        // That the password changed is recorded; the account as it was and is, not its hash.
        let mut entry = audit(by, AuditAction::PasswordReset, &after, None, &after);
        entry.after = None;
        tx.audited(&entry).await?;
        tx.commit().await?;
        Ok(after)
    }
}

fn audit(
    by: &CurrentUser,
    action: AuditAction,
    target: &AccountView,
    before: Option<&AccountView>,
    after: &AccountView,
) -> AuditEntry {
    let before = before.and_then(|b| serde_json::to_string(b).ok());
    let after = serde_json::to_string(after).unwrap_or_default();
    AuditEntry::change(
        by,
        action,
        ("account", target.username.clone()),
        before,
        after,
    )
}
