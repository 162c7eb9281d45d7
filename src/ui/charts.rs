//! Charts drawn with plotters-canvas, crisp on high-DPI screens and on paper: the canvas's
//! pixel size is its CSS size × max(devicePixelRatio, 2) (plotters-canvas does not scale by
//! itself). Every chart has a text table beside it, for screen readers and for copying.
//! The data comes prepared from the domain; this module only draws.

use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;

/// One series of a chart (e.g. 令和7年度).
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub name: String,
    /// One value per category; `None` is drawn as nothing and shown as `-`.
    pub values: Vec<Option<f64>>,
    /// The values as the table shows them (e.g. `12.5%`, `-`).
    pub shown: Vec<String>,
}

/// A horizontal bar chart's data.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct BarData {
    pub categories: Vec<String>,
    pub series: Vec<Series>,
    /// The axis maximum (100 for percentages); `None` = from the data.
    pub max: Option<f64>,
    /// Unit for the axis (`%`, `人`).
    pub unit: String,
}

const COLORS: [RGBColor; 4] =
    [RGBColor(31, 95, 139), RGBColor(242, 193, 78), RGBColor(87, 96, 106), RGBColor(26, 127, 55)];

fn scale() -> f64 {
    web_sys::window().map(|w| w.device_pixel_ratio()).unwrap_or(1.0).max(2.0)
}

fn draw(canvas: &web_sys::HtmlCanvasElement, data: &BarData) {
    let css_w = f64::from(canvas.client_width().max(300));
    let rows = data.categories.len().max(1);
    let per_row = 14.0 + 16.0 * data.series.len().max(1) as f64;
    let css_h = (per_row * rows as f64 + 60.0).max(120.0);
    let k = scale();
    canvas.set_width((css_w * k) as u32);
    canvas.set_height((css_h * k) as u32);
    // The CSS gives the canvas `width: 100%; height: auto`, so its displayed height follows
    // from these pixel dimensions (no style attribute needed).
    let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) else { return };
    let root = backend.into_drawing_area();
    let _ = root.fill(&WHITE);
    let max = data
        .max
        .unwrap_or_else(|| {
            data.series.iter().flat_map(|s| s.values.iter().flatten()).fold(0.0_f64, |a, &b| a.max(b)) * 1.1
        })
        .max(1.0);
    let font = |size: f64| ("sans-serif", (size * k) as u32).into_font();
    let label_width =
        (data.categories.iter().map(|c| c.chars().count()).max().unwrap_or(4) as f64 * 13.0 + 16.0).min(css_w * 0.45);
    let n = data.categories.len() as f64;
    let chart = ChartBuilder::on(&root)
        .margin((8.0 * k) as u32)
        .x_label_area_size((28.0 * k) as u32)
        .y_label_area_size((label_width * k) as u32)
        .build_cartesian_2d(0.0..max, 0.0..n.max(1.0));
    let Ok(mut chart) = chart else { return };
    let categories = data.categories.clone();
    let unit = data.unit.clone();
    let _ = chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(categories.len().max(1) * 2 + 1)
        .y_label_formatter(&|y: &f64| {
            let i = (n - y - 0.5).round();
            if (n - y - 0.5 - i).abs() < 0.01 && i >= 0.0 {
                categories.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .x_label_formatter(&|x: &f64| format!("{x:.0}{unit}"))
        .label_style(font(12.0))
        .axis_desc_style(font(12.0))
        .light_line_style(RGBColor(230, 233, 237))
        .draw();
    let groups = data.series.len().max(1) as f64;
    let band = 0.8 / groups;
    for (j, series) in data.series.iter().enumerate() {
        let color = COLORS[j % COLORS.len()];
        let bars = series.values.iter().enumerate().filter_map(|(i, v)| {
            let v = (*v)?;
            let top = n - i as f64 - 0.1 - band * j as f64;
            Some(Rectangle::new([(0.0, top - band * 0.9), (v, top)], color.filled()))
        });
        let drawn = chart.draw_series(bars);
        if let Ok(anno) = drawn {
            anno.label(series.name.clone()).legend(move |(x, y)| {
                Rectangle::new(
                    [(x, y - (5.0 * k) as i32), (x + (12.0 * k) as i32, y + (5.0 * k) as i32)],
                    color.filled(),
                )
            });
        }
    }
    if data.series.len() > 1 {
        let _ = chart
            .configure_series_labels()
            .label_font(font(12.0))
            .background_style(WHITE.mix(0.9))
            .border_style(RGBColor(208, 215, 222))
            .position(SeriesLabelPosition::LowerRight)
            .draw();
    }
    let _ = root.present();
}

/// A horizontal bar chart with its data table. `testid` names it for tests.
#[component]
pub fn BarChart(
    title: String,
    #[prop(into)] data: Signal<BarData>,
    #[prop(optional)] testid: &'static str,
) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    // Drawing on a canvas is synchronising with something outside the reactive system,
    // which is what effects are for; no signal is written here.
    Effect::new(move |_| {
        let data = data.get();
        if let Some(el) = canvas.get() {
            draw(&el, &data);
        }
    });
    let _resize = window_event_listener(leptos::ev::resize, move |_| {
        if let Some(el) = canvas.get_untracked() {
            data.with_untracked(|d| draw(&el, d));
        }
    });
    let table_title = title.clone();
    view! {
        <figure class="chart" data-testid=testid>
            <figcaption>{title.clone()}</figcaption>
            <div class="chart-body">
                <canvas node_ref=canvas role="img" aria-label=title></canvas>
                <table class="list chart-table">
                    <caption class="visually-hidden">{table_title}</caption>
                    <thead>
                        <tr>
                            <th scope="col">"項目"</th>
                            {move || data.with(|d| d.series.iter().map(|s| view! { <th scope="col" class="num">{s.name.clone()}</th> }).collect_view())}
                        </tr>
                    </thead>
                    <tbody>
                        {move || data.with(|d| {
                            d.categories
                                .iter()
                                .enumerate()
                                .map(|(i, c)| {
                                    let cells = d
                                        .series
                                        .iter()
                                        .map(|s| {
                                            let text = s.shown.get(i).cloned().unwrap_or_else(|| "-".to_string());
                                            view! { <td class="num">{text}</td> }
                                        })
                                        .collect_view();
                                    view! { <tr><th scope="row">{c.clone()}</th>{cells}</tr> }
                                })
                                .collect_view()
                        })}
                    </tbody>
                </table>
            </div>
        </figure>
    }
}
