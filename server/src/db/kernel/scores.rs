//! The council's stored record — its members, their sheets, the ballot and the year's
//! decision for the City: what the council and the ballot work on, and what makes a total
//! final on the board.

use super::Conn;
use crate::db::{DbError, DbResult};
use app::ports::RepoError;
use app::types::council::{
    BallotItem, BallotView, CityDecision, CityDispatch, CityStep, CityStepKind, SentModel,
};
use chrono::NaiveDate;
use shared::domain::{CriteriaSet, NomineeKind, Score, Stage};
use shared::rules::city_answer::{CityAnswer, CityOutcome};
use shared::rules::council::{aggregate, ballot_result, Aggregate, Scoresheet};
use std::collections::{BTreeMap, HashMap};

/// A member of this year's council.
pub struct Member {
    pub id: i64,
    pub name: String,
    pub unit_id: Option<i64>,
}

/// One stored sheet.
#[derive(Default, Clone)]
pub struct Sheet {
    pub submitted: bool,
    pub conflict: Option<String>,
    pub scores: BTreeMap<String, Score>,
    pub comments: BTreeMap<String, String>,
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

pub struct Nominee {
    pub id: i64,
    pub name: String,
    pub kind: NomineeKind,
    pub unit_id: i64,
    pub unit_name: String,
    pub bloc_id: i64,
    pub bloc_name: String,
    pub stage: Stage,
}

pub async fn members(conn: &mut Conn, campaign_id: i64) -> DbResult<Vec<Member>> {
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
pub async fn sheets(
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

pub async fn nominees(
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
            let corrupt = || {
                DbError::from(RepoError::Unavailable(format!(
                    "nomination {id}: bad kind or stage"
                )))
            };
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
pub fn aggregate_of(
    n: &Nominee,
    members: &[Member],
    sheets: &HashMap<(i64, i64), Sheet>,
    (criteria, quorum_pct): (&CriteriaSet, u8),
) -> Aggregate {
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
    aggregate(
        n.id,
        criteria.of(n.kind),
        n.unit_id,
        &council,
        &list,
        quorum_pct,
    )
}

/// What a year's totals are judged by: its criteria and its quorum.
pub async fn rules_of(conn: &mut Conn, campaign_id: i64, year: i32) -> DbResult<(CriteriaSet, u8)> {
    let (_, criteria) = super::criteria::of_year(conn, campaign_id, year).await?;
    let quorum = super::years::campaign_year(conn, campaign_id, year)
        .await?
        .quorum_pct;
    Ok((criteria, quorum))
}

/// The year's decision for the City, if taken.
pub async fn decision(
    conn: &mut Conn,
    campaign_id: i64,
    year: i32,
) -> DbResult<Option<CityDecision>> {
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
    let dispatch: Option<(String, NaiveDate, String, String)> = sqlx::query_as(
        "SELECT number, sent_on, recorded_by, recorded_at FROM city_dispatches
         WHERE campaign_id = $1 AND year = $2",
    )
    .bind(campaign_id)
    .bind(year)
    .fetch_optional(&mut *conn)
    .await?;
    let sent: Vec<(i64, String, String)> = if dispatch.is_some() {
        sqlx::query_as(
            "SELECT nomination_id, nominee_name, unit_name FROM city_dispatch_items
             WHERE campaign_id = $1 AND year = $2 ORDER BY nomination_id",
        )
        .bind(campaign_id)
        .bind(year)
        .fetch_all(&mut *conn)
        .await?
    } else {
        Vec::new()
    };
    let mut steps = city_steps(conn, campaign_id, year).await?;
    let sent = sent
        .into_iter()
        .map(|(id, name, unit)| SentModel {
            id,
            name,
            unit,
            steps: steps.remove(&id).unwrap_or_default(),
        })
        .collect();
    Ok(Some(CityDecision {
        decided_on,
        recorded_by,
        recorded_at,
        nominations,
        dispatch: dispatch.map(|(number, sent_on, recorded_by, recorded_at)| CityDispatch {
            number,
            sent_on,
            recorded_by,
            recorded_at,
            sent,
        }),
    }))
}

/// Each sent model's steps since the dispatch (D-3), oldest first, by nomination.
async fn city_steps(
    conn: &mut Conn,
    campaign_id: i64,
    year: i32,
) -> DbResult<std::collections::HashMap<i64, Vec<CityStep>>> {
    type Row = (
        i64,
        String,
        Option<String>,
        String,
        NaiveDate,
        String,
        String,
    );
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT nomination_id, step, outcome, detail, on_date, recorded_by, recorded_at
         FROM city_answers WHERE campaign_id = $1 AND year = $2 ORDER BY id",
    )
    .bind(campaign_id)
    .bind(year)
    .fetch_all(&mut *conn)
    .await?;
    let mut out: std::collections::HashMap<i64, Vec<CityStep>> = Default::default();
    for (id, step, outcome, detail, on, recorded_by, recorded_at) in rows {
        let step = match (
            step.as_str(),
            outcome.as_deref().and_then(CityOutcome::from_code),
        ) {
            ("resend", _) => CityStepKind::Resend { on },
            (_, Some(outcome)) => CityStepKind::Answer(CityAnswer {
                outcome,
                answered_on: on,
                detail,
            }),
            _ => {
                return Err(RepoError::Unavailable(format!(
                    "city answer of nomination {id}: bad step {step}"
                ))
                .into())
            }
        };
        out.entry(id).or_default().push(CityStep {
            step,
            recorded_by,
            recorded_at,
        });
    }
    Ok(out)
}

/// The council's totals of a year, once its decision for the City has made them final;
/// nothing before (blind scoring keeps them off the board). Read as kept at the decision
/// ([`freeze_totals`]); a year decided before they were kept is counted from its sheets.
pub async fn final_totals(
    conn: &mut Conn,
    campaign_id: i64,
    year: i32,
) -> DbResult<HashMap<i64, i64>> {
    if decision(conn, campaign_id, year).await?.is_none() {
        return Ok(HashMap::new());
    }
    let kept: Vec<(i64, Option<i64>)> = sqlx::query_as(
        "SELECT nomination_id, total_milli FROM decision_totals
         WHERE campaign_id = $1 AND year = $2",
    )
    .bind(campaign_id)
    .bind(year)
    .fetch_all(&mut *conn)
    .await?;
    if !kept.is_empty() {
        return Ok(kept
            .into_iter()
            .filter_map(|(id, total)| total.map(|t| (id, t)))
            .collect());
    }
    counted_totals(conn, campaign_id, year).await
}

/// The year's final totals counted from the sheets of the council as it is seated now.
async fn counted_totals(
    conn: &mut Conn,
    campaign_id: i64,
    year: i32,
) -> DbResult<HashMap<i64, i64>> {
    let members = members(conn, campaign_id).await?;
    let nominees = nominees(conn, campaign_id, year, None).await?;
    let sheets = sheets(conn, campaign_id, year, None).await?;
    let rules = rules_of(conn, campaign_id, year).await?;
    Ok(nominees
        .iter()
        .filter_map(|n| final_total(n, &members, &sheets, (&rules.0, rules.1)).map(|t| (n.id, t)))
        .collect())
}

/// Keeps the year's final totals as they are at its decision (every nominee, NULL where
/// there is no total of a quorum): seating or unseating someone later changes none.
pub async fn freeze_totals(conn: &mut Conn, campaign_id: i64, year: i32) -> DbResult<()> {
    let totals = counted_totals(conn, campaign_id, year).await?;
    for n in nominees(conn, campaign_id, year, None).await? {
        sqlx::query(
            "INSERT INTO decision_totals (campaign_id, year, nomination_id, total_milli)
             VALUES ($1, $2, $3, $4)",
        )
        .bind(campaign_id)
        .bind(year)
        .bind(n.id)
        .bind(totals.get(&n.id).copied())
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// A nomination's final total: the submitted sheets only, and only once they make a quorum
/// of the members who may score it (none otherwise: a total of too few is not the
/// council's).
fn final_total(
    n: &Nominee,
    members: &[Member],
    sheets: &HashMap<(i64, i64), Sheet>,
    rules: (&CriteriaSet, u8),
) -> Option<i64> {
    // Drafts are left out; a declared conflict stays, so that its member is not counted.
    let counted: HashMap<(i64, i64), Sheet> = sheets
        .iter()
        .filter(|(_, s)| s.submitted || s.conflict.is_some())
        .map(|(key, s)| (*key, s.clone()))
        .collect();
    let aggregate = aggregate_of(n, members, &counted, rules);
    aggregate.total_milli.filter(|_| aggregate.quorum)
}

/// One nomination's final total (see [`final_totals`]); one cheap query while the year is
/// undecided.
pub async fn final_total_of(conn: &mut Conn, id: i64) -> DbResult<Option<i64>> {
    let decided: Option<(i64, i32)> = sqlx::query_as(
        "SELECT n.campaign_id, n.year FROM nominations n
         JOIN city_decisions d ON d.campaign_id = n.campaign_id AND d.year = n.year
         WHERE n.id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    match decided {
        Some((campaign_id, year)) => decided_total_of(conn, id, campaign_id, year).await,
        None => Ok(None),
    }
}

/// [`final_total_of`] a nomination of `campaign_id`'s `year`, which the City has decided.
pub async fn decided_total_of(
    conn: &mut Conn,
    id: i64,
    campaign_id: i64,
    year: i32,
) -> DbResult<Option<i64>> {
    let kept: Option<(Option<i64>,)> = sqlx::query_as(
        "SELECT total_milli FROM decision_totals
         WHERE campaign_id = $1 AND year = $2 AND nomination_id = $3",
    )
    .bind(campaign_id)
    .bind(year)
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    if let Some((total,)) = kept {
        return Ok(total);
    }
    let members = members(conn, campaign_id).await?;
    let Some(n) = nominees(conn, campaign_id, year, Some(id))
        .await?
        .into_iter()
        .next()
    else {
        return Ok(None);
    };
    let sheets = sheets(conn, campaign_id, year, Some(id)).await?;
    let rules = rules_of(conn, campaign_id, year).await?;
    Ok(final_total(&n, &members, &sheets, (&rules.0, rules.1)))
}

/// The nomination's campaign and year, if the council may see it.
pub async fn nominee_of(conn: &mut Conn, id: i64) -> DbResult<(Nominee, i64, i32)> {
    let (campaign_id, year): (i64, i32) =
        sqlx::query_as("SELECT campaign_id, year FROM nominations WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?
            .ok_or(RepoError::NotFound)?;
    let nominee = nominees(conn, campaign_id, year, Some(id))
        .await?
        .into_iter()
        .next()
        .ok_or(RepoError::NotFound)?;
    Ok((nominee, campaign_id, year))
}

/// A ballot's row: share, quorum, when closed, the council's size at closing.
type BallotHead = (i64, Option<i64>, Option<String>, Option<i64>);

/// The year's ballot as `viewer` sees it (a member, or None for the office). The counts
/// are read only once it is closed; while open, only who has taken part is known.
pub async fn ballot_view(
    conn: &mut Conn,
    campaign_id: i64,
    year: i32,
    members: &[Member],
    viewer: Option<&Member>,
) -> DbResult<Option<BallotView>> {
    let head: Option<BallotHead> = sqlx::query_as(
        "SELECT share_pct, quorum_pct, closed_at, council_size FROM ballots
         WHERE campaign_id = $1 AND year = $2",
    )
    .bind(campaign_id)
    .bind(year)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((share_pct, quorum_pct, closed_at, council_size)) = head else {
        return Ok(None);
    };
    let open = closed_at.is_none();
    use shared::domain::CampaignYear;
    let share_pct = u8::try_from(share_pct).unwrap_or(CampaignYear::PLAN_PASS_SHARE_PCT);
    // A ballot opened before quorums were stored counts on the default.
    let quorum_pct = quorum_pct
        .and_then(|q| u8::try_from(q).ok())
        .unwrap_or(CampaignYear::PLAN_QUORUM_PCT);
    let me = viewer.map_or(-1, |m| m.id);
    let (took_part, voted): (i64, i64) = sqlx::query_as(
        "SELECT COUNT(*), COALESCE(SUM(CASE WHEN member_id = $1 THEN 1 ELSE 0 END), 0)
         FROM ballot_participants WHERE campaign_id = $2 AND year = $3",
    )
    .bind(me)
    .bind(campaign_id)
    .bind(year)
    .fetch_one(&mut *conn)
    .await?;
    let voted = voted > 0;
    let rows: Vec<(i64, String, i64, i64, i64, i64)> = sqlx::query_as(
        "SELECT i.nomination_id, n.nominee_name, n.unit_id, i.agree, i.disagree,
             (SELECT COUNT(*) FROM scoresheets s WHERE s.nomination_id = i.nomination_id
                 AND s.member_id = $1 AND s.conflict_reason IS NOT NULL)
         FROM ballot_items i JOIN nominations n ON n.id = i.nomination_id
         WHERE i.campaign_id = $2 AND i.year = $3 ORDER BY n.nominee_name, i.nomination_id",
    )
    .bind(me)
    .bind(campaign_id)
    .bind(year)
    .fetch_all(&mut *conn)
    .await?;
    // Once closed, the shares are of the council as it was then.
    let council = match council_size {
        Some(n) if !open => usize::try_from(n).unwrap_or(0),
        _ => members.len(),
    };
    let items = rows
        .into_iter()
        .map(
            |(id, name, unit_id, agree, disagree, conflict)| BallotItem {
                id,
                name,
                // Not the member's own unit's, and no conflict declared on it.
                can_vote: open
                    && !voted
                    && conflict == 0
                    && viewer.is_some_and(|m| m.unit_id != Some(unit_id)),
                result: (!open).then(|| {
                    let votes = (agree as usize, disagree as usize);
                    ballot_result(votes, council, share_pct, quorum_pct)
                }),
            },
        )
        .collect();
    Ok(Some(BallotView {
        open,
        share_pct,
        quorum_pct,
        council,
        took_part: took_part as usize,
        voted,
        can_cast: open && !voted && viewer.is_some(),
        items,
    }))
}
