# English — server administration: schedules, settings, team templates, help. Every message here must exist in every other language's admin.ftl with the same $variables.

## What failed, in "I couldn't { $what } (database problem)"

admin-what-read-settings = read this server's settings
admin-what-save-settings = save the settings
admin-what-read-templates = read this server's templates
admin-what-read-schedules = read the schedules
admin-what-save-schedule = save the schedule
admin-what-change-schedule = change the schedule
admin-what-look-up-schedules = look up the schedules
admin-what-delete-template = delete the template
admin-what-save-template = save the template

## /retro settings

cmd-settings-language = language
cmd-settings-language-desc = The language of this server's posts (default: auto, the server's language in Discord)
settings-language-choice-auto = auto (the server's language in Discord)
# The name of each language the `language` setting offers, by its tag: settings-language-<tag>.
settings-language-en = English
settings-language-de = German
settings-language-auto = auto (now { $language }, the server's language in Discord)
settings-facilitator-everyone = { cmd-settings-facilitator_role }: @everyone cannot be the facilitator role; pick a role that only facilitators have
settings-unknown-template = { cmd-settings-default_template }: there is no template `{ $key }` in this server; `/retro templates` lists them
settings-unknown-language = { cmd-settings-language }: `{ $tag }` is not one of { $choices }
settings-set-and-reset = { $name }: cannot be set and reset at once
settings-manage-server-only = Only members with the Manage Server permission can change this server's settings. `/retro settings` without options shows them.
settings-saved = Settings saved. They apply to retros and schedules started from now on; those already running keep theirs.
settings-shown = This server's retro settings (`/retro settings` with options changes them; Manage Server only):
settings-line = { $name }: { $value } ({ $source })
settings-set-here = set here
settings-default = default
settings-no-facilitator-role = none (Manage Server and the starter only)
settings-on = on
settings-off = off

## /retro help

help-how-a-retro-goes = **How a retro goes**
    1. `/retro start` posts the statements (vote 👍/👎) and one thread per question (reply there).
    2. Members vote and reply until the retro closes: `/retro close`, or its duration ends.
    3. The summary is posted here; `/retro history` and `/retro export` look back on it.
    `/retro schedule add` runs check-ins on their own; `/retro action add` records what you agreed.
help-what-you-may = **What you may do in { $channel }**
    start a retro, vote and reply, { $close }; { $schedules }.
help-close-any = close any retro here (Manage Server or the facilitator role)
help-close-own = close the retros you started
help-schedules-manage = add, pause and remove schedules
help-schedules-list = list schedules (adding, pausing and removing needs Manage Server or the facilitator role)
help-missing = **Permissions I am missing here:** { $missing }
help-missing-none = none: I have everything I need here.
help-missing-some = **{ $permissions }**. Ask a server admin to grant them.
help-missing-unknown = unknown (Discord did not say).
help-settings = **This server's settings**

## /retro schedule

schedule-use = Use `/retro schedule add`, `list`, `remove`, `pause` or `resume`.
schedule-unknown-template = There is no template called `{ $key }`. `/retro templates` lists them.
schedule-never-fires = `{ $when }` never fires again, so there is nothing to schedule.
schedule-channel-not-visible = Pick a channel you can see: check-ins can only be scheduled there.
schedule-channel-unreachable = I can't see { $channel } ({ $error }). Give me access to it, or pick another channel.
schedule-missing-permissions = I couldn't run check-ins in { $channel }: I'm missing these permissions there: **{ $missing }**. Ask a server admin to grant them, then try again.
schedule-added = Scheduled **{ $rule }** in { $channel }: { $template }{ $title }, each check-in open for { $duration }{ $team }.{ $anonymous }
    Next: { $next }.
    This is schedule { $id }; `/retro schedule remove` stops it.
schedule-added-title = { " " }— { $title }
schedule-added-team = , expecting { $role }
schedule-added-anonymous = { " " }Check-ins are anonymous.
schedule-none-in-channel = There are no schedules in this channel. Create one with `/retro schedule add`.
schedule-none-in-server = There are no schedules in this server. Create one with `/retro schedule add`.
schedule-line = **{ $id }** { $rule } in { $channel } · `{ $template }` · { $next }
schedule-line-paused = paused
schedule-line-next = next { $at }
schedule-line-never = never fires again
schedule-not-a-number = `{ $given }` is not a schedule number. Pick one from the list; `/retro schedule list server:true` lists them.
schedule-not-found = There is no schedule #{ $number } that you can see.
schedule-removed = Schedule { $id } ({ $rule }) removed.
schedule-paused = Schedule { $id } ({ $rule }) paused.
schedule-resumed = Schedule { $id } ({ $rule }) resumed (next check-in { $at }).
schedule-resumed-never = Schedule { $id } ({ $rule }) resumed (it never fires again).

## /retro template (a server's own templates)

team-template-use = Use `/retro template create`, `edit`, `delete`, `export` or `import`.
team-template-cannot-edit = I can't edit that: { $problem }.
team-template-too-long = `{ $key }` is too long to edit in a form. Use `/retro template export`, edit the file, delete the template and `/retro template import` the file.
team-template-cannot-delete = I can't delete that: { $problem }.
team-template-gone = There is no template `{ $key }` in this server any more.
team-template-deleted = Deleted the template **{ $name }** (`{ $key }`).{ $schedules } Retros already started keep theirs.
team-template-used-by-none = { " " }No schedule uses it.
team-template-used-by = { " " }These schedules keep using their own copy of it: { $schedules }. `/retro schedule remove` stops them.
team-template-schedule = schedule { $id } ({ $rule }) in { $channel }
team-template-outside-server = Templates belong to a server; use the form in a server's channel.
team-template-not-saved = Your template was not saved: { $problem }. Run the command again to fix it.
team-template-key-taken = Your template was not saved: the key `{ $key }` was just taken. Try again.
team-template-saved = Saved **{ $name }** as `{ $key }` for this server: { $statements ->
        [one] { $statements } statement
       *[other] { $statements } statements
    }, { $questions ->
        [one] { $questions } question
       *[other] { $questions } questions
    }, voted { $scale }. Start it with `/retro start template:{ $key }`.
team-template-unknown = There is no template `{ $key }` in this server. `/retro templates` lists them.
team-template-exported = **{ $name }** (`{ $key }`, { $origin }) as a template file. `/retro template import` (here or in another server) and the bot's `templates_dir` accept it; change its `key` to keep both.
team-template-attach = Attach a template file (`.toml`, as `/retro template export` makes).
team-template-file-too-big = `{ $file }` is too big for a template file (at most { $kib } KiB).
team-template-file-unreadable = I couldn't read `{ $file }` from Discord. Please try again.
team-template-file-not-text = `{ $file }` is not a text (UTF-8) file.
team-template-not-imported = Not imported: { $problem }
team-template-key-not-new = Not imported: { $problem } (change `key` in the file).
team-template-key-used = Not imported: the key `{ $key }` is already used by a template this server can see (change `key` in the file).
team-template-imported = Imported **{ $name }** as `{ $key }` for this server. Start it with `/retro start template:{ $key }`.

## The template form (labels: at most 45 characters)

team-template-form-new = New health-check template
team-template-form-edit = Edit template { $key }
team-template-form-name = Name
team-template-form-name-example = Team Pulse
team-template-form-description = Description (optional)
team-template-form-statements = Statements to vote on, one per line
team-template-form-statements-example = We ship what customers ask for.
    We know why we build what we build.
team-template-form-questions = Open questions, one per line (optional)
team-template-form-scale = Scale: emoji label weight per line (optional)
team-template-form-scale-example = 🟢 good 1
    🟡 okay 0.5
    🔴 bad 0
