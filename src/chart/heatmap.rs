//! The organisation heatmap: one row per team (name, then one cell per statement, then voters
//! and date), cells coloured by agreement on a colour-blind-friendly orange–blue scale with the
//! percentage written in and a drawn ▲/▼ for the trend since the team's previous check-in, and
//! a legend (colour scale, symbols, the numbered statements). Flat colours on the light panel
//! keep the PNG small: 100 teams stay far below Discord's attachment limit.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::style::{
    centred, draw_error, encode_png, left, mix, register_font, right, ChartError, BACKGROUND, GRID,
    INK, MARGIN, MUTED, WIDTH,
};
use crate::domain::overview::{HeatCell, HeatmapData};

const TITLE: i32 = 56;
const HEADER: i32 = 30;
/// Height of one team's row.
pub const ROW: i32 = 28;
/// Width of the team names' column.
const NAMES: i32 = 220;
/// Width of the voters-and-date column.
const AFTER: i32 = 130;
const SCALE_BLOCK: i32 = 64;
const LEGEND_ROW: i32 = 20;
/// A cell's fill when the split is hidden (counts only).
const HIDDEN: RGBColor = RGBColor(0xC9, 0xCD, 0xD2);

/// Orange (0 %) through a light neutral (50 %) to blue (100 %): distinguishable with the
/// common colour-vision deficiencies, unlike red–green.
pub fn agreement_colour(percent: i64) -> RGBColor {
    let (low, mid, high) = ([0xB3, 0x58, 0x06], [0xF2, 0xEF, 0xE8], [0x21, 0x66, 0xAC]);
    let p = percent.clamp(0, 100) as f64 / 100.0;
    let (from, to, t) = if p < 0.5 {
        (low, mid, p * 2.0)
    } else {
        (mid, high, (p - 0.5) * 2.0)
    };
    RGBColor(
        mix(from[0], to[0], t),
        mix(from[1], to[1], t),
        mix(from[2], to[2], t),
    )
}

/// Ink that reads on `fill`: white on dark cells, the usual ink on light ones.
fn ink_on(fill: RGBColor) -> RGBColor {
    let RGBColor(r, g, b) = fill;
    let luma = 0.299 * f64::from(r) + 0.587 * f64::from(g) + 0.114 * f64::from(b);
    if luma < 140.0 {
        WHITE
    } else {
        INK
    }
}

/// The chart's width: wide enough for every statement column.
fn width(data: &HeatmapData) -> u32 {
    let columns = data.statements.len().max(1) as i32;
    (MARGIN * 2 + NAMES + AFTER + columns * 56).max(WIDTH as i32) as u32
}

/// Top of the legend (below the rows).
fn legend_top(data: &HeatmapData) -> i32 {
    TITLE + HEADER + ROW * data.rows.len() as i32 + 16
}

/// The heatmap's height for `data`.
pub fn heatmap_height(data: &HeatmapData) -> u32 {
    (legend_top(data) + SCALE_BLOCK + LEGEND_ROW * data.statements.len() as i32 + MARGIN) as u32
}

/// Draws `data` as a heatmap and encodes it as PNG.
pub fn render_heatmap_png(data: &HeatmapData) -> Result<Vec<u8>, ChartError> {
    register_font()?;
    let (w, h) = (width(data), heatmap_height(data));
    let mut pixels = vec![0u8; (w * h * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut pixels, (w, h)).into_drawing_area();
        root.fill(&BACKGROUND).map_err(draw_error)?;
        draw(&root, data, w as i32)?;
        root.present().map_err(draw_error)?;
    }
    encode_png(&pixels, w, h)
}

fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &HeatmapData,
    width: i32,
) -> Result<(), ChartError> {
    area.draw(&Text::new(
        data.title.clone(),
        (MARGIN, TITLE / 2),
        left(22.0, &INK),
    ))
    .map_err(draw_error)?;
    let columns = data.statements.len().max(1) as i32;
    let cell_width = (width - 2 * MARGIN - NAMES - AFTER) / columns;
    let x_of = |column: usize| MARGIN + NAMES + cell_width * column as i32;
    for column in 0..data.statements.len() {
        area.draw(&Text::new(
            (column + 1).to_string(),
            (x_of(column) + cell_width / 2, TITLE + HEADER / 2),
            centred(14.0, &MUTED),
        ))
        .map_err(draw_error)?;
    }
    area.draw(&Text::new(
        "voters · when".to_string(),
        (width - MARGIN, TITLE + HEADER / 2),
        right(13.0, &MUTED),
    ))
    .map_err(draw_error)?;
    for (r, row) in data.rows.iter().enumerate() {
        let top = TITLE + HEADER + ROW * r as i32;
        let middle = top + ROW / 2;
        area.draw(&Text::new(
            row.team.clone(),
            (MARGIN, middle),
            left(14.0, &INK),
        ))
        .map_err(draw_error)?;
        for (column, cell) in row.cells.iter().enumerate() {
            draw_cell(area, *cell, (x_of(column), top), cell_width)?;
        }
        area.draw(&Text::new(
            format!("{} · {}", row.voters, row.closed_at.format("%b %-d")),
            (width - MARGIN, middle),
            right(13.0, &MUTED),
        ))
        .map_err(draw_error)?;
    }
    draw_legend(area, data, legend_top(data))
}

/// One cell with its top-left corner at `at`.
fn draw_cell<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    cell: HeatCell,
    (x, y): (i32, i32),
    width: i32,
) -> Result<(), ChartError> {
    let (x0, y0, x1, y1) = (x + 2, y + 2, x + width - 2, y + ROW - 2);
    let middle = (y0 + y1) / 2;
    let fill = match cell {
        HeatCell::Missing => None,
        HeatCell::NoVotes => Some(BACKGROUND),
        HeatCell::Hidden { .. } => Some(HIDDEN),
        HeatCell::Agreement { percent, .. } => Some(agreement_colour(percent)),
    };
    if let Some(fill) = fill {
        area.draw(&Rectangle::new([(x0, y0), (x1, y1)], fill.filled()))
            .map_err(draw_error)?;
    }
    area.draw(&Rectangle::new([(x0, y0), (x1, y1)], GRID.stroke_width(1)))
        .map_err(draw_error)?;
    let (text, colour) = match cell {
        HeatCell::Missing => return Ok(()),
        HeatCell::NoVotes => ("–".to_string(), MUTED),
        HeatCell::Hidden { participants } => (format!("n={participants}"), INK),
        HeatCell::Agreement { percent, .. } => {
            (format!("{percent}%"), ink_on(agreement_colour(percent)))
        }
    };
    let delta = match cell {
        HeatCell::Agreement { delta, .. } => delta.filter(|d| *d != 0),
        _ => None,
    };
    let text_x = if delta.is_some() {
        x0 + (x1 - x0) * 2 / 5
    } else {
        (x0 + x1) / 2
    };
    area.draw(&Text::new(text, (text_x, middle), centred(12.0, &colour)))
        .map_err(draw_error)?;
    if let Some(delta) = delta {
        triangle(area, (x1 - 9, middle), delta > 0, colour)?;
    }
    Ok(())
}

/// ▲ (up) or ▼ centred on `at`, drawn as a shape (the font has no emoji).
fn triangle<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (x, y): (i32, i32),
    up: bool,
    colour: RGBColor,
) -> Result<(), ChartError> {
    let points = if up {
        vec![(x - 5, y + 4), (x + 5, y + 4), (x, y - 5)]
    } else {
        vec![(x - 5, y - 4), (x + 5, y - 4), (x, y + 5)]
    };
    area.draw(&Polygon::new(points, colour.filled()))
        .map_err(draw_error)
}

fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &HeatmapData,
    top: i32,
) -> Result<(), ChartError> {
    // The colour scale, 0 % to 100 %.
    let (scale_left, scale_width, bar_y) = (MARGIN + 90, 300, top + 10);
    area.draw(&Text::new(
        "agreement".to_string(),
        (MARGIN, bar_y + 7),
        left(13.0, &INK),
    ))
    .map_err(draw_error)?;
    for step in 0..scale_width {
        let colour = agreement_colour(i64::from(step) * 100 / i64::from(scale_width - 1));
        area.draw(&Rectangle::new(
            [
                (scale_left + step, bar_y),
                (scale_left + step + 1, bar_y + 14),
            ],
            colour.filled(),
        ))
        .map_err(draw_error)?;
    }
    for (pct, x) in [
        (0, scale_left),
        (50, scale_left + scale_width / 2),
        (100, scale_left + scale_width),
    ] {
        area.draw(&Text::new(
            format!("{pct}%"),
            (x, bar_y + 24),
            centred(11.0, &MUTED),
        ))
        .map_err(draw_error)?;
    }
    // The symbols.
    let symbols_y = top + 50;
    let mut x = MARGIN;
    triangle(area, (x + 5, symbols_y), true, INK)?;
    triangle(area, (x + 18, symbols_y), false, INK)?;
    x += 30;
    let key =
        "up / down since the team's previous check-in   n=3: too few voters to show   –: no votes";
    area.draw(&Text::new(
        key.to_string(),
        (x, symbols_y),
        left(12.0, &MUTED),
    ))
    .map_err(draw_error)?;
    // The statements.
    for (i, statement) in data.statements.iter().enumerate() {
        let y = top + SCALE_BLOCK + LEGEND_ROW * i as i32 + LEGEND_ROW / 2;
        area.draw(&Text::new(statement.clone(), (MARGIN, y), left(13.0, &INK)))
            .map_err(draw_error)?;
    }
    Ok(())
}

#[cfg(test)]
#[path = "heatmap_tests.rs"]
mod tests;
