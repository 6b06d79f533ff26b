//! `/retro export scope:server [format]`: for members with Manage Server, one CSV or JSON file of
//! the aggregates of every closed check-in of the channels that share, over time. Numbers only:
//! no member id or name, no reply text.

use serenity::all::{CommandInteraction, GuildId};

use super::options::Options;
use super::respond::{database_problem, Responder};
use crate::discord::bot::Bot;
use crate::discord::flows::overview::min_voters;
use crate::discord::ids::ToDomain;
use crate::discord::permissions;
use crate::discord::rest::{RestError, Upload};
use crate::domain::export::ExportFormat;
use crate::domain::ids::ChannelId;
use crate::domain::overview::server_export;

/// Largest file Discord lets a bot attach everywhere (servers without boosts).
const MAX_UPLOAD_BYTES: usize = 8 * 1024 * 1024;

pub async fn run(
    bot: &Bot,
    command: &CommandInteraction,
    guild: GuildId,
    options: &Options,
    respond: &Responder<'_>,
) -> Result<(), RestError> {
    let member_permissions = command
        .member
        .as_ref()
        .and_then(|m| m.permissions)
        .unwrap_or_default();
    if !permissions::can_manage_server(member_permissions) {
        return respond
            .ephemeral(
                "Only members with the Manage Server permission can export the whole server.",
            )
            .await;
    }
    let format = match ExportFormat::parse(options.text("format").unwrap_or("csv")) {
        Ok(format @ (ExportFormat::Csv | ExportFormat::Json)) => format,
        Ok(_) => {
            return respond
                .ephemeral("The server export comes as `csv` or `json`.")
                .await
        }
        Err(e) => return respond.ephemeral(e.to_string()).await,
    };
    respond.defer_ephemeral().await?;
    let guild_id = guild.domain();
    let check_ins = match bot.store.shared_check_ins(guild_id).await {
        Ok(check_ins) => check_ins,
        Err(e) => {
            return respond
                .edit(database_problem(bot, "read the check-ins", &e))
                .await
        }
    };
    if check_ins.is_empty() {
        return respond
            .edit("Nothing to export: no channel that shares (`/retro share on`) has a closed check-in.")
            .await;
    }
    let names: std::collections::HashMap<ChannelId, String> =
        match bot.rest.guild_channels(guild).await {
            Ok(channels) => channels
                .iter()
                .map(|c| (c.id.domain(), c.name.clone()))
                .collect(),
            Err(e) => {
                tracing::warn!(error = %e, "could not read channel names for the export");
                Default::default()
            }
        };
    let export = server_export(guild_id, &check_ins, min_voters(bot, guild_id).await, |c| {
        names.get(&c).cloned().unwrap_or_default()
    });
    let Ok((filename, bytes)) = export.render(format) else {
        return respond
            .edit("The server export comes as `csv` or `json`.")
            .await;
    };
    if bytes.len() > MAX_UPLOAD_BYTES {
        return respond
            .edit(format!(
                "The server export is {:.1} MB, more than the {} MB Discord lets me attach. Try `csv`, the most compact format.",
                bytes.len() as f64 / 1_048_576.0,
                MAX_UPLOAD_BYTES / 1_048_576
            ))
            .await;
    }
    let teams: std::collections::BTreeSet<ChannelId> =
        export.rows.iter().map(|r| r.channel).collect();
    let text = format!(
        "Aggregates of {} check-ins from {} sharing channels (numbers only).",
        check_ins.len(),
        teams.len()
    );
    respond
        .edit_with_file(text, Upload { filename, bytes })
        .await
}
