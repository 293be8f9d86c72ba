"""coverage: does the daily plan follow readiness? The example note's five interviews (eleven
principles) with 30, 22, 15, 8 and 5 days to go, played through the real services and the real clock
tick: each morning's question is answered in its thread (answers.record_answer, which stores the
answer check) and rated by a reviewer's reaction (answers.rate). The first answer on four
principles is rated 1–2 and a fifth fails the answer check; every other answer is strong (one
well-told story, opened by naming the question it answers so the content check reads it as on topic).

Reported per run: asks per principle, unasked principles, each weak answer's redo delay (days until
its principle was asked again, and whether with the same question), focus drills, and the targets
of issue 11: with days ≥ 2 × principles every principle twice and each weak one again within two
days; with days ≥ principles none unasked; with fewer, the earliest interviews first; a redo asks
the weak answer's question again; drills never before an unasked principle; "Practise next"
starting with the question asked that morning. (With fewer days than principles plus weak answers,
coverage comes first, so a weak answer late in the prep may not be asked again: reported, not a
target.)

Runs on SQLite in a temporary directory with the fake Slack in-process: no server needed.
"""

from __future__ import annotations

import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from benchmarks.support import BOT_TOKEN, ROOT, SIGNING_SECRET, TEAM, print_table, write_results
from bot.clock import FixedClock
from bot.commands import AddInterview
from bot.deps import Deps, build_deps
from bot.migrate import upgrade_to_head
from bot.models import Answer, Candidate, Interview, Prompt
from bot.plan import in_calendar_order
from bot.principles import parse_principles
from bot.services import answers, interviews, loop, questions, reviewers
from bot.services.candidates import Who, candidate_for, remember_timezone
from bot.services.status import dashboard
from bot.settings import Settings
from schedules.jobs import tick
from tests.support.factories import local
from tests.support.fake_slack import FakeSlack

NOTE = ROOT.parent / "shared" / "examples" / "loop-prep-note.md"
USER, REVIEWER, TZ = "U0CANDIDA1", "U0REVIEWR1", "America/New_York"
START = date(2026, 12, 1)
DAYS = (30, 22, 15, 8, 5)
# Used when the example note is not beside the repository: the same loop, typed in.
FIXTURE = [
    ("Natesh", "backbone, earn trust of others, hire and develop", None),
    ("John Lyon Smith", "ownership, deliver results", "People Management"),
    ("Keesha", "learn and be curious, invent and simplify", "Product/Project Management"),
    ("Ayan Joyi", "highest standards, bias for action", "System Design"),
    ("David Christian", "think big, dive deep", "Operational Excellence"),
]
# The first answer on these is rated 1-2 (as in the play-through that filed issue 11) ...
WEAK_RATING = {"Bias for Action": 1, "Ownership": 2, "Deliver Results": 2, "Learn and Be Curious": 1}
# ... and this one is rated 3 but fails the answer check.
WEAK_CHECK = "Invent and Simplify"
REACTIONS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}
WEAK_TEXT = "We would probably look at the data first and then we would align with everyone on it."
STRONG_TEXT = (
    "At 8base our App Builder launch was slipping by three weeks and two enterprise customers were "
    "waiting on it. I was the engineering manager responsible for the release, and my goal was to ship "
    "the beta by the end of the quarter without cutting the accessibility work we had promised. First I "
    "mapped every open ticket with the two tech leads and found that 40% of the remaining work was "
    "blocked on one flaky integration test suite that failed on about one run in three. I proposed "
    "freezing new scope for two sprints, and I took that proposal to the CEO with the data, because it "
    "meant telling sales that two promised features would move to the next release. I moved two "
    "engineers onto the test harness, paired with them on the first fix myself, and I ran a daily "
    "fifteen-minute review of the burn-down with product so that every slip was visible the same day. "
    "I also called both customers myself to agree which features they needed first, and I wrote up the "
    "new plan in a one-page document that everyone could see. When one of the leads disagreed with the "
    "freeze, I asked him to run the numbers with me, and we agreed to revisit it after one sprint. As a "
    "result we shipped the beta nine days before the deadline, the flaky failures fell from 30 a week to "
    "2, and both customers signed renewals worth 180 thousand dollars. I learned to look for the single "
    "blocker behind a late project before adding people to it, and I now start every at-risk project "
    "with that map of blocked work."
)


def strong_answer(question: str) -> str:
    """The scripted strong answer, opened by naming the question it answers, as a candidate would,
    so the content check reads it as on topic."""
    return (
        f"The example I use for this question, {question.rstrip('?. ').lower()}, is this one. {STRONG_TEXT}"
    )


@dataclass(frozen=True)
class Asked:
    day: int  # 1 = the first morning
    topic: str
    is_focus: bool
    redo_of: int | None
    prompt_id: int
    question_key: str


def seed(deps: Deps, loop_date: date, now: datetime) -> tuple[int, str]:
    """The candidate, their loop from the example note (or the fixture), a reviewer, a role."""
    who = Who(TEAM, USER)
    with deps.sessions.begin() as session:
        remember_timezone(session, who, TZ, now=now)
        candidate = candidate_for(session, who, now=now)
        source = import_example(session, candidate, now) or type_fixture(session, candidate, now)
        loop.set_loop(session, candidate, loop_date, now=now)
        reviewers.add_reviewers(session, candidate, (REVIEWER,), bot_user_id=None, now=now)
        questions.set_role(session, candidate, "SDM L6", now=now)
        return candidate.id, source


def import_example(session: Any, candidate: Candidate, now: datetime) -> str | None:
    if not NOTE.exists():
        print(f"coverage: {NOTE} is not here; using the same loop typed in (benchmarks/coverage.py FIXTURE)")
        return None
    from bot.importer import parse_note
    from bot.services.importing import import_note

    import_note(session, candidate, parse_note(NOTE.read_text()), now=now)
    return "example note"


def type_fixture(session: Any, candidate: Candidate, now: datetime) -> str:
    for name, principles, focus in FIXTURE:
        command = AddInterview(name, tuple(parse_principles(principles)), None, focus)
        interviews.add_interview(session, candidate, command, now=now)
    return "fixture"


def answer_and_rate(deps: Deps, prompt: Prompt, first_on_topic: bool, day_start: datetime) -> None:
    topic = prompt.principle or prompt.focus or ""
    score = (
        WEAK_RATING.get(topic, 3 if topic == WEAK_CHECK else 4)
        if first_on_topic and not prompt.redo_of
        else 4
    )
    weak_text = first_on_topic and not prompt.redo_of and (topic in WEAK_RATING or topic == WEAK_CHECK)
    ts = f"{int(day_start.timestamp())}.000200"
    with deps.sessions.begin() as session:
        thread = answers.thread_of(session, prompt.channel_id or "", prompt.message_ts or "", USER)
        assert thread is not None, "the prompt was delivered"
        text = WEAK_TEXT if weak_text else strong_answer(prompt.question_text or "")
        answers.record_answer(
            session,
            thread,
            channel=thread.prompt.channel_id or "",
            ts=ts,
            text=text,
            now=day_start + timedelta(hours=1),
        )
        answers.rate(
            session,
            channel=thread.prompt.channel_id or "",
            ts=ts,
            user=REVIEWER,
            reaction=REACTIONS[score],
            now=day_start + timedelta(hours=3),
        )


def play(days: int, workdir: Path) -> dict[str, Any]:
    url = f"sqlite:///{workdir / f'coverage_{days}.db'}"
    upgrade_to_head(url)
    fake = FakeSlack(token=BOT_TOKEN).start()
    fake.add_user(USER, tz=TZ, name="casey")
    fake.add_user(REVIEWER, tz=TZ, name="maria")
    clock = FixedClock(local(START, 7, 0, tz=TZ))
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None,
        slack_bot_token=BOT_TOKEN,
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url=fake.api_url,
        database_url=url,
    )
    deps = build_deps(settings, clock=clock)
    try:
        loop_date = START + timedelta(days=days)
        cid, source = seed(deps, loop_date, clock.now())
        seen: set[str] = set()
        for n in range(days + 1):
            day = START + timedelta(days=n)
            clock.set(local(day, 9, 0, tz=TZ))
            tick(deps)
            for prompt in new_questions(deps, cid, day):
                topic = prompt.principle or prompt.focus or ""
                answer_and_rate(deps, prompt, topic not in seen, clock.now())
                seen.add(topic)
        clock.set(local(loop_date + timedelta(days=1), 9, 0, tz=TZ))
        tick(deps)
        return measure(deps, cid, days, source, fake)
    finally:
        fake.stop()
        deps.engine.dispose()


def new_questions(deps: Deps, cid: int, day: date) -> list[Prompt]:
    with deps.sessions.begin() as session:
        return list(
            session.scalars(
                select(Prompt).where(
                    Prompt.candidate_id == cid,
                    Prompt.local_date == day,
                    Prompt.question_key.is_not(None),
                    Prompt.status == "sent",
                )
            )
        )


def measure(deps: Deps, cid: int, days: int, source: str, fake: FakeSlack) -> dict[str, Any]:
    now = deps.clock.now()
    with deps.sessions.begin() as session:
        candidate = session.get_one(Candidate, cid)
        ordered = in_calendar_order(
            list(session.scalars(select(Interview).where(Interview.candidate_id == cid))), candidate.loop_date
        )
        principles = list(dict.fromkeys(p for i in ordered for p in i.principles))
        by_interview = {p: n for n, i in reversed(list(enumerate(ordered))) for p in i.principles}
        prompts = list(
            session.scalars(
                select(Prompt)
                .where(Prompt.candidate_id == cid, Prompt.kind == "question")
                .order_by(Prompt.id)
            )
        )
        start = prompts[0].local_date if prompts else START
        asked = [
            Asked(
                (p.local_date - start).days + 1,
                p.principle or p.focus or "",
                p.focus is not None,
                p.redo_of,
                p.id,
                p.question_key or "",
            )
            for p in prompts
        ]
        weak_answers = [
            (a, p)
            for a, p in session.execute(
                select(Answer, Prompt)
                .join(Prompt, Prompt.id == Answer.prompt_id)
                .where(Answer.candidate_id == cid)
            )
            if a.principle and (any(r.score <= 2 for r in a.ratings) or (a.check_score or 5) <= 2)
        ]
        board = dashboard(session, candidate, now=now)
    asks = Counter(a.topic for a in asked if not a.is_focus)
    unasked = [p for p in principles if asks[p] == 0]
    redos = []
    for answer, prompt in weak_answers:
        day = next(a.day for a in asked if a.prompt_id == prompt.id)
        again = next((a for a in asked if a.topic == answer.principle and a.prompt_id > prompt.id), None)
        redos.append(
            {
                "principle": answer.principle,
                "day": day,
                "rating": answer.ratings[0].score if answer.ratings else None,
                "check_score": answer.check_score,
                "asked_again_after_days": again.day - day if again else None,
                "same_question": bool(
                    again and again.redo_of == prompt.id and again.question_key == prompt.question_key
                ),
            }
        )
    drills = Counter(a.topic for a in asked if a.is_focus)
    first_all_asked = next(
        (n for n, _ in enumerate(asked) if not {p for p in principles} - {a.topic for a in asked[: n + 1]}),
        None,
    )
    drills_early = [
        a.topic
        for n, a in enumerate(asked)
        if a.is_focus and (first_all_asked is None or n <= first_all_asked)
    ]
    practise = practise_next_agreement(fake, asked)
    targets = check_targets(days, principles, asks, unasked, redos, by_interview, drills_early, practise)
    return {
        "days": days,
        "principles": len(principles),
        "source": source,
        "questions": len(asked),
        "asks_per_principle": {p: asks[p] for p in principles},
        "sequence": [("drill: " if a.is_focus else "redo: " if a.redo_of else "") + a.topic for a in asked],
        "unasked": unasked,
        "weak_answers": redos,
        "drills": dict(drills),
        "readiness_at_the_end": {row.principle: row.readiness for row in board.progress},
        "practise_next": practise,
        "targets": targets,
        "all_targets_met": all(targets.values()),
    }


def practise_next_agreement(fake: FakeSlack, asked: list[Asked]) -> list[dict[str, Any]]:
    """Each milestone's "Practise next" against the questions of that morning and the ones after."""
    found = []
    questions = [call for call in fake.posts() if "Q: " in call.params["text"]]
    for call in fake.posts():
        match = re.search(
            r"^Practise next: (.+?) \(today's question\)(?:, then (.+))?$", call.params["text"], re.M
        )
        if not match:
            continue
        promised = [match.group(1), *(match.group(2).split(", ") if match.group(2) else [])]
        today = max(n for n, q in enumerate(questions) if q.at <= call.at)
        actual = [a.topic for a in asked[today : today + len(promised)]]
        found.append({"promised": promised, "asked": actual, "today_agrees": promised[0] == actual[0]})
    return found


def check_targets(
    days: int,
    principles: list[str],
    asks: Counter[str],
    unasked: list[str],
    redos: list[dict[str, Any]],
    by_interview: dict[str, int],
    drills_early: list[str],
    practise: list[dict[str, Any]],
) -> dict[str, bool]:
    redone = [r for r in redos if r["asked_again_after_days"] is not None]
    targets = {
        "a redo repeats the weak answer's question": all(r["same_question"] for r in redone),
        "no drill before every principle is asked": not drills_early,
        "practise next starts with the question asked": all(p["today_agrees"] for p in practise),
    }
    if days >= 2 * len(principles):
        targets["every principle asked twice"] = all(asks[p] >= 2 for p in principles)
        targets["weak asked again within 2 days"] = all(
            (r["asked_again_after_days"] or 99) <= 2 for r in redos
        )
    if days >= len(principles):
        targets["no principle unasked"] = not unasked
    else:
        asked_interviews = {by_interview[p] for p in principles if asks[p]}
        last = max(asked_interviews, default=-1)
        targets["earliest interviews first"] = all(asks[p] for p in principles if by_interview[p] < last)
    return targets


def main(quick: bool = False) -> None:
    runs = []
    with tempfile.TemporaryDirectory(prefix="loop-coach-coverage-") as workdir:
        for days in DAYS[2:] if quick else DAYS:
            runs.append(play(days, Path(workdir)))
    rows = []
    for run in runs:
        delays = [r["asked_again_after_days"] for r in run["weak_answers"]]
        rows.append(
            [
                run["days"],
                run["questions"],
                min(run["asks_per_principle"].values()),
                max(run["asks_per_principle"].values()),
                len(run["unasked"]),
                len(run["weak_answers"]),
                ",".join("—" if d is None else str(d) for d in delays),
                sum(run["drills"].values()),
                "yes"
                if run["all_targets_met"]
                else "NO: " + ", ".join(k for k, v in run["targets"].items() if not v),
            ]
        )
    print_table(
        f"coverage: the example loop ({runs[0]['principles']} principles, {runs[0]['source']})",
        [
            "days",
            "questions",
            "min asks",
            "max asks",
            "unasked",
            "weak answers",
            "redo delays (days)",
            "drills",
            "targets met",
        ],
        rows,
    )
    for run in runs:
        print(f"\n{run['days']} days: " + " · ".join(run["sequence"]))
        print("  asks: " + ", ".join(f"{p} {n}" for p, n in run["asks_per_principle"].items()))
    path = write_results(
        "coverage", {"runs": runs, "all_targets_met": all(r["all_targets_met"] for r in runs)}, quick=quick
    )
    print(f"\nwrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
