"""Fifteen days before a five-interview loop, with a candidate who answers every day."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from sqlalchemy import update

from bot.clock import FixedClock
from bot.deps import Deps
from bot.models import Interview
from schedules.jobs import tick
from tests.conftest import CANDIDATE
from tests.support.factories import answer_latest, local, make_candidate, prompts_of
from tests.support.fake_slack import FakeSlack

LOOP = date(2026, 12, 16)
# The example note's loop: five interviewers, two or three principles each, four with a focus.
NOTE_LOOP = [
    ("Natesh", "Have Backbone; Disagree and Commit, Earn Trust of Others, Hire and Develop the Best", None),
    ("John Lyon Smith", "Ownership, Deliver Results", "People Management"),
    ("Keesha", "Learn and Be Curious, Invent and Simplify", "Product/Project Management"),
    ("Ayan Joyi", "Insist on the Highest Standards, Bias for Action", "System Design"),
    ("David Christian", "Think Big, Dive Deep", "Operational Excellence"),
]


def test_every_interview_gets_its_turns_and_every_principle_is_asked(
    deps: Deps, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    cid = make_candidate(deps, CANDIDATE, loop_date=LOOP, interviews_spec=[(n, p) for n, p, _ in NOTE_LOOP])
    with deps.sessions.begin() as session:
        for name, _, focus in NOTE_LOOP:
            session.execute(update(Interview).where(Interview.interviewer == name).values(focus=focus))
    scores = [3, 4, 2, 5, 4, 3, 1, 4, 5, 3, 4, 2, 4, 5, 3]
    for day in range(1, 16):
        clock.set(local(date(2026, 12, day), 9, 0))
        assert tick(deps).sent >= 1
        answer_latest(deps, cid, scores=[scores[day - 1]])
    clock.set(local(LOOP, 9, 0))
    tick(deps)

    questions = [p for p in prompts_of(deps, cid) if p.kind == "question"]
    assert len(questions) == 15
    with deps.sessions.begin() as session:
        names = {i.id: i.interviewer for i in session.query(Interview)}
    turns = Counter(names[p.interview_id] for p in questions)
    assert turns == {name: 3 for name, _, _ in NOTE_LOOP}, turns
    assert [names[p.interview_id] for p in questions[:5]] == [name for name, _, _ in NOTE_LOOP]

    loop_principles = {
        "Have Backbone; Disagree and Commit",
        "Earn Trust",
        "Hire and Develop the Best",
        "Ownership",
        "Deliver Results",
        "Learn and Be Curious",
        "Invent and Simplify",
        "Insist on the Highest Standards",
        "Bias for Action",
        "Think Big",
        "Dive Deep",
    }
    asked = {p.principle for p in questions if p.principle}
    coverage = len(asked & loop_principles) / len(loop_principles)
    print(
        f"\nsimulation: principles asked {len(asked & loop_principles)}/{len(loop_principles)} "
        f"({coverage:.0%}); turns per interview {dict(turns)}; "
        f"focus drills {sorted(p.focus for p in questions if p.focus)}"
    )
    assert coverage == 1.0
    assert len({p.question_key for p in questions}) == 15, "no question repeated"
    countdowns = [
        int(m.group(1))
        for call in fake_slack.posts()
        if (m := re.search(r"^[^\n]*· (\d+) days? to your loop", call.params["text"]))
        and "Q: " in call.params["text"]
    ]
    assert countdowns == list(range(15, 0, -1)), "one day fewer each morning"
