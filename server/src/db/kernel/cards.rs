//! A nomination as the board shows it (its card), and the campaign year it belongs to.

use super::scores;
use super::{Conn, Db};
use crate::db::{DbError, DbResult};
use app::moves::scope;
use app::ports::RepoError;
use app::types::auth::CurrentUser;
use app::types::model::{BoardCard, BoardQuery};
use shared::auth::{authorize, Action};
use shared::domain::{EvaluationPeriod, ExemplarType, NomineeKind, Position, Stage};
use shared::rules::{Violation, ViolationKind};

#[derive(sqlx::FromRow)]
pub struct CardRow {
    id: i64,
    nominee_name: String,
    kind: String,
    unit_id: i64,
    unit_name: String,
    bloc_id: i64,
    bloc_name: String,
    stage: String,
    position: String,
    version: i64,
    city_registered: bool,
    dropped_from: Option<String>,
    evaluations: Option<String>,
    replications: i64,
    year: i32,
    exemplar_type: Option<String>,
    movement_id: Option<i64>,
}

/// The columns of a [`CardRow`], from `nominations n JOIN units u JOIN blocs b`.
pub const CARD_COLUMNS: &str = "n.id, n.nominee_name, n.kind, u.id AS unit_id,
    u.name AS unit_name, b.id AS bloc_id, b.name AS bloc_name, n.stage, n.position,
    n.version, n.city_registered, n.dropped_from,
    (SELECT string_agg(e.period, ',') FROM evaluations e WHERE e.nomination_id = n.id) AS evaluations,
    (SELECT COUNT(*) FROM replications r WHERE r.nomination_id = n.id) AS replications,
    n.year, n.exemplar_type, n.movement_id";

pub const CARD_FROM: &str = "FROM nominations n
    JOIN units u ON u.id = n.unit_id
    JOIN blocs b ON b.id = u.bloc_id";

impl CardRow {
    pub fn into_card(self) -> DbResult<BoardCard> {
        // The schema's CHECK constraints keep these codes valid; a bad row is a bug worth
        // reporting rather than a card worth guessing at.
        let id = self.id;
        let corrupt = |what: &str| {
            DbError::from(RepoError::Unavailable(format!(
                "nomination {id}: bad {what}"
            )))
        };
        Ok(BoardCard {
            id,
            kind: NomineeKind::from_code(&self.kind).ok_or_else(|| corrupt("kind"))?,
            stage: Stage::from_code(&self.stage).ok_or_else(|| corrupt("stage"))?,
            position: Position::try_from(self.position).map_err(|_| corrupt("position"))?,
            dropped_from: match self.dropped_from {
                None => None,
                Some(code) => Some(Stage::from_code(&code).ok_or_else(|| corrupt("dropped_from"))?),
            },
            nominee_name: self.nominee_name,
            unit_id: self.unit_id,
            unit_name: self.unit_name,
            bloc_id: self.bloc_id,
            bloc_name: self.bloc_name,
            version: self.version,
            city_registered: self.city_registered,
            evaluations: self
                .evaluations
                .as_deref()
                .unwrap_or_default()
                .split(',')
                .filter(|p| !p.is_empty())
                .map(|p| EvaluationPeriod::from_code(p).ok_or_else(|| corrupt("evaluation")))
                .collect::<DbResult<_>>()?,
            replications: self.replications as u32,
            council_score_milli: None,
            year: self.year,
            exemplar_type: match self.exemplar_type {
                None => None,
                Some(code) => {
                    Some(ExemplarType::from_code(&code).ok_or_else(|| corrupt("exemplar_type"))?)
                }
            },
            movement_id: self.movement_id,
        })
    }
}

/// One card as it is now (with its council total once the year's decision made it final).
pub async fn card(conn: &mut Conn, id: i64) -> DbResult<BoardCard> {
    let row: Option<CardRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {CARD_COLUMNS} {CARD_FROM} WHERE n.id = $1"
    )))
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    let mut card = row.ok_or(RepoError::NotFound)?.into_card()?;
    card.council_score_milli = scores::final_total_of(conn, id).await?;
    Ok(card)
}

/// A card and what a move of it is judged on besides, read in one query: a move is many
/// statements inside the board's write, and each one is a round trip to the database's
/// thread.
#[derive(sqlx::FromRow)]
struct MovingRow {
    #[sqlx(flatten)]
    card: CardRow,
    campaign_id: i64,
    profile: String,
    /// The year it was carried over into, if it was.
    carried_to_year: Option<i32>,
    /// Whether the City has decided its year (only then does it carry a final score).
    decided: bool,
}

/// A card with what a move of it is judged on besides the card.
pub struct Moving {
    pub card: BoardCard,
    pub campaign_id: i64,
    /// Its stored profile (JSON).
    pub profile: String,
    /// The year it was carried over into, if it was (see [`still_open`]).
    carried_to_year: Option<i32>,
}

impl Moving {
    /// [`still_open`], from what was read with the card.
    pub fn still_open(&self) -> DbResult<()> {
        open_unless_carried(self.carried_to_year)
    }
}

/// [`card`], with its campaign's id, its stored profile and where it was carried over to.
pub async fn card_for_move(conn: &mut Conn, id: i64) -> DbResult<Moving> {
    let row: Option<MovingRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {CARD_COLUMNS}, n.campaign_id, n.profile,
                (SELECT c.year FROM nominations c WHERE c.carried_from = n.id LIMIT 1)
                    AS carried_to_year,
                EXISTS (SELECT 1 FROM city_decisions d
                        WHERE d.campaign_id = n.campaign_id AND d.year = n.year) AS decided
         {CARD_FROM} WHERE n.id = $1"
    )))
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    let row = row.ok_or(RepoError::NotFound)?;
    let mut card = row.card.into_card()?;
    if row.decided {
        card.council_score_milli =
            scores::decided_total_of(conn, id, row.campaign_id, card.year).await?;
    }
    Ok(Moving {
        card,
        campaign_id: row.campaign_id,
        profile: row.profile,
        carried_to_year: row.carried_to_year,
    })
}

/// The card, if the user may see it (else it does not exist for them).
pub async fn visible_card(conn: &mut Conn, id: i64, by: &CurrentUser) -> DbResult<BoardCard> {
    let card = card(conn, id).await?;
    if authorize(&by.actor(), &Action::ViewNomination(scope(&card))).is_err() {
        return Err(RepoError::NotFound.into());
    }
    Ok(card)
}

/// The campaign and year a nomination belongs to.
pub async fn campaign_of(conn: &mut Conn, id: i64) -> DbResult<(i64, i32)> {
    sqlx::query_as("SELECT campaign_id, year FROM nominations WHERE id = $1")
        .bind(id)
        .fetch_one(&mut *conn)
        .await
        .map_err(DbError::from)
}

/// The campaign year to show when none is asked for: this calendar year in the campaign
/// that covers it; between campaigns, the last year of the latest one that has begun; before
/// the first, the first year of the one that begins soonest (a campaign created for a later
/// plan never takes over while another still runs).
pub async fn resolve_year(
    conn: &mut Conn,
    query: &BoardQuery,
    today: i32,
) -> DbResult<(i64, String, i32, i32, i32)> {
    let year = query.year.unwrap_or(today);
    let row: Option<(i64, String, i32, i32)> = sqlx::query_as(
        "SELECT id, name, start_year, end_year FROM campaigns
         ORDER BY ($1 BETWEEN start_year AND end_year) DESC, (start_year <= $1) DESC,
             CASE WHEN start_year <= $1 THEN end_year ELSE -start_year END DESC, id DESC
         LIMIT 1",
    )
    .bind(year)
    .fetch_optional(&mut *conn)
    .await?;
    let (id, name, start, end) = row.ok_or(RepoError::NotFound)?;
    if (start..=end).contains(&year) {
        Ok((id, name, year, start, end))
    } else if query.year.is_some() {
        Err(RepoError::NotFound.into())
    } else {
        Ok((id, name, year.clamp(start, end), start, end))
    }
}

/// The card `id` became in a later year, with that year, if it was carried over.
pub async fn carried_to(conn: &mut Conn, id: i64) -> DbResult<Option<(i64, i32)>> {
    Ok(
        sqlx::query_as("SELECT id, year FROM nominations WHERE carried_from = $1")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?,
    )
}

/// Refuses a change to a card that was carried over into a later year (see
/// [`WriteTx::open_card_for`]); the board's writer asks the same.
pub async fn still_open(conn: &mut Conn, id: i64) -> DbResult<()> {
    open_unless_carried(carried_to(conn, id).await?.map(|(_, year)| year))
}

/// Refuses a change to a card carried over into `carried_to_year`.
fn open_unless_carried(carried_to_year: Option<i32>) -> DbResult<()> {
    match carried_to_year {
        Some(year) => Err(RepoError::Rules(vec![Violation::new(
            shared::rules::carry::RULE,
            ViolationKind::CarriedOn { year },
        )])
        .into()),
        None => Ok(()),
    }
}

/// The exemplar's cards over the campaign's years, oldest first (`id`'s own among them):
/// the chain of cards each carried over from the one before.
pub async fn chain(conn: &mut Conn, id: i64) -> DbResult<Vec<(i64, i32)>> {
    let mut before = Vec::new();
    let mut at = id;
    while let Some(prev) = sqlx::query_as::<Db, (i64, i32)>(
        "SELECT p.id, p.year FROM nominations n JOIN nominations p ON p.id = n.carried_from
         WHERE n.id = $1",
    )
    .bind(at)
    .fetch_optional(&mut *conn)
    .await?
    {
        before.push(prev);
        at = prev.0;
    }
    before.reverse();
    let year: i32 = sqlx::query_scalar("SELECT year FROM nominations WHERE id = $1")
        .bind(id)
        .fetch_one(&mut *conn)
        .await?;
    before.push((id, year));
    let mut at = id;
    while let Some(next) = carried_to(conn, at).await? {
        before.push(next);
        at = next.0;
    }
    Ok(before)
}
