//! The dossier's documents (N-1): their records; the files themselves are the server's.

use super::RepoResult;
use crate::types::auth::CurrentUser;
use crate::types::model::{CardEvent, DocumentRecord};
use async_trait::async_trait;
use shared::domain::dossier::{DocumentDraft, DocumentLimits, FileType};

/// A file already written to the server's store, about to be recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredFile {
    /// The name it was sent with.
    pub name: String,
    pub size: u64,
    /// Its content's SHA-256, in lowercase hex: where the store keeps it.
    pub sha256: String,
    pub file_type: FileType,
}

#[async_trait]
pub trait DossierPort: Send + Sync {
    /// Records `file` as a document of nomination `id`: permission (editing the
    /// nomination), a card still open (II.3) and `rules::dossier::check_document` against
    /// the dossier as stored, inside one transaction; recorded on the card's history and
    /// published like any change of the card.
    async fn attach_document(
        &self,
        id: i64,
        draft: &DocumentDraft,
        file: &StoredFile,
        limits: DocumentLimits,
        by: &CurrentUser,
        today: chrono::NaiveDate,
    ) -> RepoResult<CardEvent>;

    /// Removes a document from its dossier: kept, marked removed (who, when), in the
    /// card's history. A document already removed is a conflict naming who removed it.
    async fn remove_document(&self, document_id: i64, by: &CurrentUser) -> RepoResult<CardEvent>;

    /// One document's record (removed ones too).
    async fn document(&self, document_id: i64) -> RepoResult<DocumentRecord>;

    /// Whether any document (removed ones too) keeps the file with this SHA-256.
    async fn file_in_use(&self, sha256: &str) -> RepoResult<bool>;
}
