//! Rendering domain values into Discord messages, each within Discord's limits: the shape and
//! packing of a message, the retro's header, the summary, and what looks back (actions,
//! history). Pure functions from domain values to serenity builders; nothing here calls Discord.

pub mod answer_form;
pub mod limits;
pub mod message;
pub mod overview;
pub mod reports;
pub mod retro;
pub mod summary;

#[cfg(test)]
mod proptests;

pub use limits::check_discord_limits;
pub use message::{jump_link, RenderedMessage, CHART_FILE, CONTENT_LIMIT};
