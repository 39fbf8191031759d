//! Background lanes of `cargo xtask test`: builds that feed nothing before the test run's
//! last steps (the release bundle and server) or nothing at all (the lints), run beside the
//! rest at the lowest CPU priority.
//!
//! Why: on a 2-core machine the browser suites leave much of the CPU idle (the page waits
//! for the server, the server for SQLite or PostgreSQL, Playwright for both), while a clean
//! clone spent a third of its time in those builds, one after the other. A lane is this
//! program again (`xtask lane NAME`) under `chrt --idle`: the kernel gives it only the time
//! nothing else wants, so the tests beside it keep their speed. Cargo locks each profile's
//! directory for the whole of a build, so the release lane shares the target directory (its
//! profiles are not the tests'), and `cargo xtask run` afterwards finds its build there; the
//! lints lane checks in the dev profile, as the tests build, so it has its own target
//! directory (`target/lane-lints`). A lane's output goes to `target/lanes/NAME.log`, printed
//! when the test run waits for it.

use crate::{root, step, target_dir, Result};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Instant;

/// The lanes `cargo xtask test` starts, each with its own target directory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Name {
    /// The release bundle and server, which the last steps test (in the target directory).
    Release,
    /// Clippy on both sides and `shared` compiled to WASM (`target/lane-lints`).
    Lints,
}

impl Name {
    pub fn as_str(self) -> &'static str {
        match self {
            Name::Release => "release",
            Name::Lints => "lints",
        }
    }

    pub fn parse(s: &str) -> Option<Name> {
        [Name::Release, Name::Lints]
            .into_iter()
            .find(|n| n.as_str() == s)
    }

    /// The lane's target directory.
    pub fn target_dir(self) -> PathBuf {
        match self {
            Name::Release => target_dir(),
            Name::Lints => target_dir().join("lane-lints"),
        }
    }
}

/// A lane running in the background.
pub struct Lane {
    name: Name,
    child: Option<Child>,
    log: PathBuf,
    started: Instant,
}

impl Lane {
    /// Starts `xtask lane NAME` with the lane's target directory, at idle CPU priority
    /// (`nice -n 19` where `chrt` is missing or refused).
    pub fn start(name: Name) -> Result<Lane> {
        let dir = name.target_dir();
        let lanes = target_dir().join("lanes");
        fs::create_dir_all(&lanes).map_err(|e| format!("{}: {e}", lanes.display()))?;
        // A copy of this program: cargo may rebuild the original while the lane runs.
        let exe = std::env::current_exe().map_err(|e| format!("this program's path: {e}"))?;
        let copy = lanes.join(format!("xtask-{}", name.as_str()));
        fs::copy(&exe, &copy).map_err(|e| format!("{}: {e}", copy.display()))?;
        let log = lanes.join(format!("{}.log", name.as_str()));
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
        cmd.args(["lane", name.as_str()])
            .current_dir(root())
            .env("CARGO_TARGET_DIR", &dir)
            .env("CARGO_TERM_COLOR", "never")
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err);
        println!(
            "started the {} lane in the background ({}; its log: {})",
            name.as_str(),
            if idle { "chrt --idle" } else { "nice -n 19" },
            log.display()
        );
        let child = cmd
            .spawn()
            .map_err(|e| format!("cannot start the {} lane: {e}", name.as_str()))?;
        Ok(Lane {
            name,
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

    /// Waits for the lane to end, prints its log, and fails if it did.
    pub fn wait(mut self) -> Result {
        let waiting = Instant::now();
        let status = match self.child.take() {
            Some(mut child) => child.wait().map_err(|e| e.to_string())?,
            None => return Err(format!("the {} lane was already ended", self.name.as_str())),
        };
        let log = fs::read_to_string(&self.log).unwrap_or_default();
        println!(
            "--- the {} lane's log ({}) ---\n{}--- end of the {} lane's log ---",
            self.name.as_str(),
            self.log.display(),
            log,
            self.name.as_str()
        );
        println!(
            "the {} lane took {:.1} s in the background; this run waited {:.1} s for it",
            self.name.as_str(),
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
            "the {} lane failed ({status}); the end of its log ({}):\n{}",
            self.name.as_str(),
            self.log.display(),
            tail.join("\n")
        )
    }
}

impl Drop for Lane {
    /// A run that stops early stops its lanes too, with everything they started.
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            if let Ok(None) = child.try_wait() {
                kill_tree(child.id());
                let _ = child.wait();
            }
        }
    }
}

/// SIGTERM to `pid` and every process below it (cargo, rustc, the linker, wasm-opt), the
/// children first found from `/proc`, so that none is left building for nobody.
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

/// What a lane does, in the lane's own process (`xtask lane NAME`).
pub fn run(name: Name) -> Result {
    let started = Instant::now();
    match name {
        Name::Release => crate::build_release()?,
        Name::Lints => {
            step("clippy (server side, ssr)", crate::clippy_ssr)?;
            step("clippy (browser side, hydrate)", crate::clippy_hydrate)?;
            step("shared compiles to WASM", || {
                crate::sh(
                    "cargo",
                    &["check", "-p", "shared", "--target", crate::WASM_TARGET],
                )
            })?;
        }
    }
    println!(
        "lane {} done in {:.1} s",
        name.as_str(),
        started.elapsed().as_secs_f64()
    );
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

    #[test]
    fn names_round_trip() {
        for n in [Name::Release, Name::Lints] {
            assert_eq!(Name::parse(n.as_str()), Some(n));
        }
        assert_eq!(Name::parse("other"), None);
    }
}
