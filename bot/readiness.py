"""How ready a candidate is on one principle: a score from 0 to 100, from everything known. Pure.

The evidence is the answers given on the principle (each with its peers' average rating and the
answer check's stored score and findings), how long ago each was given, and the stories tagged
with the principle.

    quality q of one answer, 0..1:
        rated and checked:  0.7 * peer + 0.3 * check
        rated only:         peer
        checked only:       0.8 * check        (nobody has listened to it yet)
        neither:            0.35               (practised; quality unknown)
      where peer = (average rating - 1) / 4, check = (check score - 1) / 4 minus 0.1 per
      finding that peers easily miss in a written answer (hypothetical, off topic, blames others);
      then a good reply to the interviewer's follow-up (bot/follow_up_check.py) lifts it a little:
        q = min(1, q + 0.1 * (follow-up score - 3) / 2)   for a follow-up score of 4 or 5
      (+0.05 for 4, +0.1 for 5; a missed follow-up takes nothing away: it is a probe, not a verdict).
    recency weight w = 0.5 ** (age in days / 10): an answer ten days old counts half.
    Q = sum(w * q) / sum(w)                       recent quality
    P = 1 - 0.5 ** sum(w)                         practice: one fresh answer 0.5, two 0.75, three 0.875
    S = min(stories, 2) / 2                       a story or two ready to tell

    readiness = round(100 * (0.7 * Q * P + 0.1 * P + 0.2 * S))

A focus drill (System Design, …) has no stories: its readiness leaves S out and scales the rest to
100, round(100 * (0.7 * Q * P + 0.1 * P) / 0.8).

So nothing practised and no story is 0, two stories alone are 20, one fresh 5/5 answer is 40, three
fresh 5/5 answers and two stories are 90. An answer is *weak* when its peers rated it 2 or lower on
average, or the check scored it 2 or lower; a principle whose latest answer is weak is called out
and asked again (see bot.questions.topics).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

HALF_LIFE_DAYS = 10.0
WEAK_AT = 2  # a rating or check score at or below this is weak
UNKNOWN_QUALITY = 0.35
UNREVIEWED = 0.8
PEER_SHARE = 0.7
FINDING_PENALTY = 0.1
STORY_SHARE = 0.2
# Findings a written answer can hide from a quick read: they cost the check part a little more.
SERIOUS_FINDINGS = frozenset({"hypothetical", "off_topic", "blames_others"})
FOLLOW_UP_LIFT = 0.1  # what a 5/5 follow-up reply adds to the answer's quality
GOOD_FOLLOW_UP = 4


class Level(StrEnum):
    NOT_STARTED = "not practised"
    WEAK = "weak"
    FAIR = "getting there"
    READY = "ready"


@dataclass(frozen=True)
class Evidence:
    """One answer on the principle, as stored."""

    answered_at: datetime
    rating: float | None = None  # the peers' average, 1-5
    check_score: int | None = None  # 1-5
    findings: tuple[str, ...] = ()
    follow_up: int | None = None  # the brief check's score of the reply to the follow-up, 1-5

    @property
    def weak(self) -> bool:
        return (self.rating is not None and self.rating <= WEAK_AT) or (
            self.check_score is not None and self.check_score <= WEAK_AT
        )

    def quality(self) -> float:
        base = self._answer_quality()
        if self.follow_up is not None and self.follow_up >= GOOD_FOLLOW_UP:
            return min(1.0, base + FOLLOW_UP_LIFT * (self.follow_up - 3) / 2)
        return base

    def _answer_quality(self) -> float:
        peer = None if self.rating is None else (self.rating - 1) / 4
        check = None
        if self.check_score is not None:
            serious = len(SERIOUS_FINDINGS.intersection(self.findings))
            check = max(0.0, (self.check_score - 1) / 4 - FINDING_PENALTY * serious)
        if peer is not None and check is not None:
            return PEER_SHARE * peer + (1 - PEER_SHARE) * check
        if peer is not None:
            return peer
        if check is not None:
            return UNREVIEWED * check
        return UNKNOWN_QUALITY


@dataclass(frozen=True)
class Readiness:
    principle: str
    score: int  # 0-100
    answers: int
    stories: int
    latest_weak: bool

    @property
    def gap(self) -> int:
        return 100 - self.score

    @property
    def level(self) -> Level:
        if self.answers == 0:
            return Level.NOT_STARTED
        if self.latest_weak or self.score < 25:
            return Level.WEAK
        return Level.READY if self.score >= 60 else Level.FAIR


def recency(answered_at: datetime, now: datetime) -> float:
    age_days = max(0.0, (now - answered_at).total_seconds() / 86400)
    return float(0.5 ** (age_days / HALF_LIFE_DAYS))


def readiness(
    principle: str, evidence: Sequence[Evidence], stories: int | None, *, now: datetime
) -> Readiness:
    """`stories` None: a focus drill, where stories do not apply."""
    weights = [recency(e.answered_at, now) for e in evidence]
    total = sum(weights)
    quality = sum(w * e.quality() for w, e in zip(weights, evidence, strict=True)) / total if total else 0.0
    practice = 1 - 0.5**total
    answered = PEER_SHARE * quality * practice + 0.1 * practice
    if stories is None:
        score = round(100 * answered / (1 - STORY_SHARE))
    else:
        score = round(100 * (answered + STORY_SHARE * min(stories, 2) / 2))
    latest = max(evidence, key=lambda e: e.answered_at, default=None)
    return Readiness(
        principle=principle,
        score=max(0, min(100, score)),
        answers=len(evidence),
        stories=stories or 0,
        latest_weak=latest is not None and latest.weak,
    )
