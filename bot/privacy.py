"""GET /privacy: what Loop Coach stores, for how long, and how to take it out. A static page.

Served in front of Bolt, without Slack's signature check: anyone deciding whether to install the
app must be able to read it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

PATH = "/privacy"

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Loop Coach: your data</title>
</head>
<body>
<main>
<h1>Loop Coach: your data</h1>

<h2>What is stored</h2>
<p>Loop Coach keeps what you give it to coach you, under your Slack workspace and user id:</p>
<ul>
<li>your loop date, interviews (interviewer names, principles, focus, times), daily question time,
time zone and paused state;</li>
<li>the ids of the reviewers you invite;</li>
<li>the questions it sends you, your answers to them, and your reviewers' ratings and replies;</li>
<li>your STAR stories and the questions you add;</li>
<li>the id of your prep conversation, so it can post there.</li>
</ul>
<p>It does not read other conversations: only its own DMs and group DMs, and prep notes you send it.
Slack tokens stay on the server and never appear in logs.</p>

<h2>For how long</h2>
<p>Your data is kept until you delete it, or until your workspace removes Loop Coach. Slack event ids,
kept to recognise Slack's retries, are forgotten after three days.</p>

<h2>Get a copy</h2>
<p>Type <code>/prep export</code>. Loop Coach sends you two files in its DM: a Markdown document with
your loop plan, every answer with its question, answer check, ratings and feedback, and your stories;
and a CSV of your answers, one per row.</p>

<h2>Delete it</h2>
<p>Type <code>/prep delete</code> and confirm. Everything Loop Coach holds about you goes at once: your
loop, interviews, reviewers, questions, answers with their ratings and feedback, and stories. Daily
questions stop. It cannot be undone, so export first if you want a copy. Messages already posted in
Slack stay in Slack, under your workspace's own retention. Ratings you gave as someone else's reviewer
are part of their prep and go when they delete theirs.</p>

<h2>Uninstalling</h2>
<p>When a workspace removes Loop Coach (or revokes its bot token), Loop Coach deletes that workspace's
tokens and all of its data: every candidate's loop, answers, ratings, feedback and stories. Other
workspaces are not affected.</p>
</main>
</body>
</html>
"""

HEADERS = [
    ("Content-Type", "text/html; charset=utf-8"),
    ("Cache-Control", "public, max-age=3600"),
    ("X-Content-Type-Options", "nosniff"),
    ("Content-Security-Policy", "default-src 'none'"),
]


def privacy_page(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
    method = environ.get("REQUEST_METHOD")
    if method not in ("GET", "HEAD"):
        start_response("405 Method Not Allowed", [("Content-Type", "text/plain"), ("Allow", "GET, HEAD")])
        return [b"use GET\n"]
    body = PAGE.encode("utf-8")
    start_response("200 OK", [*HEADERS, ("Content-Length", str(len(body)))])
    return [body] if method == "GET" else [b""]
