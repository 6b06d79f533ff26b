//! Why Discord would not let the bot in, said so that an operator knows what to do: a bad token
//! (gateway close 4004, or REST 401), a refused Message Content intent (4014), a missing
//! `applications.commands` scope (command registration answered Missing Access). These are
//! the operator's messages; they never contain the token.

use serenity::all::GatewayError;

use crate::discord::rest::RestError;

/// Where a bot token comes from.
pub const TOKEN_HELP: &str = "Discord refused the bot token: set DISCORD_TOKEN (environment or .env) to the token from https://discord.com/developers/applications → your application → Bot → Reset Token";

/// What `message_content = "on"` stops with when Discord refuses the intent.
pub const INTENT_REQUIRED: &str = "Discord refused the Message Content intent (gateway close 4014) and message_content = \"on\": enable it at https://discord.com/developers/applications → your application → Bot → Privileged Gateway Intents → Message Content Intent, or set message_content = \"auto\" to run without it";

/// The one line `message_content = "auto"` logs when it carries on without the intent.
pub const RUNNING_WITHOUT_CONTENT: &str = "Discord refused the Message Content intent (gateway close 4014); reconnecting without it. Votes and the Answer buttons work; replies typed in question threads are not read. To read them, enable Bot → Privileged Gateway Intents → Message Content Intent at https://discord.com/developers/applications (or set message_content = \"off\" to stop asking)";

/// How the gateway client ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Ended {
    /// Discord refused Message Content (4014).
    IntentRefused,
    /// Discord refused the token (4004, or 401 when asking for the gateway URL).
    TokenRefused,
    /// Anything else, described.
    Other(String),
}

/// Sorts serenity's reason for stopping.
pub fn classify(error: &serenity::Error) -> Ended {
    match error {
        serenity::Error::Gateway(GatewayError::DisallowedGatewayIntents) => Ended::IntentRefused,
        serenity::Error::Gateway(GatewayError::InvalidAuthentication) => Ended::TokenRefused,
        serenity::Error::Http(serenity::http::HttpError::UnsuccessfulRequest(response))
            if response.status_code.as_u16() == 401 =>
        {
            Ended::TokenRefused
        }
        other => Ended::Other(other.to_string()),
    }
}

/// The error line for a failed command registration, when it says the invite lacked the
/// `applications.commands` scope (Missing Access); `None` for any other failure.
pub fn missing_commands_scope(error: &RestError, invite_url: &str) -> Option<String> {
    matches!(
        error,
        RestError::Discord {
            status: 403,
            code: 50001,
            ..
        }
    )
    .then(|| {
        format!("Discord refused to register the slash commands (403 Missing Access): the bot was invited without the applications.commands scope. Re-invite it with both scopes (bot and applications.commands): {invite_url}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gateway_refusals_are_sorted() {
        let intents = serenity::Error::Gateway(GatewayError::DisallowedGatewayIntents);
        assert_eq!(classify(&intents), Ended::IntentRefused);
        let token = serenity::Error::Gateway(GatewayError::InvalidAuthentication);
        assert_eq!(classify(&token), Ended::TokenRefused);
        let other = serenity::Error::Gateway(GatewayError::NoAuthentication);
        assert!(matches!(classify(&other), Ended::Other(_)));
        assert!(TOKEN_HELP.contains("DISCORD_TOKEN") && TOKEN_HELP.contains("Reset Token"));
    }

    #[test]
    fn only_missing_access_names_the_scope() {
        let missing = RestError::Discord {
            status: 403,
            code: 50001,
            message: "Missing Access".into(),
        };
        let line = missing_commands_scope(&missing, "https://invite").unwrap();
        assert!(line.contains("applications.commands") && line.contains("https://invite"));
        let other = RestError::Discord {
            status: 500,
            code: 0,
            message: "oops".into(),
        };
        assert_eq!(missing_commands_scope(&other, "x"), None);
    }
}
