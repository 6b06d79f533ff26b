# Deutsch — die Organisation: Überblick, Teilen, Digests, Server-Export, Erinnerungen, Berichte. Jede Nachricht der englischen organisation.ftl muss hier stehen, mit denselben $Variablen.

## Was fehlschlug, in „Ich konnte … nicht (Datenbankproblem)“

org-what-read-check-ins = die Check-ins lesen
org-what-save-choice = die Auswahl speichern
org-what-save-digest = den Digest speichern
org-what-read-digests = die Digests lesen
org-what-remove-digest = den Digest entfernen

## Der Überblick (/retro overview und Digests)

org-channels-unreadable = Ich konnte die Kanäle dieses Servers nicht von Discord lesen. Bitte versuch es gleich noch einmal.
overview-none-visible = Noch kein Kanal, den du sehen kannst, hat einen abgeschlossenen Check-in.
overview-none-of-template = Kein Kanal, den du sehen kannst, hat einen abgeschlossenen Check-in von `{ $template }`.
overview-title = Überblick: { $template }
overview-footer = Nur Zahlen: keine Namen, keine Antworten. Trend: seit dem vorigen Check-in des Teams.
overview-unknown-channel = Kanal { $channel }
overview-teams = **{ $template }** · { $teams ->
    [one] { $teams } Team
   *[other] { $teams } Teams
}
overview-participants = { $voters ->
    [one] { $voters } Person
   *[other] { $voters } Personen
}
overview-anonymous = anonym
overview-not-asked = nicht gefragt
overview-split-hidden = { $voters } abgestimmt (zu wenige für eine anonyme Aufteilung: nur Anzahlen)
overview-no-votes = keine Stimmen
overview-agree = { $share } Zustimmung{ $trend } · { $voters } abgestimmt
overview-first = (erster)

## Teilen

share-not-allowed = Nur Mitglieder mit „Server verwalten“, mit „Kanäle verwalten“ in diesem Kanal oder mit der Moderationsrolle können festlegen, was dieser Kanal teilt.
share-on = Dieser Kanal teilt jetzt die Zahlen seiner Check-ins (Zustimmung, Trend, Teilnehmende; nie Namen oder Antworten) in Digests und im Server-Export. `/retro share off` beendet das.
share-off = Dieser Kanal teilt nicht mehr: Seine Check-ins bleiben ab jetzt aus Digests und dem Server-Export heraus.

## Digests

digest-unknown-template = Es gibt keine Vorlage namens `{ $key }`. `/retro templates` listet sie auf.
digest-never-fires = `{ $when }` tritt nie wieder ein, es gibt also nichts zu planen.
digest-pick-hub = Wähle den Sammelkanal, in dem der Digest erscheinen soll.
digest-missing-permissions = Ich könnte in { $hub } keine Digests posten: Mir fehlen dort diese Berechtigungen: **{ $missing }**.
digest-hub-unseen = Ich kann { $hub } nicht sehen ({ $error }). Gib mir Zugriff darauf oder wähle einen anderen Kanal.
digest-created = Digest { $id } von { $template } in { $hub }: **{ $rule }**.
    Nächster: { $next }.
    Nur Kanäle, die `/retro share on` gewählt haben, erscheinen, und nur mit Zahlen. `/retro digest remove` beendet ihn.
digest-most-used = dem meistgenutzten Health Check
digest-none = Dieser Server hat keine Digests. Lege einen mit `/retro digest add` an.
digest-paused = pausiert
digest-next = nächster { $when }
digest-never-again = tritt nie wieder ein
digest-line = **{ $id }** { $rule } in { $hub } · { $template } · { $next }
digest-choice = { $id } { $rule } in #{ $hub } ({ $template })
digest-removed = Digest #{ $id } entfernt.
digest-unknown = Es gibt keinen Digest `{ $given }` auf diesem Server. `/retro digest list` listet sie auf.
digest-title = Digest: { $template }
digest-empty-title = Digest
digest-nothing-yet = Noch kein teilendes Team hat einen abgeschlossenen Check-in. Der Kanal eines Teams kommt mit `/retro share on` dazu.
digest-nothing-yet-of = Noch kein teilendes Team hat einen abgeschlossenen Check-in von `{ $template }`. Der Kanal eines Teams kommt mit `/retro share on` dazu.

## Der Server-Export

server-export-not-allowed = Nur Mitglieder mit der Berechtigung „Server verwalten“ können den ganzen Server exportieren.
server-export-nothing = Nichts zu exportieren: Kein Kanal, der teilt (`/retro share on`), hat einen abgeschlossenen Check-in.
server-export-too-big = Der Server-Export ist { $size } MB groß, mehr als die { $limit } MB, die ich bei Discord anhängen darf. Versuch es mit `csv`, dem kompaktesten Format.
server-export-done = Zusammengefasste Zahlen von { $checkins ->
    [one] { $checkins } Check-in
   *[other] { $checkins } Check-ins
} aus { $channels ->
    [one] { $channels } teilenden Kanal
   *[other] { $channels } teilenden Kanälen
} (nur Zahlen).

## Erinnerungen und gescheiterte Abschlüsse

remind-head = ⏰ **[{ $title }]({ $link })**{ $closes }: { $participation }, bisher { $replies ->
    [one] { $replies } Antwort
   *[other] { $replies } Antworten
} in den Threads.
remind-closes = { " " }endet { $when }
remind-still-to-vote = Noch nicht abgestimmt:
give-up-notice = { $facilitator } Die Retro „{ $title }“ konnte nicht beendet werden: { $reason }. Ihre Stimmen und Antworten bleiben erhalten: `/retro export retro:{ $id }` liefert sie. Dieser Kanal ist frei für eine neue Retro.

## Maßnahmen und lange Antworten

actions-open-title = Offene Maßnahmen vom letzten Mal: { $count }{ $overdue }
actions-overdue = { " " }({ $overdue } überfällig)
actions-more = …und { $more } weitere: `/retro action list` zeigt alle.
report-continued = { $title } (Fortsetzung)
report-part = Teil { $part } von { $parts }
