"""Files, as the stand-in keeps them: files.info for a file someone shared, and the three steps of an
upload (files.getUploadURLExternal, the bytes posted to the URL it gives, files.completeUploadExternal)
with which an app shares a file of its own."""

from __future__ import annotations

from email.parser import BytesParser
from email.policy import HTTP
from typing import Any

from bot.playground.standin_http import decoded
from bot.playground.surfaces import Surfaces
from bot.playground.workspace import BOT_ID, BOT_USER_ID


class FileMethods(Surfaces):
    uploads: dict[str, dict[str, Any]]  # files.getUploadURLExternal, awaiting their bytes

    @property
    def base_url(self) -> str:
        raise NotImplementedError

    @property
    def files_url(self) -> str:
        raise NotImplementedError

    # -- files ---------------------------------------------------------------------------------------
    def api_files_info(self, params: dict[str, Any]) -> dict[str, Any]:
        stored = self.files.get(str(params.get("file")))
        if not stored:
            return {"ok": False, "error": "file_not_found"}
        return {"ok": True, "file": self.file_object(stored)}

    def file_object(self, stored: dict[str, Any]) -> dict[str, Any]:
        markdown = stored["filetype"] == "markdown"
        found = {
            "id": stored["id"],
            "name": stored["name"],
            "title": stored.get("title") or stored["name"],
            "filetype": stored["filetype"],
            "mimetype": "text/markdown" if markdown else stored.get("mimetype", "application/octet-stream"),
            "size": len(stored["content"]),
            "url_private": f"{self.files_url}{stored['id']}",
            "url_private_download": f"{self.files_url}{stored['id']}",
        }
        if stored.get("user"):
            found["user"] = stored["user"]
        return found

    def api_files_getUploadURLExternal(self, params: dict[str, Any]) -> dict[str, Any]:
        if not params.get("filename") or not str(params.get("length", "")).isdigit():
            return {"ok": False, "error": "invalid_arguments"}
        file_id = self.new_id("F")
        with self._lock:
            self.uploads[file_id] = {"name": str(params["filename"]), "content": None}
        return {"ok": True, "upload_url": f"{self.base_url}/upload/{file_id}", "file_id": file_id}

    def receive_upload(self, file_id: str, data: bytes) -> dict[str, Any]:
        with self._lock:
            pending = self.uploads.get(file_id)
            if pending is None:
                return {"ok": False, "error": "invalid_upload_url"}
            pending["content"] = data
        return {"ok": True}

    def api_files_completeUploadExternal(self, params: dict[str, Any]) -> dict[str, Any]:
        files = decoded(params.get("files"))
        if not isinstance(files, list) or not files:
            return {"ok": False, "error": "invalid_arguments"}
        with self._lock:
            ready = [(f, self.uploads.get(str(f.get("id")))) for f in files if isinstance(f, dict)]
            if any(pending is None or pending["content"] is None for _, pending in ready):
                return {"ok": False, "error": "file_not_found"}
            shared = []
            for entry, pending in ready:
                assert pending is not None
                stored = self.add_file(
                    str(entry["id"]),
                    pending["name"],
                    unwrap(pending["content"]),
                    filetype_of(pending["name"]),
                )
                stored["title"] = entry.get("title") or pending["name"]
                self.uploads.pop(str(entry["id"]))
                shared.append(self.file_object(stored))
        channel = params.get("channel_id") or params.get("channels")
        if channel:
            message: dict[str, Any] = {"user": BOT_USER_ID, "bot_id": BOT_ID, "files": shared}
            message["text"] = str(params.get("initial_comment") or "")
            if params.get("thread_ts"):
                message["thread_ts"] = str(params["thread_ts"])
            self.add_message(str(channel), message)
        return {"ok": True, "files": [{"id": f["id"], "title": f["title"]} for f in shared]}


def unwrap(data: bytes) -> bytes:
    """The file's bytes, whether they came raw (slack_sdk) or as a multipart form."""
    if not data.startswith(b"--"):
        return data
    boundary = data.split(b"\r\n", 1)[0][2:]
    message = BytesParser(policy=HTTP).parsebytes(
        b'Content-Type: multipart/form-data; boundary="' + boundary + b'"\r\n\r\n' + data
    )
    for part in message.iter_parts():
        payload = part.get_payload(decode=True)
        if part.get_filename() is not None and isinstance(payload, bytes):
            return payload
    return data


def filetype_of(name: str) -> str:
    lowered = name.lower()
    if lowered.endswith((".md", ".markdown")):
        return "markdown"
    if lowered.endswith(".json"):
        return "json"
    if lowered.endswith(".csv"):
        return "csv"
    if lowered.endswith(".txt"):
        return "text"
    return "binary"
