//! The lists as DOCX, opened the way an office would: LibreOffice (headless, Debian's
//! `libreoffice-writer-nogui`, installed by `cargo xtask test`) converts the downloaded file
//! to PDF, and `pdftotext` (poppler-utils) reads the text back. A machine without them fails
//! here, loudly: the round trip is the test.

use crate::common;

use app::api::council::DecideForCity;
use chrono::NaiveDate;
use common::{spawn_app_at, TestApp};
use std::path::Path;
use std::process::Command;

/// The DOCX rendered to PDF by LibreOffice, then to text by pdftotext.
pub(crate) fn rendered_text(docx: &[u8], dir: &Path) -> String {
    let file = dir.join("list.docx");
    std::fs::write(&file, docx).unwrap();
    // A profile of its own, so that tests running together do not share LibreOffice's lock.
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.join("profile").display()
    );
    let out = Command::new("soffice")
        .args([profile.as_str(), "--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(&file)
        .output()
        .expect("LibreOffice (`soffice`, Debian's libreoffice-writer-nogui) must be installed: `cargo xtask test` installs it");
    assert!(
        out.status.success(),
        "soffice failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pdf = dir.join("list.pdf");
    assert!(
        pdf.exists(),
        "no PDF: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect(
            "pdftotext (Debian's poppler-utils) must be installed: `cargo xtask test` installs it",
        );
    assert!(text.status.success());
    String::from_utf8(text.stdout).unwrap()
}

/// `text` without white space and hyphens: what a PDF's text keeps of a phrase however
/// its lines wrap (pdftotext drops a hyphen at a line's end).
pub(crate) fn squeezed(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect()
}

async fn decide_three(app: &TestApp, office: &str) -> Vec<String> {
    let pool = app.pool().await;
    let chosen: Vec<(i64, String)> = sqlx::query_as(
        "SELECT id, nominee_name FROM nominations
         WHERE year = 2026 AND stage IN ('registered', 'fostering', 'evaluating', 'replicated')
         ORDER BY id LIMIT 3",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    pool.close().await;
    let decided_on = NaiveDate::from_ymd_opt(2026, 10, 14).unwrap();
    let ids = chosen.iter().map(|c| c.0).collect();
    let (status, body) = app.call_fn(office, DecideForCity { decided_on, ids }).await;
    assert_eq!(status, 200, "{body}");
    chosen.into_iter().map(|c| c.1).collect()
}

#[tokio::test]
async fn the_city_list_as_docx_opens_in_libreoffice_with_its_names_and_layout() {
    let app = spawn_app_at(NaiveDate::from_ymd_opt(2026, 10, 15).unwrap()).await;
    let office = app.login("office").await;
    let names = decide_three(&app, &office).await;

    let resp = app.get_as(&office, "/exports/city.docx?year=2026").await;
    assert_eq!(resp.status(), 200);
    assert_eq!(
        resp.headers()["content-type"],
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    );
    assert!(resp.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .contains("danh-sach-thanh-pho-2026.docx"));
    let bytes = resp.bytes().await.unwrap().to_vec();
    let dir = tempfile::tempdir().unwrap();
    let text = rendered_text(&bytes, dir.path());
    // pdftotext keeps the words; spacing between them follows the layout.
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "SỞ NÔNG NGHIỆP",
        "DANH SÁCH ĐIỂN HÌNH TIÊN TIẾN ĐĂNG KÝ VỚI THÀNH PHỐ NĂM 2026",
        "STT",
    ] {
        assert!(words.contains(expected), "{expected} in {words}");
    }
    for name in &names {
        // A long name may wrap inside its cell: each of its words is there.
        for word in name.split_whitespace() {
            assert!(words.contains(word), "{word} of {name} in {words}");
        }
    }

    // The download is recorded; another unit's staff may not have the list.
    let pool = app.pool().await;
    let recorded: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND object_id = 'danh-sach-thanh-pho-2026.docx'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    pool.close().await;
    assert_eq!(recorded, 1);
    let staff = app.login("staff1").await;
    assert_eq!(
        app.get_as(&staff, "/exports/city.docx?year=2026")
            .await
            .status(),
        403
    );
    app.stop().await;
}
