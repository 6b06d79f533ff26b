# Die Texte von retrobot auf Deutsch. Jede Nachricht der englischen Datei muss hier stehen,
# mit denselben $Variablen (src/i18n/tests.rs prüft beides).

## Die Retro, wie sie im Kanal erscheint

retro-facilitator = **Moderation:** { $facilitator }
retro-closes-at = **Endet:** { $relative } ({ $absolute })
retro-closes-by-hand = **Endet:** wenn die Moderation `/retro close` ausführt
retro-footer = Retro { $id } · /retro status zeigt die Beteiligung
retro-how-named = **So machst du mit**
    • Reagiere auf jede der { $statements } Aussagen unten: { $scale }. Deine neueste Reaktion zählt; entferne sie, um deine Stimme zurückzunehmen.
retro-how-named-questions = • Beantworte die { $questions } offenen Fragen mit dem Button **Antworten** in ihren Threads (unter deinem Namen; klicke erneut, um zu ändern oder zurückzuziehen).
retro-statement = **Aussage { $position } von { $total }**
retro-question = **Offene Frage { $position } von { $total }**
retro-question-reply-here = *Klicke auf **Antworten**, um unter deinem Namen zu antworten (erneut, um zu ändern oder zurückzuziehen); hier getippte Antworten zählen auch, wenn der Bot sie lesen darf.*
retro-answer-button = Antworten

## Anonyme Check-ins, wie sie erscheinen

anonymous-how = **So machst du mit** — 🔒 *anonymer Check-in*
    • Klicke unter jeder der { $statements } Aussagen unten auf einen Button: { $scale }. Ein anderer Button ändert deine Stimme, derselbe noch einmal nimmt sie zurück. Nur du siehst deine Stimme; die Aussagen zeigen, wie viele abgestimmt haben, nie wer.
anonymous-how-nobody = • Niemand, auch nicht die Moderation, kann sehen, wer wie abgestimmt oder was geantwortet hat, und nach dem Ende des Check-ins weiß es nicht einmal die Datenbank des Bots. Die Zusammenfassung zeigt nur Zahlen.
anonymous-voted = { $voters ->
    [one] 🗳️ **{ $voters }** Person hat abgestimmt
   *[other] 🗳️ **{ $voters }** Personen haben abgestimmt
}
anonymous-answer-here = *Antworte mit dem Button unten: Deine Antwort erscheint in diesem Thread ohne deinen Namen. Klicke ihn noch einmal, um deine Antwort zu ändern oder zurückzuziehen. Hier getippte Nachrichten zählen nicht, da sie deinen Namen zeigen.*
anonymous-answers-closed = *🔒 Antworten sind geschlossen.*
anonymous-voting-closed = 🔒 Abstimmung beendet · **{ $voters }** abgestimmt

## Die Zusammenfassung

summary-title = Zusammenfassung — { $heading }
summary-title-continued = Zusammenfassung — { $heading } (Fortsetzung)
summary-part = Teil { $part } von { $parts }
summary-overview = **{ $voters }** Mitglieder haben abgestimmt · **{ $replies }** Antworten von **{ $repliers }** Mitgliedern · Moderation { $facilitator }
summary-anonymous = 🔒 *Anonymer Check-in: nur Zahlen, Antworten ohne Namen.*
summary-statements = __Aussagen__
summary-questions = __Offene Fragen__
summary-actions = __Maßnahmen aus diesem Check-in__
summary-agree = { $share } Zustimmung
summary-no-votes = keine Stimmen
summary-participants = { $participants ->
    [one] { $participants } Person
   *[other] { $participants } Personen
}
summary-split-hidden = { $voters } abgestimmt · *zu wenige Stimmen, um sie zu zeigen, ohne zu verraten, wer wie gestimmt hat*
summary-replies = { $count ->
    [one] { $count } Antwort
   *[other] { $count } Antworten
}
summary-thread = Thread: { $thread }

## Antworten, die nur die aufrufende Person sieht

error-not-in-direct-messages = Retros laufen im Textkanal eines Servers, nicht in Direktnachrichten.
error-unknown-command = Diesen Befehl kenne ich nicht. Versuch es mit `/retro start`.
start-not-a-text-channel = Führe `/retro start` in einem Textkanal aus (nicht in einem Thread, Forum oder Sprachkanal).
start-unknown-template = Es gibt keine Vorlage namens `{ $key }`. Bekannte Vorlagen: { $known }. `/retro templates` beschreibt sie.
start-missing-permissions = Ich kann in { $channel } keine Retro durchführen: Mir fehlen hier diese Berechtigungen: **{ $missing }**. Bitte eine Server-Administration, sie zu erteilen, und versuch es dann noch einmal.
start-started = [{ $name }]({ $link }) gestartet{ $how }: { $statements } Aussagen zum Abstimmen und { $questions } Fragen zum Beantworten in Threads.{ $closes } Beende sie mit `/retro close`.
start-started-anonymously = { " " }anonym (Abstimmung per Button, Antworten per Formular; niemand sieht, wer was gesagt hat)
start-closes = { " " }Sie endet { $relative }.
start-channel-busy = In diesem Kanal läuft schon eine Retro: [{ $name }]({ $link }). Beende sie mit `/retro close`, bevor du eine neue startest.
start-channel-being-set-up = In diesem Kanal wird gerade eine Retro eingerichtet oder beendet. Versuch es gleich noch einmal.
start-occurrence-taken = Dieser Check-in wurde schon gestartet.
start-what-save = die Retro speichern
start-nothing-posted = { $problem } Es wurde nichts gepostet.
start-removed-posts = Ich habe entfernt, was ich gepostet hatte; nichts ist offen.
start-leftover-posts = { $leftovers } meiner Beiträge konnte ich nicht entfernen; bitte lösche sie. Nichts ist offen.
start-failed = Ich konnte die Retro nicht starten: { $error }. { $cleanup } Prüfe meine Berechtigungen und versuch es noch einmal.

close-not-a-number = `{ $given }` ist keine Retro-Nummer. Wähle eine aus der Liste, oder lass die Option leer, um die Retro dieses Kanals zu beenden.
close-already-closing = Diese Retro wird gerade beendet; ihre Zusammenfassung erscheint gleich.
close-nothing-open = Hier ist keine Retro offen, die sich beenden ließe. `/retro status` listet die offenen auf.
close-what-look-up = die Retro nachschlagen
close-or-role = { " " }oder Mitglieder mit der Rolle { $role }
close-not-allowed = Nur { $facilitator } (hat diese Retro gestartet), Mitglieder mit der Berechtigung „Server verwalten“{ $role } können sie beenden.
close-closed = { $name } ist beendet. Die Zusammenfassung steht hier: { $link }
close-summary-pending = Die Retro ist gesperrt, aber die Zusammenfassung konnte ich noch nicht posten: { $error }. Ich versuche es weiter.

## Namen (für Discord: Kleinbuchstaben, keine Leerzeichen) und Beschreibungen der Befehle

cmd-retro = retro
cmd-retro-desc = Health-Check-Retrospektiven für Teams
cmd-start = starten
cmd-start-desc = Eine Health-Check-Retro in diesem Kanal starten
cmd-start-template = vorlage
cmd-start-template-desc = Welcher Health Check (Standard: customer-obsession)
cmd-start-title = titel
cmd-start-title-desc = Ein Titel, z. B. der Name des Sprints
cmd-start-duration = dauer
cmd-start-duration-desc = Automatisch beenden nach z. B. 45s, 90m, 48h, 2d oder 1w
cmd-start-anonymous = anonym
cmd-start-anonymous-desc = Per Button abstimmen und per Formular antworten; niemand sieht, wer was gesagt hat
cmd-close = beenden
cmd-close-desc = Eine Retro beenden und ihre Zusammenfassung posten
cmd-close-retro = retro
cmd-close-retro-desc = Welche Retro (Standard: die in diesem Kanal)
cmd-status = status
cmd-status-desc = Die offenen Retros dieses Kanals und die Beteiligung zeigen
cmd-templates = vorlagen
cmd-templates-desc = Die verfügbaren Health-Check-Vorlagen auflisten
cmd-schedule = zeitplan
cmd-schedule-desc = Wiederkehrende Check-ins
cmd-schedule-add = hinzufügen
cmd-schedule-add-desc = Einen wiederkehrenden Check-in planen
cmd-schedule-add-when = wann
cmd-schedule-add-when-desc = z. B. every monday 10:00, every 2 weeks on friday 16:30, 0 10 * * 1
cmd-schedule-add-timezone = zeitzone
cmd-schedule-add-timezone-desc = IANA-Zeitzone, z. B. Europe/Berlin
cmd-schedule-add-template = vorlage
cmd-schedule-add-template-desc = Welcher Health Check
cmd-schedule-add-title = titel
cmd-schedule-add-title-desc = Ein Titel für jeden Check-in
cmd-schedule-add-duration = dauer
cmd-schedule-add-duration-desc = Wie lange jeder Check-in offen bleibt, z. B. 2d
cmd-schedule-add-channel = kanal
cmd-schedule-add-channel-desc = Wo gepostet wird (Standard: hier)
cmd-schedule-add-team_role = team_rolle
cmd-schedule-add-team_role-desc = Die Rolle, deren Mitglieder teilnehmen sollen
cmd-schedule-add-anonymous = anonym
cmd-schedule-add-anonymous-desc = Per Button abstimmen und per Formular antworten; kein Mitglied wird gespeichert
cmd-schedule-list = liste
cmd-schedule-list-desc = Die Zeitpläne dieses Kanals auflisten
cmd-schedule-list-server = server
cmd-schedule-list-server-desc = Alle Zeitpläne dieses Servers auflisten
cmd-schedule-remove = entfernen
cmd-schedule-remove-desc = Einen Zeitplan löschen
cmd-schedule-remove-schedule = zeitplan
cmd-schedule-remove-schedule-desc = Welcher Zeitplan
cmd-schedule-pause = pausieren
cmd-schedule-pause-desc = Einen Zeitplan pausieren
cmd-schedule-pause-schedule = zeitplan
cmd-schedule-pause-schedule-desc = Welcher Zeitplan
cmd-schedule-resume = fortsetzen
cmd-schedule-resume-desc = Einen pausierten Zeitplan fortsetzen
cmd-schedule-resume-schedule = zeitplan
cmd-schedule-resume-schedule-desc = Welcher Zeitplan
cmd-history = verlauf
cmd-history-desc = Die letzten Check-ins dieses Kanals: Zustimmung je Aussage und ein Diagramm
cmd-history-template = vorlage
cmd-history-template-desc = Welcher Health Check (Standard: der zuletzt hier beendete)
cmd-history-count = anzahl
cmd-history-count-desc = Wie viele Check-ins gezeigt werden, 1 bis 12 (Standard: 6)
cmd-export = export
cmd-export-desc = Einen beendeten Check-in herunterladen: jede Stimme, jede Antwort, jede Zahl
cmd-export-retro = retro
cmd-export-retro-desc = Welcher beendete Check-in (Standard: latest, der letzte dieses Kanals)
cmd-export-format = format
cmd-export-format-desc = Dateiformat (Standard: csv)
cmd-action = maßnahme
cmd-action-desc = In Check-ins vereinbarte Maßnahmen
cmd-action-add = hinzufügen
cmd-action-add-desc = Eine Maßnahme zum neuesten Check-in dieses Kanals festhalten
cmd-action-add-text = text
cmd-action-add-text-desc = Was getan werden soll
cmd-action-add-owner = verantwortlich
cmd-action-add-owner-desc = Wer sich darum kümmert
cmd-action-add-due = fällig
cmd-action-add-due-desc = Fälligkeitsdatum als JJJJ-MM-TT
cmd-action-list = liste
cmd-action-list-desc = Die offenen Maßnahmen dieses Kanals auflisten (und die zuletzt erledigten)
cmd-action-done = erledigt
cmd-action-done-desc = Eine Maßnahme als erledigt markieren
cmd-action-done-id = nummer
cmd-action-done-id-desc = Die Nummer der Maßnahme

## Commands added with settings, templates, help and the organisation overview
cmd-export-scope = umfang
cmd-export-scope-desc = Ein Check-in (Standard) oder die teilenden Kanäle des ganzen Servers
cmd-help = hilfe
cmd-help-desc = Wie Retros hier laufen, was du tun darfst und was mir fehlt
cmd-settings = einstellungen
cmd-settings-desc = Die Retro-Einstellungen dieses Servers zeigen oder ändern (Server verwalten)
cmd-settings-facilitator_role = moderationsrolle
cmd-settings-facilitator_role-desc = Mitglieder mit dieser Rolle dürfen jede Retro schließen und Zeitpläne und Vorlagen verwalten
cmd-settings-default_template = standardvorlage
cmd-settings-default_template-desc = Die Vorlage für /retro start und neue Zeitpläne, wenn keine angegeben ist
cmd-settings-timezone = zeitzone
cmd-settings-timezone-desc = Zeitzone neuer Zeitpläne, z. B. Europe/Berlin
cmd-settings-anonymous_min_voters = anonym_mindeststimmen
cmd-settings-anonymous_min_voters-desc = Anonyme Retros verbergen die Verteilung einer Aussage unter so vielen Stimmen (mindestens 2)
cmd-settings-reminders = erinnerungen
cmd-settings-reminders-desc = Den Kanal erinnern, bevor eine Retro mit Dauer schließt
cmd-settings-checkin_duration = checkin_dauer
cmd-settings-checkin_duration-desc = Wie lange geplante Check-ins ohne Angabe offen bleiben, z. B. 2d
cmd-settings-reset = zuruecksetzen
cmd-settings-reset-desc = Eine Einstellung auf den Standard des Bots zurücksetzen
cmd-template = vorlage
cmd-template-desc = Die eigenen Health-Check-Vorlagen dieses Servers
cmd-template-create = erstellen
cmd-template-create-desc = Eine neue Vorlage in einem Formular schreiben
cmd-template-edit = bearbeiten
cmd-template-edit-desc = Eine Vorlage dieses Servers ändern
cmd-template-edit-template = vorlage
cmd-template-edit-template-desc = Welche Vorlage
cmd-template-delete = loeschen
cmd-template-delete-desc = Eine Vorlage dieses Servers löschen
cmd-template-delete-template = vorlage
cmd-template-delete-template-desc = Welche Vorlage
cmd-template-export = exportieren
cmd-template-export-desc = Eine Vorlage als TOML-Datei erhalten
cmd-template-export-template = vorlage
cmd-template-export-template-desc = Welche Vorlage
cmd-template-import = importieren
cmd-template-import-desc = Eine Vorlage aus einer TOML-Datei hinzufügen
cmd-template-import-file = datei
cmd-template-import-file-desc = Eine Vorlagendatei, wie der Export sie erstellt
cmd-overview = ueberblick
cmd-overview-desc = Die Gesundheit der Teams, die du sehen kannst: der letzte Check-in jedes Kanals
cmd-overview-template = vorlage
cmd-overview-template-desc = Welcher Health Check (Standard: der meistgenutzte)
cmd-share = teilen
cmd-share-desc = Ob die Zahlen dieses Kanals in Digests erscheinen dürfen
cmd-share-on = an
cmd-share-on-desc = Die Summen dieses Kanals (nur Zahlen) in Digests und im Server-Export zeigen
cmd-share-off = aus
cmd-share-off-desc = Die Check-ins dieses Kanals in diesem Kanal lassen
cmd-digest = digest
cmd-digest-desc = Wiederkehrende Überblicke der teilenden Teams in einem Hub-Kanal
cmd-digest-add = hinzufuegen
cmd-digest-add-desc = Den Überblick der teilenden Teams regelmäßig in einen Hub-Kanal posten
cmd-digest-add-channel = kanal
cmd-digest-add-channel-desc = Der Hub-Kanal
cmd-digest-add-when = wann
cmd-digest-add-when-desc = z. B. every monday 09:00, 0 9 * * 1
cmd-digest-add-template = vorlage
cmd-digest-add-template-desc = Welcher Health Check (Standard: der meistgenutzte)
cmd-digest-add-timezone = zeitzone
cmd-digest-add-timezone-desc = IANA-Zeitzone, z. B. Europe/Berlin
cmd-digest-list = liste
cmd-digest-list-desc = Die Digests dieses Servers auflisten
cmd-digest-remove = entfernen
cmd-digest-remove-desc = Einen Digest beenden
cmd-digest-remove-digest = digest
cmd-digest-remove-digest-desc = Welcher Digest
