//! N-1: what a dossier's document must be. The browser checks what it can see (the form,
//! the file's name and size) before sending; the server checks the same and, once the
//! file is read, its content ([`check_content`]).

use super::{verdict, Violation, ViolationKind};
use crate::domain::dossier::{
    path_like, sniff, Document, DocumentDraft, DocumentKind, DocumentLimits, FileFacts, FileType,
    MAX_FILE_NAME_CHARS, MAX_MEETING_RESULT_CHARS, MAX_TITLE_CHARS,
};
use crate::domain::{forbidden_character, Field, InputError};
use chrono::NaiveDate;

/// The plan's clause for the dossier: an exemplar recognised by its collective, with the
/// records that prove it.
pub const RULE: &str = "N-1";

fn input(e: InputError) -> Violation {
    Violation::new(RULE, ViolationKind::Input(e))
}

/// Checks the form and the file's name and size against `limits`: every problem at once.
pub fn check_document(
    draft: &DocumentDraft,
    file: &FileFacts,
    limits: DocumentLimits,
    today: NaiveDate,
) -> Result<Document, Vec<Violation>> {
    let mut v = Vec::new();
    let name = file.name.trim();
    if name.is_empty() || file.size == 0 {
        v.push(Violation::new(RULE, ViolationKind::FileMissing));
    } else if path_like(name) {
        v.push(Violation::new(RULE, ViolationKind::FileNamePathLike));
    } else if file.size > limits.file_bytes {
        v.push(Violation::new(
            RULE,
            ViolationKind::FileTooLarge {
                name: name.to_string(),
                max_bytes: limits.file_bytes,
            },
        ));
    } else if file.dossier_bytes.saturating_add(file.size) > limits.dossier_bytes {
        v.push(Violation::new(
            RULE,
            ViolationKind::DossierFull {
                name: name.to_string(),
                max_bytes: limits.dossier_bytes,
                used_bytes: file.dossier_bytes,
            },
        ));
    }
    let title = draft.title.trim();
    if title.chars().count() > MAX_TITLE_CHARS {
        v.push(input(InputError::TooLong {
            field: Field::DocumentTitle,
            max: MAX_TITLE_CHARS,
        }));
    }
    if let Some(e) = forbidden_character(Field::DocumentTitle, &draft.title) {
        v.push(input(e));
    }
    let minutes = draft.kind == DocumentKind::MeetingMinutes;
    let result = draft.meeting_result.trim();
    if minutes {
        match draft.meeting_date {
            None => v.push(input(InputError::Required {
                field: Field::MeetingDate,
            })),
            Some(date) if date > today => v.push(Violation::new(RULE, ViolationKind::DateInFuture)),
            Some(_) => {}
        }
        if result.is_empty() {
            v.push(input(InputError::Required {
                field: Field::MeetingResult,
            }));
        }
        if result.chars().count() > MAX_MEETING_RESULT_CHARS {
            v.push(input(InputError::TooLong {
                field: Field::MeetingResult,
                max: MAX_MEETING_RESULT_CHARS,
            }));
        }
        if let Some(e) = forbidden_character(Field::MeetingResult, &draft.meeting_result) {
            v.push(input(e));
        }
    }
    verdict(v)?;
    // A long name is kept by its start and its extension.
    let file_name = if name.chars().count() > MAX_FILE_NAME_CHARS {
        let ext = name.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
        let keep = MAX_FILE_NAME_CHARS.saturating_sub(ext.chars().count() + 1);
        format!("{}.{ext}", name.chars().take(keep).collect::<String>())
    } else {
        name.to_string()
    };
    Ok(Document {
        kind: draft.kind,
        title: if title.is_empty() {
            file_name.clone()
        } else {
            title.to_string()
        },
        file_name,
        meeting_date: minutes.then_some(draft.meeting_date).flatten(),
        meeting_result: if minutes {
            result.to_string()
        } else {
            String::new()
        },
    })
}

/// What the file is, by its content: one of the accepted types, or refused (whatever its
/// name says).
pub fn check_content(name: &str, bytes: &[u8]) -> Result<FileType, Violation> {
    sniff(bytes).ok_or_else(|| {
        Violation::new(
            RULE,
            ViolationKind::FileTypeNotAccepted {
                name: name.trim().to_string(),
            },
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dossier::MIB;
    use proptest::prelude::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 10, 15).unwrap()
    }

    fn file(name: &str, size: u64) -> FileFacts {
        FileFacts {
            name: name.into(),
            size,
            dossier_bytes: 0,
        }
    }

    fn kinds(r: Result<Document, Vec<Violation>>) -> Vec<ViolationKind> {
        r.err()
            .unwrap_or_default()
            .into_iter()
            .map(|v| v.kind)
            .collect()
    }

    #[test]
    fn a_certificate_within_the_limits_is_kept_under_its_name() {
        let doc = check_document(
            &DocumentDraft::default(),
            &file("giay-chung-nhan.pdf", 2 * MIB),
            DocumentLimits::default(),
            today(),
        )
        .unwrap();
        assert_eq!(doc.title, "giay-chung-nhan.pdf");
        assert_eq!(doc.meeting_date, None);
    }

    #[test]
    fn an_oversized_file_and_a_full_dossier_are_refused_with_their_numbers() {
        let limits = DocumentLimits::default();
        assert_eq!(
            kinds(check_document(
                &DocumentDraft::default(),
                &file("a.pdf", 10 * MIB + 1),
                limits,
                today()
            )),
            vec![ViolationKind::FileTooLarge {
                name: "a.pdf".into(),
                max_bytes: 10 * MIB
            }]
        );
        let mut f = file("b.pdf", 2 * MIB);
        f.dossier_bytes = 49 * MIB;
        assert_eq!(
            kinds(check_document(
                &DocumentDraft::default(),
                &f,
                limits,
                today()
            )),
            vec![ViolationKind::DossierFull {
                name: "b.pdf".into(),
                max_bytes: 50 * MIB,
                used_bytes: 49 * MIB
            }]
        );
    }

    #[test]
    fn path_like_names_and_empty_files_are_refused() {
        for name in [
            "../etc/passwd",
            "a/b.pdf",
            "a\\b.pdf",
            ".htaccess",
            "c:x.pdf",
        ] {
            assert_eq!(
                kinds(check_document(
                    &DocumentDraft::default(),
                    &file(name, 10),
                    DocumentLimits::default(),
                    today()
                )),
                vec![ViolationKind::FileNamePathLike],
                "{name}"
            );
        }
        assert_eq!(
            kinds(check_document(
                &DocumentDraft::default(),
                &file("a.pdf", 0),
                DocumentLimits::default(),
                today()
            )),
            vec![ViolationKind::FileMissing]
        );
    }

    #[test]
    fn meeting_minutes_need_the_meeting_s_date_and_result() {
        let draft = DocumentDraft {
            kind: DocumentKind::MeetingMinutes,
            ..DocumentDraft::default()
        };
        let found = kinds(check_document(
            &draft,
            &file("bien-ban.pdf", 100),
            DocumentLimits::default(),
            today(),
        ));
        assert!(found.contains(&ViolationKind::Input(InputError::Required {
            field: Field::MeetingDate
        })));
        assert!(found.contains(&ViolationKind::Input(InputError::Required {
            field: Field::MeetingResult
        })));
        let future = DocumentDraft {
            meeting_date: today().succ_opt(),
            meeting_result: "Tập thể suy tôn".into(),
            ..draft.clone()
        };
        assert_eq!(
            kinds(check_document(
                &future,
                &file("bien-ban.pdf", 100),
                DocumentLimits::default(),
                today()
            )),
            vec![ViolationKind::DateInFuture]
        );
        let ok = DocumentDraft {
            meeting_date: Some(today()),
            ..future
        };
        let doc = check_document(
            &ok,
            &file("bien-ban.pdf", 100),
            DocumentLimits::default(),
            today(),
        )
        .unwrap();
        assert_eq!(doc.meeting_result, "Tập thể suy tôn");
    }

    #[test]
    fn content_decides_the_type_not_the_name() {
        assert_eq!(check_content("x.docx", b"%PDF-1.7\n"), Ok(FileType::Pdf));
        assert_eq!(
            check_content("x.png", b"\x89PNG\r\n\x1a\n...."),
            Ok(FileType::Png)
        );
        assert_eq!(
            check_content("x.jpg", &[0xFF, 0xD8, 0xFF, 0xE0]),
            Ok(FileType::Jpeg)
        );
        let mut docx = b"PK\x03\x04".to_vec();
        docx.extend_from_slice(&[0; 26]);
        docx.extend_from_slice(b"[Content_Types].xml....word/document.xml");
        assert_eq!(check_content("x.docx", &docx), Ok(FileType::Docx));
        assert!(check_content("x.pdf", b"<html><script>").is_err());
        assert!(check_content("x.pdf", b"MZ\x90\x00").is_err());
        assert!(check_content("x.zip", b"PK\x03\x04 plain zip").is_err());
    }

    proptest! {
        /// Whatever is typed, the check never panics, and an accepted document's name is
        /// never a path and its size within the limits.
        #[test]
        fn accepted_documents_respect_every_limit(
            name in "\\PC{0,40}",
            size in 0u64..(12 * MIB),
            used in 0u64..(60 * MIB),
            title in "\\PC{0,250}",
        ) {
            let limits = DocumentLimits::default();
            let f = FileFacts { name, size, dossier_bytes: used };
            let draft = DocumentDraft { title, ..DocumentDraft::default() };
            if let Ok(doc) = check_document(&draft, &f, limits, today()) {
                prop_assert!(!path_like(&doc.file_name));
                prop_assert!(size > 0 && size <= limits.file_bytes);
                prop_assert!(used + size <= limits.dossier_bytes);
                prop_assert!(doc.title.chars().count() <= MAX_TITLE_CHARS.max(MAX_FILE_NAME_CHARS));
            }
        }

        /// Bytes that start like no accepted type are never accepted.
        #[test]
        fn unknown_content_is_refused(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
            let known = bytes.starts_with(b"%PDF-") || bytes.starts_with(b"\x89PNG")
                || bytes.starts_with(&[0xFF, 0xD8, 0xFF]) || bytes.starts_with(b"PK\x03\x04");
            prop_assume!(!known);
            prop_assert!(check_content("x", &bytes).is_err());
        }
    }
}
