"""Uninstalling: `app_uninstalled` and `tokens_revoked` purge exactly one workspace, in any order,
however often; revoked user tokens alone purge nothing."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from bot.deps import Deps
from bot.models import SlackPacing
from bot.revocation import revocation_of
from bot.services.candidates import Who
from bot.services.erase import erase_candidate, purge_workspace
from tests.conftest import CANDIDATE, Harness
from tests.support.data_seed import Rows, every_row, rows_of_candidates, seed_prep, without
from tests.support.fake_slack import BOT_USER_ID, TEAM_ID

OTHER = "U0OTHER001"
KEPT_TEAM = "T0KEPTTEAM"
UNINSTALLED: dict[str, Any] = {"type": "app_uninstalled"}
BOT_REVOKED: dict[str, Any] = {
    "type": "tokens_revoked",
    "tokens": {"oauth": [CANDIDATE], "bot": [BOT_USER_ID]},
}


def seed_two_workspaces(deps: Deps) -> list[int]:
    """Two candidates in each workspace (one user in both), and Slack pacing in each; returns
    the ids of the candidates in TEAM_ID, the workspace that leaves."""
    leaving = [seed_prep(deps, CANDIDATE, reviewers=(OTHER,)), seed_prep(deps, OTHER, reviewers=(CANDIDATE,))]
    seed_prep(deps, CANDIDATE, team=KEPT_TEAM, reviewers=(OTHER,))
    seed_prep(deps, "U0THIRD001", team=KEPT_TEAM)
    with deps.sessions.begin() as session:
        for team in (TEAM_ID, KEPT_TEAM):
            session.add(SlackPacing(team_id=team, method="chat.postMessage", tokens=1.0, stamp=deps.clock.now()))
    return leaving


def leaving_rows(deps: Deps, candidate_ids: list[int]) -> Rows:
    rows = rows_of_candidates(deps.engine, candidate_ids)
    rows["slack_pacing"] = {r for r in every_row(deps.engine)["slack_pacing"] if TEAM_ID in r}
    return rows


def event(app: Harness, payload: dict[str, Any], **options: Any) -> None:
    result = app.event(dict(payload), **options)
    assert result.status == 200


@pytest.mark.parametrize("first", [UNINSTALLED, BOT_REVOKED], ids=["uninstalled-first", "revoked-first"])
def test_uninstall_purges_exactly_one_workspace_in_either_order(app: Harness, first: dict[str, Any]) -> None:
    ids = seed_two_workspaces(app.deps)
    before = every_row(app.deps.engine)
    purged = without(before, leaving_rows(app.deps, ids))

    event(app, first)
    assert every_row(app.deps.engine) == purged
    second = BOT_REVOKED if first is UNINSTALLED else UNINSTALLED
    event(app, second)
    assert every_row(app.deps.engine) == purged
    assert not any(TEAM_ID in str(row) for rows in purged.values() for row in rows)
    assert all(purged[name] for name in ("candidates", "answers", "ratings", "feedback", "stories"))


def test_replayed_and_duplicated_deliveries_are_harmless(app: Harness) -> None:
    ids = seed_two_workspaces(app.deps)
    purged = without(every_row(app.deps.engine), leaving_rows(app.deps, ids))
    event(app, UNINSTALLED, event_id="Ev0UNINSTALL")
    event(app, UNINSTALLED, event_id="Ev0UNINSTALL", extra_headers={"X-Slack-Retry-Num": "1"})
    event(app, UNINSTALLED, event_id="Ev0UNINSTALL")
    event(app, BOT_REVOKED)
    event(app, BOT_REVOKED)
    assert every_row(app.deps.engine) == purged


def test_revoking_only_user_tokens_purges_nothing(app: Harness) -> None:
    seed_two_workspaces(app.deps)
    before = every_row(app.deps.engine)
    event(app, {"type": "tokens_revoked", "tokens": {"oauth": [CANDIDATE, OTHER]}})
    event(app, {"type": "tokens_revoked", "tokens": {"oauth": [CANDIDATE], "bot": []}})
    after = every_row(app.deps.engine)
    for rows in (before, after):
        rows.pop("slack_pacing")
        rows.pop("job_steps", None)  # what the two jobs did
    assert after == before


def test_purge_service_is_idempotent_and_counts_what_went(deps: Deps) -> None:
    seed_two_workspaces(deps)
    with deps.sessions.begin() as session:
        first = purge_workspace(session, TEAM_ID)
    with deps.sessions.begin() as session:
        again = purge_workspace(session, TEAM_ID)
    assert first.candidates == 2 and first.rows["answers"] == 4 and first.rows["slack_pacing"] == 1
    assert again.total == 0


@pytest.mark.parametrize(
    ("payload", "purges"),
    [
        (UNINSTALLED, True),
        (BOT_REVOKED, True),
        ({"type": "tokens_revoked", "tokens": {"bot": ["UBOT"]}}, True),
        ({"type": "tokens_revoked", "tokens": {"oauth": ["U1"]}}, False),
        ({"type": "tokens_revoked", "tokens": {"oauth": ["U1"], "bot": []}}, False),
        ({"type": "tokens_revoked"}, False),
        ({"type": "tokens_revoked", "tokens": "garbage"}, False),
        ({"type": "tokens_revoked", "tokens": {"bot": "UBOT"}}, False),
    ],
)
def test_which_revocations_end_the_workspace(payload: dict[str, Any], purges: bool) -> None:
    revocation = revocation_of(payload, team_id="T1")
    assert revocation.ends_the_workspace is purges


def test_both_events_purging_at_once_neither_deadlocks_nor_double_counts(deps: Deps) -> None:
    """Slack sends the two events together; separate workers may purge at the same moment."""
    seed_two_workspaces(deps)
    start = threading.Barrier(3)

    def purge() -> int:
        start.wait(timeout=10)
        with deps.sessions.begin() as session:
            return purge_workspace(session, TEAM_ID).candidates

    def erase_one() -> int:
        start.wait(timeout=10)
        with deps.sessions.begin() as session:
            return erase_candidate(session, Who(TEAM_ID, CANDIDATE)).candidates

    with ThreadPoolExecutor(3) as pool:
        counts = [
            f.result(timeout=60) for f in [pool.submit(purge), pool.submit(purge), pool.submit(erase_one)]
        ]
    assert sum(counts) == 2  # each candidate erased exactly once, whichever got there first
    assert not any(TEAM_ID in str(row) for rows in every_row(deps.engine).values() for row in rows)
