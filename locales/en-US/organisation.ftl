# English — the organisation: overview, sharing, digests, server export, reminders, reports. Every message here must exist in every other language's organisation.ftl with the same $variables.

## What failed, in "I couldn't … (database problem)"

org-what-read-check-ins = read the check-ins
org-what-save-choice = save the choice
org-what-save-digest = save the digest
org-what-read-digests = read the digests
org-what-remove-digest = remove the digest

## The overview (/retro overview and digests)

org-channels-unreadable = I couldn't read this server's channels from Discord. Please try again in a moment.
overview-none-visible = No channel you can see has a closed check-in yet.
overview-none-of-template = No channel you can see has a closed check-in of `{ $template }`.
overview-title = Overview: { $template }
overview-footer = Numbers only: no names, no replies. Trend: since the team's previous check-in.
overview-unknown-channel = channel { $channel }
overview-teams = **{ $template }** · { $teams ->
    [one] { $teams } team
   *[other] { $teams } teams
}
overview-participants = { $voters ->
    [one] { $voters } participant
   *[other] { $voters } participants
}
overview-anonymous = anonymous
overview-not-asked = not asked
overview-split-hidden = { $voters } voted (too few for an anonymous split: counts only)
overview-no-votes = no votes
overview-agree = { $share } agree{ $trend } · { $voters } voted
overview-first = (first)

## Sharing

share-not-allowed = Only members with Manage Server, Manage Channels here, or the facilitator role can choose what this channel shares.
share-on = This channel now shares its check-ins' numbers (agreement, trend, participants; never names or replies) in digests and the server export. `/retro share off` stops it.
share-off = This channel no longer shares: its check-ins stay out of digests and the server export from now on.

## Digests

digest-unknown-template = There is no template called `{ $key }`. `/retro templates` lists them.
digest-never-fires = `{ $when }` never fires again, so there is nothing to schedule.
digest-pick-hub = Pick the hub channel the digest is posted in.
digest-missing-permissions = I couldn't post digests in { $hub }: I'm missing these permissions there: **{ $missing }**.
digest-hub-unseen = I can't see { $hub } ({ $error }). Give me access to it, or pick another channel.
digest-created = Digest { $id } of { $template } in { $hub }: **{ $rule }**.
    Next: { $next }.
    Only channels that chose `/retro share on` appear, with numbers only. `/retro digest remove` stops it.
digest-most-used = the most used health check
digest-none = This server has no digests. Create one with `/retro digest add`.
digest-paused = paused
digest-next = next { $when }
digest-never-again = never fires again
digest-line = **{ $id }** { $rule } in { $hub } · { $template } · { $next }
digest-choice = { $id } { $rule } in #{ $hub } ({ $template })
digest-removed = Digest #{ $id } removed.
digest-unknown = There is no digest `{ $given }` in this server. `/retro digest list` lists them.
digest-title = Digest: { $template }
digest-empty-title = Digest
digest-nothing-yet = No sharing team has a closed check-in yet. A team's channel joins with `/retro share on`.
digest-nothing-yet-of = No sharing team has a closed check-in of `{ $template }` yet. A team's channel joins with `/retro share on`.

## The server export

server-export-not-allowed = Only members with the Manage Server permission can export the whole server.
server-export-nothing = Nothing to export: no channel that shares (`/retro share on`) has a closed check-in.
server-export-too-big = The server export is { $size } MB, more than the { $limit } MB Discord lets me attach. Try `csv`, the most compact format.
server-export-done = Aggregates of { $checkins ->
    [one] { $checkins } check-in
   *[other] { $checkins } check-ins
} from { $channels ->
    [one] { $channels } sharing channel
   *[other] { $channels } sharing channels
} (numbers only).

## Reminders and closes that failed

remind-head = ⏰ **[{ $title }]({ $link })**{ $closes }: { $participation }, { $replies ->
    [one] { $replies } reply
   *[other] { $replies } replies
} in the threads so far.
remind-closes = { " " }closes { $when }
remind-still-to-vote = Still to vote:
give-up-notice = { $facilitator } The retro “{ $title }” could not be closed: { $reason }. Its votes and replies are kept: `/retro export retro:{ $id }` gives them. This channel is free for a new retro.

## Action items and long answers

actions-open-title = Open actions from last time: { $count }{ $overdue }
actions-overdue = { " " }({ $overdue } overdue)
actions-more = …and { $more } more: `/retro action list` shows them all.
report-continued = { $title } (continued)
report-part = Part { $part } of { $parts }
