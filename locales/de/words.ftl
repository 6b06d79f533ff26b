# Deutsch — the domain's words: trends, scales, rules, durations, actions, and its refusals.
