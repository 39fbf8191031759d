//! The dossier's files over HTTP: `POST /nominations/{id}/documents` (a multipart form: the
//! file and what it is) and `GET /documents/{id}` (the file, as an attachment, to those
//! who may read the nomination). The records and every rule are the repository's
//! (`DossierPort`); the bytes are the file store's.

use crate::state::AppState;
use app::error::AppError;
use app::ports::{RepoError, StoredFile};
use app::types::auth::CurrentUser;
use app::types::model::AuditEntry;
use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Json, Router};
use shared::auth::Action;
use shared::domain::dossier::{DocumentDraft, DocumentKind, FileFacts};
use shared::i18n::Lang;
use shared::rules::dossier::{check_content, check_document};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/nominations/{id}/documents",
            // The body's size is held by `limits::limit_body` and, per file, while reading.
            post(upload).layer(DefaultBodyLimit::disable()),
        )
        .route("/documents/{id}", get(download))
}

/// Whether `path` is a document upload's (its body may be as large as a file).
pub fn is_upload(path: &str) -> bool {
    path.strip_prefix("/nominations/")
        .and_then(|rest| rest.strip_suffix("/documents"))
        .is_some_and(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
}

/// An error as the page's upload form reads it: the status that fits, the error as JSON.
fn refuse(e: AppError) -> Response {
    (e.status(), Json(e)).into_response()
}

fn violations(v: Vec<shared::rules::Violation>, lang: Lang) -> AppError {
    RepoError::Rules(v).in_lang(lang)
}

/// Records a refusal of `action` on `object` in the audit history (it concerns security).
async fn audit_refusal(
    state: &AppState,
    user: &CurrentUser,
    object: (&str, String),
    action: Action,
    denied: shared::auth::Denied,
) {
    tracing::warn!(user = %user.username, ?action, ?denied, "refused");
    let entry = AuditEntry::refusal(user, (object.0, Some(object.1)), &action, denied);
    if let Err(e) = state.ctx.repo.record_audit(&entry).await {
        tracing::error!(error = %e, "could not record a refusal");
    }
}

/// The form as read: what the document is, and the file (its name and content).
struct Upload {
    draft: DocumentDraft,
    name: String,
    bytes: Vec<u8>,
    /// More than the limit was sent: reading stopped there.
    too_large: bool,
}

async fn read_form(mut form: Multipart, max: u64) -> Result<Upload, AppError> {
    let mut upload = Upload {
        draft: DocumentDraft::default(),
        name: String::new(),
        bytes: Vec::new(),
        too_large: false,
    };
    let bad = |e: axum::extract::multipart::MultipartError| {
        tracing::info!(error = %e, "refused an upload it could not read");
        AppError::BadRequest
    };
    while let Some(mut field) = form.next_field().await.map_err(bad)? {
        let name = field.name().unwrap_or("").to_string();
        if name == "file" {
            upload.name = field.file_name().unwrap_or("").to_string();
            while let Some(chunk) = field.chunk().await.map_err(bad)? {
                if upload.bytes.len() as u64 + chunk.len() as u64 > max {
                    upload.too_large = true;
                    upload.bytes.clear();
                    return Ok(upload);
                }
                upload.bytes.extend_from_slice(&chunk);
            }
            continue;
        }
        let text = field.text().await.map_err(bad)?;
        if text.len() > 16 * 1024 {
            return Err(AppError::BadRequest);
        }
        match name.as_str() {
            "kind" => {
                upload.draft.kind = DocumentKind::from_code(&text).ok_or(AppError::BadRequest)?
            }
            "title" => upload.draft.title = text,
            "meeting_date" => {
                upload.draft.meeting_date =
                    shared::text::parse_date(&text).map_err(|()| AppError::BadRequest)?
            }
            "meeting_result" => upload.draft.meeting_result = text,
            _ => {}
        }
    }
    Ok(upload)
}

pub async fn upload(
    State(state): State<AppState>,
    Extension(user): Extension<CurrentUser>,
    Path(id): Path<i64>,
    headers: HeaderMap,
    form: Multipart,
) -> Response {
    let lang = super::lang_of(&headers);
    let ctx = &state.ctx;
    let limits = ctx.document_limits;
    // Who may: a nomination they may not see does not exist for them; one they may see
    // but not change is refused, and the refusal recorded, before the file is read.
    let record = match ctx.repo.nomination(id).await {
        Ok(record) => record,
        Err(e) => return refuse(e.in_lang(lang)),
    };
    let scope = app::moves::scope(&record.card);
    if user.may(&Action::ViewNomination(scope)).is_err() {
        return refuse(AppError::NotFound);
    }
    if let Err(denied) = user.may(&Action::EditNomination(scope)) {
        let action = Action::EditNomination(scope);
        audit_refusal(
            &state,
            &user,
            ("nomination", id.to_string()),
            action,
            denied,
        )
        .await;
        return refuse(AppError::Forbidden(denied));
    }
    let upload = match read_form(form, limits.file_bytes).await {
        Ok(upload) => upload,
        Err(e) => return refuse(e),
    };
    // The form and the file's name and size, as the page checked them; then its content.
    let size = if upload.too_large {
        limits.file_bytes + 1
    } else {
        upload.bytes.len() as u64
    };
    let facts = FileFacts {
        name: upload.name.clone(),
        size,
        dossier_bytes: record.dossier_bytes(),
    };
    if let Err(v) = check_document(&upload.draft, &facts, limits, ctx.clock.today()) {
        return refuse(violations(v, lang));
    }
    let file_type = match check_content(&upload.name, &upload.bytes) {
        Ok(t) => t,
        Err(v) => return refuse(violations(vec![v], lang)),
    };
    let size = upload.bytes.len() as u64;
    let (sha256, created) = match state.files.put(upload.bytes).await {
        Ok(kept) => kept,
        Err(e) => {
            tracing::error!(error = %e, "could not keep an uploaded file");
            return refuse(AppError::Internal);
        }
    };
    let file = StoredFile {
        name: upload.name,
        size,
        sha256: sha256.clone(),
        file_type,
    };
    let attached = ctx
        .repo
        .attach_document(id, &upload.draft, &file, limits, &user, ctx.clock.today())
        .await;
    match attached {
        Ok(event) => (StatusCode::OK, Json(event.seq)).into_response(),
        Err(e) => {
            // Nothing half-written: a file this upload kept, that no document names, goes.
            if created && !matches!(ctx.repo.file_in_use(&sha256).await, Ok(true)) {
                state.files.discard(&sha256).await;
            }
            refuse(e.in_lang(lang))
        }
    }
}

/// `filename*` of RFC 6266/5987: UTF-8, percent-encoded.
fn encode_filename(name: &str) -> String {
    name.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'.' | b'-' | b'_' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The name's plain ASCII letters, for clients that read only `filename`.
fn ascii_filename(name: &str) -> String {
    let folded = shared::text::fold(name);
    folded
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect()
}

pub async fn download(
    State(state): State<AppState>,
    Extension(user): Extension<CurrentUser>,
    Path(document_id): Path<i64>,
    headers: HeaderMap,
) -> Response {
    let lang = super::lang_of(&headers);
    let text = |status: StatusCode, e: AppError| {
        (
            status,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            e.describe(lang),
        )
            .into_response()
    };
    let ctx = &state.ctx;
    let record = match ctx.repo.document(document_id).await {
        Ok(record) => record,
        Err(e) => {
            let e = AppError::from(e);
            return text(e.status(), e);
        }
    };
    let card = match ctx.repo.card(record.nomination_id).await {
        Ok(card) => card,
        Err(e) => {
            let e = AppError::from(e);
            return text(e.status(), e);
        }
    };
    let action = Action::ViewNomination(app::moves::scope(&card));
    if let Err(denied) = user.may(&action) {
        // A refusal is recorded, unless another site started the request (a link or an
        // image there would let anyone write into the history in the user's name).
        let fetched_from = headers
            .get("sec-fetch-site")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("none");
        if matches!(fetched_from, "same-origin" | "none") {
            audit_refusal(
                &state,
                &user,
                ("document", document_id.to_string()),
                action,
                denied,
            )
            .await;
        }
        return text(StatusCode::FORBIDDEN, AppError::Forbidden(denied));
    }
    if record.removed.is_some() {
        return text(StatusCode::GONE, AppError::NotFound);
    }
    let bytes = match state.files.read(&record.sha256).await {
        Ok(bytes) => bytes,
        Err(e) => {
            tracing::error!(error = %e, document_id, "could not read a dossier's file");
            return text(StatusCode::INTERNAL_SERVER_ERROR, AppError::Internal);
        }
    };
    let name = shared::domain::dossier::download_name(&record.document.file_name, record.file_type);
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, record.file_type.mime().to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!(
                    "attachment; filename=\"{}\"; filename*=UTF-8''{}",
                    ascii_filename(&name),
                    encode_filename(&name)
                ),
            ),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_string()),
            (header::CACHE_CONTROL, "private, no-store".to_string()),
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'none'; sandbox".to_string(),
            ),
        ],
        bytes,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_nomination_s_documents_path_is_an_upload() {
        assert!(is_upload("/nominations/12/documents"));
        assert!(!is_upload("/nominations//documents"));
        assert!(!is_upload("/nominations/12/documents/3"));
        assert!(!is_upload("/api/nominations/save"));
    }

    #[test]
    fn names_are_sent_in_both_forms() {
        assert_eq!(
            ascii_filename("Giấy chứng nhận 2024.pdf"),
            "giay_chung_nhan_2024.pdf"
        );
        assert_eq!(encode_filename("ảnh 1.png"), "%E1%BA%A3nh%201.png");
    }
}
