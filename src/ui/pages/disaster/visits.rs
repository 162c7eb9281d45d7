//! 在宅人工呼吸器使用患者支援事業: the week's visit plan (事業者 and, per day, each visit's
//! 事業者 and 職種) and what the programme pays for it, per week, month and year.

use crate::domain::help::ventilator::{yen, VISITS_PER_YEAR};
use crate::domain::issues::Issues;
use crate::domain::time::Date;
use crate::domain::ventilator::form::{fields, PlanForm};
use crate::domain::ventilator::payment::{self, day_payers, default_start, INSURANCE_NOTE, READING};
use crate::domain::ventilator::plan::SupportPlan;
use crate::domain::ventilator::visits::{Provider, ProviderKind, Qualification, Visit, WEEKDAYS};
use crate::ui::components::FieldIssues;
use crate::ui::form::FormState;
use leptos::prelude::*;

fn kind_key(k: ProviderKind) -> &'static str {
    match k {
        ProviderKind::Station => "station",
        ProviderKind::Institution => "institution",
    }
}

fn qualification_key(q: Qualification) -> &'static str {
    match q {
        Qualification::Nurse => "nurse",
        Qualification::AssistantNurse => "assistant_nurse",
    }
}

#[component]
pub fn VisitSection(
    form: FormState<PlanForm>,
    issues: Signal<Issues>,
    plan: Memo<Option<SupportPlan>>,
    today: Date,
) -> impl IntoView {
    let providers = Memo::new(move |_| form.value.with(|f| f.providers.len()));
    let add_provider =
        move |_| form.update(|f| f.providers.push(Provider { name: String::new(), kind: ProviderKind::Station }));
    view! {
        <fieldset class="form-group visit-plan" data-testid="visit-plan">
            <legend>"在宅人工呼吸器使用患者支援事業: 週間訪問計画"</legend>
            <p class="notice-box" data-testid="insurance-note">{INSURANCE_NOTE}</p>
            <h3>"訪問する事業者"</h3>
            <For each=move || 0..providers.get() key=|i| *i let:i>
                <ProviderLine form i/>
            </For>
            <button type="button" data-testid="add-provider" on:click=add_provider>"事業者を追加"</button>
            <h3>"曜日ごとの訪問（訪問の順に）"</h3>
            {(0..7).map(|day| view! { <DayVisits form day plan/> }).collect_view()}
            <FieldIssues issues field=fields::VISITS/>
            <div class="field-row">
                <label class="check">
                    <input type="checkbox" name="doctor_instruction" prop:checked=move || form.value.with(|f| f.doctor_instruction)
                        on:change:target=move |ev| { let on = ev.target().checked(); form.update(|f| f.doctor_instruction = on); }/>
                    <span>"医師による訪問看護指示あり（①1月に1回 3,000円）"</span>
                </label>
                <label class="field">
                    <span class="label">"事業の開始日（空欄は年度の4月1日）"</span>
                    <input type="text" class="w-m" name=fields::VISITS_START autocomplete="off" placeholder="例: 2025-04-01"
                        prop:value=move || form.value.with(|f| f.visits_start.clone())
                        on:input:target=move |ev| { let v = ev.target().value(); form.update(|f| f.visits_start = v); }/>
                </label>
            </div>
            <FieldIssues issues field=fields::VISITS_START/>
            <PaymentSummary plan today/>
        </fieldset>
    }
}

#[component]
fn ProviderLine(form: FormState<PlanForm>, i: usize) -> impl IntoView {
    let name = Memo::new(move |_| form.value.with(|f| f.providers.get(i).map(|p| p.name.clone()).unwrap_or_default()));
    let kind = Memo::new(move |_| form.value.with(|f| f.providers.get(i).map_or("station", |p| kind_key(p.kind))));
    let n = i + 1;
    view! {
        <div class="field-row" data-testid="provider-line">
            <label class="field">
                <span class="label">{format!("事業者{n} 名称")}</span>
                <input type="text" class="w-l" name=format!("provider_name_{i}") autocomplete="off" prop:value=move || name.get()
                    on:input:target=move |ev| { let v = ev.target().value(); form.update(|f| if let Some(p) = f.providers.get_mut(i) { p.name = v }); }/>
            </label>
            <label class="field">
                <span class="label">{format!("事業者{n} 種別")}</span>
                <select name=format!("provider_kind_{i}") prop:value=move || kind.get()
                    on:change:target=move |ev| {
                        let k = if ev.target().value() == "institution" { ProviderKind::Institution } else { ProviderKind::Station };
                        form.update(|f| if let Some(p) = f.providers.get_mut(i) { p.kind = k });
                    }>
                    <option value="station">{ProviderKind::Station.label()}</option>
                    <option value="institution">{ProviderKind::Institution.label()}</option>
                </select>
            </label>
            <button type="button" class="remove" aria-label=format!("事業者{n}を削除")
                on:click=move |_| form.update(|f| { if i < f.providers.len() { f.providers.remove(i); } })>"削除"</button>
        </div>
    }
}

#[component]
fn DayVisits(form: FormState<PlanForm>, day: usize, plan: Memo<Option<SupportPlan>>) -> impl IntoView {
    let count = Memo::new(move |_| form.value.with(|f| f.days[day].len()));
    let add = move |_| {
        form.update(|f| {
            let provider =
                f.days[day].last().map(|v| v.provider.clone()).or_else(|| f.providers.first().map(|p| p.name.clone()));
            f.days[day].push(Visit { provider: provider.unwrap_or_default(), qualification: Qualification::Nurse });
        })
    };
    view! {
        <div class="day-visits" data-testid="day-visits" data-day=day.to_string()>
            <h4>{WEEKDAYS[day]}" "<span class="hint">{move || format!("{}回", count.get())}</span></h4>
            <For each=move || 0..count.get() key=|i| *i let:i>
                <VisitLine form day i plan/>
            </For>
            <button type="button" data-testid="add-visit" on:click=add>{format!("{}の訪問を追加", WEEKDAYS[day])}</button>
        </div>
    }
}

#[component]
fn VisitLine(form: FormState<PlanForm>, day: usize, i: usize, plan: Memo<Option<SupportPlan>>) -> impl IntoView {
    let provider =
        Memo::new(move |_| form.value.with(|f| f.days[day].get(i).map(|v| v.provider.clone()).unwrap_or_default()));
    let qual = Memo::new(move |_| {
        form.value.with(|f| f.days[day].get(i).map_or("nurse", |v| qualification_key(v.qualification)))
    });
    let names = Memo::new(move |_| form.value.with(|f| f.providers.iter().map(|p| p.name.clone()).collect::<Vec<_>>()));
    let payer = Memo::new(move |_| {
        plan.with(|p| p.as_ref().and_then(|p| day_payers(&p.visits, day).get(i).map(|x| x.label())))
    });
    let label = format!("{}{}回目", WEEKDAYS[day], i + 1);
    let (l1, l2, l3) = (format!("{label} 事業者"), format!("{label} 職種"), format!("{label}を削除"));
    view! {
        <div class="field-row visit-line" data-testid="visit-line">
            <label class="field">
                <span class="label">{l1}</span>
                <select name=format!("visit_provider_{day}_{i}") prop:value=move || provider.get()
                    on:change:target=move |ev| { let v = ev.target().value(); form.update(|f| if let Some(x) = f.days[day].get_mut(i) { x.provider = v }); }>
                    <option value="">"（選んでください）"</option>
                    {move || names.get().into_iter().map(|n| view! { <option value=n.clone()>{n.clone()}</option> }).collect_view()}
                </select>
            </label>
            <label class="field">
                <span class="label">{l2}</span>
                <select name=format!("visit_qualification_{day}_{i}") prop:value=move || qual.get()
                    on:change:target=move |ev| {
                        let q = if ev.target().value() == "assistant_nurse" { Qualification::AssistantNurse } else { Qualification::Nurse };
                        form.update(|f| if let Some(x) = f.days[day].get_mut(i) { x.qualification = q });
                    }>
                    <option value="nurse">{Qualification::Nurse.label()}</option>
                    <option value="assistant_nurse">{Qualification::AssistantNurse.label()}</option>
                </select>
            </label>
            <span class="payer" data-testid="visit-payer">{move || payer.get().unwrap_or_default()}</span>
            <button type="button" class="remove" aria-label=l3
                on:click=move |_| form.update(|f| { if i < f.days[day].len() { f.days[day].remove(i); } })>"削除"</button>
        </div>
    }
}

#[component]
fn PaymentSummary(plan: Memo<Option<SupportPlan>>, today: Date) -> impl IntoView {
    let figures = Memo::new(move |_| {
        plan.with(|p| {
            p.as_ref().map(|p| {
                let start = p.visits.start.unwrap_or_else(|| default_start(today));
                (payment::week(&p.visits), payment::year(&p.visits, start))
            })
        })
    });
    view! {
        <section class="payment-summary" data-testid="payment-summary" aria-live="polite">
            <h3>"事業で支払われる額（別添２）"</h3>
            {move || match figures.get() {
                None => view! { <p class="caution">"入力の誤りを直すと計算します。"</p> }.into_any(),
                Some((week, year)) => view! {
                    <p data-testid="payment-week">{format!("1週間: 事業の訪問{}回・{}", week.visits, yen(u32::try_from(week.yen).unwrap_or(u32::MAX)))}</p>
                    <p data-testid="form1-weekly">{format!("様式1「事業による訪問回数」: 週{}回", week.visits)}</p>
                    <p data-testid="payment-year">{format!("1年（{}から）: {}回・{}（①指示料を含む）／年間{VISITS_PER_YEAR}回まで残り{}回", year.start, year.paid, yen(u32::try_from(year.yen).unwrap_or(u32::MAX)), year.left())}</p>
                    {year.over_cap_message().map(|m| view! { <p class="caution" data-testid="payment-over-cap">{m}</p> })}
                    <details>
                        <summary>"月ごとの額"</summary>
                        <ul class="payment-months">
                            {year.months.iter().map(|m| view! { <li>{format!("{}年{}月: {}回・{}", m.year, m.month, m.visits, yen(u32::try_from(m.yen).unwrap_or(u32::MAX)))}</li> }).collect_view()}
                        </ul>
                    </details>
                }.into_any(),
            }}
            <p class="hint" data-testid="payment-reading"><b>"複数の事業者が訪問する日の読み方: "</b>{READING}</p>
        </section>
    }
}
