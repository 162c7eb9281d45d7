//! 管内マップ in the worker: a boundary file (国土数値情報 行政区域, a whole prefecture, tens of
//! MB) is read here in 4 MB slices with progress, checked and kept while the nurse chooses
//! her 市区町村 on the page, then the chosen ones are thinned into the 下図 record the page
//! saves (`domain::map::boundary`). The page never holds the file's text; 取り消し stops the
//! worker (`io_client::cancel`), and the open file goes with it.
//!
//! The open boundary file is kept apart from an import's state (`session::State`): opening
//! one never closes the other. Opening another boundary file replaces it; `MapClose` frees it.

use super::sheet::decode_cp932;
use super::{js_text, progress};
use crate::domain::io_protocol::Reply;
use crate::domain::map::boundary::{self, TOLERANCE_KM};
use crate::domain::map::geojson::Area;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Bytes read per slice of the file (one progress message each).
const CHUNK: usize = 4 * 1024 * 1024;

const READING: &str = "境界ファイルを読んでいます";
const CHECKING: &str = "境界ファイルの内容を確かめています";
const THINNING: &str = "市区町村の境界を簡略化しています";

/// A boundary file read and checked: its name and its 市区町村.
struct OpenFile {
    file_name: String,
    areas: Vec<Area>,
}

thread_local! {
    static OPEN: RefCell<Option<Rc<OpenFile>>> = const { RefCell::new(None) };
}

fn set_open(open: Option<OpenFile>) {
    OPEN.with(|o| *o.borrow_mut() = open.map(Rc::new));
}

/// Reads the boundary file sent with the request and answers with its 市区町村.
pub async fn open(id: u64, file_name: String, file: JsValue) -> Reply {
    // The previous file's memory is freed before this one is read.
    set_open(None);
    let refused = |line: String| Reply::Refused { heading: boundary::refusal_heading(&file_name), lines: vec![line] };
    let Some(blob) = file.dyn_ref::<web_sys::Blob>() else {
        return refused(format!("{file_name}: ファイルが渡されませんでした"));
    };
    // A float to usize cast saturates: a size beyond usize is still refused as too large.
    let size = blob.size() as usize;
    if let Err(e) = boundary::check_size(&file_name, size) {
        return refused(e);
    }
    let bytes = match read_slices(id, blob, size).await {
        Ok(b) => b,
        Err(e) => return refused(format!("{file_name}: {e}")),
    };
    progress(id, CHECKING, 0, 1);
    let text = match boundary::decode_text(&file_name, bytes, decode_cp932) {
        Ok(t) => t,
        Err(e) => return refused(e),
    };
    let areas = match boundary::read(&file_name, &text) {
        Ok(a) => a,
        Err(e) => return refused(e),
    };
    drop(text);
    progress(id, CHECKING, 1, 1);
    let reply = Reply::MapAreas { file_name: file_name.clone(), areas: boundary::choices(&areas) };
    set_open(Some(OpenFile { file_name, areas }));
    reply
}

/// The file's bytes, read slice by slice (`Blob.slice`, so the browser never makes one
/// ArrayBuffer of the whole file), with progress in bytes.
async fn read_slices(id: u64, blob: &web_sys::Blob, size: usize) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    bytes.try_reserve_exact(size).map_err(|_| "メモリが足りないため読めません".to_string())?;
    let cannot = |e: JsValue| format!("ファイルを読めませんでした（{}）", js_text(&e));
    while bytes.len() < size {
        let at = bytes.len();
        progress(id, READING, at, size);
        let end = (at + CHUNK).min(size);
        let slice = blob.slice_with_f64_and_f64(at as f64, end as f64).map_err(cannot)?;
        let buffer = JsFuture::from(slice.array_buffer()).await.map_err(cannot)?;
        let array = js_sys::Uint8Array::new(&buffer);
        let n = (array.length() as usize).min(end - at);
        if n == 0 {
            return Err("ファイルが途中で短くなりました。ファイルを選び直してください".to_string());
        }
        bytes.resize(at + n, 0);
        array.subarray(0, n as u32).copy_to(&mut bytes[at..]);
    }
    progress(id, READING, size, size);
    Ok(bytes)
}

/// The chosen 市区町村 of the open file as the 下図 record, with progress per 市区町村.
pub fn outlines(id: u64, chosen: &[usize]) -> Reply {
    let Some(open) = OPEN.with(|o| o.borrow().clone()) else {
        return Reply::Refused {
            heading: "境界ファイルがありません".to_string(),
            lines: vec![boundary::NOT_OPEN.to_string()],
        };
    };
    let progress = |done, total| progress(id, THINNING, done, total);
    match boundary::keep_outlines_with(&open.file_name, &open.areas, chosen, TOLERANCE_KM, progress) {
        Ok(base) => Reply::MapOutlines { base },
        Err(e) => Reply::Refused { heading: boundary::outlines_heading(&open.file_name), lines: vec![e] },
    }
}

/// Forgets the open boundary file.
pub fn close() -> Reply {
    set_open(None);
    Reply::Closed
}
