"""GET /privacy: public (no Slack signature), plain HTML, saying what is kept and how to remove it."""

from __future__ import annotations

from html.parser import HTMLParser

from tests.conftest import Harness
from tests.support.app_server import http_request


class Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def test_privacy_page_is_public_and_says_what_is_stored_and_how_to_remove_it(app: Harness) -> None:
    result = http_request(app.port, "GET", "/privacy")
    assert result.status == 200
    parser = Text()
    parser.feed(result.body.decode("utf-8"))
    text = " ".join(" ".join(parser.parts).split())
    for fact in ("What is stored", "For how long", "/prep export", "/prep delete", "Uninstalling", "answers"):
        assert fact in text
    assert "<script" not in result.body.decode()


def test_privacy_page_answers_head_and_refuses_post(app: Harness) -> None:
    head = http_request(app.port, "HEAD", "/privacy")
    assert head.status == 200 and head.body == b""
    assert http_request(app.port, "POST", "/privacy", "x=1").status == 405
