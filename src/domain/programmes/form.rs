//! 様式2 入力フォーム: text as typed (saved as a draft, nothing lost) and its parsing into a
//! [`Programme`] with findings that name each field in Japanese.
//!
//! Choices made by clicking (実施 有/無, 設置単位, 運営方法, checkboxes) are held typed; every
//! typed text (counts, 年度, names, descriptions) is held as the nurse typed it.

use super::{
    CenterActivities, CenterOperation, Council, CouncilUnit, Programme, ProgrammeKind, StandardProgramme,
    OWN_PROGRAMME_LABEL,
};
use crate::domain::fiscal_year::FiscalYear;
use crate::domain::issues::Issues;
use crate::domain::number::{parse_count, NumberError};
use serde::{Deserialize, Serialize};

/// Longest 事業の概要, 成果, 課題, 議題及び実施状況等 (characters).
pub const MAX_LONG_TEXT: usize = 2_000;
/// Longest 事業名, 実施主体, 委託先 and その他 texts (characters).
pub const MAX_SHORT_TEXT: usize = 100;
/// Most meetings of the 難病対策地域協議会 in one year (回/年).
pub const MAX_MEETINGS_PER_YEAR: u64 = 365;

/// Field keys used in [`Issues`] (the UI shows each message beside the input with that key).
pub mod fields {
    /// 事業名 (独自事業)
    pub const NAME: &str = "name";
    /// 実施主体
    pub const OPERATOR: &str = "operator";
    /// 実施
    pub const IMPLEMENTED: &str = "implemented";
    /// 実施件数 (1) 管轄地域
    pub const COUNT_LOCAL: &str = "count_local";
    /// 実施件数 (2) 都道府県全体
    pub const COUNT_PREFECTURE: &str = "count_prefecture";
    /// 事業の概要
    pub const SUMMARY: &str = "summary";
    /// 成果
    pub const OUTCOME: &str = "outcome";
    /// 課題
    pub const CHALLENGE: &str = "challenge";
    /// 協議会: 関連する会議
    pub const COUNCIL_RELATED_MEETING: &str = "council.related_meeting";
    /// 協議会: 初回開催年度
    pub const COUNCIL_FIRST_YEAR: &str = "council.first_year";
    /// 協議会: 当年度開催回数
    pub const COUNCIL_MEETINGS: &str = "council.meetings_this_year";
    /// 協議会: 設置単位 その他 の内容
    pub const COUNCIL_UNIT_OTHER: &str = "council.unit_other";
    /// 協議会: 議題及び実施状況等
    pub const COUNCIL_AGENDA: &str = "council.agenda";
    /// センター: 委託先
    pub const CENTER_CONTRACTOR: &str = "center.contractor";
    /// センター: 実施事業 その他 の内容
    pub const CENTER_OTHER_TEXT: &str = "center.activities.other_text";
}

/// 難病対策地域協議会 section as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouncilForm {
    /// なしの場合 関連する会議 あり/なし/未入力.
    pub related_meeting: Option<bool>,
    /// 【初回】年度, as typed (西暦 `2016` or 和暦 `平成28年度`, `H28`, `令和元年度`).
    pub first_year: String,
    /// 【当年度開催】回/年, as typed.
    pub meetings_this_year: String,
    /// 【設置単位】.
    pub unit: Option<CouncilUnit>,
    /// 設置単位 その他 の内容.
    pub unit_other: String,
    /// 【議題及び実施状況等】.
    pub agenda: String,
}

/// 難病相談支援センター section as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CenterForm {
    /// 運営方法 直営 / 委託 / 未入力.
    pub operation: Option<CenterOperation>,
    /// 委託先.
    pub contractor: String,
    /// 【実施事業】 checkboxes and the その他 text.
    pub activities: CenterActivities,
}

/// 様式2 one programme row as typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgrammeForm {
    /// 標準事業, or `None` for a 独自事業.
    pub standard: Option<StandardProgramme>,
    /// 事業名 of a 独自事業 (ignored for 標準事業, whose name is fixed).
    pub name: String,
    /// 実施主体.
    pub operator: String,
    /// 実施 1 有 / 0 無 / 未入力.
    pub implemented: Option<bool>,
    /// 実施件数 (1) 管轄地域, as typed.
    pub count_local: String,
    /// 実施件数 (2) 都道府県全体, as typed.
    pub count_prefecture: String,
    /// 事業の概要.
    pub summary: String,
    /// 成果.
    pub outcome: String,
    /// 課題.
    pub challenge: String,
    /// 難病対策地域協議会 section (used only on that row).
    pub council: CouncilForm,
    /// 難病相談支援センター section (used only on that row).
    pub center: CenterForm,
}

impl Default for ProgrammeForm {
    /// An empty 独自事業 form.
    fn default() -> ProgrammeForm {
        ProgrammeForm::from_record(&Programme::own(""))
    }
}

fn count_text(value: Option<u64>) -> String {
    value.map(|n| n.to_string()).unwrap_or_default()
}

/// Why a typed count was refused, in the words of the form.
fn count_message(error: &NumberError, unit: &str) -> String {
    match error {
        NumberError::NotANumber => format!("数字で入力してください（不明なら空欄、0{unit}なら0）"),
        NumberError::Negative => "0以上の数を入力してください".to_string(),
        NumberError::NotWhole | NumberError::TooManyDecimals => "整数で入力してください".to_string(),
        NumberError::TooLarge => "大きすぎる数です".to_string(),
    }
}

/// A whole, non-negative count: blank → `None` (未入力), `0` → `Some(0)`. A trailing unit
/// (`件`, `回`, `回/年`) is accepted. Errors are added to `issues`.
fn parse_count_field(text: &str, units: &[&str], field: &str, label: &str, issues: &mut Issues) -> Option<u64> {
    let mut t = text.trim();
    for unit in units {
        if let Some(rest) = t.strip_suffix(unit) {
            t = rest.trim_end();
            break;
        }
    }
    if t.is_empty() {
        if !text.trim().is_empty() {
            issues.error(field, label, "数字を入力してください");
        }
        return None;
    }
    let unit = units.first().copied().unwrap_or("");
    parse_count(t).map_err(|e| issues.error(field, label, count_message(&e, unit))).ok()
}

/// A one-line text (名前, 実施主体, 委託先, その他): trimmed, at most [`MAX_SHORT_TEXT`]
/// characters, no line breaks or control characters.
fn parse_short_text(text: &str, field: &str, label: &str, issues: &mut Issues) -> String {
    let t = text.trim();
    if t.chars().count() > MAX_SHORT_TEXT {
        issues.error(field, label, format!("{MAX_SHORT_TEXT}文字までで入力してください"));
    }
    if t.chars().any(char::is_control) {
        issues.error(field, label, "改行や制御文字は使えません");
    }
    t.to_string()
}

/// A long text (事業の概要, 成果, 課題, 議題): line breaks normalised to `\n`, trimmed, at
/// most [`MAX_LONG_TEXT`] characters; line breaks and tabs allowed, other control characters
/// refused.
fn parse_long_text(text: &str, field: &str, label: &str, issues: &mut Issues) -> String {
    let t = text.replace("\r\n", "\n").replace('\r', "\n");
    let t = t.trim();
    let len = t.chars().count();
    if len > MAX_LONG_TEXT {
        issues.error(field, label, format!("{MAX_LONG_TEXT}文字までで入力してください（現在{len}文字）"));
    }
    if t.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        issues.error(field, label, "使えない制御文字が含まれています");
    }
    t.to_string()
}

impl ProgrammeForm {
    /// The form for an existing record.
    pub fn from_record(p: &Programme) -> ProgrammeForm {
        let (standard, name) = match &p.programme {
            ProgrammeKind::Standard { key } => (Some(*key), String::new()),
            ProgrammeKind::Own { name } => (None, name.clone()),
        };
        let council = p.council.as_ref().map_or_else(CouncilForm::default, |c| CouncilForm {
            related_meeting: c.related_meeting,
            first_year: c.first_year.map(FiscalYear::wareki).unwrap_or_default(),
            meetings_this_year: count_text(c.meetings_this_year),
            unit: c.unit,
            unit_other: c.unit_other.clone(),
            agenda: c.agenda.clone(),
        });
        let center = p.center.as_ref().map_or_else(CenterForm::default, |c| CenterForm {
            operation: c.operation,
            contractor: c.contractor.clone(),
            activities: c.activities.clone(),
        });
        ProgrammeForm {
            standard,
            name,
            operator: p.operator.clone(),
            implemented: p.implemented,
            count_local: count_text(p.count_local),
            count_prefecture: count_text(p.count_prefecture),
            summary: p.summary.clone(),
            outcome: p.outcome.clone(),
            challenge: p.challenge.clone(),
            council,
            center,
        }
    }

    /// 事業名 for labels (「独自事業」 while a 独自事業 has no name yet).
    pub fn display_name(&self) -> String {
        match self.standard {
            Some(key) => key.name().to_string(),
            None if self.name.trim().is_empty() => OWN_PROGRAMME_LABEL.to_string(),
            None => self.name.trim().to_string(),
        }
    }

    /// Parses and checks the form. `fiscal_year` is the 地域診断's 年度 (the 協議会's 初回年度
    /// may not be after it).
    ///
    /// `Ok((programme, warnings))` when it can be saved (the issues hold warnings only);
    /// `Err(issues)` when at least one error blocks saving (the issues hold every finding).
    pub fn parse(&self, fiscal_year: FiscalYear) -> Result<(Programme, Issues), Issues> {
        let mut issues = Issues::new();
        let title = self.display_name();
        let label = |field: &str| format!("{title} {field}");

        let programme = match self.standard {
            Some(key) => ProgrammeKind::Standard { key },
            None => {
                let name = parse_short_text(&self.name, fields::NAME, "独自事業 事業名", &mut issues);
                if name.is_empty() {
                    issues.error(fields::NAME, "独自事業 事業名", "事業名を入力してください");
                }
                ProgrammeKind::Own { name }
            }
        };
        let operator = parse_short_text(&self.operator, fields::OPERATOR, &label("実施主体"), &mut issues);

        let counts = [
            (fields::COUNT_LOCAL, "実施件数（管轄地域）", &self.count_local),
            (fields::COUNT_PREFECTURE, "実施件数（都道府県全体）", &self.count_prefecture),
        ]
        .map(|(field, name, text)| {
            let field_label = label(name);
            let value = parse_count_field(text, &["件"], field, &field_label, &mut issues);
            if self.implemented == Some(false) && value.is_some_and(|n| n > 0) {
                issues.warning(
                    field,
                    &field_label,
                    "実施が「0 無」なのに件数が1件以上です。実施の有無を確かめてください",
                );
            }
            value
        });
        let [count_local, count_prefecture] = counts;
        if let (Some(local), Some(pref)) = (count_local, count_prefecture) {
            if local > pref {
                issues.warning(
                    fields::COUNT_LOCAL,
                    &label("実施件数（管轄地域）"),
                    format!("管轄地域の件数（{local}件）が都道府県全体の件数（{pref}件）を上回っています"),
                );
            }
        }

        let summary = parse_long_text(&self.summary, fields::SUMMARY, &label("事業の概要"), &mut issues);
        let outcome = parse_long_text(&self.outcome, fields::OUTCOME, &label("成果"), &mut issues);
        let challenge = parse_long_text(&self.challenge, fields::CHALLENGE, &label("課題"), &mut issues);

        let council = (self.standard == Some(StandardProgramme::RegionalCouncil))
            .then(|| self.parse_council(&title, fiscal_year, &mut issues));
        let center =
            (self.standard == Some(StandardProgramme::SupportCenter)).then(|| self.parse_center(&title, &mut issues));

        let programme = Programme {
            programme,
            operator,
            implemented: self.implemented,
            count_local,
            count_prefecture,
            summary,
            outcome,
            challenge,
            council,
            center,
        };
        if issues.has_errors() {
            Err(issues)
        } else {
            Ok((programme, issues))
        }
    }

    /// The findings only (for showing them while the nurse types).
    pub fn issues(&self, fiscal_year: FiscalYear) -> Issues {
        match self.parse(fiscal_year) {
            Ok((_, issues)) | Err(issues) => issues,
        }
    }

    fn parse_council(&self, title: &str, fiscal_year: FiscalYear, issues: &mut Issues) -> Council {
        let c = &self.council;
        let label = |field: &str| format!("{title} {field}");

        if self.implemented == Some(true) && c.related_meeting.is_some() {
            issues.warning(
                fields::COUNCIL_RELATED_MEETING,
                &label("関連する会議"),
                "「関連する会議」は協議会がない（実施 0 無）場合に答える項目です",
            );
        }

        let first_label = label("初回開催年度");
        let first_year = if c.first_year.trim().is_empty() {
            None
        } else {
            match FiscalYear::parse(&c.first_year) {
                Ok(year) if year > fiscal_year => {
                    issues.error(
                        fields::COUNCIL_FIRST_YEAR,
                        &first_label,
                        format!(
                            "初回開催年度（{}）が地域診断の年度（{}）より後です",
                            year.wareki(),
                            fiscal_year.wareki()
                        ),
                    );
                    None
                }
                Ok(year) => Some(year),
                Err(e) => {
                    issues.error(fields::COUNCIL_FIRST_YEAR, &first_label, e.to_string());
                    None
                }
            }
        };

        let meetings_label = label(&format!("{}開催回数（回/年）", fiscal_year.wareki()));
        let meetings_this_year = parse_count_field(
            &c.meetings_this_year,
            &["回/年", "回／年", "回"],
            fields::COUNCIL_MEETINGS,
            &meetings_label,
            issues,
        );
        if let Some(n) = meetings_this_year {
            if n > MAX_MEETINGS_PER_YEAR {
                issues.error(
                    fields::COUNCIL_MEETINGS,
                    &meetings_label,
                    format!("開催回数は{MAX_MEETINGS_PER_YEAR}回/年以下で入力してください"),
                );
            } else if n > 0 && self.implemented == Some(false) {
                issues.warning(
                    fields::COUNCIL_MEETINGS,
                    &meetings_label,
                    "実施が「0 無」なのに開催回数が1回以上です。実施の有無を確かめてください",
                );
            }
        }

        let unit_label = label("設置単位（その他）");
        let unit_other = parse_short_text(&c.unit_other, fields::COUNCIL_UNIT_OTHER, &unit_label, issues);
        match c.unit {
            Some(CouncilUnit::Other) if unit_other.is_empty() => {
                issues.error(fields::COUNCIL_UNIT_OTHER, &unit_label, "「その他」の内容を入力してください");
            }
            Some(CouncilUnit::Other) => {}
            _ if !unit_other.is_empty() => {
                issues.warning(
                    fields::COUNCIL_UNIT_OTHER,
                    &unit_label,
                    "「その他」が選ばれていません（入力した内容は保存されます）",
                );
            }
            _ => {}
        }

        let agenda = parse_long_text(&c.agenda, fields::COUNCIL_AGENDA, &label("議題及び実施状況等"), issues);

        Council { related_meeting: c.related_meeting, first_year, meetings_this_year, unit: c.unit, unit_other, agenda }
    }

    fn parse_center(&self, title: &str, issues: &mut Issues) -> super::Center {
        let c = &self.center;
        let label = |field: &str| format!("{title} {field}");

        let contractor_label = label("委託先");
        let contractor = parse_short_text(&c.contractor, fields::CENTER_CONTRACTOR, &contractor_label, issues);
        match c.operation {
            Some(CenterOperation::Contracted) if contractor.is_empty() => {
                issues.warning(fields::CENTER_CONTRACTOR, &contractor_label, "委託の場合は委託先を入力してください");
            }
            Some(CenterOperation::Direct) if !contractor.is_empty() => {
                issues.warning(
                    fields::CENTER_CONTRACTOR,
                    &contractor_label,
                    "運営方法が「直営」なのに委託先が入力されています",
                );
            }
            _ => {}
        }

        let other_label = label("実施事業（その他）");
        let other_text = parse_short_text(&c.activities.other_text, fields::CENTER_OTHER_TEXT, &other_label, issues);
        if c.activities.other && other_text.is_empty() {
            issues.error(fields::CENTER_OTHER_TEXT, &other_label, "「その他」の内容を入力してください");
        } else if !c.activities.other && !other_text.is_empty() {
            issues.warning(
                fields::CENTER_OTHER_TEXT,
                &other_label,
                "「その他」にチェックがありません（入力した内容は保存されます）",
            );
        }

        super::Center {
            operation: c.operation,
            contractor,
            activities: CenterActivities { other_text, ..c.activities.clone() },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::issues::Severity;

    fn fy(y: i32) -> FiscalYear {
        FiscalYear::new(y).expect("valid year")
    }

    fn form(key: StandardProgramme) -> ProgrammeForm {
        ProgrammeForm::from_record(&Programme::standard(key))
    }

    fn only(issues: &Issues, field: &str) -> Vec<(Severity, String, String)> {
        issues.for_field(field).map(|i| (i.severity, i.label.clone(), i.message.clone())).collect()
    }

    #[test]
    fn untouched_standard_rows_parse_to_their_defaults() {
        for key in StandardProgramme::ALL {
            let (p, warnings) = form(key).parse(fy(2025)).expect("valid");
            assert!(warnings.is_empty(), "{key:?}: {warnings:?}");
            assert_eq!(p, Programme::standard(key));
        }
    }

    #[test]
    fn blank_count_is_unknown_and_zero_is_a_value() {
        let mut f = form(StandardProgramme::MedicalConsultation);
        f.count_local = "   ".into();
        f.count_prefecture = "0".into();
        let (p, _) = f.parse(fy(2025)).expect("valid");
        assert_eq!(p.count_local, None);
        assert_eq!(p.count_prefecture, Some(0));
        // And back: 未入力 stays blank, 0 stays 0.
        let back = ProgrammeForm::from_record(&p);
        assert_eq!(back.count_local, "");
        assert_eq!(back.count_prefecture, "0");
    }

    #[test]
    fn counts_accept_full_width_commas_and_the_unit() {
        let mut f = form(StandardProgramme::MedicalConsultation);
        for (text, n) in [("12", 12), ("１２", 12), ("1,234", 1234), ("3件", 3), (" ５ 件 ", 5), ("7.0", 7)] {
            f.count_local = text.into();
            let (p, _) = f.parse(fy(2025)).unwrap_or_else(|e| panic!("{text}: {e:?}"));
            assert_eq!(p.count_local, Some(n), "{text}");
        }
    }

    #[test]
    fn bad_counts_are_errors_naming_the_field() {
        let cases = [
            ("abc", "数字で入力してください（不明なら空欄、0件なら0）"),
            ("三", "数字で入力してください（不明なら空欄、0件なら0）"),
            ("-1", "0以上の数を入力してください"),
            ("－３", "0以上の数を入力してください"),
            ("1.5", "整数で入力してください"),
            ("0.333", "整数で入力してください"),
            ("件", "数字を入力してください"),
            ("1000000000", "大きすぎる数です"),
        ];
        for (text, message) in cases {
            let mut f = form(StandardProgramme::MedicalConsultation);
            f.count_local = text.into();
            let issues = f.parse(fy(2025)).expect_err(text);
            assert_eq!(
                only(&issues, fields::COUNT_LOCAL),
                vec![(Severity::Error, "医療相談事業 実施件数（管轄地域）".to_string(), message.to_string())],
                "{text}"
            );
        }
        let mut f = form(StandardProgramme::VentilatorNursing);
        f.count_prefecture = "x".into();
        let issues = f.parse(fy(2025)).expect_err("bad");
        assert_eq!(
            issues.errors().next().map(|i| i.label.as_str()),
            Some("在宅人工呼吸器使用患者支援事業（訪問看護） 実施件数（都道府県全体）")
        );
    }

    #[test]
    fn not_implemented_with_counts_is_a_warning_only() {
        let mut f = form(StandardProgramme::TemporaryAdmission);
        f.implemented = Some(false);
        f.count_local = "2".into();
        let (p, issues) = f.parse(fy(2025)).expect("warnings do not block");
        assert_eq!(p.implemented, Some(false));
        assert_eq!(p.count_local, Some(2));
        assert_eq!(
            only(&issues, fields::COUNT_LOCAL),
            vec![(
                Severity::Warning,
                "在宅難病患者一時入院事業 実施件数（管轄地域）".to_string(),
                "実施が「0 無」なのに件数が1件以上です。実施の有無を確かめてください".to_string()
            )]
        );
        f.count_local.clear();
        f.count_prefecture = "1".into();
        let (_, issues) = f.parse(fy(2025)).expect("warnings do not block");
        assert_eq!(only(&issues, fields::COUNT_PREFECTURE).len(), 1);
        // 0 件 with 無 is consistent; so are blanks with 無 and counts with 有.
        f.count_local = "0".into();
        f.count_prefecture = "0".into();
        assert!(f.issues(fy(2025)).is_empty());
        f.count_local.clear();
        f.count_prefecture.clear();
        assert!(f.issues(fy(2025)).is_empty());
        f.implemented = Some(true);
        f.count_local = "2".into();
        f.count_prefecture = "9".into();
        assert!(f.issues(fy(2025)).is_empty());
    }

    #[test]
    fn local_above_prefecture_is_a_warning() {
        let mut f = form(StandardProgramme::MedicalConsultation);
        f.implemented = Some(true);
        f.count_local = "5".into();
        f.count_prefecture = "3".into();
        let (_, issues) = f.parse(fy(2025)).expect("warning only");
        let w = only(&issues, fields::COUNT_LOCAL);
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].2, "管轄地域の件数（5件）が都道府県全体の件数（3件）を上回っています");
        f.count_prefecture = "5".into();
        assert!(f.issues(fy(2025)).is_empty());
        // Only one of the two given: nothing to compare.
        f.count_prefecture.clear();
        assert!(f.issues(fy(2025)).is_empty());
    }

    #[test]
    fn own_programmes_need_a_name_and_keep_it() {
        let mut f = ProgrammeForm::default();
        assert_eq!(f.standard, None);
        let issues = f.parse(fy(2025)).expect_err("no name");
        assert_eq!(
            only(&issues, fields::NAME),
            vec![(Severity::Error, "独自事業 事業名".to_string(), "事業名を入力してください".to_string())]
        );
        f.name = " 難病患者在宅レスパイト事業 ".into();
        f.operator = "東京都".into();
        f.count_local = "x".into();
        let issues = f.parse(fy(2025)).expect_err("bad count");
        assert_eq!(
            issues.errors().next().map(|i| i.label.as_str()),
            Some("難病患者在宅レスパイト事業 実施件数（管轄地域）")
        );
        f.count_local = "4".into();
        let (p, _) = f.parse(fy(2025)).expect("valid");
        assert_eq!(p.programme, ProgrammeKind::Own { name: "難病患者在宅レスパイト事業".into() });
        assert_eq!(p.operator, "東京都");
        assert!(p.council.is_none() && p.center.is_none());
        assert_eq!(ProgrammeForm::from_record(&p).parse(fy(2025)).map(|(q, _)| q), Ok(p));
    }

    #[test]
    fn text_limits() {
        let mut f = form(StandardProgramme::SupportPlan);
        f.outcome = "あ".repeat(MAX_LONG_TEXT);
        f.challenge = "課題1\r\n課題2\t(詳細)\r".into();
        let (p, _) = f.parse(fy(2025)).expect("at the limit");
        assert_eq!(p.challenge, "課題1\n課題2\t(詳細)");
        f.outcome.push('い');
        let issues = f.parse(fy(2025)).expect_err("too long");
        assert_eq!(
            only(&issues, fields::OUTCOME),
            vec![(
                Severity::Error,
                "在宅療養支援計画策定・評価事業 成果".to_string(),
                "2000文字までで入力してください（現在2001文字）".to_string()
            )]
        );
        let mut f = form(StandardProgramme::SupportPlan);
        f.summary = "a\u{0007}b".into();
        assert!(f.parse(fy(2025)).is_err());
        let mut f = form(StandardProgramme::SupportPlan);
        f.operator = "県\n市".into();
        assert_eq!(only(&f.issues(fy(2025)), fields::OPERATOR).len(), 1);
        f.operator = "県".repeat(MAX_SHORT_TEXT + 1);
        assert!(f.parse(fy(2025)).is_err());
    }

    fn council_form() -> ProgrammeForm {
        form(StandardProgramme::RegionalCouncil)
    }

    #[test]
    fn council_section_parses() {
        let mut f = council_form();
        f.implemented = Some(true);
        f.council.first_year = "平成28年度".into();
        f.council.meetings_this_year = "２回".into();
        f.council.unit = Some(CouncilUnit::HealthCenter);
        f.council.agenda = "災害時支援体制について".into();
        let (p, issues) = f.parse(fy(2025)).expect("valid");
        assert!(issues.is_empty(), "{issues:?}");
        let c = p.council.clone().expect("council section");
        assert_eq!(c.first_year, Some(fy(2016)));
        assert_eq!(c.meetings_this_year, Some(2));
        assert_eq!(c.unit, Some(CouncilUnit::HealthCenter));
        assert_eq!(c.agenda, "災害時支援体制について");
        assert!(p.center.is_none());
        // Round trip through the form.
        let again = ProgrammeForm::from_record(&p);
        assert_eq!(again.council.first_year, "平成28年度");
        assert_eq!(again.parse(fy(2025)).map(|(q, _)| q), Ok(p));
    }

    #[test]
    fn council_first_year_accepts_both_calendars_and_not_after_the_diagnosis_year() {
        for (text, year) in [("2019", 2019), ("令和元年度", 2019), ("R7", 2025), ("H27", 2015), ("２０２０年度", 2020)]
        {
            let mut f = council_form();
            f.council.first_year = text.into();
            let (p, _) = f.parse(fy(2025)).unwrap_or_else(|e| panic!("{text}: {e:?}"));
            assert_eq!(p.council.and_then(|c| c.first_year), Some(fy(year)), "{text}");
        }
        let mut f = council_form();
        f.council.first_year = "令和8年度".into();
        let issues = f.parse(fy(2025)).expect_err("after the diagnosis year");
        assert_eq!(
            only(&issues, fields::COUNCIL_FIRST_YEAR),
            vec![(
                Severity::Error,
                "難病対策地域協議会 初回開催年度".to_string(),
                "初回開催年度（令和8年度）が地域診断の年度（令和7年度）より後です".to_string()
            )]
        );
        for bad in ["昨年", "28", "令和0年度", "2025.5"] {
            f.council.first_year = bad.into();
            let issues = f.parse(fy(2025)).expect_err(bad);
            assert_eq!(only(&issues, fields::COUNCIL_FIRST_YEAR).len(), 1, "{bad}");
        }
        f.council.first_year = "  ".into();
        assert_eq!(f.parse(fy(2025)).map(|(p, _)| p.council.and_then(|c| c.first_year)), Ok(None));
    }

    #[test]
    fn council_meetings_are_whole_and_at_most_365() {
        let mut f = council_form();
        f.council.meetings_this_year = "365".into();
        assert_eq!(f.parse(fy(2025)).map(|(p, _)| p.council.and_then(|c| c.meetings_this_year)), Ok(Some(365)));
        f.council.meetings_this_year = "0".into();
        assert_eq!(f.parse(fy(2025)).map(|(p, _)| p.council.and_then(|c| c.meetings_this_year)), Ok(Some(0)));
        f.council.meetings_this_year = "3回/年".into();
        assert_eq!(f.parse(fy(2025)).map(|(p, _)| p.council.and_then(|c| c.meetings_this_year)), Ok(Some(3)));
        for (bad, message) in [
            ("366", "開催回数は365回/年以下で入力してください"),
            ("1.5", "整数で入力してください"),
            ("-2", "0以上の数を入力してください"),
            ("年2回", "数字で入力してください（不明なら空欄、0回/年なら0）"),
        ] {
            f.council.meetings_this_year = bad.into();
            let issues = f.parse(fy(2025)).expect_err(bad);
            assert_eq!(
                only(&issues, fields::COUNCIL_MEETINGS),
                vec![(
                    Severity::Error,
                    "難病対策地域協議会 令和7年度開催回数（回/年）".to_string(),
                    message.to_string()
                )],
                "{bad}"
            );
        }
        // 無 with meetings: a warning.
        f.implemented = Some(false);
        f.council.meetings_this_year = "2".into();
        let (_, issues) = f.parse(fy(2025)).expect("warning only");
        assert_eq!(only(&issues, fields::COUNCIL_MEETINGS).first().map(|i| i.0), Some(Severity::Warning));
    }

    #[test]
    fn council_related_meeting_and_unit_other() {
        let mut f = council_form();
        f.implemented = Some(false);
        f.council.related_meeting = Some(true);
        let (p, issues) = f.parse(fy(2025)).expect("valid");
        assert!(issues.is_empty());
        assert_eq!(p.council.and_then(|c| c.related_meeting), Some(true));
        // Answered although the council exists: a warning.
        f.implemented = Some(true);
        let (_, issues) = f.parse(fy(2025)).expect("warning only");
        assert_eq!(only(&issues, fields::COUNCIL_RELATED_MEETING).first().map(|i| i.0), Some(Severity::Warning));

        let mut f = council_form();
        f.council.unit = Some(CouncilUnit::Other);
        let issues = f.parse(fy(2025)).expect_err("その他 without text");
        assert_eq!(
            only(&issues, fields::COUNCIL_UNIT_OTHER),
            vec![(
                Severity::Error,
                "難病対策地域協議会 設置単位（その他）".to_string(),
                "「その他」の内容を入力してください".to_string()
            )]
        );
        f.council.unit_other = " 二次医療圏単位 ".into();
        let (p, _) = f.parse(fy(2025)).expect("valid");
        assert_eq!(p.council.as_ref().map(|c| c.unit_other.as_str()), Some("二次医療圏単位"));
        // Text kept but another unit chosen: a warning, the text is kept.
        f.council.unit = Some(CouncilUnit::Prefecture);
        let (p, issues) = f.parse(fy(2025)).expect("warning only");
        assert_eq!(only(&issues, fields::COUNCIL_UNIT_OTHER).first().map(|i| i.0), Some(Severity::Warning));
        assert_eq!(p.council.map(|c| c.unit_other), Some("二次医療圏単位".to_string()));
    }

    #[test]
    fn council_and_center_sections_only_on_their_rows() {
        let mut f = form(StandardProgramme::MedicalConsultation);
        f.council.first_year = "nonsense".into();
        f.center.activities.other = true;
        let (p, issues) = f.parse(fy(2025)).expect("sections of other rows are ignored");
        assert!(issues.is_empty());
        assert!(p.council.is_none() && p.center.is_none());
    }

    fn center_form() -> ProgrammeForm {
        form(StandardProgramme::SupportCenter)
    }

    #[test]
    fn center_section_parses() {
        let mut f = center_form();
        f.implemented = Some(true);
        f.center.operation = Some(CenterOperation::Contracted);
        f.center.contractor = " NPO法人 難病ネット ".into();
        f.center.activities.consultation = true;
        f.center.activities.employment = true;
        let (p, issues) = f.parse(fy(2025)).expect("valid");
        assert!(issues.is_empty(), "{issues:?}");
        let c = p.center.clone().expect("center section");
        assert_eq!(c.operation, Some(CenterOperation::Contracted));
        assert_eq!(c.contractor, "NPO法人 難病ネット");
        assert_eq!(c.activities.summary(), "相談、就労支援事業");
        assert_eq!(ProgrammeForm::from_record(&p).parse(fy(2025)).map(|(q, _)| q), Ok(p));
    }

    #[test]
    fn center_contractor_and_other_rules() {
        let mut f = center_form();
        f.center.operation = Some(CenterOperation::Contracted);
        let (_, issues) = f.parse(fy(2025)).expect("委託先 missing is a warning");
        assert_eq!(
            only(&issues, fields::CENTER_CONTRACTOR),
            vec![(
                Severity::Warning,
                "難病相談支援センター事業 委託先".to_string(),
                "委託の場合は委託先を入力してください".to_string()
            )]
        );
        f.center.operation = Some(CenterOperation::Direct);
        f.center.contractor = "A法人".into();
        let (p, issues) = f.parse(fy(2025)).expect("warning only");
        assert_eq!(only(&issues, fields::CENTER_CONTRACTOR).first().map(|i| i.0), Some(Severity::Warning));
        assert_eq!(p.center.map(|c| c.contractor), Some("A法人".to_string()));

        let mut f = center_form();
        f.center.activities.other = true;
        f.center.activities.other_text = "  ".into();
        let issues = f.parse(fy(2025)).expect_err("その他 without text");
        assert_eq!(
            only(&issues, fields::CENTER_OTHER_TEXT),
            vec![(
                Severity::Error,
                "難病相談支援センター事業 実施事業（その他）".to_string(),
                "「その他」の内容を入力してください".to_string()
            )]
        );
        f.center.activities.other_text = "医療講演会の動画配信".into();
        assert!(f.parse(fy(2025)).is_ok());
        f.center.activities.other = false;
        let (p, issues) = f.parse(fy(2025)).expect("warning only");
        assert_eq!(only(&issues, fields::CENTER_OTHER_TEXT).first().map(|i| i.0), Some(Severity::Warning));
        assert_eq!(p.center.map(|c| c.activities.other_text), Some("医療講演会の動画配信".to_string()));
    }

    #[test]
    fn drafts_serialise_exactly_as_typed() {
        let mut f = council_form();
        f.count_local = "１２件".into();
        f.council.first_year = "ｈ２８".into();
        f.council.meetings_this_year = "abc".into();
        let json = serde_json::to_string(&f).expect("serialises");
        let back: ProgrammeForm = serde_json::from_str(&json).expect("reads");
        assert_eq!(back, f);
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn any_typed_text_never_panics(
                count in ".{0,12}", year in ".{0,12}", meetings in ".{0,12}", text in ".{0,40}",
                implemented in proptest::option::of(any::<bool>()),
            ) {
                for key in [StandardProgramme::RegionalCouncil, StandardProgramme::SupportCenter] {
                    let mut f = form(key);
                    f.implemented = implemented;
                    f.count_local = count.clone();
                    f.count_prefecture = count.clone();
                    f.council.first_year = year.clone();
                    f.council.meetings_this_year = meetings.clone();
                    f.outcome = text.clone();
                    f.center.contractor = text.clone();
                    let _ = f.parse(fy(2025));
                }
            }

            #[test]
            fn whole_counts_round_trip(local in 0u64..=100_000_000, pref in proptest::option::of(0u64..=100_000_000)) {
                let mut f = form(StandardProgramme::MedicalConsultation);
                f.count_local = local.to_string();
                f.count_prefecture = pref.map(|n| n.to_string()).unwrap_or_default();
                let (p, _) = f.parse(fy(2025)).expect("whole counts are valid");
                prop_assert_eq!(p.count_local, Some(local));
                prop_assert_eq!(p.count_prefecture, pref);
                prop_assert_eq!(ProgrammeForm::from_record(&p), f);
            }
        }
    }
}
