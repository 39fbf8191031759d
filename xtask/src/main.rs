//! `cargo xtask run | test | seed`: builds, tests and runs Exemplar with nothing but the
//! Rust toolchain, node/npm and apt on the machine; installs whatever else is missing.

use std::env;
use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

mod lane;
mod lighthouse;
mod load;
mod site;

const WASM_TARGET: &str = "wasm32-unknown-unknown";
const OUTPUT_NAME: &str = "exemplar";
const CHROMIUM: &str = "/usr/bin/chromium";

type Result<T = ()> = std::result::Result<T, String>;

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let outcome = match args.first().map(String::as_str) {
        Some("run") => run(&args[1..]),
        Some("test") => test(&args[1..]),
        Some("seed") => seed(&args[1..]),
        Some("build") => build(&args[1..]),
        Some("bench") => bench(&args[1..]),
        Some("crash-test") => crash_test(&args[1..]),
        // Internal: the background lane of `test` (see lane.rs).
        Some("lane") if args.len() == 1 => lane::run(),
        _ => Err(USAGE.to_string()),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

const USAGE: &str = "usage: cargo xtask <command>
  run                      build in release and serve on LEPTOS_SITE_ADDR (default 127.0.0.1:3000)
  test [--fast]            everything CI runs; --fast: formatting, unit and integration tests only
  seed --nominations N     load a synthetic campaign of N nominations into an empty DATABASE_URL
                           (default sqlite://data/synthetic.db)
  build [--release]        build the server and the browser bundle only
  bench [--board-only | --browser-only]
                           measure the board (10,000 nominations) and write BENCHMARKS.md;
                           --board-only: only its page under load from wrk, printed;
                           --browser-only: only Lighthouse on the board as unit staff and
                           the INP of a 2,000-card column, printed
  crash-test --cycles N    kill the release server N times under concurrent writes (SIGKILL);
                           after each: integrity, audit chain, every acknowledged write there;
                           then abuse it (live streams past the cap, a sign-in burst), fuzz
                           every server function longer, and write BENCHMARKS.md's Reliability";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Profile {
    Debug,
    Release,
}

impl Profile {
    fn site_dir(self) -> PathBuf {
        target_dir().join(match self {
            Profile::Debug => "site-debug",
            Profile::Release => "site",
        })
    }
    fn server_bin(self) -> PathBuf {
        target_dir()
            .join(match self {
                Profile::Debug => "debug",
                Profile::Release => "release",
            })
            .join(OUTPUT_NAME)
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

fn target_dir() -> PathBuf {
    env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|p| if p.is_absolute() { p } else { root().join(p) })
        .unwrap_or_else(|| root().join("target"))
}

/// Runs a command in the workspace root, echoing it; fails on a non-zero exit.
fn sh(program: &str, args: &[&str]) -> Result {
    sh_in(&root(), program, args, &[])
}

fn sh_in(dir: &Path, program: &str, args: &[&str], envs: &[(&str, &OsStr)]) -> Result {
    println!("$ {program} {}", args.join(" "));
    let status = Command::new(program)
        .args(args)
        .current_dir(dir)
        .envs(envs.iter().copied())
        .status()
        .map_err(|e| format!("cannot start {program}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{program} {}` failed ({status})", args.join(" ")))
    }
}

/// Test counts read from the runners' own summary lines.
#[derive(Default, Clone, Copy)]
struct Counts {
    passed: u64,
    failed: u64,
}

/// The number just before `word` in `line` ("12 passed" → 12).
fn count_before(line: &str, word: &str) -> Option<u64> {
    let at = line.find(word)?;
    line[..at].split_whitespace().last()?.parse().ok()
}

/// Reads a cargo test or Playwright summary line.
fn parse_counts(line: &str) -> Option<Counts> {
    let line = line.trim();
    let cargo = line.starts_with("test result:");
    let playwright = !cargo
        && line
            .split_whitespace()
            .nth(1)
            .is_some_and(|w| w == "passed" || w == "failed");
    if !cargo && !playwright {
        return None;
    }
    Some(Counts {
        passed: count_before(line, " passed").unwrap_or(0),
        failed: count_before(line, " failed").unwrap_or(0),
    })
}

/// Runs a test runner, echoing its output and adding up its summary lines.
fn run_counting(cmd: &mut Command, what: &str, totals: &mut Counts) -> Result {
    use std::io::{BufRead, BufReader};
    let mut child = cmd
        .stdout(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {what}: {e}"))?;
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out).lines().map_while(|l| l.ok()) {
            println!("{line}");
            if let Some(c) = parse_counts(&line) {
                totals.passed += c.passed;
                totals.failed += c.failed;
            }
        }
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{what} failed ({status})"))
    }
}

fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// A kibibyte figure of a `/proc` file (`MemTotal:` of meminfo, `VmRSS:` of a process's status).
fn proc_kib(file: &str, field: &str) -> Option<f64> {
    fs::read_to_string(file).ok().and_then(|t| {
        t.lines()
            .find(|l| l.starts_with(field))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|k| k.parse::<f64>().ok())
    })
}

fn step<T>(name: &str, f: impl FnOnce() -> Result<T>) -> Result<T> {
    println!("\n==> {name}");
    let started = Instant::now();
    let out = f().map_err(|e| format!("{name}: {e}"))?;
    println!(
        "<== {name}: done in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(out)
}

// ---------------------------------------------------------------- tools

fn ensure_chromium() -> Result {
    if Path::new(CHROMIUM).exists() {
        return Ok(());
    }
    sh("apt-get", &["update"])?;
    sh(
        "apt-get",
        &["install", "-y", "--no-install-recommends", "chromium"],
    )
}

/// LibreOffice's writer (headless) and poppler's tools: the tests open the DOCX files the
/// server writes as an office would (converted to PDF, the PDF read back as text).
fn ensure_document_tools() -> Result {
    let tools = [
        "/usr/bin/soffice",
        "/usr/bin/pdftotext",
        "/usr/bin/pdftoppm",
    ];
    if tools.iter().all(|t| Path::new(t).exists()) {
        return Ok(());
    }
    sh("apt-get", &["update"])?;
    sh(
        "apt-get",
        &[
            "install",
            "-y",
            "--no-install-recommends",
            "libreoffice-writer-nogui",
            "poppler-utils",
        ],
    )
}

fn ensure_npm_packages() -> Result {
    ensure_npm_packages_in(&root().join("end2end"))
}

/// `npm ci` in `dir` unless what its lock file names is installed already.
fn ensure_npm_packages_in(e2e: &Path) -> Result {
    let installed = e2e.join("node_modules/.package-lock.json");
    let lock = e2e.join("package-lock.json");
    let fresh = match (fs::metadata(&installed), fs::metadata(&lock)) {
        (Ok(i), Ok(l)) => i.modified().ok() >= l.modified().ok(),
        _ => false,
    };
    if fresh {
        return Ok(());
    }
    sh_in(e2e, "npm", &["ci", "--no-audit", "--no-fund"], &[])
}

// ---------------------------------------------------------------- build

fn build_server(profile: Profile) -> Result {
    let mut args = vec!["build", "--package", "server", "--bin", OUTPUT_NAME];
    if profile == Profile::Release {
        args.push("--release");
    }
    sh("cargo", &args)
}

/// The release bundle and server, built side by side. Cargo locks each profile's directory
/// on its own, so the WASM build (profile `wasm-release`) and the server's (`release`) run at
/// once in one target directory, sharing its downloads; the bundle's long single-threaded
/// end (one codegen unit with fat LTO, then `wasm-opt` and brotli) leaves a core to the
/// server's build. Their output interleaves; each step says when it is done.
fn build_release() -> Result {
    std::thread::scope(|s| {
        let bundle = s.spawn(|| step("browser bundle (release)", || site::build(Profile::Release)));
        let server = step("server (release)", || build_server(Profile::Release));
        let bundle = bundle
            .join()
            .unwrap_or_else(|_| Err("the bundle's build panicked".to_string()));
        server.and(bundle)
    })
}

fn copy(from: &Path, to: &Path) -> Result {
    fs::copy(from, to)
        .map(|_| ())
        .map_err(|e| format!("copy {} -> {}: {e}", from.display(), to.display()))
}

fn build(args: &[String]) -> Result {
    let profile = if args.iter().any(|a| a == "--release") {
        Profile::Release
    } else {
        Profile::Debug
    };
    if profile == Profile::Release {
        return build_release();
    }
    step("browser bundle", || site::build(profile))?;
    step("server", || build_server(profile))
}

// ---------------------------------------------------------------- commands

/// Measures what BENCHMARKS.md reports, on this machine, and rewrites it.
fn bench(args: &[String]) -> Result {
    let (board_only, browser_only) = match args {
        [] => (false, false),
        [flag] if flag == "--board-only" => (true, false),
        [flag] if flag == "--browser-only" => (false, true),
        _ => return Err(USAGE.into()),
    };
    build_release()?;
    let load = if browser_only {
        String::new()
    } else {
        step("the board under load from a separate process (wrk)", || {
            load::board_rows(
                &Profile::Release.server_bin(),
                &Profile::Release.site_dir(),
                &target_dir().join("bench-load"),
            )
        })?
    };
    if board_only {
        print!("{load}");
        return Ok(());
    }
    let phone = step("the board on a phone (Lighthouse, release build)", || {
        lighthouse::board_row(
            &Profile::Release.server_bin(),
            &Profile::Release.site_dir(),
            &target_dir().join("bench-lighthouse"),
        )
    })?;
    let inp = step(
        "a 2,000-card column in the browser (Playwright, release build)",
        || {
            let (work, db) = browser_run("e2e-bench-inp")?;
            let seeded = Command::new(Profile::Release.server_bin())
                .args(["seed", "--nominations", INP_NOMINATIONS])
                .env("DATABASE_URL", &db)
                .status()
                .map_err(|e| format!("cannot start the server to seed: {e}"))?;
            if !seeded.success() {
                return Err(format!(
                    "seeding {INP_NOMINATIONS} nominations failed ({seeded})"
                ));
            }
            let out = work.join("inp.md");
            let mut cmd = playwright_on(
                Profile::Release,
                &[
                    "--config",
                    "playwright.bench.config.ts",
                    "bench/inp.spec.ts",
                ],
                &work,
            );
            // The synthetic campaign is the wall clock's year: the server's day must be in it.
            cmd.env("DATABASE_URL", &db).env("E2E_INP_OUT", &out).env(
                "EXEMPLAR_TODAY",
                output("date", &["+%Y-%m-%d"]).unwrap_or_default().trim(),
            );
            run_counting(&mut cmd, "Playwright (INP)", &mut Counts::default())?;
            fs::read_to_string(&out).map_err(|e| format!("{}: {e}", out.display()))
        },
    )?;
    if browser_only {
        print!("{phone}{inp}");
        return Ok(());
    }
    // What the board needs: the main module and the board group's split modules.
    let (files, raw, gzipped, brotli) = site::wasm_for(Profile::Release, "board")?;
    let wire = target_dir().join("bench-wire.md");
    step("bytes on the wire (Playwright, release build)", || {
        let (work, db) = browser_run("e2e-bench")?;
        let mut cmd = playwright_on(Profile::Release, &["tests/assets.spec.ts"], &work);
        cmd.env("DATABASE_URL", &db).env("E2E_WIRE_OUT", &wire);
        run_counting(
            &mut cmd,
            "Playwright (bytes on the wire)",
            &mut Counts::default(),
        )
    })?;
    let wire = fs::read_to_string(&wire).map_err(|e| format!("{}: {e}", wire.display()))?;
    let rows = target_dir().join("bench-rows.md");
    step("server benchmarks (release)", || {
        sh_in(
            &root(),
            "cargo",
            &["bench", "--package", "server", "--bench", "board"],
            &[
                ("BENCH_OUT", rows.as_os_str()),
                // The server measured is the release binary, in its own process.
                (
                    "BENCH_SERVER_BIN",
                    Profile::Release.server_bin().as_os_str(),
                ),
                ("BENCH_SITE_ROOT", Profile::Release.site_dir().as_os_str()),
            ],
        )
    })?;
    let measured = fs::read_to_string(&rows).map_err(|e| format!("{}: {e}", rows.display()))?;
    let kib = |b: u64| b as f64 / 1024.0;
    let cpu = fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|t| {
            t.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let memory = proc_kib("/proc/meminfo", "MemTotal:")
        .map(|k| format!("{:.0} GiB", k / 1024.0 / 1024.0))
        .unwrap_or_else(|| "unknown".into());
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    let output = |program: &str, args: &[&str]| {
        Command::new(program)
            .args(args)
            .output()
            .ok()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .unwrap_or_default()
    };
    // The hand-written reading of the figures, below the marker, is kept.
    const MARKER: &str = "<!-- notes: kept by cargo xtask bench -->";
    let notes = fs::read_to_string(root().join("BENCHMARKS.md"))
        .ok()
        .and_then(|t| t.find(MARKER).map(|i| t[i..].to_string()))
        .unwrap_or_else(|| format!("{MARKER}\n"));
    let report = format!(
        "# Benchmarks\n\n\
         Written by `cargo xtask bench` ({date}). Release build; the server in its own process\n\
         and the load generator in another (`server/benches/board.rs`, or Debian's `wrk` for the\n\
         rows that say so), on the same machine, HTTP over loopback. SQLite: WAL mode with\n\
         `synchronous=FULL`. PostgreSQL: the server on this machine ({postgres}), default\n\
         settings (`synchronous_commit=on`), 10 connections per instance.\n\n\
         Machine: {cores} cores ({cpu}), {memory} RAM; {rustc}.\n\n\
         | Measure | SQLite | PostgreSQL | Target |\n|---|---|---|---|\n{measured}\
         {load}\
         {phone}\
         {inp}\
         {wire}\
         | Release WASM the board needs (the main module and the board group's split modules: {files} files, binaryen {binaryen} `-Oz`) | {raw:.0} KiB raw · {gz:.0} KiB gzip · {br:.0} KiB brotli | (same) | ≤ 250 KiB compressed |\n\n\
         {notes}",
        date = output("date", &["-u", "+%Y-%m-%d %H:%M UTC"]),
        rustc = output("rustc", &["--version"]),
        postgres = std::env::var("EXEMPLAR_TEST_POSTGRES")
            .map(|_| "`EXEMPLAR_TEST_POSTGRES`".to_string())
            .unwrap_or_else(|_| "127.0.0.1:5432".into()),
        raw = kib(raw),
        gz = kib(gzipped),
        br = kib(brotli),
        binaryen = site::BINARYEN_VERSION,
        notes = notes,
    );
    fs::write(root().join("BENCHMARKS.md"), report).map_err(|e| format!("BENCHMARKS.md: {e}"))?;
    println!("wrote BENCHMARKS.md");
    Ok(())
}

/// The INP's synthetic campaign: 2,000 cards in each of its six stages.
const INP_NOMINATIONS: &str = "12000";

/// Cycles of the crash loop inside `cargo xtask test` (`crash-test` runs as many as asked).
const CRASH_CYCLES_IN_TEST: usize = 10;
/// Fuzzed calls per server function and role in `crash-test` (`cargo xtask test` runs the
/// test's default, 12).
const FUZZ_CASES_ON_DEMAND: &str = "100";

fn crash_test(args: &[String]) -> Result {
    let cycles = match args {
        [flag, n] if flag == "--cycles" => n
            .parse::<usize>()
            .ok()
            .filter(|n| *n > 0)
            .ok_or_else(|| USAGE.to_string())?,
        _ => return Err(USAGE.into()),
    };
    build_release()?;
    let report = target_dir().join("crash-test-report.md");
    let _ = fs::remove_file(&report);
    step(
        &format!("crash loop ({cycles} cycles, release server)"),
        || crash_loop(cycles, Some(&report)),
    )?;
    let fuzz = target_dir().join("fuzz-report.md");
    let _ = fs::remove_file(&fuzz);
    step(
        &format!("fuzzing ({FUZZ_CASES_ON_DEMAND} calls per server function and role)"),
        || {
            sh_in(
                &root(),
                "cargo",
                &[
                    "test",
                    "-p",
                    "server",
                    "--features",
                    "app/ssr",
                    "--test",
                    "api",
                    "--",
                    "fuzz::",
                    "--nocapture",
                ],
                &[
                    ("EXEMPLAR_FUZZ_CASES", OsStr::new(FUZZ_CASES_ON_DEMAND)),
                    ("EXEMPLAR_FUZZ_REPORT", fuzz.as_os_str()),
                ],
            )
        },
    )?;
    let mut rows = String::new();
    for file in [&report, &fuzz] {
        rows += &fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    }
    write_reliability(&rows)?;
    println!("wrote the crash loop's, the abuse's and the fuzzing's figures to BENCHMARKS.md (\"Reliability\")");
    Ok(())
}

/// Replaces the "Reliability" section at the end of BENCHMARKS.md (kept by `bench`, which
/// rewrites only what is above its notes) with the crash loop's figures.
fn write_reliability(row: &str) -> Result {
    const START: &str = "<!-- reliability: written by cargo xtask crash-test -->";
    const END: &str = "<!-- /reliability -->";
    let path = root().join("BENCHMARKS.md");
    let text = fs::read_to_string(&path).map_err(|e| format!("BENCHMARKS.md: {e}"))?;
    let date = output("date", &["-u", "+%Y-%m-%d %H:%M UTC"]).unwrap_or_default();
    let section = format!(
        "{START}\n## Reliability\n\nWritten by `cargo xtask crash-test --cycles N` ({date}, \
         this machine; `cargo xtask test` runs 10 cycles of the same loop, the same abuse \
         and 12 fuzzed calls per function and role).\n\n\
         | Measure | Result | Goal |\n|---|---|---|\n{row}{END}\n",
        date = date.trim()
    );
    let text = match (text.find(START), text.find(END)) {
        (Some(a), Some(b)) if b > a => {
            format!(
                "{}{section}{}",
                &text[..a],
                text[b + END.len()..].trim_start_matches('\n')
            )
        }
        _ => format!("{}\n\n{section}", text.trim_end()),
    };
    fs::write(&path, text).map_err(|e| format!("BENCHMARKS.md: {e}"))
}

/// The driver (server/examples/crash.rs, built like the tests) against the release server;
/// its figures written to `report` when given.
fn crash_loop(cycles: usize, report: Option<&Path>) -> Result {
    sh(
        "cargo",
        &[
            "build",
            "-p",
            "server",
            "--example",
            "crash",
            "--features",
            "app/ssr",
        ],
    )?;
    let driver = target_dir().join("debug/examples/crash");
    let work = target_dir().join("crash-test");
    let cycles = cycles.to_string();
    let (bin, site) = (Profile::Release.server_bin(), Profile::Release.site_dir());
    let utf8 = |p: &Path| -> Result<String> {
        p.to_str()
            .map(str::to_string)
            .ok_or_else(|| "a non-UTF-8 target directory".to_string())
    };
    let mut args = vec![
        "--bin".to_string(),
        utf8(&bin)?,
        "--site".into(),
        utf8(&site)?,
        "--work".into(),
        utf8(&work)?,
        "--cycles".into(),
        cycles,
    ];
    if let Some(report) = report {
        args.extend(["--report".to_string(), utf8(report)?]);
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    sh_in(&root(), &driver.to_string_lossy(), &args, &[])
        .map_err(|e| format!("{e}; the server's log is in {}", work.display()))
}

fn run(args: &[String]) -> Result {
    if !args.is_empty() {
        return Err(USAGE.into());
    }
    build_release()?;
    let bin = Profile::Release.server_bin();
    let status = Command::new(&bin)
        .current_dir(root())
        .env("LEPTOS_SITE_ROOT", Profile::Release.site_dir())
        .arg("--demo")
        .status()
        .map_err(|e| format!("cannot start {}: {e}", bin.display()))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("the server stopped with {status}"))
    }
}

fn seed(args: &[String]) -> Result {
    let n = match args {
        [flag, n] if flag == "--nominations" => n.clone(),
        _ => return Err(USAGE.into()),
    };
    step("server (release)", || build_server(Profile::Release))?;
    let url = env::var("DATABASE_URL").unwrap_or_else(|_| "sqlite://data/synthetic.db".into());
    println!("database: {url}");
    sh_in(
        &root(),
        &Profile::Release.server_bin().to_string_lossy(),
        &["seed", "--nominations", &n],
        &[("DATABASE_URL", OsStr::new(&url))],
    )
}

/// The workspace's crates with the server-side features, for `cargo test` and clippy (the same
/// flags for every test run, so that each reuses the others' build).
const SERVER_SIDE: &[&str] = &[
    "-p",
    "shared",
    "-p",
    "app",
    "-p",
    "server",
    "-p",
    "xtask",
    "--features",
    "app/ssr",
];

fn test(args: &[String]) -> Result {
    let fast = match args {
        [] => false,
        [f] if f == "--fast" => true,
        _ => return Err(USAGE.into()),
    };
    let started = Instant::now();
    step("formatting", || {
        sh("cargo", &["fmt", "--all", "--check"])?;
        // The data layer's modules are included by a macro (compiled once per backend),
        // which `cargo fmt` does not follow: rustfmt checks them by name.
        let mut files = Vec::new();
        rust_files(&root().join("server/src/db"), &mut files)?;
        let mut args = vec!["--edition".to_string(), "2021".into(), "--check".into()];
        args.extend(files.iter().map(|f| f.display().to_string()));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        sh("rustfmt", &args)
    })?;
    // The release build and clippy run beside the tests (lane.rs), at idle CPU priority.
    // The tools both sides use are installed first, so that no two installs race.
    let mut lane = if fast {
        None
    } else {
        step("tools for the browser bundle", || {
            site::ensure_wasm_target()?;
            site::ensure_wasm_bindgen()?;
            site::wasm_opt().map(|_| ())
        })?;
        Some(lane::Lane::start()?)
    };
    let mut totals = Counts::default();
    step(
        "PostgreSQL reachable (its tests are never skipped)",
        postgres_reachable,
    )?;
    step(
        "LibreOffice and poppler (the DOCX round trips)",
        ensure_document_tools,
    )?;
    step("unit and integration tests", || {
        // No doc tests: the crates have none, and their empty summaries would only add noise.
        let args = [&["test"], SERVER_SIDE, &["--lib", "--bins", "--tests"]].concat();
        println!("$ cargo {}", args.join(" "));
        run_counting(
            Command::new("cargo").args(args).current_dir(root()),
            "cargo test",
            &mut totals,
        )
    })?;
    check_lane(&mut lane)?;
    step("integration tests again, on PostgreSQL", || {
        // The same suites, each test on a fresh PostgreSQL database (see
        // server/tests/api/common): every behaviour holds on both backends.
        let args = [&["test"], SERVER_SIDE, &["--test", "*"]].concat();
        println!("$ EXEMPLAR_TEST_BACKEND=postgres cargo {}", args.join(" "));
        run_counting(
            Command::new("cargo")
                .args(args)
                .env("EXEMPLAR_TEST_BACKEND", "postgres")
                .current_dir(root()),
            "cargo test (PostgreSQL)",
            &mut totals,
        )
    })?;
    check_lane(&mut lane)?;
    if let Some(mut lane) = lane {
        step("browser bundle (debug)", || site::build(Profile::Debug))?;
        // `cargo test` above already built target/debug/exemplar for the integration tests;
        // a separate `cargo build` would compile much of the tree again with other features.
        let bin = Profile::Debug.server_bin();
        if !bin.exists() {
            return Err(format!("{} was not built by the tests", bin.display()));
        }
        lane.check()?;
        step("end-to-end tests (Playwright, Chromium)", || {
            end_to_end(&mut totals)
        })?;
        // What `cargo xtask run` serves: the optimised bundle and the release server.
        step(
            "release bundle and server, from the background lane",
            || lane.wait_for_release(),
        )?;
        step("end-to-end smoke tests on the release build", || {
            release_smoke(&mut totals)
        })?;
        step(
            &format!("crash loop ({CRASH_CYCLES_IN_TEST} cycles, release server)"),
            || crash_loop(CRASH_CYCLES_IN_TEST, None),
        )?;
        step(
            "clippy and the WASM check, from the background lane",
            || lane.wait(),
        )?;
    }
    println!(
        "\nall checks passed in {:.0} s",
        started.elapsed().as_secs_f64()
    );
    // A plain closing line with the runners' own counts added up.
    println!("tests: {} passed, {} failed", totals.passed, totals.failed);
    Ok(())
}

/// Between steps: a lane that failed stops the run there, as the same step would have done
/// in the foreground.
fn check_lane(lane: &mut Option<lane::Lane>) -> Result {
    match lane.as_mut() {
        Some(lane) => lane.check(),
        None => Ok(()),
    }
}

/// Clippy over the server side's crates and targets, warnings denied (in the lane's own
/// target directory).
fn clippy_ssr() -> Result {
    sh_in(
        &root(),
        "cargo",
        &[
            &["clippy", "--all-targets"],
            SERVER_SIDE,
            &["--", "-D", "warnings"],
        ]
        .concat(),
        &[("CARGO_TARGET_DIR", lane::lints_target_dir().as_os_str())],
    )
}

/// Clippy over the browser side (the hydrate build, for WASM), warnings denied (in the
/// lane's own target directory).
fn clippy_hydrate() -> Result {
    site::ensure_wasm_target()?;
    sh_in(
        &root(),
        "cargo",
        &[
            "clippy",
            "-p",
            "app",
            "--features",
            "hydrate",
            "--target",
            WASM_TARGET,
            "--",
            "-D",
            "warnings",
        ],
        &[("CARGO_TARGET_DIR", lane::lints_target_dir().as_os_str())],
    )
}

/// Every `.rs` file below `dir`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result {
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            rust_files(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    Ok(())
}

/// The PostgreSQL tests need the server named by `EXEMPLAR_TEST_POSTGRES` (by default
/// 127.0.0.1:5432): fail here, with the reason, rather than deep inside a test.
fn postgres_reachable() -> Result {
    let url = std::env::var("EXEMPLAR_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
    let host_port = url
        .split("://")
        .nth(1)
        .map(|rest| rest.rsplit_once('@').map_or(rest, |(_, h)| h))
        .and_then(|rest| rest.split('/').next())
        .unwrap_or("127.0.0.1:5432");
    let with_port = if host_port.contains(':') {
        host_port.to_string()
    } else {
        format!("{host_port}:5432")
    };
    let addrs: Vec<std::net::SocketAddr> = std::net::ToSocketAddrs::to_socket_addrs(&with_port)
        .map_err(|e| format!("PostgreSQL address {with_port:?} (EXEMPLAR_TEST_POSTGRES): {e}"))?
        .collect();
    for addr in &addrs {
        if std::net::TcpStream::connect_timeout(addr, Duration::from_secs(5)).is_ok() {
            println!("PostgreSQL answers at {addr}");
            return Ok(());
        }
    }
    Err(format!(
        "PostgreSQL is not reachable at {with_port}: the PostgreSQL tests need it (start it, or \
         set EXEMPLAR_TEST_POSTGRES to a postgres:// URL whose user may create databases); \
         they are never skipped"
    ))
}

/// Chromium and the npm packages installed, and a fresh output directory under the target
/// directory with the URL of a SQLite database in it: what a browser run starts from.
fn browser_run(name: &str) -> Result<(PathBuf, String)> {
    ensure_chromium()?;
    ensure_npm_packages()?;
    let work = target_dir().join(name);
    let _ = fs::remove_dir_all(&work);
    fs::create_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;
    let db = format!("sqlite://{}", work.join("exemplar.db").display());
    Ok((work, db))
}

fn end_to_end(totals: &mut Counts) -> Result {
    let (work, db) = browser_run("e2e")?;
    println!("$ npx playwright test");
    let mut cmd = playwright(&[], &work);
    cmd.env("DATABASE_URL", &db);
    run_counting(&mut cmd, "Playwright", totals)
        .map_err(|e| format!("{e}; traces are in {}", work.display()))?;

    // The whole suite again on PostgreSQL, then two servers on one PostgreSQL database
    // (sessions and live events shared). The runner's global setup creates a fresh database
    // on the server EXEMPLAR_TEST_POSTGRES names (inherited from this environment;
    // 127.0.0.1:5432 by default) and drops it afterwards; when PostgreSQL is unreachable the
    // run fails, it is never skipped.
    let on_postgres = work.join("on-postgres");
    println!("$ E2E_BACKEND=postgres npx playwright test");
    let mut cmd = playwright(&[], &on_postgres);
    cmd.env("E2E_BACKEND", "postgres");
    run_counting(&mut cmd, "Playwright (on PostgreSQL)", totals).map_err(|e| {
        format!(
            "{e}; traces and server logs are in {}",
            on_postgres.display()
        )
    })?;

    let work = work.join("postgres");
    let config = "playwright.postgres.config.ts";
    println!("$ npx playwright test --config {config}");
    run_counting(
        &mut playwright(&["--config", config], &work),
        "Playwright (two instances on PostgreSQL)",
        totals,
    )
    .map_err(|e| format!("{e}; traces and server logs are in {}", work.display()))
}

/// The tests tagged `@smoke` (sign in, the board hydrates, a drag, a touch drag, a live
/// update, search, a form checked as typed, the council's autosave, the summary's live
/// figures, the bundle compressed and cached, and a new install's first run without demo
/// data: organisation, account, first campaign) against the release build on a fresh SQLite
/// database, as `cargo xtask run` serves it.
fn release_smoke(totals: &mut Counts) -> Result {
    let (work, db) = browser_run("e2e-release")?;
    println!("$ npx playwright test --grep @smoke (release build)");
    let mut cmd = playwright_on(Profile::Release, &["--grep", "@smoke"], &work);
    cmd.env("DATABASE_URL", &db);
    run_counting(&mut cmd, "Playwright (release build)", totals)
        .map_err(|e| format!("{e}; traces are in {}", work.display()))
}

/// `npx playwright test ARGS` in end2end/ against the debug build, writing to `output`.
fn playwright(args: &[&str], output: &Path) -> Command {
    playwright_on(Profile::Debug, args, output)
}

/// `npx playwright test ARGS` in end2end/ against `profile`'s build, writing to `output`.
fn playwright_on(profile: Profile, args: &[&str], output: &Path) -> Command {
    let mut cmd = Command::new("npx");
    cmd.args(["playwright", "test"])
        .args(args)
        .current_dir(root().join("end2end"))
        .env("EXEMPLAR_BIN", profile.server_bin())
        .env("LEPTOS_SITE_ROOT", profile.site_dir())
        .env("E2E_OUTPUT", output)
        // A proxy breaks Playwright's readiness check of the local server.
        .env_remove("HTTP_PROXY")
        .env_remove("http_proxy")
        .env_remove("HTTPS_PROXY")
        .env_remove("https_proxy")
        .env("NO_PROXY", "127.0.0.1,localhost");
    cmd
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_runners_summary_lines() {
        let c =
            parse_counts("test result: ok. 72 passed; 0 failed; 0 ignored; 0 measured").unwrap();
        assert_eq!((c.passed, c.failed), (72, 0));
        let c = parse_counts("  14 passed (1.1m)").unwrap();
        assert_eq!((c.passed, c.failed), (14, 0));
        let c = parse_counts("  2 failed").unwrap();
        assert_eq!((c.passed, c.failed), (0, 2));
        assert!(parse_counts("test shared::x ... ok").is_none());
        assert!(parse_counts("Running 14 tests using 1 worker").is_none());
    }

    #[test]
    fn finds_the_locked_wasm_bindgen_version() {
        let v = site::locked_version("wasm-bindgen").unwrap();
        assert!(v.starts_with("0.2."), "{v}");
        assert!(site::locked_version("no-such-crate-here").is_err());
    }
}
