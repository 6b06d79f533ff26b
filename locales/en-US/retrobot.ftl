# retrobot's messages in English (the fallback for every locale without its own file).
# Every message here must exist in every other language, with the same $variables
# (src/i18n/tests.rs checks both).

## The retro as posted in its channel

retro-facilitator = **Facilitator:** { $facilitator }
retro-closes-at = **Closes:** { $relative } ({ $absolute })
retro-closes-by-hand = **Closes:** when the facilitator runs `/retro close`
retro-footer = Retro { $id } · /retro status shows participation
retro-how-named = **How to take part**
    • React to each of the { $statements } statements below: { $scale }. Your newest reaction counts; remove it to take your vote back.
retro-how-named-questions = • Answer the { $questions } open questions with the **Answer** button in their threads (under your name; click it again to edit or withdraw).
retro-statement = **Statement { $position } of { $total }**
retro-question = **Open question { $position } of { $total }**
retro-question-reply-here = *Click **Answer** to answer under your name (again to edit or withdraw); replies typed here count too when the bot may read them.*
retro-answer-button = Answer

## Anonymous check-ins as posted

anonymous-how = **How to take part** — 🔒 *anonymous check-in*
    • Click a button under each of the { $statements } statements below: { $scale }. Click another button to switch, the same one again to take your vote back. Only you see your vote; the statements show how many have voted, never who.
anonymous-how-nobody = • Nobody, not even the facilitator, can see who voted or answered what, and once the check-in closes not even the bot's database can tell. The summary shows counts only.
anonymous-voted = { $voters ->
    [one] 🗳️ **{ $voters }** has voted
   *[other] 🗳️ **{ $voters }** have voted
}
anonymous-answer-here = *Answer with the button below: your answer is posted in this thread without your name. Click it again to edit or withdraw your answer. Messages typed here are not counted, since they show your name.*
anonymous-answers-closed = *🔒 Answers are closed.*
anonymous-voting-closed = 🔒 Voting closed · **{ $voters }** voted

## The summary

summary-title = Summary — { $heading }
summary-title-continued = Summary — { $heading } (continued)
summary-part = Part { $part } of { $parts }
summary-overview = **{ $voters }** members voted · **{ $replies }** replies from **{ $repliers }** members · facilitator { $facilitator }
summary-anonymous = 🔒 *Anonymous check-in: counts only, answers without names.*
summary-statements = __Statements__
summary-questions = __Open questions__
summary-actions = __Actions from this check-in__
summary-agree = { $share } agree
summary-no-votes = no votes
summary-participants = { $participants ->
    [one] { $participants } participant
   *[other] { $participants } participants
}
summary-split-hidden = { $voters } voted · *too few votes to show without revealing who*
summary-replies = { $count ->
    [one] { $count } reply
   *[other] { $count } replies
}
summary-thread = thread: { $thread }

## Answers only the caller sees

error-not-in-direct-messages = Retros run in a server's text channel, not in direct messages.
error-unknown-command = I don't know that command. Try `/retro start`.
start-not-a-text-channel = Run `/retro start` in a text channel (not in a thread, forum or voice channel).
start-unknown-template = There is no template called `{ $key }`. Known templates: { $known }. `/retro templates` describes them.
start-missing-permissions = I can't run a retro in { $channel }: I'm missing these permissions here: **{ $missing }**. Ask a server admin to grant them, then try again.
start-started = Started [{ $name }]({ $link }){ $how }: { $statements } statements to vote on and { $questions } questions to answer in threads.{ $closes } Close it with `/retro close`.
start-started-anonymously = { " " }anonymously (votes by buttons, answers by form; nobody can see who said what)
start-closes = { " " }It closes { $relative }.
start-channel-busy = This channel already has an open retro: [{ $name }]({ $link }). Close it with `/retro close` before starting another.
start-channel-being-set-up = This channel already has a retro being set up or closed. Try again in a moment.
start-occurrence-taken = That check-in was already started.
start-what-save = save the retro
start-nothing-posted = { $problem } Nothing was posted.
start-removed-posts = I removed what I had posted; nothing is open.
start-leftover-posts = I could not remove { $leftovers } of my posts; please delete them. Nothing is open.
start-failed = I couldn't start the retro: { $error }. { $cleanup } Check my permissions and try again.

close-not-a-number = `{ $given }` is not a retro number. Pick one from the list, or leave the option empty to close this channel's retro.
close-already-closing = That retro is already being closed; its summary will appear shortly.
close-nothing-open = There is no open retro here to close. `/retro status` lists the open ones.
close-what-look-up = look up the retro
close-or-role = , or members with the { $role } role
close-not-allowed = Only { $facilitator } (who started this retro), members with the Manage Server permission{ $role } can close it.
close-closed = Closed { $name }. The summary is posted here: { $link }
close-summary-pending = The retro is locked, but I couldn't post the summary yet: { $error }. I'll keep trying.

## Command and option names (Discord: lowercase, no spaces) and descriptions

cmd-retro = retro
cmd-retro-desc = Team health-check retrospectives
cmd-start = start
cmd-start-desc = Start a health-check retro in this channel
cmd-start-template = template
cmd-start-template-desc = Which health check (default: customer-obsession)
cmd-start-title = title
cmd-start-title-desc = A title, e.g. the sprint name
cmd-start-duration = duration
cmd-start-duration-desc = Close automatically after e.g. 45s, 90m, 48h, 2d or 1w
cmd-start-anonymous = anonymous
cmd-start-anonymous-desc = Vote with buttons and answer via a form; nobody can see who said what
cmd-close = close
cmd-close-desc = Close a retro and post its summary
cmd-close-retro = retro
cmd-close-retro-desc = Which retro (default: the one in this channel)
cmd-status = status
cmd-status-desc = Show this channel's open retros and participation
cmd-templates = templates
cmd-templates-desc = List the available health-check templates
cmd-schedule = schedule
cmd-schedule-desc = Recurring check-ins
cmd-schedule-add = add
cmd-schedule-add-desc = Schedule a recurring check-in
cmd-schedule-add-when = when
cmd-schedule-add-when-desc = e.g. every monday 10:00, every 2 weeks on friday 16:30, 0 10 * * 1
cmd-schedule-add-timezone = timezone
cmd-schedule-add-timezone-desc = IANA time zone, e.g. Europe/Berlin
cmd-schedule-add-template = template
cmd-schedule-add-template-desc = Which health check
cmd-schedule-add-title = title
cmd-schedule-add-title-desc = A title for every check-in
cmd-schedule-add-duration = duration
cmd-schedule-add-duration-desc = How long each check-in stays open, e.g. 2d
cmd-schedule-add-channel = channel
cmd-schedule-add-channel-desc = Where to post (default: here)
cmd-schedule-add-team_role = team_role
cmd-schedule-add-team_role-desc = The role whose members are expected to take part
cmd-schedule-add-anonymous = anonymous
cmd-schedule-add-anonymous-desc = Vote with buttons and answer in forms; no member is stored
cmd-schedule-list = list
cmd-schedule-list-desc = List this channel's schedules
cmd-schedule-list-server = server
cmd-schedule-list-server-desc = List every schedule of this server
cmd-schedule-remove = remove
cmd-schedule-remove-desc = Delete a schedule
cmd-schedule-remove-schedule = schedule
cmd-schedule-remove-schedule-desc = Which schedule
cmd-schedule-pause = pause
cmd-schedule-pause-desc = Pause a schedule
cmd-schedule-pause-schedule = schedule
cmd-schedule-pause-schedule-desc = Which schedule
cmd-schedule-resume = resume
cmd-schedule-resume-desc = Resume a paused schedule
cmd-schedule-resume-schedule = schedule
cmd-schedule-resume-schedule-desc = Which schedule
cmd-history = history
cmd-history-desc = Show this channel's last check-ins: agreement per statement and a chart
cmd-history-template = template
cmd-history-template-desc = Which health check (default: the one that closed last here)
cmd-history-count = count
cmd-history-count-desc = How many check-ins to show, 1 to 12 (default 6)
cmd-export = export
cmd-export-desc = Download a closed check-in: every vote, reply and number
cmd-export-retro = retro
cmd-export-retro-desc = Which closed check-in (default: latest, this channel's last one)
cmd-export-format = format
cmd-export-format-desc = File format (default: csv)
cmd-action = action
cmd-action-desc = Action items agreed in check-ins
cmd-action-add = add
cmd-action-add-desc = Record an action item on this channel's latest check-in
cmd-action-add-text = text
cmd-action-add-text-desc = What should be done
cmd-action-add-owner = owner
cmd-action-add-owner-desc = Who takes care of it
cmd-action-add-due = due
cmd-action-add-due-desc = Due date as YYYY-MM-DD
cmd-action-list = list
cmd-action-list-desc = List this channel's open action items (and the last ones done)
cmd-action-done = done
cmd-action-done-desc = Mark an action item as done
cmd-action-done-id = id
cmd-action-done-id-desc = The action's number

## Commands added with settings, templates, help and the organisation overview
cmd-export-scope = scope
cmd-export-scope-desc = One check-in (default) or the whole server's sharing channels
cmd-help = help
cmd-help-desc = How retros work here, what you may do, and what I am missing
cmd-settings = settings
cmd-settings-desc = Show this server's retro settings, or change them (Manage Server)
cmd-settings-facilitator_role = facilitator_role
cmd-settings-facilitator_role-desc = Members with this role may close any retro and manage schedules and templates
cmd-settings-default_template = default_template
cmd-settings-default_template-desc = The template /retro start and new schedules use when none is given
cmd-settings-timezone = timezone
cmd-settings-timezone-desc = Time zone of new schedules, e.g. Europe/Berlin
cmd-settings-anonymous_min_voters = anonymous_min_voters
cmd-settings-anonymous_min_voters-desc = Anonymous retros hide a statement's split below this many voters (at least 2)
cmd-settings-reminders = reminders
cmd-settings-reminders-desc = Remind the channel before a retro with a duration closes
cmd-settings-checkin_duration = checkin_duration
cmd-settings-checkin_duration-desc = How long scheduled check-ins stay open when not given, e.g. 2d
cmd-settings-reset = reset
cmd-settings-reset-desc = Put one setting back to the bot's default
cmd-template = template
cmd-template-desc = This server's own health-check templates
cmd-template-create = create
cmd-template-create-desc = Write a new template in a form
cmd-template-edit = edit
cmd-template-edit-desc = Change one of this server's templates
cmd-template-edit-template = template
cmd-template-edit-template-desc = Which template
cmd-template-delete = delete
cmd-template-delete-desc = Delete one of this server's templates
cmd-template-delete-template = template
cmd-template-delete-template-desc = Which template
cmd-template-export = export
cmd-template-export-desc = Get a template as a TOML file
cmd-template-export-template = template
cmd-template-export-template-desc = Which template
cmd-template-import = import
cmd-template-import-desc = Add a template from a TOML file
cmd-template-import-file = file
cmd-template-import-file-desc = A template file, as export makes it
cmd-overview = overview
cmd-overview-desc = Health across the teams you can see: each channel's latest check-in
cmd-overview-template = template
cmd-overview-template-desc = Which health check (default: the most used one)
cmd-share = share
cmd-share-desc = Whether this channel's numbers may appear in digests
cmd-share-on = on
cmd-share-on-desc = Let this channel's aggregates (numbers only) appear in digests and the server export
cmd-share-off = off
cmd-share-off-desc = Keep this channel's check-ins in this channel
cmd-digest = digest
cmd-digest-desc = Recurring overviews of the sharing teams in a hub channel
cmd-digest-add = add
cmd-digest-add-desc = Post the sharing teams' overview into a hub channel on a schedule
cmd-digest-add-channel = channel
cmd-digest-add-channel-desc = The hub channel
cmd-digest-add-when = when
cmd-digest-add-when-desc = e.g. every monday 09:00, 0 9 * * 1
cmd-digest-add-template = template
cmd-digest-add-template-desc = Which health check (default: the most used)
cmd-digest-add-timezone = timezone
cmd-digest-add-timezone-desc = IANA time zone, e.g. Europe/Berlin
cmd-digest-list = list
cmd-digest-list-desc = List this server's digests
cmd-digest-remove = remove
cmd-digest-remove-desc = Stop a digest
cmd-digest-remove-digest = digest
cmd-digest-remove-digest-desc = Which digest
