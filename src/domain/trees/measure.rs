//! 測定値: values measured at the visit, checked against physiological limits, and judged
//! against the seed's reference values to tick the ※ lines of 呼吸障害 Q1 automatically.
//!
//! Reference rules (seed 004, 呼吸障害 Q1):
//! - 呼吸数: normal 12–20/分 → 該当 when < 12 or > 20; > 30 adds 「かなり注意が必要」.
//! - 脈拍: normal 60–100/分 → 該当 when < 60 (徐脈) or > 100 (頻脈). The seed's line reads
//!   「脈拍の増加」 but gives both limits; both are applied.
//! - SpO2: 該当 when < 90 % (89 ticks, 90 does not). Posture and situation are recorded.
//! - ％肺活量: 該当 when ≤ 70 %; ≤ 50 % adds 「特に注意を要する」.
//! - 肺活量: compared with the seed's 標準肺活量 for the person's sex and age band (男 50–59歳
//!   3.56L, 男 62–71歳 3.39L, 女 60–79歳 2.53L). The seed gives no cut-off for this line; the
//!   app applies the ％肺活量 rule to the ratio: 該当 when the measured value is ≤ 70 % of the
//!   reference (≤ 50 % 「特に注意を要する」). Outside those bands (e.g. 男 60–61歳, 女 59歳以下)
//!   there is no reference and no automatic tick.
//! - ピークフロー（咳）: 該当 when < 270 L/min (269 ticks, 270 does not). 「測定不能」 is
//!   accepted (the seed: 病状が進行している場合、測定不能な場合も経験する) and ticks nothing.
//! - 動脈血液ガス: 該当 when any of pH outside 7.35–7.45, PaO2 outside 85–100 mmHg, PaCO2
//!   outside 35–45 mmHg. (PaO2 above 100 is outside the seed's normal range and so ticks too.)
//! - 経皮・呼気 CO2 分圧: 該当 when > 45 mmHg (normal 40 ± 5; the line is about a rise).
//!
//! A line with several values is 該当 when any value is outside its range, 非該当 when every
//! measured value is inside, and not judged when nothing was measured.

use super::data::{sign_ids, Check};
use crate::domain::number::{rate_tenths, Decimal2, NumberError, Tenths};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// 測定項目.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeasureKind {
    /// 呼吸数（回/分）
    RespiratoryRate,
    /// 脈拍（回/分）
    Pulse,
    /// SpO2（％）
    Spo2,
    /// ％肺活量（％）
    PercentVc,
    /// 肺活量（L）
    VitalCapacity,
    /// ピークフロー（咳）（L/min）
    PeakCoughFlow,
    /// 動脈血 pH
    Ph,
    /// PaO2（mmHg）
    Pao2,
    /// PaCO2（mmHg）
    Paco2,
    /// 経皮・呼気の二酸化炭素分圧（mmHg）
    Co2,
}

impl MeasureKind {
    pub const ALL: [MeasureKind; 10] = [
        MeasureKind::RespiratoryRate,
        MeasureKind::Pulse,
        MeasureKind::Spo2,
        MeasureKind::PercentVc,
        MeasureKind::VitalCapacity,
        MeasureKind::PeakCoughFlow,
        MeasureKind::Ph,
        MeasureKind::Pao2,
        MeasureKind::Paco2,
        MeasureKind::Co2,
    ];

    /// 項目名.
    pub fn label(self) -> &'static str {
        match self {
            MeasureKind::RespiratoryRate => "呼吸数",
            MeasureKind::Pulse => "脈拍",
            MeasureKind::Spo2 => "SpO2",
            MeasureKind::PercentVc => "％肺活量",
            MeasureKind::VitalCapacity => "肺活量",
            MeasureKind::PeakCoughFlow => "ピークフロー（咳）",
            MeasureKind::Ph => "pH",
            MeasureKind::Pao2 => "PaO2",
            MeasureKind::Paco2 => "PaCO2",
            MeasureKind::Co2 => "経皮・呼気CO2分圧",
        }
    }

    /// 単位 (empty for pH).
    pub fn unit(self) -> &'static str {
        match self {
            MeasureKind::RespiratoryRate | MeasureKind::Pulse => "回/分",
            MeasureKind::Spo2 | MeasureKind::PercentVc => "%",
            MeasureKind::VitalCapacity => "L",
            MeasureKind::PeakCoughFlow => "L/min",
            MeasureKind::Ph => "",
            MeasureKind::Pao2 | MeasureKind::Paco2 | MeasureKind::Co2 => "mmHg",
        }
    }

    /// The 呼吸障害 Q1 line this value judges.
    pub fn sign_id(self) -> &'static str {
        match self {
            MeasureKind::RespiratoryRate => sign_ids::RATE,
            MeasureKind::Pulse => sign_ids::PULSE,
            MeasureKind::Spo2 => sign_ids::SPO2,
            MeasureKind::PercentVc => sign_ids::FUNCTION,
            MeasureKind::VitalCapacity => sign_ids::CAPACITY,
            MeasureKind::PeakCoughFlow => sign_ids::COUGH,
            MeasureKind::Ph | MeasureKind::Pao2 | MeasureKind::Paco2 => sign_ids::BLOOD_GAS,
            MeasureKind::Co2 => sign_ids::CO2,
        }
    }

    /// The seed's reference, shown beside the input.
    pub fn reference(self) -> &'static str {
        match self {
            MeasureKind::RespiratoryRate => "正常値：12-20回/分（30回/分を超える場合には、かなり注意が必要）",
            MeasureKind::Pulse => "正常値60-100/分（徐脈：＜60、頻脈：＞100）",
            MeasureKind::Spo2 => "90%未満は組織が低酸素の状態",
            MeasureKind::PercentVc => "％肺活量70%あるいは50%以下は特に注意を要する",
            MeasureKind::VitalCapacity => "標準肺活量 男 50-59歳 3.56L、62-71歳 3.39L、女 60-79歳 2.53L",
            MeasureKind::PeakCoughFlow => {
                "正常値：成人男子 500-600L/min（270未満では痰の喀出に困難を生じることもある）"
            }
            MeasureKind::Ph => "正常値：pH 7.35-7.45",
            MeasureKind::Pao2 => "正常値：PaO2 85-100mmHg",
            MeasureKind::Paco2 => "正常値：PaCO2 35-45mmHg",
            MeasureKind::Co2 => "正常値：40±5mmHg",
        }
    }

    /// Accepted input range (physiologically possible values), inclusive, in hundredths.
    pub fn limits(self) -> (Decimal2, Decimal2) {
        let (lo, hi) = match self {
            MeasureKind::RespiratoryRate => (100, 8_000),
            MeasureKind::Pulse => (2_000, 25_000),
            MeasureKind::Spo2 => (5_000, 10_000),
            MeasureKind::PercentVc => (500, 20_000),
            MeasureKind::VitalCapacity => (10, 800),
            MeasureKind::PeakCoughFlow => (1_000, 100_000),
            MeasureKind::Ph => (680, 780),
            MeasureKind::Pao2 => (2_000, 70_000),
            MeasureKind::Paco2 => (1_000, 15_000),
            MeasureKind::Co2 => (500, 15_000),
        };
        (Decimal2(lo), Decimal2(hi))
    }

    /// Whole numbers only (呼吸数, 脈拍, SpO2 are counted or read as whole numbers).
    pub fn whole_only(self) -> bool {
        matches!(self, MeasureKind::RespiratoryRate | MeasureKind::Pulse | MeasureKind::Spo2)
    }

    /// May be recorded as 「測定不能」.
    pub fn allows_unmeasurable(self) -> bool {
        self == MeasureKind::PeakCoughFlow
    }

    /// The value with its unit, pH with two decimals (`7.40`).
    pub fn show(self, value: Decimal2) -> String {
        if self == MeasureKind::Ph {
            format!("{}.{:02}", value.0 / 100, value.0 % 100)
        } else {
            format!("{value}{}", self.unit())
        }
    }
}

/// 体位.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Posture {
    /// 座位
    Sitting,
    /// 臥位
    Lying,
}

impl Posture {
    pub const ALL: [Posture; 2] = [Posture::Sitting, Posture::Lying];
    pub fn label(self) -> &'static str {
        match self {
            Posture::Sitting => "座位",
            Posture::Lying => "臥位",
        }
    }
}

/// 測定時の状況.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Situation {
    /// 安静時
    Rest,
    /// 労作後
    AfterExertion,
}

impl Situation {
    pub const ALL: [Situation; 2] = [Situation::Rest, Situation::AfterExertion];
    pub fn label(self) -> &'static str {
        match self {
            Situation::Rest => "安静時",
            Situation::AfterExertion => "労作後",
        }
    }
}

/// 性別 (for the 標準肺活量).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    /// 男
    Male,
    /// 女
    Female,
}

impl Sex {
    pub const ALL: [Sex; 2] = [Sex::Male, Sex::Female];
    pub fn label(self) -> &'static str {
        match self {
            Sex::Male => "男",
            Sex::Female => "女",
        }
    }
}

/// One measurement as entered (the value is kept as typed, so a draft never loses it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Measurement {
    /// 測定項目
    pub kind: MeasureKind,
    /// 測定値 as typed (full-width digits allowed; 「測定不能」 for ピークフロー).
    pub text: String,
    /// 体位
    #[serde(default)]
    pub posture: Option<Posture>,
    /// 状況（安静時・労作後）
    #[serde(default)]
    pub situation: Option<Situation>,
    /// メモ (e.g. 酸素投与中, 時刻)
    #[serde(default)]
    pub note: String,
}

impl Measurement {
    pub fn new(kind: MeasureKind) -> Measurement {
        Measurement { kind, text: String::new(), posture: None, situation: None, note: String::new() }
    }

    /// The parsed value (`Ok(None)` when blank).
    pub fn reading(&self) -> Result<Option<Reading>, String> {
        parse_reading(self.kind, &self.text)
    }

    /// `95%（座位・安静時）`, `測定不能`, or the text as typed when it cannot be read.
    pub fn display(&self) -> String {
        let value = match self.reading() {
            Ok(Some(Reading::Value(v))) => self.kind.show(v),
            Ok(Some(Reading::Unmeasurable)) => "測定不能".to_string(),
            Ok(None) => "未入力".to_string(),
            Err(_) => format!("「{}」", self.text.trim()),
        };
        let context: Vec<&str> =
            [self.posture.map(Posture::label), self.situation.map(Situation::label)].into_iter().flatten().collect();
        if context.is_empty() {
            value
        } else {
            format!("{value}（{}）", context.join("・"))
        }
    }
}

/// 読み取った測定値.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reading {
    Value(Decimal2),
    /// 測定不能
    Unmeasurable,
}

/// Words accepted as 「測定不能」.
const UNMEASURABLE: [&str; 3] = ["測定不能", "不能", "測定できず"];

/// Reads a typed value: blank → `Ok(None)`; a number within the physiological limits → the
/// value; otherwise a Japanese message naming the item.
pub fn parse_reading(kind: MeasureKind, text: &str) -> Result<Option<Reading>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if UNMEASURABLE.contains(&t) {
        return if kind.allows_unmeasurable() {
            Ok(Some(Reading::Unmeasurable))
        } else {
            Err(format!("{}は数値で入力してください", kind.label()))
        };
    }
    let value = Decimal2::parse(t).map_err(|e| match e {
        NumberError::Negative => format!("{}に負の数は入力できません", kind.label()),
        NumberError::TooManyDecimals if kind == MeasureKind::Ph => {
            "pHは小数点以下2桁までで入力してください".to_string()
        }
        other => format!("{}: {other}", kind.label()),
    })?;
    if kind.whole_only() && value.0 % 100 != 0 {
        return Err(format!("{}は整数で入力してください", kind.label()));
    }
    let (lo, hi) = kind.limits();
    if value < lo || value > hi {
        return Err(format!(
            "{}は{}〜{}の範囲で入力してください（測定値を確認してください）",
            kind.label(),
            kind.show(lo),
            kind.show(hi)
        ));
    }
    Ok(Some(Reading::Value(value)))
}

/// The person's sex and age, for the 標準肺活量.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Subject {
    /// 性別
    pub sex: Option<Sex>,
    /// 年齢
    pub age: Option<u8>,
}

/// The seed's 標準肺活量 for this sex and age, with its label, or `None` when the seed gives
/// none for that band.
pub fn reference_vital_capacity(sex: Sex, age: u8) -> Option<(Decimal2, &'static str)> {
    match (sex, age) {
        (Sex::Male, 50..=59) => Some((Decimal2(356), "男 50-59歳 3.56L")),
        (Sex::Male, 62..=71) => Some((Decimal2(339), "男 62-71歳 3.39L")),
        (Sex::Female, 60..=79) => Some((Decimal2(253), "女 60-79歳 2.53L")),
        _ => None,
    }
}

/// 注意の強調.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Attention {
    /// 呼吸数 > 30: かなり注意が必要
    Considerable,
    /// ％肺活量 ≤ 50 %: 特に注意を要する
    Special,
}

impl Attention {
    pub fn label(self) -> &'static str {
        match self {
            Attention::Considerable => "かなり注意が必要",
            Attention::Special => "特に注意を要する",
        }
    }
}

/// 判定: what one measurement says about its line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// 測定項目
    pub kind: MeasureKind,
    /// The 呼吸障害 Q1 line.
    pub sign: &'static str,
    /// `Some(true)` outside the reference, `Some(false)` inside, `None` cannot judge.
    pub abnormal: Option<bool>,
    /// 注意の強調
    pub attention: Option<Attention>,
    /// e.g. `SpO2 89%：90%未満（組織が低酸素の状態）`
    pub message: String,
}

/// Judges one value against the seed's reference.
pub fn evaluate(kind: MeasureKind, reading: Reading, subject: Subject) -> Finding {
    let finding = |abnormal: Option<bool>, attention: Option<Attention>, message: String| Finding {
        kind,
        sign: kind.sign_id(),
        abnormal,
        attention,
        message,
    };
    let v = match reading {
        Reading::Unmeasurable => {
            return finding(
                None,
                None,
                format!("{}：測定不能（病状が進行している場合、測定不能な場合も経験する）", kind.label()),
            )
        }
        Reading::Value(v) => v,
    };
    let head = format!("{} {}", kind.label(), kind.show(v));
    let range = |lo: u64, hi: u64, normal: &str| -> (Option<bool>, String) {
        if v.0 < lo {
            (Some(true), format!("{head}：正常値（{normal}）より低い"))
        } else if v.0 > hi {
            (Some(true), format!("{head}：正常値（{normal}）より高い"))
        } else {
            (Some(false), format!("{head}：正常範囲（{normal}）"))
        }
    };
    match kind {
        MeasureKind::RespiratoryRate => {
            let (abnormal, mut message) = range(1_200, 2_000, "12-20回/分");
            let attention = (v.0 > 3_000).then_some(Attention::Considerable);
            if attention.is_some() {
                message.push_str("。30回/分を超える場合には、かなり注意が必要");
            }
            finding(abnormal, attention, message)
        }
        MeasureKind::Pulse => {
            let (abnormal, message) = if v.0 < 6_000 {
                (Some(true), format!("{head}：徐脈（＜60）"))
            } else if v.0 > 10_000 {
                (Some(true), format!("{head}：頻脈（＞100）"))
            } else {
                (Some(false), format!("{head}：正常範囲（60-100/分）"))
            };
            finding(abnormal, None, message)
        }
        MeasureKind::Spo2 => {
            if v.0 < 9_000 {
                finding(Some(true), None, format!("{head}：90%未満（組織が低酸素の状態）"))
            } else {
                finding(Some(false), None, format!("{head}：90%以上"))
            }
        }
        MeasureKind::PercentVc => percent_finding(kind, v.0 <= 7_000, v.0 <= 5_000, format!("{head}：")),
        MeasureKind::VitalCapacity => match (subject.sex, subject.age) {
            (Some(sex), Some(age)) => match reference_vital_capacity(sex, age) {
                Some((reference, label)) => {
                    let pct = rate_tenths(v, reference, 100).unwrap_or(Tenths(0));
                    // Exact comparison: v / reference ≤ 70 %  ⇔  100·v ≤ 70·reference.
                    let at_most = |p: u64| u128::from(v.0) * 100 <= u128::from(reference.0) * u128::from(p);
                    percent_finding(kind, at_most(70), at_most(50), format!("{head}：標準肺活量（{label}）の{pct}%、"))
                }
                None => finding(
                    None,
                    None,
                    format!("{head}：{}{}歳の標準肺活量は資料にありません（手で判断してください）", sex.label(), age),
                ),
            },
            _ => finding(None, None, format!("{head}：標準肺活量と比べるには性別と年齢を入力してください")),
        },
        MeasureKind::PeakCoughFlow => {
            if v.0 < 27_000 {
                finding(
                    Some(true),
                    None,
                    format!("{head}：270L/min未満（感冒罹患時など痰の喀出に困難を生じることもある）"),
                )
            } else {
                finding(Some(false), None, format!("{head}：270L/min以上"))
            }
        }
        MeasureKind::Ph => {
            let (a, m) = range(735, 745, "7.35-7.45");
            finding(a, None, m)
        }
        MeasureKind::Pao2 => {
            let (a, m) = range(8_500, 10_000, "85-100mmHg");
            finding(a, None, m)
        }
        MeasureKind::Paco2 => {
            let (a, m) = range(3_500, 4_500, "35-45mmHg");
            finding(a, None, m)
        }
        MeasureKind::Co2 => {
            if v.0 > 4_500 {
                finding(Some(true), None, format!("{head}：正常値（40±5mmHg）より高い"))
            } else {
                finding(Some(false), None, format!("{head}：上昇なし（正常値 40±5mmHg）"))
            }
        }
    }
}

fn percent_finding(kind: MeasureKind, at_most_70: bool, at_most_50: bool, head: String) -> Finding {
    let (abnormal, attention, tail) = if at_most_50 {
        (Some(true), Some(Attention::Special), "50%以下（特に注意を要する）")
    } else if at_most_70 {
        (Some(true), None, "70%以下")
    } else {
        (Some(false), None, "70%を超える")
    };
    Finding { kind, sign: kind.sign_id(), abnormal, attention, message: format!("{head}{tail}") }
}

/// The findings of every readable measurement, in entry order, with its index.
pub fn findings(measurements: &[Measurement], subject: Subject) -> Vec<(usize, Finding)> {
    measurements
        .iter()
        .enumerate()
        .filter_map(|(i, m)| match m.reading() {
            Ok(Some(r)) => Some((i, evaluate(m.kind, r, subject))),
            _ => None,
        })
        .collect()
}

/// The automatic judgement of each line from the measurements: 該当 when any value is
/// outside its reference, 非該当 when every judged value is inside; lines without a
/// judged value are absent.
pub fn auto_checks(measurements: &[Measurement], subject: Subject) -> BTreeMap<&'static str, Check> {
    let mut out: BTreeMap<&'static str, Check> = BTreeMap::new();
    for (_, f) in findings(measurements, subject) {
        let Some(abnormal) = f.abnormal else { continue };
        let entry = out.entry(f.sign).or_insert(Check::No);
        if abnormal {
            *entry = Check::Yes;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(kind: MeasureKind, text: &str) -> Measurement {
        Measurement { text: text.to_string(), ..Measurement::new(kind) }
    }

    fn auto(kind: MeasureKind, text: &str) -> Option<Check> {
        auto_with(kind, text, Subject::default())
    }

    fn auto_with(kind: MeasureKind, text: &str, subject: Subject) -> Option<Check> {
        auto_checks(&[m(kind, text)], subject).get(kind.sign_id()).copied()
    }

    fn attention(kind: MeasureKind, text: &str, subject: Subject) -> Option<Attention> {
        let r = parse_reading(kind, text).ok().flatten().expect("readable");
        evaluate(kind, r, subject).attention
    }

    use Check::{No, Yes};
    use MeasureKind::*;

    #[test]
    fn breathing_rate_boundaries() {
        assert_eq!(auto(RespiratoryRate, "11"), Some(Yes));
        assert_eq!(auto(RespiratoryRate, "12"), Some(No));
        assert_eq!(auto(RespiratoryRate, "20"), Some(No));
        assert_eq!(auto(RespiratoryRate, "21"), Some(Yes));
        assert_eq!(attention(RespiratoryRate, "30", Subject::default()), None);
        assert_eq!(attention(RespiratoryRate, "31", Subject::default()), Some(Attention::Considerable));
        assert_eq!(auto(RespiratoryRate, "30"), Some(Yes));
    }

    #[test]
    fn pulse_boundaries() {
        assert_eq!(auto(Pulse, "59"), Some(Yes));
        assert_eq!(auto(Pulse, "60"), Some(No));
        assert_eq!(auto(Pulse, "100"), Some(No));
        assert_eq!(auto(Pulse, "101"), Some(Yes));
    }

    #[test]
    fn spo2_boundary() {
        assert_eq!(auto(Spo2, "89"), Some(Yes));
        assert_eq!(auto(Spo2, "90"), Some(No));
        assert_eq!(auto(Spo2, "１００"), Some(No));
    }

    #[test]
    fn percent_vc_boundaries() {
        assert_eq!(auto(PercentVc, "70"), Some(Yes));
        assert_eq!(auto(PercentVc, "70.1"), Some(No));
        assert_eq!(attention(PercentVc, "50", Subject::default()), Some(Attention::Special));
        assert_eq!(attention(PercentVc, "50.5", Subject::default()), None);
    }

    #[test]
    fn vital_capacity_against_the_reference() {
        let man55 = Subject { sex: Some(Sex::Male), age: Some(55) };
        // 70 % of 3.56 L = 2.492 L.
        assert_eq!(auto_with(VitalCapacity, "2.49", man55), Some(Yes));
        assert_eq!(auto_with(VitalCapacity, "2.50", man55), Some(No));
        // 50 % of 3.56 = 1.78 exactly.
        assert_eq!(attention(VitalCapacity, "1.78", man55), Some(Attention::Special));
        assert_eq!(attention(VitalCapacity, "1.79", man55), None);
        let man65 = Subject { sex: Some(Sex::Male), age: Some(65) };
        // 70 % of 3.39 = 2.373.
        assert_eq!(auto_with(VitalCapacity, "2.37", man65), Some(Yes));
        assert_eq!(auto_with(VitalCapacity, "2.38", man65), Some(No));
        let woman70 = Subject { sex: Some(Sex::Female), age: Some(70) };
        // 70 % of 2.53 = 1.771.
        assert_eq!(auto_with(VitalCapacity, "1.77", woman70), Some(Yes));
        assert_eq!(auto_with(VitalCapacity, "1.78", woman70), Some(No));
        // No reference for men aged 60–61, women under 60, or without sex/age.
        assert_eq!(auto_with(VitalCapacity, "1.0", Subject { sex: Some(Sex::Male), age: Some(61) }), None);
        assert_eq!(auto_with(VitalCapacity, "1.0", Subject { sex: Some(Sex::Female), age: Some(59) }), None);
        assert_eq!(auto_with(VitalCapacity, "1.0", Subject { sex: None, age: Some(55) }), None);
        assert_eq!(reference_vital_capacity(Sex::Male, 50).map(|r| r.0), Some(Decimal2(356)));
        assert_eq!(reference_vital_capacity(Sex::Male, 71).map(|r| r.0), Some(Decimal2(339)));
        assert_eq!(reference_vital_capacity(Sex::Male, 72), None);
        assert_eq!(reference_vital_capacity(Sex::Female, 79).map(|r| r.0), Some(Decimal2(253)));
        assert_eq!(reference_vital_capacity(Sex::Female, 80), None);
    }

    #[test]
    fn peak_cough_flow_boundary_and_unmeasurable() {
        assert_eq!(auto(PeakCoughFlow, "269"), Some(Yes));
        assert_eq!(auto(PeakCoughFlow, "269.9"), Some(Yes));
        assert_eq!(auto(PeakCoughFlow, "270"), Some(No));
        assert_eq!(parse_reading(PeakCoughFlow, "測定不能"), Ok(Some(Reading::Unmeasurable)));
        assert_eq!(auto(PeakCoughFlow, "測定不能"), None);
        assert!(parse_reading(Spo2, "測定不能").is_err());
    }

    #[test]
    fn blood_gas_boundaries() {
        assert_eq!(auto(Ph, "7.34"), Some(Yes));
        assert_eq!(auto(Ph, "7.35"), Some(No));
        assert_eq!(auto(Ph, "7.45"), Some(No));
        assert_eq!(auto(Ph, "7.46"), Some(Yes));
        assert_eq!(auto(Pao2, "84"), Some(Yes));
        assert_eq!(auto(Pao2, "85"), Some(No));
        assert_eq!(auto(Pao2, "100"), Some(No));
        assert_eq!(auto(Pao2, "101"), Some(Yes));
        assert_eq!(auto(Paco2, "34"), Some(Yes));
        assert_eq!(auto(Paco2, "35"), Some(No));
        assert_eq!(auto(Paco2, "45"), Some(No));
        assert_eq!(auto(Paco2, "46"), Some(Yes));
        // One abnormal value among normal ones ticks the line.
        let gas = [m(Ph, "7.40"), m(Pao2, "90"), m(Paco2, "48")];
        assert_eq!(auto_checks(&gas, Subject::default()).get(sign_ids::BLOOD_GAS), Some(&Yes));
        let gas = [m(Ph, "7.40"), m(Pao2, "90"), m(Paco2, "40")];
        assert_eq!(auto_checks(&gas, Subject::default()).get(sign_ids::BLOOD_GAS), Some(&No));
    }

    #[test]
    fn co2_boundary() {
        assert_eq!(auto(Co2, "45"), Some(No));
        assert_eq!(auto(Co2, "45.5"), Some(Yes));
        assert_eq!(auto(Co2, "46"), Some(Yes));
        // The line is about a rise: a low value does not tick it.
        assert_eq!(auto(Co2, "30"), Some(No));
    }

    #[test]
    fn several_spo2_readings_any_low_ticks() {
        let sitting = Measurement { posture: Some(Posture::Sitting), ..m(Spo2, "96") };
        let lying = Measurement { posture: Some(Posture::Lying), ..m(Spo2, "88") };
        assert_eq!(auto_checks(&[sitting.clone(), lying.clone()], Subject::default()).get(sign_ids::SPO2), Some(&Yes));
        assert_eq!(auto_checks(std::slice::from_ref(&sitting), Subject::default()).get(sign_ids::SPO2), Some(&No));
        assert_eq!(lying.display(), "88%（臥位）");
        let after = Measurement { situation: Some(Situation::AfterExertion), ..sitting };
        assert_eq!(after.display(), "96%（座位・労作後）");
    }

    #[test]
    fn bad_input_is_refused_in_japanese() {
        assert_eq!(parse_reading(Spo2, ""), Ok(None));
        assert_eq!(parse_reading(Spo2, "  "), Ok(None));
        assert_eq!(parse_reading(Spo2, "abc"), Err("SpO2: 数字で入力してください".to_string()));
        assert_eq!(
            parse_reading(Spo2, "101"),
            Err("SpO2は50%〜100%の範囲で入力してください（測定値を確認してください）".to_string())
        );
        assert_eq!(parse_reading(Spo2, "95.5"), Err("SpO2は整数で入力してください".to_string()));
        assert_eq!(parse_reading(Pulse, "-5"), Err("脈拍に負の数は入力できません".to_string()));
        assert_eq!(parse_reading(Ph, "7.352"), Err("pHは小数点以下2桁までで入力してください".to_string()));
        assert_eq!(
            parse_reading(Ph, "8.1"),
            Err("pHは6.80〜7.80の範囲で入力してください（測定値を確認してください）".to_string())
        );
        assert_eq!(parse_reading(Ph, "７．４"), Ok(Some(Reading::Value(Decimal2(740)))));
        assert!(parse_reading(RespiratoryRate, "0").is_err());
        assert!(parse_reading(RespiratoryRate, "81").is_err());
        assert!(parse_reading(VitalCapacity, "9").is_err());
        assert!(parse_reading(Pao2, "999999999999999").is_err());
        // Unreadable values tick nothing.
        assert_eq!(auto(Spo2, "abc"), None);
        assert_eq!(m(Spo2, "abc").display(), "「abc」");
        assert_eq!(m(Ph, "7.4").display(), "7.40");
    }

    proptest::proptest! {
        #[test]
        fn any_text_never_panics(kind in 0usize..10, text in "\\PC{0,12}") {
            let kind = MeasureKind::ALL[kind % 10];
            let _ = parse_reading(kind, &text);
            let _ = auto_checks(&[m(kind, &text)], Subject { sex: Some(Sex::Male), age: Some(55) });
        }

        #[test]
        fn spo2_ticks_exactly_below_90(v in 50u64..=100) {
            let expected = if v < 90 { Yes } else { No };
            proptest::prop_assert_eq!(auto(Spo2, &v.to_string()), Some(expected));
        }
    }
}
