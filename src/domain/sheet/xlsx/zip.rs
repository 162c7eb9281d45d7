//! The zip container of a workbook (ZIP 形式): its central directory, and entries stored
//! (method 0) or deflated (method 8), inflated with `miniz_oxide` under a size limit so that
//! a zip bomb stops at the limit instead of filling memory.
//!
//! The sizes and CRC come from the central directory, so entries written with a data
//! descriptor (flag bit 3, sizes after the data) read like any other. Zip64 and encrypted
//! entries are refused.

use super::super::SheetError;
use super::Limits;
use miniz_oxide::inflate::{decompress_to_vec_with_limit, TINFLStatus};
use std::collections::HashMap;

const EOCD_SIGNATURE: u32 = 0x0605_4b50;
const CENTRAL_SIGNATURE: u32 = 0x0201_4b50;
const LOCAL_SIGNATURE: u32 = 0x0403_4b50;
const EOCD_LEN: usize = 22;

/// One file in the archive, as the central directory describes it.
#[derive(Clone, Debug)]
struct Entry {
    name: String,
    flags: u16,
    method: u16,
    crc: u32,
    compressed: usize,
    size: usize,
    local_offset: usize,
}

/// The archive's table of contents over its bytes.
pub(super) struct Archive<'a> {
    bytes: &'a [u8],
    entries: Vec<Entry>,
    /// Normalised name (lower case, `/`) → entry.
    by_name: HashMap<String, usize>,
    /// Bytes still allowed to be inflated in this workbook.
    budget: usize,
    entry_limit: usize,
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    let s = b.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes(s.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes(s.try_into().ok()?))
}

/// A part name as looked up: OPC part names ignore case, and some tools write `\`.
fn normalise(name: &str) -> String {
    name.trim_start_matches(['/', '\\']).replace('\\', "/").to_ascii_lowercase()
}

fn broken(what: &str) -> SheetError {
    SheetError::Broken(format!("圧縮ファイルの{what}"))
}

fn zip64() -> SheetError {
    SheetError::NotSpreadsheet("Zip64 形式の圧縮ファイルには対応していません".to_string())
}

fn megabytes(bytes: usize) -> usize {
    bytes.div_ceil(1_000_000)
}

impl<'a> Archive<'a> {
    /// Reads the central directory. The caller has checked that the bytes begin like a zip.
    pub(super) fn open(bytes: &'a [u8], limits: &Limits) -> Result<Self, SheetError> {
        let eocd = find_eocd(bytes)
            .ok_or_else(|| broken("終わり（中央ディレクトリ）が見つかりません。ファイルが途中で切れています"))?;
        let count = u16_at(bytes, eocd + 10).unwrap_or(0);
        let cd_size = u32_at(bytes, eocd + 12).unwrap_or(0);
        let cd_offset = u32_at(bytes, eocd + 16).unwrap_or(0);
        if count == u16::MAX || cd_size == u32::MAX || cd_offset == u32::MAX {
            return Err(zip64());
        }
        let mut entries = Vec::with_capacity(usize::from(count));
        let mut by_name = HashMap::with_capacity(usize::from(count));
        let mut at = cd_offset as usize;
        for _ in 0..count {
            if u32_at(bytes, at) != Some(CENTRAL_SIGNATURE) {
                return Err(broken("目次（中央ディレクトリ）が壊れています"));
            }
            let field = |offset: usize| u32_at(bytes, at + offset).ok_or_else(|| broken("目次が途中で切れています"));
            let half = |offset: usize| u16_at(bytes, at + offset).ok_or_else(|| broken("目次が途中で切れています"));
            let (flags, method, crc) = (half(8)?, half(10)?, field(16)?);
            let (compressed, size, local_offset) = (field(20)?, field(24)?, field(42)?);
            if [compressed, size, local_offset].contains(&u32::MAX) {
                return Err(zip64());
            }
            let (name_len, extra_len, comment_len) =
                (usize::from(half(28)?), usize::from(half(30)?), usize::from(half(32)?));
            let name = bytes.get(at + 46..at + 46 + name_len).ok_or_else(|| broken("目次が途中で切れています"))?;
            let name = String::from_utf8_lossy(name).into_owned();
            at += 46 + name_len + extra_len + comment_len;
            if name.ends_with('/') {
                continue;
            }
            by_name.insert(normalise(&name), entries.len());
            entries.push(Entry {
                name,
                flags,
                method,
                crc,
                compressed: compressed as usize,
                size: size as usize,
                local_offset: local_offset as usize,
            });
        }
        Ok(Archive { bytes, entries, by_name, budget: limits.total_bytes, entry_limit: limits.entry_bytes })
    }

    /// Whether the archive has this part (case ignored).
    pub(super) fn contains(&self, name: &str) -> bool {
        self.by_name.contains_key(&normalise(name))
    }

    /// The part's bytes, inflated and checked (`None` when the archive has no such part).
    pub(super) fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, SheetError> {
        let Some(entry) = self.by_name.get(&normalise(name)).and_then(|&i| self.entries.get(i)) else {
            return Ok(None);
        };
        let entry = entry.clone();
        let part = &entry.name;
        if entry.flags & 1 != 0 {
            return Err(SheetError::OldOrProtected);
        }
        let limit = self.entry_limit.min(self.budget);
        let too_large = || SheetError::TooLarge(format!("{part} は展開すると {} MB を超えます", megabytes(limit)));
        if entry.size > limit {
            return Err(too_large());
        }
        let at = entry.local_offset;
        if u32_at(self.bytes, at) != Some(LOCAL_SIGNATURE) {
            return Err(SheetError::Broken(format!("{part} の見出し（ローカルヘッダ）がありません")));
        }
        let start = at
            + 30
            + usize::from(u16_at(self.bytes, at + 26).unwrap_or(0))
            + usize::from(u16_at(self.bytes, at + 28).unwrap_or(0));
        let data = start
            .checked_add(entry.compressed)
            .and_then(|end| self.bytes.get(start..end))
            .ok_or_else(|| SheetError::Broken(format!("{part} が途中で切れています")))?;
        let out = match entry.method {
            0 => data.to_vec(),
            8 => decompress_to_vec_with_limit(data, limit).map_err(|e| match e.status {
                TINFLStatus::HasMoreOutput => too_large(),
                _ => SheetError::Broken(format!("{part} の圧縮データが壊れています")),
            })?,
            m => return Err(SheetError::NotSpreadsheet(format!("{part} の圧縮方式（{m}）には対応していません"))),
        };
        if out.len() != entry.size {
            return Err(SheetError::Broken(format!("{part} の大きさが目次と合いません")));
        }
        if crc32(&out) != entry.crc {
            return Err(SheetError::Broken(format!("{part} の CRC が合いません")));
        }
        self.budget -= out.len().min(self.budget);
        Ok(Some(out))
    }
}

/// The end-of-central-directory record, searched backwards over a comment of up to 64 KiB.
fn find_eocd(bytes: &[u8]) -> Option<usize> {
    let last = bytes.len().checked_sub(EOCD_LEN)?;
    let first = last.saturating_sub(usize::from(u16::MAX));
    (first..=last).rev().find(|&at| u32_at(bytes, at) == Some(EOCD_SIGNATURE))
}

const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
            k += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
};

/// CRC-32 (the zip polynomial), table-driven.
pub(super) fn crc32(data: &[u8]) -> u32 {
    let mut c = !0u32;
    for &b in data {
        c = CRC_TABLE[((c ^ u32::from(b)) & 0xFF) as usize] ^ (c >> 8);
    }
    !c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_matches_the_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn names_ignore_case_and_backslashes() {
        assert_eq!(normalise("/XL\\Worksheets\\Sheet1.xml"), "xl/worksheets/sheet1.xml");
    }
}
