"""A stand-in for Slack's Socket Mode endpoint: a WebSocket server on loopback that says hello,
sends envelopes, and records the acknowledgements that come back."""

from __future__ import annotations

import json
import threading
import time
import uuid
from typing import Any

from websockets.sync.server import ServerConnection, serve


class FakeSocketMode:
    def __init__(self) -> None:
        self.acks: list[dict[str, Any]] = []
        self._connection: ServerConnection | None = None
        self._connected = threading.Event()
        self._server = serve(self._handle, "127.0.0.1", 0)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        port = self._server.socket.getsockname()[1]
        return f"ws://127.0.0.1:{port}/link/?ticket=fake-ticket"

    def _handle(self, connection: ServerConnection) -> None:
        self._connection = connection
        connection.send(
            json.dumps(
                {
                    "type": "hello",
                    "num_connections": 1,
                    "connection_info": {"app_id": "A0LOOPCOACH"},
                    "debug_info": {"host": "fake", "approximate_connection_time": 3600},
                }
            )
        )
        self._connected.set()
        for raw in connection:
            self.acks.append(json.loads(raw))

    def wait_connected(self, timeout: float = 20) -> None:
        assert self._connected.wait(timeout), "the app never opened its Socket Mode connection"

    def send(self, kind: str, payload: dict[str, Any]) -> str:
        envelope_id = str(uuid.uuid4())
        assert self._connection is not None
        self._connection.send(
            json.dumps(
                {
                    "envelope_id": envelope_id,
                    "type": kind,
                    "payload": payload,
                    "accepts_response_payload": kind != "events_api",
                }
            )
        )
        return envelope_id

    def wait_ack(self, envelope_id: str, timeout: float = 10) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for ack in self.acks:
                if ack.get("envelope_id") == envelope_id:
                    return ack
            time.sleep(0.02)
        raise AssertionError(f"envelope {envelope_id} was never acknowledged")

    def stop(self) -> None:
        self._server.shutdown()
