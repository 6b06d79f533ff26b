//! The templates one server can use: the built-in ones, the operator's (`templates_dir`) and
//! the server's own, each marked with where it comes from. Only the server's own can be
//! edited or deleted; new keys never clash with any template the server can see.

use std::fmt;

use super::template::{Template, TemplateCatalog};
use super::template_text::unique_key;

/// Where a template a server sees comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TemplateOrigin {
    /// Shipped inside the binary (read-only).
    BuiltIn,
    /// From the operator's `templates_dir` (read-only).
    Operator,
    /// Made in this server with `/retro template create` or `import`.
    Server,
}

impl fmt::Display for TemplateOrigin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TemplateOrigin::BuiltIn => "built-in",
            TemplateOrigin::Operator => "operator",
            TemplateOrigin::Server => "this server",
        })
    }
}

/// Why a server cannot change a template.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TemplateChangeError {
    #[error("there is no template `{0}` in this server")]
    Unknown(String),
    #[error("`{key}` is a {origin} template and cannot be changed here; export it and import a copy under another key")]
    ReadOnly { key: String, origin: TemplateOrigin },
    #[error("the key `{0}` is already used by a template this server can see; pick another")]
    KeyTaken(String),
}

/// The templates of one server: the shared catalog plus the server's own.
pub struct ServerCatalog<'a> {
    shared: &'a TemplateCatalog,
    own: Vec<Template>,
    /// The shipped templates, to tell them from the operator's.
    builtin: Vec<Template>,
}

impl<'a> ServerCatalog<'a> {
    /// `shared` is the process-wide catalog (built-in and operator templates), `own` the
    /// server's templates from the store.
    pub fn new(shared: &'a TemplateCatalog, own: Vec<Template>) -> ServerCatalog<'a> {
        ServerCatalog {
            shared,
            own,
            builtin: Template::builtin(),
        }
    }

    fn shared_origin(&self, template: &Template) -> TemplateOrigin {
        if self.builtin.contains(template) {
            TemplateOrigin::BuiltIn
        } else {
            TemplateOrigin::Operator
        }
    }

    /// The template `key` as this server sees it (its own first: a key the operator adds
    /// later does not take a server's template away from it).
    pub fn get(&self, key: &str) -> Option<(&Template, TemplateOrigin)> {
        if let Some(own) = self.own.iter().find(|t| t.key == key) {
            return Some((own, TemplateOrigin::Server));
        }
        self.shared.get(key).map(|t| (t, self.shared_origin(t)))
    }

    /// Every template this server can use: the shared ones by key, then its own by key.
    pub fn iter(&self) -> impl Iterator<Item = (&Template, TemplateOrigin)> + '_ {
        let shared = self
            .shared
            .iter()
            .filter(|t| !self.own.iter().any(|o| o.key == t.key))
            .map(|t| (t, self.shared_origin(t)));
        let mut own: Vec<&Template> = self.own.iter().collect();
        own.sort_by(|a, b| a.key.cmp(&b.key));
        shared.chain(own.into_iter().map(|t| (t, TemplateOrigin::Server)))
    }

    /// Templates whose key or name contains `query` (case-insensitive), for autocomplete.
    pub fn matching<'q>(
        &'q self,
        query: &str,
    ) -> impl Iterator<Item = (&'q Template, TemplateOrigin)> + 'q {
        let query = query.to_lowercase();
        self.iter()
            .filter(move |(t, _)| t.key.contains(&query) || t.name.to_lowercase().contains(&query))
    }

    /// Whether any template this server can see has `key`.
    pub fn key_taken(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// A free key for a new template called `name`.
    pub fn new_key(&self, name: &str) -> String {
        unique_key(name, |k| self.key_taken(k))
    }

    /// Checks that a new template (created or imported) may use `key`.
    pub fn check_new_key(&self, key: &str) -> Result<(), TemplateChangeError> {
        if self.key_taken(key) {
            return Err(TemplateChangeError::KeyTaken(key.to_string()));
        }
        Ok(())
    }

    /// The server's own template `key`, which it may edit or delete.
    pub fn editable(&self, key: &str) -> Result<&Template, TemplateChangeError> {
        match self.get(key) {
            Some((t, TemplateOrigin::Server)) => Ok(t),
            Some((_, origin)) => Err(TemplateChangeError::ReadOnly {
                key: key.to_string(),
                origin,
            }),
            None => Err(TemplateChangeError::Unknown(key.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::template::DEFAULT_TEMPLATE_KEY;

    fn own(key: &str, name: &str) -> Template {
        Template::from_toml(
            "t",
            &format!("key = \"{key}\"\nname = \"{name}\"\nstatements = [\"We ship.\"]\n"),
        )
        .unwrap()
    }

    fn shared() -> TemplateCatalog {
        let mut catalog = TemplateCatalog::builtin();
        catalog
            .add("ops.toml", own("ops-check", "Ops check"))
            .unwrap();
        catalog
    }

    #[test]
    fn templates_are_marked_by_origin_and_only_the_servers_own_are_editable() {
        let shared = shared();
        let catalog = ServerCatalog::new(&shared, vec![own("pulse", "Team Pulse")]);
        let origins: Vec<(String, TemplateOrigin)> =
            catalog.iter().map(|(t, o)| (t.key.clone(), o)).collect();
        assert_eq!(
            origins,
            [
                (DEFAULT_TEMPLATE_KEY.to_string(), TemplateOrigin::BuiltIn),
                ("ops-check".to_string(), TemplateOrigin::Operator),
                ("squad-health-check".to_string(), TemplateOrigin::BuiltIn),
                ("pulse".to_string(), TemplateOrigin::Server),
            ]
        );
        assert!(catalog.editable("pulse").is_ok());
        let e = catalog.editable(DEFAULT_TEMPLATE_KEY).unwrap_err();
        assert!(e.to_string().contains("built-in template"), "{e}");
        assert!(matches!(
            catalog.editable("ops-check"),
            Err(TemplateChangeError::ReadOnly {
                origin: TemplateOrigin::Operator,
                ..
            })
        ));
        assert_eq!(
            catalog.editable("nope"),
            Err(TemplateChangeError::Unknown("nope".into()))
        );
        assert_eq!(catalog.matching("PULSE").count(), 1);
        assert_eq!(catalog.matching("ops").count(), 1);
        assert_eq!(catalog.matching("health check").count(), 2);
    }

    #[test]
    fn new_keys_never_clash_with_what_the_server_sees() {
        let shared = shared();
        let catalog = ServerCatalog::new(&shared, vec![own("pulse", "Team Pulse")]);
        assert_eq!(catalog.new_key("Pulse"), "pulse-2");
        assert_eq!(catalog.new_key("Ops Check"), "ops-check-2");
        assert_eq!(catalog.new_key("Fresh"), "fresh");
        assert!(catalog.check_new_key("customer-obsession").is_err());
        assert!(catalog.check_new_key("fresh").is_ok());
        // Another server's templates are not in this catalog at all.
        let other = ServerCatalog::new(&shared, Vec::new());
        assert!(other.get("pulse").is_none());
    }

    #[test]
    fn a_servers_own_template_wins_over_a_later_operator_key() {
        let mut shared = shared();
        shared
            .add("late.toml", own("pulse", "Operator pulse"))
            .unwrap();
        let catalog = ServerCatalog::new(&shared, vec![own("pulse", "Team Pulse")]);
        let (t, origin) = catalog.get("pulse").unwrap();
        assert_eq!(
            (t.name.as_str(), origin),
            ("Team Pulse", TemplateOrigin::Server)
        );
        assert_eq!(catalog.iter().filter(|(t, _)| t.key == "pulse").count(), 1);
    }
}
