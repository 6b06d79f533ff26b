//! The `message_content` setting: whether the bot asks Discord for the privileged Message
//! Content intent (`on`), never asks (`off`), or asks and carries on without it when Discord
//! refuses (`auto`, the default). `RETROBOT_MESSAGE_CONTENT` wins over the file.

/// Whether to ask for the Message Content intent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum MessageContent {
    /// Ask; if Discord refuses (gateway close 4014), reconnect without it.
    #[default]
    Auto,
    /// Always ask; a refusal stops the bot.
    On,
    /// Never ask: answers come through the Answer buttons only.
    Off,
}

impl MessageContent {
    pub fn parse(text: &str) -> Option<MessageContent> {
        match text.trim().to_ascii_lowercase().as_str() {
            "auto" => Some(MessageContent::Auto),
            "on" => Some(MessageContent::On),
            "off" => Some(MessageContent::Off),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            MessageContent::Auto => "auto",
            MessageContent::On => "on",
            MessageContent::Off => "off",
        }
    }

    /// Reads the setting: the environment's value wins over the file's.
    pub fn resolve(env: Option<&str>, file: Option<&str>) -> Result<MessageContent, String> {
        let (name, text) = match (env, file) {
            (Some(text), _) => ("RETROBOT_MESSAGE_CONTENT", text),
            (None, Some(text)) => ("message_content", text),
            (None, None) => return Ok(MessageContent::default()),
        };
        MessageContent::parse(text)
            .ok_or_else(|| format!("{name}: `{text}` is not `auto`, `on` or `off`"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn environment_wins_and_unknown_values_are_named() {
        assert_eq!(
            MessageContent::resolve(None, None),
            Ok(MessageContent::Auto)
        );
        assert_eq!(
            MessageContent::resolve(None, Some("OFF")),
            Ok(MessageContent::Off)
        );
        assert_eq!(
            MessageContent::resolve(Some("on"), Some("off")),
            Ok(MessageContent::On)
        );
        let problem = MessageContent::resolve(None, Some("maybe")).unwrap_err();
        assert!(problem.contains("message_content") && problem.contains("maybe"));
        let problem = MessageContent::resolve(Some("yes"), None).unwrap_err();
        assert!(problem.contains("RETROBOT_MESSAGE_CONTENT"));
    }
}
