//! アセスメントを始める: 療養者, the tree to begin with (呼吸障害 by default, or 球麻痺
//! directly), 判断者 (the last one typed on this device) and 日時 (now by default).

use super::{PageData, Patients, TreePlace, ASSESSOR_KEY};
use crate::domain::forms::roster::{roster_indices, RosterFilter, RosterSort};
use crate::domain::ids::RecordId;
use crate::domain::record::StoredRecord;
use crate::domain::time::Timestamp;
use crate::domain::trees::assessment::Assessment;
use crate::domain::trees::data::Tree;
use crate::storage::WriteBatch;
use crate::ui::components::TextInput;
use crate::ui::ctx::Notice;
use crate::ui::platform;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The live patients as select options (record ID, [`patient_label`]), in the roster's
/// default order.
pub fn patient_options(ps: &Patients, hide_names: bool) -> Vec<(String, String)> {
    roster_indices(&ps.bodies, &RosterFilter::default(), RosterSort::default(), hide_names)
        .into_iter()
        .filter_map(|i| Some((ps.records.get(i)?.meta.id.to_string(), patient_label(ps.bodies.get(i)?, hide_names))))
        .collect()
}

/// `A-001 山田 太郎`, or the ID番号 alone when names are hidden or blank.
pub fn patient_label(p: &crate::domain::patient::Patient, hide_names: bool) -> String {
    let shown = p.display_name(hide_names);
    if shown == p.id_number {
        p.id_number.clone()
    } else {
        format!("{} {shown}", p.id_number)
    }
}

/// The tree choices.
fn tree_options() -> [(Tree, &'static str, &'static str); 2] {
    [
        (Tree::Respiratory, "呼吸障害から", "所見がなければ続けて球麻痺の設問へ進みます（標準）"),
        (Tree::Bulbar, "球麻痺から", "球麻痺の設問だけを行います"),
    ]
}

#[component]
pub fn StartForm(data: PageData, #[prop(optional)] patient_id: Option<RecordId>) -> impl IntoView {
    let ctx = data.ctx;
    let fixed = patient_id.is_some();
    let chosen = RwSignal::new(patient_id.map(|p| p.to_string()).unwrap_or_default());
    let tree = RwSignal::new(Tree::Respiratory);
    let assessor = RwSignal::new(platform::setting::<String>(ASSESSOR_KEY).unwrap_or_default());
    let when = RwSignal::new(platform::now().datetime_local_jst());
    let error = RwSignal::new(None::<String>);
    let options = Memo::new(move |_| {
        if fixed {
            return Vec::new();
        }
        let hide = ctx.hide_names.get();
        data.patients.with(|ps| patient_options(ps, hide))
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        let Ok(pid) = RecordId::parse(&chosen.get_untracked()) else {
            error.set(Some("療養者を選んでください".to_string()));
            return;
        };
        let patient =
            ctx.loaded.with_untracked(|l| l.set().live_one::<crate::domain::patient::Patient>(&pid).map(|(_, p)| p));
        let Some(patient) = patient else {
            error.set(Some("この療養者は見つかりません（削除された可能性があります）".to_string()));
            return;
        };
        let Some(started) = Timestamp::parse_datetime_jst(&when.get_untracked()) else {
            error.set(Some("日時を正しく入力してください（例: 2025-05-01 10:30）".to_string()));
            return;
        };
        let Some(diagnosis) = data.diagnosis_id.get_untracked() else { return };
        let name = assessor.get_untracked();
        let a = Assessment::for_patient(pid, &patient, tree.get_untracked(), &name, started);
        let id = platform::new_record_id();
        let record = match StoredRecord::create(id.clone(), diagnosis, &a, platform::now(), &ctx.device_id()) {
            Ok(r) => r,
            Err(e) => {
                ctx.notice.set(Some(Notice::Error(e.to_string())));
                return;
            }
        };
        if !name.trim().is_empty() {
            platform::set_setting(ASSESSOR_KEY, &name.trim());
        }
        spawn_local(async move {
            let batch = WriteBatch { put_records: vec![record], ..WriteBatch::default() };
            if ctx.save(batch, "アセスメントを開始しました").await.is_ok() {
                data.go(&TreePlace::Assessment(id));
            }
        });
    };

    view! {
        <form class="card trees-start" data-testid="start-form" novalidate on:submit=submit>
            <h2>"アセスメントを始める"</h2>
            <div class="field-row">
                {(!fixed).then(|| view! { <PatientChoice chosen options/> })}
                <TreeChoice tree/>
                <TextInput
                    label="判断者"
                    field="start-assessor"
                    value=Signal::derive(move || assessor.get())
                    on_input=Callback::new(move |v: String| assessor.set(v))
                    class="w-m"
                    placeholder="例: 保健師 山本"
                    hint="この端末で前回入力した名前が入ります"
                />
                <label class="field">
                    <span class="label">"日時"</span>
                    <input
                        type="datetime-local"
                        name="start-when"
                        prop:value=move || when.get()
                        on:input:target=move |ev| when.set(ev.target().value())
                    />
                </label>
            </div>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            <button type="submit" class="primary big" data-testid="start-button">"アセスメントを開始"</button>
        </form>
    }
}

/// 療養者 to assess (when the form is not for one patient already).
#[component]
fn PatientChoice(chosen: RwSignal<String>, options: Memo<Vec<(String, String)>>) -> impl IntoView {
    view! {
        <label class="field">
            <span class="label">"療養者"</span>
            <select
                name="start-patient"
                prop:value=move || chosen.get()
                on:change:target=move |ev| chosen.set(ev.target().value())
            >
                <option value="">"（選んでください）"</option>
                <For each=move || options.get() key=|(id, label)| (id.clone(), label.clone()) let:opt>
                    <option value=opt.0.clone() prop:selected=move || chosen.with(|c| c == &opt.0)>
                        {opt.1.clone()}
                    </option>
                </For>
            </select>
        </label>
    }
}

/// 最初に行う判断樹, with the chosen one's hint.
#[component]
fn TreeChoice(tree: RwSignal<Tree>) -> impl IntoView {
    view! {
        <fieldset class="field choice">
            <legend class="label">"最初に行う判断樹"</legend>
            <div class="segmented">
                {tree_options()
                    .into_iter()
                    .map(|(t, label, hint)| view! {
                        <label class="segment" class:selected=move || tree.get() == t title=hint>
                            <input
                                type="radio"
                                name="start-tree"
                                value=if t == Tree::Respiratory { "respiratory" } else { "bulbar" }
                                prop:checked=move || tree.get() == t
                                on:change=move |_| tree.set(t)
                            />
                            <span>{label}</span>
                        </label>
                    })
                    .collect_view()}
            </div>
            <span class="hint">
                {move || tree_options().into_iter().find(|(t, _, _)| *t == tree.get()).map(|(_, _, h)| h)}
            </span>
        </fieldset>
    }
}
