use app::model::{Board, BoardCard, BoardQuery};
use app::repo::{RepoError, RepoResult};
use chrono::Datelike;
use shared::domain::{NomineeKind, Position, Stage};
use sqlx::SqlitePool;

#[derive(sqlx::FromRow)]
struct CardRow {
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
}

/// The campaign year to show when none is asked for: this calendar year in the campaign
/// that covers it, else the latest campaign's last year.
async fn resolve_year(pool: &SqlitePool, query: &BoardQuery) -> RepoResult<(i64, String, i32)> {
    let today = chrono::Local::now().year();
    let year = query.year.unwrap_or(today);
    let row: Option<(i64, String, i32, i32)> = sqlx::query_as(
        "SELECT id, name, start_year, end_year FROM campaigns
         ORDER BY (? BETWEEN start_year AND end_year) DESC, end_year DESC, id DESC LIMIT 1",
    )
    .bind(year)
    .fetch_optional(pool)
    .await
    .map_err(|e| RepoError::Unavailable(e.to_string()))?;
    let (id, name, start, end) = row.ok_or(RepoError::NotFound)?;
    if (start..=end).contains(&year) {
        Ok((id, name, year))
    } else if query.year.is_some() {
        Err(RepoError::NotFound)
    } else {
        Ok((id, name, end))
    }
}

pub async fn load(pool: &SqlitePool, query: &BoardQuery) -> RepoResult<Board> {
    let (campaign_id, campaign_name, year) = resolve_year(pool, query).await?;
    let rows: Vec<CardRow> = sqlx::query_as(
        "SELECT n.id, n.nominee_name, n.kind, u.id AS unit_id, u.name AS unit_name,
                b.id AS bloc_id, b.name AS bloc_name,
                n.stage, n.position, n.version, n.city_registered
         FROM nominations n
         JOIN units u ON u.id = n.unit_id
         JOIN blocs b ON b.id = u.bloc_id
         WHERE n.campaign_id = ? AND n.year = ?
         ORDER BY n.stage, n.position, n.id",
    )
    .bind(campaign_id)
    .bind(year)
    .fetch_all(pool)
    .await
    .map_err(|e| RepoError::Unavailable(e.to_string()))?;

    let cards = rows
        .into_iter()
        .map(|r| {
            // The schema's CHECK constraints keep these codes valid; a bad row is a bug
            // worth reporting rather than a card worth guessing at.
            let corrupt =
                |what: &str| RepoError::Unavailable(format!("nomination {}: bad {what}", r.id));
            Ok(BoardCard {
                id: r.id,
                kind: NomineeKind::from_code(&r.kind).ok_or_else(|| corrupt("kind"))?,
                stage: Stage::from_code(&r.stage).ok_or_else(|| corrupt("stage"))?,
                position: Position::try_from(r.position.clone())
                    .map_err(|_| corrupt("position"))?,
                nominee_name: r.nominee_name,
                unit_id: r.unit_id,
                unit_name: r.unit_name,
                bloc_id: r.bloc_id,
                bloc_name: r.bloc_name,
                version: r.version,
                city_registered: r.city_registered,
            })
        })
        .collect::<RepoResult<Vec<_>>>()?;
    Ok(Board {
        campaign_name,
        year,
        cards,
    })
}
