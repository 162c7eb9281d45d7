//! 書き出し in the worker: every record is read from the device, the job's records selected
//! (and anonymised), the bundle written, read back with the importer's own checks in parts
//! (a file that would not import is no backup: nothing is offered then), encrypted when
//! asked, and handed to the page as a `Blob` to download. A whole-地域診断 export that is not
//! anonymised is recorded in the export log (the backup reminder).

use super::{post_file, progress, store};
use crate::domain::bundle::anonymise::AnonymiseOptions;
use crate::domain::bundle::dataio::{ExportLog, EXPORT_LOG_KEY};
use crate::domain::bundle::export_job::{anon_preview, form_csv, ExportHow, ExportJob, FormCsv};
use crate::domain::bundle::{BundleReader, ExportError, ExportScope, ImportError, KnownIds};
use crate::domain::ids::RecordId;
use crate::domain::io_protocol::Reply;
use crate::domain::record::RecordKind;
use crate::domain::time::Timestamp;
use crate::storage::{load_all, Store, WriteBatch};

const STEPS: usize = 5;
const PART: usize = 500;

/// Writes the file of `job` and sends it to the page with the reply (`None`), or says why
/// not.
pub async fn export(id: u64, database: &str, job: &ExportJob) -> Option<Reply> {
    match write(id, database, job).await {
        Ok(()) => None,
        Err(e) => Some(Reply::Failed { message: e }),
    }
}

async fn write(id: u64, database: &str, job: &ExportJob) -> Result<(), String> {
    let store = store(database).await.map_err(|e| e.to_string())?;
    let all =
        load_all(&*store, |i, n| progress(id, "データを読み込んでいます", i, n)).await.map_err(|e| e.to_string())?;
    let mut history = Vec::new();
    if job.with_history() {
        for d in all.iter().filter(|r| r.meta.kind == RecordKind::Diagnosis) {
            history.extend(store.list_diagnosis_history(&d.meta.id).await.map_err(|e| e.to_string())?);
        }
    }
    progress(id, "ファイルを作っています", 2, STEPS);
    let prepared = job.prepare(&all, &history).map_err(|e| e.to_string())?;
    drop(history);
    drop(all);
    // Every file is read back with the importer's own checks before it is offered: a file
    // that would not import is no backup (issue 12). Nothing is downloaded or logged then.
    check_in_parts(id, &prepared.text).map_err(|e| e.to_string())?;
    let bytes = match &job.how {
        ExportHow::Encrypted { password } => {
            progress(id, "暗号化しています（パスワードから鍵を作るのに数秒かかります）", 4, STEPS);
            super::crypto::encrypt(&prepared.text, password, job.exported_at).await?.into_bytes()
        }
        _ => prepared.text.clone().into_bytes(),
    };
    progress(id, "ダウンロードしています", 5, STEPS);
    let mut log = ExportLog::from_meta(store.get_meta(EXPORT_LOG_KEY).await.ok().flatten().as_ref());
    let logged = log.record(&job.scope, job.anonymised(), &prepared.diagnoses, job.exported_at);
    if logged {
        let batch = WriteBatch { put_meta: vec![(EXPORT_LOG_KEY.to_string(), log.to_meta())], ..WriteBatch::default() };
        // The file is made; a failure here only loses the reminder's record.
        let _ = store.apply(batch).await;
    }
    let reply = Reply::Exported { file_name: prepared.file_name.clone(), message: prepared.done_message(), logged };
    post_file(id, &reply, "application/json", &bytes)
}

/// `check_export` in parts (the same checks: `BundleReader` is what `parse_bundle` runs), with
/// progress.
fn check_in_parts(id: u64, text: &str) -> Result<(), ExportError> {
    const LABEL: &str = "書き出したファイルを確かめています（読み込みと同じ検査）";
    let unreadable = |e: ImportError| ExportError::Unreadable(e.lines());
    let mut reader = BundleReader::start(text.as_bytes(), &KnownIds::default()).map_err(unreadable)?;
    let total = reader.total();
    loop {
        progress(id, LABEL, reader.done(), total);
        if reader.read(PART) {
            break;
        }
    }
    reader.finish().map(|_| ()).map_err(unreadable)
}

/// 匿名化の内容 for the records of `scope`.
pub async fn preview(
    id: u64,
    database: &str,
    scope: &ExportScope,
    include_sample: bool,
    options: &AnonymiseOptions,
) -> Reply {
    let store = match store(database).await {
        Ok(s) => s,
        Err(e) => return Reply::Failed { message: e.to_string() },
    };
    match load_all(&*store, |i, n| progress(id, "データを読み込んでいます", i, n)).await {
        Ok(all) => {
            progress(id, "匿名化しています", 1, 2);
            Reply::AnonPreview { preview: anon_preview(&all, scope, include_sample, options) }
        }
        Err(e) => Reply::Failed { message: e.to_string() },
    }
}

/// The CSV of one 様式 of a 地域診断, sent with the reply (`None`), or why not.
pub async fn csv(
    id: u64,
    database: &str,
    diagnosis: &RecordId,
    which: FormCsv,
    hide_names: bool,
    now: Timestamp,
) -> Option<Reply> {
    let made = async {
        let store = store(database).await.map_err(|e| e.to_string())?;
        progress(id, "データを読み込んでいます", 0, 2);
        let mut records = store.list_records(diagnosis).await.map_err(|e| e.to_string())?;
        if let Ok(Some(d)) = store.get_diagnosis(diagnosis).await {
            records.push(d);
        }
        progress(id, "CSVを作っています", 1, 2);
        let csv = form_csv(&records, diagnosis, which, hide_names, now);
        let reply = Reply::Exported { file_name: csv.file_name, message: csv.message, logged: false };
        post_file(id, &reply, "text/csv;charset=utf-8", csv.text.as_bytes())
    };
    made.await.err().map(|message| Reply::Failed { message })
}
