//! `/exports/{list}.{xlsx|csv|docx}?year=`: the lists sent to the City and the blocs' reviews
//! as files. Who may have which list is decided by `app::services::documents::load_document`; a download
//! is recorded in the audit history.

use crate::state::AppState;
use app::error::AppError;
use app::types::auth::CurrentUser;
use app::types::exports::DocKind;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Extension, Router};
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new().route("/exports/{file}", get(download))
}

#[derive(Deserialize)]
pub struct Year {
    year: Option<i32>,
}

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

pub async fn download(
    State(state): State<AppState>,
    Extension(user): Extension<CurrentUser>,
    Path(file): Path<String>,
    Query(query): Query<Year>,
    headers: HeaderMap,
) -> Response {
    let lang = super::lang_of(&headers);
    let refuse = |status: StatusCode, e: AppError| {
        (
            status,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            e.describe(lang),
        )
            .into_response()
    };
    // A download is recorded: it must start from the site's own pages (or the address bar),
    // never from another site's link, so that nobody can write into someone's history.
    let fetched_from = headers
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("none");
    if !matches!(fetched_from, "same-origin" | "none") {
        tracing::warn!(user = %user.username, %fetched_from, "refused a download started from another site");
        return (
            StatusCode::FORBIDDEN,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "Hãy tải danh sách từ trang của hệ thống. / Download the list from this site's pages.",
        )
            .into_response();
    }
    let Some((name, format)) = file.rsplit_once('.') else {
        return refuse(StatusCode::NOT_FOUND, AppError::NotFound);
    };
    let (Some(kind), true) = (
        DocKind::from_code(name),
        matches!(format, "xlsx" | "csv" | "docx"),
    ) else {
        return refuse(StatusCode::NOT_FOUND, AppError::NotFound);
    };
    let doc =
        match app::services::documents::load_document(&state.ctx, &user, kind, query.year, lang)
            .await
        {
            Ok(doc) => doc,
            Err(e) => {
                let status = match e {
                    AppError::Forbidden(_) => StatusCode::FORBIDDEN,
                    AppError::NotFound => StatusCode::NOT_FOUND,
                    AppError::Unauthenticated => StatusCode::UNAUTHORIZED,
                    _ => StatusCode::INTERNAL_SERVER_ERROR,
                };
                return refuse(status, e);
            }
        };
    let written = match format {
        "xlsx" => crate::export::to_xlsx(&doc).map(|b| (b, XLSX)),
        "docx" => crate::docx::to_docx(&doc, lang).map(|b| (b, DOCX)),
        _ => Ok((crate::export::to_csv(&doc), "text/csv; charset=utf-8")),
    };
    let (bytes, content_type) = match written {
        Ok(written) => written,
        Err(e) => {
            tracing::error!(error = %e, "could not write a download");
            return refuse(StatusCode::INTERNAL_SERVER_ERROR, AppError::Internal);
        }
    };
    let entry = app::types::model::AuditEntry {
        actor_id: Some(user.user_id),
        actor_name: user.username.clone(),
        action: app::types::model::AuditAction::Export.into(),
        object_type: "export".into(),
        object_id: Some(format!("{}.{format}", doc.file_name)),
        ..Default::default()
    };
    if let Err(e) = state.ctx.repo.record_audit(&entry).await {
        tracing::error!(error = %e, "could not record a download");
    }
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{}.{format}\"", doc.file_name),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        bytes,
    )
        .into_response()
}
