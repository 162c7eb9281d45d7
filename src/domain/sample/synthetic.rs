//! 試験用データ: deterministic synthetic rosters for benchmarks and load tests (not the
//! サンプルの地域診断, which is [`super::build`]). Every field
//! is filled with plausible, varied values (including なし, 不明 and fractional visits), so
//! records have the size and shape of real ones. Not used by the app's pages.

use crate::domain::number::Decimal2;
use crate::domain::patient::*;
use crate::domain::station::{FteEntry, Intake, StaffMember, Station};
use crate::domain::time::{Timestamp, YearMonth};
use crate::domain::tri::Tri;

/// A small deterministic random source (xorshift64*), so runs are comparable.
#[derive(Clone, Debug)]
pub struct Lcg(u64);

impl Lcg {
    pub fn new(seed: u64) -> Lcg {
        Lcg(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// 0..n
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next_u64() % n
        }
    }
    /// true with probability `percent`/100
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize % items.len().max(1)]
    }
}

/// ふりがな (family, given), so sorting by name has real readings to compare.
const FAMILY_READINGS: [&str; 8] =
    ["さとう", "すずき", "たかはし", "たなか", "いとう", "わたなべ", "やまもと", "なかむら"];
const GIVEN_READINGS: [&str; 6] = ["はなこ", "たろう", "けいこ", "ひろし", "ゆみ", "まさる"];
const MUNICIPALITIES: [&str; 6] = ["府中市", "調布市", "小金井市", "狛江市", "三鷹市", "武蔵野市"];
const HOSPITALS: [&str; 6] =
    ["都立神経病院", "Ｂ大学病院", "県立Ａ病院", "市民病院", "国立病院機構Ｃ病院", "Ｄ医療センター"];
const CLINICS: [&str; 5] = ["Ａクリニック", "さくら在宅クリニック", "みどり内科", "ひまわり診療所", "けやき医院"];
const STATIONS: [&str; 8] = [
    "Ａステーション",
    "Ｂステーション",
    "訪問看護ステーションかえで",
    "つばさ訪問看護",
    "あおば訪問看護ステーション",
    "ひだまり訪問看護",
    "こもれび訪問看護",
    "さくら訪問看護ステーション",
];
const SYMPTOMS: [&str; 4] = ["話しにくくなった", "右手に力が入らなくなった", "階段が昇りにくい", "息苦しさ"];

fn yes_no(r: &mut Lcg, yes_percent: u64) -> Option<bool> {
    if r.chance(5) {
        None
    } else {
        Some(r.chance(yes_percent))
    }
}

fn tri_name(r: &mut Lcg, names: &[&str], present: u64) -> Tri<String> {
    match r.below(100) {
        x if x < present => Tri::Value((*r.pick(names)).to_string()),
        x if x < present + (100 - present) * 2 / 3 => Tri::None,
        _ => Tri::Unknown,
    }
}

fn visits(r: &mut Lcg) -> Option<Decimal2> {
    let options = [0, 25, 50, 100, 150, 200, 300, 500, 700, 1000];
    if r.chance(5) {
        None
    } else {
        Some(Decimal2(*r.pick(&options)))
    }
}

/// 特定症状, each present at its own rate.
fn synthetic_symptoms(r: &mut Lcg) -> KeySymptoms {
    KeySymptoms {
        respiratory: yes_no(r, 50),
        swallowing: yes_no(r, 55),
        speech: yes_no(r, 60),
        urinary: yes_no(r, 20),
        autonomic: yes_no(r, 15),
        ..KeySymptoms::default()
    }
}

/// 在宅でのレスパイト: described 30 %, なし or 不明 otherwise.
fn synthetic_home_respite(r: &mut Lcg) -> Tri<String> {
    if r.chance(30) {
        Tri::Value("医療保険と難病事業の訪問看護を連続。3時間の長時間滞在看護".to_string())
    } else if r.chance(50) {
        Tri::None
    } else {
        Tri::Unknown
    }
}

/// One varied patient.
pub fn synthetic_patient(r: &mut Lcg, n: usize) -> Patient {
    let ventilator = yes_no(r, 35);
    let programme_used = if ventilator == Some(true) { yes_no(r, 40) } else { Some(false) };
    let station_count = r.below(4) as u32;
    let station_names: Vec<String> =
        (0..station_count).map(|i| STATIONS[(n + i as usize) % STATIONS.len()].to_string()).collect();
    let station_weekly = if station_count == 0 { Some(Decimal2::ZERO) } else { visits(r) };
    let programme_visits = match (programme_used, station_weekly) {
        (Some(true), Some(w)) => Some(Decimal2(w.0.min(100))),
        _ => Some(Decimal2::ZERO),
    };
    let mode = |r: &mut Lcg| Some(*r.pick(&[VisitMode::Outpatient, VisitMode::HomeVisit, VisitMode::NoVisits]));
    let age =
        if r.chance(20) { Some(Age::Band(*r.pick(&AgeBand::ALL))) } else { Some(Age::Years(35 + r.below(55) as u8)) };
    Patient {
        id_number: format!("R{:05}", n + 1),
        disease: match r.below(20) {
            0 => Disease::Scd,
            1 => Disease::Msa,
            2 => Disease::Pd,
            _ => Disease::Als,
        },
        name: format!("療養者 {}", n + 1),
        furigana: format!("{} {}", r.pick(&FAMILY_READINGS), r.pick(&GIVEN_READINGS)),
        municipality: (*r.pick(&MUNICIPALITIES)).to_string(),
        address_detail: format!("{}丁目{}番", 1 + r.below(9), 1 + r.below(30)),
        onset: Some(YearMonth { year: 2005 + r.below(20) as i32, month: Some(1 + r.below(12) as u8) }),
        first_symptom: (*r.pick(&SYMPTOMS)).to_string(),
        onset_type: Some(*r.pick(&OnsetType::ALL)),
        age,
        adl: Some(*r.pick(&Adl::ALL)),
        procedures: Procedures {
            ventilator,
            tracheostomy: if ventilator == Some(true) { yes_no(r, 60) } else { Some(false) },
            suction: yes_no(r, 45),
            tube_feeding: yes_no(r, 40),
            other: yes_no(r, 15),
            other_detail: if r.chance(15) { "導尿".to_string() } else { String::new() },
        },
        devices: if ventilator == Some(true) {
            "ABC900（O呼吸器会社）、A吸引ユニット".to_string()
        } else {
            String::new()
        },
        symptoms: synthetic_symptoms(r),
        neurology: DoctorCare {
            name: tri_name(r, &HOSPITALS, 85),
            mode: mode(r),
            per_month: Some(Decimal2(*r.pick(&[50, 100, 200]))),
        },
        family_doctor: DoctorCare {
            name: tri_name(r, &CLINICS, 70),
            mode: mode(r),
            per_month: Some(Decimal2(*r.pick(&[100, 200, 400]))),
        },
        emergency_admission: tri_name(r, &HOSPITALS, 70),
        respite_admission: tri_name(r, &HOSPITALS, 35),
        home_respite: synthetic_home_respite(r),
        emergency_nursing: tri_name(r, &STATIONS, 60),
        station_nursing: StationNursing {
            names: if station_count == 0 { Tri::None } else { Tri::Value(station_names) },
            count: Some(station_count),
            weekly_visits: station_weekly,
        },
        institution_nursing: InstitutionNursing {
            name: tri_name(r, &HOSPITALS, 20),
            weekly_visits: Some(Decimal2(*r.pick(&[0, 0, 0, 100, 300]))),
        },
        ventilator_programme: VentilatorProgramme { used: programme_used, weekly_visits: programme_visits },
        care_insurance: match r.below(10) {
            0 => Tri::None,
            1 => Tri::Unknown,
            _ => Tri::Value(*r.pick(&CareLevel::ALL)),
        },
        disability_certificate: if r.chance(70) { Tri::Value(1 + r.below(3) as u8) } else { Tri::None },
        disability_support_class: if r.chance(60) { Tri::Value(1 + r.below(6) as u8) } else { Tri::Unknown },
        home_care_service: yes_no(r, 50),
        disaster_plan: match r.below(10) {
            0..=3 => Tri::Value(Some(2018 + r.below(8) as u16)),
            4 => Tri::Value(None),
            5..=7 => Tri::None,
            _ => Tri::Unknown,
        },
        last_contact: format!("2025年{}月 訪問", 1 + r.below(12)),
        support_class: (*r.pick(&["A", "B", "C"])).to_string(),
        gaps: if r.chance(20) {
            vec![Gap { service: *r.pick(&Service::ALL), note: "訪問看護の回数が不足".to_string() }]
        } else {
            Vec::new()
        },
    }
}

/// `n` varied patients.
pub fn synthetic_patients(n: usize, seed: u64) -> Vec<Patient> {
    let mut r = Lcg::new(seed);
    (0..n).map(|i| synthetic_patient(&mut r, i)).collect()
}

/// `n` varied stations.
pub fn synthetic_stations(n: usize, seed: u64) -> Vec<Station> {
    let mut r = Lcg::new(seed ^ 0x5151);
    (0..n)
        .map(|i| {
            let users = 20 + r.below(120) as u32;
            let fte = if r.chance(50) {
                FteEntry::Direct { value: Decimal2(250 + r.below(900)) }
            } else {
                FteEntry::Staff {
                    contracted_week_hours: Decimal2::whole(*r.pick(&[30, 32, 37, 40])),
                    members: (0..(2 + r.below(6)))
                        .map(|k| StaffMember {
                            label: format!("看護師{}", k + 1),
                            full_time: r.chance(60),
                            weekly_hours: Decimal2::whole(8 + r.below(24)),
                        })
                        .collect(),
                }
            };
            Station {
                name: format!("{} {}", STATIONS[i % STATIONS.len()], i + 1),
                address: format!("{}{}丁目", MUNICIPALITIES[i % MUNICIPALITIES.len()], 1 + r.below(9)),
                fte,
                monthly_users: Some(users),
                medical_insurance_users: Some(r.below(u64::from(users) + 1) as u32),
                room_for_more_visits: yes_no(&mut r, 40),
                addition_24h: yes_no(&mut r, 80),
                addition_special: yes_no(&mut r, 70),
                als_experience: yes_no(&mut r, 50),
                ventilator_experience: yes_no(&mut r, 40),
                als_intake: Some(*r.pick(&Intake::ALL)),
                child_intake: Some(*r.pick(&Intake::ALL)),
            }
        })
        .collect()
}

/// A fixed time for synthetic records.
pub const SAMPLE_TIME: Timestamp = Timestamp(1_760_000_000_000);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rosters_are_deterministic_and_varied() {
        let a = synthetic_patients(200, 7);
        let b = synthetic_patients(200, 7);
        assert_eq!(a, b);
        assert!(a.iter().any(|p| p.procedures.ventilator == Some(true)));
        assert!(a.iter().any(|p| p.emergency_admission == Tri::None));
        assert!(a.iter().any(|p| p.emergency_admission == Tri::Unknown));
        assert!(a.iter().any(|p| matches!(p.age, Some(Age::Band(_)))));
        assert!(a.iter().any(|p| p.station_nursing.weekly_visits == Some(Decimal2(50))));
        // The programme is only used with a ventilator and never above the weekly total.
        for p in &a {
            if p.ventilator_programme.used == Some(true) {
                assert_eq!(p.procedures.ventilator, Some(true));
            }
        }
        let s = synthetic_stations(50, 7);
        assert_eq!(s.len(), 50);
        assert!(s.iter().all(|x| x.medical_insurance_users <= x.monthly_users));
    }
}
