//! The board's page under load from a separate process: the release server on a synthetic
//! campaign of 10,000 nominations, `wrk` (Debian's package) asking for `/board` as the
//! office (who sees every card) with a browser's `Accept-Encoding`, at one client and at
//! ten. The server's own process does nothing but serve.

use crate::{proc_kib, sh, Result};
use std::fs;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const NOMINATIONS: &str = "10000";
const ADDR: &str = "127.0.0.1:3917";
const SECONDS: &str = "15";

/// wrk's own summary, as one line the rows are read from.
const REPORT: &str = r#"done = function(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.timeout
  io.write(string.format("RESULT %d %d %d %.1f %.1f %.1f\n", summary.requests, errors,
    summary.errors.read,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    summary.requests / (summary.duration / 1e6)))
end
"#;

fn ensure_wrk() -> Result {
    if Path::new("/usr/bin/wrk").exists() {
        return Ok(());
    }
    sh("apt-get", &["update"])?;
    sh(
        "apt-get",
        &["install", "-y", "--no-install-recommends", "wrk"],
    )
}

/// What one wrk run measured.
struct Load {
    pages: u64,
    /// Answers with an error status, refused connections, timeouts.
    failed: u64,
    /// Connections closed before their answer was complete.
    dropped: u64,
    p50: f64,
    p95: f64,
    rate: f64,
}

/// Stops the server however the measuring ends.
pub struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl Server {
    /// Starts `bin` on `db` and `addr` with `args`, its output in `log`, and waits until it
    /// answers.
    pub fn start(
        bin: &Path,
        site: &Path,
        db: &str,
        addr: &str,
        log: &Path,
        args: &[&str],
    ) -> Result<Server> {
        let log = fs::File::create(log).map_err(|e| format!("{}: {e}", log.display()))?;
        let server = Server(
            Command::new(bin)
                .args(args)
                .env("DATABASE_URL", db)
                .env("LEPTOS_SITE_ROOT", site)
                .env("LEPTOS_SITE_ADDR", addr)
                .env("RUST_LOG", "warn")
                .stdout(Stdio::from(log.try_clone().map_err(|e| e.to_string())?))
                .stderr(Stdio::from(log))
                .spawn()
                .map_err(|e| format!("cannot start {}: {e}", bin.display()))?,
        );
        let started = Instant::now();
        while curl(&[
            "-s",
            "-o",
            "/dev/null",
            "-f",
            &format!("http://{addr}/login"),
        ])
        .is_err()
        {
            if started.elapsed() > Duration::from_secs(60) {
                return Err("the server did not answer within a minute".into());
            }
            std::thread::sleep(Duration::from_millis(250));
        }
        Ok(server)
    }

    pub fn pid(&self) -> u32 {
        self.0.id()
    }
}

/// Signs in as the demo account `username` and returns its session cookie (`name=value`).
pub fn sign_in(base: &str, username: &str) -> Result<String> {
    let headers = curl(&[
        "-s",
        "-D",
        "-",
        "-o",
        "/dev/null",
        "-H",
        &format!("origin: {base}"),
        "--data",
        &format!("username={username}&password=exemplar-demo"),
        &format!("{base}/login"),
    ])?;
    headers
        .lines()
        .filter_map(|l| l.split_once(':'))
        .filter(|(name, _)| name.eq_ignore_ascii_case("set-cookie"))
        .filter_map(|(_, v)| v.trim().split(';').next())
        .find(|v| v.starts_with("exemplar_session="))
        .map(str::to_string)
        .ok_or_else(|| format!("signing in as {username} gave no session"))
}

/// The table's rows: the board at one and at ten clients, and the server's memory after.
pub fn board_rows(bin: &Path, site: &Path, work: &Path) -> Result<String> {
    ensure_wrk()?;
    let _ = fs::remove_dir_all(work);
    fs::create_dir_all(work).map_err(|e| format!("{}: {e}", work.display()))?;
    let db = format!("sqlite://{}", work.join("board.db").display());
    let seeded = Command::new(bin)
        .args(["seed", "--nominations", NOMINATIONS])
        .env("DATABASE_URL", &db)
        .status()
        .map_err(|e| format!("cannot start {}: {e}", bin.display()))?;
    if !seeded.success() {
        return Err(format!(
            "seeding {NOMINATIONS} nominations failed ({seeded})"
        ));
    }
    let server = Server::start(bin, site, &db, ADDR, &work.join("server.log"), &[])?;
    let base = format!("http://{ADDR}");
    let cookie = sign_in(&base, "office")?;
    let script = work.join("report.lua");
    fs::write(&script, REPORT).map_err(|e| e.to_string())?;
    let url = format!("{base}/board");
    let run = |clients: u32, seconds: &str| -> Result<Load> {
        let out = Command::new("wrk")
            .args(["-t", if clients > 1 { "2" } else { "1" }])
            .args(["-c", &clients.to_string(), "-d", &format!("{seconds}s")])
            .args(["-s", &script.to_string_lossy()])
            .args(["-H", &format!("cookie: {cookie}")])
            .args(["-H", "accept-encoding: gzip, deflate, br"])
            .arg(&url)
            .output()
            .map_err(|e| format!("cannot start wrk: {e}"))?;
        let text = String::from_utf8_lossy(&out.stdout);
        let line = text
            .lines()
            .find_map(|l| l.strip_prefix("RESULT "))
            .ok_or_else(|| format!("wrk said: {text}"))?;
        let f: Vec<&str> = line.split_whitespace().collect();
        let num = |i: usize| {
            f.get(i)
                .and_then(|v| v.parse::<f64>().ok())
                .unwrap_or(f64::NAN)
        };
        Ok(Load {
            pages: num(0) as u64,
            failed: num(1) as u64,
            dropped: num(2) as u64,
            p50: num(3),
            p95: num(4),
            rate: num(5),
        })
    };
    run(1, "3")?; // warm-up
    let one = run(1, SECONDS)?;
    let ten = run(10, SECONDS)?;
    let rss = proc_kib(&format!("/proc/{}/status", server.pid()), "VmRSS:")
        .map(|k| format!("{:.0} MiB", k / 1024.0))
        .unwrap_or_else(|| "unknown".into());
    drop(server);
    let row = |clients: u32, l: Load, target: &str| {
        format!(
            "| Board SSR, {NOMINATIONS} nominations (office), **wrk in a separate process**, brotli, {clients} client{s}, {SECONDS} s | p50 {p50:.1} ms · p95 {p95:.1} ms · {rate:.0} pages/s ({pages} pages, {failed} failed, {dropped} connections dropped mid-answer) | — | {target} |\n",
            s = if clients > 1 { "s" } else { "" },
            p50 = l.p50,
            p95 = l.p95,
            rate = l.rate,
            pages = l.pages,
            failed = l.failed,
            dropped = l.dropped,
        )
    };
    Ok(format!(
        "{}{}| Server RSS after those {NOMINATIONS}-card board pages | {rss} | — | < 150 MiB (with 1,000 live subscribers) |\n",
        row(1, one, "p95 < 30 ms"),
        row(10, ten, "p95 < 100 ms"),
    ))
}

fn curl(args: &[&str]) -> Result<String> {
    let out = Command::new("curl")
        .args(args)
        .output()
        .map_err(|e| format!("cannot start curl: {e}"))?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(format!("curl {} failed", args.join(" ")))
    }
}
