//! The chart drawn, decoded back and checked: its size, and that bars, lines and text put
//! pixels other than the background where they belong.

use super::*;
use crate::domain::report::{ChartOption, ChartStatement};

fn data(history: usize) -> ChartData {
    let options = [
        ("awesome", 1.0),
        ("some problems", 0.5),
        ("really bad", 0.0),
    ]
    .iter()
    .map(|(label, weight)| ChartOption {
        label: label.to_string(),
        weight: *weight,
    })
    .collect();
    let statements: Vec<ChartStatement> = (0..11)
        .map(|i| ChartStatement {
            label: format!("{}. Statement number {}", i + 1, i + 1),
            counts: if i == 3 {
                vec![0, 0, 0]
            } else {
                vec![3, i % 3, 1]
            },
        })
        .collect();
    let series = (0..11)
        .map(|s| {
            (0..history)
                .map(|c| (c != 1 || s != 0).then_some(((s * 7 + c * 13) % 100) as f64))
                .collect()
        })
        .collect();
    ChartData {
        title: "Spotify Squad Health Check — #14".into(),
        options,
        statements,
        checkins: (0..history)
            .map(|c| format!("#{} Nov {}", c + 3, c + 1))
            .collect(),
        series,
    }
}

/// Keeps a copy of a drawn chart in `$RETROBOT_CHART_DIR` (if set) for a person to look at.
fn keep(name: &str, bytes: &[u8]) {
    if let Ok(dir) = std::env::var("RETROBOT_CHART_DIR") {
        std::fs::write(std::path::Path::new(&dir).join(name), bytes).expect("write the chart");
    }
}

fn decode(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let decoder = png::Decoder::new(bytes);
    let mut reader = decoder.read_info().expect("a PNG header");
    let mut pixels = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut pixels).expect("PNG data");
    assert_eq!(info.color_type, png::ColorType::Rgb);
    pixels.truncate(info.buffer_size());
    (info.width, info.height, pixels)
}

fn pixel(pixels: &[u8], width: u32, x: u32, y: u32) -> RGBColor {
    let i = ((y * width + x) * 3) as usize;
    RGBColor(pixels[i], pixels[i + 1], pixels[i + 2])
}

fn count_not_background(pixels: &[u8], width: u32, rows: std::ops::Range<u32>) -> usize {
    rows.flat_map(|y| (0..width).map(move |x| (x, y)))
        .filter(|(x, y)| pixel(pixels, width, *x, *y) != BACKGROUND)
        .count()
}

#[test]
fn chart_with_history_decodes_with_bars_lines_and_text() {
    let data = data(6);
    let png_bytes = render_png(&data).expect("the chart renders");
    keep("chart-with-history.png", &png_bytes);
    let (width, height, pixels) = decode(&png_bytes);
    assert_eq!((width, height), (WIDTH, super::height(&data)));
    assert!(height > 700, "bars and lines: {height}");
    assert_eq!(pixel(&pixels, width, 2, 2), BACKGROUND, "solid background");

    // The title's text is drawn (the embedded font works).
    assert!(count_not_background(&pixels, width, 10..46) > 300);
    // The first bar starts with the "awesome" green.
    let green = option_colour(1.0);
    let bar_y = 56 + 36 + 17;
    assert_eq!(pixel(&pixels, width, 402, bar_y), green);
    // Statement 4 had no votes: an outlined, empty bar.
    let empty_y = (56 + 36 + 34 * 3 + 17) as u32;
    assert_eq!(pixel(&pixels, width, 500, empty_y), BACKGROUND);
    // The agreement panel has lines in its colours.
    let lines_top = 56 + bars::height(11) as u32;
    let drawn = count_not_background(&pixels, width, lines_top..height);
    assert!(drawn > 10_000, "lines, grid, labels and legend: {drawn}");
    let blue = lines::PALETTE_FIRST;
    let has_blue = (lines_top..height)
        .flat_map(|y| (0..width).map(move |x| (x, y)))
        .any(|(x, y)| pixel(&pixels, width, x, y) == blue);
    assert!(has_blue, "statement 1's line");
}

#[test]
fn first_check_in_chart_has_only_the_bars() {
    let data = data(1);
    assert!(!data.has_history());
    let png_bytes = render_png(&data).unwrap();
    keep("chart-first-check-in.png", &png_bytes);
    let (width, height, pixels) = decode(&png_bytes);
    assert_eq!(height, 56 + bars::height(11) as u32);
    assert!(count_not_background(&pixels, width, 0..height) > 20_000);
}

#[test]
fn colours_run_from_red_through_amber_to_green() {
    assert_eq!(option_colour(0.0), RGBColor(0xD6, 0x45, 0x45));
    assert_eq!(option_colour(0.5), RGBColor(0xE0, 0xA5, 0x26));
    assert_eq!(option_colour(1.0), RGBColor(0x2E, 0x9E, 0x5B));
}
