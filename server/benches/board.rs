//! The board's figures, measured on the release server in a **separate process** (the
//! binary `BENCH_SERVER_BIN` names, by default `target/release/exemplar`; this process is
//! only the load generator, over HTTP on loopback) with a campaign of 10,000 nominations:
//! run by `cargo xtask bench`, which builds the server and writes the figures to
//! BENCHMARKS.md. Not a test: it asserts nothing about time. The server's memory (its
//! `VmRSS`, and `VmHWM`, the peak) is read from `/proc` while 1,000 live subscribers are
//! connected.
//!
//! Set `BENCH_OUT` to the file to write the Markdown rows to, and `BENCH_ONLY=moves` to
//! measure only the guarded moves on one instance (`pg-moves`: PostgreSQL's only), or `BENCH_ONLY=pages` only the
//! board's and the summary's pages on both backends, or `BENCH_ONLY=sqlite` every SQLite
//! figure and no PostgreSQL one (every other cell is left unmeasured): quicker loops when
//! working on the move writer, the pages or the server's memory.

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

const NOMINATIONS: usize = 10_000;
const MOVE_SECONDS: u64 = 10;
const SUBSCRIBERS: usize = 1_000;
const FANOUT_MOVES: usize = 20;
/// Live streams one session may hold (the server's `live::STREAMS_PER_SESSION`): the
/// subscribers sign in this many times over.
const STREAMS_PER_SESSION: usize = server::live::STREAMS_PER_SESSION;

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
) -> (f64, f64, f64, usize, usize) {
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
    let count = all.len();
    (
        rate,
        percentile(&mut all, 0.5),
        percentile(&mut all, 0.95),
        refused,
        count,
    )
}

/// Where the CPU went during a measurement: the servers' processes, this load generator,
/// and the whole machine (PostgreSQL's processes included), read from `/proc`.
struct Cpu {
    servers: f64,
    generator: f64,
    busy: f64,
    total: f64,
}

/// Seconds of CPU a process has used (`utime + stime` of `/proc/PID/stat`).
fn process_cpu(pid: &str) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let after = stat.rfind(')').map_or("", |i| &stat[i + 1..]);
    let fields: Vec<f64> = after
        .split_whitespace()
        .map(|f| f.parse().unwrap_or(0.0))
        .collect();
    // After the command: state ppid pgrp session tty tpgid flags minflt cminflt majflt
    // cmajflt utime stime (fields 14 and 15 of the line).
    (fields.get(11).copied().unwrap_or(0.0) + fields.get(12).copied().unwrap_or(0.0))
        / clock_ticks()
}

fn clock_ticks() -> f64 {
    static TICKS: std::sync::OnceLock<f64> = std::sync::OnceLock::new();
    *TICKS.get_or_init(|| {
        Command::new("getconf")
            .arg("CLK_TCK")
            .output()
            .ok()
            .and_then(|o| String::from_utf8_lossy(&o.stdout).trim().parse().ok())
            .unwrap_or(100.0)
    })
}

impl Cpu {
    fn sample(servers: &[&Instance]) -> Cpu {
        let line = std::fs::read_to_string("/proc/stat").unwrap_or_default();
        let ticks: Vec<f64> = line
            .lines()
            .next()
            .unwrap_or("")
            .split_whitespace()
            .skip(1)
            .map(|f| f.parse().unwrap_or(0.0))
            .collect();
        // user nice system idle iowait irq softirq steal: idle and iowait are not busy.
        let total: f64 = ticks.iter().take(8).sum();
        let idle = ticks.get(3).copied().unwrap_or(0.0) + ticks.get(4).copied().unwrap_or(0.0);
        Cpu {
            servers: servers
                .iter()
                .map(|s| process_cpu(&s.child.id().to_string()))
                .sum(),
            generator: process_cpu("self"),
            busy: total - idle,
            total,
        }
    }

    /// The CPU each of `count` moves cost since `self` was sampled, as a table's words.
    fn per_move(&self, servers: &[&Instance], count: usize) -> String {
        let now = Cpu::sample(servers);
        let n = count.max(1) as f64;
        format!(
            "CPU per move: server {:.2} ms, load generator {:.2} ms; machine busy {:.0} %",
            (now.servers - self.servers) * 1000.0 / n,
            (now.generator - self.generator) * 1000.0 / n,
            100.0 * (now.busy - self.busy) / (now.total - self.total).max(1.0)
        )
    }
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
    watched: &Instance,
    office: &str,
    watchers: &[String],
    card: (i64, i64),
    after: i64,
) -> (f64, f64, usize, [Memory; 2]) {
    let (tx, _) = tokio::sync::broadcast::channel::<()>(4);
    let mut tasks = Vec::new();
    let ready = Arc::new(tokio::sync::Semaphore::new(0));
    for i in 0..SUBSCRIBERS {
        let client = reqwest::Client::new();
        let url = format!("{}/events?after={after}", watched.bench.base);
        let cookie = watchers[i / STREAMS_PER_SESSION].clone();
        let ready = ready.clone();
        let mut stop = tx.subscribe();
        tasks.push(tokio::spawn(async move {
            let mut resp = client
                .get(url)
                .header("cookie", cookie)
                .send()
                .await
                .unwrap();
            assert_eq!(resp.status().as_u16(), 200, "a live stream was refused");
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
    let connected = watched.memory();
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
    // The server's memory with every subscriber still connected.
    let memory = watched.memory();
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
        [connected, memory],
    )
}

/// Sessions enough for `SUBSCRIBERS` live streams of `username`.
async fn watcher_sessions(bench: &Bench, username: &str) -> Vec<String> {
    let mut sessions = Vec::new();
    for _ in 0..SUBSCRIBERS.div_ceil(STREAMS_PER_SESSION) {
        sessions.push(bench.login(username).await);
    }
    sessions
}

#[derive(Clone, Copy, PartialEq)]
enum Backend {
    Sqlite,
    Postgres,
}

/// A running instance of the server: the release binary in its own process.
struct Instance {
    bench: Arc<Bench>,
    child: Child,
}

/// A server's resident memory (`VmRSS`) and its peak so far (`VmHWM`), in KiB.
#[derive(Clone, Copy, Default)]
struct Memory {
    rss_kib: f64,
    peak_kib: f64,
}

impl Memory {
    fn mib(self) -> f64 {
        self.rss_kib / 1024.0
    }
}

/// The server's memory after each phase of a run: where it grew.
struct Phases {
    started: Memory,
    pages: Memory,
    moves: Memory,
    /// The subscribers connected, before any event is sent to them.
    connected: Memory,
    /// After the fan-out's events reached them, still connected.
    subscribers: Memory,
}

impl Phases {
    fn cell(&self) -> String {
        format!(
            "{:.0} MiB (peak {:.0} MiB); after each phase: started {:.0} · pages {:.0} · moves {:.0} · subscribers connected {:.0} · their {FANOUT_MOVES} events sent {:.0} MiB",
            self.subscribers.mib(),
            self.subscribers.peak_kib / 1024.0,
            self.started.mib(),
            self.pages.mib(),
            self.moves.mib(),
            self.connected.mib(),
            self.subscribers.mib(),
        )
    }
}

/// The server binary: `BENCH_SERVER_BIN`, or the workspace's release build.
fn server_bin() -> PathBuf {
    std::env::var_os("BENCH_SERVER_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/release/exemplar"))
}

/// A free port on loopback (the server binds it a moment later).
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port on loopback")
}

/// Starts the server binary on `db_url`, its files (audit key, dossier files, log) in
/// `dir`, and waits until it answers.
async fn start(db_url: &str, dir: &Path) -> Instance {
    let bin = server_bin();
    assert!(
        bin.exists(),
        "{} is missing: `cargo xtask bench` builds it (or set BENCH_SERVER_BIN)",
        bin.display()
    );
    let addr = format!("127.0.0.1:{}", free_port());
    let log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join("server.log"))
        .unwrap();
    let child = Command::new(&bin)
        .env("DATABASE_URL", db_url)
        .env("LEPTOS_SITE_ADDR", &addr)
        .env(
            "LEPTOS_SITE_ROOT",
            std::env::var_os("BENCH_SITE_ROOT").unwrap_or_else(|| dir.as_os_str().into()),
        )
        .env("EXEMPLAR_AUDIT_KEY_FILE", dir.join("audit.key"))
        .env("EXEMPLAR_FILES_DIR", dir.join("files"))
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null())
        .stdout(Stdio::from(log.try_clone().unwrap()))
        .stderr(Stdio::from(log))
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", bin.display()));
    let base = format!("http://{addr}");
    let bench = Arc::new(Bench {
        base: base.clone(),
        client: reqwest::Client::builder()
            .pool_max_idle_per_host(400)
            .build()
            .unwrap(),
    });
    let started = Instant::now();
    loop {
        if let Ok(resp) = bench.client.get(format!("{base}/login")).send().await {
            if resp.status().is_success() {
                break;
            }
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the server did not answer within a minute (its log: {})",
            dir.join("server.log").display()
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    Instance { bench, child }
}

impl Instance {
    fn memory(&self) -> Memory {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default();
        let field = |name: &str| {
            status
                .lines()
                .find(|l| l.starts_with(name))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<f64>().ok())
                .unwrap_or(f64::NAN)
        };
        Memory {
            rss_kib: field("VmRSS:"),
            peak_kib: field("VmHWM:"),
        }
    }

    async fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
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
    /// The server's memory while the subscribers of the (first) fan-out are connected.
    memory: String,
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
            memory: NOT_MEASURED.into(),
        }
    }
}

/// What a run measures (`BENCH_ONLY`).
#[derive(Clone, Copy, PartialEq)]
enum Scope {
    Everything,
    /// PostgreSQL's guarded moves on one instance, nothing else (`BENCH_ONLY=pg-moves`).
    PgMoves,
    /// Both backends' guarded moves on one instance, nothing else (`BENCH_ONLY=moves`).
    Moves,
    /// Every SQLite figure, no PostgreSQL one (`BENCH_ONLY=sqlite`).
    Sqlite,
    /// The board's and the summary's pages on both backends, nothing else
    /// (`BENCH_ONLY=pages`).
    Pages,
}

impl Scope {
    fn from_env() -> Scope {
        match std::env::var("BENCH_ONLY").as_deref() {
            Err(_) | Ok("") => Scope::Everything,
            Ok("pg-moves") => Scope::PgMoves,
            Ok("moves") => Scope::Moves,
            Ok("pages") => Scope::Pages,
            Ok("sqlite") => Scope::Sqlite,
            Ok(other) => {
                panic!("BENCH_ONLY={other}: expected moves, pg-moves, pages, sqlite, or unset")
            }
        }
    }

    /// Only the moves on one instance are measured.
    fn moves_only(self) -> bool {
        matches!(self, Scope::PgMoves | Scope::Moves)
    }
}

async fn measure(backend: Backend, scope: Scope) -> Column {
    let dir = tempfile::tempdir().unwrap();
    let postgres = if backend == Backend::Postgres {
        Some(fresh_postgres().await)
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
        let url = server::configuration::DatabaseUrl::parse(&db_url).unwrap();
        let store = server::db::open(&url).await.unwrap();
        store.migrate().await.unwrap();
        store
            .load_dataset(&server::seed::synthetic::dataset(NOMINATIONS))
            .await
            .unwrap();
        store.close().await;
    }
    let a = start(&db_url, dir.path()).await;
    let bench = a.bench.clone();
    let office = bench.login("office").await;
    let leader = bench.login("leader").await;
    let mut column = Column {
        moves: Vec::new(),
        ..Column::unmeasured()
    };

    let cards = cards_in(&db_url, "discovered", 700).await;
    let started = a.memory();
    if !scope.moves_only() {
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
    let pages = a.memory();
    for (n, slice) in [(50usize, &cards[..50]), (200, &cards[50..250])] {
        let cpu = Cpu::sample(&[&a]);
        let (rate, p50, p95, refused, count) =
            moves(std::slice::from_ref(&bench), &office, slice).await;
        let cpu = cpu.per_move(&[&a], count);
        eprintln!("{label}: moves, {n} clients: {rate:.0}/s, p50 {p50:.1} ms, p95 {p95:.1} ms, refused {refused}; {cpu}");
        column.moves.push(format!(
            "{rate:.0} moves/s · p50 {p50:.1} ms · p95 {p95:.1} ms ({refused} refused) · {cpu}"
        ));
    }
    if scope.moves_only() {
        a.stop().await;
        if let Some((_, admin, name)) = postgres {
            drop_postgres(&admin, &name).await;
        }
        return column;
    }

    let moved = a.memory();
    let last_seq = {
        let pool = sqlx::AnyPool::connect(&db_url).await.unwrap();
        let seq: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM events")
            .fetch_one(&pool)
            .await
            .unwrap();
        pool.close().await;
        seq
    };
    let watchers = watcher_sessions(&bench, "leader").await;
    let (p50, p95, complete, [connected, subscribers]) =
        fanout(bench.clone(), &a, &office, &watchers, cards[300], last_seq).await;
    let memory = Phases {
        started,
        pages,
        moves: moved,
        connected,
        subscribers,
    };
    eprintln!(
        "{label}: fan-out to {SUBSCRIBERS}: p50 {p50:.1} ms, p95 {p95:.1} ms, {complete} got all; server RSS {}",
        memory.cell()
    );
    column.memory = memory.cell();
    column.fanout = format!(
        "p50 {p50:.1} ms · p95 {p95:.1} ms ({complete}/{SUBSCRIBERS} received every event)"
    );

    if postgres.is_some() {
        // A second instance on the same database, as behind a load balancer.
        let b = start(&db_url, dir.path()).await;
        let cpu = Cpu::sample(&[&a, &b]);
        let (rate, p50, p95, refused, count) =
            moves(&[bench.clone(), b.bench.clone()], &office, &cards[450..650]).await;
        let cpu = cpu.per_move(&[&a, &b], count);
        eprintln!("{label}: moves, 200 clients over two instances: {rate:.0}/s, p50 {p50:.1} ms, p95 {p95:.1} ms, refused {refused}; {cpu}");
        column.moves_two = format!(
            "{rate:.0} moves/s · p50 {p50:.1} ms · p95 {p95:.1} ms ({refused} refused) · {cpu}"
        );
        let pool = sqlx::AnyPool::connect(&db_url).await.unwrap();
        let last_seq: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM events")
            .fetch_one(&pool)
            .await
            .unwrap();
        pool.close().await;
        let watchers = watcher_sessions(&b.bench, "leader").await;
        let (p50, p95, complete, _) =
            fanout(bench.clone(), &b, &office, &watchers, cards[301], last_seq).await;
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
        let pg = if scope != Scope::Sqlite {
            measure(Backend::Postgres, scope).await
        } else {
            Column::unmeasured()
        };
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
        rows.push(row(format!("Server memory (RSS, its own process), {NOMINATIONS} nominations, after the moves, {SUBSCRIBERS} live subscribers connected"), &sqlite.memory, &pg.memory, "< 150 MiB"));
        let text = rows.join("\n") + "\n";
        match std::env::var("BENCH_OUT") {
            Ok(path) => std::fs::write(path, text).unwrap(),
            Err(_) => print!("{text}"),
        }
    });
}
