"""gunicorn's settings for Newsroom: `gunicorn -c gunicorn.conf.py newsroom.wsgi`.

Everything here can be set from the environment; see docs in the README.
"""

import gc
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
# Sync workers: the classic sizing, two per core plus one.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = 5
# Recycle workers now and then, so a slow leak never becomes an outage.
max_requests = 2000
max_requests_jitter = 200
# Django logs each request itself, as JSON with its id (newsroom.middleware).
accesslog = None
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def post_worker_init(worker):
    """Spare the garbage collector what the worker keeps for its whole life.

    Django, the project and their modules are loaded by now; frozen, they are
    no longer walked by each full collection while pages are served.
    """
    gc.freeze()
