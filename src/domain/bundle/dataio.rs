//! データの入出力 画面: everything the export/import page shows or decides, computed here so
//! the page only renders and binds — export choices and their counts, file names, the
//! backup reminder, the import plan as rows, conflicts side by side, the free texts for the
//! anonymising review, the password rules, and the CSV of the chosen 地域診断.

use super::anonymise::{free_text_values, FreeTextField};
use super::labels::{field_label, meta_label};
use super::merge::{title, Applied, FieldConflict, ImportPlan, Outcome, PlanItem, Resolutions};
use super::{clean_label, Bundle, ExportScope, ParsedBundle, BUNDLE_EXTENSION};
use crate::domain::csv::{patients_csv, stations_csv, PatientCsvOptions};
use crate::domain::diagnosis::{list_diagnoses, CommunityDiagnosis};
use crate::domain::ids::{DeviceId, RecordId};
use crate::domain::issues::Issues;
use crate::domain::patient::Patient;
use crate::domain::record::{FieldStamp, RecordKind, StoredRecord};
use crate::domain::station::Station;
use crate::domain::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

// ---------------------------------------------------------------------------------------
// 書き出し: what can be chosen
// ---------------------------------------------------------------------------------------

/// How many records of each kind a selection holds (ゴミ箱 counted separately too).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct KindCounts {
    /// 地域診断
    pub diagnoses: usize,
    /// 療養者
    pub patients: usize,
    /// 訪問看護ステーション
    pub stations: usize,
    /// 事業
    pub programmes: usize,
    /// 地域の概況・評価・アセスメント
    pub others: usize,
    /// of all the above, in the ゴミ箱
    pub trashed: usize,
}

impl KindCounts {
    /// Counts `records` (of any kind).
    pub fn of<'a>(records: impl IntoIterator<Item = &'a StoredRecord>) -> KindCounts {
        let mut c = KindCounts::default();
        for r in records {
            match r.meta.kind {
                RecordKind::Diagnosis => c.diagnoses += 1,
                RecordKind::Patient => c.patients += 1,
                RecordKind::Station => c.stations += 1,
                RecordKind::Programme => c.programmes += 1,
                RecordKind::Overview
                | RecordKind::Evaluation
                | RecordKind::Assessment
                | RecordKind::ProgrammeResult
                | RecordKind::ProgressPlan
                | RecordKind::SupportPlan
                | RecordKind::Facility
                | RecordKind::MapSheet
                | RecordKind::BaseMap
                | RecordKind::SubsidyTable => c.others += 1,
            }
            if r.is_deleted() {
                c.trashed += 1;
            }
        }
        c
    }

    /// All records counted.
    pub fn total(&self) -> usize {
        self.diagnoses + self.patients + self.stations + self.programmes + self.others
    }

    /// `地域診断 1件・療養者 12人・訪問看護ステーション 3件・事業 9件・その他 1件（うちゴミ箱 1件）`.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if self.diagnoses > 0 {
            parts.push(format!("地域診断 {}件", self.diagnoses));
        }
        parts.push(format!("療養者 {}人", self.patients));
        parts.push(format!("訪問看護ステーション {}件", self.stations));
        if self.programmes > 0 {
            parts.push(format!("事業 {}件", self.programmes));
        }
        if self.others > 0 {
            parts.push(format!("その他 {}件", self.others));
        }
        let trash = if self.trashed > 0 { format!("（うちゴミ箱 {}件）", self.trashed) } else { String::new() };
        format!("{}{trash}", parts.join("・"))
    }
}

/// One 地域診断 offered for export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiagnosisChoice {
    pub id: RecordId,
    /// `○○保健所管内 令和7年度（2025年度）`
    pub title: String,
    /// Its records (itself included), ゴミ箱 included.
    pub counts: KindCounts,
}

/// The 地域診断 on the device in the list's order (地区名, then newest 年度 first), each with
/// its record counts; a 地域診断 in the ゴミ箱 comes last, marked, and only `include_trash`.
pub fn diagnosis_choices(all: &[StoredRecord], include_trash: bool) -> Vec<DiagnosisChoice> {
    let diagnoses: Vec<StoredRecord> = all.iter().filter(|r| r.meta.kind == RecordKind::Diagnosis).cloned().collect();
    let (entries, _) = list_diagnoses(&diagnoses);
    let mut by_diagnosis: BTreeMap<&RecordId, Vec<&StoredRecord>> = BTreeMap::new();
    for r in all {
        by_diagnosis.entry(&r.meta.diagnosis_id).or_default().push(r);
    }
    let counts = |id: &RecordId| KindCounts::of(by_diagnosis.get(id).into_iter().flatten().copied());
    let mut out: Vec<DiagnosisChoice> = entries
        .iter()
        .map(|e| DiagnosisChoice {
            id: e.record.meta.id.clone(),
            title: e.diagnosis.title(),
            counts: counts(&e.record.meta.id),
        })
        .collect();
    let listed: BTreeSet<RecordId> = out.iter().map(|c| c.id.clone()).collect();
    for d in diagnoses.iter().filter(|d| !listed.contains(&d.meta.id) && (include_trash || !d.is_deleted())) {
        let suffix = if d.is_deleted() { "（ゴミ箱）" } else { "（読み取れません）" };
        out.push(DiagnosisChoice {
            id: d.meta.id.clone(),
            title: format!("{}{suffix}", title(d)),
            counts: counts(&d.meta.id),
        });
    }
    out
}

/// One 療養者 offered for a patients-only export.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PatientChoice {
    pub id: RecordId,
    /// 氏名 (or ID番号 when names are hidden or there is no name).
    pub label: String,
    /// 住所（市町村）.
    pub municipality: String,
    /// In the ゴミ箱.
    pub trashed: bool,
}

/// The 療養者 of one 地域診断 in the order they were entered; trashed ones only when
/// `include_trash`.
pub fn patient_choices(
    all: &[StoredRecord],
    diagnosis: &RecordId,
    hide_names: bool,
    include_trash: bool,
) -> Vec<PatientChoice> {
    let mut patients: Vec<&StoredRecord> = all
        .iter()
        .filter(|r| r.meta.kind == RecordKind::Patient && &r.meta.diagnosis_id == diagnosis)
        .filter(|r| include_trash || !r.is_deleted())
        .collect();
    patients.sort_by(|a, b| (a.meta.created_at, &a.meta.id).cmp(&(b.meta.created_at, &b.meta.id)));
    patients
        .into_iter()
        .map(|r| {
            let (label, municipality) = match r.body_as::<Patient>() {
                Ok(p) => {
                    let shown = p.display_name(hide_names).trim().to_string();
                    let label = if shown.is_empty() { format!("（ID {}）", r.meta.id) } else { shown };
                    (label, p.municipality.clone())
                }
                Err(_) => (format!("読み取れない記録（ID {}）", r.meta.id), String::new()),
            };
            PatientChoice { id: r.meta.id.clone(), label, municipality, trashed: r.is_deleted() }
        })
        .collect()
}

/// Why a scope cannot be exported yet (nothing chosen), for the nurse.
pub fn scope_problem(scope: &ExportScope) -> Option<&'static str> {
    match scope {
        ExportScope::All => None,
        ExportScope::Diagnoses { ids } if ids.is_empty() => Some("書き出す地域診断を選んでください"),
        ExportScope::Patients { patient_ids, .. } if patient_ids.is_empty() => Some("書き出す療養者を選んでください"),
        _ => None,
    }
}

/// The words a file name carries for a scope: `全件`, `多摩府中保健所管内_2025年度`,
/// `多摩府中保健所管内ほか2件`, `多摩府中保健所管内_2025年度_療養者3人`.
pub fn export_label(scope: &ExportScope, all: &[StoredRecord]) -> String {
    let name = |id: &RecordId| -> Option<(String, String)> {
        let d = all.iter().find(|r| &r.meta.id == id && r.meta.kind == RecordKind::Diagnosis)?;
        let body = d.body_as::<CommunityDiagnosis>().ok()?;
        Some((body.jurisdiction, body.fiscal_year.seireki()))
    };
    match scope {
        ExportScope::All if all.iter().any(crate::domain::sample::is_sample_record) => {
            "全件_サンプルを含む".to_string()
        }
        ExportScope::All => "全件".to_string(),
        ExportScope::Diagnoses { ids } => match ids.as_slice() {
            [] => String::new(),
            [one] => name(one).map(|(j, y)| format!("{j}_{y}")).unwrap_or_default(),
            [first, rest @ ..] => name(first).map(|(j, _)| format!("{j}ほか{}件", rest.len())).unwrap_or_default(),
        },
        ExportScope::Patients { diagnosis_id, patient_ids } => {
            let base = name(diagnosis_id).map(|(j, y)| format!("{j}_{y}_")).unwrap_or_default();
            format!("{base}療養者{}人", patient_ids.len())
        }
    }
}

fn dated_name(parts: &[&str], at: Timestamp, extension: &str) -> String {
    let date = at.date_jst();
    let label: Vec<String> = parts.iter().map(|p| clean_label(p)).filter(|p| !p.is_empty()).collect();
    let label = if label.is_empty() { String::new() } else { format!("_{}", label.join("_")) };
    format!("難病地域診断{label}_{:04}{:02}{:02}{extension}", date.year, date.month, date.day)
}

/// `難病地域診断_<label>_暗号化_20261122.nanbyo.json` (the kind of file is read from its
/// content, so it keeps the bundle extension).
pub fn encrypted_file_name(label: &str, at: Timestamp) -> String {
    dated_name(&[label, "暗号化"], at, BUNDLE_EXTENSION)
}

/// `難病地域診断_<label>_<what>_20261122.csv`, e.g. what = `様式1療養者`.
pub fn csv_file_name(label: &str, what: &str, at: Timestamp) -> String {
    dated_name(&[label, what], at, ".csv")
}

// ---------------------------------------------------------------------------------------
// バックアップの声かけ (backup reminder)
// ---------------------------------------------------------------------------------------

/// The meta-store key of the [`ExportLog`].
pub const EXPORT_LOG_KEY: &str = "last_export";
/// Remind when the oldest change not yet in an exported file is this many days old.
pub const REMIND_AFTER_DAYS: i64 = 7;
/// Remind when more than this many records changed since they were last exported.
pub const REMIND_AFTER_CHANGES: usize = 50;

/// 書き出しの記録: when each 地域診断 was last written to a (not anonymised) bundle file in
/// whole. A patients-only or anonymised export is not a backup and is not recorded.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportLog {
    /// 最終書き出し: the last backup of any 地域診断.
    pub last_at: Option<Timestamp>,
    /// Per 地域診断: when it was last exported in whole.
    #[serde(default)]
    pub diagnoses: BTreeMap<RecordId, Timestamp>,
}

impl ExportLog {
    /// Reads the stored value (anything unreadable counts as no export yet).
    pub fn from_meta(value: Option<&serde_json::Value>) -> ExportLog {
        value.and_then(|v| serde_json::from_value(v.clone()).ok()).unwrap_or_default()
    }

    /// The value to store.
    pub fn to_meta(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }

    /// Records an export made `at` of the 地域診断 in `exported` (the file's diagnoses).
    /// Only whole 地域診断 count: a patients-only or anonymised file is not a backup.
    pub fn record(&mut self, scope: &ExportScope, anonymised: bool, exported: &[StoredRecord], at: Timestamp) -> bool {
        if anonymised || matches!(scope, ExportScope::Patients { .. }) || exported.is_empty() {
            return false;
        }
        for d in exported.iter().filter(|d| d.meta.kind == RecordKind::Diagnosis) {
            self.diagnoses.insert(d.meta.id.clone(), at);
        }
        self.last_at = Some(at);
        true
    }
}

/// What the status area and the reminder banner show.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BackupStatus {
    /// 最終書き出し.
    pub last_export: Option<Timestamp>,
    /// Records changed (or added) since their 地域診断 was last exported, or never exported.
    pub changed: usize,
    /// The time since which the oldest of those changes has been waiting.
    pub pending_since: Option<Timestamp>,
    /// Show the reminder banner.
    pub remind: bool,
    /// Whole days since `pending_since` (0 when nothing waits).
    pub days_waiting: i64,
}

/// Compares every record on the device with the export log.
///
/// The rule (documented on the page): a record is *not backed up* when it changed after its
/// 地域診断 was last exported in whole (`updated_at` later than the export), or when its
/// 地域診断 was never exported. The banner shows when something is not backed up and either
/// more than [`REMIND_AFTER_CHANGES`] records are, or the oldest has waited
/// [`REMIND_AFTER_DAYS`] days or more (since the last export, or since the record was created
/// when there was none). A 地域診断 in the ゴミ箱 is not counted (the export leaves it out
/// unless the ゴミ箱 is ticked).
pub fn backup_status(log: &ExportLog, all: &[StoredRecord], now: Timestamp) -> BackupStatus {
    let mut changed = 0usize;
    let mut pending_since: Option<Timestamp> = None;
    let trashed = crate::domain::diagnosis::trash::trashed_ids(all);
    // The サンプル is not the nurse's data: it needs no backup.
    let counted =
        |r: &&StoredRecord| !crate::domain::sample::is_sample_record(r) && !trashed.contains(&r.meta.diagnosis_id);
    for r in all.iter().filter(counted) {
        let since = match log.diagnoses.get(&r.meta.diagnosis_id) {
            Some(at) if r.meta.updated_at > *at => *at,
            Some(_) => continue,
            None => r.meta.created_at,
        };
        changed += 1;
        pending_since = Some(pending_since.map_or(since, |p| p.min(since)));
    }
    let days_waiting = pending_since.map_or(0, |p| p.days_until(now).max(0));
    let remind = changed > 0 && (changed > REMIND_AFTER_CHANGES || days_waiting >= REMIND_AFTER_DAYS);
    BackupStatus { last_export: log.last_at, changed, pending_since, remind, days_waiting }
}

impl BackupStatus {
    /// `最終書き出し: 2026年11月22日 10:05（その後の変更 3件）` for the status area.
    pub fn status_text(&self) -> String {
        match self.last_export {
            Some(at) if self.changed == 0 => format!("最終書き出し: {}（その後の変更なし）", at.display_jst()),
            Some(at) => format!("最終書き出し: {}（その後の変更 {}件）", at.display_jst(), self.changed),
            None => "最終書き出し: まだありません".to_string(),
        }
    }

    /// The reminder banner's text, when it should show.
    pub fn reminder_text(&self) -> Option<String> {
        if !self.remind {
            return None;
        }
        let what = match self.last_export {
            None => format!("まだ一度もデータを書き出していません（書き出していない記録 {}件）。", self.changed),
            Some(_) if self.days_waiting >= REMIND_AFTER_DAYS => {
                format!("書き出していない変更が{}日前からあります（{}件）。", self.days_waiting, self.changed)
            }
            Some(_) => format!("前回の書き出しの後に {}件の記録が変わりました。", self.changed),
        };
        Some(format!("{what}記録はこの端末の中にしかありません。書き出して、ファイルを安全な場所に保管してください。"))
    }
}

// ---------------------------------------------------------------------------------------
// 読み込み: the file and its plan
// ---------------------------------------------------------------------------------------

/// 「難病地域診断_….nanbyo.json」は取り込めません — the heading above the problems.
pub fn refusal_heading(file_name: &str) -> String {
    format!("「{file_name}」は取り込めません。この端末のデータは変更していません。")
}

/// Facts about a checked file, one line each, for the review.
pub fn file_facts(parsed: &ParsedBundle, file_name: &str, me: &DeviceId) -> Vec<String> {
    let b = &parsed.bundle;
    let device =
        if &b.device == me { "この端末".to_string() } else { format!("端末 {}", short_device(&b.device)) };
    let mut lines = vec![
        format!("ファイル: {file_name}"),
        format!("書き出し日時: {}（{device}）", b.exported_at.display_jst()),
        format!("範囲: {}", b.scope.describe()),
        format!("内容: {}", KindCounts::of(b.diagnoses.iter().chain(&b.records)).describe()),
    ];
    if let Some(v) = parsed.migrated_from {
        lines.push(format!("形式: 古い形式（v{v}）のファイルです"));
    }
    lines
}

/// The first 8 characters of a device ID (they are random UUIDs).
pub fn short_device(device: &DeviceId) -> String {
    device.as_str().chars().take(8).collect()
}

/// One count of the plan summary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummaryLine {
    /// Stable key (CSS class and test hook): `new`, `updated`, `merged`, `identical`,
    /// `local_newer`, `conflict`, `refused`.
    pub key: String,
    pub label: String,
    pub count: usize,
}

/// Stable key of an outcome (see [`SummaryLine::key`]).
pub fn outcome_key(outcome: &Outcome) -> &'static str {
    match outcome {
        Outcome::New => "new",
        Outcome::Updated { .. } => "updated",
        Outcome::Merged { .. } => "merged",
        Outcome::Identical => "identical",
        Outcome::LocalNewer { .. } => "local_newer",
        Outcome::Conflict { .. } => "conflict",
        Outcome::Refused { .. } => "refused",
    }
}

/// The counts per outcome, in a fixed order (zero counts included, so nothing jumps).
pub fn summary_lines(plan: &ImportPlan) -> Vec<SummaryLine> {
    let s = plan.summary();
    [
        ("new", "新規", s.new),
        ("updated", "更新", s.updated),
        ("merged", "両方の変更をまとめる", s.merged),
        ("identical", "変更なし", s.identical),
        ("local_newer", "この端末の方が新しい", s.local_newer),
        ("conflict", "競合（選んでください）", s.conflicts),
        ("refused", "取り込めません", s.refused),
    ]
    .into_iter()
    .map(|(key, label, count)| SummaryLine { key: key.to_string(), label: label.to_string(), count })
    .collect()
}

/// The sentence above the plan: what confirming would do.
pub fn plan_verdict(plan: &ImportPlan) -> String {
    if !plan.has_changes() {
        return "このファイルの内容はすべてこの端末にあります。取り込んでも何も変わりません。".to_string();
    }
    let s = plan.summary();
    let mut parts = Vec::new();
    if s.new > 0 {
        parts.push(format!("{}件を追加", s.new));
    }
    if s.updated + s.merged > 0 {
        parts.push(format!("{}件を更新", s.updated + s.merged));
    }
    if s.conflicts > 0 {
        parts.push(format!("{}件は競合する項目を選んでから反映", s.conflicts));
    }
    let written = plan.items.iter().filter(|i| i.proposed.is_some()).count();
    if parts.is_empty() && written > 0 {
        parts.push(format!("{written}件の変更履歴をそろえます（値は変わりません）"));
    }
    format!("確定すると、{}します。削除される記録はありません。", parts.join("、"))
}

/// Which rows the plan list shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlanFilter {
    /// 変更のある記録 (everything except 変更なし).
    Changes,
    /// One outcome (by [`outcome_key`]).
    Only(&'static str),
    /// すべて.
    All,
}

impl PlanFilter {
    /// The choices for the filter select: (value, label).
    pub const CHOICES: [(&'static str, &'static str); 9] = [
        ("changes", "変更のある記録"),
        ("all", "すべて"),
        ("new", "新規"),
        ("updated", "更新"),
        ("merged", "両方の変更をまとめる"),
        ("conflict", "競合"),
        ("local_newer", "この端末の方が新しい"),
        ("identical", "変更なし"),
        ("refused", "取り込めません"),
    ];

    /// From a select value (unknown values show the changes).
    pub fn from_value(value: &str) -> PlanFilter {
        match value {
            "all" => PlanFilter::All,
            "changes" => PlanFilter::Changes,
            other => PlanFilter::CHOICES
                .iter()
                .find(|(k, _)| *k == other)
                .map_or(PlanFilter::Changes, |(k, _)| PlanFilter::Only(k)),
        }
    }

    fn accepts(self, outcome: &Outcome) -> bool {
        match self {
            PlanFilter::All => true,
            PlanFilter::Changes => !matches!(outcome, Outcome::Identical),
            PlanFilter::Only(key) => outcome_key(outcome) == key,
        }
    }
}

/// One row of the plan list.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PlanRow {
    pub id: RecordId,
    /// 療養者, 訪問看護ステーション, …
    pub kind: String,
    /// 表示名 (names hidden when asked).
    pub title: String,
    /// [`outcome_key`].
    pub key: String,
    /// 新規, 更新, …
    pub outcome: String,
    /// Which fields, or why refused.
    pub detail: String,
    /// About the ゴミ箱, if anything.
    pub trash_note: Option<String>,
}

/// Field labels for a list of paths: `ADL、氏名` (at most 6, then 「ほかN項目」).
fn field_list(kind: RecordKind, paths: &[String]) -> String {
    let labels: Vec<String> = paths
        .iter()
        .map(|p| {
            let label = field_label(kind, p);
            if !label.is_empty() {
                label
            } else if !meta_label(p).is_empty() {
                meta_label(p).to_string()
            } else {
                p.clone()
            }
        })
        .collect();
    let shown = labels.iter().take(6).cloned().collect::<Vec<_>>().join("、");
    if labels.len() > 6 {
        format!("{shown}　ほか{}項目", labels.len() - 6)
    } else {
        shown
    }
}

fn outcome_detail(kind: RecordKind, outcome: &Outcome) -> String {
    match outcome {
        Outcome::New => String::new(),
        Outcome::Identical => String::new(),
        Outcome::Updated { fields } => format!("ファイルの値にする項目: {}", field_list(kind, fields)),
        Outcome::Merged { taken, kept } => format!(
            "ファイルの値にする項目: {}／この端末の値のままの項目: {}",
            field_list(kind, taken),
            field_list(kind, kept)
        ),
        Outcome::LocalNewer { fields } => format!("この端末の方が新しい項目: {}", field_list(kind, fields)),
        Outcome::Conflict { conflicts, .. } => {
            let paths: Vec<String> = conflicts.iter().map(|c| c.path.clone()).collect();
            format!("両方で違う値に変更された項目: {}", field_list(kind, &paths))
        }
        Outcome::Refused { reason } => reason.clone(),
    }
}

/// The name shown for an incoming record, respecting 氏名を隠す.
fn shown_title(item: &PlanItem, incoming: Option<&StoredRecord>, hide_names: bool) -> String {
    if hide_names && item.kind == RecordKind::Patient {
        if let Some(p) = incoming.and_then(|r| r.body_as::<Patient>().ok()) {
            let id_number = p.display_name(true).trim().to_string();
            return if id_number.is_empty() { format!("療養者（ID {}）", item.id) } else { id_number };
        }
        return format!("療養者（ID {}）", item.id);
    }
    item.title.clone()
}

/// The rows of the plan that `filter` shows, at most `limit`, and how many more there are.
pub fn plan_rows(
    plan: &ImportPlan,
    incoming: &Bundle,
    hide_names: bool,
    filter: PlanFilter,
    limit: usize,
) -> (Vec<PlanRow>, usize) {
    let by_id: BTreeMap<&RecordId, &StoredRecord> = if hide_names {
        incoming.diagnoses.iter().chain(&incoming.records).map(|r| (&r.meta.id, r)).collect()
    } else {
        BTreeMap::new()
    };
    let mut rows = Vec::new();
    let mut more = 0usize;
    for item in plan.items.iter().filter(|i| filter.accepts(&i.outcome)) {
        if rows.len() >= limit {
            more += 1;
            continue;
        }
        rows.push(PlanRow {
            id: item.id.clone(),
            kind: item.kind.label().to_string(),
            title: shown_title(item, by_id.get(&item.id).copied(), hide_names),
            key: outcome_key(&item.outcome).to_string(),
            outcome: item.outcome.label().to_string(),
            detail: outcome_detail(item.kind, &item.outcome),
            trash_note: item.trash_note().map(str::to_string),
        });
    }
    (rows, more)
}

// ---------------------------------------------------------------------------------------
// 競合: both values side by side
// ---------------------------------------------------------------------------------------

/// One conflicting field for the nurse to decide.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ConflictRow {
    pub record_id: RecordId,
    /// The record's kind and name: `療養者 山田 太郎`.
    pub record: String,
    /// Field path (for the choice).
    pub path: String,
    /// 項目名.
    pub label: String,
    /// この端末の値 / ファイルの値, in words.
    pub ours: String,
    pub theirs: String,
    /// When and where each was last changed.
    pub our_stamp: String,
    pub their_stamp: String,
}

/// Fields hidden when 氏名・住所を隠す is on.
fn is_private(kind: RecordKind, path: &str) -> bool {
    kind == RecordKind::Patient && matches!(path, "name" | "address_detail")
}

/// `2026年11月22日 10:05・この端末で変更` / `…・端末 ab12cd34 で変更` / `作成時の値（変更の記録なし）`.
pub fn stamp_text(stamp: Option<&FieldStamp>, me: &DeviceId) -> String {
    match stamp {
        None => "作成時の値（変更の記録なし）".to_string(),
        Some(s) if &s.device == me => format!("{}・この端末で変更", s.at.display_jst()),
        Some(s) => format!("{}・端末 {} で変更", s.at.display_jst(), short_device(&s.device)),
    }
}

fn conflict_row(item: &PlanItem, record: &str, c: &FieldConflict, me: &DeviceId, hide_names: bool) -> ConflictRow {
    let hidden = hide_names && is_private(item.kind, &c.path);
    let value =
        |text: &str| if hidden { "（氏名・住所を隠しています）".to_string() } else { text.to_string() };
    ConflictRow {
        record_id: item.id.clone(),
        record: record.to_string(),
        path: c.path.clone(),
        label: if c.label.is_empty() { c.path.clone() } else { c.label.clone() },
        ours: value(&c.ours_text),
        theirs: value(&c.theirs_text),
        our_stamp: stamp_text(c.our_stamp.as_ref(), me),
        their_stamp: stamp_text(c.their_stamp.as_ref(), me),
    }
}

/// Every conflicting field of the plan, record by record.
pub fn conflict_rows(plan: &ImportPlan, incoming: &Bundle, me: &DeviceId, hide_names: bool) -> Vec<ConflictRow> {
    let by_id: BTreeMap<&RecordId, &StoredRecord> =
        incoming.diagnoses.iter().chain(&incoming.records).map(|r| (&r.meta.id, r)).collect();
    let mut out = Vec::new();
    for item in &plan.items {
        if let Outcome::Conflict { conflicts, .. } = &item.outcome {
            let record =
                format!("{} {}", item.kind.label(), shown_title(item, by_id.get(&item.id).copied(), hide_names));
            out.extend(conflicts.iter().map(|c| conflict_row(item, &record, c, me, hide_names)));
        }
    }
    out
}

/// `競合 3項目のうち2項目を選びました。残り1項目はこの端末の値のままにし、次にこのファイルを読み込むとまた表示されます。`
pub fn resolution_summary(plan: &ImportPlan, resolutions: &Resolutions) -> String {
    resolution_text(plan.conflicts().len(), resolutions.open_count(plan))
}

/// [`resolution_summary`] from the counts: `total` conflicting fields, `open` not chosen yet.
pub fn resolution_text(total: usize, open: usize) -> String {
    match (total, open) {
        (0, _) => String::new(),
        (t, 0) => format!("競合 {t}項目をすべて選びました。"),
        (t, o) => format!(
            "競合 {t}項目のうち{}項目を選びました。選んでいない{o}項目はこの端末の値のままにし、次にこのファイルを読み込むとまた表示されます。",
            t - o
        ),
    }
}

/// What the notice says after the import was written.
pub fn import_done_message(plan: &ImportPlan, applied: &Applied) -> String {
    let s = plan.summary();
    if applied.records.is_empty() {
        return "取り込みました（変更はありませんでした）".to_string();
    }
    let mut text =
        format!("取り込みました（新規 {}件・更新 {}件）", s.new, applied.records.len().saturating_sub(s.new));
    if applied.open_conflicts > 0 {
        text.push_str(&format!("。選んでいない競合 {}項目はこの端末の値のままです", applied.open_conflicts));
    }
    text
}

/// A fingerprint of the device's records (IDs, revisions, update times, trash flags), in
/// any order: when it is unchanged, nothing was saved since a plan was made from them.
pub fn records_fingerprint(records: &[StoredRecord]) -> u64 {
    let mut keys: Vec<(&str, u64, i64, Option<i64>)> = records
        .iter()
        .map(|r| (r.meta.id.as_str(), r.meta.rev, r.meta.updated_at.0, r.meta.deleted_at.map(|t| t.0)))
        .collect();
    keys.sort_unstable();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for b in bytes {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    for (id, rev, updated, deleted) in keys {
        eat(id.as_bytes());
        eat(&[0]);
        eat(&rev.to_le_bytes());
        eat(&updated.to_le_bytes());
        eat(&deleted.unwrap_or(-1).to_le_bytes());
    }
    hash
}

// ---------------------------------------------------------------------------------------
// Work in parts (so the page can show progress and let the browser breathe)
// ---------------------------------------------------------------------------------------

/// The bundle cut into parts of at most `size` records for planning piece by piece; the
/// first part holds every 地域診断 (their notes need the whole list). Planning the parts and
/// joining them ([`join_plans`]) gives the same plan as planning the whole bundle.
pub fn bundle_parts(bundle: &Bundle, size: usize) -> Vec<Bundle> {
    let size = size.max(1);
    let empty = |diagnoses: Vec<StoredRecord>, records: Vec<StoredRecord>| Bundle {
        diagnoses,
        records,
        ..Bundle {
            format: bundle.format.clone(),
            version: bundle.version,
            exported_at: bundle.exported_at,
            app_version: bundle.app_version.clone(),
            device: bundle.device.clone(),
            scope: bundle.scope.clone(),
            anonymised: bundle.anonymised,
            diagnoses: Vec::new(),
            records: Vec::new(),
            history: Vec::new(),
        }
    };
    let mut parts = vec![empty(bundle.diagnoses.clone(), Vec::new())];
    for chunk in bundle.records.chunks(size) {
        parts.push(empty(Vec::new(), chunk.to_vec()));
    }
    parts
}

/// Joins partial plans in order.
pub fn join_plans(parts: Vec<ImportPlan>) -> ImportPlan {
    let mut plan = ImportPlan { items: Vec::new(), notes: Vec::new() };
    for p in parts {
        plan.items.extend(p.items);
        plan.notes.extend(p.notes);
    }
    plan
}

/// The plan cut into parts of at most `size` items, for applying piece by piece.
pub fn plan_parts(plan: &ImportPlan, size: usize) -> Vec<ImportPlan> {
    plan.items.chunks(size.max(1)).map(|items| ImportPlan { items: items.to_vec(), notes: Vec::new() }).collect()
}

/// Joins partial results in order.
pub fn join_applied(parts: Vec<Applied>) -> Applied {
    let mut out = Applied::default();
    for a in parts {
        out.records.extend(a.records);
        out.open_conflicts += a.open_conflicts;
        out.notes.extend(a.notes);
    }
    out
}

// ---------------------------------------------------------------------------------------
// 暗号化のパスワード
// ---------------------------------------------------------------------------------------

/// Fewest characters of an export password.
pub const MIN_PASSWORD_CHARS: usize = 10;

/// Checks the password typed twice for an encrypted export (fields `password` and
/// `password_again`).
pub fn password_issues(first: &str, second: &str) -> Issues {
    let mut issues = Issues::new();
    let n = first.chars().count();
    if n == 0 {
        issues.error("password", "パスワード", "パスワードを入力してください");
    } else if n < MIN_PASSWORD_CHARS {
        issues.error(
            "password",
            "パスワード",
            format!("パスワードは{MIN_PASSWORD_CHARS}文字以上にしてください（いま{n}文字）"),
        );
    } else if first.chars().collect::<BTreeSet<char>>().len() < 4 {
        issues.error("password", "パスワード", "同じ文字の繰り返しは推測されやすいため使えません");
    }
    if !first.is_empty() && first != second {
        issues.error("password_again", "パスワード（確認）", "確認のパスワードが一致しません");
    }
    issues
}

// ---------------------------------------------------------------------------------------
// 匿名化: review of the free texts
// ---------------------------------------------------------------------------------------

/// The free texts of one kind, for the nurse's review before she keeps them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FreeTextReview {
    pub field: FreeTextField,
    pub label: String,
    /// How many texts (records × places) there are.
    pub total: usize,
    /// Distinct texts with how often each occurs, most frequent first, at most `limit`.
    pub samples: Vec<(String, usize)>,
    /// Distinct texts not listed.
    pub more: usize,
}

/// One review per kind of free text, for the records that would be exported.
pub fn free_text_review(diagnoses: &[StoredRecord], records: &[StoredRecord], limit: usize) -> Vec<FreeTextReview> {
    FreeTextField::ALL
        .iter()
        .map(|&field| {
            let values = free_text_values(diagnoses, records, field);
            let mut counts: BTreeMap<String, usize> = BTreeMap::new();
            for v in &values {
                *counts.entry(v.clone()).or_insert(0) += 1;
            }
            let mut samples: Vec<(String, usize)> = counts.into_iter().collect();
            samples.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let more = samples.len().saturating_sub(limit);
            samples.truncate(limit);
            FreeTextReview { field, label: field.label().to_string(), total: values.len(), samples, more }
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------

/// The live records of one kind in the order they were entered.
fn live_in_order<T: crate::domain::record::RecordBody>(records: &[StoredRecord]) -> (Vec<T>, usize) {
    let mut live: Vec<&StoredRecord> = records.iter().filter(|r| r.meta.kind == T::KIND && !r.is_deleted()).collect();
    live.sort_by(|a, b| (a.meta.created_at, &a.meta.id).cmp(&(b.meta.created_at, &b.meta.id)));
    let mut unreadable = 0usize;
    let typed = live
        .into_iter()
        .filter_map(|r| {
            let t = r.body_as::<T>().ok();
            if t.is_none() {
                unreadable += 1;
            }
            t
        })
        .collect();
    (typed, unreadable)
}

/// 様式1 療養者 CSV of a 地域診断's records (ゴミ箱 left out; names as ID番号 when hidden;
/// 住所 to the 市町村 as on the form). Returns the text, the row count and how many records
/// could not be read.
pub fn patients_csv_of(records: &[StoredRecord], hide_names: bool) -> (String, usize, usize) {
    let (patients, unreadable) = live_in_order::<Patient>(records);
    let csv = patients_csv(&patients, PatientCsvOptions { hide_names, include_address_detail: false });
    (csv, patients.len(), unreadable)
}

/// 様式3 訪問看護ステーション CSV of a 地域診断's records (ゴミ箱 left out).
pub fn stations_csv_of(records: &[StoredRecord]) -> (String, usize, usize) {
    let (stations, unreadable) = live_in_order::<Station>(records);
    (stations_csv(&stations), stations.len(), unreadable)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::bundle::{apply_plan, plan_import, Choice};
    use crate::domain::fiscal_year::FiscalYear;
    use crate::domain::patient::Adl;
    use crate::domain::time::Date;

    use crate::domain::ids::test_ids::dev;
    use crate::domain::ids::test_ids::rid as id;
    const DAY: i64 = 86_400_000;

    fn diagnosis(i: &str, name: &str, year: i32, at: i64) -> StoredRecord {
        let body = CommunityDiagnosis { jurisdiction: name.into(), fiscal_year: FiscalYear::new(year).expect("fy") };
        StoredRecord::create(id(i), id(i), &body, Timestamp(at), &dev("pc-a")).expect("creates")
    }
    fn patient(i: &str, d: &str, name: &str, number: &str, at: i64) -> StoredRecord {
        let p = Patient {
            name: name.into(),
            id_number: number.into(),
            municipality: "府中市".into(),
            ..Patient::default()
        };
        StoredRecord::create(id(i), id(d), &p, Timestamp(at), &dev("pc-a")).expect("creates")
    }
    fn station(i: &str, d: &str, name: &str, at: i64) -> StoredRecord {
        let s = Station { name: name.into(), ..Station::default() };
        StoredRecord::create(id(i), id(d), &s, Timestamp(at), &dev("pc-a")).expect("creates")
    }
    fn device_records() -> Vec<StoredRecord> {
        let mut trashed = patient("p3", "d1", "削除 さん", "H-3", 30);
        trashed.meta.deleted_at = Some(Timestamp(40));
        vec![
            diagnosis("d1", "多摩府中保健所管内", 2025, 1),
            diagnosis("d2", "多摩府中保健所管内", 2024, 1),
            diagnosis("d3", "南多摩保健所管内", 2025, 1),
            patient("p2", "d1", "鈴木 花子", "H-2", 20),
            patient("p1", "d1", "山田 太郎", "H-1", 10),
            trashed,
            station("s1", "d1", "Ａステーション", 15),
            patient("q1", "d2", "佐藤 一郎", "K-1", 5),
        ]
    }

    #[test]
    fn choices_list_diagnoses_in_list_order_with_counts() {
        let all = device_records();
        let choices = diagnosis_choices(&all, true);
        let titles: Vec<&str> = choices.iter().map(|c| c.title.as_str()).collect();
        assert_eq!(
            titles,
            vec![
                "南多摩保健所管内 令和7年度（2025年度）",
                "多摩府中保健所管内 令和7年度（2025年度）",
                "多摩府中保健所管内 令和6年度（2024年度）"
            ]
        );
        let d1 = &choices[1].counts;
        assert_eq!((d1.diagnoses, d1.patients, d1.stations, d1.trashed), (1, 3, 1, 1));
        assert_eq!(d1.describe(), "地域診断 1件・療養者 3人・訪問看護ステーション 1件（うちゴミ箱 1件）");
        assert_eq!(d1.total(), 5);
        let empty = KindCounts::default();
        assert_eq!(empty.describe(), "療養者 0人・訪問看護ステーション 0件");
    }

    #[test]
    fn patients_in_entry_order_names_hidden_on_request() {
        let all = device_records();
        let ps = patient_choices(&all, &id("d1"), false, false);
        let labels: Vec<&str> = ps.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(labels, vec!["山田 太郎", "鈴木 花子"], "by creation time, trash left out");
        let ps = patient_choices(&all, &id("d1"), true, true);
        let labels: Vec<(&str, bool)> = ps.iter().map(|p| (p.label.as_str(), p.trashed)).collect();
        assert_eq!(labels, vec![("H-1", false), ("H-2", false), ("H-3", true)]);
        assert_eq!(ps[0].municipality, "府中市");
    }

    #[test]
    fn scopes_labels_and_file_names() {
        let all = device_records();
        assert_eq!(scope_problem(&ExportScope::Diagnoses { ids: vec![] }), Some("書き出す地域診断を選んでください"));
        assert_eq!(
            scope_problem(&ExportScope::Patients { diagnosis_id: id("d1"), patient_ids: vec![] }),
            Some("書き出す療養者を選んでください")
        );
        assert_eq!(scope_problem(&ExportScope::All), None);
        assert_eq!(export_label(&ExportScope::All, &all), "全件");
        assert_eq!(export_label(&ExportScope::Diagnoses { ids: vec![id("d1")] }, &all), "多摩府中保健所管内_2025年度");
        assert_eq!(
            export_label(&ExportScope::Diagnoses { ids: vec![id("d1"), id("d2"), id("d3")] }, &all),
            "多摩府中保健所管内ほか2件"
        );
        let scope = ExportScope::Patients { diagnosis_id: id("d2"), patient_ids: vec![id("q1")] };
        assert_eq!(export_label(&scope, &all), "多摩府中保健所管内_2024年度_療養者1人");
        let t = Date::new(2026, 11, 22).expect("date").start_jst();
        assert_eq!(encrypted_file_name("A/B", t), "難病地域診断_A_B_暗号化_20261122.nanbyo.json");
        assert_eq!(
            csv_file_name("A保健所管内_2025年度", "様式1療養者", t),
            "難病地域診断_A保健所管内_2025年度_様式1療養者_20261122.csv"
        );
        assert_eq!(csv_file_name("", "集計", t), "難病地域診断_集計_20261122.csv");
    }

    #[test]
    fn backup_log_counts_changes_since_each_export() {
        let all = device_records();
        let now = Timestamp(100 * DAY);
        // Nothing exported yet: every record waits since it was created.
        let s = backup_status(&ExportLog::default(), &all, now);
        assert_eq!((s.last_export, s.changed), (None, 8));
        assert_eq!(s.pending_since, Some(Timestamp(1)));
        assert!(s.remind, "waiting for 99 days");
        assert_eq!(s.status_text(), "最終書き出し: まだありません");
        assert!(s
            .reminder_text()
            .is_some_and(|t| t.starts_with("まだ一度もデータを書き出していません（書き出していない記録 8件）")));

        // Export d1 whole at day 99: its 5 records are backed up; d2 (2) and d3 (1) are not.
        let mut log = ExportLog::default();
        let d1 = [all[0].clone()];
        assert!(log.record(&ExportScope::Diagnoses { ids: vec![id("d1")] }, false, &d1, Timestamp(99 * DAY)));
        let s = backup_status(&log, &all, now);
        assert_eq!(s.changed, 3);
        // Patients-only and anonymised files are not backups.
        let mut other = log.clone();
        let patients = ExportScope::Patients { diagnosis_id: id("d2"), patient_ids: vec![id("q1")] };
        assert!(!other.record(&patients, false, &[all[1].clone()], Timestamp(100 * DAY)));
        assert!(!other.record(&ExportScope::All, true, &all, Timestamp(100 * DAY)));
        assert_eq!(other, log);

        // Everything exported at day 99; one edit at day 99.5 → 1 change, 0 days: no banner.
        log.record(&ExportScope::All, false, &all, Timestamp(99 * DAY));
        let mut edited = all.clone();
        edited[3].meta.updated_at = Timestamp(99 * DAY + DAY / 2);
        let s = backup_status(&log, &edited, now);
        assert_eq!((s.changed, s.remind, s.days_waiting), (1, false, 1));
        assert_eq!(s.status_text(), format!("最終書き出し: {}（その後の変更 1件）", Timestamp(99 * DAY).display_jst()));
        // 7 days later the same change asks for a backup.
        let s = backup_status(&log, &edited, Timestamp(106 * DAY));
        assert_eq!((s.days_waiting, s.remind), (7, true));
        assert!(s.reminder_text().is_some_and(|t| t.starts_with("書き出していない変更が7日前からあります（1件）。")));
        // 6 days: not yet.
        assert!(!backup_status(&log, &edited, Timestamp(105 * DAY)).remind);
        // Nothing changed since: never a banner, however old the export.
        let s = backup_status(&log, &all, Timestamp(400 * DAY));
        assert_eq!((s.changed, s.remind), (0, false));
        assert!(s.status_text().ends_with("（その後の変更なし）"));
    }

    #[test]
    fn many_changes_remind_at_once() {
        let mut all = vec![diagnosis("d1", "A", 2025, 0)];
        for i in 0..51 {
            all.push(patient(&format!("p{i}"), "d1", "x", "y", 0));
        }
        let mut log = ExportLog::default();
        log.record(&ExportScope::All, false, &all[..1], Timestamp(10));
        for r in &mut all[1..] {
            r.meta.updated_at = Timestamp(20);
        }
        let s = backup_status(&log, &all[..51], Timestamp(30));
        assert_eq!((s.changed, s.remind), (50, false), "exactly 50: not more than 50");
        let s = backup_status(&log, &all, Timestamp(30));
        assert_eq!((s.changed, s.remind), (51, true));
        assert!(s.reminder_text().is_some_and(|t| t.starts_with("前回の書き出しの後に 51件の記録が変わりました。")));
        // The log survives the meta store (and junk reads as no export).
        assert_eq!(ExportLog::from_meta(Some(&log.to_meta())), log);
        assert_eq!(ExportLog::from_meta(Some(&serde_json::json!("junk"))), ExportLog::default());
    }

    fn bundle(diagnoses: Vec<StoredRecord>, records: Vec<StoredRecord>) -> Bundle {
        Bundle {
            format: super::super::BUNDLE_FORMAT.into(),
            version: 1,
            exported_at: Timestamp(0),
            app_version: "t".into(),
            device: dev("pc-b"),
            scope: ExportScope::All,
            anonymised: false,
            diagnoses,
            records,
            history: Vec::new(),
        }
    }

    fn edit(r: &StoredRecord, at: i64, device: &str, f: impl FnOnce(&mut Patient)) -> StoredRecord {
        let mut p: Patient = r.body_as().expect("patient");
        f(&mut p);
        r.edited(&p, Timestamp(at), &dev(device)).expect("ok").expect("changed")
    }

    #[test]
    fn plan_rows_summary_and_verdict() {
        let all = device_records();
        let (ds, rs) = super::super::split_diagnoses(all.clone());
        let same = plan_import(&all, &bundle(ds.clone(), rs.clone()));
        assert_eq!(plan_verdict(&same), "このファイルの内容はすべてこの端末にあります。取り込んでも何も変わりません。");
        let (rows, more) = plan_rows(&same, &bundle(ds.clone(), rs.clone()), false, PlanFilter::Changes, 10);
        assert!(rows.is_empty() && more == 0);
        let (rows, _) = plan_rows(&same, &bundle(ds.clone(), rs.clone()), false, PlanFilter::All, 3);
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].outcome, "変更なし");

        // The file: p1's ADL changed on pc-b, a new patient, the same records otherwise.
        let mut theirs = rs.clone();
        let p1 = theirs.iter().position(|r| r.meta.id.as_str() == "p1").expect("p1");
        theirs[p1] = edit(&theirs[p1], 50, "pc-b", |p| p.adl = Some(Adl::FullAssist));
        theirs.push(patient("p9", "d1", "新井 三郎", "H-9", 60));
        let file = bundle(ds.clone(), theirs);
        let plan = plan_import(&all, &file);
        let lines = summary_lines(&plan);
        let counts: Vec<(&str, usize)> = lines.iter().map(|l| (l.key.as_str(), l.count)).collect();
        assert_eq!(
            counts,
            vec![
                ("new", 1),
                ("updated", 1),
                ("merged", 0),
                ("identical", 7),
                ("local_newer", 0),
                ("conflict", 0),
                ("refused", 0)
            ]
        );
        assert_eq!(plan_verdict(&plan), "確定すると、1件を追加、1件を更新します。削除される記録はありません。");
        let (rows, more) = plan_rows(&plan, &file, false, PlanFilter::Changes, 10);
        let shown: Vec<(&str, &str, &str)> =
            rows.iter().map(|r| (r.title.as_str(), r.key.as_str(), r.detail.as_str())).collect();
        assert_eq!(shown, vec![("山田 太郎", "updated", "ファイルの値にする項目: ADL"), ("新井 三郎", "new", "")]);
        assert_eq!(more, 0);
        let (rows, _) = plan_rows(&plan, &file, true, PlanFilter::Only("new"), 10);
        assert_eq!(rows[0].title, "H-9", "ID番号 instead of the name");
        let (rows, more) = plan_rows(&plan, &file, false, PlanFilter::All, 2);
        assert_eq!((rows.len(), more), (2, 7));
        assert_eq!(PlanFilter::from_value("conflict"), PlanFilter::Only("conflict"));
        assert_eq!(PlanFilter::from_value("nonsense"), PlanFilter::Changes);

        let applied = apply_plan(&plan, &Resolutions::new());
        assert_eq!(import_done_message(&plan, &applied), "取り込みました（新規 1件・更新 1件）");
    }

    /// Issue 12: a refused plan row showed the device record's name under the file record's
    /// kind (a station's name as a 療養者). It shows the file's record.
    #[test]
    fn a_refused_row_shows_the_file_record() {
        let device = vec![diagnosis("d1", "A保健所管内", 2025, 1), station("x1", "d1", "Ａステーション", 2)];
        let file = bundle(Vec::new(), vec![patient("x1", "d1", "山田 太郎", "H-1", 3)]);
        let plan = plan_import(&device, &file);
        let (rows, _) = plan_rows(&plan, &file, false, PlanFilter::All, 10);
        assert_eq!(
            (rows[0].kind.as_str(), rows[0].title.as_str(), rows[0].key.as_str()),
            ("療養者", "山田 太郎", "refused")
        );
        assert!(rows[0].detail.contains("この端末: 訪問看護ステーション、ファイル: 療養者"), "{}", rows[0].detail);
    }

    #[test]
    fn conflicts_side_by_side_with_stamps() {
        let base = patient("p1", "d1", "山田 太郎", "H-1", 10);
        let ours =
            edit(&base, Date::new(2026, 11, 20).expect("d").start_jst().0, "pc-a", |p| p.name = "山田 太朗".into());
        let theirs = edit(&base, Date::new(2026, 11, 21).expect("d").start_jst().0 + 3_600_000, "pc-bbbbbbbbbb", |p| {
            p.name = "山田 多郎".into();
            p.adl = Some(Adl::Independent);
        });
        let file = bundle(Vec::new(), vec![theirs]);
        let plan = plan_import(std::slice::from_ref(&ours), &file);
        let rows = conflict_rows(&plan, &file, &dev("pc-a"), false);
        assert_eq!(rows.len(), 1);
        let r = &rows[0];
        assert_eq!((r.label.as_str(), r.ours.as_str(), r.theirs.as_str()), ("氏名", "山田 太朗", "山田 多郎"));
        assert_eq!(r.record, "療養者 山田 太朗");
        assert_eq!(r.our_stamp, "2026年11月20日 00:00・この端末で変更");
        assert_eq!(r.their_stamp, "2026年11月21日 01:00・端末 pc-bbbbb で変更");
        let hidden = conflict_rows(&plan, &file, &dev("pc-a"), true);
        assert_eq!(hidden[0].ours, "（氏名・住所を隠しています）");
        assert_eq!(hidden[0].record, "療養者 H-1");
        assert_eq!(stamp_text(None, &dev("pc-a")), "作成時の値（変更の記録なし）");

        let mut choices = Resolutions::new();
        assert!(resolution_summary(&plan, &choices).starts_with("競合 1項目のうち0項目を選びました。"));
        choices.choose(&id("p1"), "name", Choice::Theirs);
        assert_eq!(resolution_summary(&plan, &choices), "競合 1項目をすべて選びました。");
        let (rows, _) = plan_rows(&plan, &file, false, PlanFilter::Only("conflict"), 10);
        assert_eq!(rows[0].detail, "両方で違う値に変更された項目: 氏名");
        assert_eq!(
            plan_verdict(&plan),
            "確定すると、1件は競合する項目を選んでから反映します。削除される記録はありません。"
        );
    }

    #[test]
    fn planning_in_parts_equals_planning_whole() {
        let all = device_records();
        let (ds, rs) = super::super::split_diagnoses(all.clone());
        let mut theirs = rs.clone();
        theirs[0] = edit(&theirs[0], 90, "pc-b", |p| p.adl = Some(Adl::PartialAssist));
        for i in 0..7 {
            theirs.push(patient(&format!("n{i}"), "d1", "新", "N", 100 + i));
        }
        let mut new_d = diagnosis("d9", "多摩府中保健所管内", 2025, 3);
        new_d.meta.id = id("d9");
        new_d.meta.diagnosis_id = id("d9");
        let file = bundle(vec![ds[0].clone(), new_d], theirs);
        let whole = plan_import(&all, &file);
        for size in [1, 2, 3, 100] {
            let parts: Vec<ImportPlan> = bundle_parts(&file, size).iter().map(|b| plan_import(&all, b)).collect();
            assert_eq!(join_plans(parts), whole, "size {size}");
            let applied: Vec<Applied> =
                plan_parts(&whole, size).iter().map(|p| apply_plan(p, &Resolutions::new())).collect();
            assert_eq!(join_applied(applied), apply_plan(&whole, &Resolutions::new()), "size {size}");
        }
        assert_eq!(whole.notes.len(), 1, "same 地区名・年度 noted once");
        assert_eq!(bundle_parts(&file, 4).len(), 1 + 3);
    }

    #[test]
    fn fingerprint_changes_with_any_save_and_not_with_order() {
        let all = device_records();
        let mut reversed = all.clone();
        reversed.reverse();
        assert_eq!(records_fingerprint(&all), records_fingerprint(&reversed));
        let mut edited = all.clone();
        edited[4] = edit(&edited[4], 500, "pc-a", |p| p.adl = Some(Adl::Independent));
        assert_ne!(records_fingerprint(&all), records_fingerprint(&edited));
        let mut trashed = all.clone();
        trashed[3].meta.deleted_at = Some(Timestamp(9));
        assert_ne!(records_fingerprint(&all), records_fingerprint(&trashed));
        assert_ne!(records_fingerprint(&all), records_fingerprint(&all[1..]));
    }

    #[test]
    fn passwords() {
        let fields = |i: &Issues| i.0.iter().map(|x| (x.field.clone(), x.message.clone())).collect::<Vec<_>>();
        assert_eq!(fields(&password_issues("", "")), vec![("password".into(), "パスワードを入力してください".into())]);
        assert_eq!(
            fields(&password_issues("abc", "abc")),
            vec![("password".into(), "パスワードは10文字以上にしてください（いま3文字）".into())]
        );
        assert_eq!(
            fields(&password_issues("ａａａａａａａａａａａ", "ａａａａａａａａａａａ"))[0].1,
            "同じ文字の繰り返しは推測されやすいため使えません"
        );
        assert_eq!(
            fields(&password_issues("さくら もみじ いちょう", "さくら もみじ いちよう")),
            vec![("password_again".into(), "確認のパスワードが一致しません".into())]
        );
        assert!(password_issues("さくら もみじ いちょう", "さくら もみじ いちょう").is_empty());
        assert!(password_issues("correct horse", "correct horse").is_empty());
    }

    #[test]
    fn free_text_review_counts_distinct_texts() {
        let d = diagnosis("d1", "A", 2025, 0);
        let mut rs = Vec::new();
        for (i, s) in ["話しにくい", "話しにくい", "つまずく", ""].iter().enumerate() {
            let p = Patient { first_symptom: (*s).into(), ..Patient::default() };
            rs.push(StoredRecord::create(id(&format!("p{i}")), id("d1"), &p, Timestamp(0), &dev("a")).expect("ok"));
        }
        let review = free_text_review(std::slice::from_ref(&d), &rs, 10);
        assert_eq!(review.len(), FreeTextField::ALL.len());
        let first = review.iter().find(|r| r.field == FreeTextField::FirstSymptom).expect("first symptom");
        assert_eq!(first.total, 3);
        assert_eq!(first.samples, vec![("話しにくい".to_string(), 2), ("つまずく".to_string(), 1)]);
        assert_eq!(first.more, 0);
        let limited = free_text_review(&[d], &rs, 1);
        let first = limited.iter().find(|r| r.field == FreeTextField::FirstSymptom).expect("first symptom");
        assert_eq!((first.samples.len(), first.more), (1, 1));
    }

    #[test]
    fn csv_of_a_diagnosis() {
        let all = device_records();
        let d1: Vec<StoredRecord> = all.iter().filter(|r| r.meta.diagnosis_id.as_str() == "d1").cloned().collect();
        let (csv, rows, unreadable) = patients_csv_of(&d1, false);
        assert_eq!((rows, unreadable), (2, 0), "trash left out");
        assert!(csv.starts_with('\u{FEFF}'));
        let lines: Vec<&str> = csv.trim_start_matches('\u{FEFF}').split("\r\n").collect();
        assert!(lines[0].starts_with("番号,住所,氏名,発症時期,初発症状,年齢,ADL,"));
        assert!(lines[1].starts_with("1,府中市,山田 太郎,"), "{}", lines[1]);
        assert!(lines[2].starts_with("2,府中市,鈴木 花子,"));
        let (csv, _, _) = patients_csv_of(&d1, true);
        assert!(csv.contains("\r\n1,府中市,H-1,"), "ID番号 when names are hidden");
        let (csv, rows, _) = stations_csv_of(&d1);
        assert_eq!(rows, 1);
        assert!(csv.trim_start_matches('\u{FEFF}').starts_with("番号,名称,所在地,看護師の常勤換算,"));
        assert!(csv.contains("\r\n1,Ａステーション,"));
    }

    #[test]
    fn file_facts_and_refusal() {
        let all = device_records();
        let (ds, rs) = super::super::split_diagnoses(all);
        let parsed = ParsedBundle { bundle: bundle(ds, rs), migrated_from: Some(0), warnings: Vec::new() };
        let facts = file_facts(&parsed, "x.nanbyo.json", &dev("pc-a"));
        assert_eq!(facts[0], "ファイル: x.nanbyo.json");
        assert!(facts[1].ends_with("（端末 pc-b）"));
        assert_eq!(facts[2], "範囲: 全ての地域診断");
        assert_eq!(facts[3], "内容: 地域診断 3件・療養者 4人・訪問看護ステーション 1件（うちゴミ箱 1件）");
        assert_eq!(facts[4], "形式: 古い形式（v0）のファイルです");
        assert_eq!(refusal_heading("bad.json"), "「bad.json」は取り込めません。この端末のデータは変更していません。");
    }
}
