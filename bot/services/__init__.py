"""Use cases: (session, now, arguments) -> a result value. No commits, no Slack."""
