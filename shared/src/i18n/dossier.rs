//! The dossier's documents on the nomination's page.

use super::{t, Lang, Msg};
use crate::domain::dossier::DocumentKind;

// This feature's entries: `Variant => "Tiếng Việt", "English",` (see `feature!` in mod.rs).
feature! { $
    DossierTitle => "Tài liệu hồ sơ", "Dossier documents",
    NoDocuments => "Chưa có tài liệu đính kèm.", "No document attached yet.",
    AttachDocumentTitle => "Đính kèm tài liệu", "Attach a document",
    AttachDocument => "Tải lên", "Upload",
    Uploading => "Đang tải lên…", "Uploading…",
    DocumentAttached => "Đã đính kèm tài liệu.", "The document was attached.",
    RemoveDocument => "Gỡ", "Remove",
    RemoveDocumentNamed => "Gỡ tài liệu {name}", "Remove the document {name}",
    ConfirmRemoveDocument =>
        "Gỡ tài liệu này khỏi hồ sơ? Tài liệu vẫn được lưu trong lịch sử.",
        "Remove this document from the dossier? It stays in the history.",
    KeepDocument => "Không gỡ", "Keep it",
    DocumentRemoved => "Đã gỡ tài liệu (vẫn được lưu trong lịch sử).", "The document was removed (it stays in the history).",
    DocumentRemovedBy => "Đã gỡ: {by}, {at}", "Removed: {by}, {at}",
    DocumentSize => "Dung lượng", "Size",
    DocumentUploaded => "Người tải lên, thời gian", "Uploaded by, when",
    DocumentMeeting => "Họp ngày {date}: {result}", "Meeting of {date}: {result}",
    DocumentLimitsHint =>
        "PDF, ảnh PNG/JPEG, Word (.docx), Excel (.xlsx) hoặc OpenDocument (.odt); mỗi tệp tối đa {file}, cả hồ sơ tối đa {dossier} (đã dùng {used}).",
        "PDF, PNG/JPEG pictures, Word (.docx), Excel (.xlsx) or OpenDocument (.odt); at most {file} a file and {dossier} for the whole dossier ({used} used).",
    DocumentTitleHint => "Để trống: dùng tên tệp.", "Left empty: the file's name.",
    DocKindCertificate => "Giấy chứng nhận", "Certificate",
    DocKindDecision => "Quyết định", "Decision",
    DocKindAchievementReport => "Báo cáo thành tích", "Achievement report",
    DocKindPhoto => "Ảnh tư liệu", "Photo",
    DocKindMeetingMinutes => "Biên bản họp tập thể (thừa nhận, suy tôn)", "Minutes of the collective's meeting (recognition)",
    DocKindOther => "Tài liệu khác", "Other document",
}

/// The name of a kind of document.
pub fn document_kind_name(lang: Lang, kind: DocumentKind) -> &'static str {
    let msg = match kind {
        DocumentKind::Certificate => Msg::DocKindCertificate,
        DocumentKind::Decision => Msg::DocKindDecision,
        DocumentKind::AchievementReport => Msg::DocKindAchievementReport,
        DocumentKind::Photo => Msg::DocKindPhoto,
        DocumentKind::MeetingMinutes => Msg::DocKindMeetingMinutes,
        DocumentKind::Other => Msg::DocKindOther,
    };
    t(lang, msg)
}
