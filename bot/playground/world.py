"""Everything the playground runs, wired together: the Slack stand-in and its workspace, the real
app with its work in this process, the simulated clock, and the line Slack sends requests down."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.clock import FixedClock
from bot.deps import Deps
from bot.playground.saved import save
from bot.playground.slack_requests import Answer, SlackRequests
from bot.playground.slack_standin import SlackStandIn
from bot.playground.work import AppWithWork

SLACKBOT = "USLACKBOT"


class ActionError(ValueError):
    """A page action that cannot be done as asked; the message is shown on the page."""


@dataclass
class World:
    slack: SlackStandIn
    clock: FixedClock
    deps: Deps
    app: AppWithWork
    requests: SlackRequests
    zone: str
    saved_to: Path | None = None  # where the Slack side is kept between runs (`--db FILE`)
    # One page action at a time, so what each shows afterwards is its own doing.
    lock: threading.Lock = field(default_factory=threading.Lock)

    def person(self, user_id: Any) -> dict[str, Any]:
        found = self.slack.users.get(str(user_id))
        if found is None:
            raise ActionError(f"There is nobody called {user_id!r} in this workspace.")
        return found

    def kind_of(self, channel: str) -> str:
        """Slack's channel_type for the conversation: `im` with the bot alone, `mpim` with others."""
        members = self.slack.members_of(channel)
        if members is None:
            raise ActionError(f"There is no conversation {channel!r}.")
        return "im" if len(members) == 1 else "mpim"

    def check_member(self, user: str, channel: str) -> None:
        members = self.slack.members_of(channel)
        if members is None or user not in members:
            raise ActionError("You can only write in your own conversations.")

    def dm_of(self, user: str) -> str:
        """The person's DM with the bot (the app's Messages tab)."""
        return self.slack.open_conversation((user,))

    def save(self) -> None:
        if self.saved_to is not None:
            save(self.slack, self.clock, self.saved_to)

    def settle(self) -> None:
        """Wait for the work the app handed off; say so if it did not finish."""
        if not self.app.settle():
            raise ActionError(
                "The app is still working on that after 30 seconds; its answer will show up when done."
            )

    def notice_if_late(self, answer: Answer, what: str) -> str | None:
        if answer.late:
            return (
                f"The app took {answer.seconds:.1f} s to acknowledge {what}; "
                "Slack gives up after 3 s, so in Slack this would have failed."
            )
        return None
