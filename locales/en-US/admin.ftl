# English — server administration: schedules, settings, team templates, help. Every message here must exist in every other language's admin.ftl with the same $variables.
