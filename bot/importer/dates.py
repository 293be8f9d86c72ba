"""Dates and times as people write them in a note: "AUGUST 30, 2022", "30 Aug 2022", "2022-08-30",
and without a year ("Tue 3/17", "Thursday Dec 10", "the 15th of December"): the next such day on or
after the day the note is read."""

from __future__ import annotations

import re
from datetime import date, time

MONTH_NAMES = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
MONTHS = {name: n for n, name in enumerate(MONTH_NAMES, 1)} | {
    name[:3]: n for n, name in enumerate(MONTH_NAMES, 1)
}
MONTHS["sept"] = 9
# Day-first dates in the languages notes come in ("8 décembre 2026", "25. Januar", "3 de marzo"):
# full names only, as their short forms ("out", "set", "mar") are English words too.
OTHER_MONTHS = (
    ("janvier", "janv", "januar", "jänner", "enero", "janeiro", "gennaio"),
    ("février", "fevrier", "févr", "februar", "febrero", "fevereiro", "febbraio"),
    ("mars", "märz", "marz", "marzo", "março", "marco"),
    ("avril", "abril", "aprile"),
    ("mai", "mayo", "maio", "maggio"),
    ("juin", "juni", "junio", "junho", "giugno"),
    ("juillet", "juil", "juli", "julio", "julho", "luglio"),
    ("août", "aout", "agosto"),
    ("septembre", "septiembre", "setiembre", "setembro", "settembre"),
    ("octobre", "oktober", "octubre", "outubro", "ottobre"),
    ("novembre", "noviembre", "novembro"),
    ("décembre", "decembre", "dezember", "diciembre", "dezembro", "dicembre"),
)
MONTHS |= {name: n for n, names in enumerate(OTHER_MONTHS, 1) for name in names}
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

ISO_DATE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
WORDY_DATE = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
# "8 décembre 2026", "3 de marzo de 2027", "25. Januar 2027", "1er mars 2027"
DAY_FIRST_DATE = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th|er|º|\.)?\s+(?:of\s+|de\s+)?([^\W\d_]{3,10})\.?,?\s+(?:de\s+)?(\d{4})\b"
)
SLASH_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
# "25.01.2027": day first, as everywhere dots are written
DOTTED_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
# Without a year: "December 10", "Dec. 10th", "10 Dec", "15th of December", "3/17" (month first, as in
# the US; day first when the first number cannot be a month). Not "5/15/40/40", not "March 2021".
YEARLESS_WORDY = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!\s*[:/.]\d|,?\s*\d{4})")
YEARLESS_DAY_FIRST = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th|er|º|\.)?\s+(?:of\s+|de\s+)?([^\W\d_]{3,10})\b\.?(?!,?\s*(?:de\s+)?\d{4})"
)
YEARLESS_SLASH = re.compile(r"(?<![\d/.$])(\d{1,2})/(\d{1,2})(?![\d/])")
CLOCK = re.compile(r"\b(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?(?![\d/])", re.IGNORECASE)
MAX_DATE_LINE = 1000
ASIDE = re.compile(r"\([^()]{0,300}\)")
# How much a line sounds like it gives the loop's date.
LOOP_WORDS = {
    "loop date": 10, "loop": 3, "onsite": 3, "on-site": 3, "final round": 3, "scheduled": 2,
    "interview": 1, "date": 1,
    "termin": 3, "datum": 1, "entretien": 1, "due": 2, "culture": -3, "coffee": -3, "chat": -1, "screen": -2,
}  # fmt: skip


def dates_in(line: str, today: date | None = None) -> list[date]:
    """The dates written on a line; those without a year only when `today` says which year."""
    found = [(int(y), int(m), int(d)) for y, m, d in ISO_DATE.findall(line)]
    for name, day, year in WORDY_DATE.findall(line):
        if name.lower() in MONTHS:
            found.append((int(year), MONTHS[name.lower()], int(day)))
    for day, name, year in DAY_FIRST_DATE.findall(line):
        if name.lower() in MONTHS:
            found.append((int(year), MONTHS[name.lower()], int(day)))
    for first, second, year in SLASH_DATE.findall(line):
        month, day = (int(first), int(second)) if int(first) <= 12 else (int(second), int(first))
        found.append((int(year), month, day))
    found += [(int(year), int(month), int(day)) for day, month, year in DOTTED_DATE.findall(line)]
    valid = []
    for year, month, day in found:
        try:
            valid.append(date(year, month, day))
        except ValueError:
            continue
    if not valid and today is not None:
        valid = yearless_dates(line, today)
    return valid


def yearless_dates(line: str, today: date) -> list[date]:
    found: list[tuple[int, int]] = []
    for name, day in YEARLESS_WORDY.findall(line):
        if name.lower() in MONTHS:
            found.append((MONTHS[name.lower()], int(day)))
    for day, name in YEARLESS_DAY_FIRST.findall(line):
        if name.lower() in MONTHS:
            found.append((MONTHS[name.lower()], int(day)))
    for first, second in YEARLESS_SLASH.findall(line):
        month, day = (int(first), int(second)) if int(first) <= 12 else (int(second), int(first))
        found.append((month, day))
    return [day for month, number in found if (day := next_occurrence(month, number, today))]


def next_occurrence(month: int, day: int, today: date) -> date | None:
    """The first `month`/`day` on or after today (a 29 February: the next leap year's)."""
    for year in range(today.year, today.year + 5):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate >= today:
            return candidate
    return None


def find_loop_date(text: str, today: date | None = None) -> date | None:
    """The date on the line that most sounds like the loop's ("Loop date:", "scheduled for …"),
    the earliest such line on a tie. A date on a line that says nothing of the loop (a story's
    "on 3 March 2021") is not a loop date."""
    best: tuple[int, int, date] | None = None
    for index, line in enumerate(text.splitlines()):
        if len(line) > MAX_DATE_LINE:
            continue  # a loop date is given on a short line, not inside a page-long paragraph
        # an aside in parentheses ("(recruiter screen was 12th nov)") says nothing of the loop's day
        # ("due: 4th march (screen was 12th nov)"), unless the line's only date is in one ("(loop 12/1)")
        bare = ASIDE.sub(" ", line)
        bare_score, score = loop_score(bare), loop_score(line)
        if max(bare_score, score) <= 0:
            continue
        score = max(bare_score, score)
        for day in (dates_in(bare, today) if bare_score > 0 else []) or dates_in(line, today):
            if best is None or (score, -index) > (best[0], best[1]):
                best = (score, -index, day)
    return best[2] if best else None


def loop_score(line: str) -> int:
    lowered = re.sub(r"[_-]+", " ", line.lower()).replace("on site", "onsite")  # "loop_date:"
    return sum(weight for word, weight in LOOP_WORDS.items() if word in lowered)


def time_in(text: str) -> time | None:
    """The first clock time in "10:00 – 11:00", "2pm", "9:30 AM PT"; None when there is none."""
    for found in CLOCK.finditer(text):
        hour, minute = int(found.group(1)), int(found.group(2) or 0)
        suffix = (found.group(3) or "").replace(".", "").lower()
        if not suffix and found.group(2) is None:
            continue  # a bare number is no time
        if suffix:
            if not 1 <= hour <= 12:
                continue
            hour = hour % 12 + (12 if suffix == "pm" else 0)
        if hour <= 23 and minute <= 59:
            return time(hour, minute)
    return None
