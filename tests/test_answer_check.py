"""The answer check: each finding both ways, drills, the score, the reply, and weakest_part."""

from __future__ import annotations

from bot.answer_check import AnswerCheck, Finding, check_answer, check_text, weakest_part
from tests.conftest import shared_path

SETTING = "At a grocery delivery company in 2022, our checkout was failing for 8% of customers during sales. "
TASK = "I was responsible for payments, and my goal was to fix it before the holiday peak, six weeks away. "
ACTIONS = (
    "First, I dug into the traces and found that we called the tax service three times per order. "
    "I proposed caching tax rates per region, wrote the design, and convinced our CTO to pause feature work. "
    "I paired with each engineer on the riskiest change, and I reviewed every change myself. "
)
DETAIL = (
    "I ran a load test every night against a copy of production traffic, I kept a daily log of latency for the "
    "team, and I walked support through the failure modes so they knew what customers might see. "
)
RESULT = (
    "As a result, checkout latency dropped from 2.4 seconds to 300 ms, timeouts fell to 0.1%, and holiday "
    "revenue grew 35% over the year before. "
)
STRONG = SETTING + TASK + ACTIONS + DETAIL * 4 + RESULT


def check(text: str, **asked: str) -> AnswerCheck:
    return check_answer(text, **asked)


def test_a_strong_answer_is_clean_and_scores_five() -> None:
    result = check(STRONG, principle="deliver results", question="Tell me about a time you delivered a fix.")
    assert result.findings == ()
    assert result.star == {"situation": True, "task": True, "action": True, "result": True}
    assert result.score == 5 and 225 <= result.words <= 525
    assert result.minutes == round(result.words / 150, 1)
    assert weakest_part(result) is None


def test_length_is_judged_in_spoken_minutes() -> None:
    assert Finding.TOO_SHORT in check(SETTING + TASK + ACTIONS + RESULT).findings
    # About two minutes spoken (255–300 words) is never "add detail" again.
    padded = STRONG + DETAIL
    assert 255 <= check(padded).words <= 330
    assert Finding.TOO_SHORT not in check(padded).findings
    long = check(STRONG + DETAIL * 12)
    assert long.words > 525 and Finding.TOO_LONG in long.findings
    assert weakest_part(check(STRONG + DETAIL * 12)) is None, "length alone is no follow-up question"


def test_a_first_sentence_with_a_place_a_project_and_a_problem_is_a_situation() -> None:
    opener = "At 8base our App Builder project was slipping. "
    assert check(opener + TASK + ACTIONS + RESULT).star["situation"]
    assert not check(ACTIONS + RESULT).star["situation"]
    assert Finding.NO_SITUATION in check(ACTIONS + RESULT).findings


def test_the_task_action_and_result_are_each_heard_or_missed() -> None:
    assert Finding.NO_TASK in check(SETTING + ACTIONS + RESULT).findings
    assert Finding.NO_TASK not in check(SETTING + TASK + ACTIONS + RESULT).findings
    assert Finding.NO_ACTION in check(SETTING + TASK + RESULT).findings
    assert Finding.NO_RESULT in check(SETTING + TASK + ACTIONS + DETAIL).findings
    assert Finding.NO_RESULT not in check(SETTING + TASK + ACTIONS + RESULT).findings


def test_our_and_us_are_not_we() -> None:
    ours = (
        "At our company our billing was late for our customers. I had to fix it for us. I rewrote the job, "
        "I moved it to our new queue, and I tested it with our data. As a result our invoices went out 2 days sooner."
    )
    assert Finding.WE_NOT_I not in check(ours).findings
    team = (
        "Our team was migrating billing, and we needed to finish by March. We split the work, we wrote the "
        "scripts, we tested them, and we shipped on time, so we saved 20% on hosting."
    )
    result = check(team)
    assert Finding.WE_NOT_I in result.findings and result.we_count > result.i_count


def test_a_result_without_a_number_is_flagged_but_a_year_is_no_number() -> None:
    no_number = (
        SETTING
        + TASK
        + ACTIONS
        + "In the end, in 2023, the team was much happier and customers were pleased."
    )
    assert Finding.NO_METRIC in check(no_number).findings
    assert Finding.NO_METRIC not in check(STRONG).findings


def test_what_one_would_do_is_hypothetical_and_what_one_did_is_not() -> None:
    would = (
        "I would first gather as much data as I can, and I'd talk to the people closest to the problem. "
        "Then I would pick the option that is easiest to reverse, and I would review it a week later."
    )
    assert (
        Finding.HYPOTHETICAL in check(would, question="Tell me about a decision you made quickly.").findings
    )
    assert (
        Finding.HYPOTHETICAL not in check(STRONG + "Next time I would test the tax service sooner.").findings
    )
    habits = "When I get feedback I always listen first. I usually thank the person and I try to act on it."
    assert Finding.HYPOTHETICAL in check(habits).findings


def test_a_system_design_is_told_as_a_design_so_it_is_never_hypothetical() -> None:
    design = "I would put a cache in front of the database and I would shard by user id."
    assert Finding.HYPOTHETICAL not in check(design, focus="System Design").findings


def test_buzzwords_without_detail_are_vague() -> None:
    buzz = (
        "In my last role I drove alignment across cross-functional stakeholders to deliver a strategic "
        "initiative. I leveraged my relationships, streamlined our processes and fostered a culture of "
        "ownership. As a result we delivered on time and improved efficiency significantly."
    )
    assert Finding.VAGUE in check(buzz).findings
    assert Finding.VAGUE not in check(STRONG).findings


def test_putting_the_failure_on_others_is_blaming_and_owning_it_is_not() -> None:
    blame = (
        "The backend team was slow and they didn't deliver the API on time. The designer was incompetent, and "
        "the product manager never answered my questions. It was not my fault that we launched a month late."
    )
    assert Finding.BLAMES_OTHERS in check(blame).findings
    owning = (
        "The partner told us they could not deliver the price feed in time. It was my launch, so it was my "
        "problem: I should have asked them for a progress check earlier. I cut the scope to 2,000 hotels."
    )
    assert Finding.BLAMES_OTHERS not in check(owning).findings


def test_an_answer_about_something_else_is_off_topic() -> None:
    question = "Tell me about a time you used data to find the root cause of a problem."
    mentoring = (
        "At a consulting firm, I was asked to lead a team of five new graduates on a project for a retail "
        "client. I set up a buddy system, I ran lunch sessions on the client's business, and I met each of "
        "them every Friday to talk about their progress, growth and careers. Two of them were promoted."
    )
    assert Finding.OFF_TOPIC in check(mentoring, principle="Dive Deep", question=question).findings
    assert Finding.OFF_TOPIC not in check(STRONG, principle="Dive Deep", question=question).findings
    assert Finding.OFF_TOPIC not in check(mentoring).findings, "without a question nothing is off topic"


def test_a_failure_question_wants_the_lesson() -> None:
    failure = SETTING + TASK + ACTIONS + "We relaunched two weeks later and reached 150,000 members."
    question = "Tell me about a time you failed."
    assert Finding.NO_LEARNING in check(failure, question=question).findings
    learned = (
        failure + " What I learned is to test the paths customers use; since then I pull the real mix first."
    )
    assert Finding.NO_LEARNING not in check(learned, question=question).findings
    assert Finding.NO_LEARNING not in check(failure, question="Tell me about a time you delivered.").findings


SD = (
    "Requirements: users paste a long URL and get a short link; redirects must be fast and always available. "
    "Scale: 100 million new links a day, about 1,200 writes a second and 100,000 redirects a second. "
    "Design: an API service behind a load balancer, an id generator, a key-value store partitioned by key, a "
    "Redis cache in front of it, and a Kafka stream for click counts. Trade-offs: I chose generated ids "
    "rather than hashing, because hashing needs collision checks. Failure modes: if the cache fails, the store "
    "takes the load, so we alarm on latency; retries use backoff. "
)


def test_system_design_gets_its_own_checklist_in_the_star_slots() -> None:
    good = check(SD * 3, focus="design")
    assert good.drill == "System Design" and good.findings == ()
    assert "System Design checklist: Requirements ✓" in check_text(good)
    thin = check("I would have a service and a database, and we could add a queue.", focus="System Design")
    assert thin.star == {"situation": False, "task": False, "action": False, "result": False}
    assert {Finding.NO_METRIC, Finding.NO_TASK, Finding.NO_RESULT} <= set(thin.findings)
    no_trade_offs = SD.replace(
        "Trade-offs: I chose generated ids rather than hashing, because hashing needs collision checks. ", ""
    )
    assert "Name the trade-offs" in check_text(check(no_trade_offs * 3, focus="System Design"))


def test_the_score_falls_with_what_is_missing() -> None:
    assert check(STRONG).score == 5
    assert check("I fixed a bug.").score == 1
    assert 1 <= check(SETTING + TASK + ACTIONS + RESULT).score < 5


def test_weakest_part_aims_at_the_most_important_finding() -> None:
    we_only = check("Our team had a billing problem. We fixed it, we tested it, and we shipped it on time.")
    assert weakest_part(we_only) is Finding.WE_NOT_I or weakest_part(we_only) is Finding.TOO_SHORT
    assert weakest_part(check(SETTING + TASK + ACTIONS + DETAIL * 4)) is Finding.NO_RESULT


def test_the_reply_is_short_scannable_mrkdwn_with_one_line_per_finding() -> None:
    text = check_text(check("We did it."))
    lines = text.splitlines()
    assert lines[0].startswith("📝 Answer check: 3 words") and "score *1/5*" in lines[0]
    assert lines[1].startswith("STAR S ✗ T ✗ A ✗ R ✗")
    assert (
        lines[2]
        == "• *Too short*: Add the steps you took and why: aim for 2–3 minutes spoken (300–450 words)."
    )
    assert len(lines) <= 7 and lines[-1].startswith("• Also: ")
    assert "Clean check" in check_text(check(STRONG))
    assert check_text(check(STRONG)) == check_text(check(STRONG))


def test_the_example_notes_story_is_read_as_a_story() -> None:
    note = shared_path("examples", "loop-prep-note.md").read_text()
    story = note[note.index("#### Story 1 - Disagreed") : note.index("#### Story 2")]
    result = check(story)
    assert result.star["situation"] and result.star["action"] and result.star["result"]
    assert Finding.NO_METRIC not in result.findings, "the story backs its result with customer counts"


def test_odd_input_never_breaks_the_check() -> None:
    for text in ("", "   ", "\x00" * 50, "🧑" * 1000, "word " * 20_000, "I " * 5000):
        result = check(text)
        assert 1 <= result.score <= 5 and check_text(result)
