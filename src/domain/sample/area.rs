//! サンプルの管内: 地域の概況, 様式3 訪問看護ステーション (with staff lists for the 常勤換算),
//! 様式2 事業 and 様式4 評価 of the みどり保健所管内 for the two sample years.

use crate::domain::evaluation::{Evaluation, ItemEvaluation, Level};
use crate::domain::fiscal_year::FiscalYear;
use crate::domain::number::Decimal2;
use crate::domain::overview::{OtherDiseaseCount, Overview};
use crate::domain::programmes::{
    Center, CenterActivities, CenterOperation, Council, CouncilUnit, Programme, StandardProgramme,
};
use crate::domain::station::Intake::{self, Consider, Impossible, Possible};
use crate::domain::station::{FteEntry, StaffMember, Station};

/// 地域の概況 of year `year_index` (0 or 1): a 管内 of about 35万人 with 7, then 8, stations.
pub fn overview(year_index: usize) -> Overview {
    let y = year_index as u64;
    Overview {
        population: Some(353_120 - 640 * y),
        area_km2: Some(Decimal2(48_625)),
        certified_total: Some(2_874 + 38 * y),
        certified_als: Some(41 + 2 * y),
        certified_scd: Some(44 + y),
        certified_msa: Some(13),
        certified_pd: Some(412 + 9 * y),
        certified_other: vec![OtherDiseaseCount { disease: "脊髄性筋萎縮症".to_string(), count: Some(2) }],
        base_hospitals_pref: Some(1),
        field_base_hospitals_pref: Some(3),
        cooperating_hospitals_local: Some(4),
        cooperating_hospitals_pref: Some(27 + y),
        designated_doctors_local: Some(182 + 4 * y),
        home_care_clinics_local: Some(19 + 2 * y),
        nurse_stations_local: Some(7 + y),
    }
}

/// One station's staff: `(label, 常勤, 週の勤務時間)`.
type Staff = &'static [(&'static str, bool, u64)];

/// How a station's 常勤換算 is known.
enum Fte {
    Staff(u64, Staff),
    Direct(u64),
    Unknown,
}

/// `(名称, 所在地, 常勤換算, 利用者数, 医療保険, 余力, 24時間, 特別管理, ALS経験, 呼吸器経験,
/// ALS受入, 小児受入)`.
type StationRow = (&'static str, &'static str, Fte, u32, u32, Option<bool>, bool, bool, bool, bool, Intake, Intake);

const MANAGER_AND_TWO: Staff = &[
    ("常勤看護師（管理者）", true, 0),
    ("常勤看護師", true, 0),
    ("常勤看護師", true, 0),
    ("非常勤看護師A", false, 20),
    ("非常勤看護師B", false, 12),
];

const STATIONS: [StationRow; 8] = [
    (
        "ひかり訪問看護ステーション",
        "ひかり市本町2丁目",
        Fte::Staff(40, MANAGER_AND_TWO),
        96,
        38,
        Some(true),
        true,
        true,
        true,
        true,
        Possible,
        Consider,
    ),
    (
        "あおば訪問看護ステーション",
        "あおば町中央1丁目",
        Fte::Staff(
            32,
            &[
                ("常勤保健師（管理者）", true, 0),
                ("常勤看護師", true, 0),
                ("非常勤看護師", false, 20),
                ("非常勤看護師", false, 12),
            ],
        ),
        54,
        21,
        Some(false),
        true,
        true,
        true,
        true,
        Consider,
        Impossible,
    ),
    (
        "さくら訪問看護",
        "さくら町南3丁目",
        Fte::Direct(420),
        71,
        25,
        Some(true),
        true,
        true,
        true,
        false,
        Consider,
        Possible,
    ),
    (
        "みどり中央訪問看護ステーション",
        "ひかり市緑町1丁目",
        Fte::Staff(
            40,
            &[
                ("常勤看護師（管理者）", true, 0),
                ("常勤看護師", true, 0),
                ("常勤看護師", true, 0),
                ("常勤看護師", true, 0),
                ("非常勤看護師A", false, 24),
                ("非常勤看護師B", false, 16),
                ("非常勤看護師C", false, 8),
            ],
        ),
        142,
        57,
        Some(true),
        true,
        true,
        true,
        true,
        Possible,
        Possible,
    ),
    (
        "かえで訪問看護ステーション",
        "かえで村役場前",
        Fte::Direct(250),
        23,
        6,
        Some(false),
        true,
        false,
        false,
        false,
        Impossible,
        Impossible,
    ),
    (
        "ひまわり訪問看護",
        "ひかり市東町4丁目",
        Fte::Unknown,
        40,
        12,
        None,
        false,
        true,
        false,
        false,
        Consider,
        Impossible,
    ),
    (
        "こもれび訪問看護ステーション",
        "あおば町西2丁目",
        Fte::Staff(30, &[("常勤看護師（管理者）", true, 0), ("常勤看護師", true, 0), ("非常勤看護師", false, 18)]),
        37,
        14,
        Some(true),
        true,
        true,
        true,
        false,
        Possible,
        Consider,
    ),
    // Opened in the second year.
    (
        "つばさ訪問看護ステーション",
        "さくら町北1丁目",
        Fte::Staff(40, &[("常勤看護師（管理者）", true, 0), ("常勤看護師", true, 0), ("非常勤看護師", false, 16)]),
        18,
        9,
        Some(true),
        true,
        false,
        false,
        false,
        Possible,
        Consider,
    ),
];

/// 様式3 の名称 of year `year_index` (the first year has the first seven).
pub fn station_names(year_index: usize) -> Vec<&'static str> {
    STATIONS.into_iter().take(7 + year_index.min(1)).map(|row| row.0).collect()
}

/// 様式3 of year `year_index`: the stations with their staff; 利用者数 grow a little.
pub fn stations(year_index: usize) -> Vec<Station> {
    let grow = |n: u32| n + (n / 12) * year_index as u32;
    STATIONS
        .into_iter()
        .take(7 + year_index.min(1))
        .map(|(name, address, fte, users, medical, room, a24, special, als, vent, als_in, child_in)| Station {
            name: name.to_string(),
            address: address.to_string(),
            fte: match fte {
                Fte::Staff(hours, staff) => FteEntry::Staff {
                    contracted_week_hours: Decimal2::whole(hours),
                    members: staff
                        .iter()
                        .map(|(label, full_time, h)| StaffMember {
                            label: (*label).to_string(),
                            full_time: *full_time,
                            weekly_hours: Decimal2::whole(*h),
                        })
                        .collect(),
                },
                Fte::Direct(value) => FteEntry::Direct { value: Decimal2(value) },
                Fte::Unknown => FteEntry::Unknown,
            },
            monthly_users: Some(grow(users)),
            medical_insurance_users: Some(grow(medical)),
            room_for_more_visits: room,
            addition_24h: Some(a24),
            addition_special: Some(special),
            als_experience: Some(als),
            ventilator_experience: Some(vent),
            als_intake: Some(als_in),
            child_intake: Some(child_in),
        })
        .collect()
}

/// 様式2: every standard programme as the 保健所 filled it in, and one 独自事業.
pub fn programmes(year_index: usize) -> Vec<Programme> {
    let y = year_index as u64;
    let fill = |key: StandardProgramme, implemented: bool, local: u64, pref: u64, outcome: &str, challenge: &str| {
        let mut p = Programme::standard(key);
        p.implemented = Some(implemented);
        p.count_local = Some(local);
        p.count_prefecture = Some(pref);
        p.outcome = outcome.to_string();
        p.challenge = challenge.to_string();
        p
    };
    use StandardProgramme::*;
    let mut council = fill(
        RegionalCouncil,
        true,
        2,
        14,
        "災害時の個別支援計画の作成状況を共有し、電源確保の検討を始めた",
        "レスパイト入院の受け皿づくりを議題にする",
    );
    council.council = Some(Council {
        related_meeting: None,
        first_year: FiscalYear::new(2016).ok(),
        meetings_this_year: Some(2),
        unit: Some(CouncilUnit::HealthCenter),
        unit_other: String::new(),
        agenda: "在宅人工呼吸器使用者の災害対策、レスパイト入院先の確保".to_string(),
    });
    let mut center = fill(SupportCenter, true, 18 + y, 640, "電話・面接相談を実施", "就労相談の周知");
    center.center = Some(Center {
        operation: Some(CenterOperation::Contracted),
        contractor: "県難病連絡協議会".to_string(),
        activities: CenterActivities {
            consultation: true,
            lectures: true,
            employment: true,
            peer_support: year_index > 0,
            ..CenterActivities::default()
        },
    });
    let mut own = Programme::own("ALS療養者家族のつどい");
    own.operator = "みどり保健所".to_string();
    own.implemented = Some(true);
    own.count_local = Some(3);
    own.summary = "療養者の家族が介護の工夫や悩みを話し合う会（年3回）".to_string();
    own.outcome = format!("延べ{}人の家族が参加", 21 + 4 * y);
    vec![
        fill(TemporaryAdmission, true, 4 + y, 61, "4人がレスパイト入院を利用", "受け入れ病院が1か所のみ"),
        fill(SupportPlan, true, 6, 48, "支援計画を6人分作成・評価", "計画の見直し時期の管理"),
        fill(CounsellorTraining, false, 0, 0, "", "講師の確保"),
        fill(MedicalConsultation, true, 2, 22, "専門医による医療相談会を2回", "参加者の固定化"),
        fill(HomeVisitGuidance, true, 11 + 2 * y, 96, "専門医の訪問診療に同行", "訪問診療医の不足"),
        council,
        center,
        fill(HomeHelperTraining, false, 0, 0, "", "管内での開催がない"),
        fill(VentilatorNursing, true, 3 + y, 37, "3人が長時間の訪問看護を利用", "制度を知らないステーションがある"),
        own,
    ]
}

/// 様式4 of year `year_index`: levels A–D, 課題 and the 総合評価 (the second year a little better).
pub fn evaluation(year_index: usize) -> Evaluation {
    let item = |level: Level, issue: &str| ItemEvaluation { level: Some(level), issue: issue.to_string() };
    let better = |first: Level, second: Level| if year_index == 0 { first } else { second };
    Evaluation {
        specialist: item(Level::A, "神経内科専門医療機関は管内外で確保できている"),
        daily: item(better(Level::C, Level::B), "早期の療養者にかかりつけ医がいない人がいる"),
        emergency_admission: item(Level::B, "急変時の入院先が未定の療養者がいる"),
        respite_admission: item(Level::D, "レスパイト入院の受け入れ先が管内に1か所しかない"),
        respite_home: item(Level::C, "長時間の訪問看護を利用できる人が限られる"),
        nursing_regular: item(better(Level::C, Level::B), "人工呼吸器使用者の訪問回数は確保できている"),
        nursing_emergency: item(Level::C, "夜間・休日に対応できるステーションが少ない"),
        disaster: item(better(Level::D, Level::C), "人工呼吸器使用者の災害時個別支援計画が一部未作成"),
        overall: if year_index == 0 {
            "レスパイト入院先の確保と、人工呼吸器使用者の災害時個別支援計画の作成を優先課題とする。".to_string()
        } else {
            "災害時個別支援計画の作成は進んだ。レスパイト入院先の確保を引き続き最優先の課題とし、難病対策地域協議会で検討する。".to_string()
        },
    }
}
