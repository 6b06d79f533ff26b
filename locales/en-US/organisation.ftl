# English — the organisation: overview, sharing, digests, server export, reminders, reports. Every message here must exist in every other language's organisation.ftl with the same $variables.
