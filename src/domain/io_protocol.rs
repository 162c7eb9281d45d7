//! 入出力ワーカーとのやりとり: the messages between the page and the I/O worker (the second
//! wasm that checks, plans and writes files so the page never freezes).
//!
//! Every message is JSON text `{"v": PROTOCOL_VERSION, "id": n, "body": …}`: `id` pairs a
//! reply (and its progress) with its request; `v` is checked on both sides, so a page and a
//! worker of two different builds (a service-worker update between them) refuse each other
//! with a Japanese message instead of misreading. A chosen file (page → worker) and a written
//! file (worker → page) travel next to the text as the browser's `File` / `Blob` object, never
//! copied into the message.

use super::bundle::anonymise::AnonymiseOptions;
use super::bundle::export_job::{AnonPreview, ExportJob, FormCsv};
use super::bundle::merge::Choice;
use super::bundle::review::{ImportReview, ReviewView};
use super::bundle::ExportScope;
use super::ids::{DeviceId, RecordId};
use super::map::boundary::AreaChoice;
use super::map::records::BaseMap;
use super::sheet::preview::{SheetChoices, SheetPreview};
use super::time::Timestamp;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Changes whenever a message changes shape (2: spreadsheets — `ImportOpen.diagnosis`,
/// `SheetView`, `SheetPlan`, `Reply::Sheet`; 3: `ImportReview.diagnoses`; 4:
/// `ImportApply.by`, the 担当者 of the import's 変更履歴; 5: 管内マップ's boundary file —
/// `MapAreasOpen`, `MapOutlines`, `MapClose`, `Reply::MapAreas`, `Reply::MapOutlines`).
pub const PROTOCOL_VERSION: u32 = 5;

/// What the page asks the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Request {
    /// Check the file sent with this message and plan its import into `database`. A
    /// spreadsheet (取り込み of 様式1・様式3) is answered with its preview instead, proposing
    /// `diagnosis` (the one open on the page) as where its rows go.
    ImportOpen { database: String, file_name: String, me: DeviceId, view: ReviewView, diagnosis: Option<RecordId> },
    /// The open spreadsheet's preview with the nurse's choices (sheet, columns, 地域診断) and,
    /// when `edit` is given, one cell fixed in place: (row, column, text), from 0.
    SheetView { choices: SheetChoices, edit: Option<(usize, usize, String)>, view: ReviewView },
    /// Plan the open spreadsheet's rows with these choices, as a bundle import is planned.
    SheetPlan { choices: SheetChoices, view: ReviewView },
    /// The password of the encrypted file opened last.
    ImportDecrypt { password: String, view: ReviewView },
    /// The review of the open file again (another list filter, names hidden or shown).
    ImportReview { view: ReviewView },
    /// Write the open file's plan with the nurse's choices, in one transaction; `by` is the
    /// 担当者 its 変更履歴 names.
    ImportApply {
        chosen: Vec<(RecordId, String, Choice)>,
        view: ReviewView,
        #[serde(default)]
        by: String,
    },
    /// Forget the open file.
    ImportClose,
    /// Write a file from `database` (the answer carries it as a `Blob`).
    Export { database: String, job: ExportJob },
    /// The CSV of one 様式 of a 地域診断 (the answer carries it as a `Blob`).
    Csv { database: String, diagnosis: RecordId, which: FormCsv, hide_names: bool, now: Timestamp },
    /// What anonymising the records of `scope` with `options` does (the サンプル only when
    /// `include_sample`, as the export).
    AnonPreview {
        database: String,
        scope: ExportScope,
        #[serde(default)]
        include_sample: bool,
        options: AnonymiseOptions,
    },
    /// 管内マップ: read the boundary file (GeoJSON, 国土数値情報 行政区域) sent with this message
    /// and keep its 市区町村 in the worker; answered with the list to choose from. Opening another
    /// replaces it; an import open at the same time is not touched.
    MapAreasOpen { file_name: String },
    /// The chosen 市区町村 (indices into the list of `Reply::MapAreas`) of the open boundary
    /// file, thinned, as the 下図 record to save.
    MapOutlines { chosen: Vec<usize> },
    /// Forget the open boundary file (its memory is freed).
    MapClose,
}

/// What the worker answers. `Progress` may come any number of times before the answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Reply {
    /// The worker has started (sent once, with id 0).
    Ready,
    /// How far a long step got.
    Progress { label: String, done: usize, total: usize },
    /// The file is encrypted: ask for its password (`error` after a wrong one).
    Password { file_name: String, error: Option<String> },
    /// The file cannot be imported; nothing was written.
    Refused { heading: String, lines: Vec<String> },
    /// The plan to review.
    Review { review: Box<ImportReview> },
    /// A spreadsheet's preview: its table, mapping and findings, before any plan.
    Sheet { preview: Box<SheetPreview> },
    /// Written (or nothing to write): `notice` for the top of the page, `text` for the panel.
    Applied { notice: String, text: String, wrote: bool },
    /// The file is written (sent as a `Blob` next to this message); `logged` when it was
    /// recorded as a backup in the export log.
    Exported { file_name: String, message: String, logged: bool },
    /// 匿名化の内容.
    AnonPreview { preview: AnonPreview },
    /// The boundary file is open: its 市区町村, in the file's order.
    MapAreas { file_name: String, areas: Vec<AreaChoice> },
    /// The chosen 市区町村 as the 下図 (`BaseMap::Outlines`), ready to save.
    MapOutlines { base: BaseMap },
    /// Done, nothing to show.
    Closed,
    /// Something went wrong in the worker; nothing was written.
    Failed { message: String },
}

/// A message on the wire.
#[derive(Debug, Serialize, Deserialize)]
struct Wire<T> {
    v: u32,
    id: u64,
    body: T,
}

/// A message that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProtocolError {
    /// From another version of the app.
    Version { got: u32 },
    /// Not a message of this app.
    Malformed(String),
}

impl fmt::Display for ProtocolError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProtocolError::Version { got } => write!(
                f,
                "画面とファイル処理の版が違います（画面 {PROTOCOL_VERSION}、処理 {got}）。アプリを再読み込みしてください（データは変わっていません）。"
            ),
            ProtocolError::Malformed(detail) => {
                write!(f, "ファイル処理との通信で読めない内容を受け取りました（{detail}）。データは変わっていません。")
            }
        }
    }
}

/// The text of message `id`.
pub fn encode<T: Serialize>(id: u64, body: &T) -> String {
    serde_json::to_string(&Wire { v: PROTOCOL_VERSION, id, body }).unwrap_or_else(|e| {
        // Only a non-string map key could fail here; say so as a failure reply.
        let message = serde_json::Value::String(e.to_string());
        format!(r#"{{"v":{PROTOCOL_VERSION},"id":{id},"body":{{"type":"failed","message":{message}}}}}"#)
    })
}

/// Reads a message: its id and body, or why not. The version is checked before the body.
pub fn decode<T: DeserializeOwned>(text: &str) -> Result<(u64, T), ProtocolError> {
    #[derive(Deserialize)]
    struct Head {
        v: u32,
        id: u64,
    }
    // A message is an object (serde would also read `[v, id]` as the head).
    if !text.trim_start().starts_with('{') {
        return Err(ProtocolError::Malformed("JSON のオブジェクトではありません".to_string()));
    }
    let head: Head = serde_json::from_str(text).map_err(|e| ProtocolError::Malformed(e.to_string()))?;
    if head.v != PROTOCOL_VERSION {
        return Err(ProtocolError::Version { got: head.v });
    }
    let wire: Wire<T> = serde_json::from_str(text).map_err(|e| ProtocolError::Malformed(e.to_string()))?;
    Ok((head.id, wire.body))
}

/// The message shown when the worker stopped before answering (closed, crashed, killed).
pub const WORKER_STOPPED: &str =
    "ファイルの処理が途中で止まりました。この端末のデータは変わっていません（書き込みは1回のトランザクションなので、途中まで書かれることはありません）。もう一度ファイルを選んでください。";

/// The message shown when the nurse cancelled a long step.
pub const CANCELLED: &str = "取り消しました。この端末のデータは変わっていません。";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::test_ids::{dev, rid};
    use crate::domain::map::records::AreaOutline;

    fn view() -> ReviewView {
        ReviewView { filter: "changes".into(), hide_names: true }
    }

    #[test]
    fn requests_and_replies_round_trip() {
        let requests = vec![
            Request::ImportOpen {
                database: "db".into(),
                file_name: "a.json".into(),
                me: dev("pc-a"),
                view: view(),
                diagnosis: Some(rid("d1")),
            },
            Request::SheetView {
                choices: SheetChoices {
                    sheet: 1,
                    columns: vec![Some("name".into()), None],
                    diagnosis: Some(rid("d1")),
                    skip_overview: true,
                },
                edit: Some((4, 2, "70".into())),
                view: view(),
            },
            Request::SheetPlan { choices: SheetChoices::default(), view: view() },
            Request::ImportDecrypt { password: "パスワード".into(), view: view() },
            Request::ImportReview { view: view() },
            Request::ImportApply {
                chosen: vec![(rid("p1"), "name".into(), Choice::Theirs)],
                view: view(),
                by: "佐藤".into(),
            },
            Request::ImportClose,
            Request::AnonPreview {
                database: "db".into(),
                scope: crate::domain::bundle::ExportScope::All,
                include_sample: false,
                options: AnonymiseOptions::default(),
            },
            Request::MapAreasOpen { file_name: "N03-20240101_13.geojson".into() },
            Request::MapOutlines { chosen: vec![3, 0, 12] },
            Request::MapClose,
        ];
        for (i, r) in requests.into_iter().enumerate() {
            let text = encode(i as u64, &r);
            assert_eq!(decode::<Request>(&text), Ok((i as u64, r)));
        }
        let replies = vec![
            Reply::Ready,
            Reply::Progress { label: "確かめています".into(), done: 3, total: 10 },
            Reply::Password { file_name: "a".into(), error: Some("違います".into()) },
            Reply::Refused { heading: "h".into(), lines: vec!["l".into()] },
            Reply::Applied { notice: "n".into(), text: "t".into(), wrote: true },
            Reply::Closed,
            Reply::Exported { file_name: "a.nanbyo.json".into(), message: "m".into(), logged: true },
            Reply::Failed { message: "m".into() },
            Reply::MapAreas {
                file_name: "N03.geojson".into(),
                areas: vec![AreaChoice {
                    name: "西多摩郡 奥多摩町".into(), code: "13308".into(), points: 12_345
                }],
            },
            Reply::MapOutlines {
                base: BaseMap::Outlines {
                    file_name: "N03.geojson".into(),
                    areas: vec![AreaOutline {
                        name: "青梅市".into(),
                        rings: vec![vec![[35.7, 139.2], [35.7, 139.3], [35.8, 139.3], [35.7, 139.2]]],
                    }],
                },
            },
        ];
        for r in replies {
            assert_eq!(decode::<Reply>(&encode(7, &r)), Ok((7, r)));
        }
    }

    #[test]
    fn the_wire_is_the_documented_shape() {
        assert_eq!(encode(3, &Reply::Closed), r#"{"v":5,"id":3,"body":{"type":"closed"}}"#);
        assert_eq!(
            encode(4, &Request::MapOutlines { chosen: vec![2, 0] }),
            r#"{"v":5,"id":4,"body":{"type":"map_outlines","chosen":[2,0]}}"#
        );
    }

    #[test]
    fn another_version_is_refused_before_its_body_is_read() {
        // A page of the previous version (4, before 管内マップ) meets this worker.
        let text = r#"{"v":4,"id":1,"body":{"type":"import_open"}}"#;
        let err = decode::<Reply>(text).expect_err("refused");
        assert_eq!(err, ProtocolError::Version { got: 4 });
        assert!(err.to_string().contains("再読み込み"));
    }

    #[test]
    fn junk_is_refused_in_japanese() {
        for text in ["", "null", "{}", r#"{"v":5}"#, r#"{"v":5,"id":1,"body":{"type":"nope"}}"#, "[5,2]"] {
            let err = decode::<Request>(text).expect_err(text);
            assert!(matches!(err, ProtocolError::Malformed(_)), "{text}: {err:?}");
            assert!(err.to_string().starts_with("ファイル処理との通信で"));
        }
        // A reply where a request is expected is not a request.
        assert!(decode::<Request>(&encode(1, &Reply::Closed)).is_err());
    }
}
