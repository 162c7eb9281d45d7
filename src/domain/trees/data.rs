//! 判断樹のデータ: the two ALS assessment trees of seed 004 as static tables — questions with
//! the seed's wording, the checklist under each, reference values and guidance, the POINT
//! boxes and the outcome/action boxes.
//!
//! Wording is the seed's. PDF line breaks are joined; three small repairs are listed in the
//! doc comments where they are made (a lost 「, two citation marks 6）).

use serde::{Deserialize, Serialize};

/// 判断樹の種類.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tree {
    /// ALS呼吸障害に関連する症状のアセスメントと対応
    Respiratory,
    /// ALS球麻痺に関連する症状のアセスメントと対応
    Bulbar,
}

impl Tree {
    pub const ALL: [Tree; 2] = [Tree::Respiratory, Tree::Bulbar];

    /// Short name for lists and history (呼吸障害 / 球麻痺).
    pub fn short_label(self) -> &'static str {
        match self {
            Tree::Respiratory => "呼吸障害",
            Tree::Bulbar => "球麻痺",
        }
    }

    /// The tree's table.
    pub fn def(self) -> &'static TreeDef {
        match self {
            Tree::Respiratory => &RESPIRATORY,
            Tree::Bulbar => &BULBAR,
        }
    }

    /// The questions in order.
    pub fn questions(self) -> &'static [Question] {
        self.def().questions
    }
}

/// 設問の番号 (呼吸障害 Q1–Q4, 球麻痺 Q1–Q6).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionId {
    /// 呼吸障害 Q1 下記に示す状況はない
    R1,
    /// 呼吸障害 Q2 会話に関連する下記の症状はない
    R2,
    /// 呼吸障害 Q3 睡眠に関連する下記の症状はない
    R3,
    /// 呼吸障害 Q4 その他の症状
    R4,
    /// 球麻痺 Q1 経口摂取に関する下記の状況はない
    B1,
    /// 球麻痺 Q2 唾液などの口腔内の分泌物の処理に関する下記の症状はない
    B2,
    /// 球麻痺 Q3 痰などの気道分泌物の処理に関する下記の症状はない
    B3,
    /// 球麻痺 Q4 気道閉塞に関連する下記の症状はない
    B4,
    /// 球麻痺 Q5 構音障害の症状はない
    B5,
    /// 球麻痺 Q6 全身状態は良好である
    B6,
}

impl QuestionId {
    pub const ALL: [QuestionId; 10] = [
        QuestionId::R1,
        QuestionId::R2,
        QuestionId::R3,
        QuestionId::R4,
        QuestionId::B1,
        QuestionId::B2,
        QuestionId::B3,
        QuestionId::B4,
        QuestionId::B5,
        QuestionId::B6,
    ];

    /// The tree the question belongs to.
    pub fn tree(self) -> Tree {
        match self {
            QuestionId::R1 | QuestionId::R2 | QuestionId::R3 | QuestionId::R4 => Tree::Respiratory,
            _ => Tree::Bulbar,
        }
    }

    /// The question's table entry.
    pub fn def(self) -> &'static Question {
        match self {
            QuestionId::R1 => &RESPIRATORY_QUESTIONS[0],
            QuestionId::R2 => &RESPIRATORY_QUESTIONS[1],
            QuestionId::R3 => &RESPIRATORY_QUESTIONS[2],
            QuestionId::R4 => &RESPIRATORY_QUESTIONS[3],
            QuestionId::B1 => &BULBAR_QUESTIONS[0],
            QuestionId::B2 => &BULBAR_QUESTIONS[1],
            QuestionId::B3 => &BULBAR_QUESTIONS[2],
            QuestionId::B4 => &BULBAR_QUESTIONS[3],
            QuestionId::B5 => &BULBAR_QUESTIONS[4],
            QuestionId::B6 => &BULBAR_QUESTIONS[5],
        }
    }

    /// `呼吸障害 Q1`, `球麻痺 Q5` (for history and messages).
    pub fn full_label(self) -> String {
        format!("{} {}", self.tree().short_label(), self.def().label)
    }

    /// The stable key (`r1` … `b6`), as stored.
    pub fn key(self) -> &'static str {
        match self {
            QuestionId::R1 => "r1",
            QuestionId::R2 => "r2",
            QuestionId::R3 => "r3",
            QuestionId::R4 => "r4",
            QuestionId::B1 => "b1",
            QuestionId::B2 => "b2",
            QuestionId::B3 => "b3",
            QuestionId::B4 => "b4",
            QuestionId::B5 => "b5",
            QuestionId::B6 => "b6",
        }
    }
}

/// 回答: 「はい」 or 「いいえ」 (unanswered = absent).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// はい
    Yes,
    /// いいえ
    No,
}

impl Answer {
    pub const ALL: [Answer; 2] = [Answer::Yes, Answer::No];

    pub fn label(self) -> &'static str {
        match self {
            Answer::Yes => "はい",
            Answer::No => "いいえ",
        }
    }

    /// The other answer.
    pub fn opposite(self) -> Answer {
        match self {
            Answer::Yes => Answer::No,
            Answer::No => Answer::Yes,
        }
    }
}

/// What a checklist lists: signs of a problem (tick = the sign is present) or conditions of
/// good health (球麻痺 Q6: tick = the condition holds).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChecklistKind {
    /// 症状・状況の一覧: 「該当」 = the sign is present (a concern).
    Signs,
    /// 良好な状態の一覧: 「該当」 = the condition holds; 「非該当」 is the concern.
    Conditions,
}

/// チェック: the nurse's (or the measurement's) judgement on one checklist line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Check {
    /// 該当: the line's statement applies (a sign is present / a condition holds).
    Yes,
    /// 非該当: the line's statement does not apply.
    No,
}

impl Check {
    pub fn label(self) -> &'static str {
        match self {
            Check::Yes => "該当",
            Check::No => "非該当",
        }
    }
}

/// One line of a checklist.
#[derive(Debug, PartialEq, Eq)]
pub struct Sign {
    /// Stable ID (stored with ticks and overrides), e.g. `r1_spo2`.
    pub id: &'static str,
    /// 項目 (the seed's wording)
    pub text: &'static str,
    /// 正常値・基準値 as the seed gives it
    pub reference: Option<&'static str>,
    /// 補足 (the seed's lines under the item)
    pub notes: &'static [&'static str],
    /// ※: needs a measurement (測定値で判断する項目)
    pub measured: bool,
    /// 見出し: the seed's heading over a group of lines (球麻痺 Q1's first seven)
    pub group: Option<&'static str>,
}

/// 解説: one guidance section of the seed (【呼吸や全身状態】 …).
#[derive(Debug, PartialEq, Eq)]
pub struct Guidance {
    /// 見出し, e.g. `【会話】`
    pub heading: &'static str,
    /// 本文
    pub paragraphs: &'static [&'static str],
}

/// 設問.
#[derive(Debug, PartialEq, Eq)]
pub struct Question {
    /// 設問の番号
    pub id: QuestionId,
    /// `Q1` …
    pub label: &'static str,
    /// 設問文 (the seed's wording)
    pub text: &'static str,
    /// The answer that signals a problem: いいえ for the "none of these" questions, はい for
    /// 呼吸障害 Q4 (「その他の症状」: はい = some are present).
    pub problem_answer: Answer,
    /// What 「はい」 means, for the UI beside the buttons.
    pub yes_means: &'static str,
    /// 一覧の種類
    pub checklist: ChecklistKind,
    /// チェック項目
    pub signs: &'static [Sign],
    /// The seed's explanation for this question.
    pub guidance: Option<Guidance>,
}

impl Question {
    /// Is `check` on a line of this question a concern (a sign present, a condition not
    /// holding)?
    pub fn is_concern(&self, check: Check) -> bool {
        match self.checklist {
            ChecklistKind::Signs => check == Check::Yes,
            ChecklistKind::Conditions => check == Check::No,
        }
    }

    /// The sign with this ID, if it belongs to this question.
    pub fn sign(&self, id: &str) -> Option<&'static Sign> {
        self.signs.iter().find(|s| s.id == id)
    }
}

/// 判断樹.
#[derive(Debug, PartialEq, Eq)]
pub struct TreeDef {
    /// 判断樹の種類
    pub tree: Tree,
    /// 表題
    pub title: &'static str,
    /// 副題 (球麻痺: the period it is for)
    pub subtitle: Option<&'static str>,
    /// 設問
    pub questions: &'static [Question],
    /// POINT︕ (the seed's boxed points)
    pub points: &'static [&'static str],
}

/// 結果の種類: which outcome box applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutcomeId {
    /// 呼吸障害: Q1–Q3 いいえ or Q4 はい → the action box.
    RespiratoryFailure,
    /// 呼吸障害: no sign → on to the bulbar questions.
    ToBulbar,
    /// 球麻痺: Q1–Q4 いいえ → the action box (嚥下・気道).
    Swallowing,
    /// 球麻痺: Q5 いいえ → 意思伝達手段確保についての検討・対応.
    Speech,
    /// 球麻痺: Q6 いいえ → 医師への連絡・全身状態の精査.
    GeneralCondition,
    /// 球麻痺: all はい → 経過観察.
    Observe,
}

impl OutcomeId {
    pub fn def(self) -> &'static OutcomeBox {
        match self {
            OutcomeId::RespiratoryFailure => &RESPIRATORY_ACTIONS,
            OutcomeId::ToBulbar => &TO_BULBAR,
            OutcomeId::Swallowing => &SWALLOWING_ACTIONS,
            OutcomeId::Speech => &SPEECH_ACTIONS,
            OutcomeId::GeneralCondition => &GENERAL_ACTIONS,
            OutcomeId::Observe => &OBSERVE,
        }
    }
}

/// 対応の一項目 (・…) and the seed's lines under it.
#[derive(Debug, PartialEq, Eq)]
pub struct ActionItem {
    /// 項目
    pub text: &'static str,
    /// 内容
    pub details: &'static [&'static str],
}

/// A ◆ section of an action box; `heading` is empty for boxes without sections.
#[derive(Debug, PartialEq, Eq)]
pub struct ActionSection {
    /// e.g. `◆医師への連絡・相談`
    pub heading: &'static str,
    /// 項目
    pub items: &'static [ActionItem],
}

/// 結果と対応の枠.
#[derive(Debug, PartialEq, Eq)]
pub struct OutcomeBox {
    /// 結果の種類
    pub id: OutcomeId,
    /// 見出し. The seed's boxes have no titles of their own except where the box is a single
    /// line; the titles 「呼吸障害の可能性あり」「嚥下障害・気道の症状あり」「構音障害の症状あり」
    /// 「全身状態の変化あり」 are the app's.
    pub title: &'static str,
    /// ◆の枠
    pub sections: &'static [ActionSection],
}

const fn sign(id: &'static str, text: &'static str) -> Sign {
    Sign { id, text, reference: None, notes: &[], measured: false, group: None }
}

const fn sign_notes(id: &'static str, text: &'static str, notes: &'static [&'static str]) -> Sign {
    Sign { id, text, reference: None, notes, measured: false, group: None }
}

const fn item(text: &'static str) -> ActionItem {
    ActionItem { text, details: &[] }
}

// ---------------------------------------------------------------------------------------
// 呼吸障害

/// Sign IDs of 呼吸障害 Q1 that measurements can tick.
pub mod sign_ids {
    /// 呼吸の回数に異常がある
    pub const RATE: &str = "r1_rate";
    /// 脈拍の増加
    pub const PULSE: &str = "r1_pulse";
    /// 酸素飽和度(SpO2)の低下
    pub const SPO2: &str = "r1_spo2";
    /// 呼吸機能検査値の異常
    pub const FUNCTION: &str = "r1_function";
    /// 肺活量、1回換気量等の減少
    pub const CAPACITY: &str = "r1_capacity";
    /// 咳嗽力の低下
    pub const COUGH: &str = "r1_cough";
    /// 動脈血液ガス値の異常
    pub const BLOOD_GAS: &str = "r1_blood_gas";
    /// 経皮あるいは呼気による二酸化炭素分圧値の上昇
    pub const CO2: &str = "r1_co2";
}

const R1_SIGNS: [Sign; 11] = [
    Sign {
        id: sign_ids::RATE,
        text: "呼吸の回数に異常がある",
        reference: Some("正常値：12-20回/分"),
        notes: &["30回/分を超える場合には、かなり注意が必要"],
        measured: false,
        group: None,
    },
    sign_notes("r1_pattern", "呼吸の型に異常がある", &["肩を挙上させて呼吸する、浅い呼吸など"]),
    sign_notes("r1_effort", "努力呼吸がある", &["鎖骨上窩や肋間の吸気時の陥没、下顎呼吸など"]),
    sign_notes("r1_sounds", "呼吸音の聴取にて異常がある", &["呼吸音の減弱、消失、左右差、副雑音の聴取"]),
    Sign {
        id: sign_ids::PULSE,
        text: "脈拍の増加",
        reference: Some("正常値60-100/分"),
        notes: &["徐脈：＜60、頻脈：＞100"],
        measured: false,
        group: None,
    },
    Sign {
        id: sign_ids::SPO2,
        text: "酸素飽和度(SpO2)の低下",
        reference: Some("正常値：動脈血酸素分圧(PaO2)とSpO2の相関から、PaO2 60Torrで約90％、80Torrで約95％"),
        notes: &[
            "90%未満は組織が低酸素の状態",
            "座位＞臥位など、体位による変化",
            "酸素飽和度終夜測定による不飽和(90%未満)を示す時間の出現、増加",
        ],
        measured: true,
        group: None,
    },
    Sign {
        id: sign_ids::FUNCTION,
        text: "呼吸機能検査値の異常",
        reference: None,
        notes: &["％肺活量70%あるいは50%以下は特に注意を要する", "1秒率の低下"],
        measured: true,
        group: None,
    },
    Sign {
        id: sign_ids::CAPACITY,
        text: "肺活量、1回換気量等の減少",
        reference: Some("標準肺活量 男 50-59歳 3.56L、62-71歳 3.39L、女 60-79歳 2.53L"),
        notes: &["ライトレスピレーターによる簡易測定での評価も可能"],
        measured: true,
        group: None,
    },
    Sign {
        id: sign_ids::COUGH,
        text: "咳嗽力の低下",
        reference: Some("正常値：成人男子 500-600L/min"),
        notes: &[
            "ピークフロー(Peak cough Expiratory Flow Rate)の値の低下",
            "270/ｍ未満では、感冒罹患時など痰の喀出に困難を生じることもある",
            "神経筋疾患ではマウスピースを加えることが困難な場合にはマスクを用いる",
            "病状が進行している場合、測定不能な場合も経験する",
        ],
        measured: true,
        group: None,
    },
    Sign {
        id: sign_ids::BLOOD_GAS,
        text: "動脈血液ガス値の異常",
        reference: Some("正常値：pH 7.35-7.45  PaO2 85-100mmHg  PaCO2 35-45mmHg"),
        notes: &[],
        measured: true,
        group: None,
    },
    Sign {
        id: sign_ids::CO2,
        text: "経皮あるいは呼気による二酸化炭素分圧値の上昇",
        reference: Some("正常値：40±5mmHg"),
        notes: &[],
        measured: true,
        group: None,
    },
];

const R2_SIGNS: [Sign; 3] = [
    sign("r2_sentences", "続けてしゃべれない、長い文が話せなくなる"),
    sign("r2_voice", "声が出ない、声が小さくなる(声量が低下する)"),
    sign("r2_hard_to_hear", "話が聞き取りにくい"),
];

const R3_SIGNS: [Sign; 3] = [
    sign("r3_insomnia", "眠れない"),
    sign("r3_waking", "夜間何回もおきる"),
    sign("r3_supine", "仰向けでねむれない、側臥位でもねむりにくい"),
];

const R4_SIGNS: [Sign; 4] = [
    sign("r4_headache", "朝方の頭痛、頭重感"),
    sign("r4_drowsy", "頭がぼーっとする、日中しばしばうとうと眠る"),
    sign("r4_flush", "顔がほてる、顔面紅潮"),
    sign("r4_fatigue", "倦怠感"),
];

const YES_MEANS_NONE: &str = "「はい」＝下記のいずれもない";

/// 呼吸障害 Q1–Q4.
pub static RESPIRATORY_QUESTIONS: [Question; 4] = [
    Question {
        id: QuestionId::R1,
        label: "Q1",
        text: "下記に示す状況はない",
        problem_answer: Answer::No,
        yes_means: YES_MEANS_NONE,
        checklist: ChecklistKind::Signs,
        signs: &R1_SIGNS,
        guidance: Some(Guidance {
            heading: "【呼吸や全身状態】",
            paragraphs: &[
                "バイタルサイン、酸素飽和度などの値は、「どのような状況で測定したか」という条件、例えば「座って測ったのか、横になって測ったのか」あるいは「労作後なのか安静時なのか」が、評価において重要です。",
                "ALSでは、座位では正常な酸素飽和度が、臥位では低下する、などの状況を経験します。（これは座っている際には横隔膜が重力で下方に可動しやすく換気量が保たれるにもかかわらず、臥位になると重力の助けが得られず、換気量が低下するためです。）",
                "また ALS の呼吸障害は、「昼間に先んじて夜間にあらわれる」のも特徴です。通常睡眠中の夜間は、呼吸が抑制されることから、「充分に息がはけない状態（＝高二酸化炭素血症）となり、その結果「充分に息がすえない」（＝低酸素血症）状態となることが知られています。",
                "ですから、昼間の酸素飽和度が正常であっても、「疲れている様子」や「不眠」、「呼吸が浅めで回数が多い」、などの症状がみられる場合には、呼吸状態の詳細な評価が必要となります。",
                "※）酸素飽和度終夜測定は、睡眠中に継続的に酸素飽和度を計測するもので、睡眠時の低酸素状態を簡易に把握することができます。測定の結果、酸素飽和度 90％未満が全測定時間中のどのくらいの割合を占めるか、などを評価し、人工呼吸療法の開始を検討することとなります。",
                "なお呼吸に関連する検査には様々なものがあります。酸素飽和度や二酸化炭素分圧などの呼吸状態の評価に加えて、痰を喀出する力の評価も大変重要です（ピークカフフロー、他）。",
            ],
        }),
    },
    Question {
        id: QuestionId::R2,
        label: "Q2",
        text: "会話に関連する下記の症状はない",
        problem_answer: Answer::No,
        yes_means: YES_MEANS_NONE,
        checklist: ChecklistKind::Signs,
        signs: &R2_SIGNS,
        guidance: Some(Guidance {
            heading: "【会話】",
            paragraphs: &[
                "話をするときの声が小さくなっていませんか。あるいは長い文章がしゃべれなくなっていませんか。",
                "呼吸筋力が低下し、換気量が少なくなると、声量がおちて小声となり、話が聞きづらくなります。また息を長くはくことができなくなることから、長い文章を話すときには、途中で“息継ぎ”をすることがあります。",
            ],
        }),
    },
    Question {
        id: QuestionId::R3,
        label: "Q3",
        text: "睡眠に関連する下記の症状はない",
        problem_answer: Answer::No,
        yes_means: YES_MEANS_NONE,
        checklist: ChecklistKind::Signs,
        signs: &R3_SIGNS,
        guidance: Some(Guidance {
            heading: "【睡眠】",
            paragraphs: &[
                // The seed's PDF text lost the opening 「 of 「夜中に何度もめざめる」; restored.
                "「夜中に何度もめざめる」、とか、「良く眠れない」などの症状はありませんか。",
                "ALS では、四肢・体幹が自由に動かせないことから、楽な姿勢がとれず、そのためによく眠れないことがあります。同時に、呼吸運動が充分に行えないことで生ずる「換気不全（Ⅱ型の呼吸不全）によって呼吸が苦しくなって目覚める、場合もあります。「夜中に何回も起きる」といった話をきいたときは、呼吸状態にも注意が必要です。",
            ],
        }),
    },
    Question {
        id: QuestionId::R4,
        label: "Q4",
        text: "その他の症状",
        problem_answer: Answer::Yes,
        yes_means: "「はい」＝下記のいずれかがある",
        checklist: ChecklistKind::Signs,
        signs: &R4_SIGNS,
        guidance: Some(Guidance {
            heading: "【その他】",
            paragraphs: &[
                "ALS の呼吸不全では、前述のとおり、睡眠中の血中の二酸化炭素の分圧が上昇し、それによって、朝方の「頭痛」や「頭が重い」などの症状の起こることがあります。",
                "なお人工呼吸療法や気管切開などの適用について検討する際には、上記呼吸障害の評価とともに、嚥下障害など球麻痺症状の評価、咳の力の評価が重要となります。次ページに、球麻痺症状について記しました。関連する症状についてあわせて留意しましょう。",
            ],
        }),
    },
];

/// ALS呼吸障害に関連する症状のアセスメントと対応.
pub static RESPIRATORY: TreeDef = TreeDef {
    tree: Tree::Respiratory,
    title: "ALS呼吸障害に関連する症状のアセスメントと対応",
    subtitle: None,
    questions: &RESPIRATORY_QUESTIONS,
    points: &[
        "バイタルサインや呼吸状態：いつ、どのような状態で測定したかが重要",
        "呼吸障害は、まず夜間にあらわれることが多い",
        "呼吸障害とあわせて「嚥下障害」や「咳の力」の評価も実施",
    ],
};

// ---------------------------------------------------------------------------------------
// 球麻痺

const ORAL_INTAKE: Option<&str> = Some("経口摂取（水分や食物）時の下記の症状");

const fn oral(id: &'static str, text: &'static str) -> Sign {
    Sign { id, text, reference: None, notes: &[], measured: false, group: ORAL_INTAKE }
}

const B1_SIGNS: [Sign; 14] = [
    oral("b1_spill", "口からこぼれる"),
    oral("b1_chew", "うまくかめない、かむのがだるい、かむと疲れる、硬いものがかみ切れない"),
    oral("b1_transport", "口の中でうまくのどに送り込めない"),
    oral("b1_nasal", "鼻の方にまわる"),
    oral("b1_choke", "むせる"),
    oral("b1_residue", "のどにいつまでも残っていて落ちていかない（いきにくい）"),
    oral("b1_swallow", "うまく飲み込めない"),
    sign_notes(
        "b1_food_change",
        "食事や飲水の内容（種類や形状）や好みの変化",
        &["パサパサ・サラサラしたものを残す、トロミや半固形物を好む"],
    ),
    sign("b1_manner_change", "食事や水分の取り方（姿勢・一口量・回数など）の変化"),
    sign("b1_long_meals", "食事時間の延長"),
    sign("b1_eating_fatigue", "食事摂取に伴う疲労"),
    sign("b1_less_intake", "食事摂取量の低下"),
    sign("b1_appetite", "食欲の低下"),
    sign("b1_different", "健常時と異なる感じ"),
];

const B2_SIGNS: [Sign; 5] = [
    sign("b2_stuck", "唾液や鼻水のようなものが鼻の奥やのどの奥にあってなかなか落ちていかない"),
    sign("b2_choke", "唾液でむせることがある"),
    sign("b2_thick", "唾液が濃くなったと感じる（ネバネバする）"),
    sign("b2_more", "唾液が多くなったと感じる、口の中に溜まる"),
    sign("b2_drool", "流涎がある"),
];

const B3_SIGNS: [Sign; 6] = [
    sign("b3_more", "痰が多くなった"),
    sign("b3_stuck", "痰がきれない"),
    sign("b3_hard", "痰がだしにくい"),
    sign("b3_throat", "喉のいがらっぽさがある（ガラガラ・嗄声など）"),
    sign("b3_weak_clearing", "咳払いが弱くなった"),
    sign("b3_cough", "咳がよく出る、咳込むことがある（食事中や食後、臥床したとき、就眠中など）"),
];

const B4_SIGNS: [Sign; 2] = [sign("b4_blocked", "喉がつまる"), sign("b4_nose", "鼻をつままれたような感じ")];

/// Q5 has no list in the seed's tree; these three are the symptoms its question names
/// (and its 【構音障害に関する症状】 repeats).
const B5_SIGNS: [Sign; 3] = [
    sign("b5_slurred", "ろれつが回らない"),
    sign("b5_hard_to_speak", "しゃべりにくい"),
    sign("b5_unclear", "発音が不明瞭になる"),
];

const B6_CONDITIONS: [Sign; 5] = [
    sign("b6_vitals", "バイタルサインが安定している"),
    sign("b6_no_fever", "発熱がない、脈拍数・呼吸数の大きな変化がない"),
    sign("b6_weight", "体重の減少がない（おおむね一ヶ月ごとの測定）"),
    sign("b6_hydration", "脱水の徴候がない"),
    sign("b6_nutrition", "低栄養や貧血がない"),
];

/// 球麻痺 Q1–Q6.
pub static BULBAR_QUESTIONS: [Question; 6] = [
    Question {
        id: QuestionId::B1,
        label: "Q1",
        text: "経口摂取に関する下記の状況はない",
        problem_answer: Answer::No,
        yes_means: YES_MEANS_NONE,
        checklist: ChecklistKind::Signs,
        signs: &B1_SIGNS,
        guidance: Some(Guidance {
            heading: "【経口摂取時の症状】",
            paragraphs: &[
                "食事の際に、「口からこぼれる」「うまくかめない、かむのがだるい、かむと疲れる」「口の中でうまくのどに送り込めない」「鼻の方にまわる」「むせる」などの症状がみられます。その結果、食事形態や姿勢を工夫しても、１回の食事時間が１時間にも及ぶ、という場合もあり、胃瘻造設などにより経管栄養が必要な時期を迎えているかもしれません。",
                // The seed's citation mark 6）(its reference list) is left out here and below.
                "ALS 診療ガイドラインでは、呼吸障害が重度になる以前に胃瘻を造設することを推奨しています。胃瘻を造設しても、嚥下の状態によっては経口摂取を続けることができる場合もあります。充分に食事がとれない低栄養では全身の筋力低下により、病気の進行を早めてしまうことも考えられます。嚥下障害の症状を早期に把握して、適切な対応がすすめられるよう支援する必要があります。",
                "なお診療ガイドラインでは人工呼吸療養を実施する場合でも実施しない場合でも、胃瘻を造設することは緩和ケアのひとつである、とされています。",
            ],
        }),
    },
    Question {
        id: QuestionId::B2,
        label: "Q2",
        text: "唾液などの口腔内の分泌物の処理に関する下記の症状はない",
        problem_answer: Answer::No,
        yes_means: YES_MEANS_NONE,
        checklist: ChecklistKind::Signs,
        signs: &B2_SIGNS,
        guidance: Some(Guidance {
            heading: "【口腔内の分泌物の処理に関する症状】",
            paragraphs: &[
                "通常私たちは、唾液などの口腔内分泌物を無意識にのみこんでいます。ですから、唾液によって不快や苦痛を経験することはまずありません。ですが、嚥下障害のある方では、「唾液が多くなった」「唾液が口のなかにたまる」などと感じるようになり、また開閉口が迅速に、充分に行えないことから、流涎（いわゆる、よだれ）が生ずることにもなります。また「唾液にむせる」あるいは「唾液がねばねばしてのみこみづらい」「喉の奥でとどまり、なかなか落ちていかない」、といった訴えもきかれます。",
                "「唾液がうまく処理できない」ことで生ずるこれらの症状は、ときには「呼吸のしづらさ」につながり、苦痛につながります。対処法を早期に検討する必要があります。",
            ],
        }),
    },
    Question {
        id: QuestionId::B3,
        label: "Q3",
        text: "痰などの気道分泌物の処理に関する下記の症状はない",
        problem_answer: Answer::No,
        yes_means: YES_MEANS_NONE,
        checklist: ChecklistKind::Signs,
        signs: &B3_SIGNS,
        guidance: Some(Guidance {
            heading: "【気道分泌物の処理に関する症状】",
            paragraphs: &["「痰が多くなった、痰がきれない、痰がだしにくい、喉がいがらっぽい、咳払いが弱くなった」などの症状がきかれます。"],
        }),
    },
    Question {
        id: QuestionId::B4,
        label: "Q4",
        text: "気道閉塞に関連する下記の症状はない",
        problem_answer: Answer::No,
        yes_means: YES_MEANS_NONE,
        checklist: ChecklistKind::Signs,
        signs: &B4_SIGNS,
        guidance: Some(Guidance {
            heading: "【気道閉塞に関する症状】",
            paragraphs: &["「喉がつまる」「鼻をつままれたような感じ」といった、呼吸困難に直結する切迫した症状です。"],
        }),
    },
    Question {
        id: QuestionId::B5,
        label: "Q5",
        text: "ろれつが回らない・しゃべりにくい・発音が不明瞭になる、などの構音障害の症状はない",
        problem_answer: Answer::No,
        yes_means: "「はい」＝構音障害の症状はない",
        checklist: ChecklistKind::Signs,
        signs: &B5_SIGNS,
        guidance: Some(Guidance {
            heading: "【構音障害に関する症状】",
            paragraphs: &["「ろれつが回らない」「しゃべりにくい」「発音が不明瞭になる」、などの症状がきかれます。これは会話による意思伝達に課題があることを意味してきます。意思伝達のための手段の確保についての支援が必要となります。"],
        }),
    },
    Question {
        id: QuestionId::B6,
        label: "Q6",
        text: "全身状態は良好である",
        problem_answer: Answer::No,
        yes_means: "「はい」＝下記のとおり全身状態は良好",
        checklist: ChecklistKind::Conditions,
        signs: &B6_CONDITIONS,
        guidance: None,
    },
];

/// ALS球麻痺に関連する症状のアセスメントと対応.
pub static BULBAR: TreeDef = TreeDef {
    tree: Tree::Bulbar,
    title: "ALS球麻痺に関連する症状のアセスメントと対応",
    subtitle: Some("― 経口摂取、吸引器や経管栄養を導入する前の時期 ―"),
    questions: &BULBAR_QUESTIONS,
    points: &[
        "球麻痺症状：非常に苦痛が大きくまた留意すべき症状",
        "気管切開、胃瘻造設など医療処置実施についての検討や支援の必要性",
    ],
};

// ---------------------------------------------------------------------------------------
// 結果と対応

/// 呼吸障害: the action box (Q1–Q3 いいえ or Q4 はい).
pub static RESPIRATORY_ACTIONS: OutcomeBox = OutcomeBox {
    id: OutcomeId::RespiratoryFailure,
    title: "呼吸障害の可能性あり",
    sections: &[
        ActionSection {
            heading: "◆医師への連絡・相談", items: &[item("呼吸、全身状態"), item("苦痛症状への対応法")]
        },
        ActionSection {
            heading: "◆本人・家族への支援",
            items: &[
                // The seed (004, 判断樹 ◆本人・家族への支援) prints 「人工呼吸療、気管切開」, a
                // typo for 人工呼吸療法: shown corrected (issue 16 item 11).
                ActionItem {
                    text: "医療処置実施の意思決定支援", details: &["人工呼吸療法、気管切開", "胃ろう等"]
                },
                item("症状・障害への対応支援"),
            ],
        },
        ActionSection {
            heading: "◆支援体制・環境整備",
            items: &[item("地域主治医、訪問看護"), item("吸引器の設置、他")],
        },
        ActionSection {
            heading: "◆緊急時の対応と役割の確認",
            items: &[item("地域主治医と訪問看護間"), item("地域医療と専門医療機関間、他")],
        },
    ],
};

/// 呼吸障害: no sign → 【ALS球麻痺に関連する症状のアセスメントと対応】設問へ.
pub static TO_BULBAR: OutcomeBox = OutcomeBox {
    id: OutcomeId::ToBulbar,
    title: "【ALS球麻痺に関連する症状のアセスメントと対応】設問へ",
    sections: &[],
};

/// 球麻痺 Q1–Q4 いいえ: the action box.
pub static SWALLOWING_ACTIONS: OutcomeBox = OutcomeBox {
    id: OutcomeId::Swallowing,
    title: "嚥下障害・気道の症状あり",
    sections: &[
        ActionSection {
            heading: "◆医師への連絡・相談",
            items: &[
                item("身体状況"),
                item("苦痛症状や障害の程度"),
                item("栄養、水分摂取量"),
                item("全身状態、他"),
                ActionItem {
                    text: "症状・障害への医療・看護", details: &["吸引、経管栄養、気管切開"]
                },
                item("気道ケアなど症状への対応法"),
            ],
        },
        ActionSection {
            heading: "◆本人・家族への支援",
            items: &[
                ActionItem {
                    text: "医療処置実施の意思決定支援", details: &["吸引、経管栄養、気管切開"]
                },
                item("症状・障害への対応支援"),
            ],
        },
        ActionSection {
            heading: "◆支援体制・環境整備",
            items: &[item("地域主治医、訪問看護"), item("吸引器の設置、他")],
        },
        ActionSection {
            heading: "◆緊急時の対応と役割の確認",
            items: &[item("地域主治医と訪問看護間"), item("地域主治医と専門医療機関間、他")],
        },
    ],
};

/// 球麻痺 Q5 いいえ.
pub static SPEECH_ACTIONS: OutcomeBox = OutcomeBox {
    id: OutcomeId::Speech,
    title: "構音障害の症状あり",
    sections: &[ActionSection {
        heading: "", items: &[item("意思伝達手段確保についての検討・対応")]
    }],
};

/// 球麻痺 Q6 いいえ.
pub static GENERAL_ACTIONS: OutcomeBox = OutcomeBox {
    id: OutcomeId::GeneralCondition,
    title: "全身状態の変化あり",
    sections: &[ActionSection { heading: "", items: &[item("医師への連絡"), item("全身状態の精査")] }],
};

/// 球麻痺 all はい.
pub static OBSERVE: OutcomeBox = OutcomeBox { id: OutcomeId::Observe, title: "経過観察", sections: &[] };

/// Every sign of every question, with its question.
pub fn all_signs() -> impl Iterator<Item = (&'static Question, &'static Sign)> {
    RESPIRATORY_QUESTIONS.iter().chain(BULBAR_QUESTIONS.iter()).flat_map(|q| q.signs.iter().map(move |s| (q, s)))
}

/// The sign with this ID and its question.
pub fn find_sign(id: &str) -> Option<(&'static Question, &'static Sign)> {
    all_signs().find(|(_, s)| s.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn question_ids_match_their_tables() {
        for q in QuestionId::ALL {
            assert_eq!(q.def().id, q);
            assert!(q.tree().questions().iter().any(|d| d.id == q));
        }
        assert_eq!(Tree::Respiratory.questions().len(), 4);
        assert_eq!(Tree::Bulbar.questions().len(), 6);
        assert_eq!(QuestionId::B5.full_label(), "球麻痺 Q5");
    }

    #[test]
    fn sign_ids_are_unique_and_storable() {
        let mut seen = BTreeSet::new();
        for (_, s) in all_signs() {
            assert!(seen.insert(s.id), "duplicate sign id {}", s.id);
            assert!(s.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'));
        }
        // 11 + 3 + 3 + 4 on the respiratory side, 14 + 5 + 6 + 2 + 3 + 5 on the bulbar side.
        assert_eq!(seen.len(), 21 + 35);
    }

    #[test]
    fn polarity_follows_the_seed() {
        // Q1–Q3: 「はい」 = none of these; Q4: 「はい」 = some of these.
        assert_eq!(QuestionId::R1.def().problem_answer, Answer::No);
        assert_eq!(QuestionId::R3.def().problem_answer, Answer::No);
        assert_eq!(QuestionId::R4.def().problem_answer, Answer::Yes);
        for q in Tree::Bulbar.questions() {
            assert_eq!(q.problem_answer, Answer::No);
        }
        // Q6 lists good conditions: a condition that does not hold is the concern.
        assert!(QuestionId::B6.def().is_concern(Check::No));
        assert!(!QuestionId::B6.def().is_concern(Check::Yes));
        assert!(QuestionId::B1.def().is_concern(Check::Yes));
    }

    #[test]
    fn measured_items_are_the_seeds_starred_ones() {
        let starred: Vec<&str> = QuestionId::R1.def().signs.iter().filter(|s| s.measured).map(|s| s.id).collect();
        assert_eq!(
            starred,
            vec![
                sign_ids::SPO2,
                sign_ids::FUNCTION,
                sign_ids::CAPACITY,
                sign_ids::COUGH,
                sign_ids::BLOOD_GAS,
                sign_ids::CO2
            ]
        );
        assert_eq!(find_sign("b4_nose").map(|(q, _)| q.id), Some(QuestionId::B4));
        assert_eq!(find_sign("nope"), None);
    }

    #[test]
    fn action_boxes_hold_the_seeds_bullets() {
        let r = OutcomeId::RespiratoryFailure.def();
        assert_eq!(r.sections.len(), 4);
        assert_eq!(r.sections[3].items[1].text, "地域医療と専門医療機関間、他");
        let s = OutcomeId::Swallowing.def();
        assert_eq!(s.sections[0].items.len(), 6);
        assert_eq!(s.sections[3].items[1].text, "地域主治医と専門医療機関間、他");
        assert_eq!(OutcomeId::Speech.def().sections[0].items[0].text, "意思伝達手段確保についての検討・対応");
        assert_eq!(OutcomeId::Observe.def().title, "経過観察");
    }
}
