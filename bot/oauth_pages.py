"""The pages of the OAuth install (GET /slack/install, GET /slack/oauth_redirect) and the line a
workspace without an installation gets. Pure: text in, HTML out."""

from __future__ import annotations

from html import escape

ADD_TO_SLACK = (
    '<img alt="Add to Slack" height="40" width="139" src="https://platform.slack-edge.com/img/add_to_slack.png"'
    ' srcset="https://platform.slack-edge.com/img/add_to_slack.png 1x,'
    ' https://platform.slack-edge.com/img/add_to_slack@2x.png 2x">'
)


def page(title: str, body: str) -> str:
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>{escape(title)}</title>
</head>
<body style="font-family: sans-serif; max-width: 40em; margin: 2em auto; padding: 0 1em">
<main>
<h1>{escape(title)}</h1>
{body}
</main>
</body>
</html>
"""


def install_page(authorize_url: str) -> str:
    return page(
        "Install Loop Coach",
        "<p>Loop Coach coaches a candidate through the weeks before a behavioral interview loop: one "
        "question a day aimed at the next interviewer's Leadership Principles, answers in a thread, "
        "ratings from peer reviewers, a story bank and a countdown.</p>\n"
        f'<p><a href="{escape(authorize_url)}">{ADD_TO_SLACK}</a></p>\n'
        '<p><a href="/privacy">What Loop Coach stores, and how to export or delete it</a>.</p>',
    )


def success_page(team_name: str) -> str:
    return page(
        "Loop Coach is installed",
        f"<p>Loop Coach is now in <strong>{escape(team_name)}</strong>.</p>\n"
        "<p>What next: in Slack, open <strong>Loop Coach</strong> under Apps and send it "
        "<code>/prep help</code> in its DM. It lists every command; start with "
        "<code>/prep loop YYYY-MM-DD</code> for the day of your loop.</p>",
    )


def failure_page(reason: str, install_path: str) -> str:
    return page(
        "Loop Coach was not installed",
        f"<p>The installation did not finish ({escape(reason)}). Nothing was saved.</p>\n"
        f'<p><a href="{escape(install_path)}">Start again from the install page</a>; the link there '
        "works once, for ten minutes, in the browser that opened it.</p>",
    )


def not_installed_text(install_url: str) -> str:
    return (
        "Loop Coach isn't installed in this workspace (or was removed). "
        f"Ask a workspace admin to install it at {install_url}"
    )
