//! Signing in and out, and changing one's own password.

// This feature's entries: `Variant => "Tiếng Việt", "English",` (see `feature!` in mod.rs).
feature! { $
    LoginTitle => "Đăng nhập", "Sign in",
    LoginIntro =>
        "Đăng nhập bằng tài khoản được Văn phòng Sở cấp.",
        "Sign in with the account the Department office gave you.",
    Username => "Tên đăng nhập", "Username",
    Password => "Mật khẩu", "Password",
    SignIn => "Đăng nhập", "Sign in",
    SignOut => "Đăng xuất", "Sign out",
    SignedInAs => "Đang đăng nhập:", "Signed in:",
    LoginErrorCredentials =>
        "Tên đăng nhập hoặc mật khẩu không đúng.",
        "The username or password is not correct.",
    LoginErrorThrottled =>
        "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút (lâu hơn nếu tiếp tục sai).",
        "Too many failed sign-ins. Please try again in 15 minutes (longer after further failures).",
    LoginErrorDisabled =>
        "Tài khoản này đã bị khóa. Vui lòng liên hệ quản trị viên.",
        "This account is disabled. Please contact the administrator.",
    LoginSessionExpired =>
        "Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.",
        "Your session has expired. Please sign in again.",
    LoginSignedOut => "Bạn đã đăng xuất.", "You have signed out.",
    ChangePasswordTitle => "Đổi mật khẩu", "Change password",
    ChangePasswordIntro =>
        "Sau khi đổi, mọi phiên đăng nhập của tài khoản sẽ kết thúc; hãy đăng nhập lại bằng mật khẩu mới.",
        "After the change every session of the account ends; sign in again with the new password.",
    CurrentPassword => "Mật khẩu hiện tại", "Current password",
    ConfirmPassword => "Nhập lại mật khẩu mới", "Repeat the new password",
    PasswordMismatch =>
        "Hai lần nhập mật khẩu mới không khớp.",
        "The two new passwords do not match.",
}
