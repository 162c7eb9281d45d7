//! 「この版に戻す」: a record's body as it was after one of its saves, or one field put back
//! to its value before a change — planned here, saved as a new revision by the page.

use super::{diff, newest_first, FieldChange, HistoryEntry};
use crate::domain::record::{from_leaf_paths, leaf_paths};
use serde_json::Value;

/// What restoring writes: the body, and the fields it changes from the current body (shown
/// for her confirmation; none when the record already is that version).
#[derive(Clone, Debug, PartialEq)]
pub struct RevertPlan {
    pub body: Value,
    pub changes: Vec<FieldChange>,
}

impl RevertPlan {
    fn from_current(current: &Value, body: Value) -> RevertPlan {
        RevertPlan { changes: diff(current, &body), body }
    }
}

/// Puts `value` at leaf `path` (removes the leaf when `None`).
fn set_leaf(leaves: &mut std::collections::BTreeMap<String, Value>, path: &str, value: Option<&Value>) {
    // A group that is a single leaf on one side (e.g. a cleared optional group, `null`)
    // and has sub-fields on the other: replace the whole group.
    let prefix = format!("{path}/");
    leaves.retain(|p, _| !p.starts_with(&prefix));
    if let Some(parent) = leaves.keys().find(|p| path.starts_with(&format!("{p}/"))).cloned() {
        leaves.remove(&parent);
    }
    match value {
        Some(v) => {
            leaves.insert(path.to_string(), v.clone());
        }
        None => {
            leaves.remove(path);
        }
    }
}

/// The record's body right after the save `entry` (one of `entries`, this record's, in any
/// order): the current body with every later save undone, newest first. `None` when `entry`
/// is not among them.
pub fn body_after(current: &Value, entries: &[HistoryEntry], entry: &str) -> Option<RevertPlan> {
    let mut sorted = entries.to_vec();
    newest_first(&mut sorted);
    let pos = sorted.iter().position(|e| e.id == entry)?;
    let mut leaves = leaf_paths(current);
    for later in &sorted[..pos] {
        for change in &later.changes {
            set_leaf(&mut leaves, &change.path, change.old.as_ref());
        }
    }
    Some(RevertPlan::from_current(current, from_leaf_paths(&leaves)))
}

/// The current body with one field put back to its value before `change`.
pub fn revert_field(current: &Value, change: &FieldChange) -> RevertPlan {
    let mut leaves = leaf_paths(current);
    set_leaf(&mut leaves, &change.path, change.old.as_ref());
    RevertPlan::from_current(current, from_leaf_paths(&leaves))
}
