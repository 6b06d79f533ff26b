# Deutsch — die Wörter der Domäne: Trends, Skalen, Regeln, Dauern, Maßnahmen und ihre Ablehnungen. Jede Nachricht der englischen words.ftl muss hier stehen, mit denselben $Variablen.

## Trends seit dem vorigen Check-in

trend-first = erster Check-in
trend-up = ▲ +{ $delta } Pkt. seit { $retro } ({ $then } → { $now })
trend-down = ▼ −{ $delta } Pkt. seit { $retro } ({ $then } → { $now })
trend-same = ● unverändert seit { $retro } ({ $then } → { $now })
trend-no-votes-then = keine Stimmen in { $retro }, jetzt { $now }
trend-no-votes-now = jetzt keine Stimmen, { $then } in { $retro }
trend-no-votes = keine Stimmen in { $retro } und auch jetzt nicht
trend-participants = Teilnehmende { $then } → { $now }
trend-headline-first = Erster Check-in dieser Vorlage in diesem Kanal · { $voters ->
    [one] { $voters } Person hat abgestimmt
   *[other] { $voters } Personen haben abgestimmt
}
trend-headline-since = Im Vergleich zu { $retro }: damals { $then ->
    [one] { $then } Person
   *[other] { $then } Personen
}, jetzt { $now }

## Die Beschriftungen der Standardskala

scale-agree = stimme zu
scale-disagree = stimme nicht zu

## Zeitpläne

rule-cron = Cron `{ $pattern }` ({ $zone })
rule-friendly = { $cadence } um { $time } Uhr ({ $zone })
rule-every-day = jeden Tag
rule-every-weekday = jeden Werktag
rule-every = jeden { $days }
rule-weeks-on-weekdays = alle { $weeks } Wochen werktags
rule-weeks-on = alle { $weeks } Wochen am { $days }
rule-days = alle { $days } Tage
rule-monthly = am { $nth } { $day } jedes Monats
rule-nth-first = ersten
rule-nth-second = zweiten
rule-nth-third = dritten
rule-nth-fourth = vierten
rule-nth-last = letzten
rule-day-monday = Montag
rule-day-tuesday = Dienstag
rule-day-wednesday = Mittwoch
rule-day-thursday = Donnerstag
rule-day-friday = Freitag
rule-day-saturday = Samstag
rule-day-sunday = Sonntag
rule-list-and = { $rest } und { $last }

## Dauern

duration-days = { $count ->
    [one] { $count } Tag
   *[other] { $count } Tage
}
duration-hours = { $count } Std.
duration-minutes = { $count } Min.
duration-seconds = { $count } Sek.

## Maßnahmen und Beteiligung

action-owner = verantwortlich { $owner }
action-due = fällig { $due }
action-overdue = **(überfällig)**
action-done = erledigt ✅
participation-of-team = { $voted } von { $team } haben abgestimmt
participation-members = { $voted ->
    [one] { $voted } Mitglied hat abgestimmt
   *[other] { $voted } Mitglieder haben abgestimmt
}

## Ablehnungen dessen, was ein Mitglied eingegeben hat

error-title-too-long = Der Titel ist { $chars } Zeichen lang; Discord zeigt hier höchstens { $max }. Bitte kürze ihn.
error-duration-malformed = `{ $given }` ist keine Dauer, die ich verstehe. Gib eine Zahl und eine Einheit an: `45s`, `90m`, `48h`, `2d` oder `1w`.
error-duration-too-short = `{ $given }` ist zu kurz: Die kürzeste Dauer ist { $min }.
error-duration-too-long = `{ $given }` ist zu lang: Die längste Dauer ist { $max }.
error-duration-longer-than-gap = Jeder Check-in bliebe { $duration } offen, länger als der Abstand von { $gap } zwischen zwei Terminen von `{ $rule }`. Wähle eine kürzere `duration`.
rule-examples = Versuch es mit `every monday 10:00`, `every weekday 09:30`, `first monday of the month 09:00` oder einem Cron-Ausdruck wie `0 10 * * 1`.
error-rule-empty = Der Zeitplan ist leer. { $examples }
error-rule-unrecognised = `{ $input }`: Das konnte ich nicht als Zeitplan lesen. { $examples }
error-rule-unexpected = `{ $input }`: `{ $word }` habe ich an dieser Stelle nicht verstanden. { $examples }
error-rule-unknown-day = `{ $input }`: Den Tag `{ $day }` kenne ich nicht. { $examples }
error-rule-invalid-time = `{ $input }`: `{ $time }` ist keine Uhrzeit. Nutze das 24-Stunden-Format `HH:MM`, etwa `09:30` oder `16:00` (oder `9:30am`, `4pm`).
error-rule-missing-time = `{ $input }`: Bitte gib eine Uhrzeit an, zum Beispiel `{ $example }`.
error-rule-zero-interval = `{ $input }`: Der Abstand muss mindestens 1 sein, zum Beispiel `every 2 weeks on friday 16:30`.
error-rule-weeks-too-far = `{ $input }`: Alle { $count } Wochen liegt zu weit auseinander; der längste Abstand ist { $max } Wochen.
error-rule-days-too-far = `{ $input }`: Alle { $count } Tage liegt zu weit auseinander; der längste Abstand ist { $max } Tage.
error-rule-unknown-unit = `{ $input }`: `{ $word }` kann ich nur in ganzen Tagen oder Wochen zählen, zum Beispiel `every 2 weeks on friday 16:30` oder `every 3 days 09:00`.
error-rule-unsupported-ordinal = `{ $input }`: `{ $word }` kann ich nicht planen: Nutze first, second, third, fourth oder last, wie in `last friday of the month 16:00` (nicht jeder Monat hat einen fünften Wochentag).
error-rule-unknown-zone = Die Zeitzone `{ $zone }` kenne ich nicht.{ $hint } Nutze einen IANA-Namen wie `Europe/Berlin`, `America/New_York` oder `UTC`.
error-rule-zone-hint = { " " }Meintest du `{ $suggestion }`?
error-rule-invalid-cron = `{ $input }` ist kein Cron-Ausdruck, den ich verwenden kann ({ $reason }). Cron hat 5 Felder, `Minute Stunde Tag-des-Monats Monat Wochentag` (oder 6 mit Sekunden vorne), zum Beispiel `0 10 * * 1` für montags um 10:00.
error-rule-never-fires = `{ $input }` tritt nie ein: Der Ausdruck trifft in den nächsten { $years } Jahren keinen Zeitpunkt. Prüfe die Felder für Tag und Monat, zum Beispiel `0 10 * * 1` für montags um 10:00.
error-rule-stored = Der gespeicherte Zeitplan ließ sich nicht lesen: { $reason }.
error-action-empty = Der Text der Maßnahme ist leer. Beschreibe, was getan werden soll.
error-action-too-long = Der Text der Maßnahme ist { $chars } Zeichen lang; erlaubt sind höchstens { $max }.
error-action-bad-date = `{ $given }` ist kein Datum. Gib das Fälligkeitsdatum als JJJJ-MM-TT an, zum Beispiel 2026-12-24.
error-action-past-date = Das Fälligkeitsdatum { $due } liegt in der Vergangenheit. Wähle heute oder einen späteren Tag.
error-export-unknown-format = `{ $given }` ist kein Exportformat. Wähle `csv`, `json` oder `markdown`.
error-export-server-format = Den Server-Export gibt es als `csv` oder `json`.
error-setting = { $name }: { $problem }
error-setting-not-a-zone = `{ $given }` ist keine IANA-Zeitzone wie `Europe/Berlin`
error-setting-not-a-count = muss eine ganze Zahl von mindestens { $min } sein
error-setting-too-few-voters = muss mindestens { $min } sein: Bei weniger Stimmen verrät die Aufteilung, wie jede Person abgestimmt hat (angegeben: { $given })
error-setting-not-a-key = `{ $given }` muss aus 1 bis 32 Kleinbuchstaben, Ziffern und '-' bestehen
error-setting-not-a-language = `{ $given }` ist kein Sprachkürzel wie `en` oder `de`

## Probleme einer im Vorlagenformular getippten Vorlage

template-text-error = { $place }: { $problem }
template-place-line = { $field } Zeile { $line }
template-field-name = Name
template-field-description = Beschreibung
template-field-statements = Aussagen
template-field-questions = Fragen
template-field-scale = Skala
template-field-key = Schlüssel
template-part-emoji = Emoji
template-part-label = Beschriftung
template-part-weight = Gewicht
template-problem-missing = fehlt
template-problem-empty = ist leer
template-problem-too-long = ist { $chars } Zeichen lang; erlaubt sind höchstens { $max }
template-problem-bad-key = `{ $given }` muss aus 1 bis 32 Kleinbuchstaben, Ziffern und '-' bestehen
template-problem-statement-count = braucht 1 bis { $max } Aussagen, gefunden: { $found }
template-problem-question-count = höchstens { $max } Fragen, gefunden: { $found }
template-problem-repeated = wiederholt einen früheren Eintrag
template-problem-scale-count = braucht 2 bis 5 Optionen, gefunden: { $found }
template-problem-not-one-emoji = muss genau ein Emoji sein
template-problem-emoji-twice = { $emoji } kommt zweimal vor
template-problem-weight-range = muss eine Zahl von 0 bis 1 sein
template-problem-key-taken = `{ $key }` wird schon von einer anderen Vorlage verwendet
template-problem-scale-line = braucht ein Emoji, eine Beschriftung und ein Gewicht, z. B. `🟢 gut 1`
template-problem-weight-not-a-number = Gewicht muss eine Zahl von 0 bis 1 sein, gefunden: `{ $given }`
