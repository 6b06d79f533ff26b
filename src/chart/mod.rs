//! Charts as PNG, drawn in-process with plotters and an embedded font, so they work on
//! machines without system fonts: the summary chart (votes per statement, agreement over the
//! last check-ins) and the organisation heatmap. A solid light background keeps them readable
//! in Discord's dark and light themes. What the charts share lives in `style`.

mod bars;
mod heatmap;
mod lines;
mod style;

use plotters::prelude::*;

use crate::domain::report::ChartData;

pub use heatmap::{heatmap_height, render_heatmap_png};
pub use style::{option_colour, ChartError, BACKGROUND, WIDTH};

/// The chart's height for `data`: the vote bars, and the agreement lines when there is history.
pub fn height(data: &ChartData) -> u32 {
    let title = 56;
    let bars = bars::height(data.statements.len());
    let lines = if data.has_history() {
        lines::height(data.statements.len())
    } else {
        0
    };
    (title + bars + lines) as u32
}

/// Draws `data` and encodes it as a PNG.
pub fn render_png(data: &ChartData) -> Result<Vec<u8>, ChartError> {
    style::register_font()?;
    let (width, height) = (WIDTH, height(data));
    let mut pixels = vec![0u8; (width * height * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut pixels, (width, height)).into_drawing_area();
        root.fill(&BACKGROUND).map_err(style::draw_error)?;
        root.draw(&Text::new(
            data.title.clone(),
            (style::MARGIN, 28),
            style::left(22.0, &style::INK),
        ))
        .map_err(style::draw_error)?;
        let (_, body) = root.split_vertically(56);
        let (bar_area, line_area) = body.split_vertically(bars::height(data.statements.len()));
        bars::draw(&bar_area, data)?;
        if data.has_history() {
            lines::draw(&line_area, data)?;
        }
        root.present().map_err(style::draw_error)?;
    }
    style::encode_png(&pixels, width, height)
}

#[cfg(test)]
mod tests;
