//! Pages whose forms come with later work: each says plainly what it will hold.

use crate::route::Section;
use leptos::prelude::*;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum What {
    Section(Section),
}

fn description(what: What) -> (&'static str, &'static str) {
    match what {
        What::Section(Section::Overview) => ("地域の概況", "人口・面積・指定難病認定者数・疾患別の療養者数・拠点病院や訪問看護ステーションの数を入力します（様式1の上欄）。"),
        What::Section(Section::Patients) => ("様式1 療養者", "在宅療養者の一覧と、一人ずつの詳しい入力画面です。"),
        What::Section(Section::Programmes) => ("様式2 事業", "難病対策事業の実施状況と評価を入力します。"),
        What::Section(Section::Stations) => ("様式3 訪問看護ステーション", "管内の訪問看護ステーションの一覧と常勤換算の計算です。"),
        What::Section(Section::Summary) => ("集計", "様式1と様式3から自動で計算される集計です。"),
        What::Section(Section::Evaluation) => ("様式4 評価", "医療サービスの確保状況の評価（レベルA〜D、課題、総合評価）です。"),
        What::Section(Section::Trees) => ("判断樹", "ALSの呼吸障害・球麻痺のアセスメントを一問ずつ進める画面です。"),
    }
}

#[component]
pub fn Pending(what: What) -> impl IntoView {
    let (title, text) = description(what);
    view! {
        <section>
            <h1>{title}</h1>
            <p>{text}</p>
            <p class="hint">"この画面は準備中です。"</p>
        </section>
    }
}
