//! A small pull tokenizer for the XML parts of a workbook: tags, text and CDATA, nothing else.
//!
//! It is iterative and keeps no stack, so an element nested a million deep costs no more than
//! a million siblings. It never expands entities beyond the five predefined ones and character
//! references (a DOCTYPE is skipped, its declarations ignored), and names are matched on their
//! local part (`x:c` is `c`). Structure (matching end tags) is not checked: the readers only
//! look for the elements they know.

use std::borrow::Cow;

/// One token of the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Event<'a> {
    /// `<name …>` or `<name …/>` (`empty`).
    Start { name: &'a str, attrs: Attrs<'a>, empty: bool },
    /// `</name>`.
    End { name: &'a str },
    /// Character data as written (entities not yet replaced: see [`push_unescaped`]).
    Text(&'a str),
    /// The content of `<![CDATA[…]]>`, taken literally.
    CData(&'a str),
}

/// The attribute text of a start tag, read on demand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Attrs<'a>(&'a str);

/// Where the document stops making sense (a tag or comment that never closes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct XmlError(pub String);

/// The tokenizer over one part's text.
pub(super) struct Reader<'a> {
    src: &'a str,
    pos: usize,
}

impl<'a> Reader<'a> {
    pub(super) fn new(src: &'a str) -> Self {
        Reader { src, pos: 0 }
    }

    /// The next token, `None` at the end.
    pub(super) fn next_event(&mut self) -> Result<Option<Event<'a>>, XmlError> {
        loop {
            let rest = self.src.get(self.pos..).unwrap_or("");
            if rest.is_empty() {
                return Ok(None);
            }
            if !rest.starts_with('<') {
                let len = rest.find('<').unwrap_or(rest.len());
                self.pos += len;
                return Ok(Some(Event::Text(rest.get(..len).unwrap_or(""))));
            }
            if let Some(body) = rest.strip_prefix("<!--") {
                self.pos += 4 + until(body, "-->", self.pos, "コメント")? + 3;
            } else if let Some(body) = rest.strip_prefix("<![CDATA[") {
                let len = until(body, "]]>", self.pos, "CDATA")?;
                self.pos += 9 + len + 3;
                return Ok(Some(Event::CData(body.get(..len).unwrap_or(""))));
            } else if let Some(body) = rest.strip_prefix("<?") {
                self.pos += 2 + until(body, "?>", self.pos, "処理命令")? + 2;
            } else if rest.starts_with("<!") {
                self.pos += declaration_len(rest).ok_or_else(|| unterminated(self.pos, "宣言"))?;
            } else if let Some(body) = rest.strip_prefix("</") {
                let len = until(body, ">", self.pos, "終了タグ")?;
                self.pos += 2 + len + 1;
                return Ok(Some(Event::End { name: local_name(body.get(..len).unwrap_or("").trim()) }));
            } else {
                let len = tag_len(rest).ok_or_else(|| unterminated(self.pos, "タグ"))?;
                self.pos += len;
                let inner = rest.get(1..len - 1).unwrap_or("");
                let (inner, empty) = match inner.strip_suffix('/') {
                    Some(inner) => (inner, true),
                    None => (inner, false),
                };
                let name_len = inner.find(|c: char| c.is_ascii_whitespace()).unwrap_or(inner.len());
                let (name, attrs) = inner.split_at(name_len);
                return Ok(Some(Event::Start { name: local_name(name), attrs: Attrs(attrs), empty }));
            }
        }
    }
}

fn unterminated(at: usize, what: &str) -> XmlError {
    XmlError(format!("{at} バイト目の{what}が閉じないまま終わっています"))
}

/// The length of `body` up to `end`, or an error naming what never closed.
fn until(body: &str, end: &str, at: usize, what: &str) -> Result<usize, XmlError> {
    body.find(end).ok_or_else(|| unterminated(at, what))
}

/// The length of a start tag including `<` and `>`; `>` inside quoted values does not end it.
fn tag_len(rest: &str) -> Option<usize> {
    let mut quote = None;
    for (i, b) in rest.bytes().enumerate() {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return Some(i + 1),
            (Some(q), _) if q == b => quote = None,
            _ => {}
        }
    }
    None
}

/// The length of `<!DOCTYPE …>` with its internal subset in brackets.
fn declaration_len(rest: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, b) in rest.bytes().enumerate() {
        match b {
            b'[' => depth += 1,
            b']' => depth = depth.saturating_sub(1),
            b'>' if depth == 0 => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// `x:c` → `c`.
pub(super) fn local_name(name: &str) -> &str {
    match name.rfind(':') {
        Some(i) => name.get(i + 1..).unwrap_or(""),
        None => name,
    }
}

impl<'a> Attrs<'a> {
    /// The value of the attribute whose local name is `local` (`r:id` answers `id`), with
    /// entities replaced.
    pub(super) fn get(&self, local: &str) -> Option<Cow<'a, str>> {
        let mut rest = self.0;
        loop {
            rest = rest.trim_start();
            let eq = rest.find('=')?;
            let name = rest.get(..eq)?.trim();
            let after = rest.get(eq + 1..)?.trim_start();
            let quote = after.chars().next().filter(|&q| q == '"' || q == '\'')?;
            let body = after.get(1..)?;
            let end = body.find(quote)?;
            let raw = body.get(..end)?;
            if local_name(name) == local {
                return Some(if raw.contains('&') {
                    let mut out = String::with_capacity(raw.len());
                    push_unescaped(&mut out, raw);
                    Cow::Owned(out)
                } else {
                    Cow::Borrowed(raw)
                });
            }
            rest = body.get(end + 1..)?;
        }
    }
}

/// Appends `raw` with `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` `&#NNN;` `&#xHH;` replaced. An
/// unknown entity stays as written; a reference to no character becomes U+FFFD.
pub(super) fn push_unescaped(out: &mut String, raw: &str) {
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        let (before, from_amp) = rest.split_at(amp);
        out.push_str(before);
        // `;` within a dozen bytes (a byte scan: a slice there could split a character).
        let semi = from_amp.bytes().take(12).position(|b| b == b';');
        let replaced = semi.and_then(|semi| from_amp.get(1..semi)).and_then(entity);
        match (replaced, semi) {
            (Some(c), Some(semi)) => {
                out.push(c);
                rest = from_amp.get(semi + 1..).unwrap_or("");
            }
            _ => {
                out.push('&');
                rest = from_amp.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
}

fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse::<u32>().ok()?,
            };
            Some(char::from_u32(code).unwrap_or('\u{FFFD}'))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(src: &str) -> Vec<Event<'_>> {
        let mut r = Reader::new(src);
        let mut out = Vec::new();
        while let Some(e) = r.next_event().unwrap() {
            out.push(e);
        }
        out
    }

    #[test]
    fn tags_text_and_prefixes() {
        let ev = events(r#"<?xml version="1.0"?><!-- c --><x:c r="A1" t='s'><x:v>1 &amp; 2</x:v></x:c><br/>"#);
        assert_eq!(ev.len(), 6);
        let Event::Start { name, attrs, empty } = &ev[0] else { panic!("{ev:?}") };
        assert_eq!((*name, *empty), ("c", false));
        assert_eq!(attrs.get("r").as_deref(), Some("A1"));
        assert_eq!(attrs.get("t").as_deref(), Some("s"));
        assert_eq!(attrs.get("x"), None);
        assert_eq!(ev[2], Event::Text("1 &amp; 2"));
        assert_eq!(ev[4], Event::End { name: "c" });
        assert!(matches!(ev[5], Event::Start { name: "br", empty: true, .. }));
    }

    #[test]
    fn quoted_gt_and_cdata_and_doctype() {
        let ev = events(r#"<!DOCTYPE a [<!ENTITY x "y">]><a b="1>2"><![CDATA[<&>]]></a>"#);
        let Event::Start { attrs, .. } = &ev[0] else { panic!() };
        assert_eq!(attrs.get("b").as_deref(), Some("1>2"));
        assert_eq!(ev[1], Event::CData("<&>"));
    }

    #[test]
    fn entities() {
        let mut s = String::new();
        push_unescaped(&mut s, "&lt;a&gt; &quot;&apos; &#26481;&#x4EAC; &unknown; & &#xD800; &");
        assert_eq!(s, "<a> \"' 東京 &unknown; & \u{FFFD} &");
        let mut s = String::new();
        push_unescaped(&mut s, "&amp; <記号>&amp;記号&#x3042;");
        assert_eq!(s, "& <記号>&記号あ");
    }

    #[test]
    fn unterminated_is_an_error() {
        for src in ["<a", "<!-- x", "<a b=\">\"", "</a", "<![CDATA[x"] {
            let mut r = Reader::new(src);
            assert!(r.next_event().is_err(), "{src}");
        }
    }

    #[test]
    fn deep_nesting_is_flat() {
        let src = "<a>".repeat(100_000) + &"</a>".repeat(100_000);
        assert_eq!(events(&src).len(), 200_000);
    }
}
