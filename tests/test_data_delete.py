"""`/prep delete`: a confirmation modal, then everything of that candidate goes and nobody else's."""

from __future__ import annotations

from bot.blocks.data_messages import DELETE_FORM
from bot.models import Base
from bot.services.erase import CANDIDATE_TABLES, NOT_PERSONAL, team_tables
from tests.conftest import CANDIDATE, Harness
from tests.support.data_seed import every_row, rows_of_candidates, seed_prep, without
from tests.support.payloads import view_submission

OTHER = "U0OTHER001"
ELSEWHERE = "T0ELSEWHERE"


def seed_neighbours(app: Harness) -> tuple[int, list[int]]:
    """The candidate, reviewed by OTHER, who is a candidate reviewed by them in turn; and the same
    user id in another workspace. Returns the candidate's id and the others'."""
    mine = seed_prep(app.deps, CANDIDATE, reviewers=(OTHER,))
    theirs = seed_prep(app.deps, OTHER, reviewers=(CANDIDATE,))  # CANDIDATE rates OTHER's answers
    elsewhere = seed_prep(app.deps, CANDIDATE, team=ELSEWHERE)
    return mine, [theirs, elsewhere]


def confirm(app: Harness, user: str = CANDIDATE) -> None:
    result = app.driver.post_form(view_submission(DELETE_FORM, {}, user=user))
    assert result.status == 200 and result.body in (b"", b"{}")


def test_delete_opens_a_confirmation_modal_and_changes_nothing(app: Harness) -> None:
    seed_neighbours(app)
    before = every_row(app.deps.engine)
    result = app.command("delete")
    assert result.status == 200
    view = app.fake.calls_to("views.open")[-1].json_param("view")
    assert view["callback_id"] == DELETE_FORM
    assert view["submit"]["text"] == "Delete everything"
    assert "/prep export" in str(view["blocks"])
    # Closing the modal sends Slack nothing back (no notify_on_close): nothing can change.
    assert not view.get("notify_on_close")
    assert every_row(app.deps.engine) == before
    assert app.fake.responses() == []


def test_confirming_erases_every_row_of_the_candidate_and_nothing_else(app: Harness) -> None:
    mine, others = seed_neighbours(app)
    before = every_row(app.deps.engine)
    removed = rows_of_candidates(app.deps.engine, [mine])
    assert all(removed[name] for name in CANDIDATE_TABLES), "the seed fills every table"
    kept = rows_of_candidates(app.deps.engine, others)

    confirm(app)

    after = every_row(app.deps.engine)
    assert after == without(before, removed)
    assert rows_of_candidates(app.deps.engine, others) == kept
    # CANDIDATE's rating of OTHER's answer is OTHER's data, and stays; OTHER's link to them too.
    assert any(row for row in kept["ratings"] if CANDIDATE in row)
    dm = app.fake.conversations[(CANDIDATE,)]
    said = app.fake.posts(dm)[-1].params["text"]
    assert said.startswith(
        "Done: I deleted everything I held about you (2 answers, 1 story, 2 interviews, 1 reviewer"
    )
    home = app.fake.calls_to("views.publish")[-1]
    assert home.params["user_id"] == CANDIDATE


def test_a_second_submission_is_harmless(app: Harness) -> None:
    seed_neighbours(app)
    confirm(app)
    after_first = every_row(app.deps.engine)
    confirm(app)
    assert every_row(app.deps.engine) == after_first
    dm = app.fake.conversations[(CANDIDATE,)]
    assert "there was nothing to delete" in app.fake.posts(dm)[-1].params["text"]


def test_someone_without_data_confirming_creates_nothing(app: Harness) -> None:
    confirm(app, user="U0NEWCOMER")
    assert all(not rows for rows in every_row(app.deps.engine).values())


def test_every_table_is_erased_or_declared_not_personal() -> None:
    """A new table must say how it is erased: a failure here means bot/services/erase.py needs it."""
    covered = set(CANDIDATE_TABLES) | {t.name for t in team_tables()} | NOT_PERSONAL
    assert set(Base.metadata.tables) == covered
