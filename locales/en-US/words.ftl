# English — the domain's words: trends, scales, rules, durations, actions, and its refusals. Every message here must exist in every other language's words.ftl with the same $variables.

## Trends since the previous check-in

trend-first = first check-in
trend-up = ▲ +{ $delta } pts since { $retro } ({ $then } → { $now })
trend-down = ▼ −{ $delta } pts since { $retro } ({ $then } → { $now })
trend-same = ● no change since { $retro } ({ $then } → { $now })
trend-no-votes-then = no votes in { $retro }, { $now } now
trend-no-votes-now = no votes now, { $then } in { $retro }
trend-no-votes = no votes in { $retro } nor now
trend-participants = participants { $then } → { $now }
trend-headline-first = First check-in of this template in this channel · { $voters ->
    [one] { $voters } voter
   *[other] { $voters } voters
}
trend-headline-since = Compared with { $retro }: { $then ->
    [one] { $then } voter
   *[other] { $then } voters
} then, { $now } now

## The default scale's labels

scale-agree = agree
scale-disagree = disagree

## Schedule rules

rule-cron = cron `{ $pattern }` ({ $zone })
rule-friendly = { $cadence } at { $time } ({ $zone })
rule-every-day = every day
rule-every-weekday = every weekday
rule-every = every { $days }
rule-weeks-on-weekdays = every { $weeks } weeks on weekdays
rule-weeks-on = every { $weeks } weeks on { $days }
rule-days = every { $days } days
rule-monthly = on the { $nth } { $day } of every month
rule-nth-first = first
rule-nth-second = second
rule-nth-third = third
rule-nth-fourth = fourth
rule-nth-last = last
rule-day-monday = Monday
rule-day-tuesday = Tuesday
rule-day-wednesday = Wednesday
rule-day-thursday = Thursday
rule-day-friday = Friday
rule-day-saturday = Saturday
rule-day-sunday = Sunday
rule-list-and = { $rest } and { $last }

## Durations

duration-days = { $count ->
    [one] { $count }day
   *[other] { $count }days
}
duration-hours = { $count }h
duration-minutes = { $count }m
duration-seconds = { $count }s

## Action items and participation

action-owner = owner { $owner }
action-due = due { $due }
action-overdue = **(overdue)**
action-done = done ✅
participation-of-team = { $voted } of { $team } have voted
participation-members = { $voted ->
    [one] { $voted } member has voted
   *[other] { $voted } members have voted
}

## Refusals of what a member typed

error-title-too-long = The title is { $chars } characters long; Discord shows at most { $max } here. Please shorten it.
error-duration-malformed = `{ $given }` is not a duration I understand. Use a number and a unit: `45s`, `90m`, `48h`, `2d` or `1w`.
error-duration-too-short = `{ $given }` is too short: the shortest duration is { $min }.
error-duration-too-long = `{ $given }` is too long: the longest duration is { $max }.
error-duration-longer-than-gap = Each check-in would stay open for { $duration }, longer than the { $gap } between two occurrences of `{ $rule }`. Choose a shorter `duration`.
rule-examples = Try `every monday 10:00`, `every weekday 09:30`, `first monday of the month 09:00` or a cron expression like `0 10 * * 1`.
error-rule-empty = The schedule is empty. { $examples }
error-rule-unrecognised = `{ $input }`: I couldn't read that as a schedule. { $examples }
error-rule-unexpected = `{ $input }`: I didn't understand `{ $word }` there. { $examples }
error-rule-unknown-day = `{ $input }`: I don't know the day `{ $day }`. { $examples }
error-rule-invalid-time = `{ $input }`: `{ $time }` is not a time of day. Use 24-hour `HH:MM` such as `09:30` or `16:00` (or `9:30am`, `4pm`).
error-rule-missing-time = `{ $input }`: please add a time of day, for example `{ $example }`.
error-rule-zero-interval = `{ $input }`: the interval must be at least 1, for example `every 2 weeks on friday 16:30`.
error-rule-weeks-too-far = `{ $input }`: every { $count } weeks is too far apart; the longest interval is { $max } weeks.
error-rule-days-too-far = `{ $input }`: every { $count } days is too far apart; the longest interval is { $max } days.
error-rule-unknown-unit = `{ $input }`: I can only count `{ $word }` in whole days or weeks, for example `every 2 weeks on friday 16:30` or `every 3 days 09:00`.
error-rule-unsupported-ordinal = `{ $input }`: `{ $word }` is not something I can schedule: use first, second, third, fourth or last, as in `last friday of the month 16:00` (not every month has a fifth weekday).
error-rule-unknown-zone = I don't know the time zone `{ $zone }`.{ $hint } Use an IANA name such as `Europe/Berlin`, `America/New_York` or `UTC`.
error-rule-zone-hint = { " " }Did you mean `{ $suggestion }`?
error-rule-invalid-cron = `{ $input }` is not a cron expression I can use ({ $reason }). Cron takes 5 fields, `minute hour day-of-month month day-of-week` (or 6 with seconds first), for example `0 10 * * 1` for Mondays at 10:00.
error-rule-never-fires = `{ $input }` never fires: it matches no time in the next { $years } years. Check the day and month fields, for example `0 10 * * 1` for Mondays at 10:00.
error-rule-stored = The stored schedule could not be read: { $reason }.
error-action-empty = The action text is empty. Describe what should be done.
error-action-too-long = The action text is { $chars } characters long; at most { $max } are allowed.
error-action-bad-date = `{ $given }` is not a date. Give the due date as YYYY-MM-DD, for example 2026-12-24.
error-action-past-date = The due date { $due } is in the past. Pick today or a later day.
error-export-unknown-format = `{ $given }` is not an export format. Choose `csv`, `json` or `markdown`.
error-export-server-format = The server export comes as `csv` or `json`.
error-setting = { $name }: { $problem }
error-setting-not-a-zone = `{ $given }` is not an IANA time zone such as `Europe/Berlin`
error-setting-not-a-count = must be a whole number of at least { $min }
error-setting-too-few-voters = must be at least { $min }: with fewer voters a split shows how each of them voted (got { $given })
error-setting-not-a-key = `{ $given }` must be 1 to 32 characters of lowercase letters, digits and '-'
error-setting-not-a-language = `{ $given }` is not a language tag such as `en` or `de`

## Problems of a template typed in the template form

template-text-error = { $place }: { $problem }
template-place-line = { $field } line { $line }
template-field-name = name
template-field-description = description
template-field-statements = statements
template-field-questions = questions
template-field-scale = scale
template-field-key = key
template-part-emoji = emoji
template-part-label = label
template-part-weight = weight
template-problem-missing = is missing
template-problem-empty = is empty
template-problem-too-long = is { $chars } characters long; at most { $max } are allowed
template-problem-bad-key = `{ $given }` must be 1 to 32 characters of lowercase letters, digits and '-'
template-problem-statement-count = needs 1 to { $max } statements, found { $found }
template-problem-question-count = at most { $max } questions, found { $found }
template-problem-repeated = repeats an earlier entry
template-problem-scale-count = needs 2 to 5 options, found { $found }
template-problem-not-one-emoji = must be one emoji
template-problem-emoji-twice = { $emoji } is used twice
template-problem-weight-range = must be a number from 0 to 1
template-problem-key-taken = `{ $key }` is already used by another template
template-problem-scale-line = needs an emoji, a label and a weight, e.g. `🟢 good 1`
template-problem-weight-not-a-number = weight must be a number from 0 to 1, found `{ $given }`
