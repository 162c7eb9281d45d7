//! Charts drawn with plotters-canvas, crisp on high-DPI screens and on paper: the canvas's
//! pixel size is its CSS size × max(devicePixelRatio, 2) (plotters-canvas does not scale by
//! itself), and every length and font size below is multiplied by that factor. Every chart
//! has a text table beside it, for screen readers and for copying. The data comes prepared
//! from the domain; this module only draws.

use crate::ui::platform::after_next_paint;
use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_canvas::CanvasBackend;

/// One series of a chart (e.g. 令和7年度).
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub name: String,
    /// One value per category; `None` is drawn as nothing and shown as `-`.
    pub values: Vec<Option<f64>>,
    /// The values as the table shows them (e.g. `12.5％（2人）`, `-`).
    pub shown: Vec<String>,
}

/// A horizontal bar chart's data.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct BarData {
    pub categories: Vec<String>,
    pub series: Vec<Series>,
    /// The axis maximum (100 for percentages); `None` = from the data.
    pub max: Option<f64>,
    /// Unit for the axis and the value labels (`%`, `人`).
    pub unit: String,
}

/// Series colours: last year grey, this year the brand blue (the last series is this year).
const COLORS: [RGBColor; 4] =
    [RGBColor(140, 149, 159), RGBColor(31, 95, 139), RGBColor(242, 193, 78), RGBColor(26, 127, 55)];
const INK: RGBColor = RGBColor(27, 31, 35);
const GRID: RGBColor = RGBColor(225, 229, 234);
const FONT: &str = "sans-serif";

fn color_of(series: usize, count: usize) -> RGBColor {
    // With one series it is this year's colour; with two, last year grey then this year blue.
    let offset = if count <= 1 { 1 } else { 0 };
    COLORS[(series + offset) % COLORS.len()]
}

fn scale() -> f64 {
    web_sys::window().map(|w| w.device_pixel_ratio()).unwrap_or(1.0).max(2.0)
}

fn value_label(v: Option<f64>, unit: &str) -> String {
    match v {
        Some(v) => format!("{v:.1}{unit}"),
        None => "-".to_string(),
    }
}

/// Width of a text in pixels, estimated from its characters (full-width ones are one em,
/// others about half). plotters' own measurement puts a `style` attribute on a probe element,
/// which the Content-Security-Policy forbids, so it is never called: every text is drawn by
/// the canvas itself with its anchor.
fn text_width(text: &str, font_px: f64) -> u32 {
    let ems: f64 = text.chars().map(|c| if c.is_ascii() { 0.6 } else { 1.0 }).sum();
    (ems * font_px).ceil() as u32
}

/// The canvas's width on screen in CSS pixels (reading it lays the page out).
fn measured_width(canvas: &web_sys::HtmlCanvasElement) -> f64 {
    f64::from(canvas.client_width().max(320))
}

/// Draws the chart `css_w` CSS pixels wide.
fn draw(canvas: &web_sys::HtmlCanvasElement, data: &BarData, css_w: f64) {
    let rows = data.categories.len().max(1);
    let groups = data.series.len().max(1);
    let per_row = 12.0 + 17.0 * groups as f64;
    let legend_h = if data.series.len() > 1 { 26.0 } else { 0.0 };
    let css_h = per_row * rows as f64 + 34.0 + legend_h;
    let k = scale();
    let px = |css: f64| (css * k).round() as u32;
    let pxi = |css: f64| (css * k).round() as i32;
    canvas.set_width(px(css_w));
    canvas.set_height(px(css_h));
    // The CSS gives the canvas `width: 100%; height: auto`, so its displayed height follows
    // from these pixel dimensions (no style attribute needed).
    let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) else { return };
    let root = backend.into_drawing_area();
    let _ = root.fill(&WHITE);
    let font_px = 12.5 * k;
    let text = |color: RGBColor, h: HPos, v: VPos| (FONT, font_px).into_font().color(&color).pos(Pos::new(h, v));

    // Legend (only to tell the years apart).
    let (legend, plot) = root.split_vertically(px(legend_h));
    if data.series.len() > 1 {
        let mut x = pxi(8.0);
        let y = pxi(legend_h / 2.0);
        for (j, s) in data.series.iter().enumerate() {
            let c = color_of(j, data.series.len());
            let _ = legend.draw(&Rectangle::new([(x, y - pxi(6.0)), (x + pxi(14.0), y + pxi(6.0))], c.filled()));
            let _ = legend.draw(&Text::new(s.name.clone(), (x + pxi(20.0), y), text(INK, HPos::Left, VPos::Center)));
            x += pxi(20.0) + text_width(&s.name, font_px) as i32 + pxi(24.0);
        }
    }

    let max = data
        .max
        .unwrap_or_else(|| {
            data.series.iter().flat_map(|s| s.values.iter().flatten()).fold(0.0_f64, |a, &b| a.max(b)) * 1.1
        })
        .max(1.0);
    let label_w = data.categories.iter().map(|c| text_width(c, font_px)).max().unwrap_or(0) + px(14.0);
    let value_w = text_width(&format!("100.0{}", data.unit), font_px) + px(10.0);
    let n = data.categories.len() as f64;
    let chart = ChartBuilder::on(&plot)
        .margin_top(px(6.0))
        .margin_left(px(4.0))
        .margin_right(value_w)
        .margin_bottom(px(2.0))
        .x_label_area_size(px(22.0))
        .y_label_area_size(label_w)
        .build_cartesian_2d(0.0..max, 0.0..n.max(1.0));
    let Ok(mut chart) = chart else { return };

    // Grid and the axis at 0, 20, …, 100 (or five steps of the data's range), drawn here.
    let step = if data.max == Some(100.0) { 20.0 } else { (max / 5.0).max(1.0).ceil() };
    let mut x = 0.0;
    while x <= max + 1e-9 {
        let (gx, top) = chart.backend_coord(&(x, n.max(1.0)));
        let (_, bottom) = chart.backend_coord(&(x, 0.0));
        let line = if x == 0.0 { INK.stroke_width(px(1.0)) } else { GRID.stroke_width(px(1.0)) };
        let _ = root.draw(&PathElement::new(vec![(gx, top), (gx, bottom)], line));
        let _ = root.draw(&Text::new(
            format!("{x:.0}{}", data.unit),
            (gx, bottom + pxi(5.0)),
            text(INK, HPos::Center, VPos::Top),
        ));
        x += step;
    }
    let (left, bottom) = chart.backend_coord(&(0.0, 0.0));
    let (right, _) = chart.backend_coord(&(max, 0.0));
    let _ = root.draw(&PathElement::new(vec![(left, bottom), (right, bottom)], INK.stroke_width(px(1.0))));

    // Category names, right-aligned beside each row.
    for (i, c) in data.categories.iter().enumerate() {
        let (x, y) = chart.backend_coord(&(0.0, n - i as f64 - 0.5));
        let _ = root.draw(&Text::new(c.clone(), (x - pxi(8.0), y), text(INK, HPos::Right, VPos::Center)));
    }
    let band = 0.8 / groups as f64;
    for (j, series) in data.series.iter().enumerate() {
        let color = color_of(j, data.series.len());
        for (i, v) in series.values.iter().enumerate() {
            let top = n - i as f64 - 0.1 - band * j as f64;
            let bottom = top - band * 0.88;
            if let Some(v) = v {
                let _ = chart.draw_series(std::iter::once(Rectangle::new([(0.0, bottom), (*v, top)], color.filled())));
            }
            // The value at the end of the bar (`-` when it cannot be computed).
            let (x, y) = chart.backend_coord(&(v.unwrap_or(0.0), (top + bottom) / 2.0));
            let _ = root.draw(&Text::new(
                value_label(*v, &data.unit),
                (x + pxi(4.0), y),
                text(INK, HPos::Left, VPos::Center),
            ));
        }
    }
    let _ = root.present();
}

/// A horizontal bar chart with its data table. `testid` names it for tests.
#[component]
pub fn BarChart(
    #[prop(into)] title: Signal<String>,
    #[prop(into)] data: Signal<BarData>,
    #[prop(optional)] testid: &'static str,
) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    // The width it was last drawn at: new data is drawn at the same width without reading the
    // layout (which would lay out the whole page in the middle of an update); the width is
    // measured again only on the first drawing, a resize and printing.
    let width = StoredValue::new(None::<f64>);
    // Drawing on a canvas is synchronising with something outside the reactive system,
    // which is what effects are for; no signal is written here. `data` is a memo: the chart
    // is drawn again only when its bars changed. The first picture is drawn at once; a new
    // one after the next paint (the tables' numbers show first), the latest data only.
    let queued = StoredValue::new(false);
    Effect::new(move |drawn: Option<bool>| {
        data.track();
        let el = canvas.get();
        if drawn != Some(true) {
            // The first picture (as soon as the canvas is there).
            let Some(el) = el else { return false };
            let w = measured_width(&el);
            width.set_value(Some(w));
            data.with_untracked(|d| draw(&el, d, w));
        } else if !queued.get_value() {
            queued.set_value(true);
            after_next_paint(move || {
                if queued.try_set_value(false).is_some() {
                    return; // the chart is gone
                }
                let Some(el) = canvas.try_get_untracked().flatten() else { return };
                let w = width.try_get_value().flatten().unwrap_or_else(|| measured_width(&el));
                data.try_with_untracked(|d| draw(&el, d, w));
            });
        }
        true
    });
    let redraw = move || {
        if let Some(el) = canvas.get_untracked() {
            let w = measured_width(&el);
            width.set_value(Some(w));
            data.with_untracked(|d| draw(&el, d, w));
        }
    };
    let resize = window_event_listener(leptos::ev::resize, move |_| redraw());
    // Paper is narrower than the screen: draw again at the printed width, and back after.
    let before = window_event_listener_untyped("beforeprint", move |_| redraw());
    let after = window_event_listener_untyped("afterprint", move |_| redraw());
    on_cleanup(move || {
        resize.remove();
        before.remove();
        after.remove();
    });
    // The table's shape (its rows and columns) changes only with the categories or the
    // number of series; each cell follows its own value.
    let names = Memo::new(move |_| data.with(|d| d.series.iter().map(|s| s.name.clone()).collect::<Vec<_>>()));
    let rows = Memo::new(move |_| data.with(|d| (d.categories.clone(), d.series.len())));
    view! {
        <figure class="chart" data-testid=testid>
            <figcaption>{move || title.get()}</figcaption>
            <div class="chart-body">
                <canvas node_ref=canvas role="img" aria-label=move || title.get()></canvas>
                <table class="list chart-table">
                    <caption class="visually-hidden">{move || title.get()}</caption>
                    <thead>
                        <tr>
                            <th scope="col">"項目"</th>
                            {move || names.get().into_iter().map(|name| view! { <th scope="col" class="num">{name}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            let (categories, series) = rows.get();
                            categories
                                .into_iter()
                                .enumerate()
                                .map(|(i, c)| {
                                    let cells = (0..series)
                                        .map(|j| {
                                            let shown = move || {
                                                data.with(|d| {
                                                    d.series.get(j).and_then(|s| s.shown.get(i)).cloned().unwrap_or_else(|| "-".to_string())
                                                })
                                            };
                                            view! { <td class="num">{shown}</td> }
                                        })
                                        .collect_view();
                                    view! { <tr><th scope="row">{c}</th>{cells}</tr> }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </div>
        </figure>
    }
}
