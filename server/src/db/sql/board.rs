use super::Conn;
use crate::db::{DbError, DbResult};
use app::model::{Board, BoardCard, BoardQuery};
use shared::domain::{EvaluationPeriod, NomineeKind, Position, Stage};

#[derive(sqlx::FromRow)]
pub(super) struct CardRow {
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
}

/// The columns of a [`CardRow`], from `nominations n JOIN units u JOIN blocs b`.
pub(super) const CARD_COLUMNS: &str = "n.id, n.nominee_name, n.kind, u.id AS unit_id,
    u.name AS unit_name, b.id AS bloc_id, b.name AS bloc_name, n.stage, n.position,
    n.version, n.city_registered, n.dropped_from,
    (SELECT string_agg(e.period, ',') FROM evaluations e WHERE e.nomination_id = n.id) AS evaluations,
    (SELECT COUNT(*) FROM replications r WHERE r.nomination_id = n.id) AS replications,
    n.year";

pub(super) const CARD_FROM: &str = "FROM nominations n
    JOIN units u ON u.id = n.unit_id
    JOIN blocs b ON b.id = u.bloc_id";

impl CardRow {
    pub(super) fn into_card(self) -> DbResult<BoardCard> {
        // The schema's CHECK constraints keep these codes valid; a bad row is a bug worth
        // reporting rather than a card worth guessing at.
        let id = self.id;
        let corrupt = |what: &str| DbError::Unavailable(format!("nomination {id}: bad {what}"));
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
        })
    }
}

/// The campaign year to show when none is asked for: this calendar year in the campaign
/// that covers it, else the latest campaign's last year.
pub(super) async fn resolve_year(
    conn: &mut Conn,
    query: &BoardQuery,
    today: i32,
) -> DbResult<(i64, String, i32, i32, i32)> {
    let year = query.year.unwrap_or(today);
    let row: Option<(i64, String, i32, i32)> = sqlx::query_as(
        "SELECT id, name, start_year, end_year FROM campaigns
         ORDER BY ($1 BETWEEN start_year AND end_year) DESC, end_year DESC, id DESC LIMIT 1",
    )
    .bind(year)
    .fetch_optional(&mut *conn)
    .await?;
    let (id, name, start, end) = row.ok_or(DbError::NotFound)?;
    if (start..=end).contains(&year) {
        Ok((id, name, year, start, end))
    } else if query.year.is_some() {
        Err(DbError::NotFound)
    } else {
        Ok((id, name, end, start, end))
    }
}

pub async fn card(conn: &mut Conn, id: i64) -> DbResult<BoardCard> {
    let row: Option<CardRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {CARD_COLUMNS} {CARD_FROM} WHERE n.id = $1"
    )))
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    let mut card = row.ok_or(DbError::NotFound)?.into_card()?;
    card.council_score_milli = super::council::final_total_of(conn, id).await?;
    Ok(card)
}

/// A card and what a move of it is judged on besides: its campaign and its profile (JSON).
#[derive(sqlx::FromRow)]
struct MovingRow {
    #[sqlx(flatten)]
    card: CardRow,
    campaign_id: i64,
    profile: String,
}

/// [`card`], with its campaign's id and its stored profile, in one query.
pub(super) async fn card_for_move(conn: &mut Conn, id: i64) -> DbResult<(BoardCard, i64, String)> {
    let row: Option<MovingRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {CARD_COLUMNS}, n.campaign_id, n.profile {CARD_FROM} WHERE n.id = $1"
    )))
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    let row = row.ok_or(DbError::NotFound)?;
    let mut card = row.card.into_card()?;
    card.council_score_milli = super::council::final_total_of(conn, id).await?;
    Ok((card, row.campaign_id, row.profile))
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
    let calendar = super::moves::campaign_year(conn, campaign_id, year).await?;
    let totals = super::council::final_totals(conn, campaign_id, year).await?;
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
