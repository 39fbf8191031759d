//! Settings, layered: built-in defaults, then an optional `exemplar.toml`, then environment
//! variables. Every error names the setting at fault.

use serde::Deserialize;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    /// `sqlite://PATH` (relative to the working directory) or `sqlite::memory:`.
    Sqlite { url: String, path: Option<PathBuf> },
    /// `postgres://USER@HOST:PORT/DATABASE` (or `postgresql://…`): several instances may
    /// share one, each with at most `connections` (`EXEMPLAR_PG_CONNECTIONS`).
    Postgres { url: String, connections: u32 },
}

/// Connections per instance by default: PostgreSQL's default limit of 100 then allows
/// several instances.
pub const DEFAULT_PG_CONNECTIONS: u32 = 10;

impl DatabaseUrl {
    pub fn parse(value: &str) -> Result<Self, ConfigError> {
        let invalid = |reason: &str| ConfigError::Invalid {
            setting: "DATABASE_URL",
            value: value.to_string(),
            reason: reason.to_string(),
        };
        if let Some(rest) = value.strip_prefix("sqlite:") {
            if rest == ":memory:" {
                return Ok(DatabaseUrl::Sqlite {
                    url: value.to_string(),
                    path: None,
                });
            }
            let path = rest.strip_prefix("//").unwrap_or(rest);
            let path = path.split('?').next().unwrap_or_default();
            if path.is_empty() {
                return Err(invalid(
                    "the SQLite URL names no file (expected sqlite://PATH)",
                ));
            }
            return Ok(DatabaseUrl::Sqlite {
                url: value.to_string(),
                path: Some(PathBuf::from(path)),
            });
        }
        if value.starts_with("postgres://") || value.starts_with("postgresql://") {
            return Ok(DatabaseUrl::Postgres {
                url: value.to_string(),
                connections: DEFAULT_PG_CONNECTIONS,
            });
        }
        Err(invalid(
            "expected a URL of the form sqlite://PATH or postgres://USER@HOST/DATABASE",
        ))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Pretty,
    Json,
}

/// How long a session lives, and how its cookie is marked.
#[derive(Debug, Clone, Copy)]
pub struct SessionConfig {
    pub idle: chrono::Duration,
    pub absolute: chrono::Duration,
    /// Always mark the cookie `Secure` (otherwise only when the request came over HTTPS,
    /// as a proxy reports with `X-Forwarded-Proto`).
    pub always_secure: bool,
}

impl Default for SessionConfig {
    fn default() -> Self {
        SessionConfig {
            idle: chrono::Duration::minutes(30),
            absolute: chrono::Duration::hours(12),
            always_secure: false,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub database_url: DatabaseUrl,
    pub site_addr: SocketAddr,
    pub site_root: PathBuf,
    pub log_format: LogFormat,
    /// Load the demo data set into an empty database at start-up: only when asked for
    /// (`--demo`, `EXEMPLAR_DEMO_DATA=on`, `demo_data = true`); a real install starts empty.
    pub demo_data: bool,
    pub sessions: SessionConfig,
    /// A fixed "today" for the rules' deadlines (tests and rehearsals); None = the calendar.
    pub today: Option<chrono::NaiveDate>,
    /// Reverse proxies whose `X-Forwarded-For` / `X-Forwarded-Proto` are believed
    /// (`EXEMPLAR_TRUSTED_PROXIES`: addresses and networks, or `none`; loopback by default).
    pub trusted_proxies: crate::auth::client::TrustedProxies,
    /// Live streams this instance holds open at once (`EXEMPLAR_MAX_LIVE_STREAMS`); past it,
    /// 429.
    pub max_live_streams: usize,
    /// The file holding the audit history's key (`EXEMPLAR_AUDIT_KEY_FILE`): by default
    /// `audit.key` beside a SQLite database, `data/audit.key` for PostgreSQL (every
    /// instance must read the same key). None for an in-memory database.
    pub audit_key_file: Option<PathBuf>,
    /// How long a client has to send a request's headers, from opening the connection or
    /// from the previous answer on a kept-alive one (`EXEMPLAR_HEADER_TIMEOUT_SECONDS`,
    /// 30 by default): past it the connection is closed.
    pub header_timeout: std::time::Duration,
    /// Where the dossier's files are kept (`EXEMPLAR_FILES_DIR`; beside a SQLite database
    /// file by default, `data/files` for PostgreSQL).
    pub files_dir: PathBuf,
    /// How large a file and a whole dossier may be (`EXEMPLAR_MAX_FILE_MB`,
    /// `EXEMPLAR_MAX_DOSSIER_MB`).
    pub document_limits: shared::domain::dossier::DocumentLimits,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{setting}={value:?} is not valid: {reason}")]
    Invalid {
        setting: &'static str,
        value: String,
        reason: String,
    },
    #[error("cannot read the configuration file {path}: {reason}")]
    File { path: String, reason: String },
}

/// The keys `exemplar.toml` may hold; each mirrors an environment variable.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSettings {
    database_url: Option<String>,
    site_addr: Option<String>,
    site_root: Option<String>,
    log_format: Option<String>,
    demo_data: Option<bool>,
    pg_connections: Option<u32>,
    session_idle_minutes: Option<i64>,
    secure_cookies: Option<bool>,
    today: Option<String>,
    trusted_proxies: Option<String>,
    max_live_streams: Option<usize>,
    audit_key_file: Option<String>,
    header_timeout_seconds: Option<u64>,
    files_dir: Option<String>,
    max_file_mb: Option<u64>,
    max_dossier_mb: Option<u64>,
}

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/exemplar.db";
pub const DEFAULT_SITE_ADDR: &str = "127.0.0.1:3000";

impl Settings {
    /// Reads `exemplar.toml` (or the file named by `EXEMPLAR_CONFIG`) and the environment.
    pub fn load() -> Result<Self, ConfigError> {
        let explicit = std::env::var("EXEMPLAR_CONFIG").ok();
        let path = explicit.clone().unwrap_or_else(|| "exemplar.toml".into());
        let file = match std::fs::read_to_string(&path) {
            Ok(text) => toml::from_str::<FileSettings>(&text).map_err(|e| ConfigError::File {
                path: path.clone(),
                reason: e.message().to_string(),
            })?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && explicit.is_none() => {
                FileSettings::default()
            }
            Err(e) => {
                return Err(ConfigError::File {
                    path,
                    reason: e.to_string(),
                })
            }
        };
        Self::from_sources(file, |key| std::env::var(key).ok())
    }

    fn from_sources(
        file: FileSettings,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Self, ConfigError> {
        let pick = |key: &str, from_file: Option<String>, default: &str| {
            env(key)
                .filter(|v| !v.is_empty())
                .or(from_file)
                .unwrap_or_else(|| default.to_string())
        };
        let mut database_url = DatabaseUrl::parse(&pick(
            "DATABASE_URL",
            file.database_url,
            DEFAULT_DATABASE_URL,
        ))?;
        let wanted = pick(
            "EXEMPLAR_PG_CONNECTIONS",
            file.pg_connections.map(|n| n.to_string()),
            &DEFAULT_PG_CONNECTIONS.to_string(),
        );
        let pg_connections: u32 = number(
            "EXEMPLAR_PG_CONNECTIONS",
            wanted,
            2..=1000,
            "expected a number of connections from 2 to 1000",
        )?;
        if let DatabaseUrl::Postgres { connections, .. } = &mut database_url {
            *connections = pg_connections;
        }
        let addr = pick("LEPTOS_SITE_ADDR", file.site_addr, DEFAULT_SITE_ADDR);
        let site_addr = addr.parse().map_err(|_| ConfigError::Invalid {
            setting: "LEPTOS_SITE_ADDR",
            value: addr.clone(),
            reason: "expected HOST:PORT, for example 127.0.0.1:3000".into(),
        })?;
        let site_root = PathBuf::from(pick("LEPTOS_SITE_ROOT", file.site_root, "target/site"));
        let format = pick("EXEMPLAR_LOG_FORMAT", file.log_format, "pretty");
        let log_format = match format.as_str() {
            "pretty" => LogFormat::Pretty,
            "json" => LogFormat::Json,
            _ => {
                return Err(ConfigError::Invalid {
                    setting: "EXEMPLAR_LOG_FORMAT",
                    value: format,
                    reason: "expected pretty or json".into(),
                })
            }
        };
        let demo_data = match env("EXEMPLAR_DEMO_DATA").as_deref() {
            None | Some("") => file.demo_data.unwrap_or(false),
            Some("on" | "true" | "1") => true,
            Some("off" | "false" | "0") => false,
            Some(other) => {
                return Err(ConfigError::Invalid {
                    setting: "EXEMPLAR_DEMO_DATA",
                    value: other.into(),
                    reason: "expected on or off".into(),
                })
            }
        };
        let idle = pick(
            "EXEMPLAR_SESSION_IDLE_MINUTES",
            file.session_idle_minutes.map(|m| m.to_string()),
            "30",
        );
        let idle_minutes: i64 = number(
            "EXEMPLAR_SESSION_IDLE_MINUTES",
            idle,
            1..=720,
            "expected a number of minutes from 1 to 720",
        )?;
        let secure = pick(
            "EXEMPLAR_SECURE_COOKIES",
            file.secure_cookies
                .map(|b| if b { "on" } else { "off" }.to_string()),
            "auto",
        );
        let always_secure = match secure.as_str() {
            "on" | "true" | "1" => true,
            "auto" | "off" | "false" | "0" => false,
            _ => {
                return Err(ConfigError::Invalid {
                    setting: "EXEMPLAR_SECURE_COOKIES",
                    value: secure,
                    reason: "expected on or auto".into(),
                })
            }
        };
        let today =
            match pick("EXEMPLAR_TODAY", file.today, "").as_str() {
                "" => None,
                text => Some(chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(
                    |_| ConfigError::Invalid {
                        setting: "EXEMPLAR_TODAY",
                        value: text.into(),
                        reason: "expected a date as YYYY-MM-DD".into(),
                    },
                )?),
            };
        let proxies = pick(
            "EXEMPLAR_TRUSTED_PROXIES",
            file.trusted_proxies,
            "127.0.0.0/8, ::1",
        );
        let trusted_proxies =
            crate::auth::client::TrustedProxies::parse(&proxies).map_err(|reason| {
                ConfigError::Invalid {
                    setting: "EXEMPLAR_TRUSTED_PROXIES",
                    value: proxies.clone(),
                    reason,
                }
            })?;
        let streams = pick(
            "EXEMPLAR_MAX_LIVE_STREAMS",
            file.max_live_streams.map(|n| n.to_string()),
            "1000",
        );
        let max_live_streams = number(
            "EXEMPLAR_MAX_LIVE_STREAMS",
            streams,
            1..=100_000,
            "expected a number from 1 to 100000",
        )?;
        let header = pick(
            "EXEMPLAR_HEADER_TIMEOUT_SECONDS",
            file.header_timeout_seconds.map(|n| n.to_string()),
            "30",
        );
        let header_timeout = std::time::Duration::from_secs(number(
            "EXEMPLAR_HEADER_TIMEOUT_SECONDS",
            header,
            1..=600,
            "expected a number of seconds from 1 to 600",
        )?);
        let audit_key_file = env("EXEMPLAR_AUDIT_KEY_FILE")
            .filter(|v| !v.is_empty())
            .or(file.audit_key_file)
            .map(PathBuf::from)
            .or_else(|| default_audit_key_file(&database_url));
        let files_dir = env("EXEMPLAR_FILES_DIR")
            .filter(|v| !v.is_empty())
            .or(file.files_dir)
            .map(PathBuf::from)
            .unwrap_or_else(|| default_files_dir(&database_url));
        let file_mb: u64 = number(
            "EXEMPLAR_MAX_FILE_MB",
            pick(
                "EXEMPLAR_MAX_FILE_MB",
                file.max_file_mb.map(|n| n.to_string()),
                "10",
            ),
            1..=100,
            "expected a number of megabytes from 1 to 100",
        )?;
        let dossier_mb: u64 = number(
            "EXEMPLAR_MAX_DOSSIER_MB",
            pick(
                "EXEMPLAR_MAX_DOSSIER_MB",
                file.max_dossier_mb.map(|n| n.to_string()),
                "50",
            ),
            1..=10_000,
            "expected a number of megabytes from 1 to 10000",
        )?;
        if dossier_mb < file_mb {
            return Err(ConfigError::Invalid {
                setting: "EXEMPLAR_MAX_DOSSIER_MB",
                value: dossier_mb.to_string(),
                reason: format!("a dossier must hold at least one file ({file_mb} MB)"),
            });
        }
        let mib = shared::domain::dossier::MIB;
        Ok(Settings {
            files_dir,
            document_limits: shared::domain::dossier::DocumentLimits {
                file_bytes: file_mb * mib,
                dossier_bytes: dossier_mb * mib,
            },
            audit_key_file,
            header_timeout,
            today,
            trusted_proxies,
            max_live_streams,
            database_url,
            site_addr,
            site_root,
            log_format,
            demo_data,
            sessions: SessionConfig {
                idle: chrono::Duration::minutes(idle_minutes),
                absolute: chrono::Duration::hours(12),
                always_secure,
            },
        })
    }

    /// Settings for tests: a database file, an ephemeral port, no demo data unless asked.
    pub fn for_tests(database: &Path, site_root: &Path) -> Self {
        Settings {
            database_url: DatabaseUrl::Sqlite {
                url: format!("sqlite://{}", database.display()),
                path: Some(database.to_path_buf()),
            },
            site_addr: "127.0.0.1:0".parse().expect("literal address"),
            site_root: site_root.to_path_buf(),
            log_format: LogFormat::Pretty,
            demo_data: true,
            sessions: SessionConfig::default(),
            today: None,
            trusted_proxies: crate::auth::client::TrustedProxies::default(),
            max_live_streams: 1000,
            audit_key_file: Some(database.with_file_name("audit.key")),
            header_timeout: std::time::Duration::from_secs(30),
            files_dir: database.with_file_name("files"),
            document_limits: shared::domain::dossier::DocumentLimits::default(),
        }
    }
}

/// A number read from `value` within `range`; otherwise an error naming `setting` that says
/// what is `expected`.
fn number<T: std::str::FromStr + PartialOrd>(
    setting: &'static str,
    value: String,
    range: std::ops::RangeInclusive<T>,
    expected: &str,
) -> Result<T, ConfigError> {
    match value.parse() {
        Ok(n) if range.contains(&n) => Ok(n),
        _ => Err(ConfigError::Invalid {
            setting,
            value,
            reason: expected.into(),
        }),
    }
}

/// Where the dossier's files are kept unless configured: beside a SQLite database file, in
/// `data/files` for PostgreSQL (or an in-memory database).
fn default_files_dir(url: &DatabaseUrl) -> PathBuf {
    match url {
        DatabaseUrl::Sqlite {
            path: Some(path), ..
        } => path.with_file_name("files"),
        _ => PathBuf::from("data/files"),
    }
}

/// Where the audit key is kept unless configured: beside a SQLite database file, in
/// `data/` for PostgreSQL; none for an in-memory database.
fn default_audit_key_file(url: &DatabaseUrl) -> Option<PathBuf> {
    match url {
        DatabaseUrl::Sqlite {
            path: Some(path), ..
        } => Some(path.with_file_name("audit.key")),
        DatabaseUrl::Sqlite { path: None, .. } => None,
        DatabaseUrl::Postgres { .. } => Some(PathBuf::from("data/audit.key")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn load(env: &[(&str, &str)], file: &str) -> Result<Settings, ConfigError> {
        let env: HashMap<String, String> = env
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let file: FileSettings = toml::from_str(file).unwrap();
        Settings::from_sources(file, |k| env.get(k).cloned())
    }

    #[test]
    fn defaults_are_the_documented_ones() {
        let s = load(&[], "").unwrap();
        assert_eq!(
            s.database_url,
            DatabaseUrl::parse(DEFAULT_DATABASE_URL).unwrap()
        );
        assert_eq!(s.site_addr.to_string(), "127.0.0.1:3000");
        assert!(!s.demo_data, "demo data only when asked for");
        assert_eq!(s.audit_key_file, Some(PathBuf::from("data/audit.key")));
    }

    #[test]
    fn the_audit_key_is_kept_beside_the_database_unless_configured() {
        let s = load(&[("DATABASE_URL", "sqlite:///srv/exemplar/e.db")], "").unwrap();
        assert_eq!(
            s.audit_key_file,
            Some(PathBuf::from("/srv/exemplar/audit.key"))
        );
        let s = load(&[("DATABASE_URL", "sqlite::memory:")], "").unwrap();
        assert_eq!(s.audit_key_file, None);
        let s = load(&[("DATABASE_URL", "postgres://e@db/e")], "").unwrap();
        assert_eq!(s.audit_key_file, Some(PathBuf::from("data/audit.key")));
        let s = load(
            &[("EXEMPLAR_AUDIT_KEY_FILE", "/etc/exemplar/audit.key")],
            "audit_key_file = \"/elsewhere\"",
        )
        .unwrap();
        assert_eq!(
            s.audit_key_file,
            Some(PathBuf::from("/etc/exemplar/audit.key"))
        );
        let s = load(&[], "audit_key_file = \"/etc/e/k\"").unwrap();
        assert_eq!(s.audit_key_file, Some(PathBuf::from("/etc/e/k")));
    }

    #[test]
    fn environment_overrides_file() {
        let s = load(
            &[("LEPTOS_SITE_ADDR", "127.0.0.1:4000")],
            "site_addr = \"127.0.0.1:5000\"\ndatabase_url = \"sqlite://x.db\"",
        )
        .unwrap();
        assert_eq!(s.site_addr.port(), 4000);
        assert_eq!(s.database_url, DatabaseUrl::parse("sqlite://x.db").unwrap());
    }

    #[test]
    fn malformed_database_url_names_the_setting() {
        let err = load(&[("DATABASE_URL", "mysql://x")], "").unwrap_err();
        let text = err.to_string();
        assert!(text.contains("DATABASE_URL"), "{text}");
        assert!(!text.contains('\n'));
    }

    #[test]
    fn postgres_connections_come_from_the_settings_and_a_bad_number_is_refused() {
        let pg = [
            ("DATABASE_URL", "postgres://e@db/e"),
            ("EXEMPLAR_PG_CONNECTIONS", "25"),
        ];
        let s = load(&pg, "").unwrap();
        assert!(matches!(
            s.database_url,
            DatabaseUrl::Postgres {
                connections: 25,
                ..
            }
        ));
        let s = load(&pg[..1], "pg_connections = 4").unwrap();
        assert!(matches!(
            s.database_url,
            DatabaseUrl::Postgres { connections: 4, .. }
        ));
        let s = load(&pg[..1], "").unwrap();
        assert!(matches!(
            s.database_url,
            DatabaseUrl::Postgres {
                connections: DEFAULT_PG_CONNECTIONS,
                ..
            }
        ));
        for bad in ["1", "many", "100000"] {
            let err = load(&[pg[0], ("EXEMPLAR_PG_CONNECTIONS", bad)], "").unwrap_err();
            assert!(err.to_string().contains("EXEMPLAR_PG_CONNECTIONS"), "{err}");
        }
    }

    #[test]
    fn the_header_timeout_is_thirty_seconds_unless_configured_and_a_bad_one_is_refused() {
        let secs = |s: Settings| s.header_timeout.as_secs();
        assert_eq!(secs(load(&[], "").unwrap()), 30);
        assert_eq!(secs(load(&[], "header_timeout_seconds = 10").unwrap()), 10);
        let env = [("EXEMPLAR_HEADER_TIMEOUT_SECONDS", "5")];
        assert_eq!(secs(load(&env, "header_timeout_seconds = 10").unwrap()), 5);
        for bad in ["0", "601", "soon"] {
            let err = load(&[("EXEMPLAR_HEADER_TIMEOUT_SECONDS", bad)], "").unwrap_err();
            assert!(
                err.to_string().contains("EXEMPLAR_HEADER_TIMEOUT_SECONDS"),
                "{err}"
            );
        }
    }

    #[test]
    fn malformed_address_names_the_setting() {
        let err = load(&[("LEPTOS_SITE_ADDR", "localhost")], "").unwrap_err();
        assert!(err.to_string().contains("LEPTOS_SITE_ADDR"));
    }

    #[test]
    fn sqlite_url_forms() {
        assert_eq!(
            DatabaseUrl::parse("sqlite://data/a.db?mode=rwc").unwrap(),
            DatabaseUrl::Sqlite {
                url: "sqlite://data/a.db?mode=rwc".into(),
                path: Some("data/a.db".into())
            }
        );
        assert!(DatabaseUrl::parse("sqlite://").is_err());
        assert_eq!(
            DatabaseUrl::parse("postgres://exemplar@db.internal:5432/exemplar").unwrap(),
            DatabaseUrl::Postgres {
                connections: DEFAULT_PG_CONNECTIONS,
                url: "postgres://exemplar@db.internal:5432/exemplar".into()
            }
        );
        assert!(DatabaseUrl::parse("postgresql://db/exemplar").is_ok());
        assert!(DatabaseUrl::parse("mysql://db/exemplar").is_err());
        assert!(DatabaseUrl::parse("sqlite::memory:").is_ok());
    }
}
