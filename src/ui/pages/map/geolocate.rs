//! 現在地: the tablet's position from `navigator.geolocation` (its GPS works offline).

use crate::domain::map::geo::LatLon;
use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// The current position, or a Japanese message saying why there is none.
pub async fn current_position() -> Result<LatLon, String> {
    let geo = web_sys::window()
        .and_then(|w| w.navigator().geolocation().ok())
        .ok_or_else(|| "この端末では現在地を使えません".to_string())?;
    let mut settle: Option<(Function, Function)> = None;
    let promise = Promise::new(&mut |resolve, reject| settle = Some((resolve, reject)));
    let (resolve, reject) = settle.ok_or_else(|| "現在地を調べられませんでした".to_string())?;
    let options = web_sys::PositionOptions::new();
    options.set_enable_high_accuracy(true);
    options.set_timeout(20_000);
    options.set_maximum_age(60_000);
    geo.get_current_position_with_error_callback_and_options(&resolve, Some(&reject), &options)
        .map_err(|_| "現在地を調べられませんでした".to_string())?;
    let position = JsFuture::from(promise).await.map_err(|e| {
        let code = Reflect::get(&e, &"code".into()).ok().and_then(|c| c.as_f64()).unwrap_or(0.0);
        match code as u32 {
            1 => "現在地の利用が許可されていません。ブラウザーの設定で位置情報を許可してください".to_string(),
            3 => "現在地がわかりませんでした（時間切れ）。屋外か窓の近くでもう一度試してください".to_string(),
            _ => "現在地がわかりませんでした。もう一度試してください".to_string(),
        }
    })?;
    let coords = Reflect::get(&position, &"coords".into()).map_err(|_| "現在地が読み取れませんでした".to_string())?;
    let number = |name: &str| Reflect::get(&coords, &JsValue::from_str(name)).ok().and_then(|v| v.as_f64());
    match (number("latitude"), number("longitude")) {
        (Some(lat), Some(lon)) => LatLon::new(lat, lon).ok_or_else(|| "現在地の緯度・経度が範囲外です".to_string()),
        _ => Err("現在地が読み取れませんでした".to_string()),
    }
}
