//! The area view: every ventilated patient (and every patient with a plan), the plan's
//! status, backup power, subsidies open and the programme's visits — 様式4 災害対策's evidence.

use super::PageData;
use crate::domain::ids::RecordId;
use crate::domain::ventilator::area::{area_rows, evidence_line};
use crate::domain::ventilator::plan::PlanStatus;
use crate::ui::ctx::use_app;
use crate::ui::platform;
use crate::ui::trash_list::{TrashItem, TrashList};
use leptos::prelude::*;

#[component]
pub fn AreaView(data: PageData) -> impl IntoView {
    let ctx = use_app();
    let Some(entry) = data.diagnosis.get_untracked() else { return ().into_any() };
    let diagnosis_id = entry.record.meta.id.clone();
    let today = platform::now().date_jst();
    let rows = Memo::new(move |_| {
        let hide = ctx.hide_names.get();
        data.patients.with(|p| data.plans.with(|s| data.tables.with(|t| area_rows(p, s, t, today, hide))))
    });
    let others = Memo::new(move |_| {
        let hide = ctx.hide_names.get();
        rows.with(|rows| {
            data.patients.with(|ps| {
                ps.iter()
                    .filter(|(r, _)| !rows.iter().any(|row| row.patient_id == r.meta.id))
                    .map(|(r, p)| (r.meta.id.to_string(), format!("{} {}", p.id_number, p.display_name(hide))))
                    .collect::<Vec<_>>()
            })
        })
    });
    let chosen = RwSignal::new(String::new());
    let href = {
        let d = diagnosis_id.clone();
        move |p: &RecordId| super::PageData::plan_route(&d, p).to_hash()
    };
    let open_other = {
        let d = diagnosis_id.clone();
        move |_| {
            if let Ok(p) = RecordId::parse(&chosen.get_untracked()) {
                ctx.go(super::PageData::plan_route(&d, &p));
            }
        }
    };
    view! {
        <section class="disaster-area" data-testid="disaster-area">
            <h1>"災害への備え（人工呼吸器を使う療養者）"</h1>
            <p class="lead">{entry.diagnosis.title()}</p>
            <p data-testid="disaster-evidence"><b>"様式4 災害対策: "</b>{move || rows.with(|r| evidence_line(r))}</p>
            <div class="table-scroll">
                <table class="data-table disaster-table" data-testid="disaster-table">
                    <caption class="visually-hidden">"療養者ごとの災害時個別支援計画の状況"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"療養者"</th>
                            <th scope="col">"人工呼吸器"</th>
                            <th scope="col">"計画"</th>
                            <th scope="col">"予備電源"</th>
                            <th scope="col">"申請できる補助"</th>
                            <th scope="col">"事業による訪問"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || rows.get().into_iter().map(|r| {
                            let overdue = !matches!(r.status, PlanStatus::Current { .. });
                            view! {
                                <tr data-testid="disaster-row">
                                    <th scope="row"><a href=href(&r.patient_id)>{r.name.clone()}</a></th>
                                    <td>{if r.ventilator { "使用" } else { "—" }}</td>
                                    <td class:caution=overdue>{r.status.label()}</td>
                                    <td>{if r.backup.is_empty() { "なし".to_string() } else { r.backup.join("、") }}</td>
                                    <td>{if r.open_subsidies.is_empty() { "—".to_string() } else { r.open_subsidies.join("、") }}</td>
                                    <td>{r.programme_weekly.clone().unwrap_or_else(|| "—".into())}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <p class="hint" data-testid="tables-summary">
                {move || data.tables.with(tables_line)}" "
                <a href=PageData::tables_route(&diagnosis_id).to_hash() data-testid="open-tables">"補助の上限表を見る・変える"</a>
            </p>
            <div class="disaster-other">
                <label class="field">
                    <span class="label">"ほかの療養者の計画を作る"</span>
                    <select name="other_patient" data-testid="other-patient" on:change:target=move |ev| chosen.set(ev.target().value())>
                        <option value="">"療養者を選んでください"</option>
                        {move || others.get().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                    </select>
                </label>
                <button type="button" data-testid="open-other-plan" on:click=open_other>"計画を開く"</button>
            </div>
            <TrashedPlans data/>
        </section>
    }
    .into_any()
}

/// 補助の上限表 in one line: whose tables there are.
fn tables_line(t: &crate::domain::ventilator::tables::SubsidyTables) -> String {
    if t.municipalities.is_empty() {
        "補助の判定は管内共通の上限表によります。".to_string()
    } else {
        let towns: Vec<&str> = t.municipalities.iter().map(|m| m.municipality.as_str()).collect();
        format!("補助の判定は管内共通の上限表と、{}の表によります。", towns.join("・"))
    }
}

/// Plans in the ゴミ箱, each with 「元に戻す」 (one plan per patient: a restored plan is the
/// patient's plan again).
#[component]
fn TrashedPlans(data: PageData) -> impl IntoView {
    let ctx = use_app();
    let items = Signal::derive(move || {
        let hide = ctx.hide_names.get();
        data.trashed.with(|t| {
            data.patients.with(|ps| {
                t.iter()
                    // Not offered while the patient has a live plan: restoring it would give them two.
                    .filter(|(_, plan)| {
                        data.plans.with(|live| !live.iter().any(|(_, l)| l.patient_id == plan.patient_id))
                    })
                    .map(|(record, plan)| {
                        let who = ps.iter().find(|(r, _)| r.meta.id == plan.patient_id).map(|(_, p)| {
                            let shown = p.display_name(hide);
                            if shown == p.id_number {
                                p.id_number.clone()
                            } else {
                                format!("{} {shown}", p.id_number)
                            }
                        });
                        let shown =
                            format!("{}の災害時個別支援計画", who.clone().unwrap_or_else(|| "削除された療養者".into()));
                        TrashItem { record: record.clone(), shown, key: who.unwrap_or_default() }
                    })
                    .collect()
            })
        })
    });
    view! { <TrashList what="計画" unit="件" items/> }
}
