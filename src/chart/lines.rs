//! The second panel: each statement's agreement (0–100 %) over the last check-ins, one line
//! per statement numbered like the bars, broken where a check-in had no value for it.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::style::{
    centred, draw_error, left, right, ChartError, BACKGROUND, GRID, INK, MARGIN, MUTED, WIDTH,
};
use crate::domain::report::ChartData;

const HEADER: i32 = 40;
const PLOT: i32 = 280;
const AXIS: i32 = 34;
const LEGEND_ROW: i32 = 22;
const PLOT_LEFT: i32 = MARGIN + 50;
const PLOT_RIGHT: i32 = WIDTH as i32 - MARGIN - 40;

/// The colour of statement 1's line.
#[cfg(test)]
pub const PALETTE_FIRST: RGBColor = PALETTE[0];

/// Distinct line colours (a colour-blind friendly set), reused after ten statements (whose
/// points are then drawn hollow, so lines 1 and 11 still differ).
const PALETTE: [RGBColor; 10] = [
    RGBColor(0x1F, 0x77, 0xB4),
    RGBColor(0xE6, 0x7E, 0x22),
    RGBColor(0x2C, 0xA0, 0x2C),
    RGBColor(0xD6, 0x27, 0x28),
    RGBColor(0x94, 0x67, 0xBD),
    RGBColor(0x8C, 0x56, 0x4B),
    RGBColor(0xE3, 0x77, 0xC2),
    RGBColor(0x4D, 0x4D, 0x4D),
    RGBColor(0xBC, 0xBD, 0x22),
    RGBColor(0x17, 0xBE, 0xCF),
];

/// The panel's height for `statements` lines (the legend has two columns).
pub fn height(statements: usize) -> i32 {
    HEADER + PLOT + AXIS + LEGEND_ROW * statements.div_ceil(2) as i32 + 16
}

pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &ChartData,
) -> Result<(), ChartError> {
    let n = data.checkins.len();
    area.draw(&Text::new(
        format!("Agreement over the last {n} check-ins"),
        (MARGIN, HEADER / 2),
        left(17.0, &INK),
    ))
    .map_err(draw_error)?;
    let (top, bottom) = (HEADER, HEADER + PLOT);
    let y_of = |pct: f64| bottom - ((pct.clamp(0.0, 100.0) / 100.0) * f64::from(PLOT)) as i32;
    let step = f64::from(PLOT_RIGHT - PLOT_LEFT) / (n.max(2) - 1) as f64;
    let x_of = |i: usize| PLOT_LEFT + (step * i as f64).round() as i32;
    for pct in [0.0, 25.0, 50.0, 75.0, 100.0] {
        let y = y_of(pct);
        area.draw(&PathElement::new(
            vec![(PLOT_LEFT, y), (PLOT_RIGHT, y)],
            GRID.stroke_width(1),
        ))
        .map_err(draw_error)?;
        area.draw(&Text::new(
            format!("{pct:.0}%"),
            (PLOT_LEFT - 10, y),
            right(12.0, &MUTED),
        ))
        .map_err(draw_error)?;
    }
    for (i, label) in data.checkins.iter().enumerate() {
        area.draw(&Text::new(
            label.clone(),
            (x_of(i), bottom + AXIS / 2),
            centred(11.0, &MUTED),
        ))
        .map_err(draw_error)?;
    }
    debug_assert!(top < bottom);
    for (s, series) in data.series.iter().enumerate() {
        let colour = PALETTE[s % PALETTE.len()];
        let hollow = s >= PALETTE.len();
        // Consecutive check-ins with a value are joined; a gap breaks the line.
        let mut run: Vec<(i32, i32)> = Vec::new();
        for (i, value) in series.iter().enumerate() {
            match value {
                Some(pct) => run.push((x_of(i), y_of(*pct))),
                None => flush(area, &mut run, colour, hollow)?,
            }
        }
        flush(area, &mut run, colour, hollow)?;
        if let Some((i, Some(pct))) = series.iter().enumerate().rfind(|(_, v)| v.is_some()) {
            area.draw(&Text::new(
                (s + 1).to_string(),
                (x_of(i) + 10, y_of(*pct)),
                left(12.0, &colour),
            ))
            .map_err(draw_error)?;
        }
    }
    let legend_top = bottom + AXIS + 8;
    let column = (WIDTH as i32 - 2 * MARGIN) / 2;
    for (s, statement) in data.statements.iter().enumerate() {
        let colour = PALETTE[s % PALETTE.len()];
        let x = MARGIN + column * (s % 2) as i32;
        let y = legend_top + LEGEND_ROW * (s / 2) as i32 + LEGEND_ROW / 2;
        area.draw(&PathElement::new(
            vec![(x, y), (x + 22, y)],
            colour.stroke_width(3),
        ))
        .map_err(draw_error)?;
        marker(area, (x + 11, y), colour, s >= PALETTE.len())?;
        area.draw(&Text::new(
            statement.label.clone(),
            (x + 30, y),
            left(13.0, &INK),
        ))
        .map_err(draw_error)?;
    }
    Ok(())
}

/// Draws the points in `run` (a line through two or more) and empties it.
fn flush<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    run: &mut Vec<(i32, i32)>,
    colour: RGBColor,
    hollow: bool,
) -> Result<(), ChartError> {
    if run.len() > 1 {
        area.draw(&PathElement::new(run.clone(), colour.stroke_width(3)))
            .map_err(draw_error)?;
    }
    for point in run.drain(..) {
        marker(area, point, colour, hollow)?;
    }
    Ok(())
}

/// A point: a filled dot, or a ring on the background for statements after the tenth.
fn marker<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    at: (i32, i32),
    colour: RGBColor,
    hollow: bool,
) -> Result<(), ChartError> {
    if hollow {
        area.draw(&Circle::new(at, 5, BACKGROUND.filled()))
            .map_err(draw_error)?;
        area.draw(&Circle::new(at, 5, colour.stroke_width(2)))
            .map_err(draw_error)?;
    } else {
        area.draw(&Circle::new(at, 4, colour.filled()))
            .map_err(draw_error)?;
    }
    Ok(())
}
