//! 下図の画像: a file the nurse picks as the base map is taken only when its bytes are a PNG
//! or a JPEG (its name and claimed type are not trusted), within 15 MB, with its size in
//! pixels read from the file itself. SVG is refused: it can carry scripts and links, and the
//! map must show nothing it would run.

use super::records::{BaseMap, MAX_IMAGE_BYTES};

/// `image/png` or `image/jpeg` when the bytes start like one.
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
        Some("image/png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else {
        None
    }
}

/// Width and height (pixels) written in a PNG's IHDR or a JPEG's frame header.
pub fn dimensions(bytes: &[u8]) -> Option<(u32, u32)> {
    let be16 = |at: usize| -> Option<u32> { Some(u32::from(*bytes.get(at)?) << 8 | u32::from(*bytes.get(at + 1)?)) };
    match sniff(bytes)? {
        "image/png" => {
            let w = u32::from_be_bytes(bytes.get(16..20)?.try_into().ok()?);
            let h = u32::from_be_bytes(bytes.get(20..24)?.try_into().ok()?);
            Some((w, h))
        }
        _ => {
            let mut at = 2;
            while at + 9 < bytes.len() {
                if bytes[at] != 0xFF {
                    return None;
                }
                let marker = bytes[at + 1];
                if marker == 0xFF {
                    at += 1;
                    continue;
                }
                let len = be16(at + 2)? as usize;
                let frame = (0xC0..=0xCF).contains(&marker) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
                if frame {
                    return Some((be16(at + 7)?, be16(at + 5)?));
                }
                at += 2 + len;
            }
            None
        }
    }
}

/// An image file made into a base map, or a message naming the file and what is wrong.
pub fn read_image(file_name: &str, bytes: &[u8]) -> Result<BaseMap, String> {
    if bytes.len() > MAX_IMAGE_BYTES {
        return Err(format!(
            "{file_name}: {:.1} MB あります。下図の画像は 15 MB までです（縮小して保存し直してください）",
            bytes.len() as f64 / 1_048_576.0
        ));
    }
    let lower = file_name.to_lowercase();
    let mime = match sniff(bytes) {
        Some(m) => m,
        None if lower.ends_with(".svg") || bytes.starts_with(b"<") => {
            return Err(format!(
                "{file_name}: SVG は下図に使えません（中で何かを動かせるため）。PNG か JPEG で保存してください"
            ))
        }
        None => return Err(format!("{file_name}: PNG・JPEG の画像ではありません")),
    };
    let (width, height) = dimensions(bytes)
        .filter(|&(w, h)| (1..=20_000).contains(&w) && (1..=20_000).contains(&h))
        .ok_or_else(|| format!("{file_name}: 画像の大きさ（幅・高さ）が読めません。壊れているかもしれません"))?;
    Ok(BaseMap::Image {
        file_name: file_name.chars().take(200).collect(),
        mime: mime.to_string(),
        width,
        height,
        data: crate::domain::bundle::base64::encode(bytes),
    })
}

#[cfg(test)]
pub mod tests {
    use super::*;

    /// A PNG header of `w` × `h` (IHDR only: enough for reading the size).
    pub fn png(w: u32, h: u32) -> Vec<u8> {
        let mut b = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, b'I', b'H', b'D', b'R'];
        b.extend(w.to_be_bytes());
        b.extend(h.to_be_bytes());
        b.extend([8, 6, 0, 0, 0, 0, 0, 0, 0]);
        b
    }

    #[test]
    fn a_png_is_read_with_its_size() {
        let Ok(BaseMap::Image { mime, width, height, .. }) = read_image("map.png", &png(640, 480)) else {
            panic!("read")
        };
        assert_eq!((mime.as_str(), width, height), ("image/png", 640, 480));
    }

    #[test]
    fn a_jpeg_size_comes_from_its_frame_header() {
        // SOI, APP0 (length 16), SOF0: length 17, precision 8, height 0x0190 (400), width 0x0258 (600).
        let mut b = vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 16];
        b.extend([0u8; 14]);
        b.extend([0xFF, 0xC0, 0, 17, 8, 0x01, 0x90, 0x02, 0x58, 3]);
        b.extend([0u8; 9]);
        assert_eq!(dimensions(&b), Some((600, 400)));
        assert!(read_image("scan.jpg", &b).is_ok());
    }

    #[test]
    fn svg_text_and_a_png_named_otherwise_are_judged_by_their_bytes() {
        let svg = read_image("map.svg", b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script/></svg>").unwrap_err();
        assert!(svg.contains("map.svg") && svg.contains("SVG は下図に使えません"), "{svg}");
        let text = read_image("map.png", b"hello").unwrap_err();
        assert!(text.contains("map.png: PNG・JPEG の画像ではありません"), "{text}");
        assert!(read_image("photo.jpeg", &png(10, 10)).is_ok(), "a PNG with another name is still a PNG");
    }

    #[test]
    fn a_broken_or_huge_image_is_refused_naming_the_file() {
        let broken = read_image("cut.png", &png(10, 10)[..18]).unwrap_err();
        assert!(broken.contains("cut.png: 画像の大きさ"), "{broken}");
        let zero = read_image("zero.png", &png(0, 10)).unwrap_err();
        assert!(zero.contains("zero.png"), "{zero}");
        let mut big = png(10, 10);
        big.resize(MAX_IMAGE_BYTES + 1, 0);
        let e = read_image("big.png", &big).unwrap_err();
        assert!(e.contains("big.png: 15.0 MB") && e.contains("15 MB まで"), "{e}");
    }

    #[test]
    fn a_read_image_passes_its_own_record_check() {
        let base = read_image("map.png", &png(300, 200)).unwrap();
        assert!(base.problems().is_empty(), "{:?}", base.problems());
        let BaseMap::Image { file_name, width, height, .. } = base else { panic!() };
        let lying = BaseMap::Image { file_name, mime: "image/jpeg".into(), width, height, data: "iVBORw0KGgo=".into() };
        assert!(lying.problems().iter().any(|(p, _)| p == "data"));
    }
}
