//! What every chart shares: the embedded font (DejaVu Sans, see `fonts/LICENSE-DejaVu.txt`),
//! the page width, the light background and ink colours, text styles, the scale-option colours
//! and the error type.

use std::sync::Once;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::FontStyle;

/// The font every chart text is drawn with, inside the binary.
static FONT: &[u8] = include_bytes!("fonts/DejaVuSans.ttf");
/// The family name the font is registered under.
const FAMILY: &str = "sans-serif";

/// Width of every chart in pixels.
pub const WIDTH: u32 = 1000;
/// The background: light grey, distinct from both Discord themes' backgrounds.
pub const BACKGROUND: RGBColor = RGBColor(0xF4, 0xF5, 0xF7);
pub const INK: RGBColor = RGBColor(0x1F, 0x23, 0x28);
pub const MUTED: RGBColor = RGBColor(0x5F, 0x66, 0x6D);
pub const GRID: RGBColor = RGBColor(0xD0, 0xD4, 0xD9);
pub const MARGIN: i32 = 24;

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

pub fn draw_error(e: impl std::fmt::Display) -> ChartError {
    ChartError::Draw(e.to_string())
}

/// Registers the embedded font once per process.
pub fn register_font() -> Result<(), ChartError> {
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

pub fn left(size: f64, colour: &RGBColor) -> TextStyle<'static> {
    text_style(size, colour, Pos::new(HPos::Left, VPos::Center))
}

pub fn centred(size: f64, colour: &RGBColor) -> TextStyle<'static> {
    text_style(size, colour, Pos::new(HPos::Center, VPos::Center))
}

pub fn right(size: f64, colour: &RGBColor) -> TextStyle<'static> {
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
    RGBColor(
        mix(from[0], to[0], t),
        mix(from[1], to[1], t),
        mix(from[2], to[2], t),
    )
}

/// The channel value a fraction `t` (0–1) of the way from `from` to `to`.
pub fn mix(from: u8, to: u8, t: f64) -> u8 {
    (f64::from(from) + (f64::from(to) - f64::from(from)) * t) as u8
}

/// Encodes an RGB pixel buffer of `width` × `height` as PNG.
pub fn encode_png(pixels: &[u8], width: u32, height: u32) -> Result<Vec<u8>, ChartError> {
    let mut png_bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut png_bytes, width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    // Charts are flat colours: choosing the filter per row roughly halves the file.
    encoder.set_adaptive_filter(png::AdaptiveFilterType::Adaptive);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(pixels)?;
    writer.finish()?;
    Ok(png_bytes)
}
