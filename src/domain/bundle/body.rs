//! 記録の内容の検査: every record body is read into its typed struct by kind, and its
//! ranges and codes are checked. Each problem names the field path and says what is wrong.
//!
//! Unknown fields are **refused** (see src/domain/bundle/FORMAT.md): a bundle is the nurses' only
//! backup, and silently dropping a field written by a newer app would lose data.

use super::scan::{clip, LONG_DATA_KEY, MAX_STRING_CHARS};
use crate::domain::diagnosis::{parse_jurisdiction, CommunityDiagnosis, DiagnosisInput};
use crate::domain::evaluation::{Evaluation, EvaluationForm};
use crate::domain::fiscal_year::{FiscalYear, LAST_FISCAL_YEAR};
use crate::domain::forms::overview_form::{self, OverviewForm};
use crate::domain::forms::patient_form::{self, PatientForm};
use crate::domain::forms::station_form::{self, StationForm};
use crate::domain::ids::RecordId;
use crate::domain::issues::Issues;
use crate::domain::map::records::{BaseMap, Facility, MapSheet};
use crate::domain::number::MAX_COUNT;
use crate::domain::overview::Overview;
use crate::domain::patient::{Age, JudgementSource, Patient};
use crate::domain::programmes::form::ProgrammeForm;
use crate::domain::programmes::form::MAX_MEETINGS_PER_YEAR;
use crate::domain::programmes::{Center, Council, Programme, StandardProgramme};
use crate::domain::progress::ProgressIssue;
use crate::domain::record::{leaf_paths, value_at, RecordBody, RecordKind};
use crate::domain::results::ProgrammeResult;
use crate::domain::station::Station;
use crate::domain::time::Date;
use crate::domain::time::Timestamp;
use crate::domain::trees::assessment::{Assessment, AssessmentStatus};
use crate::domain::trees::data::Tree;
use crate::domain::trees::measure::{MeasureKind, Measurement};
use crate::domain::tri::Tri;
use crate::domain::ventilator::plan::SupportPlan;
use crate::domain::ventilator::tables::SubsidyTables;
use serde_json::{Map, Value};
use std::collections::BTreeSet;

/// Largest integer accepted anywhere in a body: 2^53 − 1, the largest a browser's JSON
/// reader keeps exactly.
pub const MAX_SAFE_INTEGER: u64 = 9_007_199_254_740_991;
/// Most elements in an array inside a body.
pub const MAX_BODY_ARRAY: usize = 10_000;
/// Latest timestamp accepted (2200-01-01T00:00:00Z, in ms). Earliest is 0 (1970).
pub const MAX_TIMESTAMP_MS: i64 = 7_258_118_400_000;

/// One problem in a record body: the field path (`neurology/name`, `""` for the whole body)
/// and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldProblem {
    pub path: String,
    pub message: String,
}

impl FieldProblem {
    fn new(path: &str, message: impl Into<String>) -> FieldProblem {
        FieldProblem { path: path.to_string(), message: message.into() }
    }
}

/// Checks a body of `kind` and returns it in canonical form (as the app itself would
/// write it). For 地域診断, 概況, 療養者 and ステーション the body is read into its type and
/// its ranges and codes are checked; for the kinds whose types are not wired yet it must be
/// a JSON object of plain values.
pub fn check_body(kind: RecordKind, body: &Value) -> Result<Value, Vec<FieldProblem>> {
    let mut problems = Vec::new();
    // A 下図 image's `data` (base64) is the one string allowed to be long: the reader bounds
    // it (`scan::MAX_DATA_CHARS`) and `BaseMap::problems` checks its size and bytes.
    let long = (kind == RecordKind::BaseMap).then_some(LONG_DATA_KEY);
    check_plain_values("", body, 0, long, &mut problems);
    if !problems.is_empty() {
        return Err(problems);
    }
    match kind {
        RecordKind::Diagnosis => check_typed::<CommunityDiagnosis>(kind, body, diagnosis_template, diagnosis_rules),
        RecordKind::Overview => check_typed::<Overview>(kind, body, template::<Overview>, overview_rules),
        RecordKind::Patient => check_typed::<Patient>(kind, body, template::<Patient>, patient_rules),
        RecordKind::Station => check_typed::<Station>(kind, body, template::<Station>, station_rules),
        RecordKind::Programme => check_typed::<Programme>(kind, body, programme_template, programme_rules),
        RecordKind::Assessment => check_typed::<Assessment>(kind, body, assessment_template, assessment_rules),
        RecordKind::Evaluation => check_typed::<Evaluation>(kind, body, template::<Evaluation>, evaluation_rules),
        RecordKind::ProgrammeResult => {
            check_typed::<ProgrammeResult>(kind, body, programme_result_template, programme_result_rules)
        }
        RecordKind::ProgressPlan => check_typed::<ProgressIssue>(kind, body, progress_template, progress_rules),
        RecordKind::SupportPlan => check_typed::<SupportPlan>(kind, body, support_plan_template, support_plan_rules),
        RecordKind::Facility => {
            check_typed::<Facility>(kind, body, facility_template, |f: &Facility| rules(f.problems()))
        }
        RecordKind::MapSheet => {
            check_typed::<MapSheet>(kind, body, map_sheet_template, |m: &MapSheet| rules(m.problems()))
        }
        RecordKind::BaseMap => check_typed::<BaseMap>(kind, body, base_map_template, |b: &BaseMap| rules(b.problems())),
        RecordKind::SubsidyTable => {
            check_typed::<SubsidyTables>(kind, body, subsidy_table_template, |t: &SubsidyTables| rules(t.problems()))
        }
    }
}

/// The JSON of `T::default()`: a valid body to locate problems against.
fn template<T: RecordBody + Default>() -> Value {
    serde_json::to_value(T::default()).unwrap_or(Value::Null)
}

/// A valid 地域診断 body.
fn diagnosis_template() -> Value {
    serde_json::json!({"jurisdiction": "-", "fiscal_year": 2025})
}

/// A valid 事業 body with every optional section present (so every field of a file can be
/// located): the 協議会 row with an empty 相談支援センター section added.
fn programme_template() -> Value {
    let p = Programme {
        center: Some(Center::default()),
        council: Some(Council::default()),
        ..Programme::standard(StandardProgramme::RegionalCouncil)
    };
    serde_json::to_value(p).unwrap_or(Value::Null)
}

/// A full アセスメント (both trees, one measurement) to locate problems against.
fn assessment_template() -> Value {
    let mut a = Assessment::new(RecordId::sanitized("patient"), Tree::Respiratory, "", Timestamp(0));
    a.measurements.push(Measurement::new(MeasureKind::Spo2));
    a.finished_at = Some(Timestamp(0));
    serde_json::to_value(a).unwrap_or(Value::Null)
}

/// A finished アセスメント must name its 判断者 and hold readable measurements (a draft may
/// hold anything the nurse typed).
fn assessment_rules(a: &Assessment) -> Vec<FieldProblem> {
    let mut out = Vec::new();
    check_timestamp("started_at", a.started_at, &mut out);
    if let Some(t) = a.finished_at {
        check_timestamp("finished_at", t, &mut out);
    }
    if a.status == AssessmentStatus::Finished {
        if a.assessor.trim().is_empty() {
            out.push(FieldProblem::new("assessor", "完了したアセスメントに判断者がありません"));
        }
        if a.finished_at.is_none() {
            out.push(FieldProblem::new("finished_at", "完了したアセスメントに完了日時がありません"));
        }
        for (i, m) in a.measurements.iter().enumerate() {
            if let Err(msg) = m.reading() {
                out.push(FieldProblem::new(&format!("measurements/{i}/text"), msg));
            }
        }
    }
    out
}

/// Problems as (path, message) made [`FieldProblem`]s.
fn rules(problems: Vec<(String, String)>) -> Vec<FieldProblem> {
    problems.into_iter().map(|(path, message)| FieldProblem::new(&path, message)).collect()
}

/// A 施設 with every optional part present.
fn facility_template() -> Value {
    use crate::domain::map::records::Position;
    let f = Facility {
        name: "-".into(),
        kind: crate::domain::map::facilities::FacilityKind::Station,
        other_names: vec!["-".into()],
        address: String::new(),
        station_id: Some(RecordId::sanitized("station")),
        position: Some(Position::Ground { lat: 35.0, lon: 135.0 }),
    };
    serde_json::to_value(f).unwrap_or(Value::Null)
}

/// A 管内マップ with a reference point and a patient placed.
fn map_sheet_template() -> Value {
    use crate::domain::map::calibration::ReferencePoint;
    use crate::domain::map::geo::LatLon;
    use crate::domain::map::records::Position;
    let mut m = MapSheet::default();
    m.reference_points.push(ReferencePoint { x: 0.0, y: 0.0, position: LatLon { lat: 35.0, lon: 135.0 } });
    m.set_patient(&RecordId::sanitized("patient"), Some(Position::Sheet { x: 1.0, y: 1.0 }));
    serde_json::to_value(m).unwrap_or(Value::Null)
}

/// A 下図 of outlines with one ring.
fn base_map_template() -> Value {
    use crate::domain::map::records::AreaOutline;
    let b = BaseMap::Outlines {
        file_name: "-".into(),
        areas: vec![AreaOutline { name: "-".into(), rings: vec![vec![[35.0, 135.0]]] }],
    };
    serde_json::to_value(b).unwrap_or(Value::Null)
}

/// A 補助の上限表 with one 市町村's own table.
fn subsidy_table_template() -> Value {
    use crate::domain::ventilator::tables::MunicipalTable;
    let mut t = SubsidyTables::default();
    t.municipalities.push(MunicipalTable { municipality: "-".into(), table: t.common.clone() });
    serde_json::to_value(t).unwrap_or(Value::Null)
}

/// A 災害時個別支援計画 with every optional part present, to locate problems against.
fn support_plan_template() -> Value {
    use crate::domain::ventilator::plan::{BackupKind, BackupPower, PaidBy};
    use crate::domain::ventilator::visits::{Provider, ProviderKind, Qualification, Visit};
    let mut p = SupportPlan::new(RecordId::sanitized("patient"), &crate::domain::patient::Patient::default());
    let day = Date { year: 2025, month: 4, day: 1 };
    (p.made_on, p.reviewed_on) = (Some(day), Some(day));
    p.backup.push(BackupPower { kind: BackupKind::Generator, purchased_on: Some(day), paid_by: PaidBy::Own });
    p.visits.providers.push(Provider { name: "-".into(), kind: ProviderKind::Station });
    p.visits.days[0].push(Visit { provider: "-".into(), qualification: Qualification::Nurse });
    p.visits.start = Some(day);
    serde_json::to_value(p).unwrap_or(Value::Null)
}

/// 災害時個別支援計画: battery times, the visit plan and the dates' order (a purchase date
/// in the future is refused when typed; a file is read as it was written).
fn support_plan_rules(p: &SupportPlan) -> Vec<FieldProblem> {
    p.problems().into_iter().map(|(path, message)| FieldProblem::new(&path, message)).collect()
}

/// 様式4: the form's own rules (課題 and 総合評価 lengths, no control characters).
fn evaluation_rules(e: &Evaluation) -> Vec<FieldProblem> {
    let mut out = Vec::new();
    add_form_errors(&mut out, EvaluationForm::from_record(e).parse().map(|_| ()), dotted_to_path);
    out
}

/// A 事業実績 with one indicator and one 年度 to locate problems against.
fn programme_result_template() -> Value {
    let mut p = crate::domain::results::catalogue::CATALOGUE[0].blank(1);
    if let (Some(i), Ok(year)) = (p.indicators.first_mut(), crate::domain::fiscal_year::FiscalYear::new(2021)) {
        i.values.push(crate::domain::results::YearValue { year, value: crate::domain::tri::Tri::Value(1) });
    }
    serde_json::to_value(p).unwrap_or(Value::Null)
}

/// A 事業実績 from a file obeys the form's rules (names, counts within range).
fn programme_result_rules(p: &ProgrammeResult) -> Vec<FieldProblem> {
    let form = crate::domain::results::form::ProgrammeInput::from_result(p);
    match form.parse() {
        Ok(_) => Vec::new(),
        Err(errors) => errors
            .into_iter()
            .map(|e| FieldProblem::new(if e.starts_with("事業名") { "name" } else { "indicators" }, e))
            .collect(),
    }
}

/// A 進捗状況評価 with one 取組, one 事業 and one link to locate problems against.
fn progress_template() -> Value {
    use crate::domain::progress::{IndicatorLink, Initiative, Project};
    let project = Project {
        links: vec![IndicatorLink { programme: RecordId::sanitized("r"), indicator: "i1".into() }],
        ..Project::default()
    };
    let initiative = Initiative { title: String::new(), projects: vec![project] };
    match FiscalYear::new(2025) {
        Ok(year) => {
            serde_json::to_value(ProgressIssue { year, title: String::new(), order: 0, initiatives: vec![initiative] })
                .unwrap_or(Value::Null)
        }
        Err(_) => Value::Null,
    }
}

/// A 進捗状況評価 from a file obeys the form's rules (names given, texts within length).
fn progress_rules(p: &ProgressIssue) -> Vec<FieldProblem> {
    let mut form = crate::domain::progress::form::ProgressForm::from_issue(p);
    form.year = p.year.start_year().to_string();
    match form.parse() {
        Ok(_) => Vec::new(),
        Err(errors) => errors
            .into_iter()
            .map(|e| FieldProblem::new(if e.starts_with("課題") { "title" } else { "initiatives" }, e))
            .collect(),
    }
}

/// For kinds without a type yet: any JSON object.
pub fn check_json_object(body: &Value) -> Result<Value, Vec<FieldProblem>> {
    if body.is_object() {
        Ok(body.clone())
    } else {
        Err(vec![FieldProblem::new("", "内容が { } のオブジェクトではありません")])
    }
}

/// Strings not too long (but the one at `long`, a top-level path), arrays not too long,
/// integers within ±(2^53 − 1), depth bounded.
fn check_plain_values(path: &str, value: &Value, depth: usize, long: Option<&str>, out: &mut Vec<FieldProblem>) {
    if out.len() >= 20 {
        return;
    }
    if depth > 32 {
        out.push(FieldProblem::new(path, "入れ子が深すぎます"));
        return;
    }
    let join = |k: &str| if path.is_empty() { k.to_string() } else { format!("{path}/{k}") };
    match value {
        Value::String(s)
            if long != Some(path) && s.len() > MAX_STRING_CHARS && s.chars().count() > MAX_STRING_CHARS =>
        {
            out.push(FieldProblem::new(path, format!("文字が多すぎます（{MAX_STRING_CHARS}文字まで）")));
        }
        Value::Number(n) => {
            let ok = if let Some(u) = n.as_u64() {
                u <= MAX_SAFE_INTEGER
            } else if let Some(i) = n.as_i64() {
                i.unsigned_abs() <= MAX_SAFE_INTEGER
            } else {
                n.as_f64().is_some_and(|f| f.is_finite() && f.abs() <= MAX_SAFE_INTEGER as f64)
            };
            if !ok {
                out.push(FieldProblem::new(path, format!("数値が大きすぎます（{}）", clip(&n.to_string(), 30))));
            }
        }
        Value::Array(items) => {
            if items.len() > MAX_BODY_ARRAY {
                out.push(FieldProblem::new(path, format!("要素が多すぎます（{MAX_BODY_ARRAY}個まで）")));
                return;
            }
            for (i, item) in items.iter().enumerate() {
                check_plain_values(&join(&i.to_string()), item, depth + 1, long, out);
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                check_plain_values(&join(k), v, depth + 1, long, out);
            }
        }
        _ => {}
    }
}

/// Reads `body` as `T`; on failure finds the failing fields by applying the body's fields
/// one by one to `template()` (a valid body, made only then). Then checks `rules` and
/// refuses unknown fields.
fn check_typed<T: RecordBody>(
    kind: RecordKind,
    body: &Value,
    template: fn() -> Value,
    rules: fn(&T) -> Vec<FieldProblem>,
) -> Result<Value, Vec<FieldProblem>> {
    let Some(map) = body.as_object() else {
        return Err(vec![FieldProblem::new("", "内容が { } のオブジェクトではありません")]);
    };
    // Read from the tree in place (no copy of it).
    let typed: T = match T::deserialize(body) {
        Ok(t) => t,
        Err(e) => return Err(locate::<T>(kind, map, &template(), &e)),
    };
    let mut problems = rules(&typed);
    let canonical = match serde_json::to_value(&typed) {
        Ok(v) => v,
        Err(e) => return Err(vec![FieldProblem::new("", format!("内容を書き出せません（{e}）"))]),
    };
    // A body exactly as the app writes it (the usual case) has no unknown field.
    if body != &canonical {
        unknown_fields(body, &canonical, &mut problems);
    }
    if problems.is_empty() {
        Ok(canonical)
    } else {
        Err(problems)
    }
}

/// Fields present in the file but dropped when read (unknown to this version of the app).
fn unknown_fields(body: &Value, canonical: &Value, out: &mut Vec<FieldProblem>) {
    for (path, value) in leaf_paths(body) {
        match value_at(canonical, &path) {
            None => out.push(FieldProblem::new(&path, UNKNOWN_FIELD)),
            Some(c) if c != &value => match (value.as_object(), c.as_object()) {
                (Some(vm), Some(cm)) => {
                    for k in vm.keys().filter(|k| !cm.contains_key(*k)) {
                        out.push(FieldProblem::new(&format!("{path}/{k}"), UNKNOWN_FIELD));
                    }
                    if vm.keys().all(|k| cm.contains_key(k)) {
                        out.push(FieldProblem::new(&path, "値の形が正しくありません"));
                    }
                }
                _ => out.push(FieldProblem::new(&path, "値の形が正しくありません")),
            },
            Some(_) => {}
        }
    }
}

const UNKNOWN_FIELD: &str = "このアプリの版にはない項目です（新しい版のアプリで書き出されたファイルかもしれません）";

/// All paths of a value: its leaves and the groups above them.
fn all_paths(value: &Value) -> (BTreeSet<String>, BTreeSet<String>) {
    let leaves: BTreeSet<String> = leaf_paths(value).into_keys().collect();
    let mut groups = BTreeSet::new();
    for leaf in &leaves {
        let mut p = leaf.as_str();
        while let Some((parent, _)) = p.rsplit_once('/') {
            groups.insert(parent.to_string());
            p = parent;
        }
    }
    (leaves, groups)
}

/// Sets `path` in `root` (creating groups), or removes it when `value` is `None`.
fn set_at(root: &mut Value, path: &str, value: Option<Value>) {
    let parts: Vec<&str> = path.split('/').collect();
    let mut node = root;
    for (i, part) in parts.iter().enumerate() {
        if !node.is_object() {
            *node = Value::Object(Map::new());
        }
        let Value::Object(map) = node else { return };
        if i + 1 == parts.len() {
            match value {
                Some(v) => {
                    map.insert((*part).to_string(), v);
                }
                None => {
                    map.remove(*part);
                }
            }
            return;
        }
        node = map.entry((*part).to_string()).or_insert_with(|| Value::Object(Map::new()));
    }
}

/// Finds which fields make the body unreadable as `T`.
fn locate<T: RecordBody>(
    kind: RecordKind,
    body: &Map<String, Value>,
    template: &Value,
    whole_error: &serde_json::Error,
) -> Vec<FieldProblem> {
    let body_value = Value::Object(body.clone());
    let (t_leaves, t_groups) = all_paths(template);
    // The units to try: each incoming leaf, cut at the first prefix that is a template leaf
    // (e.g. an optional group that is null in the template) or unknown to the template.
    let mut units: BTreeSet<String> = BTreeSet::new();
    for leaf in leaf_paths(&body_value).into_keys() {
        let parts: Vec<&str> = leaf.split('/').collect();
        let mut unit = leaf.clone();
        for n in 1..=parts.len() {
            let prefix = parts.get(..n).map(|p| p.join("/")).unwrap_or_default();
            if t_leaves.contains(&prefix) || !t_groups.contains(&prefix) {
                unit = prefix;
                break;
            }
        }
        units.insert(unit);
    }
    let reads = |v: &Value| serde_json::from_value::<T>(v.clone());
    let mut problems = Vec::new();
    let mut candidate = template.clone();
    for unit in &units {
        let Some(incoming) = value_at(&body_value, unit) else { continue };
        let before = value_at(&candidate, unit).cloned();
        set_at(&mut candidate, unit, Some(incoming.clone()));
        if let Err(e) = reads(&candidate) {
            problems.push(FieldProblem::new(unit, serde_message(kind, unit, &e)));
            set_at(&mut candidate, unit, before);
        }
    }
    // Missing fields: template leaves absent from the body, reported at the highest absent group.
    let mut missing: BTreeSet<String> = BTreeSet::new();
    for leaf in &t_leaves {
        let parts: Vec<&str> = leaf.split('/').collect();
        for n in 1..=parts.len() {
            let prefix = parts.get(..n).map(|p| p.join("/")).unwrap_or_default();
            match value_at(&body_value, &prefix) {
                None => {
                    missing.insert(prefix);
                    break;
                }
                Some(Value::Object(_)) => {}
                Some(_) => break,
            }
        }
    }
    for path in &missing {
        let before = value_at(&candidate, path).cloned();
        set_at(&mut candidate, path, None);
        if reads(&candidate).is_err() {
            problems.push(FieldProblem::new(path, "必要な項目がありません"));
            set_at(&mut candidate, path, before);
        }
    }
    if problems.is_empty() {
        problems.push(FieldProblem::new("", serde_message(kind, "", whole_error)));
    }
    problems
}

/// A Japanese message for a serde reading error at `path`.
fn serde_message(kind: RecordKind, path: &str, e: &serde_json::Error) -> String {
    let text = e.to_string();
    if let Some(rule) = range_rule(kind, path) {
        if text.starts_with("invalid value") || text.starts_with("invalid type") || text.starts_with("unknown variant")
        {
            return rule.to_string();
        }
    }
    serde_text(e)
}

/// A Japanese message for a serde reading error (no field-specific rule).
pub(crate) fn serde_text(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let quoted = |after: &str| -> Option<String> {
        let rest = text.split(after).nth(1)?;
        let rest = rest.strip_prefix('`')?;
        Some(clip(rest.split('`').next().unwrap_or(""), 30))
    };
    if let Some(field) = quoted("missing field ") {
        return format!("必要な項目「{field}」がありません");
    }
    if let Some(variant) = quoted("unknown variant ") {
        let allowed: Vec<&str> =
            text.split("expected ").nth(1).map(|s| s.split('`').skip(1).step_by(2).collect()).unwrap_or_default();
        return if allowed.is_empty() {
            format!("「{variant}」は使えない値です")
        } else {
            format!("「{variant}」は使えない値です（使える値: {}）", allowed.join(", "))
        };
    }
    if let Some(field) = quoted("unknown field ") {
        return format!("「{field}」は{UNKNOWN_FIELD}");
    }
    if let Some(message) = float_message(&text) {
        return message;
    }
    if text.starts_with("invalid type") {
        let found = text.split(", expected").next().unwrap_or("").trim_start_matches("invalid type: ");
        let found = if found.starts_with("string") {
            "文字列"
        } else if found.starts_with("integer") {
            "数値"
        } else if found.starts_with("floating") {
            "小数"
        } else if found.starts_with("boolean") {
            "真偽値"
        } else if found.starts_with("null") {
            "null"
        } else if found.starts_with("sequence") {
            "配列"
        } else if found.starts_with("map") {
            "オブジェクト"
        } else {
            "別の種類の値"
        };
        return format!("値の種類が違います（{found}は使えません）");
    }
    if text.starts_with("invalid value: integer `-") {
        return "負の数は使えません".to_string();
    }
    if text.starts_with("invalid value") {
        return "値が範囲外です".to_string();
    }
    if text.starts_with("invalid length") {
        return "要素の数が正しくありません".to_string();
    }
    if !text.is_ascii() {
        // Our own types' messages (ID, 年度) are already Japanese. (Checked last: serde's own
        // English messages quote the value, which may be Japanese — issue 12.)
        return text;
    }
    "値を読み取れません".to_string()
}

/// A number read as floating point where an integer belongs: JSON `-0`, `1e3` and integers
/// beyond 2^64 arrive so, and are not 小数 (issue 12).
fn float_message(text: &str) -> Option<String> {
    let rest = text.strip_prefix("invalid type: floating point `")?;
    let number = rest.split('`').next()?;
    let v: f64 = number.parse().ok()?;
    Some(if v == 0.0 && v.is_sign_negative() {
        "「-0」は使えません（0 と書いてください）".to_string()
    } else if v.fract() != 0.0 {
        "値の種類が違います（小数は使えません）".to_string()
    } else if v.abs() > MAX_SAFE_INTEGER as f64 {
        format!("数値が大きすぎます（{MAX_SAFE_INTEGER}まで）")
    } else {
        format!("整数は {v:.0} のように書いてください（指数や小数点のある書き方は使えません）")
    })
}

/// The range message of a field whose value the type itself limits (a u8, a code).
fn range_rule(kind: RecordKind, path: &str) -> Option<&'static str> {
    match (kind, path) {
        (RecordKind::Patient, "age") => Some(AGE_RULE),
        (RecordKind::Patient, "adl") => Some("ADLは 1 自立・2 一部介助・3 全面介助 のいずれかです"),
        (RecordKind::Patient, "disability_certificate") => Some(CERTIFICATE_RULE),
        (RecordKind::Patient, "disability_support_class") => Some(SUPPORT_CLASS_RULE),
        (RecordKind::Patient, "care_insurance") => {
            Some("介護保険（介護度）は要支援1・2、要介護1〜5、なし、不明のいずれかです")
        }
        (RecordKind::Patient, "neurology/mode" | "family_doctor/mode") => {
            Some("受診形態は 1 外来・2 往診・0 なし のいずれかです")
        }
        (RecordKind::Patient, "disaster_plan") => Some(DISASTER_PLAN_RULE),
        (RecordKind::Patient, "onset") => Some(ONSET_RULE),
        (RecordKind::Station, "als_intake" | "child_intake") => {
            Some("今後の受け入れは 2 可能・1 検討可・0 不可能 のいずれかです")
        }
        (RecordKind::Diagnosis, "fiscal_year") => Some("年度は1989〜2200年度で入力してください"),
        (RecordKind::Programme, "council/first_year") => Some("初回開催年度は1989〜2200年度で入力してください"),
        (RecordKind::Programme, "implemented") => Some("実施は 1 有・0 無・未入力 のいずれかです"),
        (RecordKind::Programme, "council/unit") => Some("設置単位は 都道府県全体・保健所単位・その他 のいずれかです"),
        (RecordKind::Programme, "center/operation") => Some("運営方法は 直営・委託 のいずれかです"),
        (RecordKind::Programme, "count_local" | "count_prefecture" | "council/meetings_this_year") => {
            Some("件数・回数は0以上の整数で入力してください")
        }
        _ => None,
    }
}

const AGE_RULE: &str = "年齢は0〜120で入力してください";
const CERTIFICATE_RULE: &str = "身体障害者手帳の級は1〜6で入力してください";
const SUPPORT_CLASS_RULE: &str = "障害支援区分は1〜6で入力してください";
const DISASTER_PLAN_RULE: &str = "災害時個別支援計画の年は1900〜2200で入力してください";
const ONSET_RULE: &str = "発症時期は1900〜2200年、月は1〜12で入力してください";

fn check_timestamp(path: &str, t: Timestamp, out: &mut Vec<FieldProblem>) {
    if !(0..=MAX_TIMESTAMP_MS).contains(&t.0) {
        out.push(FieldProblem::new(path, "日時が範囲外です（1970年〜2200年）"));
    }
}

fn check_count(path: &str, n: Option<u64>, max: u64, out: &mut Vec<FieldProblem>) {
    if let Some(n) = n {
        if n > max {
            out.push(FieldProblem::new(path, format!("大きすぎる数です（{max}まで）")));
        }
    }
}

// ---------------------------------------------------------------------------------------
// The forms' own rules (issue 12, item 6): one rule per value. An imported record must be one
// its form would save — otherwise no field of it could be saved until the value is changed.
// Each body is put into its form (`from_*`) and read back with the form's `parse`; its errors
// (never its warnings) refuse the file, at the body path of the form field.
// ---------------------------------------------------------------------------------------

/// 「今日」 for the forms' rules that compare with today (発症時期 not after today, the
/// 災害時個別支援計画 year not after this year): not applied on import — the file may come
/// from a device whose clock was ahead, and a backup must restore. The form shows them when
/// the record is next edited.
fn import_today() -> Option<Date> {
    Date::new(2200, 12, 31)
}

/// The form's errors as problems at body paths (`path_of` maps a form field key; `None` drops
/// it), skipping paths that already have a problem.
fn add_form_errors(out: &mut Vec<FieldProblem>, result: Result<(), Issues>, path_of: fn(&str) -> String) {
    let Err(issues) = result else { return };
    for issue in issues.errors() {
        let path = path_of(&issue.field);
        if out.iter().any(|p| p.path == path) {
            continue;
        }
        out.push(FieldProblem::new(&path, issue.message.clone()));
    }
}

/// A form field key (`neurology.per_month`) as a body path (`neurology/per_month`).
fn dotted_to_path(field: &str) -> String {
    field.replace('.', "/")
}

fn patient_form_path(field: &str) -> String {
    match field {
        patient_form::fields::AGE_MODE => "age".to_string(),
        patient_form::fields::DISEASE_OTHER => "disease".to_string(),
        f if f.starts_with("gaps") => "gaps".to_string(),
        f => dotted_to_path(f),
    }
}

fn station_form_path(field: &str) -> String {
    use station_form::fields as f;
    if [f::FTE_MODE, f::FTE_DIRECT, f::CONTRACTED_WEEK_HOURS].contains(&field) || field.starts_with(f::STAFF) {
        "fte".to_string()
    } else {
        dotted_to_path(field)
    }
}

fn overview_form_path(field: &str) -> String {
    if field.starts_with(overview_form::fields::CERTIFIED_OTHER) {
        "certified_other".to_string()
    } else {
        dotted_to_path(field)
    }
}

fn programme_form_path(field: &str) -> String {
    match field {
        crate::domain::programmes::form::fields::NAME => "programme".to_string(),
        f => dotted_to_path(f),
    }
}

fn diagnosis_rules(d: &CommunityDiagnosis) -> Vec<FieldProblem> {
    let mut out = match parse_jurisdiction(&d.jurisdiction) {
        Ok(name) if name == d.jurisdiction => Vec::new(),
        Ok(_) => vec![FieldProblem::new("jurisdiction", "地区名の前後に空白があります")],
        Err(m) => vec![FieldProblem::new("jurisdiction", m)],
    };
    add_form_errors(&mut out, DiagnosisInput::from_diagnosis(d).parse().map(|_| ()), dotted_to_path);
    out
}

fn overview_rules(o: &Overview) -> Vec<FieldProblem> {
    // Counts, 面積 and the added diseases: the 様式1 概況 form's limits.
    let mut out = Vec::new();
    add_form_errors(&mut out, OverviewForm::from_overview(o).parse().map(|_| ()), overview_form_path);
    out
}

fn patient_rules(p: &Patient) -> Vec<FieldProblem> {
    let mut out = Vec::new();
    if let Some(Age::Years(y)) = p.age {
        if y > 120 {
            out.push(FieldProblem::new("age", AGE_RULE));
        }
    }
    if let Some(onset) = p.onset {
        let month_ok = onset.month.is_none_or(|m| (1..=12).contains(&m));
        if !(1900..=2200).contains(&onset.year) || !month_ok {
            out.push(FieldProblem::new("onset", ONSET_RULE));
        }
    }
    for (path, grade, rule) in [
        ("disability_certificate", &p.disability_certificate, CERTIFICATE_RULE),
        ("disability_support_class", &p.disability_support_class, SUPPORT_CLASS_RULE),
    ] {
        if let Tri::Value(g) = grade {
            if !(1..=6).contains(g) {
                out.push(FieldProblem::new(path, rule));
            }
        }
    }
    if let Tri::Value(Some(year)) = p.disaster_plan {
        if !(1900..=2200).contains(&year) {
            out.push(FieldProblem::new("disaster_plan", DISASTER_PLAN_RULE));
        }
    }
    // 頻度, 訪問回数, 利用機関数, 機関名, texts, ID番号, ギャップ and the rules between fields:
    // the 様式1 form's own (one rule per value).
    for (path, source) in [
        ("symptoms/respiratory_source/assessed_at", &p.symptoms.respiratory_source),
        ("symptoms/swallowing_source/assessed_at", &p.symptoms.swallowing_source),
        ("symptoms/speech_source/assessed_at", &p.symptoms.speech_source),
    ] {
        if let Some(JudgementSource { assessed_at, .. }) = source {
            check_timestamp(path, *assessed_at, &mut out);
        }
    }
    if let Some(today) = import_today() {
        add_form_errors(&mut out, PatientForm::from_patient(p).parse(today).map(|_| ()), patient_form_path);
    }
    out
}

/// 様式2 事業: counts within [`MAX_COUNT`], at most [`MAX_MEETINGS_PER_YEAR`] meetings a year.
fn programme_rules(p: &Programme) -> Vec<FieldProblem> {
    let mut out = Vec::new();
    check_count("count_local", p.count_local, MAX_COUNT, &mut out);
    check_count("count_prefecture", p.count_prefecture, MAX_COUNT, &mut out);
    if let Some(n) = p.council.as_ref().and_then(|c| c.meetings_this_year) {
        if n > MAX_MEETINGS_PER_YEAR {
            out.push(FieldProblem::new(
                "council/meetings_this_year",
                format!("当年度開催回数は0〜{MAX_MEETINGS_PER_YEAR}回で入力してください"),
            ));
        }
    }
    // The 様式2 form's rules. Its 初回開催年度 ≤ the 地域診断's 年度 needs the 地域診断 and is
    // not applied here (the latest 年度 stands in).
    if let Ok(fiscal_year) = FiscalYear::new(LAST_FISCAL_YEAR) {
        add_form_errors(&mut out, ProgrammeForm::from_record(p).parse(fiscal_year).map(|_| ()), programme_form_path);
    }
    out
}

/// 常勤換算, 実利用者数 and the texts: the 様式3 form's own rules.
fn station_rules(s: &Station) -> Vec<FieldProblem> {
    let mut out = Vec::new();
    add_form_errors(&mut out, StationForm::from_station(s).parse().map(|_| ()), station_form_path);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn patient() -> Value {
        serde_json::to_value(Patient { id_number: "A-1".into(), ..Patient::default() }).expect("serialises")
    }

    fn problems(kind: RecordKind, body: &Value) -> Vec<(String, String)> {
        match check_body(kind, body) {
            Ok(_) => Vec::new(),
            Err(ps) => ps.into_iter().map(|p| (p.path, p.message)).collect(),
        }
    }

    fn with(mut body: Value, path: &str, value: Value) -> Value {
        set_at(&mut body, path, Some(value));
        body
    }

    #[test]
    fn a_default_patient_is_fine_and_canonical() {
        assert_eq!(check_body(RecordKind::Patient, &patient()), Ok(patient()));
    }

    #[test]
    fn age_out_of_range_names_the_field() {
        let body = with(patient(), "age", json!({"type": "years", "value": 130}));
        assert_eq!(problems(RecordKind::Patient, &body), vec![("age".to_string(), AGE_RULE.to_string())]);
        // 300 does not even fit the type: same message.
        let body = with(patient(), "age", json!({"type": "years", "value": 300}));
        assert_eq!(problems(RecordKind::Patient, &body), vec![("age".to_string(), AGE_RULE.to_string())]);
    }

    #[test]
    fn several_bad_fields_are_all_reported() {
        let body = with(patient(), "adl", json!("sometimes"));
        let body = with(body, "neurology/mode", json!(7));
        let body = with(body, "name", json!(12));
        let ps = problems(RecordKind::Patient, &body);
        let paths: Vec<&str> = ps.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(paths, vec!["adl", "name", "neurology/mode"]);
        assert_eq!(ps[1].1, "値の種類が違います（数値は使えません）");
        assert!(ps[0].1.contains("ADLは"));
    }

    #[test]
    fn missing_and_unknown_fields() {
        let mut body = patient();
        if let Some(m) = body.as_object_mut() {
            m.remove("municipality");
            m.remove("procedures");
        }
        let ps = problems(RecordKind::Patient, &body);
        assert_eq!(
            ps,
            vec![
                ("municipality".to_string(), "必要な項目がありません".to_string()),
                ("procedures".to_string(), "必要な項目がありません".to_string())
            ]
        );
        let body = with(patient(), "favourite_colour", json!("青"));
        assert_eq!(
            problems(RecordKind::Patient, &body),
            vec![("favourite_colour".to_string(), UNKNOWN_FIELD.to_string())]
        );
        let body = with(patient(), "neurology/fax", json!("03"));
        assert_eq!(problems(RecordKind::Patient, &body)[0].0, "neurology/fax");
        let body = with(patient(), "care_insurance", json!({"state": "none", "value": 3}));
        // なし with a value: refused (the type does not accept it).
        assert_eq!(problems(RecordKind::Patient, &body)[0].0, "care_insurance");
    }

    #[test]
    fn optional_groups_are_read_whole() {
        let body = with(patient(), "onset", json!({"year": 2002, "month": 5}));
        assert!(check_body(RecordKind::Patient, &body).is_ok());
        let body = with(patient(), "onset", json!({"year": 2002, "month": 13}));
        assert_eq!(problems(RecordKind::Patient, &body), vec![("onset".to_string(), ONSET_RULE.to_string())]);
        let body = with(patient(), "onset", json!({"year": "2002年"}));
        assert_eq!(problems(RecordKind::Patient, &body), vec![("onset".to_string(), ONSET_RULE.to_string())]);
        let src = json!({"assessment_id": "a-1", "assessed_at": 1_700_000_000_000_i64, "assessor": "保健師A"});
        assert!(check_body(RecordKind::Patient, &with(patient(), "symptoms/respiratory_source", src)).is_ok());
        let src = json!({"assessment_id": "a 1", "assessed_at": 0, "assessor": ""});
        let ps = problems(RecordKind::Patient, &with(patient(), "symptoms/respiratory_source", src));
        assert_eq!(
            ps,
            vec![("symptoms/respiratory_source".to_string(), "IDに使えない文字「 」があります".to_string())]
        );
    }

    #[test]
    fn codes_and_grades() {
        let body = with(patient(), "disability_certificate", json!({"state": "value", "value": 7}));
        assert_eq!(
            problems(RecordKind::Patient, &body),
            vec![("disability_certificate".into(), CERTIFICATE_RULE.into())]
        );
        let body = with(patient(), "care_insurance", json!({"state": "value", "value": "care6"}));
        assert!(problems(RecordKind::Patient, &body)[0].1.starts_with("介護保険"));
        // The form's limit (issue 12: one rule per value).
        let body = with(patient(), "neurology/per_month", json!(3_200));
        assert_eq!(
            problems(RecordKind::Patient, &body),
            vec![("neurology/per_month".to_string(), "0〜31で入力してください".to_string())]
        );
        let body = with(patient(), "station_nursing/weekly_visits", json!(-5));
        assert_eq!(problems(RecordKind::Patient, &body)[0].0, "station_nursing/weekly_visits");
        let body = with(patient(), "station_nursing/weekly_visits", json!(1e300));
        assert!(problems(RecordKind::Patient, &body)[0].1.contains("数値が大きすぎます"));
    }

    /// Issue 12: `-0` and 2^64 are not called 小数.
    #[test]
    fn minus_zero_and_huge_integers_get_their_own_messages() {
        let read = |t: &str| {
            let v = crate::domain::bundle::scan::parse_strict(t).expect("json");
            serde_text(&serde_json::from_value::<u64>(v).expect_err("refused"))
        };
        assert_eq!(read("-0"), "「-0」は使えません（0 と書いてください）");
        assert_eq!(read("18446744073709551616"), "数値が大きすぎます（9007199254740991まで）");
        assert_eq!(read("1.5"), "値の種類が違います（小数は使えません）");
        assert!(read("1e3").starts_with("整数は 1000 のように"), "{}", read("1e3"));
        assert_eq!(read("-1"), "負の数は使えません");
    }

    #[test]
    fn text_is_text() {
        let body = with(patient(), "name", json!("<script>alert(1)</script>"));
        assert_eq!(check_body(RecordKind::Patient, &body), Ok(body.clone()));
        let body = with(patient(), "devices", json!("あ".repeat(MAX_STRING_CHARS + 1)));
        assert!(problems(RecordKind::Patient, &body)[0].1.contains("文字が多すぎます"));
    }

    /// A 下図 image is base64 far over the 20,000 characters of any other text: its `data` is
    /// the one string allowed to be long (and only in a `base_map`).
    #[test]
    fn a_base_map_image_may_be_long_nothing_else() {
        let mut png = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
        png.resize(90_000, 7);
        let data = crate::domain::bundle::base64::encode(&png);
        assert!(data.len() > MAX_STRING_CHARS * 5);
        let image = json!({"type": "image", "file_name": "管内図.png", "mime": "image/png", "width": 800,
            "height": 600, "data": data});
        assert_eq!(check_body(RecordKind::BaseMap, &image), Ok(image.clone()));
        let long_name = with(image.clone(), "file_name", json!("あ".repeat(MAX_STRING_CHARS + 1)));
        assert!(problems(RecordKind::BaseMap, &long_name)[0].1.contains("文字が多すぎます"));
        let elsewhere = with(patient(), "data", json!(data));
        assert!(problems(RecordKind::Patient, &elsewhere)[0].1.contains("文字が多すぎます"));
    }

    /// 補助の上限表 (format 6): read as `SubsidyTables`, checked by its own `problems`, each
    /// naming the table; an unreadable 限度額 is located to its field.
    #[test]
    fn a_subsidy_table_is_checked_by_its_problems() {
        let k = RecordKind::SubsidyTable;
        let good = json!({"common": serde_json::to_value(crate::domain::ventilator::subsidy::SubsidyTable::default())
            .expect("serialises"), "municipalities": []});
        assert_eq!(check_body(k, &good), Ok(good.clone()));
        let negative = with(good.clone(), "common/ups/limit_yen", json!(-1));
        let ps = problems(k, &negative);
        assert_eq!(ps.len(), 1, "{ps:?}");
        assert_eq!(ps[0].0, "common");
        assert!(ps[0].1.starts_with("補助の上限表（管内共通・③無停電電源装置の限度額）: 0円以上"), "{ps:?}");
        let typo = with(good.clone(), "common/generator/limit_yen", json!("212千円"));
        assert_eq!(problems(k, &typo)[0].0, "common/generator/limit_yen");
        let unknown = with(good, "common/generator/note", json!("x"));
        assert_eq!(problems(k, &unknown)[0].0, "common/generator/note");
    }

    fn programme() -> Value {
        serde_json::to_value(Programme::standard(StandardProgramme::RegionalCouncil)).expect("serialises")
    }

    #[test]
    fn programmes_are_typed() {
        assert_eq!(check_body(RecordKind::Programme, &programme()), Ok(programme()));
        let own = serde_json::to_value(Programme::own("難病カフェ")).expect("serialises");
        assert_eq!(check_body(RecordKind::Programme, &own), Ok(own.clone()));
        let center = serde_json::to_value(Programme::standard(StandardProgramme::SupportCenter)).expect("serialises");
        assert!(check_body(RecordKind::Programme, &center).is_ok());
        // The untyped placeholder of earlier files is refused, naming its fields.
        let ps = problems(RecordKind::Programme, &json!({"name": "難病対策地域協議会", "held": true, "count": 2}));
        assert!(ps.iter().any(|(p, m)| p == "programme" && m == "必要な項目がありません"), "{ps:?}");
        assert!(ps.iter().any(|(p, _)| p == "summary"), "{ps:?}");
        assert_eq!(problems(RecordKind::Programme, &json!([1]))[0].1, "内容が { } のオブジェクトではありません");
    }

    #[test]
    fn programme_ranges_and_codes() {
        let body = with(programme(), "count_local", json!(-1));
        assert_eq!(
            problems(RecordKind::Programme, &body),
            vec![("count_local".to_string(), "件数・回数は0以上の整数で入力してください".to_string())]
        );
        let body = with(programme(), "count_prefecture", json!(100_000_001));
        assert_eq!(
            problems(RecordKind::Programme, &body)[0],
            ("count_prefecture".into(), "大きすぎる数です（100000000まで）".into())
        );
        let body = with(programme(), "council/meetings_this_year", json!(366));
        assert_eq!(
            problems(RecordKind::Programme, &body),
            vec![("council/meetings_this_year".to_string(), "当年度開催回数は0〜365回で入力してください".to_string())]
        );
        let body = with(programme(), "council/first_year", json!(1900));
        assert_eq!(problems(RecordKind::Programme, &body)[0].1, "年度 1900 は範囲外です（1989〜2200年度）");
        let body = with(programme(), "council/first_year", json!("平成28年度"));
        assert_eq!(problems(RecordKind::Programme, &body)[0].1, "初回開催年度は1989〜2200年度で入力してください");
        let body = with(programme(), "council/unit", json!("city"));
        assert!(problems(RecordKind::Programme, &body)[0].1.starts_with("設置単位は"));
        let body = with(programme(), "implemented", json!("yes"));
        assert!(problems(RecordKind::Programme, &body)[0].1.starts_with("実施は"));
        let body = with(programme(), "programme", json!({"type": "standard", "key": "no_such_programme"}));
        assert_eq!(problems(RecordKind::Programme, &body)[0].0, "programme");
        let body = with(programme(), "council/colour", json!("青"));
        assert_eq!(
            problems(RecordKind::Programme, &body),
            vec![("council/colour".to_string(), UNKNOWN_FIELD.to_string())]
        );
        let body = with(programme(), "summary", json!("<script>alert(1)</script>"));
        assert!(check_body(RecordKind::Programme, &body).is_ok(), "text is text");
    }

    #[test]
    fn other_kinds() {
        let d = json!({"jurisdiction": "A保健所管内", "fiscal_year": 2025});
        assert!(check_body(RecordKind::Diagnosis, &d).is_ok());
        let d = json!({"jurisdiction": "A保健所管内", "fiscal_year": 3000});
        assert_eq!(problems(RecordKind::Diagnosis, &d)[0].1, "年度 3000 は範囲外です（1989〜2200年度）");
        let d = json!({"jurisdiction": "A保健所管内", "fiscal_year": "2025"});
        assert_eq!(problems(RecordKind::Diagnosis, &d)[0].1, "年度は1989〜2200年度で入力してください");
        let d = json!({"jurisdiction": "", "fiscal_year": 2025});
        assert_eq!(problems(RecordKind::Diagnosis, &d)[0].1, "地区名を入力してください");
        let named = with(template::<Station>(), "name", json!("Ａステーション"));
        assert!(check_body(RecordKind::Station, &named).is_ok());
        // The form needs a 名称: a station without one could never be saved again.
        assert_eq!(problems(RecordKind::Station, &template::<Station>())[0].0, "name");
        let s = with(template::<Station>(), "als_intake", json!("maybe"));
        assert!(problems(RecordKind::Station, &s)[0].1.starts_with("今後の受け入れは"));
        assert!(check_body(RecordKind::Overview, &template::<Overview>()).is_ok());
        // 様式4 評価: typed; unknown fields and over-long texts are refused.
        assert!(check_body(RecordKind::Evaluation, &template::<Evaluation>()).is_ok());
        let e = with(template::<Evaluation>(), "daily", json!({"level": "B", "issue": "往診医が少ない"}));
        assert!(check_body(RecordKind::Evaluation, &e).is_ok(), "{:?}", problems(RecordKind::Evaluation, &e));
        assert!(!problems(RecordKind::Evaluation, &json!({"anything": 1})).is_empty());
        let long = with(
            template::<Evaluation>(),
            "overall",
            json!("あ".repeat(crate::domain::evaluation::MAX_OVERALL_TEXT + 1)),
        );
        assert!(problems(RecordKind::Evaluation, &long)[0].1.starts_with("4000文字までで入力してください"));
        assert_eq!(problems(RecordKind::Evaluation, &json!([1]))[0].1, "内容が { } のオブジェクトではありません");
        assert_eq!(problems(RecordKind::Patient, &json!("x"))[0].1, "内容が { } のオブジェクトではありません");
    }
}
