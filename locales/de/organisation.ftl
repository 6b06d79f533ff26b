# Deutsch — the organisation: overview, sharing, digests, server export, reminders, reports.
