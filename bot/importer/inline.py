"""The text of a paragraph or heading as lines: plain words (emphasis, links and wiki links
resolved), whether each line is bold or opens in bold, and the tags it carries."""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it.tree import SyntaxTreeNode

WIKI_LINK = re.compile(r"\[\[([^\[\]|]*?)(?:\|([^\[\]]*))?\]\]")  # no "[" inside: linear on "[[[["
HASHTAG = re.compile(r"(?:(?<=\s)|^)#([A-Za-z][\w/-]*[A-Za-z0-9])")
HTML_BREAK = re.compile(r"<\s*(?:br|/p|/li|/div|/summary|/h[1-6]|/tr|hr)\s*/?>", re.IGNORECASE)


@dataclass
class Segment:
    text: str
    strong: bool


def strong_starts(inline: SyntaxTreeNode | None) -> list[bool]:
    """For each line of the inline content: does it open in bold?"""
    if inline is None:
        return []
    starts: list[bool] = []
    waiting = True
    for segment in segments_of(inline, strong=False):
        if segment.text == "\n":
            if waiting:
                starts.append(False)
            waiting = True
        elif waiting and segment.text.strip():
            starts.append(segment.strong)
            waiting = False
    if waiting:
        starts.append(False)
    return starts


def split_lines(inline: SyntaxTreeNode | None) -> tuple[list[str], list[bool], list[tuple[str, ...]]]:
    """The inline content cut at its line breaks: each line's plain text, whether it was all bold,
    and the tags it carries."""
    if inline is None:
        return [], [], []
    lines: list[list[Segment]] = [[]]
    for segment in segments_of(inline, strong=False):
        if segment.text == "\n":
            lines.append([])
        else:
            lines[-1].append(segment)
    texts, bolds, tags = [], [], []
    for segments in lines:
        raw = "".join(s.text for s in segments)
        texts.append(plain(raw))
        tags.append(tuple(tags_in(raw)))
        words = [s for s in segments if s.text.strip(" \t:*_.,;-–—")]
        bolds.append(bool(words) and all(s.strong for s in words))
    return texts, bolds, tags


def segments_of(node: SyntaxTreeNode, *, strong: bool) -> list[Segment]:
    found: list[Segment] = []
    for child in node.children:
        kind = child.type
        if kind in ("text", "code_inline"):
            found.append(Segment(child.content, strong))
        elif kind in ("softbreak", "hardbreak"):
            found.append(Segment("\n", strong))
        elif kind == "html_inline":
            if HTML_BREAK.fullmatch(child.content.strip()):
                found.append(Segment("\n", strong))
        elif kind in ("strong", "em"):
            found += segments_of(child, strong=True)
        elif kind == "image":
            continue
        else:  # links, strikethrough: their text
            found += segments_of(child, strong=strong)
    return found


def plain(text: str) -> str:
    text = WIKI_LINK.sub(lambda m: m.group(2) or m.group(1).split("#")[-1], text)
    text = re.sub(r"!\[\[[^\]]*\]\]", "", text)
    return " ".join(text.split())


def tags_in(raw: str) -> list[str]:
    found = [target.split("#", 1)[-1] for target, _ in WIKI_LINK.findall(raw)]
    found += [tag.split("/")[-1] for tag in HASHTAG.findall(raw)]
    return found
