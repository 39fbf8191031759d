use crate::error::AppError;
use crate::types::model::CardEvent;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Removes a document from its dossier (those who may edit the nomination): kept in the
/// history, marked removed; its file stays on the server.
#[server(prefix = "/api", endpoint = "nominations/remove_document", input = Json)]
pub async fn remove_document(document_id: i64) -> Result<CardEvent, AppError> {
    let (user, ctx) = crate::services::request()?;
    ctx.repo
        .remove_document(document_id, &user)
        .await
        .map_err(AppError::from)
}
