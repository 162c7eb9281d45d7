//! 集計: the 集計 sheet (A 管轄地域の概況, B 訪問看護ステーションの概況, C 在宅療養者の現況),
//! the 様式3 totals, year-on-year comparison, chart data and the CSV table. Computed from
//! 様式1 and 様式3, never typed.
//!
//! * [`figure`]: one figure (人数, 分母, 割合, 不明) and the single rule behind each
//!   ([`FigureKey`]); [`members`] lists the records behind a figure with the same rule.
//! * [`sheet`]: [`summarize`] builds the whole [`Summary`] (A, B, C) in one pass over 様式1.
//! * [`stations`]: [`station_totals`] (様式3 の合計, also 集計 B).
//! * [`compare`](mod@compare): every line in order ([`Summary::lines`]) and the year-on-year
//!   comparison ([`compare()`]).
//! * [`charts`]: bar data for the charts ([`Summary::charts`]).
//! * [`table`]: the 集計 and the comparison as CSV for Excel.
//! * [`cells`]: each line's texts as the page and the print show them ([`LineCells`]).
//! * [`coverage`](mod@coverage): 様式4's eight items and their 管内の状況 ([`ItemCoverage`]).
//! * [`tally`]: the tallies of one pass over the roster, which the sheet and the coverage
//!   build their figures from.
//! * [`inputs`]: the records the 集計 is computed from ([`summary_inputs`]).
//! * [`drill`]: each figure's name in the page address and its 内訳 ([`DrillDown`]).
//! * [`layout`]: C in the sheet's groups ([`PatientStatus::groups`]).

pub mod cells;
pub mod charts;
pub mod compare;
pub mod coverage;
pub mod drill;
pub mod figure;
pub mod inputs;
pub mod layout;
pub mod regional;
pub mod sheet;
pub mod stations;
pub mod table;
pub mod tally;

pub use cells::{line_cells, line_count, LineCells};
pub use charts::{Bar, Chart, UnknownBar};
pub use compare::{compare, Change, ComparisonRow, Line, Points, Section, SummaryLine, POINTS_UNIT};
pub use coverage::{coverage, EvaluationItem, ItemCoverage};
pub use drill::{all_figure_keys, DrillDown};
pub use figure::{
    filter_choices, members, present_choices, present_filter_choices, station_members, station_unknown_members,
    unknown_members, Amount, Denominator, DiseaseFilter, DoctorFigure, DoctorKind, Figure, FigureKey, FilterChoice,
    PatientFigure, ProcedureKind, Quantity, StationFigure, SymptomKind, Tally, Verdict,
};
pub use inputs::{
    singleton_record, summary_inputs, summary_inputs_cached, InputsCache, SummaryInputs, EVALUATION_SUFFIX,
    OVERVIEW_SUFFIX,
};
pub use layout::FigureGroup;
pub use sheet::{certified_count, summarize, AreaOverview, DoctorFigures, PatientStatus, Summary};
pub use stations::{station_totals, StationTotals};
pub use table::{
    comparison_csv, comparison_row_cells, summary_csv, summary_row, summary_rows, COMPARISON_HEADERS, CSV_DASH,
    SUMMARY_HEADERS,
};

/// 端数処理: how every percentage, rate, density and average is rounded.
pub const ROUNDING_RULE: &str =
    "割合・率・密度・平均は四捨五入で小数第1位まで表示しています。分母が0のときは「-」と表示します。";

/// 注: 不明 is never counted as なし.
pub const FOOTNOTE_UNKNOWN: &str =
    "不明（空白）の件数を各項目の横に示しています。不明は「なし」にも「あり」にも数えていません。";

/// 注: which percentages are of whom (the sheet's ※).
pub const FOOTNOTE_PERCENT_BASE: &str = "※特記のない％はすべて在宅療養者中の割合です。";

/// 注: 手帳の級.
pub const FOOTNOTE_CERTIFICATE: &str =
    "※手帳の級は身体障害者手帳あり中の割合です。4〜6級はこのアプリで追加した欄です。";

/// 注: 介護度.
pub const FOOTNOTE_CARE_INSURANCE: &str = "※介護度は介護保険あり中の割合です。";

/// 注: 神経内科専門医療機関・かかりつけ主治医 の あり／外来／往診／なし.
pub const FOOTNOTE_DOCTORS: &str = "※神経内科専門医療機関・かかりつけ主治医の「あり」は機関名に入力がある人、\
「外来」「往診」は受診形態による人数、「なし」は機関名が「0」または受診形態が「0 なし」の人数です。";

/// 注: 訪問看護ステーション あり and 複数利用.
pub const FOOTNOTE_STATION_NURSING: &str = "※訪問看護ステーションからの訪問看護「あり」は機関名に入力がある人、\
「複数利用あり」は利用機関数が2以上の人です。";

/// 注: 在宅人工呼吸器使用患者支援事業.
pub const FOOTNOTE_VENTILATOR_PROGRAMME: &str = "※在宅人工呼吸器使用患者支援事業は人工呼吸器使用者（人工呼吸器「1」）\
中の割合です。人工呼吸器が「1」でない人の「利用」は数えていません。";

/// 注: 訪問看護利用者数 (the tool's rule: 0.5 is not counted).
pub const FOOTNOTE_NURSING_USERS: &str = "※訪問看護利用者数は、1週間の合計訪問看護利用回数（訪問看護ステーションと\
医療機関による訪問看護の合計）が1回以上の人数です（ツールの算出方法）。2週に1回（0.5回）や月1回（0.25回）の人、\
回数が未入力の人は含みません。";

/// 注: 一週間の訪問看護の平均回数.
pub const FOOTNOTE_AVERAGE_VISITS: &str = "※一週間の訪問看護の平均回数は、訪問看護利用者の1週間の合計訪問看護利用回数\
の和を訪問看護利用者数で割り、四捨五入で小数第1位まで表示しています。";

/// 注: 災害時個別支援計画.
pub const FOOTNOTE_DISASTER_PLAN: &str =
    "※災害時個別支援計画「あり」は作成（更新）年の入力がある人（年が不明でも作成済みなら含む）です。";

/// 注: station density per 10 km² and per 100 km².
pub const FOOTNOTE_STATION_DENSITY: &str =
    "※訪問看護ステーション数の密度は、様式3の10km²あたりと集計の100km²あたりの両方を示しています。";

/// Every footnote of the 集計, in display order (the rounding rule first).
pub const SUMMARY_FOOTNOTES: [&str; 12] = [
    ROUNDING_RULE,
    FOOTNOTE_UNKNOWN,
    FOOTNOTE_PERCENT_BASE,
    FOOTNOTE_CERTIFICATE,
    FOOTNOTE_CARE_INSURANCE,
    FOOTNOTE_DOCTORS,
    FOOTNOTE_STATION_NURSING,
    FOOTNOTE_VENTILATOR_PROGRAMME,
    FOOTNOTE_NURSING_USERS,
    FOOTNOTE_AVERAGE_VISITS,
    FOOTNOTE_DISASTER_PLAN,
    FOOTNOTE_STATION_DENSITY,
];

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props;
#[cfg(test)]
pub(crate) mod tests;
