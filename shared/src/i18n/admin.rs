//! The administration pages: accounts, the organisation (blocs, units, the council's seats)
//! and the campaigns.

// This feature's entries: `Variant => "Tiếng Việt", "English",` (see `feature!` in mod.rs).
feature! { $
    NavCampaigns => "Kế hoạch", "Campaigns",
    AdminCampaignsTitle => "Kế hoạch thi đua", "Emulation campaigns",
    AdminCampaignsIntro =>
        "Mỗi kế hoạch (ví dụ giai đoạn 2026–2030) có các năm của nó; lịch và chỉ tiêu của mỗi năm theo mặc định của Kế hoạch. Chọn tên kế hoạch để xem và sửa lịch, chỉ tiêu từng năm.",
        "Each campaign (for instance 2026–2030) has its years; each year's calendar and numbers follow the plan's defaults. Choose a campaign's name to see and change each year's.",
    AdminNoCampaign =>
        "Chưa có kế hoạch nào: hãy tạo kế hoạch đầu tiên để bắt đầu theo dõi điển hình.",
        "No campaign yet: create the first one to start following exemplars.",
    CampaignName => "Tên kế hoạch", "Campaign",
    CampaignDecision => "Văn bản ban hành", "Adopted by",
    CampaignYears => "Các năm", "Years",
    CampaignFirstYear => "Năm bắt đầu", "First year",
    CampaignLastYear => "Năm kết thúc", "Last year",
    CampaignCreate => "Tạo kế hoạch", "Create the campaign",
    CampaignCreated => "Đã tạo kế hoạch", "Campaign created:",
    CampaignYearsLink => "Lịch và chỉ tiêu các năm", "Each year's calendar and numbers",
    CampaignYearsTitle => "Lịch và chỉ tiêu từng năm", "Each year's calendar and numbers",
    CampaignYearsIntro =>
        "Mỗi ngày là ngày cuối cùng còn đúng hạn (tính cả ngày đó). Kế hoạch ghi “trước ngày 30/11” nên mặc định hạn gửi Thành phố là 29/11. Mặc định theo Kế hoạch; mọi thay đổi được lưu vào lịch sử.",
        "Every date is the last day on time (the day itself counts). The plan says “before 30 November”, so the City list's default deadline is 29 November. Defaults follow the plan; every change is kept in the audit history.",
    CampaignYearsBack => "← Các kế hoạch", "← Campaigns",
    CampaignYearHeading => "Năm {year}", "Year {year}",
    CampaignYearGist =>
        "Hạn gửi Thành phố {date} · {min}–{max} mô hình",
        "City list by {date} · {min}–{max} models",
    CampaignYearDates => "Các mốc thời gian", "Dates",
    CampaignYearNumbers => "Chỉ tiêu", "Numbers",
    CampaignQuotaMin =>
        "Số mô hình gửi Thành phố, ít nhất (S-2)",
        "Models for the City, at least (S-2)",
    CampaignQuotaMax =>
        "Số mô hình gửi Thành phố, nhiều nhất (S-2)",
        "Models for the City, at most (S-2)",
    CampaignPassShare =>
        "Ngưỡng thông qua khi bỏ phiếu, % Hội đồng (S-2)",
        "Share of the council a ballot item needs, % (S-2)",
    CampaignCulturalYears =>
        "Số năm liên tục đạt gia đình văn hóa (C-B5)",
        "Consecutive cultural-family years (C-B5)",
    CampaignYearSave => "Lưu lịch năm", "Save the year",
    CampaignYearSaved => "Đã lưu lịch và chỉ tiêu năm", "Saved the calendar and numbers of",
    DateFormatHint => "dd/mm/yyyy", "dd/mm/yyyy",
    ErrorSelfLockout =>
        "Không thể tự khóa hoặc bỏ quyền quản trị của chính mình.",
        "You cannot disable your own account or remove your own administrator role.",
    AdminOrgTitle => "Khối thi đua, đơn vị và Hội đồng", "Blocs, units and council",
    AdminBlocs => "Khối thi đua", "Emulation blocs",
    AdminUnits => "Đơn vị", "Units",
    AdminCouncil =>
        "Thành viên Hội đồng Thi đua – Khen thưởng",
        "Emulation and commendation council",
    AdminAddBloc => "Thêm khối", "Add bloc",
    AdminAddUnit => "Thêm đơn vị", "Add unit",
    OrgCode => "Mã", "Code",
    OrgName => "Tên", "Name",
    OrgBloc => "Khối", "Bloc",
    HeadUnit => "Đơn vị trưởng khối", "Head unit",
    AdminAccountsTitle => "Quản lý tài khoản", "Accounts",
    AdminName => "Họ và tên", "Full name",
    AdminPosition => "Chức vụ", "Position",
    AdminUnit => "Đơn vị", "Unit",
    AdminNoUnit => "— Không thuộc đơn vị —", "— No unit —",
    AdminRoles => "Vai trò", "Roles",
    AdminStatus => "Trạng thái", "Status",
    AdminActions => "Thao tác", "Actions",
    AdminActive => "Đang hoạt động", "Active",
    AdminDisabled => "Đã khóa", "Disabled",
    AdminCreate => "Tạo tài khoản", "Create account",
    AdminCreated => "Đã tạo tài khoản", "Account created:",
    AdminEdit => "Sửa", "Edit",
    AdminSave => "Lưu", "Save",
    AdminSaved => "Đã lưu tài khoản", "Account saved:",
    AdminDisable => "Khóa", "Disable",
    AdminEnable => "Mở khóa", "Enable",
    AdminResetPassword => "Đặt lại mật khẩu", "Reset password",
    AdminNewPassword =>
        "Mật khẩu mới (ít nhất 12 ký tự)",
        "New password (at least 12 characters)",
    AdminPasswordReset =>
        "Đã đặt lại mật khẩu và kết thúc các phiên của",
        "Password reset and sessions ended for",
}
