//! 集計の算出方法: how each figure of the 集計 sheet and of 様式4's 管内の状況 is computed, in
//! the seed's words where the seed gives them (seed 004: 「４．集計シート ３）出力された集計の
//! 算出方法」, 「３．様式３ ３）」, 「５．様式４ ２）」) and with the app's own reading (the 集計's
//! footnotes). The rows are built from the 集計 itself ([`PatientStatus::groups`],
//! [`Summary::lines`], [`EvaluationItem::ALL`]), so a new figure without a formula fails a test.

use crate::domain::overview::Overview;
use crate::domain::summary::{self as sum, summarize, DiseaseFilter, EvaluationItem, Section, Summary};

/// 集計内容 and 算出方法 of one group of figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormulaRow {
    /// 集計内容 (the group's heading on the 集計)
    pub item: &'static str,
    /// The figures of the group, as the 集計 names them.
    pub figures: Vec<&'static str>,
    /// What the ％ is of.
    pub base: &'static str,
    /// 算出方法 in the seed's words, where the seed gives one.
    pub seed: Option<&'static str>,
    /// このアプリでの数え方.
    pub notes: Vec<&'static str>,
}

/// One part of the 集計 (A, B, C, 様式4 管内の状況).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormulaSection {
    pub title: &'static str,
    /// The seed's words for the whole part.
    pub intro: &'static [&'static str],
    pub rows: Vec<FormulaRow>,
}

const NAME_GIVEN: &str = "機関名などに0以外の入力がある人（「0」はなし、空白は不明）を「あり」と数えます。";

const INTRO_AREA: &[&str] = &[
    "A．管轄地域の概況 ・様式１への入力により、下記が自動算出されます。",
    "人口・面積・認定者数・医療機関数は「地域の概況」の入力から、10万人あたりは人口で、100km²あたりは面積で割って計算します。",
];

const INTRO_STATIONS: &[&str] = &[
    "（１）各項目について、すべてのステーションの合計が算出されます。",
    "（２）１０ｋｍ２あたり 「看護師の常勤換算」、「平均的な 1 ヶ月の実利用者数（そのうち医療保険利用者数）」、「平均的な１ヶ月の総訪問回数」、「1 ヶ月の提供可能な訪問看護回数」について、管轄地域の１０ｋｍ２あたりの値が算出される。",
    "（３）１０万人あたり 「看護師の常勤換算」、「平均的な 1 ヶ月の実利用者数（そのうち医療保険利用者数）」、「平均的な１ヶ月の総訪問回数」ついて、管轄地域の１０万人あたりの値が算出される。",
    "（４）訪問数を増やせるステーション 訪問数を増加する余力のあるステーション数をカウントして出力しています。",
];

const INTRO_PATIENTS: &[&str] = &[
    "・各分類別の合計人数やパーセンテージ等が入力内容により集計されます。",
    "※特記のない％はすべて在宅ALS療養者中の割合",
];

const INTRO_COVERAGE: &[&str] =
    &["「管内の状況(在宅 ALS 療養者中ありの％)」は以下の方法によって計算されたものが出力されています。"];

/// The seed's 算出方法 and the app's notes for a group of C, by its heading.
fn patient_group(title: &str) -> Option<(Option<&'static str>, Vec<&'static str>)> {
    let seed = |s: &'static str, notes: Vec<&'static str>| Some((Some(s), notes));
    let app = |notes: Vec<&'static str>| Some((None, notes));
    match title {
        "年齢区分" => app(vec!["様式1「年齢」の4区分ごとの人数です。実年齢はその区分に数えます。"]),
        "ADL" => app(vec!["様式1「ADL」の 1 自立・2 一部介助・3 全面介助 ごとの人数です。"]),
        "身体障害者手帳" => app(vec!["様式1「身体障害者手帳（級）」に級の入力がある人数です。"]),
        "手帳の級" => app(vec![sum::FOOTNOTE_CERTIFICATE]),
        "障害支援区分" => app(vec!["様式1「障害支援区分」の区分ごとの人数です。"]),
        "障害者総合支援法による居宅介護" => app(vec!["様式1 の利用が「1：有」の人数です。"]),
        "介護保険（介護度）" => app(vec![sum::FOOTNOTE_CARE_INSURANCE]),
        "介護保険" => app(vec!["様式1「介護保険（介護度）」に要支援・要介護の入力がある人数です。"]),
        "災害時個別支援計画" => app(vec![sum::FOOTNOTE_DISASTER_PLAN]),
        "医療処置管理" => app(vec!["様式1 の各処置が「1：有」の人数です。"]),
        "特定症状" => app(vec!["様式1 の各症状が「1：有」の人数です。"]),
        "神経内科専門医療機関" | "かかりつけ主治医" => app(vec![sum::FOOTNOTE_DOCTORS]),
        "緊急時の入院機関" | "レスパイトの入院・入所機関" | "在宅でのレスパイト" | "医療機関からの訪問看護" => {
            app(vec![NAME_GIVEN])
        }
        "緊急時の訪問看護" => seed(
            "※注：集計に影響するため、機関名や具体的内容の入力はなしの場合は「0」、不明のときには「未入力、空白」",
            vec![NAME_GIVEN],
        ),
        "訪問看護ステーションからの訪問看護" => seed(
            "① ありの人数 様式１の「訪問看護ステーションの機関名」に入力がある件数を表示。割合は「ありの数」/ALS療養者数×100（％） \
②複数の ST を利用している人数 様式１の「訪問看護ステーションの利用機関数」が 2 以上の件数を表示。割合は「複数の ST を利用している数」÷全 ALS療養者数×100(％)",
            vec![sum::FOOTNOTE_STATION_NURSING],
        ),
        "在宅人工呼吸器使用患者支援事業（訪問看護）" => seed(
            "①利用の「１．あり」の合計数 ②「有の人数÷呼吸器使用中の ALS療養者数×100（％）」を計算し表示",
            vec![sum::FOOTNOTE_VENTILATOR_PROGRAMME],
        ),
        "訪問看護利用者" => seed(
            "訪問看護利用者数 様式１の「1 週間の合計訪問看護利用回数」が 1 以上の件数を表示。（訪問看護ステーションと医療機関による訪問看護利用回数）\
訪問看護ステーションの名称や機関数が入力してあっても１週間の訪問回数が入力されていない場合はこの数字に含まれない。\
平均訪問看護利用回数/週 「訪問看護利用者すべての合計訪問看護回数/１週間」を「上記の訪問看護利用者数」で割った数字を計算して表示",
            vec![sum::FOOTNOTE_NURSING_USERS, sum::FOOTNOTE_AVERAGE_VISITS],
        ),
        _ => None,
    }
}

/// 様式4 管内の状況: the seed's 算出方法 for each item (the seed names 7; 災害対策 has none).
pub fn coverage_seed(item: EvaluationItem) -> Option<&'static str> {
    Some(match item {
        EvaluationItem::Specialist => {
            "全 ALS 在宅療養者中、様式１の「神経内科専門医療機関のある人（外来もしくは往診）」の割合を計算して表示\
（外来あり数+往診あり数/ALS療養者数×100（％））"
        }
        EvaluationItem::Daily => {
            "全 ALS 在宅療養者中、様式１の「かかりつけ医のある人（外来もしくは往診）」の割合を計算して表示\
（外来あり数+往診あり数/ALS療養者数×100（％））"
        }
        EvaluationItem::EmergencyAdmission => {
            "（緊急時の入院確保）全 ALS 在宅療養者中、様式１の「緊急時の入院機関」に 0 以外の入力のある人の割合を計算して表示\
（あり数/ALS療養者数×100（％））"
        }
        EvaluationItem::RespiteAdmission => {
            "全 ALS 在宅療養者中、様式１「レスパイトの入院・入所機関」に 0 以外の入力のある人の割合を計算して表示\
（あり数/ALS療養者数×100（％））"
        }
        EvaluationItem::RespiteHome => {
            "全 ALS 在宅療養者中、様式１「在宅でのレスパイト」に 0 以外の入力のある人の割合を計算して表示\
（あり数/ALS療養者数×100（％））"
        }
        EvaluationItem::NursingRegular => {
            "全 ALS 在宅療養者中、様式１「訪問看護ステーション 利用機関数」の入力が 1 以上の人の割合を計算して表示\
（1 以上の数/ALS療養者数×100（％））"
        }
        EvaluationItem::NursingEmergency => {
            "全 ALS 在宅療養者中、様式１「緊急時の訪問看護」に 0 以外の入力のある人の割合を計算して表示\
（あり数/ALS療養者数×100（％））"
        }
        EvaluationItem::Disaster => return None,
    })
}

const DISASTER_NOTE: &str =
    "災害対策の算出方法は資料の表にないため、このアプリでは集計の「災害時個別支援計画」と同じ数え方をしています。";

fn labels(summary: &Summary, section: Section) -> Vec<&'static str> {
    summary.lines().into_iter().filter(|l| l.section == section).map(|l| l.line.label()).collect()
}

/// The 集計's parts with every figure's 算出方法, built from an empty 集計 (the rows never depend
/// on the data).
pub fn summary_help() -> Vec<FormulaSection> {
    let summary = summarize(&Overview::default(), &[], &[], &DiseaseFilter::All);
    let n = "在宅療養者数";
    let mut patients: Vec<FormulaRow> = summary
        .status
        .groups()
        .into_iter()
        .map(|g| {
            let (seed, notes) = patient_group(g.title).unwrap_or((None, Vec::new()));
            FormulaRow {
                item: g.title,
                figures: g.figures.iter().map(|f| f.label).collect(),
                base: g.base_note.unwrap_or(n),
                seed,
                notes,
            }
        })
        .collect();
    if let Some(users) = patients.last_mut() {
        users.figures.push(summary.status.average_weekly_visits.label);
    }
    let coverage = summary
        .coverage
        .iter()
        .map(|c| FormulaRow {
            item: c.item.label(),
            figures: vec![c.figure.label],
            base: n,
            seed: coverage_seed(c.item),
            notes: if coverage_seed(c.item).is_some() { vec![c.formula] } else { vec![c.formula, DISASTER_NOTE] },
        })
        .collect();
    let listed = |section, title, intro| FormulaSection {
        title,
        intro,
        rows: vec![FormulaRow {
            item: title,
            figures: labels(&summary, section),
            base: "",
            seed: None,
            notes: vec![sum::ROUNDING_RULE],
        }],
    };
    vec![
        listed(Section::Area, Section::Area.label(), INTRO_AREA),
        listed(Section::Stations, Section::Stations.label(), INTRO_STATIONS),
        FormulaSection { title: Section::Patients.label(), intro: INTRO_PATIENTS, rows: patients },
        FormulaSection { title: Section::Coverage.label(), intro: INTRO_COVERAGE, rows: coverage },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every group of the 集計 has its 算出方法, and no formula names a group that is gone.
    #[test]
    fn every_summary_row_has_a_formula() {
        let summary = summarize(&Overview::default(), &[], &[], &DiseaseFilter::All);
        for g in summary.status.groups() {
            let (seed, notes) = patient_group(g.title).unwrap_or_else(|| panic!("no formula for {}", g.title));
            assert!(seed.is_some() || !notes.is_empty(), "{}", g.title);
        }
        let help = summary_help();
        assert_eq!(help.len(), Section::ALL.len());
        let rows: usize = help.iter().map(|s| s.rows.iter().map(|r| r.figures.len()).sum::<usize>()).sum();
        assert_eq!(rows, summary.lines().len(), "every line of the 集計 is listed once");
        assert!(help.iter().flat_map(|s| &s.rows).all(|r| r.seed.is_some() || !r.notes.is_empty()));
    }

    /// The seed's wording (issue 18): 「外来あり数+往診あり数/ALS 療養者数×100」.
    #[test]
    fn the_seeds_words_for_the_coverage() {
        let specialist = coverage_seed(EvaluationItem::Specialist).unwrap_or_default();
        assert!(specialist.contains("外来あり数+往診あり数/ALS療養者数×100（％）"));
        let seeded = EvaluationItem::ALL.iter().filter(|i| coverage_seed(**i).is_some()).count();
        assert_eq!(seeded, 7, "the seed's table has seven rows");
        let users = patient_group("訪問看護利用者").and_then(|(s, _)| s).unwrap_or_default();
        assert!(users.contains("1 以上の件数"));
    }
}
