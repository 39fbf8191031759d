//! A campaign (plan period) and the calendar of each of its years (D-1..D-3, E-1, E-2, S-2).

use super::error::{Field, InputError, RequiredText};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How many models the Department registers with the City in a year (S-2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quota {
    min: u8,
    max: u8,
}

impl Quota {
    /// The plan's 3 to 5 models a year.
    pub const PLAN: Quota = Quota { min: 3, max: 5 };

    pub fn new(min: u8, max: u8) -> Result<Quota, InputError> {
        if min > max && min <= 50 && max > 0 {
            return Err(InputError::MinAboveMax {
                field: Field::Quota,
                min: min.into(),
                max: max.into(),
            });
        }
        if min == 0 || min > max || max > 50 {
            return Err(InputError::OutOfRange {
                field: Field::Quota,
                min: 1,
                max: 50,
            });
        }
        Ok(Quota { min, max })
    }

    pub fn min(self) -> u8 {
        self.min
    }

    pub fn max(self) -> u8 {
        self.max
    }
}

impl Default for Quota {
    fn default() -> Self {
        Quota::PLAN
    }
}

/// The dates of the periodic evaluations (E-1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checkpoints {
    pub six_month: NaiveDate,
    pub nine_month: NaiveDate,
    pub annual: NaiveDate,
}

/// One year of a campaign: its deadlines and numbers. Defaults follow the plan; an
/// administrator may change any of them, and every value is stored per year.
///
/// Every date is the **last day on which the thing is on time** (the day itself counts).
/// Where the plan says "before" a day, the default is the day before it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignYear {
    pub year: i32,
    /// D-1: units register their exemplars with the Department (31 December of the year
    /// before).
    pub registration_deadline: NaiveDate,
    /// D-2: bloc heads send their bloc's review (end of the third quarter).
    pub bloc_review_deadline: NaiveDate,
    /// D-3: the Department office sends the City its list ("before 30 November": by 29
    /// November).
    pub city_submission_deadline: NaiveDate,
    /// E-2: the Department's quarterly selections for the City (end of each quarter).
    pub quarterly_selections: [NaiveDate; 4],
    /// E-1: 6-month, 9-month and annual evaluations.
    pub checkpoints: Checkpoints,
    /// S-2: 3 to 5 models registered with the City.
    pub city_quota: Quota,
    /// S-2: the share of the whole council (in %) that a ballot item needs to pass, unless
    /// the office sets another when opening the ballot.
    pub pass_share_pct: u8,
    /// S-2: the council's quorum (in % of the members who may take part) for its totals
    /// to count and for a ballot: present × 100 ≥ members × quorum.
    pub quorum_pct: u8,
    /// C-B5: the consecutive cultural-family years a household needs (unless exemplary).
    pub cultural_family_years: u8,
}

fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    // Every call below names a real calendar date; the fallback is never reached.
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default()
}

impl CampaignYear {
    /// The plan's calendar for `year` when it is not the campaign's first: its registration
    /// (D-1) closed before the year began (the plan registers once, in the campaign's first
    /// December; the Department reopens a later year by moving the date).
    pub fn with_plan_defaults(year: i32) -> CampaignYear {
        CampaignYear {
            year,
            registration_deadline: ymd(year - 1, 12, 31),
            bloc_review_deadline: ymd(year, 9, 30),
            city_submission_deadline: ymd(year, 11, 29),
            quarterly_selections: [
                ymd(year, 3, 31),
                ymd(year, 6, 30),
                ymd(year, 9, 30),
                ymd(year, 12, 31),
            ],
            // The annual evaluation comes before the City list is due (D-3).
            checkpoints: Checkpoints {
                six_month: ymd(year, 6, 30),
                nine_month: ymd(year, 9, 30),
                annual: ymd(year, 11, 15),
            },
            city_quota: Quota::PLAN,
            pass_share_pct: Self::PLAN_PASS_SHARE_PCT,
            quorum_pct: Self::PLAN_QUORUM_PCT,
            cultural_family_years: Self::PLAN_CULTURAL_FAMILY_YEARS,
        }
    }

    /// The plan's default share for a ballot item to pass (S-2): 70 % of the council.
    pub const PLAN_PASS_SHARE_PCT: u8 = 70;
    /// The default quorum: 66 %, which is two thirds for every council under 50 members.
    pub const PLAN_QUORUM_PCT: u8 = 66;
    /// The plan's "several consecutive years" of C-B5, taken as three.
    pub const PLAN_CULTURAL_FAMILY_YEARS: u8 = 3;

    /// Every problem with the year's calendar as an administrator set it; the same in the
    /// form and on the server. The registration deadline may fall in the year before (D-1);
    /// every other date falls within the year; the checkpoints and the quarters are in order.
    pub fn problems(&self) -> Vec<InputError> {
        let year = self.year;
        let mut problems = Vec::new();
        let within = |problems: &mut Vec<InputError>, field, date, from| {
            let to = ymd(year, 12, 31);
            if date < from || date > to {
                problems.push(InputError::DateOutside { field, from, to });
            }
        };
        let jan_1 = ymd(year, 1, 1);
        within(
            &mut problems,
            Field::RegistrationDeadline,
            self.registration_deadline,
            ymd(year - 1, 1, 1),
        );
        within(
            &mut problems,
            Field::BlocReviewDeadline,
            self.bloc_review_deadline,
            jan_1,
        );
        within(
            &mut problems,
            Field::CitySubmissionDeadline,
            self.city_submission_deadline,
            jan_1,
        );
        let c = &self.checkpoints;
        let checkpoints = [
            (Field::SixMonthCheckpoint, c.six_month),
            (Field::NineMonthCheckpoint, c.nine_month),
            (Field::AnnualCheckpoint, c.annual),
        ];
        let quarters = [
            Field::FirstQuarterSelection,
            Field::SecondQuarterSelection,
            Field::ThirdQuarterSelection,
            Field::FourthQuarterSelection,
        ]
        .into_iter()
        .zip(self.quarterly_selections);
        for series in [checkpoints.to_vec(), quarters.collect()] {
            for &(field, date) in &series {
                within(&mut problems, field, date, jan_1);
            }
            for pair in series.windows(2) {
                if pair[1].1 <= pair[0].1 {
                    problems.push(InputError::NotAfter {
                        field: pair[1].0,
                        earlier: pair[0].0,
                    });
                }
            }
        }
        let (min, max) = (self.city_quota.min(), self.city_quota.max());
        if let Err(e) = Quota::new(min, max) {
            problems.push(e);
        }
        if !(50..=100).contains(&self.pass_share_pct) {
            problems.push(InputError::OutOfRange {
                field: Field::PassShare,
                min: 50,
                max: 100,
            });
        }
        if !(50..=100).contains(&self.quorum_pct) {
            problems.push(InputError::OutOfRange {
                field: Field::Quorum,
                min: 50,
                max: 100,
            });
        }
        if !(1..=10).contains(&self.cultural_family_years) {
            problems.push(InputError::OutOfRange {
                field: Field::CulturalFamilyYears,
                min: 1,
                max: 10,
            });
        }
        problems
    }

    pub fn contains(&self, date: NaiveDate) -> bool {
        use chrono::Datelike;
        date.year() == self.year
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Campaign {
    pub name: RequiredText,
    pub start_year: i32,
    pub end_year: i32,
    pub years: Vec<CampaignYear>,
}

impl Campaign {
    pub const MAX_YEARS: i32 = 10;

    /// A campaign with the plan's default calendar for every year.
    pub fn new(name: &str, start_year: i32, end_year: i32) -> Result<Campaign, InputError> {
        let name = RequiredText::parse(Field::CampaignName, name, 300)?;
        let valid = (2000..=2100).contains(&start_year)
            && (start_year..=start_year + Self::MAX_YEARS - 1).contains(&end_year);
        if !valid {
            return Err(InputError::OutOfRange {
                field: Field::CampaignYears,
                min: 2000,
                max: 2100,
            });
        }
        Ok(Campaign {
            name,
            start_year,
            end_year,
            years: (start_year..=end_year)
                .map(|year| {
                    let mut calendar = CampaignYear::with_plan_defaults(year);
                    if year == start_year {
                        // D-1: the one registration, by the end of the first year's December.
                        calendar.registration_deadline = ymd(year, 12, 31);
                    }
                    calendar
                })
                .collect(),
        })
    }

    pub fn year(&self, year: i32) -> Option<&CampaignYear> {
        self.years.iter().find(|y| y.year == year)
    }
}

/// What an administrator types to create a campaign: its name, the decision (or plan) that
/// adopts it, its first and last year.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignDraft {
    pub name: String,
    pub decision: String,
    pub start_year: i32,
    pub end_year: i32,
}

impl CampaignDraft {
    pub const MAX_DECISION: usize = 200;

    /// Every problem with the draft; the same in the form as the administrator types and on
    /// the server (which also refuses years another campaign holds).
    pub fn problems(&self) -> Vec<InputError> {
        let mut problems = Vec::new();
        if let Err(e) = RequiredText::parse(Field::CampaignName, &self.name, 300) {
            problems.push(e);
        }
        if self.decision.trim().chars().count() > Self::MAX_DECISION {
            problems.push(InputError::TooLong {
                field: Field::CampaignDecision,
                max: Self::MAX_DECISION,
            });
        }
        if let Err(e) = Campaign::new("-", self.start_year, self.end_year) {
            problems.push(e);
        }
        problems
    }

    /// The campaign it makes, with the plan's default calendar for every year.
    pub fn campaign(&self) -> Result<Campaign, Vec<InputError>> {
        let problems = self.problems();
        if !problems.is_empty() {
            return Err(problems);
        }
        Campaign::new(&self.name, self.start_year, self.end_year).map_err(|e| vec![e])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_campaign_draft_is_checked_before_it_is_stored() {
        let good = CampaignDraft {
            name: " Giai đoạn 2026–2030 ".into(),
            decision: "Kế hoạch số 123/KH-SNN".into(),
            start_year: 2026,
            end_year: 2030,
        };
        assert!(good.problems().is_empty());
        assert_eq!(good.campaign().unwrap().years.len(), 5);
        let bad = CampaignDraft {
            name: "  ".into(),
            decision: "x".repeat(201),
            start_year: 2030,
            end_year: 2026,
        };
        let fields: Vec<Field> = bad.problems().iter().map(|e| e.field()).collect();
        assert_eq!(
            fields,
            [
                Field::CampaignName,
                Field::CampaignDecision,
                Field::CampaignYears
            ]
        );
        assert!(bad.campaign().is_err());
    }

    proptest::proptest! {
        #[test]
        fn any_draft_is_either_a_campaign_or_problems(
            name in ".{0,40}", decision in ".{0,250}", start in 1990i32..2120, span in -3i32..15
        ) {
            let draft = CampaignDraft { name, decision, start_year: start, end_year: start + span };
            match draft.campaign() {
                Ok(c) => proptest::prop_assert!(c.years.len() as i32 == span + 1 && (1..=10).contains(&(span + 1))),
                Err(problems) => proptest::prop_assert!(!problems.is_empty()),
            }
        }
    }

    #[test]
    fn a_new_campaign_registers_in_its_first_december_and_later_years_start_closed() {
        let c = Campaign::new("Giai đoạn 2017–2020", 2017, 2020).unwrap();
        let deadlines: Vec<_> = c.years.iter().map(|y| y.registration_deadline).collect();
        assert_eq!(
            deadlines,
            [
                ymd(2017, 12, 31),
                ymd(2017, 12, 31),
                ymd(2018, 12, 31),
                ymd(2019, 12, 31)
            ]
        );
        // Registration is open through the first year, closed through every later one.
        for y in &c.years {
            let open_on_new_year = ymd(y.year, 1, 1) <= y.registration_deadline;
            assert_eq!(open_on_new_year, y.year == 2017, "{}", y.year);
            assert!(y.problems().is_empty(), "{}", y.year);
        }
    }

    #[test]
    fn d_1_d_2_d_3_defaults_come_from_the_plan() {
        let y = CampaignYear::with_plan_defaults(2018);
        assert_eq!(y.registration_deadline, ymd(2017, 12, 31));
        assert_eq!(y.bloc_review_deadline, ymd(2018, 9, 30));
        // "Before 30 November": the 29th is the last day on time.
        assert_eq!(y.city_submission_deadline, ymd(2018, 11, 29));
    }

    #[test]
    fn e_1_e_2_defaults_come_from_the_plan() {
        let y = CampaignYear::with_plan_defaults(2018);
        assert_eq!(y.checkpoints.six_month, ymd(2018, 6, 30));
        assert_eq!(y.checkpoints.nine_month, ymd(2018, 9, 30));
        assert!(y.checkpoints.annual < y.city_submission_deadline);
        assert_eq!(y.quarterly_selections[0], ymd(2018, 3, 31));
        assert_eq!(y.quarterly_selections[3], ymd(2018, 12, 31));
    }

    #[test]
    fn a_year_s_calendar_is_checked_as_the_administrator_sets_it() {
        assert!(CampaignYear::with_plan_defaults(2026).problems().is_empty());
        let mut y = CampaignYear::with_plan_defaults(2026);
        // D-1 may fall in the year before, not two years before; D-3 within the year.
        y.registration_deadline = ymd(2024, 12, 31);
        y.city_submission_deadline = ymd(2027, 1, 5);
        // E-1 out of order, E-2's third quarter before its second.
        y.checkpoints.nine_month = ymd(2026, 6, 1);
        y.quarterly_selections[2] = ymd(2026, 6, 30);
        y.city_quota = Quota { min: 4, max: 2 };
        y.pass_share_pct = 40;
        y.cultural_family_years = 0;
        let problems = y.problems();
        let fields: Vec<Field> = problems.iter().map(|e| e.field()).collect();
        assert_eq!(
            fields,
            [
                Field::RegistrationDeadline,
                Field::CitySubmissionDeadline,
                Field::NineMonthCheckpoint,
                Field::ThirdQuarterSelection,
                Field::Quota,
                Field::PassShare,
                Field::CulturalFamilyYears,
            ]
        );
        assert_eq!(
            problems[0],
            InputError::DateOutside {
                field: Field::RegistrationDeadline,
                from: ymd(2025, 1, 1),
                to: ymd(2026, 12, 31),
            }
        );
        assert_eq!(
            problems[2],
            InputError::NotAfter {
                field: Field::NineMonthCheckpoint,
                earlier: Field::SixMonthCheckpoint,
            }
        );
    }

    proptest::proptest! {
        #[test]
        fn the_plan_s_defaults_pass_for_every_year_and_any_date_moved_out_is_caught(
            year in 2000i32..2100, shift in 366i64..2000, which in 0usize..10
        ) {
            let good = CampaignYear::with_plan_defaults(year);
            proptest::prop_assert!(good.problems().is_empty());
            let mut bad = good.clone();
            let later = |d: NaiveDate| d + chrono::Duration::days(shift);
            match which {
                0 => bad.registration_deadline = later(bad.registration_deadline + chrono::Duration::days(366)),
                1 => bad.bloc_review_deadline = later(bad.bloc_review_deadline),
                2 => bad.city_submission_deadline = later(bad.city_submission_deadline),
                3 => bad.checkpoints.six_month = later(bad.checkpoints.six_month),
                4 => bad.checkpoints.nine_month = later(bad.checkpoints.nine_month),
                5 => bad.checkpoints.annual = later(bad.checkpoints.annual),
                q => bad.quarterly_selections[q - 6] = later(bad.quarterly_selections[q - 6]),
            }
            proptest::prop_assert!(!bad.problems().is_empty());
        }
    }

    #[test]
    fn s_2_quota_defaults_to_three_to_five() {
        let q = CampaignYear::with_plan_defaults(2018).city_quota;
        assert_eq!((q.min(), q.max()), (3, 5));
        assert!(Quota::new(0, 5).is_err());
        assert_eq!(
            Quota::new(6, 5),
            Err(InputError::MinAboveMax {
                field: Field::Quota,
                min: 6,
                max: 5
            })
        );
        assert!(Quota::new(60, 5).is_err());
        assert!(Quota::new(2, 4).is_ok());
    }

    #[test]
    fn campaigns_are_not_hard_wired_to_2017_2020() {
        let c = Campaign::new("Giai đoạn 2026-2030", 2026, 2030).unwrap();
        assert_eq!(c.years.len(), 5);
        assert_eq!(
            c.year(2030).unwrap().registration_deadline,
            ymd(2029, 12, 31)
        );
        assert!(c.year(2031).is_none());
        assert!(Campaign::new("x", 2030, 2026).is_err());
        assert!(Campaign::new("x", 2026, 2040).is_err());
        assert!(Campaign::new("  ", 2026, 2027).is_err());
    }
}
