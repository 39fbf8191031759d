//! A nomination's page and its form: the profile, the evidence, the stage history.

// This feature's entries: `Variant => "Tiếng Việt", "English",` (see `feature!` in mod.rs).
feature! { $
    ProfileTitle => "Thông tin hồ sơ", "Profile",
    EvidenceTitle => "Minh chứng theo tiêu chí", "Evidence per criterion",
    HistoryTitle => "Quá trình theo các giai đoạn", "Stage history",
    StageLabel => "Giai đoạn", "Stage",
    DaysUnit => "ngày", "days",
    UntilNow => "nay", "now",
    EditNomination => "Sửa hồ sơ", "Edit nomination",
    NewNomination => "Thêm hồ sơ", "New nomination",
    Save => "Lưu", "Save",
    NoEvidence => "Chưa có minh chứng", "No evidence yet",
    EvidenceRetired =>
        "Tiêu chí không còn trong bộ tiêu chí của năm này (minh chứng được giữ lại)",
        "No longer among this year's criteria (the evidence is kept)",
    WeightLabel => "Trọng số", "Weight",
    ConditionLabel => "Điều kiện", "Condition",
    HeadsUnit => "Là người đứng đầu đơn vị", "Heads the unit",
    LinkedCollective =>
        "Hồ sơ tập thể của đơn vị đi kèm (C-C4)",
        "The unit's collective nomination it goes with (C-C4)",
    NoneOption => "Không có", "None",
    CoopTypeLabel => "Loại hình", "Type",
    CoopCooperative => "Hợp tác xã", "Cooperative",
    CoopGroup => "Tổ hợp tác", "Co-op group",
    Exemplary => "Gia đình văn hóa tiêu biểu", "Exemplary cultural family",
    YearsHint =>
        "Các năm, cách nhau bởi dấu phẩy, ví dụ 2023, 2024, 2025",
        "Years separated by commas, e.g. 2023, 2024, 2025",
    FixErrors => "Vui lòng sửa các mục sau:", "Please correct the following:",
    BackToBoard => "Về bảng theo dõi", "Back to the board",
    ChangesLabel => "Các thay đổi", "Changes",
    ReasonShort => "Lý do", "Reason",
    RegistrationNote =>
        "Hồ sơ mới được tạo ở giai đoạn Phát hiện. Để đăng ký với Sở, cần đủ thông tin và minh chứng cho mọi tiêu chí được chấm điểm.",
        "A new nomination starts at Discovered. To register it with the Department, the profile and the evidence of every scored criterion are needed.",
    Saving => "Đang lưu…", "Saving…",
    DetailsOf => "Chi tiết hồ sơ", "Nomination details",
}
