//! A bloc's preliminary review of its exemplars (D-2).

// This feature's entries: `Variant => "Tiếng Việt", "English",` (see `feature!` in mod.rs).
feature! { $
    ReviewPageTitle =>
        "Báo cáo đánh giá sơ bộ điển hình tiên tiến của khối",
        "The bloc's preliminary review of its exemplars",
    ReviewBlocData => "Số liệu của khối", "The bloc's figures",
    ReviewExemplars => "Nhận xét từng điển hình", "A comment on each exemplar",
    ReviewDeadlineLabel => "Hạn gửi Sở", "Due at the Department",
    SaveDraft => "Lưu nháp", "Save draft",
    SubmitReview => "Gửi Sở", "Send to the Department",
    ReviewSubmitHint =>
        "Sau khi gửi, báo cáo không sửa được nữa.",
        "Once sent, the review can no longer change.",
    ReviewSaved => "Đã lưu nháp.", "Draft saved.",
    ReviewSent => "Đã gửi báo cáo cho Sở.", "The review was sent to the Department.",
    ReviewReadOnly =>
        "Báo cáo đã gửi Sở, chỉ xem.",
        "The review was sent to the Department; it is read-only.",
    ReviewProblems => "Chưa gửi được, cần sửa:", "Not sent yet; please fix:",
    NoExemplars =>
        "Khối chưa có điển hình nào trong năm.",
        "The bloc has no exemplars this year.",
    BackToSummary => "Về trang tổng hợp", "Back to the summary",
}
