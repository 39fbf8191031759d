//! What serves a request: the context the server hands to every server function (the
//! repository, the clock, the summary's tallies), and the prologue of every server
//! function — who is asking, and may they.

use crate::error::AppError;
use crate::ports::Repository;
use crate::types::auth::{require_user, CurrentUser};
use crate::types::model::AuditEntry;
use shared::auth::Action;
use std::sync::Arc;

/// What the server hands to every server function and page render through Leptos context.
#[derive(Clone)]
pub struct AppContext {
    pub repo: Arc<dyn Repository>,
    pub clock: Clock,
    /// The summary's running tallies (shared by every request).
    pub summary: Arc<super::summary::SummaryHub>,
    /// How much a dossier's file and a whole dossier may hold (the installation's settings).
    pub document_limits: shared::domain::dossier::DocumentLimits,
}

/// Today's date for the rules: the calendar in UTC+7, or a fixed date (tests and demos of
/// deadlines set `EXEMPLAR_TODAY`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Clock {
    pub fixed: Option<chrono::NaiveDate>,
}

impl Clock {
    pub fn today(&self) -> chrono::NaiveDate {
        self.fixed
            .unwrap_or_else(|| (chrono::Utc::now() + chrono::Duration::hours(7)).date_naive())
    }
}

/// The first line of every server function: who is asking (or 401), and what serves the
/// request (the repository, the clock, the summary's tallies).
pub fn request() -> Result<(CurrentUser, AppContext), AppError> {
    let user = require_user()?;
    let ctx = leptos::prelude::use_context::<AppContext>().ok_or(AppError::Internal)?;
    Ok((user, ctx))
}

/// Checks a permission; a refusal is recorded in the audit history (it concerns
/// security) and returned as `Forbidden` with its reason.
pub async fn authorize(
    ctx: &AppContext,
    user: &CurrentUser,
    action: Action,
    object_type: &str,
    object_id: Option<String>,
) -> Result<(), AppError> {
    let Err(denied) = user.may(&action) else {
        return Ok(());
    };
    tracing::warn!(user = %user.username, ?action, ?denied, "refused");
    if started_by_another_site() {
        // A page load another site started (a link, an image, a frame) would let anyone
        // write into the history in the user's name: logged, not stored.
        tracing::warn!(user = %user.username, "refusal not recorded: the page load came from another site");
        return Err(AppError::Forbidden(denied));
    }
    let entry = AuditEntry::refusal(user, (object_type, object_id), &action, denied);
    if let Err(e) = ctx.repo.record_audit(&entry).await {
        tracing::error!(error = %e, "could not record a refusal");
    }
    Err(AppError::Forbidden(denied))
}

/// Whether the request being served is a page load (GET) that the browser says another
/// site started (`Sec-Fetch-Site` other than `same-origin` or `none`). Server functions
/// are POSTs, refused earlier unless they come from this site.
fn started_by_another_site() -> bool {
    let Some(parts) = leptos::prelude::use_context::<http::request::Parts>() else {
        return false;
    };
    parts.method == http::Method::GET
        && parts
            .headers
            .get("sec-fetch-site")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|site| !matches!(site, "same-origin" | "none"))
}

/// The first lines of every server function, in order: who is asking (or 401), the
/// repository, and may they do `action` (or 403, recorded in the audit history).
pub async fn guard(
    action: Action,
    object_type: &str,
    object_id: Option<String>,
) -> Result<(CurrentUser, AppContext), AppError> {
    let (user, ctx) = request()?;
    authorize(&ctx, &user, action, object_type, object_id).await?;
    Ok((user, ctx))
}
