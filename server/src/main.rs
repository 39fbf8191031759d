//! `exemplar` — serve (default), `migrate`, or `seed --nominations N`.

use server::configuration::Settings;
use server::seed::{demo, synthetic};
use server::startup::{shutdown_signal, Application};
use server::{db, telemetry};
use std::process::ExitCode;

const USAGE: &str = "usage: exemplar [serve | migrate | seed --nominations N]";

enum Command {
    Serve,
    Migrate,
    Seed { nominations: usize },
}

fn parse_args(args: &[String]) -> Result<Command, String> {
    match args {
        [] => Ok(Command::Serve),
        [c] if c == "serve" => Ok(Command::Serve),
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
        _ => Err(USAGE.into()),
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(args).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("exemplar: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run(args: Vec<String>) -> Result<(), String> {
    let command = parse_args(&args)?;
    let settings = Settings::load().map_err(|e| e.to_string())?;
    telemetry::init(settings.log_format);
    match command {
        Command::Serve => serve(settings).await,
        Command::Migrate => {
            let store = db::open(&settings.database_url)
                .await
                .map_err(|e| e.to_string())?;
            store.migrate().await.map_err(|e| e.to_string())?;
            store.close().await;
            println!("migrations applied");
            Ok(())
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
        for a in demo::accounts() {
            println!("  {:<22} {} — {}", a.username, a.display_name, a.position);
        }
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
        assert!(matches!(parse_args(&args(&[])), Ok(Command::Serve)));
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
    }
}
