//! `/retro export scope:server [format]`: for members with Manage Server, one CSV or JSON file of
//! the aggregates of every closed check-in of the channels that share, over time. Numbers only:
//! no member id or name, no reply text.

use serenity::all::{CommandInteraction, GuildId};

use super::options::Options;
use super::respond::Responder;
use crate::discord::bot::Bot;
use crate::discord::flows::overview::min_voters;
use crate::discord::ids::ToDomain;
use crate::discord::permissions;
use crate::discord::rest::{RestError, Upload};
use crate::discord::words;
use crate::domain::export::ExportFormat;
use crate::domain::ids::ChannelId;
use crate::domain::overview::{server_export, NotOffered};
use crate::tr;

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
    let lang = respond.lang();
    if !permissions::can_manage_server(member_permissions) {
        return respond.ephemeral(lang.t("server-export-not-allowed")).await;
    }
    let format = match ExportFormat::parse(options.text("format").unwrap_or("csv")) {
        Ok(format @ (ExportFormat::Csv | ExportFormat::Json)) => format,
        Ok(_) => {
            return respond
                .ephemeral(words::server_export_format(lang, &NotOffered))
                .await
        }
        Err(e) => {
            return respond
                .ephemeral(words::export_format_error(lang, &e))
                .await
        }
    };
    respond.defer_ephemeral().await?;
    let guild_id = guild.domain();
    let check_ins = match bot.store.shared_check_ins(guild_id).await {
        Ok(check_ins) => check_ins,
        Err(e) => {
            return respond
                .edit(respond.database_problem("org-what-read-check-ins", &e))
                .await
        }
    };
    if check_ins.is_empty() {
        return respond.edit(lang.t("server-export-nothing")).await;
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
    let (filename, bytes) = match export.render(format) {
        Ok(rendered) => rendered,
        Err(e) => return respond.edit(words::server_export_format(lang, &e)).await,
    };
    if bytes.len() > MAX_UPLOAD_BYTES {
        let text = tr!(
            lang,
            "server-export-too-big",
            size = lang.number(bytes.len() as f64 / 1_048_576.0, 1),
            limit = lang.number((MAX_UPLOAD_BYTES / 1_048_576) as f64, 0)
        );
        return respond.edit(text).await;
    }
    let teams: std::collections::BTreeSet<ChannelId> =
        export.rows.iter().map(|r| r.channel).collect();
    let text = tr!(
        lang,
        "server-export-done",
        checkins = check_ins.len(),
        channels = teams.len()
    );
    respond
        .edit_with_file(text, Upload { filename, bytes })
        .await
}
