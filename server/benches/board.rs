//! The board's figures, measured on a real server (in this process, over HTTP on
//! loopback) with a campaign of 10,000 nominations: run by `cargo xtask bench`, which
//! writes them to BENCHMARKS.md. Not a test: it asserts nothing about time.
//!
//! Set `BENCH_OUT` to the file to write the Markdown rows to.

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
async fn cards_in(app_db: &std::path::Path, stage: &str, n: usize) -> Vec<(i64, i64)> {
    let options = sqlx::sqlite::SqliteConnectOptions::new().filename(app_db);
    let pool = sqlx::SqlitePool::connect_with(options).await.unwrap();
    let rows: Vec<(i64, i64)> =
        sqlx::query_as("SELECT id, version FROM nominations WHERE stage = ? ORDER BY id LIMIT ?")
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

/// `clients` clients, each toggling its own card between discovered and dropped (a drop
/// with a reason, then a restore), as fast as the server answers, for MOVE_SECONDS.
async fn moves(bench: Arc<Bench>, cookie: &str, cards: &[(i64, i64)]) -> (f64, f64, f64, usize) {
    let deadline = Instant::now() + Duration::from_secs(MOVE_SECONDS);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for &(id, version) in cards {
        let bench = bench.clone();
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

async fn fanout(
    bench: Arc<Bench>,
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
        let url = format!("{}/events?after={after}", bench.base);
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

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("bench.db");
        let mut settings = Settings::for_tests(&db, dir.path());
        settings.demo_data = false;
        {
            let store = server::db::open(&settings.database_url).await.unwrap();
            store.migrate().await.unwrap();
            store
                .load_dataset(&server::seed::synthetic::dataset(NOMINATIONS))
                .await
                .unwrap();
            store.close().await;
        }
        let app = Application::build(settings).await.expect("server starts");
        let base = format!("http://{}", app.addr());
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let server = tokio::spawn(app.run_until_stopped(async {
            let _ = stopped.await;
        }));
        let bench = Arc::new(Bench {
            base,
            client: reqwest::Client::builder().pool_max_idle_per_host(400).build().unwrap(),
        });
        let office = bench.login("office").await;
        let leader = bench.login("leader").await;

        let mut rows = Vec::new();
        let (p50, p95) = ssr(&bench, &office).await;
        eprintln!("board SSR: p50 {p50:.1} ms, p95 {p95:.1} ms");
        rows.push(format!("| Board SSR, {NOMINATIONS} nominations (office sees all), 200 requests | p50 {p50:.1} ms · p95 {p95:.1} ms | p95 < 30 ms |"));

        let cards = cards_in(&db, "discovered", 450).await;
        let [(p50, p95), (u50, u95)] = summary(&bench, &leader, &office, cards[400]).await;
        eprintln!("summary SSR: p50 {p50:.1} ms, p95 {p95:.1} ms; after a move: p50 {u50:.1} ms, p95 {u95:.1} ms");
        rows.push(format!("| Summary page SSR (`/summary`), {NOMINATIONS} nominations, leadership, 200 requests | p50 {p50:.1} ms · p95 {p95:.1} ms | p95 < 50 ms |"));
        rows.push(format!("| Summary data right after a move elsewhere (live update, 100 moves) | p50 {u50:.1} ms · p95 {u95:.1} ms | incremental |"));
        for (n, slice) in [(50usize, &cards[..50]), (200, &cards[50..250])] {
            let (rate, p50, p95, refused) = moves(bench.clone(), &office, slice).await;
            eprintln!("moves, {n} clients: {rate:.0}/s, p50 {p50:.1} ms, p95 {p95:.1} ms, refused {refused}");
            rows.push(format!("| Guarded moves, {n} concurrent clients, {MOVE_SECONDS} s, synchronous=FULL | {rate:.0} moves/s · p50 {p50:.1} ms · p95 {p95:.1} ms ({refused} refused) | ≥ 5,000/s, p95 < 25 ms at 200 |"));
        }

        let last_seq = {
            let options = sqlx::sqlite::SqliteConnectOptions::new().filename(&db);
            let pool = sqlx::SqlitePool::connect_with(options).await.unwrap();
            let seq: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM events")
                .fetch_one(&pool)
                .await
                .unwrap();
            pool.close().await;
            seq
        };
        let (p50, p95, complete) =
            fanout(bench.clone(), &office, &leader, cards[300], last_seq).await;
        eprintln!("fan-out to {SUBSCRIBERS}: p50 {p50:.1} ms, p95 {p95:.1} ms, {complete} got all");
        rows.push(format!("| Move → arrival at {SUBSCRIBERS} SSE subscribers ({FANOUT_MOVES} moves; from sending the move) | p50 {p50:.1} ms · p95 {p95:.1} ms ({complete}/{SUBSCRIBERS} received every event) | p95 < 100 ms |"));

        let _ = stop.send(());
        let _ = server.await;
        let text = rows.join("\n") + "\n";
        match std::env::var("BENCH_OUT") {
            Ok(path) => std::fs::write(path, text).unwrap(),
            Err(_) => print!("{text}"),
        }
    });
}
