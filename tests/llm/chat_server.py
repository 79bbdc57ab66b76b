"""A scripted OpenAI-compatible chat server on 127.0.0.1, for what a real model cannot be made to do.

Real models (llama.cpp's server with SmolLM2) cover streaming, timeouts and a killed server.
This fake covers the rest, on a real socket: malformed completions, HTTP errors (401, 404, 503
with Retry-After), a non-streaming reply, a slow first token. ``script`` is a queue of
``Reply`` objects, one per chat request (the last one repeats); every request is recorded.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    text: str = ""  # the completion (streamed in small pieces unless stream=False)
    status: int = 200
    body: bytes | None = None  # raw body instead of a completion (errors, garbage)
    headers: dict[str, str] = field(default_factory=dict)
    stream: bool = True
    delay: float = 0.0  # before the first byte
    chunk_delay: float = 0.0  # between streamed pieces
    stall_at: int = -1  # after streaming this many characters, pause for ``stall`` seconds
    stall: float = 0.0
    finish_reason: str = "stop"


@dataclass
class Request:
    path: str
    headers: dict[str, str]
    body: dict[str, Any]


class ChatServer:
    def __init__(self, models: tuple[str, ...] = ("scripted-model",)) -> None:
        self.models = models
        self.script: deque[Reply] = deque()
        self.requests: list[Request] = []
        self._last = Reply("BOTTOM LINE: nothing scripted [1]")
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                server.requests.append(Request(self.path, dict(self.headers), {}))
                if self.path.rstrip("/") == "/v1/models":
                    body = json.dumps({"object": "list", "data": [{"id": m, "object": "model"} for m in server.models]})
                    self._send(200, body.encode(), {"Content-Type": "application/json"})
                else:
                    self._send(404, b'{"detail": "Not Found"}', {"Content-Type": "application/json"})

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                try:
                    payload = json.loads(raw or b"{}")
                except json.JSONDecodeError:
                    payload = {}
                server.requests.append(Request(self.path, dict(self.headers), payload))
                if self.path.rstrip("/") != "/v1/chat/completions":
                    self._send(404, b'{"detail": "Not Found"}', {"Content-Type": "application/json"})
                    return
                reply = server.script.popleft() if server.script else server._last
                server._last = reply
                time.sleep(reply.delay)
                if reply.body is not None or reply.status != 200:
                    headers = {"Content-Type": "application/json", **reply.headers}
                    self._send(reply.status, reply.body or b"{}", headers)
                    return
                if not reply.stream or not payload.get("stream"):
                    body = {"id": "x", "object": "chat.completion", "model": payload.get("model"),
                            "choices": [{"index": 0, "message": {"role": "assistant", "content": reply.text},
                                         "finish_reason": reply.finish_reason}],
                            "usage": {"prompt_tokens": 10, "completion_tokens": 5}}
                    self._send(200, json.dumps(body).encode(), {"Content-Type": "application/json"})
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Cache-Control", "no-cache")
                self.end_headers()
                pieces = [reply.text[i:i + 7] for i in range(0, len(reply.text), 7)]
                sent = 0
                try:
                    for i, piece in enumerate(pieces):
                        if 0 <= reply.stall_at <= sent:
                            time.sleep(reply.stall)
                            reply.stall_at = -1
                        sent += len(piece)
                        event = {"choices": [{"index": 0, "delta": {"content": piece},
                                              "finish_reason": reply.finish_reason if i == len(pieces) - 1 else None}]}
                        self.wfile.write(f"data: {json.dumps(event)}\n\n".encode())
                        self.wfile.flush()
                        time.sleep(reply.chunk_delay)
                    self.wfile.write(b"data: [DONE]\n\n")
                    self.wfile.flush()
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def start(self) -> ChatServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def chat_requests(self) -> list[Request]:
        return [r for r in self.requests if r.path.endswith("/chat/completions")]
