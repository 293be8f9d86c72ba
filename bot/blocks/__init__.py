"""Block Kit builders: pure functions from values to Slack's JSON. Tests read them without mocks."""
