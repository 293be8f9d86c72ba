"""The bot token never follows a redirect off Slack's file hosts (issue 14).

End to end: a note shared in the bot's DM whose download redirects elsewhere. The fake Slack is
subclassed (not edited) to answer a file's download with a redirect.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlparse

import pytest

from bot.models import Interview
from handlers.slack_files import DownloadRefused, TooLarge, fetch, origin_of, trusted_origins
from tests.conftest import BOT_TOKEN, Harness
from tests.support.fake_slack import FakeSlack
from tests.support.hostile import Sink
from tests.test_import_flow import SAMPLE, file_shared


class RedirectingSlack(FakeSlack):
    """A fake Slack whose file downloads can answer 302 to wherever a test says."""

    def __init__(self, **options: Any) -> None:
        self.redirects: dict[str, str] = {}
        super().__init__(**options)

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        base = super()._handler_class()
        fake = self

        class Handler(base):  # type: ignore[misc, valid-type]
            def do_GET(self) -> None:
                target = fake.redirects.get(urlparse(self.path).path.removeprefix("/files/"))
                if target is None:
                    super().do_GET()
                    return
                self.send_response(302)
                self.send_header("Location", target)
                self.send_header("Content-Length", "0")
                self.end_headers()

        return Handler


@pytest.fixture
def fake_slack() -> Iterator[FakeSlack]:  # replaces conftest's for this module: `app` is built on it
    fake = RedirectingSlack(token=BOT_TOKEN).start()
    fake.add_user("UCAND00001", tz="America/New_York", name="casey")
    yield fake
    fake.stop()


@pytest.fixture
def elsewhere() -> Iterator[Sink]:
    """Another host (`localhost`, not the fake's 127.0.0.1), recording whatever it is sent."""
    sink = Sink(host="localhost")
    yield sink
    sink.stop()


def interviews(app: Harness) -> int:
    with app.deps.sessions.begin() as session:
        return session.query(Interview).count()


def test_a_download_redirected_to_another_host_sends_it_nothing(app: Harness, elsewhere: Sink) -> None:
    fake: RedirectingSlack = app.fake  # type: ignore[assignment]
    fake.add_file("F0NOTE0001", "note.md", SAMPLE.read_bytes())
    fake.redirects["F0NOTE0001"] = f"{elsewhere.url}/collect"
    app.event(file_shared("F0NOTE0001"))
    assert elsewhere.seen == [], "neither the token nor a request left Slack's host"
    assert "couldn't download" in fake.posts()[-1].params["text"]
    assert interviews(app) == 0


def test_a_redirect_within_slacks_file_host_is_followed(app: Harness) -> None:
    fake: RedirectingSlack = app.fake  # type: ignore[assignment]
    fake.add_file("F0NOTE0002", "note.md", SAMPLE.read_bytes())
    fake.add_file("F0MOVED001", "note.md", b"unused")
    fake.redirects["F0MOVED001"] = "/files/F0NOTE0002"  # relative, as file hosts often answer
    app.event(file_shared("F0MOVED001"))
    downloads = fake.calls_to("file_download")
    assert [c.params["file"] for c in downloads] == ["F0NOTE0002"]
    assert downloads[0].headers["authorization"] == f"Bearer {BOT_TOKEN}"
    assert "couldn't" not in fake.posts()[-1].params["text"], "the note was read (and previewed)"


def test_endless_redirects_are_given_up(app: Harness) -> None:
    fake: RedirectingSlack = app.fake  # type: ignore[assignment]
    fake.add_file("F0LOOP0001", "note.md", b"unused")
    fake.redirects["F0LOOP0001"] = "/files/F0LOOP0001"
    app.event(file_shared("F0LOOP0001"))
    assert "couldn't download" in fake.posts()[-1].params["text"]


# -- the downloader on its own ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("url", "trusted"),
    [
        ("https://files.slack.com/files-pri/T1-F1/download/note.md", True),
        ("https://FILES.slack.com/x", True),
        ("http://files.slack.com/x", False),  # never the token in clear text
        ("https://files.slack.com:8443/x", False),
        ("https://files.slack.com.evil.example/x", False),
        ("https://files.slack.com@evil.example/x", False),
        ("https://evil.example/files.slack.com", False),
        ("https://slack.com/api/files.info", False),
        ("file:///etc/passwd", False),
        ("https://files.slack.com:notaport/x", False),
        ("", False),
    ],
)
def test_only_slacks_file_hosts_over_https_are_trusted(url: str, trusted: bool) -> None:
    assert (origin_of(url) in trusted_origins(None)) is trusted


def test_a_stand_in_api_host_is_trusted_only_on_its_own_port() -> None:
    origins = trusted_origins("http://127.0.0.1:8123/api/")
    assert origin_of("http://127.0.0.1:8123/files/F1") in origins
    assert origin_of("http://127.0.0.1:8124/files/F1") not in origins


class _Endless(BaseHTTPRequestHandler):
    """A file with no Content-Length that never ends."""

    def log_message(self, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/markdown")
        self.end_headers()
        try:
            while True:
                self.wfile.write(b"x" * 65536)
        except OSError:
            return


def test_at_most_the_limit_is_read() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Endless)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/note.md"
    try:
        with pytest.raises(TooLarge):
            fetch(url, token="xoxb-1", trusted=trusted_origins(url), limit=200_000)
    finally:
        server.shutdown()
        server.server_close()


def test_an_untrusted_first_url_is_refused_before_any_request(elsewhere: Sink) -> None:
    with pytest.raises(DownloadRefused):
        fetch(f"{elsewhere.url}/x", token="xoxb-1", trusted=trusted_origins(None), limit=10)
    assert elsewhere.seen == []
