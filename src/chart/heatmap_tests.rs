//! The heatmap drawn, decoded back and checked: its size, one row per team with cells in the
//! colour of their agreement, and a byte size far below Discord's attachment limit for 100
//! teams.

use chrono::{TimeZone, Utc};

use super::*;
use crate::domain::overview::HeatmapRow;

/// Discord's smallest attachment limit (servers without boosts).
const DISCORD_LIMIT: usize = 8 * 1024 * 1024;

fn data(teams: usize, statements: usize) -> HeatmapData {
    let rows = (0..teams)
        .map(|t| HeatmapRow {
            team: format!("#team-{t:03}"),
            voters: (t % 9) as u32 + 1,
            closed_at: Utc.with_ymd_and_hms(2026, 11, 3, 10, 0, 0).unwrap(),
            cells: (0..statements)
                .map(|s| match (t + s) % 7 {
                    0 => HeatCell::Hidden { participants: 2 },
                    1 => HeatCell::NoVotes,
                    _ => HeatCell::Agreement {
                        percent: ((t * 13 + s * 29) % 101) as i64,
                        delta: [None, Some(12), Some(-8), Some(0)][(t + s) % 4],
                    },
                })
                .collect(),
        })
        .collect();
    HeatmapData {
        title: "Spotify Squad Health Check — 100 teams".into(),
        statements: (0..statements)
            .map(|s| format!("{}. Statement number {}", s + 1, s + 1))
            .collect(),
        rows,
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

fn pixel(pixels: &[u8], width: u32, x: i32, y: i32) -> RGBColor {
    let i = ((y as u32 * width + x as u32) * 3) as usize;
    RGBColor(pixels[i], pixels[i + 1], pixels[i + 2])
}

#[test]
fn a_hundred_teams_fit_discord_and_every_row_is_drawn() {
    let data = data(100, 11);
    let bytes = render_heatmap_png(&data).expect("the heatmap renders");
    if let Ok(dir) = std::env::var("RETROBOT_CHART_DIR") {
        std::fs::write(std::path::Path::new(&dir).join("heatmap.png"), &bytes).unwrap();
    }
    assert!(
        bytes.len() < DISCORD_LIMIT / 4,
        "{} bytes is not well under Discord's limit",
        bytes.len()
    );
    let (w, h, pixels) = decode(&bytes);
    assert_eq!((w, h), (width(&data), heatmap_height(&data)));
    assert!(h as i32 >= ROW * 100, "one row per team");
    let columns = data.statements.len() as i32;
    let cell_width = (w as i32 - 2 * MARGIN - NAMES - AFTER) / columns;
    for (r, row) in data.rows.iter().enumerate() {
        let top = TITLE + HEADER + ROW * r as i32;
        for (c, cell) in row.cells.iter().enumerate() {
            // Near the cell's left edge, clear of the text and the triangle.
            let at = pixel(
                &pixels,
                w,
                MARGIN + NAMES + cell_width * c as i32 + 4,
                top + 5,
            );
            let expected = match cell {
                HeatCell::Agreement { percent, .. } => agreement_colour(*percent),
                HeatCell::Hidden { .. } => HIDDEN,
                HeatCell::NoVotes | HeatCell::Missing => BACKGROUND,
            };
            assert_eq!(at, expected, "row {r} column {c}: {cell:?}");
        }
        // The team's name is written at the row's left.
        let name_ink = (MARGIN..MARGIN + 60)
            .flat_map(|x| (top + 6..top + ROW - 6).map(move |y| (x, y)))
            .filter(|(x, y)| pixel(&pixels, w, *x, *y) != BACKGROUND)
            .count();
        assert!(name_ink > 20, "row {r} has its team name");
    }
}

#[test]
fn triangles_point_the_way_agreement_moved() {
    let mut data = data(2, 1);
    data.rows[0].cells[0] = HeatCell::Agreement {
        percent: 90,
        delta: Some(10),
    };
    data.rows[1].cells[0] = HeatCell::Agreement {
        percent: 90,
        delta: Some(-10),
    };
    let (w, _, pixels) = decode(&render_heatmap_png(&data).unwrap());
    let x1 = MARGIN + NAMES + (w as i32 - 2 * MARGIN - NAMES - AFTER) - 2;
    let tip = x1 - 9;
    let fill = agreement_colour(90);
    for (r, up) in [(0, true), (1, false)] {
        let middle = TITLE + HEADER + ROW * r + ROW / 2;
        let (top_ink, bottom_ink) = (middle - 3, middle + 3);
        let wide_at = |y: i32| {
            (tip - 5..=tip + 5)
                .filter(|x| pixel(&pixels, w, *x, y) != fill)
                .count()
        };
        if up {
            assert!(
                wide_at(bottom_ink) > wide_at(top_ink),
                "▲ is wide at its base"
            );
        } else {
            assert!(
                wide_at(top_ink) > wide_at(bottom_ink),
                "▼ is wide at its top"
            );
        }
    }
}

#[test]
fn the_scale_is_orange_to_blue_through_a_light_middle() {
    let (low, mid, high) = (
        agreement_colour(0),
        agreement_colour(50),
        agreement_colour(100),
    );
    assert!(low.0 > low.2, "low agreement is orange");
    assert!(high.2 > high.0, "high agreement is blue");
    assert_eq!(ink_on(low), WHITE);
    assert_eq!(ink_on(high), WHITE);
    assert_eq!(ink_on(mid), INK);
}
