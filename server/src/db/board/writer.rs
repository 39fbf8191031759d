//! Moves on the board, with group commit: one writer task takes every move waiting in its
//! queue, makes each inside its own savepoint of one write transaction, and
//! commits them together. Durability stays `synchronous=FULL` (one fsync per batch, not
//! per move), a refused move rolls back only its own savepoint, and nobody waits for a
//! batch longer than it takes to write.

use super::super::kernel::audit::append_audit_after;
use super::super::kernel::cards;
use super::super::kernel::criteria;
use super::super::kernel::events::{append_change, StoredChange};
use super::super::kernel::facts;
use super::super::kernel::time::now_text;
use super::super::kernel::write::{expect_version, Versioned};
use super::super::kernel::years::campaign_year;
use super::super::{Conn, Pool};
use crate::db::{DbError, DbResult};
use app::moves::{dropped_from_after, precheck, scope};
use app::ports::{RepoError, RepoResult};
use app::types::auth::CurrentUser;
use app::types::model::{AuditEntry, BoardCard, CardEvent, MoveAction, MoveRequest, Place};
use chrono::NaiveDate;
use shared::auth::{authorize, Action};
use shared::domain::{CampaignYear, Evaluation, Position, Profile, Stage};
use shared::rules::transition::{check_move, MoveFacts, MoveKind};
use shared::rules::{Violation, ViolationKind};
use std::collections::BTreeMap;
use std::sync::Arc;
use tokio::sync::{broadcast, mpsc, oneshot};

/// The most moves committed together.
const MAX_BATCH: usize = 512;
/// How long after a move its author may undo it (the board offers it for 10 seconds).
const UNDO_WINDOW_SECONDS: i64 = 60;
/// Positions longer than this get their column renumbered.
const MAX_POSITION_CHARS: usize = 40;

pub struct MoveJob {
    pub user: CurrentUser,
    pub request: MoveRequest,
    pub today: NaiveDate,
    /// The answer crosses to the port here: converted once into `RepoError`.
    pub reply: oneshot::Sender<RepoResult<CardEvent>>,
}

/// Starts the writer; it stops when every sender is dropped.
pub fn spawn_writer(
    pool: Pool,
    live: broadcast::Sender<Arc<CardEvent>>,
    audit_key: Arc<std::sync::OnceLock<crate::audit::ChainKey>>,
) -> mpsc::Sender<MoveJob> {
    let (tx, mut rx) = mpsc::channel::<MoveJob>(4096);
    tokio::spawn(async move {
        while let Some(first) = rx.recv().await {
            let mut batch = vec![first];
            while batch.len() < MAX_BATCH {
                match rx.try_recv() {
                    Ok(job) => batch.push(job),
                    Err(_) => break,
                }
            }
            let key = audit_key.get().cloned();
            run_batch(&pool, &live, key, batch).await;
        }
    });
    tx
}

async fn exec(conn: &mut Conn, sql: &'static str) -> DbResult<()> {
    sqlx::query(sql)
        .execute(&mut *conn)
        .await
        .map(|_| ())
        .map_err(DbError::from)
}

fn fail_all(batch: Vec<MoveJob>, e: &DbError) {
    tracing::error!(error = %e, moves = batch.len(), "a batch of moves failed");
    let e = RepoError::Unavailable(e.to_string());
    for job in batch {
        let _ = job.reply.send(Err(e.clone()));
    }
}

async fn run_batch(
    pool: &Pool,
    live: &broadcast::Sender<Arc<CardEvent>>,
    audit_key: Option<crate::audit::ChainKey>,
    batch: Vec<MoveJob>,
) {
    let mut conn = match pool.acquire().await {
        Ok(c) => c,
        Err(e) => return fail_all(batch, &DbError::from(e)),
    };
    if let Err(e) = super::super::begin_write_on(&mut conn)
        .await
        .map_err(DbError::from)
    {
        return fail_all(batch, &e);
    }
    let mut results = Vec::with_capacity(batch.len());
    let mut state = Batch {
        audit_key,
        ..Batch::default()
    };
    // Each move in a savepoint of its own, let go when the next move's begins (one
    // statement for both: each statement is a round trip to the database) or when the
    // batch commits.
    let mut savepoint_open = false;
    for job in &batch {
        let outcome = async {
            if savepoint_open {
                sqlx::raw_sql("RELEASE SAVEPOINT move; SAVEPOINT move")
                    .execute(&mut *conn)
                    .await?;
            } else {
                exec(&mut conn, "SAVEPOINT move").await?;
                savepoint_open = true;
            }
            // What the batch knew stays true only if this move's writes stay.
            let known = (state.audit_tail.clone(), state.last_seq);
            let r = apply(&mut conn, job, &mut state).await;
            if r.is_err() {
                exec(&mut conn, "ROLLBACK TO SAVEPOINT move").await?;
                (state.audit_tail, state.last_seq) = known;
            }
            // A refusal is recorded after its move is undone; it stays with the batch.
            if let Err(DbError::Port(RepoError::Denied(denied))) = &r {
                record_refusal(&mut conn, job, *denied, &mut state).await?;
            }
            Ok::<_, DbError>(r)
        }
        .await;
        match outcome {
            Ok(r) => results.push(r),
            Err(e) => {
                let _ = exec(&mut conn, "ROLLBACK").await;
                return fail_all(batch, &e);
            }
        }
    }
    let announced = match state.last_seq {
        Some(seq) => super::super::announce(&mut conn, seq)
            .await
            .map_err(DbError::from),
        None => Ok(()),
    };
    if let Err(e) = announced {
        let _ = exec(&mut conn, "ROLLBACK").await;
        return fail_all(batch, &e);
    }
    if let Err(e) = exec(&mut conn, "COMMIT").await {
        let _ = exec(&mut conn, "ROLLBACK").await;
        return fail_all(batch, &e);
    }
    drop(conn);
    for (job, result) in batch.into_iter().zip(results) {
        if let Ok(event) = &result {
            super::super::publish(live, event);
        }
        let _ = job.reply.send(result.map_err(RepoError::from));
    }
}

/// What a batch learns once and reuses for its later moves. The batch holds the write
/// lock (every instance's writes wait for it), so none of it can change underneath.
#[derive(Default)]
struct Batch {
    /// The audit history's last entry (id, hash), once read or written by the batch.
    audit_tail: Option<(i64, String)>,
    /// What the audit history is keyed with (see `audit::ChainKey`).
    audit_key: Option<crate::audit::ChainKey>,
    /// The campaign years' calendars read so far.
    calendars: std::collections::HashMap<(i64, i32), CampaignYear>,
    /// The campaign years' criteria read so far.
    criteria: std::collections::HashMap<(i64, i32), shared::domain::CriteriaSet>,
    /// The last event the batch appended: announced once, at the end.
    last_seq: Option<i64>,
}

/// A refused permission concerns security: it is recorded like every other refusal.
async fn record_refusal(
    conn: &mut Conn,
    job: &MoveJob,
    denied: shared::auth::Denied,
    state: &mut Batch,
) -> DbResult<()> {
    let object = ("nomination", Some(job.request.id.to_string()));
    let entry = AuditEntry::refusal(&job.user, object, &job.request, denied);
    append_audit_after(
        conn,
        state.audit_key.as_ref(),
        &entry,
        &mut state.audit_tail,
    )
    .await
    .map(|_| ())
    .map_err(|e| RepoError::Unavailable(e.to_string()).into())
}

/// The stored facts a move's rules are judged on that the card does not carry.
struct Record {
    campaign_id: i64,
    year: i32,
    profile: String,
}

async fn apply(conn: &mut Conn, job: &MoveJob, state: &mut Batch) -> DbResult<CardEvent> {
    let request = &job.request;
    let actor = job.user.actor();
    let moving = cards::card_for_move(conn, request.id).await?;
    // A card the user may not see does not exist for them.
    if authorize(&actor, &Action::ViewNomination(scope(&moving.card))).is_err() {
        return Err(RepoError::NotFound.into());
    }
    if moving.card.version != request.version {
        // Stale: the conflict names who moved it on, and when.
        expect_version(conn, Versioned::Nomination(request.id), request.version).await?;
    }
    // A card carried into a later year is that year's now: neither moved nor undone here.
    moving.still_open()?;
    let cards::Moving {
        card,
        campaign_id,
        profile,
        ..
    } = moving;
    let record = Record {
        campaign_id,
        year: card.year,
        profile,
    };
    if let Some(seq) = request.undo_of {
        return undo(conn, job, card, seq, state).await;
    }
    let kind = precheck(&actor, &card, request.to)?;
    if let Some(kind) = kind {
        check_rules(conn, job, &card, &record, kind, state).await?;
    }
    let position = place(conn, &card, &record, request.to, request.place).await?;
    let moved = BoardCard {
        stage: request.to,
        dropped_from: dropped_from_after(card.stage, request.to, card.dropped_from),
        position,
        version: card.version + 1,
        ..card.clone()
    };
    let action = if kind.is_some() {
        MoveAction::Move
    } else {
        MoveAction::Reorder
    };
    write(conn, job, action, &card, moved, state).await
}

async fn check_rules(
    conn: &mut Conn,
    job: &MoveJob,
    card: &BoardCard,
    record: &Record,
    kind: MoveKind,
    state: &mut Batch,
) -> DbResult<()> {
    let to = job.request.to;
    let profile: Profile = serde_json::from_str(&record.profile)
        .map_err(|e| RepoError::Unavailable(format!("nomination {}: bad profile: {e}", card.id)))?;
    let registering = kind == MoveKind::Forward && to == Stage::Registered;
    let evidence: BTreeMap<String, String> = if registering {
        sqlx::query_as(
            "SELECT criterion_code, evidence FROM nomination_evidence WHERE nomination_id = $1",
        )
        .bind(card.id)
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .collect()
    } else {
        BTreeMap::new()
    };
    let linked_collective_stage = if registering {
        let (campaign_year, unit) = ((record.campaign_id, record.year), card.unit_id);
        facts::linked_collective_stage(conn, &profile, unit, campaign_year).await?
    } else {
        None
    };
    let key = (record.campaign_id, record.year);
    let calendar = match state.calendars.get(&key) {
        Some(calendar) => calendar.clone(),
        None => {
            let calendar = campaign_year(conn, record.campaign_id, record.year).await?;
            state.calendars.insert(key, calendar.clone());
            calendar
        }
    };
    // The year's criteria decide the evidence registration needs (S-1).
    let criteria = if kind == MoveKind::Forward && to == Stage::Registered {
        match state.criteria.get(&key) {
            Some(set) => set.clone(),
            None => {
                let (_, set) = criteria::of_year(conn, record.campaign_id, record.year).await?;
                state.criteria.insert(key, set.clone());
                set
            }
        }
    } else {
        shared::domain::CriteriaSet::default()
    };
    let (plan, plan_approved) = if kind == MoveKind::Forward && to == Stage::Fostering {
        match facts::plan(conn, card.id).await? {
            Some(stored) => (Some(stored.plan), stored.approved_at.is_some()),
            None => (None, false),
        }
    } else {
        (None, false)
    };
    let evaluations: Vec<Evaluation> =
        if kind == MoveKind::Forward && matches!(to, Stage::Evaluating | Stage::Replicated) {
            facts::evaluations(conn, card.id)
                .await?
                .into_iter()
                .map(|e| e.evaluation)
                .collect()
        } else {
            Vec::new()
        };
    let facts = MoveFacts {
        profile: &profile,
        evidence: &evidence,
        criteria: criteria.of(profile.kind()),
        nomination_year: record.year,
        today: job.today,
        calendar: &calendar,
        fostering_plan: plan.as_ref(),
        plan_approved,
        evaluations: &evaluations,
        linked_collective_stage,
        dropped_from: card.dropped_from,
    };
    check_move(card.stage, to, job.request.reason.as_deref(), &facts)
        .map(|_| ())
        .map_err(|v| RepoError::Rules(v).into())
}

/// The position for a card arriving in column `to` at `place`.
async fn place(
    conn: &mut Conn,
    card: &BoardCard,
    record: &Record,
    to: Stage,
    place: Place,
) -> DbResult<Position> {
    for attempt in 0..2 {
        // The anchor's position and the next one's, in one statement (each is a round trip
        // to the database's thread inside the board's write).
        let anchor_id = match place {
            Place::Top => None,
            Place::After(id) => Some(id),
        };
        let (anchor, next): (Option<String>, Option<String>) = sqlx::query_as(
            "SELECT a.position,
                    (SELECT n.position FROM nominations n
                     WHERE n.campaign_id = $3 AND n.year = $4 AND n.stage = $5 AND n.id <> $2
                       AND n.position > COALESCE(a.position, '')
                     ORDER BY n.position, n.id LIMIT 1)
             FROM (SELECT (SELECT position FROM nominations
                           WHERE id = $1 AND id <> $2 AND campaign_id = $3 AND year = $4
                             AND stage = $5) AS position) a",
        )
        .bind(anchor_id)
        .bind(card.id)
        .bind(record.campaign_id)
        .bind(record.year)
        .bind(to.code())
        .fetch_one(&mut *conn)
        .await?;
        let parse = |s: String| {
            Position::try_from(s).map_err(|_| RepoError::Unavailable("bad position".into()))
        };
        let anchor = anchor.map(parse).transpose()?;
        let next = next.map(parse).transpose()?;
        let position = match (anchor, next) {
            (None, None) => Some(Position::first()),
            (None, Some(next)) => Some(next.before()),
            (Some(anchor), None) => Some(anchor.after()),
            (Some(anchor), Some(next)) => Position::between(&anchor, &next),
        };
        match position {
            Some(p) if p.as_str().len() <= MAX_POSITION_CHARS || attempt == 1 => return Ok(p),
            _ => renumber(conn, record, to, card.id).await?,
        }
    }
    Err(RepoError::Unavailable("could not place the card".into()).into())
}

/// Gives a column's cards short, evenly spaced positions again, keeping their order.
async fn renumber(conn: &mut Conn, record: &Record, stage: Stage, except: i64) -> DbResult<()> {
    let ids: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM nominations WHERE campaign_id = $1 AND year = $2 AND stage = $3 AND id <> $4
         ORDER BY position, id",
    )
    .bind(record.campaign_id)
    .bind(record.year)
    .bind(stage.code())
    .bind(except)
    .fetch_all(&mut *conn)
    .await?;
    tracing::info!(
        stage = stage.code(),
        cards = ids.len(),
        "renumbering a column"
    );
    for (id, position) in ids.iter().zip(Position::sequence(ids.len())) {
        sqlx::query("UPDATE nominations SET position = $1 WHERE id = $2")
            .bind(position.as_str())
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

async fn undo(
    conn: &mut Conn,
    job: &MoveJob,
    card: BoardCard,
    seq: i64,
    state: &mut Batch,
) -> DbResult<CardEvent> {
    let unavailable_undo =
        || RepoError::Rules(vec![Violation::new("II.3", ViolationKind::UndoUnavailable)]);
    authorize(&job.user.actor(), &Action::EditNomination(scope(&card)))
        .map_err(RepoError::Denied)?;
    let row: Option<(Option<i64>, String, String)> = sqlx::query_as(
        "SELECT actor_id, at, payload FROM events WHERE id = $1 AND nomination_id = $2",
    )
    .bind(seq)
    .bind(card.id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((actor_id, at, payload)) = row else {
        return Err(unavailable_undo().into());
    };
    let change: StoredChange = serde_json::from_str(&payload).map_err(|_| unavailable_undo())?;
    let recent = chrono::DateTime::parse_from_rfc3339(&at).is_ok_and(|t| {
        chrono::Utc::now() - t.with_timezone(&chrono::Utc)
            < chrono::Duration::seconds(UNDO_WINDOW_SECONDS)
    });
    if actor_id != Some(job.user.user_id)
        || !matches!(change.action, MoveAction::Move | MoveAction::Reorder)
        || change.card.version != card.version
        || !recent
    {
        return Err(unavailable_undo().into());
    }
    let restored = BoardCard {
        stage: change.from,
        position: change.from_position,
        dropped_from: change.from_dropped_from,
        version: card.version + 1,
        ..card.clone()
    };
    write(conn, job, MoveAction::Undo, &card, restored, state).await
}

/// Writes the changed card, its event and its audit entry.
async fn write(
    conn: &mut Conn,
    job: &MoveJob,
    action: MoveAction,
    before: &BoardCard,
    after: BoardCard,
    state: &mut Batch,
) -> DbResult<CardEvent> {
    let now = now_text();
    let updated = sqlx::query(
        "UPDATE nominations
         SET stage = $1, position = $2, dropped_from = $3, version = $4, updated_at = $5, updated_by = $6
         WHERE id = $7 AND version = $8",
    )
    .bind(after.stage.code())
    .bind(after.position.as_str())
    .bind(after.dropped_from.map(Stage::code))
    .bind(after.version)
    .bind(&now)
    .bind(&job.user.display_name)
    .bind(after.id)
    .bind(before.version)
    .execute(&mut *conn)
    .await?;
    if updated.rows_affected() != 1 {
        return Err(RepoError::Conflict { by: None, at: None }.into());
    }
    let reason = job
        .request
        .reason
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(str::to_string);
    let audit_before =
        serde_json::json!({ "stage": before.stage.code(), "version": before.version }).to_string();
    let change = StoredChange {
        action,
        by: job.user.display_name.clone(),
        from: before.stage,
        from_position: before.position.clone(),
        from_dropped_from: before.dropped_from,
        reason,
        card: after,
    };
    let event = append_change(
        conn,
        &job.user,
        change,
        Some(audit_before),
        None,
        &now,
        state.audit_key.as_ref(),
        &mut state.audit_tail,
    )
    .await?;
    state.last_seq = Some(event.seq);
    Ok(event)
}
