//! The dossier's documents (N-1): attaching one (its file already in the server's store),
//! removing one (a mark; the row and the file stay for the history), reading them. Each
//! write reads in the order of every write: who, may they, the card still open, the rule
//! on the stored dossier, the write, the record on the card's history, commit.

use super::kernel::WriteTx;
use super::{Backend, Conn, Db};
use crate::db::{DbError, DbResult};
use app::ports::{DossierPort, RepoError, RepoResult, StoredFile};
use app::types::auth::CurrentUser;
use app::types::model::{CardEvent, DocumentRecord, MoveAction};
use async_trait::async_trait;
use chrono::NaiveDate;
use shared::auth::Action;
use shared::domain::dossier::{DocumentDraft, DocumentKind, DocumentLimits, FileFacts, FileType};
use shared::rules::dossier::check_document;

#[async_trait]
impl DossierPort for Backend {
    async fn attach_document(
        &self,
        id: i64,
        draft: &DocumentDraft,
        file: &StoredFile,
        limits: DocumentLimits,
        by: &CurrentUser,
        today: NaiveDate,
    ) -> RepoResult<CardEvent> {
        let mut tx = WriteTx::begin(self, by).await?;
        tx.open_card_for(id, Action::EditNomination).await?;
        let used = dossier_bytes(&mut tx, id).await?;
        let facts = FileFacts {
            name: file.name.clone(),
            size: file.size,
            dossier_bytes: used,
        };
        let document = check_document(draft, &facts, limits, today).map_err(RepoError::Rules)?;
        let now = tx.now();
        let document_id: i64 = sqlx::query_scalar(
            "INSERT INTO nomination_documents (nomination_id, kind, title, file_name, file_type,
                 size_bytes, sha256, meeting_date, meeting_result, uploaded_at, uploaded_by)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
        )
        .bind(id)
        .bind(document.kind.code())
        .bind(&document.title)
        .bind(&document.file_name)
        .bind(file.file_type.code())
        .bind(file.size as i64)
        .bind(&file.sha256)
        .bind(document.meeting_date)
        .bind(&document.meeting_result)
        .bind(&now)
        .bind(&by.display_name)
        .fetch_one(&mut *tx)
        .await
        .map_err(DbError::from)?;
        let detail = serde_json::json!({
            "document_id": document_id,
            "document": document,
            "file_type": file.file_type.code(),
            "size": file.size,
            "sha256": file.sha256,
        });
        let event = tx
            .changed(MoveAction::AttachDocument, id, None, detail)
            .await?;
        tx.commit().await?;
        Ok(event)
    }

    async fn remove_document(&self, document_id: i64, by: &CurrentUser) -> RepoResult<CardEvent> {
        let mut tx = WriteTx::begin(self, by).await?;
        let record = document(&mut tx, document_id).await?;
        let id = record.nomination_id;
        tx.open_card_for(id, Action::EditNomination).await?;
        if let Some((by, at)) = record.removed {
            return Err(RepoError::Conflict {
                by: Some(by),
                at: Some(at),
            });
        }
        let now = tx.now();
        sqlx::query(
            "UPDATE nomination_documents SET removed_at = $1, removed_by = $2
             WHERE id = $3 AND removed_at IS NULL",
        )
        .bind(&now)
        .bind(&by.display_name)
        .bind(document_id)
        .execute(&mut *tx)
        .await
        .map_err(DbError::from)?;
        let before = serde_json::json!({ "document_id": document_id, "document": record.document })
            .to_string();
        let detail = serde_json::json!({ "document_id": document_id, "removed": true });
        let event = tx
            .changed(MoveAction::RemoveDocument, id, Some(before), detail)
            .await?;
        tx.commit().await?;
        Ok(event)
    }

    async fn document(&self, document_id: i64) -> RepoResult<DocumentRecord> {
        let mut conn = self.pool.acquire().await.map_err(DbError::from)?;
        Ok(document(&mut conn, document_id).await?)
    }

    async fn file_in_use(&self, sha256: &str) -> RepoResult<bool> {
        let mut conn = self.pool.acquire().await.map_err(DbError::from)?;
        let n: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM nomination_documents WHERE sha256 = $1")
                .bind(sha256)
                .fetch_one(&mut *conn)
                .await
                .map_err(DbError::from)?;
        Ok(n > 0)
    }
}

/// What the documents of nomination `id` not removed hold together, in bytes.
async fn dossier_bytes(conn: &mut Conn, id: i64) -> DbResult<u64> {
    let total: Option<i64> = sqlx::query_scalar(
        "SELECT CAST(SUM(size_bytes) AS BIGINT) FROM nomination_documents
         WHERE nomination_id = $1 AND removed_at IS NULL",
    )
    .bind(id)
    .fetch_one(&mut *conn)
    .await?;
    Ok(total.unwrap_or(0).max(0) as u64)
}

type Row = (
    i64,
    i64,
    String,
    String,
    String,
    String,
    i64,
    String,
    Option<NaiveDate>,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
);

const COLUMNS: &str = "id, nomination_id, kind, title, file_name, file_type, size_bytes,
    sha256, meeting_date, meeting_result, uploaded_by, uploaded_at, removed_by, removed_at";

fn into_record(row: Row) -> DbResult<DocumentRecord> {
    let (id, nomination_id, kind, title, file_name, file_type, size, sha256, meeting_date) = (
        row.0, row.1, row.2, row.3, row.4, row.5, row.6, row.7, row.8,
    );
    let corrupt =
        |what: &str| DbError::from(RepoError::Unavailable(format!("document {id}: bad {what}")));
    Ok(DocumentRecord {
        id,
        nomination_id,
        document: shared::domain::dossier::Document {
            kind: DocumentKind::from_code(&kind).ok_or_else(|| corrupt("kind"))?,
            title,
            file_name,
            meeting_date,
            meeting_result: row.9,
        },
        file_type: FileType::from_code(&file_type).ok_or_else(|| corrupt("file type"))?,
        size: size.max(0) as u64,
        sha256,
        uploaded_by: row.10,
        uploaded_at: row.11,
        removed: row.12.zip(row.13),
    })
}

/// One document's record, removed or not; not found when there is none.
pub async fn document(conn: &mut Conn, document_id: i64) -> DbResult<DocumentRecord> {
    let row: Option<Row> = sqlx::query_as::<Db, Row>(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM nomination_documents WHERE id = $1"
    )))
    .bind(document_id)
    .fetch_optional(&mut *conn)
    .await?;
    into_record(row.ok_or(RepoError::NotFound)?)
}

/// The documents of nomination `id`, removed ones too, oldest first.
pub async fn documents(conn: &mut Conn, id: i64) -> DbResult<Vec<DocumentRecord>> {
    let rows: Vec<Row> = sqlx::query_as::<Db, Row>(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM nomination_documents WHERE nomination_id = $1 ORDER BY id"
    )))
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter().map(into_record).collect()
}
