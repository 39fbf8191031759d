//! The crash loop (`cargo xtask crash-test --cycles N`; 10 cycles in `cargo xtask test`):
//! starts the server binary it is given on a fresh SQLite database with the demo data,
//! drives concurrent writes through HTTP as users make them — the office moving cards,
//! council members scoring, the office editing dossiers — and kills the process with
//! SIGKILL at a random moment. Before every restart it checks the file as the crash left
//! it: `PRAGMA integrity_check` ok, the audit chain verifies, and every card's last event
//! is the card as stored (no write half done). After the restart it checks, through HTTP as
//! the users see it, that every write answered 200 is there (and of the write in flight
//! when the process died, either all or nothing). At the end the server is stopped
//! gracefully and `exemplar verify-audit` must agree.
//!
//! Before that stop, the same server is abused as from outside: live streams opened past
//! the instance's cap (each past it must get 429), and a burst of 500 parallel sign-ins
//! at one account from one address (only the allowed guesses may be checked; the server's
//! resident memory is sampled throughout).
//!
//! usage: crash --bin PATH --site DIR --work DIR --cycles N [--seed S] [--report FILE]
//! (`--report`: a Markdown summary for BENCHMARKS.md's "Reliability" section)

use serde_json::{json, Value};
use server::audit::ChainKey;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

type Outcome<T = ()> = Result<T, String>;

/// Cards each writer kind owns (one task per card or sheet; none shares what it writes).
const MOVERS: usize = 6;
const EDITORS: usize = 3;
const SCORERS: usize = 3;
const PASSWORD: &str = server::seed::demo::DEMO_PASSWORD;
/// Live streams the server under test holds at once (`EXEMPLAR_MAX_LIVE_STREAMS`).
const STREAM_CAP: usize = 40;
/// Streams the abuse phase opens on each session (the cap per session is 8).
const STREAMS_EACH: usize = 5;
/// Sign-ins sent at once at one account from one address.
const BURST: usize = 500;
/// The demo data's day (its calendar is open for every kind of write on it).
const TODAY: &str = "2026-10-15";

struct Options {
    bin: PathBuf,
    site: PathBuf,
    work: PathBuf,
    cycles: usize,
    seed: u64,
    report: Option<PathBuf>,
}

fn options() -> Outcome<Options> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let usage = "usage: crash --bin PATH --site DIR --work DIR --cycles N [--seed S]";
    let seed = match value("--seed") {
        Some(s) => s.parse().map_err(|_| usage.to_string())?,
        None => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(1),
    };
    Ok(Options {
        bin: value("--bin").ok_or(usage)?.into(),
        site: value("--site").ok_or(usage)?.into(),
        work: value("--work").ok_or(usage)?.into(),
        cycles: value("--cycles")
            .and_then(|n| n.parse().ok())
            .filter(|n| *n > 0)
            .ok_or(usage)?,
        seed: seed.max(1),
        report: value("--report").map(PathBuf::from),
    })
}

/// xorshift64*: reproducible from the printed seed, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn between(&mut self, low: u64, high: u64) -> u64 {
        low + self.next() % (high - low + 1)
    }
}

struct Server {
    child: Child,
    base: String,
}

fn free_port() -> Outcome<u16> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    Ok(listener.local_addr().map_err(|e| e.to_string())?.port())
}

async fn start(opts: &Options, db: &Path, log: &Path) -> Outcome<Server> {
    let port = free_port()?;
    let log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log)
        .map_err(|e| format!("{}: {e}", log.display()))?;
    let child = Command::new(&opts.bin)
        .arg("--demo")
        .env("DATABASE_URL", format!("sqlite://{}", db.display()))
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
        .env("LEPTOS_SITE_ROOT", &opts.site)
        .env("EXEMPLAR_TODAY", TODAY)
        .env("EXEMPLAR_LOG_FORMAT", "json")
        .env("EXEMPLAR_MAX_LIVE_STREAMS", STREAM_CAP.to_string())
        .env_remove("EXEMPLAR_CONFIG")
        .stdout(log.try_clone().map_err(|e| e.to_string())?)
        .stderr(log)
        .stdin(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", opts.bin.display()))?;
    let base = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::new();
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut server = Server { child, base };
    loop {
        if let Ok(Some(status)) = server.child.try_wait() {
            return Err(format!("the server ended at start ({status})"));
        }
        if let Ok(resp) = client.get(format!("{}/login", server.base)).send().await {
            if resp.status().is_success() {
                return Ok(server);
            }
        }
        if Instant::now() > deadline {
            let _ = server.child.kill();
            return Err("the server did not answer within 60 s of its start".into());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[derive(Clone)]
struct Http {
    client: reqwest::Client,
    base: String,
}

impl Http {
    fn new(base: &str) -> Http {
        Http {
            client: reqwest::Client::builder()
                .timeout(Duration::from_secs(30))
                .build()
                .expect("an HTTP client"),
            base: base.to_string(),
        }
    }

    async fn login(&self, username: &str) -> Outcome<String> {
        let resp = self
            .client
            .post(format!("{}/login", self.base))
            .header("origin", &self.base)
            .form(&[("username", username), ("password", PASSWORD)])
            .send()
            .await
            .map_err(|e| format!("{username} signs in: {e}"))?;
        resp.headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.starts_with("exemplar_session="))
            .and_then(|v| v.split(';').next())
            .map(str::to_string)
            .ok_or_else(|| format!("{username} signs in: no session ({})", resp.status()))
    }

    /// A server function's answer, or Err when no answer came (the process died).
    async fn call(&self, cookie: &str, endpoint: &str, body: Value) -> Result<(u16, Value), ()> {
        let resp = self
            .client
            .post(format!("{}/api/{endpoint}", self.base))
            .header("origin", &self.base)
            .header("cookie", cookie)
            .json(&body)
            .send()
            .await
            .map_err(|_| ())?;
        let status = resp.status().as_u16();
        let body = resp.json().await.map_err(|_| ())?;
        Ok((status, body))
    }

    /// An answer that must come and be 200 (outside the moments of a crash).
    async fn must(&self, cookie: &str, endpoint: &str, body: Value) -> Outcome<Value> {
        match self.call(cookie, endpoint, body.clone()).await {
            Ok((200, v)) => Ok(v),
            Ok((status, v)) => Err(format!("{endpoint} {body} answered {status}: {v}")),
            Err(()) => Err(format!("{endpoint} {body}: no answer")),
        }
    }
}

/// What one writer last had acknowledged, and what it sent without an answer.
#[derive(Debug, Clone, PartialEq)]
struct Written<T> {
    acked: T,
    in_flight: Option<T>,
    acknowledged: usize,
}

/// A card an office task drops and restores: (version, stage).
type Moved = Written<(i64, String)>;
/// A dossier an office task edits: (version, description).
type Edited = Written<(i64, String)>;
/// A council member's score on one criterion.
type Scored = Written<Option<i64>>;
type Refusals = Arc<Mutex<Vec<String>>>;
/// A member's score on one criterion: (member, nomination, criterion, weight, state).
type ScoreWriter = (String, i64, String, i64, Arc<Mutex<Scored>>);

struct Plan {
    moves: Vec<(i64, Arc<Mutex<Moved>>)>,
    edits: Vec<(i64, Arc<Mutex<Edited>>)>,
    scores: Vec<ScoreWriter>,
}

async fn db_pool(db: &Path) -> Outcome<sqlx::SqlitePool> {
    sqlx::SqlitePool::connect(&format!("sqlite://{}", db.display()))
        .await
        .map_err(|e| format!("cannot open {}: {e}", db.display()))
}

/// Chooses what each writer owns, from the demo data, and reads where it stands.
async fn plan(http: &Http, db: &Path, cookies: &Cookies) -> Outcome<Plan> {
    let pool = db_pool(db).await?;
    let discovered: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM nominations WHERE stage = 'discovered' ORDER BY id LIMIT ?",
    )
    .bind((MOVERS + EDITORS) as i64)
    .fetch_all(&pool)
    .await
    .map_err(|e| e.to_string())?;
    let scorable: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM nominations WHERE stage IN ('registered', 'fostering', 'evaluating')
         ORDER BY id",
    )
    .fetch_all(&pool)
    .await
    .map_err(|e| e.to_string())?;
    pool.close().await;
    if discovered.len() < MOVERS + EDITORS {
        return Err(format!(
            "the demo data has {} discovered cards, {} needed",
            discovered.len(),
            MOVERS + EDITORS
        ));
    }
    let mut moves = Vec::new();
    for &id in &discovered[..MOVERS] {
        let (version, stage) = card(http, &cookies.office, id).await?;
        moves.push((id, shared_state((version, stage))));
    }
    let mut edits = Vec::new();
    for &id in &discovered[MOVERS..] {
        edits.push((id, shared_state(dossier(http, &cookies.office, id).await?)));
    }
    // Each member scores the first criterion of a sheet they may still change.
    let mut scores = Vec::new();
    for (member, cookie) in &cookies.council {
        for &id in &scorable {
            let Ok((200, sheet)) = http
                .call(cookie, "council/sheet", json!({ "id": id }))
                .await
            else {
                continue;
            };
            if sheet["state"]["state"] != json!("open") {
                continue;
            }
            let Some(first) = sheet["criteria"].get(0) else {
                continue;
            };
            let code = first["code"].as_str().unwrap_or_default().to_string();
            let weight = first["weight"].as_i64().unwrap_or(0);
            let probe = json!({ "id": id, "change": { "change": "score", "criterion": code,
                "score": first["score"], "comment": "" } });
            if !matches!(
                http.call(cookie, "council/change", probe).await,
                Ok((200, _))
            ) {
                continue;
            }
            scores.push((
                member.clone(),
                id,
                code,
                weight,
                shared_state(first["score"].as_i64()),
            ));
            break;
        }
    }
    if scores.len() < SCORERS {
        return Err(format!(
            "only {} council members have a sheet to score in the demo data",
            scores.len()
        ));
    }
    Ok(Plan {
        moves,
        edits,
        scores,
    })
}

fn shared_state<T>(acked: T) -> Arc<Mutex<Written<T>>> {
    Arc::new(Mutex::new(Written {
        acked,
        in_flight: None,
        acknowledged: 0,
    }))
}

struct Cookies {
    office: String,
    council: Vec<(String, String)>,
}

async fn card(http: &Http, cookie: &str, id: i64) -> Outcome<(i64, String)> {
    let card = http.must(cookie, "board/card", json!({ "id": id })).await?;
    Ok((
        card["version"].as_i64().ok_or("a card without a version")?,
        card["stage"]
            .as_str()
            .ok_or("a card without a stage")?
            .into(),
    ))
}

async fn dossier(http: &Http, cookie: &str, id: i64) -> Outcome<(i64, String)> {
    let form = http
        .must(cookie, "nominations/form", json!({ "id": id }))
        .await?;
    Ok((
        form["version"].as_i64().ok_or("a form without a version")?,
        form["draft"]["description"]
            .as_str()
            .ok_or("a form without a description")?
            .into(),
    ))
}

/// Starts every writer; each stops at its first unanswered request or when `stop` is set.
/// What became of one write.
enum Sent<T> {
    /// Answered 200: this is what is stored now.
    Acked(T),
    /// Answered with a refusal (none should come: each writer owns what it writes).
    Refused(String),
    /// Sent, never answered (the process died): this may or may not be stored.
    Unanswered(T),
    /// Nothing was sent (what it needed to read first did not come).
    Skipped,
}

/// Classifies `answer` to a write meant to store `intended`; `acked` reads what the 200
/// answer says is stored.
fn sent<T>(
    answer: Result<(u16, Value), ()>,
    intended: T,
    acked: impl FnOnce(&Value) -> T,
) -> Sent<T> {
    match answer {
        Ok((200, body)) => Sent::Acked(acked(&body)),
        Ok((status, body)) => Sent::Refused(format!("{status} {body}")),
        Err(()) => Sent::Unanswered(intended),
    }
}

/// One writer: until `stop`, or its first write without an answer, makes the next write
/// from what was acknowledged (`write` gets it and the number acknowledged so far) and keeps
/// what happened to it in `state`. Runs as a task of its own.
fn writer<T, F, Fut>(
    what: String,
    state: &Arc<Mutex<Written<T>>>,
    stop: &Arc<AtomicBool>,
    refusals: &Refusals,
    mut write: F,
) -> tokio::task::JoinHandle<()>
where
    T: Clone + Send + 'static,
    F: FnMut(T, usize) -> Fut + Send + 'static,
    Fut: std::future::Future<Output = Sent<T>> + Send,
{
    let (state, stop, refusals) = (state.clone(), stop.clone(), refusals.clone());
    tokio::spawn(async move {
        while !stop.load(Ordering::Relaxed) {
            let (acked, n) = {
                let s = state.lock().unwrap();
                (s.acked.clone(), s.acknowledged)
            };
            match write(acked, n).await {
                Sent::Acked(stored) => {
                    let mut s = state.lock().unwrap();
                    s.acked = stored;
                    s.acknowledged += 1;
                }
                Sent::Refused(why) => {
                    refusals.lock().unwrap().push(format!("{what}: {why}"));
                    break;
                }
                Sent::Unanswered(intended) => {
                    state.lock().unwrap().in_flight = Some(intended);
                    break;
                }
                Sent::Skipped => break,
            }
        }
    })
}

/// Starts every writer (see [`writer`]); a refusal is said in `refusals`.
fn drive(
    http: &Http,
    cookies: &Cookies,
    plan: &Plan,
    stop: Arc<AtomicBool>,
    refusals: Refusals,
) -> Vec<tokio::task::JoinHandle<()>> {
    let mut tasks = Vec::new();
    for (id, state) in &plan.moves {
        let (http, cookie, id) = (http.clone(), cookies.office.clone(), *id);
        let write = move |(version, stage): (i64, String), _| {
            let (http, cookie) = (http.clone(), cookie.clone());
            async move {
                let (to, reason) = if stage == "dropped" {
                    ("discovered", Value::Null)
                } else {
                    ("dropped", json!("Kiểm thử sự cố"))
                };
                let request = json!({ "request": { "id": id, "version": version, "to": to,
                    "place": "top", "reason": reason, "undo_of": null } });
                let answer = http.call(&cookie, "board/move", request).await;
                sent(answer, (version + 1, to.to_string()), |body| {
                    (
                        body["card"]["version"].as_i64().unwrap_or(-1),
                        to.to_string(),
                    )
                })
            }
        };
        tasks.push(writer(
            format!("move of {id}"),
            state,
            &stop,
            &refusals,
            write,
        ));
    }
    for (id, state) in &plan.edits {
        let (http, cookie, id) = (http.clone(), cookies.office.clone(), *id);
        let write = move |(version, _): (i64, String), n: usize| {
            let (http, cookie) = (http.clone(), cookie.clone());
            async move {
                let Ok((200, form)) = http
                    .call(&cookie, "nominations/form", json!({ "id": id }))
                    .await
                else {
                    return Sent::Skipped;
                };
                let mut draft = form["draft"].clone();
                let base = draft["description"]
                    .as_str()
                    .unwrap_or_default()
                    .split(" [sửa lần ")
                    .next()
                    .unwrap_or_default()
                    .to_string();
                let description = format!("{base} [sửa lần {}]", n + 1);
                draft["description"] = json!(description);
                let body = json!({ "id": id, "version": version, "year": form["year"],
                    "draft": draft });
                let answer = http.call(&cookie, "nominations/save", body).await;
                sent(answer, (version + 1, description.clone()), |event| {
                    (event["card"]["version"].as_i64().unwrap_or(-1), description)
                })
            }
        };
        tasks.push(writer(
            format!("edit of {id}"),
            state,
            &stop,
            &refusals,
            write,
        ));
    }
    for (member, id, code, weight, state) in &plan.scores {
        let cookie = cookies
            .council
            .iter()
            .find(|(m, _)| m == member)
            .map(|(_, c)| c.clone())
            .unwrap_or_default();
        let (http, id, code, weight) = (http.clone(), *id, code.clone(), *weight);
        let write = move |score: Option<i64>, _| {
            let (http, cookie, code) = (http.clone(), cookie.clone(), code.clone());
            async move {
                let next = (score.unwrap_or(0) + 1) % (weight + 1);
                let body = json!({ "id": id, "change": { "change": "score", "criterion": code,
                    "score": next, "comment": "" } });
                let answer = http.call(&cookie, "council/change", body).await;
                sent(answer, Some(next), |_| Some(next))
            }
        };
        tasks.push(writer(
            format!("{member}'s score on {id}"),
            state,
            &stop,
            &refusals,
            write,
        ));
    }
    tasks
}

/// The file as the crash left it, before anything opens it again.
async fn check_file(db: &Path, cards: &[i64]) -> Outcome<usize> {
    // The server made its audit key beside the database at its first start.
    let key = ChainKey::read(&db.with_file_name("audit.key"))?
        .ok_or("the server made no audit key beside the database")?;
    let pool = db_pool(db).await?;
    // Opened for writing, as the server would: SQLite recovers the write-ahead log first.
    let audited = server::db::backup::verify_database(&pool, Some(&key))
        .await
        .map_err(|e| e.to_string())?
        .audit_rows;
    // Every write of a card appends its event in the same transaction: the last event of
    // each card written to is the card as stored.
    for id in cards {
        let (version, stage): (i64, String) =
            sqlx::query_as("SELECT version, stage FROM nominations WHERE id = ?")
                .bind(id)
                .fetch_one(&pool)
                .await
                .map_err(|e| e.to_string())?;
        let payload: Option<String> = sqlx::query_scalar(
            "SELECT payload FROM events WHERE nomination_id = ? ORDER BY id DESC LIMIT 1",
        )
        .bind(id)
        .fetch_optional(&pool)
        .await
        .map_err(|e| e.to_string())?;
        // Not written to yet (the demo data loads cards without events).
        let Some(payload) = payload else {
            continue;
        };
        let event: Value = serde_json::from_str(&payload).map_err(|e| e.to_string())?;
        let card = &event["card"];
        if card["version"].as_i64() != Some(version) || card["stage"].as_str() != Some(&stage) {
            return Err(format!(
                "card {id} is stored at version {version} ({stage}) but its last event says \
                 {} ({})",
                card["version"], card["stage"]
            ));
        }
    }
    pool.close().await;
    Ok(audited)
}

/// Of the writes in flight at a kill (sent, never answered): how many were there after the
/// restart, and how many were not.
#[derive(Default, Clone, Copy)]
struct InFlight {
    committed: usize,
    not_committed: usize,
}

/// `found` is what was acknowledged, or the write that was in flight when the process died.
fn check_written<T: PartialEq + std::fmt::Debug>(
    what: &str,
    state: &Mutex<Written<T>>,
    found: T,
    tally: &mut InFlight,
) -> Outcome {
    let s = state.lock().unwrap();
    if found == s.acked || s.in_flight.as_ref() == Some(&found) {
        if s.in_flight.is_some() {
            if found == s.acked {
                tally.not_committed += 1;
            } else {
                tally.committed += 1;
            }
        }
        Ok(())
    } else {
        Err(format!(
            "{what}: acknowledged {:?} (in flight {:?}) but found {found:?}",
            s.acked, s.in_flight
        ))
    }
}

/// After a restart, as the users see it: every acknowledged write is there. Then each
/// writer goes on from what is stored.
async fn check_served(http: &Http, cookies: &Cookies, plan: &Plan) -> Outcome<InFlight> {
    let mut tally = InFlight::default();
    for (id, state) in &plan.moves {
        let found = card(http, &cookies.office, *id).await?;
        check_written(&format!("card {id}"), state, found.clone(), &mut tally)?;
        let mut s = state.lock().unwrap();
        s.acked = found;
        s.in_flight = None;
    }
    for (id, state) in &plan.edits {
        let found = dossier(http, &cookies.office, *id).await?;
        check_written(&format!("dossier {id}"), state, found.clone(), &mut tally)?;
        let mut s = state.lock().unwrap();
        s.acked = found;
        s.in_flight = None;
    }
    for (member, id, code, _, state) in &plan.scores {
        let cookie = &cookies
            .council
            .iter()
            .find(|(m, _)| m == member)
            .ok_or("a member without a session")?
            .1;
        let sheet = http
            .must(cookie, "council/sheet", json!({ "id": id }))
            .await?;
        let found = sheet["criteria"]
            .as_array()
            .and_then(|c| c.iter().find(|c| c["code"] == json!(code)))
            .map(|c| c["score"].as_i64())
            .ok_or_else(|| format!("{member}'s sheet {id} lost criterion {code}"))?;
        check_written(
            &format!("{member}'s score on {id}/{code}"),
            state,
            found,
            &mut tally,
        )?;
        let mut s = state.lock().unwrap();
        s.acked = found;
        s.in_flight = None;
    }
    Ok(tally)
}

fn kill_hard(server: &mut Server) -> Outcome {
    // std's kill is SIGKILL on Unix: no handler runs, nothing is flushed.
    server.child.kill().map_err(|e| e.to_string())?;
    server.child.wait().map_err(|e| e.to_string())?;
    Ok(())
}

/// What the abuse phase saw.
struct Abuse {
    streams_held: usize,
    streams_refused: usize,
    sessions: usize,
    burst_checked: usize,
    burst_refused: usize,
    burst_secs: f64,
    rss_before_kib: u64,
    rss_peak_kib: u64,
}

/// The server's resident memory now (KiB), from /proc.
fn rss_kib(pid: u32) -> Option<u64> {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()?
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

/// Opens live streams past the instance's cap, then sends a burst of wrong sign-ins at one
/// account; every answer must be the expected one (200 or 429 for streams, 401 or 429 for
/// sign-ins, and only the allowed guesses checked).
async fn abuse(server: &Server) -> Outcome<Abuse> {
    let http = Http::new(&server.base);
    let accounts = [
        "admin", "office", "leader", "council1", "council2", "council3", "council4", "council5",
        "council6", "council7",
    ];
    let wanted = STREAM_CAP + 2 * STREAMS_EACH;
    let sessions = wanted.div_ceil(STREAMS_EACH);
    if sessions > accounts.len() {
        return Err("not enough demo accounts for the streams wanted".into());
    }
    let mut cookies = Vec::new();
    for account in &accounts[..sessions] {
        cookies.push(http.login(account).await?);
    }
    let mut held = Vec::new();
    let mut refused = 0;
    for i in 0..wanted {
        let resp = http
            .client
            .get(format!("{}/events", server.base))
            .header("cookie", &cookies[i / STREAMS_EACH])
            .send()
            .await
            .map_err(|e| format!("live stream {i}: {e}"))?;
        match resp.status().as_u16() {
            200 => held.push(resp),
            429 => refused += 1,
            status => return Err(format!("live stream {i}: answered {status}")),
        }
    }
    if held.len() != STREAM_CAP || refused != wanted - STREAM_CAP {
        return Err(format!(
            "{wanted} live streams against a cap of {STREAM_CAP}: {} held, {refused} refused",
            held.len()
        ));
    }
    drop(held);

    // The burst, from an address of its own (as a trusted proxy on loopback reports it), so
    // that its back-off does not reach the sign-ins above.
    let pid = server.child.id();
    let rss_before_kib = rss_kib(pid).ok_or("cannot read the server's memory")?;
    let done = Arc::new(AtomicBool::new(false));
    let sampler = {
        let done = done.clone();
        tokio::spawn(async move {
            let mut peak = 0;
            while !done.load(Ordering::Relaxed) {
                peak = peak.max(rss_kib(pid).unwrap_or(0));
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
            peak
        })
    };
    let started = Instant::now();
    let tasks: Vec<_> = (0..BURST)
        .map(|i| {
            let http = http.clone();
            tokio::spawn(async move {
                http.client
                    .post(format!("{}/login", http.base))
                    .header("origin", &http.base)
                    .header("x-forwarded-for", "203.0.113.7")
                    .form(&[("username", "staff1"), ("password", &format!("guess {i}"))])
                    .send()
                    .await
                    .map(|r| r.status().as_u16())
                    .map_err(|e| e.to_string())
            })
        })
        .collect();
    let (mut checked, mut throttled) = (0, 0);
    for (i, t) in tasks.into_iter().enumerate() {
        match t.await.map_err(|e| e.to_string())? {
            Ok(401) => checked += 1,
            Ok(429) => throttled += 1,
            Ok(status) => return Err(format!("sign-in {i} of the burst: answered {status}")),
            Err(e) => return Err(format!("sign-in {i} of the burst: {e}")),
        }
    }
    let burst_secs = started.elapsed().as_secs_f64();
    done.store(true, Ordering::Relaxed);
    let rss_peak_kib = sampler.await.map_err(|e| e.to_string())?;
    let allowed = server::auth::throttle::MAX_FAILURES_PER_ACCOUNT as usize;
    if checked != allowed {
        return Err(format!(
            "a burst of {BURST} sign-ins had {checked} guesses checked (allowed: {allowed})"
        ));
    }
    Ok(Abuse {
        streams_held: STREAM_CAP,
        streams_refused: refused,
        sessions,
        burst_checked: checked,
        burst_refused: throttled,
        burst_secs,
        rss_before_kib,
        rss_peak_kib,
    })
}

async fn run(opts: Options) -> Outcome {
    let _ = std::fs::remove_dir_all(&opts.work);
    std::fs::create_dir_all(&opts.work).map_err(|e| format!("{}: {e}", opts.work.display()))?;
    let db = opts.work.join("exemplar.db");
    let log = opts.work.join("server.log");
    println!(
        "crash loop: {} cycles, seed {} (rerun with --seed {}), server log {}",
        opts.cycles,
        opts.seed,
        opts.seed,
        log.display()
    );
    let mut rng = Rng(opts.seed);
    let mut server = start(&opts, &db, &log).await?;
    let http = Http::new(&server.base);
    let mut council = Vec::new();
    for member in ["council1", "council2", "council3", "council4", "council5"] {
        council.push((member.to_string(), http.login(member).await?));
    }
    let cookies = Cookies {
        office: http.login("office").await?,
        council,
    };
    let mut plan = plan(&http, &db, &cookies).await?;
    plan.scores.truncate(SCORERS);
    let written: Vec<i64> = plan
        .moves
        .iter()
        .map(|(id, _)| *id)
        .chain(plan.edits.iter().map(|(id, _)| *id))
        .collect();
    let mut total = 0;
    let (mut committed, mut not_committed) = (0, 0);
    let started = Instant::now();
    for cycle in 1..=opts.cycles {
        let http = Http::new(&server.base);
        let stop = Arc::new(AtomicBool::new(false));
        let refusals = Refusals::default();
        let tasks = drive(&http, &cookies, &plan, stop.clone(), refusals.clone());
        tokio::time::sleep(Duration::from_millis(rng.between(150, 1500))).await;
        kill_hard(&mut server)?;
        stop.store(true, Ordering::Relaxed);
        for t in tasks {
            let _ = t.await;
        }
        let refused = refusals.lock().unwrap().clone();
        if !refused.is_empty() {
            return Err(format!(
                "cycle {cycle}: writes refused before the kill: {}",
                refused.join("; ")
            ));
        }
        let acknowledged: usize = plan
            .moves
            .iter()
            .chain(plan.edits.iter())
            .map(|(_, s)| s.lock().unwrap().acknowledged)
            .chain(
                plan.scores
                    .iter()
                    .map(|(.., s)| s.lock().unwrap().acknowledged),
            )
            .sum();
        let in_flight = plan
            .moves
            .iter()
            .chain(plan.edits.iter())
            .filter(|(_, s)| s.lock().unwrap().in_flight.is_some())
            .count()
            + plan
                .scores
                .iter()
                .filter(|(.., s)| s.lock().unwrap().in_flight.is_some())
                .count();
        let audited = check_file(&db, &written)
            .await
            .map_err(|e| format!("cycle {cycle}, after the kill: {e}"))?;
        server = start(&opts, &db, &log)
            .await
            .map_err(|e| format!("cycle {cycle}, restart: {e}"))?;
        let http = Http::new(&server.base);
        let tally = check_served(&http, &cookies, &plan)
            .await
            .map_err(|e| format!("cycle {cycle}, after the restart: {e}"))?;
        committed += tally.committed;
        not_committed += tally.not_committed;
        println!(
            "cycle {cycle}: killed with {} writes acknowledged so far and {in_flight} in flight; \
             integrity ok, audit chain intact ({audited} rows), every acknowledged write there",
            acknowledged - total
        );
        total = acknowledged;
    }
    if total == 0 {
        return Err("no write was acknowledged in any cycle: nothing was tested".into());
    }
    let abused = abuse(&server).await.map_err(|e| format!("abuse: {e}"))?;
    println!(
        "abuse: {} live streams held and {} refused past the cap; a burst of {BURST} sign-ins \
         had {} guesses checked and {} refused in {:.1} s, the server's memory {} -> {} KiB",
        abused.streams_held,
        abused.streams_refused,
        abused.burst_checked,
        abused.burst_refused,
        abused.burst_secs,
        abused.rss_before_kib,
        abused.rss_peak_kib
    );
    // A graceful stop, then the server's own check of the history.
    let _ = Command::new("kill")
        .args(["-TERM", &server.child.id().to_string()])
        .status();
    let status = server.child.wait().map_err(|e| e.to_string())?;
    if !status.success() {
        return Err(format!("the server's graceful stop ended with {status}"));
    }
    let verified = Command::new(&opts.bin)
        .arg("verify-audit")
        .env("DATABASE_URL", format!("sqlite://{}", db.display()))
        .env("EXEMPLAR_LOG_FORMAT", "json")
        .output()
        .map_err(|e| e.to_string())?;
    if !verified.status.success() {
        return Err(format!(
            "exemplar verify-audit: {}",
            String::from_utf8_lossy(&verified.stderr)
        ));
    }
    print!("{}", String::from_utf8_lossy(&verified.stdout));
    println!(
        "crash loop passed: {} cycles, {total} acknowledged writes, none lost; of the writes \
         in flight at the kills, {committed} were there after the restart and {not_committed} \
         were not (all or nothing each)",
        opts.cycles
    );
    if let Some(report) = &opts.report {
        let text = format!(
            "| Crash loop: SIGKILL of the release server under {writers} concurrent writers \
             (moves, dossier edits, council scores), restart, checks | {cycles} cycles in \
             {secs:.0} s (seed {seed}) | {total} writes acknowledged, **0 lost**; integrity_check \
             ok and the keyed audit chain intact after every kill; writes in flight at a kill: \
             {committed} found whole, {not_committed} not at all, none half-written | 0 lost |\n",
            writers = MOVERS + EDITORS + SCORERS,
            cycles = opts.cycles,
            secs = started.elapsed().as_secs_f64(),
            seed = opts.seed,
        ) + &format!(
            "| Sign-in burst: {BURST} parallel wrong sign-ins at one account from one address \
             (release server) | answered in {secs:.1} s; server memory {before:.0} MiB before, \
             {peak:.0} MiB at its peak (sampled every 5 ms) | {checked} guesses checked \
             (the allowance: {allowed}), {refused} refused with 429 at once, no other answer | no more than the \
             allowance, bounded memory |\n\
             | Live streams past the cap (`EXEMPLAR_MAX_LIVE_STREAMS={cap}`) | {wanted} opened at \
             once over {sessions} sessions | {held} held, **{streams_refused} refused with 429** | \
             every one past the cap refused |\n",
            secs = abused.burst_secs,
            before = abused.rss_before_kib as f64 / 1024.0,
            peak = abused.rss_peak_kib as f64 / 1024.0,
            checked = abused.burst_checked,
            allowed = server::auth::throttle::MAX_FAILURES_PER_ACCOUNT,
            refused = abused.burst_refused,
            cap = STREAM_CAP,
            wanted = abused.streams_held + abused.streams_refused,
            sessions = abused.sessions,
            held = abused.streams_held,
            streams_refused = abused.streams_refused,
        );
        std::fs::write(report, text).map_err(|e| format!("{}: {e}", report.display()))?;
    }
    Ok(())
}

#[tokio::main]
async fn main() -> ExitCode {
    let opts = match options() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    match run(opts).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("crash loop FAILED: {e}");
            ExitCode::FAILURE
        }
    }
}
