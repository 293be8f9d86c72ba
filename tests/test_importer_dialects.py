"""Notes in other notations and habits: org-mode, Word and OneNote bullets, HTML tables, a Slack
channel copied out, emoji and bracketed tags, YAML front matter, definition lists, CSV blocks, task
lists, Q/A pairs, German rounds and dates, misspelt principles. Each note here is our own, short,
and shaped by one rule: the rule's absence fails it."""

from __future__ import annotations

from datetime import date

from bot.importer import ImportedInterview, parse_note
from bot.importer.dialects import (
    bracket_tags,
    delimited_rows,
    html_tables,
    org_to_markdown,
    slack_chatter,
    word_bullets,
)
from bot.importer.words import principles_in

TODAY = date(2026, 11, 25)


def questions(note_text: str) -> list[tuple[str | None, str]]:
    return [(q.principle, q.text) for q in parse_note(note_text, today=TODAY).questions]


def test_an_org_mode_outline_reads_as_its_markdown() -> None:
    note = parse_note(
        "#+TITLE: Loop prep\n"
        "* Logistics\n"
        "  SCHEDULED: <2027-01-12 Tue 09:00>\n"
        "* Interviewers\n"
        "** Ana Lima (hiring manager)\n"
        "   :PROPERTIES:\n"
        "   :LPS:      Ownership, Dive Deep\n"
        "   :END:\n"
        "* Questions\n"
        "** Ownership\n"
        "*** TODO Tell me about a time you fixed something nobody owned.\n"
        "    - hint: use [[*Pager storm]]\n"
        "* Stories\n"
        "** Pager storm                    :ownership:\n"
        "*** S\n"
        "    Our alerts paged 40 times a night on my team.\n"
        "*** A\n"
        "    I rewrote the 12 noisiest alarms myself.\n"
        "*** R\n"
        "    Pages fell to 3 a week.\n",
        today=TODAY,
    )
    assert note.loop_date == date(2027, 1, 12)
    assert note.interviews == [ImportedInterview("Ana Lima", ["Ownership", "Dive Deep"])]
    assert [(q.principle, q.text) for q in note.questions] == [
        ("Ownership", "Tell me about a time you fixed something nobody owned.")
    ]
    assert note.questions[0].hint and "Pager storm" in note.questions[0].hint
    (story,) = note.stories
    assert (story.title, story.principles) == ("Pager storm", ["Ownership"])
    assert story.action == "I rewrote the 12 noisiest alarms myself."


def test_markdown_with_star_bullets_is_not_taken_for_org() -> None:
    text = "## Ownership\n* Tell me about a time you owned a failure.\n* Another one?\n"
    assert org_to_markdown(text) == text


def test_word_and_onenote_letter_bullets_are_list_items() -> None:
    pasted = "•\u00a0Customer Obsession\n   o\u00a0Tell me about a time you used customer feedback.\n"
    assert word_bullets(pasted).split("\n")[1].strip().startswith("◦ Tell me")
    assert questions(pasted) == [("Customer Obsession", "Tell me about a time you used customer feedback.")]
    assert word_bullets("o  well, that went badly\n") == "o  well, that went badly\n"


def test_an_html_table_is_a_table_and_its_cell_lines_a_list() -> None:
    table = (
        "<table><tr><th>Interviewer</th><th>LPs</th></tr>"
        "<tr><td>Wei Zhang</td><td>Invent and Simplify<br>Think Big</td></tr>"
        "<tr><td>Ravi Shankar (HM)</td><td>Ownership<br>Learn &amp; Be Curious</td></tr></table>"
    )
    assert "| Wei Zhang | Invent and Simplify, Think Big |" in html_tables(table)
    note = parse_note(f"# Panel\n\n{table}\n", today=TODAY)
    assert note.interviews == [
        ImportedInterview("Wei Zhang", ["Invent and Simplify", "Think Big"]),
        ImportedInterview("Ravi Shankar", ["Ownership", "Learn and Be Curious"]),
    ]


def test_a_slack_channel_copy_loses_its_authors_times_and_reactions() -> None:
    copied = (
        "Maya Chen  9:14 AM\nloop is Tue, Jan 5th\n:+1: 1\nMaya Chen  9:31 AM\nquestion dump\n(edited)\n"
        "Lunch 12:00\n"
    )
    kept = [line for line in slack_chatter(copied).split("\n") if line]
    assert kept == ["loop is Tue, Jan 5th", "question dump", "Lunch 12:00"]
    assert (
        slack_chatter("Ana Lima 10:00\nOwnership\n") == "Ana Lima 10:00\nOwnership\n"
    )  # one line: a schedule


def test_emoji_bullets_and_bracketed_principles_file_questions() -> None:
    note_text = (
        "ok question dump, tags = which LP\n"
        "🔹 [CO] Tell me about a time you went above and beyond for a customer.\n"
        "🔹 [OWN] Tell me about a time you took ownership of an on-call issue.\n"
        "🔹 (Bias 4 action) Tell me about a time you shipped something fast.\n"
    )
    assert questions(note_text) == [
        ("Customer Obsession", "Tell me about a time you went above and beyond for a customer."),
        ("Ownership", "Tell me about a time you took ownership of an on-call issue."),
        ("Bias for Action", "Tell me about a time you shipped something fast."),
    ]
    assert bracket_tags("- [ ] buy a headset\n- [link] text\n") == "- [ ] buy a headset\n- [link] text\n"


def test_keycap_numbers_in_a_row_are_a_list_of_interviews() -> None:
    note = parse_note(
        "recruiter sent the panel:\n1️⃣ Ben Carter — Customer Obsession + Earn Trust\n"
        "2️⃣ Lucía Fernández (bar raiser) — Ownership, Bias for Action\n",
        today=TODAY,
    )
    assert [i.interviewer for i in note.interviews] == ["Ben Carter", "Lucía Fernández"]


def test_misspelt_principles_are_read_but_other_words_are_not() -> None:
    assert principles_in("Ownershp, Deliver Reslts") == ["Ownership", "Deliver Results"]
    assert principles_in("Frugalty / HSS") == ["Frugality", "Insist on the Highest Standards"]
    assert principles_in("Trusted") == [] and principles_in("simplified") == []


def test_interviews_in_yaml_front_matter() -> None:
    note = parse_note(
        "---\nloop_date: 2026-12-16\ninterviewers:\n  - name: Rosa Delgado\n    role: HM\n"
        "    lps: [Ownership, Bias for Action]\n  - name: Kevin O'Brien\n    lps: [Earn Trust]\n---\n"
        "# Prep\n\n## Ownership\n\nQ: Tell me about a time you owned a failure.\n",
        today=TODAY,
    )
    assert note.loop_date == date(2026, 12, 16)
    assert note.interviews == [
        ImportedInterview("Rosa Delgado", ["Ownership", "Bias for Action"]),
        ImportedInterview("Kevin O'Brien", ["Earn Trust"]),
    ]


def test_q_and_a_pairs_keep_the_answer_as_the_hint_not_a_story() -> None:
    note = parse_note(
        "## Ownership\n\nQ: Tell me about a time you owned a failure.\nA: mis-sort on the 2nd wave\n\n"
        "Q: Describe a time you fixed a problem that was not yours.\nA: use **Peak week**\n",
        today=TODAY,
    )
    assert [(q.text, q.hint) for q in note.questions] == [
        ("Tell me about a time you owned a failure.", "A: mis-sort on the 2nd wave"),
        ("Describe a time you fixed a problem that was not yours.", "A: use Peak week"),
    ]
    assert note.stories == []


def test_a_definition_list_story() -> None:
    note = parse_note(
        "## Stories\n\nPeak week staffing gap\n: *LPs:* Ownership, Bias for Action\n"
        ": **S** – 22% of the night shift called out.\n: **A** – I pulled 14 associates from inbound.\n"
        ": **R** – 99.4% of packages made the truck.\n",
        today=TODAY,
    )
    (story,) = note.stories
    assert story.title == "Peak week staffing gap"
    assert story.principles == ["Ownership", "Bias for Action"]
    assert story.result == "99.4% of packages made the truck."


def test_a_csv_block_is_a_table_of_questions_with_their_stories() -> None:
    block = (
        "```csv\nLP;Question;Story to use\n"
        "Dive Deep;Tell me about a time you found a problem in raw data.;Tax engine\n"
        "Ownership;Tell me about a time you took over a failing program.;\n```\n"
    )
    assert delimited_rows(block).split("\n")[1] == "| LP | Question | Story to use |"
    assert questions(block) == [
        ("Dive Deep", "Tell me about a time you found a problem in raw data."),
        ("Ownership", "Tell me about a time you took over a failing program."),
    ]
    prose = "```\nuse commas, like this, freely\nand, here\n```\n"
    assert delimited_rows(prose) == prose  # commas only where the block says it is CSV


def test_a_trello_card_with_ticked_items_and_an_aside_date() -> None:
    note = parse_note(
        "due: thurs 4th march (recruiter screen was 12th nov)\n\n## Checklist: Panel (5/5)\n"
        "- [x] Emma Lawson (BR) - Earn trust / HDB\n\n## Checklist: Qs to practise (1/2)\n"
        "- [x] HSS: Tell me about a time your team's quality was not good enough\n"
        "- [ ] (Ownershp) Describe a time u had to make a call alone\n",
        today=TODAY,
    )
    assert note.loop_date == date(2027, 3, 4)
    assert note.interviews == [ImportedInterview("Emma Lawson", ["Earn Trust", "Hire and Develop the Best"])]
    assert [q.principle for q in note.questions] == ["Insist on the Highest Standards", "Ownership"]


def test_german_rounds_with_principle_sections_a_dotted_date_and_german_star_labels() -> None:
    note = parse_note(
        "**Termin:** Montag, 25.01.2027, 09:00\nTelefoninterview war am 03.11.2026.\n\n"
        "## Gespräch 1 – Jana Hoffmann (Hiring Managerin), 09:00\n\n### Ownership\n"
        "- Tell me about a time you took ownership of a problem.\n\n### Deliver Results\n"
        "- Tell me about a time you delivered under a tight deadline.\n\n## Meine STAR-Geschichten\n\n"
        "### Geschichte: Budget-Bug\n**Passt zu:** Dive Deep\n\n- **Situation:** 40 Kampagnen waren leer.\n"
        "- **Aktion:** Ich habe die Logs analysiert.\n- **Ergebnis:** +12 % Klicks.\n",
        today=TODAY,
    )
    assert note.loop_date == date(2027, 1, 25)
    (interview,) = note.interviews
    assert (interview.interviewer, interview.principles) == (
        "Jana Hoffmann",
        ["Ownership", "Deliver Results"],
    )
    assert interview.at is not None and interview.at.hour == 9
    (story,) = note.stories
    assert (story.title, story.principles) == ("Budget-Bug", ["Dive Deep"])
    assert (story.action, story.result) == ("Ich habe die Logs analysiert.", "+12 % Klicks.")


def test_a_round_with_a_topic_beside_its_principle_keeps_the_principle() -> None:
    note = parse_note(
        "Panel:\n- Interview 3 – Felipe Andrade – Coding (data structures) + Dive Deep\n", today=TODAY
    )
    assert note.interviews == [ImportedInterview("Felipe Andrade", ["Dive Deep"])]


def test_a_combined_situation_and_task_label_and_a_story_titled_by_its_heading() -> None:
    note = parse_note(
        "## Stories\n\n### ⭐ Spot for the planner  [frugalty]\nS/T - nightly jobs ran on 40 on-demand hosts\n"
        "A - I made the solver checkpoint so it could run on spot\nR - compute bill down 64%\n",
        today=TODAY,
    )
    (story,) = note.stories
    assert (story.title, story.principles) == ("Spot for the planner", ["Frugality"])
    assert story.situation.startswith("nightly jobs")


def test_confluence_wiki_markup_reads_as_markdown() -> None:
    note = parse_note(
        "h1. Loop prep\n\n{info}Personal page.{info}\n\nh2. Panel\n\n||#||Interviewer||Leadership Principles||\n"
        "|1|Rebecca Lindqvist|Think Big, Hire and Develop the Best|\n\nh3. Think Big\n\n"
        "# Tell me about a time you proposed a direction much bigger than asked.\n#* _Use: Pipeline off EMR_\n",
        today=TODAY,
    )
    assert note.interviews == [
        ImportedInterview("Rebecca Lindqvist", ["Think Big", "Hire and Develop the Best"])
    ]
    (question,) = note.questions
    assert question.principle == "Think Big" and question.hint and "Pipeline off EMR" in question.hint


def test_a_study_plan_files_each_days_questions_under_the_principle_it_practises() -> None:
    assert questions(
        "## Daily plan\n\n- **Wed 25 Nov**: practise Customer Obsession\n"
        "  - Q1: Tell me about a time you used customer insight to change a decision.\n"
        "- **Thu 3 Dec**: practise Dive Deep + Are Right, A Lot\n"
        "  - Q1 (Dive Deep): Walk me through a metric you investigated.\n"
        "  - Q2 (Are Right, A Lot): Tell me about a judgment call where the data was ambiguous.\n"
    ) == [
        ("Customer Obsession", "Tell me about a time you used customer insight to change a decision."),
        ("Dive Deep", "Walk me through a metric you investigated."),
        ("Are Right, A Lot", "Tell me about a judgment call where the data was ambiguous."),
    ]


def test_in_a_part_of_stories_each_heading_titles_one_even_told_as_prose() -> None:
    note = parse_note(
        "## Stories\n\n### Out-of-stock alerts\nLPs: Ownership · Bias for Action\n\n"
        "Our inventory feed went stale every Sunday and nobody owned it. I wrote a check that paged me, "
        "and stale-feed orders dropped from 900 a week to under 50.\n\n### Ownership\n\n- Tell me about a time "
        "you owned a problem.\n",
        today=TODAY,
    )
    (story,) = note.stories
    assert (story.title, story.principles) == ("Out-of-stock alerts", ["Ownership", "Bias for Action"])
    assert "900 a week" in story.notes
    assert [q.principle for q in note.questions] == ["Ownership"]  # a principle heading is no story


def test_a_bold_titled_paragraph_with_its_principles_is_a_story() -> None:
    note = parse_note(
        "> **Hiring team leads** — LP : Hire and Develop the Best\n>\n"
        "> New site, no team leads at the start. I hired 7 team leads in 10 weeks, built a six-week "
        "onboarding with shadowing, and a year later attrition was 18% below the region.\n",
        today=TODAY,
    )
    (story,) = note.stories
    assert (story.title, story.principles) == ("Hiring team leads", ["Hire and Develop the Best"])


def test_a_tags_line_between_a_title_and_its_parts_tags_the_story() -> None:
    note = parse_note(
        "STORIES\n\nDLQ replay tool\ntags: customer obsession, ownership\nS: a customer lost 40k events\n"
        "T: not my team's component\nA: I wrote a replay CLI over a weekend\nR: every event recovered\n",
        today=TODAY,
    )
    (story,) = note.stories
    assert (story.title, story.principles) == ("DLQ replay tool", ["Customer Obsession", "Ownership"])


def test_day_first_dates_in_other_languages() -> None:
    assert parse_note(
        "**Date de la boucle :** mardi 8 décembre 2026\n\n## Ownership\n- Tell me about a time you owned it.\n",
        today=TODAY,
    ).loop_date == date(2026, 12, 8)
    assert parse_note(
        "Loop: 3 de marzo\n\n## Ownership\n- Tell me about a time.\n", today=TODAY
    ).loop_date == date(2027, 3, 3)


def test_a_numbered_heading_with_a_name_and_principles_is_a_round() -> None:
    note = parse_note(
        "## 1. Priya Raman (HM) — ownership, deliver results\n- ownership\n"
        "    - tell me abt a time you took on something way outside your scope\n"
        "- ask her: how's on-call split w/ data plane? how many L6s on the team?\n\n"
        "## 2. Billing migration — Ownership\nS: our billing ran on a monolith\n",
        today=TODAY,
    )
    assert note.interviews == [ImportedInterview("Priya Raman", ["Ownership", "Deliver Results"])]
    assert [q.text for q in note.questions] == [
        "tell me abt a time you took on something way outside your scope"
    ]


def test_star_parts_told_in_one_paragraph_are_split() -> None:
    note = parse_note(
        "## Stories\n\n(1) Cutting produce shrink -- frugality, deliver results. Situation: shrink was 9.4% "
        "against a 6% target. Task: my org owned replenishment. Action: I had two engineers pull a year of "
        "waste scans. Result: shrink down to 5.8%, $3.1M a year saved.\n",
        today=TODAY,
    )
    (story,) = note.stories
    assert (story.title, story.principles) == ("Cutting produce shrink", ["Frugality", "Deliver Results"])
    assert story.task == "my org owned replenishment." and story.result.startswith("shrink down to 5.8%")
    plan = parse_note("## Ownership\n- Tell me about a time. We had plan A: go. Result: fine.\n", today=TODAY)
    assert plan.stories == []  # one part named in passing is no story


def test_a_round_told_in_a_sentence_and_the_questions_it_quotes() -> None:
    note = parse_note(
        "hey future me, the loop is Monday December 14, 2026.\n\nRound 1 is with Gwen Halvorsen (the hiring "
        "manager) who'll focus on Think Big and Hire and Develop the Best. For Think Big I should have an answer "
        'to "Tell me about a time you set a direction others thought was unrealistic." Gwen always asks "Tell '
        'me about someone you developed who went on to be promoted past you" too.\n',
        today=TODAY,
    )
    assert note.loop_date == date(2026, 12, 14)
    assert note.interviews == [
        ImportedInterview("Gwen Halvorsen", ["Think Big", "Hire and Develop the Best"])
    ]
    assert [(q.principle, q.text[:30]) for q in note.questions] == [
        ("Think Big", "Tell me about a time you set a"),
        ("Hire and Develop the Best", "Tell me about someone you deve"),
    ]


def test_a_story_label_then_a_paragraph_and_a_paragraph_that_opens_with_its_title() -> None:
    note = parse_note(
        "**Story 3: Saying no to the holiday launch date**\n*LPs: Earn Trust*\n\n"
        "In August 2024 my director committed to launching before peak. I brought the load test results to "
        "her before the staff meeting and proposed a phased launch; the pilot regions ran through peak with "
        "no Sev-2s.\n\n"
        "(2) Priya's promotion -- hire & develop. Priya was an SDE II who kept getting not ready for senior. "
        "I paired her with a principal for design reviews and she was promoted the next cycle, 1 of 2 that year.\n",
        today=TODAY,
    )
    assert [(s.title, s.principles) for s in note.stories] == [
        ("Saying no to the holiday launch date", ["Earn Trust"]),
        ("Priya's promotion", ["Hire and Develop the Best"]),
    ]
