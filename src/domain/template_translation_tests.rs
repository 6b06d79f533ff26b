//! Translations in template files: chosen by language, validated like the template, and the
//! built-in templates' German.

use crate::domain::template::{Template, TemplateError};

fn template(translations: &str) -> Result<Template, TemplateError> {
    let text = format!(
        "key = \"t\"\nname = \"T\"\nstatements = [\"One\", \"Two\"]\nquestions = [\"Why?\"]\n{translations}"
    );
    Template::from_toml("t.toml", &text)
}

#[test]
fn a_translation_is_used_for_its_language_and_kept_out_of_the_copy() {
    let t = template(
        "[translations.de]\nname = \"D\"\nstatements = [\"Eins\", \"Zwei\"]\nquestions = [\"Warum?\"]\nlabels = [\"ja\", \"nein\"]\n",
    )
    .unwrap();
    let german = t.in_language("de");
    assert_eq!(german.name, "D");
    assert_eq!(german.statements, ["Eins", "Zwei"]);
    assert_eq!(german.questions, ["Warum?"]);
    assert_eq!(german.scale.options[0].label, "ja");
    assert_eq!(german.scale.options[0].emoji, "👍");
    assert_eq!(german.language, "de");
    assert!(german.translations.is_empty());
    let french = t.in_language("fr");
    assert_eq!(french.statements, ["One", "Two"]);
    assert_eq!(french.language, "fr");
}

#[test]
fn translations_are_validated_like_the_template() {
    let wrong_count = template(
        "[translations.de]\nname = \"D\"\nstatements = [\"Eins\"]\nquestions = [\"Warum?\"]\n",
    )
    .unwrap_err();
    assert_eq!(wrong_count.field, "translations.de.statements");
    assert!(
        wrong_count
            .problem
            .to_string()
            .contains("the template has 2"),
        "{wrong_count}"
    );
    let empty = template(
        "[translations.de]\nname = \"D\"\nstatements = [\"Eins\", \" \"]\nquestions = [\"Warum?\"]\n",
    )
    .unwrap_err();
    assert_eq!(empty.field, "translations.de.statements[1]");
    let bad_tag = template(
        "[translations.German]\nname = \"D\"\nstatements = [\"Eins\", \"Zwei\"]\nquestions = [\"Warum?\"]\n",
    )
    .unwrap_err();
    assert_eq!(bad_tag.field, "translations.German");
    let unknown = template(
        "[translations.de]\nname = \"D\"\nstatment = [\"Eins\", \"Zwei\"]\nquestions = [\"Warum?\"]\n",
    )
    .unwrap_err();
    assert!(
        unknown
            .problem
            .to_string()
            .contains("unknown field `statment`"),
        "{unknown}"
    );
}

#[test]
fn the_builtin_templates_are_in_german_too() {
    for template in Template::builtin() {
        let german = template.in_language("de");
        assert_ne!(german.statements, template.statements, "{}", template.key);
        assert_ne!(german.description, template.description, "{}", template.key);
    }
    let co = Template::builtin().remove(0).in_language("de");
    assert_eq!(
        co.statements[0],
        "Wir als Team haben direkten Kontakt zu unseren Kunden."
    );
}
