# English — the domain's words: trends, scales, rules, durations, actions, and its refusals. Every message here must exist in every other language's words.ftl with the same $variables.
