//! Which fields a column of 様式1 or 様式3 can hold, and the headings that name them: the
//! paper form's group and column headings (seed 004), this app's CSV headings
//! (`domain::csv`), and the usual variants.

use crate::domain::forms::patient_form::fields as p;
use crate::domain::forms::station_form::fields as s;
use serde::{Deserialize, Serialize};

/// Which table a sheet holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TableKind {
    /// 様式1 療養者
    Patients,
    /// 様式3 訪問看護ステーション
    Stations,
}

impl TableKind {
    pub fn label(self) -> &'static str {
        match self {
            TableKind::Patients => "様式1（療養者）",
            TableKind::Stations => "様式3（訪問看護ステーション）",
        }
    }

    /// Every field a column of this table can hold, in the paper form's order.
    pub fn fields(self) -> &'static [FieldSpec] {
        match self {
            TableKind::Patients => &PATIENT_FIELDS,
            TableKind::Stations => &STATION_FIELDS,
        }
    }

    /// The field with this key.
    pub fn field(self, key: &str) -> Option<&'static FieldSpec> {
        self.fields().iter().find(|f| f.key == key)
    }
}

/// 番号 (the row number of the paper form: read only to number rows, and as the ID番号 when
/// the file has none).
pub const NUMBER: &str = "number";

/// One field a column can hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldSpec {
    /// The form's field key ([`p`] / [`s`]) or [`NUMBER`].
    pub key: &'static str,
    /// 項目名 as this app's CSV heads the column.
    pub label: &'static str,
    /// Group headings above the column (empty: none needed).
    pub groups: &'static [&'static str],
    /// Column headings (a heading that starts with one of these names the field).
    pub names: &'static [&'static str],
    /// Computed by the app (1週間の合計訪問看護利用回数): read, compared, never stored.
    pub computed: bool,
}

const fn f(
    key: &'static str,
    label: &'static str,
    groups: &'static [&'static str],
    names: &'static [&'static str],
) -> FieldSpec {
    FieldSpec { key, label, groups, names, computed: false }
}

const PROCEDURES: &[&str] = &["医療処置管理", "医療処置"];
const SYMPTOMS: &[&str] = &["特定症状"];
const NEUROLOGY: &[&str] = &["神経内科専門医療機関", "神経内科"];
const FAMILY_DOCTOR: &[&str] = &["かかりつけ主治医", "かかりつけ医"];
const STATION: &[&str] = &["訪問看護ステーション", "訪問看護st"];
const INSTITUTION: &[&str] = &["医療機関からの訪問看護"];
const PROGRAMME: &[&str] = &["在宅人工呼吸器使用患者支援事業"];
const ADDITION: &[&str] = &["医療保険加算届出", "医療保険加算"];
const NO_GROUP: &[&str] = &[];
const WEEKLY: &[&str] = &["1週間の合計訪問回数", "一週間の合計訪問回数", "合計訪問回数", "1週間"];

/// 様式1 療養者.
pub static PATIENT_FIELDS: [FieldSpec; 49] = [
    f(NUMBER, "番号", NO_GROUP, &["番号", "no", "№"]),
    f(p::MUNICIPALITY, "住所", NO_GROUP, &["住所", "市町村"]),
    f(p::NAME, "氏名", NO_GROUP, &["氏名", "名前"]),
    f(p::ONSET, "発症時期", NO_GROUP, &["発症時期", "発症年月"]),
    f(p::FIRST_SYMPTOM, "初発症状", NO_GROUP, &["初発症状"]),
    f(p::AGE, "年齢", NO_GROUP, &["年齢"]),
    f(p::ADL, "ADL", NO_GROUP, &["adl"]),
    f(p::VENTILATOR, "医療処置管理 人工呼吸器", PROCEDURES, &["人工呼吸器"]),
    f(p::TRACHEOSTOMY, "医療処置管理 気管切開", PROCEDURES, &["気管切開"]),
    f(p::SUCTION, "医療処置管理 吸引", PROCEDURES, &["吸引"]),
    f(p::TUBE_FEEDING, "医療処置管理 経管栄養", PROCEDURES, &["経管栄養"]),
    f(p::OTHER_PROCEDURE, "医療処置管理 その他", PROCEDURES, &["その他"]),
    f(p::DEVICES, "使用医療機器", NO_GROUP, &["使用医療機器", "医療機器"]),
    f(p::RESPIRATORY, "特定症状 呼吸障害", SYMPTOMS, &["呼吸障害"]),
    f(p::SWALLOWING, "特定症状 嚥下障害", SYMPTOMS, &["嚥下障害"]),
    f(p::SPEECH, "特定症状 構音障害", SYMPTOMS, &["構音障害"]),
    f(p::URINARY, "特定症状 排尿障害", SYMPTOMS, &["排尿障害"]),
    f(p::AUTONOMIC, "特定症状 自律神経障害", SYMPTOMS, &["自律神経障害"]),
    f(p::NEUROLOGY_NAME, "神経内科専門医療機関 機関名", NEUROLOGY, &["機関名"]),
    f(p::NEUROLOGY_MODE, "神経内科専門医療機関 受診形態", NEUROLOGY, &["受診形態"]),
    f(p::NEUROLOGY_PER_MONTH, "神経内科専門医療機関 頻度（回/月）", NEUROLOGY, &["頻度"]),
    f(p::FAMILY_DOCTOR_NAME, "かかりつけ主治医 機関名", FAMILY_DOCTOR, &["機関名"]),
    f(p::FAMILY_DOCTOR_MODE, "かかりつけ主治医 受診形態", FAMILY_DOCTOR, &["受診形態"]),
    f(p::FAMILY_DOCTOR_PER_MONTH, "かかりつけ主治医 頻度（回/月）", FAMILY_DOCTOR, &["頻度"]),
    f(p::EMERGENCY_ADMISSION, "緊急時の入院機関", NO_GROUP, &["緊急時の入院"]),
    f(p::RESPITE_ADMISSION, "レスパイトの入院・入所機関", NO_GROUP, &["レスパイトの入院", "レスパイト入院"]),
    f(p::HOME_RESPITE, "在宅でのレスパイト", NO_GROUP, &["在宅でのレスパイト", "在宅レスパイト"]),
    f(p::EMERGENCY_NURSING, "緊急時の訪問看護", NO_GROUP, &["緊急時の訪問看護"]),
    f(p::STATION_NAMES, "訪問看護ステーション 機関名", STATION, &["機関名"]),
    f(p::STATION_COUNT, "訪問看護ステーション 利用機関数", STATION, &["利用機関数"]),
    f(p::STATION_WEEKLY, "訪問看護ステーション 1週間の合計訪問回数（回）", STATION, WEEKLY),
    f(p::INSTITUTION_NAME, "医療機関からの訪問看護 機関名", INSTITUTION, &["機関名"]),
    f(p::INSTITUTION_WEEKLY, "医療機関からの訪問看護 1週間の合計訪問回数（回）", INSTITUTION, WEEKLY),
    f(p::PROGRAMME_USED, "在宅人工呼吸器使用患者支援事業 利用", PROGRAMME, &["利用"]),
    f(
        p::PROGRAMME_WEEKLY,
        "在宅人工呼吸器使用患者支援事業 事業による訪問回数（回）",
        PROGRAMME,
        &["事業による訪問回数", "1週間の訪問回数のうち", "訪問回数"],
    ),
    FieldSpec {
        key: p::WEEKLY_TOTAL,
        label: "1週間の合計訪問看護利用回数",
        groups: NO_GROUP,
        names: &["1週間の合計訪問看護利用回数", "一週間の合計訪問看護利用回数", "合計訪問看護利用回数"],
        computed: true,
    },
    f(p::CARE_INSURANCE, "介護保険（介護度）", NO_GROUP, &["介護保険", "介護度"]),
    f(p::DISABILITY_CERTIFICATE, "身体障害者手帳（級）", NO_GROUP, &["身体障害者手帳", "身障手帳"]),
    f(p::DISABILITY_SUPPORT_CLASS, "障害支援区分", NO_GROUP, &["障害支援区分"]),
    f(p::HOME_CARE_SERVICE, "障害者総合支援法による居宅介護", NO_GROUP, &["障害者総合支援法", "居宅介護"]),
    f(p::DISASTER_PLAN, "災害時個別支援計画", NO_GROUP, &["災害時個別支援計画", "個別支援計画"]),
    f(p::LAST_CONTACT, "最終把握時期", NO_GROUP, &["最終把握"]),
    f(p::SUPPORT_CLASS, "支援管理区分", NO_GROUP, &["支援管理区分"]),
    f(p::ID_NUMBER, "ID番号", NO_GROUP, &["id番号", "id"]),
    f(p::DISEASE, "疾患", NO_GROUP, &["疾患", "病名"]),
    f(p::ONSET_TYPE, "病型", NO_GROUP, &["病型"]),
    f(p::OTHER_PROCEDURE_DETAIL, "医療処置管理 その他の内容", PROCEDURES, &["その他の内容"]),
    f(p::GAPS, "ギャップ", NO_GROUP, &["ギャップ"]),
    f(
        p::FURIGANA,
        "ふりがな",
        NO_GROUP,
        &["ふりがな", "フリガナ", "よみがな", "ヨミガナ", "氏名ふりがな", "氏名フリガナ", "氏名カナ", "カナ氏名"],
    ),
];

/// 様式3 (7) 医療保険加算届出 as the paper form's one column (1 24時間対応体制加算, 2 特別管理
/// 加算, both as `1,2`, 0 なし); this app's CSV has a column for each.
pub const ADDITIONS: &str = "additions";

/// 様式3 訪問看護ステーション ((1)–(11); the numbers in front of the headings are ignored).
pub static STATION_FIELDS: [FieldSpec; 14] = [
    f(NUMBER, "番号", NO_GROUP, &["番号", "no", "№"]),
    f(s::NAME, "名称", NO_GROUP, &["名称", "ステーション名", "事業所名"]),
    f(s::ADDRESS, "所在地", NO_GROUP, &["所在地", "住所"]),
    f(s::FTE_DIRECT, "看護師の常勤換算", NO_GROUP, &["看護師の常勤換算", "常勤換算"]),
    f(
        s::MONTHLY_USERS,
        "平均的な1ヶ月の実利用者数",
        NO_GROUP,
        &["平均的な1ヶ月の実利用者数", "平均的な1か月の実利用者数", "実利用者数"],
    ),
    f(
        s::MEDICAL_INSURANCE_USERS,
        "（4）のうち医療保険利用者数",
        NO_GROUP,
        &["のうち医療保険利用者数", "医療保険利用者数"],
    ),
    f(s::ROOM_FOR_MORE_VISITS, "訪問数を増加する余裕", NO_GROUP, &["訪問数を増加する余裕"]),
    f(ADDITIONS, "医療保険加算届出", NO_GROUP, &["医療保険加算届出", "医療保険加算"]),
    f(s::ADDITION_24H, "医療保険加算届出 24時間対応体制加算", ADDITION, &["24時間対応体制加算", "24時間"]),
    f(s::ADDITION_SPECIAL, "医療保険加算届出 特別管理加算", ADDITION, &["特別管理加算"]),
    f(s::ALS_EXPERIENCE, "ALS患者の訪問看護実績", NO_GROUP, &["als患者の訪問看護実績"]),
    f(s::VENTILATOR_EXPERIENCE, "人工呼吸器使用患者（NPPV、TPPV）の訪問看護実績", NO_GROUP, &["人工呼吸器使用患者"]),
    f(s::ALS_INTAKE, "ALS患者の今後の受け入れ", NO_GROUP, &["als患者の今後の受け入れ", "als患者の受け入れ"]),
    f(s::CHILD_INTAKE, "重心児（重症心身障害児）の今後の受け入れ", NO_GROUP, &["重心児", "重症心身障害児"]),
];
