"""Each request leaves one structured log line; errors leave a traceback."""

import json
import logging

import pytest
from django.test import Client

from articles.views import HomeView

pytestmark = pytest.mark.django_db


def test_request_is_logged_with_its_id_status_and_duration(client, caplog):
    caplog.set_level(logging.INFO, logger="newsroom.requests")

    response = client.get("/archive/", HTTP_X_REQUEST_ID="edge-4f2a")

    [record] = [r for r in caplog.records if r.name == "newsroom.requests"]
    assert response["X-Request-ID"] == "edge-4f2a"
    assert record.request_id == "edge-4f2a"
    assert (record.method, record.path, record.status) == ("GET", "/archive/", 200)
    assert record.duration_ms >= 0


def test_a_doubtful_request_id_is_replaced(client):
    response = client.get("/archive/", HTTP_X_REQUEST_ID="<script>")

    assert response["X-Request-ID"] != "<script>"
    assert len(response["X-Request-ID"]) == 32


def test_error_goes_to_the_log_with_a_traceback_not_to_the_reader(monkeypatch, caplog):
    def broken(self):
        raise RuntimeError("the printing press jammed")

    monkeypatch.setattr(HomeView, "get_queryset", broken)
    client = Client(raise_request_exception=False)

    response = client.get("/")

    assert response.status_code == 500
    assert "printing press" not in response.content.decode()
    [error] = [r for r in caplog.records if r.name == "django.request"]
    assert error.levelname == "ERROR"
    assert "the printing press jammed" in str(error.exc_info[1])


def test_production_log_lines_are_json():
    from django.conf import settings
    from pythonjsonlogger.json import JsonFormatter

    formatter = JsonFormatter(settings.LOGGING["formatters"]["json"]["fmt"])
    record = logging.LogRecord(
        "newsroom.requests", logging.INFO, "", 0, "GET /", (), None
    )
    record.request_id, record.status = "abc", 200

    line = json.loads(formatter.format(record))

    assert line["request_id"] == "abc"
    assert line["status"] == 200
    assert line["message"] == "GET /"
