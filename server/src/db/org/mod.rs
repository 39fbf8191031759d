//! Blocs, units and council seats: versioned, and recorded in the audit history in the
//! same write. The SQL is in `queries.rs`.

mod queries;

use super::kernel::cards::resolve_year;
use super::kernel::{Versioned, WriteTx};
use super::{Backend, Conn};
use crate::db::{DbError, DbResult};
use app::ports::{OrgPort, RepoError, RepoResult};
use app::types::auth::CurrentUser;
use app::types::model::{AuditAction, AuditEntry, BoardQuery, Organisation};
use async_trait::async_trait;
use chrono::{Datelike, NaiveDate};
use queries::Table;
use shared::domain::InputError;

#[async_trait]
impl OrgPort for Backend {
    async fn organisation(&self, today: NaiveDate) -> RepoResult<Organisation> {
        let mut conn = self.pool.acquire().await.map_err(DbError::from)?;
        let (campaign_name, council) = match running_campaign(&mut conn, today).await? {
            Some((campaign_id, name)) => (name, queries::seats(&mut conn, campaign_id).await?),
            None => (String::new(), Vec::new()),
        };
        Ok(Organisation {
            blocs: queries::blocs(&mut conn).await?,
            units: queries::units(&mut conn).await?,
            campaign_name,
            council,
        })
    }

    async fn save_bloc(
        &self,
        id: Option<i64>,
        version: i64,
        code: &str,
        name: &str,
        head_unit_id: Option<i64>,
        by: &CurrentUser,
    ) -> RepoResult<()> {
        let mut tx = WriteTx::begin(self, by).await?;
        // The head unit is one of the bloc's units (a new bloc has none yet).
        if let Some(head) = head_unit_id {
            let inside = match id {
                Some(bloc) => queries::unit_in_bloc(&mut tx, head, bloc).await?,
                None => false,
            };
            if !inside {
                return Err(RepoError::Invalid(InputError::HeadUnitOutsideBloc));
            }
        }
        let now = tx.now();
        let (action, before) = match id {
            None => (AuditAction::BlocCreated, None),
            Some(id) => {
                tx.expect_version(Versioned::Bloc(id), version).await?;
                let old = queries::code_of(&mut tx, Table::Blocs, id).await?;
                (AuditAction::BlocUpdated, Some(old))
            }
        };
        let row = (code, name, head_unit_id);
        queries::save(&mut tx, Table::Blocs, id, row, &by.username, &now).await?;
        let after = serde_json::json!({ "code": code, "name": name, "head_unit_id": head_unit_id });
        tx.audited(&audit(by, action, "bloc", code, before, after))
            .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn save_unit(
        &self,
        id: Option<i64>,
        version: i64,
        code: &str,
        name: &str,
        bloc_id: i64,
        by: &CurrentUser,
    ) -> RepoResult<()> {
        let mut tx = WriteTx::begin(self, by).await?;
        let now = tx.now();
        let (action, before) = match id {
            None => (AuditAction::UnitCreated, None),
            Some(id) => {
                tx.expect_version(Versioned::Unit(id), version).await?;
                let old = queries::code_of(&mut tx, Table::Units, id).await?;
                // A unit that heads its bloc cannot leave it (D-2): the bloc would lose its
                // head.
                if queries::heads_another_bloc(&mut tx, id, bloc_id).await? {
                    return Err(RepoError::Invalid(InputError::HeadUnitOutsideBloc));
                }
                (AuditAction::UnitUpdated, Some(old))
            }
        };
        let row = (code, name, Some(bloc_id));
        queries::save(&mut tx, Table::Units, id, row, &by.username, &now).await?;
        let after = serde_json::json!({ "code": code, "name": name, "bloc_id": bloc_id });
        tx.audited(&audit(by, action, "unit", code, before, after))
            .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn set_council_member(
        &self,
        user_id: i64,
        member: bool,
        by: &CurrentUser,
        today: NaiveDate,
    ) -> RepoResult<()> {
        let mut tx = WriteTx::begin(self, by).await?;
        let (campaign_id, _) = running_campaign(&mut tx, today)
            .await?
            .ok_or(RepoError::NotFound)?;
        let username = queries::username_of(&mut tx, user_id).await?;
        if queries::set_seat(&mut tx, user_id, campaign_id, member).await? {
            let action = if member {
                AuditAction::CouncilSeated
            } else {
                AuditAction::CouncilUnseated
            };
            let after = serde_json::json!({ "campaign_id": campaign_id });
            tx.audited(&audit(by, action, "account", &username, None, after))
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

/// The campaign whose council is seated here: the one running on `today`, as the board and
/// the council's page choose it (`kernel::cards::resolve_year`); None before the first.
async fn running_campaign(conn: &mut Conn, today: NaiveDate) -> DbResult<Option<(i64, String)>> {
    match resolve_year(conn, &BoardQuery { year: None }, today.year()).await {
        Ok((id, name, ..)) => Ok(Some((id, name))),
        Err(DbError::Port(RepoError::NotFound)) => Ok(None),
        Err(e) => Err(e),
    }
}

/// A change of the organisation as the audit history keeps it: the object's code, its
/// code before (a rename), and what it is now.
fn audit(
    by: &CurrentUser,
    action: AuditAction,
    object_type: &str,
    code: &str,
    before_code: Option<String>,
    after: serde_json::Value,
) -> AuditEntry {
    let before = before_code.map(|c| serde_json::json!({ "code": c }).to_string());
    AuditEntry::change(
        by,
        action,
        (object_type, code.into()),
        before,
        after.to_string(),
    )
}
