//! 読み込み前の検査: size, text encoding and nesting depth are checked on the raw bytes
//! before any JSON parser runs, then the JSON is read by a strict reader that refuses
//! duplicate keys, over-long strings and over-long arrays.
//!
//! The depth check is a plain byte scan (no recursion), so a file of 100,000 `[` cannot
//! overflow the stack.

use super::error::ImportError;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use std::fmt;

/// Largest bundle accepted, in bytes (50 MB). Checked on the byte length first.
pub const MAX_BUNDLE_BYTES: usize = 50 * 1024 * 1024;
/// Deepest nesting of `[` and `{` accepted in a file.
pub const MAX_DEPTH: usize = 64;
/// Longest string value accepted, in characters.
pub const MAX_STRING_CHARS: usize = 20_000;
/// The one key whose string value may be longer than [`MAX_STRING_CHARS`] in a bundle: the
/// `data` of a 下図 image (`base_map`, format 5), the file in base64. The body checks allow
/// the long string only there (any other `data` is held to the usual limit).
pub const LONG_DATA_KEY: &str = "data";
/// Longest `data` string: the base64 of the largest 下図 image
/// ([`crate::domain::map::records::MAX_IMAGE_BYTES`], 15 MB).
pub const MAX_DATA_CHARS: usize = crate::domain::map::records::MAX_IMAGE_BYTES.div_ceil(3) * 4;
/// Longest object key accepted, in characters.
pub const MAX_KEY_CHARS: usize = 200;
/// Most elements accepted in one JSON array (the record lists included).
pub const MAX_ARRAY_ITEMS: usize = 200_000;

/// The text of a bundle file: refuses files over `max_bytes`, empty files, UTF-16 and
/// text that is not UTF-8. A UTF-8 byte order mark (Windows メモ帳 adds one) is skipped.
pub fn decode_text(bytes: &[u8], max_bytes: usize) -> Result<&str, ImportError> {
    if bytes.len() > max_bytes {
        return Err(ImportError::file(format!(
            "ファイルが大きすぎます（{}、上限 {}）",
            show_size(bytes.len()),
            show_size(max_bytes)
        )));
    }
    if let Some(encoding) = wide_encoding(bytes) {
        return Err(ImportError::file(format!(
            "文字コードが {encoding} です。このアプリで書き出したファイルを、編集せずにそのまま選んでください"
        )));
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.valid_up_to();
            let line = bytes.get(..at).map_or(1, |b| b.iter().filter(|&&c| c == b'\n').count() + 1);
            return Err(ImportError::file(format!(
                "文字コードが UTF-8 ではありません（{line}行目、{}バイト目）。ファイルが壊れているか、別のファイルです",
                at + 1
            )));
        }
    };
    if text.trim().is_empty() {
        return Err(ImportError::file("ファイルが空です"));
    }
    Ok(text)
}

/// UTF-32 or UTF-16 text, told by its byte order mark or, without one, by the zero bytes
/// around the first (ASCII) character of a JSON file. UTF-32 is checked first: its
/// little-endian mark starts with UTF-16's.
fn wide_encoding(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0xFF, 0xFE, 0, 0, ..] | [0, 0, 0xFE, 0xFF, ..] => Some("UTF-32"),
        [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..] => Some("UTF-16"),
        [a, 0, 0, 0, ..] if *a != 0 => Some("UTF-32"),
        [0, 0, 0, a, ..] if *a != 0 => Some("UTF-32"),
        [a, 0, ..] if *a != 0 => Some("UTF-16"),
        [0, a, ..] if *a != 0 => Some("UTF-16"),
        _ => None,
    }
}

/// `12.3 MB`, `512 KB`, `80 バイト`.
pub fn show_size(bytes: usize) -> String {
    const MB: usize = 1024 * 1024;
    if bytes >= MB {
        let tenths = bytes.saturating_mul(10) / MB;
        format!("{}.{} MB", tenths / 10, tenths % 10)
    } else if bytes >= 1024 {
        format!("{} KB", bytes / 1024)
    } else {
        format!("{bytes} バイト")
    }
}

/// Refuses nesting deeper than `max_depth` (`[` and `{` outside strings), scanning bytes.
pub fn check_depth(text: &str, max_depth: usize) -> Result<(), ImportError> {
    let mut depth = 0usize;
    let mut line = 1usize;
    let mut in_string = false;
    let mut escaped = false;
    for &b in text.as_bytes() {
        if b == b'\n' {
            line += 1;
        }
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > max_depth {
                    return Err(ImportError::file(format!(
                        "入れ子が深すぎます（{max_depth}段まで、{line}行目）。このアプリで書き出したファイルではないようです"
                    )));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// Which one key's string value may be long, and how long (see [`LONG_DATA_KEY`]).
#[derive(Clone, Copy)]
struct LongKey {
    key: &'static str,
    max_chars: usize,
}

/// Reads one value strictly (see [`parse_strict`]); a string at most `max_string` characters.
#[derive(Clone, Copy)]
struct StrictSeed {
    long: LongKey,
    max_string: usize,
}

impl StrictSeed {
    /// The seed for a value inside this one: under `key` (`None` for an array element).
    fn inner(self, key: Option<&str>) -> StrictSeed {
        let max_string = if key == Some(self.long.key) { self.long.max_chars } else { MAX_STRING_CHARS };
        StrictSeed { long: self.long, max_string }
    }
}

impl<'de> DeserializeSeed<'de> for StrictSeed {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(StrictVisitor(self))
    }
}

struct StrictVisitor(StrictSeed);

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("JSON")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Number::from_f64(v).map(Value::Number).ok_or_else(|| E::custom("数値として読めない値があります"))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        check_string(v, self.0.max_string)?;
        Ok(Value::String(v.to_string()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        check_string(&v, self.0.max_string)?;
        Ok(Value::String(v))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        self.0.deserialize(d)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(v) = seq.next_element_seed(self.0.inner(None))? {
            if items.len() >= MAX_ARRAY_ITEMS {
                return Err(de::Error::custom(format!("配列の要素が多すぎます（{MAX_ARRAY_ITEMS}個まで）")));
            }
            items.push(v);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Value, A::Error> {
        let mut map = Map::new();
        while let Some(key) = access.next_key::<String>()? {
            if key.chars().count() > MAX_KEY_CHARS {
                return Err(de::Error::custom(format!("項目名が長すぎます（{MAX_KEY_CHARS}文字まで）")));
            }
            let value = access.next_value_seed(self.0.inner(Some(&key)))?;
            if map.contains_key(&key) {
                return Err(de::Error::custom(format!("項目名「{}」が重複しています", clip(&key, 40))));
            }
            map.insert(key, value);
        }
        Ok(Value::Object(map))
    }
}

fn check_string<E: de::Error>(v: &str, max: usize) -> Result<(), E> {
    // Byte length bounds the character count from above: cheap test first.
    if v.len() > max && v.chars().count() > max {
        return Err(E::custom(format!("文字列が長すぎます（{max}文字まで）")));
    }
    Ok(())
}

/// The first `max` characters of `text`, with `…` when cut.
pub fn clip(text: &str, max: usize) -> String {
    let mut out: String = text.chars().take(max).collect();
    if text.chars().nth(max).is_some() {
        out.push('…');
    }
    out
}

/// Reads JSON text into a value, refusing duplicate keys, strings over
/// [`MAX_STRING_CHARS`], keys over [`MAX_KEY_CHARS`] and arrays over [`MAX_ARRAY_ITEMS`].
/// Only the value of [`LONG_DATA_KEY`] may be longer, up to [`MAX_DATA_CHARS`].
/// Call [`check_depth`] first: the reader recurses once per nesting level.
pub fn parse_strict(text: &str) -> Result<Value, ImportError> {
    parse_strict_with_long(text, LONG_DATA_KEY, MAX_DATA_CHARS)
}

/// [`parse_strict`], with the string under `key` (wherever it is) allowed up to `max_chars`
/// characters instead (the envelope's `ciphertext`).
pub fn parse_strict_with_long(text: &str, key: &'static str, max_chars: usize) -> Result<Value, ImportError> {
    let seed = StrictSeed { long: LongKey { key, max_chars }, max_string: MAX_STRING_CHARS };
    let mut reader = serde_json::Deserializer::from_str(text);
    seed.deserialize(&mut reader)
        .and_then(|value| reader.end().map(|()| value))
        .map_err(|e| ImportError::file(json_error_message(&e)))
}

/// A Japanese message for a JSON reading error, with its line and column.
pub fn json_error_message(e: &serde_json::Error) -> String {
    let (line, column) = (e.line(), e.column());
    let text = e.to_string();
    let bare = text.strip_suffix(&format!(" at line {line} column {column}")).unwrap_or(&text);
    match e.classify() {
        serde_json::error::Category::Eof => {
            format!("ファイルが途中で切れています（{line}行目）。保存が途中で止まったか、ファイルが壊れています")
        }
        serde_json::error::Category::Syntax if bare.starts_with("number out of range") => {
            format!("数値が大きすぎます（{line}行{column}文字目）")
        }
        serde_json::error::Category::Syntax => {
            format!("JSON の書き方に誤りがあります（{line}行{column}文字目）。ファイルが壊れているか、別のファイルです")
        }
        serde_json::error::Category::Data if !bare.is_ascii() => format!("{bare}（{line}行{column}文字目）"),
        _ => format!("ファイルを読み取れません（{line}行{column}文字目）"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(r: Result<impl fmt::Debug, ImportError>) -> String {
        r.expect_err("refused").to_string()
    }

    #[test]
    fn size_is_checked_on_the_byte_length() {
        let m = msg(decode_text(&[b' '; 11], 10));
        assert!(m.contains("ファイルが大きすぎます"), "{m}");
        assert!(m.contains("上限 10 バイト"), "{m}");
        assert_eq!(show_size(50 * 1024 * 1024), "50.0 MB");
    }

    #[test]
    fn encodings() {
        assert_eq!(decode_text(b"\xEF\xBB\xBF{}", 100).ok(), Some("{}"));
        assert!(msg(decode_text(b"\xFF\xFE{\x00", 100)).contains("UTF-16"));
        // Issue 12: UTF-32 was called UTF-16.
        assert!(msg(decode_text(b"\xFF\xFE\x00\x00{\x00\x00\x00", 100)).contains("文字コードが UTF-32 です"));
        assert!(msg(decode_text(b"\x00\x00\xFE\xFF\x00\x00\x00{", 100)).contains("UTF-32"));
        assert!(msg(decode_text(b"{\x00\x00\x00}\x00\x00\x00", 100)).contains("UTF-32"));
        assert!(msg(decode_text(b"{\x00}\x00", 100)).contains("UTF-16"));
        assert!(msg(decode_text(b"\x00{\x00}", 100)).contains("UTF-16"));
        let m = msg(decode_text(b"{\n\"a\": \"\xE3\x81\"}", 100));
        assert!(m.contains("UTF-8 ではありません（2行目"), "{m}");
        assert!(msg(decode_text(b"  \n", 100)).contains("空です"));
        assert!(msg(decode_text(b"", 100)).contains("空です"));
    }

    #[test]
    fn depth_is_counted_outside_strings_only() {
        assert!(check_depth("[[[]]]", 3).is_ok());
        assert!(msg(check_depth("[[[[]]]]", 3)).contains("入れ子が深すぎます（3段まで"));
        assert!(check_depth(r#"["[[[[[[", "\"[[[["]"#, 2).is_ok());
        let deep = "[".repeat(100_000);
        assert!(msg(check_depth(&deep, MAX_DEPTH)).contains("64段まで"));
    }

    #[test]
    fn strict_reader_refuses_duplicates_and_long_strings() {
        let m = msg(parse_strict(r#"{"a": 1, "a": 2}"#));
        assert!(m.contains("項目名「a」が重複しています（1行"), "{m}");
        let long = format!("[\"{}\"]", "あ".repeat(MAX_STRING_CHARS + 1));
        assert!(msg(parse_strict(&long)).contains("文字列が長すぎます"));
        let ok = format!("[\"{}\"]", "あ".repeat(MAX_STRING_CHARS));
        assert!(parse_strict(&ok).is_ok());
        // A 下図 image's `data` may be longer (base64 of up to 15 MB), nothing else.
        let image = "A".repeat(MAX_STRING_CHARS * 3);
        assert!(parse_strict(&format!(r#"{{"records": [{{"body": {{"data": "{image}"}}}}]}}"#)).is_ok());
        let m = msg(parse_strict(&format!(r#"{{"body": {{"data": ["{image}"]}}}}"#)));
        assert!(m.contains("20000文字まで"), "only the string right under the key: {m}");
        assert!(msg(parse_strict(&format!(r#"{{"notes": "{image}"}}"#))).contains("20000文字まで"));
        let m = msg(parse_strict(&format!(r#"{{"data": "{}"}}"#, "A".repeat(MAX_DATA_CHARS + 1))));
        assert!(m.contains(&format!("{MAX_DATA_CHARS}文字まで")), "{m}");
        assert!(msg(parse_strict("[1, 2")).contains("途中で切れています"));
        assert!(msg(parse_strict("[1e400]")).contains("数値が大きすぎます"));
        assert!(msg(parse_strict("[NaN]")).contains("JSON の書き方に誤り"));
        assert!(msg(parse_strict("{} x")).contains("JSON の書き方に誤り"));
        assert_eq!(
            parse_strict(r#"{"b": [true, null, -1, 2.5, "x"]}"#).ok(),
            Some(serde_json::json!({"b": [true, null, -1, 2.5, "x"]}))
        );
    }
}
