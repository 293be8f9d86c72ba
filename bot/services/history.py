"""`/prep history [PRINCIPLE]`: the candidate's answers, newest first, a page at a time."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from bot.models import Answer, Candidate, Prompt, Rating

PER_PAGE = 5


@dataclass(frozen=True)
class HistoryEntry:
    answer_id: int
    topic: str
    question: str
    answered_at: datetime
    check_score: int | None
    findings: tuple[str, ...]
    ratings: tuple[int, ...]
    channel_id: str
    message_ts: str  # the answer's own message, a reply in the question's thread
    second_try: bool

    @property
    def average(self) -> float | None:
        return sum(self.ratings) / len(self.ratings) if self.ratings else None


@dataclass(frozen=True)
class HistoryPage:
    owner: str  # the candidate's user id: only they may turn the pages
    topic: str | None
    page: int  # 0-based
    pages: int
    total: int
    entries: tuple[HistoryEntry, ...]
    tz: str | None

    @property
    def has_newer(self) -> bool:
        return self.page > 0

    @property
    def has_older(self) -> bool:
        return self.page + 1 < self.pages


def history_page(
    session: Session, candidate: Candidate, topic: str | None, page: int, *, per_page: int = PER_PAGE
) -> HistoryPage:
    """A page of answers (on one principle or focus area, or all), clamped to the pages there are."""
    mine = [Answer.candidate_id == candidate.id]
    if topic is not None:
        mine.append(or_(Answer.principle == topic, Answer.focus == topic))
    total = session.scalar(select(func.count(Answer.id)).where(*mine)) or 0
    pages = max(1, -(-total // per_page))
    page = min(max(page, 0), pages - 1)
    rows = session.execute(
        select(Answer, Prompt.question_text, Prompt.redo_of)
        .join(Prompt, Prompt.id == Answer.prompt_id)
        .where(*mine)
        .order_by(Answer.answered_at.desc(), Answer.id.desc())
        .offset(page * per_page)
        .limit(per_page)
    ).all()
    ratings: dict[int, list[int]] = defaultdict(list)
    for answer_id, score in session.execute(
        select(Rating.answer_id, Rating.score)
        .where(Rating.answer_id.in_([answer.id for answer, _, _ in rows]))
        .order_by(Rating.id)
    ):
        ratings[answer_id].append(score)
    entries = tuple(
        HistoryEntry(
            answer_id=answer.id,
            topic=answer.principle or answer.focus or "Practice",
            question=question or "",
            answered_at=answer.answered_at,
            check_score=answer.check_score,
            findings=tuple(answer.check_findings or ()),
            ratings=tuple(ratings.get(answer.id, ())),
            channel_id=answer.channel_id,
            message_ts=answer.message_ts,
            second_try=redo_of is not None,
        )
        for answer, question, redo_of in rows
    )
    return HistoryPage(candidate.user_id, topic, page, pages, total, entries, candidate.tz)
