//! The running server, over HTTP: health, the board page, languages, restarts.

mod common;

use common::{spawn_app, spawn_app_in};

#[tokio::test]
async fn healthz_answers_ok_when_the_database_does() {
    let app = spawn_app().await;
    let (status, body) = app.get_text("/healthz").await;
    assert_eq!(status, 200);
    assert_eq!(body, "ok");
    app.stop().await;
}

#[tokio::test]
async fn board_is_rendered_on_the_server_with_the_demo_nominations() {
    let app = spawn_app().await;
    let cookie = app.login("office").await;
    let resp = app.get_as(&cookie, "/board").await;
    assert_eq!(resp.status().as_u16(), 200);
    let html = resp.text().await.unwrap();
    assert!(html.contains(r#"<html lang="vi""#), "Vietnamese by default");
    for name in [
        "Nguyễn Văn An",
        "Hợp tác xã Nông nghiệp Phước An",
        "Hộ bà Nguyễn Thị Sáu (xã Thái Mỹ)",
        "Trạm Khuyến nông huyện Bình Chánh",
    ] {
        assert!(html.contains(name), "board shows {name}");
    }
    for column in [
        "Phát hiện",
        "Đăng ký",
        "Bồi dưỡng",
        "Đánh giá",
        "Nhân rộng",
        "Dừng",
    ] {
        assert!(html.contains(column), "board has the {column} column");
    }
    assert!(
        html.contains("/pkg/exemplar.js"),
        "page loads the hydration bundle"
    );
    app.stop().await;
}

#[tokio::test]
async fn lang_cookie_switches_the_page_to_english() {
    let app = spawn_app().await;
    let cookie = app.login("leader").await;
    let resp = app
        .client
        .get(app.url("/board"))
        .header("cookie", format!("lang=en; {cookie}"))
        .send()
        .await
        .unwrap();
    let html = resp.text().await.unwrap();
    assert!(html.contains(r#"<html lang="en""#));
    assert!(html.contains("Discovered") && html.contains("Exemplar board"));
    assert!(!html.contains("Phát hiện"));
    app.stop().await;
}

#[tokio::test]
async fn home_redirects_to_the_board_and_unknown_pages_are_404() {
    let app = spawn_app().await;
    let cookie = app.login("staff1").await;
    let resp = app.get_as(&cookie, "/").await;
    assert!(resp.status().is_redirection(), "status {}", resp.status());
    assert_eq!(resp.headers()["location"], "/board");
    let resp = app.get_as(&cookie, "/no-such-page").await;
    assert_eq!(resp.status().as_u16(), 404);
    let html = resp.text().await.unwrap();
    assert!(html.contains("Không tìm thấy trang"));
    app.stop().await;
}

#[tokio::test]
async fn a_second_start_reuses_the_database_and_loses_nothing() {
    let app = spawn_app().await;
    let stopped = app.stop().await;
    let count = |pool: sqlx::AnyPool| async move {
        let n: (i64, i64) = sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM nominations),
                    (SELECT COUNT(*) FROM events WHERE action = 'dataset_loaded')",
        )
        .fetch_one(&pool)
        .await
        .unwrap();
        pool.close().await;
        n
    };
    assert_eq!(count(stopped.db.pool().await).await, (60, 1));

    let again = spawn_app_in(stopped).await;
    let cookie = again.login("office").await;
    let html = again.get_as(&cookie, "/board").await.text().await.unwrap();
    assert!(html.contains("Nguyễn Văn An"));
    let stopped = again.stop().await;
    assert_eq!(
        count(stopped.db.pool().await).await,
        (60, 1),
        "demo data is not loaded twice"
    );
}
