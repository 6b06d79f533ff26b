//! `/retro template create|edit|delete|export|import`: a server's own health-check templates,
//! made in a form or from a file, seen by that server only. This file defines the subcommand
//! group and routes each invocation and each submitted form to its handler.

mod change;
mod files;
mod form;

use serenity::all::{
    CommandInteraction, CommandOptionType, CreateCommandOption, GuildId, ModalInteraction,
};

use super::options::Options;
use super::respond::Responder;
use crate::discord::bot::Bot;
use crate::discord::rest::RestError;

/// The `template` subcommand group (option names are a contract).
pub fn definition() -> CreateCommandOption {
    let pick = |name: &str, about: &str| {
        CreateCommandOption::new(CommandOptionType::SubCommand, name, about).add_sub_option(
            CreateCommandOption::new(CommandOptionType::String, "template", "Which template")
                .required(true)
                .set_autocomplete(true),
        )
    };
    CreateCommandOption::new(
        CommandOptionType::SubCommandGroup,
        "template",
        "This server's own health-check templates",
    )
    .add_sub_option(CreateCommandOption::new(
        CommandOptionType::SubCommand,
        "create",
        "Write a new template in a form",
    ))
    .add_sub_option(pick("edit", "Change one of this server's templates"))
    .add_sub_option(pick("delete", "Delete one of this server's templates"))
    .add_sub_option(pick("export", "Get a template as a TOML file"))
    .add_sub_option(
        CreateCommandOption::new(
            CommandOptionType::SubCommand,
            "import",
            "Add a template from a TOML file",
        )
        .add_sub_option(
            CreateCommandOption::new(
                CommandOptionType::Attachment,
                "file",
                "A template file, as export makes it",
            )
            .required(true),
        ),
    )
}

pub async fn run(
    bot: &Bot,
    command: &CommandInteraction,
    guild: GuildId,
    options: &Options,
    respond: &Responder<'_>,
) -> Result<(), RestError> {
    match options.path.get(1).map(String::as_str) {
        Some("create") => change::open_form(bot, command, guild, options, respond, false).await,
        Some("edit") => change::open_form(bot, command, guild, options, respond, true).await,
        Some("delete") => change::delete(bot, command, guild, options, respond).await,
        Some("export") => files::export(bot, command, guild, options, respond).await,
        Some("import") => files::import(bot, command, guild, respond).await,
        _ => {
            let lang = respond.lang();
            respond.ephemeral(lang.t("team-template-use")).await
        }
    }
}

/// A submitted form: the template form is handled here; `None` for every other modal.
pub async fn on_modal(bot: &Bot, submit: &ModalInteraction) -> Option<Result<(), RestError>> {
    let purpose = form::FormPurpose::parse(&submit.data.custom_id)?;
    Some(change::on_submit(bot, submit, purpose).await)
}
