//! The exemplars the office sends to the City, each quarter and for the year.

// This feature's entries: `Variant => "Tiếng Việt", "English",` (see `feature!` in mod.rs).
feature! { $
    SelectionsTitle => "Điển hình gửi Thành phố", "Exemplars sent to the City",
    SelectionsIntro =>
        "Mỗi quý, Văn phòng Sở ghi nhận các điển hình đã gửi Thành phố; danh sách cả năm dùng cho hội nghị tổng kết ngành.",
        "Each quarter the office records the exemplars it sent to the City; the annual list is for the sector's year-end conference.",
    PeriodQuarter => "Quý", "Quarter",
    PeriodAnnual => "Cả năm (hội nghị tổng kết)", "Annual (year-end conference)",
    SaveSelection => "Lưu danh sách", "Save the list",
    SelectionSaved => "Đã lưu danh sách.", "The list is saved.",
    SelectedCount => "đã chọn", "chosen",
    LastSaved => "Lưu lần cuối", "Last saved",
    NotSavedYet => "Chưa lưu danh sách cho kỳ này.", "No list saved for this period yet.",
    NoCandidates =>
        "Chưa có hồ sơ nào đã đăng ký với Sở trong năm này.",
        "No nomination is registered with the Department this year.",
    ChooseLabel => "Chọn", "Choose",
}
