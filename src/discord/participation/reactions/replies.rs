//! A member's message in a question thread as a reply: the server nickname if known, and the
//! attachments' names when there is no text. Used for live messages and when reconciling.

use serenity::all::Message;

use crate::discord::ids::ToDomain;
use crate::discord::people;
use crate::domain::summary::Reply;

/// `message` as a reply to question `question`.
pub fn reply_from_message(message: &Message, question: usize) -> Reply {
    let nick = message.member.as_ref().and_then(|m| m.nick.as_deref());
    let mut content = message.content.clone();
    if content.trim().is_empty() {
        let names: Vec<&str> = message
            .attachments
            .iter()
            .map(|a| a.filename.as_str())
            .collect();
        content = format!("(attachment: {})", names.join(", "));
    }
    Reply {
        message_id: message.id.domain(),
        question,
        author_id: message.author.id.domain(),
        author_name: people::name_of(&message.author, nick),
        content,
    }
}
