"""A prep note as an outline: markdown-it-py parses it, and the tree is walked into lines that
keep what the tree knew (heading level, list nesting, quote, code, table) and lose only the markup.

The interpreter (reader.py) works on this outline, so it never guesses structure from characters:
a numbered item is an item whether it says `1.` or `1)`, an escaped `1\\.` is text, a setext
heading is a heading, and a Notion `<details>` toggle or an accidentally indented paragraph is
read as the Markdown it holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from bot.importer.dialects import (
    bracket_tags,
    definition_lists,
    delimited_rows,
    emoji_bullets,
    front_matter_interviews,
    html_tables,
    inline_parts,
    markdown_table,
    org_to_markdown,
    slack_chatter,
    task_boxes,
    wiki_to_markdown,
    word_bullets,
)
from bot.importer.inline import HTML_BREAK, split_lines, strong_starts

MAX_REPARSE = 2  # how deep HTML or indented blocks are read again as Markdown
HTML_ITEM = re.compile(r"<\s*li[^>]*>", re.IGNORECASE)
HTML_TAG = re.compile(r"<[^>]{0,200}>")


class Kind(Enum):
    HEADING = "heading"
    ITEM = "item"  # the first line of a list item
    TEXT = "text"  # any other line of text: paragraphs, quotes, code, an item's later lines
    RULE = "rule"
    TABLE = "table"


@dataclass
class Line:
    kind: Kind
    text: str = ""
    depth: int = 0  # list nesting: an item's own line has its depth, the lines inside it one more
    level: int = 0  # heading level, 1-6
    bold: bool = False  # the whole line is strong or emphasised: a label or a title
    strong_start: bool = False  # it starts in bold: "**Brightline outage** (Ownership)"
    quote: int = 0  # which blockquote (or callout) it is in, counting from 1; 0: none
    code: bool = False
    tags: tuple[str, ...] = ()  # `#hashtag` words and `[[page#Section]]` sections
    source: int = 0  # its first line in the note (0-based)
    rows: list[list[str]] = field(default_factory=list)  # a table's cells, header first


def parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"maxNesting": 20}).enable(["table", "strikethrough"])


FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?:[^\n]*\n){0,60}?---[ \t]*\n")
# Bullets that notes apps export as characters, by the nesting they usually stand for.
GLYPHS = {"•": 0, "●": 0, "▪": 0, "➤": 0, "►": 0, "‣": 0, "⁃": 0, "◦": 1, "○": 1, "▫": 2, "■": 2, "□": 2}
GLYPH_LINE = re.compile(r"^([ \t]*)([•●▪➤►‣⁃◦○▫■□]|[–—](?=\s))[ \t]*")
INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
# markdown-it looks for the end of every "[" it meets, so thousands of unclosed ones take minutes;
# past this many, those not closed on their own line are escaped (a real note has a few dozen).
MAX_BRACKETS = 2000
UNCLOSED = re.compile(r"\[(?![^\[\]\n]{0,300}\])")


# Other notations, rewritten as the Markdown they mean, in this order: org-mode first (its headings
# hold the rest), bracketed tags last (after checkboxes and emoji bullets have gone).
DIALECTS = (
    org_to_markdown,
    wiki_to_markdown,
    delimited_rows,
    definition_lists,
    html_tables,
    slack_chatter,
    emoji_bullets,
    task_boxes,
    bracket_tags,
    inline_parts,
)


def prepare(text: str) -> str:
    """What notes apps leave around the Markdown: YAML front matter, bullet characters, odd spaces."""
    text = INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = word_bullets(text)  # before the non-breaking spaces go: they tell a bullet "o" from a word
    text = text.replace("\u00a0", " ").replace("\u2028", "\n").replace("\u2029", "\n")
    front = FRONT_MATTER.match(text)
    if front:  # its interviews, if it lists them, as lines the reader knows; the rest goes
        text = front_matter_interviews(front.group(0).strip("-\n")) + text[front.end() :]
    for rewrite in DIALECTS:
        text = rewrite(text)
    if text.count("[") > MAX_BRACKETS:
        text = UNCLOSED.sub(r"\\[", text)
    return "\n".join(tab_tables([_bullet(line) for line in text.split("\n")]))


TAB_CELLS = re.compile(r"(?<=\S)\t+(?=\S)")
MAX_CELLS = 12


def tab_tables(lines: list[str]) -> list[str]:
    """Rows pasted from a spreadsheet ("10:00<TAB>Nadia Ferreira<TAB>Dive Deep"): two or more lines
    in a row with the same number of tab-separated cells become a Markdown table."""
    out: list[str] = []
    index = 0
    while index < len(lines):
        cells = _tab_cells(lines[index])
        end = index + 1
        while cells and end < len(lines) and len(_tab_cells(lines[end])) == len(cells):
            end += 1
        if not cells or end - index < 2:
            out.append(lines[index])
            index += 1
            continue
        rows = [_tab_cells(line) for line in lines[index:end]]
        out += [*markdown_table(rows), ""]
        index = end
    return out


def _tab_cells(line: str) -> list[str]:
    if "\t" not in line.strip() or line[:1].isspace():
        return []
    cells = [cell.strip().replace("|", "/") for cell in TAB_CELLS.split(line.strip())]
    return cells if 2 <= len(cells) <= MAX_CELLS and all(cells) else []


def front_matter(text: str) -> str:
    """The YAML front matter's lines ("loop_date: 2027-02-03"), or ""."""
    found = FRONT_MATTER.match(INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n")))
    return found.group(0).strip("-\n") if found else ""


def _bullet(line: str) -> str:
    found = GLYPH_LINE.match(line)
    if not found:
        return line
    indent = found.group(1) or "  " * GLYPHS.get(found.group(2), 0)
    return f"{indent}- {line[found.end() :]}"


def outline(text: str) -> list[Line]:
    walker = _Walker()
    walker.walk(SyntaxTreeNode(parser().parse(text)).children, depth=0, quote=0, offset=0, again=0)
    return walker.lines


@dataclass
class _Walker:
    lines: list[Line] = field(default_factory=list)
    quotes: int = 0  # blockquotes met so far

    def walk(self, nodes: list[SyntaxTreeNode], *, depth: int, quote: int, offset: int, again: int) -> None:
        for node in nodes:
            start = offset + (node.map[0] if node.map else 0)
            kind = node.type
            if kind == "heading":
                texts, bolds, tags = split_lines(node.children[0] if node.children else None)
                self.lines.append(
                    Line(
                        Kind.HEADING,
                        " ".join(texts),
                        level=int(node.tag[1]),
                        bold=bool(bolds) and all(bolds),
                        tags=tuple(tag for line in tags for tag in line),
                        source=start,
                    )
                )
            elif kind == "paragraph":
                self.paragraph(node, depth=depth, quote=quote, start=start, item=False)
            elif kind in ("bullet_list", "ordered_list"):
                for item in node.children:
                    self.list_item(item, depth=depth, quote=quote, offset=offset, again=again)
            elif kind == "blockquote":
                self.quotes += 1
                self.walk(node.children, depth=depth, quote=self.quotes, offset=offset, again=again)
            elif kind == "fence":
                for number, line in enumerate(node.content.splitlines()):
                    if line.strip():
                        self.lines.append(
                            Line(
                                Kind.TEXT,
                                line.strip(),
                                depth=depth,
                                quote=quote,
                                code=True,
                                source=start + 1 + number,
                            )
                        )
            elif kind in ("code_block", "html_block"):
                self.again(node, depth=depth, quote=quote, start=start, again=again)
            elif kind == "hr":
                self.lines.append(Line(Kind.RULE, source=start))
            elif kind == "table":
                rows = [
                    [
                        "\n".join(split_lines(cell.children[0] if cell.children else None)[0])
                        for cell in row.children
                    ]
                    for part in node.children
                    for row in part.children
                ]
                self.lines.append(Line(Kind.TABLE, depth=depth, quote=quote, source=start, rows=rows))

    def list_item(self, item: SyntaxTreeNode, *, depth: int, quote: int, offset: int, again: int) -> None:
        children = list(item.children)
        if children and children[0].type == "paragraph":
            first = children.pop(0)
            start = offset + (first.map[0] if first.map else 0)
            self.paragraph(first, depth=depth, quote=quote, start=start, item=True)
        self.walk(children, depth=depth + 1, quote=quote, offset=offset, again=again)

    def again(self, node: SyntaxTreeNode, *, depth: int, quote: int, start: int, again: int) -> None:
        """An indented block or an HTML block, read once more as Markdown (its tags removed)."""
        content = node.content
        if node.type == "html_block":
            content = HTML_TAG.sub("", HTML_ITEM.sub("\n- ", HTML_BREAK.sub("\n", content)))
        content = _dedent(content)
        if again >= MAX_REPARSE or not content.strip():
            for number, line in enumerate(content.splitlines()):
                if line.strip():
                    self.lines.append(
                        Line(Kind.TEXT, line.strip(), depth=depth, quote=quote, source=start + number)
                    )
            return
        tree = SyntaxTreeNode(parser().parse(content))
        self.walk(tree.children, depth=depth, quote=quote, offset=start, again=again + 1)

    def paragraph(self, node: SyntaxTreeNode, *, depth: int, quote: int, start: int, item: bool) -> None:
        inline = node.children[0] if node.children else None
        texts, bolds, tags = split_lines(inline)
        starts = strong_starts(inline)
        pending: list[Line] = []
        for number, (text, bold, line_tags) in enumerate(zip(texts, bolds, tags, strict=True)):
            if not text:
                continue
            first = item and not pending
            line = Line(
                Kind.ITEM if first else Kind.TEXT,
                text,
                depth=depth if first or not item else depth + 1,
                bold=bold,
                strong_start=starts[number] if number < len(starts) else False,
                quote=quote,
                tags=line_tags,
                source=start + number,
            )
            previous = pending[-1] if pending else None
            if previous and continues(previous, line):
                previous.text = f"{previous.text} {line.text}"
                previous.bold = previous.bold and line.bold
                previous.tags += line.tags
            else:
                pending.append(line)
        self.lines.extend(pending)


def _dedent(text: str) -> str:
    lines = text.splitlines()
    indents = [len(line) - len(line.lstrip()) for line in lines if line.strip()]
    cut = min(indents, default=0)
    return "\n".join(line[cut:] for line in lines)


LABEL_START = re.compile(r"^\W{0,3}[\w'’ /&-]{1,40}\s*[:：]")
SENTENCE_END = (".", "?", "!", ":", ";", ")", "”", '"')


def continues(previous: Line, line: Line) -> bool:
    """A line that carries on the one before: the rest of a list item's paragraph (a question and its
    follow-ups), or a sentence the writer's editor wrapped."""
    if LABEL_START.match(line.text) or line.bold or not line.text[:1].isalnum():
        return False
    if previous.bold and len(previous.text.split()) <= 3:
        return False  # a bold label stands alone
    if previous.kind is Kind.ITEM:
        return True
    return not previous.text.endswith(SENTENCE_END) and line.text[:1].islower()
