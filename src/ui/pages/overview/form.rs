//! The 地域の概況 form: one record per 地域診断, saved in one transaction with its draft
//! removed. Enter saves, Esc cancels (asking first when something was typed).

use super::fields::NumberField;
use crate::domain::diagnosis::DiagnosisEntry;
use crate::domain::forms::form_help;
use crate::domain::forms::overview_form::{
    fields, labels, overview_warnings, OverviewForm, AREA_UNITS, MAX_OTHER_DISEASES, PEOPLE, PLACES,
};
use crate::domain::ids::RecordId;
use crate::domain::issues::Issues;
use crate::domain::overview::Overview;
use crate::domain::patient::Patient;
use crate::domain::record::{RecordKind, StoredRecord};
use crate::domain::records::RecordSet;
use crate::domain::save::{singleton_target, Trashed};
use crate::route::Section;
use crate::ui::components::{FieldIssues, IssueSummary};
use crate::ui::ctx::{use_app, AppCtx};
use crate::ui::editor::{EditorForm, RecordSaver, SingletonHistoryLink};
use crate::ui::form::FormState;
use crate::ui::help_tip::HelpTip;
use leptos::prelude::*;

/// The saved 概況 of the open 地域診断: the record under `<地域診断>:overview` (or, from older
/// data, the latest one), the same one the 集計 reads.
fn saved_overview(ctx: AppCtx) -> Option<(StoredRecord, Overview)> {
    ctx.loaded.with_untracked(|l| {
        let id = l.diagnosis_id.as_ref()?;
        let (record, overview) = RecordSet::new(&l.records, id).live_singleton::<Overview>()?;
        Some((record.clone(), overview.ok()?))
    })
}

/// A getter and a setter of one text field of the form.
type Getter = fn(&OverviewForm) -> String;
type Setter = fn(&mut OverviewForm, String);

// TODO(issue 11): split into sections; left for the editor/save-flow rework that owns this file.
#[allow(clippy::too_many_lines)]
#[component]
pub fn OverviewEditor(
    diagnosis_id: RecordId,
    entry: DiagnosisEntry,
    patients: Memo<Vec<Patient>>,
    /// 様式3 の件数.
    #[prop(into)]
    counts: Signal<usize>,
) -> impl IntoView {
    let ctx = use_app();
    let initial = saved_overview(ctx).map(|(_, o)| OverviewForm::from_overview(&o)).unwrap_or_default();
    let form = FormState::new(format!("overview:{diagnosis_id}"), diagnosis_id.clone(), initial);
    // Edits are made on the saved 概況 or, before the first save, on a blank one.
    form.set_base(Some(
        saved_overview(ctx)
            .map_or_else(|| serde_json::to_value(Overview::default()).unwrap_or_default(), |(r, _)| r.body.to_value()),
    ));
    let saver = RecordSaver::new(ctx, form);
    let saved_once = RwSignal::new(saved_overview(ctx).is_some());
    let issues: Signal<Issues> = {
        let own = Memo::new(move |_| form.value.with(OverviewForm::issues));
        // 注意 from 様式1 and 様式3 need the saved values (what the 集計 uses).
        let others = Memo::new(move |_| {
            form.value.with(|f| match f.parse() {
                Ok((o, _)) => patients.with(|p| overview_warnings(&o, p, counts.get())),
                Err(_) => Issues::new(),
            })
        });
        Signal::derive(move || {
            let mut all = own.get();
            all.extend(others.get());
            all
        })
    };
    let diagnosis = StoredValue::new(diagnosis_id.clone());

    let save = Callback::new(move |()| {
        let typed = form.value.get_untracked();
        let overview = match typed.parse() {
            Ok((o, _)) => o,
            Err(found) => {
                ctx.error(found.refusal());
                return;
            }
        };
        // The one 概況 of this 地域診断 (the record the 集計 reads), restored from the ゴミ箱 by
        // saving; or a new one under its fixed ID.
        let target =
            ctx.loaded.with_untracked(|l| singleton_target(&l.records, &diagnosis.get_value(), RecordKind::Overview));
        let target = match target {
            Ok(t) => t,
            Err(e) => {
                ctx.error(e);
                return;
            }
        };
        saver.save(target, overview, Trashed::Restore, move |record| {
            // The form shows what was stored (units and full-width digits read, and fields
            // saved elsewhere meanwhile).
            if let Ok(stored) = record.body_as::<Overview>() {
                form.saved(OverviewForm::from_overview(&stored));
            }
            saved_once.set(true);
        });
    });

    let form_ref = NodeRef::<leptos::html::Form>::new();
    let number = move |label: &'static str,
                       unit: &'static str,
                       field: &'static str,
                       units: &'static [&'static str],
                       get: Getter,
                       set: Setter| {
        view! {
            <NumberField
                label=label.to_string()
                unit
                field=field.to_string()
                value=form.field(get)
                on_input=form.setter(set)
                issues
                units
            />
        }
    };

    view! {
        <section class="overview-form-section">
            <div class="page-head">
                <div>
                    <h2 class="form-title">"様式1 管轄地域の概況"</h2>
                    <p class="lead">
                        {format!("{} の人口・面積・認定者数と医療機関等の数です。", entry.diagnosis.title())}
                        "空欄は「未入力（不明）」、なしは「0」と入力します。"
                    </p>
                </div>
                <SingletonHistoryLink kind=RecordKind::Overview section=Section::Overview/>
            </div>
            <Show when=move || !saved_once.get()>
                <p class="hint" data-testid="overview-unsaved">"まだ保存されていません。入力して「保存」を押してください。"</p>
            </Show>
            <EditorForm
                form=form.handle()
                saver
                class="overview-form"
                node_ref=form_ref
                on_save=save
                cancel_message="保存していない地域の概況の入力を取り消して、保存済みの値に戻します。よろしいですか？"
                hint="Enterで保存・Escで取り消し。空欄＝未入力（不明）、なし＝0。"
            >
                <fieldset class="form-group">
                    <legend>"管轄地域"</legend>
                    <HelpTip part="管轄地域" entries=&form_help::OVERVIEW_AREA[..1]/>
                    <div class="field-row">
                        <label class="field">
                            <span class="label">"地区名"</span>
                            <span class="readonly" data-testid="overview-jurisdiction">{entry.diagnosis.jurisdiction.clone()}</span>
                        </label>
                        {number(labels::POPULATION, "人", fields::POPULATION, PEOPLE, |f| f.population.clone(), |f, v| f.population = v)}
                        <NumberField
                            label=labels::AREA_KM2.to_string()
                            unit="km²"
                            field=fields::AREA_KM2.to_string()
                            value=form.field(|f| f.area_km2.clone())
                            on_input=form.setter(|f, v| f.area_km2 = v)
                            issues
                            units=AREA_UNITS
                            inputmode="decimal"
                            hint="小数2桁まで"
                        />
                    </div>
                </fieldset>

                <fieldset class="form-group">
                    <legend>"認定者数"</legend>
                    <HelpTip part="認定者数" entries=&form_help::OVERVIEW_AREA[1..]/>
                    <div class="field-row">
                        {number(labels::CERTIFIED_TOTAL, "人", fields::CERTIFIED_TOTAL, PEOPLE, |f| f.certified_total.clone(), |f, v| f.certified_total = v)}
                    </div>
                    <p class="sub-legend">"療養者数（認定者）"</p>
                    <div class="field-row">
                        {number("ALS（筋萎縮性側索硬化症）", "人", fields::CERTIFIED_ALS, PEOPLE, |f| f.certified_als.clone(), |f, v| f.certified_als = v)}
                        {number("SCD（脊髄小脳変性症）", "人", fields::CERTIFIED_SCD, PEOPLE, |f| f.certified_scd.clone(), |f, v| f.certified_scd = v)}
                        {number("MSA（多系統萎縮症）", "人", fields::CERTIFIED_MSA, PEOPLE, |f| f.certified_msa.clone(), |f, v| f.certified_msa = v)}
                        {number("PD（パーキンソン病）", "人", fields::CERTIFIED_PD, PEOPLE, |f| f.certified_pd.clone(), |f, v| f.certified_pd = v)}
                    </div>
                    <OtherDiseases form issues/>
                </fieldset>

                <fieldset class="form-group">
                    <legend>"医療機関等"</legend>
                    <HelpTip part="医療機関等" entries=&form_help::OVERVIEW_FACILITIES/>
                    <div class="field-row">
                        {number("難病診療連携拠点病院（都道府県内）", "ヵ所", fields::BASE_HOSPITALS_PREF, PLACES, |f| f.base_hospitals_pref.clone(), |f, v| f.base_hospitals_pref = v)}
                        {number("難病診療分野別拠点病院（都道府県内）", "ヵ所", fields::FIELD_BASE_HOSPITALS_PREF, PLACES, |f| f.field_base_hospitals_pref.clone(), |f, v| f.field_base_hospitals_pref = v)}
                    </div>
                    <div class="field-row">
                        {number("難病医療協力病院（管内）", "ヵ所", fields::COOPERATING_HOSPITALS_LOCAL, PLACES, |f| f.cooperating_hospitals_local.clone(), |f, v| f.cooperating_hospitals_local = v)}
                        {number("難病医療協力病院（都道府県内）", "ヵ所", fields::COOPERATING_HOSPITALS_PREF, PLACES, |f| f.cooperating_hospitals_pref.clone(), |f, v| f.cooperating_hospitals_pref = v)}
                    </div>
                    <div class="field-row">
                        {number("難病指定医数（管内）", "人", fields::DESIGNATED_DOCTORS_LOCAL, PLACES, |f| f.designated_doctors_local.clone(), |f, v| f.designated_doctors_local = v)}
                        {number("在宅療養支援診療所（管内）", "ヵ所", fields::HOME_CARE_CLINICS_LOCAL, PLACES, |f| f.home_care_clinics_local.clone(), |f, v| f.home_care_clinics_local = v)}
                        {number("訪問看護ステーション数（管内）", "ヵ所", fields::NURSE_STATIONS_LOCAL, PLACES, |f| f.nurse_stations_local.clone(), |f, v| f.nurse_stations_local = v)}
                    </div>
                </fieldset>

                <IssueSummary issues/>
            </EditorForm>
        </section>
    }
}

/// 追加した疾患: one row per disease (疾患名 and 療養者数), added and removed by the nurse.
#[component]
fn OtherDiseases(form: FormState<OverviewForm>, issues: Signal<Issues>) -> impl IntoView {
    let rows = Memo::new(move |_| form.value.with(|f| f.certified_other.len()));
    let can_add = Memo::new(move |_| rows.get() < MAX_OTHER_DISEASES);
    let add = move |_| {
        form.update(|f| {
            f.add_other_disease();
        });
        // The new row's name gets the focus.
        request_animation_frame(move || {
            let doc = web_sys::window().and_then(|w| w.document());
            let last = doc.and_then(|d| d.query_selector_all("[data-testid=other-disease] input.disease-name").ok());
            if let Some(list) = last {
                if let Some(node) = list.item(list.length().saturating_sub(1)) {
                    if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(node) {
                        let _ = el.focus();
                    }
                }
            }
        });
    };
    let name_invalid = move |key: String| move || issues.with(|i| i.field_has_error(&key)).then_some("true");
    view! {
        <div class="other-diseases" data-field=fields::CERTIFIED_OTHER>
            <p class="sub-legend">"追加した疾患（その他の疾患の療養者数（認定者））"</p>
            {move || {
                (0..rows.get())
                    .map(|i| {
                        let name_key = fields::other_disease(i);
                        let count_key = fields::other_count(i);
                        view! {
                            <div class="other-disease-row" data-testid="other-disease">
                                <label class="field">
                                    <span class="label">{format!("疾患名（{}行目）", i + 1)}</span>
                                    <input
                                        type="text"
                                        class="disease-name"
                                        name=name_key.clone()
                                        data-field=name_key.clone()
                                        maxlength="100"
                                        autocomplete="off"
                                        placeholder="例: 進行性核上性麻痺"
                                        aria-invalid=name_invalid(name_key.clone())
                                        prop:value=form.field(move |f| {
                                            f.certified_other.get(i).map(|r| r.disease.clone()).unwrap_or_default()
                                        })
                                        on:input:target=move |ev| {
                                            let v = ev.target().value();
                                            form.update(|f| {
                                                if let Some(r) = f.certified_other.get_mut(i) {
                                                    r.disease = v;
                                                }
                                            });
                                        }
                                    />
                                    <FieldIssues issues field=name_key/>
                                </label>
                                <NumberField
                                    label="療養者数（認定者）".to_string()
                                    unit="人"
                                    field=count_key
                                    value=form.field(move |f| {
                                        f.certified_other.get(i).map(|r| r.count.clone()).unwrap_or_default()
                                    })
                                    on_input=Callback::new(move |v: String| {
                                        form.update(|f| {
                                            if let Some(r) = f.certified_other.get_mut(i) {
                                                r.count = v;
                                            }
                                        });
                                    })
                                    issues
                                    units=PEOPLE
                                />
                                <button
                                    type="button"
                                    class="remove-row"
                                    aria-label=format!("{}行目の疾患を削除", i + 1)
                                    on:click=move |_| form.update(|f| f.remove_other_disease(i))
                                >
                                    "削除"
                                </button>
                            </div>
                        }
                    })
                    .collect_view()
            }}
            <FieldIssues issues field=fields::CERTIFIED_OTHER.to_string()/>
            <button type="button" data-testid="add-disease" on:click=add disabled=move || !can_add.get()>
                "＋ 疾患を追加"
            </button>
            <Show when=move || !can_add.get()>
                <span class="hint">{format!("追加できる疾患は{MAX_OTHER_DISEASES}までです")}</span>
            </Show>
        </div>
    }
}
