//! The summary chart as a PNG, drawn in-process with plotters and an embedded font (DejaVu
//! Sans, see `fonts/LICENSE-DejaVu.txt`), so it works on machines without system fonts. A
//! solid light background keeps it readable in Discord's dark and light themes.

mod bars;
mod lines;

use std::sync::Once;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::FontStyle;

use crate::domain::report::ChartData;

/// The font every chart text is drawn with, inside the binary.
static FONT: &[u8] = include_bytes!("fonts/DejaVuSans.ttf");
/// The family name the font is registered under.
const FAMILY: &str = "sans-serif";

/// Width of every chart in pixels.
pub const WIDTH: u32 = 1000;
/// The background: light grey, distinct from both Discord themes' backgrounds.
pub const BACKGROUND: RGBColor = RGBColor(0xF4, 0xF5, 0xF7);
const INK: RGBColor = RGBColor(0x1F, 0x23, 0x28);
const MUTED: RGBColor = RGBColor(0x5F, 0x66, 0x6D);
const GRID: RGBColor = RGBColor(0xD0, 0xD4, 0xD9);
const MARGIN: i32 = 24;

/// Why a chart could not be drawn.
#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    #[error("the embedded font could not be loaded")]
    Font,
    #[error("drawing the chart failed: {0}")]
    Draw(String),
    #[error("encoding the chart as PNG failed: {0}")]
    Encode(#[from] png::EncodingError),
}

fn draw_error(e: impl std::fmt::Display) -> ChartError {
    ChartError::Draw(e.to_string())
}

fn register_font() -> Result<(), ChartError> {
    static REGISTER: Once = Once::new();
    let mut outcome = Ok(());
    REGISTER.call_once(|| {
        outcome = plotters::style::register_font(FAMILY, FontStyle::Normal, FONT)
            .map_err(|_| ChartError::Font);
    });
    outcome
}

/// Text in the chart's font: `size` pixels, `colour`, anchored at `pos`.
fn text_style(size: f64, colour: &RGBColor, pos: Pos) -> TextStyle<'static> {
    (FAMILY, size).into_font().color(colour).pos(pos)
}

fn left(size: f64, colour: &RGBColor) -> TextStyle<'static> {
    text_style(size, colour, Pos::new(HPos::Left, VPos::Center))
}

fn centred(size: f64, colour: &RGBColor) -> TextStyle<'static> {
    text_style(size, colour, Pos::new(HPos::Center, VPos::Center))
}

fn right(size: f64, colour: &RGBColor) -> TextStyle<'static> {
    text_style(size, colour, Pos::new(HPos::Right, VPos::Center))
}

/// The colour of a scale option by its weight: red (0) through amber (0.5) to green (1).
pub fn option_colour(weight: f64) -> RGBColor {
    let (red, amber, green) = ([0xD6, 0x45, 0x45], [0xE0, 0xA5, 0x26], [0x2E, 0x9E, 0x5B]);
    let w = weight.clamp(0.0, 1.0);
    let (from, to, t) = if w < 0.5 {
        (red, amber, w * 2.0)
    } else {
        (amber, green, (w - 0.5) * 2.0)
    };
    let mix = |i: usize| (f64::from(from[i]) + (f64::from(to[i]) - f64::from(from[i])) * t) as u8;
    RGBColor(mix(0), mix(1), mix(2))
}

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
    register_font()?;
    let (width, height) = (WIDTH, height(data));
    let mut pixels = vec![0u8; (width * height * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut pixels, (width, height)).into_drawing_area();
        root.fill(&BACKGROUND).map_err(draw_error)?;
        root.draw(&Text::new(
            data.title.clone(),
            (MARGIN, 28),
            left(22.0, &INK),
        ))
        .map_err(draw_error)?;
        let (_, body) = root.split_vertically(56);
        let (bar_area, line_area) = body.split_vertically(bars::height(data.statements.len()));
        bars::draw(&bar_area, data)?;
        if data.has_history() {
            lines::draw(&line_area, data)?;
        }
        root.present().map_err(draw_error)?;
    }
    let mut png_bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut png_bytes, width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&pixels)?;
    writer.finish()?;
    Ok(png_bytes)
}

#[cfg(test)]
mod tests;
