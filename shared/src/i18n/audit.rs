//! The audit history page, and the labels of the actions and objects it records.

use super::Lang;

// This feature's entries: `Variant => "Tiếng Việt", "English",` (see `feature!` in mod.rs).
feature! { $
    AuditTitle => "Nhật ký thay đổi và an ninh", "Change and security history",
    AuditAction => "Thao tác", "Action",
    AuditAllActions => "Tất cả thao tác", "All actions",
    AuditActor => "Người thực hiện", "By",
    AuditFilter => "Lọc", "Filter",
    AuditWhen => "Thời gian", "When",
    AuditObject => "Đối tượng", "Object",
    AuditAddress => "Địa chỉ", "Address",
    AuditDetails => "Chi tiết", "Details",
    AuditChainIntact =>
        "Chuỗi băm nhật ký toàn vẹn: không bản ghi nào bị sửa hay xóa. Số bản ghi:",
        "Hash chain intact: no entry was edited or removed. Entries:",
    AuditChainBroken =>
        "CẢNH BÁO: nhật ký đã bị can thiệp, chuỗi băm đứt tại bản ghi",
        "WARNING: the history was tampered with; the hash chain breaks at entry",
    AuditOlder => "Xem các bản ghi cũ hơn", "Show older entries",
    AuditEmpty => "Không có bản ghi nào khớp bộ lọc.", "No entry matches the filter.",
}

/// The label of an audit action code; unknown codes are shown as they are.
pub fn audit_action_label(lang: Lang, action: &str) -> String {
    let (vi, en) = match action {
        "login" => ("Đăng nhập", "Signed in"),
        "login_failed" => ("Đăng nhập sai", "Failed sign-in"),
        "login_throttled" => ("Bị tạm khóa đăng nhập", "Sign-in locked out"),
        "login_disabled" => (
            "Tài khoản bị khóa đăng nhập",
            "Disabled account tried to sign in",
        ),
        "logout" => ("Đăng xuất", "Signed out"),
        "csrf_refused" => ("Từ chối yêu cầu giả mạo", "Cross-site request refused"),
        "forbidden" => (
            "Từ chối thao tác không được phép",
            "Forbidden action refused",
        ),
        "account_created" => ("Tạo tài khoản", "Account created"),
        "account_updated" => ("Sửa tài khoản", "Account changed"),
        "password_reset" => ("Đổi mật khẩu", "Password changed"),
        "bloc_created" => ("Tạo khối thi đua", "Bloc created"),
        "bloc_updated" => ("Sửa khối thi đua", "Bloc changed"),
        "unit_created" => ("Tạo đơn vị", "Unit created"),
        "unit_updated" => ("Sửa đơn vị", "Unit changed"),
        "council_seated" => ("Thêm vào Hội đồng", "Seated on the council"),
        "council_unseated" => ("Rút khỏi Hội đồng", "Removed from the council"),
        "dataset_loaded" => ("Nạp dữ liệu", "Data set loaded"),
        "move_nomination" => ("Chuyển giai đoạn", "Moved"),
        "reorder_nomination" => ("Đổi thứ tự", "Reordered"),
        "undo_move" => ("Hoàn tác thao tác chuyển", "Move undone"),
        "create_nomination" => ("Tạo hồ sơ", "Nomination created"),
        "edit_nomination" => ("Sửa hồ sơ", "Nomination edited"),
        "save_fostering_plan" => ("Lưu kế hoạch bồi dưỡng", "Fostering plan saved"),
        "approve_fostering_plan" => ("Phê duyệt kế hoạch bồi dưỡng", "Fostering plan approved"),
        "record_evaluation" => ("Ghi nhận đánh giá định kỳ", "Evaluation recorded"),
        "record_replication" => ("Ghi nhận nơi nhân rộng", "Replication recorded"),
        "save_selection" => (
            "Lưu danh sách gửi Thành phố",
            "Selection for the City saved",
        ),
        "save_score" => ("Chấm điểm", "Score saved"),
        "submit_scoresheet" => ("Nộp phiếu chấm", "Scoresheet submitted"),
        "declare_conflict" => ("Khai báo xung đột lợi ích", "Conflict of interest declared"),
        "city_decision" => ("Quyết định gửi Thành phố", "Decision for the City"),
        "cast_vote" => ("Biểu quyết", "Vote cast"),
        "open_ballot" => ("Mở biểu quyết", "Ballot opened"),
        "close_ballot" => ("Đóng biểu quyết", "Ballot closed"),
        "save_bloc_review" => ("Lưu nháp báo cáo của khối", "Bloc review draft saved"),
        "submit_bloc_review" => ("Gửi báo cáo của khối", "Bloc review sent"),
        "export" => ("Tải danh sách", "List downloaded"),
        other => return other.to_string(),
    };
    match lang {
        Lang::Vi => vi.to_string(),
        Lang::En => en.to_string(),
    }
}

/// The label of an audited object's type; unknown types are shown as they are.
pub fn audit_object_label(lang: Lang, object_type: &str) -> String {
    let (vi, en) = match object_type {
        "account" => ("Tài khoản", "Account"),
        "request" => ("Yêu cầu", "Request"),
        "audit_log" => ("Nhật ký", "Audit history"),
        "nomination" => ("Hồ sơ", "Nomination"),
        "bloc" => ("Khối thi đua", "Bloc"),
        "unit" => ("Đơn vị", "Unit"),
        "bloc_review" => ("Báo cáo của khối", "Bloc review"),
        "export" => ("Danh sách xuất", "Exported list"),
        other => return other.to_string(),
    };
    match lang {
        Lang::Vi => vi.to_string(),
        Lang::En => en.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_codes_are_shown_as_they_are() {
        assert_eq!(audit_action_label(Lang::Vi, "logout"), "Đăng xuất");
        assert_eq!(
            audit_action_label(Lang::En, "something_new"),
            "something_new"
        );
    }
}
