# English — member commands: actions, answers, exports, history, status, templates, start. Every message here must exist in every other language's commands.ftl with the same $variables.

## Answers every command shares

error-database = I couldn't { $what } (database problem). Please try again in a moment.
not-found = { $what ->
    [action] There is no action #{ $number } that you can see.
    [schedule] There is no schedule #{ $number } that you can see.
   *[retro] There is no retro #{ $number } that you can see.
}
respond-nothing-to-show = Nothing to show.
rights-or-role = { " " }or the { $role } role
rights-only-managers = Only members with the Manage Server permission{ $role } can { $what }.
rights-what-manage-schedules = manage schedules
rights-what-manage-digests = manage digests
rights-what-change-templates = create, edit or delete this server's templates
rights-what-import-templates = import templates into this server

## /retro start and /retro close

start-what-read-settings = read this server's settings
start-will-resume = Discord failed for now ({ $error }); I will finish posting shortly.
close-not-open = { $name } is not open, so there is nothing to close.
close-summary-refused = Discord refused the summary: { $error }
close-count-failed = I could not count the votes on Discord: { $error }
close-database-failed = the database failed

## /retro status

status-none-open = No retro is open in this channel. Start one with `/retro start`.
status-what-read = read the retros
status-state-posting = Retro being set up
status-state-closing = Retro being closed
status-state-open = Open retro
status-summary-on-its-way = , its summary is on its way
status-closes-at = , closes { $relative }
status-closes-by-hand = , closes when the facilitator runs `/retro close`
status-headline = **{ $state } { $id }:** [{ $name }]({ $link }), started by { $facilitator }{ $closes }.
status-participation = { $voters ->
    [one] { $voters } member has
   *[other] { $voters } members have
} voted · { $replies ->
    [one] { $replies } reply
   *[other] { $replies } replies
} in the question threads.

## /retro templates

templates-what-read = read this server's templates
templates-title = Templates
templates-entry = **{ $name }** (`{ $key }`, { $origin }), voted { $scale }
template-origin-built-in = built-in
template-origin-operator = operator
template-origin-server = this server

## /retro history

history-count-out-of-range = `count` must be between 1 and { $max }; { $count } is not.
history-nothing-closed = No check-in has closed in this channel yet, so there is no history.
history-nothing-closed-start = No check-in has closed in this channel yet, so there is no history. Start one with `/retro start`.
history-none-of-template = No check-in of `{ $key }` has closed in this channel yet.
history-unknown-template = There is no template called `{ $key }`, and no check-in of it closed here. `/retro templates` lists the templates.
history-title = History — { $template }
history-what-read = read the past check-ins

## /retro export

export-format-csv = csv
export-format-json = json
export-format-markdown = markdown
export-scope-retro = retro
export-scope-server = server
export-nothing-closed = Nothing to export: no check-in has closed in this channel yet.
export-not-a-number = `{ $given }` is not a retro number. Pick one from the list, or leave the option empty for this channel's latest closed check-in.
export-not-closed = Retro { $id } is not closed yet: only closed check-ins can be exported. Close it with `/retro close` first.
export-what-read = read the check-in
export-nothing-recorded = Nothing to export: retro { $id } closed without any votes or replies.
export-too-large = The { $format } export of retro { $id } is { $size } MB, more than the { $limit } MB Discord lets me attach. Try `csv`, the most compact format.
export-done = Export of { $name } ({ $id }): { $votes ->
    [one] { $votes } vote
   *[other] { $votes } votes
} from { $voters ->
    [one] { $voters } member
   *[other] { $voters } members
}, { $replies ->
    [one] { $replies } reply
   *[other] { $replies } replies
}.
export-latest-choice = latest (this channel's last closed check-in)
export-closed-choice = { $id } { $name } (closed { $date })

## /retro action

action-usage = Use `/retro action add`, `/retro action list` or `/retro action done`.
action-what-read-save = read or save the action items
action-no-check-in = No check-in has run in this channel yet; action items belong to a check-in. Start one with `/retro start`.
action-recorded = Recorded on { $name } ({ $retro }): { $action }
    The next check-in here opens with it until `/retro action done { $id }`.
action-list-none-yet = No action items in this channel yet.
action-list-empty = No action items in this channel yet. Add one with `/retro action add`.
action-list-title = Action items
action-list-open = __Open ({ $count })__
action-list-none-open = No open action items. 🎉
action-list-done = __Done recently__
action-done-no-id = Give the action's number, e.g. `/retro action done id:4`.
action-done-not-here = { $refusal } Only this channel's actions can be marked done here; `/retro action list` shows them.
action-already-done = Action #{ $id } was already done.
action-marked-done = Marked action #{ $id } as done: { $text }

## Permissions, as Discord's settings name them

permission-view-channel = View Channel
permission-send-messages = Send Messages
permission-embed-links = Embed Links
permission-add-reactions = Add Reactions
permission-read-message-history = Read Message History
permission-create-public-threads = Create Public Threads
permission-send-messages-in-threads = Send Messages in Threads
permission-attach-files = Attach Files
