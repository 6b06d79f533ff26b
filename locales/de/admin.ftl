# Deutsch — server administration: schedules, settings, team templates, help.
