"""Load a loopback URL for a bounded time and read the figures; one reader's form.

wrk does the work (the Debian package, installed on first use when allowed);
where it cannot be had, a small Python client with the same bounds stands in,
slower and so less able to saturate the server.
"""

import http.client
import http.cookiejar
import json
import re
import shutil
import statistics
import subprocess
import threading
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent / "wrk.lua"
# gunicorn's sync workers take one request each; two waiting per worker keep
# them busy without piling up a queue that would only add to the latency.
CONNECTIONS = 4
THREADS = 1
TIMEOUT = 30


@dataclass(frozen=True)
class Posts:
    """Form bodies to post, one per line, with the browser's cookie."""

    bodies: Path
    cookie: str
    referer: str


def load(url: str, *, seconds: float, posts: Posts | None = None) -> dict:
    """Requests per second, p50 and p99 latency, refusals; accepted comment ids."""
    if urllib.parse.urlsplit(url).hostname != "127.0.0.1":
        raise ValueError(f"benchmarks load this machine's loopback only, not {url}")
    wrk = _wrk()
    figures = (_with_wrk if wrk else _with_python)(wrk, url, seconds, posts)
    figures["requests_per_second"] = round(figures["requests"] / figures["seconds"], 1)
    figures["client"] = "wrk" if wrk else "python"
    return figures


def _wrk() -> str | None:
    if not shutil.which("wrk"):
        subprocess.run(
            ["apt-get", "install", "-y", "-q", "wrk"],
            capture_output=True,
            timeout=300,
            check=False,
        )
    return shutil.which("wrk")


def _with_wrk(wrk, url, seconds, posts) -> dict:
    arguments = []
    if posts:
        arguments = ["--", str(posts.bodies), str(THREADS), posts.cookie, posts.referer]
    output = subprocess.run(
        [
            wrk,
            f"--threads={THREADS}",
            f"--connections={CONNECTIONS}",
            f"--duration={seconds}s",
            f"--timeout={TIMEOUT}s",
            f"--script={SCRIPT}",
            url,
            *arguments,
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 60,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def _with_python(_, url, seconds, posts) -> dict:
    """CONNECTIONS threads, each sending one request at a time until time is up."""
    parts = urllib.parse.urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    bodies = iter(posts.bodies.read_text().splitlines()) if posts else None
    latencies, statuses, accepted_ids = [], [], []
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client():
        while time.monotonic() < deadline:
            connection = http.client.HTTPConnection(parts.netloc, timeout=TIMEOUT)
            began = time.perf_counter()
            if posts:
                with lock:
                    body = next(bodies)
                headers = {
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Cookie": posts.cookie,
                    "Referer": posts.referer,
                }
                connection.request("POST", path, body, headers)
            else:
                connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            connection.close()
            with lock:
                latencies.append((time.perf_counter() - began) * 1000)
                statuses.append(response.status)
                if response.status == 302:
                    location = response.getheader("Location", "")
                    accepted_ids.append(location.rpartition("#comment-")[2])

    began = time.monotonic()
    workers = [threading.Thread(target=client) for _ in range(CONNECTIONS)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    percentiles = statistics.quantiles(latencies, n=100)
    return {
        "requests": len(statuses),
        "seconds": time.monotonic() - began,
        "p50_ms": percentiles[49],
        "p99_ms": percentiles[98],
        "socket_errors": 0,
        "bad_status": sum(status >= 400 for status in statuses),
        "accepted": statuses.count(302),
        "accepted_ids": [int(pk) for pk in accepted_ids],
    }


class Reader:
    """One browser: its own cookies and the comment form's CSRF and form tokens."""

    def __init__(self, base, article_path):
        self.base, self.article_path = base, article_path
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirect()
        )

    def open_article(self):
        """Load the article, then fetch this reader's tokens as its script does."""
        with self.opener.open(self.base + self.article_path, timeout=TIMEOUT) as page:
            html = page.read().decode()
        tokens_path = re.search(r'data-token-url="([^"]+)"', html)[1]
        with self.opener.open(self.base + tokens_path, timeout=TIMEOUT) as answer:
            tokens = json.load(answer)
        self.csrf, self.token = tokens["csrf"], tokens["token"]

    def cookie_header(self) -> str:
        return "; ".join(f"{cookie.name}={cookie.value}" for cookie in self.cookies)

    def post_comment(self, url, number) -> int:
        data = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": self.csrf,
                "token": self.token,
                "author_name": f"Reader {number}",
                "author_email": f"reader{number}@example.org",
                "body": f"Comment number {number} from the load test.",
            }
        ).encode()
        request = urllib.request.Request(
            url, data=data, headers={"Referer": self.base + self.article_path}
        )
        try:
            with self.opener.open(request, timeout=TIMEOUT) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
