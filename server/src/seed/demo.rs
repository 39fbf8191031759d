//! A realistic provincial Department of Agriculture and Rural Development: 20 units in
//! 4 emulation blocs, a 7-member council, and 60 nominations of the four kinds.

use super::*;
use chrono::Datelike;
use shared::domain::{
    Activity, ActivityKind, ActivityStatus, CoopType, CriteriaSet, Evaluation, EvaluationPeriod,
    ExemplarType, Field, FosteringPlan, Leader, Rating, RequiredText,
};

pub const DEMO_PASSWORD: &str = "exemplar-demo";

pub fn blocs() -> Vec<BlocSeed> {
    vec![
        BlocSeed {
            code: "K1",
            name: "Khối các Chi cục",
            head_unit: "CCKL",
        },
        BlocSeed {
            code: "K2",
            name: "Khối các phòng chuyên môn và Văn phòng Sở",
            head_unit: "VP",
        },
        BlocSeed {
            code: "K3",
            name: "Khối các đơn vị sự nghiệp",
            head_unit: "TTKN",
        },
        BlocSeed {
            code: "K4",
            name: "Khối doanh nghiệp và ban quản lý dự án",
            head_unit: "CTTL",
        },
    ]
}

pub fn units() -> Vec<UnitSeed> {
    let u = |code, name, bloc| UnitSeed { code, name, bloc };
    vec![
        u("VP", "Văn phòng Sở", "K2"),
        u("TTRA", "Thanh tra Sở", "K2"),
        u("KHTC", "Phòng Kế hoạch - Tài chính", "K2"),
        u("TCCB", "Phòng Tổ chức cán bộ", "K2"),
        u("QLXD", "Phòng Quản lý xây dựng công trình", "K2"),
        u("CCTT", "Chi cục Trồng trọt và Bảo vệ thực vật", "K1"),
        u("CCCN", "Chi cục Chăn nuôi và Thú y", "K1"),
        u("CCTS", "Chi cục Thủy sản", "K1"),
        u("CCKL", "Chi cục Kiểm lâm", "K1"),
        u("CCTL", "Chi cục Thủy lợi", "K1"),
        u("CCPTNT", "Chi cục Phát triển nông thôn", "K1"),
        u(
            "CCQLCL",
            "Chi cục Quản lý chất lượng Nông lâm sản và Thủy sản",
            "K1",
        ),
        u("TTKN", "Trung tâm Khuyến nông", "K3"),
        u(
            "TTNS",
            "Trung tâm Nước sạch và Vệ sinh môi trường nông thôn",
            "K3",
        ),
        u(
            "TTGIONG",
            "Trung tâm Giống cây trồng, vật nuôi và thủy sản",
            "K3",
        ),
        u("TTTV", "Trung tâm Tư vấn và Hỗ trợ nông nghiệp", "K3"),
        u("TTCNSH", "Trung tâm Công nghệ sinh học", "K3"),
        u(
            "CTTL",
            "Công ty TNHH MTV Quản lý Khai thác dịch vụ thủy lợi",
            "K4",
        ),
        u(
            "BQLDA",
            "Ban Quản lý dự án chuyên ngành nông nghiệp và PTNT",
            "K4",
        ),
        u("BQLRPH", "Ban Quản lý rừng phòng hộ", "K4"),
    ]
}

const FAMILY: [&str; 12] = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
];
const MIDDLE: [&str; 6] = ["Văn", "Thị", "Minh", "Thanh", "Quốc", "Ngọc"];
const GIVEN: [&str; 16] = [
    "An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hải", "Hiếu", "Khánh", "Linh", "Long", "Mai",
    "Nam", "Phương", "Quân", "Thảo",
];

fn person(i: usize) -> String {
    format!(
        "{} {} {}",
        FAMILY[i % FAMILY.len()],
        MIDDLE[(i / 3) % MIDDLE.len()],
        GIVEN[(i * 7) % GIVEN.len()]
    )
}

/// The unit of `head1` and `staff1`: a unit of bloc 1 (Khối các Chi cục).
pub const UNIT_OF_HEAD1: &str = "CCPTNT";

/// The demo accounts: `admin`, `office`, `leader`, `council1`…`council7`, `bloc1`, `head1`
/// and `staff1`, and a `head.<unit>` and `staff.<unit>` for every other unit.
pub fn accounts() -> Vec<AccountSeed> {
    let a = |username: &str, display_name: String, position: &str, unit, roles: Vec<Role>| {
        AccountSeed {
            username: username.to_string(),
            display_name,
            position: position.to_string(),
            unit,
            council: roles.contains(&Role::CouncilMember),
            roles,
        }
    };
    let mut out = vec![
        a(
            "admin",
            "Quản trị hệ thống".into(),
            "Quản trị viên",
            None,
            vec![Role::Admin],
        ),
        a(
            "office",
            "Phạm Hoàng Nam".into(),
            "Chánh Văn phòng Sở, Thường trực Hội đồng TĐKT",
            Some("VP"),
            vec![Role::CouncilOffice],
        ),
        a(
            "leader",
            "Trần Minh Quang".into(),
            "Giám đốc Sở",
            None,
            vec![Role::Leadership],
        ),
    ];
    // Council members come from several units, so that recusal shows.
    let council_units = [
        Some("VP"),
        Some("TCCB"),
        Some("KHTC"),
        Some("CCKL"),
        Some("CTTL"),
        Some("TTKN"),
        None,
    ];
    for (i, unit) in council_units.into_iter().enumerate() {
        out.push(a(
            &format!("council{}", i + 1),
            person(100 + i),
            "Thành viên Hội đồng Thi đua – Khen thưởng",
            unit,
            vec![Role::CouncilMember],
        ));
    }
    out.push(a(
        "bloc1",
        "Huỳnh Tấn Phát".into(),
        "Chi cục trưởng Chi cục Kiểm lâm, Trưởng Khối các Chi cục",
        Some("CCKL"),
        vec![Role::BlocHead],
    ));
    out.push(a(
        "head1",
        "Lâm Văn Sang".into(),
        "Chi cục trưởng Chi cục Phát triển nông thôn",
        Some(UNIT_OF_HEAD1),
        vec![Role::UnitHead],
    ));
    out.push(a(
        "staff1",
        "Trịnh Thị Hoa".into(),
        "Cán bộ thi đua Chi cục Phát triển nông thôn",
        Some(UNIT_OF_HEAD1),
        vec![Role::UnitStaff],
    ));
    for (i, unit) in units()
        .into_iter()
        .enumerate()
        .filter(|(_, u)| u.code != UNIT_OF_HEAD1)
    {
        let code = unit.code.to_lowercase();
        out.push(a(
            &format!("head.{code}"),
            person(2 * i),
            &format!("Thủ trưởng {}", unit.name),
            Some(unit.code),
            vec![Role::UnitHead],
        ));
        out.push(a(
            &format!("staff.{code}"),
            person(2 * i + 1),
            &format!("Cán bộ thi đua {}", unit.name),
            Some(unit.code),
            vec![Role::UnitStaff],
        ));
    }
    out
}

struct N {
    unit: &'static str,
    kind: NomineeKind,
    name: &'static str,
    what: &'static str,
}

const fn n(unit: &'static str, kind: NomineeKind, name: &'static str, what: &'static str) -> N {
    N {
        unit,
        kind,
        name,
        what,
    }
}

use NomineeKind::{Collective as C, Cooperative as Q, Household as H, Individual as I};

#[rustfmt::skip]
const NOMINATIONS: &[N] = &[
    n("CCTT", C, "Trạm Trồng trọt và Bảo vệ thực vật huyện Củ Chi", "Mô hình quản lý dịch hại tổng hợp (IPM) trên rau, giảm 30% thuốc bảo vệ thực vật"),
    n("CCTT", I, "Nguyễn Văn An", "Sáng kiến bẫy đèn dự báo sâu hại lúa, cảnh báo sớm cho 1.200 hộ"),
    n("CCCN", C, "Trạm Chăn nuôi và Thú y huyện Hóc Môn", "Khống chế dịch tả heo châu Phi nhờ tổ giám sát dịch bệnh cộng đồng"),
    n("CCCN", I, "Trần Thị Bích Ngọc", "Ứng dụng phần mềm quản lý tiêm phòng, tiết kiệm 200 triệu đồng mỗi năm"),
    n("CCTS", Q, "Hợp tác xã Thủy sản Cần Thạnh", "Nuôi hàu theo chuỗi liên kết, thu nhập thành viên tăng 25%"),
    n("CCTS", H, "Hộ ông Lê Văn Tám (xã Lý Nhơn)", "Nuôi tôm thẻ chân trắng ứng dụng công nghệ biofloc"),
    n("CCKL", C, "Hạt Kiểm lâm huyện Cần Giờ", "Không để xảy ra cháy rừng năm năm liền nhờ tổ tuần tra cộng đồng"),
    n("CCKL", I, "Phan Thanh Tùng", "Xây dựng bản đồ số rừng phòng hộ phục vụ tuần tra"),
    n("CCTL", C, "Phòng Quản lý công trình - Chi cục Thủy lợi", "Số hóa hồ sơ đê bao, rút ngắn thời gian xử lý sự cố"),
    n("CCTL", I, "Đỗ Minh Khôi", "Giải pháp cống ngăn triều tự động, giảm chi phí vận hành"),
    n("CCPTNT", Q, "Hợp tác xã Nông nghiệp Phước An", "Sản xuất rau hữu cơ đạt chứng nhận VietGAP cho 45 thành viên"),
    n("CCPTNT", Q, "Tổ hợp tác rau an toàn Tân Phú Trung", "Liên kết tiêu thụ rau an toàn với bếp ăn trường học"),
    n("CCPTNT", H, "Hộ bà Nguyễn Thị Sáu (xã Thái Mỹ)", "Trồng nấm bào ngư xám, giúp 10 hộ nghèo thoát nghèo"),
    n("CCPTNT", H, "Hộ ông Võ Văn Bảy (xã Tân Thạnh Đông)", "Chăn nuôi bò sữa khép kín, xử lý chất thải bằng biogas"),
    n("CCPTNT", I, "Huỳnh Thị Kim Loan", "Hướng dẫn xây dựng nông thôn mới nâng cao tại 5 xã"),
    n("CCQLCL", C, "Phòng Kiểm tra chất lượng - Chi cục Quản lý chất lượng", "Truy xuất nguồn gốc nông sản bằng mã QR cho 120 cơ sở"),
    n("CCQLCL", I, "Mai Văn Thành", "Quy trình lấy mẫu nhanh giảm một nửa thời gian kiểm nghiệm"),
    n("TTKN", C, "Trạm Khuyến nông huyện Bình Chánh", "Chuyển giao mô hình trồng lan công nghệ cao cho 60 hộ"),
    n("TTKN", I, "Nguyễn Thị Lan", "Tổ chức 40 lớp tập huấn nông dân trực tuyến trong năm"),
    n("TTKN", Q, "Hợp tác xã Dịch vụ Nông nghiệp Nhuận Đức", "Cơ giới hóa khâu làm đất và thu hoạch, giảm 20% chi phí"),
    n("TTKN", H, "Hộ ông Trương Văn Mười (xã Trung An)", "Trồng bưởi da xanh theo tiêu chuẩn VietGAP"),
    n("TTKN", H, "Hộ bà Lý Thị Hồng (xã Bình Lợi)", "Nuôi cá cảnh xuất khẩu, tạo việc làm cho 8 lao động"),
    n("TTNS", C, "Đội vận hành trạm cấp nước Tân Thông Hội", "Bảo đảm nước sạch liên tục cho 12.000 hộ dân nông thôn"),
    n("TTNS", I, "Lê Hoàng Phúc", "Cải tiến bể lọc, giảm 15% điện năng tiêu thụ"),
    n("TTGIONG", C, "Trại Giống cây trồng Phạm Văn Cội", "Chọn tạo giống lúa chịu mặn cho vùng ven biển"),
    n("TTGIONG", I, "Phạm Thị Thanh Thủy", "Nhân giống lan cấy mô đạt tỷ lệ sống 95%"),
    n("TTGIONG", Q, "Tổ hợp tác giống bò sữa An Nhơn Tây", "Cung ứng bò giống chất lượng cao cho nông hộ"),
    n("TTTV", C, "Phòng Tư vấn thị trường - Trung tâm Tư vấn", "Kết nối 300 hộ nông dân với sàn thương mại điện tử"),
    n("TTTV", I, "Vũ Đức Thắng", "Xây dựng cẩm nang khởi nghiệp nông nghiệp"),
    n("TTCNSH", C, "Phòng Công nghệ vi sinh - Trung tâm Công nghệ sinh học", "Chế phẩm vi sinh xử lý rơm rạ, giảm đốt đồng"),
    n("TTCNSH", I, "Đinh Thị Ngọc Hân", "Quy trình nhân nuôi ong ký sinh phòng trừ sâu hại"),
    n("CTTL", C, "Xí nghiệp Thủy lợi Củ Chi", "Vận hành hệ thống kênh Đông bảo đảm tưới cho 9.000 ha"),
    n("CTTL", I, "Ngô Quốc Bảo", "Chỉ đạo tự động hóa trạm bơm, tiết kiệm 1,2 tỷ đồng"),
    n("CTTL", I, "Trần Văn Lực", "Sáng kiến sửa chữa cửa van không cần tháo dỡ"),
    n("BQLDA", C, "Phòng Quản lý dự án 2 - Ban Quản lý dự án chuyên ngành", "Hoàn thành dự án kè chống sạt lở trước thời hạn 3 tháng"),
    n("BQLDA", I, "Hồ Thị Thu Trang", "Áp dụng mô hình thông tin công trình (BIM) trong giám sát"),
    n("BQLRPH", C, "Trạm Bảo vệ rừng Tam Thôn Hiệp", "Phục hồi 50 ha rừng ngập mặn cùng cộng đồng"),
    n("BQLRPH", H, "Hộ ông Nguyễn Văn Hai (xã An Thới Đông)", "Nhận khoán bảo vệ rừng gắn với nuôi thủy sản dưới tán rừng"),
    n("VP", C, "Tổ Một cửa - Văn phòng Sở", "Giải quyết 100% hồ sơ trực tuyến đúng hạn"),
    n("VP", I, "Phạm Hoàng Nam", "Chỉ đạo số hóa văn bản đi đến, bỏ hoàn toàn giấy tờ nội bộ"),
    n("TTRA", I, "Cao Thị Hạnh", "Thanh tra chuyên ngành phát hiện và xử lý 45 vụ vi phạm vật tư nông nghiệp"),
    n("KHTC", C, "Phòng Kế hoạch - Tài chính", "Tiết kiệm 8% chi thường xuyên, giải ngân đầu tư công đạt 98%"),
    n("TCCB", I, "Võ Thị Mai", "Xây dựng khung năng lực vị trí việc làm cho toàn ngành"),
    n("QLXD", I, "Tô Văn Đức", "Rút ngắn thời gian thẩm định hồ sơ xây dựng còn 10 ngày"),
    n("CCTT", Q, "Hợp tác xã Nông nghiệp Tân Nhựt", "Sản xuất lúa giống xác nhận cung ứng cho 3 huyện"),
    n("CCTT", H, "Hộ bà Đoàn Thị Ánh (xã Tân Quý Tây)", "Trồng dưa lưới trong nhà màng, tưới nhỏ giọt tự động"),
    n("CCCN", Q, "Hợp tác xã Bò sữa Tiến Thành", "Chuỗi sữa tươi khép kín từ trang trại đến cửa hàng"),
    n("CCCN", H, "Hộ ông Châu Văn Lợi (xã Phạm Văn Cội)", "Nuôi dê sinh sản an toàn sinh học"),
    n("CCTS", C, "Trạm Thủy sản huyện Cần Giờ", "Quan trắc môi trường vùng nuôi bằng cảm biến"),
    n("CCTS", I, "Lưu Thị Mỹ Dung", "Hướng dẫn nuôi cua gạch trong ao đất cho 80 hộ"),
    n("CCKL", Q, "Tổ hợp tác bảo vệ rừng Long Hòa", "Tuần tra chung giữa kiểm lâm và người dân"),
    n("CCTL", H, "Hộ ông Trịnh Văn Nên (xã Bình Khánh)", "Trồng rừng kết hợp nuôi ong, chống xâm nhập mặn"),
    n("TTKN", I, "Quách Minh Trí", "Phát triển ứng dụng tư vấn phân bón trên điện thoại"),
    n("TTNS", Q, "Tổ hợp tác dùng nước Phú Hòa Đông", "Tự quản công trình nước sạch quy mô xã"),
    n("TTGIONG", H, "Hộ bà Dương Thị Tuyết (xã Xuân Thới Sơn)", "Ươm giống cá kiểng chất lượng cao"),
    n("CTTL", C, "Đội Quản lý kênh Tây - Công ty thủy lợi", "Nạo vét kênh bằng cơ giới, rút ngắn 40% thời gian"),
    n("BQLDA", Q, "Hợp tác xã Nông nghiệp Bình Mỹ", "Tham gia dự án hạ tầng nội đồng theo cơ chế đặc thù"),
    n("CCPTNT", C, "Phòng Kinh tế hợp tác - Chi cục Phát triển nông thôn", "Hỗ trợ thành lập 12 hợp tác xã kiểu mới"),
    n("TTTV", H, "Hộ ông Lương Văn Khánh (xã Tân An Hội)", "Sản xuất rau mầm sạch bán qua sàn điện tử"),
    n("CCQLCL", Q, "Hợp tác xã Rau sạch Ngã Ba Giồng", "Hệ thống đảm bảo cùng tham gia (PGS) cho rau hữu cơ"),
];

/// Which stage the i-th demo nomination sits in: most are early in the year's process.
fn stage_of(i: usize) -> Stage {
    const PATTERN: [Stage; 10] = [
        Stage::Discovered,
        Stage::Registered,
        Stage::Fostering,
        Stage::Discovered,
        Stage::Evaluating,
        Stage::Registered,
        Stage::Fostering,
        Stage::Replicated,
        Stage::Discovered,
        Stage::Dropped,
    ];
    PATTERN[i % PATTERN.len()]
}

fn profile(kind: NomineeKind, i: usize, year: i32) -> Profile {
    match kind {
        NomineeKind::Collective => Profile::Collective {
            size: 8 + (i as u32 * 7) % 40,
        },
        NomineeKind::Individual => Profile::Individual {
            position: "Chuyên viên".into(),
            heads_unit: false,
            collective_nomination: None,
        },
        NomineeKind::Cooperative => Profile::Cooperative {
            coop_type: if i.is_multiple_of(2) {
                CoopType::Cooperative
            } else {
                CoopType::CoopGroup
            },
            members: 12 + (i as u32 * 5) % 80,
        },
        // Most households have three certified years; a few (still at "discovered") have
        // only two, so the board shows C-B5 refusing them.
        NomineeKind::Household if i % 4 == 1 => Profile::Household {
            cultural_family_years: vec![year - 2, year - 1],
            exemplary: false,
        },
        NomineeKind::Household => Profile::Household {
            cultural_family_years: vec![year - 3, year - 2, year - 1],
            exemplary: i.is_multiple_of(3),
        },
    }
}

/// Evidence for every scored criterion, except for some nominations still at
/// "discovered", whose files are not complete yet.
/// The demo campaign is judged on the plan's criteria (its first version).
fn evidence(kind: NomineeKind, stage: Stage, i: usize, what: &str) -> Vec<(String, String)> {
    CriteriaSet::plan()
        .scored(kind)
        .enumerate()
        .filter(|(k, _)| stage != Stage::Discovered || !i.is_multiple_of(3) || *k == 0)
        .map(|(_, c)| (c.code.clone(), format!("{what} ({})", c.code)))
        .collect()
}

const LEADERS: [(&str, &str); 6] = [
    ("Nguyễn Văn Hùng", "Phó Giám đốc Sở"),
    ("Trần Thị Mai", "Chánh Văn phòng Sở"),
    ("Lê Quốc Dũng", "Trưởng phòng Tổ chức cán bộ"),
    ("Phạm Thị Thu", "Phó Chánh Văn phòng"),
    ("Võ Minh Trí", "Thủ trưởng đơn vị"),
    ("Đặng Thị Hạnh", "Chủ tịch Công đoàn"),
];

fn leader(k: usize) -> Leader {
    let (name, position) = LEADERS[k % LEADERS.len()];
    Leader::parse(name, position).unwrap_or_else(|_| unreachable!("demo leaders are valid"))
}

fn text(field: Field, s: &str) -> RequiredText {
    RequiredText::parse(field, s, 300).unwrap_or_else(|_| unreachable!("demo text is valid"))
}

fn ymd(year: i32, month: u32, day: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default()
}

/// A fostering plan naming its three leaders, with a training, a news item and a
/// sharing session across the year.
fn plan(i: usize, year: i32, what: &str) -> FosteringPlan {
    FosteringPlan {
        fostering_leader: Some(leader(i)),
        publicity_leader: Some(leader(i + 1)),
        replication_leader: Some(leader(i + 2)),
        activities: vec![
            Activity {
                kind: ActivityKind::Fostering,
                title: text(
                    Field::ActivityTitle,
                    "Tập huấn kỹ năng quản lý và ứng dụng kỹ thuật mới",
                ),
                date: Some(ymd(year, 3, 15 + (i % 10) as u32)),
                status: ActivityStatus::Done,
                outcome: "Hoàn thành, 25 người tham dự".into(),
            },
            Activity {
                kind: ActivityKind::Publicity,
                title: text(
                    Field::ActivityTitle,
                    &format!("Bài viết giới thiệu mô hình trên Bản tin ngành: {what}"),
                ),
                date: Some(ymd(year, 5, 10 + (i % 15) as u32)),
                status: ActivityStatus::Done,
                outcome: String::new(),
            },
            Activity {
                kind: ActivityKind::Replication,
                title: text(
                    Field::ActivityTitle,
                    "Hội nghị chia sẻ kinh nghiệm tại các đơn vị trong khối",
                ),
                date: Some(ymd(year, 10, 20 + (i % 8) as u32)),
                status: ActivityStatus::Planned,
                outcome: String::new(),
            },
        ],
    }
}

/// The evaluations a nomination at `stage` has had: the 6-month one from "evaluating" on,
/// the 9-month and annual ones once replicated.
fn evaluations(stage: Stage, year: i32, what: &str) -> Vec<Evaluation> {
    let eval = |period, rating, date, commendation: Option<&str>| Evaluation {
        period,
        rating,
        achievements: format!("{what}: duy trì hiệu quả, vượt chỉ tiêu kế hoạch"),
        evaluator: "Hội đồng Thi đua - Khen thưởng đơn vị".into(),
        date,
        commendation: commendation.map(str::to_string),
    };
    match stage {
        Stage::Evaluating => vec![eval(
            EvaluationPeriod::SixMonth,
            Rating::Good,
            ymd(year, 6, 30),
            None,
        )],
        Stage::Replicated => vec![
            eval(
                EvaluationPeriod::SixMonth,
                Rating::Good,
                ymd(year, 6, 30),
                None,
            ),
            eval(
                EvaluationPeriod::NineMonth,
                Rating::Excellent,
                ymd(year, 9, 30),
                None,
            ),
            eval(
                EvaluationPeriod::Annual,
                Rating::Excellent,
                ymd(year, 10, 10),
                Some("Giấy khen của Giám đốc Sở"),
            ),
        ],
        _ => Vec::new(),
    }
}

pub fn nominations(year: i32) -> Vec<NominationSeed> {
    NOMINATIONS
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let stage = stage_of(i);
            NominationSeed {
                unit: n.unit.to_string(),
                kind: n.kind,
                nominee_name: n.name.to_string(),
                profile: if stage == Stage::Discovered || n.kind != NomineeKind::Household {
                    profile(n.kind, i, year)
                } else {
                    profile(n.kind, i * 4 + 2, year)
                },
                description: n.what.to_string(),
                replication_potential: "Có thể nhân rộng tại các đơn vị cùng lĩnh vực".to_string(),
                stage,
                year,
                city_registered: matches!(stage, Stage::Replicated) && i % 20 == 7,
                evidence: evidence(n.kind, stage, i, n.what),
                // Half the registered nominations have their plan already; everything
                // further along has one, approved.
                plan: (stage != Stage::Registered || i % 10 == 5)
                    .then(|| plan(i, year, n.what))
                    .filter(|_| !matches!(stage, Stage::Discovered | Stage::Dropped)),
                plan_approved: stage != Stage::Registered,
                evaluations: evaluations(stage, year, n.what),
                exemplar_type: exemplar_type(n.kind, i, n.what),
                movement: movement(n.kind, i),
            }
        })
        .collect()
}

/// The campaign's emulation movements.
pub const MOVEMENTS: [&str; 4] = [
    "Phong trào thi đua “Cả nước chung sức xây dựng nông thôn mới”",
    "Phong trào “Nông dân thi đua sản xuất, kinh doanh giỏi”",
    "Phong trào thi đua “Đổi mới, sáng tạo trong công tác”",
    "Phong trào thi đua thực hiện văn hóa công vụ",
];

/// N-2, read off what the nominee did; every ninth left unclassified (as a unit that has
/// not said yet would).
fn exemplar_type(kind: NomineeKind, i: usize, what: &str) -> Option<ExemplarType> {
    if i % 9 == 8 {
        return None;
    }
    let what = what.to_lowercase();
    Some(if what.contains("mô hình") || what.contains("chuỗi") {
        ExemplarType::Model
    } else if ["sáng kiến", "ứng dụng", "phần mềm", "bản đồ số", "cải tiến"]
        .iter()
        .any(|w| what.contains(w))
    {
        ExemplarType::Initiative
    } else if kind == NomineeKind::Individual {
        ExemplarType::OutstandingExample
    } else if i.is_multiple_of(2) {
        ExemplarType::Experience
    } else {
        ExemplarType::NewFactor
    })
}

/// The movement a nominee came from (an index into [`MOVEMENTS`]); every seventh names
/// none.
fn movement(kind: NomineeKind, i: usize) -> Option<usize> {
    if i % 7 == 6 {
        return None;
    }
    Some(match kind {
        NomineeKind::Household | NomineeKind::Cooperative => 1,
        NomineeKind::Individual => 2,
        NomineeKind::Collective if i.is_multiple_of(2) => 0,
        NomineeKind::Collective => 3,
    })
}

/// The demo Department, with a campaign covering the year of `today` (the server's
/// clock, so that a fixed `EXEMPLAR_TODAY` gives the same demo every year).
pub fn dataset(today: chrono::NaiveDate) -> Dataset {
    let year = today.year();
    let start = year - (year - 2026).rem_euclid(5);
    Dataset {
        name: "demo",
        blocs: blocs(),
        units: units(),
        campaign: CampaignSeed {
            name: format!(
                "Xây dựng, bồi dưỡng và nhân rộng điển hình tiên tiến giai đoạn {start}-{}",
                start + 4
            ),
            start_year: start,
            end_year: start + 4,
            // The demo year's registration stays open until the year's end, so that the
            // demo's heads can still register their discovered nominees (D-1 lets a
            // campaign set its own deadline).
            registration_deadline: chrono::NaiveDate::from_ymd_opt(year, 12, 31).map(|d| (year, d)),
        },
        movements: MOVEMENTS.to_vec(),
        accounts: accounts(),
        password: DEMO_PASSWORD,
        nominations: nominations(year),
        reports: reports(year, today),
    }
}

/// E-1: the units' periodic reports so far: most units sent their 6-month report on time,
/// two late, one still drafting; a few the 9-month one. Only what `today` has reached. The
/// units the demo's own accounts walk through (CCPTNT's staff1, CCTT) have sent nothing.
fn reports(year: i32, today: chrono::NaiveDate) -> Vec<ReportSeed> {
    use shared::domain::EvaluationPeriod::{NineMonth, SixMonth};
    let r = |unit, period, sent: Option<(u32, u32)>, assessment| ReportSeed {
        unit,
        year,
        period,
        sent_on: sent.map(|(m, d)| ymd(year, m, d)),
        by: format!("Cán bộ thi đua {unit}"),
        assessment,
    };
    let on_time =
        "Đơn vị đã chủ động phát hiện, bồi dưỡng và theo dõi các điển hình theo kế hoạch.";
    let late =
        "Đơn vị gửi chậm do tổ chức hội nghị sơ kết muộn; các điển hình vẫn được theo dõi đầy đủ.";
    vec![
        r("VP", SixMonth, Some((6, 25)), on_time),
        r("KHTC", SixMonth, Some((6, 29)), on_time),
        r("CCCN", SixMonth, Some((6, 30)), on_time),
        r("CCTS", SixMonth, Some((6, 26)), on_time),
        r("TTKN", SixMonth, Some((6, 24)), on_time),
        r("TTCNSH", SixMonth, Some((6, 30)), on_time),
        r("CCKL", SixMonth, Some((7, 8)), late),
        r("TTTV", SixMonth, Some((7, 15)), late),
        r("TCCB", SixMonth, None, on_time),
        r("VP", NineMonth, Some((9, 28)), on_time),
        r("CCTS", NineMonth, Some((9, 29)), on_time),
        r("TTKN", NineMonth, Some((10, 5)), late),
        r("CCCN", NineMonth, None, on_time),
    ]
    .into_iter()
    .filter(|r| r.sent_on.is_none_or(|d| d <= today))
    .filter(|r| {
        let cal = shared::domain::CampaignYear::with_plan_defaults(year);
        // A draft is begun once the period's checkpoint is near.
        shared::rules::deadline::checkpoint(&cal, r.period) - chrono::Duration::days(30) <= today
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn demo_department_is_realistic() {
        let d = dataset(ymd(2026, 10, 15));
        assert_eq!(d.blocs.len(), 4);
        assert_eq!(d.units.len(), 20);
        assert_eq!(d.nominations.len(), 60);
        assert_eq!(d.accounts.iter().filter(|a| a.council).count(), 7);
        let names: HashSet<_> = d.accounts.iter().map(|a| a.username.as_str()).collect();
        assert_eq!(names.len(), d.accounts.len(), "usernames are unique");
        for name in [
            "admin",
            "office",
            "leader",
            "council1",
            "council7",
            "bloc1",
            "head1",
            "staff1",
            "head.cctt",
            "staff.bqlrph",
        ] {
            assert!(names.contains(name), "{name}");
        }
        assert_eq!(d.accounts.len(), 3 + 7 + 3 + 19 * 2);
        let kinds: HashSet<_> = d.nominations.iter().map(|n| n.kind).collect();
        assert_eq!(kinds.len(), 4, "all four nominee kinds");
        let stages: HashSet<_> = d.nominations.iter().map(|n| n.stage).collect();
        assert_eq!(stages.len(), Stage::ALL.len(), "every stage has cards");
    }

    #[test]
    fn demo_plans_and_evaluations_meet_the_guards_of_the_stages_they_passed() {
        use shared::rules::fostering::check_plan;
        use shared::rules::transition::{fostering_violations, replication_violations};
        let d = dataset(ymd(2026, 10, 15));
        let mut without_plan = 0;
        for n in &d.nominations {
            match n.stage {
                Stage::Fostering | Stage::Evaluating | Stage::Replicated => {
                    assert!(
                        fostering_violations(n.plan.as_ref(), n.plan_approved).is_empty(),
                        "{}",
                        n.nominee_name
                    );
                    // The plan is what the form would have accepted.
                    let draft = shared::domain::PlanDraft::from(n.plan.as_ref().unwrap());
                    assert!(check_plan(&draft, n.year).is_ok());
                }
                Stage::Registered => without_plan += usize::from(n.plan.is_none()),
                Stage::Discovered | Stage::Dropped => assert!(n.plan.is_none()),
            }
            let periods: Vec<_> = n.evaluations.iter().map(|e| e.period).collect();
            match n.stage {
                Stage::Evaluating => assert_eq!(periods, [EvaluationPeriod::SixMonth]),
                Stage::Replicated => assert!(replication_violations(&n.evaluations).is_empty()),
                _ => assert!(periods.is_empty()),
            }
        }
        assert!(
            without_plan > 0,
            "some registered nominations still need a plan"
        );
    }

    #[test]
    fn demo_nominations_past_discovered_meet_the_registration_rules() {
        use shared::rules::transition::{registration_violations, MoveFacts};
        let d = dataset(ymd(2026, 10, 15));
        let year = d.nominations[0].year;
        let calendar = shared::domain::CampaignYear::with_plan_defaults(year);
        let plan = CriteriaSet::plan();
        let mut refused_at_discovery = 0;
        for n in &d.nominations {
            let evidence = n
                .evidence
                .iter()
                .map(|(c, t)| (c.to_string(), t.clone()))
                .collect();
            let facts = MoveFacts {
                profile: &n.profile,
                evidence: &evidence,
                criteria: plan.of(n.kind),
                nomination_year: n.year,
                today: calendar.registration_deadline,
                calendar: &calendar,
                fostering_plan: None,
                plan_approved: false,
                evaluations: &[],
                linked_collective_stage: None,
                dropped_from: None,
            };
            let violations = registration_violations(&facts);
            if n.stage == Stage::Discovered {
                refused_at_discovery += usize::from(!violations.is_empty());
            } else {
                assert!(violations.is_empty(), "{}: {violations:?}", n.nominee_name);
            }
        }
        assert!(
            refused_at_discovery > 0,
            "some discovered files are still incomplete"
        );
    }

    #[test]
    fn every_reference_resolves() {
        let d = dataset(ymd(2026, 10, 15));
        let units: HashSet<_> = d.units.iter().map(|u| u.code).collect();
        let blocs: HashSet<_> = d.blocs.iter().map(|b| b.code).collect();
        assert!(d.units.iter().all(|u| blocs.contains(u.bloc)));
        assert!(d.blocs.iter().all(|b| units.contains(b.head_unit)));
        for b in &d.blocs {
            let head = d.units.iter().find(|u| u.code == b.head_unit).unwrap();
            assert_eq!(
                head.bloc, b.code,
                "the head unit of {} belongs to it",
                b.name
            );
        }
        let bloc1 = d.accounts.iter().find(|a| a.username == "bloc1").unwrap();
        assert_eq!(bloc1.unit, Some(d.blocs[0].head_unit), "bloc1 heads bloc 1");
        let head1 = d.accounts.iter().find(|a| a.username == "head1").unwrap();
        let unit = d.units.iter().find(|u| Some(u.code) == head1.unit).unwrap();
        assert_eq!(unit.bloc, d.blocs[0].code, "head1's unit is in bloc 1");
        assert!(d
            .nominations
            .iter()
            .all(|n| units.contains(n.unit.as_str())));
        assert!(d
            .accounts
            .iter()
            .filter_map(|a| a.unit)
            .all(|u| units.contains(u)));
    }
}
