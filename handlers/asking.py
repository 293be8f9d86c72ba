"""One more question now, from `/prep question` or the App Home button."""

from __future__ import annotations

from bot.deps import Deps
from bot.services.candidates import Who, candidate_for
from bot.services.questions import extra_prompt
from schedules.delivery import Outcome, deliver

SENT = "Here's one more question: it's in your prep conversation. Answer in its thread."
DELAYED = "Slack didn't take the question just now; I'll send it within a few minutes."


def send_extra_question(deps: Deps, who: Who) -> Outcome:
    now = deps.clock.now()
    with deps.sessions.begin() as session:
        prompt_id = extra_prompt(session, candidate_for(session, who, now=now), now=now).id
    return deliver(deps, prompt_id)
