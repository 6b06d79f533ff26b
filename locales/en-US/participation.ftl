# English — taking part: buttons, answer forms, notices, posting errors. Every message here must exist in every other language's participation.ftl with the same $variables.
