//! Tests for the 様式1 療養者 form: every parse rule and cross-field check, written from the
//! seed's coding.

use super::*;
use crate::domain::ids::RecordId;
use crate::domain::time::Timestamp;

fn today() -> Date {
    Date::new(2025, 11, 20).expect("valid date")
}

/// An empty form with an ID番号: the smallest valid row.
fn blank() -> PatientForm {
    PatientForm { id_number: "A-001".into(), ..PatientForm::default() }
}

fn parse_ok(f: &PatientForm) -> (Patient, Issues) {
    match f.parse(today()) {
        Ok(r) => r,
        Err(issues) => panic!("expected a valid form, got {issues:?}"),
    }
}

fn parse_err(f: &PatientForm) -> Issues {
    match f.parse(today()) {
        Ok((p, _)) => panic!("expected errors, got {p:?}"),
        Err(issues) => issues,
    }
}

/// (field, severity) of every finding, in order.
fn found(issues: &Issues) -> Vec<(&str, Severity)> {
    issues.0.iter().map(|i| (i.field.as_str(), i.severity)).collect()
}

fn errors_on(f: &PatientForm) -> Vec<String> {
    f.issues(today()).errors().map(|i| i.field.clone()).collect()
}

fn warnings_on(f: &PatientForm) -> Vec<String> {
    f.issues(today()).warnings().map(|i| i.field.clone()).collect()
}

fn tri(state: &str, text: &str) -> TriTextForm {
    TriTextForm { state: state.into(), text: text.into() }
}

#[test]
fn a_blank_row_is_all_unknown_never_zero() {
    let (p, warnings) = parse_ok(&blank());
    assert!(warnings.is_empty());
    assert_eq!(p, Patient { id_number: "A-001".into(), ..Patient::default() });
    assert_eq!(p.neurology.name, Tri::Unknown);
    assert_eq!(p.care_insurance, Tri::Unknown);
    assert_eq!(p.station_nursing.weekly_visits, None);
    assert_eq!(p.weekly_total(), None);
    assert_eq!(p.disaster_plan, Tri::Unknown);
    // The default form shows every three-state control as 不明 and age as 実年齢.
    let f = PatientForm::default();
    assert_eq!(f.emergency_admission.state, "unknown");
    assert_eq!(f.station_nursing.names.state, "unknown");
    assert_eq!(f.disaster_plan.state, "unknown");
    assert_eq!(f.age_mode, "years");
    assert_eq!(f.disease, "als");
}

#[test]
fn id_number_is_required_and_short() {
    let issues = parse_err(&PatientForm::default());
    assert_eq!(found(&issues), vec![("id_number", Severity::Error)]);
    assert_eq!(issues.0[0].label, "ID番号");
    assert_eq!(errors_on(&PatientForm { id_number: "   ".into(), ..blank() }), vec!["id_number"]);
    assert_eq!(errors_on(&PatientForm { id_number: "x".repeat(21), ..blank() }), vec!["id_number"]);
    let (p, _) = parse_ok(&PatientForm { id_number: format!(" {} ", "あ".repeat(20)), ..blank() });
    assert_eq!(p.id_number, "あ".repeat(20));
    assert_eq!(errors_on(&PatientForm { id_number: "A\n1".into(), ..blank() }), vec!["id_number"]);
}

#[test]
fn duplicate_ids_are_found_width_insensitively() {
    assert_eq!(duplicate_id_number("A-001", &["A-002", "B-001"]), None);
    let issue = duplicate_id_number("A-001", &["A-002", "Ａ-００１"]).expect("duplicate");
    assert_eq!(issue.severity, Severity::Error);
    assert_eq!(issue.field, "id_number");
    assert_eq!(issue.message, "ID番号「A-001」は他の療養者に使われています");
    assert!(duplicate_id_number(" a-001 ", &["A-001"]).is_some());
    assert_eq!(duplicate_id_number("", &[""]), None);
}

#[test]
fn name_is_optional_and_disease_defaults_to_als() {
    let (p, _) = parse_ok(&blank());
    assert_eq!(p.name, "");
    assert_eq!(p.disease, Disease::Als);
    let (p, _) = parse_ok(&PatientForm { disease: "scd".into(), ..blank() });
    assert_eq!(p.disease, Disease::Scd);
    let (p, _) =
        parse_ok(&PatientForm {
            disease: "other".into(), disease_other: " 進行性核上性麻痺 ".into(), ..blank()
        });
    assert_eq!(p.disease, Disease::Other("進行性核上性麻痺".into()));
    assert_eq!(errors_on(&PatientForm { disease: "other".into(), ..blank() }), vec!["disease_other"]);
    assert_eq!(errors_on(&PatientForm { disease: "flu".into(), ..blank() }), vec!["disease"]);
    let f = PatientForm::from_patient(&Patient { disease: Disease::Other("PSP".into()), ..Patient::default() });
    assert_eq!((f.disease.as_str(), f.disease_other.as_str()), ("other", "PSP"));
}

#[test]
fn age_in_years_or_band() {
    let age = |mode: &str, text: &str| PatientForm { age_mode: mode.into(), age: text.into(), ..blank() };
    assert_eq!(parse_ok(&age("years", "72")).0.age, Some(Age::Years(72)));
    assert_eq!(parse_ok(&age("years", "７２歳")).0.age, Some(Age::Years(72)));
    assert_eq!(parse_ok(&age("years", "0")).0.age, Some(Age::Years(0)));
    assert_eq!(parse_ok(&age("years", "120")).0.age, Some(Age::Years(120)));
    assert_eq!(parse_ok(&age("years", "")).0.age, None);
    assert_eq!(parse_ok(&age("band", "")).0.age, None);
    for bad in ["121", "-1", "abc", "72.5", "七十"] {
        assert_eq!(errors_on(&age("years", bad)), vec!["age"], "{bad}");
    }
    // A small number in 実年齢 is kept, with a reminder about band codes.
    let (p, warnings) = parse_ok(&age("years", "3"));
    assert_eq!(p.age, Some(Age::Years(3)));
    assert_eq!(found(&warnings), vec![("age", Severity::Warning)]);
    assert!(warnings_on(&age("years", "5")).is_empty());
    for (code, band) in
        [("1", AgeBand::Under20), ("2", AgeBand::From20To39), ("3", AgeBand::From40To64), ("4", AgeBand::Over65)]
    {
        assert_eq!(parse_ok(&age("band", code)).0.age, Some(Age::Band(band)));
    }
    for bad in ["0", "5", "72", "x", "1.5"] {
        assert_eq!(errors_on(&age("band", bad)), vec!["age"], "{bad}");
    }
    assert_eq!(errors_on(&age("decade", "7")), vec!["age_mode"]);
}

#[test]
fn adl_codes() {
    let adl = |t: &str| PatientForm { adl: t.into(), ..blank() };
    assert_eq!(parse_ok(&adl("1")).0.adl, Some(Adl::Independent));
    assert_eq!(parse_ok(&adl("2")).0.adl, Some(Adl::PartialAssist));
    assert_eq!(parse_ok(&adl("３")).0.adl, Some(Adl::FullAssist));
    assert_eq!(parse_ok(&adl("")).0.adl, None);
    for bad in ["0", "4", "a", "2.5"] {
        assert_eq!(errors_on(&adl(bad)), vec!["adl"], "{bad}");
    }
}

#[test]
fn yes_no_fields_keep_unknown_apart_from_no() {
    let f = PatientForm {
        procedures: ProceduresForm {
            ventilator: "1".into(),
            tracheostomy: "0".into(),
            suction: "".into(),
            tube_feeding: "有".into(),
            other: "無".into(),
            other_detail: "導尿".into(),
        },
        symptoms: SymptomsForm { respiratory: "1".into(), urinary: "0".into(), ..SymptomsForm::default() },
        home_care_service: "0".into(),
        ..blank()
    };
    let (p, _) = parse_ok(&f);
    assert_eq!(p.procedures.ventilator, Some(true));
    assert_eq!(p.procedures.tracheostomy, Some(false));
    assert_eq!(p.procedures.suction, None);
    assert_eq!(p.procedures.tube_feeding, Some(true));
    assert_eq!(p.procedures.other, Some(false));
    assert_eq!(p.procedures.other_detail, "導尿");
    assert_eq!(p.symptoms.respiratory, Some(true));
    assert_eq!(p.symptoms.urinary, Some(false));
    assert_eq!(p.symptoms.swallowing, None);
    assert_eq!(p.home_care_service, Some(false));
    let bad = PatientForm {
        procedures: ProceduresForm { ventilator: "2".into(), ..ProceduresForm::default() },
        symptoms: SymptomsForm { speech: "yes".into(), ..SymptomsForm::default() },
        home_care_service: "-1".into(),
        ..blank()
    };
    let issues = parse_err(&bad);
    assert_eq!(
        found(&issues),
        vec![
            ("procedures.ventilator", Severity::Error),
            ("symptoms.speech", Severity::Error),
            ("home_care_service", Severity::Error)
        ]
    );
    assert_eq!(issues.0[0].label, "医療処置管理 人工呼吸器");
    assert_eq!(issues.0[0].message, "1（有）か0（無）で入力してください（不明なら空欄）");
}

#[test]
fn care_insurance_codes() {
    let ci = |t: &str| PatientForm { care_insurance: t.into(), ..blank() };
    let expected = [
        ("11", Tri::Value(CareLevel::Support1)),
        ("12", Tri::Value(CareLevel::Support2)),
        ("1", Tri::Value(CareLevel::Care1)),
        ("2", Tri::Value(CareLevel::Care2)),
        ("3", Tri::Value(CareLevel::Care3)),
        ("4", Tri::Value(CareLevel::Care4)),
        ("5", Tri::Value(CareLevel::Care5)),
        ("０", Tri::None),
        ("0", Tri::None),
        ("", Tri::Unknown),
    ];
    for (text, value) in expected {
        assert_eq!(parse_ok(&ci(text)).0.care_insurance, value, "{text}");
    }
    for bad in ["6", "10", "13", "要介護3", "1.0", "-1"] {
        assert_eq!(errors_on(&ci(bad)), vec!["care_insurance"], "{bad}");
    }
}

#[test]
fn certificate_and_support_class() {
    let cert = |t: &str| PatientForm { disability_certificate: t.into(), ..blank() };
    assert_eq!(parse_ok(&cert("1")).0.disability_certificate, Tri::Value(1));
    assert_eq!(parse_ok(&cert("6級")).0.disability_certificate, Tri::Value(6));
    assert_eq!(parse_ok(&cert("0")).0.disability_certificate, Tri::None);
    assert_eq!(parse_ok(&cert("なし")).0.disability_certificate, Tri::None);
    assert_eq!(parse_ok(&cert("")).0.disability_certificate, Tri::Unknown);
    for bad in ["7", "級", "1.5", "a"] {
        assert_eq!(errors_on(&cert(bad)), vec!["disability_certificate"], "{bad}");
    }
    let class = |t: &str| PatientForm { disability_support_class: t.into(), ..blank() };
    assert_eq!(parse_ok(&class("6")).0.disability_support_class, Tri::Value(6));
    assert_eq!(parse_ok(&class("区分3")).0.disability_support_class, Tri::Value(3));
    assert_eq!(parse_ok(&class("0")).0.disability_support_class, Tri::None);
    assert_eq!(parse_ok(&class("該当なし")).0.disability_support_class, Tri::None);
    assert_eq!(parse_ok(&class("")).0.disability_support_class, Tri::Unknown);
    for bad in ["7", "11", "x", "区分"] {
        assert_eq!(errors_on(&class(bad)), vec!["disability_support_class"], "{bad}");
    }
}

#[test]
fn weekly_visits_take_quarters_and_halves() {
    let v = |t: &str| PatientForm {
        station_nursing: StationNursingForm {
            names: tri("value", "Ａｽﾃｰｼｮﾝ"),
            count: "1".into(),
            weekly_visits: t.into(),
        },
        ..blank()
    };
    assert_eq!(parse_ok(&v("0.25")).0.station_nursing.weekly_visits, Some(Decimal2(25)));
    assert_eq!(parse_ok(&v("0.5")).0.station_nursing.weekly_visits, Some(Decimal2(50)));
    assert_eq!(parse_ok(&v("２回")).0.station_nursing.weekly_visits, Some(Decimal2(200)));
    assert_eq!(parse_ok(&v("50")).0.station_nursing.weekly_visits, Some(Decimal2(5000)));
    assert_eq!(parse_ok(&v("0")).0.station_nursing.weekly_visits, Some(Decimal2::ZERO));
    assert_eq!(parse_ok(&v("")).0.station_nursing.weekly_visits, None);
    for bad in ["0.125", "50.5", "-1", "週2", "two", "1/2"] {
        assert_eq!(errors_on(&v(bad)), vec!["station_nursing.weekly_visits"], "{bad}");
    }
    let issues = parse_err(&v("0.125"));
    assert_eq!(issues.0[0].label, "訪問看護ステーション 1週間の合計訪問回数");
    assert_eq!(issues.0[0].message, "小数点以下は2桁までで入力してください");
}

#[test]
fn frequency_per_month() {
    let f = |t: &str| PatientForm {
        neurology: DoctorCareForm { name: tri("value", "県立Ａ病院"), mode: "1".into(), per_month: t.into() },
        ..blank()
    };
    assert_eq!(parse_ok(&f("0.5")).0.neurology.per_month, Some(Decimal2(50)));
    assert_eq!(parse_ok(&f("31")).0.neurology.per_month, Some(Decimal2(3100)));
    assert_eq!(parse_ok(&f("1回/月")).0.neurology.per_month, Some(Decimal2(100)));
    for bad in ["31.5", "32", "-2", "毎月"] {
        assert_eq!(errors_on(&f(bad)), vec!["neurology.per_month"], "{bad}");
    }
    let mode = |t: &str| PatientForm {
        family_doctor: DoctorCareForm { mode: t.into(), ..DoctorCareForm::default() },
        ..blank()
    };
    assert_eq!(parse_ok(&mode("2")).0.family_doctor.mode, Some(VisitMode::HomeVisit));
    assert_eq!(parse_ok(&mode("0")).0.family_doctor.mode, Some(VisitMode::NoVisits));
    assert_eq!(parse_ok(&mode("")).0.family_doctor.mode, None);
    assert_eq!(errors_on(&mode("3")), vec!["family_doctor.mode"]);
}

#[test]
fn station_count_is_whole() {
    let c = |t: &str| PatientForm {
        station_nursing: StationNursingForm { names: tri("unknown", ""), count: t.into(), weekly_visits: "".into() },
        ..blank()
    };
    assert_eq!(parse_ok(&c("2")).0.station_nursing.count, Some(2));
    assert_eq!(parse_ok(&c("0")).0.station_nursing.count, Some(0));
    assert_eq!(parse_ok(&c("")).0.station_nursing.count, None);
    assert_eq!(parse_ok(&c("20")).0.station_nursing.count, Some(20));
    for bad in ["0.5", "2.25", "21", "-1", "二"] {
        assert_eq!(errors_on(&c(bad)), vec!["station_nursing.count"], "{bad}");
    }
    assert_eq!(parse_err(&c("0.5")).0[0].message, "整数で入力してください");
}

#[test]
fn onset_not_after_today() {
    let o = |t: &str| PatientForm { onset: t.into(), ..blank() };
    assert_eq!(parse_ok(&o("2002年")).0.onset, Some(YearMonth { year: 2002, month: None }));
    assert_eq!(parse_ok(&o("2005/7")).0.onset, Some(YearMonth { year: 2005, month: Some(7) }));
    assert_eq!(parse_ok(&o("2025年11月")).0.onset, Some(YearMonth { year: 2025, month: Some(11) }));
    assert_eq!(parse_ok(&o("2025")).0.onset, Some(YearMonth { year: 2025, month: None }));
    assert_eq!(parse_ok(&o("")).0.onset, None);
    for bad in ["2025年12月", "2026", "2002年13月", "昨年", "1800"] {
        assert_eq!(errors_on(&o(bad)), vec!["onset"], "{bad}");
    }
    assert_eq!(parse_err(&o("2026年1月")).0[0].message, "発症時期（2026年1月）が今日（2025年11月20日）より後です");
}

#[test]
fn three_state_names() {
    let e = |state: &str, text: &str| PatientForm { emergency_admission: tri(state, text), ..blank() };
    assert_eq!(parse_ok(&e("value", "Ｂ大学病院")).0.emergency_admission, Tri::Value("Ｂ大学病院".into()));
    assert_eq!(parse_ok(&e("none", "Ｂ大学病院")).0.emergency_admission, Tri::None);
    assert_eq!(parse_ok(&e("unknown", "Ｂ大学病院")).0.emergency_admission, Tri::Unknown);
    assert_eq!(parse_ok(&e("value", "0")).0.emergency_admission, Tri::None);
    assert_eq!(parse_ok(&e("", "")).0.emergency_admission, Tri::Unknown);
    assert_eq!(errors_on(&e("value", "")), vec!["emergency_admission"]);
    assert_eq!(errors_on(&e("maybe", "x")), vec!["emergency_admission"]);
    // 在宅でのレスパイト is a description and may have several lines.
    let f = PatientForm { home_respite: tri("value", "長時間滞在\r\n週1回"), ..blank() };
    assert_eq!(parse_ok(&f).0.home_respite, Tri::Value("長時間滞在\n週1回".into()));
    // The form of a saved value shows the state and the text.
    let back = PatientForm::from_patient(&parse_ok(&e("none", "Ｂ大学病院")).0);
    assert_eq!(back.emergency_admission, tri("none", ""));
}

#[test]
fn station_names_split_by_line_or_comma() {
    assert_eq!(split_station_names("Ａｽﾃｰｼｮﾝ\nＢｽﾃｰｼｮﾝ"), vec!["Ａｽﾃｰｼｮﾝ", "Ｂｽﾃｰｼｮﾝ"]);
    assert_eq!(split_station_names(" A、B，C,D､E \r\n\n"), vec!["A", "B", "C", "D", "E"]);
    assert!(split_station_names("、\n").is_empty());
    let s = |state: &str, text: &str, count: &str| PatientForm {
        station_nursing: StationNursingForm { names: tri(state, text), count: count.into(), weekly_visits: "".into() },
        ..blank()
    };
    let (p, _) = parse_ok(&s("value", "Ａｽﾃｰｼｮﾝ、Ｂｽﾃｰｼｮﾝ", "2"));
    assert_eq!(p.station_nursing.names, Tri::Value(vec!["Ａｽﾃｰｼｮﾝ".to_string(), "Ｂｽﾃｰｼｮﾝ".to_string()]));
    assert_eq!(PatientForm::from_patient(&p).station_nursing.names.text, "Ａｽﾃｰｼｮﾝ\nＢｽﾃｰｼｮﾝ");
    assert_eq!(parse_ok(&s("value", "0", "0")).0.station_nursing.names, Tri::None);
    assert_eq!(errors_on(&s("value", "、", "")), vec!["station_nursing.names"]);
    assert_eq!(errors_on(&s("value", "", "")), vec!["station_nursing.names"]);
    let many = (0..21).map(|n| format!("S{n}")).collect::<Vec<_>>().join("\n");
    assert_eq!(errors_on(&s("value", &many, "20")), vec!["station_nursing.names"]);
}

#[test]
fn disaster_plan_year() {
    let d = |state: &str, text: &str| PatientForm { disaster_plan: tri(state, text), ..blank() };
    assert_eq!(parse_ok(&d("value", "")).0.disaster_plan, Tri::Value(None));
    assert_eq!(parse_ok(&d("value", "1")).0.disaster_plan, Tri::Value(None), "the seed's examples write 1");
    assert_eq!(parse_ok(&d("value", "2023")).0.disaster_plan, Tri::Value(Some(2023)));
    assert_eq!(parse_ok(&d("value", "2023年")).0.disaster_plan, Tri::Value(Some(2023)));
    assert_eq!(parse_ok(&d("value", "令和5年")).0.disaster_plan, Tri::Value(Some(2023)));
    assert_eq!(parse_ok(&d("value", "H30")).0.disaster_plan, Tri::Value(Some(2018)));
    assert_eq!(parse_ok(&d("value", "1990")).0.disaster_plan, Tri::Value(Some(1990)));
    assert_eq!(parse_ok(&d("value", "2025")).0.disaster_plan, Tri::Value(Some(2025)));
    assert_eq!(parse_ok(&d("none", "2023")).0.disaster_plan, Tri::None);
    assert_eq!(parse_ok(&d("value", "0")).0.disaster_plan, Tri::None);
    assert_eq!(parse_ok(&d("unknown", "")).0.disaster_plan, Tri::Unknown);
    assert_eq!(parse_ok(&d("", "")).0.disaster_plan, Tri::Unknown);
    for bad in ["1989", "2026", "去年", "2023.5"] {
        assert_eq!(errors_on(&d("value", bad)), vec!["disaster_plan"], "{bad}");
    }
    assert_eq!(errors_on(&d("x", "")), vec!["disaster_plan"]);
    let back = PatientForm::from_patient(&Patient { disaster_plan: Tri::Value(Some(2023)), ..Patient::default() });
    assert_eq!(back.disaster_plan, tri("value", "2023"));
    let back = PatientForm::from_patient(&Patient { disaster_plan: Tri::Value(None), ..Patient::default() });
    assert_eq!(back.disaster_plan, tri("value", ""));
}

#[test]
fn texts_are_bounded() {
    let f =
        PatientForm { name: "あ".repeat(101), support_class: "x".repeat(21), devices: "機".repeat(1001), ..blank() };
    assert_eq!(errors_on(&f), vec!["name", "devices", "support_class"]);
    let f = PatientForm { municipality: " ○市 ".into(), address_detail: "△町☐丁目".into(), ..blank() };
    let (p, _) = parse_ok(&f);
    assert_eq!((p.municipality.as_str(), p.address_detail.as_str()), ("○市", "△町☐丁目"));
}

/// A patient on a ventilator with station and institution visits (5 a week in all).
fn with_visits(used: &str, programme: &str) -> PatientForm {
    PatientForm {
        procedures: ProceduresForm { ventilator: "1".into(), ..ProceduresForm::default() },
        station_nursing: StationNursingForm {
            names: tri("value", "Ａｽﾃｰｼｮﾝ\nＢｽﾃｰｼｮﾝ"),
            count: "2".into(),
            weekly_visits: "2".into(),
        },
        institution_nursing: InstitutionNursingForm { name: tri("value", "Ａ病院"), weekly_visits: "3".into() },
        ventilator_programme: VentilatorProgrammeForm { used: used.into(), weekly_visits: programme.into() },
        ..blank()
    }
}

#[test]
fn programme_visits_within_the_weekly_total() {
    let (p, w) = parse_ok(&with_visits("1", "5"));
    assert!(w.is_empty());
    assert_eq!(p.weekly_total(), Some(Decimal2(500)));
    assert_eq!(p.ventilator_programme.weekly_visits, Some(Decimal2(500)));
    let issues = parse_err(&with_visits("1", "5.5"));
    assert_eq!(found(&issues), vec![("ventilator_programme.weekly_visits", Severity::Error)]);
    assert_eq!(issues.0[0].label, "在宅人工呼吸器使用患者支援事業 事業による訪問回数");
    assert_eq!(
        issues.0[0].message,
        "事業による訪問回数（5.5回）が1週間の合計訪問回数（5回 = ステーション2回 + 医療機関3回）を超えています"
    );
    // Only the station part known: the total is that part.
    let mut f = with_visits("1", "2.5");
    f.institution_nursing.weekly_visits = String::new();
    assert_eq!(errors_on(&f), vec!["ventilator_programme.weekly_visits"]);
    f.ventilator_programme.weekly_visits = "2".into();
    assert!(parse_ok(&f).1.is_empty());
    // Both parts blank: cannot compare, a warning only.
    f.station_nursing.weekly_visits = String::new();
    assert_eq!(warnings_on(&f), vec!["ventilator_programme.weekly_visits"]);
}

#[test]
fn programme_not_used_means_no_programme_visits() {
    assert_eq!(errors_on(&with_visits("0", "1")), vec!["ventilator_programme.weekly_visits"]);
    let issues = parse_err(&with_visits("0", "0.25"));
    assert_eq!(issues.0[0].message, "利用が「0 無」なので、事業による訪問回数は0か空欄にしてください");
    assert!(parse_ok(&with_visits("0", "0")).1.is_empty());
    assert!(parse_ok(&with_visits("0", "")).1.is_empty());
}

#[test]
fn programme_without_ventilator_warns() {
    let mut f = with_visits("1", "1");
    f.procedures.ventilator = "0".into();
    let (_, w) = parse_ok(&f);
    assert_eq!(found(&w), vec![("ventilator_programme.used", Severity::Warning)]);
    f.procedures.ventilator = String::new();
    assert_eq!(warnings_on(&f), vec!["ventilator_programme.used"]);
    f.ventilator_programme.used = "0".into();
    f.ventilator_programme.weekly_visits = "0".into();
    assert!(parse_ok(&f).1.is_empty());
}

#[test]
fn tracheostomy_without_ventilator_is_not_checked() {
    let f = PatientForm {
        procedures: ProceduresForm { ventilator: "0".into(), tracheostomy: "1".into(), ..ProceduresForm::default() },
        ..blank()
    };
    assert!(parse_ok(&f).1.is_empty());
}

#[test]
fn station_count_against_names() {
    let s = |state: &str, text: &str, count: &str| PatientForm {
        station_nursing: StationNursingForm { names: tri(state, text), count: count.into(), weekly_visits: "1".into() },
        ..blank()
    };
    assert!(parse_ok(&s("value", "A\nB", "2")).1.is_empty());
    // Different numbers: a warning (the nurse may know of a station not named).
    let (_, w) = parse_ok(&s("value", "A\nB", "3"));
    assert_eq!(found(&w), vec![("station_nursing.count", Severity::Warning)]);
    assert_eq!(w.0[0].message, "利用機関数（3）と機関名の数（2件）が違います");
    assert_eq!(warnings_on(&s("value", "A", "")), vec!["station_nursing.count"]);
    // 0 with names, or なし with a count: errors.
    assert_eq!(errors_on(&s("value", "A", "0")), vec!["station_nursing.count"]);
    assert_eq!(errors_on(&s("none", "", "1")), vec!["station_nursing.count"]);
    // なし and 0 agree; 不明 names with a count are fine.
    let (p, w) = parse_ok(&PatientForm {
        station_nursing: StationNursingForm { names: tri("none", ""), count: "0".into(), weekly_visits: "0".into() },
        ..blank()
    });
    assert!(w.is_empty());
    assert_eq!(p.station_nursing.names, Tri::None);
    assert!(parse_ok(&s("unknown", "", "1")).1.is_empty());
    // なし with visits: a warning.
    assert_eq!(warnings_on(&s("none", "", "0")), vec!["station_nursing.weekly_visits"]);
}

#[test]
fn institution_none_with_visits_warns() {
    let f = PatientForm {
        institution_nursing: InstitutionNursingForm { name: tri("none", ""), weekly_visits: "1".into() },
        ..blank()
    };
    assert_eq!(warnings_on(&f), vec!["institution_nursing.weekly_visits"]);
}

#[test]
fn no_consultations_with_a_frequency_warns() {
    let d = |mode: &str, per_month: &str| PatientForm {
        family_doctor: DoctorCareForm {
            name: tri("value", "Ａクリニック"),
            mode: mode.into(),
            per_month: per_month.into(),
        },
        ..blank()
    };
    let (_, w) = parse_ok(&d("0", "2"));
    assert_eq!(found(&w), vec![("family_doctor.per_month", Severity::Warning)]);
    assert_eq!(w.0[0].message, "受診形態が「0 なし」なのに頻度が2回/月です");
    assert!(parse_ok(&d("0", "0")).1.is_empty());
    assert!(parse_ok(&d("0", "")).1.is_empty());
    assert!(parse_ok(&d("2", "4")).1.is_empty());
    let f = PatientForm {
        neurology: DoctorCareForm { name: tri("none", ""), mode: "1".into(), per_month: "1".into() },
        ..blank()
    };
    assert_eq!(warnings_on(&f), vec!["neurology.mode"]);
}

#[test]
fn gaps_are_editable() {
    let mut f = blank();
    f.set_gap(Service::StationNursing, true);
    f.set_gap_note(Service::StationNursing, "回数が足りない".into());
    f.set_gap(Service::StationNursing, true);
    f.set_gap_note(Service::DisasterPlan, "未策定".into());
    assert!(f.has_gap(Service::StationNursing));
    let (p, _) = parse_ok(&f);
    assert_eq!(
        p.gaps,
        vec![
            Gap { service: Service::StationNursing, note: "回数が足りない".into() },
            Gap { service: Service::DisasterPlan, note: "未策定".into() },
        ]
    );
    f.set_gap(Service::StationNursing, false);
    assert_eq!(parse_ok(&f).0.gaps, vec![Gap { service: Service::DisasterPlan, note: "未策定".into() }]);
    f.gaps.push(Gap { service: Service::DisasterPlan, note: String::new() });
    assert_eq!(errors_on(&f), vec!["gaps"]);
    let f = PatientForm { gaps: vec![Gap { service: Service::Neurology, note: "x".repeat(1001) }], ..blank() };
    assert_eq!(errors_on(&f), vec!["gaps.0.note"]);
}

#[test]
fn weekly_total_is_shown_while_typing() {
    let mut f = with_visits("1", "1");
    assert_eq!(f.weekly_total_preview(), Some(Decimal2(500)));
    assert_eq!(f.weekly_total_text(), "5");
    f.institution_nursing.weekly_visits = "0.25".into();
    assert_eq!(f.weekly_total_text(), "2.25");
    f.station_nursing.weekly_visits = "abc".into();
    assert_eq!(f.weekly_total_text(), "0.25");
    f.institution_nursing.weekly_visits = String::new();
    assert_eq!(f.weekly_total_text(), "");
}

#[test]
fn judgement_sources_are_carried() {
    let source = JudgementSource {
        assessment_id: RecordId::parse("a-1").expect("id"),
        assessed_at: Timestamp(1_700_000_000_000),
        assessor: "保健師A".into(),
    };
    let p = Patient {
        id_number: "A-1".into(),
        symptoms: KeySymptoms {
            respiratory: Some(true),
            respiratory_source: Some(source.clone()),
            ..KeySymptoms::default()
        },
        ..Patient::default()
    };
    let (back, _) = parse_ok(&PatientForm::from_patient(&p));
    assert_eq!(back.symptoms.respiratory_source, Some(source));
    assert_eq!(back, p);
}

#[test]
fn onset_type_choices_and_suggestion() {
    for (key, t) in [("bulbar", OnsetType::Bulbar), ("lower_limb", OnsetType::LowerLimb)] {
        assert_eq!(parse_ok(&PatientForm { onset_type: key.into(), ..blank() }).0.onset_type, Some(t));
    }
    assert_eq!(errors_on(&PatientForm { onset_type: "球麻痺".into(), ..blank() }), vec!["onset_type"]);
    for (key, _) in ONSET_TYPE_OPTIONS {
        assert!(PatientForm { onset_type: key.into(), ..blank() }.parse(today()).is_ok());
    }
    assert_eq!(suggest_onset_type("話にくくなった"), Some(OnsetType::Bulbar));
    assert_eq!(suggest_onset_type("右手に力が入らなくなった"), Some(OnsetType::UpperLimb));
    assert_eq!(suggest_onset_type("つまずきやすくなった"), Some(OnsetType::LowerLimb));
    assert_eq!(suggest_onset_type("息苦しさ"), Some(OnsetType::Respiratory));
    assert_eq!(suggest_onset_type("手足のしびれ"), None);
    assert_eq!(suggest_onset_type(""), None);
}

#[test]
fn every_option_value_parses() {
    for (code, _) in ADL_OPTIONS {
        assert!(PatientForm { adl: code.into(), ..blank() }.parse(today()).is_ok());
    }
    for (code, _) in CARE_INSURANCE_OPTIONS {
        assert!(PatientForm { care_insurance: code.into(), ..blank() }.parse(today()).is_ok());
    }
    for (code, _) in CERTIFICATE_OPTIONS {
        assert!(PatientForm { disability_certificate: code.into(), ..blank() }.parse(today()).is_ok());
    }
    for (code, _) in SUPPORT_CLASS_OPTIONS {
        assert!(PatientForm { disability_support_class: code.into(), ..blank() }.parse(today()).is_ok());
    }
    for (code, _) in AGE_BAND_OPTIONS {
        assert!(PatientForm { age_mode: AGE_BAND.into(), age: code.into(), ..blank() }.parse(today()).is_ok());
    }
    for (state, _) in DISASTER_PLAN_OPTIONS {
        assert!(PatientForm { disaster_plan: tri(state, ""), ..blank() }.parse(today()).is_ok());
    }
    for (code, _) in DISEASE_OPTIONS.into_iter().filter(|(c, _)| *c != "other") {
        assert!(PatientForm { disease: code.into(), ..blank() }.parse(today()).is_ok());
    }
    for (code, _) in VISIT_MODE_OPTIONS {
        let f = PatientForm { neurology: DoctorCareForm { mode: code.into(), ..DoctorCareForm::default() }, ..blank() };
        assert!(f.parse(today()).is_ok());
    }
}

#[test]
fn drafts_serialise() {
    let f = with_visits("1", "x");
    let json = serde_json::to_string(&f).expect("serialises");
    let back: PatientForm = serde_json::from_str(&json).expect("parses");
    assert_eq!(back, f);
}

#[test]
fn old_drafts_missing_fields_still_load() {
    let f: PatientForm = serde_json::from_str(r#"{"id_number":"A-9","station_nursing":{"count":"2"}}"#).expect("loads");
    assert_eq!(f.id_number, "A-9");
    assert_eq!(f.station_nursing.count, "2");
    assert_eq!(f.emergency_admission.state, "unknown");
    assert_eq!(f.age_mode, "years");
}

#[cfg(not(target_arch = "wasm32"))]
mod props {
    use super::*;
    use crate::domain::sample::synthetic_patients;
    use proptest::prelude::*;

    #[test]
    fn synthetic_patients_round_trip_through_the_form() {
        for (n, p) in synthetic_patients(500, 11).into_iter().enumerate() {
            let f = PatientForm::from_patient(&p);
            let (back, _) = f.parse(today()).unwrap_or_else(|e| panic!("patient {n}: {e:?}"));
            assert_eq!(back, p, "patient {n}");
            assert_eq!(PatientForm::from_patient(&back), f);
        }
    }

    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            any::<String>(),
            "[0-9０-９.．,、\\-+ 回級歳区分年月/\n]{0,12}",
            Just(String::new()),
            Just("0".to_string()),
            Just("1".to_string()),
        ]
    }

    fn state() -> impl Strategy<Value = String> {
        prop_oneof![Just("value".to_string()), Just("none".to_string()), Just("unknown".to_string()), any::<String>()]
    }

    fn tri_form() -> impl Strategy<Value = TriTextForm> {
        (state(), text()).prop_map(|(state, text)| TriTextForm { state, text })
    }

    prop_compose! {
        fn arbitrary_form()(
            a in proptest::collection::vec(text(), 35),
            t in proptest::collection::vec(tri_form(), 10),
            disease in prop_oneof![Just("als".to_string()), Just("other".to_string()), any::<String>()],
            age_mode in prop_oneof![Just(AGE_YEARS.to_string()), Just(AGE_BAND.to_string()), any::<String>()],
            day in 1u8..=28,
        ) -> (PatientForm, u8) {
            let g = |k: usize| a.get(k).cloned().unwrap_or_default();
            let tt = |k: usize| t.get(k).cloned().unwrap_or_default();
            (PatientForm {
                id_number: g(0), disease, disease_other: g(1), name: g(2), furigana: g(34), municipality: g(3),
                address_detail: g(4), onset: g(5), first_symptom: g(6), onset_type: g(7), age_mode, age: g(8),
                adl: g(9),
                procedures: ProceduresForm { ventilator: g(10), tracheostomy: g(11), suction: g(12), tube_feeding: g(13), other: g(14), other_detail: g(15) },
                devices: g(16),
                symptoms: SymptomsForm { respiratory: g(17), swallowing: g(18), speech: g(19), urinary: g(20), autonomic: g(21), ..SymptomsForm::default() },
                neurology: DoctorCareForm { name: tt(0), mode: g(22), per_month: g(23) },
                family_doctor: DoctorCareForm { name: tt(1), mode: g(24), per_month: g(25) },
                emergency_admission: tt(2), respite_admission: tt(3), home_respite: tt(4), emergency_nursing: tt(5),
                station_nursing: StationNursingForm { names: tt(6), count: g(26), weekly_visits: g(27) },
                institution_nursing: InstitutionNursingForm { name: tt(7), weekly_visits: g(28) },
                ventilator_programme: VentilatorProgrammeForm { used: g(29), weekly_visits: g(30) },
                care_insurance: g(31), disability_certificate: g(32), disability_support_class: g(33),
                home_care_service: g(10), disaster_plan: tt(8), last_contact: g(6), support_class: g(2),
                gaps: vec![Gap { service: Service::Neurology, note: g(6) }],
            }, day)
        }
    }

    proptest! {
        #[test]
        fn generated_patients_round_trip(seed in any::<u64>()) {
            for p in synthetic_patients(8, seed) {
                let f = PatientForm::from_patient(&p);
                prop_assert_eq!(f.parse(today()).map(|(q, _)| q), Ok(p));
            }
        }

        #[test]
        fn parse_never_panics((form, day) in arbitrary_form()) {
            let today = Date::new(2025, 6, day).expect("valid");
            let result = form.parse(today);
            // A parsed patient always parses again to itself.
            if let Ok((p, _)) = result {
                let again = PatientForm::from_patient(&p).parse(today);
                prop_assert_eq!(again.map(|(q, _)| q), Ok(p));
            }
            let _ = form.weekly_total_text();
        }
    }
}

#[test]
fn typing_text_into_a_three_state_field_chooses_kinyu() {
    let mut f = TriTextForm { state: STATE_UNKNOWN.to_string(), text: String::new() };
    f.type_text("Ａ病院".to_string());
    assert_eq!((f.state.as_str(), f.text.as_str()), (STATE_VALUE, "Ａ病院"));
    let mut none = TriTextForm { state: STATE_NONE.to_string(), text: String::new() };
    none.type_text(String::new());
    assert_eq!(none.state, STATE_VALUE, "even clearing the text keeps 記入 chosen");
}

/// Issue 16: ふりがな is optional, kana only, kept as typed (the roster reads it in
/// hiragana), and travels through the form and back.
#[test]
fn furigana_is_optional_kana_kept_as_typed() {
    let (p, _) = parse_ok(&blank());
    assert_eq!(p.furigana, "");
    for typed in ["やまだ はなこ", "ヤマダ　ハナコ", "ﾔﾏﾀﾞ ﾊﾅｺ", "すずき・まりー"] {
        let (p, warnings) = parse_ok(&PatientForm { furigana: format!(" {typed} "), ..blank() });
        assert!(warnings.is_empty());
        assert_eq!(p.furigana, typed, "trimmed, otherwise as typed");
        assert_eq!(PatientForm::from_patient(&p).furigana, typed);
    }
    let issues = parse_err(&PatientForm { furigana: "山田 花子".into(), ..blank() });
    assert_eq!(found(&issues), vec![(fields::FURIGANA, Severity::Error)]);
    assert_eq!(issues.0[0].message, "ふりがなはひらがなかカタカナで入力してください（「山」は使えません）");
    let issues = parse_err(&PatientForm { furigana: "あ".repeat(101), ..blank() });
    assert_eq!(found(&issues), vec![(fields::FURIGANA, Severity::Error)]);
    // A blank ふりがな is not written at all (bodies stay as before version 2).
    let body = serde_json::to_value(parse_ok(&blank()).0).expect("json");
    assert!(body.get("furigana").is_none());
}
