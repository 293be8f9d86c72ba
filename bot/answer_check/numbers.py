"""Numbers that measure: percentages, money, counts of things, "doubled", "half of"; and the ones that only
say when ("one year ago", "after two weeks", "every two weeks", a year such as 2021), which measure nothing.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

METRIC = re.compile(
    # units typed against the figure too: "3hrs", "40mins", "down 3pp"
    r"(?:\d+(?:[.,]\d+)?\s*(?:%|percent|x\b|k\b|m\b|bn\b|ms\b|s\b|qps\b|rps\b|tps\b|gb\b|tb\b|pb\b|mb\b|"
    r"hrs?\b|h\b|mins?\b|secs?\b|pp\b|bps\b|pts\b)|"
    r"[$€£]\s?\d|\b\d+(?:[.,]\d+)?\b(?<!\b(?:19|20)\d\d)|\b(?:doubled|tripled|quadrupled|halved|tenfold|"
    r"twofold|threefold)\b|\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
    r"twenty|thirty|forty|fifty|sixty|hundred|dozens?|hundreds?|thousands?|millions?|billions?) (?:of )?"
    r"(?:\w+ )?(?:percent|customers?|users?|people|developers?|engineers?|teams?|days?|weeks?|months?|years?|"
    r"quarters?|hours?|minutes?|seconds?|calls?|times|tickets?|incidents?|outages?|pages?|bugs?|defects?|deals?|"
    r"dollars?|euros?|pounds?|points?|hires?|stores?|sites?|releases?|services?|requests?|orders?|accounts?|"
    r"clients?|servers?)\b|\b(?:on|by|within) (?:the|their|"
    r"my|our|his|her|its) (?:very )?(?:first|same|second) (?:day|week|month|try|attempt|sprint)\b|\bzero\b|"
    r"(?:by|in|to) (?:half|a third|a quarter)|(?:half|a third|a quarter|two thirds) of)",
    _I,
)
YEAR_ONLY = re.compile(r"^(?:19|20)\d\d$")


# When, not how much: "one year ago", "after two weeks I started…" date the story rather than measure it.
TIME_MARKER = re.compile(
    r"\b(?:\w+ ){1,2}(?:days?|weeks?|wks?|months?|mos?|quarters?|years?|yrs?) ago\b|\bat (?:one|some|that|this) point\b|"
    r"(?:^|[,;]|\band\b|\bthen\b)\W*(?:after|within|in|over|for) (?:about |around |roughly )?(?:a|an|one|two|three|"
    r"four|five|six|few|couple of|\d+) (?:days?|weeks?|sprints?|months?|quarters?|years?)\b|\b(?:every|each) "
    r"(?:\w+ )?(?:days?|weeks?|sprints?|months?|quarters?|years?|hours?|minutes?)\b",
    _I,
)


# Figures that name a thing rather than measure one: a "1:1" is a meeting, "24/7" a schedule.
# (A clause's words come here re-joined by spaces, so "1:1s" may arrive as "1 1s".)
NAMED_FIGURE = re.compile(r"\b(?:1(?::|-on-|on| )1s?|24/7|24x7)(?!\w)", _I)


def metric_in(sentence: str) -> bool:
    measured = TIME_MARKER.sub(" ", NAMED_FIGURE.sub(" ", sentence))
    return any(not YEAR_ONLY.match(match.group(0).strip()) for match in METRIC.finditer(measured))
