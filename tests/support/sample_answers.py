"""Answers written for the coaching tests: one the check finds clean, ones with a clear gap."""

from __future__ import annotations

# About 290 words: situation, task, steps in "I", a result with numbers, a lesson.
CLEAN = (
    "At 8base our App Builder launch was slipping by three weeks and two enterprise customers were "
    "waiting on it. I was the engineering manager responsible for the release, and my goal was to ship "
    "the beta by the end of the quarter without cutting the accessibility work. First I mapped every "
    "open ticket with the three team leads and found that 40% of the remaining work was blocked on one "
    "flaky integration test suite that failed about 30 times a week. I proposed freezing new scope for "
    "two sprints, and I wrote a one-page plan that showed the product director what we would cut and "
    "what it would cost. I moved two engineers onto the test harness, and I paired with them on the "
    "first fixes so they could see which failures came from timing and which came from shared test "
    "data. I ran a daily fifteen-minute review of the burn-down with product, and I published the "
    "numbers in our channel every evening so nobody had to ask. I also called both customers myself "
    "to agree which features they needed first, and I moved the reporting screens to the first "
    "release because both of them depended on those screens. As a result we shipped the beta nine "
    "days before the deadline, the flaky failures fell from 30 a week to 2, and both customers signed "
    "renewals worth 180 thousand dollars. I learned to look for the single blocker behind a late "
    "project before adding people to it, and I now start every rescue by measuring where the work "
    "actually waits."
)
# The team's story: "we" throughout.
WE_ONLY = (
    "At Acme our checkout was timing out for about 8% of buyers during the holiday sale. We had to fix "
    "it before the next campaign. We looked at the traces together and we found a slow tax lookup. We "
    "cached the tax rates, we added an alarm, and we rolled it out on a Friday. We were really happy "
    "with it and the errors went away afterwards, so the campaign went well for the whole team."
)
