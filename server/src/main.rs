//! `exemplar` — serve (default; `--demo` loads the demo data into an empty database),
//! `migrate`, `create-admin`, `verify-audit`, `backup --to PATH`, `restore --from PATH`,
//! `copy-to-postgres`, or `seed --nominations N`.

use server::audit::{verify_chain, AuditEntry, ChainKey, ChainReport};
use server::configuration::Settings;
use server::db::Store;
use server::seed::{demo, synthetic};
use server::startup::{shutdown_signal, Application};
use server::{db, telemetry};
use shared::auth::Role;
use shared::domain::{NewPassword, Username};
use shared::i18n::{input_error, Lang};
use std::process::ExitCode;

const USAGE: &str = "usage: exemplar [serve [--demo] | --demo | migrate | seed --nominations N | create-admin --username NAME | verify-audit [--manifest PATH] | backup --to PATH | restore --from PATH | copy-to-postgres postgres://...]";

enum Command {
    /// `demo`: load the demo data set into an empty database first.
    Serve {
        demo: bool,
    },
    Migrate,
    Seed {
        nominations: usize,
    },
    CreateAdmin {
        username: String,
    },
    /// `manifest`: a backup's manifest whose last audit row must still be there.
    VerifyAudit {
        manifest: Option<std::path::PathBuf>,
    },
    Backup {
        to: std::path::PathBuf,
    },
    /// Puts a backup written by `backup` back in place of the database (stopped).
    Restore {
        from: std::path::PathBuf,
    },
    CopyToPostgres {
        target: String,
    },
}

fn parse_args(args: &[String]) -> Result<Command, String> {
    match args {
        [] => Ok(Command::Serve { demo: false }),
        [c] if c == "serve" => Ok(Command::Serve { demo: false }),
        [c] if c == "--demo" => Ok(Command::Serve { demo: true }),
        [c, flag] if c == "serve" && flag == "--demo" => Ok(Command::Serve { demo: true }),
        [c] if c == "migrate" => Ok(Command::Migrate),
        [c, flag, n] if c == "seed" && flag == "--nominations" => {
            let nominations: usize = n
                .parse()
                .map_err(|_| format!("--nominations expects a whole number, got {n:?}"))?;
            if !(1..=100_000).contains(&nominations) {
                return Err("--nominations must be between 1 and 100000".into());
            }
            Ok(Command::Seed { nominations })
        }
        [c, flag, name] if c == "create-admin" && flag == "--username" => {
            let username = Username::parse(name)
                .map_err(|e| format!("--username: {}", input_error(Lang::En, &e)))?;
            Ok(Command::CreateAdmin {
                username: username.as_str().to_string(),
            })
        }
        [c] if c == "verify-audit" => Ok(Command::VerifyAudit { manifest: None }),
        [c, flag, path] if c == "verify-audit" && flag == "--manifest" && !path.is_empty() => {
            Ok(Command::VerifyAudit {
                manifest: Some(path.into()),
            })
        }
        [c, flag, to] if c == "backup" && flag == "--to" && !to.is_empty() => {
            Ok(Command::Backup { to: to.into() })
        }
        [c, flag, from] if c == "restore" && flag == "--from" && !from.is_empty() => {
            Ok(Command::Restore { from: from.into() })
        }
        [c, target] if c == "copy-to-postgres" => {
            if !(target.starts_with("postgres://") || target.starts_with("postgresql://")) {
                return Err(format!(
                    "copy-to-postgres expects a postgres:// URL, got {target:?}"
                ));
            }
            Ok(Command::CopyToPostgres {
                target: target.clone(),
            })
        }
        _ => Err(USAGE.into()),
    }
}

/// The new administrator's password: `EXEMPLAR_ADMIN_PASSWORD`, or one line on stdin.
fn read_admin_password() -> Result<String, String> {
    let password = match std::env::var("EXEMPLAR_ADMIN_PASSWORD") {
        Ok(p) => p,
        Err(_) => {
            eprintln!("password for the new administrator (at least 12 characters), then Enter:");
            let mut line = String::new();
            std::io::stdin()
                .read_line(&mut line)
                .map_err(|e| format!("cannot read the password: {e}"))?;
            line.trim_end_matches(['\r', '\n']).to_string()
        }
    };
    NewPassword::parse(&password)
        .map(|p| p.expose().to_string())
        .map_err(|e| format!("EXEMPLAR_ADMIN_PASSWORD: {}", input_error(Lang::En, &e)))
}

/// The audit key the settings name, read (never made: only the server and `create-admin`,
/// which write to the history, make one).
fn read_audit_key(settings: &Settings) -> Result<Option<ChainKey>, String> {
    match &settings.audit_key_file {
        Some(path) => ChainKey::read(path),
        None => Ok(None),
    }
}

fn main() -> ExitCode {
    server::memory::give_back_large_blocks();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("exemplar: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    match runtime.block_on(run(args)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("exemplar: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run(args: Vec<String>) -> Result<(), String> {
    let command = parse_args(&args)?;
    let mut settings = Settings::load().map_err(|e| e.to_string())?;
    telemetry::init(settings.log_format);
    match command {
        Command::Serve { demo } => {
            settings.demo_data |= demo;
            serve(settings).await
        }
        Command::Migrate => {
            let store = db::open(&settings.database_url)
                .await
                .map_err(|e| e.to_string())?;
            store.migrate().await.map_err(|e| e.to_string())?;
            store.close().await;
            println!("migrations applied");
            Ok(())
        }
        Command::CreateAdmin { username } => {
            let password = read_admin_password()?;
            let hash = app::services::password::hash(&password).map_err(|e| e.to_string())?;
            let store = db::open(&settings.database_url)
                .await
                .map_err(|e| e.to_string())?;
            store.migrate().await.map_err(|e| e.to_string())?;
            if let Some(path) = &settings.audit_key_file {
                db::key_audit_history(store.as_ref(), path)
                    .await
                    .map_err(|e| e.to_string())?;
            }
            let id = store
                .create_user(&username, "Quản trị hệ thống", &hash, &[Role::Admin])
                .await
                .map_err(|e| e.to_string())?;
            store
                .append_audit(&AuditEntry {
                    actor_name: "create-admin".into(),
                    action: app::types::model::AuditAction::AccountCreated.into(),
                    object_type: "account".into(),
                    object_id: Some(username.clone()),
                    after: Some(serde_json::json!({ "id": id, "roles": ["admin"] }).to_string()),
                    ..Default::default()
                })
                .await
                .map_err(|e| e.to_string())?;
            store.close().await;
            println!("administrator {username:?} created; sign in at /login");
            Ok(())
        }
        Command::CopyToPostgres { target } => {
            let server::configuration::DatabaseUrl::Sqlite { url, path } = &settings.database_url
            else {
                return Err(
                    "copy-to-postgres copies from SQLite: set DATABASE_URL=sqlite://PATH to the \
                     database to copy"
                        .into(),
                );
            };
            let source = db::sqlite::SqliteStore::open(url, path.as_deref())
                .await
                .map_err(|e| e.to_string())?;
            source.migrate().await.map_err(|e| e.to_string())?;
            let key = read_audit_key(&settings)?;
            let copied = db::copy::sqlite_to_postgres(source.pool(), &target, key.as_ref()).await;
            source.close().await;
            let report = copied.map_err(|e| e.to_string())?;
            for (table, rows) in &report.tables {
                println!("{table:>22}: {rows} rows");
            }
            println!(
                "copied and verified: every table has the same number of rows; the audit \
                 history ({} rows) is intact and ends at the same hash",
                report.audit_rows
            );
            if let (Some(key), Some(path)) = (&key, &settings.audit_key_file) {
                println!(
                    "the history is keyed with the audit key {} in {}: every PostgreSQL instance \
                     must read it (EXEMPLAR_AUDIT_KEY_FILE={})",
                    key.id(),
                    path.display(),
                    path.display()
                );
            }
            Ok(())
        }
        Command::Backup { to } => {
            let server::configuration::DatabaseUrl::Sqlite { url, path } = &settings.database_url
            else {
                return Err(
                    "backup copies a SQLite database; back PostgreSQL up with pg_dump (see the \
                     README, \"Backup\")"
                        .into(),
                );
            };
            if path.is_none() {
                return Err("an in-memory database cannot be backed up".into());
            }
            let source = db::backup::open_source(url)
                .await
                .map_err(|e| e.to_string())?;
            let key = read_audit_key(&settings)?;
            let taken = db::backup::backup_sqlite(&source, &to, key.as_ref()).await;
            source.close().await;
            let manifest = taken.map_err(|e| e.to_string())?;
            let files =
                server::files::FileStore::open(&settings.files_dir).map_err(|e| e.to_string())?;
            let copied = db::backup::backup_files(&to, &files)
                .await
                .map_err(|e| format!("{e}; the database copy is at {}", to.display()))?;
            println!(
                "the dossier's {copied} files copied to {} and checked against their hashes",
                db::backup::files_path(&to).display()
            );
            println!(
                "backup written to {} and verified: integrity ok, {} tables counted, the audit \
                 history ({} rows) intact; manifest {}",
                to.display(),
                manifest.tables.len(),
                manifest.audit_rows,
                db::backup::manifest_path(&to).display()
            );
            Ok(())
        }
        Command::Restore { from } => {
            let server::configuration::DatabaseUrl::Sqlite { path, .. } = &settings.database_url
            else {
                return Err(
                    "restore puts back a SQLite backup; PostgreSQL is restored with pg_restore \
                     (see the README, \"Backup\")"
                        .into(),
                );
            };
            let Some(path) = path else {
                return Err("an in-memory database cannot be restored".into());
            };
            let key = read_audit_key(&settings)?;
            let restored = db::backup::restore_sqlite(&from, path, key.as_ref())
                .await
                .map_err(|e| e.to_string())?;
            println!(
                "restored {} into {}: integrity ok, the audit history ({} rows) intact and as \
                 the manifest of {} recorded",
                from.display(),
                path.display(),
                restored.manifest.audit_rows,
                restored.manifest.taken_at
            );
            let files =
                server::files::FileStore::open(&settings.files_dir).map_err(|e| e.to_string())?;
            let put_back = db::backup::restore_files(&from, &files)
                .await
                .map_err(|e| e.to_string())?;
            println!(
                "the dossier's files: {put_back} put back into {}, every document's file there",
                settings.files_dir.display()
            );
            match &restored.previous {
                Some(previous) => {
                    println!("the database it replaced is kept at {}", previous.display())
                }
                None => println!("there was no database at {} before", path.display()),
            }
            Ok(())
        }
        Command::VerifyAudit { manifest } => {
            let manifest = match manifest {
                Some(path) => Some(db::backup::read_manifest(&path).map_err(|e| e.to_string())?),
                None => None,
            };
            let store = db::open(&settings.database_url)
                .await
                .map_err(|e| e.to_string())?;
            let rows = store.audit_rows().await.map_err(|e| e.to_string())?;
            store.close().await;
            let key = read_audit_key(&settings)?;
            match verify_chain(&rows, key.as_ref()) {
                ChainReport::Intact { rows: n } => {
                    if let Some(manifest) = &manifest {
                        db::backup::check_against_manifest(&rows, manifest)?;
                    }
                    println!("audit history intact: {n} rows, every hash matches");
                    let keyed = rows
                        .iter()
                        .position(|r| server::audit::keyed_with(&r.hash).is_some());
                    match (keyed, &key) {
                        (Some(i), Some(key)) => println!(
                            "rows from {} on are keyed with the audit key {} ({})",
                            rows[i].id,
                            key.id(),
                            settings
                                .audit_key_file
                                .as_deref()
                                .map_or_else(String::new, |p| p.display().to_string())
                        ),
                        _ => println!(
                            "no row is keyed yet (the server keys the history at its start)"
                        ),
                    }
                    if let Some(m) = &manifest {
                        println!(
                            "and it still holds the last row of the backup of {}",
                            m.taken_at
                        );
                    }
                    Ok(())
                }
                ChainReport::Broken { row_id, reason } => {
                    Err(format!("audit history broken at row {row_id}: {reason}"))
                }
            }
        }
        Command::Seed { nominations } => {
            let store = db::open(&settings.database_url)
                .await
                .map_err(|e| e.to_string())?;
            store.migrate().await.map_err(|e| e.to_string())?;
            let started = std::time::Instant::now();
            store
                .load_dataset(&synthetic::dataset(nominations))
                .await
                .map_err(|e| e.to_string())?;
            store.close().await;
            println!(
                "loaded a synthetic campaign of {nominations} nominations in {:.1} s",
                started.elapsed().as_secs_f64()
            );
            Ok(())
        }
    }
}

async fn serve(settings: Settings) -> Result<(), String> {
    let shutdown = shutdown_signal();
    let app = Application::build(settings)
        .await
        .map_err(|e| e.to_string())?;
    let url = format!("http://{}", app.addr());
    println!("Exemplar is serving at {url}/board");
    if app.demo_loaded() {
        println!("Demo accounts (password {:?}):", demo::DEMO_PASSWORD);
        for a in demo::accounts()
            .iter()
            .filter(|a| !a.username.contains('.'))
        {
            println!("  {:<10} {} — {}", a.username, a.display_name, a.position);
        }
        println!(
            "  and head.<unit> / staff.<unit> for every other unit, e.g. head.cctt, staff.cctt"
        );
    }
    app.run_until_stopped(shutdown)
        .await
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &[&str]) -> Vec<String> {
        s.iter().map(|a| a.to_string()).collect()
    }

    #[test]
    fn parses_commands() {
        assert!(matches!(
            parse_args(&args(&[])),
            Ok(Command::Serve { demo: false })
        ));
        assert!(matches!(
            parse_args(&args(&["--demo"])),
            Ok(Command::Serve { demo: true })
        ));
        assert!(matches!(
            parse_args(&args(&["serve", "--demo"])),
            Ok(Command::Serve { demo: true })
        ));
        assert!(parse_args(&args(&["serve", "--demos"])).is_err());
        assert!(matches!(
            parse_args(&args(&["migrate"])),
            Ok(Command::Migrate)
        ));
        assert!(matches!(
            parse_args(&args(&["seed", "--nominations", "100000"])),
            Ok(Command::Seed {
                nominations: 100_000
            })
        ));
        assert!(parse_args(&args(&["seed", "--nominations", "100001"])).is_err());
        assert!(parse_args(&args(&["seed", "--nominations", "many"])).is_err());
        assert!(parse_args(&args(&["frobnicate"])).is_err());
        assert!(matches!(
            parse_args(&args(&["create-admin", "--username", "Root.Admin"])),
            Ok(Command::CreateAdmin { username }) if username == "root.admin"
        ));
        assert!(parse_args(&args(&["create-admin", "--username", "a b"])).is_err());
        assert!(matches!(
            parse_args(&args(&["verify-audit"])),
            Ok(Command::VerifyAudit { manifest: None })
        ));
        assert!(matches!(
            parse_args(&args(&[
                "verify-audit",
                "--manifest",
                "/b.db.manifest.json"
            ])),
            Ok(Command::VerifyAudit { manifest: Some(_) })
        ));
        assert!(parse_args(&args(&["verify-audit", "--manifest"])).is_err());
        assert!(matches!(
            parse_args(&args(&["backup", "--to", "/tmp/b.db"])),
            Ok(Command::Backup { to }) if to == std::path::Path::new("/tmp/b.db")
        ));
        assert!(parse_args(&args(&["backup", "/tmp/b.db"])).is_err());
        assert!(matches!(
            parse_args(&args(&["restore", "--from", "/tmp/b.db"])),
            Ok(Command::Restore { from }) if from == std::path::Path::new("/tmp/b.db")
        ));
        assert!(parse_args(&args(&["restore", "/tmp/b.db"])).is_err());
        assert!(parse_args(&args(&["restore", "--from", ""])).is_err());
        assert!(parse_args(&args(&["backup", "--to", ""])).is_err());
    }
}
