//! The repositories' entry points, the same for every backend: this file is compiled once
//! inside each backend's module (`sqlite`, `postgres`), where `super::Backend` is that
//! backend's store and `super::{Pool, Conn}` its connection types.

use super::{accounts, auth, board, calendar, council, fostering, load, moves, nominations};
use super::{org, selections, summary, Backend};
use crate::audit::{AuditEntry, AuditRow};
use crate::db::{DbError, LoginCandidate, SessionRecord, Store};
use crate::seed::Dataset;
use app::auth::CurrentUser;
use app::model::{
    AccountFields, AccountView, AuditFilter, AuditPage, Board, BoardCard, BoardQuery, CardEvent,
    MoveRequest, Organisation, UnitOption,
};
use app::repo::{RepoError, RepoResult, Repository};
use async_trait::async_trait;
use chrono::NaiveDate;

#[async_trait]
impl Repository for Backend {
    #[tracing::instrument(skip(self))]
    async fn ping(&self) -> RepoResult<()> {
        sqlx::query("SELECT 1")
            .execute(&self.pool)
            .await
            .map(|_| ())
            .map_err(|e| DbError::from(e).into())
    }

    #[tracing::instrument(skip(self))]
    async fn board(&self, query: &BoardQuery, today: NaiveDate) -> RepoResult<Board> {
        // One read transaction: the cards and the sequence number from the same snapshot.
        let mut tx = super::begin_read(&self.pool).await.map_err(DbError::from)?;
        let board = board::load(&mut tx, query, today).await;
        let _ = tx.rollback().await;
        Ok(board?)
    }

    async fn card(&self, id: i64) -> RepoResult<BoardCard> {
        let mut conn = self.pool.acquire().await.map_err(DbError::from)?;
        board::card(&mut conn, id).await.map_err(Into::into)
    }

    async fn move_nomination(
        &self,
        by: &CurrentUser,
        request: &MoveRequest,
        today: NaiveDate,
    ) -> RepoResult<CardEvent> {
        let (reply, answer) = tokio::sync::oneshot::channel();
        let job = moves::MoveJob {
            user: by.clone(),
            request: request.clone(),
            today,
            reply,
        };
        let gone = || RepoError::Unavailable("the move writer stopped".into());
        self.moves.send(job).await.map_err(|_| gone())?;
        answer.await.map_err(|_| gone())?
    }

    async fn nomination(&self, id: i64) -> RepoResult<app::model::NominationRecord> {
        nominations::record(&self.pool, id)
            .await
            .map_err(Into::into)
    }

    async fn collectives(&self, year: i32) -> RepoResult<Vec<app::model::CollectiveOption>> {
        nominations::collectives(&self.pool, year)
            .await
            .map_err(Into::into)
    }

    async fn save_nomination(
        &self,
        id: Option<i64>,
        version: i64,
        year: i32,
        draft: &shared::domain::NominationDraft,
        by: &CurrentUser,
    ) -> RepoResult<CardEvent> {
        let event = nominations::save(&self.pool, id, version, year, draft, by).await?;
        self.publish(&event);
        Ok(event)
    }

    async fn save_plan(
        &self,
        id: i64,
        version: i64,
        draft: &shared::domain::PlanDraft,
        by: &CurrentUser,
    ) -> RepoResult<(CardEvent, i64)> {
        let (event, version) = fostering::save_plan(&self.pool, id, version, draft, by).await?;
        self.publish(&event);
        Ok((event, version))
    }

    async fn approve_plan(
        &self,
        id: i64,
        version: i64,
        by: &CurrentUser,
    ) -> RepoResult<(CardEvent, i64)> {
        let (event, version) = fostering::approve_plan(&self.pool, id, version, by).await?;
        self.publish(&event);
        Ok((event, version))
    }

    async fn record_evaluation(
        &self,
        id: i64,
        draft: &shared::domain::EvaluationDraft,
        by: &CurrentUser,
        today: chrono::NaiveDate,
    ) -> RepoResult<CardEvent> {
        let event = fostering::record_evaluation(&self.pool, id, draft, by, today).await?;
        self.publish(&event);
        Ok(event)
    }

    async fn record_replication(
        &self,
        id: i64,
        draft: &shared::domain::ReplicationDraft,
        by: &CurrentUser,
        today: NaiveDate,
    ) -> RepoResult<CardEvent> {
        let event = fostering::record_replication(&self.pool, id, draft, by, today).await?;
        self.publish(&event);
        Ok(event)
    }

    async fn calendar(
        &self,
        year: Option<i32>,
        today: NaiveDate,
    ) -> RepoResult<app::calendar::CalendarView> {
        calendar::calendar(&self.pool, year, today)
            .await
            .map_err(Into::into)
    }

    async fn selection(
        &self,
        year: Option<i32>,
        period: shared::domain::SelectionPeriod,
        today: NaiveDate,
    ) -> RepoResult<app::calendar::SelectionView> {
        selections::selection(&self.pool, year, period, today)
            .await
            .map_err(Into::into)
    }

    async fn save_selection(
        &self,
        year: i32,
        period: shared::domain::SelectionPeriod,
        version: i64,
        ids: &[i64],
        by: &CurrentUser,
    ) -> RepoResult<i64> {
        selections::save(&self.pool, year, period, version, ids, by)
            .await
            .map_err(Into::into)
    }

    async fn summary_frame(
        &self,
        year: Option<i32>,
        today: NaiveDate,
    ) -> RepoResult<app::summary::SummaryFrame> {
        summary::frame(&self.pool, year, today)
            .await
            .map_err(Into::into)
    }

    async fn bloc_review(
        &self,
        bloc_id: i64,
        year: Option<i32>,
        user: &CurrentUser,
        today: NaiveDate,
    ) -> RepoResult<app::summary::BlocReviewView> {
        summary::review(&self.pool, bloc_id, year, user, today)
            .await
            .map_err(Into::into)
    }

    async fn save_bloc_review(
        &self,
        bloc_id: i64,
        year: i32,
        version: i64,
        draft: &shared::rules::review::ReviewDraft,
        submit: bool,
        by: &CurrentUser,
        today: NaiveDate,
    ) -> RepoResult<i64> {
        summary::save_review(&self.pool, bloc_id, year, version, draft, submit, by, today)
            .await
            .map_err(Into::into)
    }

    async fn city_list(
        &self,
        year: Option<i32>,
        today: NaiveDate,
    ) -> RepoResult<app::exports::CityList> {
        summary::city_list(&self.pool, year, today)
            .await
            .map_err(Into::into)
    }

    async fn council_list(
        &self,
        user: &CurrentUser,
        today: NaiveDate,
    ) -> RepoResult<app::council::CouncilList> {
        council::list(&self.pool, user, today)
            .await
            .map_err(Into::into)
    }

    async fn council_sheet(
        &self,
        id: i64,
        user: &CurrentUser,
    ) -> RepoResult<app::council::SheetView> {
        council::sheet(&self.pool, id, user)
            .await
            .map_err(Into::into)
    }

    async fn council_change(
        &self,
        id: i64,
        change: &app::council::SheetChange,
        user: &CurrentUser,
    ) -> RepoResult<app::council::SheetState> {
        let (state, event) = council::change(&self.pool, id, change, user).await?;
        self.publish(&event);
        Ok(state)
    }

    async fn decide_for_city(
        &self,
        decided_on: NaiveDate,
        ids: &[i64],
        by: &CurrentUser,
        today: NaiveDate,
    ) -> RepoResult<Vec<CardEvent>> {
        let events = council::decide(&self.pool, decided_on, ids, by, today).await?;
        for event in &events {
            self.publish(event);
        }
        Ok(events)
    }

    async fn open_ballot(
        &self,
        ids: &[i64],
        share_pct: i64,
        by: &CurrentUser,
        today: NaiveDate,
    ) -> RepoResult<()> {
        council::open_ballot(&self.pool, ids, share_pct, by, today)
            .await
            .map_err(Into::into)
    }

    async fn cast_vote(&self, id: i64, agree: bool, by: &CurrentUser) -> RepoResult<()> {
        let event = council::cast_vote(&self.pool, id, agree, by).await?;
        self.publish(&event);
        Ok(())
    }

    async fn close_ballot(&self, by: &CurrentUser, today: NaiveDate) -> RepoResult<()> {
        council::close_ballot(&self.pool, by, today)
            .await
            .map_err(Into::into)
    }

    async fn events_after(&self, after: i64, limit: i64) -> RepoResult<Vec<CardEvent>> {
        moves::events_after(&self.pool, after, limit)
            .await
            .map_err(Into::into)
    }

    fn subscribe(&self) -> tokio::sync::broadcast::Receiver<std::sync::Arc<CardEvent>> {
        self.live.subscribe()
    }

    async fn record_audit(&self, entry: &AuditEntry) -> RepoResult<()> {
        auth::append_audit(&self.pool, entry)
            .await
            .map(|_| ())
            .map_err(Into::into)
    }

    #[tracing::instrument(skip(self))]
    async fn audit_page(&self, filter: &AuditFilter) -> RepoResult<AuditPage> {
        auth::audit_page(&self.pool, filter)
            .await
            .map_err(Into::into)
    }

    async fn list_accounts(&self) -> RepoResult<Vec<AccountView>> {
        accounts::list_accounts(&self.pool)
            .await
            .map_err(Into::into)
    }

    async fn list_units(&self) -> RepoResult<Vec<UnitOption>> {
        accounts::list_units(&self.pool).await.map_err(Into::into)
    }

    #[tracing::instrument(skip(self, fields, password_hash, by))]
    async fn create_account(
        &self,
        username: &str,
        fields: &AccountFields,
        password_hash: &str,
        by: &CurrentUser,
    ) -> RepoResult<AccountView> {
        accounts::create_account(&self.pool, username, fields, password_hash, by)
            .await
            .map_err(Into::into)
    }

    #[tracing::instrument(skip(self, fields, by))]
    async fn update_account(
        &self,
        id: i64,
        version: i64,
        fields: &AccountFields,
        by: &CurrentUser,
    ) -> RepoResult<AccountView> {
        accounts::update_account(&self.pool, id, version, fields, by)
            .await
            .map_err(Into::into)
    }

    async fn organisation(&self) -> RepoResult<Organisation> {
        org::organisation(&self.pool).await.map_err(Into::into)
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
        org::save_bloc(&self.pool, id, version, code, name, head_unit_id, by)
            .await
            .map_err(Into::into)
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
        org::save_unit(&self.pool, id, version, code, name, bloc_id, by)
            .await
            .map_err(Into::into)
    }

    async fn set_council_member(
        &self,
        user_id: i64,
        member: bool,
        by: &CurrentUser,
    ) -> RepoResult<()> {
        org::set_council_member(&self.pool, user_id, member, by)
            .await
            .map_err(Into::into)
    }

    async fn password_of(&self, user_id: i64) -> RepoResult<(String, i64)> {
        sqlx::query_as("SELECT password_hash, version FROM users WHERE id = $1")
            .bind(user_id)
            .fetch_optional(&self.pool)
            .await
            .map_err(DbError::from)?
            .ok_or(RepoError::NotFound)
    }

    #[tracing::instrument(skip(self, password_hash, by))]
    async fn set_password(
        &self,
        id: i64,
        version: i64,
        password_hash: &str,
        by: &CurrentUser,
    ) -> RepoResult<AccountView> {
        accounts::set_password(&self.pool, id, version, password_hash, by)
            .await
            .map_err(Into::into)
    }
}

#[async_trait]
impl Store for Backend {
    async fn migrate(&self) -> Result<(), DbError> {
        super::MIGRATOR
            .run(&self.pool)
            .await
            .map_err(|e| DbError::Migrate(e.to_string()))?;
        self.migrated().await
    }

    async fn is_empty(&self) -> Result<bool, DbError> {
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM blocs")
            .fetch_one(&self.pool)
            .await?;
        Ok(n == 0)
    }

    async fn count_nominations(&self) -> Result<i64, DbError> {
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM nominations")
            .fetch_one(&self.pool)
            .await?;
        Ok(n)
    }

    async fn load_dataset(&self, data: &Dataset) -> Result<(), DbError> {
        load::load(&self.pool, data).await
    }

    async fn meta(&self, key: &str) -> Result<Option<String>, DbError> {
        let row: Option<(String,)> = sqlx::query_as("SELECT value FROM meta WHERE key = $1")
            .bind(key)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|r| r.0))
    }

    async fn login_candidate(&self, username: &str) -> Result<Option<LoginCandidate>, DbError> {
        auth::login_candidate(&self.pool, username).await
    }

    async fn failed_attempts_since(
        &self,
        username: &str,
        address: &str,
        since: &str,
    ) -> Result<(i64, i64), DbError> {
        auth::failed_attempts_since(&self.pool, username, address, since).await
    }

    async fn record_attempt(
        &self,
        username: &str,
        address: &str,
        success: bool,
    ) -> Result<(), DbError> {
        auth::record_attempt(&self.pool, username, address, success).await
    }

    async fn create_session(
        &self,
        token_hash: &str,
        user_id: i64,
        expires_at: &str,
        replaces: Option<&str>,
    ) -> Result<(), DbError> {
        auth::create_session(&self.pool, token_hash, user_id, expires_at, replaces).await
    }

    async fn load_session(&self, token_hash: &str) -> Result<Option<SessionRecord>, DbError> {
        auth::load_session(&self.pool, token_hash).await
    }

    async fn touch_session(&self, token_hash: &str) -> Result<(), DbError> {
        auth::touch_session(&self.pool, token_hash).await
    }

    async fn delete_session(&self, token_hash: &str) -> Result<(), DbError> {
        auth::delete_session(&self.pool, token_hash).await
    }

    async fn create_user(
        &self,
        username: &str,
        display_name: &str,
        password_hash: &str,
        roles: &[shared::auth::Role],
    ) -> Result<i64, DbError> {
        auth::create_user(&self.pool, username, display_name, password_hash, roles).await
    }

    async fn append_audit(&self, entry: &AuditEntry) -> Result<i64, DbError> {
        auth::append_audit(&self.pool, entry).await
    }

    async fn audit_rows(&self) -> Result<Vec<AuditRow>, DbError> {
        auth::audit_rows(&self.pool).await
    }

    async fn close(&self) {
        self.closing();
        self.pool.close().await;
    }
}
