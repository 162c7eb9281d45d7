//! The two example rows of 様式1 in the seed (入力例 例1 and 例2), as a nurse would type
//! them into [`PatientForm`]. They serve as the app's sample data and as fixtures: both must
//! parse without a finding.
//!
//! The seed's table is scrambled by the PDF text extraction; the readings below were checked
//! column by column against it. The seed gives no ID番号 (only 番号); the examples use
//! `例1` and `例2`.

use super::input::{STATE_NONE, STATE_VALUE};
use super::patient_form::{
    DoctorCareForm, InstitutionNursingForm, PatientForm, ProceduresForm, StationNursingForm, SymptomsForm, TriTextForm,
    VentilatorProgrammeForm, AGE_BAND,
};

fn value(text: &str) -> TriTextForm {
    TriTextForm { state: STATE_VALUE.to_string(), text: text.to_string() }
}

fn none() -> TriTextForm {
    TriTextForm { state: STATE_NONE.to_string(), text: String::new() }
}

fn all(code: &str) -> (String, String, String, String, String) {
    (code.into(), code.into(), code.into(), code.into(), code.into())
}

/// 例1 as typed. The reading:
///
/// 住所 ○市△町☐丁目 (市町村 ○市), 氏名 ○○○○, 発症時期 2002年 (no month), 初発症状
/// 話にくくなった, 年齢 区分コード 3 (40〜65歳未満), ADL 2 (一部介助); 医療処置 人工呼吸器 0,
/// 気管切開 0, 吸引 0, 経管栄養 0, その他 0; 使用医療機器 なし (left empty: it is a free text);
/// 特定症状 呼吸 1, 嚥下 1, 構音 1, 排尿 1, 自律神経 1; 神経内科専門医療機関 県立Ａ病院,
/// 受診形態 1 外来, 頻度 1回/月; かかりつけ主治医 0 (なし), 受診形態 0, 頻度 blank; 緊急時の
/// 入院機関 0; レスパイトの入院・入所機関 0; 在宅でのレスパイト 療養通所介護に通所; 緊急時の
/// 訪問看護 0; 訪問看護ステーション 0 (なし), 利用機関数 0, 週0回; 医療機関からの訪問看護 0,
/// 週0回; 在宅人工呼吸器使用患者支援事業 利用 0, 事業による訪問回数 0 (so the computed
/// weekly total is 0); 介護保険 5 (要介護5); 身体障害者手帳 1級; 障害支援区分 5; 居宅介護 1;
/// 災害時個別支援計画 あり, year not given (the example writes 1); 最終把握時期 ○年△月□日訪問;
/// 支援管理区分 blank.
pub fn seed_example_1() -> PatientForm {
    let (ventilator, tracheostomy, suction, tube_feeding, other) = all("0");
    let (respiratory, swallowing, speech, urinary, autonomic) = all("1");
    PatientForm {
        id_number: "例1".into(),
        disease: "als".into(),
        disease_other: String::new(),
        name: "○○○○".into(),
        furigana: String::new(),
        municipality: "○市".into(),
        address_detail: "△町☐丁目".into(),
        onset: "2002年".into(),
        first_symptom: "話にくくなった".into(),
        onset_type: String::new(),
        age_mode: AGE_BAND.into(),
        age: "3".into(),
        adl: "2".into(),
        procedures: ProceduresForm {
            ventilator,
            tracheostomy,
            suction,
            tube_feeding,
            other,
            other_detail: String::new(),
        },
        devices: String::new(),
        symptoms: SymptomsForm { respiratory, swallowing, speech, urinary, autonomic, ..SymptomsForm::default() },
        neurology: DoctorCareForm { name: value("県立Ａ病院"), mode: "1".into(), per_month: "1".into() },
        family_doctor: DoctorCareForm { name: none(), mode: "0".into(), per_month: String::new() },
        emergency_admission: none(),
        respite_admission: none(),
        home_respite: value("療養通所介護に通所"),
        emergency_nursing: none(),
        station_nursing: StationNursingForm { names: none(), count: "0".into(), weekly_visits: "0".into() },
        institution_nursing: InstitutionNursingForm { name: none(), weekly_visits: "0".into() },
        ventilator_programme: VentilatorProgrammeForm { used: "0".into(), weekly_visits: "0".into() },
        care_insurance: "5".into(),
        disability_certificate: "1".into(),
        disability_support_class: "5".into(),
        home_care_service: "1".into(),
        disaster_plan: value("1"),
        last_contact: "○年△月□日訪問".into(),
        support_class: String::new(),
        gaps: Vec::new(),
    }
}

/// 例2 as typed. The reading:
///
/// 住所 A市B町C丁目 (市町村 A市), 氏名 △△　△ (with the seed's full-width space), 発症時期
/// 2005年, 初発症状 右手に力が入らなくなった, 年齢 区分コード 4 (65歳以上), ADL 3 (全面介助);
/// 医療処置 all 1; 使用医療機器 ABC900（O呼吸器会社）、A吸引ﾕﾆｯﾄ; 特定症状 all 1; 神経内科
/// 専門医療機関 Ｂ大学病院, 1 外来, 0.5回/月; かかりつけ主治医 Ａクリニック, 2 往診, 4回/月;
/// 緊急時の入院機関 Ｂ大学病院; レスパイトの入院・入所機関 0; 在宅でのレスパイト
/// 医療保険と難病事業の訪問看護を連続。3時間の長時間滞在看護実施; 緊急時の訪問看護 Ａｽﾃｰｼｮﾝ;
/// 訪問看護ステーション Ａｽﾃｰｼｮﾝ and Ｂｽﾃｰｼｮﾝ (one per line, as in the seed), 利用機関数 2,
/// 週2回; 医療機関からの訪問看護 Ａ病院, 週3回; 在宅人工呼吸器使用患者支援事業 利用 1, 事業による
/// 訪問回数 1 (computed weekly total 2 + 3 = 5); 介護保険 5; 身体障害者手帳 1級; 障害支援区分
/// 6; 居宅介護 1; 災害時個別支援計画 なし (the example writes 0); 最終把握時期
/// ｽﾃｰｼｮﾝと○年△月連絡をとる (half-width katakana as in the seed); 支援管理区分 blank.
pub fn seed_example_2() -> PatientForm {
    let (ventilator, tracheostomy, suction, tube_feeding, other) = all("1");
    let (respiratory, swallowing, speech, urinary, autonomic) = all("1");
    PatientForm {
        id_number: "例2".into(),
        disease: "als".into(),
        disease_other: String::new(),
        name: "△△　△".into(),
        furigana: String::new(),
        municipality: "A市".into(),
        address_detail: "B町C丁目".into(),
        onset: "2005年".into(),
        first_symptom: "右手に力が入らなくなった".into(),
        onset_type: String::new(),
        age_mode: AGE_BAND.into(),
        age: "4".into(),
        adl: "3".into(),
        procedures: ProceduresForm {
            ventilator,
            tracheostomy,
            suction,
            tube_feeding,
            other,
            other_detail: String::new(),
        },
        devices: "ABC900（O呼吸器会社）、A吸引ﾕﾆｯﾄ".into(),
        symptoms: SymptomsForm { respiratory, swallowing, speech, urinary, autonomic, ..SymptomsForm::default() },
        neurology: DoctorCareForm { name: value("Ｂ大学病院"), mode: "1".into(), per_month: "0.5".into() },
        family_doctor: DoctorCareForm { name: value("Ａクリニック"), mode: "2".into(), per_month: "4".into() },
        emergency_admission: value("Ｂ大学病院"),
        respite_admission: none(),
        home_respite: value("医療保険と難病事業の訪問看護を連続。3時間の長時間滞在看護実施"),
        emergency_nursing: value("Ａｽﾃｰｼｮﾝ"),
        station_nursing: StationNursingForm {
            names: value("Ａｽﾃｰｼｮﾝ\nＢｽﾃｰｼｮﾝ"),
            count: "2".into(),
            weekly_visits: "2".into(),
        },
        institution_nursing: InstitutionNursingForm { name: value("Ａ病院"), weekly_visits: "3".into() },
        ventilator_programme: VentilatorProgrammeForm { used: "1".into(), weekly_visits: "1".into() },
        care_insurance: "5".into(),
        disability_certificate: "1".into(),
        disability_support_class: "6".into(),
        home_care_service: "1".into(),
        disaster_plan: none(),
        last_contact: "ｽﾃｰｼｮﾝと○年△月連絡をとる".into(),
        support_class: String::new(),
        gaps: Vec::new(),
    }
}

/// 例1 or 例2 as a saved patient: the form read by its own parser on a fixed day — the one
/// copy of the seed's examples the native tests use (the 集計, CSV and bundle tests).
#[cfg(test)]
pub fn seed_patient(form: PatientForm) -> crate::domain::patient::Patient {
    let today = crate::domain::time::Date::new(2025, 11, 20).unwrap_or_else(|| panic!("a valid date"));
    form.parse(today).map(|(p, _)| p).unwrap_or_else(|e| panic!("the seed's example reads: {e:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::number::Decimal2;
    use crate::domain::patient::{
        Adl, Age, AgeBand, CareLevel, Disease, DoctorCare, InstitutionNursing, KeySymptoms, Patient, Procedures,
        StationNursing, VentilatorProgramme, VisitMode,
    };
    use crate::domain::time::{Date, YearMonth};
    use crate::domain::tri::Tri;

    fn today() -> Date {
        Date::new(2025, 11, 20).expect("valid date")
    }

    fn all_yes() -> KeySymptoms {
        KeySymptoms {
            respiratory: Some(true),
            swallowing: Some(true),
            speech: Some(true),
            urinary: Some(true),
            autonomic: Some(true),
            ..KeySymptoms::default()
        }
    }

    fn procedures(v: bool) -> Procedures {
        Procedures {
            ventilator: Some(v),
            tracheostomy: Some(v),
            suction: Some(v),
            tube_feeding: Some(v),
            other: Some(v),
            other_detail: String::new(),
        }
    }

    #[test]
    fn example_1_reads_as_the_seed_codes_it() {
        let (p, findings) = seed_example_1().parse(today()).expect("example 1 is valid");
        assert!(findings.is_empty(), "{findings:?}");
        let expected = Patient {
            id_number: "例1".into(),
            disease: Disease::Als,
            name: "○○○○".into(),
            furigana: String::new(),
            municipality: "○市".into(),
            address_detail: "△町☐丁目".into(),
            onset: Some(YearMonth { year: 2002, month: None }),
            first_symptom: "話にくくなった".into(),
            onset_type: None,
            age: Some(Age::Band(AgeBand::From40To64)),
            adl: Some(Adl::PartialAssist),
            procedures: procedures(false),
            devices: String::new(),
            symptoms: all_yes(),
            neurology: DoctorCare {
                name: Tri::Value("県立Ａ病院".into()),
                mode: Some(VisitMode::Outpatient),
                per_month: Some(Decimal2(100)),
            },
            family_doctor: DoctorCare { name: Tri::None, mode: Some(VisitMode::NoVisits), per_month: None },
            emergency_admission: Tri::None,
            respite_admission: Tri::None,
            home_respite: Tri::Value("療養通所介護に通所".into()),
            emergency_nursing: Tri::None,
            station_nursing: StationNursing { names: Tri::None, count: Some(0), weekly_visits: Some(Decimal2::ZERO) },
            institution_nursing: InstitutionNursing { name: Tri::None, weekly_visits: Some(Decimal2::ZERO) },
            ventilator_programme: VentilatorProgramme { used: Some(false), weekly_visits: Some(Decimal2::ZERO) },
            care_insurance: Tri::Value(CareLevel::Care5),
            disability_certificate: Tri::Value(1),
            disability_support_class: Tri::Value(5),
            home_care_service: Some(true),
            disaster_plan: Tri::Value(None),
            last_contact: "○年△月□日訪問".into(),
            support_class: String::new(),
            gaps: Vec::new(),
        };
        assert_eq!(p, expected);
        assert_eq!(p.weekly_total(), Some(Decimal2::ZERO));
        assert_eq!(p.age.map(|a| a.band().code()), Some(3));
    }

    #[test]
    fn example_2_reads_as_the_seed_codes_it() {
        let (p, findings) = seed_example_2().parse(today()).expect("example 2 is valid");
        assert!(findings.is_empty(), "{findings:?}");
        let expected = Patient {
            id_number: "例2".into(),
            disease: Disease::Als,
            name: "△△　△".into(),
            furigana: String::new(),
            municipality: "A市".into(),
            address_detail: "B町C丁目".into(),
            onset: Some(YearMonth { year: 2005, month: None }),
            first_symptom: "右手に力が入らなくなった".into(),
            onset_type: None,
            age: Some(Age::Band(AgeBand::Over65)),
            adl: Some(Adl::FullAssist),
            procedures: procedures(true),
            devices: "ABC900（O呼吸器会社）、A吸引ﾕﾆｯﾄ".into(),
            symptoms: all_yes(),
            neurology: DoctorCare {
                name: Tri::Value("Ｂ大学病院".into()),
                mode: Some(VisitMode::Outpatient),
                per_month: Some(Decimal2(50)),
            },
            family_doctor: DoctorCare {
                name: Tri::Value("Ａクリニック".into()),
                mode: Some(VisitMode::HomeVisit),
                per_month: Some(Decimal2(400)),
            },
            emergency_admission: Tri::Value("Ｂ大学病院".into()),
            respite_admission: Tri::None,
            home_respite: Tri::Value("医療保険と難病事業の訪問看護を連続。3時間の長時間滞在看護実施".into()),
            emergency_nursing: Tri::Value("Ａｽﾃｰｼｮﾝ".into()),
            station_nursing: StationNursing {
                names: Tri::Value(vec!["Ａｽﾃｰｼｮﾝ".into(), "Ｂｽﾃｰｼｮﾝ".into()]),
                count: Some(2),
                weekly_visits: Some(Decimal2(200)),
            },
            institution_nursing: InstitutionNursing {
                name: Tri::Value("Ａ病院".into()),
                weekly_visits: Some(Decimal2(300)),
            },
            ventilator_programme: VentilatorProgramme { used: Some(true), weekly_visits: Some(Decimal2(100)) },
            care_insurance: Tri::Value(CareLevel::Care5),
            disability_certificate: Tri::Value(1),
            disability_support_class: Tri::Value(6),
            home_care_service: Some(true),
            disaster_plan: Tri::None,
            last_contact: "ｽﾃｰｼｮﾝと○年△月連絡をとる".into(),
            support_class: String::new(),
            gaps: Vec::new(),
        };
        assert_eq!(p, expected);
        // 1週間の合計訪問看護利用回数 = 2 + 3 = 5 (the seed's example shows 5).
        assert_eq!(p.weekly_total(), Some(Decimal2(500)));
        assert_eq!(seed_example_2().weekly_total_text(), "5");
    }

    #[test]
    fn examples_round_trip_through_the_form() {
        for form in [seed_example_1(), seed_example_2()] {
            let (p, _) = form.parse(today()).expect("valid");
            let again = PatientForm::from_patient(&p);
            assert_eq!(again.parse(today()).map(|(q, _)| q), Ok(p));
        }
        // Example 1's 災害時個別支援計画 is あり without a year: shown as あり with an empty year.
        let (p, _) = seed_example_1().parse(today()).expect("valid");
        assert_eq!(PatientForm::from_patient(&p).disaster_plan, value(""));
    }
}
