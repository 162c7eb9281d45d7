use super::*;
use crate::domain::patient::{Age, AgeBand, CareLevel, Disease, Patient, Procedures};
use crate::domain::tri::Tri;

/// A form with everything known and nothing special: 別表第7 なし, 人工呼吸器 なし,
/// 別表第8 なし, 特別訪問看護指示書 なし, 超重症児 でない.
fn plain(age: &str, certified: Option<bool>) -> InsuranceForm {
    InsuranceForm {
        age: age.to_string(),
        care_certified: certified,
        specified_disease: Tri::None,
        table7_disease: Tri::None,
        ventilator: Some(false),
        table8: Tri::None,
        severe_child: Some(false),
        special_instruction: Some(false),
        ..InsuranceForm::default()
    }
}

fn decide_form(f: &InsuranceForm) -> InsuranceDecision {
    f.evaluate().expect("valid form")
}

fn fields_missing(d: &InsuranceDecision) -> Vec<&str> {
    d.missing.iter().map(|m| m.field).collect()
}

#[test]
fn lists_hold_the_seeds_entries() {
    assert_eq!(SpecifiedDisease::ALL.len(), 16);
    assert_eq!(SpecifiedDisease::Als.numeral(), "三");
    assert_eq!(SpecifiedDisease::Osteoarthritis.numeral(), "十六");
    assert_eq!(SpecifiedDisease::ParkinsonRelated.label(), "進行性核上性麻痺、大脳皮質基底核変性症及びパーキンソン病");
    // 21 diseases + 人工呼吸器を使用している状態 (a separate input) = the seed's 22 entries.
    assert_eq!(Table7Disease::ALL.len(), 21);
    assert_eq!(Table7Disease::Psp.group(), Some("パーキンソン病関連疾患"));
    assert_eq!(Table7Disease::Als.specified_counterpart(), Some(SpecifiedDisease::Als));
    assert_eq!(Table7Disease::MultipleSclerosis.specified_counterpart(), None);
    assert_eq!(Table8State::ALL.len(), 17);
    let groups: Vec<u8> = Table8State::ALL.iter().map(|s| s.group()).collect();
    assert_eq!(groups, vec![1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 4, 5]);
}

#[test]
fn table7_disease_means_medical_insurance_even_when_certified() {
    for age in ["30", "50", "70"] {
        let f = InsuranceForm { table7_disease: Tri::Value(Table7Disease::Als), ..plain(age, Some(true)) };
        let d = decide_form(&f);
        assert_eq!(d.insurance, Some(Insurance::Medical), "age {age}");
        assert_eq!(d.rule, Some(InsuranceRule::Table7));
        assert_eq!(d.limits, Some(VisitLimits::Extended));
        assert_eq!(d.reasons[0], "筋萎縮性側索硬化症は厚生労働大臣が定める疾病等（別表第7）に該当します");
        assert_eq!(d.reasons[1], "要介護者・要支援者であっても、医療保険で訪問看護が行われます");
        assert!(d.missing.is_empty());
    }
    // Age and certification are not needed for 別表第7.
    let f = InsuranceForm { table7_disease: Tri::Value(Table7Disease::Als), ..InsuranceForm::default() };
    let d = decide_form(&f);
    assert_eq!(d.insurance, Some(Insurance::Medical));
    assert!(d.missing.is_empty());
}

#[test]
fn ventilator_is_table7() {
    let f = InsuranceForm { ventilator: Some(true), ..plain("70", Some(true)) };
    let d = decide_form(&f);
    assert_eq!((d.insurance, d.rule), (Some(Insurance::Medical), Some(InsuranceRule::Table7)));
    assert!(d.reasons[0].starts_with("人工呼吸器を使用している状態"));
}

#[test]
fn parkinson_needs_stage_three_and_grade_two_or_three() {
    let pd = |hy: Option<u8>, grade: Option<u8>| InsuranceForm {
        table7_disease: Tri::Value(Table7Disease::Parkinson),
        hoehn_yahr: hy,
        function_grade: grade,
        ..plain("70", Some(true))
    };
    assert_eq!(decide_form(&pd(Some(3), Some(2))).rule, Some(InsuranceRule::Table7));
    assert_eq!(decide_form(&pd(Some(5), Some(3))).rule, Some(InsuranceRule::Table7));
    // Stage 2 or grade Ⅰ: not 別表第7 → 65歳以上・認定あり → 介護保険.
    assert_eq!(decide_form(&pd(Some(2), Some(3))).insurance, Some(Insurance::Care));
    assert_eq!(decide_form(&pd(Some(4), Some(1))).insurance, Some(Insurance::Care));
    // Stage known to be too low decides even if the grade is unknown.
    assert_eq!(decide_form(&pd(Some(2), None)).insurance, Some(Insurance::Care));
    // Unknown stage: cannot decide; says what is missing.
    let d = decide_form(&pd(None, Some(2)));
    assert_eq!(d.insurance, None);
    assert_eq!(fields_missing(&d), vec!["hoehn_yahr"]);
    let d = decide_form(&pd(None, None));
    assert_eq!(fields_missing(&d), vec!["hoehn_yahr", "function_grade"]);
}

#[test]
fn care_insurance_routes() {
    // 65歳以上・認定あり → 介護保険.
    let d = decide_form(&plain("65", Some(true)));
    assert_eq!(
        (d.insurance, d.rule, d.limits),
        (Some(Insurance::Care), Some(InsuranceRule::CareOver65), Some(VisitLimits::CarePlan))
    );
    assert_eq!(d.limit_lines, vec!["ケアプランに基づき提供"]);
    // 40–64 with a 特定疾病 and 認定 → 介護保険.
    let f = InsuranceForm { specified_disease: Tri::Value(SpecifiedDisease::Copd), ..plain("40", Some(true)) };
    let d = decide_form(&f);
    assert_eq!((d.insurance, d.rule), (Some(Insurance::Care), Some(InsuranceRule::CareSpecifiedDisease)));
    assert_eq!(
        d.reasons,
        vec!["40歳以上65歳未満で２号被保険者の特定疾病（慢性閉塞性肺疾患）があり、要介護・要支援の認定を受けているため、介護保険で訪問看護が行われます"]
    );
    // 別表第8 alone does not move a 介護保険 user to 医療保険.
    let f = InsuranceForm { table8: Tri::Value(vec![Table8State::OxygenTherapy]), ..plain("80", Some(true)) };
    let d = decide_form(&f);
    assert_eq!(d.insurance, Some(Insurance::Care));
    assert_eq!(d.long_visit.eligible, Some(true));
}

#[test]
fn medical_insurance_routes_with_three_days() {
    for (form, rule) in [
        (plain("39", Some(true)), InsuranceRule::MedicalUnder40),
        (plain("0", None), InsuranceRule::MedicalUnder40),
        (plain("64", Some(true)), InsuranceRule::MedicalNoSpecifiedDisease),
        (plain("65", Some(false)), InsuranceRule::MedicalNotCertified),
        (
            InsuranceForm {
                specified_disease: Tri::Value(SpecifiedDisease::Cerebrovascular),
                ..plain("55", Some(false))
            },
            InsuranceRule::MedicalNotCertified,
        ),
    ] {
        let d = decide_form(&form);
        assert_eq!(d.insurance, Some(Insurance::Medical), "{form:?}");
        assert_eq!(d.rule, Some(rule));
        assert_eq!(d.limits, Some(VisitLimits::UpToThreeDays));
        assert_eq!(d.limit_lines, vec!["週３日まで利用可能"]);
        if rule == InsuranceRule::MedicalNotCertified && form.age == "65" {
            assert_eq!(d.reasons, vec!["65歳以上で要介護・要支援の認定を受けていないため、医療保険になります"]);
        }
        assert_eq!(VisitLimits::UpToThreeDays.max_days_per_week(), Some(3));
    }
}

#[test]
fn table8_lifts_the_three_day_limit_under_medical_insurance() {
    let f = InsuranceForm { table8: Tri::Value(vec![Table8State::TrachealCannula]), ..plain("30", None) };
    let d = decide_form(&f);
    assert_eq!((d.insurance, d.limits), (Some(Insurance::Medical), Some(VisitLimits::Extended)));
    assert_eq!(
        d.reasons[1],
        "別表第8に掲げる状態（気管カニューレを使用している状態）のため、週４日以上・1日複数回の利用ができます"
    );
    assert_eq!(d.limit_lines[1], "２ヶ所（週7日間の訪問計画ありの場合は3か所）のST利用可能");
}

#[test]
fn stations_two_or_three_with_a_seven_day_plan() {
    let l = VisitLimits::Extended;
    assert_eq!(l.max_stations(Some(true)), Some(3));
    assert_eq!(l.max_stations(Some(false)), Some(2));
    assert_eq!(l.max_stations(None), None);
    assert!(l.several_visits_a_day());
    assert_eq!(l.max_days_per_week(), None);
    assert_eq!(VisitLimits::CarePlan.max_stations(Some(true)), None);
    let f = InsuranceForm {
        table7_disease: Tri::Value(Table7Disease::Als),
        seven_day_plan: Some(true),
        ..plain("70", Some(true))
    };
    assert_eq!(
        decide_form(&f).limit_lines,
        vec!["週４日以上、1日複数回の利用可能", "３か所のST利用可能（週7日間の訪問計画あり）"]
    );
}

#[test]
fn unknown_inputs_are_named_not_guessed() {
    // Age unknown and not 別表第7: the age decides.
    let d = decide_form(&plain("", Some(true)));
    assert_eq!(d.insurance, None);
    assert_eq!(fields_missing(&d), vec!["age"]);
    // 65+, certification unknown.
    let d = decide_form(&plain("70", None));
    assert_eq!(fields_missing(&d), vec!["care_certified"]);
    // 40–64, 特定疾病 unknown.
    let f = InsuranceForm { specified_disease: Tri::Unknown, ..plain("50", Some(true)) };
    assert_eq!(fields_missing(&decide_form(&f)), vec!["specified_disease"]);
    // 65+ certified, 別表第7 unknown: 別表第7 decides between the two.
    let f = InsuranceForm { table7_disease: Tri::Unknown, ventilator: None, ..plain("70", Some(true)) };
    let d = decide_form(&f);
    assert_eq!(d.insurance, None);
    assert_eq!(fields_missing(&d), vec!["table7_disease", "ventilator"]);
    // Under 40, 別表第7 unknown: 医療保険 either way, only the limits are open.
    let f = InsuranceForm { table7_disease: Tri::Unknown, ..plain("30", None) };
    let d = decide_form(&f);
    assert_eq!((d.insurance, d.limits), (Some(Insurance::Medical), None));
    assert_eq!(fields_missing(&d), vec!["table7_disease"]);
    assert!(d.limit_lines.is_empty());
    // …and 別表第8 settles the limits without 別表第7.
    let f = InsuranceForm {
        table7_disease: Tri::Unknown,
        table8: Tri::Value(vec![Table8State::Stoma]),
        ..plain("30", None)
    };
    assert_eq!(decide_form(&f).limits, Some(VisitLimits::Extended));
    // 別表第8 unknown under 医療保険: limits open.
    let f = InsuranceForm { table8: Tri::Unknown, ..plain("30", None) };
    let d = decide_form(&f);
    assert_eq!((d.insurance, d.limits), (Some(Insurance::Medical), None));
    assert_eq!(fields_missing(&d), vec!["table8"]);
    // 「該当あり」 without a state ticked.
    let f = InsuranceForm { table8: Tri::Value(vec![]), ..plain("30", None) };
    assert_eq!(decide_form(&f).missing[0].why, "「該当あり」の場合は状態を選んでください");
    // Everything unknown: age, 別表第7, 人工呼吸器 are asked.
    let d = decide_form(&InsuranceForm::default());
    assert_eq!(d.insurance, None);
    assert_eq!(fields_missing(&d), vec!["table7_disease", "ventilator", "age"]);
    assert_eq!(d.notes, vec!["不足している項目を確認すると判定できます"]);
}

#[test]
fn a_table7_counterpart_counts_as_the_specified_disease() {
    // 50歳, パーキンソン病 stage 2 (not 別表第7), 特定疾病 left 不明: 七 applies.
    let f = InsuranceForm {
        table7_disease: Tri::Value(Table7Disease::Parkinson),
        specified_disease: Tri::Unknown,
        hoehn_yahr: Some(2),
        function_grade: Some(1),
        ..plain("50", Some(true))
    };
    let d = decide_form(&f);
    assert_eq!((d.insurance, d.rule), (Some(Insurance::Care), Some(InsuranceRule::CareSpecifiedDisease)));
    let mut g = InsuranceForm::default();
    g.set_table7_disease(Tri::Value(Table7Disease::Msa));
    assert_eq!(g.specified_disease, Tri::Value(SpecifiedDisease::Msa));
    // An explicit choice is not overwritten.
    g.specified_disease = Tri::None;
    g.set_table7_disease(Tri::Value(Table7Disease::Als));
    assert_eq!(g.specified_disease, Tri::None);
}

#[test]
fn long_visits() {
    // (1) 15歳未満の超重症児・準超重症児: 週3回.
    let f = InsuranceForm { severe_child: Some(true), ..plain("14", None) };
    let lv = decide_form(&f).long_visit;
    assert_eq!((lv.eligible, lv.per_week), (Some(true), Some(3)));
    assert_eq!(lv.grounds, vec!["(1) 15歳未満の超重症児又は準超重症児"]);
    // 15歳 is not under 15.
    let f = InsuranceForm { severe_child: Some(true), ..plain("15", None) };
    assert_eq!(decide_form(&f).long_visit.eligible, Some(false));
    // (2) 別表第8: 週1回.
    let f = InsuranceForm { table8: Tri::Value(vec![Table8State::PressureUlcer]), ..plain("70", Some(true)) };
    let lv = decide_form(&f).long_visit;
    assert_eq!((lv.eligible, lv.per_week), (Some(true), Some(1)));
    assert_eq!(lv.grounds, vec!["(2) 別表第8に掲げる者（真皮を越える褥瘡の状態）"]);
    // (3) 特別訪問看護指示書: 週1回, with a note when the insurance is 介護保険.
    let f = InsuranceForm { special_instruction: Some(true), ..plain("70", Some(true)) };
    let d = decide_form(&f);
    assert_eq!((d.long_visit.eligible, d.long_visit.per_week), (Some(true), Some(1)));
    assert_eq!(d.notes.len(), 1);
    // None of them, all known: not eligible.
    let lv = decide_form(&plain("70", Some(true))).long_visit;
    assert_eq!((lv.eligible, lv.per_week), (Some(false), None));
    // Unknown 別表第8 and 指示書: cannot say.
    let f = InsuranceForm { table8: Tri::Unknown, special_instruction: None, ..plain("70", Some(true)) };
    let lv = decide_form(&f).long_visit;
    assert_eq!(lv.eligible, None);
    assert_eq!(lv.missing.iter().map(|m| m.field).collect::<Vec<_>>(), vec!["table8", "special_instruction"]);
    // A child whose status is unknown.
    let f = InsuranceForm { severe_child: None, ..plain("8", None) };
    let lv = decide_form(&f).long_visit;
    assert_eq!(lv.eligible, None);
    assert_eq!(lv.missing[0].field, "severe_child");
    // Only the band 20歳未満 known and a 超重症児: the exact age is needed for 週3回.
    let f = InsuranceForm { age_band: Some(AgeBand::Under20), severe_child: Some(true), ..plain("", None) };
    let lv = decide_form(&f).long_visit;
    assert_eq!(lv.eligible, None);
    assert_eq!(lv.missing[0].field, "age");
    // Eligible through 別表第8 while possibly a child: still says what could make it 週3回.
    let f = InsuranceForm {
        age_band: Some(AgeBand::Under20),
        severe_child: Some(true),
        table8: Tri::Value(vec![Table8State::TrachealCannula]),
        ..plain("", None)
    };
    let lv = decide_form(&f).long_visit;
    assert_eq!((lv.eligible, lv.per_week), (Some(true), Some(1)));
    assert_eq!(lv.missing[0].field, "age");
}

#[test]
fn prefill_from_patient() {
    let mut p = Patient {
        age: Some(Age::Years(68)),
        procedures: Procedures { ventilator: Some(true), tracheostomy: Some(true), ..Procedures::default() },
        care_insurance: Tri::Value(CareLevel::Care5),
        ..Patient::default()
    };
    let f = InsuranceForm::from_patient(&p);
    assert_eq!(f.age, "68");
    assert_eq!(f.table7_disease, Tri::Value(Table7Disease::Als));
    assert_eq!(f.specified_disease, Tri::Value(SpecifiedDisease::Als));
    assert_eq!(f.ventilator, Some(true));
    assert_eq!(f.care_certified, Some(true));
    assert_eq!(f.table8, Tri::Value(vec![Table8State::TrachealCannula, Table8State::Ventilation]));
    assert_eq!(
        f.prefilled,
        vec!["age", "table7_disease", "specified_disease", "ventilator", "care_certified", "table8"]
    );
    let d = decide_form(&f);
    assert_eq!((d.insurance, d.rule), (Some(Insurance::Medical), Some(InsuranceRule::Table7)));

    // A band only, PD, no care insurance, procedures unknown.
    p = Patient {
        age: Some(Age::Band(AgeBand::From40To64)),
        disease: Disease::Pd,
        care_insurance: Tri::None,
        ..Patient::default()
    };
    let f = InsuranceForm::from_patient(&p);
    assert_eq!(f.age_band, Some(AgeBand::From40To64));
    assert_eq!(f.table7_disease, Tri::Value(Table7Disease::Parkinson));
    assert_eq!(f.specified_disease, Tri::Value(SpecifiedDisease::ParkinsonRelated));
    assert_eq!(f.care_certified, Some(false));
    assert_eq!(f.ventilator, None);
    assert_eq!(f.table8, Tri::Unknown);
    // Not certified ⇒ 医療保険 whatever the stage; the limits wait for 別表第7/第8.
    let d = decide_form(&f);
    assert_eq!((d.insurance, d.rule), (Some(Insurance::Medical), Some(InsuranceRule::MedicalNotCertified)));
    assert_eq!(d.limits, None);
    assert_eq!(fields_missing(&d), vec!["table8", "hoehn_yahr", "function_grade", "ventilator"]);

    // Another disease named as on the lists.
    p = Patient { disease: Disease::Other("重症筋無力症".into()), ..Patient::default() };
    assert_eq!(InsuranceForm::from_patient(&p).table7_disease, Tri::Value(Table7Disease::MyastheniaGravis));
    p = Patient { disease: Disease::Other("慢性閉塞性肺疾患".into()), ..Patient::default() };
    let f = InsuranceForm::from_patient(&p);
    assert_eq!((f.table7_disease, f.specified_disease), (Tri::Unknown, Tri::Value(SpecifiedDisease::Copd)));
}

#[test]
fn rule_labels_match_the_decided_insurance() {
    for (form, rule) in [
        (InsuranceForm { ventilator: Some(true), ..plain("70", Some(true)) }, InsuranceRule::Table7),
        (plain("65", Some(true)), InsuranceRule::CareOver65),
        (
            InsuranceForm { specified_disease: Tri::Value(SpecifiedDisease::Als), ..plain("40", Some(true)) },
            InsuranceRule::CareSpecifiedDisease,
        ),
        (plain("39", Some(true)), InsuranceRule::MedicalUnder40),
        (plain("40", Some(true)), InsuranceRule::MedicalNoSpecifiedDisease),
        (plain("90", Some(false)), InsuranceRule::MedicalNotCertified),
    ] {
        let d = decide_form(&form);
        assert_eq!(d.rule, Some(rule), "{form:?}");
        assert_eq!(d.insurance, Some(rule.insurance()));
        assert!(rule.label().ends_with(rule.insurance().label()));
    }
}

#[test]
fn age_band_alone_decides_the_age_branch() {
    let band = |b: AgeBand, certified: Option<bool>| InsuranceForm { age_band: Some(b), ..plain("", certified) };
    // 20歳未満 and 20〜39歳 are under 40: 医療保険 whatever the certification.
    for b in [AgeBand::Under20, AgeBand::From20To39] {
        let d = decide_form(&band(b, Some(true)));
        assert_eq!(d.rule, Some(InsuranceRule::MedicalUnder40), "{b:?}");
        assert_eq!(d.limits, Some(VisitLimits::UpToThreeDays));
    }
    // 40〜64歳: the 特定疾病 decides.
    let f =
        InsuranceForm { specified_disease: Tri::Value(SpecifiedDisease::Scd), ..band(AgeBand::From40To64, Some(true)) };
    assert_eq!(decide_form(&f).rule, Some(InsuranceRule::CareSpecifiedDisease));
    assert_eq!(
        decide_form(&band(AgeBand::From40To64, Some(true))).rule,
        Some(InsuranceRule::MedicalNoSpecifiedDisease)
    );
    // 65歳以上: the certification decides.
    assert_eq!(decide_form(&band(AgeBand::Over65, Some(true))).rule, Some(InsuranceRule::CareOver65));
    assert_eq!(decide_form(&band(AgeBand::Over65, Some(false))).rule, Some(InsuranceRule::MedicalNotCertified));
    // A typed age wins over the band.
    let f = InsuranceForm { age_band: Some(AgeBand::Over65), ..plain("30", Some(true)) };
    assert_eq!(decide_form(&f).rule, Some(InsuranceRule::MedicalUnder40));
}

#[test]
fn age_boundaries_39_40_64_65() {
    let with_disease =
        |age: &str| InsuranceForm { specified_disease: Tri::Value(SpecifiedDisease::Als), ..plain(age, Some(true)) };
    assert_eq!(decide_form(&with_disease("39")).insurance, Some(Insurance::Medical));
    assert_eq!(decide_form(&with_disease("40")).insurance, Some(Insurance::Care));
    assert_eq!(decide_form(&with_disease("64")).rule, Some(InsuranceRule::CareSpecifiedDisease));
    assert_eq!(decide_form(&with_disease("65")).rule, Some(InsuranceRule::CareOver65));
    assert_eq!(decide_form(&plain("64", Some(true))).insurance, Some(Insurance::Medical));
    assert_eq!(decide_form(&plain("65", Some(true))).insurance, Some(Insurance::Care));
}

#[test]
fn bad_input_is_refused() {
    let f =
        InsuranceForm { age: "abc".into(), hoehn_yahr: Some(6), function_grade: Some(0), ..InsuranceForm::default() };
    let err = f.evaluate().expect_err("invalid");
    let keys: Vec<&str> = err.errors().map(|e| e.field.as_str()).collect();
    assert_eq!(keys, vec!["age", "hoehn_yahr", "function_grade"]);
    assert_eq!(err.errors().next().map(|e| e.message.as_str()), Some("数字で入力してください"));
    let f = InsuranceForm { age: "200".into(), ..InsuranceForm::default() };
    assert!(f.evaluate().is_err());
    let f = InsuranceForm { age: "６５".into(), ..plain("", Some(true)) };
    assert_eq!(decide_form(&f).insurance, Some(Insurance::Care));
}

#[test]
fn table8_checkboxes() {
    let mut f = InsuranceForm::default();
    f.set_table8_state(Table8State::Stoma, true);
    f.set_table8_state(Table8State::TrachealCannula, true);
    f.set_table8_state(Table8State::Stoma, true);
    assert_eq!(f.table8, Tri::Value(vec![Table8State::TrachealCannula, Table8State::Stoma]));
    f.set_table8_state(Table8State::TrachealCannula, false);
    assert_eq!(f.table8, Tri::Value(vec![Table8State::Stoma]));
}

fn tri<T: Clone>(i: u8, v: T) -> Tri<T> {
    match i % 3 {
        0 => Tri::Unknown,
        1 => Tri::None,
        _ => Tri::Value(v),
    }
}

fn opt(i: u8) -> Option<bool> {
    match i % 3 {
        0 => None,
        1 => Some(false),
        _ => Some(true),
    }
}

proptest::proptest! {
    #[test]
    fn decisions_are_consistent(
        age in proptest::option::of(0u8..=110),
        cert in 0u8..3, spec in 0u8..3, t7 in 0u8..3, t7d in 0usize..21, vent in 0u8..3, t8 in 0u8..3,
        hy in proptest::option::of(1u8..=5), grade in proptest::option::of(1u8..=3), child in 0u8..3, special in 0u8..3,
    ) {
        let f = InsuranceForm {
            age: age.map(|a| a.to_string()).unwrap_or_default(),
            care_certified: opt(cert),
            specified_disease: tri(spec, SpecifiedDisease::Copd),
            table7_disease: tri(t7, Table7Disease::ALL[t7d]),
            hoehn_yahr: hy,
            function_grade: grade,
            ventilator: opt(vent),
            table8: tri(t8, vec![Table8State::OxygenTherapy]),
            severe_child: opt(child),
            special_instruction: opt(special),
            ..InsuranceForm::default()
        };
        let d = decide_form(&f);
        // 介護保険 needs a certification and never applies to 別表第7.
        if d.insurance == Some(Insurance::Care) {
            proptest::prop_assert_eq!(f.care_certified, Some(true));
            proptest::prop_assert_ne!(f.ventilator, Some(true));
            proptest::prop_assert!(age.is_some_and(|a| a >= 40));
        }
        // A non-Parkinson 別表第7 disease or a ventilator always means 医療保険 with the extended limits.
        let t7_disease = matches!(f.table7_disease, Tri::Value(d) if d != Table7Disease::Parkinson);
        if t7_disease || f.ventilator == Some(true) {
            proptest::prop_assert_eq!(d.rule, Some(InsuranceRule::Table7));
            proptest::prop_assert_eq!(d.limits, Some(VisitLimits::Extended));
        }
        // Undecided ⇔ something is named as missing.
        if d.insurance.is_none() || d.limits.is_none() {
            proptest::prop_assert!(!d.missing.is_empty());
        }
        if d.insurance.is_some() {
            proptest::prop_assert!(!d.reasons.is_empty());
        }
        // Under 40 is never 介護保険.
        if age.is_some_and(|a| a < 40) {
            proptest::prop_assert_ne!(d.insurance, Some(Insurance::Care));
        }
    }
}
