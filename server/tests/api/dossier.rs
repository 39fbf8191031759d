//! The dossier's documents over HTTP (issue 20, N-1): a unit attaches real files to its
//! nomination, every role that may read the nomination downloads them as attachments
//! (`nosniff`), every other is refused (403, audited); bad uploads are refused with a clear
//! message and leave nothing behind (no row, no file); removal is a mark kept in the
//! history. Run on SQLite and PostgreSQL.

use crate::common;

use app::api::nominations::{GetNomination, RemoveDocument};
use app::types::model::{MoveAction, NominationView};
use chrono::NaiveDate;
use common::{count, spawn_app_at, start_with, TestApp};
use serde_json::Value;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 10, 15).unwrap()
}

/// A small but real PDF.
pub(crate) fn pdf(text: &str) -> Vec<u8> {
    format!(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% {text}\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    )
    .into_bytes()
}

/// A PNG's signature and header: what a picture starts with.
fn png() -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0".to_vec();
    bytes.extend_from_slice(&[0x90, 0x77, 0x53, 0xDE]);
    bytes
}

/// The first nomination of head1's unit (CCPTNT, bloc 1) at `stage`.
pub(crate) async fn nomination_of_head1(app: &TestApp, stage: &str) -> i64 {
    let pool = app.pool().await;
    let id: i64 = sqlx::query_scalar(
        "SELECT n.id FROM nominations n JOIN units u ON u.id = n.unit_id
         WHERE u.code = 'CCPTNT' AND n.stage = $1 ORDER BY n.id LIMIT 1",
    )
    .bind(stage)
    .fetch_one(&pool)
    .await
    .unwrap();
    pool.close().await;
    id
}

/// The files kept in the app's files directory (not counting the temporary ones' folder).
fn kept_files(app: &TestApp) -> Vec<std::path::PathBuf> {
    let root = app.db_path.with_file_name("files");
    let mut found = Vec::new();
    for dir in std::fs::read_dir(&root).unwrap().flatten() {
        let path = dir.path();
        if path.is_dir() {
            found.extend(
                std::fs::read_dir(&path)
                    .unwrap()
                    .flatten()
                    .map(|f| f.path()),
            );
        }
    }
    found.retain(|p| !p.starts_with(root.join("tmp")));
    found
}

/// Uploads `bytes` named `name` as a document of nomination `id` with the form's `fields`.
pub(crate) async fn upload(
    app: &TestApp,
    cookie: &str,
    id: i64,
    fields: &[(&str, &str)],
    name: &str,
    bytes: Vec<u8>,
) -> (u16, Value) {
    // As a browser sends it: the file's name as it is (UTF-8), not percent-encoded.
    let mut form = reqwest::multipart::Form::new().percent_encode_noop();
    for (k, v) in fields {
        form = form.text(k.to_string(), v.to_string());
    }
    form = form.part(
        "file",
        reqwest::multipart::Part::bytes(bytes).file_name(name.to_string()),
    );
    let resp = app
        .client
        .post(app.url(&format!("/nominations/{id}/documents")))
        .header("origin", app.origin())
        .header("cookie", cookie)
        .multipart(form)
        .send()
        .await
        .expect("upload");
    let status = resp.status().as_u16();
    (status, resp.json().await.unwrap_or(Value::Null))
}

/// No document row, no kept file, no temporary file.
async fn nothing_stored(app: &TestApp) {
    assert_eq!(
        count(app, "SELECT COUNT(*) FROM nomination_documents").await,
        0,
        "no row"
    );
    let files = kept_files(app);
    assert!(files.is_empty(), "no file: {files:?}");
    let tmp = app.db_path.with_file_name("files").join("tmp");
    assert_eq!(
        std::fs::read_dir(tmp).unwrap().count(),
        0,
        "no temporary file"
    );
}

/// A refused upload: what it tries, its form, the file's name and content, the status
/// and what the refusal says.
type BadUpload = (
    &'static str,
    &'static [(&'static str, &'static str)],
    &'static str,
    Vec<u8>,
    u16,
    &'static str,
);

async fn view(app: &TestApp, cookie: &str, id: i64) -> NominationView {
    let (status, body) = app.call_fn(cookie, GetNomination { id }).await;
    assert_eq!(status, 200, "{body}");
    serde_json::from_value(body).expect("a nomination's view")
}

fn messages(body: &Value) -> String {
    body.to_string()
}

#[tokio::test]
async fn a_unit_attaches_real_files_and_every_reader_downloads_them_as_attachments() {
    let app = spawn_app_at(today()).await;
    let id = nomination_of_head1(&app, "registered").await;
    let staff = app.login("staff1").await;

    let certificate = pdf("Giay chung nhan Gia dinh van hoa 2024");
    let (status, body) = upload(
        &app,
        &staff,
        id,
        &[
            ("kind", "certificate"),
            ("title", "Giấy công nhận Gia đình văn hóa 2024"),
        ],
        "giấy chứng nhận.pdf",
        certificate.clone(),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = upload(
        &app,
        &staff,
        id,
        &[
            ("kind", "meeting_minutes"),
            ("meeting_date", "2026-09-20"),
            ("meeting_result", "Tập thể nhất trí suy tôn (25/25)"),
        ],
        "bien-ban-hop.png",
        png(),
    )
    .await;
    assert_eq!(status, 200, "{body}");

    // The card shows both, in the order attached, with what the server read of them.
    let seen = view(&app, &staff, id).await;
    assert!(seen.can_attach);
    let docs = &seen.record.documents;
    assert_eq!(docs.len(), 2);
    assert_eq!(
        docs[0].document.title,
        "Giấy công nhận Gia đình văn hóa 2024"
    );
    assert_eq!(docs[0].document.file_name, "giấy chứng nhận.pdf");
    assert_eq!(docs[0].size, certificate.len() as u64);
    assert_eq!(docs[0].uploaded_by, "Trịnh Thị Hoa");
    assert_eq!(
        docs[1].document.meeting_date,
        NaiveDate::from_ymd_opt(2026, 9, 20)
    );
    assert_eq!(
        docs[1].document.meeting_result,
        "Tập thể nhất trí suy tôn (25/25)"
    );
    assert_eq!(docs[1].file_type, shared::domain::dossier::FileType::Png);
    // Both are on the card's history, and in the audit history.
    let attached = seen
        .record
        .history
        .iter()
        .filter(|h| h.action == MoveAction::AttachDocument)
        .count();
    assert_eq!(attached, 2);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'attach_document'"
        )
        .await,
        2
    );
    // Each file is kept once, under its content's hash.
    let kept = kept_files(&app);
    assert_eq!(kept.len(), 2, "{kept:?}");
    assert!(kept
        .iter()
        .any(|p| p.file_name().unwrap().to_str() == Some(docs[0].sha256.as_str())));

    // Every role that may read the nomination downloads the file as an attachment.
    let document = docs[0].id;
    for reader in ["staff1", "head1", "office", "leader", "bloc1", "council1"] {
        let cookie = app.login(reader).await;
        let resp = app.get_as(&cookie, &format!("/documents/{document}")).await;
        assert_eq!(resp.status().as_u16(), 200, "{reader} reads the document");
        let headers = resp.headers().clone();
        assert_eq!(headers["content-type"], "application/pdf");
        assert_eq!(headers["x-content-type-options"], "nosniff");
        let disposition = headers["content-disposition"].to_str().unwrap().to_string();
        assert!(disposition.starts_with("attachment;"), "{disposition}");
        assert!(
            disposition
                .contains("filename*=UTF-8''gi%E1%BA%A5y%20ch%E1%BB%A9ng%20nh%E1%BA%ADn.pdf"),
            "{disposition}"
        );
        assert_eq!(resp.bytes().await.unwrap().as_ref(), certificate.as_slice());
    }

    // Another unit's staff or head (of the same bloc or not) are refused, each refusal
    // audited.
    let before = count(
        &app,
        "SELECT COUNT(*) FROM audit_log WHERE action = 'forbidden' AND object_type = 'document'",
    )
    .await;
    for outsider in ["staff.cctt", "head.ttkn", "staff.ttkn"] {
        let cookie = app.login(outsider).await;
        let resp = app.get_as(&cookie, &format!("/documents/{document}")).await;
        assert_eq!(resp.status().as_u16(), 403, "{outsider} is refused");
        let text = resp.text().await.unwrap();
        assert!(text.contains("không thuộc đơn vị"), "{text}");
        assert!(!text.contains("%PDF"), "nothing of the file is sent");
    }
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'forbidden' AND object_type = 'document'"
        )
        .await,
        before + 3
    );
    // Signed out: no file.
    let (status, text) = app.get_text(&format!("/documents/{document}")).await;
    assert_ne!(status, 200);
    assert!(!text.contains("%PDF"));
    // A document that does not exist.
    let resp = app.get_as(&staff, "/documents/999999").await;
    assert_eq!(resp.status().as_u16(), 404);
}

#[tokio::test]
async fn bad_uploads_are_refused_with_a_clear_message_and_leave_nothing_behind() {
    // A small installation: 1 KB a file, 2 KB a dossier.
    let stopped = common::fresh(common::Backend::under_test()).await;
    let app = start_with(stopped, Some(today()), |s| {
        s.document_limits = shared::domain::dossier::DocumentLimits {
            file_bytes: 1024,
            dossier_bytes: 2048,
        };
    })
    .await;
    let id = nomination_of_head1(&app, "registered").await;
    let staff = app.login("staff1").await;

    let cases: Vec<BadUpload> = vec![
        // Larger than the installation allows.
        (
            "too large",
            &[("kind", "certificate")],
            "lon.pdf",
            pdf(&"x".repeat(2000)),
            400,
            "lớn hơn mức cho phép (1 KB)",
        ),
        // A web page named like a PDF: its content is no accepted type.
        (
            "html as pdf",
            &[("kind", "certificate")],
            "trang.pdf",
            b"<html><script>alert(1)</script></html>".to_vec(),
            400,
            "Nội dung tệp trang.pdf không phải PDF",
        ),
        // A program named like a picture.
        (
            "exe as png",
            &[("kind", "photo")],
            "anh.png",
            b"MZ\x90\x00\x03\x00\x00\x00".to_vec(),
            400,
            "không phải PDF",
        ),
        // A name that is a path.
        (
            "path",
            &[("kind", "certificate")],
            "../../etc/passwd.pdf",
            pdf("p"),
            400,
            "không được là đường dẫn",
        ),
        // Minutes without the meeting's date and result.
        (
            "minutes",
            &[("kind", "meeting_minutes")],
            "bien-ban.pdf",
            pdf("m"),
            400,
            "Vui lòng nhập ngày họp tập thể",
        ),
        // An empty file.
        (
            "empty",
            &[("kind", "certificate")],
            "rong.pdf",
            Vec::new(),
            400,
            "Hãy chọn một tệp",
        ),
    ];
    for (what, fields, name, bytes, status, says) in cases {
        let (got, body) = upload(&app, &staff, id, fields, name, bytes).await;
        assert_eq!(got, status, "{what}: {body}");
        assert!(messages(&body).contains(says), "{what}: {body}");
        nothing_stored(&app).await;
    }

    // Outside one's scope: another unit's staff and leadership are refused (403, audited)
    // before the file is read; a unit that cannot see the card gets 404.
    let forbidden_before = count(
        &app,
        "SELECT COUNT(*) FROM audit_log WHERE action = 'forbidden'",
    )
    .await;
    for (who, expected) in [
        ("leader", 403),
        ("council1", 403),
        ("bloc1", 403),
        ("staff.ttkn", 404),
    ] {
        let cookie = app.login(who).await;
        let (got, body) = upload(
            &app,
            &cookie,
            id,
            &[("kind", "certificate")],
            "a.pdf",
            pdf("a"),
        )
        .await;
        assert_eq!(got, expected, "{who}: {body}");
        nothing_stored(&app).await;
    }
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'forbidden'"
        )
        .await,
        forbidden_before + 3
    );

    // The dossier's own limit: two files fit, the third does not (and is not kept).
    for n in 0..2 {
        let (got, body) = upload(
            &app,
            &staff,
            id,
            &[("kind", "certificate")],
            &format!("{n}.pdf"),
            pdf(&"y".repeat(700 + n)),
        )
        .await;
        assert_eq!(got, 200, "{body}");
    }
    let (got, body) = upload(
        &app,
        &staff,
        id,
        &[("kind", "certificate")],
        "3.pdf",
        pdf(&"z".repeat(700)),
    )
    .await;
    assert_eq!(got, 400, "{body}");
    assert!(messages(&body).contains("hồ sơ đã dùng"), "{body}");
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM nomination_documents").await,
        2
    );
    assert_eq!(kept_files(&app).len(), 2);

    // A form the server cannot read (an unknown kind) is a bad request; nothing stored.
    let (got, _) = upload(&app, &staff, id, &[("kind", "poster")], "p.pdf", pdf("p")).await;
    assert_eq!(got, 400);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM nomination_documents").await,
        2
    );
    // From another site: refused before anything is read.
    let resp = app
        .client
        .post(app.url(&format!("/nominations/{id}/documents")))
        .header("origin", "http://evil.example")
        .header("cookie", &staff)
        .multipart(reqwest::multipart::Form::new().part(
            "file",
            reqwest::multipart::Part::bytes(pdf("x")).file_name("x.pdf"),
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 403);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM nomination_documents").await,
        2
    );
}

#[tokio::test]
async fn a_removed_document_stays_in_the_history_and_is_no_longer_served() {
    let app = spawn_app_at(today()).await;
    let id = nomination_of_head1(&app, "registered").await;
    let staff = app.login("staff1").await;
    let (status, body) = upload(
        &app,
        &staff,
        id,
        &[("kind", "decision")],
        "qd.pdf",
        pdf("qd"),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let document = view(&app, &staff, id).await.record.documents[0].id;

    // Another unit's staff may not remove it; leadership neither.
    for who in ["staff.cctt", "leader"] {
        let cookie = app.login(who).await;
        let (status, body) = app
            .call_fn(
                &cookie,
                RemoveDocument {
                    document_id: document,
                },
            )
            .await;
        assert!(matches!(status, 403 | 404), "{who}: {status} {body}");
    }
    let head = app.login("head1").await;
    let (status, body) = app
        .call_fn(
            &head,
            RemoveDocument {
                document_id: document,
            },
        )
        .await;
    assert_eq!(status, 200, "{body}");
    // A second removal (a page that had not seen the first) is a conflict naming who.
    let (status, body) = app
        .call_fn(
            &staff,
            RemoveDocument {
                document_id: document,
            },
        )
        .await;
    assert_eq!(status, 409, "{body}");
    assert!(body.to_string().contains("Lâm Văn Sang"), "{body}");

    let seen = view(&app, &staff, id).await;
    let doc = &seen.record.documents[0];
    assert_eq!(
        doc.removed.as_ref().map(|(by, _)| by.as_str()),
        Some("Lâm Văn Sang")
    );
    assert_eq!(seen.record.dossier_bytes(), 0);
    assert!(seen
        .record
        .history
        .iter()
        .any(|h| h.action == MoveAction::RemoveDocument));
    // Removed: no longer served, but the row and the file stay.
    let resp = app.get_as(&staff, &format!("/documents/{document}")).await;
    assert_eq!(resp.status().as_u16(), 410);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM nomination_documents").await,
        1
    );
    assert_eq!(kept_files(&app).len(), 1);
}

#[tokio::test]
async fn the_backup_keeps_the_dossier_s_files_and_puts_them_back_checked() {
    use server::db::backup::{backup_files, backup_sqlite, files_path, open_source, restore_files};
    // `exemplar backup` copies a SQLite database (PostgreSQL: pg_dump and the files folder).
    let app = common::spawn_app_on(common::Backend::Sqlite, today()).await;
    let id = nomination_of_head1(&app, "registered").await;
    let staff = app.login("staff1").await;
    let certificate = pdf("chung nhan");
    for (name, bytes) in [("cn.pdf", certificate.clone()), ("anh.png", png())] {
        let (status, body) =
            upload(&app, &staff, id, &[("kind", "certificate")], name, bytes).await;
        assert_eq!(status, 200, "{body}");
    }
    let docs = view(&app, &staff, id).await.record.documents;
    // A removed document's file is kept by the backup too: the history names it.
    let (status, _) = app
        .call_fn(
            &staff,
            RemoveDocument {
                document_id: docs[1].id,
            },
        )
        .await;
    assert_eq!(status, 200);

    let to = app.dir.path().join("backup.db");
    let source = open_source(&format!("sqlite://{}", app.db_path.display()))
        .await
        .unwrap();
    backup_sqlite(&source, &to, Some(&app.audit_key()))
        .await
        .unwrap();
    source.close().await;
    let store = server::files::FileStore::open(&app.db_path.with_file_name("files")).unwrap();
    assert_eq!(backup_files(&to, &store).await.unwrap(), 2);
    assert!(files_path(&to)
        .join(&docs[0].sha256[..2])
        .join(&docs[0].sha256)
        .is_file());

    // The machine loses its files: the restore puts them back, and the document is served.
    for file in kept_files(&app) {
        std::fs::remove_file(file).unwrap();
    }
    assert_eq!(restore_files(&to, &store).await.unwrap(), 2);
    let resp = app
        .get_as(&staff, &format!("/documents/{}", docs[0].id))
        .await;
    assert_eq!(resp.status().as_u16(), 200);
    assert_eq!(resp.bytes().await.unwrap().as_ref(), certificate.as_slice());

    // A backup's file changed since it was taken is never put back.
    std::fs::remove_file(store.path_of(&docs[0].sha256).unwrap()).unwrap();
    std::fs::write(
        files_path(&to)
            .join(&docs[0].sha256[..2])
            .join(&docs[0].sha256),
        b"%PDF-1.4 forged",
    )
    .unwrap();
    let refused = restore_files(&to, &store).await.unwrap_err().to_string();
    assert!(refused.contains("does not match its hash"), "{refused}");
    assert!(!store.path_of(&docs[0].sha256).unwrap().exists());
}
