//! 事業実績: expected values written by hand from seed 000 (columns 令和3, 令和2, 令和元).

use super::form::{IndicatorInput, ProgrammeInput};
use super::table::{results_csv, series, sorted, table_rows, table_years};
use super::tokyo::example;
use super::*;
use crate::domain::ids::test_ids::{dev, rid};
use crate::domain::time::Timestamp;

fn fy(y: i32) -> FiscalYear {
    FiscalYear::new(y).expect("year")
}

/// Every figure of seed 000, re-read from the seed for this test and written here oldest
/// year first: (事業名, 指標, 令和元年度, 令和2年度, 令和3年度). `None` = not a count in the seed.
/// (事業名, 指標, 令和元年度, 令和2年度, 令和3年度).
type SeedRow = (&'static str, &'static str, Option<u64>, Option<u64>, Option<u64>);

const SEED: &[SeedRow] = &[
    ("在宅療養支援計画策定・評価", "支援計画作成", Some(812), Some(547), Some(451)),
    ("在宅療養支援計画策定・評価", "評価委員会", Some(48), Some(44), Some(36)),
    ("在宅難病患者療養相談指導・島しょ専門医相談", "訪問相談指導", Some(21598), Some(15780), Some(18983)),
    ("在宅難病患者療養相談指導・島しょ専門医相談", "島しょ専門医相談（回数）", Some(7), Some(5), Some(6)),
    ("在宅難病患者療養相談指導・島しょ専門医相談", "島しょ専門医相談（件数）", Some(215), Some(43), Some(45)),
    ("患者会支援", "患者会支援", Some(221), Some(21), Some(102)),
    ("難病医療相談", "実施回数", Some(8), Some(9), Some(9)),
    ("難病医療相談", "相談者数", Some(90), Some(57), Some(56)),
    ("在宅難病患者訪問診療", "訪問件数", Some(416), Some(263), Some(307)),
    ("在宅難病患者医療機器貸与・整備", "貸与者", Some(182), Some(154), Some(135)),
    ("在宅難病患者医療機器貸与・整備", "訪問看護", Some(998), Some(769), Some(651)),
    ("在宅人工呼吸器使用難病患者訪問看護", "患者数", Some(95), Some(103), Some(97)),
    ("在宅人工呼吸器使用難病患者訪問看護", "訪問看護実施回数", Some(7477), Some(8095), Some(9198)),
    ("在宅人工呼吸器使用難病患者非常用電源設備整備事業", "医療機関", Some(28), Some(37), Some(39)),
    ("在宅人工呼吸器使用難病患者非常用電源設備整備事業", "患者数", Some(54), Some(63), Some(57)),
    ("難病医療ネットワーク", "難病診療連携拠点病院", Some(11), Some(11), Some(11)),
    ("難病医療ネットワーク", "難病医療協力病院", Some(41), Some(41), Some(41)),
    ("難病相談・支援センター", "東京都難病相談・支援センター", Some(3147), Some(2085), Some(2311)),
    ("難病相談・支援センター", "東京都多摩難病相談・支援室", Some(1731), Some(1321), Some(1366)),
    ("難病相談・支援センター", "東京都難病ピア相談室", Some(1442), Some(1375), Some(1097)),
    ("難病相談・支援センター", "計（療養・就労・ピア相談件数）", Some(6320), Some(4781), Some(4774)),
    ("難病対策地域協議会", "本課実施分", Some(1), Some(1), Some(1)),
    ("難病対策地域協議会", "東京都保健所実施分", Some(5), Some(3), Some(4)),
    ("難病対策地域協議会", "計", Some(6), Some(4), Some(5)),
    ("難病セミナー", "実務者基礎コース", Some(146), None, Some(213)),
    ("難病セミナー", "保健師コース", Some(34), Some(20), Some(26)),
    ("難病セミナー", "講演会（公開講座）", Some(67), Some(58), Some(78)),
    ("在宅難病患者訪問看護師等養成研修", "座学研修Ⅰ", Some(325), Some(633), Some(247)),
    ("在宅難病患者訪問看護師等養成研修", "座学研修Ⅱ", Some(295), Some(155), Some(93)),
    ("在宅難病患者訪問看護師等養成研修", "臨床研修", Some(44), Some(21), Some(11)),
    ("在宅難病患者訪問看護師等養成研修", "合計（延べ）", Some(664), Some(809), Some(351)),
    ("難病患者等ホームヘルパー養成研修", "開催数", Some(10), Some(9), Some(9)),
    ("難病患者等ホームヘルパー養成研修", "受講者数", Some(81), Some(91), Some(93)),
    ("在宅難病患者一時入院事業", "委託病床数", Some(20), Some(20), Some(20)),
    ("在宅難病患者一時入院事業", "利用患者数（延べ）", Some(320), Some(171), Some(197)),
    ("在宅難病患者一時入院事業", "利用日数（延べ）", Some(5142), Some(2982), Some(3410)),
];

fn tri(v: Option<u64>) -> Tri<u64> {
    v.map_or(Tri::Unknown, Tri::Value)
}

#[test]
fn every_figure_of_the_tokyo_example_equals_the_seed() {
    let ex = example();
    assert_eq!(ex.len(), 16, "15 programmes with figures and 難病患者在宅レスパイト事業");
    for (programme, indicator, r1, r2, r3) in SEED {
        let (_, p) = ex.iter().find(|(_, p)| p.name == *programme).unwrap_or_else(|| panic!("{programme}"));
        let i = p.indicators.iter().find(|i| i.name == *indicator).unwrap_or_else(|| panic!("{programme} {indicator}"));
        assert_eq!(i.value(fy(2019)), tri(*r1), "{programme} {indicator} 令和元年度");
        assert_eq!(i.value(fy(2020)), tri(*r2), "{programme} {indicator} 令和2年度");
        assert_eq!(i.value(fy(2021)), tri(*r3), "{programme} {indicator} 令和3年度");
        assert_eq!(i.values.len(), 3, "{programme} {indicator}: exactly the three years");
    }
    let indicators: usize = ex.iter().map(|(_, p)| p.indicators.len()).sum();
    assert_eq!(indicators, SEED.len(), "no indicator beyond the seed's");
    let respite = ex.iter().find(|(_, p)| p.name == "難病患者在宅レスパイト事業").expect("respite");
    assert!(respite.1.indicators.is_empty());
    // The seed's sums hold: 相談件数 計, 協議会 計 and 研修 合計 are the sums of their parts.
    for (programme, parts, total) in [
        ("難病相談・支援センター", 3, "計（療養・就労・ピア相談件数）"),
        ("難病対策地域協議会", 2, "計"),
        ("在宅難病患者訪問看護師等養成研修", 3, "合計（延べ）"),
    ] {
        let (_, p) = ex.iter().find(|(_, p)| p.name == programme).expect("programme");
        for year in [2019, 2020, 2021] {
            let sum: u64 = p.indicators[..parts].iter().filter_map(|i| i.value(fy(year)).value().copied()).sum();
            assert_eq!(p.indicator(&p.indicators[parts].key).map(|i| i.value(fy(year))), Some(Tri::Value(sum)));
            assert_eq!(p.indicators[parts].name, total);
        }
    }
}

#[test]
fn the_example_names_where_each_programme_is_applied_for() {
    let ex = example();
    let p = &ex[0].1;
    assert_eq!(p.group, "難病患者療養支援事業（東京都保健所事業）");
    assert_eq!(p.implementer, "東京都保健所");
    assert_eq!(p.indicators[0].unit, Unit::Cases);
    assert_eq!(p.indicators[1].unit, Unit::Times);
    let beds = ex.iter().find(|(_, p)| p.name == "在宅難病患者一時入院事業").expect("一時入院");
    let units: Vec<Unit> = beds.1.indicators.iter().map(|i| i.unit).collect();
    assert_eq!(units, vec![Unit::Beds, Unit::People, Unit::Days]);
}

#[test]
fn loading_the_example_twice_adds_nothing() {
    let first = example_records(&[], Timestamp(0), &dev("a")).expect("records");
    assert_eq!(first.len(), 16);
    assert!(first.iter().all(|r| r.meta.diagnosis_id == container_id() && r.meta.kind == RecordKind::ProgrammeResult));
    let ids: Vec<RecordId> = first.iter().map(|r| r.meta.id.clone()).collect();
    assert!(example_records(&ids, Timestamp(1), &dev("a")).expect("records").is_empty());
    assert_eq!(example_records(&ids[1..], Timestamp(1), &dev("a")).expect("records").len(), 1);
}

#[test]
fn the_container_is_not_on_the_diagnosis_list() {
    let container = container_record(Timestamp(1_700_000_000_000), &dev("a")).expect("container");
    assert_eq!(container.meta.id, container_id());
    let (entries, unreadable) = crate::domain::diagnosis::list_diagnoses(std::slice::from_ref(&container));
    assert!(entries.is_empty() && unreadable.is_empty());
    let mut trashed = container.clone();
    trashed.meta.deleted_at = Some(Timestamp(5));
    assert!(crate::domain::diagnosis::trash::trashed_diagnoses(&[trashed]).is_empty());
}

fn input(values: &[&str], unit: &str) -> ProgrammeInput {
    ProgrammeInput {
        name: "在宅療養支援計画策定・評価".into(),
        years: vec![fy(2019), fy(2020), fy(2021), fy(2022)],
        indicators: vec![IndicatorInput {
            key: "i1".into(),
            name: "支援計画作成".into(),
            unit: unit.into(),
            values: values.iter().map(|v| (*v).to_string()).collect(),
        }],
        ..ProgrammeInput::default()
    }
}

#[test]
fn a_year_series_keeps_unknown_years_apart_from_zero() {
    // 令和元 812, 令和2 不明 (blank), 令和3 0 (なし), 令和4 １，２３４ (full width).
    let p = input(&["812", "", "0", "１，２３４"], "件").parse().expect("valid");
    let values: Vec<Tri<u64>> = p.indicators[0].values.iter().map(|v| v.value.clone()).collect();
    assert_eq!(values, vec![Tri::Value(812), Tri::Unknown, Tri::None, Tri::Value(1234)]);
    let s = &series(&p, &[fy(2022), fy(2021), fy(2020), fy(2019)])[0];
    assert_eq!(s.title, "支援計画作成（件）");
    assert_eq!(s.years, vec!["令和元年度", "令和2年度", "令和3年度", "令和4年度"]);
    assert_eq!(s.values, vec![Some(812), None, Some(0), Some(1234)]);
    assert_eq!(s.shown, vec!["812件", "不明", "0件", "1,234件"]);
    // A 年度 the programme has no entry for is 不明 too.
    let s = &series(&p, &[fy(2018), fy(2019)])[0];
    assert_eq!(s.values, vec![None, Some(812)]);
}

#[test]
fn letters_negative_counts_and_a_missing_unit_are_refused_naming_the_field() {
    let errors = input(&["12a", "-3", "", ""], "件").parse().expect_err("refused");
    assert_eq!(
        errors,
        vec![
            "指標「支援計画作成」の令和元年度: 数字で入力してください（「12a」）".to_string(),
            "指標「支援計画作成」の令和2年度: 0以上の数を入力してください（「-3」）".to_string(),
        ]
    );
    let errors = input(&["1", "", "", ""], "").parse().expect_err("refused");
    assert_eq!(errors, vec!["指標「支援計画作成」: 単位を選んでください（件・回・人・施設・床・日）".to_string()]);
    let errors = input(&["1.5", "", "", ""], "人").parse().expect_err("refused");
    assert_eq!(errors, vec!["指標「支援計画作成」の令和元年度: 整数で入力してください（「1.5」）".to_string()]);
    let mut nameless = input(&["", "", "", ""], "件");
    nameless.name = " ".into();
    nameless.indicators[0].name = String::new();
    assert_eq!(
        nameless.parse().expect_err("refused"),
        vec!["事業名を入力してください".to_string(), "1番目の指標: 指標名を入力してください".to_string()]
    );
}

#[test]
fn a_form_reads_back_what_was_stored_and_adds_years_in_order() {
    let (_, stored) = &example()[0];
    let mut form = ProgrammeInput::from_result(stored);
    assert_eq!(form.years, vec![fy(2019), fy(2020), fy(2021)]);
    assert_eq!(form.indicators[0].values, vec!["812", "547", "451"]);
    assert_eq!(form.parse().as_ref(), Ok(stored));
    form.add_year(fy(2018));
    form.add_year(fy(2022));
    form.add_year(fy(2020));
    assert_eq!(form.years, vec![fy(2018), fy(2019), fy(2020), fy(2021), fy(2022)]);
    assert_eq!(form.indicators[1].values, vec!["", "48", "44", "36", ""]);
    let parsed = form.parse().expect("valid");
    assert_eq!(parsed.indicators[0].value(fy(2018)), Tri::Unknown);
    assert_eq!(parsed.years().len(), 5, "an added 年度 stays, as 不明");
}

#[test]
fn the_table_runs_newest_year_first_like_the_seed() {
    let ex = sorted(example());
    let years = table_years(ex.iter().map(|(_, p)| p));
    assert_eq!(years, vec![fy(2021), fy(2020), fy(2019)]);
    let rows = table_rows(&ex, &years);
    assert_eq!(rows.len(), SEED.len() + 1, "one line per indicator, one for the programme without");
    assert_eq!(rows[0].cells, vec!["451件", "547件", "812件"]);
    assert!(rows[0].first && rows[0].span == 2 && !rows[1].first);
    assert_eq!(rows[2].cells, vec!["18,983件", "15,780件", "21,598件"]);
    let respite = rows.iter().find(|r| r.name == "難病患者在宅レスパイト事業").expect("respite");
    assert_eq!(respite.cells, vec!["-", "-", "-"]);
    let seminar = rows.iter().find(|r| r.indicator == "実務者基礎コース").expect("seminar");
    assert_eq!(seminar.cells, vec!["213人", "不明", "146人"]);
}

#[test]
fn the_csv_codes_unknown_as_blank() {
    let ex = sorted(example());
    let years = table_years(ex.iter().map(|(_, p)| p));
    let csv = results_csv(&ex[..1], &years);
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert_eq!(lines[0], "事業の区分,事業名,事業内容,実施主体,指標,単位,令和3年度,令和2年度,令和元年度,備考");
    assert!(lines[1].ends_with(",支援計画作成,件,451,547,812,"), "{}", lines[1]);
    let seminar = ex.iter().filter(|(_, p)| p.name == "難病セミナー").cloned().collect::<Vec<_>>();
    let csv = results_csv(&seminar, &years);
    assert!(csv.contains(",実務者基礎コース,人,213,,146,"), "{csv}");
}

#[test]
fn thousands_separators() {
    assert_eq!(thousands(0), "0");
    assert_eq!(thousands(999), "999");
    assert_eq!(thousands(1000), "1,000");
    assert_eq!(thousands(21598), "21,598");
    assert_eq!(thousands(1_234_567), "1,234,567");
}

#[test]
fn a_bundle_body_of_a_programme_result_is_checked() {
    use crate::domain::bundle::body::check_body;
    let (_, p) = &example()[0];
    let body = serde_json::to_value(p).expect("json");
    assert_eq!(check_body(RecordKind::ProgrammeResult, &body), Ok(body.clone()));
    let mut bad = body.clone();
    bad["indicators"][0]["unit"] = serde_json::json!("bags");
    assert!(check_body(RecordKind::ProgrammeResult, &bad).is_err(), "an unknown unit is refused");
    let mut bad = body;
    bad["name"] = serde_json::json!("");
    assert!(check_body(RecordKind::ProgrammeResult, &bad).is_err(), "a programme without a name is refused");
    let _ = rid("x");
}
