//! Templates: the built-in catalog, validation of template files, and lookups.

use super::*;

#[test]
fn builtin_customer_obsession_has_the_exact_wording() {
    let catalog = TemplateCatalog::builtin();
    let t = catalog.get(DEFAULT_TEMPLATE_KEY).unwrap();
    assert_eq!(t.name, "Amazon \"Customer Obsession\" Health Check");
    assert_eq!(
        t.statements,
        [
            "As a team, we have direct contact with our customers.",
            "As a team, we maintain a trusting and cooperative relationship with our customers.",
            "We scrutinize the intended customer benefit for every task.",
        ]
    );
    assert_eq!(t.questions.len(), 4);
    assert_eq!(
        t.questions[1],
        "Which decisions should we have discussed or reconsidered with customer satisfaction as our top priority?"
    );
    assert_eq!(t.scale, Scale::thumbs());
}

#[test]
fn builtin_squad_health_check_uses_a_traffic_light_scale() {
    let catalog = TemplateCatalog::builtin();
    let t = catalog.get("squad-health-check").unwrap();
    assert_eq!(t.statements.len(), 11);
    assert!(t.statements[0].starts_with("Delivering value: We deliver great stuff!"));
    assert!(t.statements[10].starts_with("Teamwork:"));
    assert!(t.questions.is_empty());
    let scale: Vec<(&str, f64)> = t
        .scale
        .options
        .iter()
        .map(|o| (o.emoji.as_str(), o.weight))
        .collect();
    assert_eq!(scale, [("🟢", 1.0), ("🟡", 0.5), ("🔴", 0.0)]);
    // The default template still comes first.
    assert_eq!(catalog.iter().next().unwrap().key, DEFAULT_TEMPLATE_KEY);
}

#[test]
fn errors_name_file_field_and_problem() {
    let e = Template::from_toml(
        "team.toml",
        "key = \"Bad Key\"\nname = \"x\"\nstatements=[\"a\"]",
    )
    .unwrap_err();
    assert_eq!(e.field, "key");
    assert!(e.to_string().starts_with("team.toml: field `key`:"), "{e}");

    let e = Template::from_toml(
        "t.toml",
        "key = \"k\"\nname = \"n\"\nstatements = [\"a\", \" \"]",
    )
    .unwrap_err();
    assert_eq!(e.field, "statements[1]");
    assert_eq!(e.problem, TemplateProblem::Empty);

    let e = Template::from_toml("t.toml", "key = \"k\"\nname = \"n\"").unwrap_err();
    assert_eq!(
        (e.field.as_str(), e.problem.to_string().as_str()),
        ("statements", "is missing")
    );

    let e = Template::from_toml(
        "t.toml",
        "key = \"k\"\nname = \"n\"\nstatements = [\"a\"]\ncolour = 1",
    )
    .unwrap_err();
    assert!(e.problem.to_string().contains("unknown field"), "{e}");
}

#[test]
fn long_descriptions_are_refused() {
    let text = format!(
        "key = \"k\"\nname = \"n\"\nstatements = [\"a\"]\ndescription = \"{}\"\n",
        "x".repeat(MAX_DESCRIPTION_CHARS + 1)
    );
    let e = Template::from_toml("t.toml", &text).unwrap_err();
    assert_eq!(e.field, "description");
}

#[test]
fn scale_is_validated() {
    let base = "key = \"k\"\nname = \"n\"\nstatements = [\"a\"]\n";
    let one = format!("{base}[[scale]]\nemoji = \"🟢\"\nlabel = \"good\"\nweight = 1.0\n");
    let e = Template::from_toml("t.toml", &one).unwrap_err();
    assert_eq!(e.field, "scale");
    let dup = format!("{one}[[scale]]\nemoji = \"🟢\"\nlabel = \"bad\"\nweight = 0.0\n");
    assert_eq!(
        Template::from_toml("t.toml", &dup).unwrap_err().field,
        "scale[1].emoji"
    );
    let ok = format!("{one}[[scale]]\nemoji = \"🔴\"\nlabel = \"bad\"\nweight = 0.0\n");
    let t = Template::from_toml("t.toml", &ok).unwrap();
    assert_eq!(t.scale.option_of("🔴"), Some(1));
    assert_eq!(t.scale.option_of("👍"), None);
}

#[test]
fn catalog_rejects_duplicate_keys_and_matches_queries() {
    let mut catalog = TemplateCatalog::builtin();
    let dup = Template::builtin().remove(0);
    assert!(catalog.add("x.toml", dup).is_err());
    assert_eq!(catalog.matching("OBSESS").count(), 1);
    assert_eq!(catalog.matching("nothing-like-this").count(), 0);
}
