//! CSV for Excel: 様式1 療養者 and 様式3 訪問看護ステーション, and a generic table writer for
//! the 集計.
//!
//! Files are UTF-8 with a byte order mark (so Excel opens Japanese text correctly), CRLF
//! line ends and RFC 4180 quoting (cells with `"`, `,` or a line break are quoted, `"`
//! doubled; line breaks inside a cell are LF). A cell starting with `=`, `+`, `-`, `@`, tab
//! or CR gets a leading `'` so Excel shows it as text and never runs it as a formula
//! (CSV injection), except a plain number such as `-1.5`.
//!
//! Columns follow the paper form (seed 004) with its coding: なし → `0`, 不明 → empty,
//! 有/無 → `1`/`0`, codes as on the form (ADL 1–3, 受診形態 1 外来・2 往診・0 なし, 介護保険
//! 要支援1 = 11, 要支援2 = 12, 要介護1–5 = 1–5). 災害時個別支援計画 follows the form: the year,
//! `1` when a plan exists but its year is unknown, and empty when there is no plan
//! (「計画のない場合は未入力」), so なし and 不明 are both empty in this column only.

use super::number::Decimal2;
use super::patient::{Age, Patient};
use super::station::Station;
use super::tri::Tri;

/// The UTF-8 byte order mark that starts every CSV file.
pub const BOM: char = '\u{FEFF}';

fn is_plain_number(cell: &str) -> bool {
    let digits = cell.strip_prefix('-').unwrap_or(cell);
    let (int, frac) = digits.split_once('.').unwrap_or((digits, "0"));
    !int.is_empty()
        && !frac.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
}

/// One cell, protected against formula injection and quoted when needed.
pub fn csv_cell(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let risky = text.starts_with(['=', '+', '-', '@', '\t']) && !is_plain_number(&text);
    let text = if risky { format!("'{text}") } else { text };
    if text.contains(['"', ',', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// A whole CSV file: BOM, the header row, then the rows, each ending in CRLF.
pub fn csv_table<S: AsRef<str>>(headers: &[&str], rows: &[Vec<S>]) -> String {
    let mut out = String::new();
    out.push(BOM);
    let mut line = |cells: &mut dyn Iterator<Item = &str>| {
        let joined: Vec<String> = cells.map(csv_cell).collect();
        out.push_str(&joined.join(","));
        out.push_str("\r\n");
    };
    line(&mut headers.iter().copied());
    for row in rows {
        line(&mut row.iter().map(AsRef::as_ref));
    }
    out
}

/// The 様式1 療養者 columns, in the form's order, then this app's extra columns.
pub const PATIENT_HEADERS: [&str; 49] = [
    "番号",
    "住所",
    "氏名",
    "発症時期",
    "初発症状",
    "年齢",
    "ADL",
    "医療処置管理 人工呼吸器",
    "医療処置管理 気管切開",
    "医療処置管理 吸引",
    "医療処置管理 経管栄養",
    "医療処置管理 その他",
    "使用医療機器",
    "特定症状 呼吸障害",
    "特定症状 嚥下障害",
    "特定症状 構音障害",
    "特定症状 排尿障害",
    "特定症状 自律神経障害",
    "神経内科専門医療機関 機関名",
    "神経内科専門医療機関 受診形態",
    "神経内科専門医療機関 頻度（回/月）",
    "かかりつけ主治医 機関名",
    "かかりつけ主治医 受診形態",
    "かかりつけ主治医 頻度（回/月）",
    "緊急時の入院機関",
    "レスパイトの入院・入所機関",
    "在宅でのレスパイト",
    "緊急時の訪問看護",
    "訪問看護ステーション 機関名",
    "訪問看護ステーション 利用機関数",
    "訪問看護ステーション 1週間の合計訪問回数（回）",
    "医療機関からの訪問看護 機関名",
    "医療機関からの訪問看護 1週間の合計訪問回数（回）",
    "在宅人工呼吸器使用患者支援事業 利用",
    "在宅人工呼吸器使用患者支援事業 事業による訪問回数（回）",
    "1週間の合計訪問看護利用回数",
    "介護保険（介護度）",
    "身体障害者手帳（級）",
    "障害支援区分",
    "障害者総合支援法による居宅介護",
    "災害時個別支援計画",
    "最終把握時期",
    "支援管理区分",
    // Not on the paper form:
    "ID番号",
    "疾患",
    "病型",
    "医療処置管理 その他の内容",
    "ギャップ",
    "ふりがな",
];

/// What the 様式1 CSV shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PatientCsvOptions {
    /// 氏名の欄に ID番号 を出す (privacy display).
    pub hide_names: bool,
    /// 住所 below the 市町村 too (the form asks for the 市町村 only).
    pub include_address_detail: bool,
}

fn yes_no(v: Option<bool>) -> String {
    match v {
        Some(true) => "1".to_string(),
        Some(false) => "0".to_string(),
        None => String::new(),
    }
}

fn decimal(v: Option<Decimal2>) -> String {
    v.map(|d| d.to_string()).unwrap_or_default()
}

fn code<T>(v: Option<T>, f: impl FnOnce(T) -> u8) -> String {
    v.map(|c| f(c).to_string()).unwrap_or_default()
}

/// One 様式1 row (`number` is the 番号, from 1).
pub fn patient_row(number: usize, p: &Patient, options: PatientCsvOptions) -> Vec<String> {
    let address = if options.include_address_detail {
        format!("{}{}", p.municipality, p.address_detail)
    } else {
        p.municipality.clone()
    };
    let age = match p.age {
        Some(Age::Years(y)) => y.to_string(),
        Some(Age::Band(b)) => b.code().to_string(),
        None => String::new(),
    };
    let text = |t: &Tri<String>| t.as_cell(Clone::clone);
    let disaster_plan = match p.disaster_plan {
        Tri::Value(Some(year)) => year.to_string(),
        Tri::Value(None) => "1".to_string(),
        Tri::None | Tri::Unknown => String::new(),
    };
    let gaps: Vec<String> = p
        .gaps
        .iter()
        .map(|g| {
            if g.note.is_empty() {
                g.service.label().to_string()
            } else {
                format!("{}（{}）", g.service.label(), g.note)
            }
        })
        .collect();
    vec![
        number.to_string(),
        address,
        p.display_name(options.hide_names).to_string(),
        p.onset.map(|o| o.to_string()).unwrap_or_default(),
        p.first_symptom.clone(),
        age,
        code(p.adl, |a| a.code()),
        yes_no(p.procedures.ventilator),
        yes_no(p.procedures.tracheostomy),
        yes_no(p.procedures.suction),
        yes_no(p.procedures.tube_feeding),
        yes_no(p.procedures.other),
        p.devices.clone(),
        yes_no(p.symptoms.respiratory),
        yes_no(p.symptoms.swallowing),
        yes_no(p.symptoms.speech),
        yes_no(p.symptoms.urinary),
        yes_no(p.symptoms.autonomic),
        text(&p.neurology.name),
        code(p.neurology.mode, |m| m.code()),
        decimal(p.neurology.per_month),
        text(&p.family_doctor.name),
        code(p.family_doctor.mode, |m| m.code()),
        decimal(p.family_doctor.per_month),
        text(&p.emergency_admission),
        text(&p.respite_admission),
        text(&p.home_respite),
        text(&p.emergency_nursing),
        p.station_nursing.names.as_cell(|names| names.join("\n")),
        p.station_nursing.count.map(|c| c.to_string()).unwrap_or_default(),
        decimal(p.station_nursing.weekly_visits),
        text(&p.institution_nursing.name),
        decimal(p.institution_nursing.weekly_visits),
        yes_no(p.ventilator_programme.used),
        decimal(p.ventilator_programme.weekly_visits),
        decimal(p.weekly_total()),
        p.care_insurance.as_cell(|c| c.code().to_string()),
        p.disability_certificate.as_cell(u8::to_string),
        p.disability_support_class.as_cell(u8::to_string),
        yes_no(p.home_care_service),
        disaster_plan,
        p.last_contact.clone(),
        p.support_class.clone(),
        p.id_number.clone(),
        p.disease.label().to_string(),
        p.onset_type.map(|o| o.label().to_string()).unwrap_or_default(),
        p.procedures.other_detail.clone(),
        gaps.join("、"),
        if options.hide_names { String::new() } else { p.furigana.clone() },
    ]
}

/// 様式1 療養者 as CSV, numbered 1, 2, … in the given order.
pub fn patients_csv(patients: &[Patient], options: PatientCsvOptions) -> String {
    let rows: Vec<Vec<String>> = patients.iter().enumerate().map(|(i, p)| patient_row(i + 1, p, options)).collect();
    csv_table(&PATIENT_HEADERS, &rows)
}

/// The 様式3 columns (1)–(11), 加算 as two columns.
pub const STATION_HEADERS: [&str; 13] = [
    "番号",
    "名称",
    "所在地",
    "看護師の常勤換算",
    "平均的な1ヶ月の実利用者数",
    "（4）のうち医療保険利用者数",
    "訪問数を増加する余裕",
    "医療保険加算届出 24時間対応体制加算",
    "医療保険加算届出 特別管理加算",
    "ALS患者の訪問看護実績",
    "人工呼吸器使用患者（NPPV、TPPV）の訪問看護実績",
    "ALS患者の今後の受け入れ",
    "重心児（重症心身障害児）の今後の受け入れ",
];

/// One 様式3 row.
pub fn station_row(number: usize, s: &Station) -> Vec<String> {
    vec![
        number.to_string(),
        s.name.clone(),
        s.address.clone(),
        decimal(s.fte.value()),
        s.monthly_users.map(|n| n.to_string()).unwrap_or_default(),
        s.medical_insurance_users.map(|n| n.to_string()).unwrap_or_default(),
        yes_no(s.room_for_more_visits),
        yes_no(s.addition_24h),
        yes_no(s.addition_special),
        yes_no(s.als_experience),
        yes_no(s.ventilator_experience),
        code(s.als_intake, |i| i.code()),
        code(s.child_intake, |i| i.code()),
    ]
}

/// 様式3 訪問看護ステーション as CSV.
pub fn stations_csv(stations: &[Station]) -> String {
    let rows: Vec<Vec<String>> = stations.iter().enumerate().map(|(i, s)| station_row(i + 1, s)).collect();
    csv_table(&STATION_HEADERS, &rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::patient::{CareLevel, VisitMode};
    use crate::domain::station::{FteEntry, Intake};

    #[test]
    fn cells_are_quoted_and_protected() {
        assert_eq!(csv_cell("県立Ａ病院"), "県立Ａ病院");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("Ａｽﾃｰｼｮﾝ\r\nＢｽﾃｰｼｮﾝ"), "\"Ａｽﾃｰｼｮﾝ\nＢｽﾃｰｼｮﾝ\"");
        assert_eq!(csv_cell("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
        assert_eq!(csv_cell("+81 3"), "'+81 3");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("-"), "'-");
        assert_eq!(csv_cell("-1.5"), "-1.5");
        assert_eq!(csv_cell("-2"), "-2");
        assert_eq!(csv_cell("\tx"), "'\tx");
        assert_eq!(csv_cell("0.25"), "0.25");
        assert_eq!(csv_cell(""), "");
    }

    #[test]
    fn tables_have_bom_and_crlf() {
        let t = csv_table(&["a", "b"], &[vec!["1", "x,y"], vec!["", "z"]]);
        assert_eq!(t, "\u{FEFF}a,b\r\n1,\"x,y\"\r\n,z\r\n");
    }

    /// The seed's 例2 (the one copy in `forms::seed_examples`), varied where this test needs
    /// a 不明 特定症状, a blank 障害支援区分, a plan with its year and an empty ID番号.
    fn seed_example_2() -> Patient {
        use crate::domain::forms::seed_examples::{seed_example_2, seed_patient};
        let mut p = seed_patient(seed_example_2());
        p.id_number = String::new();
        p.symptoms = crate::domain::patient::KeySymptoms::default();
        p.disability_support_class = Tri::Unknown;
        p.disaster_plan = Tri::Value(Some(2024));
        p
    }

    #[test]
    fn patient_row_follows_the_form() {
        let row = patient_row(2, &seed_example_2(), PatientCsvOptions::default());
        assert_eq!(row.len(), PATIENT_HEADERS.len());
        let cell = |h: &str| {
            let i = PATIENT_HEADERS.iter().position(|x| *x == h).unwrap_or_else(|| panic!("no column {h}"));
            row[i].clone()
        };
        assert_eq!(cell("番号"), "2");
        assert_eq!(cell("住所"), "A市");
        assert_eq!(cell("発症時期"), "2005年");
        assert_eq!(cell("年齢"), "4");
        assert_eq!(cell("ADL"), "3");
        assert_eq!(cell("医療処置管理 人工呼吸器"), "1");
        assert_eq!(cell("特定症状 呼吸障害"), "", "不明 is blank");
        assert_eq!(cell("神経内科専門医療機関 受診形態"), "1");
        assert_eq!(cell("神経内科専門医療機関 頻度（回/月）"), "0.5");
        assert_eq!(cell("かかりつけ主治医 受診形態"), "2");
        assert_eq!(cell("レスパイトの入院・入所機関"), "0", "なし is 0");
        assert_eq!(cell("訪問看護ステーション 機関名"), "Ａｽﾃｰｼｮﾝ\nＢｽﾃｰｼｮﾝ");
        assert_eq!(cell("訪問看護ステーション 利用機関数"), "2");
        assert_eq!(cell("1週間の合計訪問看護利用回数"), "5");
        assert_eq!(cell("介護保険（介護度）"), "5");
        assert_eq!(cell("身体障害者手帳（級）"), "1");
        assert_eq!(cell("障害支援区分"), "");
        assert_eq!(cell("災害時個別支援計画"), "2024");
        assert_eq!(cell("疾患"), "ALS");
        let with_detail =
            patient_row(1, &seed_example_2(), PatientCsvOptions { include_address_detail: true, hide_names: true });
        assert_eq!(with_detail[1], "A市B町C丁目");
        assert_eq!(with_detail[2], "", "hidden name shows the (empty) ID番号");
        // ふりがな: the last column (not on the paper form), blank when names are hidden.
        let mut p = seed_example_2();
        p.furigana = "さんかく".into();
        assert_eq!(PATIENT_HEADERS.last(), Some(&"ふりがな"));
        let shown = patient_row(1, &p, PatientCsvOptions::default());
        assert_eq!(shown.last().map(String::as_str), Some("さんかく"));
        let hidden = patient_row(1, &p, PatientCsvOptions { hide_names: true, include_address_detail: false });
        assert_eq!(hidden.last().map(String::as_str), Some(""));
    }

    #[test]
    fn codes_match_the_form() {
        let mut p = Patient {
            care_insurance: Tri::Value(CareLevel::Support1),
            disaster_plan: Tri::None,
            age: Some(Age::Years(67)),
            ..Patient::default()
        };
        p.neurology.mode = Some(VisitMode::NoVisits);
        let row = patient_row(1, &p, PatientCsvOptions::default());
        assert_eq!(row[36], "11");
        assert_eq!(row[40], "", "no plan is blank on the form");
        assert_eq!(row[19], "0");
        assert_eq!(row[5], "67");
        p.care_insurance = Tri::None;
        p.disaster_plan = Tri::Value(None);
        let row = patient_row(1, &p, PatientCsvOptions::default());
        assert_eq!(row[36], "0");
        assert_eq!(row[40], "1");
    }

    #[test]
    fn whole_patient_file() {
        let mut p = seed_example_2();
        p.name = "=cmd|' /C calc'!A0".into();
        let csv = patients_csv(&[p], PatientCsvOptions::default());
        assert!(csv.starts_with("\u{FEFF}番号,住所,氏名,発症時期,初発症状,年齢,ADL,医療処置管理 人工呼吸器,"));
        assert!(csv.contains("\r\n1,A市,'=cmd|' /C calc'!A0,2005年,"));
        assert!(csv.ends_with("\r\n"));
        assert_eq!(csv.matches("\r\n").count(), 2);
    }

    #[test]
    fn station_rows() {
        let s = Station {
            name: "Ａｽﾃｰｼｮﾝ".into(),
            address: "A市1-2".into(),
            fte: FteEntry::Direct { value: Decimal2(280) },
            monthly_users: Some(40),
            medical_insurance_users: Some(12),
            room_for_more_visits: Some(false),
            addition_24h: Some(true),
            addition_special: None,
            als_experience: Some(true),
            ventilator_experience: Some(false),
            als_intake: Some(Intake::Consider),
            child_intake: Some(Intake::Impossible),
        };
        assert_eq!(
            station_row(1, &s),
            vec!["1", "Ａｽﾃｰｼｮﾝ", "A市1-2", "2.8", "40", "12", "0", "1", "", "1", "0", "1", "0"]
        );
        let csv = stations_csv(&[s]);
        assert!(csv.starts_with("\u{FEFF}番号,名称,所在地,看護師の常勤換算,"));
    }
}
