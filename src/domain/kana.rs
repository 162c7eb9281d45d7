//! ふりがな: what a reading may hold, and the 五十音順 (the order of the Japanese syllabary)
//! that names sort by.
//!
//! The order follows the usual dictionary rule (as JIS X 4061 does): first compare the
//! readings with 濁点・半濁点 removed, small kana as large and 長音「ー」 as the vowel before it
//! (so かとう, がとう and カトウ sit together); then the readings as written (か before が,
//! ひ before び before ぴ). Katakana and half-width katakana read as hiragana.

use crate::domain::forms::input::fold_width;
use std::cmp::Ordering;

/// The characters a ふりがな may hold: hiragana, katakana (full or half width), 「ー」, 「・」
/// and spaces. `Err` names the first other character.
pub fn check_reading(text: &str) -> Result<(), char> {
    match text.chars().find(|&c| !is_reading_char(c)) {
        Some(c) => Err(c),
        None => Ok(()),
    }
}

fn is_reading_char(c: char) -> bool {
    matches!(c,
        '\u{3041}'..='\u{3096}' // ひらがな
        | '\u{309D}'..='\u{309E}' // ゝゞ
        | '\u{30A1}'..='\u{30FA}' // カタカナ
        | '\u{30FB}'..='\u{30FE}' // ・ーヽヾ
        | '\u{FF65}'..='\u{FF9F}' // 半角カナ
        | ' ' | '\u{3000}')
}

/// The text with katakana (full or half width) as hiragana, spaces and 「・」 removed; ASCII
/// letters lower case (as [`fold_width`] does). Other characters (kanji) stay as they are.
pub fn to_hiragana(text: &str) -> String {
    fold_width(text)
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{3000}' | '・'))
        .map(|c| match c {
            '\u{30A1}'..='\u{30F6}' | '\u{30FD}'..='\u{30FE}' => char::from_u32(c as u32 - 0x60).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Small kana as large, voiced as voiceless (hiragana in, hiragana out).
fn plain(c: char) -> char {
    const SMALL: [(char, char); 12] = [
        ('ぁ', 'あ'),
        ('ぃ', 'い'),
        ('ぅ', 'う'),
        ('ぇ', 'え'),
        ('ぉ', 'お'),
        ('っ', 'つ'),
        ('ゃ', 'や'),
        ('ゅ', 'ゆ'),
        ('ょ', 'よ'),
        ('ゎ', 'わ'),
        ('ゕ', 'か'),
        ('ゖ', 'け'),
    ];
    if let Some((_, large)) = SMALL.iter().find(|(s, _)| *s == c) {
        return *large;
    }
    match c {
        'ゔ' => 'う',
        'ゞ' => 'ゝ',
        // が–ぢ, づ–ど: the voiced kana follow their voiceless one (か が き ぎ …).
        'が' | 'ぎ' | 'ぐ' | 'げ' | 'ご' | 'ざ' | 'じ' | 'ず' | 'ぜ' | 'ぞ' | 'だ' | 'ぢ' | 'づ' | 'で' | 'ど' => {
            char::from_u32(c as u32 - 1).unwrap_or(c)
        }
        // ば ぱ: は+1, は+2 (and so on for ひ ふ へ ほ).
        'ば' | 'び' | 'ぶ' | 'べ' | 'ぼ' => char::from_u32(c as u32 - 1).unwrap_or(c),
        'ぱ' | 'ぴ' | 'ぷ' | 'ぺ' | 'ぽ' => char::from_u32(c as u32 - 2).unwrap_or(c),
        _ => c,
    }
}

/// The vowel (あいうえお) a plain kana ends in, for 「ー」.
fn vowel_of(c: char) -> Option<char> {
    const ROWS: [(char, &str); 5] = [
        ('あ', "あかさたなはまやらわ"),
        ('い', "いきしちにひみりゐ"),
        ('う', "うくすつぬふむゆる"),
        ('え', "えけせてねへめれゑ"),
        ('お', "おこそとのほもよろを"),
    ];
    ROWS.iter().find(|(_, row)| row.contains(c)).map(|(v, _)| *v)
}

/// The key a reading sorts by: (the reading with marks and sizes levelled, the reading as
/// written, in hiragana). Compare keys as tuples.
pub fn gojuon_key(text: &str) -> (String, String) {
    let written = to_hiragana(text);
    let mut primary = String::with_capacity(written.len());
    let mut previous: Option<char> = None;
    for c in written.chars() {
        let p = match c {
            'ー' => previous.and_then(vowel_of).unwrap_or(c),
            'ゝ' => previous.unwrap_or(c),
            _ => plain(c),
        };
        primary.push(p);
        previous = Some(p);
    }
    (primary, written)
}

/// 五十音順 of two readings (see [`gojuon_key`]).
pub fn gojuon_cmp(a: &str, b: &str) -> Ordering {
    gojuon_key(a).cmp(&gojuon_key(b))
}

/// Does `text` contain `query`, reading katakana as hiragana and ignoring width and spaces?
pub fn contains_reading(text: &str, query: &str) -> bool {
    to_hiragana(text).contains(&to_hiragana(query))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(names: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        v.sort_by(|a, b| gojuon_cmp(a, b));
        v
    }

    #[test]
    fn readings_hold_kana_only() {
        assert_eq!(check_reading("やまだ たろう"), Ok(()));
        assert_eq!(check_reading("ヤマダ　タロウ"), Ok(()));
        assert_eq!(check_reading("ﾔﾏﾀﾞ ﾀﾛｳ"), Ok(()));
        assert_eq!(check_reading("すずき・まりー"), Ok(()));
        assert_eq!(check_reading("山田"), Err('山'));
        assert_eq!(check_reading("yamada"), Err('y'));
        assert_eq!(check_reading("やまだ1"), Err('1'));
    }

    #[test]
    fn katakana_and_half_width_read_as_hiragana() {
        assert_eq!(to_hiragana("ヤマダ　タロウ"), "やまだたろう");
        assert_eq!(to_hiragana("ﾔﾏﾀﾞ ﾀﾛｳ"), "やまだたろう");
        assert_eq!(to_hiragana("ヴィ"), "ゔぃ");
        assert_eq!(to_hiragana("山田"), "山田");
    }

    /// Hand-made from a Japanese dictionary's order: voiceless before voiced before
    /// half-voiced at the same place, and the same place wins over the marks.
    #[test]
    fn the_dictionary_order() {
        assert_eq!(
            sorted(&["はなこ", "ばば", "ぱく", "はば", "いとう", "あべ", "かとう", "がもう", "かどう"]),
            ["あべ", "いとう", "かとう", "かどう", "がもう", "ぱく", "はなこ", "はば", "ばば"].map(str::to_string)
        );
        // ぱく levels to はく, so it comes before はなこ; はば and ばば level alike and
        // are then taken as written (は < ば < ぱ).
        assert_eq!(sorted(&["ぱぱ", "はは", "ばば"]), ["はは", "ばば", "ぱぱ"].map(str::to_string));
        // Small kana as large: きょう (きよう) before きよし (きよし): う < し.
        assert_eq!(sorted(&["きよし", "きょう"]), ["きょう", "きよし"].map(str::to_string));
    }

    #[test]
    fn the_long_vowel_mark_is_the_vowel_before_it() {
        // まーく reads まあく: after まあ (まあ < まあく) and before まい.
        assert_eq!(gojuon_key("マーク").0, "まあく");
        assert_eq!(sorted(&["まい", "マーク", "まあ"]), ["まあ", "マーク", "まい"].map(str::to_string));
        assert_eq!(gojuon_key("ルーシー").0, "るうしい");
    }

    #[test]
    fn katakana_sorts_with_hiragana() {
        assert_eq!(sorted(&["サトウ", "いとう", "すずき"]), ["いとう", "サトウ", "すずき"].map(str::to_string));
        assert_eq!(gojuon_cmp("サトウ", "さとう"), Ordering::Equal);
    }

    #[test]
    fn search_reads_kana_either_way() {
        assert!(contains_reading("やまだ たろう", "ヤマダ"));
        assert!(contains_reading("ヤマダ　タロウ", "だた"));
        assert!(!contains_reading("やまだ", "やまざき"));
    }
}
