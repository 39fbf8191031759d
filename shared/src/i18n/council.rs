//! The council: scoring, the choice for the City, the ballot, and the minutes.

/// Appends this feature's entries to the catalogue being collected, then hands on to the
/// next feature: `Variant => "Vietnamese", "English",`.
macro_rules! messages {
    ($collect:ident [$($collected:tt)*] $($next:ident)*) => {
        $collect! { [$($collected)*
            CouncilTitle => "Hội đồng Thi đua – Khen thưởng chấm điểm", "Council scoring",
            CouncilIntro =>
                "Chấm điểm từng tiêu chí từ 0 đến 10; điểm được lưu ngay khi nhập. Điểm của các thành viên khác chỉ hiện sau khi bạn nộp phiếu.",
                "Score each criterion from 0 to 10; scores are saved as you type. The other members' scores appear only once you submit your own sheet.",
            MembersProgressTitle => "Tiến độ của các thành viên", "Members' progress",
            RankLabel => "Hạng", "Rank",
            MySheetLabel => "Phiếu của tôi", "My sheet",
            TotalLabel => "Điểm bình quân", "Weighted total",
            ScoresCountLabel => "Số phiếu", "Sheets",
            QuorumLabel => "Đủ túc số", "Quorum",
            SpreadLabel => "Chênh lệch", "Spread",
            Disagreement => "chênh lệch lớn", "wide disagreement",
            StateRecused => "Không chấm (cùng đơn vị)", "Recused (same unit)",
            StateConflict => "Xung đột lợi ích", "Conflict of interest",
            StateOpen => "Đang chấm", "Scoring",
            StateSubmitted => "Đã nộp", "Submitted",
            StateOffice => "Theo dõi", "Watching",
            CriterionLabel => "Tiêu chí", "Criterion",
            ScoreLabel => "Điểm (0–10)", "Score (0–10)",
            ScoreScale =>
                "0–4 chưa đạt · 5–6 đạt · 7–8 tốt · 9–10 xuất sắc",
                "0–4 below standard · 5–6 pass · 7–8 good · 9–10 excellent",
            SavingShort => "Đang lưu…", "Saving…",
            SavedShort => "Đã lưu", "Saved",
            SubmitSheet => "Nộp phiếu chấm", "Submit the scoresheet",
            SheetSubmittedNote => "Đã nộp phiếu chấm.", "The scoresheet is submitted.",
            DeclareConflict => "Khai báo xung đột lợi ích", "Declare a conflict of interest",
            ConflictReasonLabel => "Lý do", "Reason",
            ConflictDeclaredNote =>
                "Đã khai báo xung đột lợi ích; bạn không chấm hồ sơ này.",
                "Conflict declared; you do not score this nomination.",
            OthersTitle => "Điểm của các thành viên", "The members' scores",
            MemberLabel => "Thành viên", "Member",
            NotYet => "chưa nộp", "not submitted",
            BackToCouncil => "Về danh sách chấm điểm", "Back to the council's list",
            NotScoredYet => "Chưa có phiếu", "No sheet yet",
            CityChoiceTitle => "Chọn mô hình gửi Thành phố (S-2)", "Models for the City (S-2)",
            CityChoiceHint =>
                "Chọn từ 3 đến 5 mô hình theo kết quả chấm điểm; sau khi ghi quyết định, điểm của năm được khóa.",
                "Choose 3 to 5 models from the scores; once the decision is recorded, the year's scores are locked.",
            ChooseForCity => "Chọn gửi Thành phố", "Choose for the City",
            ChosenOfMax => "đã chọn, tối đa", "chosen, at most",
            DecisionDateLabel => "Ngày quyết định", "Date of the decision",
            RecordDecision => "Ghi quyết định", "Record the decision",
            DecisionRecorded =>
                "Đã ghi quyết định gửi Thành phố.",
                "The decision for the City is recorded.",
            DecisionTitle => "Quyết định gửi Thành phố", "Decision for the City",
            DecisionOn => "Quyết định ngày", "Decided on",
            ChosenMark => "Gửi Thành phố", "For the City",
            BallotTitle => "Biểu quyết (bỏ phiếu kín)", "Ballot (secret)",
            BallotOpenNote => "Đang mở", "Open",
            BallotClosedNote => "Đã đóng, kết quả là chính thức", "Closed; the results are final",
            BallotThreshold =>
                "Thông qua khi có từ {pct}% tổng số thành viên Hội đồng đồng ý và đủ 2/3 thành viên biểu quyết.",
                "Passes with at least {pct}% of the whole council agreeing and two thirds voting.",
            OpenBallot => "Mở biểu quyết", "Open a ballot",
            CloseBallot => "Đóng biểu quyết", "Close the ballot",
            Agree => "Đồng ý", "Agree",
            Disagree => "Không đồng ý", "Disagree",
            Voted => "Đã biểu quyết", "Voted",
            VotesCast => "phiếu đã bỏ", "votes cast",
            Passed => "Thông qua", "Passed",
            NotPassed => "Không thông qua", "Not passed",
            BallotOpened => "Đã mở biểu quyết.", "The ballot is open.",
            BallotClosedDone => "Đã đóng biểu quyết.", "The ballot is closed.",
            VoteRecorded => "Đã ghi nhận phiếu biểu quyết.", "Your vote is recorded.",
            MinutesLink => "Biên bản", "Minutes",
            MinutesIssuer =>
                "SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN",
                "DEPARTMENT OF AGRICULTURE AND RURAL DEVELOPMENT",
            MinutesCouncil =>
                "HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG",
                "EMULATION AND COMMENDATION COUNCIL",
            MinutesMotto => "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM",
            MinutesMotto2 => "Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness",
            MinutesTitle => "BIÊN BẢN", "MINUTES",
            MinutesSubtitle =>
                "Họp Hội đồng Thi đua – Khen thưởng xét chọn điển hình tiên tiến năm",
                "Meeting of the council selecting advanced exemplars, year",
            MinutesDate => "Ngày", "Date",
            MinutesPresent => "Thành viên tham gia chấm điểm", "Members who took part in scoring",
            MinutesScores => "Kết quả chấm điểm", "Scores",
            MinutesBallot => "Kết quả biểu quyết", "Ballot results",
            MinutesDecision => "Quyết định", "Decision",
            MinutesNoDecision =>
                "Chưa có quyết định chọn mô hình gửi Thành phố.",
                "No decision on the models for the City yet.",
            MinutesNoBallot => "Không tổ chức biểu quyết.", "No ballot was held.",
            MinutesSecretary => "THƯ KÝ HỘI ĐỒNG", "SECRETARY",
            MinutesChair => "CHỦ TỊCH HỘI ĐỒNG", "CHAIR OF THE COUNCIL",
            MinutesSign => "(Ký, ghi rõ họ tên)", "(Signature and full name)",
            Print => "In biên bản", "Print",
        ] $($next)* }
    };
}

pub(super) use messages;
