"""Lighthouse's four scores for the home and article pages (`make audit`).

Serves the demo content with production settings through gunicorn on a free
loopback port, runs Lighthouse's mobile preset in /usr/bin/chromium three times
per page and keeps each category's median. Exits non-zero when accessibility,
best practices or SEO score under 100; performance is reported against its
target of 95, since it moves with the machine's load.
"""

import json
import os
import re
import secrets
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "var" / "audit"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("NEWSROOM_CHROMIUM", "/usr/bin/chromium")
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
MUST_BE_PERFECT = {"accessibility", "best-practices", "seo"}
PERFORMANCE_TARGET = 95
RUNS = 3
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)


def main() -> int:
    port = _free_port()
    environment = os.environ | {
        "DJANGO_DEBUG": "0",
        "DJANGO_HTTPS": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{OUT / 'db.sqlite3'}",
        "DJANGO_MEDIA_ROOT": str(OUT / "uploads"),
        "NEWSROOM_BASE_URL": f"http://127.0.0.1:{port}",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "2",
    }
    OUT.mkdir(parents=True, exist_ok=True)
    for command in (["migrate"], ["load_demo"], ["collectstatic", "--no-input"]):
        _manage(command, environment)
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "newsroom.wsgi"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        home = _wait_for(base + "/")
        pages = {"home": base + "/", "article": base + _lead_story(home)}
        scores = {name: _median_scores(url) for name, url in pages.items()}
    finally:
        server.terminate()
        server.wait()
    (OUT / "lighthouse.json").write_text(json.dumps(scores, indent=2))
    return _report(scores)


def _manage(command: list[str], environment: dict) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *command, "-v0"],
        cwd=ROOT,
        env=environment,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(url: str) -> str:
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def _lead_story(home: str) -> str:
    """The address of the front page's lead story: its first article link."""
    return re.search(r'href="(/articles/[^"]+/)"', home).group(1)


def _median_scores(url: str) -> dict[str, int]:
    runs = [_scores(url) for _ in range(RUNS)]
    return {
        category: round(statistics.median(run[category] for run in runs))
        for category in CATEGORIES
    }


def _scores(url: str) -> dict[str, float]:
    result = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            "--output-path=stdout",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
        ],
        env=os.environ | {"CHROME_PATH": CHROMIUM},
        capture_output=True,
        text=True,
        check=True,
    )
    categories = json.loads(result.stdout)["categories"]
    return {name: categories[name]["score"] * 100 for name in CATEGORIES}


def _report(scores: dict[str, dict[str, int]]) -> int:
    print(f"Lighthouse, mobile preset, median of {RUNS} runs")
    print(f"  {'page':<10}" + "".join(f"{name:>16}" for name in CATEGORIES))
    failures = []
    for page, categories in scores.items():
        print(f"  {page:<10}" + "".join(f"{categories[c]:>16}" for c in CATEGORIES))
        failures += [
            f"{page}: {name} {categories[name]} < 100"
            for name in MUST_BE_PERFECT
            if categories[name] < 100
        ]
        if categories["performance"] < PERFORMANCE_TARGET:
            print(f"  note: {page} performance is under its target of 95")
    for failure in failures:
        print(f"FAIL {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
