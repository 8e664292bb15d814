"""Site-wide invariants: settings fail closed, migrations are complete."""

import os
import subprocess
import sys
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command


def _load_settings(**env):
    """Import the production settings in a fresh interpreter with `env`."""
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")
    } | env
    return subprocess.run(
        [sys.executable, "-c", "import newsroom.settings"],
        env=environment,
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
    )


def test_settings_refuse_to_start_without_a_secret_key():
    result = _load_settings()

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_settings_start_with_a_secret_key():
    assert _load_settings(DJANGO_SECRET_KEY="x" * 50).returncode == 0


@pytest.mark.django_db
def test_no_model_changes_lack_a_migration():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)

    assert "No changes detected" in out.getvalue()
