"""Site-wide views: whether this process is alive, and whether it can serve."""

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache


@never_cache
def healthz(request):
    """The process answers. Nothing else is checked, so it stays cheap."""
    return JsonResponse({"status": "ok"})


@never_cache
def readyz(request):
    """The database and the cache answer; 503 naming whichever does not."""
    checks = {"database": _database_answers, "cache": _cache_answers}
    failing = [name for name, check in checks.items() if not check()]
    return JsonResponse(
        {"status": "unavailable" if failing else "ok", "failing": failing},
        status=503 if failing else 200,
    )


def _database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except Exception:  # any failure at all means not ready
        return False


def _cache_answers() -> bool:
    try:
        cache.set("readyz", "ok", timeout=10)
        return cache.get("readyz") == "ok"
    except Exception:  # any failure at all means not ready
        return False
