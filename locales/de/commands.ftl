# Deutsch — member commands: actions, answers, exports, history, status, templates, start.

## Antworten, die alle Befehle teilen

error-database = Ich wollte { $what }, aber die Datenbank hatte ein Problem. Bitte versuch es gleich noch einmal.
not-found = { $what ->
    [action] Es gibt keine Maßnahme #{ $number }, die du sehen kannst.
    [schedule] Es gibt keinen Zeitplan #{ $number }, den du sehen kannst.
   *[retro] Es gibt keine Retro #{ $number }, die du sehen kannst.
}
respond-nothing-to-show = Nichts anzuzeigen.
rights-or-role = { " " }oder der Rolle { $role }
rights-only-managers = Nur Mitglieder mit der Berechtigung „Server verwalten“{ $role } können { $what }.
rights-what-manage-schedules = Zeitpläne verwalten
rights-what-manage-digests = Digests verwalten
rights-what-change-templates = die Vorlagen dieses Servers anlegen, ändern oder löschen
rights-what-import-templates = Vorlagen in diesen Server importieren

## /retro start und /retro close

start-what-read-settings = die Einstellungen dieses Servers lesen
start-will-resume = Discord ist gerade gestört ({ $error }); ich poste den Rest in Kürze.
close-not-open = { $name } ist nicht offen, es gibt also nichts zu beenden.
close-summary-refused = Discord hat die Zusammenfassung abgelehnt: { $error }
close-count-failed = Ich konnte die Stimmen auf Discord nicht zählen: { $error }
close-database-failed = die Datenbank hatte ein Problem

## /retro status

status-none-open = In diesem Kanal ist keine Retro offen. Starte eine mit `/retro start`.
status-what-read = die Retros lesen
status-state-posting = Retro wird eingerichtet
status-state-closing = Retro wird beendet
status-state-open = Offene Retro
status-summary-on-its-way = , ihre Zusammenfassung ist unterwegs
status-closes-at = , endet { $relative }
status-closes-by-hand = , endet, wenn die Moderation `/retro close` ausführt
status-headline = **{ $state } { $id }:** [{ $name }]({ $link }), gestartet von { $facilitator }{ $closes }.
status-participation = { $voters ->
    [one] { $voters } Mitglied hat
   *[other] { $voters } Mitglieder haben
} abgestimmt · { $replies ->
    [one] { $replies } Antwort
   *[other] { $replies } Antworten
} in den Threads der Fragen.

## /retro templates

templates-what-read = die Vorlagen dieses Servers lesen
templates-title = Vorlagen
templates-entry = **{ $name }** (`{ $key }`, { $origin }), abgestimmt mit { $scale }
template-origin-built-in = eingebaut
template-origin-operator = vom Betreiber
template-origin-server = dieser Server

## /retro history

history-count-out-of-range = `count` muss zwischen 1 und { $max } liegen; { $count } tut es nicht.
history-nothing-closed = In diesem Kanal ist noch kein Check-in beendet, es gibt also noch keinen Verlauf.
history-nothing-closed-start = In diesem Kanal ist noch kein Check-in beendet, es gibt also noch keinen Verlauf. Starte einen mit `/retro start`.
history-none-of-template = In diesem Kanal ist noch kein Check-in mit `{ $key }` beendet.
history-unknown-template = Es gibt keine Vorlage namens `{ $key }`, und hier ist auch kein Check-in damit beendet. `/retro templates` listet die Vorlagen auf.
history-title = Verlauf — { $template }
history-what-read = die vergangenen Check-ins lesen

## /retro export

export-format-csv = csv (Tabelle)
export-format-json = json (Daten)
export-format-markdown = markdown (Text)
export-scope-retro = ein Check-in
export-scope-server = ganzer Server
export-nothing-closed = Nichts zu exportieren: In diesem Kanal ist noch kein Check-in beendet.
export-not-a-number = `{ $given }` ist keine Retro-Nummer. Wähle eine aus der Liste, oder lass die Option leer für den zuletzt beendeten Check-in dieses Kanals.
export-not-closed = Retro { $id } ist noch nicht beendet: Nur beendete Check-ins lassen sich exportieren. Beende sie zuerst mit `/retro close`.
export-what-read = den Check-in lesen
export-nothing-recorded = Nichts zu exportieren: Retro { $id } wurde ohne Stimmen und Antworten beendet.
export-too-large = Der { $format }-Export von Retro { $id } ist { $size } MB groß, mehr als die { $limit } MB, die Discord mich anhängen lässt. Versuch es mit `csv`, dem kompaktesten Format.
export-done = Export von { $name } ({ $id }): { $votes ->
    [one] { $votes } Stimme
   *[other] { $votes } Stimmen
} von { $voters ->
    [one] { $voters } Mitglied
   *[other] { $voters } Mitgliedern
}, { $replies ->
    [one] { $replies } Antwort
   *[other] { $replies } Antworten
}.
export-latest-choice = latest (der zuletzt beendete Check-in dieses Kanals)
export-closed-choice = { $id } { $name } (beendet am { $date })

## /retro action

action-usage = Nutze `/retro action add`, `/retro action list` oder `/retro action done`.
action-what-read-save = die Maßnahmen lesen oder speichern
action-no-check-in = In diesem Kanal gab es noch keinen Check-in; Maßnahmen gehören zu einem Check-in. Starte einen mit `/retro start`.
action-recorded = Festgehalten bei { $name } ({ $retro }): { $action }
    Der nächste Check-in hier beginnt damit, bis `/retro action done { $id }` sie erledigt.
action-list-none-yet = In diesem Kanal gibt es noch keine Maßnahmen.
action-list-empty = In diesem Kanal gibt es noch keine Maßnahmen. Füge eine mit `/retro action add` hinzu.
action-list-title = Maßnahmen
action-list-open = __Offen ({ $count })__
action-list-none-open = Keine offenen Maßnahmen. 🎉
action-list-done = __Kürzlich erledigt__
action-done-no-id = Gib die Nummer der Maßnahme an, z. B. `/retro action done id:4`.
action-done-not-here = { $refusal } Hier lassen sich nur die Maßnahmen dieses Kanals als erledigt markieren; `/retro action list` zeigt sie.
action-already-done = Maßnahme #{ $id } war schon erledigt.
action-marked-done = Maßnahme #{ $id } ist als erledigt markiert: { $text }

## Berechtigungen, wie Discords Einstellungen sie nennen

permission-view-channel = Kanal ansehen
permission-send-messages = Nachrichten senden
permission-embed-links = Links einbetten
permission-add-reactions = Reaktionen hinzufügen
permission-read-message-history = Nachrichtenverlauf anzeigen
permission-create-public-threads = Öffentliche Threads erstellen
permission-send-messages-in-threads = Nachrichten in Threads senden
permission-attach-files = Dateien anhängen
