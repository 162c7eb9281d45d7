//! 様式1 療養者 as typed, and its parsing into a [`Patient`].
//!
//! Every field of [`Patient`] is held as text, in the paper form's coding:
//!
//! * 三状態 (機関名 etc., 「なしは0・不明は空白」): a [`TriTextForm`] — a state string
//!   `"value"` / `"none"` / `"unknown"` (exactly what the `TriText` widget uses) and the text;
//! * yes/no: `"1"` 有, `"0"` 無, `""` 不明;
//! * codes: their form code as text (介護保険 `"11"`, `"12"`, `"1"`–`"5"`, `"0"` なし, `""` 不明);
//! * 年齢: a mode `"years"` (実年齢) or `"band"` (区分コード 1–4) and the text;
//! * 訪問看護ステーション 機関名: one text, one name per line (or separated by 、 or ,).
//!
//! Blank never becomes 0. Findings carry the field key (the input's name) and the paper
//! form's label. The cross-field rules come from the seed (see `forms.md`, "Related limits").

use super::input::{
    fold_width, parse_code, parse_decimal, parse_long_text, parse_short_text, parse_text, parse_tri_text, parse_whole,
    parse_yes_no, peek_decimal, tri_state, yes_no_text, STATE_NONE, STATE_UNKNOWN, STATE_VALUE,
};
use crate::domain::fiscal_year::FiscalYear;
use crate::domain::issues::{Issue, Issues, Severity};
use crate::domain::number::Decimal2;
use crate::domain::patient::{
    Adl, Age, AgeBand, CareLevel, DisasterPlan, Disease, DoctorCare, Gap, InstitutionNursing, JudgementSource,
    KeySymptoms, OnsetType, Patient, Procedures, Service, StationNursing, VentilatorProgramme, VisitMode,
};
use crate::domain::time::{Date, YearMonth};
use crate::domain::tri::Tri;
use serde::{Deserialize, Serialize};

/// Longest ID番号 (characters).
pub const MAX_ID_NUMBER_LEN: usize = 20;
/// Most visits per week accepted (回/週).
pub const MAX_WEEKLY_VISITS: Decimal2 = Decimal2(5_000);
/// Most consultations per month accepted (頻度 回/月).
pub const MAX_PER_MONTH: Decimal2 = Decimal2(3_100);
/// Most stations serving one patient (利用機関数).
pub const MAX_STATIONS: u64 = 20;
/// Oldest accepted age (years).
pub const MAX_AGE: u64 = 120;
/// Earliest year of a 災害時個別支援計画.
pub const FIRST_PLAN_YEAR: i32 = 1990;
/// Longest 支援管理区分 (characters).
pub const MAX_SUPPORT_CLASS_LEN: usize = 20;

/// 年齢 mode: 実年齢.
pub const AGE_YEARS: &str = "years";
/// 年齢 mode: 区分コード (1–4).
pub const AGE_BAND: &str = "band";

/// Field keys used in [`Issues`] and as input names (`name`/`data-field`).
pub mod fields {
    pub const ID_NUMBER: &str = "id_number";
    pub const DISEASE: &str = "disease";
    pub const DISEASE_OTHER: &str = "disease_other";
    pub const NAME: &str = "name";
    pub const FURIGANA: &str = "furigana";
    pub const MUNICIPALITY: &str = "municipality";
    pub const ADDRESS_DETAIL: &str = "address_detail";
    pub const ONSET: &str = "onset";
    pub const FIRST_SYMPTOM: &str = "first_symptom";
    pub const ONSET_TYPE: &str = "onset_type";
    /// 年齢 mode (実年齢 / 区分)
    pub const AGE_MODE: &str = "age_mode";
    pub const AGE: &str = "age";
    pub const ADL: &str = "adl";
    pub const VENTILATOR: &str = "procedures.ventilator";
    pub const TRACHEOSTOMY: &str = "procedures.tracheostomy";
    pub const SUCTION: &str = "procedures.suction";
    pub const TUBE_FEEDING: &str = "procedures.tube_feeding";
    pub const OTHER_PROCEDURE: &str = "procedures.other";
    pub const OTHER_PROCEDURE_DETAIL: &str = "procedures.other_detail";
    pub const DEVICES: &str = "devices";
    pub const RESPIRATORY: &str = "symptoms.respiratory";
    pub const SWALLOWING: &str = "symptoms.swallowing";
    pub const SPEECH: &str = "symptoms.speech";
    pub const URINARY: &str = "symptoms.urinary";
    pub const AUTONOMIC: &str = "symptoms.autonomic";
    pub const NEUROLOGY_NAME: &str = "neurology.name";
    pub const NEUROLOGY_MODE: &str = "neurology.mode";
    pub const NEUROLOGY_PER_MONTH: &str = "neurology.per_month";
    pub const FAMILY_DOCTOR_NAME: &str = "family_doctor.name";
    pub const FAMILY_DOCTOR_MODE: &str = "family_doctor.mode";
    pub const FAMILY_DOCTOR_PER_MONTH: &str = "family_doctor.per_month";
    pub const EMERGENCY_ADMISSION: &str = "emergency_admission";
    pub const RESPITE_ADMISSION: &str = "respite_admission";
    pub const HOME_RESPITE: &str = "home_respite";
    pub const EMERGENCY_NURSING: &str = "emergency_nursing";
    pub const STATION_NAMES: &str = "station_nursing.names";
    pub const STATION_COUNT: &str = "station_nursing.count";
    pub const STATION_WEEKLY: &str = "station_nursing.weekly_visits";
    pub const INSTITUTION_NAME: &str = "institution_nursing.name";
    pub const INSTITUTION_WEEKLY: &str = "institution_nursing.weekly_visits";
    pub const PROGRAMME_USED: &str = "ventilator_programme.used";
    pub const PROGRAMME_WEEKLY: &str = "ventilator_programme.weekly_visits";
    /// 1週間の合計訪問看護利用回数 (computed, shown only)
    pub const WEEKLY_TOTAL: &str = "weekly_total";
    pub const CARE_INSURANCE: &str = "care_insurance";
    pub const DISABILITY_CERTIFICATE: &str = "disability_certificate";
    pub const DISABILITY_SUPPORT_CLASS: &str = "disability_support_class";
    pub const HOME_CARE_SERVICE: &str = "home_care_service";
    /// 災害時個別支援計画 (state あり/なし/不明 and the year as text)
    pub const DISASTER_PLAN: &str = "disaster_plan";
    pub const LAST_CONTACT: &str = "last_contact";
    pub const SUPPORT_CLASS: &str = "support_class";
    /// ギャップ (the list; each row's note has [`gap_note`]'s key)
    pub const GAPS: &str = "gaps";

    /// Key of the note of gap row `i` (from 0): `gaps.0.note`.
    pub fn gap_note(i: usize) -> String {
        format!("gaps.{i}.note")
    }
}

/// Labels as on the paper form (for the inputs and the findings).
pub mod labels {
    pub const ID_NUMBER: &str = "ID番号";
    pub const DISEASE: &str = "疾患";
    pub const DISEASE_OTHER: &str = "疾患名（その他）";
    pub const NAME: &str = "氏名";
    pub const FURIGANA: &str = "ふりがな";
    pub const MUNICIPALITY: &str = "住所（市町村）";
    pub const ADDRESS_DETAIL: &str = "住所（市町村より後）";
    pub const ONSET: &str = "発症時期";
    pub const FIRST_SYMPTOM: &str = "初発症状";
    pub const ONSET_TYPE: &str = "病型";
    pub const AGE_MODE: &str = "年齢の入力方法";
    pub const AGE: &str = "年齢";
    pub const ADL: &str = "ADL";
    pub const VENTILATOR: &str = "医療処置管理 人工呼吸器";
    pub const TRACHEOSTOMY: &str = "医療処置管理 気管切開";
    pub const SUCTION: &str = "医療処置管理 吸引";
    pub const TUBE_FEEDING: &str = "医療処置管理 経管栄養";
    pub const OTHER_PROCEDURE: &str = "医療処置管理 その他";
    pub const OTHER_PROCEDURE_DETAIL: &str = "医療処置管理 その他の内容";
    pub const DEVICES: &str = "使用医療機器";
    pub const RESPIRATORY: &str = "特定症状 呼吸障害";
    pub const SWALLOWING: &str = "特定症状 嚥下障害";
    pub const SPEECH: &str = "特定症状 構音障害";
    pub const URINARY: &str = "特定症状 排尿障害";
    pub const AUTONOMIC: &str = "特定症状 自律神経障害";
    pub const NEUROLOGY_NAME: &str = "神経内科専門医療機関 機関名";
    pub const NEUROLOGY_MODE: &str = "神経内科専門医療機関 受診形態";
    pub const NEUROLOGY_PER_MONTH: &str = "神経内科専門医療機関 頻度（回/月）";
    pub const FAMILY_DOCTOR_NAME: &str = "かかりつけ主治医 機関名";
    pub const FAMILY_DOCTOR_MODE: &str = "かかりつけ主治医 受診形態";
    pub const FAMILY_DOCTOR_PER_MONTH: &str = "かかりつけ主治医 頻度（回/月）";
    pub const EMERGENCY_ADMISSION: &str = "緊急時の入院機関";
    pub const RESPITE_ADMISSION: &str = "レスパイトの入院・入所機関";
    pub const HOME_RESPITE: &str = "在宅でのレスパイト";
    pub const EMERGENCY_NURSING: &str = "緊急時の訪問看護";
    pub const STATION_NAMES: &str = "訪問看護ステーション 機関名";
    pub const STATION_COUNT: &str = "訪問看護ステーション 利用機関数";
    pub const STATION_WEEKLY: &str = "訪問看護ステーション 1週間の合計訪問回数";
    pub const INSTITUTION_NAME: &str = "医療機関からの訪問看護 機関名";
    pub const INSTITUTION_WEEKLY: &str = "医療機関からの訪問看護 1週間の合計訪問回数";
    pub const PROGRAMME_USED: &str = "在宅人工呼吸器使用患者支援事業 利用";
    pub const PROGRAMME_WEEKLY: &str = "在宅人工呼吸器使用患者支援事業 事業による訪問回数";
    pub const WEEKLY_TOTAL: &str = "1週間の合計訪問看護利用回数";
    pub const CARE_INSURANCE: &str = "介護保険（介護度）";
    pub const DISABILITY_CERTIFICATE: &str = "身体障害者手帳（級）";
    pub const DISABILITY_SUPPORT_CLASS: &str = "障害支援区分";
    pub const HOME_CARE_SERVICE: &str = "障害者総合支援法による居宅介護";
    pub const DISASTER_PLAN: &str = "災害時個別支援計画";
    pub const LAST_CONTACT: &str = "最終把握時期";
    pub const SUPPORT_CLASS: &str = "支援管理区分";
    pub const GAPS: &str = "ギャップ";
}

/// 疾患 choices (form text, label).
pub const DISEASE_OPTIONS: [(&str, &str); 5] =
    [("als", "ALS"), ("scd", "SCD"), ("msa", "MSA"), ("pd", "PD"), ("other", "その他")];
/// 病型 choices.
pub const ONSET_TYPE_OPTIONS: [(&str, &str); 5] = [
    ("bulbar", "球麻痺型"),
    ("upper_limb", "上肢型"),
    ("lower_limb", "下肢型"),
    ("respiratory", "呼吸筋麻痺型"),
    ("", "未入力"),
];
/// 年齢 modes.
pub const AGE_MODE_OPTIONS: [(&str, &str); 2] = [(AGE_YEARS, "実年齢"), (AGE_BAND, "区分コード")];
/// 年齢 区分コード choices.
pub const AGE_BAND_OPTIONS: [(&str, &str); 5] =
    [("1", "1 20歳未満"), ("2", "2 20〜40歳未満"), ("3", "3 40〜65歳未満"), ("4", "4 65歳以上"), ("", "不明（空白）")];
/// ADL choices.
pub const ADL_OPTIONS: [(&str, &str); 4] =
    [("1", "1 自立"), ("2", "2 一部介助"), ("3", "3 全面介助"), ("", "不明（空白）")];
/// 受診形態 choices.
pub const VISIT_MODE_OPTIONS: [(&str, &str); 4] =
    [("1", "1 外来"), ("2", "2 往診"), ("0", "0 なし"), ("", "不明（空白）")];
/// 介護保険（介護度） choices.
pub const CARE_INSURANCE_OPTIONS: [(&str, &str); 9] = [
    ("11", "11 要支援1"),
    ("12", "12 要支援2"),
    ("1", "1 要介護1"),
    ("2", "2 要介護2"),
    ("3", "3 要介護3"),
    ("4", "4 要介護4"),
    ("5", "5 要介護5"),
    ("0", "0 なし"),
    ("", "不明（空白）"),
];
/// 身体障害者手帳（級） choices.
pub const CERTIFICATE_OPTIONS: [(&str, &str); 8] = [
    ("1", "1級"),
    ("2", "2級"),
    ("3", "3級"),
    ("4", "4級"),
    ("5", "5級"),
    ("6", "6級"),
    ("0", "0 なし"),
    ("", "不明（空白）"),
];
/// 障害支援区分 choices.
pub const SUPPORT_CLASS_OPTIONS: [(&str, &str); 8] = [
    ("1", "区分1"),
    ("2", "区分2"),
    ("3", "区分3"),
    ("4", "区分4"),
    ("5", "区分5"),
    ("6", "区分6"),
    ("0", "0 該当なし"),
    ("", "不明（空白）"),
];
/// 災害時個別支援計画 states (the year goes in the text).
pub const DISASTER_PLAN_OPTIONS: [(&str, &str); 3] =
    [(STATE_VALUE, "あり"), (STATE_NONE, "なし"), (STATE_UNKNOWN, "不明")];

/// A three-state text as typed: the state (`"value"` 記入, `"none"` なし（0）, `"unknown"`
/// 不明（空白）) and the text (kept while another state is chosen, ignored when parsing).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TriTextForm {
    pub state: String,
    pub text: String,
}

impl TriTextForm {
    /// The form of a saved three-state text.
    pub fn from_tri(value: &Tri<String>) -> TriTextForm {
        TriTextForm { state: tri_state(value).to_string(), text: value.text().to_string() }
    }

    /// Text typed into the field: typing chooses 記入 (the nurse never has to pick it first).
    pub fn type_text(&mut self, text: String) {
        self.text = text;
        self.state = STATE_VALUE.to_string();
    }
}

/// 医療処置管理 as typed (yes/no texts).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProceduresForm {
    /// 人工呼吸器
    pub ventilator: String,
    /// 気管切開
    pub tracheostomy: String,
    /// 吸引
    pub suction: String,
    /// 経管栄養
    pub tube_feeding: String,
    /// その他
    pub other: String,
    /// その他の内容
    pub other_detail: String,
}

/// 特定症状 as typed (yes/no texts), with the 判断樹 sources carried unchanged.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SymptomsForm {
    /// 呼吸障害
    pub respiratory: String,
    /// 嚥下障害
    pub swallowing: String,
    /// 構音障害
    pub speech: String,
    /// 排尿障害
    pub urinary: String,
    /// 自律神経障害
    pub autonomic: String,
    /// 呼吸障害 の判断 (判断樹; not typed, kept as saved)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub respiratory_source: Option<JudgementSource>,
    /// 嚥下障害 の判断
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub swallowing_source: Option<JudgementSource>,
    /// 構音障害 の判断
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speech_source: Option<JudgementSource>,
}

/// 神経内科専門医療機関 / かかりつけ主治医 as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DoctorCareForm {
    /// 機関名 (三状態)
    pub name: TriTextForm,
    /// 受診形態 `"1"` 外来 / `"2"` 往診 / `"0"` なし / `""` 不明
    pub mode: String,
    /// 頻度（回/月）
    pub per_month: String,
}

/// 訪問看護ステーション as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StationNursingForm {
    /// 機関名 (三状態; one name per line, or separated by 、 or ,)
    pub names: TriTextForm,
    /// 利用機関数
    pub count: String,
    /// 1週間の合計訪問回数（回）
    pub weekly_visits: String,
}

/// 医療機関からの訪問看護 as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct InstitutionNursingForm {
    /// 機関名 (三状態)
    pub name: TriTextForm,
    /// 1週間の合計訪問回数（回）
    pub weekly_visits: String,
}

/// 在宅人工呼吸器使用患者支援事業（訪問看護） as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct VentilatorProgrammeForm {
    /// 利用 `"1"` 有 / `"0"` 無 / `""` 不明
    pub used: String,
    /// 事業による訪問回数（回/週）
    pub weekly_visits: String,
}

/// 様式1 療養者 as typed. `Default` is an empty row (every three-state field 不明, 疾患 ALS,
/// 年齢 as 実年齢).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PatientForm {
    /// ID番号 (required, unique in the 地域診断)
    pub id_number: String,
    /// 疾患 (`"als"`, `"scd"`, `"msa"`, `"pd"`, `"other"`)
    pub disease: String,
    /// 疾患名 when 疾患 is `"other"`
    pub disease_other: String,
    /// 氏名 (optional)
    pub name: String,
    /// ふりがな (optional; hiragana or katakana)
    pub furigana: String,
    /// 住所: 市町村
    pub municipality: String,
    /// 住所: 市町村より後
    pub address_detail: String,
    /// 発症時期 (`2002年5月`, `2002/5`, `2002`)
    pub onset: String,
    /// 初発症状
    pub first_symptom: String,
    /// 病型 (see [`ONSET_TYPE_OPTIONS`])
    pub onset_type: String,
    /// 年齢 mode: [`AGE_YEARS`] or [`AGE_BAND`]
    pub age_mode: String,
    /// 年齢 (years, or the band code 1–4)
    pub age: String,
    /// ADL `"1"`–`"3"`
    pub adl: String,
    /// 医療処置管理
    pub procedures: ProceduresForm,
    /// 使用医療機器
    pub devices: String,
    /// 特定症状
    pub symptoms: SymptomsForm,
    /// 神経内科専門医療機関
    pub neurology: DoctorCareForm,
    /// かかりつけ主治医
    pub family_doctor: DoctorCareForm,
    /// 緊急時の入院機関
    pub emergency_admission: TriTextForm,
    /// レスパイトの入院・入所機関
    pub respite_admission: TriTextForm,
    /// 在宅でのレスパイト
    pub home_respite: TriTextForm,
    /// 緊急時の訪問看護
    pub emergency_nursing: TriTextForm,
    /// 訪問看護ステーション
    pub station_nursing: StationNursingForm,
    /// 医療機関からの訪問看護
    pub institution_nursing: InstitutionNursingForm,
    /// 在宅人工呼吸器使用患者支援事業（訪問看護）
    pub ventilator_programme: VentilatorProgrammeForm,
    /// 介護保険（介護度） code text
    pub care_insurance: String,
    /// 身体障害者手帳（級） `"1"`–`"6"`, `"0"` なし, `""` 不明
    pub disability_certificate: String,
    /// 障害支援区分 `"1"`–`"6"`, `"0"` 該当なし, `""` 不明
    pub disability_support_class: String,
    /// 障害者総合支援法による居宅介護 yes/no
    pub home_care_service: String,
    /// 災害時個別支援計画: state あり (`"value"`) / なし / 不明, and the year (optional) as text
    pub disaster_plan: TriTextForm,
    /// 最終把握時期
    pub last_contact: String,
    /// 支援管理区分
    pub support_class: String,
    /// ギャップ (services flagged pink, with a note)
    pub gaps: Vec<Gap>,
}

impl Default for PatientForm {
    fn default() -> PatientForm {
        PatientForm::from_patient(&Patient::default())
    }
}

fn code_text<T: Copy>(value: Option<T>, code: impl FnOnce(T) -> u8) -> String {
    value.map(|v| code(v).to_string()).unwrap_or_default()
}

fn tri_code_text<T: Copy>(value: &Tri<T>, code: impl FnOnce(T) -> u8) -> String {
    match value {
        Tri::Value(v) => code(*v).to_string(),
        Tri::None => "0".to_string(),
        Tri::Unknown => String::new(),
    }
}

fn decimal_text(value: Option<Decimal2>) -> String {
    value.map(|d| d.to_string()).unwrap_or_default()
}

/// The form text of a 病型.
pub fn onset_type_key(t: OnsetType) -> &'static str {
    match t {
        OnsetType::Bulbar => "bulbar",
        OnsetType::UpperLimb => "upper_limb",
        OnsetType::LowerLimb => "lower_limb",
        OnsetType::Respiratory => "respiratory",
    }
}

/// The form text of a 疾患 (`"other"` for an added disease; its name goes in
/// [`PatientForm::disease_other`]).
pub fn disease_key(d: &Disease) -> &'static str {
    match d {
        Disease::Als => "als",
        Disease::Scd => "scd",
        Disease::Msa => "msa",
        Disease::Pd => "pd",
        Disease::Other(_) => "other",
    }
}

/// Splits the 訪問看護ステーション 機関名 text into names: one per line, or separated by
/// 、 ， , or ､; blanks dropped.
pub fn split_station_names(text: &str) -> Vec<String> {
    text.split(['\n', '\r', '、', '，', ',', '､'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// 病型 suggested from the 初発症状 text (球麻痺型 for speech or swallowing, 上肢型 for hands
/// and arms, 下肢型 for legs and walking, 呼吸筋麻痺型 for breathing); `None` when no word or
/// words of two types are found. The nurse confirms it.
pub fn suggest_onset_type(first_symptom: &str) -> Option<OnsetType> {
    const WORDS: [(OnsetType, &[&str]); 4] = [
        (
            OnsetType::Bulbar,
            &["話", "しゃべ", "喋", "構音", "ろれつ", "呂律", "飲み込", "のみこ", "嚥下", "むせ", "舌", "声"],
        ),
        (OnsetType::UpperLimb, &["手", "腕", "指", "上肢", "肩", "握"]),
        (OnsetType::LowerLimb, &["足", "脚", "下肢", "歩", "つまず", "躓", "転び", "転倒", "膝"]),
        (OnsetType::Respiratory, &["呼吸", "息", "呼吸筋"]),
    ];
    let found: Vec<OnsetType> =
        WORDS.iter().filter(|(_, words)| words.iter().any(|w| first_symptom.contains(w))).map(|(t, _)| *t).collect();
    match found.as_slice() {
        [only] => Some(*only),
        _ => None,
    }
}

fn issue(field: &str, label: &str, message: String, severity: Severity) -> Issue {
    Issue { field: field.to_string(), label: label.to_string(), message, severity }
}

/// エラー when `id_number` is already used by another patient of the 地域診断 (`others`: their
/// ID番号). Compared trimmed and width-insensitively (`Ａ００１` = `A001`).
pub fn duplicate_id_number(id_number: &str, others: &[&str]) -> Option<Issue> {
    let key = fold_width(id_number.trim());
    if key.is_empty() {
        return None;
    }
    others.iter().any(|o| fold_width(o.trim()) == key).then(|| {
        issue(
            fields::ID_NUMBER,
            labels::ID_NUMBER,
            format!("ID番号「{}」は他の療養者に使われています", id_number.trim()),
            Severity::Error,
        )
    })
}

impl PatientForm {
    /// 氏名, ふりがな, 住所（市町村） and 住所（市町村より後）. ふりがな is optional: hiragana
    /// or katakana (full or half width), 「ー」「・」 and spaces.
    fn parse_name_and_address(&self, i: &mut Issues) -> (String, String, String, String) {
        let name = parse_short_text(&self.name, fields::NAME, labels::NAME, i);
        let furigana = parse_short_text(&self.furigana, fields::FURIGANA, labels::FURIGANA, i);
        if let Err(c) = crate::domain::kana::check_reading(&furigana) {
            i.error(
                fields::FURIGANA,
                labels::FURIGANA,
                format!("ふりがなはひらがなかカタカナで入力してください（「{c}」は使えません）"),
            );
        }
        let municipality = parse_short_text(&self.municipality, fields::MUNICIPALITY, labels::MUNICIPALITY, i);
        let address_detail = parse_short_text(&self.address_detail, fields::ADDRESS_DETAIL, labels::ADDRESS_DETAIL, i);
        (name, furigana, municipality, address_detail)
    }

    /// The form for a saved patient.
    pub fn from_patient(p: &Patient) -> PatientForm {
        let (age_mode, age) = match p.age {
            Some(Age::Years(y)) => (AGE_YEARS, y.to_string()),
            Some(Age::Band(b)) => (AGE_BAND, b.code().to_string()),
            None => (AGE_YEARS, String::new()),
        };
        let doctor = |d: &DoctorCare| DoctorCareForm {
            name: TriTextForm::from_tri(&d.name),
            mode: code_text(d.mode, VisitMode::code),
            per_month: decimal_text(d.per_month),
        };
        let disaster_plan = TriTextForm {
            state: tri_state(&p.disaster_plan).to_string(),
            text: match p.disaster_plan {
                Tri::Value(Some(year)) => year.to_string(),
                _ => String::new(),
            },
        };
        PatientForm {
            id_number: p.id_number.clone(),
            disease: disease_key(&p.disease).to_string(),
            disease_other: match &p.disease {
                Disease::Other(name) => name.clone(),
                _ => String::new(),
            },
            name: p.name.clone(),
            furigana: p.furigana.clone(),
            municipality: p.municipality.clone(),
            address_detail: p.address_detail.clone(),
            onset: p.onset.map(|o| o.to_string()).unwrap_or_default(),
            first_symptom: p.first_symptom.clone(),
            onset_type: p.onset_type.map(onset_type_key).unwrap_or_default().to_string(),
            age_mode: age_mode.to_string(),
            age,
            adl: code_text(p.adl, Adl::code),
            procedures: ProceduresForm {
                ventilator: yes_no_text(p.procedures.ventilator),
                tracheostomy: yes_no_text(p.procedures.tracheostomy),
                suction: yes_no_text(p.procedures.suction),
                tube_feeding: yes_no_text(p.procedures.tube_feeding),
                other: yes_no_text(p.procedures.other),
                other_detail: p.procedures.other_detail.clone(),
            },
            devices: p.devices.clone(),
            symptoms: SymptomsForm {
                respiratory: yes_no_text(p.symptoms.respiratory),
                swallowing: yes_no_text(p.symptoms.swallowing),
                speech: yes_no_text(p.symptoms.speech),
                urinary: yes_no_text(p.symptoms.urinary),
                autonomic: yes_no_text(p.symptoms.autonomic),
                respiratory_source: p.symptoms.respiratory_source.clone(),
                swallowing_source: p.symptoms.swallowing_source.clone(),
                speech_source: p.symptoms.speech_source.clone(),
            },
            neurology: doctor(&p.neurology),
            family_doctor: doctor(&p.family_doctor),
            emergency_admission: TriTextForm::from_tri(&p.emergency_admission),
            respite_admission: TriTextForm::from_tri(&p.respite_admission),
            home_respite: TriTextForm::from_tri(&p.home_respite),
            emergency_nursing: TriTextForm::from_tri(&p.emergency_nursing),
            station_nursing: StationNursingForm {
                names: TriTextForm {
                    state: tri_state(&p.station_nursing.names).to_string(),
                    text: p.station_nursing.names.value().map(|names| names.join("\n")).unwrap_or_default(),
                },
                count: p.station_nursing.count.map(|c| c.to_string()).unwrap_or_default(),
                weekly_visits: decimal_text(p.station_nursing.weekly_visits),
            },
            institution_nursing: InstitutionNursingForm {
                name: TriTextForm::from_tri(&p.institution_nursing.name),
                weekly_visits: decimal_text(p.institution_nursing.weekly_visits),
            },
            ventilator_programme: VentilatorProgrammeForm {
                used: yes_no_text(p.ventilator_programme.used),
                weekly_visits: decimal_text(p.ventilator_programme.weekly_visits),
            },
            care_insurance: tri_code_text(&p.care_insurance, CareLevel::code),
            disability_certificate: tri_code_text(&p.disability_certificate, |g| g),
            disability_support_class: tri_code_text(&p.disability_support_class, |c| c),
            home_care_service: yes_no_text(p.home_care_service),
            disaster_plan,
            last_contact: p.last_contact.clone(),
            support_class: p.support_class.clone(),
            gaps: p.gaps.clone(),
        }
    }

    /// 1週間の合計訪問看護利用回数 as it would be computed from what is typed now
    /// (station + institution visits; a part that does not read as a number counts as blank).
    pub fn weekly_total_preview(&self) -> Option<Decimal2> {
        let station = peek_decimal(&self.station_nursing.weekly_visits, VISIT_UNITS);
        let institution = peek_decimal(&self.institution_nursing.weekly_visits, VISIT_UNITS);
        match (station, institution) {
            (None, None) => None,
            (a, b) => Some(a.unwrap_or_default().saturating_add(b.unwrap_or_default())),
        }
    }

    /// [`PatientForm::weekly_total_preview`] as text (blank when unknown).
    pub fn weekly_total_text(&self) -> String {
        decimal_text(self.weekly_total_preview())
    }

    /// Is `service` flagged as a gap?
    pub fn has_gap(&self, service: Service) -> bool {
        self.gaps.iter().any(|g| g.service == service)
    }

    /// Flags (`on`) or unflags `service` as a gap. Unflagging drops its note; flagging an
    /// already flagged service keeps its note.
    pub fn set_gap(&mut self, service: Service, on: bool) {
        if on {
            if !self.has_gap(service) {
                self.gaps.push(Gap { service, note: String::new() });
            }
        } else {
            self.gaps.retain(|g| g.service != service);
        }
    }

    /// Sets the note of a flagged service (flags it if it was not).
    pub fn set_gap_note(&mut self, service: Service, note: String) {
        match self.gaps.iter_mut().find(|g| g.service == service) {
            Some(g) => g.note = note,
            None => self.gaps.push(Gap { service, note }),
        }
    }

    /// The findings only (for showing them while the nurse types).
    pub fn issues(&self, today: Date) -> Issues {
        match self.parse(today) {
            Ok((_, issues)) | Err(issues) => issues,
        }
    }

    /// 病型: one of the choices, or blank.
    fn parse_onset_type(&self, i: &mut Issues) -> Option<OnsetType> {
        match self.onset_type.trim() {
            "" => None,
            key => {
                let found = OnsetType::ALL.into_iter().find(|t| onset_type_key(*t) == key);
                if found.is_none() {
                    i.error(fields::ONSET_TYPE, labels::ONSET_TYPE, "病型は選択肢から選んでください");
                }
                found
            }
        }
    }

    /// 医療処置管理.
    fn parse_procedures(&self, i: &mut Issues) -> Procedures {
        let p = &self.procedures;
        Procedures {
            ventilator: parse_yes_no(&p.ventilator, fields::VENTILATOR, labels::VENTILATOR, i),
            tracheostomy: parse_yes_no(&p.tracheostomy, fields::TRACHEOSTOMY, labels::TRACHEOSTOMY, i),
            suction: parse_yes_no(&p.suction, fields::SUCTION, labels::SUCTION, i),
            tube_feeding: parse_yes_no(&p.tube_feeding, fields::TUBE_FEEDING, labels::TUBE_FEEDING, i),
            other: parse_yes_no(&p.other, fields::OTHER_PROCEDURE, labels::OTHER_PROCEDURE, i),
            other_detail: parse_short_text(
                &p.other_detail,
                fields::OTHER_PROCEDURE_DETAIL,
                labels::OTHER_PROCEDURE_DETAIL,
                i,
            ),
        }
    }

    /// 特定症状 (the 判断樹 sources carry over as they are).
    fn parse_symptoms(&self, i: &mut Issues) -> KeySymptoms {
        let s = &self.symptoms;
        KeySymptoms {
            respiratory: parse_yes_no(&s.respiratory, fields::RESPIRATORY, labels::RESPIRATORY, i),
            swallowing: parse_yes_no(&s.swallowing, fields::SWALLOWING, labels::SWALLOWING, i),
            speech: parse_yes_no(&s.speech, fields::SPEECH, labels::SPEECH, i),
            urinary: parse_yes_no(&s.urinary, fields::URINARY, labels::URINARY, i),
            autonomic: parse_yes_no(&s.autonomic, fields::AUTONOMIC, labels::AUTONOMIC, i),
            respiratory_source: s.respiratory_source.clone(),
            swallowing_source: s.swallowing_source.clone(),
            speech_source: s.speech_source.clone(),
        }
    }

    /// 神経内科専門医療機関 and かかりつけ主治医.
    fn parse_doctors(&self, i: &mut Issues) -> (DoctorCare, DoctorCare) {
        let neurology = parse_doctor(
            &self.neurology,
            [fields::NEUROLOGY_NAME, fields::NEUROLOGY_MODE, fields::NEUROLOGY_PER_MONTH],
            [labels::NEUROLOGY_NAME, labels::NEUROLOGY_MODE, labels::NEUROLOGY_PER_MONTH],
            i,
        );
        let family_doctor = parse_doctor(
            &self.family_doctor,
            [fields::FAMILY_DOCTOR_NAME, fields::FAMILY_DOCTOR_MODE, fields::FAMILY_DOCTOR_PER_MONTH],
            [labels::FAMILY_DOCTOR_NAME, labels::FAMILY_DOCTOR_MODE, labels::FAMILY_DOCTOR_PER_MONTH],
            i,
        );
        (neurology, family_doctor)
    }

    /// 在宅人工呼吸器使用患者支援事業.
    fn parse_ventilator_programme(&self, i: &mut Issues) -> VentilatorProgramme {
        VentilatorProgramme {
            used: parse_yes_no(&self.ventilator_programme.used, fields::PROGRAMME_USED, labels::PROGRAMME_USED, i),
            weekly_visits: visits(
                &self.ventilator_programme.weekly_visits,
                fields::PROGRAMME_WEEKLY,
                labels::PROGRAMME_WEEKLY,
                i,
            ),
        }
    }

    /// 介護保険（介護度）, 身体障害者手帳（級）and 障害支援区分.
    fn parse_certificates(&self, i: &mut Issues) -> (Tri<CareLevel>, Tri<u8>, Tri<u8>) {
        let care_insurance = parse_tri_code(
            &self.care_insurance,
            &[11, 12, 1, 2, 3, 4, 5],
            &[],
            "要支援1は11、要支援2は12、要介護1〜5は1〜5、なしは0で入力してください（不明は空欄）",
            fields::CARE_INSURANCE,
            labels::CARE_INSURANCE,
            i,
        );
        let care_insurance = match care_insurance {
            Tri::Value(code) => CareLevel::from_code(code).map_or(Tri::Unknown, Tri::Value),
            Tri::None => Tri::None,
            Tri::Unknown => Tri::Unknown,
        };
        let disability_certificate = parse_tri_code(
            &self.disability_certificate,
            &[1, 2, 3, 4, 5, 6],
            &["級"],
            "1〜6（級）で入力してください。なしは0、不明は空欄です",
            fields::DISABILITY_CERTIFICATE,
            labels::DISABILITY_CERTIFICATE,
            i,
        );
        let disability_support_class = parse_tri_code(
            &self.disability_support_class,
            &[1, 2, 3, 4, 5, 6],
            &["区分"],
            "1〜6で入力してください。該当なしは0、不明は空欄です",
            fields::DISABILITY_SUPPORT_CLASS,
            labels::DISABILITY_SUPPORT_CLASS,
            i,
        );
        (care_insurance, disability_certificate, disability_support_class)
    }

    /// Parses and checks the form. `today` bounds 発症時期 and the plan's year.
    ///
    /// `Ok((patient, warnings))` when it can be saved; `Err(issues)` when at least one error
    /// blocks saving (the issues hold every finding). ID番号 uniqueness is checked apart
    /// ([`duplicate_id_number`]) because it needs the other patients.
    pub fn parse(&self, today: Date) -> Result<(Patient, Issues), Issues> {
        let mut issues = Issues::new();
        let i = &mut issues;

        let id_number = parse_text(&self.id_number, MAX_ID_NUMBER_LEN, false, fields::ID_NUMBER, labels::ID_NUMBER, i);
        if id_number.is_empty() {
            i.error(fields::ID_NUMBER, labels::ID_NUMBER, "ID番号を入力してください（氏名の代わりに使います）");
        }
        let disease = self.parse_disease(i);
        let (name, furigana, municipality, address_detail) = self.parse_name_and_address(i);
        let onset = parse_onset(&self.onset, today, i);
        let first_symptom = parse_long_text(&self.first_symptom, fields::FIRST_SYMPTOM, labels::FIRST_SYMPTOM, i);
        let onset_type = self.parse_onset_type(i);
        let age = self.parse_age(i);
        let adl = parse_code(
            &self.adl,
            &[1, 2, 3],
            "1（自立）、2（一部介助）、3（全面介助）で入力してください",
            fields::ADL,
            labels::ADL,
            i,
        )
        .and_then(Adl::from_code);

        let procedures = self.parse_procedures(i);
        let devices = parse_long_text(&self.devices, fields::DEVICES, labels::DEVICES, i);
        let symptoms = self.parse_symptoms(i);

        let (neurology, family_doctor) = self.parse_doctors(i);
        let tri = |f: &TriTextForm, multiline: bool, field: &str, label: &str, i: &mut Issues| {
            parse_tri_text(&f.state, &f.text, multiline, field, label, i)
        };
        let emergency_admission =
            tri(&self.emergency_admission, false, fields::EMERGENCY_ADMISSION, labels::EMERGENCY_ADMISSION, i);
        let respite_admission =
            tri(&self.respite_admission, false, fields::RESPITE_ADMISSION, labels::RESPITE_ADMISSION, i);
        let home_respite = tri(&self.home_respite, true, fields::HOME_RESPITE, labels::HOME_RESPITE, i);
        let emergency_nursing =
            tri(&self.emergency_nursing, false, fields::EMERGENCY_NURSING, labels::EMERGENCY_NURSING, i);

        let station_nursing = self.parse_station_nursing(i);
        let institution_nursing = InstitutionNursing {
            name: tri(&self.institution_nursing.name, false, fields::INSTITUTION_NAME, labels::INSTITUTION_NAME, i),
            weekly_visits: visits(
                &self.institution_nursing.weekly_visits,
                fields::INSTITUTION_WEEKLY,
                labels::INSTITUTION_WEEKLY,
                i,
            ),
        };
        let ventilator_programme = self.parse_ventilator_programme(i);
        let (care_insurance, disability_certificate, disability_support_class) = self.parse_certificates(i);
        let home_care_service =
            parse_yes_no(&self.home_care_service, fields::HOME_CARE_SERVICE, labels::HOME_CARE_SERVICE, i);
        let disaster_plan = parse_disaster_plan(&self.disaster_plan, today, i);
        let last_contact = parse_long_text(&self.last_contact, fields::LAST_CONTACT, labels::LAST_CONTACT, i);
        let support_class = parse_text(
            &self.support_class,
            MAX_SUPPORT_CLASS_LEN,
            false,
            fields::SUPPORT_CLASS,
            labels::SUPPORT_CLASS,
            i,
        );
        let gaps = self.parse_gaps(i);

        let patient = Patient {
            id_number,
            disease,
            name,
            furigana,
            municipality,
            address_detail,
            onset,
            first_symptom,
            onset_type,
            age,
            adl,
            procedures,
            devices,
            symptoms,
            neurology,
            family_doctor,
            emergency_admission,
            respite_admission,
            home_respite,
            emergency_nursing,
            station_nursing,
            institution_nursing,
            ventilator_programme,
            care_insurance,
            disability_certificate,
            disability_support_class,
            home_care_service,
            disaster_plan,
            last_contact,
            support_class,
            gaps,
        };
        issues.extend(cross_checks(&patient));
        if issues.has_errors() {
            Err(issues)
        } else {
            Ok((patient, issues))
        }
    }

    fn parse_disease(&self, i: &mut Issues) -> Disease {
        match self.disease.trim() {
            "" | "als" => Disease::Als,
            "scd" => Disease::Scd,
            "msa" => Disease::Msa,
            "pd" => Disease::Pd,
            "other" => {
                let name = parse_short_text(&self.disease_other, fields::DISEASE_OTHER, labels::DISEASE_OTHER, i);
                if name.is_empty() {
                    i.error(fields::DISEASE_OTHER, labels::DISEASE_OTHER, "疾患名を入力してください");
                }
                Disease::Other(name)
            }
            _ => {
                i.error(fields::DISEASE, labels::DISEASE, "疾患は選択肢から選んでください");
                Disease::Als
            }
        }
    }

    fn parse_age(&self, i: &mut Issues) -> Option<Age> {
        match self.age_mode.trim() {
            AGE_BAND => parse_code(
                &self.age,
                &[1, 2, 3, 4],
                "区分コードは1（20歳未満）、2（20〜40歳未満）、3（40〜65歳未満）、4（65歳以上）で入力してください",
                fields::AGE,
                labels::AGE,
                i,
            )
            .and_then(AgeBand::from_code)
            .map(Age::Band),
            AGE_YEARS | "" => {
                let years = parse_whole(&self.age, MAX_AGE, &["歳", "才"], fields::AGE, labels::AGE, i)?;
                let years = u8::try_from(years).unwrap_or(u8::MAX);
                if years <= 4 {
                    i.warning(
                        fields::AGE,
                        labels::AGE,
                        format!("{years}歳として保存します。区分コードの場合は「区分コード」を選んでください"),
                    );
                }
                Some(Age::Years(years))
            }
            _ => {
                i.error(fields::AGE_MODE, labels::AGE_MODE, "「実年齢」か「区分コード」を選んでください");
                None
            }
        }
    }

    fn parse_station_nursing(&self, i: &mut Issues) -> StationNursing {
        let f = &self.station_nursing;
        let names = match f.names.state.as_str() {
            STATE_NONE => Tri::None,
            STATE_UNKNOWN => Tri::Unknown,
            STATE_VALUE | "" => {
                let text = parse_long_text(&f.names.text, fields::STATION_NAMES, labels::STATION_NAMES, i);
                match Tri::from_cell(&text) {
                    Tri::None => Tri::None,
                    Tri::Unknown if f.names.state.is_empty() => Tri::Unknown,
                    _ => {
                        let names = split_station_names(&text);
                        if names.is_empty() {
                            i.error(
                                fields::STATION_NAMES,
                                labels::STATION_NAMES,
                                "機関名を入力するか、「なし（0）」か「不明（空白）」を選んでください",
                            );
                            Tri::Unknown
                        } else {
                            if names.len() > MAX_STATIONS as usize {
                                i.error(
                                    fields::STATION_NAMES,
                                    labels::STATION_NAMES,
                                    format!("機関名は{MAX_STATIONS}件までです"),
                                );
                            }
                            if let Some(long) = names.iter().find(|n| n.chars().count() > super::input::MAX_SHORT_TEXT)
                            {
                                let head: String = long.chars().take(10).collect();
                                i.error(
                                    fields::STATION_NAMES,
                                    labels::STATION_NAMES,
                                    format!(
                                        "1つの機関名は{}文字までです（「{head}…」）。複数の場合は改行か「、」で区切ってください",
                                        super::input::MAX_SHORT_TEXT
                                    ),
                                );
                            }
                            Tri::Value(names)
                        }
                    }
                }
            }
            _ => {
                i.error(
                    fields::STATION_NAMES,
                    labels::STATION_NAMES,
                    "「記入」「なし（0）」「不明（空白）」から選んでください",
                );
                Tri::Unknown
            }
        };
        let count = parse_whole(
            &f.count,
            MAX_STATIONS,
            &["ヵ所", "カ所", "か所", "箇所", "機関", "件"],
            fields::STATION_COUNT,
            labels::STATION_COUNT,
            i,
        )
        .map(|c| u32::try_from(c).unwrap_or(u32::MAX));
        let weekly_visits = visits(&f.weekly_visits, fields::STATION_WEEKLY, labels::STATION_WEEKLY, i);
        StationNursing { names, count, weekly_visits }
    }

    fn parse_gaps(&self, i: &mut Issues) -> Vec<Gap> {
        let mut gaps: Vec<Gap> = Vec::new();
        for (n, gap) in self.gaps.iter().enumerate() {
            let key = fields::gap_note(n);
            let label = format!("{} {}", labels::GAPS, gap.service.label());
            let note = parse_long_text(&gap.note, &key, &label, i);
            if gaps.iter().any(|g| g.service == gap.service) {
                i.error(fields::GAPS, labels::GAPS, format!("「{}」が2回あります", gap.service.label()));
                continue;
            }
            gaps.push(Gap { service: gap.service, note });
        }
        gaps
    }
}

const VISIT_UNITS: &[&str] = &["回/週", "回／週", "回"];

fn visits(text: &str, field: &str, label: &str, i: &mut Issues) -> Option<Decimal2> {
    parse_decimal(text, MAX_WEEKLY_VISITS, VISIT_UNITS, field, label, i)
}

/// A code field with a なし (`0`) and 不明 (blank) state; `units` (`級`, `区分`) may stand
/// before or after the code.
fn parse_tri_code(
    text: &str,
    allowed: &[u8],
    units: &[&str],
    rule: &str,
    field: &str,
    label: &str,
    i: &mut Issues,
) -> Tri<u8> {
    let mut t = text.trim();
    for unit in units {
        if let Some(rest) = t.strip_suffix(unit) {
            t = rest.trim_end();
        } else if let Some(rest) = t.strip_prefix(unit) {
            t = rest.trim_start();
        }
    }
    match t {
        "" if text.trim().is_empty() => Tri::Unknown,
        "なし" | "無" | "該当なし" => Tri::None,
        _ => {
            let mut with_zero = allowed.to_vec();
            with_zero.push(0);
            match parse_code(t, &with_zero, rule, field, label, i) {
                Some(0) => Tri::None,
                Some(c) => Tri::Value(c),
                None if t.is_empty() => {
                    i.error(field, label, rule);
                    Tri::Unknown
                }
                None => Tri::Unknown,
            }
        }
    }
}

fn parse_onset(text: &str, today: Date, i: &mut Issues) -> Option<YearMonth> {
    if text.trim().is_empty() {
        return None;
    }
    let Some(onset) = YearMonth::parse(text) else {
        i.error(fields::ONSET, labels::ONSET, "「2002年5月」「2002/5」「2002年」のように入力してください");
        return None;
    };
    let after_today =
        onset.year > today.year || (onset.year == today.year && onset.month.is_some_and(|m| m > today.month));
    if after_today {
        i.error(fields::ONSET, labels::ONSET, format!("発症時期（{onset}）が今日（{today}）より後です"));
        return None;
    }
    Some(onset)
}

fn parse_disaster_plan(f: &TriTextForm, today: Date, i: &mut Issues) -> DisasterPlan {
    let (field, label) = (fields::DISASTER_PLAN, labels::DISASTER_PLAN);
    match f.state.as_str() {
        STATE_NONE => Tri::None,
        STATE_UNKNOWN => Tri::Unknown,
        STATE_VALUE | "" => {
            let t = f.text.trim();
            match t {
                "" if f.state.is_empty() => Tri::Unknown,
                // あり, year not known (the seed's examples write 1).
                "" | "1" | "１" | "あり" | "有" => Tri::Value(None),
                "0" | "０" | "なし" | "無" => Tri::None,
                _ => match FiscalYear::parse(t).map(FiscalYear::start_year) {
                    Ok(year) if (FIRST_PLAN_YEAR..=today.year).contains(&year) => Tri::Value(u16::try_from(year).ok()),
                    _ => {
                        i.error(
                            field,
                            label,
                            format!(
                                "計画を策定・見直しした年を{FIRST_PLAN_YEAR}〜{}の西暦（例: 2023）か和暦（例: 令和5年）で入力してください（年が分からなければ空欄）",
                                today.year
                            ),
                        );
                        Tri::Value(None)
                    }
                },
            }
        }
        _ => {
            i.error(field, label, "「あり」「なし」「不明」から選んでください");
            Tri::Unknown
        }
    }
}

fn parse_doctor(f: &DoctorCareForm, keys: [&str; 3], names: [&str; 3], i: &mut Issues) -> DoctorCare {
    let name = parse_tri_text(&f.name.state, &f.name.text, false, keys[0], names[0], i);
    let mode =
        parse_code(&f.mode, &[0, 1, 2], "1（外来）、2（往診）、0（なし）で入力してください", keys[1], names[1], i)
            .and_then(VisitMode::from_code);
    let per_month = parse_decimal(&f.per_month, MAX_PER_MONTH, &["回/月", "回／月", "回"], keys[2], names[2], i);
    DoctorCare { name, mode, per_month }
}

/// The checks between fields of a parsed patient (the seed's limits; also usable on an
/// imported patient).
pub fn cross_checks(p: &Patient) -> Issues {
    let mut i = Issues::new();
    let programme = &p.ventilator_programme;

    // 利用 = 0 ⇒ 事業による訪問回数 is blank or 0.
    if programme.used == Some(false) && programme.weekly_visits.is_some_and(|v| v > Decimal2::ZERO) {
        i.error(
            fields::PROGRAMME_WEEKLY,
            labels::PROGRAMME_WEEKLY,
            "利用が「0 無」なので、事業による訪問回数は0か空欄にしてください",
        );
    }
    // 事業による訪問回数 ≤ 1週間の合計訪問回数 (station + institution).
    if let Some(v) = programme.weekly_visits.filter(|v| *v > Decimal2::ZERO) {
        match p.weekly_total() {
            Some(total) if v > total => i.error(
                fields::PROGRAMME_WEEKLY,
                labels::PROGRAMME_WEEKLY,
                format!(
                    "事業による訪問回数（{v}回）が1週間の合計訪問回数（{total}回 = ステーション{}回 + 医療機関{}回）を超えています",
                    p.station_nursing.weekly_visits.unwrap_or_default(),
                    p.institution_nursing.weekly_visits.unwrap_or_default()
                ),
            ),
            Some(_) => {}
            None => i.warning(
                fields::PROGRAMME_WEEKLY,
                labels::PROGRAMME_WEEKLY,
                "訪問看護ステーション・医療機関の1週間の合計訪問回数が空欄です",
            ),
        }
    }
    // 利用 = 1 only makes sense with 人工呼吸器 = 1.
    if programme.used == Some(true) && p.procedures.ventilator != Some(true) {
        i.warning(
            fields::PROGRAMME_USED,
            labels::PROGRAMME_USED,
            "人工呼吸器が「1 有」ではありません。事業は人工呼吸器を使用している方が対象です",
        );
    }

    // 利用機関数 and the station names.
    let sn = &p.station_nursing;
    match (&sn.names, sn.count) {
        (Tri::Value(names), Some(0)) => i.error(
            fields::STATION_COUNT,
            labels::STATION_COUNT,
            format!("機関名が{}件あるのに利用機関数が0です", names.len()),
        ),
        (Tri::Value(names), Some(count)) if count as usize != names.len() => i.warning(
            fields::STATION_COUNT,
            labels::STATION_COUNT,
            format!("利用機関数（{count}）と機関名の数（{}件）が違います", names.len()),
        ),
        (Tri::Value(_), None) => i.warning(
            fields::STATION_COUNT,
            labels::STATION_COUNT,
            "利用機関数が空欄です（集計の「複数利用あり」「定期の訪問看護」に使います）",
        ),
        (Tri::None, Some(count)) if count >= 1 => i.error(
            fields::STATION_COUNT,
            labels::STATION_COUNT,
            format!("機関名が「なし（0）」なのに利用機関数が{count}です"),
        ),
        _ => {}
    }
    let no_station = sn.names == Tri::None || sn.count == Some(0);
    if no_station && sn.weekly_visits.is_some_and(|v| v > Decimal2::ZERO) {
        i.warning(
            fields::STATION_WEEKLY,
            labels::STATION_WEEKLY,
            "訪問看護ステーションが「なし」なのに訪問回数があります",
        );
    }
    let inst = &p.institution_nursing;
    if inst.name == Tri::None && inst.weekly_visits.is_some_and(|v| v > Decimal2::ZERO) {
        i.warning(
            fields::INSTITUTION_WEEKLY,
            labels::INSTITUTION_WEEKLY,
            "医療機関からの訪問看護が「なし」なのに訪問回数があります",
        );
    }

    // 受診形態 0 なし with a frequency; 機関名 なし with 外来/往診.
    for (d, keys, names) in [
        (
            &p.neurology,
            [fields::NEUROLOGY_MODE, fields::NEUROLOGY_PER_MONTH],
            [labels::NEUROLOGY_MODE, labels::NEUROLOGY_PER_MONTH],
        ),
        (
            &p.family_doctor,
            [fields::FAMILY_DOCTOR_MODE, fields::FAMILY_DOCTOR_PER_MONTH],
            [labels::FAMILY_DOCTOR_MODE, labels::FAMILY_DOCTOR_PER_MONTH],
        ),
    ] {
        if d.mode == Some(VisitMode::NoVisits) {
            if let Some(f) = d.per_month.filter(|f| *f > Decimal2::ZERO) {
                i.warning(keys[1], names[1], format!("受診形態が「0 なし」なのに頻度が{f}回/月です"));
            }
        }
        if d.name == Tri::None && matches!(d.mode, Some(VisitMode::Outpatient | VisitMode::HomeVisit)) {
            i.warning(keys[0], names[0], "機関名が「なし（0）」なのに受診形態が外来・往診です");
        }
    }
    // 気管切開 = 1 with 人工呼吸器 = 0: no check (a tracheostomy without a ventilator is common).
    i
}

#[cfg(test)]
mod tests;
