//! 形式の移行: older bundle versions are brought up to the current one, one step per file
//! (`v0_to_v1.rs`, later `v1_to_v2.rs`, …). Each step takes the JSON value of version `n`
//! and returns the value of version `n + 1`, or a Japanese message saying where it failed.
//! Every step must refuse bad input with `Err` and never panic; the result is then checked
//! completely as a current bundle.

pub mod v0_to_v1;
pub mod v1_to_v2;
pub mod v2_to_v3;
pub mod v3_to_v4;
pub mod v4_to_v5;
pub mod v5_to_v6;

use super::error::ImportError;
use super::BUNDLE_VERSION;
use serde_json::Value;

/// The oldest version whose files read as today's without the nurse being told: every step
/// after it only adds optional fields or record kinds (v1 → v2: ふりがな; v2 → v3: 変更履歴;
/// v3 → v4: 事業実績・進捗状況評価・災害時個別支援計画; v4 → v5: 管内マップ — 施設, 管内マップ,
/// 下図; v5 → v6: 補助の上限表), so nothing in the file changes meaning. A file older than
/// this gets 「古い形式（vN）のファイルを…変換して読み込みました」.
pub const READ_AS_CURRENT_FROM: u32 = 1;

/// Migrates `value` from `from` up to [`BUNDLE_VERSION`].
pub fn migrate(mut value: Value, from: u32) -> Result<Value, ImportError> {
    let mut version = from;
    while version < BUNDLE_VERSION {
        value = match version {
            0 => v0_to_v1::migrate_v0_to_v1(value)?,
            1 => v1_to_v2::migrate_v1_to_v2(value)?,
            2 => v2_to_v3::migrate_v2_to_v3(value)?,
            3 => v3_to_v4::migrate_v3_to_v4(value)?,
            4 => v4_to_v5::migrate_v4_to_v5(value)?,
            5 => v5_to_v6::migrate_v5_to_v6(value)?,
            other => {
                return Err(ImportError::file(format!(
                    "形式 v{other} のファイルは読み込めません（変換の手順がありません）"
                )))
            }
        };
        version += 1;
    }
    Ok(value)
}
