//! Exports of a closed check-in as a file: every vote (member id and display name), every
//! reply, the summary numbers and the actions, in CSV, JSON or Markdown.

mod csv;
mod markdown;
mod model;

pub use model::{Export, ExportFormat, NamedVote, UnknownFormat};

/// A CSV cell, quoted when needed and with formula triggers defused (every CSV export uses it).
pub use csv::cell as csv_cell;

impl Export<'_> {
    /// The file name and contents in `format`.
    pub fn render(&self, format: ExportFormat) -> (String, Vec<u8>) {
        let name = format!("retro-{}.{}", self.retro.id.0, format.extension());
        let text = match format {
            ExportFormat::Csv => csv::render(self),
            ExportFormat::Json => {
                serde_json::to_string_pretty(&self.json()).expect("JSON values serialise") + "\n"
            }
            ExportFormat::Markdown => markdown::render(self),
        };
        (name, text.into_bytes())
    }
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
