//! The languages the bot writes in: a Discord locale ("de", "en-US", "en-GB", …) resolved to a
//! `Language` (English when the locale is not translated), messages looked up by id in the
//! Fluent files under `locales/` (embedded in the binary at compile time), and numbers and
//! dates written the way the language writes them. Discord timestamps (`<t:…>`) are not
//! formatted here: the client shows them in the reader's own locale.

mod format;
#[cfg(test)]
mod tests;

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// A language the bot's messages are written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Language {
    #[default]
    English,
    German,
}

/// The message files of each language, one per part of the bot, in the same order in every
/// language: a message lives in the file of the part that writes it.
const FILES: [&str; 6] = [
    "retrobot",
    "commands",
    "admin",
    "organisation",
    "participation",
    "words",
];

/// The message files of one language, read in the order of `FILES`.
macro_rules! locale_sources {
    ($locale:literal) => {
        (
            $locale,
            [
                include_str!(concat!("../../locales/", $locale, "/retrobot.ftl")),
                include_str!(concat!("../../locales/", $locale, "/commands.ftl")),
                include_str!(concat!("../../locales/", $locale, "/admin.ftl")),
                include_str!(concat!("../../locales/", $locale, "/organisation.ftl")),
                include_str!(concat!("../../locales/", $locale, "/participation.ftl")),
                include_str!(concat!("../../locales/", $locale, "/words.ftl")),
            ],
        )
    };
}

/// Each language's locale and message files, in the order of `Language::ALL`.
const SOURCES: [(&str, [&str; FILES.len()]); 2] = [locale_sources!("en-US"), locale_sources!("de")];

impl Language {
    /// Every language, English (the fallback) first.
    pub const ALL: [Language; 2] = [Language::English, Language::German];

    /// The language for a Discord locale: its primary language if translated, else English.
    pub fn from_locale(locale: &str) -> Language {
        let primary = locale.split(['-', '_']).next().unwrap_or_default();
        match primary.to_ascii_lowercase().as_str() {
            "de" => Language::German,
            _ => Language::English,
        }
    }

    /// The Discord locale key of this language's command localizations ("de").
    pub fn discord_locale(self) -> &'static str {
        SOURCES[self.index()].0
    }

    /// The short tag a template file's `[translations.<tag>]` uses ("en", "de").
    pub fn tag(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::German => "de",
        }
    }

    fn index(self) -> usize {
        match self {
            Language::English => 0,
            Language::German => 1,
        }
    }

    /// The message `id` without arguments.
    pub fn t(self, id: &str) -> String {
        self.t_with(id, &[])
    }

    /// The message `id` with its placeables filled from `args` (name, value). A message
    /// missing in this language falls back to English (the test in `tests.rs` keeps every
    /// language complete), and an unknown id is returned as itself so it shows up in review.
    pub fn t_with(self, id: &str, args: &[(&str, Arg)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            let value = match value {
                Arg::Text(text) => FluentValue::from(text.as_str()),
                Arg::Count(n) => FluentValue::from(*n),
            };
            fluent_args.set(*name, value);
        }
        for bundle in [&BUNDLES[self.index()], &BUNDLES[0]] {
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
                if !errors.is_empty() {
                    tracing::warn!(id, ?errors, "a message was formatted with errors");
                }
                return text.into_owned();
            }
        }
        tracing::warn!(id, "no such message");
        id.to_string()
    }
}

/// One argument of a message: text shown as is, or a count (plural forms select on it).
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    Text(String),
    Count(i64),
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_string())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Arg {
        Arg::Text(text.clone())
    }
}

macro_rules! count_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Count(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
count_arg!(usize, u64, u32, i64, i32);

/// `lang.t_with(id, &[(name, value.into()), …])` written as `tr!(lang, id, name = value, …)`.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $id:literal) => { $lang.t($id) };
    ($lang:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $lang.t_with($id, &[$((stringify!($name), $crate::i18n::Arg::from($value))),+])
    };
}

static BUNDLES: LazyLock<Vec<FluentBundle<FluentResource>>> = LazyLock::new(|| {
    SOURCES
        .iter()
        .map(|(locale, sources)| {
            let langid: LanguageIdentifier = locale.parse().expect("a valid language tag");
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            // Discord renders the isolation marks as boxes in some clients: leave them out.
            bundle.set_use_isolating(false);
            for (file, source) in FILES.iter().zip(sources) {
                let resource =
                    FluentResource::try_new(source.to_string()).unwrap_or_else(|(_, errors)| {
                        panic!("locales/{locale}/{file}.ftl: {errors:?}")
                    });
                bundle
                    .add_resource(resource)
                    .unwrap_or_else(|errors| panic!("locales/{locale}/{file}.ftl: {errors:?}"));
            }
            bundle
        })
        .collect()
});
