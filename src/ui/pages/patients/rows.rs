//! The rows of the 様式1 roster, drawn as plain elements and text (no reactive node per
//! cell; text only through `textContent`). A change of filter, sort, page or data redraws
//! the page's rows: at once those that fill what is in view (measured: the rows differ in
//! height), then the rest a chunk per frame; each row is formatted when it is drawn.

use super::{PageData, Shared};
use crate::domain::forms::roster::{roster_row, rows_to_fill, RosterPage, RosterRow, ROSTER_COLUMNS};
use crate::domain::ids::RecordId;
use crate::domain::patient::Disease;
use crate::ui::platform::after_next_paint;
use leptos::prelude::*;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// What the list body shows: the page's rows of the filtered, sorted roster.
pub struct Rows {
    pub list: Memo<Shared>,
    pub indices: Memo<Vec<usize>>,
    pub page: Memo<RosterPage>,
    pub hide: RwSignal<bool>,
    pub diagnosis: RecordId,
    pub pending_focus: StoredValue<Option<RecordId>>,
}

impl Rows {
    /// Draws the rows again whenever the data, the filter, the sort or the page changes.
    pub fn draw_on_change(self, tbody_ref: NodeRef<leptos::html::Div>) {
        // Which drawing is current: a newer one stops the chunks of an older one.
        let generation = StoredValue::new(0_u64);
        Effect::new(move |drawn: Option<bool>| {
            let Some(body) = tbody_ref.get() else { return false };
            let list = self.list.get();
            let hide = self.hide.get();
            let (start, end) = self.page.with(|p| (p.first.saturating_sub(1), p.last));
            let shown: Rc<[usize]> = self.indices.with(|ix| ix.get(start..end).unwrap_or_default().into());
            let current = generation.get_value().wrapping_add(1);
            generation.set_value(current);
            // A redraw measures what is in view before the old rows go; the first drawing
            // does not (the page itself is not laid out yet, measuring would lay it out twice).
            let view = if drawn == Some(true) { in_view(&body) } else { None };
            body.set_text_content(None);
            let job = Chunks {
                body: body.into(),
                shown,
                start,
                hide,
                list,
                diagnosis: self.diagnosis.clone(),
                generation,
                current,
                pending_focus: self.pending_focus,
            };
            job.first(view);
            true
        });
    }
}

/// The least height of a row in CSS pixels: one line of text (0.82rem × 1.6) and its padding
/// (0.5rem) and border are about 30 px at the usual font size; 26 leaves room for a smaller
/// one.
const MIN_ROW_PX: f64 = 26.0;
/// A guess of a row's height for the first rows drawn (many rows wrap to two or three
/// lines); what they leave of the view is filled at once after measuring them.
const TYPICAL_ROW_PX: f64 = 48.0;
/// Rows drawn at once when the view is not measured (the first drawing: about a screenful).
const UNMEASURED: usize = 25;
/// Rows drawn in each later frame.
const CHUNK: usize = 25;

/// The top of the list body and the bottom of what is in view of it (the scroll box's or the
/// window's, whichever is higher), in CSS pixels from the top of the window.
fn in_view(body: &web_sys::Element) -> Option<(f64, f64)> {
    let window = web_sys::window()?;
    let window_bottom = window.inner_height().ok().and_then(|h| h.as_f64())?;
    let scroll_bottom =
        body.closest(".roster-scroll").ok().flatten().map_or(window_bottom, |s| s.get_bounding_client_rect().bottom());
    Some((body.get_bounding_client_rect().top(), window_bottom.min(scroll_bottom)))
}

/// Drawing the page's rows into the list body: each row is a clone of one template row (a
/// cell per column with its class), filled through `textContent`, a chunk per fragment.
struct Chunks {
    body: web_sys::Element,
    /// The patients of the page (indices into the list), in the shown order.
    shown: Rc<[usize]>,
    /// How many shown rows come before the page (the first row's 番号 is `start + 1`).
    start: usize,
    hide: bool,
    list: Shared,
    diagnosis: RecordId,
    generation: StoredValue<u64>,
    current: u64,
    pending_focus: StoredValue<Option<RecordId>>,
}

impl Chunks {
    /// Draws the rows in view at once: a first guess, then (after measuring where the guess
    /// ends) enough rows of the least height to fill the rest; the others follow a chunk
    /// per frame. Unmeasured (`None`), a screenful of [`UNMEASURED`] rows.
    fn first(self, view: Option<(f64, f64)>) {
        let Some((top, bottom)) = view else { return self.append_from(0, UNMEASURED) };
        // Laid out at once (`in-view`: not skipped as off-screen rows are), so that where they
        // end can be measured.
        let mut end = self.append(0, rows_to_fill(bottom - top, TYPICAL_ROW_PX, self.shown.len()), true);
        let drawn_to = self.body.last_element_child().map_or(top, |r| r.get_bounding_client_rect().bottom());
        if drawn_to < bottom && end < self.shown.len() {
            end = self.append(end, rows_to_fill(bottom - drawn_to, MIN_ROW_PX, self.shown.len() - end), false);
        }
        self.then_from(end);
    }

    /// Appends `count` rows from `from` and schedules the next chunk (unless a newer drawing
    /// started or the roster is gone).
    fn append_from(self, from: usize, count: usize) {
        if self.generation.try_get_value() != Some(self.current) {
            return;
        }
        let end = self.append(from, count, false);
        self.then_from(end);
    }

    /// After the next paint, the rows from `end` (if any are left).
    fn then_from(self, end: usize) {
        if end < self.shown.len() {
            after_next_paint(move || self.append_from(end, CHUNK));
        }
    }

    /// Appends `count` rows (at least one) from `from`, each formatted now (`in_view`: marked
    /// to be laid out at once); returns where they end. Focuses the row coming back to, once
    /// it is drawn.
    fn append(&self, from: usize, count: usize, in_view: bool) -> usize {
        let end = (from + count.max(1)).min(self.shown.len());
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return self.shown.len() };
        let Ok(template) = template_row(&doc) else { return self.shown.len() };
        let fragment = doc.create_document_fragment();
        for (k, &i) in self.shown.get(from..end).unwrap_or_default().iter().enumerate() {
            let Some(p) = self.list.0.patients.get(i) else { continue };
            let row = roster_row(i, self.start + from + k + 1, p, self.hide);
            if let Ok(tr) = row_element(&doc, &template, &row, &self.list, &self.diagnosis) {
                if in_view {
                    let _ = tr.class_list().add_1("in-view");
                }
                let _ = fragment.append_child(&tr);
            }
        }
        let _ = self.body.append_child(&fragment);
        if let Some(Some(id)) = self.pending_focus.try_get_value() {
            if focus_row_link(&self.body, &id) {
                self.pending_focus.set_value(None);
            }
        }
        end
    }
}

/// An empty row: one `<div class="c k-<key>" role="cell">` per column; the ID番号 cell
/// holds its link.
fn template_row(doc: &web_sys::Document) -> Result<web_sys::Element, wasm_bindgen::JsValue> {
    let tr = doc.create_element("div")?;
    tr.set_class_name("r");
    tr.set_attribute("role", "row")?;
    for c in &ROSTER_COLUMNS {
        let td = doc.create_element("div")?;
        td.set_class_name(&format!("c k-{}", c.key));
        td.set_attribute("role", if c.key == "id_number" { "rowheader" } else { "cell" })?;
        if c.key == "id_number" {
            let a = doc.create_element("a")?;
            a.set_class_name("row-link");
            td.append_child(&a)?;
        }
        tr.append_child(&td)?;
    }
    Ok(tr)
}

/// One row: the ID番号 as a link (with the disease when not ALS), gap cells pink.
fn row_element(
    doc: &web_sys::Document,
    template: &web_sys::Element,
    row: &RosterRow,
    list: &Shared,
    diagnosis: &RecordId,
) -> Result<web_sys::Element, wasm_bindgen::JsValue> {
    let record_id = list.0.records.get(row.index).map(|r| r.meta.id.as_str()).unwrap_or_default();
    let tr: web_sys::Element = template.clone_node_with_deep(true)?.dyn_into()?;
    tr.set_attribute("data-row", record_id)?;
    if !row.gaps.is_empty() {
        tr.class_list().add_1("has-gap")?;
        tr.set_attribute("title", &format!("ギャップ: {}", row.gap_summary))?;
    }
    let mut td = tr.first_element_child();
    for cell in row.cells() {
        let Some(el) = td else { break };
        if cell.gap {
            el.class_list().add_1("gap-cell")?;
        }
        if cell.column.key == "id_number" {
            if let Some(a) = el.first_element_child() {
                a.set_attribute("href", &PageData::item_route(diagnosis, record_id).to_hash())?;
                a.set_attribute("data-id", record_id)?;
                a.set_text_content(Some(cell.text));
            }
            if let Some(d) = list.0.patients.get(row.index).map(|p| &p.disease).filter(|d| **d != Disease::Als) {
                let tag = doc.create_element("span")?;
                tag.set_class_name("tag");
                tag.set_text_content(Some(d.label()));
                el.append_child(&tag)?;
            }
        } else if !cell.text.is_empty() {
            el.set_text_content(Some(cell.text));
        }
        td = el.next_element_sibling();
    }
    Ok(tr)
}

/// Focuses the link of a patient's row (coming back from their form); `false` when the row
/// is not drawn (yet).
fn focus_row_link(tbody: &web_sys::Element, id: &RecordId) -> bool {
    let link = tbody.query_selector_all("a.row-link").ok().and_then(|links| {
        (0..links.length())
            .filter_map(|i| links.item(i))
            .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
            .find(|a| a.get_attribute("data-id").as_deref() == Some(id.as_str()))
    });
    match link {
        Some(link) => {
            let _ = link.focus();
            true
        }
        None => false,
    }
}
