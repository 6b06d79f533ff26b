# English — member commands: actions, answers, exports, history, status, templates, start. Every message here must exist in every other language's commands.ftl with the same $variables.
