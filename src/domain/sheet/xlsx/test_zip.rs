//! Test-only: a minimal zip writer (stored or deflated entries, optionally with a data
//! descriptor) and a workbook builder over hand-written XML parts.

use super::zip::crc32;

/// One entry to write: name, content, deflated?
pub(super) struct Part<'a> {
    pub name: &'a str,
    pub data: Vec<u8>,
    pub deflate: bool,
}

pub(super) fn part<'a>(name: &'a str, text: &str) -> Part<'a> {
    Part { name, data: text.as_bytes().to_vec(), deflate: true }
}

/// A zip of `parts`; with `descriptor`, sizes and CRC follow the data (flag bit 3) and the
/// local header carries zeros.
pub(super) fn zip(parts: &[Part<'_>], descriptor: bool) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for p in parts {
        let crc = crc32(&p.data);
        let body = if p.deflate { miniz_oxide::deflate::compress_to_vec(&p.data, 6) } else { p.data.clone() };
        let method: u16 = if p.deflate { 8 } else { 0 };
        let flags: u16 = if descriptor { 8 } else { 0 };
        let offset = out.len() as u32;
        let (lcrc, lc, lu) = if descriptor { (0, 0, 0) } else { (crc, body.len() as u32, p.data.len() as u32) };
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        out.extend_from_slice(&20u16.to_le_bytes());
        out.extend_from_slice(&flags.to_le_bytes());
        out.extend_from_slice(&method.to_le_bytes());
        out.extend_from_slice(&[0; 4]);
        for v in [lcrc, lc, lu] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&(p.name.len() as u16).to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(p.name.as_bytes());
        out.extend_from_slice(&body);
        if descriptor {
            out.extend_from_slice(&0x0807_4b50u32.to_le_bytes());
            for v in [crc, body.len() as u32, p.data.len() as u32] {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes());
        central.extend_from_slice(&flags.to_le_bytes());
        central.extend_from_slice(&method.to_le_bytes());
        central.extend_from_slice(&[0; 4]);
        for v in [crc, body.len() as u32, p.data.len() as u32] {
            central.extend_from_slice(&v.to_le_bytes());
        }
        central.extend_from_slice(&(p.name.len() as u16).to_le_bytes());
        central.extend_from_slice(&[0; 8]);
        central.extend_from_slice(&[0; 4]);
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(p.name.as_bytes());
    }
    let cd_offset = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&(parts.len() as u16).to_le_bytes());
    out.extend_from_slice(&(parts.len() as u16).to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&cd_offset.to_le_bytes());
    let comment = b"written by the tests";
    out.extend_from_slice(&(comment.len() as u16).to_le_bytes());
    out.extend_from_slice(comment);
    out
}

const NS: &str = r#"xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// A workbook of worksheets (name, the XML inside `<worksheet>`) and an optional shared
/// strings part (the `<si>` elements).
pub(super) fn workbook(sheets: &[(&str, &str)], shared: Option<&str>) -> Vec<u8> {
    let mut sheet_list = String::new();
    let mut rels = String::new();
    let mut sheet_xml = Vec::new();
    for (i, (name, body)) in sheets.iter().enumerate() {
        let n = i + 1;
        sheet_list += &format!(r#"<sheet name="{name}" sheetId="{n}" r:id="rId{n}"/>"#);
        rels += &format!(r#"<Relationship Id="rId{n}" Type="{REL}/worksheet" Target="worksheets/sheet{n}.xml"/>"#);
        sheet_xml.push((
            format!("xl/worksheets/sheet{n}.xml"),
            format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet {NS}>{body}</worksheet>"#),
        ));
    }
    rels += &format!(r#"<Relationship Id="rIdS" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>"#);
    let mut parts = vec![
        part(
            "_rels/.rels",
            &format!(
                r#"<Relationships><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
            ),
        ),
        part("xl/workbook.xml", &format!(r#"<workbook {NS}><sheets>{sheet_list}</sheets></workbook>"#)),
        part("xl/_rels/workbook.xml.rels", &format!("<Relationships>{rels}</Relationships>")),
    ];
    let shared_xml = shared.map(|si| format!(r#"<sst {NS}>{si}</sst>"#));
    if let Some(xml) = &shared_xml {
        parts.push(part("xl/sharedStrings.xml", xml));
    }
    for (name, xml) in &sheet_xml {
        parts.push(part(name, xml));
    }
    zip(&parts, false)
}
