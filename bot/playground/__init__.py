"""The playground: the real app against a stand-in Slack, driven from a local page (`python -m bot try`)."""
