//! この端末のデータを消去: what erasing the device loses, said before it is done, and the
//! word she types to confirm it (a button alone is one slip away on a shared PC).

use super::bundle::dataio::{BackupStatus, KindCounts};
use super::record::StoredRecord;

/// What she types to confirm.
pub const CONFIRM_WORD: &str = "消去";

/// The lines of the confirmation: every record (by kind, ゴミ箱 included), the 変更履歴, the
/// drafts, the settings, and whether a backup was written since the last change.
pub fn erase_summary(all: &[StoredRecord], history: u64, backup: &BackupStatus) -> Vec<String> {
    let mut lines = vec![format!("記録: {}", KindCounts::of(all).describe())];
    lines.push(format!("変更履歴: {history}件"));
    lines.push(
        "入力途中の下書き、この端末の設定（担当者名・氏名を隠す など）、オフライン用に保存したアプリ本体".to_string(),
    );
    lines.push(match (backup.last_export, backup.changed) {
        (None, _) if all.is_empty() => "この端末に記録はありません。".to_string(),
        (None, _) => "まだ一度も書き出していません。消去すると元に戻せません。先に書き出してください。".to_string(),
        (Some(_), 0) => format!("{}。消去したデータは、そのファイルから読み込めば元に戻せます。", backup.status_text()),
        (Some(_), n) => format!("{}。書き出したあとの変更{n}件は、消去すると元に戻せません。", backup.status_text()),
    });
    lines
}

/// The lines of the confirmation on the lock screen, for a forgotten passphrase: the records
/// are sealed, so nothing of them (not even their number) can be read or said; what a file
/// exported earlier can bring back is said instead.
pub fn locked_erase_summary() -> Vec<String> {
    vec![
        "この端末の記録・変更履歴・下書き（すべて暗号化されていて、パスワードがなければ誰にも開けません）".to_string(),
        "この端末の設定（担当者名・パスワード・ロックの設定 など）、オフライン用に保存したアプリ本体".to_string(),
        "書き出したファイルは消えません。暗号化して書き出したファイルは、書き出したときのパスワードで「データの入出力」から読み込めます。".to_string(),
    ]
}

/// Whether the typed text confirms (spaces and full-width spaces around it ignored).
pub fn confirmed(typed: &str) -> bool {
    typed.trim_matches(|c: char| c.is_whitespace()) == CONFIRM_WORD
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::diagnosis::CommunityDiagnosis;
    use crate::domain::fiscal_year::FiscalYear;
    use crate::domain::ids::test_ids::{dev, rid};
    use crate::domain::patient::Patient;
    use crate::domain::time::Timestamp;

    fn device() -> Vec<StoredRecord> {
        let d =
            CommunityDiagnosis { jurisdiction: "A保健所管内".into(), fiscal_year: FiscalYear::new(2025).unwrap() };
        let mut p2 = StoredRecord::create(rid("p2"), rid("d1"), &Patient::default(), Timestamp(3), &dev("pc")).unwrap();
        p2.meta.deleted_at = Some(Timestamp(4));
        vec![
            StoredRecord::create(rid("d1"), rid("d1"), &d, Timestamp(1), &dev("pc")).unwrap(),
            StoredRecord::create(rid("p1"), rid("d1"), &Patient::default(), Timestamp(2), &dev("pc")).unwrap(),
            p2,
        ]
    }

    fn backup(last: Option<i64>, changed: usize) -> BackupStatus {
        BackupStatus { last_export: last.map(Timestamp), changed, ..BackupStatus::default() }
    }

    #[test]
    fn the_summary_names_every_record_the_history_and_the_backup() {
        let lines = erase_summary(&device(), 12, &backup(None, 3));
        assert_eq!(lines[0], "記録: 地域診断 1件・療養者 2人・訪問看護ステーション 0件（うちゴミ箱 1件）");
        assert_eq!(lines[1], "変更履歴: 12件");
        assert!(lines[3].contains("まだ一度も書き出していません"), "{}", lines[3]);
        // 2025-05-12 JST
        let after = erase_summary(&device(), 0, &backup(Some(1_747_000_000_000), 2));
        assert!(after[3].contains("書き出したあとの変更2件は、消去すると元に戻せません"), "{}", after[3]);
        let safe = erase_summary(&device(), 0, &backup(Some(1_747_000_000_000), 0));
        assert!(safe[3].ends_with("そのファイルから読み込めば元に戻せます。"), "{}", safe[3]);
        assert_eq!(erase_summary(&[], 0, &backup(None, 0))[3], "この端末に記録はありません。");
    }

    /// Issue 17: a forgotten passphrase left the device stuck on the lock screen; the erase
    /// offered there says that nothing of the sealed data can be read, and what a file brings back.
    #[test]
    fn the_locked_summary_says_nothing_of_the_data_and_what_a_file_brings_back() {
        let lines = locked_erase_summary();
        assert_eq!(lines.len(), 3);
        assert!(lines[0].contains("暗号化されていて"), "{}", lines[0]);
        assert!(lines[2].contains("書き出したときのパスワード"), "{}", lines[2]);
        assert!(lines.iter().all(|l| !l.contains("件")), "no counts: the records are sealed");
    }

    #[test]
    fn only_the_word_confirms() {
        assert!(confirmed("消去"));
        assert!(confirmed("　消去 "));
        assert!(!confirmed("削除"));
        assert!(!confirmed(""));
        assert!(!confirmed("消去する"));
    }
}
