"""Interpreting a note's outline: which principle each part is about, and what in it is a question,
a story or an interview.

A heading, a bold label or a list label that names a principle opens that principle's part of the
note, until the next heading of the same or a higher level (a label: until the next label; a list
label: for its own sub-items). Parts that are plainly not practice questions ("Questions to ask
the interviewer", "Tips", "Do's and Don'ts") are skipped. Inside, list items and quoted or plain
lines that read as interview questions are questions, and what is written under one is its hint.
"""

from __future__ import annotations

import re

from bot.importer import tables
from bot.importer.context import INTERVIEW_HEADING, QUESTIONS_PART, Scope, is_skip
from bot.importer.dates import dates_in, time_in
from bot.importer.interviews import (
    INTERVIEW_KEYS,
    LINE_SEPARATOR,
    NAME_KEYS,
    NOT_A_NAME,
    PRINCIPLE_KEYS,
    TIME_PREFIX,
    InterviewDraft,
    capitalised,
    clean_name,
    focus_named,
    interview_line,
    is_focus,
)
from bot.importer.note import ImportedNote
from bot.importer.outline import Kind, Line
from bot.importer.prose import MIN_WORDS, interview_in_sentences, quoted_questions
from bot.importer.stories import CORE, StoryDraft, opening_title, part_of, story_heading, title_principles
from bot.importer.story_reader import StoryReader, tags_story
from bot.importer.words import (
    FILLER,
    PARENTHESES,
    STAR_WORDS,
    principles_named,
    reads_as_question,
    split_label,
    tag_principles,
    titled_principles,
)
from bot.principles import normalise

INTERVIEWS_PART = re.compile(
    r"\b(?:interviews?|interviewers|loop|schedule|panel|panelists|agenda|onsite|on site|line ?up|meeting|"
    r"who|rounds|people|entrevistas?|entrevistadores|gespr[äa]che|interviewpartner|zeitplan|ablauf|entretiens)\b"
)
# A level-1 heading is the document's title ("Amazon interview loop"), unless it only names the list
INTERVIEWS_TITLE = re.compile(
    r"(?:the |my )?(?:interviewers?|interviews|panel|panelists|schedule|rounds|line ?up|agenda|gespr[äa]che|"
    r"entrevistas|entrevistadores|entretiens)"
)
# A line that reads as one interview wherever it is: "(Bar Raiser)", "(HM)", "Round 2:"
ROLE = re.compile(
    r"[(\[]\s*(?:hm|br|bar ?raiser|hiring manager|manager|sd[em]\b[^()\[\]]*|principal[^()\[\]]*|"
    r"senior[^()\[\]]*|sr\.?[^()\[\]]*|tech(?:nical)? lead|pm|tpm|director|peer|recruiter)\s*[)\]]|"
    r"^\W*(?:round|interview(?:er)?|gespr[äa]ch|runde|entretien|entrevista|ronda|rodada)\s*#?\s*\d+\b",
    re.IGNORECASE,
)
PROSE_STORY = re.compile(r"\b(?:I|I'd|I've|my|we)\b.*\d|\d.*\b(?:I|I'd|I've|my|we)\b", re.DOTALL)
PROSE_STORY_WORDS = 25
NUMBERED = re.compile(r"^\W{0,3}\d{1,2}[.)]\s")  # "## 1. Priya Raman (HM) — ownership, deliver results"
MAX_LABEL = 200  # characters: a label is a few words
RULED_HEADING = re.compile(r"^\s*([=~*#_-])\1{1,}\s*(\w.*?)\s*\1{2,}\s*$")
TITLE_WORDS = re.compile(r"\b(?:prep|preparation|notes|guide)\b")  # a document's title, not its schedule
STORIES_LINE = re.compile(
    r"^(?:my )?(?:stories|story bank|star stories|examples|other|misc|general|notes|historias|mis historias|"
    r"(?:meine )?(?:star )?geschichten|(?:mes )?histoires|(?:minhas )?hist[óo]rias)\b"
)


class Reader(StoryReader):
    def __init__(self, source: list[str]) -> None:
        super().__init__(source)
        self.interview: InterviewDraft | None = None
        self.interview_block = False  # the interview has a heading of its own: its part holds its questions
        self.interview_drafts: list[InterviewDraft] = []
        self.sibling: list[str] = []  # the principles of the heading just closed, and its level
        self.sibling_level = 0
        # A round's heading that lists no principles ("## Gespräch 1 – Jana Hoffmann, 09:00"): the
        # principle headings inside its part ("### Ownership") are the ones it covers.
        self.round: InterviewDraft | None = None
        self.round_scope: Scope | None = None

    # -- the walk ---------------------------------------------------------------------------------
    def read(self, lines: list[Line]) -> ImportedNote:
        for line in lines:
            self.feed(line)
        self.end_story()
        self.end_question()
        self.end_section(len(self.source))
        self.end_interview()
        return self.note

    def feed(self, line: Line) -> None:
        ruled = RULED_HEADING.match(line.text) if line.kind is Kind.TEXT and not line.code else None
        if ruled and line.depth == 0:  # "=== practice qs ===", "-------- Forwarded message --------"
            line = Line(Kind.HEADING, ruled.group(2), level=2, tags=line.tags, source=line.source)
        if line.kind is Kind.HEADING and self.heading_is_label(line):
            line = Line(
                Kind.TEXT, line.text.rstrip(":") + ":", depth=0, bold=True, tags=line.tags, source=line.source
            )
        if line.kind is Kind.HEADING:
            self.on_heading(line)
        elif line.kind is Kind.RULE:
            self.end_story()
            self.end_question()
            if self.interview:
                self.interview.collecting = None
            self.close_labels()  # a rule ends the labelled parts
        elif line.kind is Kind.TABLE:
            if self.section is None:
                self.end_story()
                self.end_question()
                tables.read_table(self, line.rows)
        elif self.section is not None:
            self.on_section_line(line)
        else:
            self.on_text(line)

    def heading_is_label(self, line: Line) -> bool:
        """ "#### Situation" under a story, "### Principles" under an interview: labels, not parts."""
        key = normalise(line.text)
        # "### S" … "### R" in an outline's story: a heading of one STAR letter is that part's label
        if (
            key in STAR_WORDS
            or key in ("s", "t", "a", "r")
            or (part_of(key) in CORE and (self.story or self.section))
        ):
            return True
        return self.interview is not None and key in INTERVIEW_KEYS

    def on_heading(self, line: Line) -> None:
        level, text = line.level, line.text
        closing = next(
            (sc.principles for sc in reversed(self.scopes) if sc.rank == level and sc.principles), None
        )
        self.end_story()
        self.end_question()
        if self.section is not None:
            if level > self.section_level:
                self.section.add(text)
                return
            self.end_section(line.source)
        self.end_interview()
        self.close(level)
        if closing is not None:
            self.sibling, self.sibling_level = closing, level
        elif level <= self.sibling_level:
            self.sibling, self.sibling_level = [], 0  # another part at that level: not its sibling
        self.heading = text
        self.title_line = None
        titled = story_heading(text)
        stories_part = bool(STORIES_LINE.match(normalise(text)))
        if titled or stories_part:
            self.close_labels()  # "Have Backbone" over the questions before is not the stories' principle
        title = titled.group(2) or "" if titled else self.story_title(text)
        if titled or title:
            # "#### STAR Example: …" right after "#### Customer Obsession": the example of that principle
            inherited = self.principles() or (self.sibling if self.sibling_level == level else [])
            principles = inherited + title_principles(text) + tag_principles(line.tags)
            self.section = StoryDraft(
                title=title,
                principles=principles,
                section=True,
                reference=normalise(f"story {titled.group(1)}") if titled and titled.group(1) else "",
            )
            self.section_level, self.section_start = level, line.source + 1
            self.story_skip = self.skipping()
            self.scopes.append(Scope(level))
            return
        skip = level > 1 and is_skip(text)
        named = [] if skip else principles_named(text) or tag_principles(line.tags)
        self.round_covers(named)
        focus = focus_named(text)
        scope = Scope(
            level,
            principles=named or None,
            focus=focus,
            skip=skip,
            questions=bool(QUESTIONS_PART.search(normalise(text))),
            asks=bool(focus) and "question" in text.lower(),
            stories=stories_part,
            # a level-1 heading is the document's title ("Amazon interview loop"), unless it is a word or two
            interviews=(level > 1 or bool(INTERVIEWS_TITLE.fullmatch(normalise(text))))
            and bool(INTERVIEWS_PART.search(normalise(text)))
            and not TITLE_WORDS.search(normalise(text)),
        )
        listed = (
            interview_line(text, lowercase=True) if self.in_interviews() or NUMBERED.match(text) else None
        )
        if listed and not (self.in_interviews() or listed.role or listed.at or name_like(listed.name)):
            listed = None  # "## 2. Billing migration — Ownership": a numbered story, not a round
        person = None if listed or named or focus or skip else person_heading(text, self.in_interviews())
        if INTERVIEW_HEADING.match(text) or (listed and len(listed.principles) > 1) or person:
            scope.principles = []  # the interview's own principles are not a part of questions
            self.interview_block = True
            self.interview = (
                listed if listed and not INTERVIEW_HEADING.match(text) else person or interview_titled(text)
            )
            listless = not self.interview.principles
            self.round, self.round_scope = (self.interview, scope) if listless else (None, None)
        self.scopes.append(scope)
        if not (named or skip or self.interview) and reads_as_question(text):
            # "### Tell me about a time you failed" with the answer below it: all of it is the hint
            self.on_question(Line(Kind.TEXT, text, depth=-1, tags=line.tags, source=line.source), "", "")

    def on_text(self, line: Line) -> None:
        self.close(8 + 2 * line.depth)
        if line.strong_start and line.depth == 0 and INTERVIEW_HEADING.match(line.text):
            self.end_story()
            self.end_question()
            self.end_interview()  # "**Interview 2 — Kenji Mori (Bar Raiser)**": a heading in bold
            self.interview = interview_titled(line.text)
            self.interview_block = False
            return
        label = split_label(line.text, bold=line.bold)
        key, value = label if label else ("", "")
        title_before = self.title_line
        consumed = self.on_interview(line, key, value) or self.on_story(line, key, value)
        if not (value and tags_story(key, value)):
            # only a line that nothing else claims may title the next story; "LPs: …" between
            # the title and the story's first part does not take it away
            self.title_line = None
        if consumed:
            return
        if key and self.on_label(line, key, value):
            return
        if self.on_prose(line):
            return
        quoted = self.quoted_question(line)
        if quoted:
            self.end_question()
            self.on_question(quoted, "", "")
            return
        if self.question and self.subordinate(line):
            self.hint.append(line.text)
            return
        self.end_question()
        if self.on_question(line, key, value):
            return
        if not self.principles() and not self.skipping():
            # in a list of the loop's interviews, or shaped as one wherever it is ("9:00 – ann lee (HM): …")
            listed = self.in_interviews() or bool(ROLE.search(line.text) or TIME_PREFIX.match(line.text))
            found = interview_line(line.text, line.tags, lowercase=listed)
            if found and (listed or found.at or found.role):
                self.interview_drafts.append(found)
                return
        if self.interviews_label(line, key, value):
            return
        if key and not value and line.bold and STORIES_LINE.match(key):
            self.open_label(line, Scope(0))  # "**STORIES**" ends "**Bias for Action**" before it
            return
        titled = [] if value or reads_as_question(line.text) else titled_principles(key or line.text)
        titled = titled or self.interviewer_named(line, key, value)
        if titled:
            # "Priya (Earn Trust / Dive Deep)" over questions, "**capstone story** — Ownership, Deliver
            # Results" over a story: the lines below are about those principles; it may title a story
            self.open_label(line, Scope(0, principles=titled))
            self.title_line = line
            return
        if (
            not key
            and len(line.text.split()) <= 8
            and is_skip(line.text)
            and not reads_as_question(line.text)
        ):
            self.open_label(line, Scope(0, skip=True))  # "Questions to ask them" in plain text
            return
        if not key and len(line.text.split()) <= 3 and QUESTIONS_PART.fullmatch(normalise(line.text)):
            self.open_label(line, Scope(0, questions=True))  # "qs", "Practice questions"
            return
        if not key and len(line.text.split()) <= 8:
            # a line that only names a principle ("Customer Obsession" in a notes-app export, "- Ownership")
            # opens it; "Stories" ends the one before
            named = principles_named(line.text)
            self.round_covers(named)
            if named or (line.kind is Kind.TEXT and STORIES_LINE.match(normalise(line.text))):
                self.open_label(line, Scope(0, principles=named or None))
                if named:
                    return
        told = self.prose_story(line, title_before)
        if told:
            title, body = told
            self.open_story(line)  # "**Hiring team leads** — LP: Hire and Develop the Best" over a paragraph
            assert self.story is not None
            # its own title and tags, however long the title line, not a part's or the story's before
            self.story.title = title
            self.story.principles = title_principles(title) or self.story.principles
            self.story.prose = True
            self.story.add(body)
            return
        self.title_line = line

    def on_prose(self, line: Line) -> bool:
        """A paragraph that names a round in sentences, or quotes several questions: its interview, and
        each question it quotes under the principle it reads as."""
        if line.kind is not Kind.TEXT or line.code or self.skipping() or len(line.text.split()) < MIN_WORDS:
            return False
        if self.question_line is not None and line.depth > self.question_line.depth:
            return False  # under a question: its hint
        told = interview_in_sentences(line.text)
        if told is not None:
            self.interview_drafts.append(told)
        quoted = quoted_questions(line.text, told.principles if told else self.principles())
        if len(quoted) < (1 if told else 2):
            return told is not None
        for text, principle in quoted:
            self.end_question()
            tags = (principle,) if principle else ()
            self.on_question(Line(Kind.TEXT, text, depth=line.depth, tags=tags, source=line.source), "", "")
        self.end_question()
        return True

    def prose_story(self, line: Line, title_line: Line | None) -> tuple[str, str] | None:
        """(title, story) for a story told as a paragraph, in the first person with a number in it,
        without Situation/Action labels: right under a bold title that names principles (or in a part
        of stories), after a "Story 3: Saying no to the launch date" label, or opening with its title
        ("(2) Priya's promotion -- hire & develop. Priya was…"). None when it is no such story."""
        if self.story is not None or line.kind is not Kind.TEXT or reads_as_question(line.text):
            return None
        if len(line.text.split()) < PROSE_STORY_WORDS or not PROSE_STORY.search(line.text):
            return None
        if self.pending_title:
            return self.pending_title, line.text
        opening = opening_title(line.text)
        if opening:
            return opening
        if title_line is None or not title_line.strong_start:
            return None
        if (title_line.depth, title_line.quote) != (line.depth, line.quote):
            return None
        text = title_line.text
        tagged = bool(title_principles(text) or titled_principles(text)) or self.in_stories()
        return (text, line.text) if tagged else None

    def story_title(self, text: str) -> str:
        """Inside a part of stories, a heading that is no principle, question or other part titles a
        story: "## Stories" then "### Out-of-stock alerts" and its prose."""
        if not self.in_stories() or STORIES_LINE.match(normalise(text)) or is_skip(text):
            return ""
        if (
            principles_named(text)
            or reads_as_question(text)
            or INTERVIEW_HEADING.match(text)
            or focus_named(text)
        ):
            return ""
        return text

    # -- interviews -------------------------------------------------------------------------------
    def round_covers(self, principles: list[str]) -> None:
        if principles and self.round is not None and any(s is self.round_scope for s in self.scopes):
            self.round.principles += principles

    def interview_principles(self) -> list[str]:
        return (
            list(dict.fromkeys(self.interview.principles)) if self.interview and self.interview_block else []
        )

    def interviewer_named(self, line: Line, key: str, value: str) -> list[str]:
        """ "Carlos wants customer + ownership stuff. Likely asks:", "Questions for Priya:", "### Omar":
        a line over questions that names an interviewer read earlier opens their principles."""
        text = key or line.text
        if value or not (key or line.bold or line.text.rstrip().endswith(":")) or len(text.split()) > 12:
            return []
        words = set(normalise(text).split())
        for draft in self.interview_drafts:
            first = normalise(draft.name).split()[:1]
            if first and first[0] in words and draft.principles:
                return list(dict.fromkeys(draft.principles))
        return []

    def interviews_label(self, line: Line, key: str, value: str) -> bool:
        """ "**Interviewers + LPs (from the prep call)**", "Schedule:", "panel": the lines below list
        the loop's interviews."""
        text = key if key else line.text
        if len(text) > MAX_LABEL:
            return False
        short = len(PARENTHESES.sub("", text).split()) <= 4  # "Schedule (pasted from the recruiter's sheet)"
        labelled = line.bold or bool(key) or (short and not text.endswith((".", "!", "?")))
        if value or not labelled or len(text.split()) > 8 or reads_as_question(line.text):
            return False
        if dates_in(line.text) or time_in(line.text):
            return False  # "Interview scheduled for 22 Apr 2026": a sentence, not a part's label
        words = normalise(PARENTHESES.sub("", text))
        if not INTERVIEWS_PART.search(words) or TITLE_WORDS.search(words) or "question" in words:
            return False
        self.end_question()
        self.open_label(line, Scope(0, principles=[], interviews=True))
        return True

    def on_interview(self, line: Line, key: str, value: str) -> bool:
        opens = key in NAME_KEYS and key not in ("name", "with")
        if self.story is not None and key in PRINCIPLE_KEYS:
            return False  # "- LPs: …" under a story told inside a round's block is the story's
        if opens or (self.interview is not None and key in INTERVIEW_KEYS):
            if opens and self.interview is not None and self.interview.name:
                self.end_interview()
            if self.interview is None:
                self.interview = InterviewDraft(self.heading if INTERVIEW_HEADING.match(self.heading) else "")
                self.interview_block = False
            self.interview.explicit = self.interview.explicit or opens
            self.interview.take(key, value, line.tags)
            return True
        if self.interview is not None and not self.interview.collecting and not key and is_focus(line.text):
            self.interview.focus.append(line.text)  # "+ system design" under the round
            return True
        if self.interview is not None and self.interview.collecting and not key:
            if reads_as_question(line.text):
                self.interview.collecting = None  # the round's questions, after its principles
                return False
            self.interview.add(line.text, line.tags)
            return True
        return False

    def end_interview(self) -> None:
        if self.interview is not None:
            self.interview_drafts.append(self.interview)
            self.interview = None


# Words that make a heading a part of the note rather than a person: "Questions", "Stories", "Notes"
PART_WORDS = FILLER | {
    "schedule",
    "panel",
    "logistics",
    "agenda",
    "todo",
    "links",
    "other",
    "misc",
    "general",
}


def written_as_name(text: str) -> bool:
    """Capitalised words (or particles) and nothing that is no name: "Omar", "Ana de Souza"."""
    words = text.split()
    return bool(words) and all(capitalised(word) for word in words) and not NOT_A_NAME.search(text)


def name_like(text: str) -> bool:
    """A full name, two to four words: "Tomasz Kowalczyk", "Ana de Souza"."""
    return 2 <= len(text.split()) <= 4 and written_as_name(text)


def person_heading(text: str, in_interviews: bool) -> InterviewDraft | None:
    """A heading that is only a person's name, maybe with a role, in the loop's interviews part:
    "## Hannah Okafor (hiring manager)" (its "LPs:" line follows)."""
    if not in_interviews or reads_as_question(text) or set(normalise(text).split()) & PART_WORDS:
        return None
    draft = interview_titled(text)
    return draft if written_as_name(draft.name) else None


def interview_titled(text: str) -> InterviewDraft:
    """ "Interview 2 — Kenji Mori (Bar Raiser)", "Interview 1 - Natesh: Backbone, Earn Trust"."""
    rest = INTERVIEW_HEADING.sub("", text, count=1).strip(" -–—:#")
    listed = interview_line(rest)
    if listed:
        listed.title = text
        return listed
    # "Round 2: Jane Doe — Bar Raiser", "Round 4: Marta Nowak — System design": a name, then a role or focus
    at = time_in(rest)
    bare = CLOCK_TAIL.sub("", re.sub(r"\s*[(\[][^()\[\]]*[)\]]", "", rest)).strip(" -–—:,")
    name, *rest_parts = LINE_SEPARATOR.split(bare, maxsplit=1)
    plausible = 0 < len(name.split()) <= 4 and name[:1].isupper() and not principles_named(name)
    focus = [piece for piece in rest_parts if is_focus(piece)]
    return InterviewDraft(text, name=clean_name(name) if plausible else "", focus=focus, at=at)


# ", 09:00", "@ 10:30 am", "— 13:00–14:00": the round's time after its name
CLOCK_TAIL = re.compile(
    r"[\s,@–—-]*\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[-–—]\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?)?"
    r"(?:\s*[A-Z]{2,4})?\s*$",
    re.IGNORECASE,
)
