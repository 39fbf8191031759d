//! The council's scoring on SQLite (S-2). Every check — membership of this year's council,
//! recusal, a declared conflict, a submitted sheet, the criterion, the score's range — is
//! made on the stored data inside the transaction that writes.

use super::auth::now_text;
use super::board::{self, resolve_year};
use super::{Conn, Pool};
use crate::db::{DbError, DbResult};
use app::auth::CurrentUser;
use app::council::{
    BallotItem, BallotView, CityDecision, CouncilList, CouncilRow, MemberProgress, OtherSheet,
    SheetChange, SheetCriterion, SheetState, SheetView,
};
use app::model::{BoardQuery, CardEvent, MoveAction};
use app::moves::scope;
use chrono::NaiveDate;
use shared::auth::{authorize, Action, Denied, Role};
use shared::domain::{scored_criteria, NomineeKind, Score, Stage};
use shared::rules::city::check_city_decision;
use shared::rules::council::{
    aggregate, ballot_result, check_conflict_reason, check_pass_share, check_score_entry,
    check_sheet_open, check_submit, check_vote, rank, weighted_score_milli, Aggregate, Scoresheet,
    DEFAULT_PASS_SHARE_PCT,
};
use shared::rules::{Violation, ViolationKind};
use std::collections::{BTreeMap, HashMap};

/// A member of this year's council.
struct Member {
    id: i64,
    name: String,
    unit_id: Option<i64>,
}

/// One stored sheet.
#[derive(Default, Clone)]
struct Sheet {
    submitted: bool,
    conflict: Option<String>,
    scores: BTreeMap<String, Score>,
    comments: BTreeMap<String, String>,
}

#[derive(sqlx::FromRow)]
struct NomineeRow {
    id: i64,
    name: String,
    kind: String,
    unit_id: i64,
    unit_name: String,
    bloc_id: i64,
    bloc_name: String,
    stage: String,
}

struct Nominee {
    id: i64,
    name: String,
    kind: NomineeKind,
    unit_id: i64,
    unit_name: String,
    bloc_id: i64,
    bloc_name: String,
    stage: Stage,
}

async fn members(conn: &mut Conn, campaign_id: i64) -> DbResult<Vec<Member>> {
    let rows: Vec<(i64, String, Option<i64>)> = sqlx::query_as(
        "SELECT u.id, u.display_name, u.unit_id FROM council_members cm
         JOIN users u ON u.id = cm.user_id WHERE cm.campaign_id = $1 ORDER BY u.id",
    )
    .bind(campaign_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, unit_id)| Member { id, name, unit_id })
        .collect())
}

/// The sheets of the given nominations, by (nomination, member).
async fn sheets(
    conn: &mut Conn,
    campaign_id: i64,
    year: i32,
    only: Option<i64>,
) -> DbResult<HashMap<(i64, i64), Sheet>> {
    let heads: Vec<(i64, i64, Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT s.nomination_id, s.member_id, s.submitted_at, s.conflict_reason
         FROM scoresheets s JOIN nominations n ON n.id = s.nomination_id
         WHERE n.campaign_id = $1 AND n.year = $2 AND ($3 IS NULL OR n.id = $4)",
    )
    .bind(campaign_id)
    .bind(year)
    .bind(only)
    .bind(only)
    .fetch_all(&mut *conn)
    .await?;
    let mut out: HashMap<(i64, i64), Sheet> = heads
        .into_iter()
        .map(|(n, m, submitted, conflict)| {
            (
                (n, m),
                Sheet {
                    submitted: submitted.is_some(),
                    conflict,
                    ..Sheet::default()
                },
            )
        })
        .collect();
    let rows: Vec<(i64, i64, String, Option<i64>, String)> = sqlx::query_as(
        "SELECT s.nomination_id, s.member_id, s.criterion_code, s.score, s.comment
         FROM scores s JOIN nominations n ON n.id = s.nomination_id
         WHERE n.campaign_id = $1 AND n.year = $2 AND ($3 IS NULL OR n.id = $4)",
    )
    .bind(campaign_id)
    .bind(year)
    .bind(only)
    .bind(only)
    .fetch_all(&mut *conn)
    .await?;
    for (n, m, code, score, comment) in rows {
        let sheet = out.entry((n, m)).or_default();
        if let Some(score) = score.and_then(|s| Score::new(s).ok()) {
            sheet.scores.insert(code.clone(), score);
        }
        if !comment.is_empty() {
            sheet.comments.insert(code, comment);
        }
    }
    Ok(out)
}

async fn nominees(
    conn: &mut Conn,
    campaign_id: i64,
    year: i32,
    only: Option<i64>,
) -> DbResult<Vec<Nominee>> {
    let rows: Vec<NomineeRow> = sqlx::query_as(
        "SELECT n.id, n.nominee_name AS name, n.kind, u.id AS unit_id, u.name AS unit_name,
             b.id AS bloc_id, b.name AS bloc_name, n.stage
         FROM nominations n JOIN units u ON u.id = n.unit_id JOIN blocs b ON b.id = u.bloc_id
         WHERE n.campaign_id = $1 AND n.year = $2 AND ($3 IS NULL OR n.id = $4)
           AND n.stage NOT IN ('discovered', 'dropped')
         ORDER BY n.id",
    )
    .bind(campaign_id)
    .bind(year)
    .bind(only)
    .bind(only)
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(|r| {
            let id = r.id;
            let corrupt = || DbError::Unavailable(format!("nomination {id}: bad kind or stage"));
            Ok(Nominee {
                id,
                name: r.name,
                kind: NomineeKind::from_code(&r.kind).ok_or_else(corrupt)?,
                unit_id: r.unit_id,
                unit_name: r.unit_name,
                bloc_id: r.bloc_id,
                bloc_name: r.bloc_name,
                stage: Stage::from_code(&r.stage).ok_or_else(corrupt)?,
            })
        })
        .collect()
}

/// The aggregate of one nomination: complete sheets of the members who may score it
/// (not recused, no conflict declared).
fn aggregate_of(n: &Nominee, members: &[Member], sheets: &HashMap<(i64, i64), Sheet>) -> Aggregate {
    let council: Vec<(i64, Option<i64>)> = members
        .iter()
        .filter(|m| {
            sheets
                .get(&(n.id, m.id))
                .is_none_or(|s| s.conflict.is_none())
        })
        .map(|m| (m.id, m.unit_id))
        .collect();
    let list: Vec<Scoresheet> = members
        .iter()
        .filter_map(|m| {
            let s = sheets.get(&(n.id, m.id))?;
            s.conflict.is_none().then(|| Scoresheet {
                member_id: m.id,
                member_unit_id: m.unit_id,
                scores: s.scores.clone(),
            })
        })
        .collect();
    aggregate(n.id, n.kind, n.unit_id, &council, &list)
}

fn state_of(n: &Nominee, me: &Member, sheet: Option<&Sheet>) -> SheetState {
    if me.unit_id == Some(n.unit_id) {
        return SheetState::Recused;
    }
    match sheet {
        Some(s) if s.conflict.is_some() => SheetState::Conflict {
            reason: s.conflict.clone().unwrap_or_default(),
        },
        Some(s) if s.submitted => SheetState::Submitted,
        _ => SheetState::Open {
            scored: sheet.map_or(0, |s| {
                scored_criteria(n.kind)
                    .filter(|c| s.scores.contains_key(c.code))
                    .count() as u32
            }),
            total: scored_criteria(n.kind).count() as u32,
        },
    }
}

/// Who is asking: a member of this year's council, the office, or nobody allowed.
enum Viewer<'a> {
    Member(&'a Member),
    Office,
}

fn viewer<'a>(user: &CurrentUser, members: &'a [Member]) -> DbResult<Viewer<'a>> {
    if let Some(me) = members.iter().find(|m| m.id == user.user_id) {
        return Ok(Viewer::Member(me));
    }
    if user.actor().has(Role::CouncilOffice) {
        return Ok(Viewer::Office);
    }
    Err(DbError::Denied(Denied::Role))
}

pub async fn list(pool: &Pool, user: &CurrentUser, today: NaiveDate) -> DbResult<CouncilList> {
    use chrono::Datelike;
    let mut tx = super::begin_read(pool).await?;
    let (campaign_id, campaign_name, year, _, _) =
        resolve_year(&mut tx, &BoardQuery { year: None }, today.year()).await?;
    let members = members(&mut tx, campaign_id).await?;
    let viewer = viewer(user, &members)?;
    let nominees = nominees(&mut tx, campaign_id, year, None).await?;
    let sheets = sheets(&mut tx, campaign_id, year, None).await?;
    let seq: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM events")
        .fetch_one(&mut *tx)
        .await?;
    let quota = super::moves::campaign_year(&mut tx, campaign_id, year)
        .await?
        .city_quota;
    let decision = decision(&mut tx, campaign_id, year).await?;
    let ballot = {
        let me = match &viewer {
            Viewer::Member(m) => Some(*m),
            Viewer::Office => None,
        };
        ballot_view(&mut tx, campaign_id, year, &members, me).await?
    };
    tx.commit().await?;

    let aggregates: Vec<Aggregate> = nominees
        .iter()
        .map(|n| aggregate_of(n, &members, &sheets))
        .collect();
    // Only what has been scored is ranked.
    let ranks: HashMap<i64, usize> = rank(
        aggregates
            .iter()
            .filter(|a| a.total_milli.is_some())
            .cloned()
            .collect(),
    )
    .into_iter()
    .enumerate()
    .map(|(i, a)| (a.nomination_id, i + 1))
    .collect();
    let rows = nominees
        .iter()
        .zip(aggregates)
        .map(|(n, agg)| {
            let mine = match &viewer {
                Viewer::Office => SheetState::Office,
                Viewer::Member(me) => state_of(n, me, sheets.get(&(n.id, me.id))),
            };
            // Blind until submitted: a member sees the totals of what they have submitted.
            let shown = matches!(mine, SheetState::Office | SheetState::Submitted);
            CouncilRow {
                id: n.id,
                name: n.name.clone(),
                kind: n.kind,
                unit_name: n.unit_name.clone(),
                bloc_id: n.bloc_id,
                bloc_name: n.bloc_name.clone(),
                stage: n.stage,
                rank: shown.then(|| ranks.get(&n.id).copied()).flatten(),
                aggregate: shown.then_some(agg),
                mine,
            }
        })
        .collect();
    let members = match viewer {
        Viewer::Office => members
            .iter()
            .map(|m| {
                let mut total = 0;
                let mut submitted = 0;
                for n in &nominees {
                    match state_of(n, m, sheets.get(&(n.id, m.id))) {
                        SheetState::Submitted => {
                            total += 1;
                            submitted += 1;
                        }
                        SheetState::Open { .. } => total += 1,
                        _ => {}
                    }
                }
                MemberProgress {
                    name: m.name.clone(),
                    submitted,
                    total,
                }
            })
            .collect(),
        Viewer::Member(_) => Vec::new(),
    };
    Ok(CouncilList {
        ballot,
        quota,
        decision,
        today,
        seq,
        year,
        campaign_name,
        rows,
        is_office: matches!(viewer, Viewer::Office),
        members,
    })
}

/// The nomination's campaign and year, if the council may see it.
async fn nominee_of(conn: &mut Conn, id: i64) -> DbResult<(Nominee, i64, i32)> {
    let (campaign_id, year): (i64, i32) =
        sqlx::query_as("SELECT campaign_id, year FROM nominations WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?
            .ok_or(DbError::NotFound)?;
    let nominee = nominees(conn, campaign_id, year, Some(id))
        .await?
        .into_iter()
        .next()
        .ok_or(DbError::NotFound)?;
    Ok((nominee, campaign_id, year))
}

pub async fn sheet(pool: &Pool, id: i64, user: &CurrentUser) -> DbResult<SheetView> {
    let mut tx = super::begin_read(pool).await?;
    let (n, campaign_id, year) = nominee_of(&mut tx, id).await?;
    let members = members(&mut tx, campaign_id).await?;
    let viewer = viewer(user, &members)?;
    let sheets = sheets(&mut tx, campaign_id, year, Some(id)).await?;
    let seq: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM events")
        .fetch_one(&mut *tx)
        .await?;
    tx.commit().await?;
    let (state, own) = match &viewer {
        Viewer::Office => (SheetState::Office, None),
        Viewer::Member(me) => {
            let own = sheets.get(&(id, me.id));
            (state_of(&n, me, own), own)
        }
    };
    let criteria = match viewer {
        Viewer::Member(_) => scored_criteria(n.kind)
            .map(|c| SheetCriterion {
                code: c.code.to_string(),
                weight: c.weight,
                score: own.and_then(|s| s.scores.get(c.code)).map(|s| s.value()),
                comment: own
                    .and_then(|s| s.comments.get(c.code))
                    .cloned()
                    .unwrap_or_default(),
            })
            .collect(),
        Viewer::Office => Vec::new(),
    };
    // Blind until submitted: nothing of the others before one's own sheet is in.
    let shown = matches!(state, SheetState::Office | SheetState::Submitted);
    let others = shown.then(|| {
        members
            .iter()
            .filter(|m| m.id != user.user_id && m.unit_id != Some(n.unit_id))
            .map(|m| {
                let s = sheets.get(&(id, m.id)).cloned().unwrap_or_default();
                OtherSheet {
                    member: m.name.clone(),
                    submitted: s.submitted,
                    conflict: s.conflict.is_some(),
                    total_milli: weighted_score_milli(
                        n.kind,
                        &Scoresheet {
                            member_id: m.id,
                            member_unit_id: m.unit_id,
                            scores: s.scores.clone(),
                        },
                    ),
                    scores: s
                        .scores
                        .iter()
                        .map(|(k, v)| (k.clone(), v.value()))
                        .collect(),
                }
            })
            .collect()
    });
    let aggregate = shown.then(|| aggregate_of(&n, &members, &sheets));
    Ok(SheetView {
        seq,
        id,
        name: n.name,
        kind: n.kind,
        unit_name: n.unit_name,
        stage: n.stage,
        state,
        criteria,
        others,
        aggregate,
    })
}

/// Changes the member's own sheet, checked on the stored data, and recorded.
pub async fn change(
    pool: &Pool,
    id: i64,
    change: &SheetChange,
    user: &CurrentUser,
) -> DbResult<(SheetState, app::model::CardEvent)> {
    let mut tx = super::begin_write(pool).await?;
    let card = board::card(&mut tx, id).await?;
    let (n, campaign_id, year) = nominee_of(&mut tx, id).await?;
    authorize(&user.actor(), &Action::Score(scope(&card))).map_err(DbError::Denied)?;
    let members = members(&mut tx, campaign_id).await?;
    // Only members seated on this year's council score.
    let me = members
        .iter()
        .find(|m| m.id == user.user_id)
        .ok_or(DbError::Denied(Denied::Role))?;
    if decision(&mut tx, campaign_id, year).await?.is_some() {
        return Err(DbError::Rules(vec![Violation::new(
            "S-2",
            ViolationKind::CouncilClosed,
        )]));
    }
    let sheets = sheets(&mut tx, campaign_id, year, Some(id)).await?;
    let own = sheets.get(&(id, me.id)).cloned().unwrap_or_default();
    check_sheet_open(own.submitted, own.conflict.is_some()).map_err(|v| DbError::Rules(vec![v]))?;
    let now = now_text();
    sqlx::query(
        "INSERT INTO scoresheets (nomination_id, member_id, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (nomination_id, member_id) DO UPDATE SET updated_at = excluded.updated_at",
    )
    .bind(id)
    .bind(me.id)
    .bind(&now)
    .execute(&mut *tx)
    .await?;
    let (action, detail) = match change {
        SheetChange::Score {
            criterion,
            score,
            comment,
        } => {
            let (criterion, score, comment) = (criterion.as_str(), *score, comment.as_str());
            check_score_entry(n.kind, criterion, comment).map_err(DbError::Rules)?;
            let score = score
                .map(Score::new)
                .transpose()
                .map_err(DbError::Invalid)?;
            sqlx::query(
                "INSERT INTO scores (nomination_id, member_id, criterion_code, score, comment,
                     updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6)
                 ON CONFLICT (nomination_id, member_id, criterion_code) DO UPDATE SET
                     score = excluded.score, comment = excluded.comment,
                     updated_at = excluded.updated_at",
            )
            .bind(id)
            .bind(me.id)
            .bind(criterion)
            .bind(score.map(|s| i64::from(s.value())))
            .bind(comment.trim())
            .bind(&now)
            .execute(&mut *tx)
            .await?;
            (
                MoveAction::Score,
                serde_json::json!({ "criterion": criterion, "score": score.map(|s| s.value()) }),
            )
        }
        SheetChange::Submit => {
            check_submit(n.kind, &own.scores).map_err(DbError::Rules)?;
            sqlx::query(
                "UPDATE scoresheets SET submitted_at = $1 WHERE nomination_id = $2 AND member_id = $3",
            )
            .bind(&now)
            .bind(id)
            .bind(me.id)
            .execute(&mut *tx)
            .await?;
            let scores: BTreeMap<&String, u8> =
                own.scores.iter().map(|(k, v)| (k, v.value())).collect();
            (
                MoveAction::SubmitSheet,
                serde_json::json!({ "scores": scores }),
            )
        }
        SheetChange::Conflict { reason } => {
            let reason = check_conflict_reason(reason).map_err(DbError::Rules)?;
            sqlx::query(
                "UPDATE scoresheets SET conflict_reason = $1 WHERE nomination_id = $2 AND member_id = $3",
            )
            .bind(&reason)
            .bind(id)
            .bind(me.id)
            .execute(&mut *tx)
            .await?;
            (
                MoveAction::DeclareConflict,
                serde_json::json!({ "reason": reason }),
            )
        }
    };
    // Recorded in the event log and the audit history with the card (scores themselves
    // stay in the audit entry's detail, which only auditors read), and published, so that
    // the council's pages follow live.
    let event = super::fostering::record(&mut tx, user, action, card, None, detail, &now).await?;
    let after = sheets_after(&mut tx, campaign_id, year, id, me.id).await?;
    tx.commit().await?;
    Ok((state_of(&n, me, Some(&after)), event))
}

async fn sheets_after(
    conn: &mut Conn,
    campaign_id: i64,
    year: i32,
    id: i64,
    member: i64,
) -> DbResult<Sheet> {
    Ok(sheets(conn, campaign_id, year, Some(id))
        .await?
        .remove(&(id, member))
        .unwrap_or_default())
}

/// The year's decision for the City, if taken.
async fn decision(conn: &mut Conn, campaign_id: i64, year: i32) -> DbResult<Option<CityDecision>> {
    let head: Option<(NaiveDate, String, String)> = sqlx::query_as(
        "SELECT decided_on, recorded_by, recorded_at FROM city_decisions
         WHERE campaign_id = $1 AND year = $2",
    )
    .bind(campaign_id)
    .bind(year)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((decided_on, recorded_by, recorded_at)) = head else {
        return Ok(None);
    };
    let nominations: Vec<i64> = sqlx::query_scalar(
        "SELECT nomination_id FROM city_decision_items WHERE campaign_id = $1 AND year = $2
         ORDER BY nomination_id",
    )
    .bind(campaign_id)
    .bind(year)
    .fetch_all(&mut *conn)
    .await?;
    Ok(Some(CityDecision {
        decided_on,
        recorded_by,
        recorded_at,
        nominations,
    }))
}

/// S-2: records the year's models for the City, sets the City badge on exactly them, and
/// closes the year's scoring.
pub async fn decide(
    pool: &Pool,
    decided_on: NaiveDate,
    ids: &[i64],
    user: &CurrentUser,
    today: NaiveDate,
) -> DbResult<Vec<CardEvent>> {
    use chrono::Datelike;
    authorize(&user.actor(), &Action::SelectForCity).map_err(DbError::Denied)?;
    let mut tx = super::begin_write(pool).await?;
    let (campaign_id, _, year, _, _) =
        resolve_year(&mut tx, &BoardQuery { year: None }, today.year()).await?;
    let calendar = super::moves::campaign_year(&mut tx, campaign_id, year).await?;
    let decided = decision(&mut tx, campaign_id, year).await?.is_some();
    let mut chosen = Vec::new();
    for id in ids {
        let stage: Option<String> = sqlx::query_scalar(
            "SELECT stage FROM nominations WHERE id = $1 AND campaign_id = $2 AND year = $3",
        )
        .bind(id)
        .bind(campaign_id)
        .bind(year)
        .fetch_optional(&mut *tx)
        .await?;
        let stage = stage
            .and_then(|s| Stage::from_code(&s))
            .ok_or(DbError::NotFound)?;
        chosen.push((*id, stage));
    }
    let mut violations = check_city_decision(&chosen, calendar.city_quota, decided)
        .err()
        .unwrap_or_default();
    if decided_on.year() != year {
        violations.push(Violation::new(
            "S-2",
            ViolationKind::DateOutsideYear { year },
        ));
    }
    if decided_on > today {
        violations.push(Violation::new("S-2", ViolationKind::DateInFuture));
    }
    if !violations.is_empty() {
        return Err(DbError::Rules(violations));
    }
    let now = now_text();
    sqlx::query(
        "INSERT INTO city_decisions (campaign_id, year, decided_on, recorded_at, recorded_by)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(campaign_id)
    .bind(year)
    .bind(decided_on)
    .bind(&now)
    .bind(&user.display_name)
    .execute(&mut *tx)
    .await?;
    let mut selected: Vec<i64> = ids.to_vec();
    selected.sort_unstable();
    selected.dedup();
    for id in &selected {
        sqlx::query(
            "INSERT INTO city_decision_items (campaign_id, year, nomination_id) VALUES ($1, $2, $3)",
        )
        .bind(campaign_id)
        .bind(year)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    }
    // The City badge follows the decision: on the chosen, off any other card of the year.
    let badged: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM nominations WHERE campaign_id = $1 AND year = $2 AND city_registered",
    )
    .bind(campaign_id)
    .bind(year)
    .fetch_all(&mut *tx)
    .await?;
    let mut affected: Vec<i64> = badged.iter().chain(&selected).copied().collect();
    affected.sort_unstable();
    affected.dedup();
    let mut events = Vec::new();
    for id in affected {
        let on = selected.contains(&id);
        if on == badged.contains(&id) {
            continue;
        }
        sqlx::query(
            "UPDATE nominations SET city_registered = $1, city_year = $2, version = version + 1,
                 updated_at = $3, updated_by = $4
             WHERE id = $5",
        )
        .bind(on)
        .bind(on.then_some(year))
        .bind(&now)
        .bind(&user.display_name)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        let card = board::card(&mut tx, id).await?;
        let detail = serde_json::json!({ "city": on, "decided_on": decided_on });
        events.push(
            super::fostering::record(
                &mut tx,
                user,
                MoveAction::CitySelect,
                card,
                None,
                detail,
                &now,
            )
            .await?,
        );
    }
    tx.commit().await?;
    Ok(events)
}

/// The council's totals of a year, once its decision for the City has made them final;
/// nothing before (blind scoring keeps them off the board).
pub(super) async fn final_totals(
    conn: &mut Conn,
    campaign_id: i64,
    year: i32,
) -> DbResult<HashMap<i64, i64>> {
    if decision(conn, campaign_id, year).await?.is_none() {
        return Ok(HashMap::new());
    }
    let members = members(conn, campaign_id).await?;
    let nominees = nominees(conn, campaign_id, year, None).await?;
    let sheets = sheets(conn, campaign_id, year, None).await?;
    Ok(nominees
        .iter()
        .filter_map(|n| {
            aggregate_of(n, &members, &sheets)
                .total_milli
                .map(|t| (n.id, t))
        })
        .collect())
}

/// One nomination's final total (see [`final_totals`]); one cheap query while the year is
/// undecided.
pub(super) async fn final_total_of(conn: &mut Conn, id: i64) -> DbResult<Option<i64>> {
    let decided: Option<(i64, i32)> = sqlx::query_as(
        "SELECT n.campaign_id, n.year FROM nominations n
         JOIN city_decisions d ON d.campaign_id = n.campaign_id AND d.year = n.year
         WHERE n.id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((campaign_id, year)) = decided else {
        return Ok(None);
    };
    let members = members(conn, campaign_id).await?;
    let Some(n) = nominees(conn, campaign_id, year, Some(id))
        .await?
        .into_iter()
        .next()
    else {
        return Ok(None);
    };
    let sheets = sheets(conn, campaign_id, year, Some(id)).await?;
    Ok(aggregate_of(&n, &members, &sheets).total_milli)
}

/// The year's ballot as `viewer` sees it (member id, or None for the office).
async fn ballot_view(
    conn: &mut Conn,
    campaign_id: i64,
    year: i32,
    members: &[Member],
    viewer: Option<&Member>,
) -> DbResult<Option<BallotView>> {
    let head: Option<(i64, Option<String>)> = sqlx::query_as(
        "SELECT share_pct, closed_at FROM ballots WHERE campaign_id = $1 AND year = $2",
    )
    .bind(campaign_id)
    .bind(year)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((share_pct, closed_at)) = head else {
        return Ok(None);
    };
    let open = closed_at.is_none();
    let share_pct = u8::try_from(share_pct).unwrap_or(DEFAULT_PASS_SHARE_PCT);
    let rows: Vec<(i64, String, i64, i64, i64, i64)> = sqlx::query_as(
        "SELECT i.nomination_id, n.nominee_name, n.unit_id,
             (SELECT COUNT(*) FROM votes v WHERE v.campaign_id = i.campaign_id AND v.year = i.year
                 AND v.nomination_id = i.nomination_id AND v.agree),
             (SELECT COUNT(*) FROM votes v WHERE v.campaign_id = i.campaign_id AND v.year = i.year
                 AND v.nomination_id = i.nomination_id AND NOT v.agree),
             (SELECT COUNT(*) FROM votes v WHERE v.campaign_id = i.campaign_id AND v.year = i.year
                 AND v.nomination_id = i.nomination_id AND v.member_id = $1)
         FROM ballot_items i JOIN nominations n ON n.id = i.nomination_id
         WHERE i.campaign_id = $2 AND i.year = $3 ORDER BY n.nominee_name",
    )
    .bind(viewer.map_or(-1, |m| m.id))
    .bind(campaign_id)
    .bind(year)
    .fetch_all(&mut *conn)
    .await?;
    let council = members.len();
    let items = rows
        .into_iter()
        .map(|(id, name, unit_id, agree, disagree, mine)| BallotItem {
            id,
            name,
            voted: mine > 0,
            can_vote: open && mine == 0 && viewer.is_some_and(|m| m.unit_id != Some(unit_id)),
            cast: (agree + disagree) as usize,
            result: (!open)
                .then(|| ballot_result(agree as usize, disagree as usize, council, share_pct)),
        })
        .collect();
    Ok(Some(BallotView {
        open,
        share_pct,
        council,
        items,
    }))
}

fn audit(
    user: &CurrentUser,
    action: &str,
    object: String,
    after: serde_json::Value,
) -> app::model::AuditEntry {
    app::model::AuditEntry {
        actor_id: Some(user.user_id),
        actor_name: user.username.clone(),
        action: action.into(),
        object_type: "ballot".into(),
        object_id: Some(object),
        before: None,
        after: Some(after.to_string()),
        address: None,
    }
}

/// Opens the year's ballot on a shortlist (the office).
pub async fn open_ballot(
    pool: &Pool,
    ids: &[i64],
    share_pct: i64,
    user: &CurrentUser,
    today: NaiveDate,
) -> DbResult<()> {
    use chrono::Datelike;
    authorize(&user.actor(), &Action::SelectForCity).map_err(DbError::Denied)?;
    let share_pct = check_pass_share(share_pct).map_err(|v| DbError::Rules(vec![v]))?;
    let mut tx = super::begin_write(pool).await?;
    let (campaign_id, _, year, _, _) =
        resolve_year(&mut tx, &BoardQuery { year: None }, today.year()).await?;
    if decision(&mut tx, campaign_id, year).await?.is_some() {
        return Err(DbError::Rules(vec![Violation::new(
            "S-2",
            ViolationKind::CouncilClosed,
        )]));
    }
    let existing: Option<(String, String)> = sqlx::query_as(
        "SELECT opened_by, opened_at FROM ballots WHERE campaign_id = $1 AND year = $2",
    )
    .bind(campaign_id)
    .bind(year)
    .fetch_optional(&mut *tx)
    .await?;
    if let Some((by, at)) = existing {
        return Err(DbError::Conflict {
            by: Some(by),
            at: Some(at),
        });
    }
    let mut shortlist: Vec<i64> = ids.to_vec();
    shortlist.sort_unstable();
    shortlist.dedup();
    let eligible = nominees(&mut tx, campaign_id, year, None).await?;
    if shortlist.is_empty()
        || shortlist
            .iter()
            .any(|id| !eligible.iter().any(|n| n.id == *id))
    {
        return Err(DbError::Rules(vec![Violation::new(
            "S-2",
            ViolationKind::BallotEmpty,
        )]));
    }
    let now = now_text();
    sqlx::query(
        "INSERT INTO ballots (campaign_id, year, share_pct, opened_at, opened_by)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(campaign_id)
    .bind(year)
    .bind(i64::from(share_pct))
    .bind(&now)
    .bind(&user.display_name)
    .execute(&mut *tx)
    .await?;
    for id in &shortlist {
        sqlx::query(
            "INSERT INTO ballot_items (campaign_id, year, nomination_id) VALUES ($1, $2, $3)",
        )
        .bind(campaign_id)
        .bind(year)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    }
    let entry = audit(
        user,
        "open_ballot",
        year.to_string(),
        serde_json::json!({ "nominations": shortlist, "share_pct": share_pct }),
    );
    super::auth::append_audit_in(&mut tx, &entry)
        .await
        .map_err(|e| DbError::Unavailable(e.to_string()))?;
    tx.commit().await?;
    Ok(())
}

/// A member's secret vote: who voted is kept (once each); how is never shown, nor audited.
pub async fn cast_vote(
    pool: &Pool,
    id: i64,
    agree: bool,
    user: &CurrentUser,
) -> DbResult<CardEvent> {
    let mut tx = super::begin_write(pool).await?;
    let card = board::card(&mut tx, id).await?;
    let (_, campaign_id, year) = nominee_of(&mut tx, id).await?;
    authorize(&user.actor(), &Action::Vote(scope(&card))).map_err(DbError::Denied)?;
    let members = members(&mut tx, campaign_id).await?;
    if !members.iter().any(|m| m.id == user.user_id) {
        return Err(DbError::Denied(Denied::Role));
    }
    let state: Option<(Option<String>, i64)> = sqlx::query_as(
        "SELECT b.closed_at,
             (SELECT COUNT(*) FROM votes v WHERE v.campaign_id = b.campaign_id AND v.year = b.year
                 AND v.nomination_id = $1 AND v.member_id = $2)
         FROM ballots b JOIN ballot_items i ON i.campaign_id = b.campaign_id AND i.year = b.year
         WHERE b.campaign_id = $3 AND b.year = $4 AND i.nomination_id = $5",
    )
    .bind(id)
    .bind(user.user_id)
    .bind(campaign_id)
    .bind(year)
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?;
    let (open, voted) = match state {
        Some((closed, n)) => (closed.is_none(), n > 0),
        None => (false, false),
    };
    if decision(&mut tx, campaign_id, year).await?.is_some() {
        return Err(DbError::Rules(vec![Violation::new(
            "S-2",
            ViolationKind::CouncilClosed,
        )]));
    }
    check_vote(open, voted).map_err(|v| DbError::Rules(vec![v]))?;
    let now = now_text();
    sqlx::query(
        "INSERT INTO votes (campaign_id, year, nomination_id, member_id, agree, cast_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(campaign_id)
    .bind(year)
    .bind(id)
    .bind(user.user_id)
    .bind(agree)
    .bind(&now)
    .execute(&mut *tx)
    .await?;
    // Recorded without the choice: the ballot is secret.
    let event = super::fostering::record(
        &mut tx,
        user,
        MoveAction::Vote,
        card,
        None,
        serde_json::json!({ "ballot": year }),
        &now,
    )
    .await?;
    tx.commit().await?;
    Ok(event)
}

/// Closes the year's open ballot (the office); the results are then final.
pub async fn close_ballot(pool: &Pool, user: &CurrentUser, today: NaiveDate) -> DbResult<()> {
    use chrono::Datelike;
    authorize(&user.actor(), &Action::SelectForCity).map_err(DbError::Denied)?;
    let mut tx = super::begin_write(pool).await?;
    let (campaign_id, _, year, _, _) =
        resolve_year(&mut tx, &BoardQuery { year: None }, today.year()).await?;
    let now = now_text();
    let closed = sqlx::query(
        "UPDATE ballots SET closed_at = $1, closed_by = $2
         WHERE campaign_id = $3 AND year = $4 AND closed_at IS NULL",
    )
    .bind(&now)
    .bind(&user.display_name)
    .bind(campaign_id)
    .bind(year)
    .execute(&mut *tx)
    .await?;
    if closed.rows_affected() != 1 {
        return Err(DbError::Rules(vec![Violation::new(
            "S-2",
            ViolationKind::BallotClosed,
        )]));
    }
    let members = members(&mut tx, campaign_id).await?;
    let results = ballot_view(&mut tx, campaign_id, year, &members, None).await?;
    let entry = audit(
        user,
        "close_ballot",
        year.to_string(),
        serde_json::json!({ "results": results.map(|b| b.items.iter().map(|i| (i.id, i.result)).collect::<Vec<_>>()) }),
    );
    super::auth::append_audit_in(&mut tx, &entry)
        .await
        .map_err(|e| DbError::Unavailable(e.to_string()))?;
    tx.commit().await?;
    Ok(())
}
