//! 取り込みの計画と反映: compares a checked bundle with the device's records field by field.
//!
//! Per leaf field (see [`crate::domain::record::leaf_paths`]):
//!
//! * equal values → nothing to do;
//! * the hash of our value is in the incoming field's history → the file's value is a later
//!   edit of ours: take it;
//! * the hash of the incoming value is in our field's history → ours is later: keep it;
//! * both (a value went back and forth) → the later stamp (time, then device) wins;
//! * neither → 競合 (conflict): the nurse chooses.
//!
//! Edits to different fields of one record merge. An import never deletes: the trash flag
//! (`deleted_at`) of a record already on the device is never changed by an import; a new
//! record arrives with the file's trash flag (so it lands in the ゴミ箱 if it was there).

use super::body::check_body;
use super::labels::{display_field, field_label};
use super::Bundle;
use crate::domain::diagnosis::CommunityDiagnosis;
use crate::domain::ids::RecordId;
use crate::domain::patient::Patient;
use crate::domain::record::{
    from_leaf_paths, leaf_paths, value_at, value_hash, FieldStamp, RecordKind, RecordMeta, StoredRecord,
    FIELD_HISTORY_LEN,
};
use crate::domain::station::Station;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// Which value to keep for a conflicting field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Choice {
    /// この端末の値を残す
    Ours,
    /// ファイルの値にする
    Theirs,
}

/// 競合: one field changed differently on both sides.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldConflict {
    /// Field path (`neurology/name`).
    pub path: String,
    /// 項目名 (神経内科専門医療機関 機関名).
    pub label: String,
    /// この端末の値 (`None` = the field is absent).
    pub ours: Option<Value>,
    /// ファイルの値.
    pub theirs: Option<Value>,
    /// Both values in words, for display.
    pub ours_text: String,
    pub theirs_text: String,
    /// When and where each side last changed the field (`None` = no record of it).
    pub our_stamp: Option<FieldStamp>,
    pub their_stamp: Option<FieldStamp>,
}

/// What importing one record would do.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// 新規: not on this device; it is added.
    New,
    /// 同じ: nothing to do.
    Identical,
    /// 更新: the file has later edits of these fields; they are taken.
    Updated { fields: Vec<String> },
    /// 統合: both sides edited different fields; the file's `taken` and our `kept` edits are
    /// combined.
    Merged { taken: Vec<String>, kept: Vec<String> },
    /// この端末の方が新しい: nothing to do.
    LocalNewer { fields: Vec<String> },
    /// 競合: the nurse chooses per field; the other fields merge as above.
    Conflict { conflicts: Vec<FieldConflict>, taken: Vec<String>, kept: Vec<String> },
    /// 取り込めない: e.g. the same ID names a record of another kind on this device.
    Refused { reason: String },
}

impl Outcome {
    /// Short Japanese name of the outcome for the preview list.
    pub fn label(&self) -> &'static str {
        match self {
            Outcome::New => "新規",
            Outcome::Identical => "変更なし",
            Outcome::Updated { .. } => "更新",
            Outcome::Merged { .. } => "両方の変更をまとめる",
            Outcome::LocalNewer { .. } => "この端末の方が新しい",
            Outcome::Conflict { .. } => "競合（選んでください）",
            Outcome::Refused { .. } => "取り込めません",
        }
    }
}

/// One incoming record in the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanItem {
    pub id: RecordId,
    pub kind: RecordKind,
    pub diagnosis_id: RecordId,
    /// 表示名: the 地域診断's title, the patient's name (or ID番号), the station's name.
    pub title: String,
    pub outcome: Outcome,
    /// The file's copy is in the ゴミ箱. For a record already here this changes nothing
    /// (show 「ファイル側ではゴミ箱に入っています（この端末の記録はそのままです）」).
    pub incoming_trashed: bool,
    /// This device's copy is in the ゴミ箱 (it stays there).
    pub local_trashed: bool,
    /// The record to write when no conflict is left open (conflicting fields keep ours);
    /// for 同じ and この端末の方が新しい, only when the file adds field histories.
    pub proposed: Option<StoredRecord>,
    local: Option<StoredRecord>,
    incoming: StoredRecord,
    /// Every differing field is a conflict (the automatic merge gave an invalid record).
    all_conflicts: bool,
}

impl PlanItem {
    /// This device's copy as the plan compared against (`None`: the record is new here).
    pub fn local(&self) -> Option<&StoredRecord> {
        self.local.as_ref()
    }

    /// The text the preview shows about the trash flags, if any.
    pub fn trash_note(&self) -> Option<&'static str> {
        match (self.local.is_some(), self.incoming_trashed, self.local_trashed) {
            (false, true, _) => Some("ファイル側でゴミ箱に入っている記録です（この端末でもゴミ箱に入ります）"),
            (true, true, false) => Some("ファイル側ではゴミ箱に入っています（この端末の記録はそのままです）"),
            (true, false, true) => Some("この端末ではゴミ箱に入っています（取り込んでもゴミ箱のままです）"),
            _ => None,
        }
    }
}

/// Counts for the preview.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub new: usize,
    pub identical: usize,
    pub updated: usize,
    pub merged: usize,
    pub local_newer: usize,
    pub conflicts: usize,
    pub refused: usize,
}

/// 取り込みの計画 (dry run): nothing has been written.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportPlan {
    /// One item per incoming record, 地域診断 first, in bundle order.
    pub items: Vec<PlanItem>,
    /// Things to tell the nurse (e.g. a 地域診断 with the same 地区名 and 年度 already here).
    pub notes: Vec<String>,
}

impl ImportPlan {
    pub fn summary(&self) -> ImportSummary {
        let mut s = ImportSummary::default();
        for item in &self.items {
            match item.outcome {
                Outcome::New => s.new += 1,
                Outcome::Identical => s.identical += 1,
                Outcome::Updated { .. } => s.updated += 1,
                Outcome::Merged { .. } => s.merged += 1,
                Outcome::LocalNewer { .. } => s.local_newer += 1,
                Outcome::Conflict { .. } => s.conflicts += 1,
                Outcome::Refused { .. } => s.refused += 1,
            }
        }
        s
    }

    /// Every conflicting field: (record ID, record title, conflict).
    pub fn conflicts(&self) -> Vec<(&RecordId, &str, &FieldConflict)> {
        self.items
            .iter()
            .flat_map(|item| match &item.outcome {
                Outcome::Conflict { conflicts, .. } => {
                    conflicts.iter().map(|c| (&item.id, item.title.as_str(), c)).collect::<Vec<_>>()
                }
                _ => Vec::new(),
            })
            .collect()
    }

    /// Whether applying would write anything (given that conflicts may be resolved).
    pub fn has_changes(&self) -> bool {
        self.items.iter().any(|i| i.proposed.is_some() || matches!(i.outcome, Outcome::Conflict { .. }))
    }
}

/// The nurse's choices for conflicting fields, by (record ID, field path).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Resolutions {
    choices: BTreeMap<(RecordId, String), Choice>,
}

impl Resolutions {
    pub fn new() -> Resolutions {
        Resolutions::default()
    }

    /// Chooses a value for one conflicting field.
    pub fn choose(&mut self, record: &RecordId, path: &str, choice: Choice) {
        self.choices.insert((record.clone(), path.to_string()), choice);
    }

    pub fn get(&self, record: &RecordId, path: &str) -> Option<Choice> {
        self.choices.get(&(record.clone(), path.to_string())).copied()
    }

    /// The same choice for every conflict of the plan (「すべてこの端末の値」 / 「すべてファイルの値」).
    pub fn all(plan: &ImportPlan, choice: Choice) -> Resolutions {
        let mut r = Resolutions::new();
        for (id, _, c) in plan.conflicts() {
            r.choose(id, &c.path, choice);
        }
        r
    }

    /// Every choice as (record, field path, choice), for the message to the I/O worker.
    pub fn entries(&self) -> Vec<(RecordId, String, Choice)> {
        self.choices.iter().map(|((id, path), c)| (id.clone(), path.clone(), *c)).collect()
    }

    /// The choices of [`Resolutions::entries`].
    pub fn from_entries(entries: Vec<(RecordId, String, Choice)>) -> Resolutions {
        Resolutions { choices: entries.into_iter().map(|(id, path, c)| ((id, path), c)).collect() }
    }

    /// How many conflicts of `plan` have no choice yet.
    pub fn open_count(&self, plan: &ImportPlan) -> usize {
        plan.conflicts().iter().filter(|(id, _, c)| self.get(id, &c.path).is_none()).count()
    }
}

/// The records to write, and what was left out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Applied {
    /// Records to put (地域診断 and others; see [`super::split_diagnoses`]).
    pub records: Vec<StoredRecord>,
    /// Conflicting fields left without a choice: this device's value was kept and the
    /// conflict will show again the next time this file is imported.
    pub open_conflicts: usize,
    /// Japanese notes (records that could not be combined).
    pub notes: Vec<String>,
}

/// The plan for importing `bundle` into a device holding `local` (all its records).
pub fn plan_import(local: &[StoredRecord], bundle: &Bundle) -> ImportPlan {
    let by_id: BTreeMap<&RecordId, &StoredRecord> = local.iter().map(|r| (&r.meta.id, r)).collect();
    let local_diagnoses: Vec<&StoredRecord> = local.iter().filter(|r| r.meta.kind == RecordKind::Diagnosis).collect();
    let mut items = Vec::new();
    let mut notes = Vec::new();
    for incoming in bundle.diagnoses.iter().chain(bundle.records.iter()) {
        let local = by_id.get(&incoming.meta.id).copied();
        let (outcome, proposed, all_conflicts) = match local {
            None => {
                if incoming.meta.kind == RecordKind::Diagnosis {
                    if let Some(note) = same_title_note(&local_diagnoses, incoming) {
                        notes.push(note);
                    }
                }
                (Outcome::New, Some(incoming.clone()), false)
            }
            Some(ours) => plan_one(ours, incoming),
        };
        items.push(PlanItem {
            id: incoming.meta.id.clone(),
            kind: incoming.meta.kind,
            diagnosis_id: incoming.meta.diagnosis_id.clone(),
            // A refused record is shown as the file's record: the device's record under the
            // same ID is of another kind (or 地域診断), and the reason names both.
            title: if matches!(outcome, Outcome::Refused { .. }) {
                title(incoming)
            } else {
                title(local.unwrap_or(incoming))
            },
            outcome,
            incoming_trashed: incoming.is_deleted(),
            local_trashed: local.is_some_and(StoredRecord::is_deleted),
            proposed,
            local: local.cloned(),
            incoming: incoming.clone(),
            all_conflicts,
        });
    }
    ImportPlan { items, notes }
}

/// 「同じ地区名・年度の地域診断がこの端末にもあります」.
fn same_title_note(local: &[&StoredRecord], incoming: &StoredRecord) -> Option<String> {
    let theirs = incoming.body_as::<CommunityDiagnosis>().ok()?;
    local.iter().find(|r| r.body_as::<CommunityDiagnosis>().ok().as_ref() == Some(&theirs))?;
    Some(format!(
        "「{}」と同じ地区名・年度の地域診断がこの端末にもあります。別の地域診断として取り込まれます（記録は別々に作られたものです）",
        theirs.title()
    ))
}

/// 表示名 of a record, as a nurse knows it (issue 16: never an internal ID where a name
/// exists): the 地域診断's title, the 療養者's name (or ID番号), the station's name, the
/// 事業's name, 「地域の概況」, 「様式4 評価」, the assessment's start date.
pub fn title(r: &StoredRecord) -> String {
    let named = match r.meta.kind {
        RecordKind::Diagnosis => r.body_as::<CommunityDiagnosis>().ok().map(|d| d.title()),
        RecordKind::Patient => r.body_as::<Patient>().ok().map(|p| p.display_name(false).to_string()),
        RecordKind::Station => r.body_as::<Station>().ok().map(|s| s.name),
        RecordKind::Overview
        | RecordKind::Evaluation
        | RecordKind::MapSheet
        | RecordKind::BaseMap
        | RecordKind::SubsidyTable => Some(r.meta.kind.label().to_string()),
        RecordKind::Facility => {
            r.body_as::<crate::domain::map::records::Facility>().ok().map(|f| format!("施設「{}」", f.name))
        }
        RecordKind::Programme => {
            r.body_as::<crate::domain::programmes::Programme>().ok().map(|p| format!("事業「{}」", p.programme.name()))
        }
        RecordKind::ProgrammeResult => {
            r.body_as::<crate::domain::results::ProgrammeResult>().ok().map(|p| format!("事業実績「{}」", p.name))
        }
        RecordKind::ProgressPlan => r
            .body_as::<crate::domain::progress::ProgressIssue>()
            .ok()
            .map(|p| format!("進捗状況評価「{}」（{}）", p.title, p.year.wareki())),
        RecordKind::SupportPlan => {
            r.body_as::<crate::domain::ventilator::plan::SupportPlan>().ok().map(|p| match p.made_on {
                Some(d) => format!("災害時個別支援計画（{d}作成）"),
                None => "災害時個別支援計画".to_string(),
            })
        }
        RecordKind::Assessment => r
            .body_as::<crate::domain::trees::assessment::Assessment>()
            .ok()
            .map(|a| format!("判断樹のアセスメント（{}開始）", a.started_at.display_jst())),
    };
    match named {
        Some(n) if !n.trim().is_empty() => n,
        _ => format!("{}（ID {}）", r.meta.kind.label(), r.meta.id),
    }
}

fn plan_one(ours: &StoredRecord, theirs: &StoredRecord) -> (Outcome, Option<StoredRecord>, bool) {
    if ours.meta.kind != theirs.meta.kind || ours.meta.diagnosis_id != theirs.meta.diagnosis_id {
        let reason = format!(
            "同じID「{}」の記録がこの端末にありますが、種類か地域診断が違います（この端末: {}、ファイル: {}）",
            ours.meta.id,
            ours.meta.kind.label(),
            theirs.meta.kind.label()
        );
        return (Outcome::Refused { reason }, None, false);
    }
    // The same body, stamps and 前年度 link (the usual case when a file is imported again):
    // nothing to merge. Field by field would find every field equal and keep ours.
    if ours.body == theirs.body && ours.stamps == theirs.stamps && ours.meta.predecessor == theirs.meta.predecessor {
        return (Outcome::Identical, None, false);
    }
    let mut m = merge_records(ours, theirs, &|_| None, false);
    let mut all_conflicts = false;
    if m.changed && check_body(ours.meta.kind, &m.record.body.to_value()).is_err() {
        // The combined fields do not make a valid record: let the nurse choose every field.
        m = merge_records(ours, theirs, &|_| None, true);
        all_conflicts = true;
    }
    let outcome = if !m.conflicts.is_empty() {
        Outcome::Conflict { conflicts: m.conflicts, taken: m.taken, kept: m.kept }
    } else {
        match (m.taken.is_empty(), m.kept.is_empty()) {
            (true, true) => Outcome::Identical,
            (false, true) => Outcome::Updated { fields: m.taken },
            (false, false) => Outcome::Merged { taken: m.taken, kept: m.kept },
            (true, false) => Outcome::LocalNewer { fields: m.kept },
        }
    };
    let proposed = m.changed.then_some(m.record);
    (outcome, proposed, all_conflicts)
}

/// The records to write for `plan` with the nurse's `resolutions`.
pub fn apply_plan(plan: &ImportPlan, resolutions: &Resolutions) -> Applied {
    let mut applied = Applied::default();
    for item in &plan.items {
        match (&item.outcome, &item.local) {
            (Outcome::New, _) => applied.records.push(item.incoming.clone()),
            // 同じ / この端末の方が新しい may still carry the other side's field histories
            // (a value changed and changed back): those are written too, so that both devices
            // end with the same record whichever imports first.
            (Outcome::Updated { .. } | Outcome::Merged { .. } | Outcome::Identical | Outcome::LocalNewer { .. }, _) => {
                if let Some(p) = &item.proposed {
                    applied.records.push(p.clone());
                }
            }
            (Outcome::Conflict { .. }, Some(local)) => {
                let choose = |path: &str| resolutions.get(&item.id, path);
                let m = merge_records(local, &item.incoming, &choose, item.all_conflicts);
                applied.open_conflicts += m.open;
                if !m.changed {
                    continue;
                }
                if check_body(local.meta.kind, &m.record.body.to_value()).is_err() {
                    applied.notes.push(format!(
                        "「{}」は選んだ値の組み合わせでは正しい記録にならないため、この端末の記録のままにしました",
                        item.title
                    ));
                    continue;
                }
                applied.records.push(m.record);
            }
            _ => {}
        }
    }
    applied
}

/// One record as an import plan saw it on this device: what the write must still find there
/// (the store checks it in the write transaction: `WriteBatch::expect`), so that an import
/// never overwrites a save made meanwhile in another tab.
#[derive(Clone, Debug, PartialEq)]
pub struct PlannedRead {
    pub id: RecordId,
    pub kind: RecordKind,
    /// The metadata the plan compared against; `None` = the record was not on this device.
    pub meta: Option<RecordMeta>,
}

/// What writing `written` (from [`apply_plan`]) relies on: every record it writes as the plan
/// saw it (unchanged, or still absent), and the 地域診断 on this device the written records
/// belong to (`local_diagnoses`: the device's 地域診断 when the plan was made) — so that the
/// 地域診断 is not emptied from the ゴミ箱 or changed meanwhile either.
pub fn planned_reads(
    plan: &ImportPlan,
    written: &[StoredRecord],
    local_diagnoses: &[StoredRecord],
) -> Vec<PlannedRead> {
    let items: BTreeMap<&RecordId, &PlanItem> = plan.items.iter().map(|i| (&i.id, i)).collect();
    let mut out: Vec<PlannedRead> = Vec::with_capacity(written.len() + 1);
    let mut seen: BTreeSet<&RecordId> = BTreeSet::new();
    for r in written {
        seen.insert(&r.meta.id);
        let local = items.get(&r.meta.id).and_then(|i| i.local.as_ref());
        out.push(PlannedRead {
            id: r.meta.id.clone(),
            kind: local.map_or(r.meta.kind, |l| l.meta.kind),
            meta: local.map(|l| l.meta.clone()),
        });
    }
    let parents: BTreeSet<&RecordId> = written.iter().map(|r| &r.meta.diagnosis_id).collect();
    for d in local_diagnoses.iter().filter(|d| d.meta.kind == RecordKind::Diagnosis) {
        if parents.contains(&d.meta.id) && !seen.contains(&d.meta.id) {
            out.push(PlannedRead { id: d.meta.id.clone(), kind: RecordKind::Diagnosis, meta: Some(d.meta.clone()) });
        }
    }
    out
}

/// The result of merging one record.
struct Merge {
    record: StoredRecord,
    /// Anything differs from ours (the record must be written).
    changed: bool,
    taken: Vec<String>,
    kept: Vec<String>,
    conflicts: Vec<FieldConflict>,
    /// Conflicts with no choice.
    open: usize,
}

/// What one field does.
enum Decision {
    Same,
    Take,
    Keep,
    Conflict,
}

/// A side's stamp for a unit: the stamp at the path itself, or a summary of the stamps of
/// the fields under it (latest time, all histories).
fn unit_stamp(stamps: &BTreeMap<String, FieldStamp>, unit: &str) -> Option<FieldStamp> {
    if let Some(s) = stamps.get(unit) {
        return Some(s.clone());
    }
    let prefix = format!("{unit}/");
    let mut out: Option<FieldStamp> = None;
    for s in stamps.iter().filter(|(p, _)| p.starts_with(&prefix) || unit.is_empty()).map(|(_, s)| s) {
        match &mut out {
            None => out = Some(s.clone()),
            Some(o) => {
                if (s.at, &s.device) > (o.at, &o.device) {
                    o.at = s.at;
                    o.device = s.device.clone();
                }
                for h in &s.history {
                    if !o.history.contains(h) {
                        o.history.push(*h);
                    }
                }
            }
        }
    }
    out
}

/// The stamps of one side inside a unit (the unit's own and those under it).
fn stamps_in_unit(stamps: &BTreeMap<String, FieldStamp>, unit: &str) -> BTreeMap<String, FieldStamp> {
    let prefix = format!("{unit}/");
    stamps
        .iter()
        .filter(|(p, _)| unit.is_empty() || p.as_str() == unit || p.starts_with(&prefix))
        .map(|(p, s)| (p.clone(), s.clone()))
        .collect()
}

/// Union of two histories: the loser's entries the winner lacks first, then the winner's,
/// then `extra`; duplicates keep their last place; bounded to [`FIELD_HISTORY_LEN`].
fn merge_history(loser: &[u64], winner: &[u64], extra: Option<u64>) -> Vec<u64> {
    if loser.iter().chain(extra.iter()).all(|h| winner.contains(h)) {
        // Nothing new: the winner's history stays exactly as it is.
        return winner.to_vec();
    }
    let mut all: Vec<u64> = loser.iter().filter(|h| !winner.contains(h)).copied().collect();
    all.extend_from_slice(winner);
    if let Some(e) = extra {
        all.retain(|h| *h != e);
        all.push(e);
    }
    let mut out: Vec<u64> = Vec::with_capacity(all.len());
    for (i, h) in all.iter().enumerate() {
        if !all.get(i + 1..).is_some_and(|rest| rest.contains(h)) {
            out.push(*h);
        }
    }
    if out.len() > FIELD_HISTORY_LEN {
        let excess = out.len() - FIELD_HISTORY_LEN;
        out.drain(..excess);
    }
    out
}

/// The comparison units of two bodies: every leaf path, except that where one side has a
/// leaf and the other a group of fields under the same path (an optional group set on one
/// side only), the whole group is one unit.
fn units(ours: &BTreeMap<String, Value>, theirs: &BTreeMap<String, Value>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for path in ours.keys().chain(theirs.keys()) {
        let parts: Vec<&str> = path.split('/').collect();
        let mut unit = path.clone();
        for n in 1..=parts.len() {
            let prefix = parts.get(..n).map(|p| p.join("/")).unwrap_or_default();
            if ours.contains_key(&prefix) || theirs.contains_key(&prefix) {
                unit = prefix;
                break;
            }
        }
        out.insert(unit);
    }
    out
}

// TODO(issue 11): split by concern; left to the bundle work that owns this file.
#[allow(clippy::too_many_lines)]
fn merge_records(
    ours: &StoredRecord,
    theirs: &StoredRecord,
    choose: &dyn Fn(&str) -> Option<Choice>,
    all_conflicts: bool,
) -> Merge {
    let kind = ours.meta.kind;
    let our_body = ours.body.to_value();
    let their_body = theirs.body.to_value();
    let our_leaves = leaf_paths(&our_body);
    let their_leaves = leaf_paths(&their_body);
    let mut merged_leaves: BTreeMap<String, Value> = BTreeMap::new();
    let mut merged_stamps: BTreeMap<String, FieldStamp> = BTreeMap::new();
    let (mut taken, mut kept, mut conflicts, mut open) = (Vec::new(), Vec::new(), Vec::new(), 0usize);
    let null = Value::Null;
    for unit in units(&our_leaves, &their_leaves) {
        let o = value_at(&our_body, &unit);
        let t = value_at(&their_body, &unit);
        let so = unit_stamp(&ours.stamps, &unit);
        let st = unit_stamp(&theirs.stamps, &unit);
        let (ho, ht) = (value_hash(o.unwrap_or(&null)), value_hash(t.unwrap_or(&null)));
        let decision = if o.unwrap_or(&null) == t.unwrap_or(&null) {
            Decision::Same
        } else if all_conflicts {
            Decision::Conflict
        } else {
            let theirs_knows_ours = st.as_ref().is_some_and(|s| s.history.contains(&ho));
            let ours_knows_theirs = so.as_ref().is_some_and(|s| s.history.contains(&ht));
            match (theirs_knows_ours, ours_knows_theirs) {
                (true, false) => Decision::Take,
                (false, true) => Decision::Keep,
                (false, false) => Decision::Conflict,
                (true, true) => {
                    let key = |s: &Option<FieldStamp>| s.as_ref().map(|s| (s.at, s.device.clone()));
                    match key(&st).cmp(&key(&so)) {
                        std::cmp::Ordering::Greater => Decision::Take,
                        std::cmp::Ordering::Less => Decision::Keep,
                        std::cmp::Ordering::Equal => Decision::Conflict,
                    }
                }
            }
        };
        let ours_unit = stamps_in_unit(&ours.stamps, &unit);
        let theirs_unit = stamps_in_unit(&theirs.stamps, &unit);
        // (value, winner's stamps, loser's history, hash of the rejected value to remember)
        let (value, win, lose, extra) = match decision {
            Decision::Same => {
                // The later stamp (time, then device) is kept; on a tie, ours (so that
                // importing again changes nothing). Histories are united either way.
                let key = |s: &Option<FieldStamp>| s.as_ref().map(|s| (s.at, s.device.clone()));
                let value = o.or(t);
                if key(&st) > key(&so) {
                    (value, theirs_unit, so, None)
                } else {
                    (value, ours_unit, st, None)
                }
            }
            Decision::Take => {
                taken.push(unit.clone());
                (t, theirs_unit, so, None)
            }
            Decision::Keep => {
                kept.push(unit.clone());
                (o, ours_unit, st, None)
            }
            Decision::Conflict => {
                let choice = choose(&unit);
                if choice.is_none() {
                    open += 1;
                }
                conflicts.push(FieldConflict {
                    path: unit.clone(),
                    label: field_label(kind, &unit),
                    ours: o.cloned(),
                    theirs: t.cloned(),
                    ours_text: display_field(kind, &unit, o),
                    theirs_text: display_field(kind, &unit, t),
                    our_stamp: so.clone(),
                    their_stamp: st.clone(),
                });
                match choice {
                    Some(Choice::Theirs) => (t, theirs_unit, so, Some(ho)),
                    Some(Choice::Ours) => (o, ours_unit, st, Some(ht)),
                    // Unresolved: keep ours and do not remember theirs, so it shows again.
                    None => (o, ours_unit, None, None),
                }
            }
        };
        let Some(value) = value else { continue };
        merged_leaves.insert(unit.clone(), value.clone());
        let loser_history = lose.map(|s| s.history).unwrap_or_default();
        if win.is_empty() {
            if extra.is_some() || !loser_history.is_empty() {
                // The chosen side has no stamps here (e.g. a migrated record): stamp the
                // chosen value's fields with the record's own time so the choice is remembered.
                let winner = if matches!(decision, Decision::Take) || extra == Some(ho) { theirs } else { ours };
                for path in leaf_paths(value).into_keys() {
                    let full = if path.is_empty() { unit.clone() } else { format!("{unit}/{path}") };
                    merged_stamps.insert(
                        full,
                        FieldStamp {
                            at: winner.meta.updated_at,
                            device: winner.meta.updated_by.clone(),
                            history: merge_history(&loser_history, &[], extra),
                        },
                    );
                }
            }
        } else {
            for (path, mut stamp) in win {
                stamp.history = merge_history(&loser_history, &stamp.history, extra);
                merged_stamps.insert(path, stamp);
            }
        }
    }
    let mut body = from_leaf_paths(&merged_leaves);
    if merged_leaves.is_empty() {
        body = Value::Object(serde_json::Map::new());
    }
    let mut meta = merged_meta(&ours.meta, &theirs.meta);
    if meta.predecessor != ours.meta.predecessor {
        taken.push("predecessor".to_string());
    }
    let body = crate::domain::record::Body::from_value(&body);
    let changed = body != ours.body || merged_stamps != ours.stamps || meta.predecessor != ours.meta.predecessor;
    if !changed {
        meta = ours.meta.clone();
    }
    Merge { record: StoredRecord { meta, body, stamps: merged_stamps }, changed, taken, kept, conflicts, open }
}

/// The envelope of a merged record: the same on both devices whichever imports first,
/// except the trash flag, which stays this device's.
fn merged_meta(ours: &RecordMeta, theirs: &RecordMeta) -> RecordMeta {
    let later =
        if (theirs.updated_at, &theirs.updated_by) > (ours.updated_at, &ours.updated_by) { theirs } else { ours };
    RecordMeta {
        id: ours.id.clone(),
        diagnosis_id: ours.diagnosis_id.clone(),
        kind: ours.kind,
        created_at: ours.created_at.min(theirs.created_at),
        updated_at: later.updated_at,
        updated_by: later.updated_by.clone(),
        rev: ours.rev.max(theirs.rev).saturating_add(1).min(crate::domain::record::MAX_REV),
        deleted_at: ours.deleted_at,
        predecessor: ours.predecessor.clone().or_else(|| theirs.predecessor.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::domain::patient::Adl;
    use crate::domain::time::{Timestamp, YearMonth};
    use crate::domain::tri::Tri;

    use crate::domain::ids::test_ids::dev;
    use crate::domain::ids::test_ids::rid as id;
    fn base() -> StoredRecord {
        let p = Patient { id_number: "A-1".into(), name: "山田".into(), ..Patient::default() };
        StoredRecord::create(id("p1"), id("d1"), &p, Timestamp(1_000), &dev("a")).expect("creates")
    }
    fn edit(r: &StoredRecord, at: i64, device: &str, f: impl FnOnce(&mut Patient)) -> StoredRecord {
        let mut p: Patient = r.body_as().expect("patient");
        f(&mut p);
        r.edited(&p, Timestamp(at), &dev(device)).expect("ok").expect("changed")
    }
    fn bundle(records: Vec<StoredRecord>) -> Bundle {
        Bundle {
            format: super::super::BUNDLE_FORMAT.into(),
            version: 1,
            exported_at: Timestamp(0),
            app_version: "t".into(),
            device: dev("b"),
            scope: super::super::ExportScope::All,
            anonymised: false,
            diagnoses: Vec::new(),
            records,
            history: Vec::new(),
        }
    }
    fn outcome(local: &StoredRecord, incoming: &StoredRecord) -> Outcome {
        plan_import(std::slice::from_ref(local), &bundle(vec![incoming.clone()])).items.remove(0).outcome
    }

    #[test]
    fn classification() {
        let b = base();
        let theirs = edit(&b, 2_000, "b", |p| p.adl = Some(Adl::FullAssist));
        assert_eq!(plan_import(&[], &bundle(vec![b.clone()])).items[0].outcome, Outcome::New);
        assert_eq!(outcome(&b, &b), Outcome::Identical);
        assert_eq!(outcome(&b, &theirs), Outcome::Updated { fields: vec!["adl".into()] });
        assert_eq!(outcome(&theirs, &b), Outcome::LocalNewer { fields: vec!["adl".into()] });
        let ours = edit(&b, 2_500, "a", |p| p.municipality = "A市".into());
        assert_eq!(
            outcome(&ours, &theirs),
            Outcome::Merged { taken: vec!["adl".into()], kept: vec!["municipality".into()] }
        );
        let ours2 = edit(&b, 2_600, "a", |p| p.adl = Some(Adl::Independent));
        match outcome(&ours2, &theirs) {
            Outcome::Conflict { conflicts, .. } => {
                assert_eq!(conflicts.len(), 1);
                assert_eq!(conflicts[0].path, "adl");
                assert_eq!(conflicts[0].label, "ADL");
                assert_eq!(conflicts[0].ours_text, "自立");
                assert_eq!(conflicts[0].theirs_text, "全面介助");
                assert_eq!(conflicts[0].their_stamp.as_ref().map(|s| s.at), Some(Timestamp(2_000)));
            }
            other => panic!("expected conflict, got {other:?}"),
        }
    }

    #[test]
    fn resolving_a_conflict_is_remembered() {
        let b = base();
        let ours = edit(&b, 2_000, "a", |p| p.name = "山田 太郎".into());
        let theirs = edit(&b, 2_100, "b", |p| p.name = "山田 花子".into());
        let plan = plan_import(std::slice::from_ref(&ours), &bundle(vec![theirs.clone()]));
        // Unresolved: nothing written, the conflict stays.
        let applied = apply_plan(&plan, &Resolutions::new());
        assert!(applied.records.is_empty());
        assert_eq!(applied.open_conflicts, 1);
        for (choice, expected) in [(Choice::Theirs, "山田 花子"), (Choice::Ours, "山田 太郎")] {
            let applied = apply_plan(&plan, &Resolutions::all(&plan, choice));
            assert_eq!(applied.open_conflicts, 0);
            let written = applied.records.first().cloned().unwrap_or_else(|| ours.clone());
            assert_eq!(written.body.to_value()["name"], serde_json::json!(expected));
            // Importing the same file again: nothing to do.
            let again = plan_import(std::slice::from_ref(&written), &bundle(vec![theirs.clone()]));
            assert!(!again.has_changes(), "{choice:?}: {:?}", again.items[0].outcome);
        }
    }

    #[test]
    fn import_never_trashes_and_keeps_our_trash() {
        let b = base();
        let mut theirs = edit(&b, 2_000, "b", |p| p.adl = Some(Adl::FullAssist));
        theirs.meta.deleted_at = Some(Timestamp(2_000));
        let plan = plan_import(std::slice::from_ref(&b), &bundle(vec![theirs.clone()]));
        assert!(plan.items[0].incoming_trashed);
        assert!(plan.items[0].trash_note().is_some_and(|n| n.contains("そのまま")));
        let written = apply_plan(&plan, &Resolutions::new()).records;
        assert_eq!(written.len(), 1);
        assert_eq!(written[0].meta.deleted_at, None);
        assert_eq!(written[0].body.to_value()["adl"], serde_json::json!("full_assist"));
        // A new trashed record lands in the trash.
        let plan = plan_import(&[], &bundle(vec![theirs.clone()]));
        assert_eq!(apply_plan(&plan, &Resolutions::new()).records[0].meta.deleted_at, Some(Timestamp(2_000)));
    }

    #[test]
    fn clearing_an_optional_group_merges_as_a_later_edit() {
        let b = edit(&base(), 1_500, "a", |p| p.onset = Some(YearMonth { year: 2002, month: Some(5) }));
        let cleared = edit(&b, 2_000, "b", |p| p.onset = None);
        assert_eq!(outcome(&b, &cleared), Outcome::Updated { fields: vec!["onset".into()] });
        assert_eq!(outcome(&cleared, &b), Outcome::LocalNewer { fields: vec!["onset".into()] });
        let set_again = edit(&cleared, 3_000, "a", |p| p.onset = Some(YearMonth { year: 2003, month: None }));
        assert_eq!(outcome(&cleared, &set_again), Outcome::Updated { fields: vec!["onset".into()] });
        let plan = plan_import(std::slice::from_ref(&b), &bundle(vec![cleared.clone()]));
        let written = apply_plan(&plan, &Resolutions::new()).records;
        assert_eq!(written[0].body.to_value()["onset"], Value::Null);
        assert!(check_body(RecordKind::Patient, &written[0].body.to_value()).is_ok());
    }

    #[test]
    fn identical_records_take_the_short_way_with_the_same_result() {
        let b = edit(&base(), 2_000, "a", |p| p.adl = Some(Adl::FullAssist));
        let mut theirs = b.clone();
        theirs.meta.rev = 9;
        theirs.meta.updated_at = Timestamp(5_000);
        theirs.meta.updated_by = dev("b");
        let (outcome, proposed, all) = plan_one(&b, &theirs);
        assert_eq!((outcome, proposed, all), (Outcome::Identical, None, false));
        // The long way agrees: nothing changes.
        let m = merge_records(&b, &theirs, &|_| None, false);
        assert!(!m.changed && m.taken.is_empty() && m.kept.is_empty() && m.conflicts.is_empty());
        // A different history is not identical: it is written so both devices converge.
        let mut other = theirs.clone();
        if let Some(s) = other.stamps.get_mut("adl") {
            s.history.insert(0, 42);
        }
        let (_, proposed, _) = plan_one(&b, &other);
        assert!(proposed.is_some());
    }

    #[test]
    fn id_clash_is_refused() {
        let b = base();
        let mut other = b.clone();
        other.meta.kind = RecordKind::Station;
        assert!(matches!(outcome(&b, &other), Outcome::Refused { .. }));
    }

    #[test]
    fn same_title_diagnosis_is_noted() {
        let d = CommunityDiagnosis {
            jurisdiction: "A保健所管内".into(),
            fiscal_year: crate::domain::fiscal_year::FiscalYear::new(2025).expect("year"),
        };
        let ours = StoredRecord::create(id("d1"), id("d1"), &d, Timestamp(0), &dev("a")).expect("creates");
        let theirs = StoredRecord::create(id("d2"), id("d2"), &d, Timestamp(0), &dev("b")).expect("creates");
        let mut bundle = bundle(Vec::new());
        bundle.diagnoses.push(theirs);
        let plan = plan_import(&[ours], &bundle);
        assert_eq!(plan.items[0].outcome, Outcome::New);
        assert!(plan.notes[0].contains("同じ地区名・年度"));
        assert!(plan.items[0].title.contains("A保健所管内"));
    }

    #[test]
    fn histories_merge_bounded_and_deduplicated() {
        assert_eq!(merge_history(&[1, 2], &[2, 3], None), vec![1, 2, 3]);
        assert_eq!(merge_history(&[5], &[1, 2], Some(1)), vec![5, 2, 1]);
        assert_eq!(merge_history(&[1], &[1, 2, 1], None), vec![1, 2, 1], "unchanged when nothing is new");
        let long: Vec<u64> = (0..20).collect();
        assert_eq!(merge_history(&long, &[], None).len(), FIELD_HISTORY_LEN);
        assert_eq!(merge_history(&long, &[], None).first(), Some(&4));
    }

    #[test]
    fn tri_fields_merge_as_one_value() {
        let b = base();
        let theirs = edit(&b, 2_000, "b", |p| p.emergency_admission = Tri::Value("県立Ａ病院".into()));
        assert_eq!(outcome(&b, &theirs), Outcome::Updated { fields: vec!["emergency_admission".into()] });
    }
}

/// Issue 12, 「an import overwrites a save from another tab」: tab A plans an import; tab B saves
/// a patient while A builds the records; A's write carries what its plan saw, so the store
/// refuses it whole, B's save survives, and planning again shows B's edit.
#[cfg(test)]
mod race_tests {
    use super::*;
    use crate::domain::bundle::{split_diagnoses, Bundle, ExportScope};
    use crate::domain::ids::DeviceId;
    use crate::domain::patient::Patient;
    use crate::domain::time::Timestamp;
    use crate::storage::memory::MemoryStore;
    use crate::storage::{Expect, StorageError, Store, WriteBatch};
    use futures::executor::block_on;

    use crate::domain::ids::test_ids::rid as id;

    fn batch_of(plan: &ImportPlan, local: &[StoredRecord]) -> WriteBatch {
        let applied = apply_plan(plan, &Resolutions::new());
        let local_diagnoses: Vec<StoredRecord> =
            local.iter().filter(|r| r.meta.kind == RecordKind::Diagnosis).cloned().collect();
        let expect = planned_reads(plan, &applied.records, &local_diagnoses)
            .into_iter()
            .map(|r| Expect { id: r.id, kind: r.kind, meta: r.meta })
            .collect();
        let (put_diagnoses, put_records) = split_diagnoses(applied.records);
        WriteBatch { put_diagnoses, put_records, expect, ..WriteBatch::default() }
    }

    async fn all(store: &MemoryStore) -> Vec<StoredRecord> {
        let mut out = Vec::new();
        for d in store.list_diagnoses().await.expect("lists") {
            out.extend(store.list_records(&d.meta.id).await.expect("lists"));
            out.push(d);
        }
        out
    }

    #[test]
    fn import_race_a_save_in_another_tab_is_never_overwritten() {
        block_on(async {
            let a = DeviceId::parse("pc-a").expect("id");
            let b = DeviceId::parse("pc-b").expect("id");
            let store = MemoryStore::new();
            let (ds, rs) = crate::domain::bundle::corpus_tests::every_kind_records();
            store
                .apply(WriteBatch { put_diagnoses: ds.clone(), put_records: rs.clone(), ..WriteBatch::default() })
                .await
                .expect("saved");
            // The file: p-1 edited elsewhere (a later 最終把握時期) and a new patient.
            let p1 = rs.iter().find(|r| r.meta.id.as_str() == "p-1").expect("p-1");
            let mut theirs: Patient = p1.body_as().expect("patient");
            theirs.last_contact = "2025年6月 訪問".into();
            let their_p1 =
                p1.edited(&theirs, Timestamp(p1.meta.updated_at.0 + 10), &b).expect("edits").expect("changed");
            let new = StoredRecord::create(
                id("p-9"),
                id("d-2025"),
                &Patient { id_number: "A-9".into(), ..Patient::default() },
                Timestamp(p1.meta.updated_at.0 + 20),
                &b,
            )
            .expect("creates");
            let file = Bundle {
                format: crate::domain::bundle::BUNDLE_FORMAT.into(),
                version: 1,
                exported_at: Timestamp(p1.meta.updated_at.0 + 30),
                app_version: "0.1.0".into(),
                device: b.clone(),
                scope: ExportScope::All,
                anonymised: false,
                diagnoses: Vec::new(),
                records: vec![their_p1, new],
                history: Vec::new(),
            };
            // Tab A plans.
            let local = all(&store).await;
            let plan = plan_import(&local, &file);
            assert_eq!(plan.summary().updated, 1);
            assert_eq!(plan.summary().new, 1);
            let batch = batch_of(&plan, &local);
            assert!(batch.expect.iter().any(|e| e.id.as_str() == "p-9" && e.meta.is_none()), "new: absent");
            assert!(batch.expect.iter().any(|e| e.id.as_str() == "p-1" && e.meta.is_some()), "updated: unchanged");
            assert!(batch.expect.iter().any(|e| e.id.as_str() == "d-2025"), "their 地域診断");
            // Meanwhile tab B saves p-1 (its 氏名).
            let mut ours: Patient = p1.body_as().expect("patient");
            ours.name = "タブBで直した氏名".into();
            let saved_b = p1.edited(&ours, Timestamp(p1.meta.updated_at.0 + 40), &a).expect("edits").expect("changed");
            store
                .apply(WriteBatch { put_records: vec![saved_b.clone()], ..WriteBatch::default() })
                .await
                .expect("saved");
            // Tab A writes what it planned: refused whole.
            match store.apply(batch).await {
                Err(StorageError::Changed(ids)) => assert_eq!(ids, vec![id("p-1")]),
                other => panic!("expected Changed, got {other:?}"),
            }
            assert_eq!(store.get_record(&id("p-1")).await.expect("reads"), Some(saved_b.clone()), "B's save stays");
            assert_eq!(store.get_record(&id("p-9")).await.expect("reads"), None, "nothing written");
            // Planning again merges both edits; writing that succeeds and keeps B's 氏名.
            let local = all(&store).await;
            let plan = plan_import(&local, &file);
            assert!(matches!(
                plan.items.iter().find(|i| i.id.as_str() == "p-1").map(|i| &i.outcome),
                Some(Outcome::Merged { .. })
            ));
            store.apply(batch_of(&plan, &local)).await.expect("written");
            let p1_now: Patient =
                store.get_record(&id("p-1")).await.expect("reads").expect("there").body_as().expect("patient");
            assert_eq!((p1_now.name.as_str(), p1_now.last_contact.as_str()), ("タブBで直した氏名", "2025年6月 訪問"));
            assert!(store.get_record(&id("p-9")).await.expect("reads").is_some());
        });
    }

    /// A new record under an ID another tab has meanwhile used, or a 地域診断 emptied from the
    /// ゴミ箱 meanwhile, also stops the write.
    #[test]
    fn import_race_new_ids_and_their_diagnosis_are_expected_too() {
        block_on(async {
            let dev = DeviceId::parse("pc-a").expect("id");
            let store = MemoryStore::new();
            let (ds, _) = crate::domain::bundle::corpus_tests::every_kind_records();
            store.apply(WriteBatch { put_diagnoses: ds.clone(), ..WriteBatch::default() }).await.expect("saved");
            let new = StoredRecord::create(
                id("p-9"),
                id("d-2025"),
                &Patient { id_number: "A-9".into(), ..Patient::default() },
                Timestamp(5),
                &dev,
            )
            .expect("creates");
            let file = Bundle {
                format: crate::domain::bundle::BUNDLE_FORMAT.into(),
                version: 1,
                exported_at: Timestamp(6),
                app_version: "0.1.0".into(),
                device: dev.clone(),
                scope: ExportScope::All,
                anonymised: false,
                diagnoses: Vec::new(),
                records: vec![new.clone()],
                history: Vec::new(),
            };
            let local = all(&store).await;
            let plan = plan_import(&local, &file);
            // Another tab purges the 地域診断 (empties the ゴミ箱).
            store
                .apply(WriteBatch { purge_diagnoses: vec![id("d-2025")], ..WriteBatch::default() })
                .await
                .expect("purged");
            assert!(matches!(store.apply(batch_of(&plan, &local)).await, Err(StorageError::Changed(_))));
            assert_eq!(store.get_record(&id("p-9")).await.expect("reads"), None, "no orphan written");
        });
    }

    /// Issue 16 (7): the import review listed 「地域の概況（ID …:overview）」.
    #[test]
    fn titles_name_records_as_nurses_know_them() {
        let dev = DeviceId::parse("pc-a").expect("id");
        let d = id("d1");
        let overview = crate::domain::overview::Overview::default();
        let o = StoredRecord::create(id("d1:overview"), d.clone(), &overview, Timestamp(0), &dev).expect("creates");
        assert_eq!(title(&o), "地域の概況");
        let mut unreadable = o.clone();
        unreadable.meta.kind = RecordKind::Programme;
        assert_eq!(title(&unreadable), "事業（ID d1:overview）", "the ID only when nothing else names it");
        let tables = crate::domain::ventilator::tables::SubsidyTables::default();
        let t = StoredRecord::create(id("d1:subsidy_table"), d, &tables, Timestamp(0), &dev).expect("creates");
        assert_eq!(title(&t), "補助の上限表");
        assert_eq!(crate::domain::history::record_title(&t, false), "補助の上限表");
    }
}
