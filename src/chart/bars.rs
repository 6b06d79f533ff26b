//! The first panel: this check-in's votes, one bar per statement split by scale option (shares
//! of its voters, with the counts written in), and a legend naming the options.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::style::{
    centred, draw_error, left, option_colour, right, ChartError, GRID, INK, MARGIN, MUTED, WIDTH,
};
use crate::domain::report::ChartData;

const ROW: i32 = 34;
const HEADER: i32 = 36;
const LEGEND: i32 = 44;
/// Where the bars start (statement labels to the left).
const BAR_LEFT: i32 = 400;
const BAR_RIGHT: i32 = WIDTH as i32 - MARGIN - 70;

/// The panel's height for `statements` bars.
pub fn height(statements: usize) -> i32 {
    HEADER + ROW * statements as i32 + LEGEND
}

pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &ChartData,
) -> Result<(), ChartError> {
    area.draw(&Text::new(
        "Votes this check-in".to_string(),
        (MARGIN, HEADER / 2),
        left(17.0, &INK),
    ))
    .map_err(draw_error)?;
    let width = f64::from(BAR_RIGHT - BAR_LEFT);
    for (row, statement) in data.statements.iter().enumerate() {
        let top = HEADER + ROW * row as i32;
        let middle = top + ROW / 2;
        area.draw(&Text::new(
            statement.label.clone(),
            (MARGIN, middle),
            left(14.0, &INK),
        ))
        .map_err(draw_error)?;
        let total: u32 = statement.counts.iter().sum();
        if total == 0 {
            area.draw(&Rectangle::new(
                [(BAR_LEFT, top + 6), (BAR_RIGHT, top + ROW - 6)],
                GRID.stroke_width(1),
            ))
            .map_err(draw_error)?;
            area.draw(&Text::new(
                "no votes".to_string(),
                ((BAR_LEFT + BAR_RIGHT) / 2, middle),
                centred(13.0, &MUTED),
            ))
            .map_err(draw_error)?;
            continue;
        }
        let mut x = f64::from(BAR_LEFT);
        for (count, option) in statement.counts.iter().zip(&data.options) {
            if *count == 0 {
                continue;
            }
            let w = width * f64::from(*count) / f64::from(total);
            let (x0, x1) = (x.round() as i32, (x + w).round() as i32);
            area.draw(&Rectangle::new(
                [(x0, top + 6), (x1, top + ROW - 6)],
                option_colour(option.weight).filled(),
            ))
            .map_err(draw_error)?;
            if x1 - x0 >= 22 {
                area.draw(&Text::new(
                    count.to_string(),
                    ((x0 + x1) / 2, middle),
                    centred(14.0, &WHITE),
                ))
                .map_err(draw_error)?;
            }
            x += w;
        }
        let people = if total == 1 { "vote" } else { "votes" };
        area.draw(&Text::new(
            format!("{total} {people}"),
            (WIDTH as i32 - MARGIN, middle),
            right(13.0, &MUTED),
        ))
        .map_err(draw_error)?;
    }
    let legend_y = HEADER + ROW * data.statements.len() as i32 + LEGEND / 2;
    let mut x = BAR_LEFT;
    for option in &data.options {
        area.draw(&Rectangle::new(
            [(x, legend_y - 7), (x + 14, legend_y + 7)],
            option_colour(option.weight).filled(),
        ))
        .map_err(draw_error)?;
        let label = Text::new(option.label.clone(), (x + 20, legend_y), left(14.0, &INK));
        area.draw(&label).map_err(draw_error)?;
        let (w, _) = area
            .estimate_text_size(&option.label, &left(14.0, &INK))
            .map_err(draw_error)?;
        x += 20 + w as i32 + 28;
    }
    Ok(())
}
