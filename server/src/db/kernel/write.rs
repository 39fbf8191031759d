//! The write every feature makes, in the order of habit 3 (`shared/STYLE.md`): who is
//! asking (the write lock taken), may they (a refusal audited here, once), the version
//! they saw (a conflict names who changed it and when), the change recorded in the event
//! log and the audit history, then announce, commit and publish — in that order, here.

use super::audit::append_audit_after;
use super::events::{append_change, StoredChange};
use super::time::now_text;
use super::{cards, Conn, Db};
use crate::db::{DbError, DbResult};
use app::moves::scope;
use app::ports::RepoError;
use app::types::auth::CurrentUser;
use app::types::model::{AuditEntry, BoardCard, CardEvent, MoveAction};
use shared::auth::{authorize, Action, Denied, NominationScope};

/// A stored row that a write must find at the version its author saw.
#[derive(Debug, Clone, Copy)]
pub enum Versioned {
    /// A nomination (no such row: not found).
    Nomination(i64),
    /// A nomination's fostering plan (none yet: version 0).
    Plan(i64),
    /// An account.
    Account(i64),
    Bloc(i64),
    Unit(i64),
    /// A period's list for the City (never saved: version 0).
    Selection {
        campaign_id: i64,
        year: i32,
        period: &'static str,
    },
    /// A campaign's name, decision and years.
    Campaign(i64),
    /// One of a campaign's emulation movements.
    Movement(i64),
    /// A commendation proposal (S-3).
    Commendation(i64),
    /// A campaign year's calendar (never stored: version 0, the plan's defaults).
    CampaignYear {
        campaign_id: i64,
        year: i32,
    },
    /// A campaign's criteria: its latest stored version (none: 0); the conflict names who
    /// stored it.
    Criteria(i64),
    /// A bloc's review of its year (never saved: version 0).
    BlocReview {
        campaign_id: i64,
        year: i32,
        bloc_id: i64,
    },
    /// A recorded conference.
    Conference(i64),
    /// A unit's periodic report of a period (never saved: version 0).
    UnitReport {
        campaign_id: i64,
        year: i32,
        period: &'static str,
        unit_id: i64,
    },
    /// The Department's report of a period (never saved: version 0).
    DepartmentReport {
        campaign_id: i64,
        year: i32,
        period: &'static str,
    },
}

impl Versioned {
    /// The query for (version, updated_by, updated_at), and whether a missing row means
    /// "not made yet" (version 0) rather than "not found".
    fn query(&self) -> (&'static str, bool) {
        match self {
            Versioned::Nomination(_) => (
                "SELECT version, updated_by, updated_at FROM nominations WHERE id = $1",
                false,
            ),
            Versioned::Plan(_) => (
                "SELECT version, updated_by, updated_at FROM fostering_plans
                 WHERE nomination_id = $1",
                true,
            ),
            Versioned::Account(_) => (
                "SELECT version, updated_by, updated_at FROM users WHERE id = $1",
                false,
            ),
            Versioned::Bloc(_) => (
                "SELECT version, updated_by, updated_at FROM blocs WHERE id = $1",
                false,
            ),
            Versioned::Unit(_) => (
                "SELECT version, updated_by, updated_at FROM units WHERE id = $1",
                false,
            ),
            Versioned::Selection { .. } => (
                "SELECT version, updated_by, updated_at FROM selections
                 WHERE campaign_id = $1 AND year = $2 AND period = $3",
                true,
            ),
            Versioned::Campaign(_) => (
                "SELECT version, updated_by, updated_at FROM campaigns WHERE id = $1",
                false,
            ),
            Versioned::Movement(_) => (
                "SELECT version, updated_by, updated_at FROM movements WHERE id = $1",
                false,
            ),
            Versioned::Commendation(_) => (
                "SELECT version, updated_by, updated_at FROM commendation_proposals WHERE id = $1",
                false,
            ),
            Versioned::CampaignYear { .. } => (
                "SELECT version, updated_by, updated_at FROM campaign_years
                 WHERE campaign_id = $1 AND year = $2",
                true,
            ),
            Versioned::Criteria(_) => (
                "SELECT version, created_by, created_at FROM criteria_versions
                 WHERE campaign_id = $1 ORDER BY version DESC LIMIT 1",
                true,
            ),
            Versioned::BlocReview { .. } => (
                "SELECT version, updated_by, updated_at FROM bloc_reviews
                 WHERE campaign_id = $1 AND year = $2 AND bloc_id = $3",
                true,
            ),
            Versioned::Conference(_) => (
                "SELECT version, updated_by, updated_at FROM conferences WHERE id = $1",
                false,
            ),
            Versioned::UnitReport { .. } => (
                "SELECT version, updated_by, updated_at FROM unit_reports
                 WHERE campaign_id = $1 AND year = $2 AND period = $3 AND unit_id = $4",
                true,
            ),
            Versioned::DepartmentReport { .. } => (
                "SELECT version, updated_by, updated_at FROM department_reports
                 WHERE campaign_id = $1 AND year = $2 AND period = $3",
                true,
            ),
        }
    }
}

/// Refuses a stale write: `Conflict` naming who changed the row and when, unless it is
/// still at `expected`. Inside a write transaction, so the answer holds until it commits.
pub async fn expect_version(conn: &mut Conn, row: Versioned, expected: i64) -> DbResult<()> {
    let (sql, absent_is_new) = row.query();
    let query = sqlx::query_as::<Db, (i64, Option<String>, Option<String>)>(sql);
    let query = match row {
        Versioned::Nomination(id)
        | Versioned::Plan(id)
        | Versioned::Account(id)
        | Versioned::Bloc(id)
        | Versioned::Unit(id)
        | Versioned::Criteria(id)
        | Versioned::Movement(id)
        | Versioned::Commendation(id)
        | Versioned::Conference(id)
        | Versioned::Campaign(id) => query.bind(id),
        Versioned::Selection {
            campaign_id,
            year,
            period,
        } => query.bind(campaign_id).bind(year).bind(period),
        Versioned::CampaignYear { campaign_id, year } => query.bind(campaign_id).bind(year),
        Versioned::BlocReview {
            campaign_id,
            year,
            bloc_id,
        } => query.bind(campaign_id).bind(year).bind(bloc_id),
        Versioned::UnitReport {
            campaign_id,
            year,
            period,
            unit_id,
        } => query
            .bind(campaign_id)
            .bind(year)
            .bind(period)
            .bind(unit_id),
        Versioned::DepartmentReport {
            campaign_id,
            year,
            period,
        } => query.bind(campaign_id).bind(year).bind(period),
    };
    let (current, by, at) = match query.fetch_optional(&mut *conn).await? {
        Some(stored) => stored,
        None if absent_is_new => (0, None, None),
        None => return Err(RepoError::NotFound.into()),
    };
    if current != expected {
        return Err(RepoError::Conflict { by, at }.into());
    }
    Ok(())
}

/// One write: a transaction holding the write lock, for one user, that records what it
/// changed and publishes it once committed. Dropped without [`WriteTx::commit`], it
/// rolls back.
pub struct WriteTx<'a> {
    /// None once committed (or rolled back by a refusal).
    tx: Option<sqlx::Transaction<'static, Db>>,
    store: &'a super::super::Backend,
    by: &'a CurrentUser,
    now: String,
    /// What a refusal is recorded against.
    object: (&'static str, Option<String>),
    /// The audit history's last entry (id, hash), once this write has appended one.
    audit_tail: Option<(i64, String)>,
    /// The card events appended, announced and published once committed.
    events: Vec<CardEvent>,
}

impl<'a> WriteTx<'a> {
    /// Who is asking, with the write lock taken: what it reads stays true until it commits.
    pub async fn begin(store: &'a super::super::Backend, by: &'a CurrentUser) -> DbResult<Self> {
        let tx = super::super::begin_write(&store.pool).await?;
        Ok(WriteTx {
            tx: Some(tx),
            store,
            by,
            now: now_text(),
            object: ("", None),
            audit_tail: None,
            events: Vec::new(),
        })
    }

    pub fn by(&self) -> &'a CurrentUser {
        self.by
    }

    /// The time this write is recorded at (one for all it changes).
    pub fn now(&self) -> String {
        self.now.clone()
    }

    /// What a refusal is recorded against, when it is not a card (see [`Self::visible_card`]).
    pub fn about(&mut self, object_type: &'static str, object_id: Option<String>) {
        self.object = (object_type, object_id);
    }

    /// The card, if the asker may see it; one they may not see does not exist for them.
    pub async fn visible_card(&mut self, id: i64) -> DbResult<BoardCard> {
        self.object = ("nomination", Some(id.to_string()));
        let by = self.by;
        cards::visible_card(self, id, by).await
    }

    /// The card the asker may see (see [`Self::visible_card`]), with `action` on it
    /// authorised (see [`Self::authorize`]): `Action::RecordEvaluation`, for instance.
    pub async fn card_for(
        &mut self,
        id: i64,
        action: fn(NominationScope) -> Action,
    ) -> DbResult<BoardCard> {
        let card = self.visible_card(id).await?;
        self.authorize(action(scope(&card))).await?;
        Ok(card)
    }

    /// [`Self::card_for`] of a card still open to change: one carried over into a later
    /// year belongs to that year now, and its old year's record stays as it was (II.3).
    pub async fn open_card_for(
        &mut self,
        id: i64,
        action: fn(NominationScope) -> Action,
    ) -> DbResult<BoardCard> {
        let card = self.card_for(id, action).await?;
        cards::still_open(self, id).await?;
        Ok(card)
    }

    /// May they: a refusal concerns security, so it is recorded in the audit history now
    /// (and the write never happens).
    pub async fn authorize(&mut self, action: Action) -> DbResult<()> {
        match authorize(&self.by.actor(), &action) {
            Ok(()) => Ok(()),
            Err(denied) => Err(self.refuse(action, denied).await),
        }
    }

    /// Refuses `action` for `denied` (a check [`Self::authorize`] cannot make alone, such as
    /// a seat on this year's council): whatever this write did so far is rolled back, and
    /// the refusal is recorded in the audit history in a transaction of its own.
    pub async fn refuse(&mut self, action: Action, denied: Denied) -> DbError {
        tracing::warn!(user = %self.by.username, ?action, ?denied, "refused");
        if let Some(tx) = self.tx.take() {
            let _ = tx.rollback().await;
        }
        let entry = AuditEntry::refusal(self.by, self.object.clone(), &action, denied);
        let recorded = async {
            let mut tx = super::super::begin_write(&self.store.pool).await?;
            append_audit_after(&mut tx, self.store.audit_key.get(), &entry, &mut None).await?;
            tx.commit().await?;
            Ok::<_, DbError>(())
        };
        if let Err(e) = recorded.await {
            tracing::error!(error = %e, "could not record a refusal");
        }
        RepoError::Denied(denied).into()
    }

    /// The version its author saw: `Conflict` (who and when) if the row moved on.
    pub async fn expect_version(&mut self, row: Versioned, expected: i64) -> DbResult<()> {
        expect_version(self, row, expected).await
    }

    /// Records a change of card `id` that leaves it where it is (a plan, an evaluation, a
    /// score): the card as it is now goes into the event log, `detail` into the audit
    /// entry beside it.
    pub async fn changed(
        &mut self,
        action: MoveAction,
        id: i64,
        before: Option<String>,
        detail: serde_json::Value,
    ) -> DbResult<CardEvent> {
        let card = cards::card(self, id).await?;
        let change = StoredChange {
            action,
            by: self.by.display_name.clone(),
            from: card.stage,
            from_position: card.position.clone(),
            from_dropped_from: card.dropped_from,
            reason: None,
            card,
        };
        self.record(change, before, Some(detail)).await
    }

    /// Records `change` of a card (made, edited, moved) in the event log, with `before`
    /// and `detail` in its audit entry.
    pub async fn record(
        &mut self,
        change: StoredChange,
        before: Option<String>,
        detail: Option<serde_json::Value>,
    ) -> DbResult<CardEvent> {
        let (by, now) = (self.by, self.now.clone());
        let mut tail = self.audit_tail.take();
        let tx = self.tx.as_mut().ok_or_else(finished)?;
        let key = self.store.audit_key.get();
        let event = append_change(tx, by, change, before, detail, &now, key, &mut tail).await?;
        self.audit_tail = tail;
        self.events.push(event.clone());
        Ok(event)
    }

    /// Records a change that is not a card's (an account, a bloc, a ballot) in the audit
    /// history.
    pub async fn audited(&mut self, entry: &AuditEntry) -> DbResult<()> {
        let mut tail = self.audit_tail.take();
        let tx = self.tx.as_mut().ok_or_else(finished)?;
        append_audit_after(tx, self.store.audit_key.get(), entry, &mut tail).await?;
        self.audit_tail = tail;
        Ok(())
    }

    /// Announces the last event to the other instances, commits, then publishes the
    /// events to this instance's subscribers; returns them.
    pub async fn commit(mut self) -> DbResult<Vec<CardEvent>> {
        let mut tx = self.tx.take().ok_or_else(finished)?;
        if let Some(last) = self.events.last() {
            super::super::announce(&mut tx, last.seq).await?;
        }
        tx.commit().await?;
        for event in &self.events {
            self.store.publish(event);
        }
        Ok(std::mem::take(&mut self.events))
    }
}

/// A write used after its refusal committed: a bug, reported rather than panicked on.
fn finished() -> DbError {
    RepoError::Unavailable("the write was already committed".into()).into()
}

impl std::ops::Deref for WriteTx<'_> {
    type Target = Conn;

    fn deref(&self) -> &Conn {
        self.tx.as_deref().expect("a write used after it committed")
    }
}

impl std::ops::DerefMut for WriteTx<'_> {
    fn deref_mut(&mut self) -> &mut Conn {
        self.tx
            .as_deref_mut()
            .expect("a write used after it committed")
    }
}
