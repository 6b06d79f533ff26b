# Deutsch — taking part: buttons, answer forms, notices, posting errors.

## Anonyme Check-ins, wie sie erscheinen

anonymous-how-questions = • Beantworte die { $questions } offenen Fragen mit dem Button **Antworten** in ihren Threads: Deine Antwort erscheint dort ohne deinen Namen, und derselbe Button ändert sie oder zieht sie zurück. In die Threads getippte Nachrichten zählen nicht (sie zeigen deinen Namen).
answer-anonymous-title = Anonyme Antwort
answer-empty = *(leer)*
answer-typed-not-counted = { $member } hier getippte Nachrichten zählen nicht: Dieser Check-in ist anonym, und eine Nachricht zeigt deinen Namen. Um anonym zu antworten, nutze den Button **Antworten** an der Frage oben in diesem Thread. Deine Nachricht kannst du bei Bedarf löschen.

## Antworten mit Namen, wie sie erscheinen

answer-named-post = **{ $name }** hat geantwortet:

## Das Antwortformular

answer-form-title-anonymous = Anonyme Antwort auf Frage { $number }
answer-form-title-named = Antwort auf Frage { $number }
answer-form-label = Deine Antwort (leer zieht sie zurück)

## Was ein Mitglied über seine Antwort erfährt (nur es sieht das)

answer-closed-anonymous = Dieser Check-in ist nicht mehr offen, Antworten lassen sich also nicht mehr ändern.
answer-closed-named = Diese Retro ist nicht mehr offen, Antworten lassen sich also nicht mehr ändern.
answer-open-failed = Ich konnte deine Antwort nicht öffnen (Datenbankproblem). Bitte versuch es gleich noch einmal.
answer-save-failed = Ich konnte deine Antwort nicht speichern (Datenbankproblem). Bitte versuch es gleich noch einmal.
answer-discord-failed = Ich konnte deine Antwort nicht im Thread posten (Discord hat abgelehnt). Bitte versuch es gleich noch einmal.
answer-posted-anonymous = Deine Antwort steht ohne deinen Namen in { $thread }. Klicke noch einmal auf **Antworten**, um sie zu ändern oder zurückzuziehen.
answer-updated-anonymous = Deine Antwort in { $thread } ist aktualisiert, weiterhin ohne deinen Namen.
answer-posted-named = Deine Antwort steht unter deinem Namen in { $thread }. Klicke noch einmal auf **Antworten**, um sie zu ändern oder zurückzuziehen.
answer-updated-named = Deine Antwort in { $thread } ist aktualisiert.
answer-withdrawn = Deine Antwort ist zurückgezogen und aus { $thread } entfernt.
answer-saved-not-shown = Deine Antwort ist gespeichert und zählt, aber ich konnte den Thread noch nicht aktualisieren; ich versuche es erneut (spätestens, wenn der Check-in endet).
answer-nothing-to-withdraw = Du hast die Antwort leer gelassen und hattest keine Antwort zum Zurückziehen: Es hat sich nichts geändert.

## Was ein Mitglied über seine Stimme erfährt (nur es sieht das)

vote-not-open = Dieser Check-in ist nicht mehr offen, Stimmen lassen sich also nicht mehr ändern.
vote-closed = Dieser Check-in ist beendet, Stimmen lassen sich also nicht mehr ändern.
vote-failed = Ich konnte deine Stimme nicht speichern (Datenbankproblem). Bitte klicke gleich noch einmal.
vote-or = { " " }oder{ " " }
vote-privacy = Niemand kann sehen, wer wie abgestimmt hat.
vote-voted = Deine Stimme: { $vote } — klicke erneut, um sie zu ändern ({ $vote } noch einmal nimmt sie zurück; { $others } wechselt). { vote-privacy }
vote-switched = Deine Stimme: { $vote } (vorher { $was }) — klicke erneut, um sie zu ändern ({ $vote } noch einmal nimmt sie zurück). { vote-privacy }
vote-retracted = Deine Stimme { $vote } ist zurückgenommen — klicke { $others }, um wieder abzustimmen.

## Die Zusammenfassung

summary-more-replies = { $more ->
    [one] *… { $more } weitere Antwort: siehe `/retro export`*
   *[other] *… { $more } weitere Antworten: siehe `/retro export`*
}

## Warum das Posten einer Retro abbrach (für die Moderation)

post-refused = Discord hat abgelehnt, { $step }: { $error }
post-database-failed = die Datenbank ist beim Festhalten der Beiträge ausgefallen
post-step-header = den Kopf der Retro zu posten
post-step-statement = eine Aussage zu posten
post-step-reaction = eine Reaktion hinzuzufügen
post-step-list-threads = die aktiven Threads aufzulisten
post-step-create-thread = einen Thread zu erstellen
post-step-join-thread = einem Frage-Thread beizutreten
post-step-question = eine Frage in ihrem Thread zu posten
rest-discord = Discord antwortete mit { $status }: { $message } (Code { $code })
rest-rate-limited = Discord hat die Anfrage auch nach { $retries } Versuchen weiter gebremst
rest-unreachable = Discord war nicht erreichbar: { $error }
rest-unreadable = Discords Antwort war nicht lesbar: { $error }
