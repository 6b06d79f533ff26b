# Deutsch — server administration: schedules, settings, team templates, help.

## Was nicht geklappt hat, in „Ich konnte { $what } nicht (Datenbankproblem)“

admin-what-read-settings = die Einstellungen dieses Servers lesen
admin-what-save-settings = die Einstellungen speichern
admin-what-read-templates = die Vorlagen dieses Servers lesen
admin-what-read-schedules = die Zeitpläne lesen
admin-what-save-schedule = den Zeitplan speichern
admin-what-change-schedule = den Zeitplan ändern
admin-what-look-up-schedules = die Zeitpläne nachschlagen
admin-what-delete-template = die Vorlage löschen
admin-what-save-template = die Vorlage speichern

## /retro settings

cmd-settings-language = sprache
cmd-settings-language-desc = Die Sprache der Beiträge dieses Servers (Standard: automatisch, die Sprache des Servers in Discord)
settings-language-choice-auto = automatisch (die Sprache des Servers in Discord)
# Der Name jeder Sprache, die die Einstellung `language` anbietet, nach ihrem Kürzel: settings-language-<Kürzel>.
settings-language-en = Englisch
settings-language-de = Deutsch
settings-language-auto = automatisch (derzeit { $language }, die Sprache des Servers in Discord)
settings-facilitator-everyone = { cmd-settings-facilitator_role }: @everyone kann nicht die Moderationsrolle sein; wähle eine Rolle, die nur die Moderation hat
settings-unknown-template = { cmd-settings-default_template }: Es gibt keine Vorlage `{ $key }` auf diesem Server; `/retro templates` listet sie auf
settings-unknown-language = { cmd-settings-language }: `{ $tag }` ist keine der Möglichkeiten { $choices }
settings-set-and-reset = { $name }: kann nicht zugleich gesetzt und zurückgesetzt werden
settings-manage-server-only = Nur Mitglieder mit der Berechtigung „Server verwalten“ können die Einstellungen dieses Servers ändern. `/retro settings` ohne Optionen zeigt sie.
settings-saved = Einstellungen gespeichert. Sie gelten für Retros und Zeitpläne, die ab jetzt starten; laufende behalten ihre.
settings-shown = Die Retro-Einstellungen dieses Servers (`/retro settings` mit Optionen ändert sie; nur mit „Server verwalten“):
settings-line = { $name }: { $value } ({ $source })
settings-set-here = hier festgelegt
settings-default = Standard
settings-no-facilitator-role = keine (nur „Server verwalten“ und wer die Retro startet)
settings-on = an
settings-off = aus

## /retro help

help-how-a-retro-goes = **So läuft eine Retro**
    1. `/retro start` postet die Aussagen (Abstimmung mit 👍/👎) und je Frage einen Thread (dort antworten).
    2. Mitglieder stimmen ab und antworten, bis die Retro endet: mit `/retro close` oder wenn ihre Dauer abläuft.
    3. Die Zusammenfassung erscheint hier; `/retro history` und `/retro export` blicken darauf zurück.
    `/retro schedule add` startet Check-ins von selbst; `/retro action add` hält fest, was ihr vereinbart habt.
help-what-you-may = **Was du in { $channel } tun darfst**
    eine Retro starten, abstimmen und antworten, { $close }; { $schedules }.
help-close-any = jede Retro hier beenden („Server verwalten“ oder die Moderationsrolle)
help-close-own = die Retros beenden, die du gestartet hast
help-schedules-manage = Zeitpläne hinzufügen, pausieren und entfernen
help-schedules-list = Zeitpläne auflisten (Hinzufügen, Pausieren und Entfernen erfordern „Server verwalten“ oder die Moderationsrolle)
help-missing = **Berechtigungen, die mir hier fehlen:** { $missing }
help-missing-none = keine: Ich habe hier alles, was ich brauche.
help-missing-some = **{ $permissions }**. Bitte eine Server-Administration, sie zu erteilen.
help-missing-unknown = unbekannt (Discord hat es nicht mitgeteilt).
help-settings = **Die Einstellungen dieses Servers**

## /retro schedule

schedule-use = Verwende `/retro schedule add`, `list`, `remove`, `pause` oder `resume`.
schedule-unknown-template = Es gibt keine Vorlage namens `{ $key }`. `/retro templates` listet sie auf.
schedule-never-fires = `{ $when }` tritt nie wieder ein, also gibt es nichts zu planen.
schedule-channel-not-visible = Wähle einen Kanal, den du sehen kannst: Nur dort lassen sich Check-ins planen.
schedule-channel-unreachable = Ich kann { $channel } nicht sehen ({ $error }). Gib mir Zugriff darauf oder wähle einen anderen Kanal.
schedule-missing-permissions = Ich kann in { $channel } keine Check-ins durchführen: Mir fehlen dort diese Berechtigungen: **{ $missing }**. Bitte eine Server-Administration, sie zu erteilen, und versuch es dann noch einmal.
schedule-added = **{ $rule }** in { $channel } geplant: { $template }{ $title }, jeder Check-in ist { $duration } offen{ $team }.{ $anonymous }
    Nächste: { $next }.
    Das ist Zeitplan { $id }; `/retro schedule remove` beendet ihn.
schedule-added-title = { " " }— { $title }
schedule-added-team = , erwartet wird { $role }
schedule-added-anonymous = { " " }Die Check-ins sind anonym.
schedule-none-in-channel = In diesem Kanal gibt es keine Zeitpläne. Erstelle einen mit `/retro schedule add`.
schedule-none-in-server = Auf diesem Server gibt es keine Zeitpläne. Erstelle einen mit `/retro schedule add`.
schedule-line = **{ $id }** { $rule } in { $channel } · `{ $template }` · { $next }
schedule-line-paused = pausiert
schedule-line-next = als Nächstes { $at }
schedule-line-never = tritt nie wieder ein
schedule-not-a-number = `{ $given }` ist keine Zeitplan-Nummer. Wähle eine aus der Liste; `/retro schedule list server:true` listet sie auf.
schedule-not-found = Es gibt keinen Zeitplan #{ $number }, den du sehen kannst.
schedule-removed = Zeitplan { $id } ({ $rule }) entfernt.
schedule-paused = Zeitplan { $id } ({ $rule }) pausiert.
schedule-resumed = Zeitplan { $id } ({ $rule }) fortgesetzt (nächster Check-in { $at }).
schedule-resumed-never = Zeitplan { $id } ({ $rule }) fortgesetzt (er tritt nie wieder ein).

## /retro template (die eigenen Vorlagen eines Servers)

team-template-use = Verwende `/retro template create`, `edit`, `delete`, `export` oder `import`.
team-template-cannot-edit = Das kann ich nicht bearbeiten: { $problem }.
team-template-too-long = `{ $key }` ist zu lang, um es in einem Formular zu bearbeiten. Verwende `/retro template export`, bearbeite die Datei, lösche die Vorlage und importiere die Datei mit `/retro template import`.
team-template-cannot-delete = Das kann ich nicht löschen: { $problem }.
team-template-gone = Es gibt die Vorlage `{ $key }` auf diesem Server nicht mehr.
team-template-deleted = Die Vorlage **{ $name }** (`{ $key }`) ist gelöscht.{ $schedules } Bereits gestartete Retros behalten ihre.
team-template-used-by-none = { " " }Kein Zeitplan verwendet sie.
team-template-used-by = { " " }Diese Zeitpläne verwenden weiter ihre eigene Kopie: { $schedules }. `/retro schedule remove` beendet sie.
team-template-schedule = Zeitplan { $id } ({ $rule }) in { $channel }
team-template-outside-server = Vorlagen gehören zu einem Server; verwende das Formular im Kanal eines Servers.
team-template-not-saved = Deine Vorlage wurde nicht gespeichert: { $problem }. Führe den Befehl noch einmal aus, um das zu beheben.
team-template-key-taken = Deine Vorlage wurde nicht gespeichert: Der Schlüssel `{ $key }` wurde gerade vergeben. Versuch es noch einmal.
team-template-saved = **{ $name }** als `{ $key }` für diesen Server gespeichert: { $statements ->
        [one] { $statements } Aussage
       *[other] { $statements } Aussagen
    }, { $questions ->
        [one] { $questions } Frage
       *[other] { $questions } Fragen
    }, abgestimmt wird mit { $scale }. Starte sie mit `/retro start template:{ $key }`.
team-template-unknown = Es gibt keine Vorlage `{ $key }` auf diesem Server. `/retro templates` listet sie auf.
team-template-exported = **{ $name }** (`{ $key }`, { $origin }) als Vorlagendatei. `/retro template import` (hier oder auf einem anderen Server) und das `templates_dir` des Bots nehmen sie an; ändere ihren `key`, um beide zu behalten.
team-template-attach = Hänge eine Vorlagendatei an (`.toml`, wie `/retro template export` sie erstellt).
team-template-file-too-big = `{ $file }` ist zu groß für eine Vorlagendatei (höchstens { $kib } KiB).
team-template-file-unreadable = Ich konnte `{ $file }` nicht von Discord lesen. Bitte versuch es noch einmal.
team-template-file-not-text = `{ $file }` ist keine Textdatei (UTF-8).
team-template-not-imported = Nicht importiert: { $problem }
team-template-key-not-new = Nicht importiert: { $problem } (ändere `key` in der Datei).
team-template-key-used = Nicht importiert: Der Schlüssel `{ $key }` gehört schon zu einer Vorlage, die dieser Server sieht (ändere `key` in der Datei).
team-template-imported = **{ $name }** als `{ $key }` für diesen Server importiert. Starte sie mit `/retro start template:{ $key }`.

## Das Vorlagenformular (Beschriftungen: höchstens 45 Zeichen)

team-template-form-new = Neue Health-Check-Vorlage
team-template-form-edit = Vorlage { $key } bearbeiten
team-template-form-name = Name
team-template-form-name-example = Team-Puls
team-template-form-description = Beschreibung (optional)
team-template-form-statements = Aussagen zum Abstimmen, eine pro Zeile
team-template-form-statements-example = Wir liefern, was Kunden sich wünschen.
    Wir wissen, warum wir bauen, was wir bauen.
team-template-form-questions = Offene Fragen, eine pro Zeile (optional)
team-template-form-scale = Skala: Emoji Name Gewicht je Zeile (optional)
team-template-form-scale-example = 🟢 gut 1
    🟡 mittel 0.5
    🔴 schlecht 0
