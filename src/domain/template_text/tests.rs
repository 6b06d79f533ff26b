//! Templates typed in a modal: validation by line, and the round trip through text and TOML.

use super::*;
use crate::domain::template::{Scale, MAX_QUESTIONS};

fn text(statements: &str, questions: &str, scale: &str) -> TemplateText {
    TemplateText {
        name: "Team Pulse".into(),
        description: String::new(),
        statements: statements.into(),
        questions: questions.into(),
        scale: scale.into(),
    }
}

#[test]
fn lines_become_statements_questions_and_a_scale() {
    let t = parse_template_text(
        "team-pulse",
        &text(
            "We ship.\n\n  We learn.  \n",
            "What slowed us down?",
            "🟢 all good 1\n🟡 so so 0.5\n🔴 bad 0",
        ),
    )
    .unwrap();
    assert_eq!(t.key, "team-pulse");
    assert_eq!(t.name, "Team Pulse");
    assert_eq!(t.statements, ["We ship.", "We learn."]);
    assert_eq!(t.questions, ["What slowed us down?"]);
    assert_eq!(t.scale.options[0].label, "all good");
    assert_eq!(t.scale.options[1].weight, 0.5);
    let thumbs = parse_template_text("k", &text("We ship.", "", "")).unwrap();
    assert_eq!(thumbs.scale, Scale::thumbs());
    assert!(thumbs.questions.is_empty());
}

#[test]
fn errors_name_the_line_with_the_file_rules_messages() {
    let e = parse_template_text("k", &text("a", "", "🟢 good 1\n🔴 bad high")).unwrap_err();
    assert_eq!(e.place(), "scale line 2");
    assert!(
        e.to_string()
            .starts_with("scale line 2: weight must be a number"),
        "{e}"
    );

    // Line numbers count blank lines, as the member sees them in the box.
    let e = parse_template_text("k", &text("a\n\nb\na", "", "")).unwrap_err();
    assert_eq!(e.to_string(), "statements line 4: repeats an earlier entry");

    let e = parse_template_text("k", &text("a", "", "🟢 good 1\n🟢 again 0")).unwrap_err();
    assert_eq!(e.to_string(), "scale line 2: emoji 🟢 is used twice");
    let e = parse_template_text("k", &text("a", "", "🟢 good 1\n🔴 bad 2")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "scale line 2: weight must be a number from 0 to 1"
    );
    let e = parse_template_text("k", &text("a", "", "🟢 1")).unwrap_err();
    assert_eq!(e.place(), "scale line 1");
    let e = parse_template_text("k", &text("a", "", "🟢 good 1")).unwrap_err();
    assert_eq!(e.to_string(), "scale: needs 2 to 5 options, found 1");

    let e = parse_template_text("k", &text("", "", "")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "statements: needs 1 to 20 statements, found 0"
    );
    let many = (0..=MAX_QUESTIONS)
        .map(|i| format!("q{i}?"))
        .collect::<Vec<_>>()
        .join("\n");
    let e = parse_template_text("k", &text("a", &many, "")).unwrap_err();
    assert_eq!(e.place(), "questions");
    let long = "x".repeat(1_001);
    let e = parse_template_text("k", &text("a", &format!("ok?\n{long}"), "")).unwrap_err();
    assert_eq!(e.place(), "questions line 2");
    assert!(e.problem.to_string().contains("at most 1000"), "{e}");

    let mut blank_name = text("a", "", "");
    blank_name.name = "  ".into();
    assert_eq!(
        parse_template_text("k", &blank_name)
            .unwrap_err()
            .to_string(),
        "name: is empty"
    );
}

#[test]
fn text_toml_and_back_give_the_same_template() {
    let mut typed = text(
        "We ship.\nWe \"quote\" things.",
        "What slowed us down?\nWhat helped?",
        "🟢 all good 1\n🟡 so so 0.5\n🔴 bad 0",
    );
    typed.description = "Monthly pulse.".into();
    let template = parse_template_text("team-pulse", &typed).unwrap();
    let toml = template_to_toml(&template);
    let again = Template::from_toml("export.toml", &toml).unwrap();
    assert_eq!(again, template);
    // The edit prefill parses back to the same template too.
    assert_eq!(
        parse_template_text("team-pulse", &template_to_text(&template)).unwrap(),
        template
    );
    // And so do the built-in templates.
    for builtin in Template::builtin() {
        let toml = template_to_toml(&builtin);
        assert_eq!(Template::from_toml("x", &toml).unwrap(), builtin);
        let text = template_to_text(&builtin);
        // The form has no place for translations: an edited template is in one language.
        let untranslated = Template {
            translations: Default::default(),
            ..builtin.clone()
        };
        assert_eq!(
            parse_template_text(&builtin.key, &text).unwrap(),
            untranslated
        );
    }
}

#[test]
fn keys_are_slugs_of_the_name_and_unique() {
    assert_eq!(key_from_name("Team Pulse #2"), "team-pulse-2");
    assert_eq!(key_from_name("  Ünïcode—Check!! "), "n-code-check");
    assert_eq!(key_from_name("🚀🚀"), "template");
    assert_eq!(key_from_name(&"a".repeat(40)).len(), 32);
    let taken = ["team-pulse", "team-pulse-2"];
    assert_eq!(
        unique_key("Team Pulse", |k| taken.contains(&k)),
        "team-pulse-3"
    );
    assert_eq!(unique_key("Other", |k| taken.contains(&k)), "other");
    let long = "b".repeat(40);
    let key = unique_key(&long, |k| k.len() == 32 && k.chars().all(|c| c == 'b'));
    assert_eq!(key, format!("{}-2", "b".repeat(30)));
}
