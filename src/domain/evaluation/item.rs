//! One row of 様式4 as the nurse judges it: the レベル A–D and the 課題.

use serde::{Deserialize, Serialize};

/// レベル (課題の達成度): A 確保できている … D 確保できていない.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Level {
    /// A 確保できている
    A,
    /// B 概ね確保できている
    B,
    /// C あまり確保できていない
    C,
    /// D 確保できていない
    D,
}

impl Level {
    pub const ALL: [Level; 4] = [Level::A, Level::B, Level::C, Level::D];

    /// `A` … `D`.
    pub fn letter(self) -> &'static str {
        match self {
            Level::A => "A",
            Level::B => "B",
            Level::C => "C",
            Level::D => "D",
        }
    }

    /// 確保できている … 確保できていない.
    pub fn description(self) -> &'static str {
        match self {
            Level::A => "確保できている",
            Level::B => "概ね確保できている",
            Level::C => "あまり確保できていない",
            Level::D => "確保できていない",
        }
    }

    /// `A 確保できている`.
    pub fn label(self) -> &'static str {
        match self {
            Level::A => "A 確保できている",
            Level::B => "B 概ね確保できている",
            Level::C => "C あまり確保できていない",
            Level::D => "D 確保できていない",
        }
    }

    /// Reads `A`–`D` (also lower case and full-width `Ａ`–`Ｄ`, as pasted from the workbook).
    pub fn from_letter(text: &str) -> Option<Level> {
        match text.trim() {
            "A" | "a" | "Ａ" | "ａ" => Some(Level::A),
            "B" | "b" | "Ｂ" | "ｂ" => Some(Level::B),
            "C" | "c" | "Ｃ" | "ｃ" => Some(Level::C),
            "D" | "d" | "Ｄ" | "ｄ" => Some(Level::D),
            _ => None,
        }
    }
}

/// レベル choices for a select, in this order: 未入力, A, B, C, D.
pub const LEVEL_CHOICES: [(Option<Level>, &str); 5] = [
    (None, "未入力"),
    (Some(Level::A), "A 確保できている"),
    (Some(Level::B), "B 概ね確保できている"),
    (Some(Level::C), "C あまり確保できていない"),
    (Some(Level::D), "D 確保できていない"),
];

/// One row of 様式4: レベル and 課題.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ItemEvaluation {
    /// レベル (未入力 = `None`)
    pub level: Option<Level>,
    /// 課題
    pub issue: String,
}
