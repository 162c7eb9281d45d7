//! The rows of a spreadsheet as the records of a bundle, so that the bundle import plans and
//! writes them like any other file: a row whose ID番号 (a patient) or 名称 and 所在地 (a
//! station) matches a saved record of the 地域診断 becomes that record with the file's values;
//! any other row a new record.
//!
//! A changed field is stamped as an edit made without knowledge of the saved value, so the
//! plan shows it as 競合 and the nurse chooses (the spreadsheet may be older than what was
//! typed in the app); equal fields are 同一, so importing the same file twice writes nothing.

use super::existing::Existing;
use super::fields::TableKind;
use super::rows::{ReadRow, RowValue};
use crate::domain::bundle::{Bundle, ExportScope, BUNDLE_FORMAT, BUNDLE_VERSION};
use crate::domain::ids::{DeviceId, RecordId};
use crate::domain::overview::Overview;
use crate::domain::record::{leaf_paths, Body, FieldStamp, RecordKind, StoredRecord};
use crate::domain::time::Timestamp;
use serde_json::Value;

/// The record a read row makes: the saved one with the file's values, or a new one.
fn record_for(
    value: &RowValue,
    diagnosis: &RecordId,
    existing: &Existing,
    now: Timestamp,
    me: &DeviceId,
    new_id: &mut dyn FnMut() -> RecordId,
) -> Option<StoredRecord> {
    let (kind, body, saved) = match value {
        RowValue::Patient(p) => (
            RecordKind::Patient,
            Body::from_typed(p.as_ref()).ok()?,
            existing.patient_entry(&p.id_number).map(|e| &e.1),
        ),
        RowValue::Station(s) => (
            RecordKind::Station,
            Body::from_typed(s.as_ref()).ok()?,
            existing.station_entry(&s.name, &s.address).map(|e| &e.1),
        ),
    };
    let id = match saved {
        Some(r) => r.meta.id.clone(),
        None => new_id(),
    };
    Some(sheet_record(kind, body, saved, id, diagnosis, now, me))
}

/// A record with the file's body: new (`saved` is `None`), the saved one unchanged when the
/// bodies are equal, or the saved one with every changed field stamped as an edit made
/// without knowledge of the saved value (so the plan shows it as 競合).
fn sheet_record(
    kind: RecordKind,
    body: Body,
    saved: Option<&StoredRecord>,
    id: RecordId,
    diagnosis: &RecordId,
    now: Timestamp,
    me: &DeviceId,
) -> StoredRecord {
    match saved {
        None => StoredRecord::create_body(id, diagnosis.clone(), kind, body, now, me),
        Some(saved) if saved.body == body => saved.clone(),
        Some(saved) => {
            let old = leaf_paths(&saved.body.to_value());
            let new_value: Value = body.to_value();
            let new = leaf_paths(&new_value);
            let mut stamps = saved.stamps.clone();
            let stamp = || FieldStamp { at: now, device: me.clone(), history: Vec::new() };
            for (path, value) in &new {
                if old.get(path) != Some(value) {
                    stamps.insert(path.clone(), stamp());
                }
            }
            for path in old.keys().filter(|p| !new.contains_key(*p)) {
                stamps.insert(path.clone(), stamp());
            }
            let mut record = saved.clone();
            record.body = body;
            record.stamps = stamps;
            record.touch(now, me);
            record
        }
    }
}

/// The 地域の概況 record of a spreadsheet's header (the saved one with the file's values, or
/// the 地域診断's one new record of that kind).
fn overview_record(
    overview: &Overview,
    diagnosis: &RecordId,
    existing: &Existing,
    now: Timestamp,
    me: &DeviceId,
) -> Option<StoredRecord> {
    let body = Body::from_typed(overview).ok()?;
    let saved = existing.overview_record();
    let id = match saved {
        Some(r) => r.meta.id.clone(),
        None => RecordId::singleton(diagnosis, crate::domain::records::singleton_suffix(RecordKind::Overview)?).ok()?,
    };
    Some(sheet_record(RecordKind::Overview, body, saved, id, diagnosis, now, me))
}

/// The bundle a spreadsheet makes for the 地域診断 `diagnosis` (its record as saved, so the
/// plan finds it 同一): one record per row that read without errors, in the file's order.
#[allow(clippy::too_many_arguments)]
pub fn sheet_bundle(
    diagnosis: &StoredRecord,
    existing: &Existing,
    rows: &[ReadRow],
    overview: Option<&Overview>,
    now: Timestamp,
    me: &DeviceId,
    new_id: &mut dyn FnMut() -> RecordId,
) -> Bundle {
    // New records are made a millisecond apart in the file's row order, so the roster and
    // the CSV (which list records by when they were made) keep the file's order.
    let mut records: Vec<StoredRecord> = rows
        .iter()
        .filter_map(|r| r.value.as_ref())
        .enumerate()
        .filter_map(|(i, v)| {
            let at = Timestamp(now.0.saturating_add(i64::try_from(i).unwrap_or(i64::MAX)));
            record_for(v, &diagnosis.meta.id, existing, at, me, new_id)
        })
        .collect();
    records.extend(overview.and_then(|o| overview_record(o, &diagnosis.meta.id, existing, now, me)));
    records.sort_by(|a, b| (a.meta.kind.key(), &a.meta.id).cmp(&(b.meta.kind.key(), &b.meta.id)));
    Bundle {
        format: BUNDLE_FORMAT.to_string(),
        version: BUNDLE_VERSION,
        exported_at: now,
        app_version: String::new(),
        device: me.clone(),
        scope: ExportScope::Diagnoses { ids: vec![diagnosis.meta.id.clone()] },
        anonymised: false,
        diagnoses: vec![diagnosis.clone()],
        records,
        history: Vec::new(),
    }
}

/// What the file holds, for the preview's heading: 「様式1（療養者）: 32 行（記入例 2 行は
/// 読み飛ばします）、うち 2 行にエラー」.
pub fn rows_summary(kind: TableKind, rows: &[ReadRow]) -> String {
    let examples = rows.iter().filter(|r| r.example).count();
    let data: Vec<&ReadRow> = rows.iter().filter(|r| !r.example).collect();
    let errors = data.iter().filter(|r| r.has_errors()).count();
    let warnings = data.iter().filter(|r| !r.has_errors() && !r.findings.is_empty()).count();
    let mut text = format!("{}: {} 行", kind.label(), data.len());
    if examples > 0 {
        text.push_str(&format!("（記入例 {examples} 行は読み飛ばします）"));
    }
    text.push_str(&format!("。取り込める行 {} 行", data.len() - errors));
    if errors > 0 {
        text.push_str(&format!("、エラーのある行 {errors} 行（直すか、取り込まずに進めます）"));
    }
    if warnings > 0 {
        text.push_str(&format!("、注意のある行 {warnings} 行"));
    }
    text
}

#[cfg(test)]
#[path = "records_tests.rs"]
mod tests;
