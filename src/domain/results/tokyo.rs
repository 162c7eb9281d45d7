//! 例: 東京都の実績（令和元〜3年度）, seed 000's published figures, offered as a built-in
//! example data set.
//!
//! The seed's columns run **令和3年度, 令和2年度, 令和元年度** (newest first); the figures below
//! are written in that order, as they stand in the seed, and [`SEED_YEARS`] says which 年度
//! each column is. (支援計画作成 is 812件 in 令和元年度 and 451件 in 令和3年度, not the other
//! way round.) A cell that is not a count in the seed (「ホームページ上に資料を公開」) is 不明,
//! with the seed's words in the programme's note.

use super::catalogue::{entries, CatalogueEntry};
use super::{ProgrammeResult, YearValue};
use crate::domain::fiscal_year::FiscalYear;
use crate::domain::ids::RecordId;
use crate::domain::tri::Tri;

/// The seed's columns: 令和3年度 (2021), 令和2年度 (2020), 令和元年度 (2019).
pub const SEED_YEARS: [i32; 3] = [2021, 2020, 2019];

/// The label of the example (button and messages).
pub const EXAMPLE_LABEL: &str = "東京都の実績（令和元〜3年度）";

type Column = [Option<u64>; 3];

/// Per programme of the catalogue (same order), per indicator: the seed's three columns.
const FIGURES: [&[Column]; 16] = [
    // 在宅療養支援計画策定・評価: 支援計画作成, 評価委員会
    &[[Some(451), Some(547), Some(812)], [Some(36), Some(44), Some(48)]],
    // 在宅難病患者療養相談指導・島しょ専門医相談: 訪問相談指導, 島しょ（回）, 島しょ（件）
    &[[Some(18_983), Some(15_780), Some(21_598)], [Some(6), Some(5), Some(7)], [Some(45), Some(43), Some(215)]],
    // 患者会支援
    &[[Some(102), Some(21), Some(221)]],
    // 難病医療相談: 実施回数, 相談者数
    &[[Some(9), Some(9), Some(8)], [Some(56), Some(57), Some(90)]],
    // 在宅難病患者訪問診療: 訪問件数
    &[[Some(307), Some(263), Some(416)]],
    // 在宅難病患者医療機器貸与・整備: 貸与者, 訪問看護
    &[[Some(135), Some(154), Some(182)], [Some(651), Some(769), Some(998)]],
    // 在宅人工呼吸器使用難病患者訪問看護: 患者数, 訪問看護実施回数
    &[[Some(97), Some(103), Some(95)], [Some(9_198), Some(8_095), Some(7_477)]],
    // 非常用電源設備整備事業: 医療機関, 患者数
    &[[Some(39), Some(37), Some(28)], [Some(57), Some(63), Some(54)]],
    // 難病医療ネットワーク: 拠点病院, 協力病院
    &[[Some(11), Some(11), Some(11)], [Some(41), Some(41), Some(41)]],
    // 難病相談・支援センター: ①センター, ②多摩, ③ピア, 計
    &[
        [Some(2_311), Some(2_085), Some(3_147)],
        [Some(1_366), Some(1_321), Some(1_731)],
        [Some(1_097), Some(1_375), Some(1_442)],
        [Some(4_774), Some(4_781), Some(6_320)],
    ],
    // 難病対策地域協議会: ①本課, ②保健所, 計
    &[[Some(1), Some(1), Some(1)], [Some(4), Some(3), Some(5)], [Some(5), Some(4), Some(6)]],
    // 難病セミナー: ①実務者基礎コース, ②保健師コース, ③講演会
    &[[Some(213), None, Some(146)], [Some(26), Some(20), Some(34)], [Some(78), Some(58), Some(67)]],
    // 在宅難病患者訪問看護師等養成研修: ①座学Ⅰ, ②座学Ⅱ, ③臨床, 合計
    &[
        [Some(247), Some(633), Some(325)],
        [Some(93), Some(155), Some(295)],
        [Some(11), Some(21), Some(44)],
        [Some(351), Some(809), Some(664)],
    ],
    // 難病患者等ホームヘルパー養成研修: 開催数, 受講者数
    &[[Some(9), Some(9), Some(10)], [Some(93), Some(91), Some(81)]],
    // 在宅難病患者一時入院事業: 委託病床数, 利用患者数（延べ）, 利用日数（延べ）
    &[[Some(20), Some(20), Some(20)], [Some(197), Some(171), Some(320)], [Some(3_410), Some(2_982), Some(5_142)]],
    // 難病患者在宅レスパイト事業（令和4年度新規）: 「- - -」
    &[],
];

/// The seed's words that are not figures, per programme name.
const NOTES: [(&str, &str); 6] = [
    ("難病医療相談", "実施回数の内訳: 令和2・3年度は難病相談・支援センター8回、多摩難病相談・支援室1回。令和元年度は難病相談・支援センター実施分のみ。"),
    ("在宅難病患者訪問診療", "54地区医師会（各年度）"),
    ("難病医療ネットワーク", "平成30年4月より事業開始。※本部会の所管外"),
    ("難病セミナー", "実務者基礎コース: 令和3年度は申込者数（動画配信）、令和2年度はホームページ上に資料を公開（人数なし）。講演会: 令和2年度は資料配布のみ。"),
    ("在宅難病患者訪問看護師等養成研修", "平成29年度開始。令和2・3年度の座学研修はWeb形式。"),
    ("難病患者在宅レスパイト事業", "令和4年度新規事業（令和元〜3年度は「-」）"),
];

/// The record ID of the example's `n`th programme (fixed: loading the example twice adds
/// nothing).
pub fn example_id(n: usize) -> RecordId {
    RecordId::sanitized(&format!("tokyo-example-{:02}", n + 1))
}

fn with_figures(entry: &CatalogueEntry, order: u32, columns: &[Column]) -> ProgrammeResult {
    let mut p = entry.blank(order);
    for (indicator, column) in p.indicators.iter_mut().zip(columns) {
        let mut values: Vec<YearValue> = SEED_YEARS
            .iter()
            .zip(column)
            .filter_map(|(year, cell)| {
                let year = FiscalYear::new(*year).ok()?;
                let value = match cell {
                    None => Tri::Unknown,
                    Some(0) => Tri::None,
                    Some(n) => Tri::Value(*n),
                };
                Some(YearValue { year, value })
            })
            .collect();
        values.sort_by_key(|v| v.year);
        indicator.values = values;
    }
    p.note = NOTES
        .iter()
        .find(|(name, note)| *name == entry.name && !note.is_empty())
        .map_or(String::new(), |(_, n)| (*n).to_string());
    p
}

/// The example: every programme of seed 000 with its figures, with its record ID.
pub fn example() -> Vec<(RecordId, ProgrammeResult)> {
    entries()
        .zip(FIGURES.iter())
        .enumerate()
        .map(|(n, (entry, columns))| (example_id(n), with_figures(entry, n as u32 + 1, columns)))
        .collect()
}
