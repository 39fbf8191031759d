//! The board's figures, measured on a real server (in this process, over HTTP on
//! loopback) with a campaign of 10,000 nominations: run by `cargo xtask bench`, which
//! writes them to BENCHMARKS.md. Not a test: it asserts nothing about time.
//!
//! Set `BENCH_OUT` to the file to write the Markdown rows to, and `BENCH_ONLY=pg-moves` to
//! measure only PostgreSQL's guarded moves on one instance, or `BENCH_ONLY=pages` only the
//! board's and the summary's pages on both backends (every other cell is left unmeasured):
//! quicker loops when working on the move writer or the pages.

use serde_json::{json, Value};
use server::configuration::Settings;
use server::startup::Application;
use std::sync::Arc;
use std::time::{Duration, Instant};

const NOMINATIONS: usize = 10_000;
const MOVE_SECONDS: u64 = 10;
const SUBSCRIBERS: usize = 1_000;
const FANOUT_MOVES: usize = 20;

fn percentile(samples: &mut [f64], p: f64) -> f64 {
    samples.sort_by(|a, b| a.total_cmp(b));
    if samples.is_empty() {
        return f64::NAN;
    }
    let i = ((samples.len() as f64 - 1.0) * p).round() as usize;
    samples[i]
}

struct Bench {
    base: String,
    client: reqwest::Client,
}

impl Bench {
    async fn login(&self, username: &str) -> String {
        let resp = self
            .client
            .post(format!("{}/login", self.base))
            .header("origin", &self.base)
            .form(&[
                ("username", username),
                ("password", server::seed::demo::DEMO_PASSWORD),
            ])
            .send()
            .await
            .expect("login");
        resp.headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.starts_with("exemplar_session="))
            .and_then(|v| v.split(';').next())
            .expect("session cookie")
            .to_string()
    }

    async fn call(&self, cookie: &str, endpoint: &str, body: Value) -> (u16, Value) {
        let resp = self
            .client
            .post(format!("{}/api/{endpoint}", self.base))
            .header("origin", &self.base)
            .header("cookie", cookie)
            .json(&body)
            .send()
            .await
            .expect("request");
        let status = resp.status().as_u16();
        (status, resp.json().await.unwrap_or(Value::Null))
    }
}

/// Ids and versions of the cards of a stage, from the database.
async fn cards_in(db_url: &str, stage: &str, n: usize) -> Vec<(i64, i64)> {
    let pool = sqlx::AnyPool::connect(db_url).await.unwrap();
    let rows: Vec<(i64, i64)> =
        sqlx::query_as("SELECT id, version FROM nominations WHERE stage = $1 ORDER BY id LIMIT $2")
            .bind(stage)
            .bind(n as i64)
            .fetch_all(&pool)
            .await
            .unwrap();
    pool.close().await;
    rows
}

async fn ssr(bench: &Bench, cookie: &str) -> (f64, f64) {
    let url = format!("{}/board", bench.base);
    for _ in 0..10 {
        bench
            .client
            .get(&url)
            .header("cookie", cookie)
            .send()
            .await
            .unwrap()
            .bytes()
            .await
            .unwrap();
    }
    let mut samples = Vec::new();
    for _ in 0..200 {
        let t = Instant::now();
        let resp = bench
            .client
            .get(&url)
            .header("cookie", cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status().as_u16(), 200);
        resp.bytes().await.unwrap();
        samples.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    (
        percentile(&mut samples, 0.5),
        percentile(&mut samples, 0.95),
    )
}

/// Leadership's summary: the page rendered on the server (`GET /summary`), and the
/// summary's data read right after a move made by someone else (the live update: the
/// running tallies catch up from the event log; nothing is recounted).
async fn summary(bench: &Bench, leader: &str, office: &str, card: (i64, i64)) -> [(f64, f64); 2] {
    let url = format!("{}/summary", bench.base);
    let get = |url: String| async move {
        let t = Instant::now();
        let resp = bench
            .client
            .get(&url)
            .header("cookie", leader)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status().as_u16(), 200);
        resp.bytes().await.unwrap();
        t.elapsed().as_secs_f64() * 1000.0
    };
    for _ in 0..10 {
        get(url.clone()).await;
    }
    let mut page = Vec::new();
    for _ in 0..200 {
        page.push(get(url.clone()).await);
    }
    let (id, mut version) = card;
    let mut dropped = false;
    let mut after_move = Vec::new();
    for _ in 0..100 {
        let (to, reason) = if dropped {
            ("discovered", Value::Null)
        } else {
            ("dropped", json!("Đo hiệu năng"))
        };
        let request = json!({ "request": { "id": id, "version": version, "to": to,
            "place": "top", "reason": reason, "undo_of": null } });
        let (status, body) = bench.call(office, "board/move", request).await;
        assert_eq!(status, 200, "{body}");
        version = body["card"]["version"].as_i64().unwrap();
        dropped = !dropped;
        let t = Instant::now();
        let (status, _) = bench.call(leader, "summary", json!({ "year": null })).await;
        assert_eq!(status, 200);
        after_move.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    [
        (percentile(&mut page, 0.5), percentile(&mut page, 0.95)),
        (
            percentile(&mut after_move, 0.5),
            percentile(&mut after_move, 0.95),
        ),
    ]
}

/// One client per card, each toggling its card between discovered and dropped (a drop
/// with a reason, then a restore), as fast as the server answers, for MOVE_SECONDS; the
/// clients are spread over `benches` (instances of one database).
async fn moves(
    benches: &[Arc<Bench>],
    cookie: &str,
    cards: &[(i64, i64)],
) -> (f64, f64, f64, usize) {
    let deadline = Instant::now() + Duration::from_secs(MOVE_SECONDS);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for (i, &(id, version)) in cards.iter().enumerate() {
        let bench = benches[i % benches.len()].clone();
        let cookie = cookie.to_string();
        tasks.push(tokio::spawn(async move {
            let mut version = version;
            let mut dropped = false;
            let mut latencies = Vec::new();
            let mut refused = 0;
            while Instant::now() < deadline {
                let (to, reason) = if dropped {
                    ("discovered", Value::Null)
                } else {
                    ("dropped", json!("Đo hiệu năng"))
                };
                let request = json!({ "request": { "id": id, "version": version, "to": to,
                    "place": "top", "reason": reason, "undo_of": null } });
                let t = Instant::now();
                let (status, body) = bench.call(&cookie, "board/move", request).await;
                let ms = t.elapsed().as_secs_f64() * 1000.0;
                if status == 200 {
                    latencies.push(ms);
                    version = body["card"]["version"].as_i64().unwrap();
                    dropped = !dropped;
                } else {
                    refused += 1;
                }
            }
            (latencies, refused)
        }));
    }
    let mut all = Vec::new();
    let mut refused = 0;
    for t in tasks {
        let (l, r) = t.await.unwrap();
        all.extend(l);
        refused += r;
    }
    let elapsed = started.elapsed().as_secs_f64();
    let rate = all.len() as f64 / elapsed;
    (
        rate,
        percentile(&mut all, 0.5),
        percentile(&mut all, 0.95),
        refused,
    )
}

/// Reads one SSE event's arrival from a streaming response.
async fn next_event(resp: &mut reqwest::Response, buf: &mut String) -> bool {
    loop {
        if let Some(end) = buf.find("\n\n") {
            let block: String = buf.drain(..end + 2).collect();
            if block.lines().any(|l| l.starts_with("id:")) {
                return true;
            }
            continue;
        }
        match resp.chunk().await {
            Ok(Some(chunk)) => buf.push_str(&String::from_utf8_lossy(&chunk)),
            _ => return false,
        }
    }
}

/// Moves made through `bench`, received by SSE subscribers of `watched` (the same
/// instance, or another one on the same database).
async fn fanout(
    bench: Arc<Bench>,
    watched: Arc<Bench>,
    office: &str,
    watcher: &str,
    card: (i64, i64),
    after: i64,
) -> (f64, f64, usize) {
    let (tx, _) = tokio::sync::broadcast::channel::<()>(4);
    let mut tasks = Vec::new();
    let ready = Arc::new(tokio::sync::Semaphore::new(0));
    for _ in 0..SUBSCRIBERS {
        let client = reqwest::Client::new();
        let url = format!("{}/events?after={after}", watched.base);
        let cookie = watcher.to_string();
        let ready = ready.clone();
        let mut stop = tx.subscribe();
        tasks.push(tokio::spawn(async move {
            let mut resp = client
                .get(url)
                .header("cookie", cookie)
                .send()
                .await
                .unwrap();
            ready.add_permits(1);
            let mut buf = String::new();
            let mut arrivals = Vec::new();
            loop {
                tokio::select! {
                    got = next_event(&mut resp, &mut buf) => {
                        if !got { break }
                        arrivals.push(Instant::now());
                    }
                    _ = stop.recv() => break,
                }
            }
            arrivals
        }));
    }
    let _ = ready.acquire_many(SUBSCRIBERS as u32).await.unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let (id, mut version) = card;
    let mut sent = Vec::new();
    for i in 0..FANOUT_MOVES {
        let (to, reason) = if i % 2 == 0 {
            ("dropped", json!("Đo hiệu năng"))
        } else {
            ("discovered", Value::Null)
        };
        let request = json!({ "request": { "id": id, "version": version, "to": to,
            "place": "top", "reason": reason, "undo_of": null } });
        let t = Instant::now();
        let (status, body) = bench.call(office, "board/move", request).await;
        assert_eq!(status, 200, "{body}");
        version = body["card"]["version"].as_i64().unwrap();
        sent.push(t);
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let _ = tx.send(());
    let mut samples = Vec::new();
    let mut complete = 0;
    for t in tasks {
        let arrivals = t.await.unwrap();
        if arrivals.len() == FANOUT_MOVES {
            complete += 1;
        }
        for (sent, arrived) in sent.iter().zip(arrivals) {
            samples.push(arrived.duration_since(*sent).as_secs_f64() * 1000.0);
        }
    }
    (
        percentile(&mut samples, 0.5),
        percentile(&mut samples, 0.95),
        complete,
    )
}

#[derive(Clone, Copy, PartialEq)]
enum Backend {
    Sqlite,
    Postgres,
}

/// A running instance of the server.
struct Instance {
    bench: Arc<Bench>,
    stop: tokio::sync::oneshot::Sender<()>,
    server: tokio::task::JoinHandle<Result<(), server::startup::StartupError>>,
}

async fn start(settings: Settings) -> Instance {
    let app = Application::build(settings).await.expect("server starts");
    let base = format!("http://{}", app.addr());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(app.run_until_stopped(async {
        let _ = stopped.await;
    }));
    let bench = Arc::new(Bench {
        base,
        client: reqwest::Client::builder()
            .pool_max_idle_per_host(400)
            .build()
            .unwrap(),
    });
    Instance {
        bench,
        stop,
        server,
    }
}

impl Instance {
    async fn stop(self) {
        let _ = self.stop.send(());
        let _ = self.server.await;
    }
}

/// A fresh PostgreSQL database for the run (`EXEMPLAR_TEST_POSTGRES` names the server, as
/// for the tests): its URL, the server's URL and its name (to drop it afterwards).
async fn fresh_postgres() -> (String, String, String) {
    use sqlx::Connection;
    let admin = std::env::var("EXEMPLAR_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
    let mut conn = sqlx::PgConnection::connect(&admin)
        .await
        .unwrap_or_else(|e| panic!("PostgreSQL at {admin}: {e} (the bench needs it)"));
    let name = format!("exemplar_bench_{}", std::process::id());
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "DROP DATABASE IF EXISTS {name}"
    )))
    .execute(&mut conn)
    .await
    .unwrap();
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut conn)
        .await
        .unwrap();
    let _ = conn.close().await;
    let base = admin.rsplit_once('/').unwrap().0.to_string();
    (format!("{base}/{name}"), admin, name)
}

async fn drop_postgres(admin: &str, name: &str) {
    use sqlx::Connection;
    let mut conn = sqlx::PgConnection::connect(admin).await.unwrap();
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
    )))
    .execute(&mut conn)
    .await
    .unwrap();
    let _ = conn.close().await;
}

/// One backend's figures, each a cell of the report's table.
struct Column {
    ssr: String,
    summary: String,
    summary_live: String,
    moves: Vec<String>,
    fanout: String,
    moves_two: String,
    fanout_two: String,
}

const NOT_MEASURED: &str = "—";

impl Column {
    /// Every cell unmeasured (a backend, or a row, that the run leaves out).
    fn unmeasured() -> Column {
        Column {
            ssr: NOT_MEASURED.into(),
            summary: NOT_MEASURED.into(),
            summary_live: NOT_MEASURED.into(),
            moves: vec![NOT_MEASURED.into(); 2],
            fanout: NOT_MEASURED.into(),
            moves_two: NOT_MEASURED.into(),
            fanout_two: NOT_MEASURED.into(),
        }
    }
}

/// What a run measures (`BENCH_ONLY`).
#[derive(Clone, Copy, PartialEq)]
enum Scope {
    Everything,
    /// PostgreSQL's guarded moves on one instance, nothing else (`BENCH_ONLY=pg-moves`).
    PgMoves,
    /// The board's and the summary's pages on both backends, nothing else
    /// (`BENCH_ONLY=pages`).
    Pages,
}

impl Scope {
    fn from_env() -> Scope {
        match std::env::var("BENCH_ONLY").as_deref() {
            Err(_) | Ok("") => Scope::Everything,
            Ok("pg-moves") => Scope::PgMoves,
            Ok("pages") => Scope::Pages,
            Ok(other) => panic!("BENCH_ONLY={other}: expected pg-moves, pages, or unset"),
        }
    }
}

async fn measure(backend: Backend, scope: Scope) -> Column {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = Settings::for_tests(&dir.path().join("bench.db"), dir.path());
    settings.demo_data = false;
    let postgres = if backend == Backend::Postgres {
        let (url, admin, name) = fresh_postgres().await;
        settings.database_url = server::configuration::DatabaseUrl::parse(&url).unwrap();
        Some((url, admin, name))
    } else {
        None
    };
    let db_url = match &postgres {
        Some((url, _, _)) => url.clone(),
        None => format!("sqlite://{}", dir.path().join("bench.db").display()),
    };
    let label = if postgres.is_some() {
        "PostgreSQL"
    } else {
        "SQLite"
    };
    {
        let store = server::db::open(&settings.database_url).await.unwrap();
        store.migrate().await.unwrap();
        store
            .load_dataset(&server::seed::synthetic::dataset(NOMINATIONS))
            .await
            .unwrap();
        store.close().await;
    }
    let a = start(settings.clone()).await;
    let bench = a.bench.clone();
    let office = bench.login("office").await;
    let leader = bench.login("leader").await;
    let mut column = Column {
        moves: Vec::new(),
        ..Column::unmeasured()
    };

    let cards = cards_in(&db_url, "discovered", 700).await;
    if scope != Scope::PgMoves {
        let (p50, p95) = ssr(&bench, &office).await;
        eprintln!("{label}: board SSR: p50 {p50:.1} ms, p95 {p95:.1} ms");
        column.ssr = format!("p50 {p50:.1} ms · p95 {p95:.1} ms");

        let [(p50, p95), (u50, u95)] = summary(&bench, &leader, &office, cards[400]).await;
        eprintln!("{label}: summary SSR: p50 {p50:.1} ms, p95 {p95:.1} ms; after a move: p50 {u50:.1} ms, p95 {u95:.1} ms");
        column.summary = format!("p50 {p50:.1} ms · p95 {p95:.1} ms");
        column.summary_live = format!("p50 {u50:.1} ms · p95 {u95:.1} ms");
    }
    if scope == Scope::Pages {
        column.moves = vec![NOT_MEASURED.into(); 2];
        a.stop().await;
        if let Some((_, admin, name)) = postgres {
            drop_postgres(&admin, &name).await;
        }
        return column;
    }
    for (n, slice) in [(50usize, &cards[..50]), (200, &cards[50..250])] {
        let (rate, p50, p95, refused) = moves(std::slice::from_ref(&bench), &office, slice).await;
        eprintln!("{label}: moves, {n} clients: {rate:.0}/s, p50 {p50:.1} ms, p95 {p95:.1} ms, refused {refused}");
        column.moves.push(format!(
            "{rate:.0} moves/s · p50 {p50:.1} ms · p95 {p95:.1} ms ({refused} refused)"
        ));
    }
    if scope == Scope::PgMoves {
        a.stop().await;
        if let Some((_, admin, name)) = postgres {
            drop_postgres(&admin, &name).await;
        }
        return column;
    }

    let last_seq = {
        let pool = sqlx::AnyPool::connect(&db_url).await.unwrap();
        let seq: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM events")
            .fetch_one(&pool)
            .await
            .unwrap();
        pool.close().await;
        seq
    };
    let (p50, p95, complete) = fanout(
        bench.clone(),
        bench.clone(),
        &office,
        &leader,
        cards[300],
        last_seq,
    )
    .await;
    eprintln!(
        "{label}: fan-out to {SUBSCRIBERS}: p50 {p50:.1} ms, p95 {p95:.1} ms, {complete} got all"
    );
    column.fanout = format!(
        "p50 {p50:.1} ms · p95 {p95:.1} ms ({complete}/{SUBSCRIBERS} received every event)"
    );

    if postgres.is_some() {
        // A second instance on the same database, as behind a load balancer.
        let b = start(settings.clone()).await;
        let (rate, p50, p95, refused) =
            moves(&[bench.clone(), b.bench.clone()], &office, &cards[450..650]).await;
        eprintln!("{label}: moves, 200 clients over two instances: {rate:.0}/s, p50 {p50:.1} ms, p95 {p95:.1} ms, refused {refused}");
        column.moves_two =
            format!("{rate:.0} moves/s · p50 {p50:.1} ms · p95 {p95:.1} ms ({refused} refused)");
        let pool = sqlx::AnyPool::connect(&db_url).await.unwrap();
        let last_seq: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM events")
            .fetch_one(&pool)
            .await
            .unwrap();
        pool.close().await;
        let (p50, p95, complete) = fanout(
            bench.clone(),
            b.bench.clone(),
            &office,
            &leader,
            cards[301],
            last_seq,
        )
        .await;
        eprintln!("{label}: fan-out across instances to {SUBSCRIBERS}: p50 {p50:.1} ms, p95 {p95:.1} ms, {complete} got all");
        column.fanout_two = format!(
            "p50 {p50:.1} ms · p95 {p95:.1} ms ({complete}/{SUBSCRIBERS} received every event)"
        );
        b.stop().await;
    }
    a.stop().await;
    if let Some((_, admin, name)) = postgres {
        drop_postgres(&admin, &name).await;
    }
    column
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        sqlx::any::install_default_drivers();
        let scope = Scope::from_env();
        let sqlite = if scope != Scope::PgMoves {
            measure(Backend::Sqlite, scope).await
        } else {
            Column::unmeasured()
        };
        let pg = measure(Backend::Postgres, scope).await;
        let row = |what: String, s: &str, p: &str, target: &str| format!("| {what} | {s} | {p} | {target} |");
        let mut rows = vec![
            row(format!("Board SSR, {NOMINATIONS} nominations (office sees all), 200 requests"), &sqlite.ssr, &pg.ssr, "p95 < 30 ms"),
            row(format!("Summary page SSR (`/summary`), {NOMINATIONS} nominations, leadership, 200 requests"), &sqlite.summary, &pg.summary, "p95 < 50 ms"),
            row("Summary data right after a move elsewhere (live update, 100 moves)".into(), &sqlite.summary_live, &pg.summary_live, "incremental"),
        ];
        for (i, n) in [50, 200].into_iter().enumerate() {
            rows.push(row(format!("Guarded moves, {n} concurrent clients, {MOVE_SECONDS} s"), &sqlite.moves[i], &pg.moves[i], "≥ 5,000/s, p95 < 25 ms at 200"));
        }
        rows.push(row(format!("Move → arrival at {SUBSCRIBERS} SSE subscribers ({FANOUT_MOVES} moves; from sending the move)"), &sqlite.fanout, &pg.fanout, "p95 < 100 ms"));
        rows.push(row(format!("Guarded moves, 200 clients split over **two instances** on one database, {MOVE_SECONDS} s"), &sqlite.moves_two, &pg.moves_two, "several instances"));
        rows.push(row(format!("Move through instance A → arrival at {SUBSCRIBERS} SSE subscribers of instance B"), &sqlite.fanout_two, &pg.fanout_two, "< 1 s"));
        let text = rows.join("\n") + "\n";
        match std::env::var("BENCH_OUT") {
            Ok(path) => std::fs::write(path, text).unwrap(),
            Err(_) => print!("{text}"),
        }
    });
}
