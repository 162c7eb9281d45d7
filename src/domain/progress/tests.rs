//! 進捗状況評価: the form's refusals, linked figures derived from 事業実績 (hand-computed from
//! seed 000's first row) and the printed lines of 様式1－2 (seed 001).

use super::form::ProgressForm;
use super::print::{headings, print_rows};
use super::*;
use crate::domain::results::tokyo::{example, example_id};

fn fy(y: i32) -> FiscalYear {
    FiscalYear::new(y).expect("year")
}

/// Seed 001's first 課題 and 取組 with two of its 事業; the first linked to 支援計画作成 and
/// 評価委員会 of the Tokyo example.
fn issue(year: i32) -> ProgressIssue {
    ProgressIssue {
        year: fy(year),
        title: "＜課題１＞区市町村を実施主体とした在宅療養体制の構築".into(),
        order: 1,
        initiatives: vec![Initiative {
            title: "（取組１）地域包括ケアシステムにおける在宅療養体制の構築".into(),
            projects: vec![
                Project {
                    name: "在宅療養普及事業".into(),
                    summary: "東京都在宅療養推進会議の開催".into(),
                    previous_result: "東京都在宅療養推進会議 １回（３月）".into(),
                    plan: "東京都在宅療養推進会議 ２回".into(),
                    result: String::new(),
                    national_subsidy: true,
                    evaluation: "計画どおり".into(),
                    links: vec![
                        IndicatorLink { programme: example_id(0), indicator: "i1".into() },
                        IndicatorLink { programme: example_id(0), indicator: "i2".into() },
                    ],
                },
                Project {
                    name: "区市町村在宅療養推進事業".into(), plan: "６２区市町村".into(), ..Project::default()
                },
            ],
        }],
    }
}

#[test]
fn linked_figures_fill_last_and_this_years_results() {
    let results = example();
    // 今年度 令和3 (2021): 前年度 令和2 = 547件 / 44回, 今年度 令和3 = 451件 / 36回.
    let (previous, this) = shown_results(&issue(2021).initiatives[0].projects[0], fy(2021), &results);
    assert_eq!(previous, "東京都在宅療養推進会議 １回（３月）\n支援計画作成：547件\n評価委員会：44回");
    assert_eq!(this, "支援計画作成：451件\n評価委員会：36回");
    // 今年度 令和2: 前年度 令和元 = 812件 / 48回.
    let (previous, this) = shown_results(&issue(2020).initiatives[0].projects[0], fy(2020), &results);
    assert_eq!(previous, "東京都在宅療養推進会議 １回（３月）\n支援計画作成：812件\n評価委員会：48回");
    assert_eq!(this, "支援計画作成：547件\n評価委員会：44回");
    // 今年度 令和4: no figure yet → 不明, never 0.
    let (_, this) = shown_results(&issue(2022).initiatives[0].projects[0], fy(2022), &results);
    assert_eq!(this, "支援計画作成：不明\n評価委員会：不明");
    // A link whose 事業実績 is gone says so.
    let gone = IndicatorLink { programme: crate::domain::ids::test_ids::rid("none"), indicator: "i1".into() };
    assert_eq!(linked_figure(&gone, fy(2021), &results), "（事業実績が見つかりません）");
}

#[test]
fn link_choices_name_programme_indicator_and_unit() {
    let choices = link_choices(&example());
    assert_eq!(choices.len(), 36, "every indicator of the example");
    assert_eq!(choices[0].1, "在宅療養支援計画策定・評価 — 支援計画作成（件）");
    assert_eq!(choices[0].0, IndicatorLink { programme: example_id(0), indicator: "i1".into() });
}

#[test]
fn the_printed_form_spans_issue_and_initiative_like_the_seed() {
    let results = example();
    assert_eq!(
        headings(fy(2019)),
        [
            "課題",
            "取組",
            "事業名",
            "事業概要",
            "平成30年度実績",
            "令和元年度計画（予算規模等）",
            "令和元年度実績",
            "国庫負担",
            "評価"
        ]
        .map(String::from)
    );
    let rows = print_rows(&issue(2021), &results);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].issue, Some(("＜課題１＞区市町村を実施主体とした在宅療養体制の構築".to_string(), 2)));
    assert_eq!(rows[0].initiative.as_ref().map(|(_, n)| *n), Some(2));
    assert_eq!(rows[1].issue, None);
    assert_eq!(rows[1].initiative, None);
    assert_eq!(rows[0].cells[5], "〇");
    assert_eq!(rows[0].cells[4], "支援計画作成：451件\n評価委員会：36回");
    assert_eq!(rows[1].cells[3], "６２区市町村");
    assert_eq!(rows[1].cells[5], "");
    let empty = ProgressIssue { initiatives: Vec::new(), ..issue(2021) };
    assert_eq!(print_rows(&empty, &results).len(), 1, "a 課題 without 取組 still prints its line");
}

#[test]
fn the_form_refuses_missing_names_and_a_bad_year() {
    let mut form = ProgressForm::from_issue(&issue(2021));
    assert_eq!(form.year, "令和3年度");
    assert_eq!(form.parse(), Ok(issue(2021)));
    form.year = "来年".into();
    form.title = " ".into();
    form.initiatives[0].projects[1].name = String::new();
    let errors = form.parse().expect_err("refused");
    assert_eq!(
        errors,
        vec![
            "年度: 年度は西暦（例: 2025）か和暦（例: 令和7）で入力してください".to_string(),
            "課題: 名前を入力してください".to_string(),
            "1番目の取組の2番目の事業: 名前を入力してください".to_string(),
        ]
    );
}

#[test]
fn a_bundle_body_of_a_progress_plan_is_checked() {
    use crate::domain::bundle::body::check_body;
    let body = serde_json::to_value(issue(2021)).expect("json");
    assert_eq!(check_body(RecordKind::ProgressPlan, &body), Ok(body.clone()));
    let mut bad = body;
    bad["title"] = serde_json::json!("");
    assert!(check_body(RecordKind::ProgressPlan, &bad).is_err());
}
