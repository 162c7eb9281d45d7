//! Every data row of a found table, read into the form it belongs to (様式1 or 様式3) and
//! checked by that form's own parse: a finding names the row and the column it came from.

use super::cells;
use super::existing::Existing;
use super::fields::{TableKind, ADDITIONS, NUMBER};
use super::layout::{is_example_row, normalise_heading, Layout};
use super::{column_letters, Grid};
use crate::domain::forms::input::fold_width;
use crate::domain::forms::patient_form::{fields as p, PatientForm};
use crate::domain::forms::station_form::{fields as s, StationForm, FTE_DIRECT};
use crate::domain::issues::{Issues, Severity};
use crate::domain::number::Decimal2;
use crate::domain::patient::{Disease, Gap, OnsetType, Patient, Service};
use crate::domain::station::Station;
use crate::domain::time::Date;
use serde::{Deserialize, Serialize};

/// One finding in one row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// The column it is about (`None`: the row as a whole).
    pub column: Option<usize>,
    pub severity: Severity,
    /// 項目名 and what is wrong.
    pub message: String,
}

/// What a row holds once read.
#[derive(Clone, Debug, PartialEq)]
pub enum RowValue {
    Patient(Box<Patient>),
    Station(Box<Station>),
}

/// One data row.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadRow {
    /// Row index in the sheet (from 0; the nurse sees `row + 1`).
    pub row: usize,
    /// 記入例 (例1, 例2): skipped.
    pub example: bool,
    /// The record it makes; `None` when it has errors (or is an example).
    pub value: Option<RowValue>,
    pub findings: Vec<Finding>,
}

impl ReadRow {
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }
}

/// Reads every non-blank row under the headings. `existing` gives the saved record a row
/// matches (by ID番号 or by 名称 and 所在地), whose values stay where the file has no column.
pub fn read_rows(grid: &Grid, layout: &Layout, existing: &Existing, today: Date) -> Vec<ReadRow> {
    let mut out = Vec::new();
    for row in layout.data_start()..grid.rows.len() {
        let blank = layout.columns.iter().all(|c| grid.cell(row, c.index).trim().is_empty());
        if blank {
            continue;
        }
        if is_example_row(grid, row, layout) {
            out.push(ReadRow { row, example: true, value: None, findings: Vec::new() });
            continue;
        }
        out.push(match layout.kind {
            TableKind::Patients => read_patient(grid, layout, row, existing, today),
            TableKind::Stations => read_station(grid, layout, row, existing),
        });
    }
    mark_repeats(&mut out, grid, layout);
    out
}

/// The cells of a row by field key.
fn mapped<'a>(grid: &'a Grid, layout: &'a Layout, row: usize) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
    layout.columns.iter().filter_map(move |c| c.field.as_deref().map(|f| (f, grid.cell(row, c.index))))
}

/// The column a form finding belongs to (a finding on a part, such as the 年齢 mode, goes to
/// the part's column).
fn column_for(layout: &Layout, field: &str) -> Option<usize> {
    let field = match field {
        p::AGE_MODE => p::AGE,
        p::DISEASE_OTHER => p::DISEASE,
        p::ADDRESS_DETAIL => p::MUNICIPALITY,
        s::FTE_MODE | s::CONTRACTED_WEEK_HOURS | s::STAFF => s::FTE_DIRECT,
        f if f.starts_with("gaps.") => p::GAPS,
        f => f,
    };
    layout.column_of(field).or_else(|| match field {
        p::ID_NUMBER => layout.column_of(NUMBER),
        s::ADDITION_24H | s::ADDITION_SPECIAL => layout.column_of(ADDITIONS),
        _ => None,
    })
}

/// The form's own verdict on a row: its value (`None` when the form refuses it), each of its
/// findings put at the column it came from.
fn form_verdict<T>(parsed: Result<(T, Issues), Issues>, layout: &Layout, findings: &mut Vec<Finding>) -> Option<T> {
    let (value, issues) = match parsed {
        Ok((value, issues)) => (Some(value), issues),
        Err(issues) => (None, issues),
    };
    findings.extend(issues.0.into_iter().map(|i| Finding {
        column: column_for(layout, &i.field),
        severity: i.severity,
        message: i.to_string(),
    }));
    value
}

/// The key a patient row is matched by: its ID番号, or its 番号 when the file has no ID番号.
pub fn patient_key(grid: &Grid, layout: &Layout, row: usize) -> String {
    let id = layout.column_of(p::ID_NUMBER).or_else(|| layout.column_of(NUMBER));
    id.map(|c| grid.cell(row, c).trim().to_string()).unwrap_or_default()
}

fn read_patient(grid: &Grid, layout: &Layout, row: usize, existing: &Existing, today: Date) -> ReadRow {
    let key = patient_key(grid, layout, row);
    // A saved patient keeps its ID番号 as saved (the match folds widths).
    let mut form = existing
        .patient(&key)
        .map(PatientForm::from_patient)
        .unwrap_or_else(|| PatientForm { id_number: key, ..PatientForm::default() });
    let mut file_total: Option<(usize, String)> = None;
    let mut findings = Vec::new();
    for (field, cell) in mapped(grid, layout, row) {
        if field == p::WEEKLY_TOTAL {
            file_total = layout.column_of(field).map(|c| (c, cell.trim().to_string()));
            continue;
        }
        if let Err(message) = set_patient_field(&mut form, field, cell) {
            findings.push(Finding { column: layout.column_of(field), severity: Severity::Error, message });
        }
    }
    let value = form_verdict(form.parse(today), layout, &mut findings);
    if let Some((column, text)) = file_total.filter(|(_, t)| !t.is_empty()) {
        let computed = form.weekly_total_preview();
        if Decimal2::parse(&fold_width(&text)).ok() != computed {
            let ours = computed.map(|d| d.to_string()).unwrap_or_else(|| "空白".to_string());
            findings.push(Finding {
                column: Some(column),
                severity: Severity::Warning,
                message: format!("1週間の合計訪問看護利用回数: ファイルでは {text}、ステーションと医療機関の回数の合計は {ours} です（アプリは合計を計算して使います）"),
            });
        }
    }
    let value = value.filter(|_| !findings.iter().any(|f| f.severity == Severity::Error));
    ReadRow { row, example: false, value: value.map(|p| RowValue::Patient(Box::new(p))), findings }
}

/// Puts one cell into the patient form; `Err` for a value the form has no words for.
fn set_patient_field(form: &mut PatientForm, field: &str, cell: &str) -> Result<(), String> {
    let text = cell.trim().to_string();
    let tri = |t: &mut crate::domain::forms::patient_form::TriTextForm| {
        let (state, value) = cells::tri_text(cell);
        t.state = state.to_string();
        t.text = value;
    };
    match field {
        NUMBER | p::ID_NUMBER => {}
        p::MUNICIPALITY => form.municipality = text,
        p::NAME => form.name = text,
        p::FURIGANA => form.furigana = text,
        p::ONSET => form.onset = cells::onset(cell),
        p::FIRST_SYMPTOM => form.first_symptom = text,
        p::AGE => {
            let (mode, age) = cells::age(cell);
            form.age_mode = mode.to_string();
            form.age = age;
        }
        p::ADL => form.adl = cells::code(cell, &cells::ADL_WORDS),
        p::VENTILATOR => form.procedures.ventilator = cells::yes_no(cell),
        p::TRACHEOSTOMY => form.procedures.tracheostomy = cells::yes_no(cell),
        p::SUCTION => form.procedures.suction = cells::yes_no(cell),
        p::TUBE_FEEDING => form.procedures.tube_feeding = cells::yes_no(cell),
        p::OTHER_PROCEDURE => form.procedures.other = cells::yes_no(cell),
        p::OTHER_PROCEDURE_DETAIL => form.procedures.other_detail = text,
        p::DEVICES => form.devices = text,
        p::RESPIRATORY => form.symptoms.respiratory = cells::yes_no(cell),
        p::SWALLOWING => form.symptoms.swallowing = cells::yes_no(cell),
        p::SPEECH => form.symptoms.speech = cells::yes_no(cell),
        p::URINARY => form.symptoms.urinary = cells::yes_no(cell),
        p::AUTONOMIC => form.symptoms.autonomic = cells::yes_no(cell),
        p::NEUROLOGY_NAME => tri(&mut form.neurology.name),
        p::NEUROLOGY_MODE => form.neurology.mode = cells::code(cell, &cells::VISIT_WORDS),
        p::NEUROLOGY_PER_MONTH => form.neurology.per_month = text,
        p::FAMILY_DOCTOR_NAME => tri(&mut form.family_doctor.name),
        p::FAMILY_DOCTOR_MODE => form.family_doctor.mode = cells::code(cell, &cells::VISIT_WORDS),
        p::FAMILY_DOCTOR_PER_MONTH => form.family_doctor.per_month = text,
        p::EMERGENCY_ADMISSION => tri(&mut form.emergency_admission),
        p::RESPITE_ADMISSION => tri(&mut form.respite_admission),
        p::HOME_RESPITE => tri(&mut form.home_respite),
        p::EMERGENCY_NURSING => tri(&mut form.emergency_nursing),
        p::STATION_NAMES => tri(&mut form.station_nursing.names),
        p::STATION_COUNT => form.station_nursing.count = cells::code(cell, &[]),
        p::STATION_WEEKLY => form.station_nursing.weekly_visits = text,
        p::INSTITUTION_NAME => tri(&mut form.institution_nursing.name),
        p::INSTITUTION_WEEKLY => form.institution_nursing.weekly_visits = text,
        p::PROGRAMME_USED => form.ventilator_programme.used = cells::yes_no(cell),
        p::PROGRAMME_WEEKLY => form.ventilator_programme.weekly_visits = text,
        p::CARE_INSURANCE => form.care_insurance = cells::code(cell, &cells::CARE_WORDS),
        p::DISABILITY_CERTIFICATE => form.disability_certificate = cells::code(cell, &cells::GRADE_WORDS),
        p::DISABILITY_SUPPORT_CLASS => form.disability_support_class = cells::code(cell, &cells::GRADE_WORDS),
        p::HOME_CARE_SERVICE => form.home_care_service = cells::yes_no(cell),
        p::DISASTER_PLAN => {
            let (state, year) = cells::disaster_plan(cell);
            form.disaster_plan.state = state.to_string();
            form.disaster_plan.text = year;
        }
        p::LAST_CONTACT => form.last_contact = text,
        p::SUPPORT_CLASS => form.support_class = text,
        p::DISEASE => set_disease(form, &text),
        p::ONSET_TYPE => {
            form.onset_type = match OnsetType::ALL.iter().find(|t| t.label() == text) {
                Some(t) => crate::domain::forms::patient_form::onset_type_key(*t).to_string(),
                None if text.is_empty() => String::new(),
                None => {
                    return Err(format!(
                        "病型: 「{text}」は 球麻痺型・上肢型・下肢型・呼吸筋麻痺型 のどれでもありません"
                    ))
                }
            }
        }
        p::GAPS => form.gaps = parse_gaps(&text)?,
        _ => return Err(format!("「{field}」は様式1の項目ではありません")),
    }
    Ok(())
}

fn set_disease(form: &mut PatientForm, text: &str) {
    let folded = fold_width(text).to_lowercase();
    let known = [
        (Disease::Als, ["als", "筋萎縮性側索硬化症"]),
        (Disease::Scd, ["scd", "脊髄小脳変性症"]),
        (Disease::Msa, ["msa", "多系統萎縮症"]),
        (Disease::Pd, ["pd", "パーキンソン病"]),
    ];
    let found = known.iter().find(|(_, names)| names.iter().any(|n| folded.starts_with(n)));
    match found {
        Some((d, _)) => form.disease = crate::domain::forms::patient_form::disease_key(d).to_string(),
        None if text.is_empty() => {}
        None => {
            form.disease = "other".to_string();
            form.disease_other = text.to_string();
        }
    }
}

/// ギャップ as this app's CSV writes them: `訪問看護ステーション（note）、緊急時の入院機関`.
fn parse_gaps(text: &str) -> Result<Vec<Gap>, String> {
    let mut gaps = Vec::new();
    let mut rest = text.trim();
    while !rest.is_empty() {
        let service = Service::ALL
            .iter()
            .filter(|s| rest.starts_with(s.label()))
            .max_by_key(|s| s.label().len())
            .ok_or_else(|| format!("ギャップ: 「{rest}」はサービスの名前ではありません"))?;
        rest = &rest[service.label().len()..];
        let mut note = String::new();
        if let Some(inner) = rest.strip_prefix('（') {
            let mut depth = 1;
            let mut end = None;
            for (i, c) in inner.char_indices() {
                match c {
                    '（' => depth += 1,
                    '）' => {
                        depth -= 1;
                        if depth == 0 {
                            end = Some(i);
                            break;
                        }
                    }
                    _ => {}
                }
            }
            let end = end.ok_or_else(|| "ギャップ: 「（」が閉じていません".to_string())?;
            note = inner[..end].to_string();
            rest = &inner[end + '）'.len_utf8()..];
        }
        gaps.push(Gap { service: *service, note });
        rest = rest.trim_start_matches('、').trim_start();
    }
    Ok(gaps)
}

fn read_station(grid: &Grid, layout: &Layout, row: usize, existing: &Existing) -> ReadRow {
    let name = layout.column_of(s::NAME).map(|c| grid.cell(row, c).trim()).unwrap_or("");
    let address = layout.column_of(s::ADDRESS).map(|c| grid.cell(row, c).trim()).unwrap_or("");
    let mut form = existing.station(name, address).map(StationForm::from_station).unwrap_or_default();
    let mut findings = Vec::new();
    for (field, cell) in mapped(grid, layout, row) {
        let text = cell.trim().to_string();
        let yes_no = cells::yes_no(cell);
        match field {
            NUMBER => {}
            s::NAME => form.name = text,
            s::ADDRESS => form.address = text,
            s::FTE_DIRECT if !text.is_empty() => {
                form.fte_mode = FTE_DIRECT.to_string();
                form.fte_direct = text;
            }
            s::FTE_DIRECT => {}
            s::MONTHLY_USERS => form.monthly_users = text,
            s::MEDICAL_INSURANCE_USERS => form.medical_insurance_users = text,
            s::ROOM_FOR_MORE_VISITS => form.room_for_more_visits = yes_no,
            s::ADDITION_24H => form.addition_24h = yes_no,
            s::ADDITION_SPECIAL => form.addition_special = yes_no,
            ADDITIONS => match cells::additions(cell) {
                Some((h24, special)) => {
                    form.addition_24h = h24;
                    form.addition_special = special;
                }
                None => findings.push(Finding {
                    column: layout.column_of(ADDITIONS),
                    severity: Severity::Error,
                    message: format!("医療保険加算届出: 「{text}」は 1（24時間対応体制加算）、2（特別管理加算）、1,2（両方）、0（なし）のどれでもありません"),
                }),
            },
            s::ALS_EXPERIENCE => form.als_experience = yes_no,
            s::VENTILATOR_EXPERIENCE => form.ventilator_experience = yes_no,
            s::ALS_INTAKE => form.als_intake = cells::code(cell, &cells::INTAKE_WORDS),
            s::CHILD_INTAKE => form.child_intake = cells::code(cell, &cells::INTAKE_WORDS),
            other => findings.push(Finding {
                column: layout.column_of(other),
                severity: Severity::Error,
                message: format!("「{other}」は様式3の項目ではありません"),
            }),
        }
    }
    let value = form_verdict(form.parse(), layout, &mut findings);
    let value = value.filter(|_| !findings.iter().any(|f| f.severity == Severity::Error));
    ReadRow { row, example: false, value: value.map(|s| RowValue::Station(Box::new(s))), findings }
}

/// The same ID番号 (or 名称 and 所在地) twice in the file: every later row is an error that
/// names the first.
fn mark_repeats(rows: &mut [ReadRow], grid: &Grid, layout: &Layout) {
    let mut seen: Vec<(String, usize)> = Vec::new();
    for r in rows.iter_mut().filter(|r| !r.example) {
        let (key, column, what) = match layout.kind {
            TableKind::Patients => {
                let column = layout.column_of(p::ID_NUMBER).or_else(|| layout.column_of(NUMBER));
                (fold_width(&patient_key(grid, layout, r.row)), column, "ID番号")
            }
            TableKind::Stations => {
                let cell = |f| layout.column_of(f).map(|c| normalise_heading(grid.cell(r.row, c))).unwrap_or_default();
                (format!("{}|{}", cell(s::NAME), cell(s::ADDRESS)), layout.column_of(s::NAME), "名称と所在地")
            }
        };
        if key.is_empty() || key == "|" {
            continue;
        }
        match seen.iter().find(|(k, _)| *k == key) {
            Some((_, first)) => {
                r.findings.push(Finding {
                    column,
                    severity: Severity::Error,
                    message: format!(
                        "{what}が {} 行目と同じです（1つのファイルに同じ{what}は1行だけにしてください）",
                        first + 1
                    ),
                });
                r.value = None;
            }
            None => seen.push((key, r.row)),
        }
    }
}

/// Where a finding is, for messages: 「シート 様式1 の 12 行目、列 D（氏名）」.
pub fn place(sheet: &str, row: usize, column: Option<usize>, heading: Option<&str>) -> String {
    match (column, heading) {
        (Some(c), Some(h)) if !h.is_empty() => {
            format!("シート「{sheet}」の {} 行目、列 {}（{h}）", row + 1, column_letters(c))
        }
        (Some(c), _) => format!("シート「{sheet}」の {} 行目、列 {}", row + 1, column_letters(c)),
        (None, _) => format!("シート「{sheet}」の {} 行目", row + 1),
    }
}

#[cfg(test)]
#[path = "rows_tests.rs"]
mod tests;
