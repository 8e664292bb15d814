"""Newsroom as production runs it, on this machine's loopback address only.

Shared by the benchmarks and the scale-out test: a free port, gunicorn's sync
workers on it, and the wait until it answers.
"""

import contextlib
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var" / "bench"
TIMEOUT = 30


def in_process_environment() -> dict:
    """Production settings for timing pages in-process, with the test client.

    The page cache is off: what is timed is building the page.
    """
    return {
        "DJANGO_PAGE_CACHE_SECONDS": "0",
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "testserver",
        "DJANGO_HTTPS": "0",
        "DJANGO_MEDIA_ROOT": str(VAR / "uploads"),
    }


def environment(database_url: str, **overrides: str) -> dict:
    """Production settings through bench.settings, which lifts the rate limits."""
    return (
        os.environ
        | {
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "DJANGO_DEBUG": "",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            # testserver: for pages rendered in-process by the test client.
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,testserver",
            "DJANGO_HTTPS": "0",  # plain HTTP on loopback
            "DATABASE_URL": database_url,
            "DJANGO_MEDIA_ROOT": str(VAR / "uploads"),
        }
        | overrides
    )


@contextlib.contextmanager
def serving(environment: dict, *, workers: int, log=None, max_requests=None):
    """gunicorn on a free loopback port while the block runs; yields its base URL.

    The settings are gunicorn.conf.py's, as in production, but for the bind
    address, the workers and (when given) how often a worker is recycled.
    """
    port = free_port()
    options = [
        f"--bind=127.0.0.1:{port}",
        f"--workers={workers}",
        "--log-level=warning",
    ]
    if max_requests is not None:
        options.append(f"--max-requests={max_requests}")
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", *options, "newsroom.wsgi"],
        cwd=ROOT,
        env=environment,
        stdout=log,
        stderr=log,
    )
    try:
        wait_until_up(port)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=TIMEOUT)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(port, seconds=TIMEOUT):
    """Until a worker answers the health check: the port opens before that."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not start on port {port}")
