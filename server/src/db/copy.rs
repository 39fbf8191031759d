//! `exemplar copy-to-postgres URL`: copies a whole SQLite database into an empty
//! PostgreSQL database (a Department that outgrows one machine moves without losing its
//! history), then proves it: every table holds as many rows on both sides, and the audit
//! history's hash chain is intact on PostgreSQL and ends at the same hash.
//!
//! The copy runs in one PostgreSQL transaction: all of it or nothing. Ids are kept (the
//! event log's sequence numbers, the audit chain's ids), and identity counters continue
//! after them.

use super::DbError;
use crate::audit::{verify_chain, AuditRow, ChainReport, StoredAuditRow, SELECT_ROWS};
use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::{Row, SqlitePool};

/// The PostgreSQL schema (`server/migrations/postgres`).
pub static POSTGRES_MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

/// Every table, parents before children. A table the copy does not know stops it (a new
/// migration must name its table here), so nothing is ever left behind silently.
pub const TABLES: &[&str] = &[
    "blocs",
    "units",
    "campaigns",
    "criteria_versions",
    "criteria",
    "campaign_years",
    "users",
    "user_roles",
    "movements",
    "nominations",
    "nomination_evidence",
    "events",
    "council_members",
    "meta",
    "sessions",
    "login_attempts",
    "audit_log",
    "audit_checkpoints",
    "fostering_plans",
    "fostering_activities",
    "evaluations",
    "replications",
    "selections",
    "selection_items",
    "bloc_reviews",
    "bloc_review_comments",
    "scoresheets",
    "scores",
    "city_decisions",
    "city_decision_items",
    "city_dispatches",
    "city_dispatch_items",
    "city_answers",
    "unit_reports",
    "department_reports",
    "conferences",
    "conference_honours",
    "nomination_documents",
    "commendation_proposals",
    "decision_totals",
    "ballots",
    "ballot_items",
    "ballot_participants",
];

/// Rows written per INSERT (PostgreSQL takes at most 65,535 parameters a statement).
const MAX_PARAMETERS: usize = 30_000;

/// What was copied, table by table, and the audit history's state afterwards.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyReport {
    pub tables: Vec<(String, i64)>,
    pub audit_rows: usize,
    pub last_hash: Option<String>,
}

fn refused(message: impl Into<String>) -> DbError {
    DbError::Refused(message.into())
}

/// Connects to PostgreSQL and brings its schema up to date.
pub async fn open_postgres(url: &str) -> Result<PgPool, DbError> {
    let pool = PgPoolOptions::new()
        .max_connections(4)
        .acquire_timeout(std::time::Duration::from_secs(10))
        .connect(url)
        .await
        .map_err(|e| DbError::Open {
            url: redact(url),
            reason: e.to_string(),
        })?;
    POSTGRES_MIGRATOR
        .run(&pool)
        .await
        .map_err(|e| DbError::Migrate(e.to_string()))?;
    Ok(pool)
}

/// The URL without its password, for messages.
pub(crate) fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let credentials = &url[scheme + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme + 3], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    BigInt,
    Int,
    Bool,
    Text,
    Date,
}

enum Value {
    BigInt(Option<i64>),
    Int(Option<i32>),
    Bool(Option<bool>),
    Text(Option<String>),
    Date(Option<chrono::NaiveDate>),
}

/// The target's columns of a table, in order, with their types.
async fn target_columns(
    tx: &mut sqlx::PgConnection,
    table: &str,
) -> Result<Vec<(String, Column)>, DbError> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT column_name::text, data_type::text FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position",
    )
    .bind(table)
    .fetch_all(&mut *tx)
    .await?;
    if rows.is_empty() {
        return Err(refused(format!(
            "the PostgreSQL schema has no table {table}"
        )));
    }
    rows.into_iter()
        .map(|(name, ty)| {
            let column = match ty.as_str() {
                "bigint" => Column::BigInt,
                "integer" | "smallint" => Column::Int,
                "boolean" => Column::Bool,
                "text" | "character varying" => Column::Text,
                "date" => Column::Date,
                other => {
                    return Err(refused(format!(
                        "{table}.{name} has a type the copy does not know ({other})"
                    )))
                }
            };
            Ok((name, column))
        })
        .collect()
}

fn read(row: &sqlx::sqlite::SqliteRow, i: usize, column: Column) -> Result<Value, DbError> {
    Ok(match column {
        Column::BigInt => Value::BigInt(row.try_get(i)?),
        Column::Int => Value::Int(row.try_get::<Option<i64>, _>(i)?.map(|v| v as i32)),
        Column::Bool => Value::Bool(row.try_get::<Option<i64>, _>(i)?.map(|v| v != 0)),
        Column::Text => Value::Text(row.try_get(i)?),
        // SQLite keeps a date as its ISO text; PostgreSQL as a date.
        Column::Date => Value::Date(row.try_get(i)?),
    })
}

async fn copy_table(
    source: &SqlitePool,
    tx: &mut sqlx::PgConnection,
    table: &str,
) -> Result<i64, DbError> {
    let columns = target_columns(tx, table).await?;
    let names = columns
        .iter()
        .map(|(n, _)| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {names} FROM {table} ORDER BY rowid"
    )))
    .fetch_all(source)
    .await?;
    let per_statement = (MAX_PARAMETERS / columns.len()).max(1);
    for chunk in rows.chunks(per_statement) {
        let mut sql = format!("INSERT INTO {table} ({names}) VALUES ");
        let mut values = Vec::with_capacity(chunk.len() * columns.len());
        for (r, row) in chunk.iter().enumerate() {
            if r > 0 {
                sql.push_str(", ");
            }
            sql.push('(');
            for (c, (_, column)) in columns.iter().enumerate() {
                if c > 0 {
                    sql.push_str(", ");
                }
                sql.push_str(&format!("${}", values.len() + 1));
                values.push(read(row, c, *column)?);
            }
            sql.push(')');
        }
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for value in values {
            query = match value {
                Value::BigInt(v) => query.bind(v),
                Value::Int(v) => query.bind(v),
                Value::Bool(v) => query.bind(v),
                Value::Text(v) => query.bind(v),
                Value::Date(v) => query.bind(v),
            };
        }
        query.execute(&mut *tx).await?;
    }
    // Identity counters continue after the copied ids.
    if columns.iter().any(|(n, _)| n == "id") {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE(MAX(id), 0) + 1, false)
             FROM {table}"
        )))
        .execute(&mut *tx)
        .await?;
    }
    Ok(rows.len() as i64)
}

async fn count_sqlite(pool: &SqlitePool, table: &str) -> Result<i64, DbError> {
    Ok(
        sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}")))
            .fetch_one(pool)
            .await?,
    )
}

async fn count_postgres(pool: &PgPool, table: &str) -> Result<i64, DbError> {
    Ok(
        sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}")))
            .fetch_one(pool)
            .await?,
    )
}

/// The audit history as stored on PostgreSQL, in id order.
pub async fn postgres_audit_rows(pool: &PgPool) -> Result<Vec<AuditRow>, DbError> {
    let rows: Vec<StoredAuditRow> = sqlx::query_as(SELECT_ROWS).fetch_all(pool).await?;
    Ok(rows.into_iter().map(AuditRow::from).collect())
}

/// Copies everything from `source` (at the latest SQLite migration) into the PostgreSQL
/// database at `target`, which must be empty, and verifies the result.
pub async fn sqlite_to_postgres(
    source: &SqlitePool,
    target: &str,
    key: Option<&crate::audit::ChainKey>,
) -> Result<CopyReport, DbError> {
    let known: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table'
           AND name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations' ORDER BY name",
    )
    .fetch_all(source)
    .await?;
    if let Some(unknown) = known.iter().find(|t| !TABLES.contains(&t.as_str())) {
        return Err(refused(format!(
            "the SQLite database has a table the copy does not know: {unknown}"
        )));
    }
    let pool = open_postgres(target).await?;
    for table in TABLES {
        if count_postgres(&pool, table).await? > 0 {
            pool.close().await;
            return Err(refused(format!(
                "the PostgreSQL database is not empty ({table} has rows): copy only into an \
                 empty database"
            )));
        }
    }
    let mut tx = pool.begin().await?;
    sqlx::query("SET CONSTRAINTS ALL DEFERRED")
        .execute(&mut *tx)
        .await?;
    let mut tables = Vec::new();
    for table in TABLES {
        let n = copy_table(source, &mut tx, table).await?;
        tables.push((table.to_string(), n));
    }
    tx.commit().await?;

    // Prove it: the same number of rows everywhere, and the same intact audit chain.
    let mut report = CopyReport {
        tables: Vec::new(),
        audit_rows: 0,
        last_hash: None,
    };
    for table in TABLES {
        let (here, there) = (
            count_sqlite(source, table).await?,
            count_postgres(&pool, table).await?,
        );
        if here != there {
            pool.close().await;
            return Err(refused(format!(
                "verification failed: {table} has {here} rows in SQLite but {there} in PostgreSQL"
            )));
        }
        report.tables.push((table.to_string(), there));
    }
    let copied = postgres_audit_rows(&pool).await?;
    pool.close().await;
    let original: Vec<StoredAuditRow> = sqlx::query_as(SELECT_ROWS).fetch_all(source).await?;
    let original_last = original.into_iter().last().map(|r| AuditRow::from(r).hash);
    match verify_chain(&copied, key) {
        ChainReport::Intact { rows } => report.audit_rows = rows,
        ChainReport::Broken { row_id, reason } => {
            return Err(refused(format!(
                "verification failed: the copied audit history breaks at row {row_id}: {reason}"
            )))
        }
    }
    report.last_hash = copied.last().map(|r| r.hash.clone());
    if report.last_hash != original_last {
        return Err(refused(
            "verification failed: the copied audit history does not end where the original does",
        ));
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_not_shown() {
        assert_eq!(
            redact("postgres://exemplar:secret@db.example:5432/exemplar"),
            "postgres://exemplar:***@db.example:5432/exemplar"
        );
        assert_eq!(
            redact("postgres://postgres@127.0.0.1/x"),
            "postgres://postgres@127.0.0.1/x"
        );
    }
}
