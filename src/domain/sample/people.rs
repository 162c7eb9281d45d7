//! サンプルの療養者 (様式1): the seed's 例1 and 例2 and about 40 fictional people of the
//! みどり保健所管内, each with a stage of illness (早期・中期・進行期) that sets ADL, 医療処置,
//! 特定症状, services and 制度 the way a nurse would expect them to go together. A person keeps
//! name, disease and onset from one year to the next; a few progress a stage.
//!
//! Every code the 集計 counts is given to at least one person (by the person's number, not by
//! chance), so the sample's 集計 has no empty line; the rest varies with a seeded
//! [`Lcg`](super::Lcg).

use super::Lcg;
use crate::domain::forms::patient_form::suggest_onset_type;
use crate::domain::number::Decimal2;
use crate::domain::patient::*;
use crate::domain::time::YearMonth;
use crate::domain::tri::Tri;

/// 住所（市町村）: the fictional 市町村 of the みどり保健所管内 (more people in the larger ones).
pub const MUNICIPALITIES: [&str; 4] = ["ひかり市", "ひかり市", "あおば町", "さくら町"];
/// The small 村 of the 管内 (a few people).
pub const VILLAGE: &str = "かえで村";
/// 神経内科専門医療機関 and 緊急時・レスパイトの入院機関.
const HOSPITALS: [&str; 4] = ["みどり総合病院", "県立ひかり医療センター", "あおば大学病院", "国立病院機構さくら病院"];
/// かかりつけ主治医 (在宅療養支援診療所).
const CLINICS: [&str; 5] =
    ["ひかり在宅クリニック", "あおば内科医院", "さくら診療所", "かえで村診療所", "みどり往診クリニック"];
const FAMILY: [&str; 16] = [
    "青山", "石井", "上田", "遠藤", "大野", "川村", "木下", "久保", "小池", "斉藤", "杉本", "高木", "田村", "中野",
    "西田", "野口",
];
const GIVEN: [&str; 12] = ["一郎", "和子", "健二", "幸子", "正男", "洋子", "博", "恵子", "茂", "久美子", "勝", "京子"];
/// ふりがな of [`FAMILY`] and [`GIVEN`], position for position (the roster's 五十音順).
const FAMILY_READING: [&str; 16] = [
    "あおやま",
    "いしい",
    "うえだ",
    "えんどう",
    "おおの",
    "かわむら",
    "きのした",
    "くぼ",
    "こいけ",
    "さいとう",
    "すぎもと",
    "たかぎ",
    "たむら",
    "なかの",
    "にしだ",
    "のぐち",
];
const GIVEN_READING: [&str; 12] = [
    "いちろう",
    "かずこ",
    "けんじ",
    "さちこ",
    "まさお",
    "ようこ",
    "ひろし",
    "けいこ",
    "しげる",
    "くみこ",
    "まさる",
    "きょうこ",
];
const FIRST_SYMPTOMS: [&str; 5] =
    ["話しにくくなった", "右手に力が入らなくなった", "つまずきやすくなった", "飲み込みにくくなった", "息切れがする"];

/// How far the illness has gone: sets ADL, 医療処置 and services together.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Stage {
    /// 自立・医療処置なし.
    Early,
    /// 一部介助・経管栄養や吸引が始まる.
    Middle,
    /// 全面介助・多くが人工呼吸器.
    Late,
}

/// One fictional person: what stays the same from year to year.
struct Person {
    number: usize,
    disease: Disease,
    name: String,
    /// ふりがな
    reading: String,
    municipality: &'static str,
    address: String,
    onset: YearMonth,
    first_symptom: &'static str,
    /// 年齢 in the first sample year.
    age: u8,
    stage: Stage,
}

/// 疾患 by the person's number: mostly ALS, and SCD, MSA, PD and one child with
/// 脊髄性筋萎縮症 (the 20歳未満 line of the 集計).
fn disease(number: usize) -> Disease {
    match number {
        5 | 17 | 30 => Disease::Scd,
        11 | 26 => Disease::Msa,
        8 | 33 => Disease::Pd,
        20 => Disease::Other("脊髄性筋萎縮症".to_string()),
        _ => Disease::Als,
    }
}

fn person(number: usize, first_year: i32) -> Person {
    let mut r = Lcg::new(0x5A3D_0000 + number as u64);
    let age = match number {
        20 => 12,
        6 => 36,
        _ => 48 + r.below(38) as u8,
    };
    let stage = match r.below(10) {
        0..=2 => Stage::Early,
        3..=5 => Stage::Middle,
        _ => Stage::Late,
    };
    let years_ill = match stage {
        Stage::Early => 1 + r.below(2),
        Stage::Middle => 2 + r.below(4),
        Stage::Late => 4 + r.below(9),
    } as i32;
    let onset_year = if number == 20 { first_year - 11 } else { first_year - years_ill };
    let municipality = if number % 9 == 4 { VILLAGE } else { MUNICIPALITIES[number % MUNICIPALITIES.len()] };
    Person {
        number,
        disease: disease(number),
        name: format!("{} {}", FAMILY[number % FAMILY.len()], GIVEN[(number * 7 + 3) % GIVEN.len()]),
        reading: format!(
            "{} {}",
            FAMILY_READING[number % FAMILY_READING.len()],
            GIVEN_READING[(number * 7 + 3) % GIVEN_READING.len()]
        ),
        municipality,
        address: format!("{}丁目{}番", 1 + r.below(6), 1 + r.below(20)),
        onset: YearMonth { year: onset_year, month: if r.chance(80) { Some(1 + r.below(12) as u8) } else { None } },
        first_symptom: FIRST_SYMPTOMS[(number + r.below(2) as usize) % FIRST_SYMPTOMS.len()],
        age,
        stage,
    }
}

/// The person's stage in year `year_index` (0 or 1): about one in four goes one stage on.
fn stage_in(p: &Person, year_index: usize) -> Stage {
    let moves_on = year_index > 0 && Lcg::new(0xA11C_E000 + p.number as u64).chance(25);
    match (p.stage, moves_on) {
        (Stage::Early, true) => Stage::Middle,
        (Stage::Middle, true) => Stage::Late,
        (s, _) => s,
    }
}

fn yes_no(flag: bool) -> Option<bool> {
    Some(flag)
}

fn named(names: &[&str], i: usize) -> Tri<String> {
    Tri::Value(names[i % names.len()].to_string())
}

/// 医療処置管理 and 使用医療機器.
fn procedures(n: usize, stage: Stage, r: &mut Lcg) -> (Procedures, String) {
    let ventilator = stage == Stage::Late && (n % 3 != 1);
    // One person on マスク式（NPPV）: a ventilator without a tracheostomy.
    let tracheostomy = ventilator && n % 7 != 3;
    let other = n % 10 == 7;
    let p = Procedures {
        ventilator: yes_no(ventilator),
        tracheostomy: yes_no(tracheostomy),
        suction: yes_no(stage == Stage::Late || (stage == Stage::Middle && r.chance(30))),
        tube_feeding: yes_no(stage == Stage::Late || (stage == Stage::Middle && r.chance(40))),
        other: if n == 13 { None } else { yes_no(other) },
        other_detail: if other { "在宅酸素".to_string() } else { String::new() },
    };
    let devices = match (ventilator, tracheostomy) {
        (true, true) => "人工呼吸器（TPPV）、吸引器、パルスオキシメーター".to_string(),
        (true, false) => "NPPV（マスク式人工呼吸器）、吸引器".to_string(),
        _ => String::new(),
    };
    (p, devices)
}

fn symptoms(p: &Person, stage: Stage, r: &mut Lcg) -> KeySymptoms {
    let bulbar = p.first_symptom.contains("話し") || p.first_symptom.contains("飲み込");
    KeySymptoms {
        respiratory: if p.number == 22 {
            None
        } else {
            yes_no(stage == Stage::Late || p.first_symptom == "息切れがする")
        },
        swallowing: yes_no(stage != Stage::Early || (bulbar && r.chance(50))),
        speech: yes_no(stage == Stage::Late || bulbar),
        urinary: yes_no(p.number.is_multiple_of(9)),
        autonomic: yes_no(matches!(p.disease, Disease::Msa) || p.number.is_multiple_of(11)),
        ..KeySymptoms::default()
    }
}

fn doctors(n: usize, stage: Stage) -> (DoctorCare, DoctorCare) {
    let neurology = match n {
        // A PD patient followed by the family doctor only, an ALS patient not yet linked to a
        // specialist; one not known.
        33 | 40 => DoctorCare { name: Tri::None, mode: Some(VisitMode::NoVisits), per_month: None },
        24 => DoctorCare { name: Tri::Unknown, mode: None, per_month: None },
        _ => {
            let mode =
                if stage == Stage::Late && n.is_multiple_of(4) { VisitMode::HomeVisit } else { VisitMode::Outpatient };
            let per_month = match (stage, n % 3) {
                (Stage::Early, 0) => Decimal2(25),
                (Stage::Early, _) | (Stage::Middle, 0) => Decimal2(50),
                _ => Decimal2(100),
            };
            DoctorCare { name: named(&HOSPITALS, n), mode: Some(mode), per_month: Some(per_month) }
        }
    };
    let family_doctor = match stage {
        Stage::Late => DoctorCare {
            name: named(&CLINICS, n),
            mode: Some(VisitMode::HomeVisit),
            per_month: Some(Decimal2::whole(if n.is_multiple_of(2) { 2 } else { 4 })),
        },
        Stage::Middle => DoctorCare {
            name: named(&CLINICS, n),
            mode: Some(VisitMode::Outpatient),
            per_month: Some(Decimal2::whole(1)),
        },
        Stage::Early => DoctorCare { name: Tri::None, mode: Some(VisitMode::NoVisits), per_month: None },
    };
    (neurology, family_doctor)
}

/// 訪問看護: ステーション (names from the 様式3 list), 医療機関, 緊急時.
fn nursing(n: usize, stage: Stage, stations: &[&str], r: &mut Lcg) -> (StationNursing, InstitutionNursing) {
    let count = match stage {
        Stage::Early => 0,
        Stage::Middle => 1,
        Stage::Late => 1 + r.below(3) as usize,
    };
    let names: Vec<String> = (0..count).map(|k| stations[(n + 3 * k) % stations.len()].to_string()).collect();
    let weekly = match stage {
        Stage::Early => Decimal2::ZERO,
        Stage::Middle => Decimal2(*r.pick(&[25, 50, 100, 200])),
        Stage::Late => Decimal2(*r.pick(&[300, 450, 600, 700, 1000])),
    };
    let station = StationNursing {
        names: if names.is_empty() { Tri::None } else { Tri::Value(names) },
        count: Some(count as u32),
        weekly_visits: if n == 19 { None } else { Some(weekly) },
    };
    let institution = if n % 12 == 2 && stage != Stage::Early {
        InstitutionNursing { name: named(&HOSPITALS, n + 1), weekly_visits: Some(Decimal2::whole(1)) }
    } else {
        InstitutionNursing { name: Tri::None, weekly_visits: Some(Decimal2::ZERO) }
    };
    (station, institution)
}

/// 介護保険 (40歳以上; ALS・PD・SCD・MSA are 特定疾病), 手帳, 障害支援区分 by stage.
fn welfare(p: &Person, age: u8, stage: Stage) -> (Tri<CareLevel>, Tri<u8>, Tri<u8>) {
    let n = p.number;
    let care = if age < 40 {
        Tri::None
    } else if n == 28 {
        Tri::Unknown
    } else {
        Tri::Value(match stage {
            Stage::Early => [CareLevel::Support1, CareLevel::Support2, CareLevel::Care1][n % 3],
            Stage::Middle => [CareLevel::Care2, CareLevel::Care3][n % 2],
            Stage::Late => [CareLevel::Care4, CareLevel::Care5, CareLevel::Care5][n % 3],
        })
    };
    let certificate = match stage {
        Stage::Early if n.is_multiple_of(2) => Tri::None,
        Stage::Early => Tri::Value(4),
        Stage::Middle => Tri::Value(if n.is_multiple_of(2) { 3 } else { 2 }),
        Stage::Late => Tri::Value(if n.is_multiple_of(5) { 2 } else { 1 }),
    };
    let class = match stage {
        Stage::Early if n.is_multiple_of(4) => Tri::Unknown,
        Stage::Early => Tri::Value(1 + (n % 2) as u8),
        Stage::Middle => Tri::Value(3 + (n % 2) as u8),
        Stage::Late => Tri::Value(5 + (n % 2) as u8),
    };
    (care, certificate, class)
}

/// The services the nurse found missing (ギャップ), with her note.
fn gaps(p: &Patient, stage: Stage) -> Vec<Gap> {
    let mut out = Vec::new();
    if p.neurology.name == Tri::None && p.disease == Disease::Als {
        let note = "専門医療機関の受診につながっていない".to_string();
        out.push(Gap { service: Service::Neurology, note });
    }
    if stage == Stage::Late && p.respite_admission == Tri::None {
        let note = "受け入れ可能なレスパイト入院先が管内にない".to_string();
        out.push(Gap { service: Service::RespiteAdmission, note });
    }
    if p.procedures.ventilator == Some(true) && !p.disaster_plan.is_present() {
        out.push(Gap {
            service: Service::DisasterPlan, note: "計画が未作成（電源確保の検討が必要）".to_string()
        });
    }
    if stage == Stage::Late && p.station_nursing.weekly_visits.is_some_and(|w| w < Decimal2::whole(5)) {
        let note = "夜間・休日の訪問が確保できない".to_string();
        out.push(Gap { service: Service::StationNursing, note });
    }
    out
}

/// One person as 様式1 holds them in year `year_index` (0: the first sample year).
fn patient(p: &Person, year_index: usize, fiscal_year: i32, stations: &[&str]) -> Patient {
    let n = p.number;
    let stage = stage_in(p, year_index);
    let mut r = Lcg::new(0x7E57_0000 + (n as u64) * 31 + year_index as u64);
    let age = p.age.saturating_add(year_index as u8);
    let (procedures, devices) = procedures(n, stage, &mut r);
    let ventilated = procedures.ventilator == Some(true);
    let (neurology, family_doctor) = doctors(n, stage);
    let (station_nursing, institution_nursing) = nursing(n, stage, stations, &mut r);
    let total = station_nursing.weekly_visits.unwrap_or_default();
    let programme_used = ventilated && n.is_multiple_of(2);
    let (care_insurance, disability_certificate, disability_support_class) = welfare(p, age, stage);
    let first_station = station_nursing.names.value().and_then(|v| v.first().cloned());
    let mut patient = Patient {
        id_number: format!("S-{:03}", n),
        disease: p.disease.clone(),
        name: p.name.clone(),
        furigana: p.reading.clone(),
        municipality: p.municipality.to_string(),
        address_detail: p.address.clone(),
        onset: Some(p.onset),
        first_symptom: p.first_symptom.to_string(),
        onset_type: if p.disease == Disease::Als { suggest_onset_type(p.first_symptom) } else { None },
        age: Some(if n % 6 == 1 { Age::Band(AgeBand::of_age(age)) } else { Age::Years(age) }),
        adl: if n == 31 {
            None
        } else {
            Some(match stage {
                Stage::Early => Adl::Independent,
                Stage::Middle => Adl::PartialAssist,
                Stage::Late => Adl::FullAssist,
            })
        },
        symptoms: symptoms(p, stage, &mut r),
        procedures,
        devices,
        neurology,
        family_doctor,
        emergency_admission: match (n, stage) {
            (29, _) => Tri::Unknown,
            (_, Stage::Early) if n.is_multiple_of(2) => Tri::None,
            _ => named(&HOSPITALS, n),
        },
        respite_admission: if stage == Stage::Late && n % 5 < 3 { named(&HOSPITALS, n + 2) } else { Tri::None },
        home_respite: match n {
            _ if ventilated && n.is_multiple_of(3) => {
                Tri::Value("訪問看護の長時間滞在（在宅人工呼吸器使用患者支援事業）".into())
            }
            12 => Tri::Value("療養通所介護に通所".into()),
            21 => Tri::Unknown,
            _ => Tri::None,
        },
        emergency_nursing: match first_station {
            Some(name) if n % 6 != 5 => Tri::Value(name),
            _ => Tri::None,
        },
        ventilator_programme: VentilatorProgramme {
            used: Some(programme_used),
            weekly_visits: Some(if programme_used { total.min(Decimal2::whole(2)) } else { Decimal2::ZERO }),
        },
        station_nursing,
        institution_nursing,
        care_insurance,
        disability_certificate,
        disability_support_class,
        home_care_service: match stage {
            _ if n == 16 => None,
            Stage::Late => Some(n % 5 != 4),
            Stage::Middle => Some(n.is_multiple_of(3)),
            Stage::Early => Some(false),
        },
        disaster_plan: match n {
            35 => Tri::Unknown,
            _ if ventilated && n % 4 != 3 => Tri::Value(Some((fiscal_year - 1 - (n % 2) as i32) as u16)),
            _ if stage == Stage::Middle && n.is_multiple_of(4) => Tri::Value(None),
            _ => Tri::None,
        },
        last_contact: format!("{}年{}月 訪問", fiscal_year, 9 + n % 3),
        support_class: match stage {
            Stage::Late => "A",
            Stage::Middle => "B",
            Stage::Early => "C",
        }
        .to_string(),
        gaps: Vec::new(),
    };
    patient.gaps = gaps(&patient, stage);
    patient
}

/// The people of each sample year: `(person number, present in year 0, present in year 1)`.
/// Numbers 1 and 2 are the seed's 例1 and 例2; 4, 9 and 15 are no longer at home in the second
/// year (入院・死亡); 38–43 are new in the second year.
pub const PEOPLE: std::ops::RangeInclusive<usize> = 1..=43;

/// Whether person `number` is in 様式1 in year `year_index`.
pub fn present(number: usize, year_index: usize) -> bool {
    match year_index {
        0 => number <= 37,
        _ => !matches!(number, 4 | 9 | 15),
    }
}

/// Person `number` (3 and up) as 様式1 holds them in year `year_index` of the sample, whose
/// first 年度 starts in `first_year`; `stations` are the names in 様式3.
pub fn generated(number: usize, year_index: usize, first_year: i32, stations: &[&str]) -> Patient {
    let p = person(number, first_year);
    patient(&p, year_index, first_year + year_index as i32, stations)
}
