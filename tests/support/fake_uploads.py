"""The fake Slack, plus Slack's current file upload flow, for the export tests.

1. `files.getUploadURLExternal` (filename, length) answers a file id and an upload URL;
2. the bytes are POSTed to that URL (no token: the URL is the credential);
3. `files.completeUploadExternal` (files=[{id, title}], channel_id, initial_comment) shares them.

The retired `files.upload` answers `method_deprecated`, so calling it fails a test.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import urlparse

from tests.support.fake_slack import Call, FakeSlack


@dataclass
class Upload:
    file_id: str
    filename: str
    length: int
    content: bytes | None = None
    title: str | None = None
    channel: str | None = None
    comment: str | None = None


class FakeSlackWithUploads(FakeSlack):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.uploads: dict[str, Upload] = {}
        self._file_ids = itertools.count(1)
        super().__init__(*args, **kwargs)

    def shared_files(self, channel: str | None = None) -> list[Upload]:
        """Files whose upload was completed (into `channel`, if given), in the order shared."""
        with self._lock:
            done = [u for u in self.uploads.values() if u.channel is not None]
        return [u for u in done if channel is None or u.channel == channel]

    # -- the methods ---------------------------------------------------------------------------
    def api_files_getUploadURLExternal(self, params: dict[str, Any]) -> dict[str, Any]:
        filename, length = params.get("filename"), str(params.get("length", ""))
        if not filename or not length.isdigit():
            return {"ok": False, "error": "invalid_arguments"}
        file_id = f"F{next(self._file_ids):09d}"
        with self._lock:
            self.uploads[file_id] = Upload(file_id, str(filename), int(length))
        return {"ok": True, "upload_url": f"{self.base_url}/upload/v1/{file_id}", "file_id": file_id}

    def api_files_completeUploadExternal(self, params: dict[str, Any]) -> dict[str, Any]:
        files = params.get("files")
        files = json.loads(files) if isinstance(files, str) else files
        if not isinstance(files, list) or not files:
            return {"ok": False, "error": "invalid_arguments"}
        with self._lock:
            pending = [self.uploads.get(str(f.get("id"))) for f in files if isinstance(f, dict)]
            if len(pending) != len(files) or any(u is None or u.content is None for u in pending):
                return {"ok": False, "error": "file_not_found"}
            shared = []
            for upload, entry in zip(pending, files, strict=True):
                assert upload is not None
                upload.title = entry.get("title") or upload.filename
                upload.channel = params.get("channel_id") or None
                upload.comment = params.get("initial_comment")
                shared.append({"id": upload.file_id, "title": upload.title, "name": upload.filename})
        return {"ok": True, "files": shared}

    def api_files_upload(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"ok": False, "error": "method_deprecated"}

    def _receive(self, file_id: str, data: bytes) -> int:
        with self._lock:
            upload = self.uploads.get(file_id)
            if upload is None or upload.content is not None or len(data) != upload.length:
                return 400
            upload.content = data
        return 200

    # -- serving -------------------------------------------------------------------------------
    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        fake = self
        base = super()._handler_class()

        class WithUploads(base):  # type: ignore[valid-type, misc]
            def do_POST(self) -> None:
                path = urlparse(self.path).path
                if not path.startswith("/upload/v1/"):
                    super().do_POST()
                    return
                data = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                file_id = path.removeprefix("/upload/v1/")
                fake._record(Call("file_upload", {"file": file_id, "bytes": len(data)}, {}))
                status = fake._receive(file_id, data)
                body = b"OK - %d" % len(data) if status == 200 else b"invalid upload"
                self.send_response(status)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        return WithUploads
