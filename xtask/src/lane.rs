//! The background lane of `cargo xtask test`: builds that feed nothing before the run's last
//! steps (the release bundle and server) or nothing at all (the lints), run beside the rest
//! at the lowest CPU priority.
//!
//! Why: on a 2-core machine the browser suites leave much of the CPU idle (the page waits
//! for the server, the server for SQLite or PostgreSQL, Playwright for both), while a clean
//! clone spent a third of its time in those builds, one after the other. The lane is this
//! program again (`xtask lane`) under `chrt --idle`: the kernel gives it only the time
//! nothing else wants, so the tests beside it keep their speed.
//!
//! It builds the release bundle and server first (the smoke tests and the crash loop wait
//! for them), then runs clippy on both sides and checks that `shared` compiles to WASM, while
//! the run tests the release build. Cargo locks each profile's directory for the whole of a
//! build, so the release build shares the target directory with the tests' debug builds and
//! `cargo xtask run` afterwards finds it there; clippy checks in the dev profile, as the
//! tests build, so it has its own target directory (`target/lane-lints`). The lane's output
//! goes to `target/lanes/background.log`, printed when the run waits for its end.

use crate::{root, step, target_dir, Result};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn lanes_dir() -> PathBuf {
    target_dir().join("lanes")
}

/// Written by the lane once the release bundle and server are built.
fn release_marker() -> PathBuf {
    lanes_dir().join("release.done")
}

/// Where clippy checks: not the tests' directory, which the dev profile's builds lock.
pub fn lints_target_dir() -> PathBuf {
    target_dir().join("lane-lints")
}

/// The lane running in the background.
pub struct Lane {
    child: Option<Child>,
    log: PathBuf,
    started: Instant,
}

impl Lane {
    /// Starts `xtask lane` at idle CPU priority (`nice -n 19` where `chrt` is missing or
    /// refused).
    pub fn start() -> Result<Lane> {
        let dir = lanes_dir();
        fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let marker = release_marker();
        if marker.exists() {
            fs::remove_file(&marker).map_err(|e| format!("{}: {e}", marker.display()))?;
        }
        // A copy of this program: cargo may rebuild the original while the lane runs.
        let exe = std::env::current_exe().map_err(|e| format!("this program's path: {e}"))?;
        let copy = dir.join("xtask-lane");
        fs::copy(&exe, &copy).map_err(|e| format!("{}: {e}", copy.display()))?;
        let log = dir.join("background.log");
        let out = fs::File::create(&log).map_err(|e| format!("{}: {e}", log.display()))?;
        let err = out.try_clone().map_err(|e| e.to_string())?;
        let idle = Command::new("chrt")
            .args(["--idle", "0", "true"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        let mut cmd = if idle {
            let mut c = Command::new("chrt");
            c.args(["--idle", "0"]).arg(&copy);
            c
        } else {
            let mut c = Command::new("nice");
            c.args(["-n", "19"]).arg(&copy);
            c
        };
        cmd.arg("lane")
            .current_dir(root())
            .env("CARGO_TARGET_DIR", target_dir())
            .env("CARGO_TERM_COLOR", "never")
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err);
        println!(
            "started the background lane: the release build, then clippy ({}; its log: {})",
            if idle { "chrt --idle" } else { "nice -n 19" },
            log.display()
        );
        let child = cmd
            .spawn()
            .map_err(|e| format!("cannot start the background lane: {e}"))?;
        Ok(Lane {
            child: Some(child),
            log,
            started: Instant::now(),
        })
    }

    /// Whether the lane has already failed (checked between steps: a failure stops the run
    /// early, as the same step would have done in the foreground).
    pub fn check(&mut self) -> Result {
        let Some(child) = self.child.as_mut() else {
            return Ok(());
        };
        match child.try_wait() {
            Ok(Some(status)) if !status.success() => {
                self.child = None;
                Err(self.failure(&format!("{status}")))
            }
            _ => Ok(()),
        }
    }

    /// Waits until the release bundle and server are built.
    pub fn wait_for_release(&mut self) -> Result {
        let waiting = Instant::now();
        while !release_marker().exists() {
            self.check()?;
            if self.child.is_none() {
                return Err("the background lane has ended".into());
            }
            if let Some(Ok(Some(_))) = self.child.as_mut().map(|c| c.try_wait()) {
                if !release_marker().exists() {
                    return Err(self.failure("it ended without the release build"));
                }
            }
            std::thread::sleep(Duration::from_millis(500));
        }
        println!(
            "the release build was ready {:.1} s after the lane started; this run waited {:.1} s for it",
            self.started.elapsed().as_secs_f64(),
            waiting.elapsed().as_secs_f64()
        );
        Ok(())
    }

    /// Waits for the lane to end, prints its log, and fails if it did.
    pub fn wait(mut self) -> Result {
        let waiting = Instant::now();
        let status = match self.child.take() {
            Some(mut child) => child.wait().map_err(|e| e.to_string())?,
            None => return Err("the background lane was already ended".into()),
        };
        let log = fs::read_to_string(&self.log).unwrap_or_default();
        println!(
            "--- the background lane's log ({}) ---\n{log}--- end of the background lane's log ---",
            self.log.display(),
        );
        println!(
            "the background lane took {:.1} s; this run waited {:.1} s for its end",
            self.started.elapsed().as_secs_f64(),
            waiting.elapsed().as_secs_f64()
        );
        if status.success() {
            Ok(())
        } else {
            Err(self.failure(&format!("{status}")))
        }
    }

    fn failure(&self, status: &str) -> String {
        let log = fs::read_to_string(&self.log).unwrap_or_default();
        let tail: Vec<&str> = log.lines().rev().take(60).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        format!(
            "the background lane failed ({status}); the end of its log ({}):\n{}",
            self.log.display(),
            tail.join("\n")
        )
    }
}

impl Drop for Lane {
    /// A run that stops early stops its lane too, with everything it started.
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            if let Ok(None) = child.try_wait() {
                kill_tree(child.id());
                let _ = child.wait();
            }
        }
    }
}

/// SIGTERM to `pid` and every process below it (cargo, rustc, the linker, wasm-opt), found
/// from `/proc`, so that none is left building for nobody.
fn kill_tree(pid: u32) {
    let mut all = vec![pid];
    let mut i = 0;
    while i < all.len() {
        let parent = all[i];
        all.extend(children_of(parent));
        i += 1;
    }
    for p in all.iter().rev() {
        let _ = Command::new("kill")
            .args(["-TERM", &p.to_string()])
            .stderr(Stdio::null())
            .status();
    }
}

fn children_of(pid: u32) -> Vec<u32> {
    let Ok(entries) = fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|child| parent_of(Path::new(&format!("/proc/{child}/stat"))) == Some(pid))
        .collect()
}

/// The parent's pid from a `/proc/PID/stat` line (`pid (comm) state ppid …`; the command
/// name may itself hold spaces and parentheses, so read after its last `)`).
fn parent_of(stat: &Path) -> Option<u32> {
    let text = fs::read_to_string(stat).ok()?;
    parse_parent(&text)
}

fn parse_parent(stat: &str) -> Option<u32> {
    let after = &stat[stat.rfind(')')? + 1..];
    after.split_whitespace().nth(1)?.parse().ok()
}

/// What the lane does, in its own process (`xtask lane`).
pub fn run() -> Result {
    let started = Instant::now();
    crate::build_release()?;
    fs::write(release_marker(), "").map_err(|e| format!("release marker: {e}"))?;
    println!(
        "release build ready after {:.1} s",
        started.elapsed().as_secs_f64()
    );
    step("clippy (server side, ssr)", crate::clippy_ssr)?;
    step("clippy (browser side, hydrate)", crate::clippy_hydrate)?;
    step("shared compiles to WASM", || {
        crate::sh_in(
            &root(),
            "cargo",
            &["check", "-p", "shared", "--target", crate::WASM_TARGET],
            &[("CARGO_TARGET_DIR", lints_target_dir().as_os_str())],
        )
    })?;
    println!("lane done in {:.1} s", started.elapsed().as_secs_f64());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_parent_from_a_stat_line() {
        assert_eq!(parse_parent("123 (cargo) S 45 123 45 0"), Some(45));
        assert_eq!(parse_parent("9 (a (b) c) R 7 9 9"), Some(7));
        assert_eq!(parse_parent("garbage"), None);
    }
}
