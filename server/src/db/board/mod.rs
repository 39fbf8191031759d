//! The board: a campaign year's cards, read in one snapshot, and moves across it (made by
//! the group-commit writer, `writer.rs`).

pub mod writer;

use super::kernel::cards::{self, resolve_year, CardRow, CARD_COLUMNS, CARD_FROM};
use super::kernel::{events, scores, snapshot, years};
use super::{Backend, Conn};
use crate::db::snapshot_cache::Found;
use crate::db::{DbError, DbResult};
use app::ports::{BoardPort, RepoError, RepoResult};
use app::types::auth::CurrentUser;
use app::types::model::{Board, BoardCard, BoardQuery, CardEvent, MoveRequest};
use async_trait::async_trait;
use chrono::NaiveDate;
use std::sync::Arc;

#[async_trait]
impl BoardPort for Backend {
    #[tracing::instrument(skip(self))]
    async fn ping(&self) -> RepoResult<()> {
        sqlx::query("SELECT 1")
            .execute(&self.pool)
            .await
            .map(|_| ())
            .map_err(|e| DbError::from(e).into())
    }

    #[tracing::instrument(skip(self))]
    async fn board(&self, query: &BoardQuery, today: NaiveDate) -> RepoResult<Arc<Board>> {
        // One read transaction: the heads, the cards and the sequence number from the same
        // snapshot, so that a kept board is served only for the snapshot it was read in.
        let mut tx = super::begin_read(&self.pool).await.map_err(DbError::from)?;
        let board = self.shared_board(&mut tx, query, today).await;
        let _ = tx.rollback().await;
        Ok(board?)
    }

    async fn card(&self, id: i64) -> RepoResult<BoardCard> {
        let mut conn = self.pool.acquire().await.map_err(DbError::from)?;
        cards::card(&mut conn, id).await.map_err(Into::into)
    }

    async fn move_nomination(
        &self,
        by: &CurrentUser,
        request: &MoveRequest,
        today: NaiveDate,
    ) -> RepoResult<CardEvent> {
        let (reply, answer) = tokio::sync::oneshot::channel();
        let job = writer::MoveJob {
            user: by.clone(),
            request: request.clone(),
            today,
            reply,
        };
        let gone = || RepoError::Unavailable("the move writer stopped".into());
        self.moves.send(job).await.map_err(|_| gone())?;
        answer.await.map_err(|_| gone())?
    }

    async fn events_after(&self, after: i64, limit: i64) -> RepoResult<Vec<CardEvent>> {
        events::events_after(&self.pool, after, limit)
            .await
            .map_err(Into::into)
    }

    async fn event_head(&self) -> RepoResult<i64> {
        let head: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM events")
            .fetch_one(&self.pool)
            .await
            .map_err(DbError::from)?;
        Ok(head)
    }

    fn subscribe(&self) -> tokio::sync::broadcast::Receiver<std::sync::Arc<CardEvent>> {
        self.live.subscribe()
    }
}

impl Backend {
    /// The board kept for this snapshot's heads, or read now and kept (see
    /// `db::snapshot_cache`).
    async fn shared_board(
        &self,
        conn: &mut Conn,
        query: &BoardQuery,
        today: NaiveDate,
    ) -> DbResult<Arc<Board>> {
        let key = snapshot::key(conn, query.year, today).await?;
        let _turn = match self.boards.find(&key).await {
            Found::Kept(board) => return Ok(board),
            Found::Read(turn) => turn,
        };
        let board = Arc::new(load(conn, query, today).await?);
        self.boards.keep(key, Arc::clone(&board));
        Ok(board)
    }
}

/// Reads the board inside one read transaction, so that its cards and its sequence number
/// come from the same snapshot.
pub async fn load(
    conn: &mut Conn,
    query: &BoardQuery,
    query_today: chrono::NaiveDate,
) -> DbResult<Board> {
    use chrono::Datelike;
    let (campaign_id, campaign_name, year, start, end) =
        resolve_year(conn, query, query_today.year()).await?;
    let seq: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM events")
        .fetch_one(&mut *conn)
        .await?;
    let rows: Vec<CardRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {CARD_COLUMNS} {CARD_FROM}
         WHERE n.campaign_id = $1 AND n.year = $2
         ORDER BY n.stage, n.position, n.id"
    )))
    .bind(campaign_id)
    .bind(year)
    .fetch_all(&mut *conn)
    .await?;
    let cards = rows
        .into_iter()
        .map(CardRow::into_card)
        .collect::<DbResult<Vec<_>>>()?;
    let calendar = years::campaign_year(conn, campaign_id, year).await?;
    let totals = scores::final_totals(conn, campaign_id, year).await?;
    let mut cards = cards;
    for card in &mut cards {
        card.council_score_milli = totals.get(&card.id).copied();
    }
    Ok(Board {
        calendar,
        today: query_today,
        campaign_name,
        year,
        years: (start..=end).collect(),
        seq,
        cards,
    })
}
