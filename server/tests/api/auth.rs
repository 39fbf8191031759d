//! Sign-in, sessions, scopes, CSRF, rate limiting, security headers and the audit chain,
//! against the real server.

use crate::common;

use app::api::audit::ListAudit;
use app::api::board::GetBoard;
use common::{session_cookie, spawn_app, Backend, DEMO_PASSWORD};
use leptos::server_fn::ServerFn;
use std::process::Command;

async fn audit_actions(app: &common::TestApp) -> Vec<String> {
    let pool = app.pool().await;
    let rows: Vec<(String,)> = sqlx::query_as("SELECT action FROM audit_log ORDER BY id")
        .fetch_all(&pool)
        .await
        .unwrap();
    pool.close().await;
    rows.into_iter().map(|r| r.0).collect()
}

#[tokio::test]
async fn nothing_is_reachable_without_signing_in() {
    let app = spawn_app().await;
    let resp = app.client.get(app.url("/board")).send().await.unwrap();
    assert_eq!(resp.status().as_u16(), 303);
    assert_eq!(resp.headers()["location"], "/login?next=/board");
    // Raw: a browser form's post (not the function's JSON arguments), with no session.
    let resp = app
        .client
        .post(app.url(GetBoard::PATH))
        .header("origin", app.origin())
        .form(&[("year", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 401, "server functions too");
    let (status, html) = app.get_text("/login").await;
    assert_eq!(status, 200);
    assert!(html.contains("Đăng nhập"));
    let (status, _) = app.get_text("/healthz").await;
    assert_eq!(status, 200);
    app.stop().await;
}

#[tokio::test]
async fn each_role_sees_only_its_scope_on_the_board() {
    let app = spawn_app().await;
    let staff = app.login("staff1").await;
    let html = app.get_as(&staff, "/board").await.text().await.unwrap();
    assert!(
        html.contains("Hợp tác xã Nông nghiệp Phước An"),
        "own unit (Chi cục PTNT)"
    );
    assert!(
        !html.contains("Nguyễn Văn An"),
        "another unit's nomination is hidden"
    );

    let leader = app.login("leader").await;
    let html = app.get_as(&leader, "/board").await.text().await.unwrap();
    assert!(html.contains("Hợp tác xã Nông nghiệp Phước An") && html.contains("Nguyễn Văn An"));

    let admin = app.login("admin").await;
    let html = app.get_as(&admin, "/board").await.text().await.unwrap();
    assert!(
        !html.contains("Nguyễn Văn An"),
        "administrators configure; they do not read files"
    );
    app.stop().await;
}

#[tokio::test]
async fn next_after_sign_in_accepts_only_same_origin_paths() {
    let app = spawn_app().await;
    // `/%09/evil.example` in the sign-in page's URL arrives in the form as a tab, which a
    // browser drops from the redirect: `//evil.example`, another site.
    for (next, to) in [
        ("/\t/evil.example", "/board"),
        ("/\n/evil.example", "/board"),
        ("//evil.example", "/board"),
        ("https://evil.example/", "/board"),
        ("/calendar?year=2026", "/calendar?year=2026"),
    ] {
        let resp = app
            .client
            .post(app.url("/login"))
            .header("origin", app.origin())
            .header("accept", "text/html")
            .form(&[
                ("username", "staff1"),
                ("password", DEMO_PASSWORD),
                ("next", next),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status().as_u16(), 303, "{next:?}");
        assert_eq!(resp.headers()["location"], to, "{next:?}");
    }
    app.stop().await;
}

#[tokio::test]
async fn the_session_id_changes_at_sign_in_and_logout_ends_it() {
    let app = spawn_app().await;
    let first = app.login("staff1").await;
    let resp = app
        .client
        .post(app.url("/login"))
        .header("origin", app.origin())
        .header("cookie", &first)
        .form(&[("username", "staff1"), ("password", DEMO_PASSWORD)])
        .send()
        .await
        .unwrap();
    let second = session_cookie(&resp).unwrap();
    assert_ne!(first, second, "a new session id at every sign-in");
    assert_eq!(
        app.get_as(&first, "/board").await.status().as_u16(),
        303,
        "the old id is dead"
    );
    assert_eq!(app.get_as(&second, "/board").await.status().as_u16(), 200);

    let resp = app
        .client
        .post(app.url("/logout"))
        .header("origin", app.origin())
        .header("cookie", &second)
        .send()
        .await
        .unwrap();
    assert!(resp.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .contains("Max-Age=0"));
    assert_eq!(app.get_as(&second, "/board").await.status().as_u16(), 303);
    let actions = audit_actions(&app).await;
    assert!(actions.iter().filter(|a| *a == "login").count() >= 2);
    assert!(actions.contains(&"logout".to_string()));
    app.stop().await;
}

#[tokio::test]
async fn an_idle_session_expires() {
    let app = spawn_app().await;
    let cookie = app.login("staff1").await;
    let pool = app.pool().await;
    let long_ago = (chrono::Utc::now() - chrono::Duration::minutes(31))
        .format("%Y-%m-%dT%H:%M:%S%.6fZ")
        .to_string();
    sqlx::query("UPDATE sessions SET last_seen_at = $1")
        .bind(long_ago)
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    let resp = app.get_as(&cookie, "/board").await;
    assert_eq!(resp.status().as_u16(), 303);
    assert_eq!(
        resp.headers()["location"],
        "/login?next=/board&error=expired"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_session_ends_after_its_absolute_lifetime_even_if_active() {
    let app = spawn_app().await;
    let cookie = app.login("staff1").await;
    let pool = app.pool().await;
    let past = (chrono::Utc::now() - chrono::Duration::seconds(1))
        .format("%Y-%m-%dT%H:%M:%S%.6fZ")
        .to_string();
    sqlx::query("UPDATE sessions SET expires_at = $1")
        .bind(past)
        .execute(&pool)
        .await
        .unwrap();
    let remaining: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(remaining, 1);
    let resp = app.get_as(&cookie, "/board").await;
    assert_eq!(resp.status().as_u16(), 303);
    let remaining: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(remaining, 0, "the expired session is deleted");
    pool.close().await;
    app.stop().await;
}

#[tokio::test]
async fn wrong_passwords_are_refused_alike_and_then_rate_limited() {
    let app = spawn_app().await;
    let wrong = app.try_login("staff1", "not the password").await;
    let unknown = app.try_login("nobody.here", "not the password").await;
    assert_eq!(wrong.status().as_u16(), 401);
    assert_eq!(unknown.status().as_u16(), 401);
    assert_eq!(
        wrong.text().await.unwrap(),
        unknown.text().await.unwrap(),
        "no account enumeration"
    );
    for _ in 0..4 {
        app.try_login("staff1", "still wrong").await;
    }
    let resp = app.try_login("staff1", DEMO_PASSWORD).await;
    assert_eq!(
        resp.status().as_u16(),
        429,
        "locked even with the right password"
    );
    assert!(session_cookie(&resp).is_none());
    // Refused while locked, attempts write nothing: no attempt row, no audit entry.
    let written = || async {
        let pool = app.pool().await;
        let counts: (i64, i64) = sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM login_attempts), (SELECT COUNT(*) FROM audit_log)",
        )
        .fetch_one(&pool)
        .await
        .unwrap();
        pool.close().await;
        counts
    };
    let before = written().await;
    for _ in 0..3 {
        let resp = app.try_login("staff1", "yet another guess").await;
        assert_eq!(resp.status().as_u16(), 429);
    }
    assert_eq!(written().await, before);
    // Another account from the same address is not locked by staff1's failures.
    assert_eq!(
        app.try_login("staff.cctt", DEMO_PASSWORD)
            .await
            .status()
            .as_u16(),
        204
    );

    // A browser gets the sign-in page back with the reason, in its language.
    let resp = app
        .client
        .post(app.url("/login"))
        .header("origin", app.origin())
        .header("accept", "text/html")
        .form(&[
            ("username", "staff1"),
            ("password", "x"),
            ("next", "/board"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(
        resp.headers()["location"],
        "/login?error=throttled&next=/board"
    );
    let actions = audit_actions(&app).await;
    // staff1's five checked guesses and the unknown account's one; none for the refused.
    assert_eq!(actions.iter().filter(|a| *a == "login_failed").count(), 6);
    app.stop().await;
}

/// How many statuses of each kind.
fn tally(statuses: &[u16], status: u16) -> usize {
    statuses.iter().filter(|s| **s == status).count()
}

/// Five hundred sign-ins at once get exactly the allowed guesses checked: each attempt is
/// recorded before its password is, in one serialised count (no check-then-record race),
/// and the rest are refused at once, without a password check.
#[tokio::test]
async fn a_burst_of_parallel_sign_ins_gets_only_the_allowed_guesses_through() {
    let app = std::sync::Arc::new(spawn_app().await);
    let burst = |names: Vec<String>| {
        let tasks: Vec<_> = names
            .into_iter()
            .map(|name| {
                let app = app.clone();
                tokio::spawn(async move {
                    app.try_login(&name, "a wrong guess")
                        .await
                        .status()
                        .as_u16()
                })
            })
            .collect();
        async move {
            let mut statuses = Vec::new();
            for t in tasks {
                statuses.push(t.await.unwrap());
            }
            statuses
        }
    };
    // One account: five guesses are checked, the other 495 refused.
    let statuses = burst(vec!["staff1".to_string(); 500]).await;
    assert_eq!(tally(&statuses, 401), 5, "{statuses:?}");
    assert_eq!(tally(&statuses, 429), 495);
    let pool = app.pool().await;
    let recorded: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM login_attempts WHERE username = 'staff1'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(recorded, 5);
    // Many accounts from one address: twenty guesses in all from it (five are spent).
    let names = (0..500).map(|i| format!("guess.{i}")).collect();
    let statuses = burst(names).await;
    assert_eq!(tally(&statuses, 401), 15, "{statuses:?}");
    assert_eq!(tally(&statuses, 429), 485);
    let recorded: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM login_attempts")
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    assert_eq!(recorded, 20);
    std::sync::Arc::try_unwrap(app).ok().unwrap().stop().await;
}

/// Moves every recorded sign-in attempt `minutes` into the past (time passing).
async fn age_attempts(app: &common::TestApp, minutes: i64) {
    let pool = app.pool().await;
    let rows: Vec<(i64, String)> = sqlx::query_as("SELECT id, at FROM login_attempts")
        .fetch_all(&pool)
        .await
        .unwrap();
    for (id, at) in rows {
        let at =
            chrono::DateTime::parse_from_rfc3339(&at).unwrap() - chrono::Duration::minutes(minutes);
        let at = at
            .with_timezone(&chrono::Utc)
            .format("%Y-%m-%dT%H:%M:%S%.6fZ")
            .to_string();
        sqlx::query("UPDATE login_attempts SET at = $1 WHERE id = $2")
            .bind(at)
            .bind(id)
            .execute(&pool)
            .await
            .unwrap();
    }
    pool.close().await;
}

/// A lock cannot be kept alive by trying on (refused attempts are not recorded): it ends
/// fifteen minutes after the last checked guess; each further round doubles it.
#[tokio::test]
async fn a_lock_ends_by_itself_whoever_keeps_trying_and_doubles_with_each_round() {
    let app = spawn_app().await;
    let status = |password: &'static str| {
        let app = &app;
        async move { app.try_login("staff1", password).await.status().as_u16() }
    };
    for _ in 0..5 {
        assert_eq!(status("wrong guess").await, 401);
    }
    assert_eq!(status(DEMO_PASSWORD).await, 429);
    // Someone keeps trying every few minutes: refused, and the lock still ends on time.
    for _ in 0..3 {
        age_attempts(&app, 4).await;
        assert_eq!(status("wrong guess").await, 429);
    }
    age_attempts(&app, 4).await;
    assert_eq!(
        status(DEMO_PASSWORD).await,
        204,
        "16 minutes after the fifth guess"
    );
    // A success starts the count again. A second round of five, then each further guess
    // locks for fifteen minutes; the tenth for thirty.
    for _ in 0..5 {
        assert_eq!(status("wrong guess").await, 401);
    }
    for _ in 0..5 {
        age_attempts(&app, 16).await;
        assert_eq!(status("wrong guess").await, 401);
        assert_eq!(status(DEMO_PASSWORD).await, 429);
    }
    age_attempts(&app, 16).await;
    assert_eq!(
        status(DEMO_PASSWORD).await,
        429,
        "30 minutes after the tenth"
    );
    age_attempts(&app, 15).await;
    assert_eq!(status(DEMO_PASSWORD).await, 204);
    app.stop().await;
}

/// What no account can have — a username of 2,000 characters, a password of 300 — is
/// refused before anything is stored, hashed or audited.
#[tokio::test]
async fn impossible_usernames_and_passwords_are_refused_before_anything_is_written() {
    let app = spawn_app().await;
    let before = audit_actions(&app).await.len();
    let long_name = "a".repeat(2000);
    let resp = app.try_login(&long_name, "a wrong guess").await;
    assert_eq!(resp.status().as_u16(), 401);
    let long_password = "p".repeat(300);
    let resp = app.try_login("staff1", &long_password).await;
    assert_eq!(resp.status().as_u16(), 401);
    let pool = app.pool().await;
    let attempts: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM login_attempts")
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    assert_eq!(attempts, 0);
    assert_eq!(audit_actions(&app).await.len(), before);
    app.stop().await;
}

/// Ended sessions (past their lifetime, idle too long) and sign-in attempts too old to
/// count are purged; a live session and recent attempts stay.
#[tokio::test]
async fn ended_sessions_and_old_sign_in_attempts_are_purged() {
    let app = spawn_app().await;
    let cookie = app.login("staff1").await;
    assert_eq!(
        app.try_login("staff1", "a wrong guess")
            .await
            .status()
            .as_u16(),
        401
    );
    let pool = app.pool().await;
    let user: i64 = sqlx::query_scalar("SELECT id FROM users WHERE username = 'staff1'")
        .fetch_one(&pool)
        .await
        .unwrap();
    let old = "2020-01-01T00:00:00.000000Z";
    let later = "2999-01-01T00:00:00.000000Z";
    for (hash, last_seen, expires) in [("ended", old, old), ("idle", old, later)] {
        sqlx::query(
            "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(hash)
        .bind(user)
        .bind(old)
        .bind(last_seen)
        .bind(expires)
        .execute(&pool)
        .await
        .unwrap();
    }
    sqlx::query(
        "INSERT INTO login_attempts (at, username, address, success) VALUES ($1, $2, $3, $4)",
    )
    .bind(old)
    .bind("staff1")
    .bind("192.0.2.1")
    .bind(false)
    .execute(&pool)
    .await
    .unwrap();
    let url = server::configuration::DatabaseUrl::parse(&app.db.url).unwrap();
    let store = server::db::open(&url).await.unwrap();
    let config = server::configuration::SessionConfig::default();
    server::auth::session::purge(store.as_ref(), &config)
        .await
        .unwrap();
    store.close().await;
    let left: (i64, i64) = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM sessions), (SELECT COUNT(*) FROM login_attempts)",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    pool.close().await;
    // The live session and the two recent attempts (the sign-in, the wrong guess).
    assert_eq!(left, (1, 2));
    assert_eq!(app.get_as(&cookie, "/board").await.status().as_u16(), 200);
    app.stop().await;
}

#[tokio::test]
async fn a_disabled_account_cannot_sign_in() {
    let app = spawn_app().await;
    let pool = app.pool().await;
    sqlx::query("UPDATE users SET active = FALSE WHERE username = 'staff1'")
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    let resp = app.try_login("staff1", DEMO_PASSWORD).await;
    assert_eq!(resp.status().as_u16(), 403);
    assert!(session_cookie(&resp).is_none());
    assert!(audit_actions(&app)
        .await
        .contains(&"login_disabled".to_string()));
    app.stop().await;
}

#[tokio::test]
async fn cross_site_requests_are_refused() {
    let app = spawn_app().await;
    let form = [("username", "staff1"), ("password", DEMO_PASSWORD)];
    let no_origin = app
        .client
        .post(app.url("/login"))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(no_origin.status().as_u16(), 403);
    let forged = app
        .client
        .post(app.url("/login"))
        .header("origin", "http://evil.example")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status().as_u16(), 403);
    assert!(session_cookie(&forged).is_none());
    let cookie = app.login("staff1").await;
    let forged_logout = app
        .client
        .post(app.url("/logout"))
        .header("origin", "http://evil.example")
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(forged_logout.status().as_u16(), 403);
    assert_eq!(
        app.get_as(&cookie, "/board").await.status().as_u16(),
        200,
        "nothing changed"
    );
    // Counted and logged, not stored: a flood of forged requests fills no table.
    let refused = audit_actions(&app)
        .await
        .iter()
        .filter(|a| *a == "csrf_refused")
        .count();
    assert_eq!(refused, 0);
    app.stop().await;
}

/// Signs in as `username` with these forwarding headers; the response.
async fn login_via(
    app: &common::TestApp,
    username: &str,
    password: &str,
    forwarded_for: &str,
    proto: &str,
) -> reqwest::Response {
    app.client
        .post(app.url("/login"))
        .header("origin", app.origin())
        .header("x-forwarded-for", forwarded_for)
        .header("x-forwarded-proto", proto)
        .form(&[("username", username), ("password", password)])
        .send()
        .await
        .unwrap()
}

/// The address of the latest audit entry of `action`.
async fn last_address(app: &common::TestApp, action: &str) -> Option<String> {
    let pool = app.pool().await;
    let address = sqlx::query_scalar(
        "SELECT address FROM audit_log WHERE action = $1 ORDER BY id DESC LIMIT 1",
    )
    .bind(action)
    .fetch_one(&pool)
    .await
    .unwrap();
    pool.close().await;
    address
}

/// Behind a trusted proxy (loopback by default) the forwarded client is who signs in: its
/// address is audited and its guesses count against it; over HTTPS the session cookie is a
/// `__Host-` one, read only over HTTPS.
#[tokio::test]
async fn behind_a_trusted_proxy_the_forwarded_client_counts_and_the_cookie_is_host_only() {
    let app = spawn_app().await;
    let resp = login_via(&app, "staff1", DEMO_PASSWORD, "198.51.100.7", "https").await;
    assert_eq!(resp.status().as_u16(), 204);
    let set = resp.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(
        set.starts_with("__Host-exemplar_session=")
            && set.contains("; Secure")
            && set.contains("Path=/"),
        "{set}"
    );
    assert!(!set.contains("Domain"), "{set}");
    let cookie = common::named_cookie(&resp, "__Host-exemplar_session").unwrap();
    assert_eq!(
        last_address(&app, "login").await.as_deref(),
        Some("198.51.100.7")
    );
    let over = |https: bool| {
        let req = app.client.get(app.url("/board")).header("cookie", &cookie);
        let req = if https {
            req.header("x-forwarded-proto", "https")
        } else {
            req
        };
        async move { req.send().await.unwrap().status().as_u16() }
    };
    assert_eq!(over(true).await, 200);
    assert_eq!(
        over(false).await,
        303,
        "the HTTPS cookie is not read over HTTP"
    );
    // Twenty wrong guesses from one forwarded client lock it, not the next client.
    for i in 0..20 {
        let resp = login_via(
            &app,
            &format!("guess.{i}"),
            "wrong",
            "198.51.100.7",
            "https",
        )
        .await;
        assert_eq!(resp.status().as_u16(), 401);
    }
    let locked = login_via(&app, "staff1", DEMO_PASSWORD, "198.51.100.7", "https").await;
    assert_eq!(locked.status().as_u16(), 429);
    let other = login_via(&app, "staff1", DEMO_PASSWORD, "198.51.100.8", "https").await;
    assert_eq!(other.status().as_u16(), 204);
    app.stop().await;
}

/// From a peer that is not a trusted proxy the forwarding headers are ignored: nobody can
/// choose the address their guesses count against, or pose as HTTPS.
#[tokio::test]
async fn forwarding_headers_from_an_untrusted_peer_are_ignored() {
    let app = common::spawn_app_with(|s| {
        s.trusted_proxies = server::auth::client::TrustedProxies::parse("10.0.0.1").unwrap();
    })
    .await;
    for i in 0..20 {
        // A new made-up address each time: all count against the real peer.
        let who = format!("guess.{i}");
        let resp = login_via(&app, &who, "wrong", &format!("198.51.100.{i}"), "https").await;
        assert_eq!(resp.status().as_u16(), 401);
    }
    let resp = login_via(&app, "staff1", DEMO_PASSWORD, "198.51.100.99", "https").await;
    assert_eq!(
        resp.status().as_u16(),
        429,
        "the peer's twenty guesses lock it"
    );
    assert_eq!(
        last_address(&app, "login_failed").await.as_deref(),
        Some("127.0.0.1")
    );
    app.stop().await;
}

/// Without a trusted proxy in front, the session cookie is the plain one, without
/// `Secure`, and there is no HSTS, whatever the request claims.
#[tokio::test]
async fn an_untrusted_claim_of_https_changes_nothing() {
    let app = common::spawn_app_with(|s| {
        s.trusted_proxies = server::auth::client::TrustedProxies::parse("none").unwrap();
    })
    .await;
    let resp = login_via(&app, "staff1", DEMO_PASSWORD, "198.51.100.7", "https").await;
    assert_eq!(resp.status().as_u16(), 204);
    let set = resp.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(
        set.starts_with("exemplar_session=") && !set.contains("Secure"),
        "{set}"
    );
    assert!(resp.headers().get("strict-transport-security").is_none());
    app.stop().await;
}

#[tokio::test]
async fn pages_carry_the_security_headers() {
    let app = spawn_app().await;
    let resp = app.client.get(app.url("/login")).send().await.unwrap();
    let h = resp.headers().clone();
    let csp = h["content-security-policy"].to_str().unwrap();
    assert!(
        csp.contains("'nonce-") && csp.contains("frame-ancestors 'none'"),
        "{csp}"
    );
    assert!(!csp.contains("unsafe-inline"));
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(h["referrer-policy"], "same-origin");
    let html = resp.text().await.unwrap();
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .unwrap()
        .split('\'')
        .next()
        .unwrap();
    assert!(
        html.contains(&format!("nonce=\"{nonce}\"")),
        "the hydration script carries the nonce"
    );
    let cookie_resp = app.try_login("staff1", DEMO_PASSWORD).await;
    let set_cookie = cookie_resp.headers()["set-cookie"].to_str().unwrap();
    assert!(set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Lax"));
    app.stop().await;
}

#[tokio::test]
async fn signed_in_pages_and_answers_are_never_stored_and_https_is_kept_to() {
    let app = spawn_app().await;
    let cookie = app.login("office").await;
    for path in ["/board", "/calendar", "/nominations/1"] {
        let page = app.get_as(&cookie, path).await;
        assert_eq!(page.headers()["cache-control"], "no-store", "{path}");
    }
    let answer = app
        .request_fn(&cookie, &app::api::year::GetCalendar { year: None })
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 200);
    assert_eq!(answer.headers()["cache-control"], "no-store");
    // Over plain HTTP no HSTS (it would lock a loopback install out of itself); behind an
    // HTTPS proxy, a year of it.
    let plain = app.get_as(&cookie, "/board").await;
    assert!(plain.headers().get("strict-transport-security").is_none());
    let tls = app
        .client
        .get(app.url("/board"))
        .header("cookie", &cookie)
        .header("x-forwarded-proto", "https")
        .send()
        .await
        .unwrap();
    assert_eq!(
        tls.headers()["strict-transport-security"],
        "max-age=31536000"
    );
    app.stop().await;
}

/// The `exemplar` command on `db_url`, its audit key in `dir` (as the test's server keeps it).
fn exemplar(
    db_url: &str,
    dir: &std::path::Path,
    args: &[&str],
    envs: &[(&str, &str)],
) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_exemplar"))
        .args(args)
        .env("DATABASE_URL", db_url)
        .env("EXEMPLAR_AUDIT_KEY_FILE", dir.join("audit.key"))
        .envs(envs.iter().copied())
        .output()
        .unwrap()
}

#[tokio::test]
async fn the_audit_chain_detects_an_edited_row() {
    let app = spawn_app().await;
    app.login("staff1").await;
    app.try_login("staff1", "wrong").await;
    app.login("office").await;
    let stopped = app.stop().await;
    let db = stopped.db.url.clone();

    let ok = exemplar(&db, stopped.dir.path(), &["verify-audit"], &[]);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(String::from_utf8_lossy(&ok.stdout).contains("intact: 3 rows"));

    let pool = stopped.db.pool().await;
    let refused = sqlx::query("UPDATE audit_log SET action = 'login' WHERE id = 2")
        .execute(&pool)
        .await;
    assert!(refused.is_err(), "the table is append-only");
    // Someone with direct access to the file removes the guard and edits a row.
    let unguard = match stopped.db.backend {
        Backend::Sqlite => "DROP TRIGGER audit_log_no_update",
        Backend::Postgres => "DROP TRIGGER audit_log_append_only ON audit_log",
    };
    sqlx::query(unguard).execute(&pool).await.unwrap();
    sqlx::query("UPDATE audit_log SET action = 'login' WHERE id = 2")
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;

    let broken = exemplar(&db, stopped.dir.path(), &["verify-audit"], &[]);
    assert!(!broken.status.success());
    let err = String::from_utf8_lossy(&broken.stderr);
    assert!(err.contains("row 2") && err.contains("edited"), "{err}");
}

#[tokio::test]
async fn a_history_rewritten_without_the_audit_key_is_detected() {
    let app = spawn_app().await;
    app.login("staff1").await;
    app.login("office").await;
    let stopped = app.stop().await;
    let key = common::audit_key_in(stopped.dir.path());
    let dir = stopped.dir.path().to_path_buf();
    let db = stopped.db.url.clone();

    // Every row the server wrote is keyed with its key.
    let store = server::db::open(&server::configuration::DatabaseUrl::parse(&db).unwrap())
        .await
        .unwrap();
    let rows = store.audit_rows().await.unwrap();
    server::db::Store::close(store.as_ref()).await;
    assert!(rows.len() >= 2);
    assert!(rows
        .iter()
        .all(|r| server::audit::keyed_with(&r.hash) == Some(key.id())));

    // Someone with the database but not the key file edits the first row and chains every
    // row again with plain SHA-256, as rows were chained before the key.
    let pool = stopped.db.pool().await;
    let unguard = match stopped.db.backend {
        Backend::Sqlite => "DROP TRIGGER audit_log_no_update",
        Backend::Postgres => "DROP TRIGGER audit_log_append_only ON audit_log",
    };
    sqlx::query(unguard).execute(&pool).await.unwrap();
    let mut prev = server::audit::GENESIS.to_string();
    for (i, row) in rows.iter().enumerate() {
        let mut entry = row.entry.clone();
        if i == 0 {
            entry.actor_name = "someone else".into();
        }
        let hash = server::audit::chain_hash(&prev, row.id, &row.at, &entry);
        sqlx::query(
            "UPDATE audit_log SET actor_name = $1, prev_hash = $2, hash = $3 WHERE id = $4",
        )
        .bind(&entry.actor_name)
        .bind(&prev)
        .bind(&hash)
        .bind(row.id)
        .execute(&pool)
        .await
        .unwrap();
        prev = hash;
    }
    pool.close().await;
    let broken = exemplar(&db, &dir, &["verify-audit"], &[]);
    assert!(!broken.status.success());
    let err = String::from_utf8_lossy(&broken.stderr);
    assert!(err.contains("not keyed"), "{err}");

    drop(stopped);
}

#[tokio::test]
async fn a_server_without_the_key_of_a_keyed_history_does_not_start() {
    let app = spawn_app().await;
    app.login("office").await;
    let stopped = app.stop().await;
    let dir = stopped.dir.path().to_path_buf();
    std::fs::rename(dir.join("audit.key"), dir.join("moved.key")).unwrap();
    let db = stopped.db.url.clone();
    let verify = exemplar(&db, &dir, &["verify-audit"], &[]);
    assert!(!verify.status.success());
    let err = String::from_utf8_lossy(&verify.stderr);
    assert!(err.contains("needs the audit key"), "{err}");
    let settings = |dir: &std::path::Path| {
        let mut settings = server::configuration::Settings::for_tests(&dir.join("x.db"), dir);
        settings.database_url = server::configuration::DatabaseUrl::parse(&db).unwrap();
        settings
    };
    let refused = server::startup::Application::build(settings(&dir))
        .await
        .err()
        .expect("refused without the key")
        .to_string();
    assert!(
        refused.contains("key file") && refused.contains("missing"),
        "{refused}"
    );
    assert!(
        !dir.join("audit.key").exists(),
        "no new key made in its place"
    );
    // Another key is refused too.
    server::audit::ChainKey::create(&dir.join("audit.key")).unwrap();
    let refused = server::startup::Application::build(settings(&dir))
        .await
        .err()
        .expect("refused with another key")
        .to_string();
    assert!(refused.contains("another key"), "{refused}");
    // The right key back: it starts, and the history verifies.
    std::fs::rename(dir.join("moved.key"), dir.join("audit.key")).unwrap();
    let app = common::spawn_app_in(stopped).await;
    let stopped = app.stop().await;
    let ok = exemplar(&db, stopped.dir.path(), &["verify-audit"], &[]);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
}

#[tokio::test]
async fn a_history_chained_before_the_key_is_keyed_from_a_marked_row_on() {
    // A database written by an earlier version: rows chained with plain SHA-256.
    let stopped = common::fresh(Backend::under_test()).await;
    let url = server::configuration::DatabaseUrl::parse(&stopped.db.url).unwrap();
    let store = server::db::open(&url).await.unwrap();
    store.migrate().await.unwrap();
    for name in ["before-1", "before-2"] {
        store
            .append_audit(&server::audit::AuditEntry {
                actor_name: name.into(),
                action: "login".into(),
                object_type: "account".into(),
                ..Default::default()
            })
            .await
            .unwrap();
    }
    server::db::Store::close(store.as_ref()).await;

    // The first start with a key marks where keying begins; later rows are keyed.
    let app = common::start(stopped, None).await;
    app.login("office").await;
    let key = app.audit_key();
    let stopped = app.stop().await;
    let store = server::db::open(&url).await.unwrap();
    let rows = store.audit_rows().await.unwrap();
    server::db::Store::close(store.as_ref()).await;
    let keyed: Vec<bool> = rows
        .iter()
        .map(|r| server::audit::keyed_with(&r.hash).is_some())
        .collect();
    assert_eq!(&keyed[..3], &[false, false, true], "{rows:?}");
    assert!(keyed[2..].iter().all(|k| *k));
    assert_eq!(rows[2].entry.action, "audit_keyed");
    assert_eq!(
        server::audit::verify_chain(&rows, Some(&key)),
        server::audit::ChainReport::Intact { rows: rows.len() }
    );
    let ok = exemplar(&stopped.db.url, stopped.dir.path(), &["verify-audit"], &[]);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let said = String::from_utf8_lossy(&ok.stdout);
    assert!(
        said.contains(&format!(
            "rows from 3 on are keyed with the audit key {}",
            key.id()
        )),
        "{said}"
    );
}

#[tokio::test]
async fn the_first_administrator_is_created_by_command() {
    let common::Stopped { dir, db } = common::fresh(Backend::under_test()).await;
    let db_url = db.url.clone();
    let db = db_url.as_str();
    let short = exemplar(
        db,
        dir.path(),
        &["create-admin", "--username", "root"],
        &[("EXEMPLAR_ADMIN_PASSWORD", "short")],
    );
    assert!(!short.status.success());
    let out = exemplar(
        db,
        dir.path(),
        &["create-admin", "--username", "quantri"],
        &[("EXEMPLAR_ADMIN_PASSWORD", "một mật khẩu dài đủ")],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let again = exemplar(
        db,
        dir.path(),
        &["create-admin", "--username", "quantri"],
        &[("EXEMPLAR_ADMIN_PASSWORD", "một mật khẩu dài đủ")],
    );
    assert!(
        !again.status.success(),
        "no second account of the same name"
    );

    let mut settings =
        server::configuration::Settings::for_tests(&dir.path().join("unused.db"), dir.path());
    settings.database_url = server::configuration::DatabaseUrl::parse(db).unwrap();
    settings.demo_data = false;
    let app = server::startup::Application::build(settings).await.unwrap();
    let addr = app.addr();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let handle = tokio::spawn(app.run_until_stopped(async move {
        let _ = stopped.await;
    }));
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let board = client
        .get(format!("http://{addr}/board"))
        .send()
        .await
        .unwrap();
    assert_eq!(board.status().as_u16(), 303, "empty database, still gated");
    let resp = client
        .post(format!("http://{addr}/login"))
        .header("origin", format!("http://{addr}"))
        .form(&[("username", "quantri"), ("password", "một mật khẩu dài đủ")])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 204);
    let _ = stop.send(());
    handle.await.unwrap().unwrap();
}

#[tokio::test]
async fn the_audit_page_is_for_the_office_and_refusals_are_recorded() {
    let app = spawn_app().await;
    let office = app.login("office").await;
    let html = app.get_as(&office, "/audit").await.text().await.unwrap();
    assert!(html.contains("Nhật ký thay đổi và an ninh"));
    assert!(
        html.contains("Chuỗi băm nhật ký toàn vẹn"),
        "the chain is verified on the page"
    );
    assert!(html.contains(r#"data-action="login""#));

    let staff = app.login("staff1").await;
    let html = app.get_as(&staff, "/audit").await.text().await.unwrap();
    assert!(html.contains("Vai trò của bạn không được thực hiện thao tác này."));
    assert!(
        !html.contains(r#"data-action="login""#),
        "no rows for staff"
    );
    let api = app
        .request_fn(
            &staff,
            &ListAudit {
                action: None,
                actor: None,
                before_id: None,
            },
        )
        .send()
        .await
        .unwrap();
    let status = api.status().as_u16();
    assert_eq!(
        status,
        403,
        "a non-browser client gets the status: {}",
        api.text().await.unwrap()
    );
    assert!(audit_actions(&app).await.contains(&"forbidden".to_string()));
    app.stop().await;
}

/// A body larger than its route allows is refused before it is read (413): the sign-in
/// form's at 8 KiB, any other at 256 KiB; nothing is written.
#[tokio::test]
async fn oversized_request_bodies_are_refused_before_they_are_read() {
    let app = spawn_app().await;
    let huge_name = "a".repeat(20 * 1024);
    let resp = app.try_login(&huge_name, "a wrong guess").await;
    assert_eq!(resp.status().as_u16(), 413);
    let cookie = app.login("office").await;
    let big = format!(
        r#"{{"filters":{{"year":null,"bloc":null,"unit":null,"kind":null,"city":null,"q":"{}","lanes":false}}}}"#,
        "x".repeat(300 * 1024)
    );
    let resp = app
        .client
        .post(app.url("/api/board"))
        .header("origin", app.origin())
        .header("cookie", &cookie)
        .header("content-type", "application/json")
        .body(big)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 413);
    assert!(resp.text().await.unwrap().contains("quá lớn"));
    let pool = app.pool().await;
    let attempts: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM login_attempts")
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    assert_eq!(attempts, 1, "only the office's sign-in");
    app.stop().await;
}

/// A download is recorded in the audit history, so one started from another site (a link
/// on a foreign page) is refused and writes nothing; from the site's pages or the address
/// bar it is served and recorded.
#[tokio::test]
async fn a_download_started_from_another_site_writes_nothing() {
    let app = spawn_app().await;
    let office = app.login("office").await;
    let get = |site: &'static str| {
        let app = &app;
        let office = office.clone();
        async move {
            app.client
                .get(app.url("/exports/city.csv"))
                .header("cookie", office)
                .header("sec-fetch-site", site)
                .send()
                .await
                .unwrap()
        }
    };
    let exports = || async {
        let pool = app.pool().await;
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'export'")
            .fetch_one(&pool)
            .await
            .unwrap();
        pool.close().await;
        n
    };
    for site in ["cross-site", "same-site"] {
        let resp = get(site).await;
        assert_eq!(resp.status().as_u16(), 403, "{site}");
    }
    assert_eq!(exports().await, 0);
    let resp = get("same-origin").await;
    assert_eq!(
        resp.status().as_u16(),
        200,
        "{}",
        resp.text().await.unwrap()
    );
    let resp = get("none").await;
    assert_eq!(resp.status().as_u16(), 200);
    assert_eq!(exports().await, 2);
    app.stop().await;
}

/// The audit page reads one page in SQL and verifies the chain from its last checkpoint:
/// each view keeps a checkpoint at the end of what it verified; a row edited after it, or
/// the checkpoint's own row edited, shows as broken; a filter's `%` is taken literally.
#[tokio::test]
async fn the_audit_page_verifies_the_chain_from_its_last_checkpoint() {
    let app = spawn_app().await;
    let office = app.login("office").await;
    let list = |actor: Option<&str>| ListAudit {
        action: None,
        actor: actor.map(str::to_string),
        before_id: None,
    };
    let (status, page) = app.call_fn(&office, list(None)).await;
    assert_eq!(status, 200, "{page}");
    let rows = page["chain"]["Intact"]["rows"].as_i64().unwrap();
    assert!(rows >= 1, "{page}");
    let pool = app.pool().await;
    let checkpoint: (i64, i64) =
        sqlx::query_as("SELECT MAX(row_id), MAX(row_count) FROM audit_checkpoints")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(checkpoint.1, rows);
    // More is written; the next view verifies it and counts it on from the checkpoint.
    app.login("staff1").await;
    let (_, page) = app.call_fn(&office, list(None)).await;
    assert_eq!(page["chain"]["Intact"]["rows"].as_i64().unwrap(), rows + 1);
    // A filter is one page of matching rows; `%` is no wildcard.
    let (_, page) = app.call_fn(&office, list(Some("STAFF"))).await;
    let names: Vec<&str> = page["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["entry"]["actor_name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["staff1"]);
    let (_, page) = app.call_fn(&office, list(Some("%"))).await;
    assert!(page["rows"].as_array().unwrap().is_empty(), "{page}");
    // Someone with direct access removes the guard; a row written after the checkpoint,
    // edited: broken at that row.
    let unguard = match app.db.backend {
        Backend::Sqlite => "DROP TRIGGER audit_log_no_update",
        Backend::Postgres => "DROP TRIGGER audit_log_append_only ON audit_log",
    };
    sqlx::query(unguard).execute(&pool).await.unwrap();
    app.login("head1").await;
    let edited: i64 = sqlx::query_scalar("SELECT MAX(id) FROM audit_log")
        .fetch_one(&pool)
        .await
        .unwrap();
    sqlx::query("UPDATE audit_log SET actor_name = 'someone' WHERE id = $1")
        .bind(edited)
        .execute(&pool)
        .await
        .unwrap();
    let (_, page) = app.call_fn(&office, list(None)).await;
    assert_eq!(page["chain"]["Broken"]["row_id"], edited, "{page}");
    // The checkpoint's own row given another hash: broken there too.
    let (at,): (i64,) = sqlx::query_as("SELECT MAX(row_id) FROM audit_checkpoints")
        .fetch_one(&pool)
        .await
        .unwrap();
    sqlx::query("UPDATE audit_log SET hash = 'x' WHERE id = $1")
        .bind(at)
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    let (_, page) = app.call_fn(&office, list(None)).await;
    assert_eq!(page["chain"]["Broken"]["row_id"], at, "{page}");
    app.stop().await;
}

/// Refusals recorded so far.
async fn forbidden(app: &common::TestApp) -> usize {
    audit_actions(app)
        .await
        .iter()
        .filter(|a| *a == "forbidden")
        .count()
}

#[tokio::test]
async fn a_refused_page_load_started_by_another_site_writes_nothing() {
    let app = spawn_app().await;
    let staff = app.login("staff1").await;
    let before = forbidden(&app).await;
    // Another site's page makes the browser load /audit (a link, an image, a frame) many
    // times: the user sees the refusal, nothing is stored in their name.
    for site in ["cross-site", "same-site"] {
        for _ in 0..5 {
            let resp = app
                .client
                .get(app.url("/audit"))
                .header("cookie", &staff)
                .header("sec-fetch-site", site)
                .send()
                .await
                .unwrap();
            let html = resp.text().await.unwrap();
            assert!(html.contains("Vai trò của bạn không được thực hiện thao tác này."));
        }
    }
    assert_eq!(forbidden(&app).await, before, "nothing written");
    // The user's own navigation (typed address, or a link on this site) is recorded.
    for site in ["none", "same-origin"] {
        app.client
            .get(app.url("/audit"))
            .header("cookie", &staff)
            .header("sec-fetch-site", site)
            .send()
            .await
            .unwrap();
    }
    assert_eq!(forbidden(&app).await, before + 2);
    app.stop().await;
}
