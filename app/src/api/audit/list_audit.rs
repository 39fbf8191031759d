use crate::error::AppError;
use crate::types::model::AuditPage;
use leptos::prelude::*;

/// A page of the audit history, for the office and administrators. (Flat arguments: an
/// all-empty filter must still encode to something the server can read.)
#[server(prefix = "/api", endpoint = "audit")]
pub async fn list_audit(
    action: Option<String>,
    actor: Option<String>,
    before_id: Option<i64>,
) -> Result<AuditPage, AppError> {
    use crate::types::model::AuditFilter;
    use shared::auth::Action;

    let (_user, ctx) = crate::services::guard(Action::ViewAudit, "audit_log", None).await?;
    let filter = AuditFilter {
        action,
        actor,
        before_id,
    };
    Ok(ctx.repo.audit_page(&filter).await?)
}
