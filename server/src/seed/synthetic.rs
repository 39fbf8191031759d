//! A large synthetic campaign for benchmarks: the demo organisation with `n` generated
//! nominations spread over kinds, units and stages.

use super::*;
use shared::domain::Profile;

const FAMILY: [&str; 8] = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi"];
const MIDDLE: [&str; 6] = ["Văn", "Thị", "Minh", "Thanh", "Hoàng", "Ngọc"];
const GIVEN: [&str; 10] = [
    "An", "Bình", "Cường", "Dung", "Hà", "Khoa", "Lan", "Phúc", "Quang", "Tâm",
];

pub fn dataset(n: usize) -> Dataset {
    let mut d = super::demo::dataset(chrono::Local::now().date_naive());
    let year = d.campaign.start_year;
    let units: Vec<&str> = d.units.iter().map(|u| u.code).collect();
    d.name = "synthetic";
    d.reports = Vec::new();
    d.campaign.name = format!("Chiến dịch tổng hợp ({n} hồ sơ)");
    d.nominations = (0..n)
        .map(|i| {
            let kind = NomineeKind::ALL[i % 4];
            let person = format!(
                "{} {} {} {i}",
                FAMILY[i % FAMILY.len()],
                MIDDLE[(i / 8) % MIDDLE.len()],
                GIVEN[(i / 48) % GIVEN.len()]
            );
            let nominee_name = match kind {
                NomineeKind::Individual => person,
                NomineeKind::Collective => format!("Tổ công tác số {i}"),
                NomineeKind::Cooperative => format!("Hợp tác xã số {i}"),
                NomineeKind::Household => format!("Hộ {person}"),
            };
            NominationSeed {
                unit: units[(i * 7) % units.len()].to_string(),
                kind,
                nominee_name,
                profile: match kind {
                    NomineeKind::Collective => Profile::Collective { size: 12 },
                    NomineeKind::Individual => Profile::Individual {
                        position: "Chuyên viên".into(),
                        heads_unit: false,
                        collective_nomination: None,
                    },
                    NomineeKind::Cooperative => Profile::Cooperative {
                        coop_type: shared::domain::CoopType::Cooperative,
                        members: 30,
                    },
                    NomineeKind::Household => Profile::Household {
                        cultural_family_years: vec![year - 3, year - 2, year - 1],
                        exemplary: false,
                    },
                },
                description: format!("Mô hình tổng hợp số {i}"),
                replication_potential: String::new(),
                stage: Stage::ALL[(i / 4) % Stage::ALL.len()],
                year,
                city_registered: false,
                evidence: Vec::new(),
                plan: None,
                plan_approved: false,
                evaluations: Vec::new(),
                exemplar_type: Some(shared::domain::ExemplarType::ALL[i % 5]),
                movement: Some(i % super::demo::MOVEMENTS.len()),
            }
        })
        .collect();
    d
}
