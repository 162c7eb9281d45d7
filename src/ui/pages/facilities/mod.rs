//! 管内の施設 (`#/d/<id>/facilities`, issue 14): every facility 様式1 and 様式3 name, with the
//! seed's mark (★☆■△◇), whether a patient uses it (the seed's filled mark) and who uses it how,
//! the totals per kind, the counts per 市町村 and the sentence for 様式4 (seed 004,
//! 「様式１のデータを用いた地図作成」 ②③). Printable on A4 landscape.
//!
//! All rules live in `domain::map::list`; this page only renders them.

use crate::domain::diagnosis::DiagnosisEntry;
use crate::domain::ids::RecordId;
use crate::domain::map::facilities::FacilityKind;
use crate::domain::map::list::{facility_list, FacilityList, FacilityRow};
use crate::domain::patient::Patient;
use crate::domain::record::StoredRecord;
use crate::domain::station::Station;
use crate::route::{Route, Section};
use crate::ui::ctx::use_app;
use crate::ui::platform;
use crate::ui::print::{print_date, PrintHeader};
use leptos::prelude::*;

#[component]
pub fn FacilitiesPage() -> impl IntoView {
    let ctx = use_app();
    let (diagnosis, loaded) = ctx.open_diagnosis();
    let list = Memo::new(move |_| {
        let hide = ctx.hide_names.get();
        ctx.loaded.with(|l| facility_list(&ids(l.live::<Station>()), &ids(l.live::<Patient>()), hide))
    });
    view! {
        {super::require_diagnosis()}
        <div class="facilities-page">
            {move || match (loaded.get(), diagnosis.get()) {
                (Some(id), Some(entry)) => view! { <FacilitiesView id entry list/> }.into_any(),
                _ => view! { <p class="hint">"管内の施設を読み込んでいます…"</p> }.into_any(),
            }}
        </div>
    }
}

/// The records keyed by their IDs, as the domain takes them.
fn ids<T>(records: Vec<(StoredRecord, T)>) -> Vec<(RecordId, T)> {
    records.into_iter().map(|(r, x)| (r.meta.id, x)).collect()
}

#[component]
fn FacilitiesView(id: RecordId, entry: DiagnosisEntry, list: Memo<FacilityList>) -> impl IntoView {
    let printed_on = print_date();
    let form1 = Route::Diagnosis { id: id.clone(), section: Section::Patients, item: None }.to_hash();
    let form3 = Route::Diagnosis { id: id.clone(), section: Section::Stations, item: None }.to_hash();
    view! {
        <div class="print-only">
            <PrintHeader title="管内の施設（様式1・様式3から）".to_string() jurisdiction=entry.diagnosis.jurisdiction.clone() year=entry.diagnosis.fiscal_year.to_string() printed_on/>
        </div>
        <div class="page-head no-print">
            <h1>"管内の施設"</h1>
            <div class="head-actions">
                <button type="button" data-testid="print-facilities" on:click=move |_| platform::print()>"印刷"</button>
            </div>
        </div>
        <p class="lead no-print">
            {entry.diagnosis.title()}"："<a href=form1>"様式1"</a>"の療養者が利用する医療機関・訪問看護と、"
            <a href=form3>"様式3"</a>"の訪問看護ステーションを、名前をそろえて（全角・半角、空白、「株式会社」「医療法人」などを除いて）一つにまとめました。"
            "記号は地図作成（手引きの手順4）と同じです。療養者が利用している施設は「利用あり」です。様式1を直すと、この一覧も変わります。"
        </p>
        {move || list.with(|l| l.rows.is_empty()).then(|| view! {
            <p class="notice" data-testid="facilities-empty">"様式1に医療機関・訪問看護の名前が、様式3にステーションが入力されていません。入力すると、ここに施設の一覧ができます。"</p>
        })}
        <ul class="evidence" data-testid="facilities-evidence">
            {move || list.with(|l| l.evidence.clone()).into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}
        </ul>
        <KindTotals list/>
        <FacilityTable id list/>
        <MunicipalityTable list/>
    }
}

#[component]
fn KindTotals(list: Memo<FacilityList>) -> impl IntoView {
    view! {
        <div class="table-scroll">
            <table class="data-table facility-totals" data-testid="facility-totals">
                <caption>"種類ごとの施設数"</caption>
                <thead>
                    <tr>
                        <th scope="col">"記号"</th>
                        <th scope="col">"種類"</th>
                        <th scope="col" class="num">"施設数"</th>
                        <th scope="col" class="num">"利用あり"</th>
                        <th scope="col" class="num">"利用なし"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || list.with(|l| l.totals.clone()).into_iter().map(|t| view! {
                        <tr data-kind=t.kind.label()>
                            <td class="mark">{t.kind.symbol()}</td>
                            <th scope="row">{t.kind.label()}</th>
                            <td class="num" data-testid="total">{t.total}</td>
                            <td class="num" data-testid="used">{t.used}</td>
                            <td class="num" data-testid="unused" class:caution=(t.unused() > 0)>{t.unused()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn FacilityTable(id: RecordId, list: Memo<FacilityList>) -> impl IntoView {
    let station_href = move |s: &RecordId| {
        Route::Diagnosis { id: id.clone(), section: Section::Stations, item: Some(s.to_string()) }.to_hash()
    };
    let name_cell = move |r: &FacilityRow| {
        let others = (!r.other_names.is_empty()).then(|| format!("（{}とも）", r.other_names.join("、")));
        let name = match &r.station {
            Some(s) => view! { <a href=station_href(s)>{r.name.clone()}</a> }.into_any(),
            None => view! { <span>{r.name.clone()}</span> }.into_any(),
        };
        view! { <th scope="row">{name}{others.map(|o| view! { <span class="other-names">{o}</span> })}</th> }
    };
    view! {
        <div class="table-scroll">
            <table class="data-table facility-table" data-testid="facility-table">
                <caption>"施設の一覧（種類ごと。様式3・様式1に出てきた順）"</caption>
                <thead>
                    <tr>
                        <th scope="col">"記号"</th>
                        <th scope="col">"施設"</th>
                        <th scope="col">"利用"</th>
                        <th scope="col">"様式1での使われ方"</th>
                        <th scope="col">"利用する療養者"</th>
                        <th scope="col">"24時間対応"</th>
                    </tr>
                </thead>
                {move || list.with(|l| l.totals.clone()).into_iter().map(|t| {
                    let rows: Vec<FacilityRow> = list.with(|l| l.rows.iter().filter(|r| r.kind == t.kind).cloned().collect());
                    view! {
                        <tbody>
                            <tr class="section-row">
                                <th colspan="6" scope="colgroup">{format!("{} {}（{}か所）", t.kind.symbol(), t.kind.label(), t.total)}</th>
                            </tr>
                            {rows.into_iter().map(|r| {
                                let mark = format!("{}{}", r.symbol, if r.used { "" } else { "（白抜き）" });
                                view! {
                                    <tr data-testid="facility-row" data-kind=r.kind.label() class:unused=!r.used>
                                        <td class="mark" aria-label=format!("記号 {mark}")>{r.symbol}</td>
                                        {name_cell(&r)}
                                        <td data-testid="facility-use" class="use" class:caution=!r.used>{if r.used { format!("利用あり {}人", r.patients) } else { "利用なし".to_string() }}</td>
                                        <td>{r.uses_text()}</td>
                                        <td data-testid="facility-users">{r.users.join("、")}</td>
                                        <td>{yes_no(r.has_24h, r.kind)}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    }
                }).collect_view()}
            </table>
        </div>
    }
}

fn yes_no(value: Option<bool>, kind: FacilityKind) -> &'static str {
    match (value, kind) {
        (Some(true), _) => "あり",
        (Some(false), _) => "なし",
        (None, FacilityKind::Station) => "未記入",
        (None, _) => "—",
    }
}

#[component]
fn MunicipalityTable(list: Memo<FacilityList>) -> impl IntoView {
    view! {
        {move || (!list.with(|l| l.municipalities.is_empty())).then(|| view! {
            <div class="table-scroll">
                <table class="data-table facility-towns" data-testid="facility-towns">
                    <caption>"市町村ごとの療養者と施設（施設は様式3の住所から。様式1だけに出てくる施設は市町村不明）"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"市町村"</th>
                            <th scope="col" class="num">"◎ 療養者"</th>
                            {FacilityKind::ALL.into_iter().map(|k| view! { <th scope="col" class="num">{format!("{} {}", k.symbol(), k.label())}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {list.with(|l| l.municipalities.clone()).into_iter().map(|c| view! {
                            <tr data-municipality=c.municipality.clone()>
                                <th scope="row">{c.municipality.clone()}</th>
                                <td class="num">{c.patients}</td>
                                {c.facilities.into_iter().map(|n| view! { <td class="num">{n}</td> }).collect_view()}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        })}
    }
}
