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
    CarryTitle => "Chuyển tiếp điển hình sang năm sau", "Carry exemplars over into the next year",
    CarryIntro =>
        "Cuối năm, Văn phòng Sở chọn cho từng điển hình: tiếp tục ở năm sau tại giai đoạn hiện có, bắt đầu lại từ “Phát hiện” (đơn vị đăng ký lại), hoặc không chuyển. Hồ sơ, minh chứng và kế hoạch bồi dưỡng được chuyển theo; đánh giá, điểm, quyết định và nhân rộng của năm nào giữ ở năm đó.",
        "At the end of the year the Department office chooses for each exemplar: go on into the next year where it stands, start again as “Discovered” (the unit registers it again), or stay behind. The dossier, the evidence and the fostering plan go with it; each year's evaluations, scores, decisions and replications stay with that year.",
    CarryLastYear =>
        "{year} là năm cuối của kế hoạch: không có năm sau để chuyển tiếp.",
        "{year} is the campaign's last year: there is no next year to carry exemplars into.",
    CarryNothing => "Năm này chưa có hồ sơ nào.", "This year has no nominations yet.",
    CarriedTo => "Đã chuyển sang năm {year}", "Carried over into {year}",
    CarryContinue => "Tiếp tục: {stage}", "Go on: {stage}",
    CarryRestart => "Bắt đầu lại: Phát hiện", "Start again: Discovered",
    CarryStay => "Không chuyển", "Stay behind",
    CarryNotYet => "Chưa chuyển", "Not carried over",
    CarryNextYear => "Năm {year}", "In {year}",
    CarrySubmit => "Chuyển sang năm {year}", "Carry over into {year}",
    CarryOpenBoard => "Xem bảng theo dõi năm {year}", "Open the {year} board",
    CarryChosenCount => "hồ sơ sẽ được chuyển", "to be carried over",
    CarryDone =>
        "Đã chuyển {count} hồ sơ sang năm {year}.",
        "{count} nominations carried over into {year}.",
    CarryLink => "Chuyển tiếp sang năm sau", "Carry over into the next year",
    YearRecords => "Hồ sơ qua các năm", "Records by year",
    OpenYearCard => "Mở thẻ năm {year}", "Open the {year} card",
}
