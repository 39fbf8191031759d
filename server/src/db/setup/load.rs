//! Loading a whole data set (the demo data, or an export being copied) in one transaction.

use super::super::kernel::criteria::store_version;
use super::super::kernel::years::store_year;
use super::super::Pool;
use crate::db::DbError;
use crate::seed::Dataset;
use app::services::password;
use shared::domain::{CampaignYear, Position, Stage};
use std::collections::HashMap;

/// Loads a data set in one transaction. Refuses a database that already holds one, so
/// nothing is ever overwritten.
pub async fn load(pool: &Pool, data: &Dataset) -> Result<(), DbError> {
    let now = chrono::Utc::now().to_rfc3339();
    // Hash before the transaction: Argon2 is deliberately slow.
    let hashes: Vec<String> = data
        .accounts
        .iter()
        .map(|_| password::hash(data.password))
        .collect::<Result<_, _>>()
        .map_err(|e| DbError::Refused(format!("cannot hash a demo password: {e}")))?;

    // The shared rules are the authority on what a profile may hold, here as everywhere.
    for n in &data.nominations {
        if n.profile.kind() != n.kind || !n.profile.validate().is_empty() {
            return Err(DbError::Refused(format!(
                "data set {}: nomination {:?} has an invalid profile",
                data.name, n.nominee_name
            )));
        }
    }

    let mut tx = super::super::begin_write(pool).await?;
    let (existing,): (i64,) =
        sqlx::query_as("SELECT (SELECT COUNT(*) FROM blocs) + (SELECT COUNT(*) FROM users)")
            .fetch_one(&mut *tx)
            .await?;
    if existing > 0 {
        return Err(DbError::NotEmpty);
    }

    let mut bloc_ids = HashMap::new();
    for b in &data.blocs {
        let id: i64 =
            sqlx::query_scalar("INSERT INTO blocs (code, name) VALUES ($1, $2) RETURNING id")
                .bind(b.code)
                .bind(b.name)
                .fetch_one(&mut *tx)
                .await?;
        bloc_ids.insert(b.code, id);
    }
    let mut unit_ids = HashMap::new();
    for u in &data.units {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO units (code, name, bloc_id) VALUES ($1, $2, $3) RETURNING id",
        )
        .bind(u.code)
        .bind(u.name)
        .bind(bloc_ids[u.bloc])
        .fetch_one(&mut *tx)
        .await?;
        unit_ids.insert(u.code, id);
    }
    for b in &data.blocs {
        sqlx::query("UPDATE blocs SET head_unit_id = $1 WHERE code = $2")
            .bind(unit_ids[b.head_unit])
            .bind(b.code)
            .execute(&mut *tx)
            .await?;
    }
    let campaign_id: i64 = sqlx::query_scalar(
        "INSERT INTO campaigns (name, start_year, end_year, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(&data.campaign.name)
    .bind(data.campaign.start_year)
    .bind(data.campaign.end_year)
    .bind(&now)
    .fetch_one(&mut *tx)
    .await?;
    let by_at = (data.name, now.as_str());
    let start = data.campaign.start_year;
    let plan = shared::domain::CriteriaSet::plan();
    store_version(&mut tx, campaign_id, start, &plan, by_at).await?;
    // Every year of the campaign is stored whole: the plan's calendar, with the data set's
    // own registration deadline where it has one.
    for year in data.campaign.start_year..=data.campaign.end_year {
        let mut calendar = CampaignYear::with_plan_defaults(year);
        if let Some((_, deadline)) = data.campaign.registration_deadline.filter(|d| d.0 == year) {
            calendar.registration_deadline = deadline;
        }
        store_year(&mut tx, campaign_id, &calendar, data.name, &now).await?;
    }
    let mut movement_ids = Vec::new();
    for name in &data.movements {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO movements (campaign_id, name, updated_at, updated_by)
             VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(campaign_id)
        .bind(name)
        .bind(&now)
        .bind(data.name)
        .fetch_one(&mut *tx)
        .await?;
        movement_ids.push(id);
    }

    for (a, hash) in data.accounts.iter().zip(&hashes) {
        let user_id: i64 = sqlx::query_scalar(
            "INSERT INTO users (username, display_name, position, unit_id, password_hash, created_at)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(&a.username)
        .bind(&a.display_name)
        .bind(&a.position)
        .bind(a.unit.map(|u| unit_ids[u]))
        .bind(hash)
        .bind(&now)
        .fetch_one(&mut *tx)
        .await?;
        for role in &a.roles {
            sqlx::query("INSERT INTO user_roles (user_id, role) VALUES ($1, $2)")
                .bind(user_id)
                .bind(role.code())
                .execute(&mut *tx)
                .await?;
        }
        if a.council {
            sqlx::query("INSERT INTO council_members (user_id, campaign_id) VALUES ($1, $2)")
                .bind(user_id)
                .bind(campaign_id)
                .execute(&mut *tx)
                .await?;
        }
    }

    // Keep each column's order: the next position after the last card of that stage.
    let mut last: HashMap<Stage, Position> = HashMap::new();
    for n in &data.nominations {
        let position = match last.get(&n.stage) {
            Some(p) => p.after(),
            None => Position::first(),
        };
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO nominations (campaign_id, year, unit_id, kind, nominee_name, profile,
                 description, replication_potential, stage, position, city_registered, city_year,
                 created_at, updated_at, dropped_from, exemplar_type, movement_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
             RETURNING id",
        )
        .bind(campaign_id)
        .bind(n.year)
        .bind(unit_ids[n.unit.as_str()])
        .bind(n.kind.code())
        .bind(&n.nominee_name)
        .bind(serde_json::to_string(&n.profile).map_err(|e| DbError::Refused(e.to_string()))?)
        .bind(&n.description)
        .bind(&n.replication_potential)
        .bind(n.stage.code())
        .bind(position.as_str())
        .bind(n.city_registered)
        .bind(n.city_registered.then_some(n.year))
        .bind(&now)
        .bind(&now)
        // Seeded nominations that are dropped were dropped at discovery.
        .bind((n.stage == Stage::Dropped).then_some(Stage::Discovered.code()))
        .bind(n.exemplar_type.map(|t| t.code()))
        .bind(n.movement.and_then(|i| movement_ids.get(i).copied()))
        .fetch_one(&mut *tx)
        .await?;
        for (code, text) in &n.evidence {
            sqlx::query(
                "INSERT INTO nomination_evidence (nomination_id, criterion_code, evidence) VALUES ($1, $2, $3)",
            )
            .bind(id)
            .bind(code)
            .bind(text)
            .execute(&mut *tx)
            .await?;
        }
        if let Some(plan) = &n.plan {
            let leader = |l: &Option<shared::domain::Leader>| {
                l.as_ref()
                    .map(|l| (l.name.to_string(), l.position.to_string()))
                    .unwrap_or_default()
            };
            let (f, p, r) = (
                leader(&plan.fostering_leader),
                leader(&plan.publicity_leader),
                leader(&plan.replication_leader),
            );
            let head = "Thủ trưởng đơn vị";
            sqlx::query(
                "INSERT INTO fostering_plans (nomination_id, fostering_leader_name,
                     fostering_leader_position, publicity_leader_name, publicity_leader_position,
                     replication_leader_name, replication_leader_position, version, updated_at,
                     updated_by, approved_at, approved_by)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, $9, $10, $11)",
            )
            .bind(id)
            .bind(&f.0)
            .bind(&f.1)
            .bind(&p.0)
            .bind(&p.1)
            .bind(&r.0)
            .bind(&r.1)
            .bind(&now)
            .bind(data.name)
            .bind(n.plan_approved.then_some(&now))
            .bind(n.plan_approved.then_some(head))
            .execute(&mut *tx)
            .await?;
            for (ord, a) in plan.activities.iter().enumerate() {
                sqlx::query(
                    "INSERT INTO fostering_activities (nomination_id, ord, kind, title, date,
                         status, outcome)
                     VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(id)
                .bind(ord as i64)
                .bind(a.kind.code())
                .bind(a.title.as_str())
                .bind(a.date)
                .bind(a.status.code())
                .bind(&a.outcome)
                .execute(&mut *tx)
                .await?;
            }
        }
        for e in &n.evaluations {
            sqlx::query(
                "INSERT INTO evaluations (nomination_id, period, rating, achievements, evaluator,
                     date, commendation, recorded_at, recorded_by)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            )
            .bind(id)
            .bind(e.period.code())
            .bind(e.rating.code())
            .bind(&e.achievements)
            .bind(&e.evaluator)
            .bind(e.date)
            .bind(&e.commendation)
            .bind(&now)
            .bind(data.name)
            .execute(&mut *tx)
            .await?;
        }
        last.insert(n.stage, position);
    }
    for r in &data.reports {
        super::super::reports::load_seed(&mut tx, campaign_id, unit_ids[r.unit], r, &now).await?;
    }
    sqlx::query("INSERT INTO events (at, action, payload) VALUES ($1, 'dataset_loaded', $2)")
        .bind(&now)
        .bind(
            serde_json::json!({ "dataset": data.name, "nominations": data.nominations.len() })
                .to_string(),
        )
        .execute(&mut *tx)
        .await?;
    sqlx::query("INSERT INTO meta (key, value) VALUES ('dataset', $1)")
        .bind(data.name)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}
