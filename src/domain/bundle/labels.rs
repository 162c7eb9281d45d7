//! 項目名: the Japanese name of a field path, for import messages and the conflict list,
//! and a short Japanese rendering of a field's value.

use crate::domain::record::RecordKind;
use serde_json::Value;

const PATIENT: &[(&str, &str)] = &[
    ("id_number", "ID番号"),
    ("disease", "疾患"),
    ("name", "氏名"),
    ("furigana", "ふりがな"),
    ("municipality", "住所（市町村）"),
    ("address_detail", "住所（市町村より下）"),
    ("onset", "発症時期"),
    ("onset/year", "発症時期（年）"),
    ("onset/month", "発症時期（月）"),
    ("first_symptom", "初発症状"),
    ("onset_type", "病型"),
    ("age", "年齢"),
    ("adl", "ADL"),
    ("procedures", "医療処置管理"),
    ("procedures/ventilator", "医療処置管理 人工呼吸器"),
    ("procedures/tracheostomy", "医療処置管理 気管切開"),
    ("procedures/suction", "医療処置管理 吸引"),
    ("procedures/tube_feeding", "医療処置管理 経管栄養"),
    ("procedures/other", "医療処置管理 その他"),
    ("procedures/other_detail", "医療処置管理 その他の内容"),
    ("devices", "使用医療機器"),
    ("symptoms", "特定症状"),
    ("symptoms/respiratory", "特定症状 呼吸障害"),
    ("symptoms/swallowing", "特定症状 嚥下障害"),
    ("symptoms/speech", "特定症状 構音障害"),
    ("symptoms/urinary", "特定症状 排尿障害"),
    ("symptoms/autonomic", "特定症状 自律神経障害"),
    ("symptoms/respiratory_source", "呼吸障害の判断（判断樹）"),
    ("symptoms/swallowing_source", "嚥下障害の判断（判断樹）"),
    ("symptoms/speech_source", "構音障害の判断（判断樹）"),
    ("neurology", "神経内科専門医療機関"),
    ("neurology/name", "神経内科専門医療機関 機関名"),
    ("neurology/mode", "神経内科専門医療機関 受診形態"),
    ("neurology/per_month", "神経内科専門医療機関 頻度（回/月）"),
    ("family_doctor", "かかりつけ主治医"),
    ("family_doctor/name", "かかりつけ主治医 機関名"),
    ("family_doctor/mode", "かかりつけ主治医 受診形態"),
    ("family_doctor/per_month", "かかりつけ主治医 頻度（回/月）"),
    ("emergency_admission", "緊急時の入院機関"),
    ("respite_admission", "レスパイトの入院・入所機関"),
    ("home_respite", "在宅でのレスパイト"),
    ("emergency_nursing", "緊急時の訪問看護"),
    ("station_nursing", "訪問看護ステーション"),
    ("station_nursing/names", "訪問看護ステーション 機関名"),
    ("station_nursing/count", "訪問看護ステーション 利用機関数"),
    ("station_nursing/weekly_visits", "訪問看護ステーション 1週間の合計訪問回数"),
    ("institution_nursing", "医療機関からの訪問看護"),
    ("institution_nursing/name", "医療機関からの訪問看護 機関名"),
    ("institution_nursing/weekly_visits", "医療機関からの訪問看護 1週間の合計訪問回数"),
    ("ventilator_programme", "在宅人工呼吸器使用患者支援事業"),
    ("ventilator_programme/used", "在宅人工呼吸器使用患者支援事業 利用"),
    ("ventilator_programme/weekly_visits", "在宅人工呼吸器使用患者支援事業 事業による訪問回数"),
    ("care_insurance", "介護保険（介護度）"),
    ("disability_certificate", "身体障害者手帳（級）"),
    ("disability_support_class", "障害支援区分"),
    ("home_care_service", "障害者総合支援法による居宅介護"),
    ("disaster_plan", "災害時個別支援計画"),
    ("last_contact", "最終把握時期"),
    ("support_class", "支援管理区分"),
    ("gaps", "ギャップ"),
];

const STATION: &[(&str, &str)] = &[
    ("name", "名称"),
    ("address", "所在地"),
    ("fte", "看護師の常勤換算"),
    ("monthly_users", "平均的な1ヶ月の実利用者数"),
    ("medical_insurance_users", "医療保険利用者数"),
    ("room_for_more_visits", "訪問数を増加する余裕"),
    ("addition_24h", "24時間対応体制加算"),
    ("addition_special", "特別管理加算"),
    ("als_experience", "ALS患者の訪問看護実績"),
    ("ventilator_experience", "人工呼吸器使用患者の訪問看護実績"),
    ("als_intake", "ALS患者の今後の受け入れ"),
    ("child_intake", "重心児の今後の受け入れ"),
];

const OVERVIEW: &[(&str, &str)] = &[
    ("population", "人口"),
    ("area_km2", "面積"),
    ("certified_total", "指定難病認定者数"),
    ("certified_als", "療養者数（認定者）ALS"),
    ("certified_scd", "療養者数（認定者）SCD"),
    ("certified_msa", "療養者数（認定者）MSA"),
    ("certified_pd", "療養者数（認定者）PD"),
    ("certified_other", "療養者数（認定者）追加した疾患"),
    ("base_hospitals_pref", "難病診療連携拠点病院"),
    ("field_base_hospitals_pref", "難病診療分野別拠点病院"),
    ("cooperating_hospitals_local", "難病医療協力病院（管内）"),
    ("cooperating_hospitals_pref", "難病医療協力病院（都道府県内）"),
    ("designated_doctors_local", "難病指定医数"),
    ("home_care_clinics_local", "在宅療養支援診療所"),
    ("nurse_stations_local", "訪問看護ステーション数"),
];

const PROGRAMME: &[(&str, &str)] = &[
    ("programme", "事業名"),
    ("operator", "実施主体"),
    ("implemented", "実施"),
    ("count_local", "実施件数 (1) 管轄地域（件）"),
    ("count_prefecture", "実施件数 (2) 都道府県全体（件）"),
    ("summary", "事業の概要"),
    ("outcome", "成果"),
    ("challenge", "課題"),
    ("council", "難病対策地域協議会"),
    ("council/related_meeting", "難病対策地域協議会 なしの場合 関連する会議"),
    ("council/first_year", "難病対策地域協議会 初回開催年度"),
    ("council/meetings_this_year", "難病対策地域協議会 当年度開催回数（回/年）"),
    ("council/unit", "難病対策地域協議会 設置単位"),
    ("council/unit_other", "難病対策地域協議会 設置単位（その他）"),
    ("council/agenda", "難病対策地域協議会 議題及び実施状況等"),
    ("center", "難病相談支援センター"),
    ("center/operation", "難病相談支援センター 運営方法"),
    ("center/contractor", "難病相談支援センター 委託先"),
    ("center/activities", "難病相談支援センター 実施事業"),
    ("center/activities/consultation", "難病相談支援センター 実施事業 相談"),
    ("center/activities/lectures", "難病相談支援センター 実施事業 講演会・研修会等"),
    ("center/activities/employment", "難病相談支援センター 実施事業 就労支援事業"),
    ("center/activities/peer_support", "難病相談支援センター 実施事業 ピアサポート"),
    ("center/activities/other", "難病相談支援センター 実施事業 その他"),
    ("center/activities/other_text", "難病相談支援センター 実施事業 その他の内容"),
];

const DIAGNOSIS: &[(&str, &str)] = &[("jurisdiction", "地区名"), ("fiscal_year", "年度")];

/// Record-level fields (the envelope of every record).
const META: &[(&str, &str)] = &[
    ("id", "ID"),
    ("diagnosis_id", "地域診断のID"),
    ("kind", "記録の種類"),
    ("created_at", "作成日時"),
    ("updated_at", "更新日時"),
    ("updated_by", "更新した端末"),
    ("rev", "版番号"),
    ("deleted_at", "ゴミ箱に入れた日時"),
    ("predecessor", "前年度の記録"),
    ("body", "内容"),
    ("stamps", "項目ごとの更新記録"),
];

/// 様式4 評価 fields.
const EVALUATION: &[(&str, &str)] = &[
    ("specialist", "専門診療の確保"),
    ("specialist/level", "専門診療の確保 レベル"),
    ("specialist/issue", "専門診療の確保 課題"),
    ("daily", "日常診療の確保"),
    ("daily/level", "日常診療の確保 レベル"),
    ("daily/issue", "日常診療の確保 課題"),
    ("emergency_admission", "急変時の入院確保"),
    ("emergency_admission/level", "急変時の入院確保 レベル"),
    ("emergency_admission/issue", "急変時の入院確保 課題"),
    ("respite_admission", "レスパイトケアの確保（入院・入所）"),
    ("respite_admission/level", "レスパイトケアの確保（入院・入所） レベル"),
    ("respite_admission/issue", "レスパイトケアの確保（入院・入所） 課題"),
    ("respite_home", "レスパイトケアの確保（在宅）"),
    ("respite_home/level", "レスパイトケアの確保（在宅） レベル"),
    ("respite_home/issue", "レスパイトケアの確保（在宅） 課題"),
    ("nursing_regular", "訪問看護の確保（定期）"),
    ("nursing_regular/level", "訪問看護の確保（定期） レベル"),
    ("nursing_regular/issue", "訪問看護の確保（定期） 課題"),
    ("nursing_emergency", "訪問看護の確保（緊急時）"),
    ("nursing_emergency/level", "訪問看護の確保（緊急時） レベル"),
    ("nursing_emergency/issue", "訪問看護の確保（緊急時） 課題"),
    ("disaster", "災害対策"),
    ("disaster/level", "災害対策 レベル"),
    ("disaster/issue", "災害対策 課題"),
    ("overall", "総合評価および優先すべき課題"),
];

/// アセスメント (判断樹) fields.
const ASSESSMENT: &[(&str, &str)] = &[
    ("patient_id", "療養者"),
    ("start_tree", "最初の判断樹"),
    ("continue_to_bulbar", "球麻痺の設問へ進む"),
    ("status", "状態"),
    ("started_at", "開始日時"),
    ("finished_at", "完了日時"),
    ("assessor", "判断者"),
    ("sex", "性別"),
    ("age", "年齢"),
    ("answers", "回答"),
    ("signs", "チェック"),
    ("measurements", "測定値"),
    ("notes", "メモ"),
    ("outcome", "判断結果"),
];

/// 事業実績 (its figures are one field: the list of indicators).
const PROGRAMME_RESULT: &[(&str, &str)] = &[
    ("group", "事業の区分"),
    ("name", "事業名"),
    ("description", "事業内容"),
    ("implementer", "実施主体"),
    ("note", "備考"),
    ("order", "並び順"),
    ("indicators", "指標と実績"),
];

/// 進捗状況評価 (its 取組 and 事業 are one field: the list of 取組).
const PROGRESS_PLAN: &[(&str, &str)] =
    &[("year", "年度"), ("title", "課題"), ("order", "並び順"), ("initiatives", "取組と事業")];

const SUPPORT_PLAN: &[(&str, &str)] = &[
    ("patient_id", "療養者"),
    ("made_on", "作成日"),
    ("reviewed_on", "見直し日"),
    ("devices", "使用医療機器"),
    ("internal_battery", "人工呼吸器の内蔵バッテリー"),
    ("internal_battery_hours", "内蔵バッテリーの持続時間"),
    ("external_battery_hours", "外部バッテリーの持続時間"),
    ("suction", "吸引器"),
    ("oxygen", "酸素"),
    ("power_need", "必要な電力"),
    ("backup", "備えている予備電源"),
    ("needs", "準備が必要な品目"),
    ("needs/generator", "準備が必要な品目 ①自家発電装置"),
    ("needs/suction", "準備が必要な品目 ②吸引器（充電式）"),
    ("needs/ups", "準備が必要な品目 ③無停電電源装置"),
    ("other_scheme", "対象となる他の公的制度"),
    ("resuscitation_bag", "蘇生バッグ"),
    ("evacuation", "避難"),
    ("evacuation/place", "避難先"),
    ("evacuation/how", "避難の方法"),
    ("evacuation/helpers", "避難を手伝う人"),
    ("contacts", "連絡先"),
    ("contacts/doctor", "連絡先 主治医"),
    ("contacts/stations", "連絡先 訪問看護ステーション等"),
    ("contacts/power_company", "連絡先 電力会社（優先登録）"),
    ("contacts/fire_service", "連絡先 消防署"),
    ("contacts/others", "連絡先 そのほか"),
    ("visits", "週間訪問計画"),
    ("visits/providers", "訪問する事業者"),
    ("visits/days", "曜日ごとの訪問"),
    ("visits/doctor_instruction", "医師による訪問看護指示"),
    ("visits/start", "事業の開始日"),
    ("notes", "メモ"),
];

const FACILITY: &[(&str, &str)] = &[
    ("name", "名称"),
    ("kind", "種類"),
    ("other_names", "別の名前"),
    ("address", "住所"),
    ("station_id", "様式3のステーション"),
    ("position", "地図上の位置"),
];

const MAP_SHEET: &[(&str, &str)] =
    &[("reference_points", "基準点"), ("patients", "療養者の位置"), ("far_km", "遠いとみなす距離")];

const BASE_MAP: &[(&str, &str)] = &[
    ("type", "下図の種類"),
    ("file_name", "ファイル名"),
    ("mime", "画像の形式"),
    ("width", "画像の幅"),
    ("height", "画像の高さ"),
    ("data", "画像"),
    ("areas", "市区町村の境界"),
];

/// 補助の上限表, named part by part: its 市町村 tables sit in a list, so a path holds an index
/// (`municipalities/0/table/generator/limit_yen` → 市町村ごとの表 1 ①自家発電装置 限度額).
/// `table` is the 市町村's table itself and adds no word.
const SUBSIDY_TABLE: &[(&str, &str)] = &[
    ("common", "管内共通の表"),
    ("municipalities", "市町村ごとの表"),
    ("municipality", "市町村"),
    ("table", ""),
    ("generator", "①自家発電装置"),
    ("suction", "②吸引器（充電式）"),
    ("ups", "③無停電電源装置"),
    ("limit_yen", "限度額"),
    ("useful_life_years", "耐用年数"),
    ("other_schemes", "他の公的制度"),
];

/// The name of a 補助の上限表 path: each part's name in turn, an index as its number from 1;
/// an unknown part ends it (the nearest named parent, as for every kind).
fn subsidy_table_label(path: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    for part in path.split('/').filter(|p| !p.is_empty()) {
        if let Ok(n) = part.parse::<usize>() {
            words.push(n.saturating_add(1).to_string());
            continue;
        }
        match SUBSIDY_TABLE.iter().find(|(k, _)| *k == part) {
            Some((_, "")) => {}
            Some((_, label)) => words.push((*label).to_string()),
            None => break,
        }
    }
    words.join(" ")
}

/// The Japanese name of a body field path (`"neurology/name"` → 神経内科専門医療機関 機関名).
/// Unknown sub-paths fall back to their nearest named parent; unnamed paths give `""`.
pub fn field_label(kind: RecordKind, path: &str) -> String {
    let table: &[(&str, &str)] = match kind {
        RecordKind::Patient => PATIENT,
        RecordKind::Station => STATION,
        RecordKind::Overview => OVERVIEW,
        RecordKind::Diagnosis => DIAGNOSIS,
        RecordKind::Programme => PROGRAMME,
        RecordKind::Assessment => ASSESSMENT,
        RecordKind::SupportPlan => SUPPORT_PLAN,
        RecordKind::Evaluation => EVALUATION,
        RecordKind::ProgrammeResult => PROGRAMME_RESULT,
        RecordKind::ProgressPlan => PROGRESS_PLAN,
        RecordKind::Facility => FACILITY,
        RecordKind::MapSheet => MAP_SHEET,
        RecordKind::BaseMap => BASE_MAP,
        RecordKind::SubsidyTable => return subsidy_table_label(path),
    };
    let mut p = path;
    loop {
        if let Some((_, label)) = table.iter().find(|(k, _)| *k == p) {
            return (*label).to_string();
        }
        match p.rsplit_once('/') {
            Some((parent, _)) => p = parent,
            None => return String::new(),
        }
    }
}

/// The Japanese name of a record-level field (`rev` → 版番号).
pub fn meta_label(key: &str) -> &'static str {
    META.iter().find(|(k, _)| *k == key).map_or("", |(_, l)| l)
}

/// A field path as shown in messages: `body.neurology.name`.
pub fn dotted(prefix: &str, path: &str) -> String {
    let path = path.replace('/', ".");
    match (prefix.is_empty(), path.is_empty()) {
        (true, _) => path,
        (false, true) => prefix.to_string(),
        (false, false) => format!("{prefix}.{path}"),
    }
}

/// A field's value in words for the conflict list: 不明 / なし / 有 / 無 / 未入力 / the text.
pub fn display_value(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => "未入力".to_string(),
        Some(Value::Bool(true)) => "有".to_string(),
        Some(Value::Bool(false)) => "無".to_string(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::String(s)) if s.is_empty() => "（空欄）".to_string(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(items)) if items.is_empty() => "（なし）".to_string(),
        Some(Value::Array(items)) => items.iter().map(|v| display_value(Some(v))).collect::<Vec<_>>().join("、"),
        Some(Value::Object(map)) => match (map.get("state").and_then(Value::as_str), map.get("type")) {
            (Some("unknown"), _) => "不明".to_string(),
            (Some("none"), _) => "なし".to_string(),
            (Some(_), _) => display_value(map.get("value")),
            (None, Some(Value::String(t))) => match map.get("value").or_else(|| map.get("name")) {
                Some(v) => format!("{t}: {}", display_value(Some(v))),
                None => t.clone(),
            },
            _ => map.iter().map(|(k, v)| format!("{k}: {}", display_value(Some(v)))).collect::<Vec<_>>().join("、"),
        },
    }
}

/// A field's value in words, using the field's type where it is known (codes as their
/// Japanese names, visit counts as decimals): for the conflict list and import preview.
pub fn display_field(kind: RecordKind, path: &str, value: Option<&Value>) -> String {
    use crate::domain::fiscal_year::FiscalYear;
    use crate::domain::number::Decimal2;
    use crate::domain::patient::{Adl, Age, CareLevel, DisasterPlan, Disease, Gap, OnsetType, VisitMode};
    use crate::domain::programmes::{implemented_label, CenterOperation, CouncilUnit, ProgrammeKind};
    use crate::domain::station::{FteEntry, Intake};
    use crate::domain::time::YearMonth;
    use crate::domain::tri::Tri;

    fn typed<T: serde::de::DeserializeOwned>(value: Option<&Value>) -> Option<T> {
        value.and_then(|v| serde_json::from_value(v.clone()).ok())
    }
    fn tri<T: serde::de::DeserializeOwned>(value: Option<&Value>, show: impl Fn(&T) -> String) -> Option<String> {
        typed::<Tri<T>>(value).map(|t| match t {
            Tri::Unknown => "不明".to_string(),
            Tri::None => "なし".to_string(),
            Tri::Value(v) => show(&v),
        })
    }
    let last = path.rsplit('/').next().unwrap_or(path);
    let shown: Option<String> = match (kind, path) {
        (_, _) if value.is_none_or(Value::is_null) => None,
        (RecordKind::Patient, "age") => typed::<Age>(value).map(|a| match a {
            Age::Years(y) => format!("{y}歳"),
            Age::Band(b) => b.label().to_string(),
        }),
        (RecordKind::Patient, "adl") => typed::<Adl>(value).map(|a| a.label().to_string()),
        (RecordKind::Patient, "onset") => typed::<YearMonth>(value).map(|y| y.to_string()),
        (RecordKind::Patient, "onset_type") => typed::<OnsetType>(value).map(|o| o.label().to_string()),
        (RecordKind::Patient, "disease") => typed::<Disease>(value).map(|d| d.full_name().to_string()),
        (RecordKind::Patient, "neurology/mode" | "family_doctor/mode") => {
            typed::<VisitMode>(value).map(|m| m.label().to_string())
        }
        (RecordKind::Patient, "care_insurance") => tri::<CareLevel>(value, |c| c.label().to_string()),
        (RecordKind::Patient, "disability_certificate") => tri::<u8>(value, |g| format!("{g}級")),
        (RecordKind::Patient, "disability_support_class") => tri::<u8>(value, |g| format!("区分{g}")),
        (RecordKind::Patient, "disaster_plan") => typed::<DisasterPlan>(value).map(|d| match d {
            Tri::Unknown => "不明".to_string(),
            Tri::None => "なし".to_string(),
            Tri::Value(Some(y)) => format!("{y}年"),
            Tri::Value(None) => "あり（年不明）".to_string(),
        }),
        (RecordKind::Patient, "gaps") => typed::<Vec<Gap>>(value).map(|gaps| {
            if gaps.is_empty() {
                "（なし）".to_string()
            } else {
                gaps.iter()
                    .map(|g| {
                        if g.note.is_empty() {
                            g.service.label().to_string()
                        } else {
                            format!("{}（{}）", g.service.label(), g.note)
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("、")
            }
        }),
        (RecordKind::Patient, _) if last == "per_month" || last == "weekly_visits" => {
            typed::<Decimal2>(value).map(|d| d.to_string())
        }
        (RecordKind::Station, "fte") => typed::<FteEntry>(value).map(|f| match f.value() {
            Some(v) => v.to_string(),
            None => "不明".to_string(),
        }),
        (RecordKind::Station, "als_intake" | "child_intake") => typed::<Intake>(value).map(|i| i.label().to_string()),
        (RecordKind::Overview, "area_km2") => typed::<Decimal2>(value).map(|d| format!("{d} km²")),
        (RecordKind::Programme, "programme") => typed::<ProgrammeKind>(value).map(|k| k.name().to_string()),
        (RecordKind::Programme, "implemented") => typed::<bool>(value).map(|b| implemented_label(Some(b)).to_string()),
        (RecordKind::Programme, "council/related_meeting") => {
            typed::<bool>(value).map(|b| if b { "あり" } else { "なし" }.to_string())
        }
        (RecordKind::Programme, "council/first_year") => typed::<FiscalYear>(value).map(|y| y.to_string()),
        (RecordKind::Programme, "council/unit") => typed::<CouncilUnit>(value).map(|u| u.label().to_string()),
        (RecordKind::Programme, "center/operation") => typed::<CenterOperation>(value).map(|o| o.label().to_string()),
        (RecordKind::Programme, "count_local" | "count_prefecture") => typed::<u64>(value).map(|n| format!("{n}件")),
        (RecordKind::Programme, "council/meetings_this_year") => typed::<u64>(value).map(|n| format!("{n}回")),
        (RecordKind::Programme, _) if path.starts_with("center/activities/") && last != "other_text" => {
            typed::<bool>(value).map(|b| if b { "✓（実施）" } else { "（なし）" }.to_string())
        }
        (RecordKind::SubsidyTable, _) if last == "limit_yen" => typed::<i64>(value).map(|n| format!("{n}円")),
        (RecordKind::SubsidyTable, _) if last == "useful_life_years" => typed::<i64>(value).map(|n| format!("{n}年")),
        _ => None,
    };
    shown.unwrap_or_else(|| display_value(value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn labels_fall_back_to_the_parent() {
        assert_eq!(field_label(RecordKind::Patient, "neurology/name"), "神経内科専門医療機関 機関名");
        assert_eq!(
            field_label(RecordKind::Patient, "symptoms/respiratory_source/assessor"),
            "呼吸障害の判断（判断樹）"
        );
        assert_eq!(field_label(RecordKind::Patient, "nothing"), "");
        assert_eq!(field_label(RecordKind::Station, "fte"), "看護師の常勤換算");
        assert_eq!(dotted("body", "neurology/name"), "body.neurology.name");
        assert_eq!(dotted("body", ""), "body");
        assert_eq!(meta_label("rev"), "版番号");
    }

    #[test]
    fn programme_labels_and_values() {
        let k = RecordKind::Programme;
        assert_eq!(field_label(k, "summary"), "事業の概要");
        assert_eq!(field_label(k, "council/agenda"), "難病対策地域協議会 議題及び実施状況等");
        assert_eq!(field_label(k, "center/contractor"), "難病相談支援センター 委託先");
        assert_eq!(field_label(k, "center/activities/peer_support"), "難病相談支援センター 実施事業 ピアサポート");
        assert_eq!(display_field(k, "implemented", Some(&json!(true))), "1 有");
        assert_eq!(display_field(k, "implemented", Some(&json!(false))), "0 無");
        assert_eq!(display_field(k, "implemented", Some(&Value::Null)), "未入力");
        assert_eq!(display_field(k, "count_local", Some(&json!(12))), "12件");
        assert_eq!(display_field(k, "council/meetings_this_year", Some(&json!(2))), "2回");
        assert_eq!(display_field(k, "council/unit", Some(&json!("health_center"))), "保健所単位");
        assert_eq!(display_field(k, "center/operation", Some(&json!("contracted"))), "委託");
        assert_eq!(display_field(k, "council/related_meeting", Some(&json!(false))), "なし");
        assert_eq!(display_field(k, "center/activities/lectures", Some(&json!(true))), "✓（実施）");
        assert_eq!(display_field(k, "center/activities/other_text", Some(&json!("患者会支援"))), "患者会支援");
        assert_eq!(
            display_field(k, "programme", Some(&json!({"type": "standard", "key": "support_center"}))),
            "難病相談支援センター事業"
        );
        assert_eq!(display_field(k, "programme", Some(&json!({"type": "own", "name": "難病カフェ"}))), "難病カフェ");
        assert!(display_field(k, "council/first_year", Some(&json!(2016))).contains("2016"));
    }

    #[test]
    fn subsidy_table_labels_name_each_part() {
        let k = RecordKind::SubsidyTable;
        assert_eq!(field_label(k, "common"), "管内共通の表");
        assert_eq!(field_label(k, "common/generator/limit_yen"), "管内共通の表 ①自家発電装置 限度額");
        assert_eq!(field_label(k, "common/other_schemes"), "管内共通の表 他の公的制度");
        assert_eq!(field_label(k, "municipalities"), "市町村ごとの表");
        assert_eq!(field_label(k, "municipalities/0"), "市町村ごとの表 1");
        assert_eq!(field_label(k, "municipalities/1/municipality"), "市町村ごとの表 2 市町村");
        assert_eq!(
            field_label(k, "municipalities/0/table/suction/useful_life_years"),
            "市町村ごとの表 1 ②吸引器（充電式） 耐用年数"
        );
        assert_eq!(field_label(k, "common/ups/note"), "管内共通の表 ③無停電電源装置");
        assert_eq!(display_field(k, "common/ups/limit_yen", Some(&json!(41000))), "41000円");
        assert_eq!(display_field(k, "common/ups/useful_life_years", Some(&json!(6))), "6年");
    }

    #[test]
    fn values_in_words() {
        assert_eq!(display_value(Some(&json!({"state": "unknown"}))), "不明");
        assert_eq!(display_value(Some(&json!({"state": "none"}))), "なし");
        assert_eq!(display_value(Some(&json!({"state": "value", "value": "県立Ａ病院"}))), "県立Ａ病院");
        assert_eq!(display_value(Some(&json!({"state": "value", "value": ["A", "B"]}))), "A、B");
        assert_eq!(display_value(Some(&json!(true))), "有");
        assert_eq!(display_value(None), "未入力");
        assert_eq!(display_value(Some(&json!(150))), "150");
        assert_eq!(display_value(Some(&json!({"type": "years", "value": 67}))), "years: 67");
    }

    #[test]
    fn typed_values_in_words() {
        let p = RecordKind::Patient;
        assert_eq!(display_field(p, "age", Some(&json!({"type": "years", "value": 67}))), "67歳");
        assert_eq!(display_field(p, "age", Some(&json!({"type": "band", "value": "over65"}))), "65歳以上");
        assert_eq!(display_field(p, "neurology/per_month", Some(&json!(50))), "0.5");
        assert_eq!(
            display_field(p, "care_insurance", Some(&json!({"state": "value", "value": "support1"}))),
            "要支援1"
        );
        assert_eq!(display_field(p, "care_insurance", Some(&json!({"state": "none"}))), "なし");
        assert_eq!(display_field(p, "onset", Some(&json!({"year": 2002, "month": null}))), "2002年");
        assert_eq!(display_field(p, "adl", Some(&json!("full_assist"))), "全面介助");
        assert_eq!(display_field(p, "adl", None), "未入力");
        assert_eq!(display_field(p, "name", Some(&json!("<script>"))), "<script>");
        assert_eq!(display_field(RecordKind::Station, "fte", Some(&json!({"type": "direct", "value": 250}))), "2.5");
    }
}
