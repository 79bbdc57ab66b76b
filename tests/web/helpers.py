"""Starting a real ``curbside serve`` on 127.0.0.1 for tests and benchmarks."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def curbside_command() -> list[str]:
    script = Path(sys.executable).parent / "curbside"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from curbside.cli.main import main; main()"]


def start_server(kb: Path, port: int, *extra: str, cwd: Path | None = None,
                 env: dict[str, str] | None = None, timeout_s: float = 30.0) -> subprocess.Popen[bytes]:
    """``curbside serve`` as a child process; returns once /api/v1/health answers."""
    full_env = {**os.environ, "CURBSIDE_RETRIEVER": "lexical", **(env or {})}
    proc = subprocess.Popen(
        [*curbside_command(), "serve", "--host", "127.0.0.1", "--port", str(port), "--kb", str(kb),
         "--log-level", "warning", *extra],
        cwd=cwd, env=full_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            out, err = proc.communicate()
            raise RuntimeError(f"curbside serve exited with {proc.returncode}: {err.decode()[-2000:]}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=1.0).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    stop_server(proc)
    raise RuntimeError("curbside serve did not answer /api/v1/health in time")


def stop_server(proc: subprocess.Popen[bytes]) -> str:
    """Stop the child we started (SIGTERM, then SIGKILL); returns its stderr."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    _out, err = proc.communicate()
    return err.decode(errors="replace")
