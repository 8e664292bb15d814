"""Site-wide middleware: headers Django does not set, and request logging."""

import logging
import re
import time
import uuid
from contextvars import ContextVar

logger = logging.getLogger("newsroom.requests")
REQUEST_ID: ContextVar[str] = ContextVar("request_id", default="-")
VALID_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")

# No page of ours uses these browser features; deny them to anything embedded.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


class RequestLogMiddleware:
    """One structured log line per request, and an id that follows it.

    The id comes from the proxy's X-Request-ID when it looks like one, so a
    request can be traced from nginx to here; it is echoed in the response.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = _request_id(request)
        token = REQUEST_ID.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request_id
            logger.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                },
            )
            return response
        finally:
            REQUEST_ID.reset(token)


class RequestIdFilter(logging.Filter):
    """Stamps every log record made during a request with that request's id."""

    def filter(self, record):
        record.request_id = REQUEST_ID.get()
        return True


def _request_id(request) -> str:
    offered = request.headers.get("X-Request-ID", "")
    return offered if VALID_ID.fullmatch(offered) else uuid.uuid4().hex
