//! 様式4「管轄地域におけるALS療養者に関わる医療資源の概況と医療サービスの確保状況の評価」.
//!
//! For each of eight items the 管内の状況 is computed from 様式1 ([`coverage`]: % of N with
//! the seed's 算出方法), and the nurse enters a レベル A–D and a 課題; finally the
//! 総合評価および優先すべき課題. [`Evaluation`] is the record body (one per 地域診断),
//! [`EvaluationForm`] the form as typed.

use crate::domain::ids::{DeviceId, RecordId};
use crate::domain::issues::Issues;
use crate::domain::patient::Patient;
use crate::domain::record::{RecordBody, RecordKind, StoredRecord};
use crate::domain::summary::figure::{Denominator, DiseaseFilter, DoctorFigure, DoctorKind, Figure, PatientFigure};
use crate::domain::summary::inputs::{singleton_record, EVALUATION_SUFFIX};
use crate::domain::summary::sheet::Tallies;
use crate::domain::time::Timestamp;
use serde::{Deserialize, Serialize};

/// 様式4 の評価項目 (the eight rows of the form, in its order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvaluationItem {
    /// 専門診療の確保
    Specialist,
    /// 日常診療の確保
    Daily,
    /// 急変時の入院確保
    EmergencyAdmission,
    /// レスパイトケアの確保 入院・入所
    RespiteAdmission,
    /// レスパイトケアの確保 在宅
    RespiteHome,
    /// 訪問看護の確保 定期
    NursingRegular,
    /// 訪問看護の確保 緊急時
    NursingEmergency,
    /// 災害対策
    Disaster,
}

impl EvaluationItem {
    pub const ALL: [EvaluationItem; 8] = [
        EvaluationItem::Specialist,
        EvaluationItem::Daily,
        EvaluationItem::EmergencyAdmission,
        EvaluationItem::RespiteAdmission,
        EvaluationItem::RespiteHome,
        EvaluationItem::NursingRegular,
        EvaluationItem::NursingEmergency,
        EvaluationItem::Disaster,
    ];

    /// Stable key (field keys of the form: `specialist.level`, `specialist.issue`).
    pub fn key(self) -> &'static str {
        match self {
            EvaluationItem::Specialist => "specialist",
            EvaluationItem::Daily => "daily",
            EvaluationItem::EmergencyAdmission => "emergency_admission",
            EvaluationItem::RespiteAdmission => "respite_admission",
            EvaluationItem::RespiteHome => "respite_home",
            EvaluationItem::NursingRegular => "nursing_regular",
            EvaluationItem::NursingEmergency => "nursing_emergency",
            EvaluationItem::Disaster => "disaster",
        }
    }

    /// Full name: 専門診療の確保, レスパイトケアの確保（入院・入所）, ….
    pub fn label(self) -> &'static str {
        match self {
            EvaluationItem::Specialist => "専門診療の確保",
            EvaluationItem::Daily => "日常診療の確保",
            EvaluationItem::EmergencyAdmission => "急変時の入院確保",
            EvaluationItem::RespiteAdmission => "レスパイトケアの確保（入院・入所）",
            EvaluationItem::RespiteHome => "レスパイトケアの確保（在宅）",
            EvaluationItem::NursingRegular => "訪問看護の確保（定期）",
            EvaluationItem::NursingEmergency => "訪問看護の確保（緊急時）",
            EvaluationItem::Disaster => "災害対策",
        }
    }

    /// The form's row heading and sub-heading: (`レスパイトケアの確保`, `入院・入所`).
    pub fn heading(self) -> (&'static str, Option<&'static str>) {
        match self {
            EvaluationItem::Specialist => ("専門診療の確保", None),
            EvaluationItem::Daily => ("日常診療の確保", None),
            EvaluationItem::EmergencyAdmission => ("急変時の入院確保", None),
            EvaluationItem::RespiteAdmission => ("レスパイトケアの確保", Some("入院・入所")),
            EvaluationItem::RespiteHome => ("レスパイトケアの確保", Some("在宅")),
            EvaluationItem::NursingRegular => ("訪問看護の確保", Some("定期")),
            EvaluationItem::NursingEmergency => ("訪問看護の確保", Some("緊急時")),
            EvaluationItem::Disaster => ("災害対策", None),
        }
    }

    /// The rule of the 管内の状況 (the seed's 算出方法).
    pub fn figure(self) -> PatientFigure {
        match self {
            EvaluationItem::Specialist => PatientFigure::Doctor(DoctorKind::Neurology, DoctorFigure::Visits),
            EvaluationItem::Daily => PatientFigure::Doctor(DoctorKind::FamilyDoctor, DoctorFigure::Visits),
            EvaluationItem::EmergencyAdmission => PatientFigure::EmergencyAdmission,
            EvaluationItem::RespiteAdmission => PatientFigure::RespiteAdmission,
            EvaluationItem::RespiteHome => PatientFigure::HomeRespite,
            EvaluationItem::NursingRegular => PatientFigure::RegularNursing,
            EvaluationItem::NursingEmergency => PatientFigure::EmergencyNursing,
            EvaluationItem::Disaster => PatientFigure::DisasterPlan,
        }
    }

    /// 算出方法, as the page shows it.
    pub fn formula(self) -> &'static str {
        match self {
            EvaluationItem::Specialist => {
                "神経内科専門医療機関を外来または往診で受診している人の割合（（外来＋往診）÷在宅療養者数×100）"
            }
            EvaluationItem::Daily => {
                "かかりつけ主治医を外来または往診で受診している人の割合（（外来＋往診）÷在宅療養者数×100）"
            }
            EvaluationItem::EmergencyAdmission => "緊急時の入院機関に0以外の入力がある人の割合",
            EvaluationItem::RespiteAdmission => "レスパイトの入院・入所機関に0以外の入力がある人の割合",
            EvaluationItem::RespiteHome => "在宅でのレスパイトに0以外の入力がある人の割合",
            EvaluationItem::NursingRegular => "訪問看護ステーションの利用機関数が1以上の人の割合",
            EvaluationItem::NursingEmergency => "緊急時の訪問看護に0以外の入力がある人の割合",
            EvaluationItem::Disaster => "災害時個別支援計画がある人の割合",
        }
    }
}

/// レベル (課題の達成度): A 確保できている … D 確保できていない.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Level {
    /// A 確保できている
    A,
    /// B 概ね確保できている
    B,
    /// C あまり確保できていない
    C,
    /// D 確保できていない
    D,
}

impl Level {
    pub const ALL: [Level; 4] = [Level::A, Level::B, Level::C, Level::D];

    /// `A` … `D`.
    pub fn letter(self) -> &'static str {
        match self {
            Level::A => "A",
            Level::B => "B",
            Level::C => "C",
            Level::D => "D",
        }
    }

    /// 確保できている … 確保できていない.
    pub fn description(self) -> &'static str {
        match self {
            Level::A => "確保できている",
            Level::B => "概ね確保できている",
            Level::C => "あまり確保できていない",
            Level::D => "確保できていない",
        }
    }

    /// `A 確保できている`.
    pub fn label(self) -> &'static str {
        match self {
            Level::A => "A 確保できている",
            Level::B => "B 概ね確保できている",
            Level::C => "C あまり確保できていない",
            Level::D => "D 確保できていない",
        }
    }

    /// Reads `A`–`D` (also lower case and full-width `Ａ`–`Ｄ`, as pasted from the workbook).
    pub fn from_letter(text: &str) -> Option<Level> {
        match text.trim() {
            "A" | "a" | "Ａ" | "ａ" => Some(Level::A),
            "B" | "b" | "Ｂ" | "ｂ" => Some(Level::B),
            "C" | "c" | "Ｃ" | "ｃ" => Some(Level::C),
            "D" | "d" | "Ｄ" | "ｄ" => Some(Level::D),
            _ => None,
        }
    }
}

/// レベル choices for a select, in this order: 未入力, A, B, C, D.
pub const LEVEL_CHOICES: [(Option<Level>, &str); 5] = [
    (None, "未入力"),
    (Some(Level::A), "A 確保できている"),
    (Some(Level::B), "B 概ね確保できている"),
    (Some(Level::C), "C あまり確保できていない"),
    (Some(Level::D), "D 確保できていない"),
];

/// One row of 様式4: レベル and 課題.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ItemEvaluation {
    /// レベル (未入力 = `None`)
    pub level: Option<Level>,
    /// 課題
    pub issue: String,
}

/// 様式4 評価 (one per 地域診断).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Evaluation {
    /// 専門診療の確保
    pub specialist: ItemEvaluation,
    /// 日常診療の確保
    pub daily: ItemEvaluation,
    /// 急変時の入院確保
    pub emergency_admission: ItemEvaluation,
    /// レスパイトケアの確保 入院・入所
    pub respite_admission: ItemEvaluation,
    /// レスパイトケアの確保 在宅
    pub respite_home: ItemEvaluation,
    /// 訪問看護の確保 定期
    pub nursing_regular: ItemEvaluation,
    /// 訪問看護の確保 緊急時
    pub nursing_emergency: ItemEvaluation,
    /// 災害対策
    pub disaster: ItemEvaluation,
    /// 総合評価および優先すべき課題
    pub overall: String,
}

impl RecordBody for Evaluation {
    const KIND: RecordKind = RecordKind::Evaluation;
}

impl Evaluation {
    /// The row of `item`.
    pub fn item(&self, item: EvaluationItem) -> &ItemEvaluation {
        match item {
            EvaluationItem::Specialist => &self.specialist,
            EvaluationItem::Daily => &self.daily,
            EvaluationItem::EmergencyAdmission => &self.emergency_admission,
            EvaluationItem::RespiteAdmission => &self.respite_admission,
            EvaluationItem::RespiteHome => &self.respite_home,
            EvaluationItem::NursingRegular => &self.nursing_regular,
            EvaluationItem::NursingEmergency => &self.nursing_emergency,
            EvaluationItem::Disaster => &self.disaster,
        }
    }

    /// The row of `item`, to change.
    pub fn item_mut(&mut self, item: EvaluationItem) -> &mut ItemEvaluation {
        match item {
            EvaluationItem::Specialist => &mut self.specialist,
            EvaluationItem::Daily => &mut self.daily,
            EvaluationItem::EmergencyAdmission => &mut self.emergency_admission,
            EvaluationItem::RespiteAdmission => &mut self.respite_admission,
            EvaluationItem::RespiteHome => &mut self.respite_home,
            EvaluationItem::NursingRegular => &mut self.nursing_regular,
            EvaluationItem::NursingEmergency => &mut self.nursing_emergency,
            EvaluationItem::Disaster => &mut self.disaster,
        }
    }

    /// How many rows have a レベル (for the progress shown in the 地域診断 list).
    pub fn levels_entered(&self) -> usize {
        EvaluationItem::ALL.iter().filter(|&&i| self.item(i).level.is_some()).count()
    }
}

/// Longest 課題 of one item (characters).
pub const MAX_ISSUE_TEXT: usize = 2_000;
/// Longest 総合評価および優先すべき課題 (characters).
pub const MAX_OVERALL_TEXT: usize = 4_000;

/// Field key of 総合評価および優先すべき課題.
pub const OVERALL_FIELD: &str = "overall";
/// Label of 総合評価および優先すべき課題.
pub const OVERALL_LABEL: &str = "総合評価および優先すべき課題";

/// Field key of an item's レベル: `specialist.level`.
pub fn level_field(item: EvaluationItem) -> String {
    format!("{}.level", item.key())
}

/// Field key of an item's 課題: `specialist.issue`.
pub fn issue_field(item: EvaluationItem) -> String {
    format!("{}.issue", item.key())
}

/// 様式4 as typed: the レベル chosen from a list, and the texts exactly as typed (a draft
/// keeps them as they are; [`EvaluationForm::parse`] tidies and checks them).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EvaluationForm {
    /// The eight rows, in [`EvaluationItem::ALL`] order.
    pub items: [ItemEvaluation; 8],
    /// 総合評価および優先すべき課題, as typed.
    pub overall: String,
}

fn item_index(item: EvaluationItem) -> usize {
    EvaluationItem::ALL.iter().position(|&i| i == item).unwrap_or(0)
}

/// A long text: line breaks normalised to `\n`, trimmed, at most `max` characters; tabs and
/// line breaks allowed, other control characters refused.
fn parse_long_text(text: &str, max: usize, field: &str, label: &str, issues: &mut Issues) -> String {
    let t = text.replace("\r\n", "\n").replace('\r', "\n");
    let t = t.trim();
    let len = t.chars().count();
    if len > max {
        issues.error(field, label, format!("{max}文字までで入力してください（現在{len}文字）"));
    }
    if t.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        issues.error(field, label, "使えない制御文字が含まれています");
    }
    t.to_string()
}

impl EvaluationForm {
    /// The form for a saved record.
    pub fn from_record(e: &Evaluation) -> EvaluationForm {
        EvaluationForm { items: EvaluationItem::ALL.map(|i| e.item(i).clone()), overall: e.overall.clone() }
    }

    /// The row of `item`.
    pub fn item(&self, item: EvaluationItem) -> &ItemEvaluation {
        // `item_index` is always < 8.
        &self.items[item_index(item) % 8]
    }

    /// The row of `item`, to bind to its inputs.
    pub fn item_mut(&mut self, item: EvaluationItem) -> &mut ItemEvaluation {
        &mut self.items[item_index(item) % 8]
    }

    /// The record, with warnings; or the errors that block saving. 課題 and 総合評価 are
    /// trimmed and their line breaks normalised. A レベル of C or D without a 課題 is a
    /// warning (the seed asks for the 課題 of what is not secured).
    pub fn parse(&self) -> Result<(Evaluation, Issues), Issues> {
        let mut issues = Issues::new();
        let mut evaluation = Evaluation::default();
        for item in EvaluationItem::ALL {
            let typed = self.item(item);
            let field = issue_field(item);
            let label = format!("{} 課題", item.label());
            let issue = parse_long_text(&typed.issue, MAX_ISSUE_TEXT, &field, &label, &mut issues);
            if matches!(typed.level, Some(Level::C | Level::D)) && issue.is_empty() {
                issues.warning(&field, &label, "レベルがC・Dの項目は課題を記入してください");
            }
            *evaluation.item_mut(item) = ItemEvaluation { level: typed.level, issue };
        }
        evaluation.overall =
            parse_long_text(&self.overall, MAX_OVERALL_TEXT, OVERALL_FIELD, OVERALL_LABEL, &mut issues);
        if issues.has_errors() {
            Err(issues)
        } else {
            Ok((evaluation, issues))
        }
    }

    /// The findings without building the record (to show beside the inputs while typing).
    pub fn issues(&self) -> Issues {
        match self.parse() {
            Ok((_, issues)) | Err(issues) => issues,
        }
    }
}

/// 管内の状況 of one item: the % of N computed by the seed's rule, and the numbers behind it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ItemCoverage {
    pub item: EvaluationItem,
    /// 管内の状況 (在宅療養者中ありの％), with its count, N and unknown count; its key lists the
    /// patients behind it.
    pub figure: Figure,
    /// 算出方法
    pub formula: &'static str,
    /// The parts the count adds up: 外来 and 往診 for 専門診療・日常診療 (empty otherwise).
    pub parts: Vec<Figure>,
}

/// 管内の状況 from the tallies of one pass.
pub(crate) fn coverage_from(tallies: &Tallies<'_>) -> [ItemCoverage; 8] {
    EvaluationItem::ALL.map(|item| {
        let parts = match item.figure() {
            PatientFigure::Doctor(kind, _) => vec![
                tallies.figure(PatientFigure::Doctor(kind, DoctorFigure::Outpatient), Denominator::Patients),
                tallies.figure(PatientFigure::Doctor(kind, DoctorFigure::HomeVisit), Denominator::Patients),
            ],
            _ => Vec::new(),
        };
        ItemCoverage {
            item,
            figure: tallies.figure_as(item.figure(), item.label(), Denominator::Patients),
            formula: item.formula(),
            parts,
        }
    })
}

/// The record to write when saving `evaluation` for `diagnosis` ([`singleton_record`]'s
/// choice of the existing one): the existing record edited (restored from the ゴミ箱 when it
/// was there), or a new one with the ID `<地域診断>:evaluation`. `None` when the saved record
/// already holds exactly this evaluation.
pub fn evaluation_to_save(
    records: &[StoredRecord],
    diagnosis: &RecordId,
    evaluation: &Evaluation,
    now: Timestamp,
    device: &DeviceId,
) -> Result<Option<StoredRecord>, String> {
    match singleton_record(records, diagnosis, RecordKind::Evaluation, EVALUATION_SUFFIX) {
        Some(existing) => {
            let edited = existing.edited(evaluation, now, device).map_err(|e| e.to_string())?;
            Ok(match (edited, existing.is_deleted()) {
                (Some(mut r), _) => {
                    r.meta.deleted_at = None;
                    Some(r)
                }
                (None, true) => {
                    let mut r = existing.clone();
                    r.meta.deleted_at = None;
                    r.touch(now, device);
                    Some(r)
                }
                (None, false) => None,
            })
        }
        None => {
            let id = RecordId::singleton(diagnosis, EVALUATION_SUFFIX)
                .map_err(|e| format!("様式4の記録のIDを作れません: {e}"))?;
            StoredRecord::create(id, diagnosis.clone(), evaluation, now, device).map(Some).map_err(|e| e.to_string())
        }
    }
}

/// Columns of the 様式4 CSV.
pub const EVALUATION_HEADERS: [&str; 6] =
    ["評価項目", "区分", "管内の状況（在宅療養者中ありの％）", "人数", "レベル", "課題"];

/// 様式4 as rows (the eight items, then 総合評価および優先すべき課題), for CSV or print.
/// 管内の状況 that cannot be computed (N = 0) is `－` (see the 集計 CSV); 人数 is written
/// `1人/2人` (a bare `1/2` would become a date in Excel).
pub fn evaluation_rows(evaluation: &Evaluation, coverage: &[ItemCoverage; 8]) -> Vec<[String; 6]> {
    let mut rows: Vec<[String; 6]> = coverage
        .iter()
        .map(|c| {
            let (heading, sub) = c.item.heading();
            let row = evaluation.item(c.item);
            [
                heading.to_string(),
                sub.unwrap_or("").to_string(),
                c.figure.percent.map_or_else(|| "－".to_string(), |p| p.to_string()),
                format!("{}人/{}人", c.figure.count, c.figure.denominator_count),
                row.level.map(Level::letter).unwrap_or("").to_string(),
                row.issue.clone(),
            ]
        })
        .collect();
    rows.push([
        OVERALL_LABEL.to_string(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        evaluation.overall.clone(),
    ]);
    rows
}

/// 様式4 as a CSV file.
pub fn evaluation_csv(evaluation: &Evaluation, coverage: &[ItemCoverage; 8]) -> String {
    let rows: Vec<Vec<String>> = evaluation_rows(evaluation, coverage).into_iter().map(Vec::from).collect();
    crate::domain::csv::csv_table(&EVALUATION_HEADERS, &rows)
}

/// 様式4 管内の状況 for the eight items, each a % of the N patients of `filter`.
pub fn coverage(patients: &[Patient], filter: &DiseaseFilter) -> [ItemCoverage; 8] {
    coverage_from(&Tallies::new(patients, filter))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::issues::Severity;
    use crate::domain::number::Tenths;
    use crate::domain::summary::figure::members;
    use crate::domain::summary::tests::{mixed_roster, seed_example_1, seed_example_2};

    fn pct(t: u64) -> Option<Tenths> {
        Some(Tenths(t))
    }

    #[test]
    fn seed_examples_coverage() {
        let roster = vec![seed_example_1(), seed_example_2()];
        let c = coverage(&roster, &DiseaseFilter::Als);
        let got: Vec<(u64, Option<Tenths>, u64)> =
            c.iter().map(|i| (i.figure.count, i.figure.percent, i.figure.unknown)).collect();
        assert_eq!(
            got,
            vec![
                // 専門診療: both 外来 → 2/2
                (2, pct(1000), 0),
                // 日常診療: 例2 往診, 例1 mode 0 → 1/2
                (1, pct(500), 0),
                // 急変時の入院: 例2 Ｂ大学病院 → 1/2
                (1, pct(500), 0),
                // レスパイト 入院・入所: both 0 → 0/2
                (0, pct(0), 0),
                // レスパイト 在宅: both described → 2/2
                (2, pct(1000), 0),
                // 訪問看護 定期: 例2 利用機関数 2 ≥ 1, 例1 0 → 1/2
                (1, pct(500), 0),
                // 訪問看護 緊急時: 例2 Ａｽﾃｰｼｮﾝ → 1/2
                (1, pct(500), 0),
                // 災害対策: 例1 plan (year unknown), 例2 none → 1/2
                (1, pct(500), 0),
            ]
        );
        // 専門診療 = 外来 2 + 往診 0; 日常診療 = 外来 0 + 往診 1.
        assert_eq!(c[0].parts.iter().map(|f| f.count).collect::<Vec<_>>(), vec![2, 0]);
        assert_eq!(c[1].parts.iter().map(|f| f.count).collect::<Vec<_>>(), vec![0, 1]);
        assert_eq!(c[1].figure.label, "日常診療の確保");
        assert_eq!(members(c[1].figure.key, &roster, &DiseaseFilter::Als), vec![1]);
        assert_eq!(members(c[7].figure.key, &roster, &DiseaseFilter::Als), vec![0]);
    }

    #[test]
    fn empty_and_unknown_rosters() {
        for c in coverage(&[], &DiseaseFilter::Als) {
            assert_eq!((c.figure.count, c.figure.percent, c.figure.unknown), (0, None, 0));
        }
        // Three blank patients: 0 / 3 = 0.0 %, all three unknown.
        for c in coverage(&vec![Patient::default(); 3], &DiseaseFilter::Als) {
            assert_eq!((c.figure.count, c.figure.percent, c.figure.unknown), (0, pct(0), 3), "{}", c.item.label());
        }
    }

    #[test]
    fn regular_nursing_counts_stations_used_not_names() {
        // mixed roster (ALS): 利用機関数 p1 1, p2 0, p3 1, p4 blank, p5 3 → 3 / 5 = 60.0, 1 unknown.
        let c = coverage(&mixed_roster(), &DiseaseFilter::Als);
        let f = &c[5].figure;
        assert_eq!((f.count, f.percent, f.unknown), (3, pct(600), 1));
    }

    #[test]
    fn form_round_trip_and_checks() {
        let mut form = EvaluationForm::default();
        form.item_mut(EvaluationItem::Specialist).level = Some(Level::A);
        form.item_mut(EvaluationItem::Specialist).issue =
            "  神経内科は県立Ａ病院に集中\r\n往診できる医師がいない ".into();
        form.item_mut(EvaluationItem::Disaster).level = Some(Level::D);
        form.overall = "災害時個別支援計画の作成を優先する".into();
        let (e, issues) = form.parse().expect("no errors");
        assert_eq!(e.specialist.issue, "神経内科は県立Ａ病院に集中\n往診できる医師がいない");
        assert_eq!(e.disaster.level, Some(Level::D));
        assert_eq!(e.levels_entered(), 2);
        // D without a 課題 is a warning only.
        let warnings: Vec<_> = issues.warnings().map(|i| i.field.as_str()).collect();
        assert_eq!(warnings, vec!["disaster.issue"]);
        // The saved record reopens as the tidied form.
        let back = EvaluationForm::from_record(&e);
        assert_eq!(back.item(EvaluationItem::Specialist).issue, e.specialist.issue);
        assert_eq!(back.parse().map(|(x, _)| x), Ok(e.clone()));
        // Drafts are kept as typed.
        let json = serde_json::to_string(&form).expect("serialises");
        let draft: EvaluationForm = serde_json::from_str(&json).expect("reads");
        assert_eq!(draft, form);
        // Record body round trip, and an empty object reads as a blank evaluation.
        let json = serde_json::to_string(&e).expect("serialises");
        assert_eq!(serde_json::from_str::<Evaluation>(&json).expect("reads"), e);
        assert_eq!(serde_json::from_str::<Evaluation>("{}").expect("reads"), Evaluation::default());
    }

    #[test]
    fn long_and_control_text_is_refused() {
        let mut form = EvaluationForm::default();
        form.item_mut(EvaluationItem::Daily).issue = "あ".repeat(MAX_ISSUE_TEXT + 1);
        form.overall = "優先\u{7}課題".into();
        let issues = form.parse().expect_err("errors");
        let errors: Vec<(&str, Severity)> = issues.0.iter().map(|i| (i.field.as_str(), i.severity)).collect();
        assert_eq!(errors, vec![("daily.issue", Severity::Error), ("overall", Severity::Error)]);
        assert_eq!(issues.0[0].label, "日常診療の確保 課題");
        assert!(issues.0[0].message.contains("2000文字まで"));
        // Exactly the limit is fine; tabs and line breaks are allowed.
        form.item_mut(EvaluationItem::Daily).issue = "あ".repeat(MAX_ISSUE_TEXT);
        form.overall = "優先\t課題\n二行目".into();
        assert!(form.parse().is_ok());
        assert_eq!(form.issues().0.len(), 0);
    }

    #[test]
    fn evaluation_table() {
        let roster = vec![seed_example_1(), seed_example_2()];
        let e = Evaluation {
            respite_admission: ItemEvaluation {
                level: Some(Level::D), issue: "レスパイト入院先がない".into()
            },
            overall: "レスパイト入院先の確保を優先する".into(),
            ..Evaluation::default()
        };
        let rows = evaluation_rows(&e, &coverage(&roster, &DiseaseFilter::Als));
        assert_eq!(rows.len(), 9);
        // レスパイト 入院・入所: 0 of 2 = 0.0 %.
        assert_eq!(
            rows[3],
            ["レスパイトケアの確保", "入院・入所", "0.0", "0人/2人", "D", "レスパイト入院先がない"].map(String::from)
        );
        assert_eq!(rows[0][2..5], ["100.0".to_string(), "2人/2人".to_string(), String::new()]);
        assert_eq!(rows[8][0], OVERALL_LABEL);
        let csv = evaluation_csv(&e, &coverage(&[], &DiseaseFilter::Als));
        assert!(csv.contains("\r\n専門診療の確保,,－,0人/0人,,\r\n"));
    }

    #[test]
    fn saving_edits_the_one_record_or_makes_it() {
        let dev = DeviceId::parse("dev").expect("device");
        let d = RecordId::parse("d1").expect("id");
        let e = Evaluation { overall: "災害対策を優先".into(), ..Evaluation::default() };
        // Nothing saved yet: a new record `d1:evaluation`.
        let first = evaluation_to_save(&[], &d, &e, Timestamp(10), &dev).expect("ok").expect("new");
        assert_eq!((first.meta.id.as_str(), first.meta.rev), ("d1:evaluation", 1));
        assert_eq!(first.body_as::<Evaluation>(), Ok(e.clone()));
        // The same again: nothing to write.
        assert_eq!(evaluation_to_save(std::slice::from_ref(&first), &d, &e, Timestamp(20), &dev), Ok(None));
        // A change edits that record (rev 2, field stamped).
        let mut e2 = e.clone();
        e2.daily.level = Some(Level::B);
        let second = evaluation_to_save(std::slice::from_ref(&first), &d, &e2, Timestamp(20), &dev)
            .expect("ok")
            .expect("edited");
        assert_eq!((second.meta.id.as_str(), second.meta.rev), ("d1:evaluation", 2));
        assert!(second.stamps.contains_key("daily/level"), "{:?}", second.stamps.keys().collect::<Vec<_>>());
        // In the ゴミ箱: saving restores it, also without a change of the body.
        let mut trashed = second.clone();
        trashed.meta.deleted_at = Some(Timestamp(30));
        let restored = evaluation_to_save(std::slice::from_ref(&trashed), &d, &e2, Timestamp(40), &dev)
            .expect("ok")
            .expect("restored");
        assert!(!restored.is_deleted());
        assert_eq!(restored.meta.rev, 3);
    }

    #[test]
    fn levels_and_items() {
        assert_eq!(Level::from_letter(" Ｃ "), Some(Level::C));
        assert_eq!(Level::from_letter("b"), Some(Level::B));
        assert_eq!(Level::from_letter("E"), None);
        assert_eq!(Level::D.label(), "D 確保できていない");
        assert_eq!(EvaluationItem::RespiteHome.heading(), ("レスパイトケアの確保", Some("在宅")));
        assert_eq!(level_field(EvaluationItem::NursingEmergency), "nursing_emergency.level");
        assert_eq!(Evaluation::KIND, RecordKind::Evaluation);
    }
}
