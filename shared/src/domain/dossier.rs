//! The dossier (hồ sơ): documents attached to a nomination — certificates (the
//! cultural-family years of C-B5), decisions, achievement reports, photos, and the minutes
//! of the collective's meeting that recognised the nominee (N-1: "được tập thể thừa nhận,
//! suy tôn"). What a file is, is read from its content, never from its name.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What a document is to the dossier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// Giấy chứng nhận (a cultural family's certificate, a title's).
    #[default]
    Certificate,
    /// Quyết định (of a commendation, of a recognition).
    Decision,
    /// Báo cáo thành tích.
    AchievementReport,
    /// Ảnh tư liệu.
    Photo,
    /// Biên bản họp tập thể (N-1): the meeting's date and result are recorded with it.
    MeetingMinutes,
    /// Tài liệu khác.
    Other,
}

codes! {
    DocumentKind {
        Certificate => "certificate",
        Decision => "decision",
        AchievementReport => "achievement_report",
        Photo => "photo",
        MeetingMinutes => "meeting_minutes",
        Other => "other",
    }
}

/// The kinds of file a dossier accepts, recognised by their content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileType {
    Pdf,
    Png,
    Jpeg,
    /// Word (Office Open XML).
    Docx,
    /// Excel (Office Open XML).
    Xlsx,
    /// OpenDocument text.
    Odt,
}

codes! {
    FileType {
        Pdf => "pdf",
        Png => "png",
        Jpeg => "jpeg",
        Docx => "docx",
        Xlsx => "xlsx",
        Odt => "odt",
    }
}

impl FileType {
    /// The media type a download is served with.
    pub fn mime(self) -> &'static str {
        match self {
            FileType::Pdf => "application/pdf",
            FileType::Png => "image/png",
            FileType::Jpeg => "image/jpeg",
            FileType::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            FileType::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            FileType::Odt => "application/vnd.oasis.opendocument.text",
        }
    }

    /// The extension a download's name ends with.
    pub fn extension(self) -> &'static str {
        match self {
            FileType::Pdf => "pdf",
            FileType::Png => "png",
            FileType::Jpeg => "jpg",
            FileType::Docx => "docx",
            FileType::Xlsx => "xlsx",
            FileType::Odt => "odt",
        }
    }

    /// What the file input offers to pick (a help only: the content decides).
    pub const ACCEPT: &'static str = ".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.odt";
}

/// What a file is, read from its first bytes (and, for the zip-based office formats, the
/// names of its parts); `None` for anything the dossier does not accept.
pub fn sniff(bytes: &[u8]) -> Option<FileType> {
    if bytes.starts_with(b"%PDF-") {
        return Some(FileType::Pdf);
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some(FileType::Png);
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Some(FileType::Jpeg);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        // OpenDocument stores its media type first, uncompressed, as the part `mimetype`.
        if bytes.len() > 38 && &bytes[30..38] == b"mimetype" {
            let rest = &bytes[38..bytes.len().min(38 + 64)];
            return rest
                .starts_with(b"application/vnd.oasis.opendocument.text")
                .then_some(FileType::Odt);
        }
        // Office Open XML: the part names are stored uncompressed in the zip's headers.
        let has = |name: &[u8]| bytes.windows(name.len()).any(|w| w == name);
        if has(b"[Content_Types].xml") {
            if has(b"word/document.xml") {
                return Some(FileType::Docx);
            }
            if has(b"xl/workbook.xml") {
                return Some(FileType::Xlsx);
            }
        }
    }
    None
}

/// How much a dossier may hold: the Department's installation sets these (the server's
/// configuration); the browser checks a file's size against them before sending it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentLimits {
    /// The largest file, in bytes.
    pub file_bytes: u64,
    /// The most a nomination's documents (not removed) may hold together, in bytes.
    pub dossier_bytes: u64,
}

impl Default for DocumentLimits {
    fn default() -> Self {
        DocumentLimits {
            file_bytes: 10 * MIB,
            dossier_bytes: 50 * MIB,
        }
    }
}

pub const MIB: u64 = 1024 * 1024;

/// The longest document title and meeting result, in characters.
pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_MEETING_RESULT_CHARS: usize = 1000;
/// The longest file name kept, in characters.
pub const MAX_FILE_NAME_CHARS: usize = 150;

/// What the upload form holds besides the file.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct DocumentDraft {
    pub kind: DocumentKind,
    /// What the document is ("Giấy công nhận Gia đình văn hóa 2024"); the file's name when
    /// left empty.
    pub title: String,
    /// Meeting minutes only: when the collective met, and what it decided.
    pub meeting_date: Option<NaiveDate>,
    pub meeting_result: String,
}

/// The file as the server received it (or as the browser sees it before sending).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileFacts {
    /// The name the file was sent with.
    pub name: String,
    pub size: u64,
    /// What the nomination's documents (not removed) hold already, in bytes.
    pub dossier_bytes: u64,
}

/// A document as checked: what is stored besides the file's content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub kind: DocumentKind,
    pub title: String,
    pub file_name: String,
    pub meeting_date: Option<NaiveDate>,
    pub meeting_result: String,
}

/// A file's name as kept and offered for download: its own name without its extension
/// (the content decides that), with `ext` after it.
pub fn download_name(file_name: &str, file_type: FileType) -> String {
    let stem = match file_name.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem,
        _ => file_name,
    };
    format!("{stem}.{}", file_type.extension())
}

/// Whether a file name looks like a path, or like something a file system would read as
/// more than a name: a separator, a parent or hidden name, a control character.
pub fn path_like(name: &str) -> bool {
    name.contains(['/', '\\', ':'])
        || name.starts_with('.')
        || name.contains("..")
        || super::has_forbidden_character(name)
        || name.chars().any(char::is_control)
}
