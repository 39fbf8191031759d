use crate::error::AppError;
use crate::types::exports::Document;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// A list as the printable page shows it (`doc`: `city`, `q1`…`q4`, `annual`,
/// `review-{bloc}`).
#[server(prefix = "/api", endpoint = "documents", input = Json)]
pub async fn get_document(doc: String, year: Option<i32>) -> Result<Document, AppError> {
    let (user, ctx) = crate::services::request()?;
    let kind = crate::types::exports::DocKind::from_code(&doc).ok_or(AppError::NotFound)?;
    crate::services::documents::load_document(&ctx, &user, kind, year, crate::i18n::request_lang())
        .await
}
