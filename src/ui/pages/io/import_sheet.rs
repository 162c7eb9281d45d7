//! The preview of a spreadsheet (取り込み of an Excel workbook or CSV of 様式1・様式3): which
//! sheet and 地域診断, which column is read into which field (the nurse may change any), and
//! every row with an error or a warning, where an error cell can be fixed in place. Nothing
//! is written here: 「取り込む内容を確認する」 makes the same plan as a bundle import.

use super::import_state::Import;
use crate::domain::issues::Severity;
use crate::domain::sheet::column_letters;
use crate::domain::sheet::layout::Layout;
use crate::domain::sheet::preview::{finding_text, PreviewRow, SheetChoices, SheetPreview};
use crate::domain::sheet::rows::Finding;
use leptos::prelude::*;
use std::sync::Arc;

/// The preview (shown while the panel's state is `Sheet`).
#[component]
pub(super) fn SheetPreviewView(import: Import) -> impl IntoView {
    move || {
        import.sheet.get().map(|p| {
            let summary = p.summary.clone();
            let problems = p.problems.clone();
            let encoding = p.encoding.clone().map(|e| format!("文字コード: {e}"));
            let ready = p.ready;
            let unlisted = p.unlisted;
            let with_overview = !p.overview.is_empty() && !p.choices.skip_overview && p.overview_findings.is_empty();
            let plan_label = if with_overview {
                format!("取り込む内容を確認する（{ready} 行と地域の概況）")
            } else {
                format!("取り込む内容を確認する（{ready} 行）")
            };
            let can_plan = ready > 0 || with_overview;
            view! {
                <div class="io-sheet" data-testid="sheet-preview" data-rev=move || import.sheet_rev.get().to_string()>
                    <h3>{format!("「{}」の取り込み", p.file_name)}</h3>
                    {encoding.map(|e| view! { <p class="hint">{e}</p> })}
                    <Targets import preview=p.clone()/>
                    <p class="io-sheet-summary" data-testid="sheet-summary">{summary}</p>
                    {(!problems.is_empty()).then(|| view! {
                        <ul class="io-refused" role="alert" data-testid="sheet-problems">
                            {problems.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                        </ul>
                    })}
                    <OverviewValues import preview=p.clone()/>
                    <Mapping import preview=p.clone()/>
                    <Rows import preview=p.clone()/>
                    {(unlisted > 0).then(|| view! {
                        <p class="hint">{format!("ほかの {unlisted} 行は問題なく読めました。")}</p>
                    })}
                    <div class="buttons">
                        <button
                            type="button"
                            class="primary"
                            data-testid="sheet-plan"
                            prop:disabled=!can_plan
                            on:click=move |_| import.sheet_plan()
                        >
                            {plan_label}
                        </button>
                        <button type="button" on:click=move |_| import.close()>"取り消し"</button>
                    </div>
                    <p class="hint">"エラーのある行は取り込みません（直すと取り込めます）。確認の画面で「取り込む」を押すまで、この端末のデータは変わりません。"</p>
                </div>
            }
        })
    }
}

/// The sheet and the 地域診断 the rows go into.
#[component]
fn Targets(import: Import, preview: Arc<SheetPreview>) -> impl IntoView {
    let choices = preview.choices.clone();
    let sheets = preview.sheets.clone();
    let diagnoses = preview.diagnoses.clone();
    let on_sheet = {
        let choices = choices.clone();
        move |ev: leptos::ev::Event| {
            let sheet = event_target_value(&ev).parse().unwrap_or(0);
            import.refocus.set_value(Some("select[name=sheet-sheet]".to_string()));
            import.sheet_view(SheetChoices { sheet, columns: Vec::new(), ..choices.clone() }, None);
        }
    };
    let on_diagnosis = {
        let choices = choices.clone();
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            let diagnosis = crate::domain::ids::RecordId::parse(&value).ok();
            import.refocus.set_value(Some("select[name=sheet-diagnosis]".to_string()));
            import.sheet_view(SheetChoices { diagnosis, ..choices.clone() }, None);
        }
    };
    let chosen_diagnosis = choices.diagnosis.clone().map(|d| d.as_str().to_string()).unwrap_or_default();
    view! {
        <div class="io-sheet-targets">
            {(sheets.len() > 1).then(|| view! {
                <label class="field">
                    <span class="label">"シート"</span>
                    <select name="sheet-sheet" data-testid="sheet-sheet" on:change=on_sheet>
                        {sheets.into_iter().map(|s| {
                            let kind = s.kind.map(|k| format!("（{}）", k.label())).unwrap_or_else(|| "（様式の見出しなし）".to_string());
                            view! {
                                <option value=s.index.to_string() selected=s.index == choices.sheet>
                                    {format!("{}{kind}", s.name)}
                                </option>
                            }
                        }).collect_view()}
                    </select>
                </label>
            })}
            <label class="field">
                <span class="label">"取り込み先の地域診断"</span>
                <select name="sheet-diagnosis" data-testid="sheet-diagnosis" on:change=on_diagnosis>
                    {diagnoses.into_iter().map(|(id, title)| {
                        let id = id.as_str().to_string();
                        let selected = id == chosen_diagnosis;
                        view! { <option value=id selected=selected>{title}</option> }
                    }).collect_view()}
                </select>
            </label>
        </div>
    }
}

/// 地域の概況 found above the table: its values, its findings, and whether to take it.
#[component]
fn OverviewValues(import: Import, preview: Arc<SheetPreview>) -> impl IntoView {
    if preview.overview.is_empty() {
        return ().into_any();
    }
    let choices = preview.choices.clone();
    let take = !choices.skip_overview;
    let on_change = move |ev: leptos::ev::Event| {
        let skip_overview = !event_target_checked(&ev);
        import.refocus.set_value(Some("input[name=sheet-overview]".to_string()));
        import.sheet_view(SheetChoices { skip_overview, ..choices.clone() }, None);
    };
    let values = preview
        .overview
        .iter()
        .map(|(label, value)| view! { <div><dt>{label.clone()}</dt><dd>{value.clone()}</dd></div> })
        .collect_view();
    let findings = preview.overview_findings.clone();
    view! {
        <div class="io-sheet-overview" data-testid="sheet-overview">
            <label class="io-choice">
                <input type="checkbox" name="sheet-overview" prop:checked=take on:change=on_change/>
                <span>{format!("地域の概況（{} 項目）も取り込む", preview.overview.len())}</span>
            </label>
            <dl>{values}</dl>
            {(!findings.is_empty()).then(|| view! {
                <ul class="io-refused" role="alert">
                    <li>"地域の概況にエラーがあるため、地域の概況は取り込みません（直してから選び直してください）"</li>
                    {findings.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}
                </ul>
            })}
        </div>
    }
    .into_any()
}

/// Column → field: one line per column of the file.
#[component]
fn Mapping(import: Import, preview: Arc<SheetPreview>) -> impl IntoView {
    let Some(layout) = preview.layout.clone() else { return ().into_any() };
    let kind = layout.kind;
    let mapped = layout.columns.iter().filter(|c| c.field.is_some()).count();
    let summary =
        format!("列の割り当て（{} 列のうち {mapped} 列を取り込みます。{}）", layout.columns.len(), kind.label());
    // The table (a select of every field per column) is drawn only while unfolded.
    let table = move || {
        import.mapping_open.get().then(|| {
            let rows = layout
                .columns
                .iter()
                .enumerate()
                .map(|(i, c)| view! { <MappingLine import index=i column=c.clone() kind choices=preview.choices.clone()/> })
                .collect_view();
            view! {
                <table class="io-table">
                    <caption>"ファイルの列と、取り込む項目"</caption>
                    <thead><tr><th scope="col">"列"</th><th scope="col">"ファイルの見出し"</th><th scope="col">"取り込む項目"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }
        })
    };
    view! {
        <details
            class="io-sheet-mapping"
            data-testid="sheet-mapping"
            prop:open=move || import.mapping_open.get_untracked()
            on:toggle=move |ev| {
                let open = event_target::<web_sys::HtmlDetailsElement>(&ev).open();
                if open != import.mapping_open.get_untracked() {
                    import.mapping_open.set(open);
                }
            }
        >
            <summary>{summary}</summary>
            {table}
        </details>
    }
    .into_any()
}

/// One column of the mapping: its letter, its headings, and the field it is read into.
#[component]
fn MappingLine(
    import: Import,
    index: usize,
    column: crate::domain::sheet::layout::Column,
    kind: crate::domain::sheet::fields::TableKind,
    choices: SheetChoices,
) -> impl IntoView {
    let letter = column_letters(column.index);
    let current = column.field.clone().unwrap_or_default();
    let name = format!("sheet-column-{}", column.index);
    let select_name = name.clone();
    let on_change = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let mut next = choices.clone();
        if let Some(slot) = next.columns.get_mut(index) {
            *slot = (!value.is_empty()).then_some(value);
        }
        import.refocus.set_value(Some(format!("select[name={select_name}]")));
        import.sheet_view(next, None);
    };
    view! {
        <tr>
            <th scope="row">{format!("列 {letter}")}</th>
            <td>{column.heading.clone()}</td>
            <td>
                <select name=name aria-label=format!("列 {letter} の取り込む項目")
                    data-testid=format!("sheet-column-{letter}") on:change=on_change>
                    <option value="" selected=current.is_empty()>"取り込まない"</option>
                    {kind.fields().iter().map(|f| view! {
                        <option value=f.key selected=f.key == current>{f.label}</option>
                    }).collect_view()}
                </select>
            </td>
        </tr>
    }
}

/// The rows with findings and the 記入例, in the file's own layout (its columns in order):
/// each cell with an error or a warning is marked, and an error can be fixed in place. The
/// table scrolls sideways in its own box, never the page.
#[component]
fn Rows(import: Import, preview: Arc<SheetPreview>) -> impl IntoView {
    let Some(layout) = preview.layout.clone() else { return ().into_any() };
    if preview.rows.is_empty() {
        return ().into_any();
    }
    let heads = layout
        .columns
        .iter()
        .map(|c| view! { <th scope="col"><span class="io-col">{format!("列 {}", column_letters(c.index))}</span>{c.heading.clone()}</th> })
        .collect_view();
    let rows = preview
        .rows
        .iter()
        .map(|r| view! { <RowLine import row=r.clone() layout=layout.clone() choices=preview.choices.clone()/> })
        .collect_view();
    view! {
        <div class="io-sheet-grid" role="region" aria-label="確認が必要な行（ファイルの列の並び）" tabindex="0">
            <table class="io-table" data-testid="sheet-rows">
                <caption>"確認が必要な行（エラーと注意のあるセルに印。エラーはその場で直せます）"</caption>
                <thead><tr><th scope="col">"行"</th><th scope="col">"状態"</th>{heads}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// One row: its number and key, its state, then every cell, marked where a finding is.
#[component]
fn RowLine(import: Import, row: PreviewRow, layout: Layout, choices: SheetChoices) -> impl IntoView {
    let status = if row.example {
        "記入例（読み飛ばします）"
    } else if row.has_errors() {
        "エラー（取り込みません）"
    } else {
        "注意"
    };
    let whole_row = row
        .findings
        .iter()
        .filter(|f| f.column.is_none())
        .map(|f| view! { <li>{f.message.clone()}</li> })
        .collect_view();
    let cells = layout
        .columns
        .iter()
        .zip(row.cells.iter())
        .map(|(column, text)| {
            let here: Vec<&Finding> = row.findings.iter().filter(|f| f.column == Some(column.index)).collect();
            let error = here.iter().any(|f| f.severity == Severity::Error);
            let class = if error { "error" } else if here.is_empty() { "" } else { "warning" };
            let messages =
                here.iter().map(|f| view! { <li>{finding_text(Some(&layout), f)}</li> }).collect_view();
            let body = if error && !row.example {
                view! { <FixCell import row=row.row column=column.index text=text.clone() choices=choices.clone()/> }.into_any()
            } else {
                view! { <span class="io-cell-text">{text.clone()}</span> }.into_any()
            };
            view! { <td class=class>{body}{(!here.is_empty()).then(|| view! { <ul class="io-cell-notes">{messages}</ul> })}</td> }
        })
        .collect_view();
    view! {
        <tr class=if row.has_errors() { "io-sheet-row error" } else { "io-sheet-row" } data-testid=format!("sheet-row-{}", row.row + 1)>
            <th scope="row"><span class="io-row-no">{format!("{} 行目", row.row + 1)}</span><span class="io-row-key">{row.key.clone()}</span></th>
            <td><strong>{status}</strong><ul>{whole_row}</ul></td>
            {cells}
        </tr>
    }
}

/// A cell with an error, fixed in place: the file's text in an input, sent on Enter or 直す.
#[component]
fn FixCell(import: Import, row: usize, column: usize, text: String, choices: SheetChoices) -> impl IntoView {
    let value = RwSignal::new(text);
    let letter = column_letters(column);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // The keyboard goes on to the next cell to fix (or to 確認する when none is left).
        import.refocus.set_value(Some(".io-sheet-fix input, [data-testid=sheet-plan]".to_string()));
        import.sheet_view(choices.clone(), Some((row, column, value.get_untracked())));
    };
    view! {
        <form class="io-sheet-fix" on:submit=submit>
            <input type="text" aria-label=format!("{} 行目 列 {letter} を直す", row + 1) name=format!("fix-{row}-{column}")
                data-testid=format!("sheet-fix-{}-{letter}", row + 1)
                prop:value=move || value.get()
                on:input:target=move |ev| value.set(ev.target().value())/>
            <button type="submit">"直す"</button>
        </form>
    }
}
