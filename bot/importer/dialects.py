"""Notes written in something other than Markdown, turned into the Markdown they mean. Pure.

Each function takes the note's text and returns it rewritten, or unchanged when the note is not
in that dialect: Emacs org-mode outlines, Confluence/Jira wiki markup, bullets that Word and
OneNote paste as letters ("o", "§"), HTML tables from Notion or Confluence exports, the chatter of
a Slack channel copied out (author and time lines, reactions, "(edited)"), emoji used as bullets,
principles in brackets before a question, definition lists, interviews kept in YAML front matter,
CSV rows pasted in a code block, task checkboxes, and STAR parts told in one paragraph. outline.py
applies them in order (DIALECTS); the reader then sees one language only.
"""

from __future__ import annotations

import csv
import html
import re
import textwrap
from collections import Counter
from typing import Any

import yaml

from bot.importer.words import principles_in


def markdown_table(rows: list[list[str]]) -> list[str]:
    """Rows of cells as a Markdown table's lines, the first row its header."""
    row = "| {} |".format
    return [row(" | ".join(rows[0])), "|" + " --- |" * len(rows[0]), *(row(" | ".join(r)) for r in rows[1:])]


# -- org-mode --------------------------------------------------------------------------------------
ORG_HEADING = re.compile(r"^(\*+)\s+(.*)$")
ORG_KEYWORD = re.compile(r"^#\+([A-Za-z_]+):\s*(.*)$")
ORG_DRAWER = re.compile(r"^\s*:([A-Za-z_]+):\s*$")
ORG_PROPERTY = re.compile(r"^\s*:([A-Za-z_][\w-]*):\s+(.*)$")
ORG_TODO = re.compile(r"^(?:TODO|DONE|NEXT|WAIT(?:ING)?|HOLD|CANCEL+ED|STARTED)\s+")
ORG_PRIORITY = re.compile(r"^\[#[A-Za-z0-9]\]\s+")
ORG_TAGS = re.compile(r"\s+:((?:[\w@#%]+:)+)\s*$")
ORG_COOKIE = re.compile(r"\s*\[(?:\d+/\d+|\d+%)\]")
ORG_PLANNING = re.compile(r"^\s*(SCHEDULED|DEADLINE|CLOSED):\s*(.*)$")
ORG_TIMESTAMP = re.compile(
    r"[<\[](\d{4}-\d{2}-\d{2}(?: [A-Za-z]{2,3}\.?)?(?: \d{1,2}:\d{2}(?:-\d{1,2}:\d{2})?)?)[>\]]"
)
ORG_LINK = re.compile(r"\[\[([^\[\]]{1,500})\](?:\[([^\[\]]{1,500})\])?\]")


def is_org(text: str) -> bool:
    """Org-mode, not Markdown: `#+TITLE:`-style keywords, a property drawer, or headings made of two
    or more stars with no Markdown heading anywhere (a single `* ` is also a Markdown bullet)."""
    lines = text.split("\n")
    if any(ORG_KEYWORD.match(line) for line in lines[:40]) or any(
        line.strip().upper() == ":PROPERTIES:" for line in lines
    ):
        return any(ORG_HEADING.match(line) for line in lines)
    deep = sum(1 for line in lines if re.match(r"^\*{2,}\s+\S", line))
    return deep >= 2 and not any(re.match(r"^#{1,6}\s", line) for line in lines)


def org_to_markdown(text: str) -> str:
    if not is_org(text):
        return text
    out: list[str] = []
    body: list[str] = []

    def flush() -> None:
        # org indents a heading's body under its title; Markdown would read that as code
        out.extend(textwrap.dedent("\n".join(body)).split("\n") if body else [])
        body.clear()

    in_drawer = False
    for raw in text.split("\n"):
        line = _org_inline(raw)
        heading = ORG_HEADING.match(raw)
        if heading:
            flush()
            level = min(len(heading.group(1)), 6)
            title = ORG_PRIORITY.sub("", ORG_TODO.sub("", _org_inline(heading.group(2)).strip()))
            tags = ORG_TAGS.search(title)
            if tags:
                title = title[: tags.start()]
                title += " " + " ".join(f"#{tag}" for tag in tags.group(1).strip(":").split(":") if tag)
            out += ["", f"{'#' * level} {ORG_COOKIE.sub('', title).strip()}", ""]
            continue
        keyword = ORG_KEYWORD.match(raw)
        if keyword:
            name, value = keyword.group(1).upper(), keyword.group(2).strip()
            if name == "TITLE" and value:
                out += [f"# {value}", ""]
            elif name == "DATE" and value:
                out += [f"Date: {_org_inline(value)}", ""]
            continue
        drawer = ORG_DRAWER.match(raw)
        if drawer:
            in_drawer = drawer.group(1).upper() != "END"
            continue
        if in_drawer:
            found = ORG_PROPERTY.match(raw)
            if found:  # ":LPS: Ownership, Deliver Results" → "LPS: Ownership, Deliver Results"
                body.append(
                    f"{_indent(raw)}{found.group(1).replace('_', ' ')}: {_org_inline(found.group(2))}"
                )
                body.append("")
            continue
        planning = ORG_PLANNING.match(raw)
        if planning:
            if planning.group(1).upper() != "CLOSED":  # when a TODO was ticked off: no date of the loop
                body.append(
                    f"{_indent(raw)}{planning.group(1).capitalize()}: {_org_inline(planning.group(2))}"
                )
            continue
        body.append(line)
    flush()
    return "\n".join(out)


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip())]


def _org_inline(text: str) -> str:
    """Timestamps as their dates, links as their words: `[[*Cell-router migration]]` → “Cell-router
    migration” (a link to a heading names it, as a hint names a story)."""
    text = ORG_TIMESTAMP.sub(r"\1", text)

    def link(found: re.Match[str]) -> str:
        target, words = found.group(1), found.group(2)
        if words:
            return words
        return f"“{target.lstrip('*#')}”" if target.startswith(("*", "#")) else target

    return ORG_LINK.sub(link, text)


# -- Word and OneNote bullets -----------------------------------------------------------------------
# Word and OneNote paste their second- and third-level bullets as the letter "o" and "§" (from the
# Courier and Wingdings fonts), followed by a tab or a non-breaking space.
WORD_BULLET = re.compile(
    r"^([ \t\u00a0]*)([o§])(?:[\u00a0\t]|(?<=\S)\s{2,}|(?<=[ \u00a0])\s+(?=\S))[ \t\u00a0]*(?=\S)"
)


def word_bullets(text: str) -> str:
    if "o" not in text and "§" not in text:
        return text
    return "\n".join(WORD_BULLET.sub(_word_bullet, line) for line in text.split("\n"))


def _word_bullet(found: re.Match[str]) -> str:
    indent = found.group(1)
    if found.group(2) == "o" and not indent and not re.match(r"o[\u00a0\t]", found.group(0)):
        return found.group(0)  # "o  well" at the margin, spaced by hand: a word, not a bullet
    return f"{indent}{'◦' if found.group(2) == 'o' else '▫'} "


# -- HTML tables ------------------------------------------------------------------------------------
HTML_TABLE = re.compile(r"<table\b[^>]{0,500}>(.*)</table\s*>", re.IGNORECASE | re.DOTALL)
HTML_ROW = re.compile(
    r"<tr\b[^>]{0,500}>(.*?)(?=<tr\b|</tbody|</thead|</table|\Z)", re.IGNORECASE | re.DOTALL
)
HTML_CELL = re.compile(r"<t([hd])\b[^>]{0,500}>(.*?)(?=<t[hd]\b|</tr|\Z)", re.IGNORECASE | re.DOTALL)
HTML_BREAK = re.compile(r"<br\s*/?>|</p>\s*<p[^>]*>|</li>\s*<li[^>]*>", re.IGNORECASE)
TAG = re.compile(r"<[^<>]{0,300}>")


def html_tables(text: str) -> str:
    """`<table>` blocks (Notion, Confluence, a web page pasted) as Markdown tables; lines within a
    cell ("Earn Trust<br>Have Backbone") become a list the cell can hold: "Earn Trust, Have Backbone"."""
    lowered = text.lower()
    out: list[str] = []
    done = 0
    while (start := lowered.find("<table", done)) >= 0:
        end = lowered.find("</table", start)
        close = lowered.find(">", end) if end >= 0 else -1
        if close < 0:
            break  # never closed: left as it is
        found = HTML_TABLE.fullmatch(text, start, close + 1)
        out += [text[done:start], _table(found) if found else text[start : close + 1]]
        done = close + 1
    return "".join(out) + text[done:] if out else text


def _table(found: re.Match[str]) -> str:
    rows = []
    for row in HTML_ROW.findall(found.group(1)):
        cells = [_cell(content) for _, content in HTML_CELL.findall(row)]
        if cells:
            rows.append(cells)
    if not rows:
        return found.group(0)
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    return "\n\n" + "\n".join(markdown_table(rows)) + "\n\n"


def _cell(content: str) -> str:
    content = re.sub(r"</t[hd]\s*>.*", "", content, flags=re.IGNORECASE | re.DOTALL)
    pieces = [html.unescape(TAG.sub(" ", piece)) for piece in HTML_BREAK.split(content)]
    pieces = [" ".join(piece.split()) for piece in pieces]
    return ", ".join(piece for piece in pieces if piece).replace("|", "/")


# -- a Slack channel copied out ---------------------------------------------------------------------
# "Maya Chen  9:14 AM", "Maya Chen 09:14", "[9:14 AM] Maya Chen": who wrote the next message and when
NAME = r"[^\W\d_][\w.'’-]*(?:\s[^\W\d_][\w.'’-]*){0,3}"
TIME = r"\[?\d{1,2}:\d{2}(?:\s?[AaPp]\.?[Mm]\.?)?\]?"
SLACK_AUTHOR = re.compile(rf"^\s*(?P<a>{NAME})\s{{1,4}}{TIME}\s*$|^\s*{TIME}\s+(?P<b>{NAME})\s*:?\s*$")
SLACK_CHATTER = re.compile(
    r"^\s*(?:(?::[\w+-]+:\s*\d+\s*)+|\(edited\)|\d+\s+repl(?:y|ies)(?:\s.*)?|view thread|new messages?)\s*$",
    re.IGNORECASE,
)


def slack_chatter(text: str) -> str:
    """A channel copied out of Slack: the "Author  9:14 AM" lines, reaction counts (":+1: 1"),
    "(edited)" and "2 replies" go, each message its own paragraph. Only the lines of an author seen
    at least twice, so that a lone "Lunch 12:00" stays."""
    lines = text.split("\n")
    names = [_author(line) for line in lines]
    seen = Counter(name for name in names if name)
    writers = {name for name, count in seen.items() if count >= 2}
    if not writers:
        return text
    return "\n".join(
        "" if names[index] in writers or SLACK_CHATTER.match(line) else line
        for index, line in enumerate(lines)
    )


def _author(line: str) -> str | None:
    found = SLACK_AUTHOR.match(line) if len(line) < 80 else None
    return (found.group("a") or found.group("b")) if found else None


# -- emoji as bullets -------------------------------------------------------------------------------
EMOJI_BULLET = re.compile(
    r"^([ \t]*)(\d\ufe0f?\u20e3|\U0001F51F|[\U0001F300-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF]\ufe0f?)[ \t]+(?=\S)"
)


def emoji_bullets(text: str) -> str:
    """Lines that each start with the same emoji ("🔹 [CO] Tell me…") or with keycap numbers ("1️⃣ Ben
    Carter — …"), two or more in a row, are a list; one emoji line alone is a heading's decoration."""
    lines = text.split("\n")
    marks = [_emoji_mark(line) for line in lines]
    out = []
    for index, line in enumerate(lines):
        mark = marks[index]
        neighbours = (
            marks[index - 1] if index else None,
            marks[index + 1] if index + 1 < len(lines) else None,
        )
        if mark and mark in neighbours:
            found = EMOJI_BULLET.match(line)
            assert found is not None
            line = f"{found.group(1)}- {line[found.end() :]}"
        out.append(line)
    return "\n".join(out)


def _emoji_mark(line: str) -> str | None:
    found = EMOJI_BULLET.match(line)
    if not found:
        return None
    return "keycap" if found.group(2)[0].isdigit() or found.group(2) == "\U0001f51f" else found.group(2)


# -- a principle in brackets before a question ------------------------------------------------------
BRACKET_TAG = re.compile(
    r"^(\s*(?:[-*+]\s+|\d{1,3}[.)]\s+)?(?:\[[ xX]\]\s+)?)[\[(]([^\[\]()\n]{1,40})[\])]\s*[:\-–—]?\s+(?=\S)"
)


def bracket_tags(text: str) -> str:
    """ "[CO] Tell me about…", "- [ ] (Ownershp) Describe…" is "CO: Tell me about…": the label the
    reader knows. Checkboxes ("[ ]", "[x]") and links are left alone: only brackets or parentheses
    that hold principles and nothing else."""
    if "[" not in text and "(" not in text:
        return text
    return "\n".join(
        BRACKET_TAG.sub(_bracket_tag, NUMBERED_TAG.sub(_bracket_tag, line)) for line in text.split("\n")
    )


# "Q1 (Dive Deep): Walk me through…": a numbered question with its principle beside the number
NUMBERED_TAG = re.compile(
    r"^(\s*(?:[-*+]\s+|\d{1,3}[.)]\s+)?)(?:q|question)\s*#?\d{0,3}\s*[\[(]([^\[\]()\n]{1,40})[\])]\s*[:.\-–—]\s*(?=\S)",
    re.IGNORECASE,
)


def _bracket_tag(found: re.Match[str]) -> str:
    inside = found.group(2).strip()
    if inside.lower() in ("", "x") or not principles_in(inside):
        return found.group(0)
    return f"{found.group(1)}{inside}: "


# -- definition lists -------------------------------------------------------------------------------
DEFINITION = re.compile(r"^[ \t]{0,3}:[ \t]+(?=\S)")


def definition_lists(text: str) -> str:
    """Pandoc and PHP Markdown definitions ("Peak week staffing gap" then ": **S** – …"): each
    definition is a line under its term. CommonMark has no such list, and would keep the colons."""
    if "\n:" not in text:
        return text
    out: list[str] = []
    after_text = False  # the line just before is not blank: a term, or a definition
    after_definition = False  # the last line that is not blank is a definition: a blank may part them
    for line in text.split("\n"):
        definition = DEFINITION.match(line) is not None and (after_text or after_definition)
        if definition:
            line = DEFINITION.sub("", line)
        if line.strip():
            after_definition = definition
        after_text = bool(line.strip())
        out.append(line)
    return "\n".join(out)


# -- interviews in YAML front matter ----------------------------------------------------------------
PANEL_KEYS = re.compile(r"^(?:interviewers?|interviews|panel|panelists|schedule|rounds|loop)$")
FIELD_LABELS = {
    "Interviewer": ("name", "interviewer", "who", "person"),
    "LPs": ("lps", "lp", "principles", "leadership principles", "competencies", "focus lps"),
    "Focus": ("focus", "focus area", "type", "round"),
    "Time": ("time", "at", "slot", "start", "when"),
}


def front_matter_interviews(front: str) -> str:
    """The interviews a note keeps in its YAML front matter (Obsidian, Jekyll, Hugo), written as the
    "Interviewer: … / LPs: …" blocks the reader knows; "" when it holds none or is no YAML."""
    try:
        data = yaml.safe_load(front)
    except yaml.YAMLError:
        return ""
    if not isinstance(data, dict):
        return ""
    blocks: list[str] = []
    for key, value in data.items():
        if not PANEL_KEYS.match(re.sub(r"[\s_-]+", " ", str(key)).strip().lower()) or not isinstance(
            value, list
        ):
            continue
        for item in value:
            if isinstance(item, dict):
                blocks.append(_interview_block(item))
            elif isinstance(item, str | int | float):
                blocks.append(f"- {item}")
    found = [block for block in blocks if block]
    return "Interviewers:\n\n" + "\n".join(found) + "\n\n" if found else ""


def _interview_block(item: dict[Any, Any]) -> str:
    fields = {re.sub(r"[\s_-]+", " ", str(k)).strip().lower(): v for k, v in item.items()}
    lines = []
    for label, keys in FIELD_LABELS.items():
        value = next((fields[k] for k in keys if fields.get(k) not in (None, "", [])), None)
        if value is None:
            continue
        text = ", ".join(str(v) for v in value) if isinstance(value, list) else str(value)
        lines.append(f"{label}: {' '.join(text.split())}")
    return "\n".join(lines) + "\n" if lines and lines[0].startswith("Interviewer:") else ""


# -- delimited rows ---------------------------------------------------------------------------------
FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})[ \t]*([\w+-]*)[^\n]*$")
DELIMITERS = (";", "\t", ",")
MIN_ROWS = 2
MAX_BLOCK_LINES = 2000  # a pasted sheet is a few hundred rows


def delimited_rows(text: str) -> str:
    """A CSV export pasted in a code block ("LP;Question;Story to use"): a Markdown table, so that its
    columns are read as a table's. Only blocks whose every line splits into the same number of cells;
    commas only in a block marked `csv`, where they cannot be a sentence's."""
    if "```" not in text and "~~~" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        opened = FENCE.match(lines[index])
        last = min(len(lines), index + 1 + MAX_BLOCK_LINES)  # an unclosed fence is not searched to the end
        end = next(
            (i for i in range(index + 1, last) if opened and lines[i].strip().startswith(opened.group(1))),
            None,
        )
        table = _delimited_table(lines[index + 1 : end], opened.group(2).lower()) if opened and end else None
        if table is None or end is None:
            out.append(lines[index])
            index += 1
            continue
        out += ["", *table, ""]
        index = end + 1
    return "\n".join(out)


def _delimited_table(block: list[str], info: str) -> list[str] | None:
    rows = [line for line in block if line.strip()]
    if len(rows) < MIN_ROWS:
        return None
    for delimiter in DELIMITERS:
        if delimiter == "," and info != "csv":
            continue
        widths = {len(_split_row(row, delimiter)) for row in rows}
        if len(widths) == 1 and widths.pop() >= 2:
            cells = [[cell.replace("|", "/") for cell in _split_row(row, delimiter)] for row in rows]
            return markdown_table(cells)
    return None


def _split_row(row: str, delimiter: str) -> list[str]:
    return [cell.strip().strip('"').strip() for cell in next(csv.reader([row], delimiter=delimiter))]


# -- task lists -------------------------------------------------------------------------------------
TASK_BOX = re.compile(r"^(\s*(?:[-*+]|\d{1,3}[.)])\s+)\[[ xX✓✔]\]\s+(?=\S)", re.MULTILINE)


def task_boxes(text: str) -> str:
    """ "- [x] HSS: Tell me…" is "- HSS: Tell me…": whether it was ticked says nothing of what it is."""
    return TASK_BOX.sub(r"\1", text) if "[" in text else text


# -- Confluence and Jira wiki markup ----------------------------------------------------------------
WIKI_HEADING = re.compile(r"^\s*h([1-6])\.\s+(.*)$")
WIKI_LIST = re.compile(r"^\s*([#*]+)\s+(?=\S)")
WIKI_MACRO = re.compile(r"\{(?:[a-z]+)(?::[^{}\n]{0,300})?\}")
WIKI_LINK = re.compile(r"\[([^\[\]|\n]{1,300})\|[^\[\]\n]{1,1000}\]")


def is_wiki(text: str) -> bool:
    """Confluence or Jira wiki markup: "h2." headings or "||" table headers, at least two such lines."""
    lines = text.split("\n")
    marks = sum(1 for line in lines if WIKI_HEADING.match(line) or line.lstrip().startswith("||"))
    return marks >= 2


def wiki_to_markdown(text: str) -> str:
    """ "h2. Panel" is "## Panel"; "# item" a numbered item and "#* hint" an item under it;
    "||a||b||" a table's header; "{info}" and "{expand:…}" macros go and keep what they hold."""
    if not is_wiki(text):
        return text
    out: list[str] = []
    for line in text.split("\n"):
        line = WIKI_LINK.sub(r"\1", WIKI_MACRO.sub("", line))
        heading = WIKI_HEADING.match(line)
        listed = WIKI_LIST.match(line)
        stripped = line.strip()
        if heading:
            out += ["", f"{'#' * int(heading.group(1))} {heading.group(2).strip()}", ""]
        elif stripped.startswith("||"):
            cells = [cell.strip() for cell in stripped.strip("|").split("||")]
            out += ["", *markdown_table([cells])]
        elif stripped.startswith("|") and out and out[-1].startswith("|"):
            out += markdown_table([[cell.strip() for cell in stripped.strip("|").split("|")]])[:1]
        elif listed:
            marks = listed.group(1)
            indent = "   " * (len(marks) - 1)
            marker = "1." if marks[-1] == "#" else "-"
            out.append(f"{indent}{marker} {line[listed.end() :]}")
        else:
            out.append(line)
    return "\n".join(out)


# -- STAR told in one paragraph ---------------------------------------------------------------------
INLINE_PART = re.compile(
    r"(?<=[.!?;)\"”])\s+(?=(?:Situation|Task|Actions?|Results?|Learnings?|Lessons? learned|Context|Outcome)\s*[:：]\s)"
)
INLINE_LETTER = re.compile(r"(?<=[.!?;)\"”])\s+(?=[STARL]\s*[:：]\s)")
PART_WORD = re.compile(
    r"\b(Situation|Task|Actions?|Results?|Learnings?|Lessons? learned|Context|Outcome)\s*[:：]\s",
    re.IGNORECASE,
)
LETTER_LABELS = re.compile(r"(?:^|\s)([STAR])\s*[:：]\s")


def inline_parts(text: str) -> str:
    """ "Situation: … Task: … Action: … Result: …" in one paragraph: each part on its own line, as
    the reader knows them. Only where two or more parts are named (or S, T, A, R in order), so that
    a sentence with one "Result:" in it stays whole."""
    if ":" not in text:
        return text
    out = []
    for line in text.split("\n"):
        words = {found.group(1).lower().rstrip("s") for found in PART_WORD.finditer(line)}
        if len(words) >= 2:
            line = INLINE_PART.sub("\n", line)
        elif "".join(LETTER_LABELS.findall(line)) in ("STAR", "STA", "SAR", "STR", "TAR", "SA", "AR"):
            line = INLINE_LETTER.sub("\n", line)
        out.append(line)
    return "\n".join(out)
