# Deutsch — member commands: actions, answers, exports, history, status, templates, start.
