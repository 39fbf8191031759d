//! The administration pages: accounts, the organisation (blocs, units, the council's seats)
//! and the campaigns.

// This feature's entries: `Variant => "Tiếng Việt", "English",` (see `feature!` in mod.rs).
feature! { $
    NavCampaigns => "Kế hoạch", "Campaigns",
    AdminCampaignsTitle => "Kế hoạch thi đua", "Emulation campaigns",
    AdminCampaignsIntro =>
        "Mỗi kế hoạch (ví dụ giai đoạn 2026–2030) có các năm của nó; lịch và chỉ tiêu của mỗi năm theo mặc định của Kế hoạch.",
        "Each campaign (for instance 2026–2030) has its years; each year's calendar and quota follow the plan's defaults.",
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
